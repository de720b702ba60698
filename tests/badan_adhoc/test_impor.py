"""Imports: wilayah, TPS, applicants, party members; bad files write nothing."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook

from badan_adhoc.models import TPS, AnggotaParpol, Pendaftar, Wilayah
from badan_adhoc.selectors import kursi_total
from badan_adhoc.services import anggota_parpol_import, pendaftar_import, wilayah_import
from kpu_site.impor import ImporGagal

from .conftest import berkas

KEPALA = (
    "nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan,kode_domisili,alamat,"
    "no_hp,email,kode_wilayah_tujuan"
)
BARIS_OK = (
    "3673011205900001,Ahmad Fauzi,L,Serang,1990-05-12,S1,36.73.01.1001,Jl. A,0812,,36.73.01.1001"
)


def _impor(rekrutmen, teks: str | bytes, nama="p.csv"):
    data = teks.encode() if isinstance(teks, str) else teks
    return pendaftar_import(rekrutmen=rekrutmen, berkas=data, nama_berkas=nama)


def _gagal(rekrutmen, teks, nama="p.csv") -> list[str]:
    with pytest.raises(ImporGagal) as exc:
        _impor(rekrutmen, teks, nama)
    assert not Pendaftar.objects.exists()
    return [str(k) for k in exc.value.kesalahan]


def test_wilayah_import_loads_kecamatan_kelurahan_and_tps(wilayah_uji):
    assert Wilayah.objects.filter(jenis="kecamatan").count() == 2
    kel = Wilayah.objects.get(kode="36.73.01.1002")
    assert kel.induk.kode == "36.73.01"
    assert TPS.objects.count() == 6


def test_wilayah_import_refuses_kelurahan_of_unknown_kecamatan(db):
    teks = "kode,nama,jenis,kode_induk\n36.73.09.1001,X,kelurahan,36.73.09\n"
    with pytest.raises(ImporGagal) as exc:
        wilayah_import(berkas=teks.encode(), nama_berkas="w.csv")
    assert "Baris 2, kolom kode_induk" in str(exc.value.kesalahan[0])
    assert not Wilayah.objects.exists()


def test_rekrutmen_seats_come_from_the_wilayah(rekrutmen_kpps, rekrutmen_pps, rekrutmen_ppk):
    assert kursi_total(rekrutmen_ppk) == 2 * 5
    assert kursi_total(rekrutmen_pps) == 3 * 3
    assert kursi_total(rekrutmen_kpps) == 6 * 7


def test_pendaftar_import_missing_column_names_it(rekrutmen_kpps):
    kepala = KEPALA.replace(",email", "")
    pesan = _gagal(rekrutmen_kpps, f"{kepala}\n{BARIS_OK}\n")
    assert pesan == ["Baris 1, kolom email: kolom wajib tidak ada di baris judul."]


def test_pendaftar_import_reports_every_bad_row_and_writes_nothing(rekrutmen_kpps):
    teks = "\n".join(
        [
            KEPALA,
            BARIS_OK,
            BARIS_OK.replace("36.73.01.1001\n", "").rsplit(",", 1)[0] + ",36.73.99.9999",
            BARIS_OK.replace("1990-05-12", "1990-02-30"),
            BARIS_OK.replace(",S1,", ",SLTA,"),
        ]
    )
    pesan = _gagal(rekrutmen_kpps, teks)
    assert pesan[0].startswith("Baris 3, kolom kode_wilayah_tujuan: '36.73.99.9999'")
    assert pesan[1].startswith("Baris 4, kolom tanggal_lahir: '1990-02-30' bukan tanggal")
    assert pesan[2].startswith("Baris 5, kolom pendidikan: 'SLTA'")
    # the same file fixed imports cleanly
    fixed = "\n".join([KEPALA, BARIS_OK, BARIS_OK, BARIS_OK, BARIS_OK])
    assert _impor(rekrutmen_kpps, fixed).baru == 4


def test_pendaftar_import_ppk_refuses_a_kelurahan_as_target(rekrutmen_ppk):
    pesan = _gagal(rekrutmen_ppk, f"{KEPALA}\n{BARIS_OK}\n")
    assert "bukan kode kecamatan" in pesan[0]


def test_pendaftar_import_empty_file_is_refused(rekrutmen_kpps):
    assert _gagal(rekrutmen_kpps, KEPALA + "\n") == [
        "Berkas: berkas tidak berisi satu pun baris data."
    ]
    assert _gagal(rekrutmen_kpps, b"") == ["Berkas: berkas kosong: tidak ada baris judul kolom."]


def test_pendaftar_import_reads_windows_1252_csv_from_excel(rekrutmen_kpps):
    baris = BARIS_OK.replace("Ahmad Fauzi", "André O'Neil").replace(",", ";")
    data = (KEPALA.replace(",", ";") + "\r\n" + baris + "\r\n").encode("cp1252")
    _impor(rekrutmen_kpps, data)
    assert Pendaftar.objects.get().nama == "André O'Neil"


def test_pendaftar_import_reads_xlsx(rekrutmen_kpps):
    from datetime import datetime

    wb = Workbook()
    ws = wb.active
    ws.append(KEPALA.split(","))
    values = BARIS_OK.split(",")
    values[4] = datetime(1990, 5, 12)  # a real Excel date cell  # noqa: DTZ001
    ws.append(values)
    buf = io.BytesIO()
    wb.save(buf)
    _impor(rekrutmen_kpps, buf.getvalue(), nama="pendaftar.xlsx")
    p = Pendaftar.objects.get()
    assert p.tanggal_lahir.isoformat() == "1990-05-12"
    assert p.kode_lahir == "120590"


def test_pendaftar_import_refuses_an_xlsx_bomb(rekrutmen_kpps):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", "0" * (8 * 1024 * 1024))
    pesan = _gagal(rekrutmen_kpps, buf.getvalue(), nama="bom.xlsx")
    assert "zip bomb" in pesan[0]


def test_anggota_parpol_import_replaces_the_list(db):
    anggota_parpol_import(berkas=berkas("anggota_parpol.csv"), nama_berkas="a.csv")
    anggota_parpol_import(
        berkas=b"nik,nama,partai\n3673010101010001,X,Partai Y\n", nama_berkas="b.csv"
    )
    assert list(AnggotaParpol.objects.values_list("nik", flat=True)) == ["3673010101010001"]


def test_anggota_parpol_import_bad_row_keeps_the_old_list(db):
    anggota_parpol_import(berkas=berkas("anggota_parpol.csv"), nama_berkas="a.csv")
    with pytest.raises(ImporGagal) as exc:
        anggota_parpol_import(berkas=b"nik,nama,partai\n,X,Partai Y\n", nama_berkas="b.csv")
    assert str(exc.value.kesalahan[0]) == "Baris 2, kolom nik: kosong."
    assert AnggotaParpol.objects.count() == 3
