"""Files built in a test (no binary fixtures in git)."""

from __future__ import annotations

import io

from openpyxl import Workbook


def xlsx_dari_baris(rows) -> bytes:
    """An XLSX whose first sheet holds ``rows`` (the first one the header)."""
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
