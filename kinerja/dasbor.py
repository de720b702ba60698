"""What kinerja shows on the Dasbor pimpinan (``kpu_site.dasbor``): the capaian of the year,
the year's LKj, and the realisasi waiting for the user's verification or approval; on the home
page of a Staf/Kasubag, their sub-bagian's realisasi still to enter, returned or in draft, and
(Kasubag) waiting for their verification."""

from __future__ import annotations

from django.urls import reverse

from kpu_site.dasbor import BUTIR_MAKS, Butir, Panel, Tugas
from kpu_site.tahun import tahun_terkunci

from . import dasbor_lhe, selectors
from .grafik import grafik_capaian
from .models import LaporanKinerja, Realisasi


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


def _url_isi(r: Realisasi) -> str:
    return reverse("kinerja:realisasi_isi", args=[r.tahun, r.indikator_id, r.periode])


def _butir_realisasi(daftar: list[Realisasi], *, catatan: bool = False) -> tuple[Butir, ...]:
    return tuple(
        Butir(
            label=f"{r.indikator.kode} {r.indikator.uraian}",
            url=_url_isi(r),
            keterangan=f"{r.get_periode_display()} {r.tahun}",
            catatan=r.catatan_verifikasi if catatan else "",
        )
        for r in daftar[:BUTIR_MAKS]
    )


def _tugas_belum_diisi(*, unit, tahun: int, periode: str) -> Tugas:
    label = Realisasi.Periode(periode).label
    belum = selectors.indikator_belum_diisi(unit=unit, tahun=tahun, periode=periode)
    return Tugas(
        kunci="realisasi_belum_diisi",
        judul=f"Realisasi {label} {tahun} belum diisi",
        jumlah=len(belum),
        url=_daftar_unit(tahun),
        tindakan="Buka daftar realisasi sub bagian",
        butir=tuple(
            Butir(
                label=f"{i.kode} {i.uraian}",
                url=reverse("kinerja:realisasi_isi", args=[tahun, i.pk, periode]),
                keterangan=f"{label} {tahun}",
            )
            for i in belum[:BUTIR_MAKS]
        ),
    )


def _daftar_unit(tahun: int) -> str:
    """The year's realisasi list narrowed to the user's sub-bagian."""
    return reverse("kinerja:realisasi_list", args=[tahun]) + "?unit=saya"


def realisasi_tugas_unit(*, user, tahun: int, hari_ini) -> list[Tugas]:
    """The realisasi work of the user's sub-bagian in ``tahun``: indikator not entered for the
    current period (``selectors.periode_berjalan``), rows returned by the verifier, drafts not
    submitted (none of these in a locked year), and for a Kasubag the unit's submissions
    waiting for their verification (``selectors.realisasi_antrean``, every year)."""
    hasil = []
    unit = user.unit_id
    if unit is not None and not tahun_terkunci(tahun):
        periode = selectors.periode_berjalan(tahun=tahun, hari_ini=hari_ini)
        if periode is not None:
            hasil.append(_tugas_belum_diisi(unit=unit, tahun=tahun, periode=periode))
        kembali = selectors.realisasi_dikembalikan(unit=unit, tahun=tahun)
        draft = selectors.realisasi_draft(unit=unit, tahun=tahun)
        hasil += [
            Tugas(
                kunci="realisasi_dikembalikan",
                judul="Realisasi dikembalikan untuk diperbaiki",
                jumlah=len(kembali),
                url=_daftar_unit(tahun),
                tindakan="Buka daftar realisasi sub bagian",
                butir=_butir_realisasi(kembali, catatan=True),
            ),
            Tugas(
                kunci="realisasi_draft",
                judul="Draft realisasi belum diajukan",
                jumlah=len(draft),
                url=_daftar_unit(tahun),
                tindakan="Buka daftar realisasi sub bagian",
                butir=_butir_realisasi(draft),
            ),
        ]
    if user.has_perm("kinerja.verifikasi_realisasi"):
        antrean = selectors.realisasi_antrean(user=user)["verifikasi"]
        hasil.append(
            Tugas(
                kunci="realisasi_verifikasi",
                judul="Realisasi menunggu verifikasi Anda",
                jumlah=len(antrean),
                url=reverse("kinerja:antrean"),
                tindakan="Buka antrean verifikasi",
                butir=_butir_realisasi(antrean),
            )
        )
    return hasil


PANEL = [
    Panel(
        "capaian",
        dasbor_capaian,
        kartu="kinerja/dasbor/_kartu_capaian.html",
        template="kinerja/dasbor/_capaian.html",
        urutan=10,
    ),
    Panel("lkj", dasbor_lkj, kartu="kinerja/dasbor/_kartu_lkj.html", urutan=30, tersimpan=False),
    dasbor_lhe.PANEL,  # open and overdue findings of the evaluations (kinerja/dasbor_lhe.py)
]
TUGAS = [realisasi_tugas]
TUGAS_UNIT = [realisasi_tugas_unit, dasbor_lhe.temuan_lhe_tugas_unit]
