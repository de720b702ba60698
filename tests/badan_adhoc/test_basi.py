"""A service given a row loaded before another request changed it (what a page submitted a
moment after a colleague's sees) decides on the row as it is now, and never writes back the
old values of fields it did not change."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from badan_adhoc.models import AnggotaBadan, KlarifikasiParpol, Pendaftar
from badan_adhoc.services import anggota_jabatan_set, klarifikasi_decide, nilai_set

from .test_penetapan import ditetapkan, pps_diseleksi  # noqa: F401 - fixtures
from .test_seleksi import siap_diseleksi  # noqa: F401 - fixture


def test_nilai_set_keeps_the_score_a_colleague_entered_meanwhile(pps_diseleksi, staf_teknis):  # noqa: F811
    dibuka = Pendaftar.objects.get(nama="Calon 03")  # the interviewer's page, opened first
    nilai_set(
        pendaftar=Pendaftar.objects.get(pk=dibuka.pk),
        nilai_cat=Decimal("81.5"),
        pengguna=staf_teknis,
    )
    nilai_set(pendaftar=dibuka, nilai_wawancara=Decimal("77"), pengguna=staf_teknis)
    p = Pendaftar.objects.get(pk=dibuka.pk)
    assert (p.nilai_cat, p.nilai_wawancara) == (Decimal("81.50"), Decimal("77.00"))


def test_klarifikasi_decided_meanwhile_is_not_decided_again(siap_diseleksi, staf_teknis):  # noqa: F811
    k = KlarifikasiParpol.objects.get()
    assert k.status == KlarifikasiParpol.Status.DITERIMA  # accepted by the fixture
    k.status = KlarifikasiParpol.Status.DIAJUKAN  # what the second page loaded earlier
    with pytest.raises(ValidationError) as exc:
        klarifikasi_decide(klarifikasi=k, terima=False, catatan="Surat palsu", pengguna=staf_teknis)
    assert exc.value.messages == ["Klarifikasi ini sudah diputuskan."]
    k = KlarifikasiParpol.objects.get()
    assert (k.status, k.catatan_keputusan) == (KlarifikasiParpol.Status.DITERIMA, "")


def test_jabatan_of_a_member_who_left_meanwhile_is_refused(ditetapkan, staf_teknis):  # noqa: F811
    dibuka = AnggotaBadan.objects.get(nama="Calon 00")
    AnggotaBadan.objects.filter(pk=dibuka.pk).update(
        status=AnggotaBadan.Status.BERHENTI,
        tanggal_berhenti=date(2023, 6, 20),
        alasan_berhenti="mengundurkan diri",
    )
    with pytest.raises(ValidationError) as exc:
        anggota_jabatan_set(anggota=dibuka, jabatan="ketua", pengguna=staf_teknis)
    assert "sudah berhenti" in exc.value.messages[0]
    assert AnggotaBadan.objects.get(pk=dibuka.pk).jabatan != "ketua"
