"""The API of contracts and invoices: the services' rules as 400s naming the field, the figures
of each invoice, filters, PATCH keeping the other fields, deletes, the import endpoints, and who
may write."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from anggaran.models import Kontrak, Tagihan

pytestmark = pytest.mark.django_db

URL_KONTRAK = "/api/anggaran/kontrak/"
URL_TAGIHAN = "/api/anggaran/tagihan/"


def kirim(client, metode, url, data):
    return getattr(client, metode)(url, data, content_type="application/json")


def test_api_kontrak_rules_create_patch_delete(dipa_belanja, masuk, staf_keuangan):
    client = masuk(staf_keuangan)
    data = {
        "dokumen": dipa_belanja.pk,
        "akun": dipa_belanja.akun["511111"].pk,
        "nomor": "K-1",
        "tanggal": "2023-01-16",
        "tanggal_selesai": "2023-03-15",
        "penyedia": "CV Satu",
        "uraian": "Laptop",
        "nilai": "148500000",
    }
    response = kirim(client, "post", URL_KONTRAK, data)
    assert response.status_code == 400
    assert response.json() == {
        "akun": [
            "Akun 511111 bukan belanja barang (52) atau belanja modal (53): kontrak hanya "
            "dibebankan pada akun belanja barang atau modal."
        ]
    }
    response = kirim(client, "post", URL_KONTRAK, data | {"akun": dipa_belanja.akun["532111"].pk})
    assert response.status_code == 201, response.content
    kontrak = response.json()
    assert kontrak["nilai"] == "148500000.00" and kontrak["kode_akun"].endswith(".532111")
    # PATCH: only the value changes
    url = f"{URL_KONTRAK}{kontrak['id']}/"
    response = kirim(client, "patch", url, {"nilai": "150000000"})
    assert response.status_code == 200, response.content
    assert (response.json()["nilai"], response.json()["penyedia"]) == ("150000000.00", "CV Satu")
    response = kirim(client, "patch", url, {"nilai": "300000001"})
    assert response.json() == {
        "nilai": ["Nilai kontrak Rp 300.000.001 melebihi pagu akun 532111 (Rp 300.000.000)."]
    }
    # an invoice, then the contract cannot be deleted
    tagihan = {
        "kontrak": kontrak["id"],
        "nomor": "BAST-1",
        "tanggal_bast": "2023-03-10",
        "tanggal_spm": "2023-03-20",
        "tanggal_sp2d": "2023-01-10",
        "nilai": "150000000",
    }
    response = kirim(client, "post", URL_TAGIHAN, tagihan)
    assert response.json() == {
        "tanggal_sp2d": [
            "Tagihan dibayar sebelum kontrak: tanggal SP2D sebelum tanggal tanda tangan kontrak "
            "(16/01/2023)."
        ]
    }
    response = kirim(client, "post", URL_TAGIHAN, tagihan | {"tanggal_sp2d": "2023-03-23"})
    assert response.status_code == 201, response.content
    assert response.json()["hari_kerja"] == 6
    response = client.delete(url)
    assert response.status_code == 400
    assert "Kontrak K-1 tidak dapat dihapus: sudah ada tagihan BAST-1" in str(response.json())
    response = client.delete(f"{URL_TAGIHAN}{Tagihan.objects.get().pk}/")
    assert response.status_code == 204
    assert client.delete(url).status_code == 204
    assert not Kontrak.objects.exists()


def test_api_tagihan_figures_and_filters(belanja, masuk, auditor):
    client = masuk(auditor)
    response = client.get(URL_TAGIHAN, {"dokumen": belanja.pk})
    assert response.status_code == 200
    hasil = {t["nomor"]: t for t in response.json()["results"]}
    assert (hasil["BAST-01"]["hari_kerja"], hasil["BAST-01"]["tepat_waktu"]) == (6, True)
    assert (hasil["SEWA-TW1"]["batas_spm"], hasil["SEWA-TW1"]["tepat_waktu"]) == (
        "2023-04-25",
        True,
    )
    assert (hasil["SEWA-TW2"]["hari_kerja"], hasil["SEWA-TW2"]["tepat_waktu"]) == (19, False)
    assert (hasil["SEWA-TW3"]["hari_kerja"], hasil["SEWA-TW3"]["tepat_waktu"]) == (None, False)
    assert hasil["SEWA-TW3"]["nomor_kontrak"] == "K-12"
    k12 = Kontrak.objects.get(nomor="K-12")
    response = client.get(URL_TAGIHAN, {"kontrak": k12.pk})
    assert [t["nomor"] for t in response.json()["results"]] == ["SEWA-TW1", "SEWA-TW2", "SEWA-TW3"]
    response = client.get(URL_KONTRAK, {"dokumen": belanja.pk})
    assert [k["nomor"] for k in response.json()["results"]] == ["K-12", "K-01", "K-03"]
    # read-only: a write is refused, nothing changes
    response = kirim(client, "patch", f"{URL_KONTRAK}{k12.pk}/", {"uraian": "x"})
    assert response.status_code == 403
    assert client.delete(f"{URL_TAGIHAN}{hasil['SEWA-TW3']['id']}/").status_code == 403
    assert Tagihan.objects.count() == 4


def test_api_other_units_staff_and_anonymous_refused(belanja, client, masuk, staf):
    k12 = Kontrak.objects.get(nomor="K-12")
    data = {"kontrak": k12.pk, "nomor": "X", "tanggal_bast": "2023-12-01", "nilai": "1"}
    assert kirim(client, "post", URL_TAGIHAN, data).status_code == 403
    assert client.get(URL_KONTRAK).status_code == 403
    assert kirim(masuk(staf), "post", URL_TAGIHAN, data).status_code == 403
    assert Tagihan.objects.count() == 4


def test_api_import_preview_then_write(belanja, masuk, sekretaris):
    client = masuk(sekretaris)
    isi = (
        b"nomor_kontrak,nomor,tanggal_bast,tanggal_spm,nilai\n"
        b"K-03,BAST-03,2023-02-28,2023-03-06,40.000.000\n"
        b"K-12,SEWA-TW4,2023-12-15,,24.000.001\n"
    )
    data = {"dokumen": belanja.pk, "berkas": SimpleUploadedFile("t.csv", isi), "pratinjau": True}
    response = client.post(f"{URL_TAGIHAN}impor/", data)
    assert response.status_code == 200
    assert response.json()["kesalahan"] == [
        {
            "baris": 3,
            "kolom": "nilai",
            "alasan": "Jumlah tagihan kontrak K-12 menjadi Rp 96.000.001, melebihi nilai "
            "kontrak Rp 96.000.000 (sisa Rp 24.000.000).",
            "pesan": "Baris 3, kolom nilai: Jumlah tagihan kontrak K-12 menjadi Rp 96.000.001, "
            "melebihi nilai kontrak Rp 96.000.000 (sisa Rp 24.000.000).",
        }
    ]
    data["berkas"] = SimpleUploadedFile("t.csv", isi)
    data["pratinjau"] = False
    response = client.post(f"{URL_TAGIHAN}impor/", data)
    assert response.status_code == 400
    assert Tagihan.objects.count() == 4  # nothing written
    isi = isi.replace(b"24.000.001", b"24.000.000")
    data["berkas"] = SimpleUploadedFile("t.csv", isi)
    response = client.post(f"{URL_TAGIHAN}impor/", data)
    assert response.status_code == 200, response.content
    assert (response.json()["disimpan"], response.json()["jumlah_baris"]) == (True, 2)
    assert Tagihan.objects.count() == 6
