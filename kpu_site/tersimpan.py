"""Expensive figures cached with the time they were computed (pages show "Data per …").

The figure itself is always computed by its own selector; this only keeps its result for a few
minutes. A key that includes a data version (e.g. ``Rekrutmen.pendaftar_versi``) makes the
cached value follow every write.
"""

from __future__ import annotations

from django.core.cache import cache
from django.utils import timezone

LAMA_CACHE = 300  # seconds


def tersimpan(kunci: str, hitung, *, segar: bool = False, lama: int = LAMA_CACHE) -> dict:
    """``{"data": hitung(), "per": datetime}`` from the cache, or computed now when missing or
    when ``segar`` (the page's **Perbarui data**)."""
    if not segar:
        hasil = cache.get(kunci)
        if hasil is not None:
            return hasil
    hasil = {"data": hitung(), "per": timezone.now()}
    cache.set(kunci, hasil, lama)
    return hasil
