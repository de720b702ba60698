"""The LKj web preview: the PDF's content inside the site layout, every figure a link to the
page it comes from, and each linked page shows the same number."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.lkj import selectors
from kinerja.lkj.konten import lkj_konten_kumpulkan
from kinerja.lkj.render import lkj_html
from tests.conftest import demo_inti_muat

TAUTAN = re.compile(r'<a class="angka-tautan" href="([^"]+)">([^<]*)</a>')


@pytest.fixture
def demo_lkj(db):
    """The demo organisation, kinerja and anggaran (Kota Serang 2023)."""
    demo_inti_muat()


def _tautan(html: str) -> list[tuple[str, str]]:
    return [(html_lib.unescape(href), teks) for href, teks in TAUTAN.findall(html)]


def _teks(html: str) -> str:
    """The visible text of an HTML fragment, whitespace collapsed."""
    html = re.sub(r"<(style|svg)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"</?a\b[^>]*>", "", html)  # a link adds no text
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _ikuti(client, tautan, awalan: str, teks: str) -> str:
    """Follow the first link of the preview whose URL starts with ``awalan`` and whose text is
    ``teks``; return the linked page's HTML."""
    href = next(h for h, t in tautan if h.startswith(awalan) and t == teks)
    response = client.get(href)
    assert response.status_code == 200, href
    return response.content.decode()


def test_every_kind_of_figure_links_to_a_page_showing_the_same_number(
    demo_lkj, masuk, sekretaris, django_assert_max_num_queries
):
    client = masuk(sekretaris)
    with django_assert_max_num_queries(120):  # 108 on the demo; see the test below
        response = client.get(reverse("kinerja:lkj_pratinjau", args=[2023]))
    assert response.status_code == 200
    tautan = _tautan(response.content.decode())

    # A capaian: indikator 2.1 of the demo, target 95,00%, realisasi 100,00% -> 105,26%.
    halaman = _ikuti(client, tautan, "/kinerja/realisasi/data/", "105,26%")
    assert "105,26%" in halaman

    # A budget line of table 3.1: the Masa Kampanye kegiatan, 22,75% absorbed.
    href = next(h for h, t in tautan if h.startswith("/anggaran/pos/") and t == "50.958.000")
    for angka in ("11.593.100", "22,75%", "39.364.900"):  # realisasi, serapan, sisa
        assert (href, angka) in tautan
    halaman = _ikuti(client, tautan, href, "50.958.000")
    assert "Masa Kampanye" in halaman
    for angka in ("Rp 50.958.000", "Rp 11.593.100", "Rp 39.364.900", "22,75%"):
        assert angka in halaman

    # A staff count: 10 PNS on 31 December 2023 -> the staff list filtered on that date.
    href = next(h for h, t in tautan if h.endswith("?status=pns&tanggal=2023-12-31"))
    assert href.startswith(reverse("sekretariat:pegawai_list"))
    assert (href, "10") in tautan
    halaman = _ikuti(client, tautan, href, "10")
    assert "10 pegawai sesuai saringan" in halaman
    assert 'value="2023-12-31"' in halaman

    # A target: the PK of 2023 (table 2.2 and Bab III) and the Renstra (table 2.1).
    halaman = _ikuti(client, tautan, reverse("kinerja:pk_detail", args=[2023]), "98,00%")
    assert "98,00" in halaman
    halaman = _ikuti(client, tautan, "/kinerja/renstra/", "100,00%")
    assert "100,00" in halaman


def test_query_count_of_the_preview_does_not_grow_with_rows(demo_lkj, masuk, sekretaris):
    from anggaran.models import Pos
    from sekretariat.models import Pegawai

    client = masuk(sekretaris)
    url = reverse("kinerja:lkj_pratinjau", args=[2023])
    client.get(url)  # fills the per-request caches (year list, menu)
    with CaptureQueriesContext(connection) as sebelum:
        client.get(url)
    for n in range(3):
        pegawai = Pegawai.objects.filter(status="ppnpn", pengguna=None).first()
        pegawai.pk, pegawai.nama, pegawai.nip = None, f"Pegawai Uji {n}", ""
        pegawai.save()
        pos = Pos.objects.filter(tingkat="kegiatan", dokumen__tahun=2023).first()
        pos.pk, pos.kode = None, f"99{n}"
        pos.kode_lengkap = f"{pos.kode_lengkap}.uji{n}"
        pos.uraian = f"Kegiatan Uji {n}"
        pos.save()
    with CaptureQueriesContext(connection) as sesudah:
        halaman = client.get(url).content.decode()
    assert "Kegiatan Uji 2" in halaman
    assert len(sesudah.captured_queries) == len(sebelum.captured_queries)


