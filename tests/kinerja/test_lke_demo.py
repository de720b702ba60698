"""The demo LKE (issue 18, item 7): 2023 from the 88/2021 structure with proposals for every
criterion the data can answer, confirmed; a BB total between 70 and 80 (computed); the
evaluator's score slightly different; 2022 for the comparison."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja import selectors_lke as sel
from kinerja.model_lke import JawabanLke, LembarKerjaEvaluasi
from tests.conftest import demo_inti_muat

pytestmark = pytest.mark.django_db


def test_demo_lke_2023_is_bb_with_proposals_and_evaluator(client, komisioner):
    demo_inti_muat(evaluasi=True)
    lke = LembarKerjaEvaluasi.objects.get(tahun=2023)
    r = sel.lke_ringkasan(lke=lke)
    assert Decimal(70) < r["total"] <= Decimal(80)
    assert r["predikat"] == "BB"
    assert r["total_evaluator"] is not None and r["total_evaluator"] != r["total"]
    assert abs(r["total_evaluator"] - r["total"]) < Decimal(3)
    assert not r["belum_dijawab"]
    # every criterion whose rule has its data answers from the data, confirmed
    berusulan = JawabanLke.objects.filter(kriteria__sub__komponen__lke=lke).exclude(usulan="")
    # all 23 rule criteria, each with its reason and at least one link except the LKj ones (no
    # final LKj 2023: 3.a.5 publication is T like 3.a.6 on time)
    assert berusulan.count() == 23
    assert berusulan.get(kriteria__aturan="dipa_ada", kriteria__sub__kode="1.a").usulan == "Y"
    usulan = {str(j.kriteria): j.usulan for j in berusulan.select_related("kriteria__sub")}
    assert usulan["1.a.4"] == "Y"  # RKT ditetapkan, PK signed
    assert usulan["1.b.8"] == "A" and usulan["1.b.10"] == "A"  # tree, PK of every level
    assert usulan["1.c.1"] == "A" and usulan["2.c.8"] == "C"  # budget linked; 11 of 12 efficient
    assert usulan["3.a.4"] == "Y"  # reviewed
    assert usulan["4.c.1"] == "E"  # LHE 2022 finding 3 overdue without follow-up
    assert usulan["3.a.5"] == "T"  # the LKj 2023 is not final, so not published
    # the total is computed from those answers: 72,76. By hand: 73,26 with the invented Y on
    # 3.a.5; 3.a is the pemenuhan of Pelaporan (15 x 20% = 3,00) over six criteria, 0,50 each,
    # and Y -> T takes that 0,50 away.
    assert r["total"] == Decimal("72.76")
    assert all(j.jawaban == j.usulan and j.dikonfirmasi_pada for j in berusulan)
    riwayat = sel.lke_riwayat_total(sampai=2023)
    assert [t.tahun for t in riwayat] == [2022, 2023]
    assert riwayat[0].mandiri < riwayat[1].mandiri
    client.force_login(komisioner)
    html = client.get("/kinerja/lke/2023/").content.decode()
    assert "Predikat <strong>BB</strong>" in html
