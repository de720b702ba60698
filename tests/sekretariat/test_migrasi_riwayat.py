"""Migration 0004: existing pegawai get TMT masuk/keluar and one education history row."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

SEBELUM = [("sekretariat", "0003_jenis_kelamin_huruf_besar")]
SESUDAH = [("sekretariat", "0004_riwayat_pegawai")]


@pytest.mark.django_db(transaction=True)
def test_migration_dates_existing_pegawai_from_their_riwayat():
    executor = MigrationExecutor(connection)
    executor.migrate(SEBELUM)
    apps = executor.loader.project_state(SEBELUM).apps
    Unit = apps.get_model("sekretariat", "UnitOrganisasi")
    Pegawai = apps.get_model("sekretariat", "Pegawai")
    Jabatan = apps.get_model("sekretariat", "Jabatan")
    Riwayat = apps.get_model("sekretariat", "RiwayatJabatan")
    unit = Unit.objects.create(kode="uji_migrasi", nama="Uji", jenis="sub_bagian")
    jabatan = Jabatan.objects.create(nama="Pelaksana Uji", jenis="pelaksana", unit=unit)
    umum = {"jenis_kelamin": "L", "tanggal_lahir": date(1980, 1, 1), "unit": unit}
    pns = Pegawai.objects.create(
        nama="PNS", status="pns", nip="198001012005011001", pendidikan="s1", **umum
    )
    keluar = Pegawai.objects.create(
        nama="Keluar", status="pns", nip="198001012005011002", pendidikan="d3", aktif=False, **umum
    )
    Pegawai.objects.create(
        nama="PPNPN", status="ppnpn", jenis_ppnpn="security", pendidikan="slta", **umum
    )
    sk = {"nomor_sk": "1", "tanggal_sk": date(2015, 1, 1), "penerbit_sk": "Sekjen"}
    Riwayat.objects.create(pegawai=pns, jabatan=jabatan, tanggal_mulai=date(2018, 2, 1), **sk)
    Riwayat.objects.create(pegawai=pns, jabatan=jabatan, tanggal_mulai=date(2016, 3, 1),
                           tanggal_selesai=date(2018, 2, 1), **sk)  # fmt: skip
    Riwayat.objects.create(pegawai=keluar, jabatan=jabatan, tanggal_mulai=date(2015, 1, 5),
                           tanggal_selesai=date(2021, 6, 1), **sk)  # fmt: skip

    executor = MigrationExecutor(connection)
    executor.migrate(SESUDAH)
    apps = executor.loader.project_state(SESUDAH).apps
    Pegawai = apps.get_model("sekretariat", "Pegawai")
    baris = {
        p.nama: (p.tmt_masuk, p.tmt_keluar, p.alasan_keluar)
        for p in Pegawai.objects.filter(unit__kode="uji_migrasi")
    }
    assert baris == {
        "PNS": (date(2016, 3, 1), None, ""),  # the earliest appointment
        "Keluar": (date(2015, 1, 5), date(2021, 6, 1), "berhenti"),  # its last one's end
        "PPNPN": (date(2000, 1, 1), None, ""),  # no riwayat: the fixed early date
    }
    Pendidikan = apps.get_model("sekretariat", "RiwayatPendidikan")
    assert sorted(
        Pendidikan.objects.filter(pegawai__unit__kode="uji_migrasi").values_list(
            "pegawai__nama", "jenjang", "tanggal_ijazah"
        )
    ) == [
        ("Keluar", "d3", date(2015, 1, 5)),
        ("PNS", "s1", date(2016, 3, 1)),
        ("PPNPN", "slta", date(2000, 1, 1)),
    ]
