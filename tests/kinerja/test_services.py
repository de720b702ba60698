"""Services of the kinerja app: workflow, locking, validation, evidence, PK revisions."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kinerja import services
from kinerja.models import BuktiDukung, Indikator, PerjanjianKinerja, PKBaris, Realisasi
from kinerja.selectors import pk_beda_renstra_list, pk_berlaku, pk_riwayat
from kpu_site.models import JejakAudit

from .factories import IndikatorFactory, SasaranFactory, TargetTahunanFactory

D = Decimal


@pytest.fixture
def indikator(unit_demo):
    return IndikatorFactory(sasaran=SasaranFactory(unit=unit_demo["perencanaan"]))


def _simpan(indikator, pengguna, nilai="95", versi=None, periode="tahunan", tahun=2023, **kw):
    return services.realisasi_save(
        indikator=indikator,
        tahun=tahun,
        periode=periode,
        pengguna=pengguna,
        versi=versi,
        nilai=nilai,
        **kw,
    )


def test_realisasi_workflow_staf_kasubag_sekretaris(indikator, staf, kasubag, sekretaris):
    r = _simpan(indikator, staf, analisis="Analisis uji")
    assert r.status == Realisasi.Status.DRAFT and r.versi == 1
    r = services.realisasi_submit(realisasi=r, pengguna=staf)
    r = services.realisasi_verify(realisasi=r, pengguna=kasubag)
    r = services.realisasi_approve(realisasi=r, pengguna=sekretaris)
    assert r.status == Realisasi.Status.DISETUJUI
    assert (r.diajukan_oleh, r.diverifikasi_oleh, r.disetujui_oleh) == (staf, kasubag, sekretaris)
    langkah = JejakAudit.objects.filter(aksi="alur", object_id=str(r.pk))
    assert langkah.count() == 3
    assert {j.pengguna for j in langkah} == {staf, kasubag, sekretaris}
    # approved data is locked
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        _simpan(indikator, staf, nilai="96", versi=r.versi)


def test_realisasi_return_with_comment_then_resubmit(indikator, staf, kasubag):
    r = services.realisasi_submit(realisasi=_simpan(indikator, staf), pengguna=staf)
    with pytest.raises(ValidationError, match="catatan"):
        services.realisasi_return(realisasi=r, pengguna=kasubag, catatan="  ")
    r = services.realisasi_return(realisasi=r, pengguna=kasubag, catatan="Lampirkan bukti")
    assert r.status == Realisasi.Status.DIKEMBALIKAN and r.catatan_verifikasi == "Lampirkan bukti"
    r = _simpan(indikator, staf, nilai="97", versi=r.versi)
    assert services.realisasi_submit(realisasi=r, pengguna=staf).status == "diajukan"


def test_realisasi_approval_by_someone_not_allowed(indikator, staf, kasubag, kasubag_keuangan):
    r = services.realisasi_submit(realisasi=_simpan(indikator, staf), pengguna=staf)
    with pytest.raises(PermissionDenied, match="Kasubag"):
        services.realisasi_verify(realisasi=r, pengguna=kasubag_keuangan)
    with pytest.raises(PermissionDenied):
        services.realisasi_verify(realisasi=r, pengguna=staf)
    r = services.realisasi_verify(realisasi=r, pengguna=kasubag)
    with pytest.raises(PermissionDenied, match="Sekretaris"):
        services.realisasi_approve(realisasi=r, pengguna=kasubag)
    r.refresh_from_db()
    assert r.status == Realisasi.Status.DIVERIFIKASI


def test_realisasi_other_unit_staf_refused(indikator, staf_lain, komisioner):
    with pytest.raises(PermissionDenied):
        _simpan(indikator, staf_lain)
    with pytest.raises(PermissionDenied):
        _simpan(indikator, komisioner)
    assert not Realisasi.objects.exists()


def test_realisasi_locked_year_refused(indikator, staf, sekretaris):
    services.tahun_lock(tahun=2023, pengguna=sekretaris)
    with pytest.raises(ValidationError, match="Tahun 2023 sudah dikunci"):
        _simpan(indikator, staf)
    assert not Realisasi.objects.exists()
    with pytest.raises(PermissionDenied):
        services.tahun_lock(tahun=2022, pengguna=staf)


def test_realisasi_wrong_precision_and_unit(indikator, staf, unit_demo):
    with pytest.raises(ValidationError) as e:
        _simpan(indikator, staf, nilai="95.123")
    assert "3 angka desimal" in str(e.value) and "paling banyak 2" in str(e.value)
    orang = IndikatorFactory(
        sasaran=SasaranFactory(unit=unit_demo["perencanaan"]),
        satuan=Indikator.Satuan.ORANG,
        presisi=0,
    )
    with pytest.raises(ValidationError, match="bilangan bulat"):
        _simpan(orang, staf, nilai="12.5")
    with pytest.raises(ValidationError, match="negatif"):
        _simpan(indikator, staf, nilai="-1")
    with pytest.raises(ValidationError, match="Target tahunan"):
        _simpan(indikator, staf, target_periode="50")
    assert not Realisasi.objects.exists()


def test_realisasi_concurrent_second_save_refused(indikator, staf, kasubag):
    r = _simpan(indikator, staf, nilai="90")
    versi_dibuka = r.versi
    _simpan(indikator, kasubag, nilai="91", versi=versi_dibuka)  # first save wins
    with pytest.raises(ValidationError, match="sudah diubah oleh"):
        _simpan(indikator, staf, nilai="92", versi=versi_dibuka)
    r.refresh_from_db()
    assert r.nilai == D("91") and r.versi == 2


def test_realisasi_quarters_aggregate_into_the_year(indikator, staf):
    from kinerja.selectors import capaian_tahun_list

    TargetTahunanFactory(indikator=indikator, tahun=2023, target=D("80"))
    indikator.agregasi = Indikator.Agregasi.RATA_RATA
    indikator.save()
    for tw, nilai in (("tw1", "70"), ("tw2", "80"), ("tw3", "90")):
        _simpan(indikator, staf, nilai=nilai, periode=tw, target_periode="80")
    (baris,) = capaian_tahun_list(tahun=2023)
    assert baris.realisasi == D("80") and baris.hasil.nilai == D("100")
    indikator.agregasi = Indikator.Agregasi.KUMULATIF
    indikator.save()
    (baris,) = capaian_tahun_list(tahun=2023)
    assert baris.realisasi is None and baris.hasil.alasan == "realisasi belum diisi"


def _pdf(nama="bukti.pdf", isi=b"%PDF-1.4\n%uji\n"):
    return SimpleUploadedFile(nama, isi, content_type="application/pdf")


def test_bukti_file_checked_by_content_stored_under_generated_name(
    indikator, staf, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    r = _simpan(indikator, staf)
    bukti = services.bukti_berkas_add(realisasi=r, pengguna=staf, berkas=_pdf())
    assert bukti.jenis_berkas == "pdf" and bukti.nama_asli == "bukti.pdf"
    assert "bukti.pdf" not in bukti.berkas.name and bukti.berkas.name.endswith(".pdf")
    with pytest.raises(ValidationError, match="bukan jenis yang diizinkan"):
        services.bukti_berkas_add(
            realisasi=r, pengguna=staf, berkas=_pdf("laporan.pdf", b"MZ\x90\x00 not a pdf")
        )
    with pytest.raises(ValidationError, match=r"berakhiran \.xlsx"):
        services.bukti_berkas_add(realisasi=r, pengguna=staf, berkas=_pdf("data.xlsx"))
    settings.BATAS_UKURAN_BERKAS = 10
    with pytest.raises(ValidationError, match="melebihi batas"):
        services.bukti_berkas_add(realisasi=r, pengguna=staf, berkas=_pdf())
    assert BuktiDukung.objects.count() == 1


def test_bukti_link_and_locked_after_submit(indikator, staf):
    r = _simpan(indikator, staf)
    with pytest.raises(ValidationError, match="alamat web"):
        services.bukti_tautan_add(realisasi=r, pengguna=staf, tautan="javascript:alert(1)")
    services.bukti_tautan_add(realisasi=r, pengguna=staf, tautan="https://jdih.kpu.go.id/x")
    r = services.realisasi_submit(realisasi=r, pengguna=staf)
    with pytest.raises(ValidationError, match="tidak dapat"):
        services.bukti_tautan_add(realisasi=r, pengguna=staf, tautan="https://example.org")
    assert r.bukti.count() == 1


def test_pk_create_sign_freeze_and_revision(indikator, sekretaris, staf_lain):
    TargetTahunanFactory(indikator=indikator, tahun=2024, target=D("95"))
    with pytest.raises(PermissionDenied):
        services.pk_create(tahun=2024, pengguna=staf_lain)
    pk = services.pk_create(tahun=2024, pengguna=sekretaris, tempat="Serang")
    (baris,) = pk.baris.all()
    assert baris.target == D("95")
    services.pk_baris_update(baris=baris, pengguna=sekretaris, target="97")
    with pytest.raises(ValidationError, match="angka desimal"):
        services.pk_baris_update(baris=baris, pengguna=sekretaris, target="97.555")
    with pytest.raises(ValidationError, match="nama pihak"):
        services.pk_sign(perjanjian=pk, pengguna=sekretaris)
    services.pk_update(
        perjanjian=pk, pengguna=sekretaris, pihak_pertama_nama="A", pihak_kedua_nama="B"
    )
    pk = services.pk_sign(perjanjian=pk, pengguna=sekretaris)
    assert pk.status == PerjanjianKinerja.Status.DITANDATANGANI
    with pytest.raises(ValidationError, match="dibekukan"):
        services.pk_baris_update(baris=PKBaris.objects.get(), pengguna=sekretaris, target="90")
    assert [b.indikator for b in pk_beda_renstra_list(tahun=2024)] == [indikator]
    with pytest.raises(ValidationError, match="Alasan"):
        services.pk_perubahan_create(perjanjian=pk, pengguna=sekretaris, alasan="")
    baru = services.pk_perubahan_create(
        perjanjian=pk, pengguna=sekretaris, alasan="Pergantian pejabat"
    )
    assert baru.revisi == 1 and pk_berlaku(tahun=2024) == pk  # draft does not replace yet
    services.pk_baris_update(baris=baru.baris.get(), pengguna=sekretaris, target="99")
    services.pk_sign(perjanjian=baru, pengguna=sekretaris)
    assert pk_berlaku(tahun=2024) == baru
    assert [p.status for p in pk_riwayat(tahun=2024)] == ["ditandatangani", "diganti"]
    assert PKBaris.objects.get(perjanjian=pk).target == D("97")


def test_pengaturan_capaian_only_sekretaris(sekretaris, kasubag):
    with pytest.raises(PermissionDenied):
        services.pengaturan_capaian_update(
            pengguna=kasubag, batas_atas=100, ambang_tercapai=100, ambang_hampir=85
        )
    with pytest.raises(ValidationError):
        services.pengaturan_capaian_update(
            pengguna=sekretaris, batas_atas=100, ambang_tercapai=80, ambang_hampir=90
        )
    p = services.pengaturan_capaian_update(
        pengguna=sekretaris, batas_atas=110, ambang_tercapai=100, ambang_hampir=90
    )
    assert p.batas_atas == 110


def test_realisasi_verified_returned_only_by_sekretaris(indikator, staf, kasubag, sekretaris):
    r = services.realisasi_submit(realisasi=_simpan(indikator, staf), pengguna=staf)
    r = services.realisasi_verify(realisasi=r, pengguna=kasubag)
    with pytest.raises(PermissionDenied, match="Sekretaris"):
        services.realisasi_return(realisasi=r, pengguna=kasubag, catatan="ubah")
    r = services.realisasi_return(realisasi=r, pengguna=sekretaris, catatan="Analisis kurang")
    assert r.status == Realisasi.Status.DIKEMBALIKAN
    with pytest.raises(ValidationError, match="diverifikasi"):
        services.realisasi_approve(realisasi=r, pengguna=sekretaris)


def test_bukti_file_name_longer_than_its_column_is_refused_not_cut(
    indikator, staf, settings, tmp_path
):
    """Issue 16: a name longer than its field is refused with the limit, never cut (a browser
    upload's name is already cut to 255 by Django's UploadedFile; a file handed to the service
    otherwise, as here, is not)."""
    from django.core.files.base import ContentFile

    settings.MEDIA_ROOT = tmp_path
    r = _simpan(indikator, staf)
    berkas = ContentFile(b"%PDF-1.4\n%uji\n", name="a" * 296 + ".pdf")
    with pytest.raises(ValidationError) as galat:
        services.bukti_berkas_add(realisasi=r, pengguna=staf, berkas=berkas)
    assert galat.value.message_dict == {
        "berkas": [
            "Nama berkas terlalu panjang: paling banyak 255 karakter (tertulis 300). "
            "Ganti nama berkasnya lalu unggah lagi."
        ]
    }
    assert BuktiDukung.objects.count() == 0


def test_pk_of_a_locked_year_is_frozen_draft_signed_or_revision(indikator, sekretaris):
    from kinerja.models import KunciTahun
    from kinerja.services.perencanaan import pk_aksi_boleh

    TargetTahunanFactory(indikator=indikator, tahun=2024, target=D("95"))
    TargetTahunanFactory(indikator=indikator, tahun=2023, target=D("90"))
    draft = services.pk_create(tahun=2024, pengguna=sekretaris, tempat="Serang")
    services.pk_update(
        perjanjian=draft, pengguna=sekretaris, pihak_pertama_nama="A", pihak_kedua_nama="B"
    )
    KunciTahun.objects.create(tahun=2024)
    KunciTahun.objects.create(tahun=2023)
    pesan = "Tahun 2024 sudah dikunci; Perjanjian Kinerja tidak dapat diubah."
    for coba in (
        lambda: services.pk_update(perjanjian=draft, pengguna=sekretaris, tempat="Cilegon"),
        lambda: services.pk_baris_update(baris=draft.baris.get(), pengguna=sekretaris, target="96"),
        lambda: services.pk_sign(perjanjian=draft, pengguna=sekretaris),
    ):
        with pytest.raises(ValidationError) as e:
            coba()
        assert e.value.message_dict == {"tahun": [pesan]}
    with pytest.raises(ValidationError) as e:
        services.pk_create(tahun=2023, pengguna=sekretaris)
    assert e.value.message_dict["tahun"] == [pesan.replace("2024", "2023")]
    assert pk_aksi_boleh(perjanjian=draft, pengguna=sekretaris, ada_draft=True) == frozenset()
    draft.refresh_from_db()
    assert (draft.status, draft.tempat, draft.baris.get().target) == ("draft", "Serang", D("95"))
    assert not PerjanjianKinerja.objects.filter(tahun=2023).exists()


def test_signing_a_revision_records_who_replaced_the_earlier_one(indikator, sekretaris):
    """The shared life cycle (``_dasar.revisi_berlakukan``): the PK in force becomes 'diganti'
    in its history with the reason and the Sekretaris who signed the next revision; the next
    revision number follows the highest one (``revisi_berikut``)."""
    from kinerja.services._dasar import revisi_berikut

    assert revisi_berikut(PerjanjianKinerja.objects.filter(tahun=2024)) == 0
    TargetTahunanFactory(indikator=indikator, tahun=2024, target=D("95"))
    pk = services.pk_create(tahun=2024, pengguna=sekretaris, tempat="Serang")
    services.pk_update(
        perjanjian=pk, pengguna=sekretaris, pihak_pertama_nama="A", pihak_kedua_nama="B"
    )
    pk = services.pk_sign(perjanjian=pk, pengguna=sekretaris)
    baru = services.pk_perubahan_create(perjanjian=pk, pengguna=sekretaris, alasan="Mutasi")
    assert revisi_berikut(PerjanjianKinerja.objects.filter(tahun=2024)) == 2
    services.pk_sign(perjanjian=baru, pengguna=sekretaris)
    terakhir = pk.history.latest()
    assert terakhir.status == "diganti"
    assert terakhir.history_change_reason == "Diganti oleh PK 2024 (perubahan ke-1)"
    assert terakhir.history_user == sekretaris
