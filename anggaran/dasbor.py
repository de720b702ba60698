"""What anggaran shows on the Dasbor pimpinan (``kpu_site.dasbor``): the absorption of the
year's DIPA against its RPD."""

from __future__ import annotations

from kpu_site.dasbor import Panel

from . import selectors
from .grafik import grafik_serapan_kumulatif


def dasbor_anggaran(*, tahun: int) -> dict | None:
    """Absorption per program and per source of funds (``selectors.laporan_keuangan``: table
    3.1 and the hibah, each computed once) and the DIPA's cumulative realisasi against the RPD
    (``selectors.realisasi_bulanan``); ``None`` when the year has no DIPA."""
    laporan = selectors.laporan_keuangan(tahun=tahun)
    tabel = laporan["tabel_3_1"]
    if tabel is None:
        return None
    bulanan = selectors.realisasi_bulanan(dokumen=tabel["dokumen"])
    program = [b for b in tabel["baris"] if b["tingkat"] == "program"]
    return {
        "dokumen_id": tabel["dokumen"].pk,
        "total": tabel["total"],
        "program": program,
        "sumber_dana": laporan["sumber_dana"],
        "deviasi_rata_rata": bulanan.rata_rata_deviasi,
        "grafik": grafik_serapan_kumulatif(bulanan, lebar=560, tinggi=260),
    }


PANEL = [
    Panel(
        "anggaran",
        dasbor_anggaran,
        kartu="anggaran/dasbor/_kartu.html",
        template="anggaran/dasbor/_serapan.html",
        urutan=20,
    ),
]
