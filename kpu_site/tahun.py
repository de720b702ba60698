"""The working year across the app: chosen in the navigation bar, kept in the session.

Pages that show one year take ``?tahun=`` first, then the session's year, then the latest year
that has data. Earlier years stay browsable; a year whose LKj is final is locked read-only by
the kinerja and anggaran services.
"""

from __future__ import annotations

from django.core.cache import cache
from django.utils import timezone

KUNCI_SESI = "tahun_aktif"


def tahun_pilihan() -> list[int]:
    """Years that have a Perjanjian Kinerja, a budget document or an LKj, newest first."""
    cached = cache.get("tahun_pilihan")
    if cached is not None:
        return cached
    from anggaran.models import DokumenAnggaran
    from kinerja.models import LaporanKinerja, PerjanjianKinerja

    tahun = set(PerjanjianKinerja.objects.values_list("tahun", flat=True))
    tahun |= set(DokumenAnggaran.objects.values_list("tahun", flat=True))
    tahun |= set(LaporanKinerja.objects.values_list("tahun", flat=True))
    hasil = sorted(tahun, reverse=True) or [timezone.localdate().year]
    cache.set("tahun_pilihan", hasil, 60)
    return hasil


def tahun_aktif(request) -> int:
    """``?tahun=`` if valid, else the session's year, else the latest year with data."""
    pilihan = tahun_pilihan()
    raw = request.GET.get("tahun", "") if request is not None else ""
    if raw.isdigit() and 2000 <= int(raw) <= 2100:
        return int(raw)
    sesi = (
        request.session.get(KUNCI_SESI)
        if request is not None and hasattr(request, "session")
        else None
    )
    if isinstance(sesi, int):
        return sesi
    tahun_ini = timezone.localdate().year
    return next((t for t in pilihan if t <= tahun_ini), pilihan[0])
