"""Demo data orchestration: ``python manage.py muat_demo``.

Each domain app may provide ``<app>/demo.py`` with ``muat(*, stdout)``; they run in the order
of ``DOMAIN_APPS`` (sekretariat first: the others hang on its units), then the demo accounts
are created, then each app's optional ``muat_akhir(*, stdout, lkj_final)`` (what needs every
app's data and the accounts). Every step is idempotent: running the command twice changes nothing.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from .peran import Peran
from .registri import modul_app

KATA_SANDI_DEMO = "demo-kpu-2023"

# (username, role, unit kode, first name, last name)
AKUN_DEMO = [
    ("admin", Peran.ADMIN, None, "Admin", "Sistem"),
    ("sekretaris", Peran.SEKRETARIS, None, "Hendro", "Sulistyo"),
    ("kasubag.perencanaan", Peran.KASUBAG, "perencanaan", "Kasubag", "Perencanaan"),
    ("staf.perencanaan", Peran.STAF, "perencanaan", "Staf", "Perencanaan"),
    ("kasubag.keuangan", Peran.KASUBAG, "keuangan", "Kasubag", "Keuangan"),
    ("staf.keuangan", Peran.STAF, "keuangan", "Staf", "Keuangan"),
    ("kasubag.teknis", Peran.KASUBAG, "teknis", "Kasubag", "Teknis"),
    ("staf.teknis", Peran.STAF, "teknis", "Staf", "Teknis"),
    ("kasubag.sdm", Peran.KASUBAG, "hukum_sdm", "Kasubag", "Hukum dan SDM"),
    ("staf.sdm", Peran.STAF, "hukum_sdm", "Staf", "Hukum dan SDM"),
    ("komisioner", Peran.KOMISIONER, None, "Komisioner", "KPU"),
    ("auditor", Peran.AUDITOR, None, "Auditor", "Inspektorat"),
]


def akun_demo_create() -> list[tuple[str, str, str]]:
    """Create or update the demo accounts; returns (username, role, unit) rows."""
    user_model = get_user_model()
    unit_model = user_model._meta.get_field("unit").related_model  # sekretariat's units
    rows = []
    for username, peran, unit_kode, first, last in AKUN_DEMO:
        unit = unit_model.objects.get(kode=unit_kode) if unit_kode else None
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "unit": unit},
        )
        changed = False
        for attr, value in (("first_name", first), ("last_name", last), ("unit", unit)):
            if getattr(user, attr) != value:
                setattr(user, attr, value)
                changed = True
        is_admin = peran == Peran.ADMIN
        if user.is_superuser != is_admin or user.is_staff != is_admin:
            user.is_superuser = user.is_staff = is_admin
            changed = True
        if created or not user.check_password(KATA_SANDI_DEMO):
            user.set_password(KATA_SANDI_DEMO)
            changed = True
        if changed:
            user.save()
        group = Group.objects.get(name=peran.value)
        if list(user.groups.all()) != [group]:
            user.groups.set([group])
        rows.append((username, peran.label, unit.nama if unit else "–"))
    return rows


@transaction.atomic
def muat(*, stdout, lkj_final: bool = True) -> list[tuple[str, str, str]]:
    """Every app's ``muat``, the demo accounts, then every app's ``muat_akhir`` if it has one
    (the steps that need the other apps' data and the accounts: the LKj, its review and
    publication, the LKE). ``lkj_final=False`` leaves the LKj 2023 a reviewed draft, so that its
    finalisation can be tried (``muat_demo --lkj-draf``)."""
    moduls = modul_app("demo")
    for _app, module in moduls:
        module.muat(stdout=stdout)
    rows = akun_demo_create()
    for _app, module in moduls:
        if hasattr(module, "muat_akhir"):
            module.muat_akhir(stdout=stdout, lkj_final=lkj_final)
    return rows
