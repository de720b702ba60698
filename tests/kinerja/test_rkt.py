"""Rencana Kinerja Tahunan (issue 17, item 3): composing from the Renstra, changing a row with
its reason, setting (frozen), revisions, who writes, the year lock, the audit trail, the PK
copying its targets from the RKT and the LKj pre-flight finding."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from kinerja import selectors_rkt
from kinerja.lkj.preflight import lkj_preflight, rkt_temuan
from kinerja.model_rkt import RencanaKinerjaTahunan, RKTBaris
from kinerja.models import Indikator, KunciTahun, PerjanjianKinerja
from kinerja.services import perencanaan, rkt
from kpu_site.models import JejakAudit

from .factories import (
    IndikatorFactory,
    RenstraFactory,
    SasaranFactory,
    TargetTahunanFactory,
    TujuanFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def dunia(unit_demo):
    renstra = RenstraFactory()
    tujuan = TujuanFactory(renstra=renstra)
    a = IndikatorFactory(sasaran=SasaranFactory(tujuan=tujuan, unit=unit_demo["perencanaan"]))
    b = IndikatorFactory(
        sasaran=SasaranFactory(tujuan=tujuan, unit=unit_demo["keuangan"]),
        arah=Indikator.Arah.RENTANG,
    )
    TargetTahunanFactory(indikator=a, tahun=2023, target=Decimal("95"))
    TargetTahunanFactory(indikator=b, tahun=2023, target=Decimal("80"), target_atas=Decimal("90"))
    return {"renstra": renstra, "a": a, "b": b}


def _baris(r, indikator) -> RKTBaris:
    return r.baris.get(indikator=indikator)


def _tetapkan(r, pengguna, **ubah):
    data = {
        "nomor": "5/PL.01-Kpt/3673/2023",
        "tanggal_penetapan": dt.date(2023, 1, 5),
        "tempat": "Serang",
    }
    data.update(ubah)
    return rkt.rkt_tetapkan(rkt=r, pengguna=pengguna, **data)


def test_rkt_create_copies_renstra_targets(dunia, kasubag):
    r = rkt.rkt_create(tahun=2023, pengguna=kasubag)
    a = _baris(r, dunia["a"])
    assert (a.target, a.target_renstra, a.alasan_perubahan) == (Decimal("95"), Decimal("95"), "")
    b = _baris(r, dunia["b"])
    assert (b.target, b.target_atas, b.target_renstra_atas) == (80, 90, 90)
    assert r.status == "draft"
    assert JejakAudit.objects.filter(keterangan__startswith="Draft RKT 2023 disusun").exists()


def test_rkt_create_refuses_year_without_renstra_or_targets(dunia, kasubag):
    with pytest.raises(ValidationError) as e:
        rkt.rkt_create(tahun=2026, pengguna=kasubag)
    assert e.value.message_dict == {"tahun": ["Belum ada Renstra yang mencakup tahun 2026."]}
    with pytest.raises(ValidationError) as e:
        rkt.rkt_create(tahun=2024, pengguna=kasubag)
    assert e.value.message_dict["tahun"] == [
        "Renstra 2020–2024 belum memuat target indikator untuk tahun 2024."
    ]
    assert RencanaKinerjaTahunan.objects.count() == 0


def test_rkt_create_twice_refused(dunia, kasubag):
    rkt.rkt_create(tahun=2023, pengguna=kasubag)
    with pytest.raises(ValidationError) as e:
        rkt.rkt_create(tahun=2023, pengguna=kasubag)
    assert "RKT 2023 sudah ada" in e.value.message_dict["tahun"][0]


@pytest.mark.parametrize("persona", ["staf_lain", "kasubag_keuangan", "komisioner", "auditor"])
def test_rkt_writers_only_perencanaan_and_sekretaris(dunia, persona, request):
    with pytest.raises(PermissionDenied):
        rkt.rkt_create(tahun=2023, pengguna=request.getfixturevalue(persona))
    assert RencanaKinerjaTahunan.objects.count() == 0


def test_rkt_baris_update_needs_reason_when_differs_from_renstra(dunia, staf):
    r = rkt.rkt_create(tahun=2023, pengguna=staf)
    baris = _baris(r, dunia["a"])
    with pytest.raises(ValidationError) as e:
        rkt.rkt_baris_update(baris=baris, pengguna=staf, target="97,5")
    assert e.value.message_dict == {
        "alasan_perubahan": [
            f"Target {dunia['a'].kode} berbeda dari target Renstra (95,00%); alasan perubahan "
            "wajib diisi."
        ]
    }
    baris.refresh_from_db()
    assert baris.target == Decimal("95")
    baris = rkt.rkt_baris_update(
        baris=baris, pengguna=staf, target="97,5", alasan_perubahan="Pemilu 2024: beban naik"
    )
    baris.refresh_from_db()
    assert (baris.target, baris.alasan_perubahan) == (Decimal("97.5"), "Pemilu 2024: beban naik")
    # back to the Renstra target: the reason is dropped
    baris = rkt.rkt_baris_update(baris=baris, pengguna=staf, target="95", alasan_perubahan="x")
    assert baris.alasan_perubahan == ""


def test_rkt_baris_update_checks_target_pair(dunia, staf):
    r = rkt.rkt_create(tahun=2023, pengguna=staf)
    with pytest.raises(ValidationError) as e:
        rkt.rkt_baris_update(
            baris=_baris(r, dunia["b"]),
            pengguna=staf,
            target="80",
            target_atas="70",
            alasan_perubahan="x",
        )
    assert e.value.message_dict == {
        "target_atas": ["Batas atas tidak boleh lebih kecil dari batas bawah."]
    }
    with pytest.raises(ValidationError) as e:
        rkt.rkt_baris_update(baris=_baris(r, dunia["a"]), pengguna=staf, target="9,123")
    assert "3 angka desimal" in e.value.message_dict["target"][0]


def test_rkt_row_reason_constraint_in_database(dunia, staf):
    r = rkt.rkt_create(tahun=2023, pengguna=staf)
    with pytest.raises(IntegrityError), transaction.atomic():
        RKTBaris.objects.filter(pk=_baris(r, dunia["a"]).pk).update(target=Decimal("99"))


def test_rkt_tetapkan_only_sekretaris_then_frozen(dunia, kasubag, sekretaris):
    r = rkt.rkt_create(tahun=2023, pengguna=kasubag)
    with pytest.raises(PermissionDenied):
        _tetapkan(r, kasubag)
    with pytest.raises(ValidationError) as e:
        _tetapkan(r, sekretaris, nomor=" ")
    assert e.value.message_dict == {"nomor": ["Nomor penetapan RKT wajib diisi."]}
    r = _tetapkan(r, sekretaris)
    assert (r.status, r.ditetapkan_oleh) == ("ditetapkan", sekretaris)
    with pytest.raises(ValidationError) as e:
        rkt.rkt_baris_update(
            baris=_baris(r, dunia["a"]), pengguna=kasubag, target="90", alasan_perubahan="x"
        )
    assert "RKT 2023 sudah ditetapkan dan dibekukan" in e.value.messages[0]
    assert _baris(r, dunia["a"]).target == Decimal("95")


def test_rkt_perubahan_copies_and_replaces(dunia, kasubag, sekretaris):
    r0 = _tetapkan(rkt.rkt_create(tahun=2023, pengguna=kasubag), sekretaris)
    with pytest.raises(ValidationError) as e:
        rkt.rkt_perubahan_create(rkt=r0, pengguna=kasubag, alasan="  ")
    assert e.value.message_dict == {"alasan_perubahan": ["Alasan perubahan RKT wajib diisi."]}
    r1 = rkt.rkt_perubahan_create(rkt=r0, pengguna=kasubag, alasan="Refocusing anggaran")
    assert (r1.revisi, r1.status, r1.baris.count()) == (1, "draft", 2)
    with pytest.raises(ValidationError):
        rkt.rkt_perubahan_create(rkt=r0, pengguna=kasubag, alasan="lagi")
    rkt.rkt_baris_update(
        baris=_baris(r1, dunia["a"]), pengguna=kasubag, target="90", alasan_perubahan="Refocusing"
    )
    _tetapkan(r1, sekretaris, nomor="9/2023", tanggal_penetapan=dt.date(2023, 6, 1))
    r0.refresh_from_db()
    assert r0.status == "diganti"
    assert selectors_rkt.rkt_ditetapkan(tahun=2023).pk == r1.pk
    assert [x.revisi for x in selectors_rkt.rkt_riwayat(tahun=2023)] == [1, 0]


def test_rkt_revision_without_reason_refused_by_database(dunia, kasubag):
    with pytest.raises(IntegrityError), transaction.atomic():
        RencanaKinerjaTahunan.objects.create(tahun=2023, revisi=1, status="ditetapkan")


def test_rkt_year_lock(dunia, kasubag, sekretaris):
    r = rkt.rkt_create(tahun=2023, pengguna=kasubag)
    KunciTahun.objects.create(tahun=2023)
    with pytest.raises(ValidationError) as e:
        rkt.rkt_baris_update(baris=_baris(r, dunia["a"]), pengguna=kasubag, target="95")
    assert e.value.message_dict == {
        "tahun": ["Tahun 2023 sudah dikunci; RKT tahun itu tidak dapat diubah."]
    }
    with pytest.raises(ValidationError):
        _tetapkan(r, sekretaris)
    assert rkt.rkt_aksi_boleh(rkt=r, pengguna=sekretaris, ada_draft=True) == frozenset()


def test_pk_create_copies_targets_from_ditetapkan_rkt(dunia, kasubag, sekretaris):
    r = rkt.rkt_create(tahun=2023, pengguna=kasubag)
    rkt.rkt_baris_update(
        baris=_baris(r, dunia["a"]), pengguna=kasubag, target="97,25", alasan_perubahan="Pemilu"
    )
    _tetapkan(r, sekretaris)
    pk = perencanaan.pk_create(tahun=2023, pengguna=kasubag)
    assert pk.baris.get(indikator=dunia["a"]).target == Decimal("97.25")
    b = pk.baris.get(indikator=dunia["b"])
    assert (b.target, b.target_atas) == (Decimal("80"), Decimal("90"))
    assert selectors_rkt.pk_sumber_target(perjanjian=pk).pesan == (
        "Target PK disalin dari RKT 2023 yang ditetapkan (sama)."
    )
    assert JejakAudit.objects.filter(
        keterangan="Draft PK 2023 dibuat dengan 2 indikator dari RKT 2023."
    ).exists()


def test_pk_create_from_renstra_while_rkt_only_draft(dunia, kasubag):
    r = rkt.rkt_create(tahun=2023, pengguna=kasubag)
    rkt.rkt_baris_update(
        baris=_baris(r, dunia["a"]), pengguna=kasubag, target="97,25", alasan_perubahan="Pemilu"
    )
    pk = perencanaan.pk_create(tahun=2023, pengguna=kasubag)
    assert pk.baris.get(indikator=dunia["a"]).target == Decimal("95")
    assert selectors_rkt.pk_sumber_target(perjanjian=pk).pesan == (
        "RKT 2023 belum ditetapkan; target PK disalin dari target Renstra tahun 2023."
    )


def test_preflight_rkt_finding(dunia, kasubag, sekretaris):
    pk = perencanaan.pk_create(tahun=2023, pengguna=kasubag)
    assert rkt_temuan(2023) == []  # no RKT kept in the app at all: nothing to say
    r = rkt.rkt_create(tahun=2023, pengguna=kasubag)
    temuan = rkt_temuan(2023)
    assert [(t.jenis, t.pesan, t.wajib) for t in temuan] == [
        ("rkt", "RKT 2023 belum ditetapkan.", False)
    ]
    assert temuan[0] in lkj_preflight(tahun=2023)
    rkt.rkt_baris_update(
        baris=_baris(r, dunia["a"]), pengguna=kasubag, target="97", alasan_perubahan="Pemilu"
    )
    _tetapkan(r, sekretaris)
    temuan = rkt_temuan(2023)
    assert [(t.pesan, t.wajib) for t in temuan] == [
        (
            f"Target PK 2023 berbeda dari RKT 2023 pada indikator {dunia['a'].kode} tanpa "
            "alasan perubahan PK.",
            True,
        )
    ]
    # a PK revision with a reason explains the difference
    PerjanjianKinerja.objects.filter(pk=pk.pk).update(revisi=1, alasan_perubahan="Refocusing")
    assert rkt_temuan(2023) == []
