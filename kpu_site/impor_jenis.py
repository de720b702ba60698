"""The imports of the app, for the column-mapping flow, the profiles and the templates.

Each domain app declares its imports in ``<app>/impor_jenis.py`` as ``JENIS`` (a tuple of
``JenisImpor``; ``kpu_site.registri``): the columns the import reads (``KolomImpor``: name,
label, required or not, a value rule suggested for it, other names a national system gives the
column, example values), which sub-bagian may run it, and where its page is. From that one
declaration come the mapping page's targets and suggestions (``kolom_sarankan``), the check of a
profile (``pemetaan_periksa``) and the empty template and filled example every import page
offers (``templat_baris``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .akses import boleh_ubah_unit
from .impor import ATURAN, ATURAN_BERBAGI, normalisasi_kolom
from .peran import PERAN_BERUNIT, PERAN_PIMPINAN, peran_of
from .registri import modul_app


@dataclass(frozen=True)
class KolomImpor:
    nama: str  # the column name the import reads (normalised)
    label: str
    wajib: bool = False
    aturan: str = ""  # the value rule suggested when the column is mapped (``impor.ATURAN``)
    sinonim: tuple[str, ...] = ()  # names national systems give it (suggestions)
    contoh: tuple[str, ...] = ()  # the filled example's values, one per example row


#: ``JenisImpor.unit`` of an import every sub-bagian runs for its own rows (the kinerja
#: realisasi): its Kasubag/Staf, the Sekretaris and Admin; the import checks each row's unit.
SETIAP_SUB_BAGIAN = "*"


@dataclass(frozen=True)
class JenisImpor:
    kode: str  # "realisasi", "pendaftar", …
    judul: str  # "Realisasi SP2D (SAKTI)"
    # the sub-bagian that runs it (``kpu_site.akses.boleh_ubah_unit``), or SETIAP_SUB_BAGIAN
    unit: str
    kolom: tuple[KolomImpor, ...]
    keterangan: str = ""  # what else to know, shown on its profile pages

    @property
    def wajib(self) -> tuple[str, ...]:
        return tuple(k.nama for k in self.kolom if k.wajib)

    def boleh(self, user) -> bool:
        """May ``user`` run this import (and keep its profiles and templates)?"""
        if self.unit != SETIAP_SUB_BAGIAN:
            return boleh_ubah_unit(user, self.unit)
        peran = peran_of(user)
        return peran in PERAN_PIMPINAN or (
            peran in PERAN_BERUNIT and getattr(user, "unit_id", None) is not None
        )

    def kolom_get(self, nama: str) -> KolomImpor | None:
        return next((k for k in self.kolom if k.nama == nama), None)


@cache
def jenis_semua() -> dict[str, JenisImpor]:
    """Every import the apps declare, by ``kode``, in the apps' order."""
    hasil: dict[str, JenisImpor] = {}
    for _app, modul in modul_app("impor_jenis"):
        for jenis in modul.JENIS:
            hasil[jenis.kode] = jenis
    return hasil


def jenis_get(kode: str) -> JenisImpor | None:
    return jenis_semua().get(kode)


def kolom_sarankan(jenis: JenisImpor, header: Sequence[str]) -> dict[str, str]:
    """Target column -> the file's header cell that matches it by name (its own name, its
    label, or a synonym, compared normalised; failing that, a header that starts with one of
    them as whole words), each file column suggested once; a target without a match is left
    out."""
    dipakai: set[int] = set()
    normal = [normalisasi_kolom(h) for h in header]
    hasil: dict[str, str] = {}

    def cocok(n: str, h: str, persis: bool) -> bool:
        # second pass: the name as whole words at the start of the header ("Nilai SP2D (Rp)")
        return h == n if persis else bool(n) and h.startswith(n + "_")

    for persis in (True, False):
        for k in jenis.kolom:
            if k.nama in hasil:
                continue
            for n in (normalisasi_kolom(x) for x in (k.nama, k.label, *k.sinonim)):
                i = next(
                    (i for i, h in enumerate(normal) if cocok(n, h, persis) and i not in dipakai),
                    None,
                )
                if i is not None:
                    dipakai.add(i)
                    hasil[k.nama] = header[i]
                    break
    return hasil


def pemetaan_periksa(
    jenis: JenisImpor, kolom: dict[str, Sequence[str]], aturan: dict[str, str]
) -> dict[str, str]:
    """A profile's mapping against its import: target field -> the message in Indonesian.

    - a required field mapped to no column is an error only when no column of its own name
      would be read instead — the mapping page maps every required field, so it is named;
    - a field the import does not read, a rule that does not exist;
    - two fields mapped to one column, unless each takes a part of a code (``kode_N``)."""
    galat: dict[str, str] = {}
    for nama in kolom:
        if jenis.kolom_get(nama) is None:
            galat[nama] = f"impor {jenis.judul} tidak membaca kolom '{nama}'."
    for k in jenis.kolom:
        if k.wajib and not [s for s in kolom.get(k.nama, ()) if str(s).strip()]:
            galat[k.nama] = f"{k.label} wajib dipetakan ke satu kolom berkas."
    for nama, kode in aturan.items():
        if kode and kode not in ATURAN:
            galat[nama] = f"aturan nilai '{kode}' tidak dikenal."
    pemakai: dict[str, list[str]] = {}
    for nama, sumber in kolom.items():
        for s in sumber:
            pemakai.setdefault(normalisasi_kolom(s), []).append(nama)
    for s, nama in pemakai.items():
        if len(nama) > 1 and not all(aturan.get(n, "") in ATURAN_BERBAGI for n in nama):
            label = ", ".join(_label(jenis, n) for n in nama)
            for n in nama:
                galat.setdefault(
                    n,
                    f"kolom berkas '{s}' dipetakan ke beberapa isian ({label}); satu kolom "
                    "hanya untuk satu isian, kecuali masing-masing mengambil bagian kode "
                    "(aturan 'Bagian ke-N kode berjenjang').",
                )
    return galat


def _label(jenis: JenisImpor, nama: str) -> str:
    k = jenis.kolom_get(nama)
    return k.label if k else nama


def templat_baris(jenis: JenisImpor, *, contoh: bool) -> tuple[list[str], list[list[str]]]:
    """The header (the column names the import reads) and, for the filled example, its rows
    (``KolomImpor.contoh``, one value per row; a column with fewer values is blank there)."""
    kolom = [k.nama for k in jenis.kolom]
    if not contoh:
        return kolom, []
    n = max((len(k.contoh) for k in jenis.kolom), default=0)
    return kolom, [
        [k.contoh[i] if i < len(k.contoh) else "" for k in jenis.kolom] for i in range(n)
    ]
