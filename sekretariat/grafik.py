"""Charts of the organisation, drawn as SVG on the server from the data.

One code path for the web page and the PDF (WeasyPrint): no JavaScript, no external resources.

- ``bagan_organisasi_svg(tanggal=)``: the structure chart (LKj figure 1.1): each unit as a box
  with the holder of its struktural jabatan on that date and its staff counts, children under
  their parent; the Kelompok Jabatan Fungsional hangs on a dashed line.
- ``pendidikan_svg(status=, tanggal=)``: PNS (figure 1.2) or PPNPN (figure 1.3) serving on a
  date by the education they held that day.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from xml.sax.saxutils import escape

from kpu_site.formatting import persen
from kpu_site.formatting import tanggal as tanggal_id
from kpu_site.svg import bungkus, grafik_batang, judul_atas, svg_buka

from . import selectors
from .models import Pegawai, Satker, UnitOrganisasi

WARNA_KEPALA = "#8b1a1a"
WARNA_UNIT = "#2f6f9f"
WARNA_JF = "#5f6b73"

# sized so that, scaled to an A4 text width, the smallest text stays about 6 pt
KOTAK_LEBAR = 184
KOTAK_TINGGI = 150
KEPALA_TINGGI = 68
JARAK_X = 12
JARAK_Y = 44
TEPI = 16


def _judul_kotak(node: selectors.SimpulStruktur) -> str:
    """The box title: the head's jabatan ("Kepala Sub Bagian" shortened to "Kasubag", as the
    LKj writes it), else the unit's name."""
    if node.jabatan_kepala is not None:
        return node.jabatan_kepala.nama.replace("Kepala Sub Bagian ", "Kasubag ")
    return node.unit.nama


def _lebar_subpohon(node) -> float:
    if not node.anak:
        return KOTAK_LEBAR
    return max(
        KOTAK_LEBAR,
        sum(_lebar_subpohon(a) for a in node.anak) + JARAK_X * (len(node.anak) - 1),
    )


def _kedalaman(nodes) -> int:
    return 1 + max((_kedalaman(n.anak) for n in nodes if n.anak), default=0) if nodes else 0


def _kotak(out: list[str], node, x: float, y: float) -> None:
    jf = node.unit.jenis == UnitOrganisasi.Jenis.KELOMPOK_JF
    warna = WARNA_KEPALA if node.unit.induk_id is None else (WARNA_JF if jf else WARNA_UNIT)
    dash = ' stroke-dasharray="5 3"' if jf else ""
    out.append(
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{KOTAK_LEBAR}" height="{KOTAK_TINGGI}" rx="6" '
        f'fill="#fff" stroke="{warna}" stroke-width="1.5"{dash}/>'
    )
    out.append(
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{KOTAK_LEBAR}" height="{KEPALA_TINGGI}" rx="6" '
        f'fill="{warna}"/>'
    )
    out.append(
        f'<rect x="{x:.1f}" y="{y + KEPALA_TINGGI - 6:.1f}" width="{KOTAK_LEBAR}" height="6" '
        f'fill="{warna}"/>'
    )
    cx = x + KOTAK_LEBAR / 2
    judul = bungkus(_judul_kotak(node), 23, 4, potong=True)
    y_judul = y + KEPALA_TINGGI / 2 + 4 - 6.75 * (len(judul) - 1)
    for i, line in enumerate(judul):
        out.append(
            f'<text x="{cx:.1f}" y="{y_judul + 13.5 * i:.1f}" text-anchor="middle" fill="#fff" '
            f'font-size="11.5" font-weight="bold">{escape(line)}</text>'
        )
    if node.kepala is not None:
        nama = node.kepala.pegawai.nama
        keterangan = f"sejak {tanggal_id(node.kepala.tanggal_mulai)}"
    elif jf:
        nama = ", ".join(r.pegawai.nama for r in node.anggota) or "–"
        keterangan = f"{len(node.anggota)} pejabat fungsional"
    else:
        nama, keterangan = "(lowong)", ""
    for i, line in enumerate(bungkus(nama, 21, 2, potong=True)):
        out.append(
            f'<text x="{cx:.1f}" y="{y + KEPALA_TINGGI + 21 + 15 * i:.1f}" text-anchor="middle" '
            f'font-size="12.5" font-weight="bold" fill="#222">{escape(line)}</text>'
        )
    if keterangan:
        out.append(
            f'<text x="{cx:.1f}" y="{y + KEPALA_TINGGI + 56:.1f}" text-anchor="middle" '
            f'font-size="11" fill="#444">{escape(keterangan)}</text>'
        )
    out.append(
        f'<text x="{cx:.1f}" y="{y + KEPALA_TINGGI + 73:.1f}" text-anchor="middle" '
        f'font-size="11" fill="#444">PNS {node.jumlah_pns} · PPNPN {node.jumlah_ppnpn}</text>'
    )


