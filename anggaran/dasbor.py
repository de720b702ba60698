"""What anggaran shows on the Dasbor pimpinan (``kpu_site.dasbor``): the absorption of the
year's DIPA against its RPD; on the home page of the finance sub-bagian's Staf/Kasubag, the
months whose planned disbursement has no realisasi recorded yet (and, from
``dasbor_output``, the RO output waiting for verification or returned)."""

from __future__ import annotations

from django.urls import reverse

from kpu_site.dasbor import BUTIR_MAKS, Butir, Panel, Tugas
from kpu_site.formatting import bulan as nama_bulan
from kpu_site.formatting import rupiah

from . import dasbor_output, selectors
from .akses import boleh_tulis
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
        "ikpa": ikpa_ringkas(tahun=tahun),
    }


def ikpa_ringkas(*, tahun: int) -> dict | None:
    """The current IKPA of the year (the last month over) and that month's weakest indicator,
    from ``selectors.ikpa.ikpa_tahun``; ``None`` when it cannot be computed yet."""
    hasil = selectors.ikpa.ikpa_tahun(tahun=tahun)
    if hasil is None or hasil.terkini.total is None:
        return None
    bulan = hasil.terkini
    return {
        "tahun": tahun,
        "bulan": bulan.nama_bulan,
        "total": bulan.total,
        "predikat": bulan.predikat,
        "terlemah": bulan.terlemah,
    }


def realisasi_tugas_unit(*, user, tahun: int, hari_ini) -> list[Tugas]:
    """For the finance sub-bagian: the months of ``tahun`` already over whose RPD plans a
    disbursement with no realisasi recorded on the year's DIPA
    (``selectors.rpd_tanpa_realisasi``); nothing when the DIPA or its year is locked."""
    if not boleh_tulis(user):
        return []
    dokumen = selectors.dipa_of_tahun(tahun=tahun)
    if dokumen is None or not dokumen.dapat_diubah:
        return []
    bulan = selectors.rpd_tanpa_realisasi(
        dokumen=dokumen, sampai_bulan=selectors.bulan_berlalu(tahun=tahun, hari_ini=hari_ini)
    )
    daftar = reverse("anggaran:realisasi_list", args=[dokumen.pk])
    return [
        Tugas(
            kunci="anggaran_rpd_tanpa_realisasi",
            judul=f"Bulan {tahun} dengan rencana penarikan tanpa realisasi tercatat",
            jumlah=len(bulan),
            url=reverse("anggaran:realisasi_create", args=[dokumen.pk]),
            tindakan="Catat realisasi",
            butir=tuple(
                Butir(
                    label=f"{nama_bulan(r.bulan)} {tahun}",
                    url=daftar,
                    keterangan=f"rencana {rupiah(r.nilai)}",
                )
                for r in bulan[:BUTIR_MAKS]
            ),
        )
    ]


PANEL = [
    Panel(
        "anggaran",
        dasbor_anggaran,
        kartu="anggaran/dasbor/_kartu.html",
        template="anggaran/dasbor/_serapan.html",
        urutan=20,
    ),
]
# the RO output: months waiting for the Kasubag Keuangan, months returned (dasbor_output.py)
TUGAS_UNIT = [realisasi_tugas_unit, dasbor_output.output_tugas_unit]
