"""The layout of an announcement's list as lines of text with aligned columns (see the module
doc of ``badan_adhoc.pengumuman`` for why).

A line is the values of one applicant, each followed by em spaces and spaces up to the last
grid step before the next column, then one tab: WeasyPrint (Pango) stops a tab on a grid of
``TAB_PX`` pixels from the start of the line and every column starts on that grid, so a column
starts at exactly the same x on every line even if a width measured here is off by a point.
(Only one tab, from inside the last step: a tab starting on a stop advances a little more than
one step in Pango, so a run of tabs drifts.) A value
wider than its column is wrapped onto the next lines of the same row, the other columns left
empty there. The whole list of a wilayah is one text block: no rule between rows (a rule per
row would need a box per row, the cost this layout avoids), rules between the columns. All
sizes are in points.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

UKURAN_PT = 8.5  # font size of the list
BARIS_PT = 12.5  # line height: one applicant per line
TAB_PX = 12  # the tab grid (CSS px; 1 px = 0.75 pt)
TAB_PT = TAB_PX * 0.75
PADDING_PT = 4.5  # left padding of the list's text inside the table cell
LEBAR_PT = 453.0  # the table: A4 less the margins of pdf/base_cetak.html (160 mm = 453.5 pt)
BLOK_BARIS = 30  # lines of text a block (see daftar_blok)
CELAH_PT = 4.0  # the least room between a value and the next column
GARIS_PT = 1.5  # a column's rule, left of where its text starts

EM = "\u2003"  # em space: the long step of the padding
ANGKA_KOSONG = "\u2007"  # figure space: as wide as a digit (right-aligned numbers)
_SPASI = re.compile(r"\s+")

# Where DejaVu Sans is installed (Debian/Ubuntu packages fonts-dejavu-core, Fedora, Alpine)
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "/usr/share/fonts/TTF")


@dataclass(frozen=True)
class Kolom:
    judul: str
    mulai: float  # x of the column's text from the start of the line
    lebar: float  # up to the next column's start
    kanan: bool = False  # right-aligned (numbers)


def kolom_daftar(tahap: str) -> list[Kolom]:
    """The columns of the list: No/Peringkat, Nama, L/P, Domisili, (tes) Nilai, Hasil and
    (administrasi) Keterangan. Starts are on the tab grid."""
    if tahap == "akhir":
        spek = [("Peringkat", 54, True), ("Nama", 225), ("L/P", 27), ("Domisili", 81), ("Hasil", 0)]
    elif tahap == "tes":
        spek = [
            ("No", 36, True),
            ("Nama", 189),
            ("L/P", 27),
            ("Domisili", 81),
            ("Nilai", 45, True),
            ("Hasil", 0),
        ]
    else:
        spek = [
            ("No", 36, True),
            ("Nama", 171),
            ("L/P", 27),
            ("Domisili", 81),
            ("Hasil", 27),
            ("Keterangan", 0),
        ]
    return kolom_buat(spek)


def kolom_buat(spek: list[tuple]) -> list[Kolom]:
    """Columns from ``(judul, lebar[, kanan])`` in order; a width of 0 takes the rest of the
    line. Widths are multiples of the tab grid."""
    kolom, x = [], 0.0
    akhir = LEBAR_PT - 2 * PADDING_PT
    for judul, lebar, *kanan in spek:
        lebar = lebar or (akhir - x)
        kolom.append(Kolom(judul, x, lebar, bool(kanan)))
        x += lebar
    return kolom


def tata_konteks(kolom: list[Kolom]) -> dict:
    """What the list's template (``pdf/_daftar_gaya.html``, ``_daftar.html``) needs."""
    return {
        "lebar": LEBAR_PT,
        "ukuran": UKURAN_PT,
        "baris": BARIS_PT,
        "padding": PADDING_PT,
        "tab_px": TAB_PX,
        "kepala": kepala(kolom),
        "garis": garis_kolom(kolom),
    }


class Huruf:
    """Advance widths of a TrueType font (em units), measured as WeasyPrint lays the list out:
    no kerning, no ligatures (the template turns both off)."""

    def __init__(self, path: Path):
        from fontTools.ttLib import TTFont

        font = TTFont(str(path), lazy=True)
        em = font["head"].unitsPerEm
        hmtx = font["hmtx"]
        self.lebar_em = {c: hmtx[g][0] / em for c, g in font.getBestCmap().items()}
        font.close()
        self._cache: dict[str, float] = {}

    def punya(self, teks: str) -> bool:
        return all(ord(c) in self.lebar_em for c in teks)

    def lebar(self, teks: str) -> float:
        """Width in points at ``UKURAN_PT``; a character the font lacks counts one em (another
        font draws it: its line may be out of step, never out of its page)."""
        hasil = self._cache.get(teks)
        if hasil is None:
            hasil = sum(self.lebar_em.get(ord(c), 1.0) for c in teks) * UKURAN_PT
            if len(self._cache) < 100_000:
                self._cache[teks] = hasil
        return hasil


