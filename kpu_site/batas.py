"""The limits the database has, checked before a value reaches it.

PostgreSQL refuses a string longer than its ``varchar(n)``, a number outside its integer type or
a decimal with more digits than its ``numeric(p, s)`` (SQLite silently stores them). A service,
an API serializer and an import check a value here first, so the user gets an Indonesian message
naming the field instead of a 500 (or, on SQLite, a value PostgreSQL would later refuse).

- ``batas_model_periksa(model, data)``: the messages per field of ``data`` (field name -> value)
  against ``model``'s fields; ``batas_model_pastikan`` raises Django's ``ValidationError``.
- ``id_param(raw)``: a query parameter as a primary key (``None`` when it is not one), for
  ``?unit=…``/``?rekrutmen=…`` filters that must never overflow the database's bigint.
- ``tahun_periksa(nilai)``: the message for a year outside 2000–2100 (``kpu_site.tahun``);
  ``tahun_pastikan(nilai, field)`` raises it as ``ValidationError({field: ...})``.
- ``simpan_pastikan``: connected to ``pre_save`` of every model of the project's apps (by
  ``KpuSiteConfig.ready``), so every service's ``save()``/``objects.create()`` is checked here,
  one place, before PostgreSQL could refuse the row (``bulk_create``/``update`` are not: the
  imports check their rows themselves).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from .formatting import angka
from .tahun import TAHUN_MAX, TAHUN_MIN

# The ranges PostgreSQL has for Django's integer fields (SQLite's are wider; we keep to these).
_RENTANG_BILANGAN = {
    "SmallIntegerField": (-32768, 32767),
    "PositiveSmallIntegerField": (0, 32767),
    "IntegerField": (-2147483648, 2147483647),
    "PositiveIntegerField": (0, 2147483647),
    "BigIntegerField": (-9223372036854775808, 9223372036854775807),
    "PositiveBigIntegerField": (0, 9223372036854775807),
    "AutoField": (1, 2147483647),
    "BigAutoField": (1, 9223372036854775807),
    "SmallAutoField": (1, 32767),
}
BIGINT_MAX = 9223372036854775807


def rentang_bilangan(field: models.Field) -> tuple[int, int] | None:
    """The (min, max) a PostgreSQL column of this integer field holds; ``None`` otherwise."""
    return _RENTANG_BILANGAN.get(field.get_internal_type())


def batas_field_periksa(field: models.Field, nilai) -> str | None:
    """The message when ``nilai`` does not fit ``field``'s column, else ``None``."""
    if nilai is None or nilai == "" or hasattr(nilai, "resolve_expression"):
        # an F() or other expression is computed by the database, not checked here
        return None
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    max_length = getattr(field, "max_length", None)
    if (
        max_length
        and isinstance(field, models.CharField | models.TextField)
        and len(str(nilai)) > max_length
    ):
        return (
            f"terlalu panjang: paling banyak {angka(max_length)} karakter "
            f"(tertulis {angka(len(str(nilai)))})."
        )
    rentang = rentang_bilangan(field)
    if rentang is not None:
        try:
            bilangan = int(nilai)
        except (TypeError, ValueError, OverflowError):
            return "harus bilangan bulat."
        rendah, tinggi = rentang
        if not rendah <= bilangan <= tinggi:
            return f"di luar batas: harus antara {angka(rendah)} dan {angka(tinggi)}."
    if isinstance(field, models.DecimalField):
        try:
            bilangan = Decimal(str(nilai))
        except InvalidOperation:
            return "harus berupa angka."
        if not bilangan.is_finite():
            return "harus berupa angka."
        bulat = field.max_digits - field.decimal_places
        _, digits, exponent = bilangan.as_tuple()
        digit_bulat = max(len(digits) + exponent, 0) if bilangan else 0
        if digit_bulat > bulat:
            return f"terlalu besar: paling banyak {bulat} digit sebelum koma."
    return None


def batas_model_periksa(model, data: dict) -> dict[str, str]:
    """``{field: message}`` for every value of ``data`` (by field name or attname) that does not
    fit ``model``'s column; keys that are not concrete fields are ignored."""
    fields = {}
    for field in model._meta.concrete_fields:
        fields[field.name] = field
        fields[field.attname] = field
    salah = {}
    for nama, nilai in data.items():
        field = fields.get(nama)
        if field is None or isinstance(nilai, models.Model):
            continue
        pesan = batas_field_periksa(field, nilai)
        if pesan:
            salah[nama] = pesan
    return salah


def batas_model_pastikan(model, data: dict) -> None:
    """``ValidationError({field: message})`` when a value of ``data`` does not fit ``model``."""
    salah = batas_model_periksa(model, data)
    if salah:
        raise ValidationError({nama: [pesan] for nama, pesan in salah.items()})


def batas_objek_pastikan(obj: models.Model) -> None:
    """``batas_model_pastikan`` over every concrete field of an unsaved or changed object."""
    data = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    batas_model_pastikan(type(obj), data)


def id_param(raw) -> int | None:
    """A query parameter as a primary key: a positive integer that fits a bigint, else ``None``
    (a filter by an id that cannot exist finds nothing instead of overflowing)."""
    teks = str(raw or "").strip()
    if not teks.isdigit() or len(teks) > 19:
        return None
    nilai = int(teks)
    return nilai if 0 < nilai <= BIGINT_MAX else None


def tahun_pastikan(nilai, field: str = "tahun") -> None:
    """``ValidationError({field: message})`` for a year outside 2000–2100."""
    pesan = tahun_periksa(nilai)
    if pesan:
        raise ValidationError({field: [pesan]})


@cache
def _di_proyek(path: str) -> bool:
    """Under ``BASE_DIR`` and not an installed package: a checkout's own ``.venv`` lies under
    ``BASE_DIR`` too (``make`` creates it there), with django-axes and the rest inside."""
    lokasi = Path(path).resolve()
    return lokasi.is_relative_to(Path(settings.BASE_DIR).resolve()) and not any(
        bagian in ("site-packages", "dist-packages") for bagian in lokasi.parts
    )


def _app_proyek(app_config) -> bool:
    """Is this one of the project's own apps (its code under ``BASE_DIR``), not Django's or a
    package's, nor a migration's historical state (no ``path``)?"""
    path = getattr(app_config, "path", None)
    return path is not None and _di_proyek(path)


def simpan_pastikan(sender, instance, raw=False, **kwargs) -> None:
    """``pre_save`` receiver: ``batas_objek_pastikan`` for a row of the project's apps (fixture
    loading, ``raw``, and the history rows, copies of checked rows, are skipped)."""
    if raw or hasattr(sender, "instance_type") or not _app_proyek(sender._meta.app_config):
        return
    batas_objek_pastikan(instance)


def tahun_periksa(nilai) -> str | None:
    """The message for a year outside the app's range (2000–2100), else ``None``."""
    try:
        bilangan = int(nilai)
    except (TypeError, ValueError, OverflowError):
        return "tahun harus bilangan bulat."
    if not TAHUN_MIN <= bilangan <= TAHUN_MAX:
        return f"tahun harus antara {TAHUN_MIN} dan {TAHUN_MAX} (tertulis {nilai})."
    return None
