from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from anggaran.models import Realisasi

from .factories import DokumenAnggaranFactory, pohon_kecil

pytestmark = pytest.mark.django_db


@pytest.fixture
def dipa(sekretaris):
    dokumen = DokumenAnggaranFactory()
    dokumen.pohon = pohon_kecil(dokumen, sekretaris)
    return dokumen


def test_api_read_for_every_role_anonymous_refused(dipa, client, personas, masuk):
    assert client.get("/api/anggaran/dokumen/").status_code in (401, 403)
    for user in personas.values():
        response = masuk(user).get(f"/api/anggaran/dokumen/{dipa.pk}/pohon/")
        assert response.status_code == 200
        assert response.json()["pagu"] == "1500000.00"


def test_api_write_only_sekretaris_and_keuangan(dipa, masuk, staf, komisioner, staf_keuangan):
    payload = {
        "akun": dipa.pohon["akun"][0].pk,
        "tanggal": "2023-05-01",
        "nomor_sp2d": "API-1",
        "nilai": "1000.00",
    }
    assert masuk(staf).post("/api/anggaran/realisasi/", payload).status_code == 403
    assert masuk(komisioner).post("/api/anggaran/realisasi/", payload).status_code == 403
    response = masuk(staf_keuangan).post("/api/anggaran/realisasi/", payload)
    assert response.status_code == 201, response.content
    response = masuk(staf_keuangan).post(
        "/api/anggaran/realisasi/", {**payload, "nomor_sp2d": "API-2", "nilai": "9999999.00"}
    )
    assert response.status_code == 400
    assert "melebihi sisa pagu" in response.json()["nilai"][0]


def test_api_import_reports_rows_and_writes_nothing(dipa, masuk, staf_keuangan):
    isi = b"tanggal,nomor_sp2d,kode_akun,uraian,nilai\n2023-02-01,1,076.01.CQ,x,abc\n"
    response = masuk(staf_keuangan).post(
        f"/api/anggaran/dokumen/{dipa.pk}/impor/",
        {"berkas": SimpleUploadedFile("a.csv", isi)},
        format="multipart",
    )
    assert response.status_code == 400
    kolom = {k["kolom"] for k in response.json()["kesalahan"]}
    assert kolom == {"nilai", "kode_akun"}
    assert not Realisasi.objects.exists()


def test_api_revisi_and_laporan(dipa, masuk, kasubag_keuangan, auditor):
    from anggaran.models import Pos

    detail = Pos.objects.get(induk=dipa.pohon["akun"][0])
    response = masuk(kasubag_keuangan).post(
        "/api/anggaran/revisi/",
        {
            "dokumen": dipa.pk,
            "tanggal": "2023-06-01",
            "alasan": "Tambah volume",
            "perubahan": [{"pos": detail.pk, "volume": "2", "harga": "1000000"}],
            "rpd": {"6": "500000"},
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    data = masuk(auditor).get("/api/anggaran/laporan/?tahun=2023").json()
    assert data["tabel_3_1"]["total_pagu"] == str(Decimal("2500000.00"))
    rev = masuk(auditor).get(f"/api/anggaran/revisi/{response.json()['id']}/").json()
    assert rev["perubahan"][0]["selisih"] == "1000000.00"


def test_api_pos_create_and_patch(dipa, masuk, sekretaris, staf):
    client = masuk(sekretaris)
    akun = dipa.pohon["akun"][0]
    detail = {
        "dokumen": dipa.pk,
        "induk": akun.pk,
        "tingkat": "detail",
        "kode": "2",
        "uraian": "Tambahan",
        "satuan": "OK",
        "volume": "3",
    }
    response = client.post(
        "/api/anggaran/pos/", {**detail, "harga": "-1"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "negatif" in str(response.json())
    response = client.post(
        "/api/anggaran/pos/", {**detail, "harga": "1000"}, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["kode_lengkap"].endswith(".521211.2")
    pk = response.json()["id"]
    response = client.patch(
        f"/api/anggaran/pos/{pk}/", {"uraian": "Diganti"}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["uraian"] == "Diganti"
    response = masuk(staf).patch(
        f"/api/anggaran/pos/{pk}/", {"uraian": "X"}, content_type="application/json"
    )
    assert response.status_code == 403


def test_api_dokumen_create_and_kunci(masuk, sekretaris, staf_keuangan):
    payload = {
        "jenis": "dipa",
        "tahun": 2024,
        "nomor": "SP DIPA-076.01.2.670714/2024",
        "tanggal": "2023-12-01",
        "uraian": "DIPA 2024",
    }
    response = masuk(staf_keuangan).post("/api/anggaran/dokumen/", payload)
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    again = masuk(staf_keuangan).post("/api/anggaran/dokumen/", {**payload, "nomor": "lain"})
    assert again.status_code == 400
    assert masuk(staf_keuangan).post(f"/api/anggaran/dokumen/{pk}/kunci/").status_code == 403
    response = masuk(sekretaris).post(f"/api/anggaran/dokumen/{pk}/kunci/")
    assert response.status_code == 200 and response.json()["terkunci"] is True


def test_api_laporan_hibah_has_the_same_totals_as_table_3_1(dipa, masuk, sekretaris, auditor):
    hibah = DokumenAnggaranFactory(
        jenis="hibah", nomor="001/NPHD/2023", pemberi="Pemerintah Kota Uji"
    )
    pohon_kecil(hibah, sekretaris, pagu_akun=(Decimal("3000000"), Decimal("1000000")))
    data = masuk(auditor).get("/api/anggaran/laporan/?tahun=2023").json()
    assert data["tabel_3_1"]["total_sisa"] == "1500000.00"
    [h] = data["hibah"]
    assert h["nomor_nphd"] == "001/NPHD/2023"
    assert (h["total_pagu"], h["total_realisasi"], h["total_sisa"]) == (
        "4000000.00",
        "0.00",
        "4000000.00",
    )
    assert h["baris"][0]["pagu"] == "4000000.00"
    assert h["baris"][0]["realisasi"] == "0.00" and h["baris"][0]["serapan"] == "0.00"
