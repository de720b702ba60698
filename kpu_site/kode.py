"""Codes a person never reads: the label of a code an app stores (a screening reason such as
``nik_tidak_valid``, a key of a batch summary in the audit trail), shown wherever the code
would otherwise reach a page.

Each domain app that stores such codes lists them in ``<app>/kode.py`` as ``LABEL`` (code ->
label; ``kpu_site.registri``); ``kode_label`` reads them all. Templates use the builtin filter
``{{ kode|kode_label }}`` (``kpu_site.templatetags.format_id``). A code no app lists is shown
as it is.
"""

from __future__ import annotations

from functools import cache

from .registri import atribut_app


@cache
def _label() -> dict[str, object]:
    hasil: dict[str, object] = {}
    for label in atribut_app("kode", "LABEL"):
        hasil.update(label)
    return hasil


def kode_label(kode) -> str:
    """``"nik_tidak_valid"`` -> ``"NIK tidak valid"``; an unknown code comes back as it is."""
    return str(_label().get(str(kode), kode))
