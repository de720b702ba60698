"""Access checks shared by HTML views and the API.

- Views: ``IzinMixin`` = login required + Django model permission(s) + optional roles. An
  authenticated user without the permission gets 403; anonymous users go to the login page.
- Records of a sub-bagian: ``unit_pengguna(user)`` is the unit a Kasubag/Staf is limited to
  (``None`` for roles that see and act on every unit); selectors filter with it, so another
  unit's record is a 404.
- API: ``IzinModelApi`` maps HTTP methods to the model's view/add/change/delete permissions.
"""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from rest_framework import permissions

from .peran import PERAN_BERUNIT, peran_of


def unit_pengguna(user):
    """The sub-bagian whose data the user may write, or ``None`` if not limited to one."""
    if peran_of(user) in PERAN_BERUNIT:
        return user.unit
    return None


def boleh_ubah_unit(user, unit) -> bool:
    """May the user write data owned by ``unit``? (Kasubag/Staf: only their own.)"""
    if peran_of(user) in PERAN_BERUNIT:
        return unit is not None and user.unit_id == getattr(unit, "pk", unit)
    return True


class IzinMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """Login + permission(s). ``peran_diizinkan`` optionally narrows to some roles."""

    permission_required: str | tuple[str, ...] = ()
    peran_diizinkan: frozenset[str] | None = None
    raise_exception = False

    def has_permission(self) -> bool:
        if (
            self.peran_diizinkan is not None
            and peran_of(self.request.user) not in self.peran_diizinkan
        ):
            return False
        if not self.permission_required:
            return True
        return super().has_permission()

    def handle_no_permission(self):
        if self.request.user.is_authenticated:
            raise PermissionDenied("Anda tidak memiliki hak akses ke halaman ini.")
        return super().handle_no_permission()


class IzinModelApi(permissions.DjangoModelPermissions):
    """Model permissions for the API, reads included (``view_<model>`` for GET)."""

    perms_map = {
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "OPTIONS": [],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "POST": ["%(app_label)s.add_%(model_name)s"],
        "PUT": ["%(app_label)s.change_%(model_name)s"],
        "PATCH": ["%(app_label)s.change_%(model_name)s"],
        "DELETE": ["%(app_label)s.delete_%(model_name)s"],
    }
