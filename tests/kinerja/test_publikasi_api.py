"""The publication API: the staff list for every staff role, ``terbitkan`` / ``unggah`` /
``tarik`` for the Sekretaris and Admin only (nothing written on a refusal), Indonesian errors
naming the field, and the anonymous read-only list of what the public page shows (no
withdrawn document, no personal data)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kinerja.model_publikasi import Publikasi
from kinerja.services import publikasi as svc

from .factories import PerjanjianKinerjaFactory

pytestmark = pytest.mark.django_db
URL = "/api/kinerja/publikasi/"
PUBLIK = "/api/publik/dokumen/"
PDF = b"%PDF-1.4\n% pengumuman uji\n%%EOF\n"


def _pk_ttd():
    return PerjanjianKinerjaFactory(tahun=2023, status="ditandatangani")


def _json(client, url, data):
    return client.post(url, data, content_type="application/json")


def _pdf(nama="pengumuman.pdf", isi=PDF):
    return SimpleUploadedFile(nama, isi, content_type="application/pdf")


def test_every_staff_role_reads_the_list_anonymous_does_not(client, personas, sekretaris):
    pub = svc.publikasi_terbitkan(sumber=_pk_ttd(), pengguna=sekretaris)
    assert client.get(URL).status_code == 403
    for peran, user in personas.items():
        client.force_login(user)
        r = client.get(URL)
        assert r.status_code == 200, peran
        baris = r.json()["results"][0]
        assert baris["judul"] == "Perjanjian Kinerja 2023 Sekretaris (revisi 0)"
        assert baris["sumber_model"] == "perjanjiankinerja" and baris["ditarik"] is False
        assert baris["url_unduh"].startswith(f"/publik/dokumen/{pub.pk}/")
        assert client.get(f"{URL}{pub.pk}/").status_code == 200


def test_only_sekretaris_and_admin_publish_upload_and_withdraw(client, personas, sekretaris):
    pk = _pk_ttd()
    ada = svc.publikasi_unggah(
        jenis="lainnya", judul="Dokumen ada", tahun=2023, berkas=_pdf(), pengguna=sekretaris
    )
    for peran in ("Kasubag", "Staf", "Komisioner", "Auditor"):
        client.force_login(personas[peran])
        before = list(Publikasi.objects.values_list("pk", "ditarik"))
        assert _json(client, f"{URL}terbitkan/", {"model": "perjanjiankinerja", "id": pk.pk}).status_code == 403, peran  # fmt: skip
        r = client.post(
            f"{URL}unggah/", {"jenis": "lainnya", "judul": "X", "tahun": 2023, "berkas": _pdf()}
        )
        assert r.status_code == 403, peran
        assert _json(client, f"{URL}{ada.pk}/tarik/", {"alasan": "Salah"}).status_code == 403
        assert list(Publikasi.objects.values_list("pk", "ditarik")) == before, peran

    client.force_login(personas["Sekretaris"])
    r = _json(client, f"{URL}terbitkan/", {"model": "perjanjiankinerja", "id": pk.pk})
    assert r.status_code == 201, r.content
    assert r.json()["jenis"] == "pk" and r.json()["diterbitkan_oleh"] == sekretaris.pk
    client.force_login(personas["Admin"])
    r = client.post(
        f"{URL}unggah/",
        {"jenis": "pengumuman_rekrutmen", "judul": "Pengumuman PPK", "tahun": 2023,
         "berkas": _pdf()},
    )  # fmt: skip
    assert r.status_code == 201, r.content
    assert r.json()["ukuran"] == len(PDF)
    r = _json(client, f"{URL}{ada.pk}/tarik/", {"alasan": "Diganti versi baru"})
    assert r.status_code == 200
    assert r.json()["ditarik"] is True and r.json()["url_unduh"] is None
    assert Publikasi.objects.get(pk=ada.pk).ditarik_alasan == "Diganti versi baru"


def test_bad_input_is_a_400_naming_the_field_in_indonesian(client, sekretaris):
    from kinerja.lkj.models import LaporanKinerja

    client.force_login(sekretaris)
    draf = PerjanjianKinerjaFactory(tahun=2023)

    def pesan(r, field):
        assert r.status_code == 400, r.content
        return " ".join(r.json()[field])

    r = _json(client, f"{URL}terbitkan/", {"model": "pegawai", "id": 1})
    assert "tidak ada dalam daftar pilihan" in pesan(r, "model")
    r = _json(client, f"{URL}terbitkan/", {"model": "perjanjiankinerja", "id": 999999})
    assert pesan(r, "id") == "Dokumen sumber tidak ditemukan."
    r = _json(client, f"{URL}terbitkan/", {"model": "perjanjiankinerja", "id": draf.pk})
    assert r.status_code == 400 and "belum ditandatangani" in str(r.json())
    assert not LaporanKinerja.objects.exists()
    r = client.post(
        f"{URL}unggah/",
        {"jenis": "lkj", "judul": "LKj", "tahun": 2023, "berkas": _pdf()},
    )
    assert "tidak ada dalam daftar pilihan" in pesan(r, "jenis")
    r = client.post(
        f"{URL}unggah/",
        {"jenis": "lainnya", "judul": "Palsu", "tahun": 2023, "berkas": _pdf("a.pdf", b"MZ")},
    )
    assert "PDF" in pesan(r, "berkas")
    r = client.post(f"{URL}unggah/", {"jenis": "lainnya", "judul": "", "tahun": 2023})
    assert pesan(r, "judul") and pesan(r, "berkas")
    ada = svc.publikasi_unggah(
        jenis="lainnya", judul="Dokumen", tahun=2023, berkas=_pdf(), pengguna=sekretaris
    )
    r = _json(client, f"{URL}{ada.pk}/tarik/", {"alasan": ""})
    assert "tidak boleh kosong" in pesan(r, "alasan")
    assert Publikasi.objects.count() == 1 and not Publikasi.objects.get().ditarik


def test_public_api_lists_what_the_public_page_shows_without_login(client, sekretaris):
    tampil = svc.publikasi_terbitkan(sumber=_pk_ttd(), pengguna=sekretaris)
    ditarik = svc.publikasi_unggah(
        jenis="lainnya", judul="Ditarik", tahun=2023, berkas=_pdf(), pengguna=sekretaris
    )
    svc.publikasi_tarik(publikasi=ditarik, alasan="Keliru", pengguna=sekretaris)
    r = client.get(PUBLIK)
    assert r.status_code == 200
    data = r.json()["results"]
    assert [d["id"] for d in data] == [tampil.pk]
    assert set(data[0]) == {
        "id", "jenis", "jenis_label", "judul", "tahun", "diterbitkan_pada", "ukuran", "sha256",
        "url_unduh",
    }  # fmt: skip
    assert sekretaris.username not in r.content.decode()
    assert client.get(data[0]["url_unduh"]).status_code == 200
    assert client.get(f"{PUBLIK}{tampil.pk}/").status_code == 200
    assert client.get(f"{PUBLIK}{ditarik.pk}/").status_code == 404
    assert client.post(PUBLIK, {}).status_code in (403, 405)
    assert Publikasi.objects.count() == 2


def test_public_api_is_rate_limited(client, settings):
    settings.PUBLIK_BATAS_LAJU = 2
    assert client.get(PUBLIK).status_code == 200
    assert client.get(PUBLIK).status_code == 200
    r = client.get(PUBLIK)
    assert r.status_code == 429
    assert r["Retry-After"]
