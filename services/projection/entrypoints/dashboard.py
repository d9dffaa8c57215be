"""The dashboard: one static page with its script and style, no build step."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from starlette.responses import FileResponse

from oms_platform.http import NotFound

FILES = Path(__file__).with_name("dashboard")
_SERVED = {"app.js": "text/javascript", "style.css": "text/css"}

router = APIRouter(include_in_schema=False)


@router.get("/")
def page() -> FileResponse:
    # no-cache: after a deploy, the page and its script must not come from different versions.
    return FileResponse(FILES / "index.html", media_type="text/html", headers={"Cache-Control": "no-cache"})


@router.get("/dashboard/{name}")
def asset(name: str) -> FileResponse:
    if name not in _SERVED:
        raise NotFound("dashboard file", name)
    return FileResponse(FILES / name, media_type=_SERVED[name], headers={"Cache-Control": "no-cache"})
