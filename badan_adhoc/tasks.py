"""Celery tasks of the badan_adhoc app (found by ``autodiscover_tasks``).

``dokumen_render`` runs on the ``dokumen`` queue (``CELERY_TASK_ROUTES``), idempotent like the
LKj's: the service claims the row with a conditional update, so a duplicate delivery does
nothing; a killed render is taken over after ``DOKUMEN_DETAK_BASI_DETIK`` and ends gagal after
``MAKS_PERCOBAAN`` attempts. Without a broker the same code runs in-process."""

from __future__ import annotations

from celery import shared_task

from kpu_site.pekerjaan import pekerjaan_tugas

from .dokumen import services
from .dokumen.models import DokumenRekrutmen
from .dokumen.services import MAKS_PERCOBAAN, detak_basi

SOFT_LIMIT = 600
HARD_LIMIT = 660


@shared_task(
    bind=True,
    name="badan_adhoc.tasks.dokumen_render",
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=SOFT_LIMIT,
    time_limit=HARD_LIMIT,
    max_retries=MAKS_PERCOBAAN + 2,
)
def dokumen_render(self, dokumen_id: int) -> str:
    return pekerjaan_tugas(
        self,
        model=DokumenRekrutmen,
        pk=dokumen_id,
        kerjakan=lambda: services.dokumen_render(dokumen_id=dokumen_id),
        label="dokumen",
        basi=detak_basi(),
        soft_limit=SOFT_LIMIT,
        maks_percobaan=MAKS_PERCOBAAN,
    )
