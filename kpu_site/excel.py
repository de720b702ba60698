"""Excel (.xlsx) export shared by every table of the application.

Every export is written here (``xlsx_tulis`` into a file, ``xlsx_response``/
``xlsx_tulis_response`` as a download, ``xlsx_bytes`` for a small table) and nowhere else
(tests/test_excel_formula.py fails for a new export past it). A text cell is always text: a
name typed as ``=HYPERLINK(...)`` is never a formula (formula injection); a text starting with
``= + - @``, tab or CR also carries Excel's "quote prefix" so it stays text when a user edits
the cell. The value itself is written exactly.

The workbook is written by this module itself (SpreadsheetML, ECMA-376), not by openpyxl: a
sheet's XML goes row by row straight into its compressed zip entry. openpyxl's write-only mode
spent 22-26 s of CPU on the 200,000 applicants of a regency (bench/ekspor.py), nearly all in
its per-cell objects and XML serialisation; one formatted string per row costs a fraction of
that. openpyxl still reads uploads (``kpu_site.impor``).
"""

from __future__ import annotations

import io
import math
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import chain, islice
from typing import IO

from django.http import FileResponse
from django.utils import timezone
from django.utils.functional import Promise

FORMAT = {
    "rupiah": '"Rp" #,##0',
    "rupiah_sen": '"Rp" #,##0.00',  # a rupiah cell whose value has sen: shown, not rounded off
    "persen": '0.00"%"',
    "angka": "#,##0",
    "tanggal": "dd/mm/yyyy",
}
# The format of a date, time or duration in a column without one (as openpyxl wrote them)
FORMAT_WAKTU = {
    date: "yyyy-mm-dd",
    datetime: "yyyy-mm-dd h:mm:ss",
    time: "h:mm:ss",
    timedelta: "[hh]:mm:ss",
}
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BARIS_MAKS_LEMBAR = 1_048_576  # Excel's own limit of rows a sheet
BARIS_UNTUK_LEBAR = 100  # the column widths come from the header and this many first rows
LAPOR_SETIAP = 2_000  # progress is reported every this many rows
SIMPAN_DI_MEMORI = 1024 * 1024  # a download up to this size stays in memory, larger on disk
# zlib level of the zip entries. The 200,000 applicants (128 MB of sheet XML), measured under
# load: level 1 1.9 s CPU and 12.7 MB, level 3 2.2 s and 11.7 MB, level 6 2.7 s and 10.6 MB
KOMPRESI = 1
TULIS_SETIAP = 512  # rows joined into one write of the sheet stream

# A text starting with one of these is read as a formula by Excel or LibreOffice once a user
# edits the cell (OWASP, "CSV injection"): such a cell gets the quote prefix
AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")
# What XML 1.0 cannot carry (control characters, U+FFFE/U+FFFF; a parser turns CR into LF),
# written as Excel writes it (ECMA-376 ST_Xstring: ``_x000D_``); a literal ``_xHHHH_`` in a
# text is escaped too (``_x005F_`` is the underscore), so Excel reads back exactly the text
# that was exported
_BUKAN_XML = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")

# --------------------------------------------------------------------------- styles.xml

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML_DEKLARASI = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_FORMAT_BAWAAN = {"#,##0": 3, "h:mm:ss": 21}  # Excel's built-in number formats (no numFmt)

# cellXfs: (fontId, fillId, quotePrefix, alignment) of the text styles, in this order; a
# number format style follows per format. The index is the cell's ``s``.
_FONT = (
    '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
    '<font><b val="1"/><sz val="12"/><name val="Calibri"/><family val="2"/></font>',  # title
    '<font><b val="1"/><sz val="11"/><name val="Calibri"/><family val="2"/></font>',  # header
)
_GAYA_TEKS = {  # name: (font, fill, quote prefix, wrapped and top-aligned)
    "biasa": (0, 0, False, False),
    "judul": (1, 0, False, False),
    "kepala": (2, 2, False, True),
    "biasa_rumus": (0, 0, True, False),
    "judul_rumus": (1, 0, True, False),
    "kepala_rumus": (2, 2, True, True),
}
_KODE_FORMAT = [*FORMAT.values(), *FORMAT_WAKTU.values()]


