"""The shared pager (kpu_site.halaman, templates/includes/_pagination.html) on every paginated
list: a page past the end shows the last page with a note instead of a 404, the links keep the
filters, and the numbers shown fit a phone at any number of pages."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from django.urls import reverse

from kpu_site.audit import jejak_catat
from kpu_site.halaman import Halaman
from tests.anggaran.factories import DokumenAnggaranFactory, pohon_kecil


@pytest.mark.parametrize(
    ("nomor", "jumlah", "ada_berikutnya", "tampil"),
    [
        (1, 1, False, [1]),
        (1, 2, True, [1, 2]),
        (1, 300, True, [1, 2, None, 300]),
        (150, 300, True, [1, None, 149, 150, 151, None, 300]),
        (300, 300, False, [1, None, 299, 300]),
        (3, 300, True, [1, 2, 3, 4, None, 300]),
        (4, 5, True, [1, 2, 3, 4, 5]),  # a gap of one page shows the page, not "…"
        (5, None, True, [1, None, 4, 5, 6, None]),  # a capped search count: more pages follow
    ],
)
def test_pager_numbers_are_first_last_and_neighbours(nomor, jumlah, ada_berikutnya, tampil):
    assert Halaman(nomor, jumlah, ada_berikutnya).nomor_tampil() == tampil


def _catatan(response) -> str:
    m = re.search(r'<div class="alert alert-warning[^"]*" role="status">(.*?)</div>',
                  response.content.decode())  # fmt: skip
    return html_lib.unescape(m.group(1)) if m else ""


def _tautan(response) -> list[str]:
    body = response.content.decode()
    nav = body[body.index('<nav class="pager') :]
    return [html_lib.unescape(h) for h in re.findall(r'class="page-link" href="([^"]*)"', nav)]


def test_audit_list_pages_keep_the_filters_and_a_page_past_the_end_is_the_last(
    masuk, admin_user, monkeypatch
):
    from kpu_site.views import JejakAuditListView

    monkeypatch.setattr(JejakAuditListView, "paginate_by", 2)
    for i in range(5):
        jejak_catat(pengguna=admin_user, aksi="alur", ringkasan=f"Langkah {i}")
    jejak_catat(pengguna=admin_user, aksi="unduh", ringkasan="Unduhan")
    client = masuk(admin_user)
    url = reverse("audit_list")

    r = client.get(url, {"aksi": "alur"})
    assert _tautan(r) == ["?aksi=alur&page=2", "?aksi=alur&page=3", "?aksi=alur&page=2"]
    body = r.content.decode()
    assert '<input type="hidden" name="aksi" value="alur">' in body
    assert "dari 3" in body

    r = client.get(url, {"aksi": "alur", "page": "99"})
    assert r.status_code == 200
    assert _catatan(r) == "Halaman 99 tidak ada; ditampilkan halaman terakhir (3)."
    assert [j.keterangan for j in r.context["jejak"]] == ["Langkah 0"]
    assert _tautan(r) == ["?aksi=alur&page=2", "?aksi=alur", "?aksi=alur&page=2"]

    r = client.get(url, {"aksi": "alur", "page": "dua"})
    assert r.status_code == 200
    assert _catatan(r) == "Nomor halaman “dua” tidak dikenali; ditampilkan halaman pertama."


def test_every_paginated_list_answers_a_page_past_the_end(masuk, admin_user, sekretaris):
    dipa = DokumenAnggaranFactory()
    akun = pohon_kecil(dipa, sekretaris)["akun"][0]
    client = masuk(admin_user)
    for url in (
        reverse("audit_list"),
        reverse("sekretariat:pegawai_list"),
        reverse("sekretariat:riwayat_list"),
        reverse("anggaran:realisasi_list", args=[dipa.pk]),
        reverse("anggaran:pos_detail", args=[akun.pk]),
    ):
        r = client.get(url, {"page": "7"})
        assert r.status_code == 200, url
        assert _catatan(r) == "Halaman 7 tidak ada; ditampilkan halaman terakhir (1).", url
