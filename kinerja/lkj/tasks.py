"""The LKj render task, on the ``laporan`` queue (see ``CELERY_TASK_ROUTES``).

Idempotent: the service claims the row with a conditional update, so a second delivery of the
same job does nothing. ``acks_late`` + ``reject_on_worker_lost``: when the worker process is
killed mid-render the job is delivered again; the new attempt takes the row over once it has
shown no sign of life for ``detak_basi()`` (until then it retries later), and after
``MAKS_PERCOBAAN`` attempts the row is marked gagal with a message, never left ``diproses``.
The steps shared with the other rendering jobs are in ``kpu_site.pekerjaan``.
"""

from __future__ import annotations

from celery import shared_task

from kpu_site.pekerjaan import pekerjaan_tugas

from . import services
from .models import LaporanKinerja
from .services import MAKS_PERCOBAAN, detak_basi

SOFT_LIMIT = 240
HARD_LIMIT = 300


@shared_task(
    bind=True,
    name="kinerja.tasks.laporan_render",
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=SOFT_LIMIT,
    time_limit=HARD_LIMIT,
    max_retries=MAKS_PERCOBAAN + 2,
)
def laporan_render(self, laporan_id: int) -> str:
    return pekerjaan_tugas(
        self,
        model=LaporanKinerja,
        pk=laporan_id,
        kerjakan=lambda: services.laporan_render(laporan_id=laporan_id),
        label="laporan",
        basi=detak_basi(),
        soft_limit=SOFT_LIMIT,
        maks_percobaan=MAKS_PERCOBAAN,
    )
