"""Administrative screening on a crafted file whose every count was checked by hand.

pendaftar_kpps.csv (KPPS Pemilu 2024, reference date 2024-01-25), 19 rows:

 row  applicant            expected
  2   Ahmad Fauzi          MS
  3   Siti Aminah (P, +40) MS
  4   Budi Santoso         TMS nik_tidak_valid (11 digits)
  5   Dewi Lestari (P)     TMS nik_tidak_valid (day 15 written without +40)
  6   Eko Prasetyo         TMS nik_tidak_valid (date part 32-13-90 is not a date)
  7,8 Fajar Hidayat ×2     TMS nik_ganda (both)
  9   Gilang (2007-01-26)  TMS usia_kurang (turns 17 the day after the reference date)
 10   Hadi (2007-01-25)    MS (17 exactly on the reference date)
 11   Indra (SMP)          TMS pendidikan_kurang
 12   Joko                 TMS domisili_di_luar_wilayah (lives in the other kelurahan)
 13   Kurniawati           TMS domisili_di_luar_wilayah (lives outside the city)
 14   Lukman               TMS anggota_parpol
 15   Maya                 MS (in SIPOL, clarification accepted)
 16   Nurdin (1968-01-25)  MS + warning usia_lebih_55 (56 on the reference date)
 17   Oman (1968-01-26)    MS (55)
 18   Putra                TMS usia_kurang + pendidikan_kurang + domisili (3 reasons)
 19   Rudi                 TMS nik_ganda (also applied to PPS Pemilu 2024, overlapping term)
 20   Slamet               MS (also applied to Pilkada 2024: another election)
"""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from badan_adhoc.models import Pendaftar
from badan_adhoc.services import (
    anggota_parpol_import,
    klarifikasi_decide,
    klarifikasi_upload,
    pendaftar_import,
    pendaftar_override,
    pendaftar_screen,
    rekrutmen_create,
)

from .conftest import berkas

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

HARAPAN = {
    "jumlah": 19,
    "ms": 7,
    "tms": 12,
    "alasan": {
        "nik_tidak_valid": 3,
        "nik_ganda": 3,
        "usia_kurang": 2,
        "pendidikan_kurang": 2,
        "domisili_di_luar_wilayah": 3,
        "anggota_parpol": 1,
        "dokumen_tidak_lengkap": 0,  # the file has no checklist columns
    },
    "peringatan": {"usia_lebih_55": 1},
}


def _baris_pendaftar(nik, nama, tgl, kode):
    return f"{nik},{nama},L,Serang,{tgl},SMA,{kode},Jl. Uji,0812,,{kode}\n"


KEPALA = (
    "nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan,kode_domisili,alamat,"
    "no_hp,email,kode_wilayah_tujuan\n"
)


@pytest.fixture
def siap_diseleksi(rekrutmen_kpps, rekrutmen_pps, staf_teknis):
    pendaftar_import(
        rekrutmen=rekrutmen_kpps,
        berkas=berkas("pendaftar_kpps.csv"),
        nama_berkas="pendaftar_kpps.csv",
    )
    # Rudi also applied to PPS of the same election (overlapping term) ...
    pendaftar_import(
        rekrutmen=rekrutmen_pps,
        berkas=(
            KEPALA
            + _baris_pendaftar("3673011111950017", "Rudi Hartono", "1995-11-11", "36.73.01.1002")
        ).encode(),
        nama_berkas="pps.csv",
    )
    # ... and Slamet to Pilkada 2024 (another election): not a duplicate.
    pilkada = rekrutmen_create(
        kode="kpps-pilkada-2024",
        jenis_badan="kpps",
        nama="KPPS Pilkada 2024",
        pemilihan="Pilkada 2024",
        tanggal_acuan=date(2024, 10, 1),
        masa_kerja_mulai=date(2024, 1, 25),
        masa_kerja_selesai=date(2024, 2, 25),
    )
    pendaftar_import(
        rekrutmen=pilkada,
        berkas=(
            KEPALA
            + _baris_pendaftar("3673011212960018", "Slamet Riyadi", "1996-12-12", "36.73.01.1002")
        ).encode(),
        nama_berkas="pilkada.csv",
    )
    anggota_parpol_import(berkas=berkas("anggota_parpol.csv"), nama_berkas="anggota_parpol.csv")
    maya = Pendaftar.objects.get(rekrutmen=rekrutmen_kpps, nama="Maya Sari")
    klarifikasi = klarifikasi_upload(
        pendaftar=maya,
        berkas=SimpleUploadedFile("surat-partai.pdf", PDF),
        keterangan="Surat keluar dari partai 2015",
        pengguna=staf_teknis,
    )
    klarifikasi_decide(klarifikasi=klarifikasi, terima=True, pengguna=staf_teknis)
    return rekrutmen_kpps


def test_pendaftar_screen_gives_the_hand_checked_counts(siap_diseleksi):
    assert pendaftar_screen(rekrutmen=siap_diseleksi) == HARAPAN


