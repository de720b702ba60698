"""Access checks shared by HTML views and the API.

- Views: ``IzinMixin`` = login required + Django model permission(s) + optional roles. An
  authenticated user without the permission gets 403; anonymous users go to the login page.
- Records of a sub-bagian: ``boleh_ubah_unit(user, unit)`` is the one rule for "may this user
  write the data of sub-bagian X" (Admin, Sekretaris, or the Kasubag/Staf of X); an app owned
  by one sub-bagian (anggaran: keuangan, badan_adhoc: teknis, pegawai: hukum_sdm, Renstra/PK:
  perencanaan) passes that unit's kode. ``saring_unit(qs, user, field)`` narrows a queryset
  to the rows of a Kasubag/Staf's own unit; selectors filter with it, so another unit's
  record is a 404.
- API: ``IzinModelApi`` maps HTTP methods to the model's view/add/change/delete permissions.
"""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from rest_framework import permissions

from .peran import PERAN_BERUNIT, PERAN_PIMPINAN, peran_of


def boleh_ubah_unit(user, unit) -> bool:
    """May ``user`` write the data of sub-bagian ``unit``? The one statement of the rule.

    Admin and Sekretaris: every unit. Kasubag/Staf: only their own unit. Komisioner, Auditor,
    a user without a role, and anonymous: none. ``unit`` is a ``UnitOrganisasi``, its pk, or
    its ``kode`` (a ``str``, for apps owned by one sub-bagian, e.g. ``"keuangan"``).
    """
    peran = peran_of(user)
    if peran in PERAN_PIMPINAN:
        return True
    if peran not in PERAN_BERUNIT or unit is None or user.unit_id is None:
        return False
    if isinstance(unit, str):
        return user.unit.kode == unit
    return user.unit_id == getattr(unit, "pk", unit)


def pastikan_boleh_ubah_unit(user, unit, pesan: str) -> None:
    """Raise ``PermissionDenied(pesan)`` unless ``boleh_ubah_unit(user, unit)``. ``user=None``
    is the system itself (management commands, demo data), which is always allowed."""
    if user is not None and not boleh_ubah_unit(user, unit):
        raise PermissionDenied(pesan)


def saring_unit(qs: QuerySet, user, field: str = "unit") -> QuerySet:
    """``qs`` narrowed to the rows of the user's unit (``field`` is the lookup path to the
    owning unit, e.g. ``"indikator__sasaran__unit"``) for a Kasubag/Staf; unchanged for the
    roles that see every unit. A Kasubag/Staf without a unit sees nothing."""
    if peran_of(user) not in PERAN_BERUNIT:
        return qs
    if user.unit_id is None:
        return qs.none()
    return qs.filter(**{field: user.unit_id})


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
