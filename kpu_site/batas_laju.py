"""Rate limit of the public pages (no login): at most ``PUBLIK_BATAS_LAJU`` requests per
visitor address (``klien.alamat_klien``) in a window of ``PUBLIK_BATAS_LAJU_DETIK`` seconds, counted in the cache;
beyond it a 429 "Terlalu banyak permintaan" with ``Retry-After``."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

from .klien import alamat_klien


def batas_laju_lewat(request, *, nama: str) -> bool:
    """Count this request; ``True`` when the visitor is over the limit."""
    batas = getattr(settings, "PUBLIK_BATAS_LAJU", 120)
    jendela = getattr(settings, "PUBLIK_BATAS_LAJU_DETIK", 60)
    slot = int(timezone.now().timestamp()) // jendela
    kunci = f"batas_laju:{nama}:{alamat_klien(request)}:{slot}"
    cache.add(kunci, 0, jendela)
    try:
        jumlah = cache.incr(kunci)
    except ValueError:  # expired between add and incr
        cache.set(kunci, 1, jendela)
        jumlah = 1
    return jumlah > batas


class BatasLajuMixin:
    """For a public view: a 429 once the visitor is over the limit."""

    batas_laju_nama = "publik"

    def dispatch(self, request, *args, **kwargs):
        if batas_laju_lewat(request, nama=self.batas_laju_nama):
            response = HttpResponse(
                "Terlalu banyak permintaan. Coba lagi sebentar lagi.",
                status=429,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(getattr(settings, "PUBLIK_BATAS_LAJU_DETIK", 60))
            return response
        return super().dispatch(request, *args, **kwargs)
