"""``{% status_badge obj %}``: a status's label and colour come from the model's choices
(``kpu_site.status``), the same on every page."""

from __future__ import annotations

import re
from pathlib import Path

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
        == '<span class="badge text-bg-light border">belum diisi</span>'
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


# --- Readable badges: the colours and size set in static/css/app.css ("Look" section) ---------

APP_CSS = Path(__file__).resolve().parent.parent / "static" / "css" / "app.css"
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _bagian_tampilan() -> str:
    """The "Look: buttons, badges, codes" section of app.css (up to the next section)."""
    css = APP_CSS.read_text()
    awal = css.index("/* Look: buttons, badges, codes */")
    return css[awal:]


def _warna_badge() -> dict[str, tuple[str, str]]:
    """``{warna: (text colour, background)}`` of every ``.badge.text-bg-<warna>`` rule."""
    aturan = re.findall(r"\.badge\.text-bg-([a-z]+)\s*\{([^}]*)\}", _bagian_tampilan())
    hasil = {}
    for warna, isi in aturan:
        teks = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})\b", isi).group(1)
        latar = re.search(r"background-color:\s*(#[0-9a-fA-F]{3,6})\b", isi).group(1)
        hasil[warna] = (_hex6(teks), _hex6(latar))
    return hasil


def _hex6(warna: str) -> str:
    """``#fff`` → ``#ffffff``."""
    return "#" + "".join(c * 2 for c in warna[1:]) if len(warna) == 4 else warna


def _luminans(hex_: str) -> float:
    """WCAG 2.1 relative luminance of ``#rrggbb``."""

    def kanal(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * kanal(r) + 0.7152 * kanal(g) + 0.0722 * kanal(b)


def kontras(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two ``#rrggbb`` colours."""
    terang, gelap = sorted((_luminans(a), _luminans(b)), reverse=True)
    return (terang + 0.05) / (gelap + 0.05)


def test_contrast_formula():
    assert kontras("#ffffff", "#000000") == pytest.approx(21)
    assert kontras("#ffffff", "#0d6efd") == pytest.approx(4.50, abs=0.01)  # Bootstrap's blue


def _warna_dipakai() -> set[str]:
    """Every badge colour the app can show: the statuses' choices and the badges written in
    the templates (``text-bg-<warna>`` on a ``badge``, also through an include's ``warna``)."""
    from kpu_site.status import PilihanBerwarna

    def turunan(kelas):
        for sub in kelas.__subclasses__():
            yield sub
            yield from turunan(sub)

    dipakai = {p.warna for kelas in turunan(PilihanBerwarna) for p in kelas} | {"light"}
    for berkas in TEMPLATES.rglob("*.html"):
        teks = berkas.read_text()
        for kelas in re.findall(r'class="(badge [^"]*)"', teks):
            dipakai |= set(re.findall(r"text-bg-([a-z]+)", kelas))
        if 'class="badge text-bg-{{ warna }}' in teks:
            nama = str(berkas.relative_to(TEMPLATES))
            for lain in TEMPLATES.rglob("*.html"):
                dipakai |= set(
                    re.findall(
                        rf'include "{re.escape(nama)}" with warna="([a-z]+)"', lain.read_text()
                    )
                )
    return dipakai


def test_every_badge_colour_has_text_of_at_least_4_5_to_1_contrast():
    warna = _warna_badge()
    dipakai = _warna_dipakai()
    assert {"success", "danger", "secondary", "primary", "info", "warning", "light"} <= dipakai
    tanpa_aturan = dipakai - set(warna)
    assert not tanpa_aturan, f"badge colours without a rule in the Look section: {tanpa_aturan}"
    for nama, (teks, latar) in warna.items():
        assert kontras(teks, latar) >= 4.5, (nama, teks, latar, round(kontras(teks, latar), 2))


def test_bootstrap_badge_colours_alone_would_not_all_pass():
    """Why the rules exist: Bootstrap 5.3's own text-bg-* badges (white on #0d6efd, #198754,
    #dc3545) sit at 4.5:1 or just above, and its info/warning have no dark text variant."""
    assert kontras("#ffffff", "#198754") < 4.6
    assert kontras("#ffffff", "#dc3545") < 4.6


def test_badge_text_is_not_smaller_than_085em_nor_overridden_by_text_muted():
    bagian = _bagian_tampilan()
    ukuran = re.search(r"\.badge\s*\{[^}]*--bs-badge-font-size:\s*([\d.]+)em", bagian)
    assert ukuran and float(ukuran.group(1)) >= 0.85
    # the badge of a missing record sets no text colour of its own (text-muted is 4.4:1 on light)
    assert "text-muted" not in _render("{% status_badge r %}", r=None)
