"""Dasbor pimpinan (home page of Komisioner and Sekretaris) and the year switcher."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import demo_inti_muat


@pytest.fixture
def demo_tanpa_adhoc(db):
    demo_inti_muat()


def test_dasbor_shows_the_demo_year_figures_for_komisioner(demo_tanpa_adhoc, masuk, komisioner):
    html = masuk(komisioner).get(reverse("beranda"), {"tahun": 2023}).content.decode()
    assert "Dasbor Pimpinan · Tahun 2023" in html
    assert "12 / 13" in html  # indikator tercapai, from capaian_tahun_list
    assert "99,56%" in html and "Rp 20.326.861.888 dari Rp 20.415.736.000" in html
    assert "Rp 18.256.293.000" in html and "Rp 2.159.443.000" in html  # the two programs
    assert "Hibah" in html and "terpisah dari DIPA" in html
    assert "Data per" in html
    assert html.count("<svg") >= 2  # capaian chart and RPD chart, drawn on the server


def test_dasbor_is_cached_and_its_query_count_stays_flat(
    demo_tanpa_adhoc, masuk, sekretaris, django_assert_max_num_queries
):
    client = masuk(sekretaris)
    with CaptureQueriesContext(connection) as pertama:
        pertama_html = client.get(reverse("beranda"), {"tahun": 2023}).content.decode()
    # the first view computes the figures from the PK targets and the budget realisasi
    dibaca = " ".join(_sql_data(pertama))
    assert "kinerja_pkbaris" in dibaca and "anggaran_realisasi" in dibaca
    with django_assert_max_num_queries(20) as kedua:
        response = client.get(reverse("beranda"), {"tahun": 2023})
    assert response.status_code == 200
    # the second view recomputes nothing: no query reads the capaian or budget data again,
    # and it shows the same figures with the same "Data per" time
    assert _sql_data(kedua) == []
    html = response.content.decode()
    assert "99,56%" in html and html.count("Data per") == pertama_html.count("Data per")
    assert _data_per(html) and _data_per(html) == _data_per(pertama_html)
    # "Perbarui data" recomputes
    with CaptureQueriesContext(connection) as segar:
        client.get(reverse("beranda"), {"tahun": 2023, "segar": "1"})
    assert _sql_data(segar)


SUMBER_ANGKA = ("kinerja_pkbaris", "anggaran_realisasi")


def _sql_data(queries) -> list[str]:
    """Queries that read the figures' sources: the PK targets behind capaian and the budget
    realisasi behind serapan (the personal work queue is read on every view, uncached)."""
    return [
        q["sql"]
        for q in queries.captured_queries
        if any(f'"{tabel}"' in q["sql"] for tabel in SUMBER_ANGKA)
    ]


def _data_per(html: str) -> list[str]:
    return re.findall(r"Data per ([^<]+)<", html)


def test_staf_home_is_their_menu_and_queue_not_the_dasbor(demo_tanpa_adhoc, masuk, staf):
    html = masuk(staf).get(reverse("beranda")).content.decode()
    assert "Dasbor Pimpinan" not in html
    assert "Selamat datang" in html


def test_year_switcher_keeps_the_year_in_the_session(demo_tanpa_adhoc, masuk, komisioner):
    client = masuk(komisioner)
    response = client.post(reverse("tahun_pilih"), {"tahun": "2022", "next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.session["tahun_aktif"] == 2022
    assert "Dasbor Pimpinan · Tahun 2022" in client.get(reverse("beranda")).content.decode()
    # A year without data or a foreign redirect target is ignored.
    client.post(reverse("tahun_pilih"), {"tahun": "1999", "next": "https://contoh.test/"})
    assert client.session["tahun_aktif"] == 2022
