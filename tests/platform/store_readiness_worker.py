"""A running inventory service whose process may lose the right to grow files (RLIMIT_FSIZE).

Usage: store_readiness_worker.py DATA_DIR BOOTSTRAP
Prints one JSON line per phase: the HTTP status and checks of /health/ready while the store can
write, while every write extending a file fails ('disk I/O error' in SQLite, as on a full disk),
and after the limit is lifted again. Python ignores SIGXFSZ, so writes fail instead of killing it.
"""

import asyncio
import json
import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from services.inventory.bootstrap import definition
from tests.support.services import running_service


async def ready(service, phase: str) -> None:
    answer = await service.client.get("/health/ready")
    print(json.dumps({"phase": phase, "status": answer.status_code, "checks": answer.json()["checks"]}), flush=True)


async def main(data_dir: str, bootstrap: str) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    async with running_service(definition(), bootstrap=bootstrap, data_dir=Path(data_dir)) as service:
        await ready(service, "writable")
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, hard))  # no write may extend any file
        try:
            await ready(service, "limited")
        finally:
            resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        await ready(service, "restored")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
