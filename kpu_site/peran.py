"""Roles (Django groups) and the permissions each one carries.

The groups are created by the data migration ``kpu_site/0002_peran``. Their permissions are
declared here once and re-applied after every ``migrate`` (post_migrate), so a model added by a
later app is covered by the policy without a hand-written migration per model.

Policy (the README's access matrix follows from it):

- Admin: every permission (manages accounts and reference data).
- Sekretaris: reads and writes all domain data, approves (``setujui_*``) and finalises reports.
- Kasubag: reads everything, writes its own sub-bagian's data, verifies it (``verifikasi_*``).
- Staf: reads everything, writes its own sub-bagian's data.
- Komisioner: reads everything (dashboards, reports); changes nothing.
- Auditor: reads everything, the audit trail and final reports; changes nothing.

Which *records* a Kasubag or Staf may write is decided by the selectors/services through the
user's ``unit`` (their sub-bagian); the group only says which *kinds* of record.
"""

from __future__ import annotations

from django.db.models import TextChoices

DOMAIN_APPS = ("sekretariat", "kinerja", "anggaran", "badan_adhoc")


class Peran(TextChoices):
    ADMIN = "Admin", "Admin"
    SEKRETARIS = "Sekretaris", "Sekretaris"
    KASUBAG = "Kasubag", "Kepala Sub Bagian"
    STAF = "Staf", "Staf"
    KOMISIONER = "Komisioner", "Komisioner"
    AUDITOR = "Auditor", "Auditor"


#: Roles whose user belongs to exactly one sub-bagian.
PERAN_BERUNIT = frozenset({Peran.KASUBAG, Peran.STAF})
#: The Sekretaris (and the Admin): write every unit's data, approve, sign, lock and finalise.
PERAN_PIMPINAN = frozenset({Peran.ADMIN, Peran.SEKRETARIS})

_BACA = ("view",)
_TULIS = ("view", "add", "change")
_PENUH = ("view", "add", "change", "delete")

# role -> {app_label: actions on every model of the app}
KEBIJAKAN_MODEL: dict[str, dict[str, tuple[str, ...]]] = {
    Peran.SEKRETARIS: {app: _PENUH for app in DOMAIN_APPS} | {"kpu_site": _BACA},
    Peran.KASUBAG: {
        "sekretariat": _TULIS,
        "kinerja": _TULIS,
        "anggaran": _TULIS,
        "badan_adhoc": _TULIS,
    },
    Peran.STAF: {
        "sekretariat": _TULIS,
        "kinerja": _TULIS,
        "anggaran": _TULIS,
        "badan_adhoc": _TULIS,
    },
    Peran.KOMISIONER: {app: _BACA for app in DOMAIN_APPS},
    Peran.AUDITOR: {app: _BACA for app in DOMAIN_APPS} | {"kpu_site": _BACA},
}

# role -> custom permission codenames ("app_label.codename") beyond add/change/delete/view.
# Apps declare their custom permissions in their models' Meta and list the holders here.
KEBIJAKAN_KHUSUS: dict[str, tuple[str, ...]] = {
    Peran.SEKRETARIS: (
        "kinerja.setujui_realisasi",
        "kinerja.verifikasi_realisasi",
        "kinerja.finalisasi_laporan",
        "anggaran.setujui_pelampauan",
        "anggaran.verifikasi_output",
        "sekretariat.kelola_satker",
    ),
    # a Kasubag's verification of output realisasi is narrowed to Keuangan by anggaran.akses
    Peran.KASUBAG: ("kinerja.verifikasi_realisasi", "anggaran.verifikasi_output"),
    Peran.AUDITOR: ("kpu_site.view_jejakaudit", "kinerja.nilai_evaluator_lke"),
}

# Models only Admin writes (login accounts).
HANYA_ADMIN_TULIS = frozenset({"sekretariat.pengguna"})

