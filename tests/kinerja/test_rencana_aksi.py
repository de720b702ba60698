"""Rencana Aksi and its quarterly monitoring: who writes, bad input, signing, freezing, year
lock, audit trail, and the monitoring's figures from the verified quarterly realisasi."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.models import (
    AksiRencana,
    KunciTahun,
    MonitoringBaris,
    MonitoringRencanaAksi,
    PerjanjianKinerja,
    Realisasi,
    RencanaAksi,
)
from kinerja.selectors_rencana_aksi import monitoring_baris_hitung, monitoring_belum_lengkap
from kinerja.services import rencana_aksi as ra
from kpu_site.models import JejakAudit

from .factories import (
    IndikatorFactory,
    PerjanjianKinerjaFactory,
    PKBarisFactory,
    SasaranFactory,
)

D = Decimal


@pytest.fixture
def pk(unit_demo):
    """A signed PK 2023 with one line of Perencanaan (IK P) and one of Keuangan (IK K)."""
    perjanjian = PerjanjianKinerjaFactory(status=PerjanjianKinerja.Status.DITANDATANGANI)
    for kode, unit in (("IK P", "perencanaan"), ("IK K", "keuangan")):
        ind = IndikatorFactory(kode=kode, sasaran=SasaranFactory(unit=unit_demo[unit]))
        PKBarisFactory(perjanjian=perjanjian, indikator=ind, target=D("90"))
    return perjanjian


def _baris(pk, kode):
    return pk.baris.get(indikator__kode=kode)


def _realisasi(pk, kode, periode="tw1", nilai="40", status="diverifikasi", **kw):
    return Realisasi.objects.create(
        indikator=_baris(pk, kode).indikator,
        tahun=2023,
        periode=periode,
        nilai=D(nilai),
        status=status,
        **kw,
    )


# --------------------------------------------------------------------------- Rencana Aksi


def test_kasubag_drafts_own_unit_line_only(pk, kasubag_keuangan, staf_keuangan):
    rencana = ra.rencana_aksi_simpan(
        baris=_baris(pk, "IK K"), pengguna=kasubag_keuangan, target_tw1="20", target_tw4="90"
    )
    assert (rencana.unit.kode, rencana.target_tw1, rencana.target_tw4) == (
        "keuangan",
        D("20"),
        D("90"),
    )
    assert JejakAudit.objects.filter(aksi="buat", object_id=str(rencana.pk)).exists()
    with pytest.raises(PermissionDenied, match="Rencana aksi IK P disusun oleh Kasubag"):
        ra.rencana_aksi_simpan(baris=_baris(pk, "IK P"), pengguna=kasubag_keuangan)
    with pytest.raises(PermissionDenied, match="IK K"):
        ra.rencana_aksi_simpan(baris=_baris(pk, "IK K"), pengguna=staf_keuangan)
    assert RencanaAksi.objects.count() == 1


def test_kasubag_cannot_hand_line_to_another_unit(pk, kasubag_keuangan, unit_demo):
    with pytest.raises(PermissionDenied):
        ra.rencana_aksi_simpan(
            baris=_baris(pk, "IK K"), pengguna=kasubag_keuangan, unit=unit_demo["perencanaan"]
        )
    assert RencanaAksi.objects.count() == 0


def test_perencanaan_and_sekretaris_write_every_line(pk, kasubag, sekretaris):
    ra.rencana_aksi_simpan(baris=_baris(pk, "IK K"), pengguna=kasubag, target_tw1="10")
    ra.rencana_aksi_simpan(baris=_baris(pk, "IK P"), pengguna=sekretaris, target_tw2="10")
    assert RencanaAksi.objects.count() == 2


def test_bad_targets_name_the_field_and_write_nothing(pk, sekretaris):
    with pytest.raises(ValidationError) as e:
        ra.rencana_aksi_simpan(
            baris=_baris(pk, "IK P"), pengguna=sekretaris, target_tw1="abc", target_tw3="-1"
        )
    assert e.value.message_dict == {
        "target_tw1": ["Target TW I 'abc' bukan angka."],
        "target_tw3": ["Target TW III tidak boleh negatif."],
    }
    with pytest.raises(ValidationError, match=r"Target TW IV 1\.500% tidak masuk akal"):
        ra.rencana_aksi_simpan(baris=_baris(pk, "IK P"), pengguna=sekretaris, target_tw4="1500")
    assert RencanaAksi.objects.count() == 0


def test_aksi_rules(pk, sekretaris, kasubag_keuangan):
    rencana = ra.rencana_aksi_simpan(baris=_baris(pk, "IK P"), pengguna=sekretaris)
    with pytest.raises(ValidationError) as e:
        ra.aksi_tambah(rencana=rencana, pengguna=sekretaris, triwulan="tw5", uraian=" ")
    assert e.value.message_dict == {
        "triwulan": ["Triwulan 'tw5' tidak dikenal (tw1–tw4)."],
        "uraian": ["Uraian aksi wajib diisi."],
    }
    with pytest.raises(PermissionDenied):
        ra.aksi_tambah(rencana=rencana, pengguna=kasubag_keuangan, triwulan="tw1", uraian="x")
    aksi = ra.aksi_tambah(rencana=rencana, pengguna=sekretaris, triwulan="tw1", uraian="Rapat")
    assert AksiRencana.objects.count() == 1
    ra.aksi_hapus(aksi=aksi, pengguna=sekretaris)
    assert AksiRencana.objects.count() == 0
    assert JejakAudit.objects.filter(aksi="hapus").exists()


def test_replaced_pk_and_locked_year_are_refused(pk, sekretaris):
    with pytest.raises(ValidationError, match="Tahun 2023 sudah dikunci"):
        KunciTahun.objects.create(tahun=2023)
        ra.rencana_aksi_simpan(baris=_baris(pk, "IK P"), pengguna=sekretaris)
    KunciTahun.objects.all().delete()
    pk.status = PerjanjianKinerja.Status.DIGANTI
    pk.save()
    with pytest.raises(ValidationError, match="sudah diganti revisi berikutnya"):
        ra.rencana_aksi_simpan(baris=_baris(pk, "IK P"), pengguna=sekretaris)
    assert RencanaAksi.objects.count() == 0


# --------------------------------------------------------------------------- monitoring


def test_monitoring_from_verified_realisasi_and_incomplete_quarter(pk, sekretaris):
    ra.rencana_aksi_simpan(baris=_baris(pk, "IK P"), pengguna=sekretaris, target_tw1="25")
    _realisasi(pk, "IK P", nilai="20", kendala="Data terlambat", solusi="Jadwal ulang")
    _realisasi(pk, "IK K", nilai="30", status="diajukan", target_periode=D("30"))
    baris = {b.indikator.kode: b for b in monitoring_baris_hitung(tahun=2023, triwulan="tw1")}
    assert (baris["IK P"].target, baris["IK P"].realisasi) == (D("25"), D("20"))
    assert baris["IK P"].hasil.dibulatkan() == D("80.00")
    assert baris["IK K"].lengkap is False and baris["IK K"].realisasi is None
    assert monitoring_belum_lengkap(baris=list(baris.values())) == ["IK K"]

    m = ra.monitoring_buat(tahun=2023, triwulan="tw1", pengguna=sekretaris)
    mb = m.baris.get(indikator__kode="IK P")
    assert (mb.kendala, mb.tindak_lanjut) == ("Data terlambat", "Jadwal ulang")
    with pytest.raises(ValidationError) as e:
        ra.monitoring_tandatangani(monitoring=m, pengguna=sekretaris)
    assert e.value.messages == [
        "Monitoring rencana aksi TW I 2023 belum lengkap: realisasi TW I IK K belum diisi atau "
        "belum diverifikasi."
    ]
    m.refresh_from_db()
    assert m.status == "draft"


def test_sign_freezes_figures_then_revision_with_reason(pk, sekretaris, kasubag):
    _realisasi(pk, "IK P", nilai="20", target_periode=D("25"))
    r = _realisasi(pk, "IK K", nilai="30", status="disetujui", target_periode=D("30"))
    m = ra.monitoring_buat(tahun=2023, triwulan="tw1", pengguna=kasubag)
    with pytest.raises(PermissionDenied, match="Hanya Sekretaris"):
        ra.monitoring_tandatangani(monitoring=m, pengguna=kasubag)
    ra.monitoring_baris_update(
        baris=m.baris.get(indikator__kode="IK K"), pengguna=kasubag, tindak_lanjut="Percepat"
    )
    m = ra.monitoring_tandatangani(monitoring=m, pengguna=sekretaris)
    assert m.status == "ditandatangani"
    assert JejakAudit.objects.filter(aksi="alur", object_id=str(m.pk)).exists()
    # frozen: the figures kept at signing, even if the realisasi changes later
    Realisasi.objects.filter(pk=r.pk).update(nilai=D("1"))
    baris = {
        b.indikator.kode: b
        for b in monitoring_baris_hitung(tahun=2023, triwulan="tw1", monitoring=m)
    }
    assert baris["IK K"].realisasi == D("30")
    with pytest.raises(ValidationError, match="dibekukan; buat perubahan dengan alasan"):
        ra.monitoring_baris_update(
            baris=m.baris.get(indikator__kode="IK K"), pengguna=sekretaris, kendala="x"
        )
    with pytest.raises(ValidationError) as e:
        ra.monitoring_perubahan(monitoring=m, pengguna=sekretaris, alasan="  ")
    assert e.value.message_dict == {
        "alasan_perubahan": ["Alasan perubahan monitoring wajib diisi."]
    }
    baru = ra.monitoring_perubahan(monitoring=m, pengguna=sekretaris, alasan="Koreksi data")
    assert (baru.revisi, baru.status) == (1, "draft")
    assert baru.baris.get(indikator__kode="IK K").tindak_lanjut == "Percepat"
    with pytest.raises(ValidationError, match="Sudah ada draft perubahan"):
        ra.monitoring_perubahan(monitoring=m, pengguna=sekretaris, alasan="Lagi")
    Realisasi.objects.filter(pk=r.pk).update(nilai=D("29"))
    ra.monitoring_tandatangani(monitoring=baru, pengguna=sekretaris)
    m.refresh_from_db()
    assert m.status == "diganti"
    assert MonitoringBaris.objects.get(monitoring=baru, indikator__kode="IK K").realisasi == D("29")


def test_monitoring_bad_input_and_access(pk, sekretaris, staf_keuangan, kasubag_keuangan):
    with pytest.raises(ValidationError) as e:
        ra.monitoring_buat(tahun=2023, triwulan="tw9", pengguna=sekretaris)
    assert e.value.message_dict == {"triwulan": ["Triwulan 'tw9' tidak dikenal (tw1–tw4)."]}
    with pytest.raises(ValidationError) as e:
        ra.monitoring_buat(tahun=2019, triwulan="tw1", pengguna=sekretaris)
    assert e.value.message_dict == {"tahun": ["Belum ada Perjanjian Kinerja tahun 2019."]}
    with pytest.raises(PermissionDenied):
        ra.monitoring_buat(tahun=2023, triwulan="tw1", pengguna=staf_keuangan)
    m = ra.monitoring_buat(tahun=2023, triwulan="tw1", pengguna=sekretaris)
    with pytest.raises(ValidationError, match="TW I 2023 sudah ada"):
        ra.monitoring_buat(tahun=2023, triwulan="tw1", pengguna=sekretaris)
    with pytest.raises(PermissionDenied):
        ra.monitoring_baris_update(
            baris=m.baris.get(indikator__kode="IK P"), pengguna=kasubag_keuangan, kendala="x"
        )
    with pytest.raises(ValidationError) as e:
        ra.monitoring_baris_update(
            baris=m.baris.get(indikator__kode="IK K"), pengguna=kasubag_keuangan, target="1"
        )
    assert e.value.message_dict == {"target": ["Kolom ini tidak dapat diubah."]}
    KunciTahun.objects.create(tahun=2023)
    with pytest.raises(ValidationError, match="Tahun 2023 sudah dikunci"):
        ra.monitoring_baris_update(
            baris=m.baris.get(indikator__kode="IK K"), pengguna=kasubag_keuangan, kendala="x"
        )
    assert MonitoringRencanaAksi.objects.count() == 1
