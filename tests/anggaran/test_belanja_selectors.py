"""The figures of contracts and invoices: working days counted the way the IKPA adds them,
each invoice's status from the IKPA's own rule, the sums, and agreement with the IKPA's
penyelesaian tagihan indicator."""

from datetime import date, timedelta

import pytest

from anggaran.models import ParameterIkpa
from anggaran.selectors.belanja import hari_kerja_compute, kontrak_list
from anggaran.selectors.ikpa import data_ikpa, nilai_penyelesaian_tagihan, tambah_hari_kerja

from .factories import JUTA

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("awal", "akhir", "hari"),
    [
        (date(2023, 3, 10), date(2023, 3, 20), 6),  # Fri -> Mon of the next week but one
        (date(2023, 3, 31), date(2023, 4, 11), 7),
        (date(2023, 6, 30), date(2023, 7, 27), 19),
        (date(2023, 3, 10), date(2023, 3, 11), 0),  # Fri -> Sat
        (date(2023, 3, 10), date(2023, 3, 13), 1),  # Fri -> Mon
        (date(2023, 3, 10), date(2023, 3, 10), 0),
        (date(2023, 3, 10), date(2023, 3, 1), 0),
    ],
)
def test_hari_kerja_compute(awal, akhir, hari):
    assert hari_kerja_compute(awal, akhir) == hari


def test_hari_kerja_is_the_inverse_of_tambah_hari_kerja():
    for mulai in range(14):
        awal = date(2023, 1, 1) + timedelta(days=mulai)
        for n in range(1, 40):
            assert hari_kerja_compute(awal, tambah_hari_kerja(awal, n)) == n, (awal, n)


def test_kontrak_list_figures(belanja):
    daftar = kontrak_list(dokumen=belanja)
    assert daftar.batas_hari_kerja == 17
    assert [k.kontrak.nomor for k in daftar.kontrak] == ["K-12", "K-01", "K-03"]
    assert (daftar.total_kontrak, daftar.total_ditagih, daftar.total_dibayar) == (
        JUTA * 284_500_000 / 1_000_000,
        JUTA * 220_500_000 / 1_000_000,
        JUTA * 196_500_000 / 1_000_000,
    )
    assert (daftar.jumlah_tagihan, daftar.jumlah_tepat_waktu, daftar.jumlah_terlambat) == (4, 2, 2)
    per_nomor = {t.tagihan.nomor: t for t in daftar.semua_tagihan}
    assert [
        (n, t.hari_kerja, t.batas_spm, t.tepat_waktu, t.keadaan.value) for n, t in per_nomor.items()
    ] == [
        ("SEWA-TW1", 7, date(2023, 4, 25), True, "tepat_waktu"),
        ("SEWA-TW2", 19, date(2023, 7, 25), False, "terlambat"),
        ("SEWA-TW3", None, date(2023, 10, 24), False, "terlambat"),
        ("BAST-01", 6, date(2023, 4, 4), True, "tepat_waktu"),
    ]
    k12 = daftar.kontrak[0]
    assert (k12.ditagih, k12.dibayar, k12.sisa_kontrak, k12.pagu_akun) == (
        72 * JUTA,
        48 * JUTA,
        24 * JUTA,
        200 * JUTA,
    )


def test_kontrak_list_as_of_a_date_before_the_deadline(belanja):
    """Seen on 10/10/2023, SEWA-TW3 (BAST 29/09, no SPM, deadline 24/10) is not due yet."""
    daftar = kontrak_list(dokumen=belanja, per_tanggal=date(2023, 10, 10))
    tw3 = next(t for t in daftar.semua_tagihan if t.tagihan.nomor == "SEWA-TW3")
    assert (tw3.tepat_waktu, tw3.keadaan.value) == (None, "belum_jatuh_tempo")
    assert (daftar.jumlah_tepat_waktu, daftar.jumlah_terlambat) == (2, 1)


def test_the_page_counts_match_the_ikpa_indicator(belanja):
    """The IKPA's penyelesaian tagihan at the end of December 2023: 2 of 4 on time = 50,00."""
    param = ParameterIkpa.objects.get(tahun=2023)
    data = data_ikpa(dokumen=belanja, param=param)
    nilai = nilai_penyelesaian_tagihan(data.tagihan, sampai=date(2023, 12, 31), batas_hari_kerja=17)
    daftar = kontrak_list(dokumen=belanja, per_tanggal=date(2023, 12, 31))
    assert nilai == 50
    assert nilai == 100 * daftar.jumlah_tepat_waktu / daftar.jumlah_tagihan


def test_without_ikpa_parameter_the_status_says_so(belanja):
    ParameterIkpa.objects.all().delete()
    daftar = kontrak_list(dokumen=belanja)
    assert daftar.batas_hari_kerja is None
    assert {t.keadaan.value for t in daftar.semua_tagihan} == {"tanpa_parameter"}
    assert [t.hari_kerja for t in daftar.semua_tagihan] == [7, 19, None, 6]
