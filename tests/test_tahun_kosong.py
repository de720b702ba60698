"""A page of a year without data (issue 16) says so, links to the nearest year with data of
its app, and offers no button that leads nowhere; a record's URL with an unknown id is a 404."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.models import PerjanjianKinerja
from tests.anggaran.factories import DokumenAnggaranFactory
from tests.kinerja import factories as kf

pytestmark = pytest.mark.django_db

KOSONG = "Belum ada data untuk tahun 2031."


@pytest.fixture
def data_2023():
    """Kinerja 2023 (Renstra 2020–2024 with an indikator, a signed PK) and a DIPA 2023."""
    indikator = kf.IndikatorFactory(kode="IKSS 1")
    kf.TargetTahunanFactory(indikator=indikator, tahun=2023, target=Decimal("100"))
    pk = kf.PerjanjianKinerjaFactory(status=PerjanjianKinerja.Status.DITANDATANGANI)
    kf.PKBarisFactory(perjanjian=pk, indikator=indikator, target=Decimal("100"))
    DokumenAnggaranFactory(tahun=2023)


@pytest.mark.parametrize(
    ("url", "ke", "mati"),
    [
        ("/kinerja/capaian/2031/", "/kinerja/capaian/2023/", ["Unduh Excel", "Target dari"]),
        ("/kinerja/realisasi/2031/", "/kinerja/realisasi/2023/", ["Posisi setiap indikator"]),
        ("/kinerja/analisis/2031/", "/kinerja/analisis/2023/", ["1. Perbandingan"]),
        ("/kinerja/lkj/2031/", "/kinerja/lkj/2023/", ["Susun laporan", "Pratinjau web"]),
        ("/anggaran/laporan/2031/", "/anggaran/laporan/2023/", ["Unduh Excel"]),
        ("/anggaran/?tahun=2031", "/anggaran/?tahun=2023", ["laporan keuangan</a>"]),
    ],
)
def test_year_without_data_says_so_and_links_the_nearest_year(
    data_2023, masuk, sekretaris, url, ke, mati
):
    response = masuk(sekretaris).get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert KOSONG in html
    assert f'<a class="btn btn-outline-primary btn-sm" href="{ke}">Lihat tahun 2023</a>' in html
    for teks in mati:
        assert teks not in html, teks


def test_anggaran_list_of_the_working_year_without_dipa_links_by_query(
    data_2023, masuk, admin_user
):
    client = masuk(admin_user)
    session = client.session
    session["tahun_aktif"] = 2031
    session.save()
    html = client.get("/anggaran/").content.decode()
    assert KOSONG in html and 'href="/anggaran/?tahun=2023">Lihat tahun 2023</a>' in html


def test_year_without_data_and_no_data_anywhere_says_so_without_a_link(db, masuk, sekretaris):
    html = masuk(sekretaris).get("/kinerja/capaian/2031/").content.decode()
    assert KOSONG in html and "Lihat tahun" not in html and "Unduh Excel" not in html


def test_year_with_data_has_no_empty_notice(data_2023, masuk, sekretaris):
    for url in ("/kinerja/capaian/2023/", "/kinerja/lkj/2023/", "/anggaran/laporan/2023/"):
        assert "Belum ada data untuk tahun" not in masuk(sekretaris).get(url).content.decode()


def test_nearest_year_prefers_the_closest_then_the_later(db):
    from kpu_site.tahun import tahun_terdekat

    for tahun in (2021, 2025):
        kf.PerjanjianKinerjaFactory(tahun=tahun)
    assert tahun_terdekat(2023, app="kinerja") == 2025
    assert tahun_terdekat(2022, app="kinerja") == 2021
    assert tahun_terdekat(2031, app="kinerja") == 2025
    assert tahun_terdekat(2031, app="anggaran") is None


@pytest.mark.parametrize(
    "url",
    [
        "/kinerja/capaian/99999/",
        "/kinerja/analisis/99999/",
        "/kinerja/pk/99999/",
        "/kinerja/renstra/99999/",
        "/kinerja/realisasi/data/99999/",
        "/kinerja/bukti/99999/unduh/",
        "/kinerja/lkj/versi/99999/",
        "/kinerja/pk/dokumen/99999/ubah/",
        "/anggaran/99999/",
        "/anggaran/pos/99999/",
        "/anggaran/revisi/99999/",
        "/anggaran/laporan/99999/",
    ],
)
def test_unknown_year_or_id_is_a_404(db, masuk, admin_user, url):
    assert masuk(admin_user).get(url).status_code == 404
