"""The DIPA import through a column-mapping profile (issue 21): a POK whose headers and
column order are its own (``Keterangan``, ``Kode Akun``, ``Sat``, ``Vol``, ``Total``,
``Harga``, amounts written English-style), on the page, the API and the service."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from anggaran import selectors
from anggaran.impor_dipa import dipa_impor_periksa
from anggaran.models import DokumenAnggaran
from kpu_site.selectors import pemetaan_profil
from kpu_site.services import profil_impor_simpan
from tests.data.buat_dipa_sakti import JUDUL, baris_dipa, xlsx_tulis

pytestmark = pytest.mark.django_db

NAMA_PROFIL = "SAKTI lama – POK"
DIPA = {"tahun": "2024", "nomor": "SP DIPA-076.01.2.670714/2024", "tanggal": "2024-01-02"}
# the sample's columns (JUDUL) in this file's order, under this file's names
URUTAN = [1, 0, 3, 2, 5, 4]
JUDUL_LAIN = ["Keterangan", "Kode Akun", "Sat", "Vol", "Total", "Harga"]


def _en(nilai):
    return f"{nilai:,}" if isinstance(nilai, int) else nilai


def pok_lain(ubah_baris=None, sumber=None) -> bytes:
    """The 560-line sample (or the rows ``sumber``) rewritten with other headers, another
    order, English-style amounts."""
    rows = []
    for row in sumber or baris_dipa():
        if row == JUDUL:
            rows.append(JUDUL_LAIN)
            continue
        if len(row) < len(URUTAN):  # title rows
            rows.append(row)
            continue
        rows.append([_en(row[i]) for i in URUTAN])
    if ubah_baris:
        ubah_baris(rows)
    buf = io.BytesIO()
    xlsx_tulis(rows, buf)
    return buf.getvalue()


@pytest.fixture
def profil(staf_keuangan):
    return profil_impor_simpan(
        pengguna=staf_keuangan,
        jenis="dipa",
        nama=NAMA_PROFIL,
        kolom={
            "kode": ["Kode Akun"],
            "uraian": ["Keterangan"],
            "volume": ["Vol"],
            "satuan": ["Sat"],
            "harga_satuan": ["Harga"],
            "jumlah": ["Total"],
        },
        aturan={"volume": "angka_en", "harga_satuan": "angka_en", "jumlah": "angka_en"},
    )


def test_dipa_profil_reads_other_headers_and_order_to_the_rupiah(profil):
    hasil = dipa_impor_periksa(
        tahun=2024,
        berkas=pok_lain(),
        nama_berkas="pok_lain.xlsx",
        pemetaan=pemetaan_profil(jenis="dipa", nama=NAMA_PROFIL),
    )
    assert hasil.kesalahan == []
    assert len(hasil.detail) == 560
    assert hasil.total == Decimal("7749000000")
    program = {b.kode_lengkap: j for b, j in hasil.ringkasan("program")}
    assert program == {"076.01.CQ": Decimal("6457500000"), "076.01.WA": Decimal("1291500000")}
    # without the profile, "Kode Akun" is read as the akun column and nothing matches
    assert dipa_impor_periksa(tahun=2024, berkas=pok_lain(), nama_berkas="pok.xlsx").kesalahan


def test_dipa_profil_errors_name_the_files_own_column(profil):
    def salah(rows):
        rows[13][4] = "999"  # the first detail line's Total

    hasil = dipa_impor_periksa(
        tahun=2024,
        berkas=pok_lain(salah),
        nama_berkas="pok_lain.xlsx",
        pemetaan=pemetaan_profil(jenis="dipa", nama=NAMA_PROFIL),
    )
    pesan = [str(k) for k in hasil.kesalahan]
    assert pesan[0] == (
        "Baris 14, kolom Total (jumlah): volume × harga satuan = Rp 50.000, tidak sama dengan "
        "jumlah Rp 999."
    )


def test_dipa_profil_on_the_page_and_the_api(profil, staf_keuangan, masuk):
    client = masuk(staf_keuangan)
    url = reverse("anggaran:dipa_impor")
    teks = client.get(url).content.decode()
    assert f'<option value="{NAMA_PROFIL}">' in teks
    assert reverse("templat_impor", args=["dipa", "contoh"]) in teks
    berkas = SimpleUploadedFile("pok_lain.xlsx", pok_lain())
    response = client.post(url, DIPA | {"berkas": berkas, "profil": NAMA_PROFIL})
    assert "560 detail) siap diimpor, pagu Rp 7.749.000.000" in response.content.decode()
    client.post(url, {"token": response.context["token"]})
    dokumen = DokumenAnggaran.objects.get()
    assert selectors.pohon_anggaran(dokumen=dokumen).pagu == Decimal("7749000000")

    api = "/api/anggaran/dokumen/impor-dipa/"
    data = DIPA | {"tahun": 2025, "nomor": "SP DIPA 2025", "tanggal": "2025-01-02"}
    r = client.post(api, data | {"berkas": SimpleUploadedFile("p.xlsx", pok_lain())})
    assert r.status_code == 400  # the template's names: "Kode Akun" is not a full code
    r = client.post(
        api,
        data | {"berkas": SimpleUploadedFile("p.xlsx", pok_lain()), "profil": NAMA_PROFIL},
    )
    assert r.status_code == 201, r.content
    assert r.json()["total_pagu"] == "7749000000.00"
    r = client.post(
        api,
        data | {"tahun": 2026, "berkas": SimpleUploadedFile("p.xlsx", b"x"), "profil": "Lama"},
    )
    assert r.status_code == 400
    assert r.json()["kesalahan"][0]["pesan"].startswith("Berkas: profil impor 'Lama' tidak ada")


def test_dipa_template_example_imports_as_a_small_dipa(client, admin_user):
    client.force_login(admin_user)
    r = client.get(reverse("templat_impor", args=["dipa", "contoh"]))
    isi = b"".join(r.streaming_content)
    hasil = dipa_impor_periksa(tahun=2024, berkas=isi, nama_berkas="contoh.xlsx")
    assert hasil.kesalahan == []
    assert (len(hasil.baris), hasil.total) == (9, Decimal("1500000"))
    assert {b: v for b, v in hasil.rpd.items() if v} == {
        3: Decimal("500000"),
        6: Decimal("500000"),
        9: Decimal("500000"),
    }
