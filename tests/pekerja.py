"""Starting a real Celery worker process for the service-run tests (worker, browser)."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def database_url(connection) -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"


@contextmanager
def celery_worker(*, connection, media_root, pool: str = "prefork", **env_extra):
    """A ``celery worker`` on the default, laporan and dokumen queues, using the test database."""
    env = dict(
        os.environ,
        DATABASE_URL=database_url(connection),
        DJANGO_MEDIA_ROOT=str(media_root),
        **{k: str(v) for k, v in env_extra.items()},
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "kpu_site", "worker", "-Q", "default,laporan,dokumen",
         "--pool", pool, "--concurrency", "1", "--loglevel", "WARNING",
         "--without-heartbeat", "--without-gossip", "--without-mingle"],
        cwd=ROOT,
        env=env,
    )  # fmt: skip
    try:
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
