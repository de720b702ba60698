"""The satker's short name for the page header and title of every staff page ("KPU Kota
Serang"), from its record: nothing about a particular satker is in a template."""

from __future__ import annotations

from django.core.cache import cache

_KUNCI = "sekretariat:satker_nama_singkat"


def satker_nama_singkat() -> str:
    """``KPU <kabupaten/kota>`` of the installation's satker, or ``Sekretariat KPU`` before it
    is set up. Cached; a saved or deleted satker empties the cache (``SekretariatConfig``)."""
    nama = cache.get(_KUNCI)
    if nama is None:
        from .selectors import satker_get

        satker = satker_get()
        nama = f"KPU {satker.nama_wilayah}" if satker is not None else "Sekretariat KPU"
        cache.set(_KUNCI, nama, 3600)
    return nama


def satker_nama_lupakan(**_kwargs) -> None:
    cache.delete(_KUNCI)


def satker(request) -> dict:
    # the function, not its value: the template calls it only where it prints the name
    return {"satker_nama_singkat": satker_nama_singkat}
