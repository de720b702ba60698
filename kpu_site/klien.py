"""The visitor's address, for the limits of the public pages (``batas_laju``, the public
comments' ``TANGGAPAN_BATAS_PER_JAM``).

Behind a reverse proxy (production: the TLS proxy ``SECURE_PROXY_SSL_HEADER`` expects) every
request comes from the proxy's address, so a limit per ``REMOTE_ADDR`` would count every visitor
together. ``PROXY_TEPERCAYA`` (env ``DJANGO_PROXY_TEPERCAYA``) is the number of proxies in front
of the application that append to ``X-Forwarded-For``; the visitor is the address the outermost
of them saw: the N-th entry from the right. Entries left of it were written by the client and
are never trusted. With 0 (the default outside production) the header is ignored."""

from __future__ import annotations

import ipaddress

from django.conf import settings


def alamat_klien(request) -> str:
    """The visitor's IP address as text (``REMOTE_ADDR`` when the header is missing, shorter
    than the proxies, or not an address)."""
    langsung = request.META.get("REMOTE_ADDR", "")
    n = getattr(settings, "PROXY_TEPERCAYA", 0)
    if n <= 0:
        return langsung
    rantai = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    rantai = [a for a in rantai if a]
    if len(rantai) < n:
        return langsung
    calon = rantai[-n]
    try:
        return str(ipaddress.ip_address(calon))
    except ValueError:
        return langsung
