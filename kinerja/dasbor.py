"""What kinerja shows on the Dasbor pimpinan (``kpu_site.dasbor``): the capaian of the year,
the year's LKj, and the realisasi waiting for the user's verification or approval."""

from __future__ import annotations

from django.urls import reverse

from kpu_site.dasbor import Panel

from . import selectors
from .grafik import grafik_capaian
from .models import LaporanKinerja


def dasbor_capaian(*, tahun: int) -> dict:
    """Capaian per sasaran (``selectors.capaian_tahun_list``) with a chart and the indikator
    below target."""
    baris = selectors.capaian_tahun_list(tahun=tahun)
    return {
        "ringkasan": selectors.capaian_ringkasan(baris=baris),
        "rata_rata": selectors.capaian_rata_rata(baris=baris),
        "jumlah": len(baris),
        "di_bawah_target": [
            {
                "label": b.label,
                "sasaran": b.indikator.sasaran.uraian,
                "capaian": b.hasil.nilai_dibatasi,
                "status": b.hasil.status_label,
                "kelas": b.hasil.kelas_css,
                "url": reverse("kinerja:capaian", args=[tahun]),
            }
            for b in baris
            if b.hasil.status != "tercapai"
        ],
        "grafik": grafik_capaian(
            baris=baris, tahun=tahun, pengaturan=selectors.pengaturan_capaian_get(), lebar=560
        ),
    }


def dasbor_lkj(*, tahun: int) -> dict:
    """The year's LKj: the latest version and whether one is final (not cached: cheap)."""
    versi = LaporanKinerja.objects.filter(tahun=tahun).order_by("-versi")
    return {
        "terakhir": versi.first(),
        "final": versi.filter(status="final").first(),
        "url": reverse("kinerja:lkj_tahun", args=[tahun]),
    }


def realisasi_tugas(user) -> list[dict]:
    """The realisasi waiting for this user's verification or approval."""
    judul = {
        "verifikasi": "Realisasi kinerja menunggu verifikasi Anda",
        "persetujuan": "Realisasi kinerja menunggu persetujuan Anda",
    }
    return [
        {"judul": judul.get(kunci, kunci), "jumlah": len(daftar), "url": reverse("kinerja:antrean")}
        for kunci, daftar in selectors.realisasi_antrean(user=user).items()
        if daftar
    ]


PANEL = [
    Panel(
        "capaian",
        dasbor_capaian,
        kartu="kinerja/dasbor/_kartu_capaian.html",
        template="kinerja/dasbor/_capaian.html",
        urutan=10,
    ),
    Panel("lkj", dasbor_lkj, kartu="kinerja/dasbor/_kartu_lkj.html", urutan=30, tersimpan=False),
]
TUGAS = [realisasi_tugas]
