"""The database under simultaneous saves (issue 14, item 3): how SQLite is opened, and what a
page shows when the database is still busy with another user's save."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from kpu_site.konkuren import PESAN_SIBUK

ROOT = Path(__file__).resolve().parent.parent


def test_sqlite_checkout_runs_wal_with_immediate_transactions(tmp_path):
    kode = (
        "from django.db import connection; c = connection.cursor(); "
        "print(c.execute('PRAGMA journal_mode').fetchone()[0], "
        "c.execute('PRAGMA synchronous').fetchone()[0], "
        "c.execute('PRAGMA busy_timeout').fetchone()[0], connection.transaction_mode)"
    )
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", kode],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    # WAL; synchronous NORMAL (1); waits up to 20 s for the write lock; BEGIN IMMEDIATE
    assert result.stdout.split() == ["wal", "1", "20000", "IMMEDIATE"]


@pytest.mark.django_db
def test_busy_database_on_a_page_is_503_asking_to_try_again(monkeypatch, kasubag):
    from kinerja.views import realisasi

    def sibuk(**kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(realisasi.selectors, "capaian_tahun_list", sibuk)
    c = Client(raise_request_exception=False)
    c.force_login(kasubag)
    url = reverse("kinerja:realisasi_list", kwargs={"tahun": 2024})
    response = c.get(url)
    assert response.status_code == 503 and response["Retry-After"] == "5"
    body = response.content.decode()
    assert PESAN_SIBUK in body and f'href="{url}"' in body


@pytest.mark.django_db
def test_other_database_errors_stay_server_errors(monkeypatch, kasubag):
    from kinerja.views import realisasi

    def rusak(**kwargs):
        raise OperationalError("no such table: kinerja_realisasi")

    monkeypatch.setattr(realisasi.selectors, "capaian_tahun_list", rusak)
    c = Client(raise_request_exception=False)
    c.force_login(kasubag)
    response = c.get(reverse("kinerja:realisasi_list", kwargs={"tahun": 2024}))
    assert response.status_code == 500
