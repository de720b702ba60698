"""The API of the UP/TUP register, the SPM dispensations and the revision's IKPA flag."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from anggaran import services, services_up
from anggaran.models import DispensasiSpm, MutasiUp, Revisi

from .factories import DokumenAnggaranFactory

pytestmark = pytest.mark.django_db

J = MutasiUp.Jenis
URL = "/api/anggaran/mutasi-up/"
URL_DISPENSASI = "/api/anggaran/dispensasi-spm/"


def kirim(client, metode, url, data):
    return getattr(client, metode)(url, data, content_type="application/json")


def test_api_register_rules_and_late_warning(dipa, masuk, staf_keuangan):
    client = masuk(staf_keuangan)
    tup = {"dokumen": dipa.pk, "jenis": "tup", "nomor": "TUP-01", "tanggal": "2023-04-10"}
    response = kirim(client, "post", URL, tup | {"nilai": "50000000.00"})
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["batas_waktu"], data["terlambat"], data["peringatan"]) == ("2023-05-10", False, {})
    tup_id = data["id"]
    ptup = {"dokumen": dipa.pk, "jenis": "ptup", "nomor": "PTUP-01", "tup": tup_id}
    response = kirim(client, "post", URL, ptup | {"tanggal": "2023-05-12", "nilai": "50000001"})
    assert response.status_code == 400
    assert response.json() == {
        "nilai": [
            "PTUP dan setoran TUP TUP-01 menjadi Rp 50.000.001, melebihi nilai TUP "
            "Rp 50.000.000 (sisa Rp 50.000.000)."
        ]
    }
    response = kirim(client, "post", URL, ptup | {"tanggal": "2023-05-12", "nilai": "50000000"})
    assert response.status_code == 201
    data = response.json()
    assert data["terlambat"] is True and data["nomor_tup"] == "TUP-01"
    assert data["peringatan"] == {
        "tanggal": "Tanggal melewati batas pertanggungjawaban TUP 10/05/2023 (TUP TUP-01): "
        "dicatat sebagai terlambat."
    }
    # PATCH: only the date changes, the other fields keep their value
    response = kirim(client, "patch", f"{URL}{data['id']}/", {"tanggal": "2023-05-09"})
    assert response.status_code == 200, response.content
    assert (response.json()["terlambat"], response.json()["nilai"]) == (False, "50000000.00")
    response = client.get(URL, {"dokumen": dipa.pk})
    assert [m["nomor"] for m in response.json()["results"]] == ["TUP-01", "PTUP-01"]
    response = client.get(f"{URL}tup/", {"dokumen": dipa.pk})
    assert response.json() == [
        {
            "tup": tup_id,
            "nomor": "TUP-01",
            "tanggal": "2023-04-10",
            "nilai": "50000000.00",
            "batas_waktu": "2023-05-10",
            "ptup": "50000000.00",
            "setoran": "0.00",
            "terselesaikan_nilai": "50000000.00",
            "sisa": "0.00",
            "tanggal_selesai": "2023-05-09",
            "tepat_waktu": True,
            "keadaan": "tepat_waktu",
        }
    ]
    response = client.get(f"{URL}tup/", {"dokumen": dipa.pk, "sampai": "2023-05-08"})
    assert response.json()[0]["tepat_waktu"] is None
    assert response.json()[0]["tanggal_selesai"] is None
    # a TUP that is settled cannot go first
    response = client.delete(f"{URL}{tup_id}/")
    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": [
            "TUP TUP-01 (10/04/2023) tidak dapat dihapus: sudah diselesaikan oleh PTUP PTUP-01 "
            "(09/05/2023); hapus itu lebih dahulu."
        ]
    }


def test_api_up_besaran(dipa, masuk, auditor):
    for jenis, nomor, tanggal, nilai in (
        (J.UP, "UP-01", date(2023, 1, 16), "100000000"),
        (J.GUP, "GUP-01", date(2023, 2, 20), "62500000"),
        (J.SETOR_UP, "STS-UP", date(2023, 12, 20), "100000000"),
    ):
        services_up.mutasi_up_create(
            pengguna=None,
            dokumen=dipa,
            jenis=jenis,
            nomor=nomor,
            tanggal=tanggal,
            nilai=Decimal(nilai),
        )
    client = masuk(auditor)
    response = client.get(f"{URL}besaran/", {"dokumen": dipa.pk, "sampai": "2023-06-30"})
    gup = MutasiUp.objects.get(nomor="GUP-01")
    assert response.json() == {
        "nilai": "100000000.00",
        "gup": [
            {
                "gup": gup.pk,
                "nomor": "GUP-01",
                "tanggal": "2023-02-20",
                "nilai": "62500000.00",
                "up_berlaku": "100000000.00",
                "persen": "62.50",
            }
        ],
    }
    # without ?dokumen: the DIPA of the latest year; without ?sampai: every movement
    DokumenAnggaranFactory(tahun=2022)
    assert client.get(f"{URL}besaran/").json()["nilai"] == "0.00"
    assert client.get(f"{URL}besaran/", {"dokumen": 999999}).status_code == 404


def test_api_writes_only_sekretaris_and_keuangan(dipa, masuk, staf, komisioner, kasubag_keuangan):
    up = {
        "dokumen": dipa.pk,
        "jenis": "up",
        "nomor": "UP-01",
        "tanggal": "2023-01-16",
        "nilai": "1000",
    }
    for user in (staf, komisioner):
        assert kirim(masuk(user), "post", URL, up).status_code == 403
        assert masuk(user).get(URL).status_code == 200
    client = masuk(kasubag_keuangan)
    response = kirim(client, "post", URL, up)
    assert response.status_code == 201
    pk = response.json()["id"]
    assert kirim(masuk(staf), "delete", f"{URL}{pk}/", {}).status_code == 403
    # the Kasubag Keuangan deletes (a change of the register: no delete permission needed)
    assert masuk(kasubag_keuangan).delete(f"{URL}{pk}/").status_code == 204
    assert not MutasiUp.objects.exists()


def test_api_bad_input_named(dipa, masuk, staf_keuangan):
    client = masuk(staf_keuangan)
    response = kirim(
        client,
        "post",
        URL,
        {"dokumen": dipa.pk, "jenis": "bos", "nomor": "", "tanggal": "2024-01-01", "nilai": "x"},
    )
    assert response.status_code == 400
    assert set(response.json()) == {"jenis", "nomor", "nilai"}
    response = kirim(
        client,
        "post",
        URL,
        {"dokumen": dipa.pk, "jenis": "up", "nomor": "U", "tanggal": "2024-01-01", "nilai": "5"},
    )
    assert response.json() == {"tanggal": ["Tanggal harus dalam tahun anggaran 2023."]}
    kirim(
        client,
        "post",
        URL,
        {"dokumen": dipa.pk, "jenis": "up", "nomor": "U", "tanggal": "2023-01-01", "nilai": "5"},
    )
    response = kirim(
        client,
        "post",
        URL,
        {"dokumen": dipa.pk, "jenis": "up", "nomor": "U", "tanggal": "2023-02-01", "nilai": "5"},
    )
    assert response.json() == {"nomor": ["UP nomor U sudah tercatat di dokumen ini."]}


def test_api_import_atomic_then_idempotent(dipa, masuk, staf_keuangan):
    client = masuk(staf_keuangan)
    isi = (
        b"jenis,nomor,tanggal,nilai,nomor_tup\n"
        b"PTUP,PTUP-01,2023-05-16,20000000,TUP-01\n"
        b"TUP,TUP-01,2023-04-10,20000000,\n"
    )
    salah = isi + b"GUP,GUP-01,2023-05-01,1000,\n"

    def unggah(data, **kwargs):
        return client.post(
            f"{URL}impor/",
            {"dokumen": dipa.pk, "berkas": SimpleUploadedFile("up.csv", data), **kwargs},
        )

    response = unggah(salah)
    assert response.status_code == 400
    assert response.json()["kesalahan"] == [
        {
            "baris": 4,
            "kolom": "jenis",
            "alasan": "GUP memerlukan UP: belum ada UP tercatat tahun ini.",
            "pesan": "Baris 4, kolom jenis: GUP memerlukan UP: belum ada UP tercatat tahun ini.",
        }
    ]
    assert not MutasiUp.objects.exists()
    response = unggah(isi, pratinjau="true")
    assert response.json()["disimpan"] is False and response.json()["jumlah_baris"] == 2
    assert not MutasiUp.objects.exists()
    response = unggah(isi)
    assert response.status_code == 200
    data = response.json()
    assert (data["disimpan"], data["jumlah_baris"], data["jumlah_dilewati"]) == (True, 2, 0)
    assert [p["pesan"] for p in data["peringatan"]] == [
        "Baris 2, kolom tanggal: Tanggal melewati batas pertanggungjawaban TUP 10/05/2023 "
        "(TUP TUP-01): dicatat sebagai terlambat."
    ]
    data = unggah(isi).json()
    assert (data["jumlah_baris"], data["jumlah_dilewati"]) == (0, 2)
    assert MutasiUp.objects.count() == 2


def test_api_dispensasi(dipa, masuk, staf_keuangan, auditor):
    client = masuk(staf_keuangan)
    data = {
        "dokumen": dipa.pk,
        "nomor": "S-12",
        "tanggal": "2023-03-06",
        "jumlah_spm": 0,
        "alasan": "Honor KPPS",
    }
    response = kirim(client, "post", URL_DISPENSASI, data)
    assert response.json() == {"jumlah_spm": ["Jumlah SPM paling sedikit 1."]}
    response = kirim(client, "post", URL_DISPENSASI, data | {"jumlah_spm": 2})
    assert response.status_code == 201
    pk = response.json()["id"]
    response = kirim(client, "patch", f"{URL_DISPENSASI}{pk}/", {"jumlah_spm": 3})
    assert response.json()["jumlah_spm"] == 3 and response.json()["alasan"] == "Honor KPPS"
    assert masuk(auditor).get(URL_DISPENSASI, {"dokumen": dipa.pk}).json()["count"] == 1
    client = masuk(staf_keuangan)
    response = client.post(
        f"{URL_DISPENSASI}impor/",
        {
            "dokumen": dipa.pk,
            "berkas": SimpleUploadedFile(
                "d.csv", b"nomor,tanggal,jumlah_spm,alasan\nS-13,2023-04-01,1,Listrik\n"
            ),
        },
    )
    assert response.json()["jumlah_baris"] == 1
    assert client.delete(f"{URL_DISPENSASI}{pk}/").status_code == 204
    assert list(DispensasiSpm.objects.values_list("nomor", flat=True)) == ["S-13"]


def test_api_revision_flag(dipa, masuk, sekretaris, staf_keuangan, staf):
    from .factories import pohon_kecil

    detail = pohon_kecil(dipa, sekretaris)["akun"][0].anak.get()
    client = masuk(staf_keuangan)
    response = kirim(
        client,
        "post",
        "/api/anggaran/revisi/",
        {
            "dokumen": dipa.pk,
            "tanggal": "2023-06-01",
            "alasan": "Revisi POK",
            "dihitung_ikpa": False,
            "perubahan": [{"pos": detail.pk, "volume": "2", "harga": "400000"}],
        },
    )
    assert response.status_code == 201, response.content
    assert response.json()["dihitung_ikpa"] is False
    pk = response.json()["id"]
    response = kirim(client, "patch", f"/api/anggaran/revisi/{pk}/", {"dihitung_ikpa": True})
    assert response.status_code == 200 and response.json()["dihitung_ikpa"] is True
    assert Revisi.objects.get(pk=pk).dihitung_ikpa is True
    response = kirim(masuk(staf), "patch", f"/api/anggaran/revisi/{pk}/", {"dihitung_ikpa": False})
    assert response.status_code == 403
    client = masuk(staf_keuangan)
    awal = Revisi.objects.get(dokumen=dipa, nomor=0)
    response = kirim(client, "put", f"/api/anggaran/revisi/{awal.pk}/", {"dihitung_ikpa": False})
    assert response.status_code == 400 and list(response.json()) == ["dihitung_ikpa"]
    # a revision made without the field counts (the model's default)
    revisi = services.revisi_create(
        pengguna=staf_keuangan,
        dokumen=dipa,
        tanggal=date(2023, 7, 1),
        alasan="RPD",
        perubahan=[],
        rpd={1: Decimal("1")},
    )
    assert revisi.dihitung_ikpa is True
