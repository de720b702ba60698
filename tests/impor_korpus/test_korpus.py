"""The bad-input corpus of every import (issue 14): each bad file, through the page and, where
the import has them, the API and the management command, gives the exact message naming the
row and column (or the file) and leaves every table as it was. Files are generated here."""

from __future__ import annotations

import csv
import functools
import io
import random
import zipfile
from dataclasses import dataclass, field

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from anggaran.models import ImporRealisasi, Realisasi
from badan_adhoc.models import TPS, AnggotaParpol, Pendaftar, Wilayah
from badan_adhoc.services import anggota_parpol_import, pendaftar_import, pendaftar_screen
from badan_adhoc.services.impor import KOLOM_PARPOL, KOLOM_PENDAFTAR, KOLOM_TPS, KOLOM_WILAYAH
from kpu_site.models import JejakAudit
from sekretariat.models import Pegawai
from tests.anggaran.factories import DokumenAnggaranFactory, pohon_kecil
from tests.badan_adhoc.conftest import berkas
from tests.berkas_uji import xlsx_dari_baris

pytestmark = pytest.mark.django_db

AKUN1 = "076.01.CQ.6709.QGE.001.051.A.521211"
ANGKA = "bukan angka (contoh yang benar: 1.500.000 atau 1.500.000,50)."
DI_LUAR_INT = "di luar batas: harus antara 0 dan 2.147.483.647."


def _tanggal(teks: str) -> str:
    return f"'{teks}' bukan tanggal yang sah (gunakan TTTT-BB-HH, mis. 2023-10-17)."


@dataclass(frozen=True)
class Impor:
    kolom: tuple[str, ...]
    baik: dict  # a valid row ("{nik}": the MS applicant's NIK)
    lain: dict  # what makes a second row differ from the first (its key)
    jalur: tuple[str, ...]
    teks: str  # the column for the cell over 131,072 characters and the NUL
    kasus: dict = field(default_factory=dict)  # name -> (changes to the row, message)


