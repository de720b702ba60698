"""Chart labels never overlap: value labels, category names, ticks and legend of every chart
kind, at a few bars and at 30 (the demo's own charts are checked in test_halaman_pdf)."""

from __future__ import annotations

from decimal import Decimal as D
from types import SimpleNamespace

import pytest

from kpu_site import svg
from tests.lkj.label_svg import kotak_label, label_bertumpuk

NAMA_PANJANG = "Persentase Pelaksanaan Waktu Kampanye Pemilu sesuai Jadwal"


def _nilai(n, dasar=D("105.26")):
    return [dasar - i % 3 for i in range(n)]


@pytest.mark.parametrize("n", [2, 13, 30])
def test_vertical_bars_labels_never_overlap(n):
    markup = svg.grafik_batang(
        kategori=[f"S{i + 1}" for i in range(n)],
        seri=[("Capaian", _nilai(n))],
        judul="Capaian indikator kinerja 2023",
        satuan="%",
        garis_acuan=100,
    )
    assert label_bertumpuk(markup) == []
    teks = [t for t, _ in kotak_label(markup)]
    assert teks.count("105,26%") == len(range(0, n, 3))  # every value is still written
    assert "S30" in teks or n < 30


def test_the_lkj_figure_3_1_writes_two_neighbouring_105_26_apart():
    """Figure 3.1 of the demo LKj drew "105,26%105,26%" for sasaran 4 and 5."""
    from kinerja.grafik import grafik_capaian

    nilai = [100, 100, D("102.04"), D("105.26"), D("105.26"), D("94.74"), 100, 100, 100]
    baris = [
        SimpleNamespace(
            sasaran=SimpleNamespace(nomor=i + 1), hasil=SimpleNamespace(nilai_dibatasi=D(v))
        )
        for i, v in enumerate(nilai)
    ]
    markup = grafik_capaian(
        baris=baris, tahun=2023, pengaturan=SimpleNamespace(ambang_tercapai=D(100))
    )
    assert label_bertumpuk(markup) == []
    assert [t for t, _ in kotak_label(markup)].count("105,26%") == 2


@pytest.mark.parametrize("n", [12, 30])
def test_grouped_bars_and_long_category_names_never_overlap(n):
    markup = svg.grafik_batang(
        kategori=[f"{NAMA_PANJANG} {i}" for i in range(n)],
        seri=[("RPD", [D("1234.5")] * n), ("Realisasi", [D("987.25")] * n), ("Sisa", [5] * n)],
        judul="RPD dan realisasi per bulan (juta Rp)",
        satuan="jt",
        lebar=720,
    )
    assert label_bertumpuk(markup) == []


@pytest.mark.parametrize("n", [3, 30])
def test_horizontal_bars_grow_taller_instead_of_overlapping(n):
    markup = svg.grafik_batang(
        kategori=[f"{NAMA_PANJANG} {i}" for i in range(n)],
        seri=[("Pendaftar", list(range(n)))],
        judul="Pendaftar TMS per alasan",
        horizontal=True,
        lebar=560,
        tinggi=260,
    )
    assert label_bertumpuk(markup) == []
    teks = [t for t, _ in kotak_label(markup)]
    assert str(n - 1) in teks  # the last value is written


@pytest.mark.parametrize("n", [12, 30])
def test_line_chart_category_names_never_overlap(n):
    bulan = ["Januari", "Februari", "Maret", "April", "Mei", "Juni"] * 5
    markup = svg.grafik_garis(
        kategori=bulan[:n],
        seri=[("RPD kumulatif", list(range(n))), ("Realisasi kumulatif", list(range(n)))],
        judul="RPD dan realisasi kumulatif (juta Rp)",
        satuan="jt",
    )
    assert label_bertumpuk(markup) == []
    assert "Januari" in [t for t, _ in kotak_label(markup)]
