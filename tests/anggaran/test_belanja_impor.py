"""Importing contracts and invoices: every bad cell as "Baris N, kolom K" in Indonesian, all rows
or none, a row already recorded skipped, the pagu and contract-value sums over the file and the
stored rows together."""

from datetime import date

import pytest

from anggaran.impor_belanja import (
    kontrak_impor,
    kontrak_impor_periksa,
    tagihan_impor,
    tagihan_impor_periksa,
)
from anggaran.models import Kontrak, Tagihan
from kpu_site.impor import ImporGagal
from kpu_site.models import JejakAudit

from .factories import JUTA

pytestmark = pytest.mark.django_db

KEPALA_KONTRAK = "nomor,kode_akun,tanggal,tanggal_selesai,penyedia,uraian,nilai,tanggal_daftar\n"
KEPALA_TAGIHAN = "nomor_kontrak,nomor,tanggal_bast,tanggal_spm,tanggal_sp2d,nilai\n"


def kode(dipa, akun):
    return dipa.akun[akun].kode_lengkap


def periksa_kontrak(dipa, baris: str):
    return kontrak_impor_periksa(
        dokumen=dipa, berkas=(KEPALA_KONTRAK + baris).encode(), nama_berkas="k.csv"
    )


def periksa_tagihan(dipa, baris: str):
    return tagihan_impor_periksa(
        dokumen=dipa, berkas=(KEPALA_TAGIHAN + baris).encode(), nama_berkas="t.csv"
    )


def test_kontrak_import_writes_every_row_and_skips_a_second_time(dipa_belanja, staf_keuangan):
    d = dipa_belanja
    isi = (
        KEPALA_KONTRAK
        + f"K-1,{kode(d, '532111')},16/01/2023,15/03/2023,CV Satu,Laptop,148.500.000,18/01/2023\n"
        + f"K-2,{kode(d, '521211')},2022-12-20,2023-12-31,PT Dua,Sewa gudang,96.000.000,\n"
    ).encode()
    hasil = kontrak_impor(pengguna=staf_keuangan, dokumen=d, berkas=isi, nama_berkas="k.csv")
    assert hasil.disimpan and len(hasil.baris) == 2
    k1 = Kontrak.objects.get(nomor="K-1")
    assert (k1.nilai, k1.tanggal_daftar, k1.akun.kode) == (
        148_500_000 * JUTA / JUTA,
        date(2023, 1, 18),
        "532111",
    )
    assert JejakAudit.objects.filter(
        aksi="impor", keterangan__startswith="Impor kontrak k.csv: 2 baris, Rp 244.500.000"
    ).exists()
    hasil = kontrak_impor_periksa(dokumen=d, berkas=isi, nama_berkas="k.csv")
    assert hasil.ok and not hasil.baris and len(hasil.dilewati) == 2


def test_kontrak_import_errors_name_row_and_column(dipa_belanja):
    d = dipa_belanja
    hasil = periksa_kontrak(
        d,
        f"K-1,{kode(d, '511111')},2023-01-16,2023-03-15,CV,Gaji,1.000,\n"
        f"K-2,076.01.CQ.9999,2023-01-16,2023-03-15,CV,X,1.000,\n"
        f"K-3,{kode(d, '521211')},2021-05-01,2023-03-15,CV,X,1.000,\n"
        f"K-4,{kode(d, '521211')},2023-02-01,2023-01-15,CV,X,1.000,\n"
        f"K-5,{kode(d, '521211')},2023-02-01,2023-03-15,,X,abc,\n"
        f"K-6,{kode(d, '521211')},2023-02-01,2023-03-15,CV,X,1.000,\n"
        f"K-6,{kode(d, '521211')},2023-02-01,2023-03-15,CV,X,1.000,\n",
    )
    assert [str(k) for k in hasil.kesalahan] == [
        "Baris 2, kolom kode_akun: Akun 511111 bukan belanja barang (52) atau belanja modal (53): "
        "kontrak hanya dibebankan pada akun belanja barang atau modal.",
        "Baris 3, kolom kode_akun: kode 076.01.CQ.9999 bukan baris akun di pohon anggaran.",
        "Baris 4, kolom tanggal: Tanggal tanda tangan harus dalam tahun anggaran 2023 atau "
        "tahun sebelumnya (kontrak dini).",
        "Baris 5, kolom tanggal_selesai: Tanggal akhir pekerjaan tidak boleh sebelum tanggal "
        "tanda tangan (01/02/2023).",
        hasil.kesalahan[4].__str__(),  # the amount's own parser message
        "Baris 8, kolom nomor: kontrak K-6 ganda (sama dengan baris 7).",
    ]
    assert str(hasil.kesalahan[4]).startswith("Baris 6, kolom nilai:")


