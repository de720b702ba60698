"""The visitor's address behind a reverse proxy (kpu_site/klien.py): the public comments' hourly
limit and the login lockout count each visitor, not the proxy, and a client cannot escape them
by writing X-Forwarded-For itself."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from kpu_site.klien import alamat_klien

pytestmark = pytest.mark.django_db


def _minta(xff=None, remote="10.0.0.2"):
    meta = {"REMOTE_ADDR": remote}
    if xff is not None:
        meta["HTTP_X_FORWARDED_FOR"] = xff
    return RequestFactory().get("/", **meta)


@pytest.mark.parametrize(
    ("proxy", "xff", "harapan"),
    [
        (0, "203.0.113.9", "10.0.0.2"),  # no proxy configured: the header is the client's own
        (1, "203.0.113.9", "203.0.113.9"),  # the address the proxy saw
        (1, "1.1.1.1, 203.0.113.9", "203.0.113.9"),  # the client's own entry is ignored
        (2, "1.1.1.1, 203.0.113.9, 10.0.0.7", "203.0.113.9"),  # two proxies
        (1, None, "10.0.0.2"),  # no header
        (2, "203.0.113.9", "10.0.0.2"),  # shorter than the proxies: not trusted
        (1, "bukan-alamat", "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_alamat_klien(settings, proxy, xff, harapan):
    settings.PROXY_TEPERCAYA = proxy
    assert alamat_klien(_minta(xff)) == harapan


def test_batas_tanggapan_per_pengunjung_di_belakang_proxy(settings):
    """Behind one proxy, two visitors each have their own public-page limit; one visitor
    writing a different X-Forwarded-For of their own still counts as themselves."""
    from django.core.cache import cache

    from kpu_site.batas_laju import batas_laju_lewat

    cache.clear()
    settings.PROXY_TEPERCAYA = 1
    settings.PUBLIK_BATAS_LAJU = 2
    a = [batas_laju_lewat(_minta(f"9.9.9.{i}, 203.0.113.1"), nama="uji") for i in range(3)]
    b = batas_laju_lewat(_minta("203.0.113.2"), nama="uji")
    assert a == [False, False, True] and b is False


def test_kunci_masuk_memakai_alamat_pengunjung(settings):
    from axes.helpers import get_client_ip_address

    settings.PROXY_TEPERCAYA = 1
    assert get_client_ip_address(_minta("1.1.1.1, 203.0.113.9")) == "203.0.113.9"
