"""The RO output on the home page of a Staf/Kasubag (``kpu_site.dasbor.tugas_unit``): the
submitted months waiting for the Kasubag Keuangan's verification (every year, as the kinerja
queue), and the months of the working year returned to whoever may correct them."""

from __future__ import annotations

from django.urls import reverse

from kpu_site.dasbor import BUTIR_MAKS, Butir, Tugas
from kpu_site.formatting import bulan as nama_bulan

from . import selectors
from .akses import boleh_verifikasi_output


def _butir(daftar, *, catatan: bool = False) -> tuple[Butir, ...]:
    return tuple(
        Butir(
            label=f"{r.ro.kode_lengkap} {r.ro.uraian}",
            url=reverse("anggaran:output_isi", args=[r.ro_id, r.bulan]),
            keterangan=f"{nama_bulan(r.bulan)} {r.ro.dokumen.tahun}",
            catatan=r.catatan_verifikasi if catatan else "",
        )
        for r in daftar
    )


def output_tugas_unit(*, user, tahun: int, hari_ini) -> list[Tugas]:
    """For the Kasubag Keuangan: the output realisasi waiting for verification
    (``selectors.realisasi_output_antrean``); for whoever enters RO output: the months of
    ``tahun`` the verifier returned (``selectors.realisasi_output_dikembalikan``)."""
    hasil = []
    if boleh_verifikasi_output(user):
        antrean = list(selectors.realisasi_output_antrean(pengguna=user))
        hasil.append(
            Tugas(
                kunci="output_verifikasi",
                judul="Realisasi output RO menunggu verifikasi Anda",
                jumlah=len(antrean),
                url=reverse("anggaran:output_antrean"),
                tindakan="Buka antrean verifikasi output",
                butir=_butir(antrean[:BUTIR_MAKS]),
            )
        )
    kembali = list(selectors.realisasi_output_dikembalikan(pengguna=user, tahun=tahun))
    hasil.append(
        Tugas(
            kunci="output_dikembalikan",
            judul="Realisasi output RO dikembalikan untuk diperbaiki",
            jumlah=len(kembali),
            url=reverse("anggaran:output_terbaru"),
            tindakan="Buka output RO",
            butir=_butir(kembali[:BUTIR_MAKS], catatan=True),
        )
    )
    return hasil
