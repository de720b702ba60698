"""The shared Excel writer streams (issue 15): rows are read while the workbook is written,
past Excel's 1,048,576 rows a sheet the rows go on in a next sheet, and a download is served
from a temporary file."""

from __future__ import annotations

import io
from datetime import date, datetime, time

import pytest
from openpyxl import load_workbook

from kpu_site import excel


def _lembar(data: bytes) -> dict[str, list[tuple]]:
    wb = load_workbook(io.BytesIO(data))
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}


def test_xlsx_tulis_reads_the_rows_while_it_writes():
    dibaca = []

    def baris():
        for i in range(5_000):
            dibaca.append(i)
            yield [f"Nama {i}", i, date(2024, 1, 1 + i % 28)]

    saat_progres = []
    berkas = io.BytesIO()
    n = excel.xlsx_tulis(
        berkas,
        judul="Uji",
        kolom=["Nama", "No", "Tanggal"],
        baris=baris(),
        format_kolom={2: "tanggal"},
        progres=lambda ditulis: saat_progres.append((ditulis, len(dibaca))),
    )
    assert n == 5_000
    # progress is reported while the source is still being read, not after reading it all
    assert saat_progres[0][0] > 0 and saat_progres[0][1] < 5_000
    assert saat_progres[-1] == (5_000, 5_000)
    rows = _lembar(berkas.getvalue())["Uji"]
    assert rows[:2] == [("Uji", None, None), ("Nama", "No", "Tanggal")]
    assert rows[2] == ("Nama 0", 0, datetime.combine(date(2024, 1, 1), time()))
    assert rows[-1] == ("Nama 4999", 4999, datetime.combine(date(2024, 1, 1 + 4999 % 28), time()))
    assert len(rows) == 5_002


def test_rows_past_the_sheet_limit_continue_on_a_next_sheet(monkeypatch):
    monkeypatch.setattr(excel, "BARIS_MAKS_LEMBAR", 6)  # Excel: 1,048,576
    data = excel.xlsx_bytes(
        judul="Pendaftar KPPS: Pemilu 2024 Kota Serang",
        kolom=["Nama", "No"],
        baris=([f"=Nama {i}", i] for i in range(10)),
    )
    lembar = _lembar(data)
    # the title and the header on every sheet, 4 rows each, the sheet names numbered
    assert list(lembar) == [
        "Pendaftar KPPS- Pemilu 2024 Kot",
        "Pendaftar KPPS- Pemilu 2024 (2)",
        "Pendaftar KPPS- Pemilu 2024 (3)",
    ]
    for rows in lembar.values():
        assert rows[:2] == [("Pendaftar KPPS: Pemilu 2024 Kota Serang", None), ("Nama", "No")]
    semua = [r for rows in lembar.values() for r in rows[2:]]
    assert semua == [(f"=Nama {i}", i) for i in range(10)]
    assert [len(rows) - 2 for rows in lembar.values()] == [4, 4, 2]
    wb = load_workbook(io.BytesIO(data))
    assert all(ws.freeze_panes == "A3" for ws in wb.worksheets)
    assert all(ws["A3"].quotePrefix for ws in wb.worksheets)


def test_xlsx_response_is_served_from_a_temporary_file():
    response = excel.xlsx_response(
        nama_berkas="uji", judul="Uji", kolom=["A", "B"], baris=iter([["x", 1], ["y", 2]])
    )
    assert response.streaming
    assert response["Content-Type"] == excel.XLSX_MIME
    assert response["Content-Disposition"] == 'attachment; filename="uji.xlsx"'
    data = response.getvalue()
    assert int(response["Content-Length"]) == len(data)
    assert _lembar(data)["Uji"][2:] == [("x", 1), ("y", 2)]


def test_column_widths_come_from_the_header_and_the_first_rows(monkeypatch):
    monkeypatch.setattr(excel, "BARIS_UNTUK_LEBAR", 3)  # the rows after it are not held back
    data = excel.xlsx_bytes(
        judul="Uji",
        kolom=["Nama", "Keterangan panjang sekali"],
        baris=[["Nama yang agak panjang", "x"]] * 3 + [["y" * 200, "z"]],
    )
    ws = load_workbook(io.BytesIO(data)).active
    assert ws.column_dimensions["A"].width == len("Nama yang agak panjang") + 2
    assert ws.column_dimensions["B"].width == len("Keterangan panjang sekali") + 2


@pytest.mark.parametrize("n", [0, 1])
def test_an_empty_or_one_row_export_has_its_title_and_header(n):
    data = excel.xlsx_bytes(judul="Uji", kolom=["A"], baris=iter([["x"]] * n))
    assert _lembar(data)["Uji"] == [("Uji",), ("A",), *([("x",)] * n)]
