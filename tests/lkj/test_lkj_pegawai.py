"""LKj Bab I staff figures are those of 31 December of the report year (no PDF render)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from kinerja.lkj.konten import lkj_konten_kumpulkan
from kinerja.lkj.render import lkj_html
from tests.conftest import demo_inti_muat

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_lkj(db):
    demo_inti_muat()


def _judul_grafik(svg: str) -> str:
    return re.search(r"Jumlah \w+ menurut tingkat pendidikan \(\d+ orang\)", svg).group(0)


def test_lkj_2022_and_2023_report_the_staff_of_their_own_year_end(demo_lkj):
    k22 = lkj_konten_kumpulkan(tahun=2022)["organisasi"]
    k23 = lkj_konten_kumpulkan(tahun=2023)["organisasi"]
    assert (k22["tanggal"], k23["tanggal"]) == (date(2022, 12, 31), date(2023, 12, 31))
    assert k22["jumlah"] == {"pns": 10, "ppnpn": 11, "total": 21}
    assert k23["jumlah"] == {"pns": 10, "ppnpn": 12, "total": 22}  # seed 002, Bab I
    assert k22["pendidikan_pns"] == [("Diploma III", 1), ("Strata 1", 8), ("Strata 2", 1)]
    assert k23["pendidikan_pns"] == [("Diploma III", 1), ("Strata 1", 7), ("Strata 2", 2)]
    assert k22["pendidikan_ppnpn"] == [("SLTA/SMA/SMK", 4), ("Strata 1", 7)]
    assert k23["pendidikan_ppnpn"] == [("SLTA/SMA/SMK", 4), ("Strata 1", 8)]
    # the charts (figures 1.2, 1.3) draw the same figures
    assert _judul_grafik(k22["pendidikan_ppnpn_svg"]) == (
        "Jumlah PPNPN menurut tingkat pendidikan (11 orang)"
    )
    assert "Strata 2 (10%)" in k22["pendidikan_pns_svg"]
    assert "Strata 2 (20%)" in k23["pendidikan_pns_svg"]
    # Tabel 1.1: per unit; Keuangan gained its third security guard in 2023
    keuangan = "Sub Bagian Keuangan, Umum dan Logistik"
    assert {r["unit"]: r["jumlah"] for r in k22["per_unit"]}[keuangan] == 8
    assert {r["unit"]: r["jumlah"] for r in k23["per_unit"]}[keuangan] == 9
    assert sum(r["jumlah"] for r in k22["per_unit"]) == 21


def test_lkj_placeholders_give_each_years_staff(demo_lkj):
    for tahun, jumlah in ((2022, ("21", "10", "11")), (2023, ("22", "10", "12"))):
        isian = lkj_konten_kumpulkan(tahun=tahun)["isian"]
        assert (isian["jumlah_pegawai"], isian["jumlah_pns"], isian["jumlah_ppnpn"]) == jumlah


def test_lkj_2022_html_states_the_date_and_that_years_staff(demo_lkj):
    html = lkj_html(konten=lkj_konten_kumpulkan(tahun=2022), draf=True)
    assert "Pada tahun 2022 (keadaan 31 Desember 2022)" in html
    assert (
        "didukung oleh 21 orang pegawai, terdiri atas 10 Pegawai Negeri Sipil (PNS) dan 11" in html
    )
    assert "Jumlah PPNPN menurut tingkat pendidikan (11 orang)" in html