IMPOR = {
    "realisasi": Impor(
        kolom=("tanggal", "nomor_sp2d", "kode_akun", "uraian", "nilai"),
        baik={
            "tanggal": "2023-03-01",
            "nomor_sp2d": "SP-1",
            "kode_akun": AKUN1,
            "uraian": "Honor narasumber",
            "nilai": "100.000",
        },
        lain={"nomor_sp2d": "SP-2"},
        jalur=("halaman", "api", "perintah"),
        teks="uraian",
        kasus={
            "tanggal_30_februari": (
                {"tanggal": "2023-02-30"},
                "kolom tanggal: " + _tanggal("2023-02-30"),
            ),
            "tanggal_31_april": (
                {"tanggal": "31/04/2023"},
                "kolom tanggal: " + _tanggal("31/04/2023"),
            ),
            "angka_rusak": ({"nilai": "1.000,5.5"}, f"kolom nilai: '1.000,5.5' {ANGKA}"),
            "negatif": ({"nilai": "-100"}, "kolom nilai: harus lebih dari 0."),
            "angka_1e20": ({"nilai": "1e20"}, f"kolom nilai: '1e20' {ANGKA}"),
            "angka_21_digit": (
                {"nilai": "1" + "0" * 20},
                "kolom nilai: terlalu besar: paling banyak 16 digit sebelum koma.",
            ),
            "teks_terlalu_panjang": (
                {"uraian": "a" * 501},
                "kolom uraian: terlalu panjang: paling banyak 500 karakter (tertulis 501).",
            ),
        },
    ),
    "wilayah": Impor(
        kolom=KOLOM_WILAYAH,
        baik={
            "kode": "36.73.03",
            "nama": "Cipocok Jaya",
            "jenis": "kecamatan",
            "kode_induk": "36.73",
        },
        lain={"kode": "36.73.04"},
        jalur=("halaman", "api", "perintah"),
        teks="nama",
        kasus={
            "kode_induk_40": (
                {"kode_induk": "3" * 40},
                "kolom kode_induk: terlalu panjang: paling banyak 20 karakter (tertulis 40).",
            ),
            "teks_terlalu_panjang": (
                {"nama": "a" * 101},
                "kolom nama: terlalu panjang: paling banyak 100 karakter (tertulis 101).",
            ),
        },
    ),
    "tps": Impor(
        kolom=KOLOM_TPS,
        baik={"kode_kelurahan": "36.73.01.1001", "nomor": "9", "jumlah_dpt": "250"},
        lain={"nomor": "10"},
        jalur=("halaman", "api", "perintah"),
        teks="kode_kelurahan",
        kasus={
            "angka_1e20": ({"nomor": "1e20"}, f"kolom nomor: '1e20' {ANGKA}"),
            "angka_21_digit": ({"jumlah_dpt": "1" + "0" * 20}, f"kolom jumlah_dpt: {DI_LUAR_INT}"),
            "nomor_satu_triliun": ({"nomor": "1.000.000.000.000"}, f"kolom nomor: {DI_LUAR_INT}"),
            "negatif": (
                {"jumlah_dpt": "-5"},
                "kolom jumlah_dpt: '-5' harus bilangan bulat tidak negatif.",
            ),
            "angka_rusak": ({"jumlah_dpt": "1.000,5.5"}, f"kolom jumlah_dpt: '1.000,5.5' {ANGKA}"),
        },
    ),
    "parpol": Impor(
        kolom=KOLOM_PARPOL,
        baik={"nik": "3673010101900001", "nama": "Budi Raharjo", "partai": "Partai Contoh Tiga"},
        lain={"nik": "3673010101900002"},
        jalur=("halaman", "api", "perintah"),
        teks="nama",
        kasus={
            "teks_terlalu_panjang": (
                {"nama": "a" * 151},
                "kolom nama: terlalu panjang: paling banyak 150 karakter (tertulis 151).",
            ),
            "partai_terlalu_panjang": (
                {"partai": "a" * 101},
                "kolom partai: terlalu panjang: paling banyak 100 karakter (tertulis 101).",
            ),
        },
    ),
    "pendaftar": Impor(
        kolom=KOLOM_PENDAFTAR,
        baik={
            "nik": "3673011205900009",
            "nama": "Ahmad Fauzi",
            "jenis_kelamin": "L",
            "tempat_lahir": "Serang",
            "tanggal_lahir": "1990-05-12",
            "pendidikan": "S1",
            "kode_domisili": "36.73.01.1001",
            "alamat": "Jl. Ki Mas Jong 1",
            "no_hp": "081200000001",
            "email": "ahmad@contoh.id",
            "kode_wilayah_tujuan": "36.73.01.1001",
        },
        lain={"nik": "3673011205900010"},
        jalur=("halaman", "api", "perintah"),
        teks="nama",
        kasus={
            "tanggal_30_februari": (
                {"tanggal_lahir": "1990-02-30"},
                "kolom tanggal_lahir: " + _tanggal("1990-02-30"),
            ),
            "tanggal_31_april": (
                {"tanggal_lahir": "31/04/1990"},
                "kolom tanggal_lahir: " + _tanggal("31/04/1990"),
            ),
            "teks_terlalu_panjang": (
                {"nama": "a" * 151},
                "kolom nama: terlalu panjang: paling banyak 150 karakter (tertulis 151).",
            ),
            "alamat_terlalu_panjang": (
                {"alamat": "a" * 256},
                "kolom alamat: terlalu panjang: paling banyak 255 karakter (tertulis 256).",
            ),
        },
    ),
    "pegawai": Impor(
        kolom=(
            *("nama", "status", "jenis_ppnpn", "unit", "jenis_kelamin", "tanggal_lahir"),
            *("tmt", "pendidikan"),
        ),
        baik={
            "nama": "Nina Kartika",
            "status": "PPNPN",
            "jenis_ppnpn": "Pramubakti",
            "unit": "keuangan",
            "jenis_kelamin": "P",
            "tanggal_lahir": "1998-08-08",
            "tmt": "2024-01-02",
            "pendidikan": "SLTA",
        },
        lain={"nama": "Nani Kartika"},
        jalur=("halaman", "api", "perintah"),
        teks="nama",
        kasus={
            "tanggal_30_februari": (
                {"tanggal_lahir": "1998-02-30"},
                "kolom tanggal_lahir: " + _tanggal("1998-02-30"),
            ),
            "tanggal_31_april": (
                {"tmt": "31/04/2024"},
                "kolom tmt: " + _tanggal("31/04/2024"),
            ),
            "teks_terlalu_panjang": (
                {"nama": "a" * 201},
                "kolom nama: terlalu panjang: paling banyak 200 karakter (tertulis 201).",
            ),
        },
    ),
    "nilai": Impor(
        kolom=("nik", "nilai_cat", "nilai_wawancara"),
        baik={"nik": "{nik}", "nilai_cat": "80", "nilai_wawancara": "75"},
        lain={"nilai_wawancara": "76"},
        jalur=("halaman", "api"),
        teks="nik",
        kasus={
            "angka_rusak": ({"nilai_cat": "1.000,5.5"}, f"kolom nilai_cat: '1.000,5.5' {ANGKA}"),
            "negatif": ({"nilai_cat": "-5"}, "kolom nilai_cat: -5 di luar rentang 0–100."),
            "angka_1e20": ({"nilai_wawancara": "1e20"}, f"kolom nilai_wawancara: '1e20' {ANGKA}"),
            "angka_21_digit": (
                {"nilai_cat": "1" + "0" * 20},
                "kolom nilai_cat: 100000000000000000000 di luar rentang 0–100.",
            ),
        },
    ),
}


