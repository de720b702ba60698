"""The capaian chart's bars carry the same short label as the tables beside them: "S<n>" for a
sasaran with one indikator, "S<n>.<k>" for its k-th indikator when it has more
(``selectors.capaian_label_list``), on the capaian page and on the dashboard."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja import selectors
from kinerja.dasbor import dasbor_capaian

from .factories import IndikatorFactory, SasaranFactory, TargetTahunanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dua_sasaran(unit_demo):
    """Sasaran A with one indikator, sasaran B with two; no realisasi (all below target)."""
    a = SasaranFactory(unit=unit_demo["perencanaan"], uraian="Sasaran A")
    b = SasaranFactory(tujuan=a.tujuan, unit=unit_demo["perencanaan"], uraian="Sasaran B")
    for sasaran, kode in ((a, "IK A"), (b, "IK B1"), (b, "IK B2")):
        ind = IndikatorFactory(sasaran=sasaran, kode=kode)
        TargetTahunanFactory(indikator=ind, tahun=2024, target=Decimal("90"))
    return a, b


def _label_grafik(svg: str) -> list[str]:
    """The bar labels (category texts under the axis, ``S…``) of a capaian chart."""
    return re.findall(r'text-anchor="middle">(S[\d.]+)</text>', svg)


def test_label_of_each_indikator_line(dua_sasaran):
    a, b = dua_sasaran
    baris = selectors.capaian_tahun_list(tahun=2024)
    harapan = [f"S{a.nomor}", f"S{b.nomor}.1", f"S{b.nomor}.2"]
    assert selectors.capaian_label_list(baris=baris) == harapan
    assert [x.label for x in baris] == harapan


def test_capaian_page_table_and_chart_use_the_same_labels(dua_sasaran, masuk, komisioner):
    a, b = dua_sasaran
    html = masuk(komisioner).get(reverse("kinerja:capaian", args=[2024])).content.decode()
    harapan = [f"S{a.nomor}", f"S{b.nomor}.1", f"S{b.nomor}.2"]
    assert _label_grafik(html) == harapan
    assert re.findall(r'<td class="kode">(S[\d.]+)</td>', html) == harapan


def test_dashboard_list_and_chart_use_the_same_labels(dua_sasaran):
    a, b = dua_sasaran
    data = dasbor_capaian(tahun=2024)
    harapan = [f"S{a.nomor}", f"S{b.nomor}.1", f"S{b.nomor}.2"]
    assert _label_grafik(str(data["grafik"])) == harapan
    assert [d["label"] for d in data["di_bawah_target"]] == harapan
