"""Server-side SVG charts: the same markup goes into web pages and into the WeasyPrint PDF.

No JavaScript, no external resources. Values may be ``Decimal``, ``int``, ``float`` or
``None`` (a missing value draws nothing). Labels use Indonesian number formatting.
"""

from __future__ import annotations

import math
from decimal import Decimal
from xml.sax.saxutils import escape

from .formatting import angka

WARNA = ["#8b1a1a", "#2f6f9f", "#d99a21", "#4c8c4a", "#7a5c99", "#5f6b73"]
FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"


# Width of one character of a value label (font-size 10) in px: a label is drawn above a
# vertical bar only when it fits the bar's slot, so neighbouring labels never overlap.
LEBAR_HURUF_NILAI = 5.6


def _num(value) -> float | None:
    if value is None:
        return None
    return float(value) if not isinstance(value, float) else value


def _label(value: float, satuan: str) -> str:
    if float(value).is_integer():
        dec = 0
    elif satuan == "%":
        dec = 2
    else:
        dec = 0 if abs(value) >= 100 else 2
    text = angka(Decimal(str(round(value, 2))), dec)
    return f"{text}{satuan}" if satuan == "%" else (f"{text} {satuan}" if satuan else text)


def _skala(maks: float) -> tuple[float, list[float]]:
    """A round upper bound and 4–6 tick values from 0."""
    if maks <= 0:
        return 1.0, [0.0, 1.0]
    raw = maks / 5
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    top = step * math.ceil(maks / step)
    ticks = [step * i for i in range(round(top / step) + 1)]
    return top, ticks


def atribut(text) -> str:
    """``text`` escaped for an attribute value in double quotes."""
    return escape(str(text), {'"': "&quot;"})


def svg_buka(lebar: int, tinggi: int, judul: str) -> list[str]:
    """The opening ``<svg>`` tag (accessible name ``judul``, the shared font) and its
    ``<title>``: the first lines of every chart; close it with ``"</svg>"``."""
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lebar} {tinggi}" '
        f'width="{lebar}" height="{tinggi}" role="img" aria-label="{atribut(judul)}" '
        f'font-family="{FONT}" font-size="11">',
        f"<title>{escape(judul)}</title>",
    ]


def judul_atas(lebar: int, judul: str, *, y: float = 16, ukuran: float = 13) -> str:
    """The chart's heading, bold and centred at the top."""
    return (
        f'<text x="{lebar / 2:.1f}" y="{y}" text-anchor="middle" font-size="{ukuran}" '
        f'font-weight="bold">{escape(judul)}</text>'
    )


def _legend(seri, x: float, y: float) -> list[str]:
    out = []
    if len(seri) < 2:
        return out
    for i, (nama, _values) in enumerate(seri):
        out.append(
            f'<rect x="{x:.1f}" y="{y - 9:.1f}" width="10" height="10" fill="{WARNA[i % len(WARNA)]}"/>'
        )
        out.append(f'<text x="{x + 14:.1f}" y="{y:.1f}">{escape(str(nama))}</text>')
        x += 24 + 6.5 * len(str(nama))
    return out


def bungkus(text, width: int, max_lines: int = 3, *, potong: bool = False) -> list[str]:
    """``text`` broken into lines of at most ``width`` characters (at spaces), at most
    ``max_lines`` of them; ``potong``: the last line kept ends with "…" when text was left
    out."""
    words, lines, line = str(text).split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        if potong:
            lines[-1] = lines[-1][: max(width - 1, 1)].rstrip(" ,") + "…"
    return lines or [""]


def _garis_y(out: list[str], ticks, top, *, left, plot_w, top_y, plot_h, satuan) -> None:
    """Horizontal grid lines with their value on the left, for charts with a vertical axis."""
    for t in ticks:
        y = top_y + plot_h - plot_h * t / top
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#e3e3e3"/>'
        )
        out.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">{escape(_label(t, satuan))}</text>'
        )


def _nilai_kategori(seri, i: int):
    """``(series index, value, colour)`` of category ``i`` for each series with a value there."""
    for s, (_nama, vs) in enumerate(seri):
        v = _num(vs[i]) if i < len(vs) else None
        if v is not None:
            yield s, v, WARNA[s % len(WARNA)]


def _sumbu_x(left, plot_w, y) -> str:
    return f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#333"/>'


