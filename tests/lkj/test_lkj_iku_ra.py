"""Bab II of the LKj cites the IKU decree of the Renstra (nomor, tanggal, tentang), marks the
IKU in Tabel 2.1 and 2.2, refers to the Manual IKU, and references the Rencana Aksi of the year
and its signed quarterly monitoring reports with their dates: in the PDF as text (kept inside
the pages), in the web preview as links to their pages. Without a decree or a Rencana Aksi it
says so plainly."""

from __future__ import annotations

import io
import re
from types import SimpleNamespace

import pytest
import time_machine
from django.db import transaction
from django.urls import reverse

from tests.conftest import HARI_UJI, demo_inti_muat
from tests.lkj.halaman_pdf import teks_di_luar

pytestmark = pytest.mark.django_db

KIRI_MM, KANAN_MM = 28, 22  # the @page margins of pdf/base_cetak.html

KEPUTUSAN = (
    "Indikator Kinerja Utama (IKU) ditetapkan dengan Keputusan Nomor 45/PL.01-Kpt/3673/2020 "
    "(contoh) tanggal 15 Juli 2020 tentang Penetapan Indikator Kinerja Utama Sekretariat KPU "
    "Kota Serang Tahun 2020–2024"
)
MONITORING = [
    "Monitoring Rencana Aksi TW I Tahun 2023: ditandatangani 10 April 2023.",
    "Monitoring Rencana Aksi TW II Tahun 2023: ditandatangani 10 Juli 2023.",
    "Monitoring Rencana Aksi TW III Tahun 2023: ditandatangani 10 Oktober 2023.",
    "Monitoring Rencana Aksi TW IV Tahun 2023: ditandatangani 10 Januari 2024.",
]


def _polos(teks: str) -> str:
    """Text without tags, spaces or hyphens (a PDF line may break at a hyphen or hyphenate)."""
    teks = re.sub(r"<[^>]+>", "", teks).replace("&amp;", "&")
    return re.sub(r"[\s\-\u00ad\u2010]", "", teks)


def _pdf_teks(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo LKj 2023 (PDF and HTML), its web preview, and the LKj HTML of the same year
    once the IKU decree and the Rencana Aksi are gone (all rolled back afterwards)."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from kinerja.lkj.konten import lkj_konten_kumpulkan
    from kinerja.lkj.render import lkj_html, lkj_render
    from kinerja.models import KeputusanIku, MonitoringRencanaAksi, RencanaAksi

    with (
        django_db_blocker.unblock(),
        time_machine.travel(HARI_UJI, tick=True),
        transaction.atomic(),
    ):
        demo_inti_muat()
        lkj = lkj_render(tahun=2023, draf=False)
        client = Client()
        client.force_login(get_user_model().objects.get(username="sekretaris"))
        pratinjau = client.get(reverse("kinerja:lkj_pratinjau", args=[2023])).content.decode()
        MonitoringRencanaAksi.objects.filter(tahun=2023, triwulan__in=["tw3", "tw4"]).delete()
        sebagian = lkj_html(konten=lkj_konten_kumpulkan(tahun=2023), draf=False)
        KeputusanIku.objects.all().delete()
        MonitoringRencanaAksi.objects.filter(tahun=2023).delete()
        RencanaAksi.objects.filter(baris__perjanjian__tahun=2023).delete()
        kosong = lkj_html(konten=lkj_konten_kumpulkan(tahun=2023), draf=False)
        transaction.set_rollback(True)
    return SimpleNamespace(
        pdf=lkj.pdf,
        html=lkj.html,
        pratinjau=pratinjau,
        sebagian=sebagian,
        kosong=kosong,
    )


def _bab_2(html: str) -> str:
    return html.split('id="bab-2"', 1)[1].split('id="bab-3"', 1)[0]


def test_lkj_cites_the_iku_decree_and_the_manual(demo):
    bab = _bab_2(demo.html)
    assert KEPUTUSAN in bab
    assert "dimuat dalam dokumen Manual IKU Renstra 2020–2024" in bab
    assert _polos(KEPUTUSAN) in _polos(_pdf_teks(demo.pdf))


def test_lkj_marks_the_iku_in_tabel_2_1_and_2_2(demo):
    bab = _bab_2(demo.html)
    tabel_21 = bab.split('id="tabel-2-1"', 1)[1].split("</table>", 1)[0]
    tabel_22 = bab.split('id="tabel-2-2"', 1)[1].split("</table>", 1)[0]
    # the demo's decree names every indikator of the Renstra: each row carries the mark
    for tabel in (tabel_21, tabel_22):
        baris = tabel.split("<tbody>", 1)[1].count("<tr>")
        assert baris and tabel.count("<strong>(IKU)</strong>") == baris
    assert "13 indikator, ditandai “(IKU)” pada Tabel 2.1 dan Tabel 2.2" in bab


def test_lkj_references_the_rencana_aksi_and_its_signed_monitoring(demo):
    bab = _bab_2(demo.html)
    assert "dijabarkan dalam dokumen Rencana Aksi Tahun 2023, yang memuat target" in bab
    for baris in MONITORING:
        assert baris in bab
    pdf = _polos(_pdf_teks(demo.pdf))
    assert _polos("dijabarkan dalam dokumen Rencana Aksi Tahun 2023") in pdf
    for baris in MONITORING:
        assert _polos(baris) in pdf
    assert teks_di_luar(demo.pdf, kiri_mm=KIRI_MM, kanan_mm=KANAN_MM) == []


def test_lkj_preview_links_the_rencana_aksi_and_monitoring_pages(demo):
    bab = _bab_2(demo.pratinjau)
    ra = reverse("kinerja:rencana_aksi", args=[2023])
    assert f'<a class="angka-tautan" href="{ra}">Rencana Aksi Tahun 2023</a>' in bab
    for tw, label in (("tw1", "TW I"), ("tw2", "TW II"), ("tw3", "TW III"), ("tw4", "TW IV")):
        url = reverse("kinerja:monitoring_ra", args=[2023, tw])
        assert (
            f'<a class="angka-tautan" href="{url}">Monitoring Rencana Aksi {label} Tahun 2023</a>'
        ) in bab
    assert '">Manual IKU</a>' in bab
    # the PDF has no links of the site
    assert 'href="/kinerja/' not in _bab_2(demo.html)


def test_lkj_names_the_quarters_not_yet_signed(demo):
    bab = _bab_2(demo.sebagian)
    assert MONITORING[0] in bab and MONITORING[1] in bab
    assert "Monitoring Rencana Aksi TW III Tahun 2023: belum ditandatangani." in bab
    assert "Monitoring Rencana Aksi TW IV Tahun 2023: belum ditandatangani." in bab


def test_lkj_says_so_without_decree_or_rencana_aksi(demo):
    bab = _bab_2(demo.kosong)
    assert "(IKU)" not in bab.split('id="tabel-2-1"', 1)[1].split("</table>", 1)[0]
    assert (
        "Indikator Kinerja Utama (IKU) Renstra 2020–2024 belum ditetapkan dengan keputusan, "
        "sehingga belum ada indikator yang ditandai sebagai IKU dan belum ada Manual IKU yang "
        "dapat dirujuk."
    ) in bab
    assert (
        "Rencana Aksi Tahun 2023 belum disusun, sehingga belum ada target triwulan dan aksi per "
        "indikator yang dapat dirujuk."
    ) in bab
    assert "Belum ada laporan monitoring Rencana Aksi Tahun 2023 yang ditandatangani." in bab