def _xml_attr(value: str) -> str:
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _styles_xml() -> tuple[str, dict[str, int], dict[str, int]]:
    """styles.xml, the style index of each text style and of each number format code."""
    num_fmts, fmt_id = [], {}
    for kode in _KODE_FORMAT:
        if kode in _FORMAT_BAWAAN:
            fmt_id[kode] = _FORMAT_BAWAAN[kode]
        elif kode not in fmt_id:
            fmt_id[kode] = 164 + len(num_fmts)
            num_fmts.append(f'<numFmt numFmtId="{fmt_id[kode]}" formatCode="{_xml_attr(kode)}"/>')
    xfs, gaya_teks, gaya_angka = [], {}, {}
    for nama, (font, fill, kutip, rata) in _GAYA_TEKS.items():
        gaya_teks[nama] = len(xfs)
        atribut = f'numFmtId="0" fontId="{font}" fillId="{fill}" borderId="0" xfId="0"'
        if font:
            atribut += ' applyFont="1"'
        if fill:
            atribut += ' applyFill="1"'
        if kutip:
            atribut += ' quotePrefix="1"'
        if rata:
            xfs.append(
                f'<xf {atribut} applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
            )
        else:
            xfs.append(f"<xf {atribut}/>")
    for kode in _KODE_FORMAT:
        if kode not in gaya_angka:
            gaya_angka[kode] = len(xfs)
            xfs.append(
                f'<xf numFmtId="{fmt_id[kode]}" fontId="0" fillId="0" borderId="0" xfId="0"'
                ' applyNumberFormat="1"/>'
            )
    xml = (
        f'{_XML_DEKLARASI}<styleSheet xmlns="{_NS}">'
        f'<numFmts count="{len(num_fmts)}">{"".join(num_fmts)}</numFmts>'
        f'<fonts count="{len(_FONT)}">{"".join(_FONT)}</fonts>'
        '<fills count="3"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill>'
        '<fill><patternFill patternType="solid"><fgColor rgb="FFDDDDDD"/>'
        '<bgColor indexed="64"/></patternFill></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        "</cellStyleXfs>"
        f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )
    return xml, gaya_teks, gaya_angka


_STYLES_XML, _GAYA, _GAYA_ANGKA = _styles_xml()

# --------------------------------------------------------------------------- cells


def _format_sel(kind: str, value) -> str:
    """The number format of one cell: a rupiah amount with sen shows them (the value itself is
    always written exactly)."""
    if kind == "rupiah" and isinstance(value, Decimal | float) and value != int(value):
        return "rupiah_sen"
    return kind


def _teks_xml(value: str) -> str:
    """``value`` with what XML cannot carry written as Excel writes it (``_x000D_``). Most
    texts need nothing: printable and no ``_x`` (one C-speed check before the regex)."""
    if value.isprintable() and "_x" not in value:
        return value
    return _BUKAN_XML.sub(lambda m: f"_x{ord(m.group()):04X}_", value)


def _teks_isi(value: str) -> str:
    """``value`` as the content of an XML element (ST_Xstring escapes, then & < >)."""
    value = _teks_xml(value)
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    return value


_HARI_NOL = date(1899, 12, 30).toordinal()  # Excel's day 0 (1900 date system)


def _hari(value: date) -> int:
    """Excel's serial day of a date: Excel counts a 29 Feb 1900 that never was, so a day
    before 1 Mar 1900 is one less."""
    hari = value.toordinal() - _HARI_NOL
    return hari - 1 if 0 < hari <= 60 else hari


def _detik(value: time | datetime) -> float:
    return value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 10**6


def _serial(value) -> int | float:
    """A date, datetime, time or duration as Excel's serial number (days)."""
    if isinstance(value, datetime):
        return _hari(value) + _detik(value) / 86400
    if isinstance(value, date):
        return _hari(value)
    if isinstance(value, time):
        return _detik(value) / 86400
    return value.total_seconds() / 86400  # timedelta


