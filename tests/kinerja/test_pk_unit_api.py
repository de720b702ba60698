"""``/api/kinerja/pk-unit/``: list, create, header and rows in one PATCH, sign, revise."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.models import PerjanjianKinerjaUnit, PKUnitBaris

from .pk_unit_dunia import dunia_pk_buat

pytestmark = pytest.mark.django_db
URL = "/api/kinerja/pk-unit/"


@pytest.fixture
def dunia(unit_demo):
    return dunia_pk_buat(unit_demo, dengan_dipa=False)


def test_api_create_update_rows_sign_and_revise(dunia, client, kasubag, sekretaris, komisioner):
    unit = dunia.units["perencanaan"]
    client.force_login(kasubag)
    r = client.post(URL, {"unit": unit.pk, "tahun": 2023, "tempat": "Serang"}, "application/json")
    assert r.status_code == 201, r.content
    data = r.json()
    assert data["pihak_pertama_nama"] == "Kasubag Perencanaan Uji" and len(data["baris"]) == 1
    baris_id = data["baris"][0]["id"]
    url = f"{URL}{data['id']}/"
    r = client.patch(
        url,
        {"tempat": "Kota Serang", "baris": [{"id": baris_id, "target": "91,25"}]},
        "application/json",
    )
    assert r.status_code == 200, r.content
    assert r.json()["tempat"] == "Kota Serang"
    assert PKUnitBaris.objects.get().target == Decimal("91.25")
    # a bad row: nothing written, the message names the row and the column
    r = client.patch(
        url,
        {"tempat": "Lain", "baris": [{"id": baris_id, "target": "1,234"}]},
        "application/json",
    )
    assert r.status_code == 400
    assert "Baris 1, kolom target:" in r.content.decode()
    assert PerjanjianKinerjaUnit.objects.get().tempat == "Kota Serang"
    assert client.post(f"{url}tandatangani/").status_code == 403
    client.force_login(sekretaris)
    r = client.post(f"{url}tandatangani/")
    assert r.status_code == 200 and r.json()["status"] == "ditandatangani"
    assert client.patch(url, {"tempat": "X"}, "application/json").status_code == 400
    r = client.post(f"{url}perubahan/", {"alasan": ""}, "application/json")
    assert r.status_code == 400
    r = client.post(f"{url}perubahan/", {"alasan": "Pergantian pejabat"}, "application/json")
    assert r.status_code == 201 and r.json()["revisi"] == 1
    client.force_login(komisioner)
    r = client.get(f"{URL}?tahun=2023&unit={unit.pk}")
    assert r.status_code == 200 and r.json()["count"] == 2
    assert client.post(URL, {"unit": unit.pk, "tahun": 2024}, "application/json").status_code == 403


def test_api_create_refuses_a_post_held_by_nobody_naming_tanggal(unit_demo, client, sekretaris):
    d = dunia_pk_buat(unit_demo, kosong=("hukum_sdm",), dengan_dipa=False)
    client.force_login(sekretaris)
    r = client.post(URL, {"unit": d.units["hukum_sdm"].pk, "tahun": 2023}, "application/json")
    assert r.status_code == 400
    assert "kosong pada 2 Januari 2023" in r.json()["tanggal"][0]
    r = client.post(URL, {"tahun": 2023}, "application/json")
    assert r.status_code == 400 and "unit" in r.json()


def test_api_kasubag_of_another_unit_refused(dunia, client, kasubag_keuangan):
    client.force_login(kasubag_keuangan)
    r = client.post(URL, {"unit": dunia.units["perencanaan"].pk, "tahun": 2023}, "application/json")
    assert r.status_code == 403
    assert PerjanjianKinerjaUnit.objects.count() == 0
