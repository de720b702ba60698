"""The shared Excel writer writes SpreadsheetML itself (issue 15): a workbook it writes reads
back, in openpyxl's normal and read-only modes, exactly as one written by openpyxl's write-only
workbook with the same values and styles (what ``kpu_site.excel`` used before): values, types,
number formats, bold title and header, header fill, column widths, frozen header, sheet names.
Every XML part is well-formed, the content types name every part, and an export is not taken
for a zip bomb when it is uploaded again."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, date, datetime, time
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kpu_site import excel, impor


def _naif(*args) -> datetime:
    """A datetime without a time zone, as a model's DateField/naive value reaches the writer."""
    return datetime(*args)  # noqa: DTZ001


class Jenis(models.TextChoices):
    L = "L", "Laki-laki"


KOLOM = ["Nama", "=Rumus", "Rupiah", "Persen", "Angka", "Tanggal", "Waktu", "Lain"]
FORMAT_KOLOM = {2: "rupiah", 3: "persen", 4: "angka", 5: "tanggal"}
BARIS = [
    ["Ahmad & <Fauzi> \"'", "=1+1", Decimal("1500000"), 12.5, 7, date(2024, 1, 2), None, True],
    ["  spasi  ", "+62 812", Decimal("1500.50"), 0.25, -3, _naif(2024, 2, 29, 13, 30), 1, ""],
    ["a\x01b", "-", -1.5, Decimal("33.33"), 10**12, None, date(1990, 5, 12), False],
    ["baris\r\nbaru", "@x", 0, 100, Decimal("0"), date(1900, 1, 15), _naif(2024, 1, 1), 2.5],
    ["_x0041_ é 🙂\u00a0", "\t=1", None, None, None, None, time(8, 15, 30), gettext_lazy("Ya")],
    [Jenis.L, "\r=1", 1, 2, 3, datetime(2024, 3, 1, 1, 0, tzinfo=UTC), "#N/A", "x" * 70],
]
_XSTRING = re.compile(r"[\x00-\x08\x0b-\x1f]|_(?=x[0-9A-Fa-f]{4}_)")


