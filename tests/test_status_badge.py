"""``{% status_badge obj %}``: a status's label and colour come from the model's choices
(``kpu_site.status``), the same on every page."""

from __future__ import annotations

import pytest
from django.template import engines

from badan_adhoc.models import KlarifikasiParpol, Pendaftar
from kinerja.models import LaporanKinerja, PerjanjianKinerja, Realisasi


def _render(teks: str, **context) -> str:
    return engines["django"].from_string(teks).render(context)


@pytest.mark.parametrize(
    ("status", "html"),
    [
        ("draft", '<span class="badge text-bg-secondary">Draft</span>'),
        ("diajukan", '<span class="badge text-bg-info">Diajukan ke Kasubag</span>'),
        ("dikembalikan", '<span class="badge text-bg-danger">Dikembalikan</span>'),
        ("diverifikasi", '<span class="badge text-bg-primary">Diverifikasi Kasubag</span>'),
        ("disetujui", '<span class="badge text-bg-success">Disetujui Sekretaris</span>'),
    ],
)
def test_realisasi_status_badge(status, html):
    assert _render("{% status_badge r %}", r=Realisasi(status=status)) == html


def test_a_missing_realisasi_is_not_filled_in():
    assert (
        _render("{% status_badge r %}", r=None)
        == '<span class="badge text-bg-light border text-muted">belum diisi</span>'
    )


@pytest.mark.parametrize(
    ("status", "html"),
    [
        ("antri", '<span class="badge text-bg-secondary">Antri</span>'),
        ("diproses", '<span class="badge text-bg-info">Diproses 40%</span>'),
        ("selesai", '<span class="badge text-bg-primary">Selesai</span>'),
        ("gagal", '<span class="badge text-bg-danger">Gagal</span>'),
        ("final", '<span class="badge text-bg-success">Final</span>'),
    ],
)
def test_lkj_status_badge_shows_the_progress_while_rendering(status, html):
    laporan = LaporanKinerja(status=status, progres=40)
    assert _render("{% status_badge l teks=l.status_teks %}", l=laporan) == html


@pytest.mark.parametrize(
    ("status", "panjang", "singkat"),
    [
        ("belum", '<span class="badge text-bg-light">Belum diperiksa</span>', "belum"),
        ("ms", '<span class="badge text-bg-success">Memenuhi syarat</span>', "MS"),
        ("tms", '<span class="badge text-bg-danger">Tidak memenuhi syarat</span>', "TMS"),
    ],
)
def test_pendaftar_screening_badge_long_and_short(status, panjang, singkat):
    p = Pendaftar(status_administrasi=status)
    assert _render('{% status_badge p "status_administrasi" %}', p=p) == panjang
    assert _render('{% status_badge p "status_administrasi" singkat=True %}', p=p) == (
        panjang.split(">")[0] + f">{singkat}</span>"
    )


def test_extra_classes_and_other_models():
    pk = PerjanjianKinerja(status="ditandatangani")
    assert (
        _render('{% status_badge pk kelas="fs-6" %}', pk=pk)
        == '<span class="badge text-bg-success fs-6">Ditandatangani</span>'
    )
    k = KlarifikasiParpol(status="diajukan")
    assert _render("{% status_badge k %}", k=k) == (
        '<span class="badge text-bg-warning">Diajukan</span>'
    )
    assert _render("bg-{% status_warna l %}", l=LaporanKinerja(status="gagal")) == "bg-danger"


def test_every_status_has_its_own_colour():
    for pilihan in (Realisasi.Status, LaporanKinerja.Status, Pendaftar.Status):
        warna = [p.warna for p in pilihan]
        assert len(set(warna)) == len(warna), pilihan


def test_status_text_without_badge_for_printed_documents():
    p = Pendaftar(status_administrasi="tms")
    assert _render('{% status_teks p "status_administrasi" singkat=True %}', p=p) == "TMS"
    assert _render('{% status_teks p "status_administrasi" %}', p=p) == "Tidak memenuhi syarat"