# --------------------------------------------------------------------------- files


def _baris(spec: Impor, ubah: dict, nik: str, *, lain: bool = False) -> list[str]:
    data = spec.baik | (spec.lain if lain else {}) | ubah
    return [str(data[k]).replace("{nik}", nik) for k in spec.kolom]


def _csv(rows: list[list[str]], encoding: str = "utf-8", sep: str = ";") -> bytes:
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode(encoding)


@functools.cache
def _bom() -> tuple[bytes, str]:
    """A 20 KB xlsx whose sheet expands to 20 MB of zeros, and the message it gets."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", "0" * (20 * 1024 * 1024))
    info = zipfile.ZipFile(buf).getinfo("xl/worksheets/sheet1.xml")
    rasio = f"{info.file_size // info.compress_size:,}".replace(",", ".")
    return buf.getvalue(), (
        f"Berkas: berkas XLSX tidak wajar: bagian xl/worksheets/sheet1.xml memuai {rasio} kali "
        "setelah diurai (lembar kerja asli paling banyak 50 kali); kemungkinan zip bomb, ditolak."
    )


BINER = random.Random(14).randbytes(4096)


def kasus_berkas(spec: Impor, kasus: str, nik: str, settings) -> tuple[str, bytes, list[str]]:
    """(file name, content, expected messages) of one case."""
    kolom = list(spec.kolom)
    baik = _baris(spec, {}, nik)
    _pertama, (ubah, pesan) = next(iter(spec.kasus.items()))
    salah3 = _baris(spec, ubah, nik, lain=True)
    baris3 = f"Baris 3, {pesan}"
    n = len(kolom)
    if kasus in spec.kasus:
        ubah, pesan = spec.kasus[kasus]
        return "a.csv", _csv([kolom, _baris(spec, ubah, nik)]), [f"Baris 2, {pesan}"]
    if kasus == "sel_131073":
        row = _baris(spec, {spec.teks: "a" * 131_073}, nik)
        pesan = f"Baris 2, kolom {spec.teks}: isian terlalu panjang: lebih dari 131.072 karakter."
        return "a.csv", _csv([kolom, row]), [pesan]
    if kasus == "nul":
        row = _baris(spec, {spec.teks: "Bu\x00di"}, nik)
        pesan = f"Baris 2, kolom {spec.teks}: berisi karakter NUL (berkas rusak atau bukan teks)."
        return "a.csv", _csv([kolom, row]), [pesan]
    if kasus == "biner_csv":
        return "a.csv", BINER, ["Berkas: bukan berkas CSV atau XLSX (isinya data biner)."]
    if kasus == "biner_xlsx":
        return "a.xlsx", BINER, ["Berkas: berkas bukan XLSX yang sah (bukan arsip Excel)."]
    if kasus == "zip_bomb":
        data, pesan = _bom()
        return "a.xlsx", data, [pesan]
    if kasus == "csv_bernama_xlsx":
        data = _csv([kolom, baik])
        return "a.xlsx", data, ["Berkas: berkas bukan XLSX yang sah (bukan arsip Excel)."]
    if kasus == "xlsx_bernama_csv":
        return "a.csv", xlsx_dari_baris([kolom, baik, salah3]), [baris3]
    if kasus == "utf16":
        return "a.txt", _csv([kolom, baik, salah3], "utf-16", "\t"), [baris3]
    if kasus == "latin1":
        return "a.csv", _csv([kolom, baik, salah3], "latin-1"), [baris3]
    if kasus == "kolom_tambahan":
        rows = [[*kolom, "catatan"], [*baik, "boleh"], [*salah3, ""]]
        return "a.csv", _csv(rows), [baris3]
    if kasus == "isian_bergeser":
        pesan = (
            f"Baris 2, kolom ke-{n + 1}: isian di luar {n} kolom baris judul (ada pemisah di "
            "dalam isian? apit isian itu dengan tanda kutip)."
        )
        return "a.csv", _csv([kolom, [*baik, "bergeser"]]), [pesan]
    if kasus == "kolom_ganda":
        pesan = f"Baris 1, kolom {kolom[0]}: kolom ganda di baris judul."
        return "a.csv", _csv([[*kolom, kolom[0]], [*baik, baik[0]]]), [pesan]
    if kasus == "kolom_hilang":
        pesan = f"Baris 1, kolom {kolom[0]}: kolom wajib tidak ada di baris judul."
        return "a.csv", _csv([kolom[1:], baik[1:]]), [pesan]
    if kasus == "judul_saja":
        isi = "baris data." if "nilai" in kolom else "satu pun baris data."
        return "a.csv", _csv([kolom]), [f"Berkas: berkas tidak berisi {isi}"]
    if kasus == "kosong":
        return "a.csv", b"", ["Berkas: berkas kosong: tidak ada baris judul kolom."]
    if kasus == "melebihi_ukuran":
        settings.IMPOR_BATAS_UKURAN = 1024 * 1024
        data = _csv([kolom, baik]) + b"\n" * (1363149 - len(_csv([kolom, baik])))
        return "a.csv", data, ["Berkas: berkas 1,3 MB melebihi batas 1 MB (IMPOR_BATAS_UKURAN)."]
    if kasus == "melebihi_baris":
        settings.IMPOR_BATAS_BARIS = 3
        pesan = (
            "Berkas: lebih dari 3 baris (IMPOR_BATAS_BARIS); pecah berkas menjadi beberapa bagian."
        )
        return "a.csv", _csv([kolom, baik, [], []]), [pesan]
    raise AssertionError(kasus)


UMUM = (
    "sel_131073",
    "nul",
    "biner_csv",
    "biner_xlsx",
    "zip_bomb",
    "csv_bernama_xlsx",
    "xlsx_bernama_csv",
    "utf16",
    "latin1",
    "kolom_tambahan",
    "isian_bergeser",
    "kolom_ganda",
    "kolom_hilang",
    "judul_saja",
    "kosong",
    "melebihi_ukuran",
    "melebihi_baris",
)

KASUS = [
    pytest.param(nama, jalur, kasus, id=f"{nama}-{jalur}-{kasus}")
    for nama, spec in IMPOR.items()
    for kasus in (*spec.kasus, *UMUM)
    for jalur in spec.jalur
]


# --------------------------------------------------------------------------- running an import


def _jumlah() -> dict[str, int]:
    return {
        "realisasi": Realisasi.objects.count(),
        "impor_realisasi": ImporRealisasi.objects.count(),
        "wilayah": Wilayah.objects.count(),
        "tps": TPS.objects.count(),
        "anggota_parpol": AnggotaParpol.objects.count(),
        "pendaftar": Pendaftar.objects.count(),
        "pendaftar_bernilai": Pendaftar.objects.filter(nilai_cat__isnull=False).count(),
        "pegawai": Pegawai.objects.count(),
        "jejak_audit": JejakAudit.objects.count(),
    }


@pytest.fixture
def siap(wilayah_uji, rekrutmen_pps, sekretaris, staf_keuangan, staf_teknis, pengguna_buat):
    """Data for every import: a DIPA 2023 with a small tree, the crafted regency, a PPS
    recruitment with screened applicants (one MS for the score import), a party list and a
    Hukum dan SDM staff (the staff import)."""
    from kpu_site.peran import Peran

    dipa = DokumenAnggaranFactory()
    pohon_kecil(dipa, sekretaris)
    pendaftar_import(
        rekrutmen=rekrutmen_pps, berkas=berkas("pendaftar_kpps.csv"), nama_berkas="p.csv"
    )
    pendaftar_screen(rekrutmen=rekrutmen_pps)
    anggota_parpol_import(berkas=berkas("anggota_parpol.csv"), nama_berkas="a.csv")
    ms = Pendaftar.objects.filter(rekrutmen=rekrutmen_pps, status_administrasi="ms").first()
    return {
        "dipa": dipa,
        "rekrutmen": rekrutmen_pps,
        "nik": ms.nik,
        "keuangan": staf_keuangan,
        "teknis": staf_teknis,
        "hukum_sdm": pengguna_buat("staf.sdm.korpus", Peran.STAF, "hukum_sdm"),
    }


URL = {
    "realisasi": lambda s: reverse("anggaran:realisasi_impor", args=[s["dipa"].pk]),
    "wilayah": lambda s: reverse("badan_adhoc:wilayah_import"),
    "tps": lambda s: reverse("badan_adhoc:tps_import"),
    "parpol": lambda s: reverse("badan_adhoc:parpol_import"),
    "pendaftar": lambda s: reverse("badan_adhoc:pendaftar_import", args=[s["rekrutmen"].pk]),
    "nilai": lambda s: reverse("badan_adhoc:nilai_import", args=[s["rekrutmen"].pk]),
    "pegawai": lambda s: reverse("sekretariat:pegawai_impor"),
}
PERINTAH = {
    "realisasi": lambda s: ("impor_realisasi", "2023"),
    "wilayah": lambda s: ("impor_wilayah",),
    "tps": lambda s: ("impor_tps",),
    "parpol": lambda s: ("impor_anggota_parpol",),
    "pendaftar": lambda s: ("impor_pendaftar", s["rekrutmen"].kode),
    "pegawai": lambda s: ("impor_pegawai",),
}


def _lewat_halaman(nama, siap, client, nama_berkas, data) -> list[str]:
    penguji = {"realisasi": "keuangan", "pegawai": "hukum_sdm"}.get(nama, "teknis")
    client.force_login(siap[penguji])
    response = client.post(URL[nama](siap), {"berkas": SimpleUploadedFile(nama_berkas, data)})
    assert response.status_code == 200
    kesalahan = response.context.get("kesalahan")
    if kesalahan is not None:
        return [str(k) for k in kesalahan]
    return list(response.context["form"].errors["berkas"])


API = {
    "realisasi": lambda s: f"/api/anggaran/dokumen/{s['dipa'].pk}/impor/",
    "pegawai": lambda s: reverse("sekretariat-pegawai-impor"),
    "wilayah": lambda s: reverse("badan_adhoc-impor-wilayah"),
    "tps": lambda s: reverse("badan_adhoc-impor-tps"),
    "parpol": lambda s: reverse("badan_adhoc-impor-anggota-parpol"),
    "pendaftar": lambda s: reverse(
        "badan_adhoc-rekrutmen-impor-pendaftar", args=[s["rekrutmen"].pk]
    ),
    "nilai": lambda s: reverse("badan_adhoc-rekrutmen-impor-nilai", args=[s["rekrutmen"].pk]),
}


def _lewat_api(nama, siap, client, nama_berkas, data) -> list[str]:
    masuk = {"realisasi": "keuangan", "pegawai": "hukum_sdm"}.get(nama, "teknis")
    client.force_login(siap[masuk])
    response = client.post(API[nama](siap), {"berkas": SimpleUploadedFile(nama_berkas, data)})
    assert response.status_code == 400
    isi = response.json()
    if "kesalahan" in isi:
        return [k["pesan"] for k in isi["kesalahan"]]
    return isi["berkas"]


def _lewat_perintah(nama, siap, tmp_path, nama_berkas, data) -> list[str]:
    path = tmp_path / nama_berkas
    path.write_bytes(data)
    err = io.StringIO()
    with pytest.raises(CommandError, match="tidak ada"):
        call_command(*PERINTAH[nama](siap), str(path), stderr=err)
    return err.getvalue().splitlines()


# Django's own refusal of an empty upload, before any import code runs (a form or serializer
# field): the page and the API name the file too.
KOSONG = {"halaman": ["Berkas kosong."], "api": ["Berkas kosong."]}


@pytest.mark.parametrize(("nama", "jalur", "kasus"), KASUS)
def test_impor_korpus_bad_file_names_row_and_column_and_writes_nothing(
    nama, jalur, kasus, siap, client, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    spec = IMPOR[nama]
    nama_berkas, data, harapan = kasus_berkas(spec, kasus, siap["nik"], settings)
    if kasus == "kosong" and jalur in KOSONG:
        harapan = KOSONG[jalur]
    sebelum = _jumlah()
    if jalur == "halaman":
        pesan = _lewat_halaman(nama, siap, client, nama_berkas, data)
    elif jalur == "api":
        pesan = _lewat_api(nama, siap, client, nama_berkas, data)
    else:
        pesan = _lewat_perintah(nama, siap, tmp_path, nama_berkas, data)
    assert pesan == harapan
    assert _jumlah() == sebelum


# --------------------------------------------------------------------------- large files


def _zip_dengan_ukuran(ukuran: dict[str, tuple[int, int]]) -> bytes:
    """A zip whose central directory states (expanded, compressed) sizes per part: what the
    zip-bomb check reads, without building hundreds of megabytes in a test."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for nama in ("[Content_Types].xml", "xl/workbook.xml", *ukuran):
            zf.writestr(nama, b"<x/>")
    data = bytearray(buf.getvalue())
    awal = 0
    while (awal := data.find(b"PK\x01\x02", awal)) >= 0:
        panjang_nama = int.from_bytes(data[awal + 28 : awal + 30], "little")
        nama = data[awal + 46 : awal + 46 + panjang_nama].decode()
        if nama in ukuran:
            terurai, mampat = ukuran[nama]
            data[awal + 20 : awal + 28] = mampat.to_bytes(4, "little") + terurai.to_bytes(
                4, "little"
            )
        awal += 46
    return bytes(data)


