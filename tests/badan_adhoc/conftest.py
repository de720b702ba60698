"""Fixtures of the badan_adhoc tests: a small crafted regency (2 kecamatan, 3 kelurahan,
6 TPS) and recruitments of Pemilu 2024."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from badan_adhoc.models import Rekrutmen, Wilayah
from badan_adhoc.services import (
    pendaftar_import,
    pendaftar_screen,
    rekrutmen_create,
    tps_import,
    wilayah_import,
)
from kpu_site.peran import Peran

DATA = Path(__file__).resolve().parent / "data"


def berkas(nama: str) -> bytes:
    return (DATA / nama).read_bytes()


@pytest.fixture
def norma_seed(transactional_db):
    """For a transactional test: the test before it may have emptied the database (flush),
    seats and rates seeded by migrations 0002 and 0012 (Pantarlih) included; seed them again
    from the reference data (``acuan``, the same rows: ``test_pantarlih``)."""
    from badan_adhoc.acuan import acuan_pastikan

    acuan_pastikan()


@pytest.fixture
def wilayah_uji(db):
    wilayah_import(berkas=berkas("wilayah.csv"), nama_berkas="wilayah.csv")
    tps_import(berkas=berkas("tps.csv"), nama_berkas="tps.csv")


@pytest.fixture
def rekrutmen_kpps(wilayah_uji) -> Rekrutmen:
    return rekrutmen_create(
        kode="kpps-2024",
        jenis_badan="kpps",
        nama="KPPS Pemilu 2024",
        pemilihan="Pemilu 2024",
        tanggal_acuan=date(2024, 1, 25),
        masa_kerja_mulai=date(2024, 1, 25),
        masa_kerja_selesai=date(2024, 2, 25),
    )


@pytest.fixture
def rekrutmen_pps(wilayah_uji) -> Rekrutmen:
    return rekrutmen_create(
        kode="pps-2024",
        jenis_badan="pps",
        nama="PPS Pemilu 2024",
        pemilihan="Pemilu 2024",
        tanggal_acuan=date(2023, 1, 17),
        masa_kerja_mulai=date(2023, 1, 17),
        masa_kerja_selesai=date(2024, 4, 4),
    )


@pytest.fixture
def rekrutmen_ppk(wilayah_uji) -> Rekrutmen:
    return rekrutmen_create(
        kode="ppk-2024",
        jenis_badan="ppk",
        nama="PPK Pemilu 2024",
        pemilihan="Pemilu 2024",
        tanggal_acuan=date(2023, 1, 4),
        masa_kerja_mulai=date(2023, 1, 4),
        masa_kerja_selesai=date(2024, 4, 4),
    )


@pytest.fixture
def diseleksi(rekrutmen_kpps) -> Rekrutmen:
    """The KPPS recruitment with ``pendaftar_kpps.csv`` imported and screened."""
    pendaftar_import(
        rekrutmen=rekrutmen_kpps, berkas=berkas("pendaftar_kpps.csv"), nama_berkas="p.csv"
    )
    pendaftar_screen(rekrutmen=rekrutmen_kpps)
    return rekrutmen_kpps


@pytest.fixture
def staf_teknis(pengguna_buat):
    return pengguna_buat("staf.teknis.uji", Peran.STAF, "teknis")


@pytest.fixture
def kasubag_teknis(pengguna_buat):
    return pengguna_buat("kasubag.teknis.uji", Peran.KASUBAG, "teknis")


def ketua_buat(nama: str = "Ketua Uji"):
    """A Ketua KPU in office since 2023 (the signatory of an issued document)."""
    from sekretariat.models import Komisioner

    return Komisioner.objects.create(
        nama=nama,
        jenis_kelamin="L",
        ketua=True,
        tanggal_mulai=date(2023, 1, 1),
        nomor_sk="1/2023",
        tanggal_sk=date(2022, 12, 20),
    )


@pytest.fixture
def ketua(db):
    """The Ketua KPU in office (the signatory of an issued document)."""
    return ketua_buat()


@pytest.fixture
def lebak(db):
    """The satker of Kabupaten Lebak (the letterhead) and its Ketua KPU."""
    from sekretariat.models import Satker

    Satker.objects.create(
        nama="Sekretariat Komisi Pemilihan Umum Kabupaten Lebak",
        tingkat=Satker.Tingkat.KABUPATEN,
        nama_wilayah="Kabupaten Lebak",
        kode_satker="670999",
        kode_wilayah="36.02",
        alamat="Jl. Siliwangi No. 7, Rangkasbitung, Kabupaten Lebak, Banten",
    )
    return ketua_buat("Dr. Ahmad Lebak, S.H.")


def data_tambahan(**ubah) -> dict:
    """The form data of one applicant entered by staff ("Tambahan", Cimuncang, MS when
    screened), for the tests that add one to a screened recruitment."""
    data = {
        "nik": "3673011205900099",
        "nama": "Tambahan",
        "jenis_kelamin": "L",
        "tempat_lahir": "Serang",
        "tanggal_lahir": date(1990, 5, 12),
        "pendidikan": "SMA",
        "kode_domisili": "36.73.01.1001",
        "wilayah_tujuan": Wilayah.objects.get(kode="36.73.01.1001"),
    }
    return data | ubah
