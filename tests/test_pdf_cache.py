"""A PDF is rendered once per distinct HTML (kpu_site.pdf.html_ke_pdf keeps it in the cache)."""

from __future__ import annotations

import pytest
from django.core.cache import cache

import kpu_site.pdf as pdf_modul

HTML = "<html><body><h1>Perjanjian Kinerja 2023</h1><p>Target 100%</p></body></html>"


@pytest.fixture
def hitung_render(monkeypatch):
    cache.clear()
    asli = pdf_modul._render
    panggilan = []

    def dihitung(html):
        panggilan.append(html)
        return asli(html)

    monkeypatch.setattr(pdf_modul, "_render", dihitung)
    return panggilan


def test_the_same_html_is_rendered_once(hitung_render):
    pertama = pdf_modul.html_ke_pdf(HTML)
    kedua = pdf_modul.html_ke_pdf(HTML)
    assert kedua == pertama and pertama[0].startswith(b"%PDF") and pertama[1] == 1
    assert len(hitung_render) == 1


def test_changed_data_renders_again(hitung_render):
    pdf_modul.html_ke_pdf(HTML)
    lain, _ = pdf_modul.html_ke_pdf(HTML.replace("100%", "95%"))
    assert len(hitung_render) == 2
    assert lain.startswith(b"%PDF")


def test_a_pdf_above_the_limit_is_not_kept(hitung_render, settings):
    settings.PDF_CACHE_MAKS_BITA = 100
    pdf_modul.html_ke_pdf(HTML)
    pdf_modul.html_ke_pdf(HTML)
    assert len(hitung_render) == 2