def grafik_batang(
    *,
    kategori: list[str],
    seri: list[tuple[str, list]],
    judul: str = "",
    satuan: str = "",
    horizontal: bool = False,
    garis_acuan: float | None = None,
    lebar: int = 640,
    tinggi: int = 320,
) -> str:
    """Grouped bars, one group per category; ``garis_acuan`` draws a dashed reference line."""
    values = [_num(v) for _, vs in seri for v in vs]
    maks = max([v for v in values if v is not None] + [garis_acuan or 0, 0])
    top, ticks = _skala(maks * 1.05 if maks else 0)
    out = svg_buka(lebar, tinggi, judul)
    legend_h = 18 if len(seri) > 1 else 0
    head = 24 if judul else 6
    if judul:
        out.append(judul_atas(lebar, judul))
    n = max(len(kategori), 1)
    if horizontal:
        label_w = min(260, max(60, 6 * max((min(len(k), 40) for k in kategori), default=10)))
        left, right, top_y, bottom = label_w + 10, 50, head + legend_h + 4, 24
        plot_w, plot_h = lebar - left - right, tinggi - top_y - bottom
        band = plot_h / n
        bar_h = band * 0.7 / max(len(seri), 1)
        for t in ticks:
            x = left + plot_w * t / top
            out.append(
                f'<line x1="{x:.1f}" y1="{top_y}" x2="{x:.1f}" y2="{top_y + plot_h:.1f}" stroke="#e3e3e3"/>'
            )
            out.append(
                f'<text x="{x:.1f}" y="{top_y + plot_h + 14:.1f}" text-anchor="middle" fill="#555">{escape(_label(t, satuan))}</text>'
            )
        for i, nama in enumerate(kategori):
            y0 = top_y + band * i
            lines = bungkus(nama, max(10, label_w // 6))
            for j, line in enumerate(lines):
                ty = y0 + band / 2 + (j - (len(lines) - 1) / 2) * 12 + 4
                out.append(
                    f'<text x="{left - 6}" y="{ty:.1f}" text-anchor="end">{escape(line)}</text>'
                )
            for s, v, warna in _nilai_kategori(seri, i):
                w = plot_w * max(v, 0) / top
                y = y0 + band * 0.15 + bar_h * s
                out.append(
                    f'<rect x="{left}" y="{y:.1f}" width="{w:.1f}" height="{bar_h:.1f}" fill="{warna}"/>'
                )
                out.append(
                    f'<text x="{left + w + 4:.1f}" y="{y + bar_h / 2 + 4:.1f}" font-size="10">{escape(_label(v, satuan))}</text>'
                )
        if garis_acuan is not None:
            x = left + plot_w * garis_acuan / top
            out.append(
                f'<line x1="{x:.1f}" y1="{top_y}" x2="{x:.1f}" y2="{top_y + plot_h:.1f}" stroke="#333" stroke-dasharray="4 3"/>'
            )
        out.append(
            f'<line x1="{left}" y1="{top_y}" x2="{left}" y2="{top_y + plot_h:.1f}" stroke="#333"/>'
        )
    else:
        left, right, top_y, bottom = 64, 12, head + legend_h + 16, 46  # room for the top label
        plot_w, plot_h = lebar - left - right, tinggi - top_y - bottom
        band = plot_w / n
        bar_w = band * 0.7 / max(len(seri), 1)
        _garis_y(
            out, ticks, top, left=left, plot_w=plot_w, top_y=top_y, plot_h=plot_h, satuan=satuan
        )
        for i, nama in enumerate(kategori):
            x0 = left + band * i
            lines = bungkus(nama, max(6, int(band // 6.2)))
            for j, line in enumerate(lines[:2]):
                out.append(
                    f'<text x="{x0 + band / 2:.1f}" y="{top_y + plot_h + 14 + 12 * j:.1f}" text-anchor="middle">{escape(line)}</text>'
                )
            for s, v, warna in _nilai_kategori(seri, i):
                h = plot_h * max(v, 0) / top
                x = x0 + band * 0.15 + bar_w * s
                out.append(
                    f'<rect x="{x:.1f}" y="{top_y + plot_h - h:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{warna}"/>'
                )
                teks = _label(v, satuan)
                if len(teks) * LEBAR_HURUF_NILAI <= band / len(seri):  # only where it fits
                    out.append(
                        f'<text x="{x + bar_w / 2:.1f}" y="{top_y + plot_h - h - 3:.1f}" text-anchor="middle" font-size="10">{escape(teks)}</text>'
                    )
        if garis_acuan is not None:
            y = top_y + plot_h - plot_h * garis_acuan / top
            out.append(
                f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#333" stroke-dasharray="4 3"/>'
            )
        out.append(_sumbu_x(left, plot_w, top_y + plot_h))
    out += _legend(seri, 10, head + 12)
    out.append("</svg>")
    return "\n".join(out)


def grafik_garis(
    *,
    kategori: list[str],
    seri: list[tuple[str, list]],
    judul: str = "",
    satuan: str = "",
    lebar: int = 640,
    tinggi: int = 320,
) -> str:
    """One line per series over the categories (e.g. months); ``None`` breaks the line."""
    values = [_num(v) for _, vs in seri for v in vs]
    maks = max([v for v in values if v is not None] + [0])
    top, ticks = _skala(maks * 1.05 if maks else 0)
    out = svg_buka(lebar, tinggi, judul)
    legend_h = 18 if len(seri) > 1 else 0
    head = 24 if judul else 6
    if judul:
        out.append(judul_atas(lebar, judul))
    left, right, top_y, bottom = 80, 16, head + legend_h + 6, 34
    plot_w, plot_h = lebar - left - right, tinggi - top_y - bottom
    n = max(len(kategori), 1)
    step = plot_w / max(n - 1, 1)
    _garis_y(out, ticks, top, left=left, plot_w=plot_w, top_y=top_y, plot_h=plot_h, satuan=satuan)
    for i, nama in enumerate(kategori):
        x = left + step * i
        out.append(
            f'<text x="{x:.1f}" y="{top_y + plot_h + 16:.1f}" text-anchor="middle">{escape(str(nama))}</text>'
        )
    for s, (_nama, vs) in enumerate(seri):
        warna = WARNA[s % len(WARNA)]
        segment: list[str] = []
        segments = []
        for i, v in enumerate(vs):
            v = _num(v)
            if v is None:
                if segment:
                    segments.append(segment)
                segment = []
                continue
            x = left + step * i
            y = top_y + plot_h - plot_h * max(v, 0) / top
            segment.append(f"{x:.1f},{y:.1f}")
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{warna}"/>')
        if segment:
            segments.append(segment)
        for seg in segments:
            out.append(
                f'<polyline points="{" ".join(seg)}" fill="none" stroke="{warna}" stroke-width="2"/>'
            )
    out.append(_sumbu_x(left, plot_w, top_y + plot_h))
    out += _legend(seri, 10, head + 12)
    out.append("</svg>")
    return "\n".join(out)
