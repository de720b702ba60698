from __future__ import annotations

import io
from datetime import date
from xml.etree import ElementTree

import pytest

from sekretariat import grafik

pytestmark = pytest.mark.django_db


def test_bagan_organisasi_svg_draws_holders_of_the_date(demo_organisasi):
    svg = grafik.bagan_organisasi_svg(tanggal=date(2023, 6, 30))
    ElementTree.fromstring(svg)  # noqa: S314  # well-formed, no script, no external reference
    assert "<script" not in svg and "http://" not in svg.replace("http://www.w3.org/2000/svg", "")
    assert "Rina Herlina, S.E." in svg
    assert "Munggaran" not in svg
    assert "Sekretaris" in svg and "Kasubag Keuangan, Umum" in svg and "Kelompok Jabatan" in svg
    after = grafik.bagan_organisasi_svg(tanggal=date(2023, 12, 31))
    assert "Munggaran, S.E." in after and "Rina Herlina" not in after


def test_bagan_organisasi_svg_without_units(db):
    svg = grafik.bagan_organisasi_svg(tanggal=date(2023, 12, 31))
    ElementTree.fromstring(svg)  # noqa: S314
    assert "Belum ada unit organisasi" in svg


def test_pendidikan_svg_has_categories_with_shares(demo_organisasi):
    pns = grafik.pendidikan_svg(status="pns")
    ElementTree.fromstring(pns)  # noqa: S314
    assert "Strata 1 (70%)" in pns and "Diploma III (10%)" in pns and "Strata 2 (20%)" in pns
    ppnpn = grafik.pendidikan_svg(status="ppnpn")
    assert "SLTA/SMA/SMK (33%)" in ppnpn and "Strata 1 (67%)" in ppnpn


def test_grafik_render_in_the_pdf(demo_organisasi):
    """The same SVG markup the page shows goes through WeasyPrint (figures 1.1–1.3 of the LKj)."""
    from pypdf import PdfReader

    from kpu_site.pdf import html_ke_pdf

    html = (
        "<html><body><h1>Bab I</h1>"
        f"{grafik.bagan_organisasi_svg(tanggal=date(2023, 12, 31))}"
        f"{grafik.pendidikan_svg(status='pns')}{grafik.pendidikan_svg(status='ppnpn')}"
        "</body></html>"
    )
    pdf, pages = html_ke_pdf(html)
    assert pages >= 1
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Munggaran, S.E." in text and "Tomi Irawan, S.IP." in text
    assert "Strata 1 (70%)" in text


def test_box_text_is_wrapped_by_the_shared_helper_and_cut_with_an_ellipsis():
    """The organisation chart wraps names with ``kpu_site.svg.bungkus``: at most the given
    number of lines, the last one ending in "…" when text was left out."""
    from kpu_site.svg import bungkus

    nama = "Kepala Sub Bagian Perencanaan, Data dan Informasi Kota Serang"
    assert bungkus(nama, 23, 4) == [
        "Kepala Sub Bagian",
        "Perencanaan, Data dan",
        "Informasi Kota Serang",
    ]
    assert bungkus(nama, 21, 2, potong=True) == ["Kepala Sub Bagian", "Perencanaan, Data da…"]
    assert bungkus(nama, 21, 2) == ["Kepala Sub Bagian", "Perencanaan, Data dan"]