def _angka_xml(value) -> str | None:
    """A number as the text of ``<v>``; ``None`` for NaN or infinity (no cell, as openpyxl)."""
    if type(value) is int:
        return str(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            return None
        return str(int(value)) if value == value.to_integral_value() else str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(int(value))  # another int type


def _sel_xml(ref: str, value, format_angka: str | None = None, gaya: str = "biasa") -> str:
    """One cell ``<c>`` (an empty string for an empty cell). Text is an inline string whatever
    it starts with, with the quote prefix when it starts like a formula; a number, date or
    boolean keeps its type and gets the style of ``format_angka`` (a date without one: the
    ``FORMAT_WAKTU`` of its type). ``gaya``: the text style of the title or header cells."""
    if isinstance(value, Promise):
        value = str(value)
    if value is None:
        return f'<c r="{ref}" s="{_GAYA[gaya]}"/>' if gaya != "biasa" else ""
    if value == "" and isinstance(value, str):  # written as an empty cell (see xlsx_tulis)
        return f'<c r="{ref}" s="{_GAYA[gaya]}"/>' if gaya != "biasa" else f'<c r="{ref}"/>'
    if isinstance(value, str):
        value = str.__str__(value)  # a str subclass (a TextChoices member): its plain text
        if value.startswith(AWALAN_RUMUS):
            gaya += "_rumus"
        s = _GAYA[gaya]
        isi = _teks_isi(value)
        atribut = f' s="{s}"' if s else ""
        return f'<c r="{ref}"{atribut} t="inlineStr"><is><t xml:space="preserve">{isi}</t></is></c>'
    if isinstance(value, bool):
        jenis, teks = ' t="b"', "1" if value else "0"
    elif isinstance(value, int | float | Decimal):
        jenis, teks = "", _angka_xml(value)
        if teks is None:
            return ""
    elif isinstance(value, date | time | timedelta):
        if isinstance(value, datetime | time) and value.tzinfo is not None:
            if isinstance(value, time):
                value = value.replace(tzinfo=None)
            else:
                value = timezone.localtime(value).replace(tzinfo=None)
        teks = _angka_xml(float(_serial(value)))
        if not format_angka:
            jenis = datetime if isinstance(value, datetime) else type(value)
            kode = FORMAT_WAKTU.get(jenis) or FORMAT_WAKTU[date]
            return f'<c r="{ref}" s="{_GAYA_ANGKA[kode]}"><v>{teks}</v></c>'
        jenis = ""
    else:
        raise ValueError(f"Cannot convert {value!r} to Excel")
    s = _GAYA_ANGKA[FORMAT[_format_sel(format_angka, value)]] if format_angka else _GAYA[gaya]
    atribut = f' s="{s}"' if s else ""
    return f'<c r="{ref}"{atribut}{jenis}><v>{teks}</v></c>'


def _lebar(kolom: Sequence, contoh: list[Sequence]) -> list[int]:
    """Column widths from the header and the first rows (``BARIS_UNTUK_LEBAR``): the widths come
    before the rows in the file, and a stream is not read twice. Capped at 60 characters."""
    widths = [len(str(k)) for k in kolom]
    for row in contoh:
        for i, value in enumerate(row[: len(widths)]):
            if value is not None:
                widths[i] = max(widths[i], min(len(str(value)), 60))
    return [max(8, w + 2) for w in widths]


def _nama_lembar(judul: str, nomor: int) -> str:
    """Excel refuses a backslash and / ? * [ ] : in a sheet name: the title may hold a
    user-typed name ("KPPS: Pemilu 2024") or a document number with slashes; a control
    character cannot be written in XML. The name is at most 31 characters; a continuation
    sheet is numbered: "… (2)"."""
    nama = re.sub(r"[\\/?*\[\]:\x00-\x1f\ufffe\uffff]", "-", str(judul)) or "Data"
    if nomor == 1:
        return nama[:31]
    akhiran = f" ({nomor})"
    return nama[: 31 - len(akhiran)] + akhiran


def _huruf_kolom(n: int) -> str:
    """The letters of column ``n`` (1 is A, 27 is AA)."""
    huruf = ""
    while n:
        n, sisa = divmod(n - 1, 26)
        huruf = chr(65 + sisa) + huruf
    return huruf


# --------------------------------------------------------------------------- the package


def _kepala_lembar(lebar: list[int]) -> str:
    """A sheet's XML up to its rows: the title and header rows frozen, the column widths."""
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
        for i, w in enumerate(lebar, start=1)
    )
    return (
        f'{_XML_DEKLARASI}<worksheet xmlns="{_NS}" xmlns:r="{_NS_R}">'
        '<sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A3" sqref="A3"/>'
        "</sheetView></sheetViews>"
        '<sheetFormatPr defaultRowHeight="15"/>'
        + (f"<cols>{cols}</cols>" if cols else "")
        + "<sheetData>"
    )


_EKOR_LEMBAR = (
    '</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5"'
    ' footer="0.5"/></worksheet>'
)


