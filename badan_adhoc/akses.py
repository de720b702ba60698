"""Who may manage a recruitment and see applicants' NIK.

"Staff of the recruitment" are Admin, Sekretaris, and the Kasubag/Staf of the sub-bagian
Teknis Penyelenggaraan Pemilu, Partisipasi dan Humas (unit kode ``teknis``): they write and
see the full NIK. Every other role reads with the NIK masked and cannot write (403).
"""

from __future__ import annotations

from rest_framework import permissions

from kpu_site.akses import boleh_ubah_unit, pastikan_boleh_ubah_unit

UNIT_PENGELOLA = "teknis"


def boleh_kelola(user) -> bool:
    return boleh_ubah_unit(user, UNIT_PENGELOLA)


class KelolaApi(permissions.BasePermission):
    """The API form of ``boleh_kelola``: reads pass, writes for staff of the recruitment."""

    message = "Hanya Sekretaris, Admin, dan Sub Bagian Teknis yang dapat mengelola rekrutmen."

    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS or boleh_kelola(request.user)


def pastikan_boleh_kelola(user) -> None:
    """Raise 403 unless ``user`` is staff of the recruitment. ``None`` is the system itself
    (management commands, demo data), which is always allowed."""
    pastikan_boleh_ubah_unit(
        user,
        UNIT_PENGELOLA,
        "Hanya Sekretaris, Admin, dan Sub Bagian Teknis yang dapat mengelola rekrutmen.",
    )


def nik_samarkan(nik: str) -> str:
    """``3673015501990001`` -> ``3673**********01``."""
    nik = nik or ""
    if len(nik) <= 6:
        return "*" * len(nik)
    return nik[:4] + "*" * (len(nik) - 6) + nik[-2:]


def nik_untuk(user, nik: str) -> str:
    return nik if boleh_kelola(user) else nik_samarkan(nik)
