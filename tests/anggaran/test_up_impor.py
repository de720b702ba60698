"""Importing UP/TUP movements and SPM dispensations: rows applied in date order (a PTUP after
its TUP in the same file), "Baris N, kolom K" errors, nothing written when a row is wrong,
re-importing changes nothing, CSV and XLSX."""

import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook

from anggaran import services_up
from anggaran.impor_up import (
    dispensasi_impor,
    dispensasi_impor_periksa,
    mutasi_up_impor,
    mutasi_up_impor_periksa,
)
from anggaran.models import DispensasiSpm, MutasiUp
from anggaran.selectors.up import tup_list, up_besaran
from kinerja.models import KunciTahun
from kpu_site.impor import ImporGagal
from kpu_site.models import JejakAudit

pytestmark = pytest.mark.django_db

J = MutasiUp.Jenis
JUTA = Decimal("1000000")
HEADER = "jenis;nomor;tanggal;nilai;nomor_tup;batas_waktu;keterangan\n"
# the rows out of date order: the PTUP and its return before their TUP
REGISTER = (
    "PTUP;PTUP-01;08/05/2023;45.000.000;TUP-01;;SPM GUP nihil",
    "setor_tup;STS-01;12/05/2023;5.000.000;TUP-01;;",
    "up;UP-01;16/01/2023;100.000.000;;;UP awal tahun",
    "TUP;TUP-01;10/04/2023;50.000.000;;15/05/2023;Logistik",
    "Gup;GUP-01;20/02/2023;62.500.000;;;",
    "TUP;TUP-02;10/04/2023;20.000.000;;;",
    "PTUP;PTUP-02;16/05/2023;20.000.000;TUP-02;;",
)


def csv_bytes(*rows, header=HEADER):
    return (header + "".join(r + "\n" for r in rows)).encode()


def impor(dipa, data, pengguna=None, nama="up.csv"):
    return mutasi_up_impor(pengguna=pengguna, dokumen=dipa, berkas=data, nama_berkas=nama)


def pesan_gagal(dipa, *rows, header=HEADER):
    with pytest.raises(ImporGagal) as exc:
        impor(dipa, csv_bytes(*rows, header=header))
    assert not MutasiUp.objects.exists()
    return [str(k) for k in exc.value.kesalahan]


def test_impor_up_rows_in_date_order_with_ptup_before_its_tup(dipa, staf_keuangan):
    hasil = impor(dipa, csv_bytes(*REGISTER), pengguna=staf_keuangan)
    assert hasil.disimpan and len(hasil.baris) == 7
    assert hasil.total_nilai == Decimal("302500000")
    assert [str(p) for p in hasil.peringatan] == [
        "Baris 8, kolom tanggal: Tanggal melewati batas pertanggungjawaban TUP 10/05/2023 "
        "(TUP TUP-02): dicatat sebagai terlambat."
    ]
    daftar = tup_list(dokumen=dipa)
    assert [(s.tup.nomor, s.tanggal_selesai, s.tepat_waktu) for s in daftar] == [
        ("TUP-01", date(2023, 5, 12), True),
        ("TUP-02", date(2023, 5, 16), False),
    ]
    assert daftar[0].tup.batas_waktu == date(2023, 5, 15)
    assert daftar[1].tup.batas_waktu == date(2023, 5, 10)  # the default
    besaran = up_besaran(dokumen=dipa)
    assert besaran.nilai == 100 * JUTA
    assert [g.persen for g in besaran.gup] == [Decimal("62.50")]
    assert MutasiUp.objects.get(nomor="UP-01").keterangan == "UP awal tahun"
    assert set(MutasiUp.objects.values_list("dibuat_oleh", flat=True)) == {staf_keuangan.pk}
    jejak = JejakAudit.objects.filter(aksi="impor").get()
    assert jejak.keterangan == (
        "Impor UP/TUP up.csv: 7 baris, Rp 302.500.000; 0 baris sudah ada dilewati; 1 terlambat."
    )
    assert jejak.pengguna == staf_keuangan
    # one entry for the import, the rows' history kept without an entry each
    assert not JejakAudit.objects.filter(content_type__model="mutasiup").exists()
    assert MutasiUp.history.count() == 7


