"""The number-pattern page (/adhoc/pola-nomor/) is in the Badan Ad Hoc menu of the users who may
open it (staff of the recruitment: Sub Bagian Teknis, Sekretaris, Admin) and of no one else,
whom the page refuses (403)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kpu_site.navigasi import menu_for

pytestmark = pytest.mark.django_db

LABEL = "Pola nomor dokumen"


def _menu_adhoc(user) -> dict[str, str]:
    return {
        i["label"]: i["url"]
        for bagian in menu_for(user)
        if bagian["judul"] == "Badan Ad Hoc"
        for i in bagian["items"]
    }


@pytest.mark.parametrize("siapa", ["staf_teknis", "kasubag_teknis", "sekretaris", "admin_user"])
def test_menu_leads_the_staff_of_the_recruitment_to_the_page(masuk, siapa, request):
    user = request.getfixturevalue(siapa)
    url = _menu_adhoc(user)[LABEL]
    assert url == reverse("badan_adhoc:pola_nomor_list") == "/adhoc/pola-nomor/"
    body = masuk(user).get(url).content.decode()
    assert f'href="{url}"' in body  # in the navigation of the page itself


@pytest.mark.parametrize("siapa", ["staf", "kasubag", "staf_lain", "komisioner", "auditor"])
def test_others_neither_see_the_menu_nor_open_the_page(masuk, siapa, request):
    user = request.getfixturevalue(siapa)
    assert LABEL not in _menu_adhoc(user)
    client = masuk(user)
    assert 'href="/adhoc/pola-nomor/"' not in client.get(reverse("beranda")).content.decode()
    assert client.get(reverse("badan_adhoc:pola_nomor_list")).status_code == 403
