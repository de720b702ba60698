"""Where the labels of an SVG chart land: each ``<text>``'s box from its x/y, anchor, font size
and ``rotate(...)`` transform, its width measured with the DejaVu Sans font file the PDF uses
(Pillow), and every pair of labels whose boxes overlap."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from itertools import combinations
from pathlib import Path

NS = "{http://www.w3.org/2000/svg}"
FONT = Path("/usr/share/fonts/truetype/dejavu")


@cache
def _font(ukuran: float, tebal: bool):
    from PIL import ImageFont

    nama = "DejaVuSans-Bold.ttf" if tebal else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONT / nama), ukuran) if (FONT / nama).exists() else None


def _lebar(teks: str, ukuran: float, tebal: bool) -> float:
    font = _font(ukuran, tebal)
    if font is None:  # no font file: a wide estimate (DejaVu's widest digits and letters)
        return 0.7 * ukuran * len(teks)
    return font.getlength(teks)


def kotak_label(svg: str) -> list[tuple[str, tuple[float, float, float, float]]]:
    """``(text, (x0, y0, x1, y1))`` of every ``<text>`` of ``svg`` except the ``<title>``."""
    root = ET.fromstring(svg)  # noqa: S314 - markup the app itself generated
    ukuran_dasar = float(root.get("font-size", 16))
    hasil = []
    for el in root.iter(f"{NS}text"):
        teks = "".join(el.itertext())
        ukuran = float(el.get("font-size", ukuran_dasar))
        w = _lebar(teks, ukuran, el.get("font-weight") == "bold")
        x, y = float(el.get("x", 0)), float(el.get("y", 0))
        anchor = el.get("text-anchor", "start")
        x0 = {"start": x, "middle": x - w / 2, "end": x - w}[anchor]
        x1 = x0 + w
        y0, y1 = y - 0.76 * ukuran, y + 0.24 * ukuran
        putar = re.fullmatch(
            r"rotate\((-?[\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)\)", el.get("transform", "")
        )
        if putar:
            sudut, cx, cy = (float(v) for v in putar.groups())
            assert sudut == -90, el.get("transform")
            # rotate(-90 cx cy): (px, py) -> (cx + (py - cy), cy - (px - cx))
            x0, x1, y0, y1 = cx + (y0 - cy), cx + (y1 - cy), cy - (x1 - cx), cy - (x0 - cx)
        hasil.append((teks, (x0, y0, x1, y1)))
    return hasil


def label_bertumpuk(svg: str) -> list[str]:
    """Every pair of labels of ``svg`` whose boxes overlap (touching is fine)."""
    temuan = []
    for (a, ka), (b, kb) in combinations(kotak_label(svg), 2):
        if ka[0] < kb[2] and kb[0] < ka[2] and ka[1] < kb[3] and kb[1] < ka[3]:
            temuan.append(
                f"{a!r} {tuple(round(v, 1) for v in ka)} × {b!r} {tuple(round(v, 1) for v in kb)}"
            )
    return temuan
