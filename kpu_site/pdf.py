"""HTML -> PDF with WeasyPrint, for every printed document (LKj, announcements).

Only local resources are fetched: ``static`` files (through the staticfiles finders), the
media folder and ``data:`` URLs. Anything else (http, https, ftp…) is refused, following
WeasyPrint's own security advice for documents built from user data.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders


class SumberDitolak(ValueError):
    pass


def _lokal(url: str) -> Path | None:
    static_prefix = "/" + settings.STATIC_URL.lstrip("/")
    media_prefix = "/" + settings.MEDIA_URL.lstrip("/")
    path = url.removeprefix("file://")
    for prefix in (static_prefix, "static/"):
        if path.startswith(prefix):
            found = finders.find(path[len(prefix) :])
            return Path(found) if found else None
    if path.startswith(media_prefix):
        candidate = (Path(settings.MEDIA_ROOT) / path[len(media_prefix) :]).resolve()
        if Path(settings.MEDIA_ROOT).resolve() in candidate.parents:
            return candidate
    return None


def _fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class PengambilLokal(URLFetcher):
        """Serves static/media files and data: URLs; refuses every other URL."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            local = _lokal(url)
            if local is None or not local.is_file():
                raise SumberDitolak(f"sumber tidak diizinkan dalam PDF: {url[:80]}")
            mime = mimetypes.guess_type(local.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body=local.read_bytes(), headers={"Content-Type": mime})

    return PengambilLokal()


def html_ke_pdf(html: str) -> tuple[bytes, int]:
    """Render ``html``; returns ``(pdf_bytes, page_count)``."""
    from weasyprint import HTML

    document = HTML(string=html, base_url="file:///", url_fetcher=_fetcher()).render()
    return document.write_pdf(), len(document.pages)
