"""The worksheet page, its report and the API read a worksheet in a number of queries that does
not grow with its criteria (80 in the 88/2021 structure)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from kinerja.model_lke import JawabanLke, KriteriaLke
from kinerja.services import lke as svc

from .factories import RenstraFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lke(sekretaris):
    RenstraFactory()
    lke = svc.lke_buat(pengguna=sekretaris, tahun=2023)
    svc.usulan_hitung(pengguna=sekretaris, lke=lke)
    JawabanLke.objects.update(jawaban="Y", jawaban_evaluator="T", catatan="ada")
    return lke


def _kueri(ambil) -> int:
    with CaptureQueriesContext(connection) as q:
        r = ambil()
    assert r.status_code == 200
    return len(q.captured_queries)


def _kecilkan(lke) -> None:
    """Keep one criterion per sub-component."""
    KriteriaLke.objects.filter(sub__komponen__lke=lke, nomor__gt=1).delete()


@pytest.mark.parametrize("url", ["/kinerja/lke/2023/", "/kinerja/lke/2023/laporan/"])
def test_page_queries_do_not_grow_with_the_criteria(client, auditor, lke, url):
    client.force_login(auditor)
    client.get(url)  # warm the session and permission caches
    penuh = _kueri(lambda: client.get(url))
    _kecilkan(lke)
    assert _kueri(lambda: client.get(url)) == penuh


def test_api_queries_do_not_grow_with_the_criteria(komisioner, lke):
    api = APIClient()
    api.force_authenticate(komisioner)
    url = f"/api/kinerja/lke/{lke.pk}/"
    api.get(url)
    penuh = _kueri(lambda: api.get(url))
    _kecilkan(lke)
    assert _kueri(lambda: api.get(url)) == penuh


def test_proposals_read_each_rule_s_data_once(sekretaris):
    """A rule shared by several criteria (manual_iku_lengkap: 1.b.5 and 2.a.2) is computed once
    per run: a second run (nothing to write) costs as many queries with the rule on every
    criterion as on one."""
    RenstraFactory()
    lke = svc.lke_buat(pengguna=sekretaris, tahun=2023)
    semua = KriteriaLke.objects.filter(sub__komponen__lke=lke)

    def kueri_run_kedua() -> int:
        svc.usulan_hitung(pengguna=sekretaris, lke=lke)
        with CaptureQueriesContext(connection) as q:
            svc.usulan_hitung(pengguna=sekretaris, lke=lke)
        return len(q.captured_queries)

    semua.update(aturan="")
    semua.filter(nomor=1, sub__kode="1.a").update(aturan="manual_iku_lengkap")
    satu = kueri_run_kedua()
    semua.update(aturan="manual_iku_lengkap")
    assert kueri_run_kedua() == satu
