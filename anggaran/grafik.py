"""Charts of the anggaran pages: server-side SVG (``kpu_site.svg``), no JavaScript."""

from __future__ import annotations

from decimal import Decimal

from django.utils.safestring import mark_safe

from kpu_site.formatting import bulan
from kpu_site.svg import bar_chart, line_chart

from .selectors import Bulanan

JUTA = Decimal("1000000")


def grafik_serapan_kumulatif(bulanan: Bulanan, *, judul: str = "", lebar: int = 720) -> str:
    """Cumulative realisasi against the cumulative RPD, in million Rupiah, per month."""
    kategori = [bulan(b.bulan)[:3] for b in bulanan.baris]
    seri = [("Realisasi kumulatif", [b.realisasi_kumulatif / JUTA for b in bulanan.baris])]
    if any(b.rpd for b in bulanan.baris):
        seri.insert(0, ("RPD kumulatif", [b.rpd_kumulatif / JUTA for b in bulanan.baris]))
    return mark_safe(  # noqa: S308 - kpu_site.svg escapes every label
        line_chart(kategori=kategori, seri=seri, judul=judul, satuan="jt", lebar=lebar)
    )


def grafik_bulanan(bulanan: Bulanan, *, judul: str = "", lebar: int = 720) -> str:
    """Monthly realisasi bars against the monthly RPD, in million Rupiah."""
    kategori = [bulan(b.bulan)[:3] for b in bulanan.baris]
    seri = [("Realisasi", [b.realisasi / JUTA for b in bulanan.baris])]
    if any(b.rpd for b in bulanan.baris):
        seri.insert(0, ("RPD", [b.rpd / JUTA for b in bulanan.baris]))
    return mark_safe(  # noqa: S308 - kpu_site.svg escapes every label
        bar_chart(kategori=kategori, seri=seri, judul=judul, satuan="jt", lebar=lebar)
    )
