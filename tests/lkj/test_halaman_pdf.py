"""Every generated PDF keeps its text on the page: the demo LKj 2023 (every page), the PK print
and an ad hoc announcement; the LKj tables are laid out to fit (Tabel 2.1 on landscape pages
with its header on each, the year tables kept whole); the LKj says which average it prints."""

from __future__ import annotations

import io
import re
from types import SimpleNamespace

import pytest
import time_machine
from django.db import transaction
from django.urls import reverse
from pypdf import PdfReader

from tests.badan_adhoc.conftest import (  # noqa: F401
    diseleksi,
    rekrutmen_kpps,
    staf_teknis,
    wilayah_uji,
)
from tests.conftest import HARI_UJI, demo_inti_muat
from tests.lkj.halaman_pdf import teks_di_luar
from tests.lkj.label_svg import kotak_label, label_bertumpuk

pytestmark = pytest.mark.django_db

# The @page margins of templates/pdf/base_cetak.html (top right bottom left: 25 22 22 28 mm)
# and of the PK print page (2 cm all round).
KIRI_MM, KANAN_MM = 28, 22
PK_MM = 20


def _teks(data: bytes) -> list[str]:
    return [p.extract_text(extraction_mode="layout") for p in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Rendered once for the module on the demo data (rolled back afterwards): the LKj 2023
    (PDF and page texts), the PK 2023 print as PDF, and the LKj HTML under each cap setting."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from anggaran.grafik import grafik_bulanan, grafik_serapan_kumulatif
    from anggaran.models import DokumenAnggaran
    from anggaran.selectors import realisasi_bulanan
    from kinerja.lkj.konten import lkj_konten_kumpulkan
    from kinerja.lkj.render import lkj_html, lkj_render
    from kinerja.models import PengaturanCapaian
    from kinerja.selectors import pengaturan_capaian_get
    from kpu_site.pdf import html_ke_pdf

    with (
        django_db_blocker.unblock(),
        time_machine.travel(HARI_UJI, tick=True),
        transaction.atomic(),
    ):
        demo_inti_muat()
        lkj = lkj_render(tahun=2023, draf=False)
        client = Client()
        client.force_login(get_user_model().objects.get(username="sekretaris"))
        cetak = client.get(reverse("kinerja:pk_cetak", kwargs={"tahun": 2023}))
        pk_pdf, _ = html_ke_pdf(cetak.content.decode())
        html_batas = {}
        for batas in (PengaturanCapaian.Batas.TANPA, PengaturanCapaian.Batas.B100):
            pengaturan = pengaturan_capaian_get()
            pengaturan.batas_atas = batas
            pengaturan.save()
            html_batas[batas] = lkj_html(konten=lkj_konten_kumpulkan(tahun=2023), draf=False)
        bulanan = realisasi_bulanan(dokumen=DokumenAnggaran.objects.get(tahun=2023, jenis="dipa"))
        grafik_rpd = [
            grafik_serapan_kumulatif(bulanan, judul="RPD dan realisasi kumulatif (juta Rp)"),
            grafik_serapan_kumulatif(bulanan, lebar=560, tinggi=260),  # the dashboard's
            grafik_bulanan(bulanan, judul="RPD dan realisasi per bulan (juta Rp)"),
        ]
        transaction.set_rollback(True)
    return SimpleNamespace(
        lkj=lkj.pdf,
        halaman=_teks(lkj.pdf),
        html=lkj.html,
        pk=pk_pdf,
        html_batas=html_batas,
        grafik_rpd=grafik_rpd,
    )


def test_every_page_of_the_demo_lkj_keeps_its_text_inside_the_margins(demo):
    assert len(demo.halaman) > 25
    assert teks_di_luar(demo.lkj, kiri_mm=KIRI_MM, kanan_mm=KANAN_MM) == []


def test_tabel_2_1_is_on_landscape_pages_each_with_the_header_and_every_year(demo):
    reader = PdfReader(io.BytesIO(demo.lkj))
    # the last mention of each title is the table's own (the first is in the Daftar Tabel)
    awal = max(i for i, t in enumerate(demo.halaman) if "Tabel 2.1 Sasaran strategis" in t)
    akhir = max(i for i, t in enumerate(demo.halaman) if "Tabel 2.2 Perjanjian Kinerja" in t)
    tabel = range(awal, akhir)
    assert len(tabel) >= 2  # the demo's 13 sasaran take more than one page
    for i in tabel:
        lebar, tinggi = reader.pages[i].mediabox.width, reader.pages[i].mediabox.height
        assert lebar > tinggi, f"halaman {i + 1} tegak"
        teks = demo.halaman[i]
        assert re.search(r"No\s+Sasaran Strategis\s+Indikator Kinerja\s+Target", teks), i
        assert re.search(r"2020\s+2021\s+2022\s+2023\s+2024", teks), i
    # All 13 rows, each with its five targets on one line (nothing cut at the edge).
    baris = [
        m
        for i in tabel
        for m in re.findall(r"^\s*(\d+)\s+\S.*?((?:\d+,\d\d%\s*){5})$", demo.halaman[i], re.M)
    ]
    assert [int(no) for no, _ in baris] == list(range(1, 14))
    # The pages after the landscape ones are upright again and the numbering runs on.
    assert reader.pages[akhir].mediabox.width < reader.pages[akhir].mediabox.height
    nomor = [t.strip().splitlines()[-1].strip() for t in demo.halaman[awal - 1 : akhir + 1]]
    assert [int(n) for n in nomor] == list(range(int(nomor[0]), int(nomor[0]) + len(nomor)))


def test_year_comparison_tables_are_not_split_across_pages(demo):
    judul = "Perbandingan dengan tahun sebelumnya"
    jumlah = sum(t.count(judul) for t in demo.halaman)
    assert jumlah == demo.html.count(judul) == 13
    for nomor, teks in enumerate(demo.halaman, start=1):
        for bagian in teks.split(judul)[1:]:
            # heading, header row and the three rows, on the heading's page
            baris = [b.split()[0] for b in bagian.splitlines() if b.strip()][:4]
            assert baris == ["Tahun", "Target", "Realisasi", "Capaian"], (nomor, bagian[:300])


def test_no_label_overlaps_another_in_the_demo_charts(demo):
    """The LKj's figures (organisation chart, education, capaian: figure 3.1 once drew
    "105,26%105,26%") and the RPD charts of the demo DIPA 2023."""
    grafik = re.findall(r"<svg.*?</svg>", demo.html, re.S) + demo.grafik_rpd
    assert len(grafik) == 7
    for markup in grafik:
        judul = re.search(r"<title>(.*?)</title>", markup).group(1)
        assert label_bertumpuk(markup) == [], judul
    (capaian,) = [g for g in grafik if "<title>Capaian indikator kinerja 2023" in g]
    assert [t for t, _ in kotak_label(capaian)].count("105,26%") == 3


def test_the_pk_print_keeps_its_text_inside_the_margins(demo):
    teks = "\n".join(_teks(demo.pk))
    assert "PERJANJIAN KINERJA TAHUN 2023" in teks and "Pihak Pertama" in teks
    assert teks_di_luar(demo.pk, kiri_mm=PK_MM, kanan_mm=PK_MM) == []


def test_an_announcement_pdf_keeps_its_text_inside_the_margins(
    diseleksi,  # noqa: F811
    masuk,
    staf_teknis,  # noqa: F811
    django_capture_on_commit_callbacks,
    tugas_dalam_proses,
):
    url = reverse("badan_adhoc:pengumuman_pdf", args=[diseleksi.pk]) + "?tahap=administrasi"
    client = masuk(staf_teknis)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url)  # the background job, rendered on commit (no broker)
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    pdf = b"".join(response.streaming_content)
    teks = "\n".join(_teks(pdf))
    assert "Keterangan" in teks and "MS = memenuhi syarat" in teks
    assert teks_di_luar(pdf, kiri_mm=KIRI_MM, kanan_mm=KANAN_MM) == []


