"""Item 4 of issue 21: every import's filled example (``/impor/templat/<jenis>/contoh.xlsx``)
is a file its import accepts as downloaded — the budget imports on the demo DIPA 2023, the ad
hoc imports on the crafted regency of ``tests/badan_adhoc`` — and the empty template is
refused only for having no rows. (The staff and kinerja imports test theirs in
``tests/sekretariat/test_impor.py`` and ``tests/kinerja/test_impor.py``.)"""

from __future__ import annotations

from decimal import Decimal

import pytest

from anggaran.impor import realisasi_impor_periksa
from anggaran.impor_belanja import kontrak_impor, kontrak_impor_periksa, tagihan_impor_periksa
from anggaran.impor_output import realisasi_output_impor_periksa
from anggaran.impor_up import dispensasi_impor_periksa, mutasi_up_impor_periksa
from anggaran.models import DokumenAnggaran
from kpu_site.excel import xlsx_bytes
from kpu_site.impor_jenis import jenis_get, templat_baris
from tests.conftest import demo_inti_muat

pytestmark = pytest.mark.django_db


def berkas(kode: str, *, contoh: bool = True) -> bytes:
    """The bytes of the download (the same writer and title row as the view)."""
    kolom, baris = templat_baris(jenis_get(kode), contoh=contoh)
    return xlsx_bytes(judul=f"Contoh impor {kode}", kolom=kolom, baris=baris)


def test_budget_examples_import_into_the_demo_dipa(pengguna_buat):
    demo_inti_muat()
    dipa = DokumenAnggaran.objects.get(nomor="SP DIPA-076.01.2.670714/2023")
    from django.contrib.auth import get_user_model

    staf = get_user_model().objects.get(username="staf.keuangan")
    # the demo's 2023 is over: every RO month reported and verified; the example's month is
    # taken back as in a year still running
    from anggaran.model_ikpa import RealisasiOutput

    RealisasiOutput.objects.filter(ro__kode_lengkap="076.01.CQ.6701.QGE.001", bulan=12).delete()
    hasil = {
        "realisasi": realisasi_impor_periksa(
            dokumen=dipa, berkas=berkas("realisasi"), nama_berkas="c.xlsx"
        ),
        "mutasi_up": mutasi_up_impor_periksa(
            dokumen=dipa, berkas=berkas("mutasi_up"), nama_berkas="c.xlsx"
        ),
        "dispensasi": dispensasi_impor_periksa(
            dokumen=dipa, berkas=berkas("dispensasi"), nama_berkas="c.xlsx"
        ),
        "kontrak": kontrak_impor_periksa(
            dokumen=dipa, berkas=berkas("kontrak"), nama_berkas="c.xlsx"
        ),
    }
    # the invoice example bills the contract example: imported first, as a user would
    kontrak_impor(pengguna=staf, dokumen=dipa, berkas=berkas("kontrak"), nama_berkas="c.xlsx")
    hasil |= {
        "tagihan": tagihan_impor_periksa(
            dokumen=dipa, berkas=berkas("tagihan"), nama_berkas="c.xlsx"
        ),
        "realisasi_output": realisasi_output_impor_periksa(
            pengguna=staf, dokumen=dipa, berkas=berkas("realisasi_output"), nama_berkas="c.xlsx"
        ),
    }
    assert {k: [str(e) for e in h.kesalahan] for k, h in hasil.items()} == {k: [] for k in hasil}
    assert hasil["realisasi"].total_nilai == Decimal("425000")
    assert [len(h.baris) for h in hasil.values()] == [2, 2, 1, 1, 1, 1]
    kosong = realisasi_impor_periksa(
        dokumen=dipa, berkas=berkas("realisasi", contoh=False), nama_berkas="k.xlsx"
    )
    assert [str(k) for k in kosong.kesalahan] == ["Berkas: berkas tidak berisi baris data."]


def _berkas_lain(kode: str) -> tuple[bytes, dict]:
    """The filled example as another system would write it: every header renamed (``<label>
    (sistem lain)``), the columns in reverse order; and the profile's mapping of it."""
    jenis = jenis_get(kode)
    kolom, baris = templat_baris(jenis, contoh=True)
    judul = {k.nama: f"{k.label} (sistem lain)" for k in jenis.kolom}
    data = xlsx_bytes(
        judul="Ekspor sistem lain",
        kolom=[judul[k] for k in reversed(kolom)],
        baris=[list(reversed(b)) for b in baris],
    )
    return data, {k: [v] for k, v in judul.items()}


def test_every_budget_import_reads_a_file_with_other_headers_through_a_profile(pengguna_buat):
    """Realisasi, UP/TUP, dispensations, contracts, invoices and RO output: the example with
    every column renamed and the order reversed reads through a saved profile exactly as the
    template does (same rows, no error)."""
    from django.contrib.auth import get_user_model

    from anggaran.model_ikpa import RealisasiOutput
    from kpu_site.selectors import pemetaan_profil
    from kpu_site.services import profil_impor_simpan

    demo_inti_muat()
    dipa = DokumenAnggaran.objects.get(nomor="SP DIPA-076.01.2.670714/2023")
    staf = get_user_model().objects.get(username="staf.keuangan")
    RealisasiOutput.objects.filter(ro__kode_lengkap="076.01.CQ.6701.QGE.001", bulan=12).delete()
    kontrak_impor(pengguna=staf, dokumen=dipa, berkas=berkas("kontrak"), nama_berkas="c.xlsx")
    periksa = {
        "realisasi": realisasi_impor_periksa,
        "mutasi_up": mutasi_up_impor_periksa,
        "dispensasi": dispensasi_impor_periksa,
        "tagihan": tagihan_impor_periksa,
        "realisasi_output": lambda **kw: realisasi_output_impor_periksa(pengguna=staf, **kw),
    }
    hasil = {}
    for kode, fungsi in periksa.items():
        data, kolom = _berkas_lain(kode)
        profil = profil_impor_simpan(pengguna=staf, jenis=kode, nama="Sistem lain", kolom=kolom)
        pemetaan = pemetaan_profil(jenis=kode, nama=profil.nama)
        lewat_profil = fungsi(dokumen=dipa, berkas=data, nama_berkas="l.xlsx", pemetaan=pemetaan)
        templat = fungsi(dokumen=dipa, berkas=berkas(kode), nama_berkas="c.xlsx")
        hasil[kode] = ([str(k) for k in lewat_profil.kesalahan], len(lewat_profil.baris))
        assert lewat_profil.baris == templat.baris, kode
        # without the profile the same file is refused, naming the missing columns
        tanpa = fungsi(dokumen=dipa, berkas=data, nama_berkas="l.xlsx")
        assert "kolom wajib tidak ada di baris judul" in str(tanpa.kesalahan[0]), kode
    assert hasil == {
        "realisasi": ([], 2),
        "mutasi_up": ([], 2),
        "dispensasi": ([], 1),
        "tagihan": ([], 1),
        "realisasi_output": ([], 1),
    }
    # contracts: checked on a file of its own (the example's contract is stored above)
    data, kolom = _berkas_lain("kontrak")
    profil_impor_simpan(pengguna=staf, jenis="kontrak", nama="Sistem lain", kolom=kolom)
    ulang = kontrak_impor_periksa(
        dokumen=dipa,
        berkas=data,
        nama_berkas="l.xlsx",
        pemetaan=pemetaan_profil(jenis="kontrak", nama="Sistem lain"),
    )
    assert (ulang.kesalahan, len(ulang.baris), len(ulang.dilewati)) == ([], 0, 1)