def test_xlsx_check_passes_a_genuine_full_sheet_and_refuses_a_bomb():
    from kpu_site.impor import ImporGagal, _periksa_xlsx

    # A 1,048,576-row applicant sheet written by openpyxl: 50,000 rows measured 33.9 MB
    # expanded, 3.77 MB compressed (9×), so the full sheet is about 710 MB / 79 MB.
    _periksa_xlsx(_zip_dengan_ukuran({"xl/worksheets/sheet1.xml": (710_000_000, 79_000_000)}))
    with pytest.raises(ImporGagal) as info:
        _periksa_xlsx(_zip_dengan_ukuran({"xl/worksheets/sheet1.xml": (400_000_000, 400_000)}))
    assert str(info.value.kesalahan[0]) == (
        "Berkas: berkas XLSX tidak wajar: bagian xl/worksheets/sheet1.xml memuai 1.000 kali "
        "setelah diurai (lembar kerja asli paling banyak 50 kali); kemungkinan zip bomb, ditolak."
    )


def test_xlsx_check_ratio_of_a_real_sheet_is_far_under_the_limit():
    """A real sheet of 5,000 identical applicant rows (the most repetitive, so the best
    compressed) passes the check and imports; its ratio is measured, not assumed."""
    from kpu_site.impor import BATAS_BAGIAN_KECIL, BATAS_RASIO_KOMPRESI, _periksa_xlsx

    spec = IMPOR["pendaftar"]
    data = xlsx_dari_baris([list(spec.kolom)] + [_baris(spec, {}, "")] * 5000)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/worksheets/sheet1.xml")
    assert info.file_size > BATAS_BAGIAN_KECIL
    assert info.file_size / info.compress_size < BATAS_RASIO_KOMPRESI / 2
    _periksa_xlsx(data)


