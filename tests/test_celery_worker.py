"""A task enqueued through the real broker is executed by a real ``celery worker`` process and
its result is seen in the database. Runs only in the service CI run (``-m worker``)."""

from __future__ import annotations

import time

import pytest
from django.conf import settings
from django.db import connection

from kpu_site import services
from kpu_site.models import PemeriksaanWorker
from tests.pekerja import celery_worker


@pytest.fixture
def celery_worker_process(transactional_db):
    if not settings.CELERY_BROKER_URL or connection.vendor != "postgresql":
        pytest.fail("the worker test belongs to the service run (PostgreSQL + Redis)")
    with celery_worker(connection=connection, media_root=settings.MEDIA_ROOT, pool="solo") as proc:
        yield proc


@pytest.mark.worker
def test_worker_executes_task_enqueued_through_broker(celery_worker_process):
    probe = services.pemeriksaan_worker_send()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        probe.refresh_from_db()
        if probe.diproses:
            break
        time.sleep(0.3)
    assert probe.diproses is not None, "the worker did not process the task within 60 s"
    assert probe.host_worker
    assert PemeriksaanWorker.objects.filter(diproses__isnull=False).count() == 1
