"""The Perjanjian Kinerja of each sub-bagian (Kasubag with the Sekretaris): services and the
budget attachment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.models import KunciTahun, PerjanjianKinerjaUnit, PKUnitBaris, TargetIndikatorUnit
from kinerja.selectors_pk_unit import (
    pk_lampiran_anggaran,
    pk_semua_tingkat,
    pk_unit_sasaran_ids,
)
from kinerja.services import pk_unit as svc
from kpu_site.models import JejakAudit

from .pk_unit_dunia import dunia_pk_buat

pytestmark = pytest.mark.django_db


@pytest.fixture
def dunia(unit_demo):
    return dunia_pk_buat(unit_demo)


def _buat(d, pengguna, kode="perencanaan", **kw):
    return svc.pk_unit_create(unit=d.units[kode], tahun=2023, pengguna=pengguna, **kw)


def test_draft_copies_the_tree_targets_and_names_the_signatories(dunia, kasubag):
    pk = _buat(dunia, kasubag, tempat="Serang")
    assert pk.status == "draft" and pk.revisi == 0 and pk.tanggal == date(2023, 1, 2)
    assert pk.pihak_pertama_nama == "Kasubag Perencanaan Uji"
    assert pk.pihak_pertama_jabatan == f"Kepala {dunia.units['perencanaan'].nama}"
    assert pk.pihak_kedua_nama == "Hendro Uji"
    assert [(b.indikator.kode, b.target) for b in pk.baris.all()] == [("IKSB 3.1", Decimal("90"))]
    assert JejakAudit.objects.filter(aksi="buat", keterangan__contains="1 indikator").exists()
    assert pk.history.count() == 1


def test_a_kasubag_post_held_by_nobody_on_the_pk_date_is_refused_naming_tanggal(
    unit_demo, sekretaris
):
    d = dunia_pk_buat(unit_demo, kosong=("teknis",), dengan_dipa=False)
    with pytest.raises(ValidationError) as e:
        _buat(d, sekretaris, "teknis")
    nama = d.jabatan["teknis"].nama
    assert e.value.message_dict["tanggal"] == [
        f"Jabatan {nama} kosong pada 2 Januari 2023; pilih tanggal ketika jabatan itu dipegang "
        "atau catat dulu riwayat jabatannya."
    ]
    assert PerjanjianKinerjaUnit.objects.count() == 0


def test_a_date_before_the_kasubag_took_office_is_refused(dunia, sekretaris):
    with pytest.raises(ValidationError) as e:
        _buat(dunia, sekretaris, tanggal_pk=date(2022, 12, 30))
    assert "kosong pada 30 Desember 2022" in e.value.message_dict["tanggal"][0]


def test_no_cascaded_targets_is_refused_naming_tahun(dunia, sekretaris):
    TargetIndikatorUnit.objects.filter(indikator=dunia.indikator["perencanaan"]).delete()
    with pytest.raises(ValidationError) as e:
        _buat(dunia, sekretaris)
    assert "Belum ada target 2023" in e.value.message_dict["tahun"][0]
    assert PerjanjianKinerjaUnit.objects.count() == 0


def test_the_kasubag_of_another_unit_is_refused(dunia, kasubag_keuangan, kasubag):
    with pytest.raises(PermissionDenied):
        _buat(dunia, kasubag_keuangan, "perencanaan")
    pk = _buat(dunia, kasubag)
    with pytest.raises(PermissionDenied):
        svc.pk_unit_update(perjanjian=pk, pengguna=kasubag_keuangan, tempat="X")
    assert PerjanjianKinerjaUnit.objects.get().tempat == ""


def test_one_pk_per_unit_and_year(dunia, kasubag):
    _buat(dunia, kasubag)
    with pytest.raises(ValidationError) as e:
        _buat(dunia, kasubag)
    assert "sudah ada" in e.value.message_dict["tahun"][0]


def test_only_the_sekretaris_signs_then_it_is_frozen(dunia, kasubag, sekretaris):
    pk = _buat(dunia, kasubag, tempat="Serang")
    baris = pk.baris.get()
    svc.pk_unit_baris_update(baris=baris, pengguna=kasubag, target="92,5")
    assert PKUnitBaris.objects.get().target == Decimal("92.5")
    with pytest.raises(PermissionDenied):
        svc.pk_unit_sign(perjanjian=pk, pengguna=kasubag)
    svc.pk_unit_sign(perjanjian=pk, pengguna=sekretaris)
    pk.refresh_from_db()
    assert pk.status == "ditandatangani" and pk.ditandatangani_oleh == sekretaris
    with pytest.raises(ValidationError, match="dibekukan"):
        svc.pk_unit_update(perjanjian=pk, pengguna=sekretaris, tempat="Lain")
    with pytest.raises(ValidationError, match="dibekukan"):
        svc.pk_unit_baris_update(baris=baris, pengguna=sekretaris, target="80")
    assert PKUnitBaris.objects.get().target == Decimal("92.5")
    assert JejakAudit.objects.filter(aksi="alur").count() == 1
    assert JejakAudit.objects.filter(aksi="ubah", keterangan__startswith="Target IKSB 3.1").exists()
    assert next(h.status for h in PerjanjianKinerjaUnit.history.filter(id=pk.pk)) == (
        "ditandatangani"
    )


def test_signing_needs_the_signature_fields(dunia, kasubag, sekretaris):
    pk = _buat(dunia, kasubag)  # no tempat
    with pytest.raises(ValidationError) as e:
        svc.pk_unit_sign(perjanjian=pk, pengguna=sekretaris)
    assert e.value.messages == ["PK belum dapat ditandatangani: tempat belum diisi."]


def test_a_bad_target_is_refused_naming_the_field(dunia, kasubag):
    pk = _buat(dunia, kasubag)
    with pytest.raises(ValidationError) as e:
        svc.pk_unit_baris_update(baris=pk.baris.get(), pengguna=kasubag, target="90,123")
    assert "3 angka desimal" in e.value.message_dict["target"][0]


def test_revision_needs_a_reason_and_replaces_the_signed_one(dunia, kasubag, sekretaris):
    pk = _buat(dunia, kasubag, tempat="Serang")
    svc.pk_unit_sign(perjanjian=pk, pengguna=sekretaris)
    with pytest.raises(ValidationError) as e:
        svc.pk_unit_perubahan_create(perjanjian=pk, pengguna=kasubag, alasan="  ")
    assert e.value.message_dict["alasan_perubahan"] == ["Alasan perubahan PK wajib diisi."]
    baru = svc.pk_unit_perubahan_create(
        perjanjian=pk, pengguna=kasubag, alasan="Refocusing anggaran"
    )
    assert (baru.revisi, baru.status, baru.baris.count()) == (1, "draft", 1)
    with pytest.raises(ValidationError, match="Sudah ada draft perubahan"):
        svc.pk_unit_perubahan_create(perjanjian=pk, pengguna=kasubag, alasan="Lagi")
    with pytest.raises(ValidationError) as e:
        svc.pk_unit_update(perjanjian=baru, pengguna=kasubag, alasan_perubahan="")
    assert "alasan_perubahan" in e.value.message_dict
    svc.pk_unit_sign(perjanjian=baru, pengguna=sekretaris)
    pk.refresh_from_db()
    assert pk.status == "diganti"
    assert [p.status for p in PerjanjianKinerjaUnit.objects.order_by("revisi")] == [
        "diganti",
        "ditandatangani",
    ]


def test_a_locked_year_accepts_no_change(dunia, kasubag, sekretaris):
    pk = _buat(dunia, kasubag, tempat="Serang")
    KunciTahun.objects.create(tahun=2023)
    for aksi in (
        lambda: svc.pk_unit_update(perjanjian=pk, pengguna=kasubag, tempat="X"),
        lambda: svc.pk_unit_baris_update(baris=pk.baris.get(), pengguna=kasubag, target="1"),
        lambda: svc.pk_unit_sign(perjanjian=pk, pengguna=sekretaris),
        lambda: _buat(dunia, sekretaris, "keuangan"),
    ):
        with pytest.raises(ValidationError) as e:
            aksi()
        assert "sudah dikunci" in e.value.message_dict["tahun"][0]
    assert PerjanjianKinerjaUnit.objects.get().status == "draft"
    assert svc.pk_unit_aksi_boleh(perjanjian=pk, pengguna=sekretaris, ada_draft=True) == set()


def test_actions_offered(dunia, kasubag, sekretaris, kasubag_keuangan, staf):
    pk = _buat(dunia, kasubag, tempat="Serang")
    assert svc.pk_unit_aksi_boleh(perjanjian=pk, pengguna=kasubag, ada_draft=True) == {"ubah"}
    assert svc.pk_unit_aksi_boleh(perjanjian=pk, pengguna=sekretaris, ada_draft=True) == {
        "ubah",
        "tandatangani",
    }
    assert svc.pk_unit_aksi_boleh(perjanjian=pk, pengguna=kasubag_keuangan, ada_draft=True) == set()
    pk = svc.pk_unit_sign(perjanjian=pk, pengguna=sekretaris)
    assert svc.pk_unit_aksi_boleh(perjanjian=pk, pengguna=kasubag, ada_draft=False) == {"perubahan"}


def test_list_of_a_year_shows_every_level_and_units_without_pk(dunia, kasubag, sekretaris):
    pk = _buat(dunia, kasubag, tempat="Serang")
    svc.pk_unit_sign(perjanjian=pk, pengguna=sekretaris)
    baris = pk_semua_tingkat(tahun=2023)
    assert [b.tingkat for b in baris] == ["Sekretaris"] + ["Kepala Sub Bagian"] * 4
    assert baris[0].perjanjian == dunia.pk_sekretaris
    per_unit = {b.unit.kode: b.perjanjian for b in baris[1:]}
    assert per_unit == {"keuangan": None, "teknis": None, "perencanaan": pk, "hukum_sdm": None}


# --------------------------------------------------------------------------- budget attachment


def test_budget_attachment_uses_the_dipa_revision_in_force_on_the_pk_date(dunia):
    sasaran = [dunia.sasaran["keuangan"].pk]
    awal = pk_lampiran_anggaran(tahun=2023, tanggal=date(2023, 1, 2), sasaran_ids=sasaran)
    assert awal["revisi"].nomor == 0
    assert [(b["kode"], b["pagu"]) for b in awal["baris"]] == [
        ("076.01.CQ", Decimal("300000000")),
        ("076.01.CQ.6701", Decimal("300000000")),  # the KRO under it is not counted again
    ]
    assert awal["total"] == Decimal("300000000")
    akhir = pk_lampiran_anggaran(tahun=2023, tanggal=date(2023, 8, 1), sasaran_ids=sasaran)
    assert akhir["revisi"].nomor == 1 and akhir["total"] == Decimal("350000000")


def test_budget_attachment_of_the_sekretaris_pk_sums_every_sasaran(dunia):
    ids = [s.pk for s in dunia.sasaran.values()]
    lampiran = pk_lampiran_anggaran(tahun=2023, tanggal=date(2023, 1, 2), sasaran_ids=ids)
    assert [b["kode"] for b in lampiran["baris"]] == [
        "076.01.CQ",
        "076.01.CQ.6701",
        "076.01.CQ.6702",
    ]
    assert lampiran["total"] == Decimal("500000000")  # 6703 funds no sasaran


def test_budget_attachment_before_the_dipa_and_without_links(dunia, kasubag):
    before = pk_lampiran_anggaran(
        tahun=2023, tanggal=date(2022, 12, 1), sasaran_ids=[dunia.sasaran["keuangan"].pk]
    )
    assert before["baris"] == [] and before["total"] == 0
    assert before["catatan"] == "Belum ada revisi DIPA 2023 yang berlaku pada 1 Desember 2022."
    pk = _buat(dunia, kasubag)
    assert pk_unit_sasaran_ids(perjanjian=pk) == [dunia.sasaran["perencanaan"].pk]
    teknis = pk_lampiran_anggaran(
        tahun=2023, tanggal=date(2023, 1, 2), sasaran_ids=[dunia.sasaran["teknis"].pk]
    )
    assert teknis["baris"] == [] and "Belum ada baris DIPA" in teknis["catatan"]


def test_moving_the_date_to_when_the_post_was_vacant_is_refused(dunia, kasubag):
    pk = _buat(dunia, kasubag, tempat="Serang")
    with pytest.raises(ValidationError) as e:
        svc.pk_unit_update(perjanjian=pk, pengguna=kasubag, tanggal=date(2022, 12, 28))
    assert "kosong pada 28 Desember 2022" in e.value.message_dict["tanggal"][0]
    assert PerjanjianKinerjaUnit.objects.get().tanggal == date(2023, 1, 2)
    svc.pk_unit_update(perjanjian=pk, pengguna=kasubag, tanggal=date(2023, 1, 3))
    assert PerjanjianKinerjaUnit.objects.get().tanggal == date(2023, 1, 3)
