"""The applicant list's pager (issue 16, navigation): page numbers, previous and next, the jump
to a page, every link keeping the filters; a page number past the end or not a number shows
the last or first page with a note; the queries do not grow with the page asked for."""

from __future__ import annotations

import html as html_lib
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from badan_adhoc.models import Pendaftar
from badan_adhoc.services import pendaftar_import, pendaftar_screen

KOLOM = (
    "nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan,kode_domisili,alamat,"
    "no_hp,email,kode_wilayah_tujuan\n"
)


@pytest.fixture
def kecil(monkeypatch):
    """Two applicants a page: the 19 of the fixture make 10 pages."""
    from badan_adhoc.views.pendaftar import PendaftarListView

    monkeypatch.setattr(PendaftarListView, "ukuran", 2)


def _url(rekrutmen) -> str:
    return reverse("badan_adhoc:pendaftar_list", args=[rekrutmen.pk])


def _pager(response) -> str:
    body = response.content.decode()
    awal = body.index('<nav class="pager')
    return body[awal : body.index("</nav>", awal)]


def _tautan(response) -> dict[str, dict[str, list[str]]]:
    """The pager's links as the user reads them (label -> query parameters)."""
    hasil = {}
    for href, label in re.findall(
        r'<a class="page-link" href="([^"]*)"[^>]*>(.*?)</a>', _pager(response)
    ):
        label = re.sub(r"<[^>]+>", "", label).strip()
        hasil[label] = parse_qs(urlsplit(html_lib.unescape(href)).query)
    return hasil


def _nomor(response) -> list[str]:
    """The page items in order: numbers, "…", the current one in brackets."""
    items = []
    for li in re.findall(r'<li class="page-item[^"]*"[^>]*>.*?</li>', _pager(response), re.S):
        teks = re.sub(r"<[^>]+>", "", li).strip()
        if teks in ("‹", "›") or "Sebelumnya" in teks or "Berikutnya" in teks:
            continue
        items.append(f"[{teks}]" if "active" in li else teks)
    return items


def _nama(response) -> list[str]:
    return [p.nama for p in response.context["pendaftar_list"]]


def _urut(rekrutmen, **saring) -> list[str]:
    return list(
        Pendaftar.objects.filter(rekrutmen=rekrutmen, **saring)
        .order_by("pk")
        .values_list("nama", flat=True)
    )


def test_pendaftar_list_pager_numbers_links_keep_the_filters(masuk, diseleksi, staf_teknis, kecil):
    client = masuk(staf_teknis)
    ms = _urut(diseleksi, status_administrasi="ms")
    assert len(ms) == 9  # 5 pages

    r = client.get(_url(diseleksi), {"status": "ms"})
    assert _nomor(r) == ["[1]", "2", "…", "5"]
    tautan = _tautan(r)
    assert tautan["2"] == {"status": ["ms"], "page": ["2"]}
    assert tautan["5"] == {"status": ["ms"], "page": ["5"]}
    assert tautan["Berikutnya ›"]["status"] == ["ms"]
    assert tautan["Berikutnya ›"]["page"] == ["2"]
    # the jump keeps the filter as a hidden field
    pager = _pager(r)
    assert '<input type="hidden" name="status" value="ms">' in pager
    assert re.search(r'<label for="pager-ke"[^>]*>Ke halaman</label>', pager)
    assert ">Buka</button>" in pager and "dari 5" in pager

    # every page by its number shows the right rows
    for n in range(1, 6):
        r = client.get(_url(diseleksi), {"status": "ms", "page": n})
        assert _nama(r) == ms[(n - 1) * 2 : n * 2], n
        assert f"[{n}]" in _nomor(r)
    assert _nomor(client.get(_url(diseleksi), {"status": "ms", "page": 3})) == [
        "1", "2", "[3]", "4", "5",
    ]  # fmt: skip

    # following "Berikutnya" page after page, then "Sebelumnya" back: the same pages
    r = client.get(_url(diseleksi), {"status": "ms"})
    dilihat = [_nama(r)]
    while "Berikutnya ›" in _tautan(r):
        r = client.get(_url(diseleksi), _tautan(r)["Berikutnya ›"])
        dilihat.append(_nama(r))
        assert r.context["halaman"].nomor == len(dilihat)
    assert dilihat == [ms[i : i + 2] for i in range(0, 9, 2)]
    while "‹ Sebelumnya" in _tautan(r):
        params = _tautan(r)["‹ Sebelumnya"]
        assert params["status"] == ["ms"]
        r = client.get(_url(diseleksi), params)
        assert _nama(r) == dilihat[r.context["halaman"].nomor - 1]
    assert r.context["halaman"].nomor == 1


