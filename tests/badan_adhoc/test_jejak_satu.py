"""Every workflow event on an applicant is ONE audit entry with its action and summary, for an
applicant entered by staff (a history row to compare with) and for one imported in bulk (no
history row before the event): not a history entry plus an explicit one, and not none."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from badan_adhoc.forms import TahapanFormSet
from badan_adhoc.models import AnggotaBadan, Pendaftar, Wilayah
from badan_adhoc.services import (
    anggota_parpol_import,
    klarifikasi_decide,
    klarifikasi_upload,
    nilai_set,
    paw_create,
    pendaftar_create,
    pendaftar_override,
    pendaftar_screen,
    pendaftar_update,
    rekrutmen_create,
    tahapan_save,
)
from badan_adhoc.services.berkas import berkas_status_set
from kpu_site.models import JejakAudit

from .conftest import berkas, data_tambahan
from .test_penetapan import ditetapkan, pps_diseleksi  # noqa: F401 (fixtures)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
NIK_SIPOL = "3673019999990099"  # "Orang Lain" of anggota_parpol.csv


def _data(p: Pendaftar, **ubah) -> dict:
    data = {
        "nik": p.nik,
        "nama": p.nama,
        "jenis_kelamin": p.jenis_kelamin,
        "tempat_lahir": p.tempat_lahir,
        "tanggal_lahir": p.tanggal_lahir,
        "pendidikan": p.pendidikan,
        "kode_domisili": p.kode_domisili,
        "alamat": p.alamat,
        "no_hp": p.no_hp,
        "email": p.email,
        "wilayah_tujuan": p.wilayah_tujuan,
    }
    return {**data, **ubah}


@pytest.fixture
def pendaftar_dua(diseleksi, staf_teknis):
    """(entered by staff, imported in bulk): both screened MS."""
    dibuat = pendaftar_create(
        rekrutmen=diseleksi,
        data=data_tambahan(alamat="Jl. Lama 1"),
        pengguna=staf_teknis,
    )
    pendaftar_screen(rekrutmen=diseleksi)
    diimpor = Pendaftar.objects.get(nama="Ahmad Fauzi")
    assert not diimpor.history.exists() and dibuat.history.exists()
    return Pendaftar.objects.get(pk=dibuat.pk), diimpor


def _baru(sebelum: int) -> JejakAudit:
    """The one entry written since ``sebelum`` entries (fails if not exactly one)."""
    baru = list(JejakAudit.objects.order_by("pk")[sebelum:])
    assert len(baru) == 1, [(j.aksi, j.objek, j.keterangan) for j in baru]
    return baru[0]


@pytest.mark.parametrize("asal", [0, 1], ids=["dibuat", "diimpor"])
def test_pendaftar_override_is_one_alur_entry_with_the_correction(pendaftar_dua, staf_teknis, asal):
    p = pendaftar_dua[asal]
    sebelum = JejakAudit.objects.count()
    alasan = "Ijazah tidak dapat dibaca, dinyatakan TMS"
    pendaftar_override(pendaftar=p, status="tms", alasan=alasan, pengguna=staf_teknis)
    jejak = _baru(sebelum)
    assert (jejak.aksi, jejak.object_id, jejak.pengguna) == ("alur", str(p.pk), staf_teknis)
    assert jejak.keterangan == f"Koreksi hasil seleksi: tms – {alasan}"
    assert jejak.perubahan["koreksi_status"] == ["", "tms"]
    assert jejak.perubahan["koreksi_alasan"] == ["", alasan]
    assert jejak.perubahan["status_administrasi"] == ["ms", "tms"]


@pytest.mark.parametrize("asal", [0, 1], ids=["dibuat", "diimpor"])
def test_pendaftar_update_is_one_entry_naming_personal_fields_never_their_values(
    pendaftar_dua, staf_teknis, asal
):
    p = pendaftar_dua[asal]
    lama_nama, lama_nik = p.nama, p.nik
    sebelum = JejakAudit.objects.count()
    data = _data(p, nik="3673011205900077", alamat="Jl. Baru 9", nama="Nama Baru")
    pendaftar_update(pendaftar=p, data=data, pengguna=staf_teknis)
    jejak = _baru(sebelum)
    assert (jejak.aksi, jejak.object_id, jejak.pengguna) == ("ubah", str(p.pk), staf_teknis)
    assert jejak.keterangan == "Ubah data pendaftar. Data pribadi diubah: NIK, alamat"
    assert jejak.perubahan["nama"] == [lama_nama, "Nama Baru"]
    teks = f"{jejak.perubahan} {jejak.keterangan}"
    assert "3673011205900077" not in teks and lama_nik not in teks and "Jl. Baru" not in teks


@pytest.mark.parametrize("asal", [0, 1], ids=["dibuat", "diimpor"])
def test_pendaftar_update_of_a_non_personal_field_is_one_entry(pendaftar_dua, staf_teknis, asal):
    p = pendaftar_dua[asal]
    sebelum = JejakAudit.objects.count()
    pendaftar_update(pendaftar=p, data=_data(p, tempat_lahir="Cilegon"), pengguna=staf_teknis)
    jejak = _baru(sebelum)
    assert (jejak.aksi, jejak.keterangan) == ("ubah", "Ubah data pendaftar")
    assert jejak.perubahan["tempat_lahir"] == ["Serang", "Cilegon"]


def test_pendaftar_update_changing_nothing_writes_no_entry(pendaftar_dua, staf_teknis):
    p = pendaftar_dua[1]
    sebelum = JejakAudit.objects.count()
    pendaftar_update(pendaftar=p, data=_data(p), pengguna=staf_teknis)
    assert JejakAudit.objects.count() == sebelum


@pytest.fixture
def klarifikasi_dua(diseleksi, staf_teknis):
    """Clarifications of (an applicant entered by staff, one imported), both TMS as party
    members in SIPOL."""
    dibuat = pendaftar_create(
        rekrutmen=diseleksi,
        data={
            "nik": NIK_SIPOL,
            "nama": "Orang Lain",
            "jenis_kelamin": "L",
            "tempat_lahir": "Serang",
            "tanggal_lahir": date(1990, 5, 12),
            "pendidikan": "SMA",
            "kode_domisili": "36.73.01.1001",
            "wilayah_tujuan": Wilayah.objects.get(kode="36.73.01.1001"),
        },
        pengguna=staf_teknis,
    )
    anggota_parpol_import(berkas=berkas("anggota_parpol.csv"), nama_berkas="a.csv")
    pendaftar_screen(rekrutmen=diseleksi)
    hasil = []
    for p in (dibuat, Pendaftar.objects.get(nama="Maya Sari")):
        p.refresh_from_db()
        assert p.tms_anggota_parpol
        hasil.append(
            klarifikasi_upload(
                pendaftar=p, berkas=SimpleUploadedFile("s.pdf", PDF), pengguna=staf_teknis
            )
        )
    return hasil


@pytest.mark.parametrize("asal", [0, 1], ids=["dibuat", "diimpor"])
def test_klarifikasi_accepted_is_one_entry_naming_the_cleared_flag(
    klarifikasi_dua, staf_teknis, asal
):
    k = klarifikasi_dua[asal]
    sebelum = JejakAudit.objects.count()
    klarifikasi_decide(klarifikasi=k, terima=True, pengguna=staf_teknis)
    jejak = _baru(sebelum)
    p = Pendaftar.objects.get(pk=k.pendaftar_id)
    assert not p.tms_anggota_parpol and p.history.exists()  # the history row is kept
    assert (jejak.aksi, jejak.object_id, jejak.pengguna) == ("alur", str(k.pk), staf_teknis)
    assert jejak.keterangan == (
        f"Klarifikasi parpol {p.nama} diterima: tidak lagi TMS anggota partai politik"
    )
    assert jejak.perubahan["status"] == ["diajukan", "diterima"]


def test_klarifikasi_rejected_is_one_entry_with_the_reason(klarifikasi_dua, staf_teknis):
    k = klarifikasi_dua[1]
    sebelum = JejakAudit.objects.count()
    klarifikasi_decide(
        klarifikasi=k, terima=False, catatan="Tanpa tanda tangan", pengguna=staf_teknis
    )
    jejak = _baru(sebelum)
    assert (jejak.aksi, jejak.keterangan) == (
        "alur",
        "Klarifikasi parpol Maya Sari ditolak: Tanpa tanda tangan",
    )


def _formset(rekrutmen, baris: list[tuple[str, str, str, int | None]]):
    data = {
        "tahapan-TOTAL_FORMS": str(len(baris)),
        "tahapan-INITIAL_FORMS": str(sum(1 for *_, pk in baris if pk)),
        "tahapan-MIN_NUM_FORMS": "0",
        "tahapan-MAX_NUM_FORMS": "1000",
    }
    for i, (tahap, mulai, selesai, pk) in enumerate(baris):
        data |= {f"tahapan-{i}-tahap": tahap, f"tahapan-{i}-mulai": mulai}
        data |= {f"tahapan-{i}-selesai": selesai, f"tahapan-{i}-id": pk or ""}
        data[f"tahapan-{i}-rekrutmen"] = rekrutmen.pk
    formset = TahapanFormSet(data, instance=rekrutmen)
    assert formset.is_valid(), formset.errors
    return formset


def test_tahapan_save_is_one_entry_for_the_schedule(wilayah_uji, staf_teknis):
    r = rekrutmen_create(
        kode="pps-jadwal",
        jenis_badan="pps",
        nama="PPS Jadwal",
        tanggal_acuan=date(2023, 1, 17),
        tahapan=[("pendaftaran", date(2022, 12, 18), date(2022, 12, 27))],
    )
    lama = r.tahapan.get()
    sebelum = JejakAudit.objects.count()
    formset = _formset(
        r,
        [
            ("pendaftaran", "2022-12-18", "2022-12-29", lama.pk),
            ("administrasi", "2022-12-30", "2023-01-02", None),
        ],
    )
    tahapan_save(rekrutmen=r, formset=formset, pengguna=staf_teknis)
    jejak = _baru(sebelum)
    assert (jejak.aksi, jejak.object_id, jejak.pengguna) == ("ubah", str(r.pk), staf_teknis)
    assert jejak.keterangan == "Jadwal tahapan diperbarui"
    assert jejak.perubahan == {
        "Pendaftaran": [
            "18 Desember 2022 – 27 Desember 2022",
            "18 Desember 2022 – 29 Desember 2022",
        ],
        "Seleksi administrasi": [None, "30 Desember 2022 – 2 Januari 2023"],
    }
    assert lama.history.count() == 2  # the history rows are kept


def test_nilai_set_is_one_entry(pps_diseleksi, staf_teknis):  # noqa: F811
    for p in Pendaftar.objects.filter(nama__in=["Calon 00", "Calon 01"]):
        if p.nama == "Calon 01":  # a history row before the event
            p._change_reason = "Uji"
            p.tempat_lahir = "Cilegon"
            p.save()
        sebelum = JejakAudit.objects.count()
        nilai_set(pendaftar=p, nilai_cat=Decimal("87.5"), pengguna=staf_teknis)
        jejak = _baru(sebelum)
        assert (jejak.aksi, jejak.keterangan) == ("ubah", "Nilai: CAT 87.50, wawancara –")
        assert jejak.perubahan["nilai_cat"] == [None, "87.50"]


def test_berkas_status_set_changing_completeness_is_one_entry(pendaftar_dua, staf_teknis):
    for p in pendaftar_dua:
        sebelum = JejakAudit.objects.count()
        berkas_status_set(pendaftar=p, status={"ktp": ("tidak_ada", "")}, pengguna=staf_teknis)
        jejak = _baru(sebelum)
        assert (jejak.aksi, jejak.keterangan) == (
            "ubah",
            "Berkas pendaftaran: Fotokopi KTP-el: tidak ada",
        )
        assert jejak.perubahan["tms_dokumen_tidak_lengkap"] == [False, True]


def test_paw_is_one_entry(ditetapkan, staf_teknis):  # noqa: F811
    keluar = AnggotaBadan.objects.get(nama="Calon 01")
    sebelum = JejakAudit.objects.count()
    pengganti = paw_create(
        anggota=keluar,
        alasan="mengundurkan_diri",
        tanggal_berhenti=date(2023, 6, 20),
        nomor_sk="55/PP.04-Kpt/3673/2023",
        tanggal_sk=date(2023, 6, 21),
        pengguna=staf_teknis,
    )
    jejak = _baru(sebelum)
    assert (jejak.aksi, jejak.object_id, jejak.pengguna) == ("alur", str(pengganti.pk), staf_teknis)
    assert jejak.keterangan == f"PAW: {pengganti.nama} menggantikan Calon 01 (mengundurkan diri)"
    keluar.refresh_from_db()
    assert keluar.history.count() == 1  # the stop is kept in the history
