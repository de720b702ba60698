from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template

from kpu_site import formatting


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("20415736000"), "Rp 20.415.736.000"),
        (20326861888, "Rp 20.326.861.888"),
        (0, "Rp 0"),
        (Decimal("-1500000"), "-Rp 1.500.000"),
        (Decimal("200000.50"), "Rp 200.000,50"),  # exact: the sen shown (was "Rp 200.001")
        (Decimal("200000.00"), "Rp 200.000"),  # whole: no ",00"
        (Decimal("1700000.5"), "Rp 1.700.000,50"),
        (Decimal("-0.5"), "-Rp 0,50"),  # sign kept
        (Decimal("999.995"), "Rp 1.000"),  # beyond the sen: half up to the sen
        (Decimal("0.004"), "Rp 0"),
        (None, "–"),
        ("bukan angka", "–"),
    ],
)
def test_rupiah_formats_indonesian_thousands(value, expected):
    assert formatting.rupiah(value) == expected


def test_rupiah_with_cents():
    assert formatting.rupiah(Decimal("1500000.5"), 2) == "Rp 1.500.000,50"
    assert formatting.rupiah(Decimal("1500000.5"), 0) == "Rp 1.500.001"  # places forced


def test_rupiah_filter_shows_the_sen_and_a_total_equal_to_its_rows():
    rows = [Decimal("200000.50"), Decimal("1500000.00")]
    html = Template("{% for r in rows %}{{ r|rupiah }} + {% endfor %}= {{ total|rupiah }}").render(
        Context({"rows": rows, "total": sum(rows, Decimal(0))})
    )
    assert html == "Rp 200.000,50 + Rp 1.500.000 + = Rp 1.700.000,50"


def test_excel_keeps_the_sen_and_shows_them():
    import io

    from openpyxl import load_workbook

    from kpu_site import excel

    data = excel.xlsx_bytes(
        judul="Realisasi",
        kolom=["SP2D", "Nilai"],
        baris=[["1", Decimal("200000.50")], ["2", Decimal("1500000")]],
        format_kolom={1: "rupiah"},
    )
    ws = load_workbook(io.BytesIO(data)).active
    assert ws["B3"].value == 200000.5 and ws["B3"].number_format == '"Rp" #,##0.00'
    assert ws["B4"].value == 1500000 and ws["B4"].number_format == '"Rp" #,##0'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("99.5646"), "99,56%"),
        (Decimal("100"), "100,00%"),
        (Decimal("0"), "0,00%"),
        (Decimal("-12.345"), "-12,35%"),
        (Decimal("1234.5"), "1.234,50%"),
        (None, "–"),
    ],
)
def test_persen_formats_with_comma(value, expected):
    assert formatting.persen(value) == expected


def test_tanggal_in_indonesian():
    assert formatting.tanggal(date(2023, 10, 17)) == "17 Oktober 2023"
    assert formatting.tanggal(None) == "–"
    utc_evening = datetime(2023, 12, 31, 20, 30, tzinfo=ZoneInfo("UTC"))
    assert formatting.tanggal(utc_evening, dengan_jam=True) == "1 Januari 2024 03:30"
    assert formatting.tanggal(date(2023, 12, 31)) == "31 Desember 2023"
    assert [formatting.bulan(n) for n in (1, 8, 12)] == ["Januari", "Agustus", "Desember"]


def test_tanggal_valid_reads_a_typed_date_and_refuses_impossible_ones():
    assert formatting.tanggal_valid("2023-10-17") == date(2023, 10, 17)
    assert formatting.tanggal_valid("2023-02-30") is None  # well formed, not a date
    assert formatting.tanggal_valid("17/10/2023") is None
    assert formatting.tanggal_valid("") is None
    assert formatting.tanggal_valid(None) is None


def test_template_filters_are_builtins():
    html = Template("{{ a|rupiah }} {{ b|persen }} {{ c|tanggal_id }} {{ d|rupiah }}").render(
        Context(
            {"a": Decimal("20415736000"), "b": Decimal("99.56"), "c": date(2023, 10, 17), "d": None}
        )
    )
    assert html == "Rp 20.415.736.000 99,56% 17 Oktober 2023 –"


def test_angka_is_the_text_of_djangos_number_format():
    """``angka`` builds the number with Python's grouping (fast): the text must be the one
    Django's ``number_format`` gives with the active language's separators."""
    import random

    from django.utils import formats, translation

    rng = random.Random(15)
    nilai = [
        Decimal("0"),
        Decimal("-0.4"),
        Decimal("999.995"),
        Decimal("-1500000"),
        Decimal("20415736000.50"),
        Decimal("1E+3"),
        Decimal("123456789012345678.99"),
        1,
        -7,
        99.5646,
        "12,5",
        *(Decimal(rng.randint(-(10**15), 10**15)) / 100 for _ in range(300)),
    ]
    for bahasa in ("id", "en"):
        with translation.override(bahasa):
            for v in nilai:
                for desimal in (0, 1, 2):
                    harus = formatting._bulat(v, desimal)
                    harus = (
                        formatting.KOSONG
                        if harus is None
                        else formats.number_format(
                            abs(harus) if harus == 0 else harus,
                            desimal,
                            use_l10n=True,
                            force_grouping=True,
                        )
                    )
                    assert formatting.angka(v, desimal) == harus, (bahasa, v, desimal)
    with translation.override("id"):
        assert formatting.angka(Decimal("1234567.5"), 2) == "1.234.567,50"