# Models no Staf/Kasubag may write even within their app (organisation master data is kept by
# Admin/Sekretaris; Kasubag/Staf Hukum dan SDM keep pegawai records via the unit rule).
HANYA_BACA_UNTUK_UNIT = frozenset(
    {
        "sekretariat.satker",
        "sekretariat.unitorganisasi",
        "sekretariat.pengguna",
        "sekretariat.komisioner",
        "sekretariat.divisi",
        "sekretariat.jabatan",
    }
)


def peran_permissions(peran: str, permissions) -> list:
    """The Permission rows the role should hold, out of ``permissions`` (a queryset)."""
    if peran == Peran.ADMIN:
        return list(permissions)
    wanted_apps = KEBIJAKAN_MODEL.get(peran, {})
    khusus = set(KEBIJAKAN_KHUSUS.get(peran, ()))
    chosen = []
    for perm in permissions:
        app_label = perm.content_type.app_label
        model = perm.content_type.model
        action = perm.codename.split("_", 1)[0]
        key = f"{app_label}.{perm.codename}"
        if key in khusus:
            chosen.append(perm)
            continue
        actions = wanted_apps.get(app_label)
        if not actions or action not in actions or perm.codename != f"{action}_{model}":
            continue
        if action != "view" and (
            model.startswith("historical") or f"{app_label}.{model}" in HANYA_ADMIN_TULIS
        ):
            continue  # history is written by the system only; accounts by Admin only
        if (
            peran in PERAN_BERUNIT
            and action != "view"
            and f"{app_label}.{model}" in HANYA_BACA_UNTUK_UNIT
        ):
            continue
        chosen.append(perm)
    return chosen


def peran_sync(*, group_model=None, permission_model=None) -> None:
    """Create the six groups if missing and give each exactly the permissions of the policy."""
    from django.contrib.auth.models import Group, Permission

    group_model = group_model or Group
    permission_model = permission_model or Permission
    permissions = permission_model.objects.select_related("content_type")
    for peran in Peran:
        group, _ = group_model.objects.get_or_create(name=peran.value)
        group.permissions.set(peran_permissions(peran.value, permissions))


def peran_sync_after_migrate(sender, **kwargs) -> None:
    # kpu_site is the last installed app: by its turn every app's permissions exist.
    if getattr(sender, "name", None) != "kpu_site":
        return
    peran_sync()


def peran_of(user) -> str | None:
    """The role of a user (the name of their group), cached on the user object."""
    if user is None or not user.is_authenticated:
        return None
    cached = getattr(user, "_peran_cache", None)
    if cached is not None:
        return cached or None
    if user.is_superuser:
        value = Peran.ADMIN.value
    else:
        names = {g.name for g in user.groups.all()}
        value = next((p.value for p in Peran if p.value in names), "")
    user._peran_cache = value
    return value or None


def is_pimpinan(user) -> bool:
    """Is ``user`` the Sekretaris or the Admin (``PERAN_PIMPINAN``)? The one check for the
    approvals, signatures, locks and settings reserved to them."""
    return peran_of(user) in PERAN_PIMPINAN


def has_peran(user, *peran: str) -> bool:
    return peran_of(user) in {str(p) for p in peran}


def peran_unit_periksa(*, peran: str | None, unit) -> None:
    """A Kasubag or Staf belongs to exactly one sub-bagian; the other roles to none.

    Raises ``ValidationError`` (on the ``unit`` field) when the pair does not fit.
    """
    from django.core.exceptions import ValidationError

    if peran in PERAN_BERUNIT and unit is None:
        raise ValidationError(
            {"unit": f"Pengguna dengan peran {peran} harus ditempatkan pada satu sub bagian."}
        )
    if peran not in PERAN_BERUNIT and unit is not None:
        raise ValidationError(
            {
                "unit": f"Pengguna dengan peran {peran or 'tanpa peran'} tidak ditempatkan pada sub bagian; kosongkan isian ini."
            }
        )