def test_impor_size_and_row_limits_are_the_same_settings_for_every_path(settings):
    from kpu_site.impor import ImporGagal, baca_tabel

    settings.IMPOR_BATAS_UKURAN = 10 * 1024 * 1024
    with pytest.raises(ImporGagal) as info:
        baca_tabel(b"a\n" * 6_500_000, nama_berkas="besar.csv", kolom_wajib=["a"])
    assert str(info.value.kesalahan[0]) == (
        "Berkas: berkas 12,4 MB melebihi batas 10 MB (IMPOR_BATAS_UKURAN)."
    )
    settings.IMPOR_BATAS_BARIS = 1_048_576
    tabel = baca_tabel(b"a\n" + b"1\n" * 1_048_575, nama_berkas="penuh.csv", kolom_wajib=["a"])
    assert sum(1 for _ in tabel.baris_list()) == 1_048_575
    tabel = baca_tabel(b"a\n" + b"1\n" * 1_048_576, nama_berkas="lebih.csv", kolom_wajib=["a"])
    with pytest.raises(ImporGagal) as info:
        list(tabel.baris_list())
    assert str(info.value.kesalahan[0]) == (
        "Berkas: lebih dari 1.048.576 baris (IMPOR_BATAS_BARIS); pecah berkas menjadi "
        "beberapa bagian."
    )


