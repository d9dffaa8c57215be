"""The layers of a service, as services/README.md draws them, held by their imports.

A domain package imports nothing from the platform, the contracts, Kafka, HTTP or another
service: only the standard library, the event-sourcing library its aggregates are made with, its
own service and the shared kernel (`oms_kernel`: values every domain uses, such as Money).
"""

from pathlib import Path

from tests.deploy.test_locks import REPO, imported_modules

ALLOWED_OUTSIDE_THE_SERVICE = {"eventsourcing", "oms_kernel", "typing_extensions"}
FORBIDDEN = {"oms_platform", "oms", "google", "aiokafka", "fastapi", "starlette", "pydantic", "psycopg",
             "httpx", "oms_dev", "oms_demo", "oms_identity"}


def test_domain_packages_import_only_their_service_the_kernel_and_the_library() -> None:
    offenders = []
    for domain in sorted((REPO / "services").glob("*/domain")):
        service = domain.parent.name
        for path in domain.rglob("*.py"):
            for module in imported_modules(path):
                if _forbidden(module, service):
                    offenders.append(f"{path.relative_to(REPO)}: {module}")
    assert not offenders


def _forbidden(module: str, service: str) -> bool:
    top = module.split(".")[0]
    if top == "services":
        return not module.startswith(f"services.{service}.")
    return top in FORBIDDEN


def test_the_shared_kernel_stands_alone() -> None:
    kernel = Path(REPO / "libs/oms_kernel")
    offenders = [f"{path.relative_to(REPO)}: {module}" for path in kernel.rglob("*.py")
                 for module in imported_modules(path)
                 if module.split(".")[0] in FORBIDDEN | {"services", "eventsourcing"}]
    assert not offenders
