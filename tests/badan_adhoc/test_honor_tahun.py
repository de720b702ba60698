"""Honorarium across budget years: a PPK term of 4 Jan 2023 – 4 Apr 2024 is paid from two DIPA
years, and each year's part is compared with that year's DIPA akun."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from anggaran import services as anggaran_services
from badan_adhoc.models import Rekrutmen
from badan_adhoc.selectors import honor_per_tahun
from badan_adhoc.services import (
    nilai_import,
    pendaftar_import,
    pendaftar_screen,
    penetapan_create,
    peringkat_compute,
    wawancara_select,
)
from tests.anggaran.factories import DokumenAnggaranFactory, pohon_kecil

KEPALA = (
    "nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan,kode_domisili,alamat,"
    "no_hp,email,kode_wilayah_tujuan\n"
)


@pytest.fixture
def ppk_ditetapkan(rekrutmen_ppk, staf_teknis):
    """5 PPK anggota of kecamatan Serang at Rp 2.200.000 a month, term 4 Jan 2023 – 4 Apr 2024."""
    r = rekrutmen_ppk
    nik = [f"36730112059000{i:02d}" for i in range(1, 6)]
    isi = KEPALA + "".join(
        f"{n},PPK {i},L,Serang,1990-05-12,SMA,36.73.01.1002,x,1,,36.73.01\n"
        for i, n in enumerate(nik)
    )
    pendaftar_import(rekrutmen=r, berkas=isi.encode(), nama_berkas="ppk.csv")
    assert pendaftar_screen(rekrutmen=r)["ms"] == 5
    for kolom in ("nilai_cat", "nilai_wawancara"):
        if kolom == "nilai_wawancara":
            wawancara_select(rekrutmen=r, pengguna=staf_teknis)
        nilai_import(
            rekrutmen=r,
            berkas=(
                f"nik,{kolom}\n" + "".join(f"{n},{80 - i}\n" for i, n in enumerate(nik))
            ).encode(),
            nama_berkas="n.csv",
            pengguna=staf_teknis,
        )
    peringkat_compute(rekrutmen=r, pengguna=staf_teknis)
    assert (
        penetapan_create(
            rekrutmen=r,
            nomor_sk="1/PP.04-Kpt/3673/2023",
            tanggal_sk=date(2023, 1, 2),
            pengguna=staf_teknis,
        )
        == 5
    )
    return r


def _dipa(tahun, pengguna, pagu_honor):
    dokumen = DokumenAnggaranFactory(tahun=tahun, tanggal=date(tahun - 1, 11, 30))
    return pohon_kecil(dokumen, pengguna, pagu_akun=(Decimal("1000000"), pagu_honor))["akun"][1]


@pytest.fixture
def akun_2023(ppk_ditetapkan, sekretaris, staf_keuangan):
    """DIPA 2023 with akun 521213 (pagu Rp 150.000.000, Rp 121.000.000 paid), linked."""
    akun = _dipa(2023, sekretaris, Decimal("150000000"))
    anggaran_services.realisasi_create(
        pengguna=staf_keuangan,
        akun=akun,
        tanggal=date(2023, 12, 1),
        nomor_sp2d="231201",
        nilai=Decimal("121000000"),
    )
    Rekrutmen.objects.filter(pk=ppk_ditetapkan.pk).update(akun_honor=akun)
    ppk_ditetapkan.refresh_from_db()
    return akun


def test_ppk_term_splits_into_12_months_of_2023_and_3_of_2024(ppk_ditetapkan, akun_2023):
    rekap = honor_per_tahun(ppk_ditetapkan)
    t2023, t2024 = rekap.per_tahun
    assert (t2023.tahun, t2023.bulan, t2024.tahun, t2024.bulan) == (2023, 12, 2024, 3)
    # 5 anggota × Rp 2.200.000 = Rp 11.000.000 a month
    assert t2023.honor_proyeksi == t2023.honor_aktual == Decimal("132000000")
    assert t2024.honor_proyeksi == t2024.honor_aktual == Decimal("33000000")
    assert rekap.total_proyeksi == Decimal("165000000")
    # 2023's part against the 2023 akun only
    assert (t2023.pagu, t2023.realisasi, t2023.sisa_pagu) == (
        Decimal("150000000"),
        Decimal("121000000"),
        Decimal("18000000"),
    )
    # no DIPA 2024: said, not compared with 0
    assert t2024.akun is None and t2024.pagu is None and t2024.sisa_pagu is None
    assert t2024.keterangan.startswith("DIPA 2024 belum ada")


def test_the_2024_part_is_compared_with_the_same_akun_of_the_2024_dipa(
    ppk_ditetapkan, akun_2023, sekretaris
):
    akun_2024 = _dipa(2024, sekretaris, Decimal("30000000"))
    t2023, t2024 = honor_per_tahun(ppk_ditetapkan).per_tahun
    assert t2023.akun == akun_2023 and t2024.akun == akun_2024
    assert (t2024.pagu, t2024.realisasi) == (Decimal("30000000"), Decimal("0"))
    assert t2024.sisa_pagu == Decimal("-3000000")  # the 2024 pagu lacks Rp 3.000.000


def _baris(html: str, tahun: int) -> str:
    tabel = html.split('id="honor-per-tahun"')[1].split("</table>")[0]
    return re.sub(r"\s+", " ", next(r for r in tabel.split("<tr>") if r.startswith(f"<td>{tahun}")))


def test_honor_page_shows_each_year_against_its_own_dipa(
    client, ppk_ditetapkan, akun_2023, sekretaris
):
    client.force_login(sekretaris)
    html = client.get(reverse("badan_adhoc:honor", args=[ppk_ditetapkan.pk])).content.decode()
    baris_2023 = _baris(html, 2023)
    for teks in ("Rp 132.000.000", "Rp 150.000.000", "Rp 121.000.000", "Rp 18.000.000"):
        assert teks in baris_2023
    baris_2024 = _baris(html, 2024)
    assert "Rp 33.000.000" in baris_2024 and "DIPA 2024 belum ada" in baris_2024
    assert "Rp 0" not in baris_2024
    assert "Rp 165.000.000" in html  # the 15-month total, shown as the sum of the two years


def test_without_a_linked_akun_no_year_is_compared(ppk_ditetapkan):
    rekap = honor_per_tahun(ppk_ditetapkan)
    assert [(t.tahun, t.bulan, t.pagu) for t in rekap.per_tahun] == [
        (2023, 12, None),
        (2024, 3, None),
    ]
    assert all("belum dihubungkan dengan akun DIPA" in t.keterangan for t in rekap.per_tahun)
