"""Starting a real Celery worker process for the service-run tests (worker, browser)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

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


def tunggu(obj, kondisi, batas: float = 120.0):
    """Reload the job row ``obj`` until ``kondisi(obj)``; fail with its state after ``batas`` s."""
    deadline = time.monotonic() + batas
    while time.monotonic() < deadline:
        obj.refresh_from_db()
        if kondisi(obj):
            return obj
        time.sleep(0.2)
    pytest.fail(f"timeout waiting: status={obj.status} progres={obj.progres} tahap={obj.tahap}")


def antrean_habis(antrean: str, batas: float = 60.0) -> None:
    """Wait until the broker holds no message of ``antrean``, waiting or taken but unacked
    (tasks ack late, so an acked message is one whose task has finished)."""
    import redis
    from django.conf import settings

    broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    deadline = time.monotonic() + batas
    kosong = 0  # seen empty twice in a row: not the instant between the pop and the unacked entry
    while time.monotonic() < deadline:
        kosong = kosong + 1 if broker.llen(antrean) == 0 and broker.hlen("unacked") == 0 else 0
        if kosong == 2:
            return
        time.sleep(0.2)
    pytest.fail(f"the worker did not consume the {antrean} queue within {batas:.0f} s")
