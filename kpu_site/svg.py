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


# Label sizes (px) and the least gap between two labels.
UKURAN = 11  # categories, ticks, legend
UKURAN_NILAI = 10  # value labels
JARAK = 2

# Advance widths of DejaVu Sans (the charts' font, also in the PDF) in em, rounded up; letters
# not listed take the widest of their case, so an estimate is never short of the drawn text.
_LEBAR_EM = (
    {c: 0.64 for c in "0123456789"}
    | {c: 0.32 for c in ",.:;' "}
    | {c: 0.40 for c in "()[]/-ilfjtrI|"}
    | {"%": 0.96, "…": 1.0, "–": 0.5, "m": 0.98, "w": 0.82, "M": 0.87, "W": 0.99}
)


def lebar_teks(teks: str, ukuran: float = UKURAN) -> float:
    """Estimated width in px of ``teks`` drawn at font size ``ukuran``: never less than the
    drawn width, so labels placed a width apart never overlap."""
    return ukuran * sum(
        _LEBAR_EM.get(c, 0.79 if c.isupper() else 0.65 if c.isascii() else 1.0) for c in teks
    )


def _potong(teks: str, ukuran: float, maks: float) -> str:
    """``teks`` cut (with "…") to at most ``maks`` px."""
    if lebar_teks(teks, ukuran) <= maks:
        return teks
    while teks and lebar_teks(teks + "…", ukuran) > maks:
        teks = teks[:-1]
    return teks.rstrip(" ,") + "…"


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


def nama_grafik(judul: str, seri: list[tuple[str, list]]) -> str:
    """The chart's accessible name: its title, or its series when it has none (a chart under a
    page heading draws no title of its own, yet a screen reader still needs a name)."""
    return judul or "Grafik " + ", ".join(str(label) for label, _ in seri)


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
        x += 14 + lebar_teks(str(nama)) + 12
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
    """Grouped bars, one group per category; ``garis_acuan`` draws a dashed reference line.

    No two labels overlap, however many bars: a horizontal chart grows taller until each
    category has room for its label lines and its value labels; a vertical chart writes its
    value labels upright when they are wider than a bar's slot (none when even that does not
    fit) and its category labels upright, every k-th, when they do not fit under their bar."""
    values = [_num(v) for _, vs in seri for v in vs]
    maks = max([v for v in values if v is not None] + [garis_acuan or 0, 0])
    top, ticks = _skala(maks * 1.05 if maks else 0)
    legend_h = 18 if len(seri) > 1 else 0
    head = 24 if judul else 6
    if horizontal:
        out, tinggi = _batang_horizontal(
            kategori, seri, satuan, garis_acuan, top, ticks, lebar, tinggi, head + legend_h
        )
    else:
        out = _batang_tegak(
            kategori, seri, satuan, garis_acuan, top, ticks, lebar, tinggi, head + legend_h
        )
    awal = svg_buka(lebar, tinggi, nama_grafik(judul, seri))
    if judul:
        awal.append(judul_atas(lebar, judul))
    return "\n".join(awal + out + _legend(seri, 10, head + 12) + ["</svg>"])


def _batang_horizontal(kategori, seri, satuan, garis_acuan, top, ticks, lebar, tinggi, atas):
    """Bars from the left axis; returns ``(markup, height)``: the height grows so that each
    category's band holds its label lines (12 px each) and one value label per series."""
    out: list[str] = []
    n, n_seri = max(len(kategori), 1), max(len(seri), 1)
    label_w = min(260, max(60, 6 * max((min(len(k), 40) for k in kategori), default=10)))
    per_baris = max(8, int(label_w / (0.65 * UKURAN)))
    baris_label = [bungkus(nama, per_baris) for nama in kategori]
    left, right, top_y, bottom = label_w + 10, 50, atas + 4, 24
    band_min = max(
        12 * max((len(b) for b in baris_label), default=1) + JARAK,
        (UKURAN_NILAI + JARAK) * n_seri / 0.7,
    )
    tinggi = max(tinggi, math.ceil(top_y + bottom + band_min * n))
    plot_w, plot_h = lebar - left - right, tinggi - top_y - bottom
    band = plot_h / n
    bar_h = band * 0.7 / n_seri
    for t in ticks:
        x = left + plot_w * t / top
        out.append(
            f'<line x1="{x:.1f}" y1="{top_y}" x2="{x:.1f}" y2="{top_y + plot_h:.1f}" stroke="#e3e3e3"/>'
        )
        out.append(
            f'<text x="{x:.1f}" y="{top_y + plot_h + 14:.1f}" text-anchor="middle" fill="#555">{escape(_label(t, satuan))}</text>'
        )
    for i, lines in enumerate(baris_label):
        y0 = top_y + band * i
        for j, line in enumerate(lines):
            ty = y0 + band / 2 + (j - (len(lines) - 1) / 2) * 12 + 4
            out.append(f'<text x="{left - 6}" y="{ty:.1f}" text-anchor="end">{escape(line)}</text>')
        for s, v, warna in _nilai_kategori(seri, i):
            w = plot_w * max(v, 0) / top
            y = y0 + band * 0.15 + bar_h * s
            out.append(
                f'<rect x="{left}" y="{y:.1f}" width="{w:.1f}" height="{bar_h:.1f}" fill="{warna}"/>'
            )
            out.append(
                f'<text x="{left + w + 4:.1f}" y="{y + bar_h / 2 + 4:.1f}" font-size="{UKURAN_NILAI}">{escape(_label(v, satuan))}</text>'
            )
    if garis_acuan is not None:
        x = left + plot_w * garis_acuan / top
        out.append(
            f'<line x1="{x:.1f}" y1="{top_y}" x2="{x:.1f}" y2="{top_y + plot_h:.1f}" stroke="#333" stroke-dasharray="4 3"/>'
        )
    out.append(
        f'<line x1="{left}" y1="{top_y}" x2="{left}" y2="{top_y + plot_h:.1f}" stroke="#333"/>'
    )
    return out, tinggi


