"""Dasbor pimpinan (home page of Komisioner and Sekretaris) and the year switcher."""

from __future__ import annotations

import pytest
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
    client.get(reverse("beranda"), {"tahun": 2023})
    with django_assert_max_num_queries(20):
        response = client.get(reverse("beranda"), {"tahun": 2023})
    assert response.status_code == 200


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