def test_preview_shows_the_text_of_the_pdf(demo_lkj, masuk, auditor):
    """Same template, same content: the article of the preview reads word for word like the
    body of the PDF's HTML, whose figures carry no links."""
    halaman = masuk(auditor).get(reverse("kinerja:lkj_pratinjau", args=[2023])).content.decode()
    artikel = halaman.split('<article class="lkj-pratinjau', 1)[1].split(">", 1)[1]
    artikel = artikel.split("</article>", 1)[0]

    pdf_html = lkj_html(
        konten=lkj_konten_kumpulkan(tahun=2023, naskah=selectors.naskah_get(tahun=2023)),
        draf=False,
    )
    badan = pdf_html.split("<body>", 1)[1].split("</body>", 1)[0]
    assert "angka-tautan" not in pdf_html
    assert _teks(artikel) == _teks(badan)
    assert "Rp 20.326.861.888" in _teks(badan)
    assert len(_tautan(artikel)) > 100


def test_figures_typed_as_placeholders_in_a_narrative_link_too(demo_lkj, masuk, sekretaris):
    from kinerja.lkj.models import NaskahLkj

    NaskahLkj.objects.create(
        tahun=2023, penutup="Didukung [jumlah_pns] PNS; sisa [sisa_dipa]. <b>[tidak_ada]</b>"
    )
    halaman = masuk(sekretaris).get(reverse("kinerja:lkj_pratinjau", args=[2023]))
    halaman = halaman.content.decode()
    assert (
        "<p>Didukung "
        '<a class="angka-tautan" href="/organisasi/pegawai/?status=pns&amp;tanggal=2023-12-31">'
        '10</a> PNS; sisa <a class="angka-tautan" href="/anggaran/laporan/2023/">Rp 88.874.112'
        "</a>. &lt;b&gt;[tidak_ada]&lt;/b&gt;</p>"
    ) in halaman
    # the default Latar Belakang: the DIPA figures link to the budget report of the year
    assert (
        '<a class="angka-tautan" href="/anggaran/laporan/2023/">Rp 20.326.861.888</a> dari pagu'
        in (halaman)
    )


def test_preview_of_a_year_without_data_goes_back_with_the_reason(db, masuk, sekretaris):
    response = masuk(sekretaris).get(reverse("kinerja:lkj_pratinjau", args=[2031]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("kinerja:lkj_tahun", args=[2031])
    assert "Tidak ada data kinerja untuk tahun 2031" in response.content.decode()


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("kinerja:lkj_pratinjau", args=[2023]))
    assert response.status_code == 302 and "/masuk/" in response["Location"]


def test_angka_tautan_links_only_in_the_web_view(db):
    template = Template(
        '{% load angka_tautan %}{% angka_tautan nilai "sekretariat:pegawai_list" '
        'status="pns" tanggal=tanggal unit=None %}|{% angka_tautan nilai "kinerja:capaian" 2023 %}'
    )
    from datetime import date

    konteks = {"nilai": "<10>", "tanggal": date(2022, 12, 31)}
    kosong = Template('{% load angka_tautan %}{% angka_tautan "–" "kinerja:capaian" 2023 %}')
    assert kosong.render(Context({"tautan": True})) == "–"
    tanpa_baris = Template(
        '{% load angka_tautan %}{% angka_tautan "5" "kinerja:realisasi_detail" x %}'
    )
    assert tanpa_baris.render(Context({"tautan": True, "x": None})) == "5"
    assert template.render(Context(konteks)) == "&lt;10&gt;|&lt;10&gt;"
    assert template.render(Context({**konteks, "tautan": True})) == (
        '<a class="angka-tautan" href="/organisasi/pegawai/?status=pns&amp;tanggal=2022-12-31">'
        '&lt;10&gt;</a>|<a class="angka-tautan" href="/kinerja/capaian/2023/">&lt;10&gt;</a>'
    )
