"""Dasbor pimpinan: the year at a glance for Komisioner and Sekretaris.

The page is composed from what the apps register in ``<app>/dasbor.py`` (see
``kpu_site.registri``):

- ``PANEL``: a list of ``Panel``: a figure of the year computed by the app's own selector
  (nothing is recomputed here), shown as a card in the top row (``kartu``) and/or a section
  below (``template``). A ``tersimpan`` panel is cached for a few minutes with the time it was
  computed, shown on the page as "data per …"; ``segar=True`` recomputes.
- ``TUGAS``: functions ``(user) -> [{"judul", "jumlah", "url"}]``: what waits for the user's
  action (home page of every role; not cached: personal and cheap).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from .registri import atribut_app
from .tersimpan import tersimpan


@dataclass(frozen=True)
class Panel:
    """One figure of the Dasbor pimpinan. ``hitung(tahun=...)`` returns its data, which the
    templates read as ``dasbor.data.<kunci>``; ``urutan`` orders the cards and sections."""

    kunci: str
    hitung: Callable[..., object]
    kartu: str = ""
    template: str = ""
    urutan: int = 0
    tersimpan: bool = True


def panel_list() -> list[Panel]:
    """Every app's panels, in ``urutan`` order."""
    return sorted(
        (p for daftar in atribut_app("dasbor", "PANEL") for p in daftar), key=lambda p: p.urutan
    )


def dasbor_tahun(*, tahun: int, segar: bool = False) -> dict:
    """The page's context: ``data`` per panel key, the card and section templates in order and
    ``data_per`` (when the oldest cached figure was computed)."""
    panel = panel_list()
    data, per = {}, [timezone.now()]
    for p in panel:
        if p.tersimpan:
            hasil = tersimpan(
                f"dasbor:{p.kunci}:{tahun}", lambda p=p: p.hitung(tahun=tahun), segar=segar
            )
            data[p.kunci] = hasil["data"]
            per.append(hasil["per"])
        else:
            data[p.kunci] = p.hitung(tahun=tahun)
    return {
        "data": data,
        "kartu": [p.kartu for p in panel if p.kartu],
        "bagian": [p.template for p in panel if p.template],
        "data_per": min(per),
    }


def dasbor_tugas(*, user) -> list[dict]:
    """What waits for this user's action, from every app's ``TUGAS``."""
    return [
        t for daftar in atribut_app("dasbor", "TUGAS") for fungsi in daftar for t in fungsi(user)
    ]