def test_impor_up_again_changes_nothing(dipa):
    impor(dipa, csv_bytes(*REGISTER))
    hasil = impor(dipa, csv_bytes(*REGISTER))
    assert hasil.baris == [] and len(hasil.dilewati) == 7
    assert MutasiUp.objects.count() == 7
    # a file adding one row to what is recorded: only that row is written
    hasil = impor(dipa, csv_bytes(*REGISTER, "GUP;GUP-02;27/03/2023;40.000.000;;;"))
    assert [b.nomor for b in hasil.baris] == ["GUP-02"]
    assert MutasiUp.objects.count() == 8


def test_impor_up_ptup_of_a_recorded_tup(dipa):
    services_up.mutasi_up_create(
        pengguna=None,
        dokumen=dipa,
        jenis=J.TUP,
        nomor="TUP-01",
        tanggal=date(2023, 4, 10),
        nilai=50 * JUTA,
    )
    impor(dipa, csv_bytes("PTUP;PTUP-01;08/05/2023;50.000.000;TUP-01;;"))
    assert tup_list(dokumen=dipa)[0].tanggal_selesai == date(2023, 5, 8)


def test_impor_up_every_bad_cell_named(dipa):
    pesan = pesan_gagal(
        dipa,
        "UP;UP-01;16/01/2023;100.000.000;;;",
        "BOS;X-1;16/01/2023;1;;;",
        ";X-2;16/01/2023;1;;;",
        "UP;;16/01/2023;1;;;",
        "UP;UP-02;2023-02-30;1;;;",
        "UP;UP-03;16/01/2024;1;;;",
        "UP;UP-04;16/01/2023;seratus;;;",
        "UP;UP-05;16/01/2023;0;;;",
        "GUP;GUP-01;20/02/2023;10;;15/03/2023;",
        "TUP;TUP-01;10/04/2023;10;;09/04/2023;",
        "PTUP;PTUP-01;08/05/2023;10;;;",
        "GUP;GUP-02;20/02/2023;10;TUP-01;;",
        "UP;UP-01;17/01/2023;100.000.000;;;",
    )
    assert pesan == [
        "Baris 3, kolom jenis: 'BOS' tidak dikenal: tulis UP, GUP, TUP, PTUP, SETOR_TUP atau "
        "SETOR_UP.",
        "Baris 4, kolom jenis: kosong.",
        "Baris 5, kolom nomor: kosong.",
        "Baris 6, kolom tanggal: '2023-02-30' bukan tanggal yang sah (gunakan TTTT-BB-HH, mis. "
        "2023-10-17).",
        "Baris 7, kolom tanggal: 16/01/2024 di luar tahun anggaran 2023.",
        "Baris 8, kolom nilai: 'seratus' bukan angka (contoh yang benar: 1.500.000 atau "
        "1.500.000,50).",
        "Baris 9, kolom nilai: harus lebih dari 0.",
        "Baris 10, kolom batas_waktu: Batas pertanggungjawaban hanya diisi untuk TUP.",
        "Baris 11, kolom batas_waktu: Batas pertanggungjawaban tidak boleh sebelum tanggal TUP "
        "(10/04/2023).",
        "Baris 12, kolom nomor_tup: PTUP harus menyebut TUP yang diselesaikan.",
        "Baris 13, kolom nomor_tup: Hanya PTUP dan setoran sisa TUP yang menyebut TUP.",
        "Baris 14, kolom nomor: UP UP-01 ganda (sama dengan baris 2).",
    ]


def test_impor_up_register_rules_per_row(dipa):
    pesan = pesan_gagal(
        dipa,
        "GUP;GUP-01;10/01/2023;10.000.000;;;",
        "UP;UP-01;16/01/2023;100.000.000;;;",
        "GUP;GUP-02;20/02/2023;100.000.001;;;",
        "TUP;TUP-01;10/04/2023;50.000.000;;;",
        "PTUP;PTUP-01;09/04/2023;45.000.000;TUP-01;;",
        "PTUP;PTUP-02;08/05/2023;45.000.000;TUP-01;;",
        "SETOR_TUP;STS-01;12/05/2023;5.000.001;TUP-01;;",
        "SETOR_UP;STS-UP;20/12/2023;100.000.001;;;",
    )
    assert pesan == [
        "Baris 2, kolom tanggal: GUP memerlukan UP yang diterima sebelumnya: UP pertama "
        "bertanggal 16/01/2023.",
        "Baris 4, kolom nilai: GUP Rp 100.000.001 melebihi besaran UP yang berlaku pada "
        "20/02/2023 (Rp 100.000.000).",
        "Baris 6, kolom tanggal: Tanggal PTUP tidak boleh sebelum tanggal TUP TUP-01 (10/04/2023).",
        "Baris 8, kolom nilai: PTUP dan setoran TUP TUP-01 menjadi Rp 50.000.001, melebihi nilai "
        "TUP Rp 50.000.000 (sisa Rp 5.000.000).",
        "Baris 9, kolom nilai: Setoran sisa UP Rp 100.000.001 melebihi UP yang berlaku pada "
        "20/12/2023 (Rp 100.000.000).",
    ]


