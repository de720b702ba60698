"""The applicant list's name search: the same applicants as a plain case-insensitive scan,
page after page, in a number of queries that does not grow with the applicants; on PostgreSQL
the search can use the trigram index (migration 0009) instead of reading the whole table."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from badan_adhoc import selectors
from badan_adhoc.models import Pendaftar
from badan_adhoc.services import pendaftar_import, pendaftar_screen

KOLOM = (
    "nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan,kode_domisili,alamat,"
    "no_hp,email,kode_wilayah_tujuan\n"
)
INDEKS = "badan_adhoc_pendaftar_nama_trgm"


def _tambah(rekrutmen, n: int) -> None:
    nama = ["Siti Rahayu", "BUDI santoso", "Dewi Lestari", "Ahmad Budiman", "Nur Aini"]
    pendaftar_import(
        rekrutmen=rekrutmen,
        berkas=(
            KOLOM
            + "".join(
                f"367301120590{5000 + i:04d},{nama[i % len(nama)]} {i},L,Serang,1990-05-12,SMA,"
                "36.73.01.1001,x,1,,36.73.01.1001\n"
                for i in range(n)
            )
        ).encode(),
        nama_berkas="cari.csv",
    )
    pendaftar_screen(rekrutmen=rekrutmen)


def _semua_halaman(client, rekrutmen, q: str) -> tuple[list[int], list]:
    """Every page of the search (following "Berikutnya"), and the number of queries of each."""
    url = reverse("badan_adhoc:pendaftar_list", args=[rekrutmen.pk])
    ids, jumlah_query = [], []
    setelah = ""
    while True:
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            r = client.get(url, {"q": q, "setelah": setelah})
        jumlah_query.append(len(ctx.captured_queries))
        ids += [p.pk for p in r.context["pendaftar_list"]]
        if not r.context["berikut"]:
            return ids, jumlah_query
        setelah = r.context["berikut"]


@pytest.mark.parametrize("q", ["budi", "Siti", "SANTOSO 1", "ahmad budiman 4", "zzz", "i 7"])
def test_name_search_lists_what_a_plain_scan_finds(masuk, diseleksi, staf_teknis, monkeypatch, q):
    from badan_adhoc.views.pendaftar import PendaftarListView

    monkeypatch.setattr(PendaftarListView, "ukuran", 7)  # several pages
    _tambah(diseleksi, 60)
    client = masuk(staf_teknis)
    ids, jumlah_query = _semua_halaman(client, diseleksi, q)
    harus = sorted(
        p.pk
        for p in Pendaftar.objects.filter(rekrutmen=diseleksi)
        if q.casefold() in p.nama.casefold()
    )
    assert ids == harus
    # the same number of queries on every page after the first (the count is read once more
    # on the first)
    assert len(set(jumlah_query[1:])) <= 1


def test_name_search_queries_do_not_grow_with_the_applicants(
    masuk, diseleksi, staf_teknis, django_assert_max_num_queries
):
    _tambah(diseleksi, 60)  # more than a page: the count is read too
    client = masuk(staf_teknis)
    url = reverse("badan_adhoc:pendaftar_list", args=[diseleksi.pk])
    client.get(url, {"q": "a"})
    with django_assert_max_num_queries(11) as sedikit:
        client.get(url, {"q": "a"})
    n_sedikit = len(sedikit.captured_queries)
    _tambah(diseleksi, 120)
    client.get(url, {"q": "a"})
    with django_assert_max_num_queries(n_sedikit):
        r = client.get(url, {"q": "a"})
    assert len(r.context["pendaftar_list"]) == 50


def test_name_search_can_use_the_trigram_index_on_postgresql(diseleksi, staf_teknis):
    # the name condition exactly as the search writes it (the page adds the recruitment, the
    # id order and a LIMIT)
    cari = selectors.pendaftar_filter(rekrutmen=diseleksi, user=staf_teknis, q="Budi 1")
    assert cari.query.where.children[-1].lookup_name == "icontains"
    qs = Pendaftar.objects.filter(nama__icontains="Budi 1").order_by().values("pk")
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [INDEKS])
            assert cur.fetchone(), "migration 0009 builds the trigram index"
            # the tables of the test are tiny: forbid the sequential scan to see whether the
            # index fits the query Django writes (UPPER(nama) LIKE UPPER('%…%'))
            cur.execute("SET LOCAL enable_seqscan = off")
            cur.execute("EXPLAIN " + sql, params)
            rencana = "\n".join(r[0] for r in cur.fetchall())
            assert INDEKS in rencana, rencana
        else:
            # SQLite: no trigram index (the migration does nothing there); LIKE is already
            # case-insensitive for ASCII names
            cur.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND name = %s", [INDEKS]
            )
            assert cur.fetchone() is None
            assert "LIKE" in sql