def _bagian_paket(nama_lembar: list[str]) -> dict[str, str]:
    """Every part of the package besides the sheets, for the sheets ``nama_lembar``."""
    n = len(nama_lembar)
    ct = "application/vnd.openxmlformats-officedocument"
    sheets = "".join(
        f'<sheet name="{_xml_attr(nama)}" sheetId="{i}" r:id="rId{i}"/>'
        for i, nama in enumerate(nama_lembar, start=1)
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_NS_R}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, n + 1)
    )
    dibuat = timezone.now().strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "[Content_Types].xml": (
            f'{_XML_DEKLARASI}<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.spreadsheetml.sheet.main+xml"/>'
            + "".join(
                f'<Override PartName="/xl/worksheets/sheet{i}.xml"'
                f' ContentType="{ct}.spreadsheetml.worksheet+xml"/>'
                for i in range(1, n + 1)
            )
            + f'<Override PartName="/xl/styles.xml" ContentType="{ct}.spreadsheetml.styles+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.'
            'openxmlformats-package.core-properties+xml"/>'
            f'<Override PartName="/docProps/app.xml" ContentType="{ct}.extended-properties+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            f'{_XML_DEKLARASI}<Relationships xmlns="{_NS_PKG_R}">'
            f'<Relationship Id="rId1" Type="{_NS_R}/officeDocument" Target="xl/workbook.xml"/>'
            f'<Relationship Id="rId2" Type="{_NS_PKG_R}/metadata/core-properties"'
            ' Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{_NS_R}/extended-properties"'
            ' Target="docProps/app.xml"/>'
            "</Relationships>"
        ),
        "docProps/app.xml": (
            f'{_XML_DEKLARASI}<Properties xmlns="http://schemas.openxmlformats.org/'
            'officeDocument/2006/extended-properties"><Application>kpu_site</Application>'
            "</Properties>"
        ),
        "docProps/core.xml": (
            f"{_XML_DEKLARASI}<cp:coreProperties"
            ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
            ' xmlns:dcterms="http://purl.org/dc/terms/"'
            ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{dibuat}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{dibuat}</dcterms:modified>'
            "</cp:coreProperties>"
        ),
        "xl/workbook.xml": (
            f'{_XML_DEKLARASI}<workbook xmlns="{_NS}" xmlns:r="{_NS_R}">'
            '<bookViews><workbookView activeTab="0"/></bookViews>'
            f"<sheets>{sheets}</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'{_XML_DEKLARASI}<Relationships xmlns="{_NS_PKG_R}">{rels}'
            f'<Relationship Id="rId{n + 1}" Type="{_NS_R}/styles" Target="styles.xml"/>'
            "</Relationships>"
        ),
        "xl/styles.xml": _STYLES_XML,
    }


def xlsx_tulis(
    berkas: IO[bytes],
    *,
    judul: str,
    kolom: Sequence[str],
    baris: Iterable[Sequence],
    format_kolom: dict[int, str] | None = None,
    progres: Callable[[int], object] | None = None,
) -> int:
    """Write into ``berkas`` (a binary file object: a temporary file, a stored file, a
    ``BytesIO``) a workbook with a bold title row, a header row and the rows, numbers kept as
    numbers and text kept as text; return the number of rows. ``format_kolom``: a ``FORMAT``
    name per column index.

    Streams: ``baris`` is read once, row by row, each row written as XML into the sheet's zip
    entry (only the first ``BARIS_UNTUK_LEBAR`` rows are held, for the column widths, and
    ``TULIS_SETIAP`` rows between writes), so memory does not grow with the rows and time is
    linear in them. Past Excel's ``BARIS_MAKS_LEMBAR`` rows a sheet the rows go on in a next
    sheet, with the title and header again. ``progres(rows_written)`` is called every
    ``LAPOR_SETIAP`` rows and at the end."""
    format_kolom = format_kolom or {}
    baris = iter(baris)
    contoh = list(islice(baris, BARIS_UNTUK_LEBAR))
    lebar = _lebar(kolom, contoh)
    formats = [format_kolom.get(i) for i in range(max([len(kolom), *format_kolom.keys()]) + 1)]
    huruf = [_huruf_kolom(i) for i in range(1, len(formats) + 1)]
    kepala = _kepala_lembar(lebar)
    judul_xml = _sel_xml("A1", judul, gaya="judul")
    header_xml = "".join(
        _sel_xml(f"{h}2", k, gaya="kepala") for h, k in zip(huruf, kolom, strict=False)
    )
    awal_baris = '<row r="1">' + judul_xml + '</row><row r="2">' + header_xml + "</row>"
    muat = BARIS_MAKS_LEMBAR - 2  # rows of data a sheet holds under its title and header
    nama_lembar: list[str] = []
    n = 0
    with zipfile.ZipFile(berkas, "w", zipfile.ZIP_DEFLATED, compresslevel=KOMPRESI) as paket:
        rows = chain(contoh, baris)
        while True:
            nama_lembar.append(_nama_lembar(judul, len(nama_lembar) + 1))
            nomor = len(nama_lembar)
            with paket.open(f"xl/worksheets/sheet{nomor}.xml", "w", force_zip64=True) as lembar:
                lembar.write((kepala + awal_baris).encode())
                r, penuh, buf = 2, False, []
                for row in rows:
                    r += 1
                    rs = str(r)
                    if len(row) > len(formats):
                        formats += [None] * (len(row) - len(formats))
                        huruf = [_huruf_kolom(i) for i in range(1, len(formats) + 1)]
                    sel = [f'<row r="{rs}">']
                    for value, fmt, h in zip(row, formats, huruf, strict=False):
                        # the common cells inline (an empty cell, a plain printable text):
                        # no function call per cell
                        if value is None:
                            continue
                        if (
                            type(value) is str
                            and value[:1] not in AWALAN_RUMUS
                            and value.isprintable()
                            and "_x" not in value
                        ):
                            if not value:  # an empty cell, kept (as openpyxl did) so a
                                sel.append(f'<c r="{h}{rs}"/>')  # reader sees the row's width
                                continue
                            if "&" in value or "<" in value or ">" in value:
                                value = (
                                    value.replace("&", "&amp;")
                                    .replace("<", "&lt;")
                                    .replace(">", "&gt;")
                                )
                            sel.append(
                                f'<c r="{h}{rs}" t="inlineStr"><is><t xml:space="preserve">'
                                f"{value}</t></is></c>"
                            )
                        else:
                            sel.append(_sel_xml(h + rs, value, fmt))
                    sel.append("</row>")
                    buf.append("".join(sel))
                    n += 1
                    if len(buf) >= TULIS_SETIAP:
                        lembar.write("".join(buf).encode())
                        buf.clear()
                    if progres is not None and not n % LAPOR_SETIAP:
                        progres(n)
                    if r - 2 >= muat:
                        penuh = True
                        break
                lembar.write(("".join(buf) + _EKOR_LEMBAR).encode())
            if not penuh:
                break
            # a full sheet: a next one only when a row is left for it
            sisa = next(rows, None)
            if sisa is None:
                break
            rows = chain([sisa], rows)
        for nama, isi in _bagian_paket(nama_lembar).items():
            paket.writestr(nama, isi)
    if progres is not None:
        progres(n)
    return n


