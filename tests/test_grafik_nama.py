"""A chart drawn without a title (the dashboard's RPD chart sits under its card heading) still
has an accessible name for screen readers: its series (axe rule svg-img-alt)."""

from __future__ import annotations

import re

from kpu_site.svg import grafik_batang, grafik_garis


def _nama(svg: str) -> tuple[str, str]:
    buka = re.search(r"<svg[^>]*>", svg)[0]
    return re.search(r'aria-label="([^"]*)"', buka)[1], re.search(r"<title>(.*?)</title>", svg)[1]


def test_untitled_line_chart_is_named_by_its_series():
    svg = grafik_garis(
        kategori=["Jan", "Feb"],
        seri=[("RPD kumulatif", [1, 2]), ("Realisasi kumulatif", [1, 1])],
    )
    assert _nama(svg) == (
        "Grafik RPD kumulatif, Realisasi kumulatif",
        "Grafik RPD kumulatif, Realisasi kumulatif",
    )


def test_untitled_bar_chart_is_named_by_its_series_and_a_title_wins():
    assert _nama(grafik_batang(kategori=["S1"], seri=[("Capaian", [100])]))[0] == "Grafik Capaian"
    titled = grafik_batang(kategori=["S1"], seri=[("Capaian", [100])], judul="Capaian 2023")
    assert _nama(titled) == ("Capaian 2023", "Capaian 2023")
