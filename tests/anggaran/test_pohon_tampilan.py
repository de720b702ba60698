"""The DIPA tree as a person reads it (issue 16): it opens collapsed at kegiatan level, and a
detail line (below akun) shows "–" for realisasi, sisa and serapan, which are recorded on the
akun lines, instead of Rp 0 and 0,00% that read as "unspent"."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from anggaran import services

from .factories import DokumenAnggaranFactory, pohon_kecil

pytestmark = pytest.mark.django_db


@pytest.fixture
def dipa(sekretaris):
    dokumen = DokumenAnggaranFactory()
    dokumen.pohon = pohon_kecil(
        dokumen, sekretaris, pagu_akun=(Decimal("100000000"), Decimal("500000"))
    )
    services.realisasi_create(
        pengguna=sekretaris,
        akun=dokumen.pohon["akun"][0],
        tanggal=date(2023, 3, 5),
        nomor_sp2d="SP2D-1",
        nilai=Decimal("25000000"),
    )
    return dokumen


def _baris(html: str) -> list[dict]:
    """The tree's lines: depth, hidden or not, the toggle's state and the text of the cells."""
    hasil = []
    for attrs, isi in re.findall(r'<tr class="tree-row"([^>]*)>(.*?)</tr>', html, re.S):
        toggle = re.search(r'tree-toggle" aria-expanded="(\w+)"', isi)
        sel = [
            " ".join(re.sub(r"<[^>]+>", " ", td).split())
            for td in re.findall(r"<td[^>]*>(.*?)</td>", isi, re.S)
        ]
        hasil.append(
            {
                "depth": int(re.search(r'data-depth="(\d+)"', attrs).group(1)),
                "hidden": " hidden" in attrs,
                "terbuka": toggle.group(1) if toggle else None,
                "sel": sel,
            }
        )
    return hasil


def test_dipa_tree_opens_collapsed_at_kegiatan_level(dipa, masuk, komisioner):
    html = masuk(komisioner).get(reverse("anggaran:dokumen_detail", args=[dipa.pk])).content
    baris = _baris(html.decode())
    assert len(baris) == 10  # every line is on the page: lower levels open without a reload
    terlihat = [(b["depth"], b["terbuka"]) for b in baris if not b["hidden"]]
    assert terlihat == [(0, "true"), (1, "false")]  # program open, kegiatan closed
    assert all(b["terbuka"] in (None, "false") for b in baris if b["depth"] >= 1)


def test_dipa_tree_with_a_chosen_depth_shows_every_line_open(dipa, masuk, komisioner):
    url = reverse("anggaran:dokumen_detail", args=[dipa.pk])
    baris = _baris(masuk(komisioner).get(url, {"kedalaman": 7}).content.decode())
    assert len(baris) == 10 and not any(b["hidden"] for b in baris)
    assert all(b["terbuka"] in (None, "true") for b in baris)


def test_dipa_tree_detail_lines_show_a_dash_for_realisasi_sisa_serapan(dipa, masuk, komisioner):
    url = reverse("anggaran:dokumen_detail", args=[dipa.pk])
    baris = _baris(masuk(komisioner).get(url, {"kedalaman": 7}).content.decode())
    akun, detail = baris[6], baris[7]
    assert akun["sel"][2:] == ["Rp 100.000.000", "Rp 25.000.000", "Rp 75.000.000", "25,00%"]
    assert detail["sel"][2:] == ["Rp 100.000.000", "–", "–", "–"]
    assert baris[9]["sel"][2:] == ["Rp 500.000", "–", "–", "–"]
