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
