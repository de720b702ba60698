from __future__ import annotations

import socket

from django.db import transaction
from django.utils import timezone

from .audit import jejak_catat
from .models import JejakAudit, PemeriksaanWorker


@transaction.atomic
def unduhan_record(*, pengguna, ringkasan: str, objek=None) -> JejakAudit:
    """Record a download (Excel, PDF, evidence, an uploaded file) in the audit trail: who
    (``pengguna``), what (``objek`` if there is one, and ``ringkasan``). Every view that hands
    out a file calls this before answering; the response helpers write nothing."""
    return jejak_catat(pengguna=pengguna, aksi="unduh", objek=objek, ringkasan=ringkasan)


def pemeriksaan_worker_send() -> PemeriksaanWorker:
    """Create a probe row and enqueue it; the worker stamps it (``pemeriksaan_worker_process``)."""
    from .tasks import pemeriksaan_worker_process

    probe = PemeriksaanWorker.objects.create()
    transaction.on_commit(lambda: pemeriksaan_worker_process.delay(probe.pk))
    return probe


def pemeriksaan_worker_process(*, pemeriksaan_id: int) -> bool:
    """Stamp the probe once (a second delivery changes nothing). Returns whether it claimed it."""
    claimed = PemeriksaanWorker.objects.filter(pk=pemeriksaan_id, diproses__isnull=True).update(
        diproses=timezone.now(), host_worker=socket.gethostname()[:200]
    )
    return bool(claimed)
