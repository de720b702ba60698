"""The LKj rendered by a real Celery worker through Redis, and a worker killed mid-render.
Service CI run only (``-m worker``)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from django.db import connection

from kinerja.lkj import services
from kinerja.lkj.models import LaporanKinerja
from tests.conftest import demo_inti_muat
from tests.pekerja import antrean_habis, celery_worker, tunggu


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

    laporan = tunggu(laporan, selesai)
    assert laporan.status == "selesai", laporan.pesan_galat
    assert laporan.jumlah_halaman > 20 and len(laporan.sha256) == 64
    assert len(seen) >= 2  # the progress moved while the page polled it
    # A second delivery of the same job does nothing.
    from kinerja.tasks import laporan_render

    sha, selesai_pada = laporan.sha256, laporan.selesai_pada
    laporan_render.delay(laporan.pk)
    antrean_habis("laporan")  # the worker took the second delivery and acked it
    laporan.refresh_from_db()
    assert (laporan.status, laporan.sha256, laporan.selesai_pada) == ("selesai", sha, selesai_pada)


@pytest.mark.worker
def test_worker_killed_mid_render_ends_completed_or_gagal_never_stuck(worker, sekretaris):
    laporan = services.laporan_request(tahun=2023, pengguna=sekretaris)
    tunggu(laporan, lambda lap: lap.status == "diproses", batas=60)
    children = _anak(worker.pid)
    assert children, "the worker has no pool process"
    for child in children:
        os.kill(child, signal.SIGKILL)
    laporan = tunggu(laporan, lambda lap: lap.status in ("selesai", "gagal"), batas=150)
    if laporan.status == "gagal":
        assert laporan.pesan_galat
    else:
        assert laporan.percobaan >= 2 and laporan.sha256
    assert LaporanKinerja.objects.filter(status="diproses").count() == 0
