"""What the domain apps register for the shared layer to compose.

``kpu_site`` is the ground floor: it imports no domain app. Where it composes them it looks up
a module of a known name in each app of ``DOMAIN_APPS`` (in that order) and reads its
attributes:

- ``<app>/navigasi.py``: ``MENU`` and ``JUDUL`` (the menu, ``kpu_site.navigasi``),
  ``HALAMAN_TAHUN`` and the year-bearing models ``TAHUN_BERDATA``, ``TAHUN_AWAL``,
  ``TAHUN_KUNCI`` (the year switcher, ``kpu_site.tahun``);
- ``<app>/dasbor.py``: ``PANEL``, ``TUGAS`` and ``TUGAS_UNIT`` (the home page,
  ``kpu_site.dasbor``);
- ``<app>/demo.py``: ``muat(*, stdout)`` (``kpu_site.demo``);
- ``<app>/api.py``: ``register(router)`` (``kpu_site.urls``);
- ``<app>/urls_publik.py``: ``urlpatterns``, the pages without login under ``/publik/`` in the
  ``publik`` namespace (``kpu_site.urls``).

An app without such a module takes no part; an import error inside the module is not hidden.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from types import ModuleType

from .peran import DOMAIN_APPS


@cache
def modul_app(nama: str) -> tuple[tuple[str, ModuleType], ...]:
    """``(app, module)`` for every domain app that has a module ``<app>.<nama>``."""
    hasil = []
    for app in DOMAIN_APPS:
        try:
            hasil.append((app, import_module(f"{app}.{nama}")))
        except ModuleNotFoundError as exc:
            if exc.name != f"{app}.{nama}":
                raise
    return tuple(hasil)


def atribut_app(nama: str, atribut: str) -> list:
    """The values of ``atribut`` in every ``<app>.<nama>`` that defines it, in app order."""
    return [
        getattr(module, atribut) for _app, module in modul_app(nama) if hasattr(module, atribut)
    ]
