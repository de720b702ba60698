"""The RPD chart (cumulative RPD against cumulative realisasi, ``grafik_serapan_kumulatif``):
both series stay visible where they overlap: the RPD is a dashed line with open markers drawn
over the solid realisasi line with filled markers, and the legend shows each line's style."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

from anggaran.grafik import grafik_serapan_kumulatif
from anggaran.selectors.bulanan import BarisBulan, Bulanan
from kpu_site.svg import WARNA

NS = "{http://www.w3.org/2000/svg}"
MERAH, BIRU = WARNA[0], WARNA[1]  # RPD, realisasi


def _bulanan(rpd: list[int], realisasi: list[int]) -> Bulanan:
    baris, rk, sk = [], Decimal(0), Decimal(0)
    for i, (r, s) in enumerate(zip(rpd, realisasi, strict=True), start=1):
        rk += r
        sk += s
        baris.append(
            BarisBulan(
                bulan=i,
                rpd=Decimal(r),
                realisasi=Decimal(s),
                rpd_kumulatif=rk,
                realisasi_kumulatif=sk,
                serapan_kumulatif=None,
                deviasi=Decimal(0),
            )
        )
    return Bulanan(pagu=Decimal(10**9), baris=baris)


def _elemen(svg: str, tag: str) -> list[ET.Element]:
    return list(ET.fromstring(svg).iter(f"{NS}{tag}"))  # noqa: S314 - the app's own markup


def test_equal_series_both_visible_dashed_rpd_over_solid_realisasi():
    juta = 1_000_000
    svg = str(grafik_serapan_kumulatif(_bulanan([5 * juta] * 12, [5 * juta] * 12)))
    garis = [g for g in _elemen(svg, "polyline")]
    assert [g.get("stroke") for g in garis] == [BIRU, MERAH]  # the dashed RPD is drawn on top
    realisasi, rpd = garis
    assert realisasi.get("stroke-dasharray") is None
    assert rpd.get("stroke-dasharray") == "6 4"
    assert rpd.get("points") == realisasi.get("points")  # equal: same path, both shown
    # markers: a filled dot for realisasi, an open ring (larger) for the RPD at every month
    titik = [c for c in _elemen(svg, "circle") if c.get("class") != "legenda"]
    isi = [c for c in titik if c.get("fill") == BIRU]
    cincin = [c for c in titik if c.get("stroke") == MERAH and c.get("fill") == "none"]
    assert len(isi) == 12 and len(cincin) == 12
    assert {(c.get("cx"), c.get("cy")) for c in isi} == {(c.get("cx"), c.get("cy")) for c in cincin}
    assert float(cincin[0].get("r")) > float(isi[0].get("r"))
    # the rings come after the dots, so a ring is never hidden under a dot
    assert titik.index(cincin[0]) > titik.index(isi[-1])


def test_legend_names_both_series_with_their_line_style():
    juta = 1_000_000
    svg = str(grafik_serapan_kumulatif(_bulanan([juta] * 12, [juta] * 12)))
    teks = [t.text for t in _elemen(svg, "text")]
    assert "RPD kumulatif" in teks and "Realisasi kumulatif" in teks
    contoh = [g for g in _elemen(svg, "line") if g.get("class") == "legenda"]
    assert {(g.get("stroke"), g.get("stroke-dasharray")) for g in contoh} == {
        (MERAH, "6 4"),
        (BIRU, None),
    }
    assert not re.search(r'<rect[^>]*fill="' + MERAH, svg)  # no bar swatch in a line legend


def test_without_rpd_one_solid_line_and_no_legend():
    svg = str(grafik_serapan_kumulatif(_bulanan([0] * 12, [1_000_000] * 12)))
    (garis,) = _elemen(svg, "polyline")
    assert garis.get("stroke-dasharray") is None
    assert "RPD" not in svg
