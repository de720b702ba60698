"""The applicant list's count and the recruitment dashboard: the figures a user sees are exact
(or say "lebih dari"), stay exact after every write although they are cached, and cost no scan
of the applicants once cached."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from badan_adhoc import selectors
from badan_adhoc.models import ALASAN_TMS, PERINGATAN, Pendaftar, Wilayah
from badan_adhoc.services import (
    pendaftar_create,
    pendaftar_import,
    pendaftar_override,
    pendaftar_screen,
    pendaftar_update,
)
from tests.badan_adhoc.conftest import data_tambahan

KOLOM = (
    "nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan,kode_domisili,alamat,"
    "no_hp,email,kode_wilayah_tujuan\n"
)


def _daftar(client, rekrutmen, **params):
    return client.get(reverse("badan_adhoc:pendaftar_list", args=[rekrutmen.pk]), params)


def _teks_jumlah(response) -> str:
    """The count line above the table, as the user reads it."""
    m = re.search(r"([^>]*?) pendaftar sesuai saringan", response.content.decode())
    return m.group(1).strip()


def _saringan(rekrutmen):
    kel = Wilayah.objects.get(kode="36.73.01.1001")
    yield {}
    for status in Pendaftar.Status.values:
        yield {"status": status}
    for kode in [*ALASAN_TMS, *PERINGATAN]:
        yield {"alasan": kode}
    yield {"kecamatan": kel.induk_id}
    yield {"wilayah": kel.pk}
    yield {"status": "ms", "wilayah": kel.pk}
    yield {"status": "ms", "alasan": "nik_ganda"}  # an override can make such a row
    yield {"q": "a"}
    yield {"q": "367301"}


def test_pendaftar_list_count_is_exact_for_every_filter(masuk, diseleksi, staf_teknis):
    client = masuk(staf_teknis)
    for saringan in _saringan(diseleksi):
        response = _daftar(client, diseleksi, **saringan)
        harus = selectors.pendaftar_filter(rekrutmen=diseleksi, user=staf_teknis, **saringan)
        assert response.context["jumlah"] == harus.count(), saringan
        assert not response.context["jumlah_lebih_dari"], saringan
    # the figures of the fixture, as shown
    assert _teks_jumlah(_daftar(client, diseleksi)) == "19"
    assert _teks_jumlah(_daftar(client, diseleksi, status="ms")) == "9"
    assert _teks_jumlah(_daftar(client, diseleksi, status="tms")) == "10"
    assert _teks_jumlah(_daftar(client, diseleksi, status="belum")) == "0"
    assert _teks_jumlah(_daftar(client, diseleksi, alasan="nik_ganda")) == "2"
    assert _teks_jumlah(_daftar(client, diseleksi, q="Fajar")) == "2"


def test_pendaftar_list_count_follows_every_write_although_cached(masuk, diseleksi, staf_teknis):
    client = masuk(staf_teknis)

    def tampil(**saringan):
        return _daftar(client, diseleksi, **saringan).context["jumlah"]

    assert (tampil(), tampil(status="ms"), tampil(status="belum")) == (19, 9, 0)
    baru = pendaftar_create(
        rekrutmen=diseleksi,
        data=data_tambahan(),
        pengguna=staf_teknis,
    )
    assert (tampil(), tampil(status="belum")) == (20, 1)
    pendaftar_screen(rekrutmen=diseleksi)
    assert (tampil(status="belum"), tampil(status="ms")) == (0, 10)
    pendaftar_override(
        pendaftar=baru, status="tms", alasan="Ijazah tidak dapat dibaca", pengguna=staf_teknis
    )
    assert (tampil(status="ms"), tampil(status="tms")) == (9, 11)
    kel_lain = Wilayah.objects.get(kode="36.73.01.1002")
    pendaftar_update(
        pendaftar=Pendaftar.objects.get(pk=baru.pk),
        data={"wilayah_tujuan": kel_lain, "kode_domisili": "36.73.01.1002"},
        pengguna=staf_teknis,
    )
    assert tampil(wilayah=kel_lain.pk) == Pendaftar.objects.filter(wilayah_tujuan=kel_lain).count()
    pendaftar_import(
        rekrutmen=diseleksi,
        berkas=(KOLOM + "3673011205900098,Satu Lagi,L,Serang,1990-05-12,SMA,36.73.01.1001,x,1,,"
                "36.73.01.1001\n").encode(),
        nama_berkas="x.csv",
    )  # fmt: skip
    assert (tampil(), tampil(status="belum")) == (21, 1)


def test_pendaftar_list_search_count_stops_at_the_cap(masuk, diseleksi, staf_teknis, monkeypatch):
    from badan_adhoc.views.pendaftar import PendaftarListView

    monkeypatch.setattr(PendaftarListView, "ukuran", 2)
    monkeypatch.setattr(selectors.pendaftar, "BATAS_HITUNG_CARI", 5)  # where it is read
    client = masuk(staf_teknis)
    # 'a' is in most names: more than the cap
    response = _daftar(client, diseleksi, q="a")
    assert response.context["jumlah_lebih_dari"]
    assert _teks_jumlah(response) == "lebih dari 5"
    # 'an' in 4 names: two pages, counted exactly
    harus = Pendaftar.objects.filter(rekrutmen=diseleksi, nama__icontains="an").count()
    assert 2 < harus <= 5
    response = _daftar(client, diseleksi, q="an")
    assert _teks_jumlah(response) == str(harus)
    assert not response.context["jumlah_lebih_dari"]


def _sql_pendaftar(ctx) -> list[str]:
    return [q["sql"] for q in ctx.captured_queries if "badan_adhoc_pendaftar" in q["sql"]]


@pytest.mark.parametrize("saringan", [{}, {"status": "ms"}, {"alasan": "usia_kurang"}])
def test_pendaftar_list_reads_one_page_and_no_count_once_cached(
    masuk, diseleksi, staf_teknis, saringan, django_assert_max_num_queries
):
    client = masuk(staf_teknis)
    with CaptureQueriesContext(connection) as pertama:
        _daftar(client, diseleksi, **saringan)
    # session, user, permissions, recruitment, kecamatan choices, the page (and the shared
    # layout's own): 10 at most, of which one reads applicants
    with django_assert_max_num_queries(10) as kedua:
        _daftar(client, diseleksi, **saringan)
    # cold: the grouped summary and the page; warm: the page only
    assert len(_sql_pendaftar(pertama)) == 2
    assert len(_sql_pendaftar(kedua)) == 1
    assert "COUNT(" not in _sql_pendaftar(kedua)[0]
    n_halaman = len(kedua.captured_queries)
    # and the same number of queries with many more applicants
    pendaftar_import(
        rekrutmen=diseleksi,
        berkas=(
            KOLOM
            + "".join(
                f"36730112059001{i:02d},Tambahan {i},L,Serang,1990-05-12,SMA,36.73.01.1001,x,1,,"
                "36.73.01.1001\n"
                for i in range(80)
            )
        ).encode(),
        nama_berkas="x.csv",
    )
    pendaftar_screen(rekrutmen=diseleksi)
    _daftar(client, diseleksi, **saringan)
    with django_assert_max_num_queries(n_halaman):
        _daftar(client, diseleksi, **saringan)


def test_empty_status_costs_no_page_query(masuk, diseleksi, staf_teknis):
    client = masuk(staf_teknis)
    _daftar(client, diseleksi, status="belum")
    with CaptureQueriesContext(connection) as ctx:
        response = _daftar(client, diseleksi, status="belum")
    assert response.context["pendaftar_list"] == []
    assert _sql_pendaftar(ctx) == []


def _dasbor(client, rekrutmen, **params):
    return client.get(reverse("badan_adhoc:rekrutmen_detail", args=[rekrutmen.pk]), params)


def test_dashboard_is_cached_shows_its_time_and_follows_writes(
    masuk, diseleksi, staf_teknis, django_assert_max_num_queries
):
    client = masuk(staf_teknis)
    with CaptureQueriesContext(connection) as pertama:
        response = _dasbor(client, diseleksi)
    ringkasan = response.context["ringkasan"]
    assert (ringkasan["jumlah"], ringkasan["ms"], ringkasan["tms"]) == (19, 9, 10)
    assert response.context["kursi"] == 42
    assert "Data per " in response.content.decode()
    assert "segar=1" in response.content.decode()
    assert len(_sql_pendaftar(pertama)) == 2  # the summary and the per-wilayah counts
    n_pertama = len(pertama.captured_queries)

    with django_assert_max_num_queries(n_pertama - 2) as kedua:
        response = _dasbor(client, diseleksi)
    assert _sql_pendaftar(kedua) == []
    assert response.context["ringkasan"] == ringkasan

    # a write is seen at once (no waiting for the 5 minutes)
    p = Pendaftar.objects.filter(rekrutmen=diseleksi, status_administrasi="ms").first()
    pendaftar_override(
        pendaftar=p, status="tms", alasan="Ijazah tidak dapat dibaca", pengguna=staf_teknis
    )
    response = _dasbor(client, diseleksi)
    assert (response.context["ringkasan"]["ms"], response.context["ringkasan"]["tms"]) == (8, 11)
    assert sum(k.ms for k in response.context["per_kecamatan"]) == 8

    # "Perbarui data" recomputes
    with CaptureQueriesContext(connection) as segar:
        _dasbor(client, diseleksi, segar="1")
    assert len(_sql_pendaftar(segar)) == 2


def test_dashboard_figures_come_from_the_selectors(masuk, diseleksi, komisioner):
    response = _dasbor(masuk(komisioner), diseleksi)
    assert response.context["ringkasan"] == selectors.seleksi_ringkasan(diseleksi)
    rows = selectors.rekap_per_wilayah(diseleksi)
    assert [
        (k.wilayah.pk, k.pendaftar, k.ms, k.tms, k.kursi) for k in response.context["per_kecamatan"]
    ] == [
        (k.wilayah.pk, k.pendaftar, k.ms, k.tms, k.kursi)
        for k in selectors.rekap_per_kecamatan(diseleksi, rows)
    ]


def test_recruitment_list_shows_the_cached_counts_and_follows_a_write(
    masuk, diseleksi, staf_teknis
):
    client = masuk(staf_teknis)
    url = reverse("badan_adhoc:rekrutmen_list")
    html = client.get(url, {"semua": "1"}).content.decode()
    baris = html[html.index("KPPS Pemilu 2024</a>") :]
    baris = baris[: baris.index("</tr>")]
    assert re.findall(r'<td class="num[^"]*">([\d.]+)</td>', baris)[1:4] == ["19", "9", "10"]
    # a second request reads no applicant rows
    with CaptureQueriesContext(connection) as q:
        client.get(url, {"semua": "1"})
    assert not [x for x in q.captured_queries if "badan_adhoc_pendaftar" in x["sql"]]
    # an override moves one applicant from TMS to MS and the list shows it at once
    tms = Pendaftar.objects.filter(rekrutmen=diseleksi, status_administrasi="tms").first()
    pendaftar_override(
        pendaftar=tms, status="ms", alasan="Dokumen susulan sudah lengkap", pengguna=staf_teknis
    )
    html = client.get(url, {"semua": "1"}).content.decode()
    baris = html[html.index("KPPS Pemilu 2024</a>") :]
    baris = baris[: baris.index("</tr>")]
    assert re.findall(r'<td class="num[^"]*">([\d.]+)</td>', baris)[1:4] == ["19", "10", "9"]
