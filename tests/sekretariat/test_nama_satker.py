"""The header and title of every staff page name the installation's satker from its record
("KPU Kota Serang"), follow a rename at once, and cost no query once cached."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sekretariat.services import satker_save

pytestmark = pytest.mark.django_db


def _brand(html: str) -> str:
    awal = html.index('class="navbar-brand')
    return html[awal : html.index("</a>", awal)]


def test_header_names_the_satker_and_follows_a_rename(client, komisioner):
    client.force_login(komisioner)
    html = client.get("/").content.decode()
    assert "<span>Sekretariat KPU</span>" in _brand(html)  # no satker set up yet
    satker = satker_save(
        nama="Sekretariat KPU Kota Serang",
        tingkat="kota",
        nama_wilayah="Kota Serang",
        kode_satker="670714",
        kode_wilayah="36.73",
    )
    html = client.get("/").content.decode()
    assert "<span>KPU Kota Serang</span>" in _brand(html)
    assert "· KPU Kota Serang</title>" in html
    satker_save(
        satker=satker,
        nama="Sekretariat KPU Kabupaten Lebak",
        tingkat="kabupaten",
        nama_wilayah="Kabupaten Lebak",
        kode_wilayah="36.02",
    )
    html = client.get("/").content.decode()
    assert "<span>KPU Kabupaten Lebak</span>" in _brand(html)
    assert "Kota Serang" not in html


def test_header_name_costs_no_query_once_cached(client, komisioner):
    client.force_login(komisioner)
    client.get("/")
    with CaptureQueriesContext(connection) as pertama:
        client.get("/")
    from django.core.cache import cache

    cache.delete("sekretariat:satker_nama_singkat")
    with CaptureQueriesContext(connection) as tanpa_cache:
        client.get("/")
    assert len(tanpa_cache) == len(pertama) + 1