def test_pendaftar_list_deep_page_of_many_shows_first_last_and_neighbours(
    masuk, diseleksi, staf_teknis, kecil
):
    r = masuk(staf_teknis).get(_url(diseleksi), {"page": 6})
    assert _nomor(r) == ["1", "…", "5", "[6]", "7", "…", "10"]
    assert _nama(r) == _urut(diseleksi)[10:12]
    assert _nama(masuk(staf_teknis).get(_url(diseleksi), {"page": 10})) == _urut(diseleksi)[18:]
    assert _nama(masuk(staf_teknis).get(_url(diseleksi), {"page": 9})) == _urut(diseleksi)[16:18]


@pytest.mark.parametrize(
    ("page", "tampil", "catatan"),
    [
        ("99", 10, "Halaman 99 tidak ada; ditampilkan halaman terakhir (10)."),
        ("99999999999999999999999", 1, "Nomor halaman “99999999999999999999…” tidak dikenali; "
         "ditampilkan halaman pertama."),
        ("abc", 1, "Nomor halaman “abc” tidak dikenali; ditampilkan halaman pertama."),
        ("0", 1, "Nomor halaman “0” tidak dikenali; ditampilkan halaman pertama."),
        ("-3", 1, "Nomor halaman “-3” tidak dikenali; ditampilkan halaman pertama."),
    ],
)  # fmt: skip
def test_pendaftar_list_page_out_of_range_shows_last_or_first_with_a_note(
    masuk, diseleksi, staf_teknis, kecil, page, tampil, catatan
):
    r = masuk(staf_teknis).get(_url(diseleksi), {"page": page})
    assert r.status_code == 200
    assert r.context["halaman"].nomor == tampil
    assert _nama(r) == _urut(diseleksi)[(tampil - 1) * 2 : tampil * 2]
    assert html_lib.escape(catatan, quote=False) in r.content.decode()


def test_pendaftar_list_name_search_pages_keep_the_search(masuk, diseleksi, staf_teknis, kecil):
    client = masuk(staf_teknis)
    harus = [n for n in _urut(diseleksi) if "a" in n.casefold()]
    r = client.get(_url(diseleksi), {"q": "a", "page": 2})
    assert _nama(r) == harus[2:4]
    assert _tautan(r)["1"] == {"q": ["a"]}
    assert _tautan(r)["3"] == {"q": ["a"], "page": ["3"]}


def _tambah(rekrutmen, n: int, awal: int = 0) -> None:
    pendaftar_import(
        rekrutmen=rekrutmen,
        berkas=(
            KOLOM
            + "".join(
                f"367301120590{5000 + i:04d},Tambahan {i},L,Serang,1990-05-12,SMA,36.73.01.1001,x,1,,"
                "36.73.01.1001\n"
                for i in range(awal, awal + n)
            )
        ).encode(),
        nama_berkas="x.csv",
    )
    pendaftar_screen(rekrutmen=rekrutmen)


@pytest.mark.parametrize("saring", [{}, {"status": "ms"}, {"kecamatan": "x"}])
def test_pendaftar_list_page_by_number_queries_do_not_grow(
    masuk, diseleksi, staf_teknis, kecil, saring, django_assert_max_num_queries
):
    client = masuk(staf_teknis)
    if saring.get("kecamatan"):
        saring = {
            "wilayah": Pendaftar.objects.filter(rekrutmen=diseleksi).first().wilayah_tujuan_id
        }
    client.get(_url(diseleksi), {**saring, "page": 3})  # the cached summary
    # session, user, permissions, recruitment, kecamatan choices, the layout's own, the count
    # when the summary cannot tell, the key next to the page and the page: 12 at most
    with django_assert_max_num_queries(12) as sedikit:
        r = client.get(_url(diseleksi), {**saring, "page": 3})
    assert r.context["halaman"].nomor == 3
    n = len(sedikit.captured_queries)
    _tambah(diseleksi, 80)
    for page in (3, 20, 35, "999"):
        client.get(_url(diseleksi), {**saring, "page": page})
        with django_assert_max_num_queries(n):
            r = client.get(_url(diseleksi), {**saring, "page": page})
        assert len(r.context["pendaftar_list"]) >= 1
    # previous and next by key: no more than by number
    berikut = _tautan(r).get("‹ Sebelumnya")
    with django_assert_max_num_queries(n):
        client.get(_url(diseleksi), berikut)