def xlsx_bytes(
    *,
    judul: str,
    kolom: Sequence[str],
    baris: Iterable[Sequence],
    format_kolom: dict[int, str] | None = None,
) -> bytes:
    """``xlsx_tulis`` into memory, for a small table (the tests); a download is served from a
    temporary file (``xlsx_response``)."""
    berkas = io.BytesIO()
    xlsx_tulis(berkas, judul=judul, kolom=kolom, baris=baris, format_kolom=format_kolom)
    return berkas.getvalue()


def xlsx_tulis_response(*, nama_berkas: str, tulis: Callable[[IO[bytes]], object]) -> FileResponse:
    """An HTTP download of the workbook ``tulis(berkas)`` writes (``xlsx_tulis`` or an app's
    export built on it, e.g. ``badan_adhoc.ekspor.pendaftar_xlsx_tulis``): written into a
    temporary file (kept in memory up to ``SIMPAN_DI_MEMORI`` bytes, on disk beyond) and sent
    from it in blocks, so the workbook is never one bytes object. ``nama_berkas`` without or
    with ``.xlsx``. The view records the download first (``kpu_site.services.unduhan_record``):
    a response helper writes nothing."""
    if not nama_berkas.endswith(".xlsx"):
        nama_berkas += ".xlsx"
    # closed by the response once sent, or below when writing fails
    berkas = tempfile.SpooledTemporaryFile(max_size=SIMPAN_DI_MEMORI)  # noqa: SIM115
    try:
        tulis(berkas)
        berkas.seek(0)
    except BaseException:
        berkas.close()
        raise
    response = FileResponse(
        berkas, as_attachment=True, filename=nama_berkas, content_type=XLSX_MIME
    )
    response.block_size = 64 * 1024
    return response


def xlsx_response(
    *,
    nama_berkas: str,
    judul: str,
    kolom: Sequence[str],
    baris: Iterable[Sequence],
    format_kolom: dict[int, str] | None = None,
) -> FileResponse:
    """An HTTP download of ``xlsx_tulis`` (see ``xlsx_tulis_response``)."""
    return xlsx_tulis_response(
        nama_berkas=nama_berkas,
        tulis=lambda berkas: xlsx_tulis(
            berkas, judul=judul, kolom=kolom, baris=baris, format_kolom=format_kolom
        ),
    )
