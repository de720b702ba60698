"""Charts of the anggaran pages: server-side SVG (``kpu_site.svg``), no JavaScript.

Each chart is one function, used wherever it is shown: ``grafik_serapan_kumulatif`` (the RPD
chart) by the document page, the report page and the dashboard.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.safestring import SafeString, mark_safe

from kpu_site.formatting import bulan
from kpu_site.svg import grafik_batang, grafik_garis

from .selectors import Bulanan

JUTA = Decimal("1000000")


def _seri(bulanan: Bulanan, *, rpd: str, realisasi: str, label: str) -> list[tuple[str, list]]:
    """The realisasi series (field ``realisasi`` of each month, in million Rupiah) and, when the
    document has an RPD (halaman III), the RPD series before it."""
    seri = [(f"Realisasi{label}", [getattr(b, realisasi) / JUTA for b in bulanan.baris])]
    if any(b.rpd for b in bulanan.baris):
        seri.insert(0, (f"RPD{label}", [getattr(b, rpd) / JUTA for b in bulanan.baris]))
    return seri


def _kategori(bulanan: Bulanan) -> list[str]:
    return [bulan(b.bulan)[:3] for b in bulanan.baris]


def grafik_serapan_kumulatif(
    bulanan: Bulanan, *, judul: str = "", lebar: int = 720, tinggi: int = 320
) -> SafeString:
    """Cumulative realisasi against the cumulative RPD, in million Rupiah, per month: the RPD
    (the plan) dashed with open markers over the solid realisasi, so both show where equal."""
    seri = _seri(bulanan, rpd="rpd_kumulatif", realisasi="realisasi_kumulatif", label=" kumulatif")
    return mark_safe(  # noqa: S308 - kpu_site.svg escapes every label
        grafik_garis(
            kategori=_kategori(bulanan),
            seri=seri,
            judul=judul,
            satuan="jt",
            putus=("RPD kumulatif",),
            lebar=lebar,
            tinggi=tinggi,
        )
    )


def grafik_bulanan(bulanan: Bulanan, *, judul: str = "", lebar: int = 720) -> SafeString:
    """Monthly realisasi bars against the monthly RPD, in million Rupiah."""
    seri = _seri(bulanan, rpd="rpd", realisasi="realisasi", label="")
    return mark_safe(  # noqa: S308 - kpu_site.svg escapes every label
        grafik_batang(kategori=_kategori(bulanan), seri=seri, judul=judul, satuan="jt", lebar=lebar)
    )


def grafik_ikpa(ikpa, *, judul: str = "", lebar: int = 720, tinggi: int = 300) -> SafeString:
    """The IKPA total of each month assessed (``selectors.ikpa.ikpa_tahun``), 0–100."""
    return mark_safe(  # noqa: S308 - kpu_site.svg escapes every label
        grafik_garis(
            kategori=[bulan(b.bulan)[:3] for b in ikpa.bulan],
            seri=[("Nilai IKPA", [b.total for b in ikpa.bulan])],
            judul=judul,
            lebar=lebar,
            tinggi=tinggi,
        )
    )
