from __future__ import annotations

import socket

from django.db import transaction
from django.utils import timezone

from .models import PemeriksaanWorker


def pemeriksaan_worker_kirim() -> PemeriksaanWorker:
    """Create a probe row and enqueue it; the worker stamps it (``pemeriksaan_worker_proses``)."""
    from .tasks import pemeriksaan_worker_proses

    probe = PemeriksaanWorker.objects.create()
    transaction.on_commit(lambda: pemeriksaan_worker_proses.delay(probe.pk))
    return probe


def pemeriksaan_worker_proses(*, pemeriksaan_id: int) -> bool:
    """Stamp the probe once (a second delivery changes nothing). Returns whether it claimed it."""
    claimed = PemeriksaanWorker.objects.filter(pk=pemeriksaan_id, diproses__isnull=True).update(
        diproses=timezone.now(), host_worker=socket.gethostname()[:200]
    )
    return bool(claimed)
