"""Demo organisation: Sekretariat KPU Kota Serang 2023 (seed 002, Bab I)."""

from __future__ import annotations

from .models import Satker, UnitOrganisasi

UNIT_DEMO = [
    # kode, nama, jenis, urutan
    ("sekretariat", "Sekretariat KPU Kota Serang", UnitOrganisasi.Jenis.SEKRETARIAT, 0),
    ("keuangan", "Sub Bagian Keuangan, Umum dan Logistik", UnitOrganisasi.Jenis.SUB_BAGIAN, 1),
    (
        "teknis",
        "Sub Bagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat",
        UnitOrganisasi.Jenis.SUB_BAGIAN,
        2,
    ),
    (
        "perencanaan",
        "Sub Bagian Perencanaan, Data dan Informasi",
        UnitOrganisasi.Jenis.SUB_BAGIAN,
        3,
    ),
    ("hukum_sdm", "Sub Bagian Hukum dan Sumber Daya Manusia", UnitOrganisasi.Jenis.SUB_BAGIAN, 4),
    ("jf", "Kelompok Jabatan Fungsional", UnitOrganisasi.Jenis.KELOMPOK_JF, 5),
]


def muat(*, stdout) -> None:
    Satker.objects.get_or_create(
        kode_satker="670714",
        defaults={
            "nama": "Sekretariat Komisi Pemilihan Umum Kota Serang",
            "tingkat": Satker.Tingkat.KOTA,
            "nama_wilayah": "Kota Serang",
            "kode_wilayah": "36.73",
            "alamat": "Jl. Ayip Usman No. 61, Kaligandu, Kec. Serang, Kota Serang, Banten",
        },
    )
    induk = None
    for kode, nama, jenis, urutan in UNIT_DEMO:
        unit, _ = UnitOrganisasi.objects.get_or_create(
            kode=kode,
            defaults={"nama": nama, "jenis": jenis, "urutan": urutan, "induk": induk},
        )
        if kode == "sekretariat":
            induk = unit
