"""The buttons a role sees on a realisasi or PK come from the services' own checks
(``realisasi_aksi_boleh``, ``pk_aksi_boleh``): every action offered succeeds, every action
withheld is refused by the service."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja import services
from kinerja.models import PerjanjianKinerja

from .factories import IndikatorFactory, SasaranFactory, TargetTahunanFactory


@pytest.fixture
def indikator(unit_demo):
    return IndikatorFactory(sasaran=SasaranFactory(unit=unit_demo["perencanaan"]))


@pytest.fixture
def diajukan(indikator, staf):
    r = services.realisasi_save(
        indikator=indikator, tahun=2023, periode="tahunan", pengguna=staf, versi=None, nilai="95"
    )
    return services.realisasi_submit(realisasi=r, pengguna=staf)


def _aksi(realisasi, user):
    return services.realisasi_aksi_boleh(realisasi=realisasi, pengguna=user)


def test_each_role_sees_only_the_step_it_may_take(
    diajukan, staf, kasubag, kasubag_keuangan, sekretaris, komisioner
):
    assert _aksi(diajukan, kasubag) == {"verifikasi", "kembalikan"}
    assert _aksi(diajukan, kasubag_keuangan) == set()  # another unit's Kasubag
    assert _aksi(diajukan, staf) == set()
    assert _aksi(diajukan, komisioner) == set()
    with pytest.raises(PermissionDenied):
        services.realisasi_verify(realisasi=diajukan, pengguna=kasubag_keuangan)

    r = services.realisasi_verify(realisasi=diajukan, pengguna=kasubag)
    assert _aksi(r, kasubag) == set()
    assert _aksi(r, sekretaris) == {"setujui", "kembalikan"}
    with pytest.raises(PermissionDenied):
        services.realisasi_approve(realisasi=r, pengguna=kasubag)

    r = services.realisasi_return(realisasi=r, pengguna=sekretaris, catatan="Perbaiki")
    assert _aksi(r, staf) == {"ajukan"}
    assert _aksi(None, staf) == set()


def test_nothing_is_offered_in_a_locked_year(diajukan, kasubag, sekretaris):
    services.tahun_lock(tahun=2023, pengguna=sekretaris)
    assert _aksi(diajukan, kasubag) == set()
    with pytest.raises(ValidationError, match="dikunci"):
        services.realisasi_verify(realisasi=diajukan, pengguna=kasubag)


def test_pk_actions_follow_status_and_role(indikator, sekretaris, staf, staf_lain, komisioner):
    TargetTahunanFactory(indikator=indikator, tahun=2024, target=Decimal("95"))
    pk = services.pk_create(tahun=2024, pengguna=sekretaris, tempat="Serang")

    def aksi(user, ada_draft=False):
        return services.pk_aksi_boleh(perjanjian=pk, pengguna=user, ada_draft=ada_draft)

    assert aksi(sekretaris) == {"ubah", "tandatangani"}
    assert aksi(staf) == {"ubah"}  # planning staff edit the draft, the Sekretaris signs it
    assert aksi(staf_lain) == aksi(komisioner) == set()
    with pytest.raises(PermissionDenied):
        services.pk_sign(perjanjian=pk, pengguna=staf)

    services.pk_update(
        perjanjian=pk, pengguna=sekretaris, pihak_pertama_nama="A", pihak_kedua_nama="B"
    )
    pk = services.pk_sign(perjanjian=pk, pengguna=sekretaris)
    assert pk.status == PerjanjianKinerja.Status.DITANDATANGANI
    assert aksi(sekretaris) == {"perubahan"}
    assert aksi(sekretaris, ada_draft=True) == set()  # one draft revision at a time
    assert aksi(staf_lain) == set()