def test_impor_up_unknown_tup_and_a_recorded_row_with_other_values(dipa):
    impor(dipa, csv_bytes("UP;UP-01;16/01/2023;100.000.000;;;"))
    with pytest.raises(ImporGagal) as exc:
        impor(dipa, csv_bytes("UP;UP-01;16/01/2023;90.000.000;;;"))
    assert [str(k) for k in exc.value.kesalahan] == [
        "Baris 2, kolom nilai: UP UP-01 sudah tercatat dengan nilai Rp 100.000.000, berbeda dari "
        "Rp 90.000.000."
    ]
    with pytest.raises(ImporGagal) as exc:
        impor(dipa, csv_bytes("PTUP;PTUP-01;08/05/2023;45.000.000;TUP-09;;"))
    assert [str(k) for k in exc.value.kesalahan] == [
        "Baris 2, kolom nomor_tup: TUP TUP-09 tidak ada di berkas ini maupun di register dokumen."
    ]
    assert MutasiUp.objects.count() == 1


def test_impor_up_a_file_that_breaks_a_recorded_gup(dipa):
    impor(
        dipa, csv_bytes("UP;UP-01;16/01/2023;100.000.000;;;", "GUP;GUP-01;20/03/2023;80.000.000;;;")
    )
    with pytest.raises(ImporGagal) as exc:
        impor(dipa, csv_bytes("SETOR_UP;STS-UP;01/03/2023;30.000.000;;;"))
    assert [str(k) for k in exc.value.kesalahan] == [
        "Berkas: GUP GUP-01 (20/03/2023) yang sudah tercatat: GUP Rp 80.000.000 melebihi besaran "
        "UP yang berlaku pada 20/03/2023 (Rp 70.000.000)."
    ]
    assert MutasiUp.objects.count() == 2


def test_impor_up_xlsx_with_dates_and_numbers_as_cells(dipa):
    wb = Workbook()
    ws = wb.active
    ws.append(["Jenis", "Nomor", "Tanggal", "Nilai", "Nomor TUP", "Batas waktu", "Keterangan"])
    ws.append(["UP", "UP-01", date(2023, 1, 16), 100000000, None, None, "=1+1"])
    ws.append(["TUP", "TUP-01", date(2023, 4, 10), 50000000, None, date(2023, 5, 15), None])
    ws.append(["PTUP", "PTUP-01", date(2023, 5, 8), 50000000, "TUP-01", None, None])
    buffer = io.BytesIO()
    wb.save(buffer)
    hasil = impor(dipa, buffer.getvalue(), nama="up.xlsx")
    assert len(hasil.baris) == 3
    assert tup_list(dokumen=dipa)[0].tepat_waktu is True
    # a formula is never evaluated: the sheet's cached value (none, openpyxl keeps none) is read
    assert MutasiUp.objects.get(nomor="UP-01").keterangan == ""


def test_impor_up_file_problems(dipa):
    assert pesan_gagal(dipa, header="jenis;nomor;nilai\n") == [
        "Baris 1, kolom tanggal: kolom wajib tidak ada di baris judul."
    ]
    assert pesan_gagal(dipa) == ["Berkas: berkas tidak berisi baris data."]
    KunciTahun.objects.create(tahun=2023)
    hasil = mutasi_up_impor_periksa(dokumen=dipa, berkas=csv_bytes(*REGISTER), nama_berkas="up.csv")
    assert [str(k) for k in hasil.kesalahan] == [
        "Berkas: Impor tidak diizinkan: Tahun 2023 sudah dikunci (Laporan Kinerja difinalisasi "
        "atau dikunci Sekretaris di Pengaturan Kinerja); data anggaran tahun ini tidak dapat "
        "diubah."
    ]