def test_pendaftar_screen_marks_each_applicant_with_every_reason(siap_diseleksi):
    pendaftar_screen(rekrutmen=siap_diseleksi)
    hasil = {
        p.nama + ("#2" if p.kode_domisili.endswith("1002") and p.nama == "Fajar Hidayat" else ""): (
            p.status_administrasi,
            [k for k, _ in p.alasan_list()],
            [k for k, _ in p.peringatan_list()],
        )
        for p in Pendaftar.objects.filter(rekrutmen=siap_diseleksi)
    }
    assert hasil["Ahmad Fauzi"] == ("ms", [], [])
    assert hasil["Siti Aminah"] == ("ms", [], [])
    assert hasil["Dewi Lestari"] == ("tms", ["nik_tidak_valid"], [])
    assert hasil["Eko Prasetyo"] == ("tms", ["nik_tidak_valid"], [])
    assert hasil["Fajar Hidayat"][1] == hasil["Fajar Hidayat#2"][1] == ["nik_ganda"]
    assert hasil["Gilang Ramadhan"] == ("tms", ["usia_kurang"], [])
    assert hasil["Hadi Saputra"] == ("ms", [], [])
    assert hasil["Kurniawati"] == ("tms", ["domisili_di_luar_wilayah"], [])
    assert hasil["Maya Sari"] == ("ms", [], [])
    assert hasil["Nurdin"] == ("ms", [], ["usia_lebih_55"])
    assert hasil["Oman Abdurrahman"] == ("ms", [], [])
    assert hasil["Putra Pratama"] == (
        "tms",
        ["usia_kurang", "pendidikan_kurang", "domisili_di_luar_wilayah"],
        [],
    )
    assert hasil["Rudi Hartono"] == ("tms", ["nik_ganda"], [])
    assert hasil["Slamet Riyadi"] == ("ms", [], [])


def test_seleksi_administrasi_command_prints_one_json_object(siap_diseleksi):
    out = io.StringIO()
    call_command("seleksi_administrasi", "kpps-2024", "--json", stdout=out)
    assert json.loads(out.getvalue()) == HARAPAN


def test_impor_pendaftar_command_json_after_screening(rekrutmen_kpps, tmp_path):
    path = tmp_path / "pendaftar.csv"
    path.write_bytes(berkas("pendaftar_kpps.csv"))
    out = io.StringIO()
    call_command("impor_pendaftar", "kpps-2024", str(path), "--seleksi", "--json", stdout=out)
    data = json.loads(out.getvalue())
    # without the PPS duplicate, the SIPOL list and the clarification:
    assert data["jumlah"] == 19
    assert data["alasan"]["nik_ganda"] == 2
    assert data["alasan"]["anggota_parpol"] == 0
    assert data["ms"] + data["tms"] == 19


def test_pendaftar_screen_rejected_clarification_keeps_anggota_parpol(rekrutmen_kpps, staf_teknis):
    pendaftar_import(
        rekrutmen=rekrutmen_kpps,
        berkas=berkas("pendaftar_kpps.csv"),
        nama_berkas="pendaftar_kpps.csv",
    )
    anggota_parpol_import(berkas=berkas("anggota_parpol.csv"), nama_berkas="a.csv")
    maya = Pendaftar.objects.get(nama="Maya Sari")
    k = klarifikasi_upload(
        pendaftar=maya, berkas=SimpleUploadedFile("s.pdf", PDF), pengguna=staf_teknis
    )
    klarifikasi_decide(
        klarifikasi=k, terima=False, catatan="Tidak ditandatangani", pengguna=staf_teknis
    )
    hasil = pendaftar_screen(rekrutmen=rekrutmen_kpps)
    assert hasil["alasan"]["anggota_parpol"] == 2


def test_pendaftar_override_survives_rescreening_and_is_audited(siap_diseleksi, staf_teknis):
    from kpu_site.models import JejakAudit

    pendaftar_screen(rekrutmen=siap_diseleksi)
    joko = Pendaftar.objects.get(nama="Joko Susilo")
    pendaftar_override(
        pendaftar=joko,
        status="ms",
        alasan="Pindah domisili, KTP baru sudah terbit di kelurahan tujuan",
        pengguna=staf_teknis,
    )
    hasil = pendaftar_screen(rekrutmen=siap_diseleksi)
    joko.refresh_from_db()
    assert joko.status_administrasi == "ms"
    assert joko.tms_domisili_di_luar_wilayah  # the fact stays visible
    assert hasil["ms"] == 8 and hasil["tms"] == 11
    assert JejakAudit.objects.filter(
        object_id=str(joko.pk), keterangan__contains="Koreksi"
    ).exists()


def test_pendaftar_screen_ppk_domicile_is_checked_at_kecamatan(rekrutmen_ppk):
    isi = KEPALA + "".join(
        [
            # lives in a kelurahan of the kecamatan applied for: fine
            "3673011205900001,A,L,Serang,1990-05-12,SMA,36.73.01.1002,x,1,,36.73.01\n",
            # lives in another kecamatan
            "3673011205900002,B,L,Serang,1990-05-12,SMA,36.73.02.1001,x,1,,36.73.01\n",
        ]
    )
    pendaftar_import(rekrutmen=rekrutmen_ppk, berkas=isi.encode(), nama_berkas="ppk.csv")
    hasil = pendaftar_screen(rekrutmen=rekrutmen_ppk)
    assert hasil["ms"] == 1
    assert hasil["alasan"]["domisili_di_luar_wilayah"] == 1
    assert hasil["peringatan"]["usia_lebih_55"] == 0


def test_pendaftar_screen_marks_the_other_application_of_a_duplicate_too(siap_diseleksi):
    pendaftar_screen(rekrutmen=siap_diseleksi)
    rudi_pps = Pendaftar.objects.get(rekrutmen__kode="pps-2024", nama="Rudi Hartono")
    assert rudi_pps.tms_nik_ganda
    slamet_pilkada = Pendaftar.objects.get(rekrutmen__kode="kpps-pilkada-2024")
    assert not slamet_pilkada.tms_nik_ganda
    # and the PPS screening agrees on its own
    assert pendaftar_screen(rekrutmen=rudi_pps.rekrutmen)["alasan"]["nik_ganda"] == 1
