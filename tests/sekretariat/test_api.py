from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from sekretariat.models import Pegawai, RiwayatJabatan

pytestmark = pytest.mark.django_db

BARU = {
    "nama": "Nia Kurniasih, S.E.",
    "status": "pns",
    "nip": "199203142020122001",
    "jenis_kelamin": "P",
    "tanggal_lahir": "1992-03-14",
    "tmt": "2020-12-01",
    "pendidikan": "s1",
}


def test_api_anonymous_refused(client, demo_organisasi):
    response = client.get(reverse("sekretariat-pegawai-list"))
    assert response.status_code in (401, 403)


def test_api_pegawai_list_readable_by_every_role(masuk, personas, demo_organisasi):
    for user in personas.values():
        response = masuk(user).get(reverse("sekretariat-pegawai-list") + "?status=pns&aktif=true")
        assert response.status_code == 200
        assert response.json()["count"] == 10


def test_api_pegawai_rows_carry_jabatan(masuk, auditor, demo_organisasi):
    rows = masuk(auditor).get(reverse("sekretariat-pegawai-list") + "?q=Hendro").json()["results"]
    assert rows[0]["jabatan"] == "Sekretaris"
    assert rows[0]["nip"] == "197205141998031001"


def test_api_pegawai_bad_nip_is_400_with_message(masuk, sekretaris, demo_organisasi):
    body = {**BARU, "unit": demo_organisasi["keuangan"].pk, "jenis_kelamin": "L"}
    response = masuk(sekretaris).post(
        reverse("sekretariat-pegawai-list"), body, content_type="application/json"
    )
    assert response.status_code == 400
    assert any("berarti perempuan" in m for m in response.json()["nip"])
    assert not Pegawai.objects.filter(nama=BARU["nama"]).exists()


def test_api_pegawai_write_only_for_hukum_sdm_among_sub_bagian(
    masuk, staf, staf_sdm, demo_organisasi
):
    body = {**BARU, "unit": demo_organisasi["keuangan"].pk}
    url = reverse("sekretariat-pegawai-list")
    response = masuk(staf).post(url, body, content_type="application/json")
    assert response.status_code == 403
    response = masuk(staf_sdm).post(url, body, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["nip"] == "199203142020122001"


def test_api_komisioner_and_delete_refused(masuk, kasubag_sdm, sekretaris, demo_organisasi):
    url = reverse("sekretariat-komisioner-list")
    body = {
        "nama": "X",
        "jenis_kelamin": "L",
        "tanggal_mulai": "2024-01-01",
        "nomor_sk": "1",
        "tanggal_sk": "2024-01-01",
    }
    assert masuk(kasubag_sdm).post(url, body, content_type="application/json").status_code == 403
    pk = Pegawai.objects.order_by("pk").first().pk
    response = masuk(sekretaris).delete(reverse("sekretariat-pegawai-detail", args=[pk]))
    assert response.status_code == 405


def test_api_riwayat_second_holder_is_400(masuk, sekretaris, demo_organisasi):
    agus = Pegawai.objects.get(nama__startswith="Agus Setiawan")
    jabatan = RiwayatJabatan.objects.get(
        pegawai__nama__startswith="Tomi Irawan", tanggal_selesai__isnull=True
    ).jabatan
    body = {
        "pegawai": agus.pk,
        "jabatan": jabatan.pk,
        "nomor_sk": "2001 Tahun 2024",
        "tanggal_sk": "2024-03-01",
        "penerbit_sk": "Sekretaris Jenderal KPU RI",
        "tanggal_mulai": "2024-03-04",
    }
    url = reverse("sekretariat-riwayatjabatan-list")
    client = masuk(sekretaris)
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 400
    assert "masih dijabat oleh Tomi Irawan" in response.json()["jabatan"][0]
    response = client.post(url, {**body, "tutup_sebelumnya": True}, content_type="application/json")
    assert response.status_code == 201
    assert RiwayatJabatan.objects.filter(tanggal_selesai="2024-03-04").count() == 2


def test_api_ringkasan_with_an_impossible_date_uses_today(masuk, komisioner, demo_organisasi):
    response = masuk(komisioner).get(reverse("sekretariat-ringkasan-list") + "?tanggal=2023-02-30")
    assert response.status_code == 200
    assert response.json()["tanggal"] == timezone.localdate().isoformat()


def test_api_ringkasan_matches_the_selectors(masuk, komisioner, demo_organisasi):
    data = (
        masuk(komisioner).get(reverse("sekretariat-ringkasan-list") + "?tanggal=2023-12-31").json()
    )
    assert data["status"] == {"pns": 10, "ppnpn": 12, "total": 22}
    assert data["pendidikan_pns"] == [
        {"label": "Diploma III", "jumlah": 1},
        {"label": "Strata 1", "jumlah": 7},
        {"label": "Strata 2", "jumlah": 2},
    ]
    assert [r["jumlah"] for r in data["jenis_jabatan_pns"]] == [1, 4, 1, 4]
    assert data["sekretaris"] == "Hendro Sulistyo, S.Sos., M.Si."
    assert data["ketua"] == "Muhammad Ridwan Fauzi, S.Sos."


def test_api_schema_lists_organisation_endpoints(masuk, auditor, db):
    response = masuk(auditor).get(reverse("api_schema"))
    text = response.content.decode()
    for path in (
        "/api/organisasi/pegawai/",
        "/api/organisasi/riwayat-jabatan/",
        "/api/organisasi/komisioner/",
        "/api/organisasi/ringkasan/",
    ):
        assert path in text


def test_api_pegawai_patch_by_other_unit_refused_by_hukum_sdm_allowed(
    masuk, kasubag_keuangan, kasubag_sdm, demo_organisasi
):
    p = Pegawai.objects.get(nama__startswith="Sarinah")
    url = reverse("sekretariat-pegawai-detail", args=[p.pk])
    body = {"tmt_keluar": "2024-02-01", "alasan_keluar": "pensiun"}
    response = masuk(kasubag_keuangan).patch(url, body, content_type="application/json")
    assert response.status_code == 403
    response = masuk(kasubag_sdm).patch(url, body, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["aktif"] is False
    p.refresh_from_db()
    assert (p.tmt_keluar, p.alasan_keluar) == (date(2024, 2, 1), "pensiun")


def test_api_pegawai_pendidikan_changes_only_through_the_history(
    masuk, kasubag_sdm, demo_organisasi
):
    p = Pegawai.objects.get(nama__startswith="Sarinah")
    url = reverse("sekretariat-pegawai-detail", args=[p.pk])
    response = masuk(kasubag_sdm).patch(url, {"pendidikan": "s1"}, content_type="application/json")
    assert response.status_code == 400
    assert "riwayat pendidikan adalah SLTA/SMA/SMK" in response.json()["pendidikan"][0]
    p.refresh_from_db()
    assert p.pendidikan == "slta"
