"""API of the kinerja app: read by every role, writes through the workflow rules."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.models import Realisasi
from tests.conftest import demo_inti_muat

from .factories import IndikatorFactory, SasaranFactory, TargetTahunanFactory

pytestmark = pytest.mark.django_db


def test_api_capaian_read_by_every_role(client, personas):
    demo_inti_muat()
    assert client.get("/api/kinerja/capaian/?tahun=2023").status_code in (401, 403)
    for user in personas.values():
        client.force_login(user)
        data = client.get("/api/kinerja/capaian/?tahun=2023").json()
        nilai = {
            b["kode"]: Decimal(b["capaian"]["nilai"]).quantize(Decimal("0.01"))
            for b in data["baris"]
        }
        assert nilai["IKSS 6"] == Decimal("94.74") and len(nilai) == 13


def test_api_realisasi_workflow_and_conflict(
    client, unit_demo, staf, kasubag, sekretaris, staf_lain
):
    ind = IndikatorFactory(sasaran=SasaranFactory(unit=unit_demo["perencanaan"]))
    TargetTahunanFactory(indikator=ind, tahun=2023, target=Decimal("80"))
    body = {
        "indikator": ind.pk,
        "tahun": 2023,
        "periode": "tw1",
        "nilai": "20",
        "target_periode": "20",
    }
    client.force_login(staf_lain)
    assert (
        client.post("/api/kinerja/realisasi/", body, content_type="application/json").status_code
        == 403
    )
    client.force_login(staf)
    r = client.post("/api/kinerja/realisasi/", body, content_type="application/json")
    assert r.status_code == 201, r.content
    assert Decimal(r.json()["capaian"]["nilai"]) == Decimal("100")
    pk = r.json()["id"]
    stale = client.post(
        "/api/kinerja/realisasi/",
        {**body, "nilai": "21", "versi": 5},
        content_type="application/json",
    )
    assert stale.status_code == 400 and "sudah diubah" in stale.content.decode()
    wrong = client.post(
        "/api/kinerja/realisasi/",
        {**body, "nilai": "21.123", "versi": 1},
        content_type="application/json",
    )
    assert wrong.status_code == 400 and "angka desimal" in wrong.json()["nilai"][0]
    assert client.post(f"/api/kinerja/realisasi/{pk}/ajukan/").status_code == 200
    assert client.post(f"/api/kinerja/realisasi/{pk}/setujui/").status_code == 403
    client.force_login(kasubag)
    assert client.post(f"/api/kinerja/realisasi/{pk}/verifikasi/").status_code == 200
    client.force_login(sekretaris)
    assert client.post(f"/api/kinerja/realisasi/{pk}/setujui/").status_code == 200
    assert Realisasi.objects.get(pk=pk).status == "disetujui"


def test_api_pk_revision(client, unit_demo, sekretaris, komisioner):
    ind = IndikatorFactory(sasaran=SasaranFactory(unit=unit_demo["perencanaan"]))
    TargetTahunanFactory(indikator=ind, tahun=2024, target=Decimal("90"))
    client.force_login(komisioner)
    assert (
        client.post(
            "/api/kinerja/pk/", {"tahun": 2024}, content_type="application/json"
        ).status_code
        == 403
    )
    client.force_login(sekretaris)
    r = client.post(
        "/api/kinerja/pk/", {"tahun": 2024, "tempat": "Serang"}, content_type="application/json"
    )
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    client.patch(
        f"/api/kinerja/pk/{pk}/",
        {"pihak_pertama_nama": "A", "pihak_kedua_nama": "B"},
        content_type="application/json",
    )
    assert client.post(f"/api/kinerja/pk/{pk}/tandatangani/").status_code == 200
    baris = client.get(f"/api/kinerja/pk/{pk}/").json()["baris"][0]["id"]
    frozen = client.patch(
        f"/api/kinerja/pk-baris/{baris}/", {"target": "95"}, content_type="application/json"
    )
    assert frozen.status_code == 400 and "dibekukan" in frozen.content.decode()
    assert (
        client.post(
            f"/api/kinerja/pk/{pk}/perubahan/", {}, content_type="application/json"
        ).status_code
        == 400
    )
    rev = client.post(
        f"/api/kinerja/pk/{pk}/perubahan/",
        {"alasan": "Pergantian Sekretaris"},
        content_type="application/json",
    )
    assert rev.status_code == 201 and rev.json()["revisi"] == 1


def test_api_realisasi_list_query_count_constant(client, sekretaris, django_assert_max_num_queries):
    from kinerja.models import Indikator

    demo_inti_muat()
    client.force_login(sekretaris)
    # 2022: the demo has the yearly rows only (2023 also has the quarters of the Rencana Aksi demo)
    url = "/api/kinerja/realisasi/?tahun=2022"
    client.get(url)
    with django_assert_max_num_queries(30) as ctx:
        assert len(client.get(url).json()["results"]) == 13
    n = len(ctx.captured_queries)
    Realisasi.objects.bulk_create(
        Realisasi(
            indikator=i, tahun=2022, periode=tw, nilai=Decimal("25"), target_periode=Decimal("25")
        )
        for i in Indikator.objects.all()
        for tw in ("tw1", "tw2")
    )
    with django_assert_max_num_queries(n):
        assert len(client.get(url).json()["results"]) == 39


def test_api_renstra_writes_planning_only_and_target_checked(
    client, unit_demo, staf, staf_lain, auditor
):
    ind = IndikatorFactory(sasaran=SasaranFactory(unit=unit_demo["perencanaan"]), presisi=1)
    renstra = ind.sasaran.tujuan.renstra
    misi = {"renstra": renstra.pk, "urutan": 9, "uraian": "Misi baru"}
    client.force_login(auditor)
    assert (
        client.post("/api/kinerja/misi/", misi, content_type="application/json").status_code == 403
    )
    client.force_login(staf_lain)
    r = client.post("/api/kinerja/misi/", misi, content_type="application/json")
    assert r.status_code == 403 and "Perencanaan" in r.content.decode()
    client.force_login(staf)
    assert (
        client.post("/api/kinerja/misi/", misi, content_type="application/json").status_code == 201
    )
    target = {"indikator": ind.pk, "tahun": 2023, "target": "97.55"}
    r = client.post("/api/kinerja/target/", target, content_type="application/json")
    assert r.status_code == 400 and "paling banyak 1" in r.content.decode()
    r = client.post(
        "/api/kinerja/target/", {**target, "tahun": 2030}, content_type="application/json"
    )
    assert r.status_code == 400 and "di luar periode" in r.content.decode()
    r = client.post(
        "/api/kinerja/target/", {**target, "target": "97.5"}, content_type="application/json"
    )
    assert r.status_code == 201