def test_impor_up_preview_writes_nothing(dipa):
    hasil = mutasi_up_impor_periksa(dokumen=dipa, berkas=csv_bytes(*REGISTER), nama_berkas="a.csv")
    assert hasil.ok and len(hasil.baris) == 7 and not hasil.disimpan
    assert not MutasiUp.objects.exists()


def test_impor_refused_for_another_unit(dipa, staf):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        impor(dipa, csv_bytes(*REGISTER), pengguna=staf)
    with pytest.raises(PermissionDenied):
        dispensasi_impor(pengguna=staf, dokumen=dipa, berkas=b"", nama_berkas="d.csv")


# --- SPM dispensations ------------------------------------------------------------------------

HEADER_DISPENSASI = "nomor,tanggal,jumlah_spm,alasan\n"


def dispensasi_csv(*rows):
    return csv_bytes(*rows, header=HEADER_DISPENSASI)


def test_impor_dispensasi_then_again(dipa, staf_keuangan):
    data = dispensasi_csv(
        "S-12/2023,06/03/2023,2,SPM honor KPPS terlambat",
        '"S-31/2023",2023-07-14,1,"Tagihan listrik, air"',
    )
    hasil = dispensasi_impor(pengguna=staf_keuangan, dokumen=dipa, berkas=data, nama_berkas="d.csv")
    assert hasil.disimpan and len(hasil.baris) == 2 and hasil.total_nilai is None
    assert list(DispensasiSpm.objects.values_list("nomor", "jumlah_spm", "alasan")) == [
        ("S-12/2023", 2, "SPM honor KPPS terlambat"),
        ("S-31/2023", 1, "Tagihan listrik, air"),
    ]
    hasil = dispensasi_impor(pengguna=staf_keuangan, dokumen=dipa, berkas=data, nama_berkas="d.csv")
    assert hasil.baris == [] and len(hasil.dilewati) == 2
    assert DispensasiSpm.objects.count() == 2
    assert JejakAudit.objects.filter(aksi="impor").count() == 2


def test_impor_dispensasi_errors_and_nothing_written(dipa):
    dispensasi_impor(
        pengguna=None,
        dokumen=dipa,
        berkas=dispensasi_csv("S-12/2023,06/03/2023,2,SPM honor"),
        nama_berkas="d.csv",
    )
    data = dispensasi_csv(
        "S-1,06/03/2023,1,ok",
        "S-2,06/03/2023,0,nol",
        "S-3,06/03/2023,1.5,pecahan",
        "S-4,06/03/2023,dua,teks",
        "S-5,06/03/2022,1,tahun lalu",
        "S-6,06/03/2023,1,",
        ",06/03/2023,1,tanpa nomor",
        "S-1,07/03/2023,1,ganda",
        "S-12/2023,06/03/2023,3,SPM honor",
    )
    with pytest.raises(ImporGagal) as exc:
        dispensasi_impor(pengguna=None, dokumen=dipa, berkas=data, nama_berkas="d.csv")
    assert [str(k) for k in exc.value.kesalahan] == [
        "Baris 3, kolom jumlah_spm: Jumlah SPM paling sedikit 1.",
        "Baris 4, kolom jumlah_spm: harus bilangan bulat.",
        "Baris 5, kolom jumlah_spm: 'dua' bukan angka (contoh yang benar: 1.500.000 atau "
        "1.500.000,50).",
        "Baris 6, kolom tanggal: 06/03/2022 di luar tahun anggaran 2023.",
        "Baris 7, kolom alasan: Alasan dispensasi wajib diisi.",
        "Baris 8, kolom nomor: kosong.",
        "Baris 9, kolom nomor: dispensasi S-1 ganda (sama dengan baris 2).",
        "Baris 10, kolom jumlah_spm: Dispensasi S-12/2023 sudah tercatat dengan jumlah_spm 2, "
        "berbeda dari 3.",
    ]
    assert DispensasiSpm.objects.count() == 1
    assert dispensasi_impor_periksa(dokumen=dipa, berkas=data, nama_berkas="d.csv").baris
