"""On a phone the applicant list shows the name and the MS/TMS result first, and its four
filters wait behind one "Saringan" button (``{% tombol_saring %}``) that counts the filters in
use; from 768 px the form is always open (app.css)."""

from __future__ import annotations

import re

from django.http import QueryDict
from django.urls import reverse

from kpu_site.templatetags.saring import saringan_aktif


def _tombol(html: str) -> str:
    return re.search(r'<button[^>]*data-bs-target="#saring-pendaftar"[^>]*>[^<]*</button>', html)[0]


def test_applicant_filters_wait_behind_one_button(masuk, diseleksi, staf_teknis):
    url = reverse("badan_adhoc:pendaftar_list", args=[diseleksi.pk])
    html = masuk(staf_teknis).get(url).content.decode()

    tombol = _tombol(html)
    assert 'class="btn btn-outline-secondary btn-sm d-md-none mb-2"' in tombol
    assert 'aria-expanded="false"' in tombol and 'aria-controls="saring-pendaftar"' in tombol
    assert tombol.endswith(">Saringan</button>")
    assert '<form class="row g-2 mb-3 saring collapse" id="saring-pendaftar" method="get">' in html


def test_the_button_counts_the_filters_in_use(masuk, diseleksi, staf_teknis):
    url = reverse("badan_adhoc:pendaftar_list", args=[diseleksi.pk])
    r = masuk(staf_teknis).get(url, {"q": "budi", "status": "ms", "alasan": "", "setelah": "9"})
    assert _tombol(r.content.decode()).endswith(">Saringan (2 aktif)</button>")


def test_name_and_result_are_the_first_columns(masuk, diseleksi, staf_teknis):
    url = reverse("badan_adhoc:pendaftar_list", args=[diseleksi.pk])
    html = masuk(staf_teknis).get(url).content.decode()
    kepala = re.search(r"<thead[^>]*><tr>(.*?)</tr></thead>", html)[1]
    assert re.findall(r"<th>([^<]*)</th>", kepala)[:3] == ["Nama", "Hasil", "NIK"]


def test_paging_parameters_are_not_filters():
    assert saringan_aktif(QueryDict("page=2&setelah=10&urut=nama")) == 0
    assert saringan_aktif(QueryDict("q=+&status=tms&kecamatan=3")) == 2


def test_each_filter_is_named_for_a_screen_reader(masuk, diseleksi, staf_teknis):
    url = reverse("badan_adhoc:pendaftar_list", args=[diseleksi.pk])
    html = masuk(staf_teknis).get(url).content.decode()
    for nama, label in (("status", "Hasil"), ("alasan", "Alasan"), ("kecamatan", "Kecamatan")):
        assert re.search(rf'<select name="{nama}"[^>]*aria-label="{label}"', html), nama
