"""The RO output on the home page of a Staf/Kasubag (``kpu_site.dasbor.tugas_unit``): the
submitted months waiting for the Kasubag Keuangan's verification (every year, as the kinerja
queue), and the months of the working year returned to whoever may correct them."""

from __future__ import annotations

from django.urls import reverse

from kpu_site.dasbor import BUTIR_MAKS, Butir, Tugas
from kpu_site.formatting import bulan as nama_bulan

from . import selectors
from .akses import boleh_verifikasi_output


def _tugas(kunci: str, judul: str, daftar: list, *, url: str, tindakan: str) -> Tugas:
    """One kind of open work: how many months, where to act, the first of them (with the
    verifier's note of a returned one)."""
    return Tugas(
        kunci=kunci,
        judul=judul,
        jumlah=len(daftar),
        url=url,
        tindakan=tindakan,
        butir=tuple(
            Butir(
                label=f"{r.ro.kode_lengkap} {r.ro.uraian}",
                url=reverse("anggaran:output_isi", args=[r.ro_id, r.bulan]),
                keterangan=f"{nama_bulan(r.bulan)} {r.ro.dokumen.tahun}",
                catatan=r.catatan_verifikasi if r.status == r.Status.DIKEMBALIKAN else "",
            )
            for r in daftar[:BUTIR_MAKS]
        ),
    )


def output_tugas_unit(*, user, tahun: int, hari_ini) -> list[Tugas]:
    """For the Kasubag Keuangan: the output realisasi waiting for verification
    (``selectors.realisasi_output_antrean``); for whoever enters RO output: the months of
    ``tahun`` the verifier returned (``selectors.realisasi_output_dikembalikan``)."""
    hasil = []
    if boleh_verifikasi_output(user):
        hasil.append(
            _tugas(
                "output_verifikasi",
                "Realisasi output RO menunggu verifikasi Anda",
                list(selectors.realisasi_output_antrean(pengguna=user)),
                url=reverse("anggaran:output_antrean"),
                tindakan="Buka antrean verifikasi output",
            )
        )
    hasil.append(
        _tugas(
            "output_dikembalikan",
            "Realisasi output RO dikembalikan untuk diperbaiki",
            list(selectors.realisasi_output_dikembalikan(pengguna=user, tahun=tahun)),
            url=reverse("anggaran:output_terbaru"),
            tindakan="Buka output RO",
        )
    )
    return hasil