def test_kontrak_import_pagu_counts_the_file_and_the_stored_contracts(dipa_belanja):
    from .belanja_dasar import kontrak_catat

    d = dipa_belanja
    kontrak_catat(d, "521213", "K-0", date(2023, 1, 5), 30)  # pagu 521213: Rp 50.000.000
    isi = (
        KEPALA_KONTRAK
        + f"K-1,{kode(d, '521213')},2023-02-01,2023-03-15,CV,X,15.000.000,\n"
        + f"K-2,{kode(d, '521213')},2023-02-01,2023-03-15,CV,X,6.000.000,\n"
    ).encode()
    with pytest.raises(ImporGagal) as exc:
        kontrak_impor(pengguna=None, dokumen=d, berkas=isi, nama_berkas="k.csv")
    assert [str(k) for k in exc.value.kesalahan] == [
        "Baris 3, kolom nilai: Nilai kontrak Rp 6.000.000 bersama kontrak lain pada akun 521213 "
        "(Rp 45.000.000) menjadi Rp 51.000.000, melebihi pagu akun Rp 50.000.000."
    ]
    assert Kontrak.objects.count() == 1  # nothing written


def test_kontrak_import_a_recorded_row_with_other_values_is_an_error(belanja):
    hasil = periksa_kontrak(
        belanja,
        f"K-03,{kode(belanja, '521213')},2023-02-03,2023-12-31,CV Uji,Pekerjaan uji,41.000.000,\n",
    )
    assert [str(k) for k in hasil.kesalahan] == [
        "Baris 2, kolom nilai: Kontrak K-03 sudah tercatat dengan nilai Rp 40.000.000, berbeda "
        "dari Rp 41.000.000."
    ]


def test_tagihan_import_rules_and_atomicity(belanja):
    hasil = periksa_tagihan(
        belanja,
        "K-01,BAST-02,2023-01-10,,,1\n"
        "K-99,BAST-9,2023-03-10,,,1\n"
        "K-03,BAST-03,2023-02-28,2023-03-06,2023-01-30,1\n"
        "K-03,BAST-04,2023-02-28,,2023-03-08,1\n"
        "K-03,BAST-05,2023-02-28,2023-02-27,,1\n"
        "K-12,SEWA-TW1,2023-03-31,2023-04-11,2023-04-13,24.000.000\n",
    )
    assert [str(k) for k in hasil.kesalahan] == [
        "Baris 2, kolom tanggal_bast: Tanggal BAST tidak boleh sebelum tanggal tanda tangan "
        "kontrak (16/01/2023).",
        "Baris 3, kolom nomor_kontrak: kontrak K-99 belum tercatat di dokumen ini (impor "
        "kontraknya lebih dahulu).",
        "Baris 4, kolom tanggal_sp2d: Tagihan dibayar sebelum kontrak: tanggal SP2D sebelum "
        "tanggal tanda tangan kontrak (03/02/2023).",
        "Baris 5, kolom tanggal_sp2d: SP2D memerlukan SPM: isi tanggal SPM lebih dahulu.",
        "Baris 6, kolom tanggal_spm: Tanggal SPM tidak boleh sebelum tanggal BAST (28/02/2023).",
    ]
    assert hasil.dilewati == [(7, "SEWA-TW1 (K-12)")]
    # the sum over the file and the stored invoices; nothing written when one row is bad
    isi = (
        KEPALA_TAGIHAN
        + "K-03,BAST-03,2023-02-28,2023-03-06,2023-03-08,40.000.000\n"
        + "K-12,SEWA-TW4,2023-12-15,,,12.000.000\n"
        + "K-12,SEWA-TW5,2023-12-20,,,12.000.001\n"
    ).encode()
    with pytest.raises(ImporGagal) as exc:
        tagihan_impor(pengguna=None, dokumen=belanja, berkas=isi, nama_berkas="t.csv")
    assert [str(k) for k in exc.value.kesalahan] == [
        "Baris 4, kolom nilai: Jumlah tagihan kontrak K-12 menjadi Rp 96.000.001, melebihi "
        "nilai kontrak Rp 96.000.000 (sisa Rp 12.000.000)."
    ]
    assert Tagihan.objects.count() == 4
    hasil = tagihan_impor(
        pengguna=None,
        dokumen=belanja,
        berkas=isi.replace(b"12.000.001", b"12.000.000"),
        nama_berkas="t.csv",
    )
    assert hasil.disimpan and Tagihan.objects.count() == 7
