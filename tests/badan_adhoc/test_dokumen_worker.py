"""A recruitment document rendered by a real Celery worker consuming the ``dokumen`` queue
through Redis. Service CI run only (``-m worker``); the routing itself is checked everywhere."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from badan_adhoc.dokumen import services
from badan_adhoc.dokumen.models import DokumenRekrutmen
from tests.pekerja import antrean_habis, celery_worker, tunggu

ROOT = Path(__file__).resolve().parents[2]


def test_the_document_task_is_routed_to_its_own_queue_which_the_workers_consume():
    from kpu_site.celery import app

    rute = app.amqp.router.route({}, "badan_adhoc.tasks.dokumen_render")
    assert rute["queue"].name == "dokumen"
    assert "-Q default,laporan,dokumen" in (ROOT / "docker-compose.yml").read_text()
    assert '"default,laporan,dokumen"' in (ROOT / "tests" / "pekerja.py").read_text()


@pytest.fixture
def worker(transactional_db, settings):
    if not settings.CELERY_BROKER_URL or connection.vendor != "postgresql":
        pytest.fail("the worker tests belong to the service run (PostgreSQL + Redis)")
    with celery_worker(
        connection=connection, media_root=settings.MEDIA_ROOT, DOKUMEN_DETAK_BASI_DETIK=3
    ) as proc:
        yield proc


@pytest.mark.worker
def test_worker_renders_the_zip_from_the_dokumen_queue_and_ignores_a_second_delivery(
    norma_seed, worker, diseleksi, staf_teknis
):
    dokumen, baru = services.dokumen_request(
        rekrutmen=diseleksi,
        jenis="pengumuman_zip",
        parameter={"tahap": "administrasi"},
        pengguna=staf_teknis,
    )  # committed (transactional test): enqueued to the broker, not run in-process
    assert baru and settings.CELERY_TASK_ALWAYS_EAGER is False
    dokumen = tunggu(dokumen, lambda d: d.status in ("selesai", "gagal"))
    assert dokumen.status == "selesai", dokumen.pesan_galat
    with dokumen.berkas.open("rb") as f, zipfile.ZipFile(io.BytesIO(f.read())) as arsip:
        assert len(arsip.namelist()) == 2
    from badan_adhoc.tasks import dokumen_render

    sha, selesai_pada = dokumen.sha256, dokumen.selesai_pada
    dokumen_render.delay(dokumen.pk)
    antrean_habis("dokumen")  # the worker took the second delivery from its queue
    dokumen.refresh_from_db()
    assert (dokumen.status, dokumen.sha256, dokumen.selesai_pada) == ("selesai", sha, selesai_pada)
    assert DokumenRekrutmen.objects.count() == 1