def _gambar(out: list[str], node, x0: float, y: float) -> tuple[float, float]:
    """Draw ``node``'s subtree in the band starting at ``x0``; return its box's top centre."""
    lebar = _lebar_subpohon(node)
    cx = x0 + lebar / 2
    _kotak(out, node, cx - KOTAK_LEBAR / 2, y)
    if node.anak:
        y_anak = y + KOTAK_TINGGI + JARAK_Y
        y_rel = y + KOTAK_TINGGI + JARAK_Y / 2
        anak_w = sum(_lebar_subpohon(a) for a in node.anak) + JARAK_X * (len(node.anak) - 1)
        x = x0 + (lebar - anak_w) / 2
        tengah = []
        for anak in node.anak:
            ax, _ay = _gambar(out, anak, x, y_anak)
            dash = (
                ' stroke-dasharray="5 3"'
                if anak.unit.jenis == UnitOrganisasi.Jenis.KELOMPOK_JF
                else ""
            )
            out.append(
                f'<line x1="{ax:.1f}" y1="{y_rel:.1f}" x2="{ax:.1f}" y2="{y_anak:.1f}" '
                f'stroke="#444" stroke-width="1.2"{dash}/>'
            )
            tengah.append(ax)
            x += _lebar_subpohon(anak) + JARAK_X
        out.append(
            f'<line x1="{cx:.1f}" y1="{y + KOTAK_TINGGI:.1f}" x2="{cx:.1f}" y2="{y_rel:.1f}" '
            f'stroke="#444" stroke-width="1.2"/>'
        )
        out.append(
            f'<line x1="{min(tengah):.1f}" y1="{y_rel:.1f}" x2="{max(tengah):.1f}" '
            f'y2="{y_rel:.1f}" stroke="#444" stroke-width="1.2"/>'
        )
    return cx, y


def bagan_organisasi_svg(
    *,
    tanggal: date,
    akar: list[selectors.SimpulStruktur] | None = None,
    satker: Satker | None = None,
) -> str:
    """The structure of the secretariat on ``tanggal`` as SVG markup (escaped; mark it safe).

    ``akar`` and ``satker``: the page's own ``struktur_organisasi``/``satker_get`` when it
    already read them."""
    if akar is None:
        akar = selectors.struktur_organisasi(tanggal=tanggal)
    if satker is None:
        satker = selectors.satker_get()
    judul = f"Struktur {satker.nama if satker else 'Sekretariat'} per {tanggal_id(tanggal)}"
    lebar_isi = sum(_lebar_subpohon(n) for n in akar) + JARAK_X * max(len(akar) - 1, 0)
    lebar = int(max(lebar_isi, KOTAK_LEBAR * 2) + 2 * TEPI)
    kedalaman = _kedalaman(akar)
    tinggi = int(40 + kedalaman * KOTAK_TINGGI + max(kedalaman - 1, 0) * JARAK_Y + TEPI)
    out = [*svg_buka(lebar, tinggi, judul), judul_atas(lebar, judul, y=20, ukuran=15)]
    if not akar:
        out.append(
            f'<text x="{lebar / 2:.1f}" y="60" text-anchor="middle" fill="#777">'
            "Belum ada unit organisasi.</text>"
        )
    x = TEPI + (lebar - 2 * TEPI - lebar_isi) / 2
    for node in akar:
        _gambar(out, node, x, 36)
        x += _lebar_subpohon(node) + JARAK_X
    out.append("</svg>")
    return "\n".join(out)


def pendidikan_svg(
    *, status: str, tanggal: date | None = None, rows: list[tuple[str, int]] | None = None
) -> str:
    """PNS (``status="pns"``) or PPNPN (``"ppnpn"``) serving on ``tanggal`` (default today) by
    education level, as an SVG bar chart; each category label carries its share of the total.
    ``rows``: the page's own ``pegawai_hitung_pendidikan(status=, tanggal=)`` when it already
    read them."""
    if rows is None:
        rows = selectors.pegawai_hitung_pendidikan(status=status, tanggal=tanggal)
    total = sum(n for _, n in rows)
    kategori = [
        f"{label} ({persen(Decimal(n) * 100 / total if total else 0, 0)})" for label, n in rows
    ]
    nama = Pegawai.Status(status).label
    return grafik_batang(
        kategori=kategori,
        seri=[("Jumlah pegawai", [n for _, n in rows])],
        judul=f"Jumlah {nama} menurut tingkat pendidikan ({total} orang)",
        satuan="orang",
        lebar=560,
        tinggi=300,
    )
