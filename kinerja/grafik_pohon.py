"""The drawing of the performance tree: server-side SVG (``kpu_site.svg``), no JavaScript.

One column per level, read left to right: sasaran strategis, the sub-bagian sasaran that
support them, the staff activities below those (a deeper activity takes one more column).
Each box holds the kode and unit on its first line and the uraian wrapped below (cut with "…"
after three lines); a connector joins each node to the node it supports. Nodes that support
nothing come last under their own heading, in dashed boxes. Text widths are estimated with
``kpu_site.svg.lebar_teks`` (never short of the drawn width), so no text leaves its box.

``pohon_svg`` draws the whole tree (the page: it scrolls sideways in its own box on a phone);
``pohon_svg_bagian`` cuts it between sasaran strategis into drawings no taller than a printed
A3 landscape page holds, each sized in millimetres for the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe

from kpu_site.svg import FONT, _potong, atribut, lebar_teks

from .selectors_pohon import Pohon, Simpul

LEBAR = 300  # box width (px)
CELAH_X = 64  # between columns
TEPI = 10  # margin around the drawing
PAD = 7  # text padding inside a box
UKURAN = 11
BARIS_T = 14  # line height
CELAH_Y = 8  # between sibling boxes
CELAH_KELOMPOK = 18  # between two sasaran strategis
KEPALA = 28  # the column headings
MAKS_BARIS = 3
WARNA = {0: ("#f6e9e9", "#8b1a1a"), 1: ("#eaf1f7", "#2f6f9f"), 2: ("#f3f6ec", "#4c8c4a")}
JUDUL_KOLOM = ("Sasaran strategis", "Sasaran sub bagian", "Kegiatan staf")

#: The printable area of an A3 landscape page (mm), less the heading above each drawing.
A3_LEBAR_MM = 400
A3_TINGGI_MM = 250
#: The tallest drawing (px) on one page: 11 px text stays about 9 pt when printed.
TINGGI_HALAMAN = 880


def bungkus_px(teks: str, *, maks: float, ukuran: float = UKURAN, baris: int = MAKS_BARIS):
    """``teks`` in lines no wider than ``maks`` px (estimated), at most ``baris`` lines, the
    last cut with "…" when text was left out."""
    kata, hasil, kini = str(teks).split(), [], ""
    for k in kata:
        calon = f"{kini} {k}".strip()
        if kini and lebar_teks(calon, ukuran) > maks:
            hasil.append(kini)
            kini = k
        else:
            kini = calon
    if kini:
        hasil.append(kini)
    hasil = [_potong(b, ukuran, maks) for b in hasil] or [""]
    if len(hasil) > baris:
        hasil = hasil[:baris]
        hasil[-1] = _potong(hasil[-1] + " …", ukuran, maks)
        if not hasil[-1].endswith("…"):
            hasil[-1] = _potong(hasil[-1] + "…", ukuran, maks)
    return hasil


def _unit_singkat(unit) -> str:
    nama = str(unit)
    return nama.removeprefix("Sub Bagian ").removeprefix("Subbagian ")


@dataclass
class Kotak:
    kolom: int
    judul: str
    uraian: str
    warna: int
    putus: bool = False
    anak: list[Kotak] = field(default_factory=list)
    x: float = 0
    y: float = 0

    def baris(self) -> list[str]:
        return bungkus_px(self.uraian, maks=LEBAR - 2 * PAD)

    @property
    def tinggi(self) -> float:
        return PAD + BARIS_T * (1 + len(self.baris())) + PAD - 2


def _kotak_simpul(s: Simpul, kolom: int, putus: bool = False) -> Kotak:
    o = s.obj
    k = Kotak(
        kolom=kolom,
        judul=f"{o.kode} · {_unit_singkat(o.unit)}",
        uraian=o.uraian,
        warna=min(kolom, 2),
        putus=putus,
    )
    k.anak = [_kotak_simpul(a, kolom + 1) for a in s.anak]
    return k


def _kelompok(pohon: Pohon, *, lepas: bool = True) -> list[list[Kotak]]:
    """One group per sasaran strategis (its box with the tree under it), then the nodes that
    support nothing."""
    hasil = []
    for c in pohon.cabang:
        k = Kotak(
            kolom=0,
            judul=f"Sasaran {c.sasaran.nomor} · {_unit_singkat(c.sasaran.unit)}",
            uraian=c.sasaran.uraian,
            warna=0,
        )
        k.anak = [_kotak_simpul(s, 1) for s in c.anak]
        hasil.append([k])
    if lepas and pohon.lepas:
        hasil.append(
            [
                _kotak_simpul(s, 1 if s.obj.tingkat == "sub_bagian" else 2, putus=True)
                for s in pohon.lepas
            ]
        )
    return hasil


def _tata(kotak: Kotak, y: float) -> float:
    """Place ``kotak`` at ``y`` and its supporters to its right; the bottom of the subtree."""
    kotak.x = TEPI + kotak.kolom * (LEBAR + CELAH_X)
    kotak.y = y
    bawah = y + kotak.tinggi
    ya = y
    for i, a in enumerate(kotak.anak):
        ya = _tata(a, ya + (CELAH_Y if i else 0))
    return max(bawah, ya)


def _tinggi_kelompok(kelompok: list[Kotak]) -> float:
    y = 0.0
    for i, k in enumerate(kelompok):
        y = _tata(k, y + (CELAH_Y if i else 0))
    return y


def _gambar(kotak: Kotak, out: list[str]) -> None:
    isi, garis = WARNA[kotak.warna]
    putus = ' stroke-dasharray="5 3"' if kotak.putus else ""
    out.append(
        f'<rect x="{kotak.x:.1f}" y="{kotak.y:.1f}" width="{LEBAR}" height="{kotak.tinggi:.1f}" '
        f'rx="4" fill="{isi}" stroke="{garis}"{putus}/>'
    )
    tx = kotak.x + PAD
    ty = kotak.y + PAD + UKURAN
    judul = _potong(kotak.judul, UKURAN, LEBAR - 2 * PAD)
    out.append(
        f'<text x="{tx:.1f}" y="{ty:.1f}" font-weight="bold" fill="{garis}">{escape(judul)}</text>'
    )
    for i, b in enumerate(kotak.baris(), start=1):
        out.append(f'<text x="{tx:.1f}" y="{ty + i * BARIS_T:.1f}">{escape(b)}</text>')
    for a in kotak.anak:
        x1, y1 = kotak.x + LEBAR, kotak.y + min(kotak.tinggi / 2, 22)
        x2, y2 = a.x, a.y + min(a.tinggi / 2, 22)
        xm = x1 + CELAH_X / 2
        out.append(
            f'<path d="M{x1:.1f} {y1:.1f} H{xm:.1f} V{y2:.1f} H{x2:.1f}" fill="none" '
            f'stroke="#5f6b73" stroke-width="1.2"/>'
        )
        _gambar(a, out)


def _kolom(kelompok: list[list[Kotak]]) -> int:
    def dalam(k: Kotak) -> int:
        return max([k.kolom, *(dalam(a) for a in k.anak)])

    return max([2, *(dalam(k) for g in kelompok for k in g)]) + 1


def _svg(
    kelompok: list[list[Kotak]], *, judul: str, kolom: int, lepas_awal: int | None, mm=False
) -> str:
    lebar = 2 * TEPI + kolom * LEBAR + (kolom - 1) * CELAH_X
    out: list[str] = []
    y = KEPALA
    for i, g in enumerate(kelompok):
        if i == lepas_awal:
            y += 6
            out.append(
                f'<text x="{TEPI}" y="{y + UKURAN:.1f}" font-weight="bold">'
                "Belum mendukung sasaran mana pun</text>"
            )
            y += BARIS_T + 6
        elif i:
            out.append(
                f'<line x1="{TEPI}" x2="{lebar - TEPI}" y1="{y + CELAH_KELOMPOK / 2:.1f}" '
                f'y2="{y + CELAH_KELOMPOK / 2:.1f}" stroke="#d0d0d0" stroke-dasharray="2 3"/>'
            )
            y += CELAH_KELOMPOK
        atas = y
        y = atas + _tinggi_kelompok(g)
        geser = atas

        def turun(k: Kotak, dy=geser):
            k.y += dy
            for a in k.anak:
                turun(a, dy)

        for k in g:
            turun(k)
            _gambar(k, out)
    tinggi = y + TEPI
    kepala = []
    for i in range(kolom):
        teks = JUDUL_KOLOM[min(i, 2)]
        x = TEPI + i * (LEBAR + CELAH_X) + LEBAR / 2
        kepala.append(
            f'<text x="{x:.1f}" y="{TEPI + UKURAN + 2}" text-anchor="middle" font-size="12" '
            f'font-weight="bold">{escape(teks)}</text>'
        )
    if mm:
        skala = min(A3_LEBAR_MM / lebar, A3_TINGGI_MM / tinggi)
        ukuran = f'width="{lebar * skala:.1f}mm" height="{tinggi * skala:.1f}mm"'
    else:
        ukuran = f'width="{lebar}" height="{tinggi:.0f}"'
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lebar} {tinggi:.0f}" '
            f'{ukuran} role="img" aria-label="{atribut(judul)}" font-family="{FONT}" '
            f'font-size="{UKURAN}" class="pohon-kinerja">',
            f"<title>{escape(judul)}</title>",
            *kepala,
            *out,
            "</svg>",
        ]
    )


def _judul(pohon: Pohon) -> str:
    return f"Pohon kinerja tahun {pohon.tahun} ({pohon.renstra})"


def pohon_svg(pohon: Pohon) -> SafeString:
    """The whole tree of the year as one SVG (empty when there is no Renstra)."""
    if pohon.renstra is None:
        return mark_safe("")
    kelompok = _kelompok(pohon)
    lepas_awal = len(pohon.cabang) if pohon.lepas else None
    return mark_safe(  # noqa: S308 - every text is escaped above
        _svg(kelompok, judul=_judul(pohon), kolom=_kolom(kelompok), lepas_awal=lepas_awal)
    )


def pohon_svg_bagian(pohon: Pohon, *, tinggi_maks: float = TINGGI_HALAMAN) -> list[SafeString]:
    """The tree cut between sasaran strategis into drawings of at most ``tinggi_maks`` px
    (a group taller than that alone keeps a page of its own, scaled down), each sized in mm
    to fit an A3 landscape page."""
    if pohon.renstra is None:
        return []
    kelompok = _kelompok(pohon)
    kolom = _kolom(kelompok)
    lepas_ada = bool(pohon.lepas)
    halaman: list[list[int]] = [[]]
    y = KEPALA
    for i, g in enumerate(kelompok):
        h = (
            _tinggi_kelompok(g)
            + CELAH_KELOMPOK
            + (BARIS_T + 12 if lepas_ada and i == len(kelompok) - 1 else 0)
        )
        if halaman[-1] and y + h > tinggi_maks:
            halaman.append([])
            y = KEPALA
        halaman[-1].append(i)
        y += h
    hasil = []
    for n, daftar in enumerate(halaman, start=1):
        g = [kelompok[i] for i in daftar]
        lepas_awal = None
        if lepas_ada and daftar[-1] == len(kelompok) - 1:
            lepas_awal = len(daftar) - 1
        judul = f"{_judul(pohon)}, bagian {n} dari {len(halaman)}"
        hasil.append(
            mark_safe(  # noqa: S308 - every text is escaped above
                _svg(g, judul=judul, kolom=kolom, lepas_awal=lepas_awal, mm=True)
            )
        )
    return hasil
