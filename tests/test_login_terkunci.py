"""The lockout page after too many failed logins (django-axes) speaks minutes, not ISO 8601,
and leads back to the login form."""

from datetime import timedelta

import pytest
from django.urls import reverse

from kpu_site.formatting import durasi


def test_lockout_page_says_15_menit_and_links_to_the_login_form(db, client, staf, settings):
    url = reverse("login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(url, {"username": "staf.uji", "password": "salah"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Coba lagi setelah 15 menit." in html
    assert "PT15M" not in html
    assert f'href="{url}"' in html
    assert "Kembali ke halaman masuk" in html


@pytest.mark.parametrize(
    ("lama", "teks"),
    [
        (timedelta(minutes=15), "15 menit"),
        (timedelta(hours=1), "1 jam"),
        (timedelta(hours=1, minutes=30), "1 jam 30 menit"),
        (timedelta(seconds=45), "45 detik"),
        (timedelta(days=1, hours=2), "1 hari 2 jam"),
    ],
)
def test_durasi_in_indonesian(lama, teks):
    assert durasi(lama) == teks
