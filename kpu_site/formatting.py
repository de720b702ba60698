"""Indonesian formatting of money, percentages and dates, shared by pages, PDF and Excel."""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import timezone
from django.utils.dateparse import parse_date

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def _to_decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def angka(value, desimal: int = 0) -> str:
    """``1234567.5`` -> ``1.234.567,50`` (with ``desimal=2``); thousands with dots."""
    number = _to_decimal(value)
    if number is None:
        return "–"
    quant = Decimal(1).scaleb(-desimal)
    number = number.quantize(quant, rounding=ROUND_HALF_UP)
    negative = number < 0
    whole, _, frac = f"{abs(number):f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = ".".join(groups) or "0"
    if desimal:
        text += "," + frac.ljust(desimal, "0")[:desimal]
    return f"-{text}" if negative and number != 0 else text


def rupiah(value, desimal: int = 0) -> str:
    """``20415736000`` -> ``Rp 20.415.736.000``; negative ``-Rp 1.500``; ``None`` -> ``–``."""
    number = _to_decimal(value)
    if number is None:
        return "–"
    text = angka(abs(number), desimal)
    return f"-Rp {text}" if number.quantize(Decimal(1).scaleb(-desimal)) < 0 else f"Rp {text}"


def persen(value, desimal: int = 2) -> str:
    """``99.5646`` -> ``99,56%``; ``None`` -> ``–``."""
    number = _to_decimal(value)
    if number is None:
        return "–"
    return f"{angka(number, desimal)}%"


def tanggal(value, dengan_jam: bool = False) -> str:
    """``date(2023, 10, 17)`` -> ``17 Oktober 2023`` (datetimes in Asia/Jakarta)."""
    if value is None or value == "":
        return "–"
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        text = f"{value.day} {BULAN[value.month - 1]} {value.year}"
        return f"{text} {value:%H:%M}" if dengan_jam else text
    if isinstance(value, date):
        return f"{value.day} {BULAN[value.month - 1]} {value.year}"
    return str(value)


def tanggal_valid(raw) -> date | None:
    """``raw`` (``YYYY-MM-DD`` from a query string or an ``<input type="date">``) as a date, or
    ``None`` when it is empty or not a real date (``2023-02-30``): a typed-in date never
    breaks the page."""
    if not isinstance(raw, str) or not raw:
        return None
    try:
        return parse_date(raw)
    except ValueError:
        return None


def bulan(nomor: int) -> str:
    return BULAN[int(nomor) - 1]