# --------------------------------------------------------------------------- encodings read


@pytest.mark.parametrize(
    ("nama", "encoding", "sep"),
    [
        (nama, encoding, sep)
        for nama in ("realisasi", "wilayah", "parpol", "pendaftar")
        for encoding, sep in (("latin-1", ";"), ("utf-16", "\t"))
    ],
)
def test_impor_korpus_latin1_and_utf16_keep_accented_names(
    nama, encoding, sep, siap, client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    spec = IMPOR[nama]
    row = _baris(spec, {spec.teks: "José Müller Ñandú"}, siap["nik"])
    data = _csv([list(spec.kolom), row], encoding, sep)
    client.force_login(siap["keuangan"] if nama == "realisasi" else siap["teknis"])
    response = client.post(URL[nama](siap), {"berkas": SimpleUploadedFile("a.csv", data)})
    if nama == "realisasi":  # preview, then confirm
        assert [str(k) for k in response.context["kesalahan"]] == []
        response = client.post(URL[nama](siap), {"token": response.context["token"]})
    assert response.status_code == 302
    model = {
        "realisasi": Realisasi,
        "wilayah": Wilayah,
        "parpol": AnggotaParpol,
        "pendaftar": Pendaftar,
    }[nama]
    assert model.objects.filter(**{spec.teks: "José Müller Ñandú"}).count() == 1


@pytest.mark.parametrize("tahun", ["0", "99999999999999999999"])
def test_impor_realisasi_command_refuses_a_year_outside_2000_2100(tahun, siap, tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(_csv([list(IMPOR["realisasi"].kolom), _baris(IMPOR["realisasi"], {}, "")]))
    sebelum = _jumlah()
    with pytest.raises(CommandError) as info:
        call_command("impor_realisasi", tahun, str(path))
    assert str(info.value) == f"Tahun: tahun harus antara 2000 dan 2100 (tertulis {tahun})."
    assert _jumlah() == sebelum
