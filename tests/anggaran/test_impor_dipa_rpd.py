"""The RPD (halaman III) read with the DIPA: month columns on the POK sheet's lines or a sheet
of its own (``lembar_rpd``), each line's months against its pagu, stored as the
``RencanaPenarikan`` of the new DIPA or of the revision."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from anggaran.impor_dipa import (
    dipa_impor,
    dipa_impor_periksa,
    revisi_impor,
    revisi_impor_periksa,
)
from anggaran.models import RencanaPenarikan, Revisi
from tests.data.buat_dipa_sakti import BOBOT, baris_dipa, baris_rpd, xlsx_tulis

from .test_impor_dipa import AKUN_BAHAN, CONTOH, INDUK, impor

pytestmark = pytest.mark.django_db

SATUAN = Decimal("645750000")  # a twelfth of the sample's pagu 7.749.000.000
RPD_CONTOH = {b: SATUAN * w for b, w in enumerate(BOBOT, start=1)}
BULAN = "JAN;FEB;MAR;APR;MEI;JUN;JUL;AGS;SEP;OKT;NOV;DES"


def _rpd(revisi) -> dict[int, Decimal]:
    return dict(RencanaPenarikan.objects.filter(revisi=revisi).values_list("bulan", "nilai"))


def _csv(*detail: str, judul: str = f"KODE;URAIAN;VOLUME;SATUAN;HARGA SATUAN;JUMLAH;{BULAN}"):
    induk = [r + ";" * 12 for r in INDUK]
    return (judul + "\n" + "\n".join([*induk, *detail]) + "\n").encode()


def test_rpd_from_its_own_sheet_pins_the_monthly_sums(staf_keuangan):
    hasil = dipa_impor_periksa(
        tahun=2024, berkas=CONTOH.read_bytes(), nama_berkas="pok.xlsx", lembar_rpd="RPD"
    )
    assert hasil.kesalahan == []
    assert hasil.rpd == RPD_CONTOH
    assert (hasil.rpd[1], hasil.rpd[3], hasil.rpd[12]) == (
        Decimal("0"),
        Decimal("645750000"),
        Decimal("1291500000"),
    )
    assert sum(hasil.rpd.values()) == hasil.total == Decimal("7749000000")
    dokumen = impor(staf_keuangan, CONTOH.read_bytes()).dokumen  # no lembar_rpd: no RPD
    assert not RencanaPenarikan.objects.filter(revisi__dokumen=dokumen).exists()


def test_rpd_on_the_detail_rows_is_stored_with_the_new_dipa(staf_keuangan):
    data = _csv(
        ";Kertas;2;RIM;50.000;100.000;;;100.000;;;;;;;;;",
        ";Tinta;1;BH;200.000;200.000;;;;;;100.000;;;;;;100.000",
    )
    hasil = dipa_impor(
        pengguna=staf_keuangan,
        tahun=2024,
        nomor="SP DIPA 2024",
        tanggal=date(2024, 1, 2),
        berkas=data,
        nama_berkas="pok.csv",
    )
    revisi = Revisi.objects.get(dokumen=hasil.dokumen, nomor=0)
    assert _rpd(revisi) == {b: Decimal("0") for b in range(1, 13)} | {
        3: Decimal("100000"),
        6: Decimal("100000"),
        12: Decimal("100000"),
    }


def test_rpd_row_not_adding_up_to_its_pagu_names_row_and_column():
    data = _csv(
        ";Kertas;2;RIM;50.000;100.000;;;90.000;;;;;;;;;",
        ";Tinta;1;BH;200.000;200.000;;;;;;100.000;;;;;;100.000",
    )
    hasil = dipa_impor_periksa(tahun=2024, berkas=data, nama_berkas="pok.csv")
    assert [str(k) for k in hasil.kesalahan] == [
        f"Baris 9, kolom JAN–DES: RPD 12 bulan Rp 90.000 tidak sama dengan pagu {AKUN_BAHAN}.1 "
        "Rp 100.000."
    ]
    judul = "KODE;URAIAN;VOLUME;SATUAN;HARGA SATUAN;JUMLAH;RPD Januari;RPD Februari"
    hasil = dipa_impor_periksa(tahun=2024, berkas=_csv(judul=judul), nama_berkas="pok.csv")
    assert str(hasil.kesalahan[0]) == (
        "Baris 1, kolom MAR: kolom bulan RPD tidak ada (perlu 12 bulan)."
    )


def test_rpd_on_the_akun_row_counts_once_and_must_cover_the_pagu():
    akun = INDUK[-1] + ";;;;;;;300.000;;;;;;"
    baris = [*INDUK[:-1], akun, ";Kertas;2;RIM;50.000;100.000", ";Tinta;1;BH;200.000;200.000"]
    judul = f"KODE;URAIAN;VOLUME;SATUAN;HARGA SATUAN;JUMLAH;{BULAN}"
    data = (judul + "\n" + "\n".join(baris) + "\n").encode()
    hasil = dipa_impor_periksa(tahun=2024, berkas=data, nama_berkas="pok.csv")
    assert hasil.kesalahan == []
    assert hasil.rpd[7] == Decimal("300000") and sum(hasil.rpd.values()) == Decimal("300000")
    # a second akun with pagu but no RPD on it or above it
    honor = AKUN_BAHAN.replace("521211", "521213")
    kurang = data + f"{honor};Honor;;;;\n;Honor narasumber;1;OJ;100.000;100.000\n".encode()
    hasil = dipa_impor_periksa(tahun=2024, berkas=kurang, nama_berkas="p.csv")
    assert [str(k) for k in hasil.kesalahan] == [
        "Berkas, kolom JAN–DES: RPD seluruhnya Rp 300.000 tidak sama dengan pagu Rp 400.000 "
        "(setiap baris berpagu perlu RPD pada baris itu atau baris induknya)."
    ]


def test_rpd_sheet_row_with_an_unknown_code_is_named():
    rpd = baris_rpd()
    rpd[3][0] = "076.01.CQ.6701.QGE.001.051.A.999999"
    buf = io.BytesIO()
    xlsx_tulis(baris_dipa(), buf, rpd=rpd)
    hasil = dipa_impor_periksa(
        tahun=2024, berkas=buf.getvalue(), nama_berkas="pok.xlsx", lembar_rpd="RPD"
    )
    pesan = [str(k) for k in hasil.kesalahan]
    assert pesan[0] == (
        "Baris 4, kolom JAN–DES (lembar RPD): kode 076.01.CQ.6701.QGE.001.051.A.999999 tidak "
        "ada di lembar POK."
    )


def test_rpd_revision_from_the_sheet_writes_only_the_rpd(staf_keuangan):
    dokumen = impor(staf_keuangan, CONTOH.read_bytes()).dokumen
    hasil = revisi_impor_periksa(
        dokumen=dokumen, berkas=CONTOH.read_bytes(), nama_berkas="r.xlsx", lembar_rpd="RPD"
    )
    assert (hasil.kesalahan, hasil.beda, hasil.rpd_berubah) == ([], [], True)
    revisi_impor(
        pengguna=staf_keuangan,
        dokumen=dokumen,
        tanggal=date(2024, 3, 1),
        alasan="RPD dari SAKTI",
        berkas=CONTOH.read_bytes(),
        nama_berkas="r.xlsx",
        lembar_rpd="RPD",
    )
    revisi = Revisi.objects.get(dokumen=dokumen, nomor=1)
    assert _rpd(revisi) == RPD_CONTOH
    again = revisi_impor_periksa(
        dokumen=dokumen, berkas=CONTOH.read_bytes(), nama_berkas="r.xlsx", lembar_rpd="RPD"
    )
    assert [str(k) for k in again.kesalahan] == [
        "Berkas: tidak ada perubahan pagu, uraian atau RPD dibanding revisi yang berlaku."
    ]


def test_rpd_sheet_on_the_page_and_the_api(staf_keuangan, masuk):
    client = masuk(staf_keuangan)
    url = reverse("anggaran:dipa_impor")
    data = {"tahun": "2024", "nomor": "SP DIPA 2024", "tanggal": "2024-01-02", "lembar_rpd": "RPD"}
    r = client.post(url, data | {"berkas": SimpleUploadedFile("pok.xlsx", CONTOH.read_bytes())})
    teks = r.content.decode()
    assert 'id="rpd-impor"' in teks and "Rp 1.291.500.000" in teks
    client.post(url, {"token": r.context["token"]})
    revisi = Revisi.objects.get(nomor=0)
    assert _rpd(revisi) == RPD_CONTOH

    api = "/api/anggaran/dokumen/impor-dipa/"
    data = data | {"tahun": "2025", "pratinjau": "true"}
    r = client.post(api, data | {"berkas": SimpleUploadedFile("p.xlsx", CONTOH.read_bytes())})
    assert r.status_code == 200, r.content
    assert r.json()["rpd"][11] == {"bulan": 12, "nilai": "1291500000.00"}


def test_rpd_on_the_revision_page_and_api(staf_keuangan, masuk):
    dokumen = impor(staf_keuangan, CONTOH.read_bytes()).dokumen
    client = masuk(staf_keuangan)
    data = {"tanggal": "2024-03-01", "alasan": "RPD", "lembar_rpd": "RPD"}
    url = reverse("anggaran:revisi_impor", args=[dokumen.pk])
    r = client.post(url, data | {"berkas": SimpleUploadedFile("r.xlsx", CONTOH.read_bytes())})
    teks = r.content.decode()
    assert "RPD (halaman III) per bulan — berubah" in teks and r.context["token"]
    api = f"/api/anggaran/dokumen/{dokumen.pk}/revisi-impor/"
    r = client.post(api, data | {"berkas": SimpleUploadedFile("r.xlsx", CONTOH.read_bytes())})
    assert r.status_code == 201, r.content
    assert (r.json()["nomor_revisi"], r.json()["rpd_berubah"], r.json()["beda"]) == (1, True, [])
    assert _rpd(Revisi.objects.get(dokumen=dokumen, nomor=1)) == RPD_CONTOH
