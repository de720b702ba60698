"""Error pages: with DEBUG off (the default) every error is an Indonesian page in the site's
layout with a way back to Beranda, never Django's debug page with URL patterns or tracebacks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent
BOCOR = ("URLconf", "Traceback", "urlpatterns", "rahasia-di-traceback", "DEBUG = True")


def _tanpa_bocoran(html: str) -> None:
    for kata in BOCOR:
        assert kata not in html, kata


def _dalam_tata_letak(html: str) -> None:
    assert "/static/css/app.css" in html  # the site's own layout (base.html)
    assert 'href="/"' in html and "Beranda" in html


def test_debug_is_off_unless_the_developer_turns_it_on():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    kode = "from django.conf import settings; print(settings.DEBUG)"
    jalankan = [sys.executable, "-c", f"import django; django.setup(); {kode}"]
    env["DJANGO_SETTINGS_MODULE"] = "kpu_site.settings"
    bawaan = subprocess.run(jalankan, cwd=ROOT, env=env, capture_output=True, text=True)
    assert bawaan.stdout.strip() == "False", bawaan.stderr
    env["DJANGO_DEBUG"] = "1"
    nyala = subprocess.run(jalankan, cwd=ROOT, env=env, capture_output=True, text=True)
    assert nyala.stdout.strip() == "True", nyala.stderr


def test_unknown_url_gives_the_indonesian_404_page(db, masuk, staf):
    response = masuk(staf).get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Halaman atau data yang Anda cari tidak ditemukan." in html
    _dalam_tata_letak(html)
    _tanpa_bocoran(html)


def test_unknown_url_for_anonymous_gives_the_404_page(db, client):
    response = client.get("/api/tidak-ada/")
    assert response.status_code == 404
    _tanpa_bocoran(response.content.decode())


def test_forbidden_page_gives_the_indonesian_403_page(db, masuk, staf):
    response = masuk(staf).get(reverse("status_layanan"))
    assert response.status_code == 403
    html = response.content.decode()
    assert "Akses ditolak" in html
    _dalam_tata_letak(html)
    _tanpa_bocoran(html)


@pytest.mark.urls("tests.urls_galat")
def test_failing_view_gives_the_indonesian_500_page(db, masuk, staf):
    client = masuk(staf)
    client.raise_request_exception = False
    response = client.get("/uji/galat/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Terjadi kesalahan pada server." in html
    _dalam_tata_letak(html)
    _tanpa_bocoran(html)


def test_500_page_renders_without_a_request_or_context():
    from django.template import loader

    html = loader.get_template("500.html").render()
    assert "Terjadi kesalahan pada server." in html
    _dalam_tata_letak(html)


def test_bad_request_gives_the_indonesian_400_page(db):
    response = Client().get("/", HTTP_HOST="situs-lain.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Permintaan tidak valid" in html
    _dalam_tata_letak(html)
    _tanpa_bocoran(html)


def test_csrf_failure_gives_the_indonesian_403_page(db, staf):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staf)
    response = client.post(reverse("tahun_pilih"), {"tahun": "2023"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Formulir kedaluwarsa" in html
    assert "muat ulang halaman" in html
    _dalam_tata_letak(html)
    assert "CSRF verification failed" not in html
