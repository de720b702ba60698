"""Production refuses to start with a weak DJANGO_SECRET_KEY: shorter than 50 characters or a
value published somewhere (the development default, the Dockerfile's build key, "changeme"…).
Checked by importing the settings module in a fresh process, as the server would."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KUNCI_KUAT = "x7Qp2-" + "k" * 20 + "-Zr9LmN4vT8wY1cB6dF3hJ5sA0eG"


def _impor_produksi(kunci: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env["DJANGO_SECRET_KEY"] = kunci
    return subprocess.run(
        [sys.executable, "-c", "import kpu_site.settings_production"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_starts_with_a_long_random_key():
    hasil = _impor_produksi(KUNCI_KUAT)
    assert hasil.returncode == 0, hasil.stderr


@pytest.mark.parametrize("kunci", ["", "pendek", "a8F!" * 12])
def test_production_refuses_a_key_shorter_than_50_characters(kunci):
    hasil = _impor_produksi(kunci)
    assert hasil.returncode != 0
    assert "ImproperlyConfigured" in hasil.stderr
    assert (
        f"DJANGO_SECRET_KEY terlalu pendek ({len(kunci)} karakter): kunci rahasia produksi "
        "harus paling sedikit 50 karakter acak." in hasil.stderr
    )


@pytest.mark.parametrize(
    "kunci",
    [
        "dev-only-secret-key-not-for-production-use-0123456789abcdefghij",  # settings.py default
        "build-only-collectstatic-key-not-used-at-runtime-0123456789",  # old Dockerfile key
        "changeme" * 7,
        "secret" * 9,
        "CHANGEME-" * 6,
        "x" * 60,
        "django-insecure-" + "k" * 20 + "Zr9LmN4vT8wY1cB6dF3hJ5sA0eG",
    ],
)
def test_production_refuses_a_known_weak_key(kunci):
    hasil = _impor_produksi(kunci)
    assert hasil.returncode != 0
    assert "ImproperlyConfigured" in hasil.stderr
    assert "DJANGO_SECRET_KEY memakai nilai yang lemah atau dikenal umum" in hasil.stderr
    assert kunci not in hasil.stderr  # the key itself is never printed
