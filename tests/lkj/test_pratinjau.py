import re

import pytest
from django.urls import reverse

from tests.conftest import demo_inti_muat

TAUTAN = re.compile(r'<a class="angka-tautan" href="([^"]+)">([^<]*)</a>')


@pytest.fixture
def demo_lkj(db):
    demo_inti_muat()


def test_probe(demo_lkj, masuk, sekretaris):
    client = masuk(sekretaris)
    r = client.get(reverse("kinerja:lkj_pratinjau", args=[2023]))
    assert r.status_code == 200
    html = r.content.decode()
    open("/tmp/pratinjau_probe/p.html", "w").write(html)
    for href, teks in TAUTAN.findall(html):
        print(href, "|", teks)
