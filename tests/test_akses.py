"""The shared access helpers (``kpu_site.akses``): one rule for "may this user write the data
of sub-bagian X" and one queryset scope to the user's unit, and the apps' one-line wrappers
naming their owning sub-bagian."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from anggaran.akses import boleh_kunci, boleh_tulis
from badan_adhoc.akses import boleh_kelola
from kinerja.services import boleh_kelola_perencanaan, boleh_tandatangani_pk
from kpu_site.akses import boleh_ubah_unit, pastikan_boleh_ubah_unit, saring_unit
from kpu_site.peran import Peran, is_pimpinan
from sekretariat.models import Jabatan
from sekretariat.selectors import pegawai_boleh_ubah

# (role, the user's unit kode) -> may write the data of "perencanaan" / of "keuangan"
KASUS = [
    (Peran.ADMIN, None, True, True),
    (Peran.SEKRETARIS, None, True, True),
    (Peran.KASUBAG, "perencanaan", True, False),
    (Peran.STAF, "perencanaan", True, False),
    (Peran.KASUBAG, "keuangan", False, True),
    (Peran.STAF, "keuangan", False, True),
    (Peran.KOMISIONER, None, False, False),
    (Peran.AUDITOR, None, False, False),
]


@pytest.mark.parametrize(("peran", "unit_kode", "perencanaan", "keuangan"), KASUS)
def test_boleh_ubah_unit_by_role_and_unit(
    pengguna_buat, unit_demo, peran, unit_kode, perencanaan, keuangan
):
    user = pengguna_buat(f"{peran.lower()}.{unit_kode}", peran, unit_kode)
    # the unit as an object, as its pk, and as its kode all answer the same
    for unit in (unit_demo["perencanaan"], unit_demo["perencanaan"].pk, "perencanaan"):
        assert boleh_ubah_unit(user, unit) is perencanaan, unit
    for unit in (unit_demo["keuangan"], unit_demo["keuangan"].pk, "keuangan"):
        assert boleh_ubah_unit(user, unit) is keuangan, unit


def test_boleh_ubah_unit_refuses_anonymous_nobody_and_a_record_without_unit(staf):
    assert boleh_ubah_unit(AnonymousUser(), "perencanaan") is False
    assert boleh_ubah_unit(None, "perencanaan") is False
    assert boleh_ubah_unit(staf, None) is False


def test_pastikan_boleh_ubah_unit_names_the_reason_and_lets_the_system_through(staf, kasubag):
    with pytest.raises(PermissionDenied, match="Hanya Sub Bagian Keuangan"):
        pastikan_boleh_ubah_unit(staf, "keuangan", "Hanya Sub Bagian Keuangan.")
    pastikan_boleh_ubah_unit(kasubag, "perencanaan", "tidak terpakai")
    pastikan_boleh_ubah_unit(None, "keuangan", "tidak terpakai")  # management command, demo


@pytest.mark.parametrize(
    ("peran", "unit_kode", "anggaran", "adhoc", "pegawai", "perencanaan"),
    [
        (Peran.ADMIN, None, True, True, True, True),
        (Peran.SEKRETARIS, None, True, True, True, True),
        (Peran.STAF, "keuangan", True, False, False, False),
        (Peran.KASUBAG, "teknis", False, True, False, False),
        (Peran.STAF, "hukum_sdm", False, False, True, False),
        (Peran.KASUBAG, "perencanaan", False, False, False, True),
        (Peran.KOMISIONER, None, False, False, False, False),
        (Peran.AUDITOR, None, False, False, False, False),
    ],
)
def test_each_app_names_its_owning_sub_bagian(
    pengguna_buat, peran, unit_kode, anggaran, adhoc, pegawai, perencanaan
):
    user = pengguna_buat(f"{peran.lower()}.{unit_kode}", peran, unit_kode)
    assert boleh_tulis(user) is anggaran
    assert boleh_kelola(user) is adhoc
    assert pegawai_boleh_ubah(user) is pegawai
    assert boleh_kelola_perencanaan(user) is perencanaan


@pytest.fixture
def jabatan(unit_demo):
    """Two jabatan of Perencanaan and one of Keuangan."""
    for nama, kode in [
        ("Analis", "perencanaan"),
        ("Pranata", "perencanaan"),
        ("Bendahara", "keuangan"),
    ]:
        Jabatan.objects.create(nama=nama, jenis="pelaksana", unit=unit_demo[kode])
    return Jabatan.objects.order_by("nama")


def _nama(qs) -> list[str]:
    return sorted(qs.values_list("nama", flat=True))


def test_saring_unit_keeps_a_kasubag_or_staf_to_their_own_unit(jabatan, staf, kasubag_keuangan):
    assert _nama(saring_unit(jabatan, staf)) == ["Analis", "Pranata"]
    assert _nama(saring_unit(jabatan, kasubag_keuangan)) == ["Bendahara"]


def test_saring_unit_follows_a_lookup_path(jabatan, staf_keuangan):
    from sekretariat.models import UnitOrganisasi

    units = UnitOrganisasi.objects.filter(jabatan__isnull=False).distinct()
    assert list(saring_unit(units, staf_keuangan, "pk").values_list("kode", flat=True)) == [
        "keuangan"
    ]


def test_saring_unit_leaves_every_row_to_the_roles_without_a_unit(
    jabatan, admin_user, sekretaris, komisioner, auditor
):
    for user in (admin_user, sekretaris, komisioner, auditor):
        assert _nama(saring_unit(jabatan, user)) == ["Analis", "Bendahara", "Pranata"], user


def test_saring_unit_gives_nothing_to_a_staf_without_unit(jabatan, staf):
    staf.unit = None  # an inconsistent account (the user form refuses it) sees nothing
    assert _nama(saring_unit(jabatan, staf)) == []


@pytest.mark.parametrize(("peran", "unit_kode", "perencanaan", "keuangan"), KASUS)
def test_is_pimpinan_is_the_sekretaris_and_the_admin_only(
    pengguna_buat, peran, unit_kode, perencanaan, keuangan
):
    user = pengguna_buat(f"{peran.lower()}.{unit_kode}", peran, unit_kode)
    # the approvals, locks and settings reserved to them: the same answer in each app
    pimpinan = peran in (Peran.ADMIN, Peran.SEKRETARIS)
    assert is_pimpinan(user) is pimpinan
    assert boleh_kunci(user) is pimpinan
    assert boleh_tandatangani_pk(user) is pimpinan
    assert is_pimpinan(AnonymousUser()) is False