def test_the_margin_check_finds_text_past_the_edge():
    """The check itself: a table wider than the page is reported, word by word."""
    from kpu_site.pdf import html_ke_pdf

    sel = "".join(f"<td>KOLOM{i}</td>" for i in range(12))
    html = (
        "<style>@page { size: A4; margin: 20mm } td { white-space: nowrap }</style>"
        f"<p>Di dalam</p><table><tr>{sel}</tr></table>"
    )
    pdf, _ = html_ke_pdf(html)
    temuan = teks_di_luar(pdf, kiri_mm=20, kanan_mm=20)
    assert temuan and all(t.startswith("halaman 1: 'KOLOM") for t in temuan)
    assert not any("'Di'" in t or "'KOLOM0'" in t for t in temuan)


@pytest.mark.parametrize(
    ("batas", "kalimat"),
    [
        (0, "Rata-rata capaian dihitung dari nilai capaian setiap indikator tanpa batas atas"),
        (100, "setelah dibatasi paling tinggi 100%"),
    ],
)
def test_bab_iii_states_which_average_it_prints(demo, batas, kalimat):
    html = demo.html_batas[batas]
    bab3 = html.split('id="bab-3"')[1].split('id="bab-3-b"')[0]
    rata = re.search(r'<p id="rata-rata-capaian">(.*?)</p>', bab3, re.S).group(1)
    assert kalimat in rata
    # the demo's 13 indikator: 105,26% three times and 102,04% once when not capped
    assert ("rata-rata capaian 101,12%" if batas == 0 else "rata-rata capaian 99,60%") in rata
    assert html.count("Rata-rata capaian dihitung") == 1
