"""``POST /api/anggaran/dokumen/impor-dipa/``: a new DIPA from a SAKTI POK sheet."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from anggaran import selectors
from anggaran.models import DokumenAnggaran

from .test_impor_dipa import CONTOH

pytestmark = pytest.mark.django_db
URL = "/api/anggaran/dokumen/impor-dipa/"
DIPA = {"tahun": 2024, "nomor": "SP DIPA-076.01.2.670714/2024", "tanggal": "2024-01-02"}


def _kirim(client, isi: bytes, nama: str = "pok.xlsx", **lain):
    return client.post(URL, DIPA | lain | {"berkas": SimpleUploadedFile(nama, isi)})


def test_api_impor_dipa_url_name():
    assert reverse("anggaran-dokumen-impor-dipa") == URL


def test_api_impor_dipa_preview_then_import(staf_keuangan, masuk):
    client = masuk(staf_keuangan)
    response = _kirim(client, CONTOH.read_bytes(), pratinjau="true")
    assert response.status_code == 200
    data = response.json()
    assert data["dokumen"] is None and data["kesalahan"] == []
    assert data["jumlah_detail"] == 560 and data["total_pagu"] == "7749000000.00"
    assert data["program"] == [
        {
            "kode": "076.01.CQ",
            "uraian": "Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi",
            "pagu": "6457500000.00",
        },
        {"kode": "076.01.WA", "uraian": "Dukungan Manajemen", "pagu": "1291500000.00"},
    ]
    assert not DokumenAnggaran.objects.exists()
    response = _kirim(client, CONTOH.read_bytes())
    assert response.status_code == 201
    dokumen = DokumenAnggaran.objects.get(pk=response.json()["dokumen"])
    assert selectors.pohon_anggaran(dokumen=dokumen).pagu == Decimal("7749000000")


def test_api_impor_dipa_bad_row_is_400_and_refused_for_other_units(staf_keuangan, staf, masuk):
    isi = b"KODE;URAIAN;VOLUME;SATUAN;HARGA SATUAN;JUMLAH\n076.01.CQ.6701;Kegiatan;;;;\n"
    response = _kirim(masuk(staf_keuangan), isi, "pok.csv")
    assert response.status_code == 400
    assert response.json()["kesalahan"] == [
        {
            "baris": 2,
            "kolom": "KODE",
            "alasan": "induk 076.01.CQ (Program) tidak ada di berkas.",
            "pesan": "Baris 2, kolom KODE: induk 076.01.CQ (Program) tidak ada di berkas.",
        }
    ]
    assert _kirim(masuk(staf), CONTOH.read_bytes()).status_code == 403
    assert not DokumenAnggaran.objects.exists()
