"""A status's label and colour, in one place: the model's choices.

A ``TextChoices`` whose values are shown as a badge derives from ``PilihanBerwarna`` and names
each value's Bootstrap colour (``text-bg-<warna>``) and, where lists show a shorter text, its
short label::

    class Status(PilihanBerwarna):
        MS = "ms", _("Memenuhi syarat")
        TMS = "tms", _("Tidak memenuhi syarat")

        WARNA = nonmember({"ms": "success", "tms": "danger"})
        SINGKAT = nonmember({"ms": "MS", "tms": "TMS"})

Templates show it with ``{% status_badge obj %}`` (``kpu_site.templatetags.status``), never with
``{% if obj.status == ... %}``.
"""

from __future__ import annotations

from enum import nonmember
from functools import cache

from django.db import models

__all__ = ["PilihanBerwarna", "nonmember", "pilihan_field"]

WARNA_BAWAAN = "secondary"


class PilihanBerwarna(models.TextChoices):
    """``TextChoices`` with a badge colour (``WARNA``) and optional short label (``SINGKAT``)
    per value."""

    @property
    def warna(self) -> str:
        return getattr(type(self), "WARNA", {}).get(self.value, WARNA_BAWAAN)

    @property
    def singkat(self) -> str:
        return getattr(type(self), "SINGKAT", {}).get(self.value, self.label)


@cache
def pilihan_field(model: type[models.Model], field: str) -> type[PilihanBerwarna]:
    """The ``PilihanBerwarna`` class declared on ``model`` (or a parent) whose values are the
    choices of ``field``."""
    nilai = [v for v, _label in model._meta.get_field(field).flatchoices]
    for kelas in model.__mro__:
        for atribut in vars(kelas).values():
            if (
                isinstance(atribut, type)
                and issubclass(atribut, PilihanBerwarna)
                and atribut.values == nilai
            ):
                return atribut
    raise LookupError(f"{model.__name__}.{field} has no PilihanBerwarna choices")