def _openpyxl_xlsx(judul, kolom, baris, format_kolom, nama_lembar) -> bytes:
    """The same workbook through openpyxl's write-only mode, as ``kpu_site.excel`` wrote it
    before (the reference)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(nama_lembar)
    lebar = excel._lebar(kolom, baris)
    for i, width in enumerate(lebar, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A3"

    def sel(value, fmt=None, **gaya):
        if isinstance(value, str | Promise):  # also a lazy text or a TextChoices member
            value = str.__str__(str(value))
        if value is None or value == "":
            return None if not gaya else WriteOnlyCell(ws)
        cell = WriteOnlyCell(ws)
        if isinstance(value, str):
            cell.value = _XSTRING.sub(lambda m: f"_x{ord(m.group()):04X}_", value)
            cell.data_type = "s"
            cell.quotePrefix = value.startswith(excel.AWALAN_RUMUS)
        else:
            if isinstance(value, datetime) and timezone.is_aware(value):
                value = timezone.localtime(value).replace(tzinfo=None)
            cell.value = value
            if fmt:
                cell.number_format = excel.FORMAT[excel._format_sel(fmt, value)]
        for nama, nilai in gaya.items():
            setattr(cell, nama, nilai)
        return cell

    ws.append([sel(judul, font=Font(bold=True, size=12))])
    kepala = {
        "font": Font(bold=True),
        "fill": PatternFill("solid", fgColor="DDDDDD"),
        "alignment": Alignment(wrap_text=True, vertical="top"),
    }
    ws.append([sel(k, **kepala) for k in kolom])
    for row in baris:
        ws.append([sel(v, format_kolom.get(i)) for i, v in enumerate(row)])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _sel(cell) -> tuple:
    """What a user sees of a cell: value and type, number format, font, fill, alignment."""
    if cell.value is None:
        return (None,)
    fill = cell.fill.fgColor.rgb if cell.fill.fill_type == "solid" else None
    return (
        cell.value,
        type(cell.value),
        cell.data_type,
        cell.number_format,
        bool(cell.font.b),
        (cell.font.sz or 11) if cell.font.b else None,  # no size: Excel's default, 11
        fill[-6:] if isinstance(fill, str) else None,
        bool(cell.alignment.wrap_text),
        cell.alignment.vertical,
        bool(cell.style_array.quotePrefix if isinstance(cell, ReadOnlyCell) else cell.quotePrefix),
    )


def _isi(data: bytes, *, read_only: bool) -> dict:
    wb = load_workbook(io.BytesIO(data), read_only=read_only)
    hasil = {}
    for ws in wb.worksheets:
        rows = [tuple(_sel(c) for c in row if c.value is not None) for row in ws.iter_rows()]
        if not read_only:
            lebar = {k: d.width for k, d in ws.column_dimensions.items() if d.customWidth}
            rows.append(("lebar", lebar, "beku", ws.freeze_panes))
        hasil[ws.title] = rows
    return hasil


@pytest.mark.parametrize("read_only", [False, True])
def test_workbook_reads_back_as_openpyxl_wrote_it(read_only, settings):
    settings.TIME_ZONE = "Asia/Jakarta"
    judul = "Pendaftar: KPPS/2024 & <Kota> Serang sangat panjang"
    data = excel.xlsx_bytes(judul=judul, kolom=KOLOM, baris=BARIS, format_kolom=FORMAT_KOLOM)
    harapan = _openpyxl_xlsx(judul, KOLOM, BARIS, FORMAT_KOLOM, excel._nama_lembar(judul, 1))
    assert _isi(data, read_only=read_only) == _isi(harapan, read_only=read_only)
    ws = load_workbook(io.BytesIO(data), read_only=read_only).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    # spot checks a user would notice: the title, texts exact, numbers, dates, sen shown
    assert ws.title == "Pendaftar- KPPS-2024 & <Kota> S"
    assert rows[0][0] == judul and rows[2][0] == "Ahmad & <Fauzi> \"'"
    assert rows[3][0] == "  spasi  " and rows[7][0] == "L" and rows[6][7] == "Ya"
    assert rows[2][2] == 1500000 and rows[3][2] == 1500.5 and rows[4][4] == 10**12
    assert rows[3][5] == _naif(2024, 2, 29, 13, 30)
    assert rows[5][5] == _naif(1900, 1, 15)  # before Excel's phantom 29 Feb 1900
    assert rows[7][5] == _naif(2024, 3, 1, 8, 0)  # aware: written in local time
    assert rows[6][6] == time(8, 15, 30)
    assert rows[2][7] is True and rows[4][7] is False


def test_every_part_is_well_formed_and_named_in_the_content_types(monkeypatch):
    monkeypatch.setattr(excel, "BARIS_MAKS_LEMBAR", 4)  # three sheets of two rows
    data = excel.xlsx_bytes(judul="Uji", kolom=KOLOM, baris=BARIS, format_kolom=FORMAT_KOLOM)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        assert {i.compress_type for i in z.infolist()} == {zipfile.ZIP_DEFLATED}
        pohon = {
            nama: ElementTree.fromstring(z.read(nama))  # noqa: S314 (our own output)
            for nama in z.namelist()
        }
    ct = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    types = pohon["[Content_Types].xml"]
    override = {e.get("PartName") for e in types.iter(f"{ct}Override")}
    default = {e.get("Extension") for e in types.iter(f"{ct}Default")}
    for nama in pohon:
        assert f"/{nama}" in override or nama.rsplit(".", 1)[-1] in default, nama
    assert {f"/xl/worksheets/sheet{i}.xml" for i in (1, 2, 3)} <= override
    # every relationship points at a part of the package
    for nama in [n for n in pohon if n.endswith(".rels")]:
        folder = nama.replace("_rels/", "").removesuffix(".rels").rsplit("/", 1)[0]
        for rel in pohon[nama]:
            target = rel.get("Target")
            if target.startswith("/"):  # an absolute part name
                path = target[1:]
            else:
                path = target if nama == "_rels/.rels" else f"{folder}/{target}"
            assert path in pohon, (nama, target)
    assert [ws.title for ws in load_workbook(io.BytesIO(data)).worksheets] == [
        "Uji",
        "Uji (2)",
        "Uji (3)",
    ]


def test_a_downloaded_export_uploads_again():
    """The importer refuses a part expanding more than ``BATAS_RASIO_KOMPRESI`` times (zip
    bomb): a large export stays under it and is read back by the importer."""
    baris = (
        [f"3673{i:012d}", f"Nama Pendaftar {i}", "L", date(1990, 1, 1 + i % 28), "S1", ""]
        for i in range(20_000)
    )
    data = excel.xlsx_bytes(
        judul="Uji",
        kolom=["NIK", "Nama", "JK", "Lahir", "Pddk", "Ket"],
        baris=baris,
        format_kolom={3: "tanggal"},
    )
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
        assert info.file_size / info.compress_size < impor.BATAS_RASIO_KOMPRESI
    impor._periksa_xlsx(data)  # raises for a zip bomb