def _batang_tegak(kategori, seri, satuan, garis_acuan, top, ticks, lebar, tinggi, atas):
    """Bars up from the bottom axis, value labels above them, categories under them."""
    out: list[str] = []
    n, n_seri = max(len(kategori), 1), max(len(seri), 1)
    left, right = 64, 12
    plot_w = lebar - left - right
    band = plot_w / n
    bar_w = band * 0.7 / n_seri
    # Value labels: flat when the widest fits between two bar centres, else upright.
    teks_nilai = [
        _label(v, satuan) for i in range(len(kategori)) for _s, v, _w in _nilai_kategori(seri, i)
    ]
    lebar_nilai = max((lebar_teks(t, UKURAN_NILAI) for t in teks_nilai), default=0)
    antar_pusat = band if n_seri == 1 else bar_w
    if lebar_nilai + JARAK <= antar_pusat:
        letak_nilai, ruang_nilai = "datar", 16
    elif antar_pusat >= UKURAN_NILAI + JARAK:
        letak_nilai, ruang_nilai = "tegak", lebar_nilai + 8
    else:
        letak_nilai, ruang_nilai = "", 6  # no room for any value label
    # Category labels: up to two lines under the bar when they fit its band, else upright.
    baris_label = [bungkus(nama, max(1, int(band / (0.65 * UKURAN))), 2) for nama in kategori]
    datar = all(lebar_teks(line) + JARAK <= band for lines in baris_label for line in lines)
    if datar:
        bottom, setiap = 46, 1
    else:
        tegak = [_potong(str(nama), UKURAN, 110) for nama in kategori]
        bottom = 12 + max((lebar_teks(t) for t in tegak), default=0)
        setiap = math.ceil((UKURAN + JARAK) / band)
    top_y = atas + ruang_nilai
    plot_h = tinggi - top_y - bottom
    sumbu = top_y + plot_h
    _garis_y(out, ticks, top, left=left, plot_w=plot_w, top_y=top_y, plot_h=plot_h, satuan=satuan)
    for i in range(len(kategori)):
        x0 = left + band * i
        pusat = x0 + band / 2
        if datar:
            for j, line in enumerate(baris_label[i]):
                out.append(
                    f'<text x="{pusat:.1f}" y="{sumbu + 14 + 12 * j:.1f}" text-anchor="middle">{escape(line)}</text>'
                )
        elif i % setiap == 0:
            x, y = pusat + 0.35 * UKURAN, sumbu + 6
            out.append(
                f'<text transform="rotate(-90 {x:.1f} {y:.1f})" x="{x:.1f}" y="{y:.1f}" text-anchor="end">{escape(tegak[i])}</text>'
            )
        for s, v, warna in _nilai_kategori(seri, i):
            h = plot_h * max(v, 0) / top
            x = x0 + band * 0.15 + bar_w * s
            out.append(
                f'<rect x="{x:.1f}" y="{sumbu - h:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{warna}"/>'
            )
            teks = escape(_label(v, satuan))
            if letak_nilai == "datar":
                out.append(
                    f'<text x="{x + bar_w / 2:.1f}" y="{sumbu - h - 3:.1f}" text-anchor="middle" font-size="{UKURAN_NILAI}">{teks}</text>'
                )
            elif letak_nilai == "tegak":
                tx, ty = x + bar_w / 2 + 0.35 * UKURAN_NILAI, sumbu - h - 3
                out.append(
                    f'<text transform="rotate(-90 {tx:.1f} {ty:.1f})" x="{tx:.1f}" y="{ty:.1f}" font-size="{UKURAN_NILAI}">{teks}</text>'
                )
    if garis_acuan is not None:
        y = sumbu - plot_h * garis_acuan / top
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#333" stroke-dasharray="4 3"/>'
        )
    out.append(_sumbu_x(left, plot_w, sumbu))
    return out


