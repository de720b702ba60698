"""Excel (.xlsx) export shared by every table of the application.

Every export is written here (``xlsx_bytes``/``xlsx_response``) and nowhere else
(tests/test_excel_formula.py fails for a new export past it). A text cell is always text: a
name typed as ``=HYPERLINK(...)`` is never a formula (formula injection); a text starting with
``= + - @``, tab or CR also carries Excel's "quote prefix" so it stays text when a user edits
the cell. The value itself is written exactly.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal

from django.http import HttpResponse
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
    """One cell of a write-only sheet. Text is a text cell whatever it starts with (openpyxl
    would make ``=…`` a formula and ``#N/A`` an error), with the quote prefix when it starts
    like a formula; a number, date or boolean keeps its type and gets ``format_angka``."""
    if isinstance(value, Promise):
        value = str(value)
    if value is None and not gaya:
        return None  # an empty cell: nothing written
    cell = WriteOnlyCell(ws)
    if isinstance(value, str):
        cell.value = _BUKAN_XML.sub(lambda m: f"_x{ord(m.group()):04X}_", value)
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


def xlsx_bytes(
    *,
    judul: str,
    kolom: list[str],
    baris: Iterable[Sequence],
    format_kolom: dict[int, str] | None = None,
) -> bytes:
    """A workbook with a bold title row, a header row and the rows, numbers kept as numbers and
    text kept as text (``_sel``). Written with openpyxl's write-only (streaming) sheet; the rows
    are read once first because the column widths come before the rows in the file."""
    format_kolom = format_kolom or {}
    rows = []
    widths = [len(str(k)) for k in kolom]
    for row in baris:
        values = []
        for i, value in enumerate(row):
            if isinstance(value, datetime) and timezone.is_aware(value):
                value = timezone.localtime(value).replace(tzinfo=None)
            values.append(value)
            if i < len(widths):
                widths[i] = max(widths[i], min(len(str(value)) if value is not None else 0, 60))
        rows.append(values)
    wb = Workbook(write_only=True)
    # Excel refuses a backslash and / ? * [ ] : in a sheet name (openpyxl raises): the title may
    # hold a user-typed name ("KPPS: Pemilu 2024") or a document number with slashes
    ws = wb.create_sheet(re.sub(r"[\\/?*\[\]:]", "-", judul)[:31] or "Data")
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(8, width + 2)
    ws.freeze_panes = "A3"
    ws.append([_sel(ws, judul, font=Font(bold=True, size=12))])
    header = {
        "font": Font(bold=True),
        "fill": PatternFill("solid", fgColor="DDDDDD"),
        "alignment": Alignment(wrap_text=True, vertical="top"),
    }
    ws.append([_sel(ws, k, **header) for k in kolom])
    for values in rows:
        ws.append(
            [_sel(ws, value, format_angka=format_kolom.get(i)) for i, value in enumerate(values)]
        )
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def xlsx_response(
    *,
    nama_berkas: str,
    judul: str,
    kolom: list[str],
    baris: Iterable[Sequence],
    format_kolom: dict[int, str] | None = None,
) -> HttpResponse:
    """An HTTP download of ``xlsx_bytes``; ``nama_berkas`` without or with ``.xlsx``. The view
    records the download first (``kpu_site.services.unduhan_record``): a response helper writes
    nothing."""
    if not nama_berkas.endswith(".xlsx"):
        nama_berkas += ".xlsx"
    response = HttpResponse(
        xlsx_bytes(judul=judul, kolom=kolom, baris=baris, format_kolom=format_kolom),
        content_type=XLSX_MIME,
    )
    response["Content-Disposition"] = f'attachment; filename="{nama_berkas}"'
    return response
