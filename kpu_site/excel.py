"""Excel (.xlsx) export shared by every table of the application.

Every export is written here (``xlsx_tulis`` into a file, ``xlsx_response``/
``xlsx_tulis_response`` as a download, ``xlsx_bytes`` for a small table) and nowhere else
(tests/test_excel_formula.py fails for a new export past it). A text cell is always text: a
name typed as ``=HYPERLINK(...)`` is never a formula (formula injection); a text starting with
``= + - @``, tab or CR also carries Excel's "quote prefix" so it stays text when a user edits
the cell. The value itself is written exactly.
"""

from __future__ import annotations

import io
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from itertools import chain, islice
from typing import IO

from django.http import FileResponse
from django.utils import timezone
from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

FORMAT = {
    "rupiah": '"Rp" #,##0',
    "rupiah_sen": '"Rp" #,##0.00',  # a rupiah cell whose value has sen: shown, not rounded off
    "persen": '0.00"%"',
    "angka": "#,##0",
    "tanggal": "dd/mm/yyyy",
}
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BARIS_MAKS_LEMBAR = 1_048_576  # Excel's own limit of rows a sheet
BARIS_UNTUK_LEBAR = 100  # the column widths come from the header and this many first rows
LAPOR_SETIAP = 2_000  # progress is reported every this many rows
SIMPAN_DI_MEMORI = 1024 * 1024  # a download up to this size stays in memory, larger on disk

# A text starting with one of these is read as a formula by Excel or LibreOffice once a user
# edits the cell (OWASP, "CSV injection"): such a cell gets the quote prefix
AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")
# What XML 1.0 cannot carry (control characters; a parser turns CR into LF), written as Excel
# writes it (ECMA-376 ST_Xstring: ``_x000D_``); a literal ``_xHHHH_`` in a text is escaped too
# (``_x005F_`` is the underscore), so Excel reads back exactly the text that was exported
_BUKAN_XML = re.compile(r"[\x00-\x08\x0b-\x1f]|_(?=x[0-9A-Fa-f]{4}_)")


def _format_sel(kind: str, value) -> str:
    """The number format of one cell: a rupiah amount with sen shows them (the value itself is
    always written exactly)."""
    if kind == "rupiah" and isinstance(value, Decimal | float) and value != int(value):
        return "rupiah_sen"
    return kind


def _sel(ws, value, *, format_angka: str | None = None, **gaya) -> Cell | None:
    """One styled cell of a write-only sheet (the title, the header). Text is a text cell
    whatever it starts with (openpyxl would make ``=…`` a formula and ``#N/A`` an error), with
    the quote prefix when it starts like a formula; a number, date or boolean keeps its type and
    gets ``format_angka``."""
    if isinstance(value, Promise):
        value = str(value)
    if value is None and not gaya:
        return None  # an empty cell: nothing written
    cell = WriteOnlyCell(ws)
    if isinstance(value, str):
        cell.value = _teks_xml(value)
        cell.data_type = "s"
        if value.startswith(AWALAN_RUMUS):
            cell.quotePrefix = True
    else:
        cell.value = value
        if format_angka and value is not None:
            cell.number_format = FORMAT[_format_sel(format_angka, value)]
    for nama, nilai in gaya.items():
        setattr(cell, nama, nilai)
    return cell


def _teks_xml(value: str) -> str:
    """``value`` with what XML cannot carry written as Excel writes it (``_x000D_``). Most
    texts need nothing: printable and no ``_x`` (one C-speed check before the regex)."""
    if value.isprintable() and "_x" not in value:
        return value
    return _BUKAN_XML.sub(lambda m: f"_x{ord(m.group()):04X}_", value)


# A text openpyxl would not write as plain text when handed over as a value: ``=…`` becomes a
# formula, ``#N/A`` an error; and the start of a formula needs the quote prefix
_AWAL_KHUSUS = frozenset((*AWALAN_RUMUS, "#"))


def _nilai(ws, value, format_angka: str | None):
    """What ``ws.append`` gets for one value of a row: the value itself when openpyxl writes
    it as it is (text that cannot be read as a formula or error, a number without format), or a
    cell made by ``_sel`` (the rare text needing care, a formatted number or date). Plain
    values cost no cell object, so a row is written about as fast as openpyxl alone can."""
    t = type(value)
    if t is str:
        if value[:1] in _AWAL_KHUSUS:
            return _sel(ws, value)
        return _teks_xml(value)
    if value is None:
        return None
    if isinstance(value, Promise):
        return _nilai(ws, str(value), None)
    if isinstance(value, str):  # a str subclass (a TextChoices member): its plain text
        return _nilai(ws, str.__str__(value), None)
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value).replace(tzinfo=None)
    if format_angka:
        return _sel(ws, value, format_angka=format_angka)
    return value


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
    """Excel refuses a backslash and / ? * [ ] : in a sheet name (openpyxl raises): the title
    may hold a user-typed name ("KPPS: Pemilu 2024") or a document number with slashes. The
    name is at most 31 characters; a continuation sheet is numbered: "… (2)"."""
    nama = re.sub(r"[\\/?*\[\]:]", "-", judul) or "Data"
    if nomor == 1:
        return nama[:31]
    akhiran = f" ({nomor})"
    return nama[: 31 - len(akhiran)] + akhiran


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

    Streams: ``baris`` is read once, row by row, while openpyxl's write-only sheet writes it to
    its temporary file (only the first ``BARIS_UNTUK_LEBAR`` rows are held, for the column
    widths), so memory does not grow with the rows and time is linear in them. Past Excel's
    ``BARIS_MAKS_LEMBAR`` rows a sheet the rows go on in a next sheet, with the title and header
    again. ``progres(rows_written)`` is called every ``LAPOR_SETIAP`` rows and at the end."""
    format_kolom = format_kolom or {}
    baris = iter(baris)
    contoh = list(islice(baris, BARIS_UNTUK_LEBAR))
    lebar = _lebar(kolom, contoh)
    formats = [format_kolom.get(i) for i in range(max([len(kolom), *format_kolom.keys()]) + 1)]
    header = {
        "font": Font(bold=True),
        "fill": PatternFill("solid", fgColor="DDDDDD"),
        "alignment": Alignment(wrap_text=True, vertical="top"),
    }
    wb = Workbook(write_only=True)

    def lembar_baru(nomor: int):
        ws = wb.create_sheet(_nama_lembar(judul, nomor))
        for i, width in enumerate(lebar, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = "A3"
        ws.append([_sel(ws, judul, font=Font(bold=True, size=12))])
        ws.append([_sel(ws, k, **header) for k in kolom])
        return ws

    nomor, ws = 1, lembar_baru(1)
    muat = BARIS_MAKS_LEMBAR - 2  # rows of data a sheet holds under its title and header
    sisa, n = muat, 0
    append = ws.append
    for row in chain(contoh, baris):
        if not sisa:
            nomor += 1
            ws = lembar_baru(nomor)
            append, sisa = ws.append, muat
        if len(row) > len(formats):
            formats += [None] * (len(row) - len(formats))
        # ``_nilai`` inlined for the common cells (an empty cell, a plain printable text): no
        # function call per cell, the row costs about what openpyxl alone needs
        append(
            [
                value
                if value is None
                or (
                    type(value) is str
                    and value[:1] not in _AWAL_KHUSUS
                    and value.isprintable()
                    and "_x" not in value
                )
                else _nilai(ws, value, fmt)
                for value, fmt in zip(row, formats, strict=False)
            ]
        )
        sisa -= 1
        n += 1
        if progres is not None and not n % LAPOR_SETIAP:
            progres(n)
    wb.save(berkas)
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
