"""The PostgreSQL database of a benchmark run: ``DATABASE_URL`` checked, then dropped and
recreated empty (shared by ``adhoc_seleksi.py``, ``anggaran_impor.py`` and ``beban.py``)."""

from __future__ import annotations

import os
from urllib.parse import urlparse


def db_recreate(url: str) -> None:
    """Drop and create the database named in ``url`` (connecting to ``postgres``)."""
    import psycopg2

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    conn = psycopg2.connect(
        host=parts.hostname,
        port=parts.port,
        user=parts.username,
        password=parts.password,
        dbname="postgres",
    )
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cur.execute(f'CREATE DATABASE "{name}"')
    conn.close()


def db_baru_dari_env() -> None:
    """Recreate empty the database of ``DATABASE_URL``, which must be PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        raise SystemExit("DATABASE_URL must point to PostgreSQL (the database is recreated).")
    db_recreate(url)
