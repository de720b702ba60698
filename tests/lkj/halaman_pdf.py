"""Where the text of a PDF lands: every word that lies outside its page, or past the page's
content box when the margins are given (the ``@page`` margins of the print CSS).

pdfplumber gives each character's box in PDF points (1/72 inch) from the page's top-left
corner; a word is reported with its page number (1-based, as a PDF viewer counts) and where it
reaches, in millimetres, so a failure says which column of which table to look at.
"""

from __future__ import annotations

import io

MM = 72 / 25.4  # points per millimetre
TOLERANSI = 0.5 * MM  # glyph boxes may overhang their line box by a hair


def teks_di_luar(
    data: bytes, *, kiri_mm: float | None = None, kanan_mm: float | None = None
) -> list[str]:
    """Every word of ``data`` outside its page's MediaBox, or left of the left margin
    (``kiri_mm``) or right of the right margin (``kanan_mm``) when given; empty when all the
    text is where a reader sees it. Running headers and page numbers sit in the top and
    bottom margins, so only the page box is checked vertically."""
    import pdfplumber

    temuan = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for nomor, page in enumerate(pdf.pages, start=1):
            x0, y0, x1, y1 = (float(v) for v in page.mediabox)
            lebar, tinggi = x1 - x0, y1 - y0
            kiri = (kiri_mm or 0) * MM - TOLERANSI
            kanan = lebar - (kanan_mm or 0) * MM + TOLERANSI
            for w in page.extract_words(use_text_flow=True, keep_blank_chars=False):
                alasan = []
                if w["x0"] < kiri:
                    alasan.append(f"mulai {w['x0'] / MM:.1f} mm dari kiri (batas {kiri / MM:.1f})")
                if w["x1"] > kanan:
                    alasan.append(f"berakhir {w['x1'] / MM:.1f} mm (batas {kanan / MM:.1f})")
                if w["top"] < -TOLERANSI or w["bottom"] > tinggi + TOLERANSI:
                    alasan.append(f"di luar tinggi halaman ({w['top'] / MM:.1f} mm)")
                if alasan:
                    temuan.append(f"halaman {nomor}: {w['text']!r} " + "; ".join(alasan))
    return temuan
