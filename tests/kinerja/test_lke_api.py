"""LKE API (issue 18, item 6): the worksheet with structure, answers and scores; the answer
update with an answer outside the scale refused naming ``jawaban``; the confirmation of a
proposal; the evaluator's answer by the Auditor only."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from kinerja.model_lke import JawabanLke
from kinerja.services import lke as svc

from .factories import RenstraFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lke(sekretaris):
    RenstraFactory()
    lke = svc.lke_buat(pengguna=sekretaris, tahun=2023)
    svc.usulan_hitung(pengguna=sekretaris, lke=lke)
    return lke


def _j(lke, kode, nomor):
    return JawabanLke.objects.get(
        kriteria__sub__komponen__lke=lke, kriteria__sub__kode=kode, kriteria__nomor=nomor
    )


def _api(user):
    c = APIClient()
    c.force_authenticate(user)
    return c


def test_worksheet_structure_answers_and_scores(lke, komisioner):
    JawabanLke.objects.filter(kriteria__sub__kode="1.c").update(jawaban="B")  # 15 × 0,75
    r = _api(komisioner).get(f"/api/kinerja/lke/{lke.pk}/")
    assert r.status_code == 200
    d = r.json()
    assert (d["tahun"], d["total"], d["predikat_mandiri"], d["total_evaluator"]) == (
        2023,
        "11.25",
        "D",
        None,
    )
    k1 = d["komponen"][0]
    assert (k1["kode"], k1["skor"], k1["selisih"]) == ("1", "11.25", None)
    c3 = k1["sub"][0]["kriteria"][2]
    assert c3["aturan"] == "renstra_mencakup"
    assert c3["jawaban"]["usulan"] == "Y"
    assert c3["jawaban"]["usulan_bukti"][0][0] == "Renstra 2020–2024"


def test_answer_update_and_scale(lke, kasubag, staf_keuangan):
    j = _j(lke, "1.b", 2)
    url = f"/api/kinerja/lke-jawaban/{j.pk}/"
    r = _api(kasubag).patch(url, {"jawaban": "Y"}, format="json")
    assert r.status_code == 400
    assert list(r.json()) == ["jawaban"]
    assert _api(staf_keuangan).patch(url, {"jawaban": "A"}, format="json").status_code == 403
    r = _api(kasubag).patch(url, {"jawaban": "a", "catatan": "Dipublikasikan"}, format="json")
    assert r.status_code == 200 and r.json()["jawaban"] == "A"


def test_confirm_proposal(lke, kasubag):
    j = _j(lke, "1.a", 3)
    r = _api(kasubag).post(f"/api/kinerja/lke-jawaban/{j.pk}/konfirmasi/", {}, format="json")
    assert r.status_code == 200 and r.json()["jawaban"] == "Y"


def test_evaluator_answer_auditor_only(lke, auditor, sekretaris):
    j = _j(lke, "1.a", 1)
    url = f"/api/kinerja/lke-jawaban/{j.pk}/evaluator/"
    r = _api(sekretaris).post(url, {"jawaban_evaluator": "Y"}, format="json")
    assert r.status_code == 403
    assert r.json()["detail"] == "Jawaban evaluator hanya dapat diisi oleh Auditor (evaluator)."
    r = _api(auditor).post(url, {"jawaban_evaluator": "Y"}, format="json")
    assert r.status_code == 200 and r.json()["jawaban_evaluator"] == "Y"
    d = _api(auditor).get(f"/api/kinerja/lke/{lke.pk}/").json()
    assert d["total_evaluator"] == "1.00" and d["komponen"][0]["selisih"] == "1.00"
