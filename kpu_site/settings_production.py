"""Production settings: everything from the environment, no insecure default.

``DJANGO_SECRET_KEY`` has no default here, so a missing key stops the process at start-up; so
does a key shorter than 50 characters or a known weak value (``kunci_rahasia_periksa``).
``python manage.py check --deploy`` passes with no warning.
"""

import re

from django.core.exceptions import ImproperlyConfigured

from .settings import *  # noqa: F403
from .settings import SECRET_KEY_PENGEMBANGAN, env

PANJANG_KUNCI_MIN = 50
# Values published in this repository or in every tutorial; a key made only of repetitions of
# one of them ("changemechangeme…") is as weak.
KUNCI_LEMAH = frozenset(
    {
        SECRET_KEY_PENGEMBANGAN,
        "build-only-collectstatic-key-not-used-at-runtime-0123456789",  # an old Dockerfile
    }
)
KATA_LEMAH = ("changeme", "secret", "secretkey", "password", "django", "kpu", "rahasia", "test")


def _kunci_lemah(kunci: str) -> bool:
    if kunci in KUNCI_LEMAH or kunci.startswith("django-insecure-"):
        return True
    if len(set(kunci)) < 5:  # Django's own check (security.W009) also asks for 5 distinct
        return True
    huruf = re.sub(r"[^a-z0-9]", "", kunci.lower())
    return any(huruf and not huruf.replace(kata, "") for kata in KATA_LEMAH)


def kunci_rahasia_periksa(kunci: str) -> str:
    """``kunci`` when it may sign production sessions; else ImproperlyConfigured (the key
    itself is never shown: it ends up in logs)."""
    saran = (
        " Buat kunci baru dengan: python -c 'from django.core.management.utils import "
        "get_random_secret_key; print(get_random_secret_key())'"
    )
    if len(kunci) < PANJANG_KUNCI_MIN:
        raise ImproperlyConfigured(
            f"DJANGO_SECRET_KEY terlalu pendek ({len(kunci)} karakter): kunci rahasia produksi "
            f"harus paling sedikit {PANJANG_KUNCI_MIN} karakter acak." + saran
        )
    if _kunci_lemah(kunci):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY memakai nilai yang lemah atau dikenal umum (kunci contoh, kunci "
            "pengembangan, atau kata seperti 'changeme'/'secret' yang diulang): siapa pun dapat "
            "memalsukan sesi dengan kunci itu." + saran
        )
    return kunci


DEBUG = False
SECRET_KEY = kunci_rahasia_periksa(env("DJANGO_SECRET_KEY"))  # ImproperlyConfigured when unset
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost"])

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# behind that TLS proxy: the visitor is the address it saw (kpu_site/klien.py)
PROXY_TEPERCAYA = env.int("DJANGO_PROXY_TEPERCAYA", default=1)
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=True)
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