# A line chart's dashed series (a plan against what happened: the RPD against realisasi).
GARIS_PUTUS = "6 4"


def _legend_garis(seri, putus, x: float, y: float) -> list[str]:
    """A line chart's legend: a short sample of each series' line (dashed or solid) with its
    marker, then its name."""
    out: list[str] = []
    if len(seri) < 2:
        return out
    for i, (nama, _values) in enumerate(seri):
        warna = WARNA[i % len(WARNA)]
        garis = f' stroke-dasharray="{GARIS_PUTUS}"' if nama in putus else ""
        out.append(
            f'<line class="legenda" x1="{x:.1f}" y1="{y - 4:.1f}" x2="{x + 22:.1f}" '
            f'y2="{y - 4:.1f}" stroke="{warna}" stroke-width="2"{garis}/>'
        )
        out.append(_penanda(x + 11, y - 4, warna, nama in putus, kelas="legenda"))
        out.append(f'<text x="{x + 28:.1f}" y="{y:.1f}">{escape(str(nama))}</text>')
        x += 28 + lebar_teks(str(nama)) + 14
    return out


def _penanda(x: float, y: float, warna: str, terbuka: bool, *, kelas: str = "") -> str:
    """A point's marker: a filled dot, or a larger open ring for a dashed series, so that a
    dot and a ring at the same place both show."""
    k = f' class="{kelas}"' if kelas else ""
    if terbuka:
        return (
            f'<circle{k} cx="{x:.1f}" cy="{y:.1f}" r="5.5" fill="none" '
            f'stroke="{warna}" stroke-width="2"/>'
        )
    return f'<circle{k} cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{warna}"/>'


def grafik_garis(
    *,
    kategori: list[str],
    seri: list[tuple[str, list]],
    judul: str = "",
    satuan: str = "",
    putus: tuple[str, ...] = (),
    lebar: int = 640,
    tinggi: int = 320,
) -> str:
    """One line per series over the categories (e.g. months); ``None`` breaks the line.
    Category names that would overlap are thinned to every k-th.

    The series named in ``putus`` (a plan: the RPD) are dashed with open markers and drawn
    over the solid ones with filled markers, so where two series are equal both still show;
    the legend shows each line's style."""
    values = [_num(v) for _, vs in seri for v in vs]
    maks = max([v for v in values if v is not None] + [0])
    top, ticks = _skala(maks * 1.05 if maks else 0)
    out = svg_buka(lebar, tinggi, nama_grafik(judul, seri))
    legend_h = 18 if len(seri) > 1 else 0
    head = 24 if judul else 6
    if judul:
        out.append(judul_atas(lebar, judul))
    left, right, top_y, bottom = 80, 16, head + legend_h + 6, 34
    plot_w, plot_h = lebar - left - right, tinggi - top_y - bottom
    n = max(len(kategori), 1)
    step = plot_w / max(n - 1, 1)
    _garis_y(out, ticks, top, left=left, plot_w=plot_w, top_y=top_y, plot_h=plot_h, satuan=satuan)
    # Every k-th category is named when their names are wider than the step between points.
    terlebar = max((lebar_teks(str(k)) for k in kategori), default=0)
    setiap = math.ceil((terlebar + JARAK) / step) if n > 1 else 1
    for i, nama in enumerate(kategori):
        x = left + step * i
        if i % setiap:
            continue
        out.append(
            f'<text x="{x:.1f}" y="{top_y + plot_h + 16:.1f}" text-anchor="middle">{escape(str(nama))}</text>'
        )
    # Solid lines first, the dashed ones over them; then the dots, the open rings last.
    lapisan: dict[bool, tuple[list[str], list[str]]] = {False: ([], []), True: ([], [])}
    for s, (nama, vs) in enumerate(seri):
        warna = WARNA[s % len(WARNA)]
        terbuka = nama in putus
        garis, penanda = lapisan[terbuka]
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
            penanda.append(_penanda(x, y, warna, terbuka))
        if segment:
            segments.append(segment)
        pola = f' stroke-dasharray="{GARIS_PUTUS}"' if terbuka else ""
        for seg in segments:
            garis.append(
                f'<polyline points="{" ".join(seg)}" fill="none" stroke="{warna}" stroke-width="2"{pola}/>'
            )
    out += lapisan[False][0] + lapisan[True][0] + lapisan[False][1] + lapisan[True][1]
    out.append(_sumbu_x(left, plot_w, top_y + plot_h))
    out += _legend_garis(seri, putus, 10, head + 12)
    out.append("</svg>")
    return "\n".join(out)
