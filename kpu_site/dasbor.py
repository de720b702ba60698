"""Dasbor pimpinan: the year at a glance for Komisioner and Sekretaris.

The page is composed from what the apps register in ``<app>/dasbor.py`` (see
``kpu_site.registri``):

- ``PANEL``: a list of ``Panel``: a figure of the year computed by the app's own selector
  (nothing is recomputed here), shown as a card in the top row (``kartu``) and/or a section
  below (``template``). A ``tersimpan`` panel is cached for a few minutes with the time it was
  computed, shown on the page as "data per …"; ``segar=True`` recomputes.
- ``TUGAS``: functions ``(user) -> [{"judul", "jumlah", "url"}]``: what waits for the user's
  action (home page of every role; not cached: personal and cheap).
- ``TUGAS_UNIT``: functions ``(*, user, tahun, hari_ini) -> [Tugas]``: the open work of a Staf
  or Kasubag's sub-bagian in the working year, each kind with its count, the page to act and
  its first items (the home page of those two roles, ``tugas_unit``; not cached).
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


# --------------------------------------------------------------------------- home of a unit


@dataclass(frozen=True)
class Butir:
    """One open item: what it is, where to act on it, and a note (a verifier's comment)."""

    label: str
    url: str
    keterangan: str = ""
    catatan: str = ""


@dataclass(frozen=True)
class Tugas:
    """One kind of open work of a Staf/Kasubag's sub-bagian on their home page: how many
    (``jumlah``, from the app's selector), the page to act on all of them (``url`` with the
    link text ``tindakan``) and the first items (``butir``, at most ``BUTIR_MAKS``)."""

    kunci: str
    judul: str
    jumlah: int
    url: str
    tindakan: str
    butir: tuple[Butir, ...] = ()
    #: How many items there are when one item stands for several counted things (a
    #: recruitment with its applicants to screen); ``None``: one item per thing counted.
    total_butir: int | None = None

    @property
    def sisa(self) -> int:
        """Items not listed (all the items minus those shown): "dan N lainnya"."""
        total = self.jumlah if self.total_butir is None else self.total_butir
        return max(total - len(self.butir), 0)


#: How many items of one kind of work the home page lists (the rest: "dan N lainnya").
BUTIR_MAKS = 10


def tugas_unit(*, user, tahun: int, hari_ini) -> list[Tugas]:
    """The open work of a Staf or Kasubag's sub-bagian for the working year ``tahun``, from
    every app's ``TUGAS_UNIT`` (functions ``(*, user, tahun, hari_ini) -> [Tugas]``); only the
    kinds with something open (``jumlah`` > 0). Empty: everything is done."""
    return [
        t
        for daftar in atribut_app("dasbor", "TUGAS_UNIT")
        for fungsi in daftar
        for t in fungsi(user=user, tahun=tahun, hari_ini=hari_ini)
        if t.jumlah
    ]
