"""Where a store under test keeps its events: SQLite files or a PostgreSQL database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class StoreBackend:
    """What a store test needs to open a store; one per test, so stores never share data.

    `data_dir` is a fresh folder for SQLite files (and anything else on disk); `database_url` is
    None for SQLite, else a PostgreSQL URL; `schema_suffix` is unique per test, to name schemas or
    tables that must not collide with another test's on the shared database.
    """

    name: str
    data_dir: Path
    database_url: str | None
    schema_suffix: str

    @property
    def is_postgres(self) -> bool:
        return self.database_url is not None

    def env(self) -> dict[str, str]:
        """The environment a service process needs to use this backend."""
        env = {"OMS_DATA_DIR": str(self.data_dir)}
        if self.database_url is not None:
            env["OMS_DATABASE_URL"] = self.database_url
        return env
