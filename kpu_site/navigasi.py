"""The navigation bar, built per user from each app's ``<app>/navigasi.py``.

An app's module defines ``MENU``: a list of ``Menu`` entries. An entry is shown when the user
holds its permission (or one of its roles) and its URL exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse

from .peran import Peran, peran_of
from .registri import modul_app


@dataclass(frozen=True)
class Menu:
    label: str
    url_name: str
    perm: str | None = None
    peran: frozenset[str] = field(default_factory=frozenset)

    def visible_to(self, user) -> bool:
        if self.peran and peran_of(user) not in self.peran:
            return False
        return not self.perm or user.has_perm(self.perm)


MENU_INTI = [
    Menu("Jejak Audit", "audit_list", perm="kpu_site.view_jejakaudit"),
    Menu("Status Layanan", "status_layanan", peran=frozenset({Peran.ADMIN})),
    Menu("Admin Django", "admin:index", peran=frozenset({Peran.ADMIN})),
    Menu("Dokumentasi API", "api_docs"),
]


def _app_menus() -> list[tuple[str, list[Menu]]]:
    sections = []
    for app, module in modul_app("navigasi"):
        sections.append((getattr(module, "JUDUL", app.title()), list(module.MENU)))
    sections.append(("Sistem", MENU_INTI))
    return sections


def menu_for(user) -> list[dict]:
    """``[{"judul": "Kinerja", "items": [{"label":..., "url":...}, ...]}, ...]`` for the user."""
    if not user.is_authenticated:
        return []
    result = []
    for judul, entries in _app_menus():
        items = []
        for entry in entries:
            if not entry.visible_to(user):
                continue
            try:
                items.append({"label": entry.label, "url": reverse(entry.url_name)})
            except NoReverseMatch:
                continue
        if items:
            result.append({"judul": judul, "items": items})
    return result
