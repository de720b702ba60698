"""The ad hoc bodies' imports through the API (``badan_adhoc/api_impor.py``): each through a
saved column-mapping profile on a file with other headers and another column order (as
SIAKBA, SIPOL or a regional office would export it), a bad file as a 400 naming every row and
column, and who may."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from badan_adhoc.models import TPS, AnggotaParpol, Pendaftar, Wilayah
from badan_adhoc.services import pendaftar_import, pendaftar_screen
from kpu_site.services import profil_impor_simpan

from .conftest import berkas

pytestmark = pytest.mark.django_db

KEPALA_PENDAFTAR = (
    "nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan,kode_domisili,alamat,"
    "no_hp,email,kode_wilayah_tujuan\n"
)
KEL = "36.73.01.1001"


def _api(user) -> APIClient:
    c = APIClient()
    c.force_authenticate(user)
    return c


def _csv(nama: str, teks: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, teks.encode(), content_type="text/csv")


def _profil(jenis: str, nama: str, kolom: dict, aturan: dict | None = None) -> None:
    profil_impor_simpan(
        pengguna=None, jenis=jenis, nama=nama, kolom={k: [v] for k, v in kolom.items()},
        aturan=aturan,
    )  # fmt: skip


def test_api_impor_wilayah_and_tps_through_a_profile(db, staf_teknis):
    _profil(
        "wilayah",
        "Dukcapil – wilayah",
        {"kode": "Kode Wilayah", "nama": "Nama Wilayah", "jenis": "Tingkat", "kode_induk": "Induk"},
    )
    isi = (
        "DAFTAR WILAYAH\n"
        "Tingkat;Induk;Nama Wilayah;Kode Wilayah\n"
        "kecamatan;36.73;Serang;36.73.01\n"
        "kelurahan;36.73.01;Cimuncang;36.73.01.1001\n"
    )
    url = reverse("badan_adhoc-impor-wilayah")
    r = _api(staf_teknis).post(url, {"berkas": _csv("w.csv", isi), "profil": "Dukcapil – wilayah"})
    assert r.status_code == 200, r.content
    assert r.json() == {"baru": 2, "diperbarui": 0, "sama": 0, "jumlah": 2}
    assert Wilayah.objects.get(kode="36.73.01.1001").induk.kode == "36.73.01"

    _profil(
        "tps",
        "Rekap TPS",
        {"kode_kelurahan": "Kode Desa", "nomor": "No TPS", "jumlah_dpt": "DPT"},
        {"jumlah_dpt": "angka_id"},
    )
    isi = "No TPS;DPT;Kode Desa\n1;1.250;36.73.01.1001\n2;275;36.73.01.1001\n"
    url = reverse("badan_adhoc-impor-tps")
    r = _api(staf_teknis).post(url, {"berkas": _csv("t.csv", isi), "profil": "Rekap TPS"})
    assert r.status_code == 200, r.content
    assert r.json() == {"baru": 2, "diperbarui": 0, "sama": 0, "jumlah": 2}
    assert sorted(TPS.objects.values_list("nomor", "jumlah_dpt")) == [(1, 1250), (2, 275)]


def test_api_impor_anggota_parpol_through_a_profile_replaces_the_list(wilayah_uji, staf_teknis):
    AnggotaParpol.objects.create(nik="3673010000000001", nama="Lama", partai="Partai Lama")
    _profil(
        "anggota_parpol",
        "SIPOL – anggota",
        {"nik": "NIK Anggota", "nama": "Nama Anggota", "partai": "Nama Partai"},
    )
    isi = (
        "Nama Partai;NIK Anggota;Nama Anggota\n"
        "Partai Contoh Satu;3673012207890012;Lukman Hakim\n"
        "Partai Contoh Dua;3673016809870013;Maya Sari\n"
    )
    r = _api(staf_teknis).post(
        reverse("badan_adhoc-impor-anggota-parpol"),
        {"berkas": _csv("sipol.csv", isi), "profil": "SIPOL – anggota"},
    )
    assert r.status_code == 200, r.content
    assert r.json() == {"baru": 2, "diperbarui": 0, "sama": 0, "jumlah": 2}
    assert sorted(AnggotaParpol.objects.values_list("nik", "partai")) == [
        ("3673012207890012", "Partai Contoh Satu"),
        ("3673016809870013", "Partai Contoh Dua"),
    ]


SIAKBA = {
    "kode_wilayah_tujuan": "Kode Wilayah Tujuan",
    "nik": "NIK",
    "nama": "Nama Lengkap",
    "jenis_kelamin": "L/P",
    "tempat_lahir": "Tempat Lahir",
    "tanggal_lahir": "Tgl Lahir",
    "pendidikan": "Pendidikan Terakhir",
    "kode_domisili": "Kode Desa Domisili",
    "alamat": "Alamat",
    "no_hp": "No HP",
    "email": "Email",
}
SIAKBA_ISI = (
    "EKSPOR SIAKBA\n"
    "No;Kode Wilayah Tujuan;NIK;Nama Lengkap;L/P;Tempat Lahir;Tgl Lahir;Pendidikan Terakhir;"
    "Kode Desa Domisili;Alamat;No HP;Email\n"
    f"1;{KEL};3673011710900001;Ahmad Fauzi;Laki-laki;Serang;17/10/1990;S1;{KEL};"
    "Jl. Ki Mas Jong 1;081200000001;ahmad@contoh.id\n"
    f"2;{KEL};3673015703850002;Siti Aminah;Perempuan;Serang;17/03/1985;SMP;{KEL};"
    "Jl. Diponegoro 2;081200000002;\n"
)


@pytest.fixture
def profil_siakba(db):
    _profil(
        "pendaftar",
        "SIAKBA – pendaftar",
        SIAKBA,
        {"jenis_kelamin": "jenis_kelamin", "tanggal_lahir": "tanggal"},
    )


def test_api_impor_pendaftar_through_siakba_profile_and_screens(
    rekrutmen_pps, staf_teknis, profil_siakba
):
    url = reverse("badan_adhoc-rekrutmen-impor-pendaftar", args=[rekrutmen_pps.pk])
    r = _api(staf_teknis).post(
        url,
        {"berkas": _csv("siakba.csv", SIAKBA_ISI), "profil": "SIAKBA – pendaftar", "seleksi": True},
    )
    assert r.status_code == 200, r.content
    data = r.json()
    assert {k: data[k] for k in ("baru", "diperbarui", "jumlah")} == {
        "baru": 2,
        "diperbarui": 0,
        "jumlah": 2,
    }
    assert (data["seleksi"]["jumlah"], data["seleksi"]["ms"], data["seleksi"]["tms"]) == (2, 1, 1)
    assert data["seleksi"]["alasan"]["pendidikan_kurang"] == 1
    ahmad = Pendaftar.objects.get(nik="3673011710900001")
    assert (ahmad.jenis_kelamin, ahmad.tanggal_lahir.isoformat(), ahmad.status_administrasi) == (
        "L",
        "1990-10-17",
        "ms",
    )
    assert Pendaftar.objects.get(nik="3673015703850002").jenis_kelamin == "P"


def test_api_impor_pendaftar_again_skips_the_same_rows_and_names_a_changed_one(
    rekrutmen_pps, staf_teknis, profil_siakba
):
    url = reverse("badan_adhoc-rekrutmen-impor-pendaftar", args=[rekrutmen_pps.pk])
    data = {"berkas": _csv("siakba.csv", SIAKBA_ISI), "profil": "SIAKBA – pendaftar"}
    assert _api(staf_teknis).post(url, data).json()["baru"] == 2
    data = {"berkas": _csv("siakba.csv", SIAKBA_ISI), "profil": "SIAKBA – pendaftar"}
    r = _api(staf_teknis).post(url, data)
    assert r.status_code == 200, r.content
    assert {k: r.json()[k] for k in ("baru", "sama", "jumlah")} == {
        "baru": 0,
        "sama": 2,
        "jumlah": 0,
    }
    isi = SIAKBA_ISI.replace("081200000002", "081200000009")
    r = _api(staf_teknis).post(
        url, {"berkas": _csv("siakba.csv", isi), "profil": "SIAKBA – pendaftar"}
    )
    assert r.status_code == 400
    assert [k["pesan"] for k in r.json()["kesalahan"]] == [
        "Baris 4, kolom no_hp: NIK 3673015703850002 sudah terdaftar di rekrutmen ini "
        "dengan nomor HP lain; pakai Ganti untuk mengganti."
    ]
    assert Pendaftar.objects.count() == 2


def test_api_impor_pendaftar_ganti_replaces_and_without_seleksi_leaves_unscreened(
    rekrutmen_pps, staf_teknis, profil_siakba
):
    url = reverse("badan_adhoc-rekrutmen-impor-pendaftar", args=[rekrutmen_pps.pk])
    pendaftar_import(
        rekrutmen=rekrutmen_pps,
        berkas=(
            KEPALA_PENDAFTAR + f"3673011003800001,Lama,L,Serang,1980-03-10,SMA,{KEL},x,1,,{KEL}\n"
        ).encode(),
        nama_berkas="lama.csv",
    )
    r = _api(staf_teknis).post(
        url,
        {"berkas": _csv("siakba.csv", SIAKBA_ISI), "profil": "SIAKBA – pendaftar", "ganti": True},
    )
    assert r.status_code == 200, r.content
    assert r.json()["seleksi"] is None
    assert sorted(Pendaftar.objects.values_list("nama", "status_administrasi")) == [
        ("Ahmad Fauzi", "belum"),
        ("Siti Aminah", "belum"),
    ]


def test_api_impor_bad_file_is_400_naming_rows_in_the_files_columns(
    rekrutmen_pps, staf_teknis, profil_siakba
):
    isi = SIAKBA_ISI.replace("Laki-laki", "Lelaki").replace("17/03/1985", "31/02/1985")
    url = reverse("badan_adhoc-rekrutmen-impor-pendaftar", args=[rekrutmen_pps.pk])
    r = _api(staf_teknis).post(
        url, {"berkas": _csv("siakba.csv", isi), "profil": "SIAKBA – pendaftar"}
    )
    assert r.status_code == 400
    kesalahan = r.json()["kesalahan"]
    assert kesalahan == [
        {
            "baris": 3,
            "kolom": "L/P (jenis_kelamin)",
            "alasan": "'Lelaki' bukan L atau P.",
            "pesan": "Baris 3, kolom L/P (jenis_kelamin): 'Lelaki' bukan L atau P.",
        },
        {
            "baris": 4,
            "kolom": "Tgl Lahir (tanggal_lahir)",
            "alasan": "'31/02/1985' bukan tanggal yang sah (gunakan TTTT-BB-HH, mis. 2023-10-17).",
            "pesan": "Baris 4, kolom Tgl Lahir (tanggal_lahir): '31/02/1985' bukan tanggal yang "
            "sah (gunakan TTTT-BB-HH, mis. 2023-10-17).",
        },
    ]
    assert not Pendaftar.objects.exists()

    r = _api(staf_teknis).post(
        reverse("badan_adhoc-impor-wilayah"),
        {"berkas": _csv("w.csv", "kode,nama\n36.73.09,X\n"), "profil": "Tidak Ada"},
    )
    assert r.status_code == 400
    assert [k["pesan"] for k in r.json()["kesalahan"]] == [
        "Berkas: profil impor 'Tidak Ada' tidak ada (profil impor ini: belum ada satu pun)."
    ]


def test_api_impor_nilai_through_a_profile(rekrutmen_pps, staf_teknis):
    pendaftar_import(
        rekrutmen=rekrutmen_pps,
        berkas=(
            KEPALA_PENDAFTAR
            + "".join(
                f"3673011003{80 + i:02d}{i:04d},Calon {i},L,Serang,{1980 + i}-03-10,SMA,{KEL},"
                f"x,1,,{KEL}\n"
                for i in range(2)
            )
        ).encode(),
        nama_berkas="p.csv",
    )
    pendaftar_screen(rekrutmen=rekrutmen_pps)
    nik = list(Pendaftar.objects.order_by("pk").values_list("nik", flat=True))
    _profil(
        "nilai",
        "CAT – hasil",
        {"nik": "NIK Peserta", "nilai_cat": "Skor CAT", "nilai_wawancara": "Skor Wawancara"},
        {"nilai_cat": "angka_id"},
    )
    isi = f"Skor Wawancara;Skor CAT;NIK Peserta\n;85,5;{nik[0]}\n70;66;{nik[1]}\n"
    url = reverse("badan_adhoc-rekrutmen-impor-nilai", args=[rekrutmen_pps.pk])
    r = _api(staf_teknis).post(url, {"berkas": _csv("cat.csv", isi), "profil": "CAT – hasil"})
    assert r.status_code == 200, r.content
    assert r.json() == {"diperbarui": 2}
    assert list(Pendaftar.objects.order_by("pk").values_list("nilai_cat", "nilai_wawancara")) == [
        (Decimal("85.50"), None),
        (Decimal("66.00"), Decimal("70.00")),
    ]


def test_api_impor_refused_to_anonymous_and_other_roles(rekrutmen_pps, staf, komisioner, auditor):
    urls = [
        reverse("badan_adhoc-impor-wilayah"),
        reverse("badan_adhoc-impor-tps"),
        reverse("badan_adhoc-impor-anggota-parpol"),
        reverse("badan_adhoc-rekrutmen-impor-pendaftar", args=[rekrutmen_pps.pk]),
        reverse("badan_adhoc-rekrutmen-impor-nilai", args=[rekrutmen_pps.pk]),
    ]
    awal = (Wilayah.objects.count(), TPS.objects.count(), Pendaftar.objects.count())
    for url in urls:
        r = APIClient().post(url, {"berkas": _csv("a.csv", berkas("wilayah.csv").decode())})
        assert r.status_code == 403, url
        for user in (staf, komisioner, auditor):
            isi = berkas("wilayah.csv").decode()
            r = _api(user).post(url, {"berkas": _csv("a.csv", isi)})
            assert r.status_code == 403, (url, user)
    assert (Wilayah.objects.count(), TPS.objects.count(), Pendaftar.objects.count()) == awal
