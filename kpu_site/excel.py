"""Excel (.xlsx) export shared by every table of the application."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
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


def _format_sel(kind: str, value) -> str:
    """The number format of one cell: a rupiah amount with sen shows them (the value itself is
    always written exactly)."""
    if kind == "rupiah" and isinstance(value, Decimal | float) and value != int(value):
        return "rupiah_sen"
    return kind


def xlsx_bytes(
    *,
    judul: str,
    kolom: list[str],
    baris: Iterable[Sequence],
    format_kolom: dict[int, str] | None = None,
) -> bytes:
    """A workbook with a bold title row, a header row and the rows, numbers kept as numbers."""
    format_kolom = format_kolom or {}
    wb = Workbook(write_only=False)
    ws = wb.active
    # Excel refuses a backslash and / ? * [ ] : in a sheet name (openpyxl raises): the title may
    # hold a user-typed name ("KPPS: Pemilu 2024") or a document number with slashes
    ws.title = re.sub(r"[\\/?*\[\]:]", "-", judul)[:31] or "Data"
    ws.append([judul])
    ws["A1"].font = Font(bold=True, size=12)
    ws.append(list(kolom))
    fill = PatternFill("solid", fgColor="DDDDDD")
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [len(str(k)) for k in kolom]
    for row in baris:
        values = []
        for i, value in enumerate(row):
            if isinstance(value, datetime) and timezone.is_aware(value):
                value = timezone.localtime(value).replace(tzinfo=None)
            values.append(value)
            if i < len(widths):
                widths[i] = max(widths[i], min(len(str(value)) if value is not None else 0, 60))
        ws.append(values)
        for i, kind in format_kolom.items():
            cell = ws.cell(row=ws.max_row, column=i + 1)
            if cell.value is not None and not isinstance(cell.value, str):
                cell.number_format = FORMAT[_format_sel(kind, cell.value)]
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(8, width + 2)
    ws.freeze_panes = "A3"
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
