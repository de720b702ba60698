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
        (Decimal("999.5"), "Rp 1.000"),
        (Decimal("-0.5"), "-Rp 1"),  # rounded half up, sign kept (was "Rp 1")
        (None, "–"),
        ("bukan angka", "–"),
    ],
)
def test_rupiah_formats_indonesian_thousands(value, expected):
    assert formatting.rupiah(value) == expected


def test_rupiah_with_cents():
    assert formatting.rupiah(Decimal("1500000.5"), 2) == "Rp 1.500.000,50"


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
