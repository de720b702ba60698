"""API of the LHE, findings and follow-up (issue 18, item 4): writes go through the services
(who writes, the rules), the ``terima`` action, multipart evidence."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from kinerja.model_lhe import LaporanHasilEvaluasi, TemuanEvaluasi, TindakLanjut

pytestmark = pytest.mark.django_db

LHE = {
    "tahun": 2025,
    "nomor": "LHE-1/2026",
    "tanggal": "2026-03-10",
    "evaluator": "Inspektorat KPU Provinsi Banten",
    "nilai": "70.01",
    "ringkasan": "",
}


def _api(user):
    c = APIClient()
    c.force_authenticate(user)
    return c


def test_api_lhe_create_by_auditor_predikat_derived(auditor, sekretaris):
    assert _api(sekretaris).post("/api/kinerja/lhe/", LHE, format="json").status_code == 403
    r = _api(auditor).post("/api/kinerja/lhe/", LHE, format="json")
    assert r.status_code == 201, r.content
    assert r.json()["predikat"] == "BB"
    r = _api(auditor).patch(f"/api/kinerja/lhe/{r.json()['id']}/", {"nilai": "70"}, format="json")
    assert r.status_code == 200 and r.json()["predikat"] == "B"


def test_api_temuan_follow_up_and_accept(auditor, sekretaris, kasubag_keuangan, unit_demo):
    lhe = _api(auditor).post("/api/kinerja/lhe/", LHE, format="json").json()
    data = {
        "lhe": lhe["id"],
        "uraian": "Temuan",
        "rekomendasi": "Rekomendasi",
        "komponen": "pelaporan",
        "unit": unit_demo["keuangan"].pk,
        "batas_waktu": "2026-03-01",
    }
    r = _api(auditor).post("/api/kinerja/temuan-lhe/", data, format="json")
    assert r.status_code == 400
    assert "batas_waktu" in r.json()
    r = _api(auditor).post(
        "/api/kinerja/temuan-lhe/", data | {"batas_waktu": "2026-06-30"}, format="json"
    )
    assert r.status_code == 201 and r.json()["nomor"] == 1
    temuan = r.json()["id"]
    r = _api(kasubag_keuangan).post(
        "/api/kinerja/tindak-lanjut/",
        {
            "temuan": temuan,
            "tanggal": "2026-04-01",
            "uraian": "Bukti",
            "berkas": SimpleUploadedFile("b.pdf", b"%PDF-1.4 uji"),
        },
        format="multipart",
    )
    assert r.status_code == 201, r.content
    assert TemuanEvaluasi.objects.get().status == "proses"
    url = f"/api/kinerja/temuan-lhe/{temuan}/terima/"
    assert _api(auditor).post(url, {"catatan": "OK"}, format="json").status_code == 403
    r = _api(sekretaris).post(url, {"catatan": "OK"}, format="json")
    assert r.status_code == 200 and r.json()["status"] == "selesai"
    r = _api(kasubag_keuangan).post(
        "/api/kinerja/tindak-lanjut/",
        {"temuan": temuan, "tanggal": "2026-05-01", "uraian": "x", "tautan": "https://a.id/"},
        format="json",
    )
    assert r.status_code == 400
    assert "temuan" in r.json()
    assert TindakLanjut.objects.count() == 1


def test_api_lists_readable_by_komisioner(komisioner, auditor):
    _api(auditor).post("/api/kinerja/lhe/", LHE, format="json")
    r = _api(komisioner).get("/api/kinerja/lhe/")
    assert r.status_code == 200
    assert LaporanHasilEvaluasi.objects.count() == 1
    assert _api(komisioner).post("/api/kinerja/lhe/", LHE, format="json").status_code == 403
