"""The LKj render task, on the ``laporan`` queue (see ``CELERY_TASK_ROUTES``).

Idempotent: the service claims the row with a conditional update, so a second delivery of the
same job does nothing. ``acks_late`` + ``reject_on_worker_lost``: when the worker process is
killed mid-render the job is delivered again; the new attempt takes the row over once it has
shown no sign of life for ``detak_basi()`` (until then it retries later), and after
``MAKS_PERCOBAAN`` attempts the row is marked gagal with a message, never left ``diproses``.
"""

from __future__ import annotations

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import DatabaseError, OperationalError

from . import services
from .models import LaporanKinerja
from .services import MAKS_PERCOBAAN, detak_basi, laporan_fail

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
    try:
        hasil = services.laporan_render(laporan_id=laporan_id)
    except SoftTimeLimitExceeded:
        laporan_fail(
            laporan_id=laporan_id,
            pesan=f"Penyusunan laporan melebihi batas waktu {SOFT_LIMIT} detik dan dihentikan.",
        )
        return "gagal"
    except (OperationalError, DatabaseError, OSError) as exc:  # transient: database/disk
        if self.request.retries >= MAKS_PERCOBAAN:
            laporan_fail(
                laporan_id=laporan_id,
                pesan=f"Gagal menyusun laporan: {exc.__class__.__name__}: {exc}",
            )
            return "gagal"
        LaporanKinerja.objects.filter(pk=laporan_id, status=LaporanKinerja.Status.DIPROSES).update(
            status=LaporanKinerja.Status.ANTRI, tahap="Dicoba ulang setelah gangguan sementara"
        )
        raise self.retry(exc=exc, countdown=10) from exc
    except Exception as exc:  # anything else: readable message, no retry
        laporan_fail(
            laporan_id=laporan_id, pesan=f"Gagal menyusun laporan: {exc.__class__.__name__}: {exc}"
        )
        return "gagal"
    if hasil is None:
        # Not claimed: done already, or held by a render that may have died. Look again later
        # while it is still diproses, so a killed render is taken over (or marked gagal).
        row = LaporanKinerja.objects.filter(pk=laporan_id).values_list("status", flat=True).first()
        if row == LaporanKinerja.Status.DIPROSES and self.request.retries < MAKS_PERCOBAAN + 2:
            raise self.retry(countdown=int(detak_basi().total_seconds()) + 2)
        return "dilewati"
    return hasil.status
