"""The LKj rendered by a real Celery worker through Redis, and a worker killed mid-render.
Service CI run only (``-m worker``)."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection

from kinerja.lkj import services
from kinerja.lkj.models import LaporanKinerja
from tests.conftest import demo_inti_muat
from tests.pekerja import celery_worker


@pytest.fixture
def demo_committed(transactional_db):
    demo_inti_muat()


@pytest.fixture
def worker(demo_committed, settings):
    if not settings.CELERY_BROKER_URL or connection.vendor != "postgresql":
        pytest.fail("the worker tests belong to the service run (PostgreSQL + Redis)")
    with celery_worker(
        connection=connection, media_root=settings.MEDIA_ROOT, LKJ_DETAK_BASI_DETIK=3
    ) as proc:
        yield proc


def _tunggu(laporan, kondisi, batas=120.0):
    deadline = time.monotonic() + batas
    while time.monotonic() < deadline:
        laporan.refresh_from_db()
        if kondisi(laporan):
            return laporan
        time.sleep(0.2)
    pytest.fail(
        f"timeout waiting: status={laporan.status} progres={laporan.progres} tahap={laporan.tahap}"
    )


def _tunggu_antrean_habis(antrean: str, batas: float = 60.0) -> None:
    """Wait until the broker holds no message of ``antrean``, waiting or taken but unacked
    (tasks ack late, so an acked message is one whose task has finished)."""
    broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    deadline = time.monotonic() + batas
    kosong = 0  # seen empty twice in a row: not the instant between the pop and the unacked entry
    while time.monotonic() < deadline:
        kosong = kosong + 1 if broker.llen(antrean) == 0 and broker.hlen("unacked") == 0 else 0
        if kosong == 2:
            return
        time.sleep(0.2)
    pytest.fail(f"the worker did not consume the {antrean} queue within {batas:.0f} s")


def _anak(pid: int) -> list[int]:
    children = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        children += [int(c) for c in text]
    return children


@pytest.mark.worker
def test_worker_renders_the_lkj_with_progress(worker, sekretaris):
    laporan = services.laporan_request(tahun=2023, pengguna=sekretaris)
    seen = set()

    def selesai(lap):
        seen.add(lap.progres)
        return lap.status in ("selesai", "gagal")

    laporan = _tunggu(laporan, selesai)
    assert laporan.status == "selesai", laporan.pesan_galat
    assert laporan.jumlah_halaman > 20 and len(laporan.sha256) == 64
    assert len(seen) >= 2  # the progress moved while the page polled it
    # A second delivery of the same job does nothing.
    from kinerja.tasks import laporan_render

    sha, selesai_pada = laporan.sha256, laporan.selesai_pada
    laporan_render.delay(laporan.pk)
    _tunggu_antrean_habis("laporan")  # the worker took the second delivery and acked it
    laporan.refresh_from_db()
    assert (laporan.status, laporan.sha256, laporan.selesai_pada) == ("selesai", sha, selesai_pada)


@pytest.mark.worker
def test_worker_killed_mid_render_ends_completed_or_gagal_never_stuck(worker, sekretaris):
    laporan = services.laporan_request(tahun=2023, pengguna=sekretaris)
    _tunggu(laporan, lambda lap: lap.status == "diproses", batas=60)
    children = _anak(worker.pid)
    assert children, "the worker has no pool process"
    for child in children:
        os.kill(child, signal.SIGKILL)
    laporan = _tunggu(laporan, lambda lap: lap.status in ("selesai", "gagal"), batas=150)
    if laporan.status == "gagal":
        assert laporan.pesan_galat
    else:
        assert laporan.percobaan >= 2 and laporan.sha256
    assert LaporanKinerja.objects.filter(status="diproses").count() == 0
