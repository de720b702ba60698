"""A task enqueued through the real broker is executed by a real ``celery worker`` process and
its result is seen in the database. Runs only in the service CI run (``-m worker``)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from kpu_site import services
from kpu_site.models import PemeriksaanWorker

ROOT = Path(__file__).resolve().parent.parent


def _database_url() -> str:
    s = connection.settings_dict
    if connection.vendor != "postgresql":
        pytest.fail("the worker test needs PostgreSQL (run it in the service CI run)")
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"


@pytest.fixture
def celery_worker_process(transactional_db):
    if not settings.CELERY_BROKER_URL:
        pytest.fail("CELERY_BROKER_URL is not set: the worker test belongs to the service run")
    env = dict(os.environ, DATABASE_URL=_database_url())
    proc = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "kpu_site", "worker", "-Q", "default,laporan",
         "--pool", "solo", "--loglevel", "WARNING", "--without-heartbeat", "--without-gossip",
         "--without-mingle"],
        cwd=ROOT,
        env=env,
    )  # fmt: skip
    yield proc
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.mark.worker
def test_worker_executes_task_enqueued_through_broker(celery_worker_process):
    probe = services.pemeriksaan_worker_kirim()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        probe.refresh_from_db()
        if probe.diproses:
            break
        time.sleep(0.3)
    assert probe.diproses is not None, "the worker did not process the task within 60 s"
    assert probe.host_worker
    assert PemeriksaanWorker.objects.filter(diproses__isnull=False).count() == 1