@lru_cache(maxsize=1)
def huruf_daftar() -> Huruf | None:
    """DejaVu Sans (Book) as installed for WeasyPrint, or ``None`` when it is not."""
    for folder in FONT_DIRS:
        root = Path(folder)
        if root.is_dir():
            for path in sorted(root.rglob("DejaVuSans.ttf")):
                return Huruf(path)
    return None


def _potong(teks: str, batas: float, huruf: Huruf) -> list[str]:
    """``teks`` wrapped at spaces into lines at most ``batas`` wide (a longer word is cut)."""
    baris: list[str] = []
    kini = ""
    for kata in teks.split(" "):
        calon = f"{kini} {kata}" if kini else kata
        if huruf.lebar(calon) <= batas:
            kini = calon
            continue
        if kini:
            baris.append(kini)
        kini = ""
        for c in kata:  # the word alone: cut where it no longer fits
            if kini and huruf.lebar(kini + c) > batas:
                baris.append(kini)
                kini = ""
            kini += c
    baris.append(kini)
    return baris


def _isi(x: float, mulai: float, huruf: Huruf) -> str:
    """From ``x`` (the end of a value) to the column starting at ``mulai``: em spaces and
    spaces to inside the last tab step before ``mulai`` (half a point from either end), then
    the tab that stops on ``mulai``."""
    bawah = mulai - TAB_PT + 0.5
    em, spasi = huruf.lebar(EM), huruf.lebar(" ")
    n = max(0, math.floor((bawah - x) / em))
    x += n * em
    m = max(0, math.ceil((bawah - x) / spasi))
    return EM * n + " " * m + "\t"


def baris_teks(nilai: list[str], *, kolom: list[Kolom], huruf: Huruf) -> list[str]:
    """The lines of one row: each value wrapped to its column, the columns aligned."""
    sel = []
    for k, v in zip(kolom, nilai, strict=True):
        v = _SPASI.sub(" ", v).strip()
        if k.kanan:
            v = ANGKA_KOSONG * max(0, 5 - len(v)) + v
        sel.append(_potong(v, k.lebar - CELAH_PT, huruf) if v else [""])
    baris = []
    for i in range(max(len(s) for s in sel)):
        teks, x = "", 0.0
        for k, s in zip(kolom, sel, strict=True):
            potong = s[i] if i < len(s) else ""
            if not potong:
                continue
            if k.mulai:
                teks += _isi(x, k.mulai, huruf)
                x = k.mulai
            teks += potong
            x += huruf.lebar(potong)
        baris.append(teks.rstrip())
    return baris


def daftar_blok(rows: Iterable[list[str]], *, kolom: list[Kolom], huruf: Huruf) -> list[str]:
    """The list of one wilayah as the texts of its blocks: every row's lines, one after
    another, about ``BLOK_BARIS`` lines a block (WeasyPrint hands a block's whole remaining text
    to Pango for each of its lines: a block of thousands of lines costs their square), a row's
    lines never in two blocks."""
    blok: list[str] = []
    kini: list[str] = []
    for nilai in rows:
        kini += baris_teks(nilai, kolom=kolom, huruf=huruf)
        if len(kini) >= BLOK_BARIS:
            blok.append("\n".join(kini))
            kini = []
    if kini:
        blok.append("\n".join(kini))
    return blok


def garis_kolom(kolom: list[Kolom]) -> str:
    """The rules between the columns, as a CSS background (one gradient, drawn once per page
    of the list)."""
    stop = []
    for k in kolom[1:]:
        x = PADDING_PT + k.mulai - GARIS_PT
        stop += [f"#0000 {x - 0.25:.2f}pt", f"#666 {x - 0.25:.2f}pt"]
        stop += [f"#666 {x + 0.25:.2f}pt", f"#0000 {x + 0.25:.2f}pt"]
    return f"linear-gradient(to right, {', '.join(stop)})"


def kepala(kolom: list[Kolom]) -> list[dict]:
    """The header cells: each as wide as its column from rule to rule, its label starting
    where the column's text starts."""
    batas = [0.0] + [PADDING_PT + k.mulai - GARIS_PT for k in kolom[1:]] + [LEBAR_PT]
    return [
        {
            "judul": k.judul,
            "lebar": round(batas[i + 1] - batas[i], 3),
            "kiri": PADDING_PT if i == 0 else GARIS_PT,
        }
        for i, k in enumerate(kolom)
    ]
