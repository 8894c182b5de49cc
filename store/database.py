"""Where the catalog, the feedback and the record manager live: SQLite files in the store folder
on a laptop, or one PostgreSQL database (``GUIDE_DATABASE_URL``) that a team's app instances share.

SQLite on a shared network folder corrupts databases; several machines need a server that holds
the truth and a lock that works across machines. Both dialects speak the same SQL here (upserts
by ``ON CONFLICT``); the ingest lock is a file lock for SQLite and a PostgreSQL advisory lock
held by the ingesting session, which the server releases if that process dies.
"""
from __future__ import annotations

import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from filelock import FileLock, Timeout
from sqlalchemy import Engine, MetaData, create_engine, event, inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError

from settings import Settings


class StoreUnavailable(RuntimeError):
    """A server of the store (Chroma, the database) cannot be reached; the message says where."""


class DatabaseUnavailable(StoreUnavailable):
    """The database server cannot be reached."""


class LockTaken(RuntimeError):
    """Another process holds the lock."""


def database_url(settings: Settings, name: str) -> str:
    """The team's database when one is set, else the SQLite file ``name`` in the store folder."""
    if settings.database_url:
        return settings.database_url
    path = Path(settings.store) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def where(url: str) -> str:
    """A URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def reader(engine: Engine) -> Engine:
    """The engine for reads: each statement on its own, holding no lock."""
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def open_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite(dbapi, _record) -> None:
            dbapi.isolation_level = None  # SQLAlchemy issues BEGIN itself, below
            cursor = dbapi.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _immediate(conn) -> None:
            # A transaction takes the write lock at its start: two writers never deadlock
            # upgrading read locks. Reads run in autocommit and take none.
            if conn.get_execution_options().get("isolation_level") != "AUTOCOMMIT":
                conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10,
                         connect_args={"connect_timeout": 10})


@contextmanager
def reachable(url: str) -> Iterator[None]:
    """Database errors of a server that is down or unreachable, as one clear error."""
    try:
        yield
    except (OperationalError, DBAPIError) as exc:
        if url.startswith("sqlite") or not _connection_problem(exc):
            raise
        raise DatabaseUnavailable(f"cannot reach the database at {where(url)} "
                                  f"({type(exc.orig).__name__ if exc.orig else type(exc).__name__}); "
                                  "check that it is running") from None


def create_schema(engine: Engine, url: str, metadata: MetaData,
                  added: dict[str, tuple[tuple[str, str], ...]]) -> None:
    """The tables, and the columns later releases ``added`` ({table: ((name, SQL type), ...)})
    given to a database made before them."""
    with reachable(url):
        metadata.create_all(engine)
        with engine.begin() as db:
            found = inspect(db)
            for table, columns in added.items():
                have = {c["name"] for c in found.get_columns(table)}
                for name, kind in columns:
                    if name not in have:
                        db.execute(text(f"ALTER TABLE {table} ADD COLUMN {name} {kind}"))


def _connection_problem(exc: DBAPIError) -> bool:
    return isinstance(exc, OperationalError) or bool(getattr(exc, "connection_invalidated", False))


@contextmanager
def exclusive(engine: Engine, name: str, lock_file: Path) -> Iterator[None]:
    """A lock only one process holds at a time, across machines for PostgreSQL. Raises
    ``LockTaken`` at once if another holds it."""
    if engine.dialect.name == "sqlite":
        lock = FileLock(str(lock_file))
        try:
            with lock.acquire(timeout=0):
                yield
        except Timeout:
            raise LockTaken(name) from None
        return
    key = zlib.crc32(name.encode()) - 2**31
    with engine.connect() as conn:
        if not conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar():
            conn.rollback()
            raise LockTaken(name)
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
            conn.commit()
