"""capaian_compute: the formulas of NOTES.md, the cap, the bands, and the 13 demo values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.capaian import StatusCapaian, capaian_compute
from kinerja.selectors import capaian_tahun_list, pengaturan_capaian_get
from tests.conftest import demo_inti_muat

D = Decimal


def test_capaian_compute_higher_is_better():
    hasil = capaian_compute(target=D("98"), realisasi=D("100"), arah="naik")
    assert hasil.dibulatkan(2) == D("102.04")
    assert hasil.status == StatusCapaian.TERCAPAI


def test_capaian_compute_lower_is_better():
    # (2 × target − realisasi) / target × 100
    lebih_baik = capaian_compute(target=D("10"), realisasi=D("8"), arah="turun")
    assert lebih_baik.nilai == D("120")
    lebih_buruk = capaian_compute(target=D("10"), realisasi=D("12"), arah="turun")
    assert lebih_buruk.nilai == D("80")
    assert lebih_buruk.status == StatusCapaian.TIDAK
    tepat = capaian_compute(target=D("5"), realisasi=D("5.5"), arah="turun")
    assert tepat.nilai == D("90") and tepat.status == StatusCapaian.HAMPIR


def test_capaian_compute_range_counts_against_crossed_bound():
    def c(r):
        return capaian_compute(target=D("80"), target_atas=D("90"), realisasi=D(r), arah="rentang")

    assert c("85").nilai == D("100")
    assert c("80").nilai == D("100") and c("90").nilai == D("100")
    assert c("72").nilai == D("90")  # below: 72 / 80
    assert c("99").nilai == D("90")  # above: (2×90 − 99) / 90
    assert c("99").status == StatusCapaian.HAMPIR


def test_capaian_compute_cannot_compute_zero_target_or_missing_realisasi():
    nol = capaian_compute(target=D("0"), realisasi=D("5"), arah="naik")
    assert nol.nilai is None and nol.status == StatusCapaian.TIDAK_DAPAT_DIHITUNG
    assert "nol" in nol.alasan
    kosong = capaian_compute(target=D("100"), realisasi=None, arah="naik")
    assert kosong.nilai is None and "realisasi belum diisi" in kosong.alasan
    tanpa_target = capaian_compute(target=None, realisasi=D("1"), arah="naik")
    assert tanpa_target.status == StatusCapaian.TIDAK_DAPAT_DIHITUNG
    rentang = capaian_compute(target=D("1"), realisasi=D("1"), arah="rentang")
    assert "batas atas" in rentang.alasan
    turun_nol = capaian_compute(target=D("0"), realisasi=D("0"), arah="turun")
    assert turun_nol.nilai is None


def test_capaian_compute_cap_is_display_only_and_bands_configurable():
    hasil = capaian_compute(target=D("95"), realisasi=D("100"), arah="naik", batas_atas=100)
    assert hasil.nilai > D("105") and hasil.nilai_dibatasi == D("100")
    tanpa = capaian_compute(target=D("95"), realisasi=D("100"), arah="naik", batas_atas=0)
    assert tanpa.nilai_dibatasi == tanpa.nilai
    ketat = capaian_compute(
        target=D("100"),
        realisasi=D("92"),
        arah="naik",
        ambang_tercapai=D("100"),
        ambang_hampir=D("95"),
    )
    assert ketat.status == StatusCapaian.TIDAK


@pytest.mark.django_db
def test_capaian_settings_default_no_cap():
    p = pengaturan_capaian_get()
    assert p.batas_atas == 0 and p.ambang_tercapai == 100 and p.ambang_hampir == 85


# Target = PK 2023 (table 2.2), realisasi = Bab III; capaian computed, not the printed "%".
CAPAIAN_DEMO_2023 = {
    "IKSS 1": "100.00",
    "IKSS 2": "100.00",
    "IKSS 3": "102.04",  # 100 / 98
    "IKSS 4": "105.26",  # 100 / 95 (Bab III prints target 100)
    "IKSS 5": "105.26",  # 100 / 95 (Bab III prints 95)
    "IKSS 6": "94.74",  # 90 / 95 (Bab III prints 100)
    "IKSS 7": "100.00",  # 95 / 95 (Bab III prints 95)
    "IKSS 8": "100.00",
    "IKSS 9": "100.00",
    "IKSS 10": "100.00",
    "IKSS 11": "102.04",  # 100 / 98 (Bab III prints 90)
    "IKSS 12": "105.26",  # 100 / 95
    "IKSS 13": "100.00",
}


@pytest.mark.django_db
def test_capaian_demo_2023_thirteen_values(django_assert_max_num_queries):
    demo_inti_muat()
    pengaturan_capaian_get()
    with django_assert_max_num_queries(7):
        baris = capaian_tahun_list(tahun=2023)
    hasil = {b.indikator.kode: str(b.hasil.dibulatkan(2)) for b in baris}
    assert hasil == CAPAIAN_DEMO_2023
    status = {b.indikator.kode: b.hasil.status for b in baris}
    assert status["IKSS 6"] == StatusCapaian.HAMPIR
    assert sum(1 for s in status.values() if s == StatusCapaian.TERCAPAI) == 12


@pytest.mark.django_db
def test_capaian_demo_idempotent():
    from kinerja.models import PKBaris, Realisasi

    demo_inti_muat()
    jumlah = (Realisasi.objects.count(), PKBaris.objects.count())
    demo_inti_muat()
    # 26 yearly rows + the 52 quarterly rows of 2023 of the Rencana Aksi demo
    assert (Realisasi.objects.count(), PKBaris.objects.count()) == jumlah == (78, 26)


def test_indikator_values_print_with_their_unit_and_precision():
    from kinerja.models import Indikator

    persen = Indikator(satuan="persen", presisi=2)
    dokumen = Indikator(satuan="dokumen", presisi=0)
    assert persen.nilai_teks(Decimal("97.5")) == "97,50%"
    assert dokumen.nilai_teks(Decimal("1250")) == "1.250 dokumen"
    assert persen.nilai_teks(None) == "–"


def test_grafik_capaian_draws_the_shown_values_and_the_tercapai_threshold():
    """The one capaian chart: bars of the capped values and the dashed reference line at the
    configured 'tercapai' threshold (90% here), between the 75% and 100% grid lines."""
    import re
    from types import SimpleNamespace

    from kinerja.grafik import grafik_capaian

    def baris(nomor, nilai):
        return SimpleNamespace(
            sasaran=SimpleNamespace(nomor=nomor), hasil=SimpleNamespace(nilai_dibatasi=nilai)
        )

    pengaturan = SimpleNamespace(ambang_tercapai=D("90"))
    svg = grafik_capaian(
        baris=[baris(1, D("100")), baris(2, D("80"))], tahun=2023, pengaturan=pengaturan
    )
    assert "<title>Capaian indikator kinerja 2023</title>" in svg
    assert ">S1<" in svg and ">100%<" in svg and ">80%<" in svg
    grid = {
        label: float(y) - 4
        for y, label in re.findall(
            r'<text x="[\d.]+" y="([\d.]+)" text-anchor="end"[^>]*>([^<]+)<', svg
        )
    }
    (acuan,) = re.findall(r'<line [^>]*y1="([\d.]+)"[^>]*stroke-dasharray', svg)
    assert float(acuan) == pytest.approx(
        grid["75%"] + (grid["100%"] - grid["75%"]) * 15 / 25, abs=0.2
    )
    assert grafik_capaian(baris=[], tahun=2023, pengaturan=pengaturan) == ""
