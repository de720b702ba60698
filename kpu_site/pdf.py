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


def _render(html: str) -> tuple[bytes, int]:
    from weasyprint import HTML

    document = HTML(string=html, base_url="file:///", url_fetcher=_fetcher()).render()
    return document.write_pdf(), len(document.pages)


def html_ke_pdf(html: str) -> tuple[bytes, int]:
    """Render ``html``; returns ``(pdf_bytes, page_count)``.

    The same HTML gives the same PDF, so the result is kept in the cache under the SHA-256 of
    the HTML (and WeasyPrint's version) for ``PDF_CACHE_DETIK`` seconds: a document printed from
    unchanged data (a PK, the Manual IKU, the LKE report, opened by several users or twice) is
    rendered once. Any change of the data changes the HTML and so the key. PDFs larger than
    ``PDF_CACHE_MAKS_BITA`` are not kept."""
    import hashlib

    import weasyprint
    from django.core.cache import cache

    kunci = "pdf:" + hashlib.sha256(f"{weasyprint.__version__}\n{html}".encode()).hexdigest()
    tersimpan = cache.get(kunci)
    if tersimpan is not None:
        return tersimpan
    hasil = _render(html)
    if len(hasil[0]) <= settings.PDF_CACHE_MAKS_BITA:
        cache.set(kunci, hasil, timeout=settings.PDF_CACHE_DETIK)
    return hasil


def pdf_respons(pdf: bytes, nama_berkas: str):
    """The PDF shown in the browser (inline) under ``nama_berkas``, for every printed page."""
    from django.http import HttpResponse

    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{nama_berkas}"'
    return response


def html_ke_pdf_respons(html: str, nama_berkas: str):
    """Render ``html`` (``html_ke_pdf``) and answer it as ``pdf_respons``."""
    return pdf_respons(html_ke_pdf(html)[0], nama_berkas)


def paralel_boleh() -> bool:
    """Forking is safe only from a single-threaded process (a Celery prefork child, a sync
    worker, a command): a fork copies only the calling thread, and a lock another thread holds
    in fontconfig or Pango would never be released in the child."""
    import os
    import threading

    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and threading.active_count() == 1


def _render_anak(html: str) -> tuple[int, int]:
    """Fork a child that renders ``html`` and writes the PDF to a pipe: ``(pid, read_fd)``."""
    import os

    baca, tulis = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: render, write, leave without running the parent's exit code
        status = 1
        try:
            os.close(baca)
            pdf, _ = _render(html)  # not the cache: a forked child shares its connection
            with os.fdopen(tulis, "wb") as out:
                out.write(pdf)
            status = 0
        finally:
            os._exit(status)
    os.close(tulis)
    return pid, baca


def _nomori_halaman(writer, *, mulai: int, bawah_mm: float) -> None:
    """Write each page's number, from the ``mulai``-th page on, centred ``bawah_mm`` above the
    bottom edge (Helvetica, a standard PDF font: nothing to embed)."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    font_ref = writer._add_object(font)
    # the page's own content may leave its coordinate system changed (WeasyPrint flips y):
    # wrapped in q … Q, the number is drawn in the page's default coordinates
    simpan, pulihkan = DecodedStreamObject(), DecodedStreamObject()
    simpan.set_data(b"q\n")
    pulihkan.set_data(b"\nQ\n")
    simpan_ref, pulihkan_ref = writer._add_object(simpan), writer._add_object(pulihkan)
    for nomor, page in enumerate(writer.pages, start=1):
        if nomor < mulai:
            continue
        teks = str(nomor)
        lebar = float(page.mediabox.width)
        x = lebar / 2 - 0.556 * 9 * len(teks) / 2  # Helvetica digits: 0.556 em
        y = bawah_mm * 72 / 25.4
        stream = DecodedStreamObject()
        stream.set_data(f"q BT /FNomor 9 Tf {x:.2f} {y:.2f} Td ({teks}) Tj ET Q".encode())
        resources = page["/Resources"].get_object()
        fonts = resources.get("/Font")
        fonts = fonts.get_object() if fonts is not None else DictionaryObject()
        fonts[NameObject("/FNomor")] = font_ref
        resources[NameObject("/Font")] = fonts
        isi = page.raw_get("/Contents")
        daftar = isi.get_object()
        daftar = ArrayObject(
            [simpan_ref]
            + (list(daftar) if isinstance(daftar, ArrayObject) else [isi])
            + [pulihkan_ref, writer._add_object(stream)]
        )
        page[NameObject("/Contents")] = daftar


def html_ke_pdf_bagian(
    bagian: list[str], *, nomor_mulai: int = 2, bawah_mm: float = 11
) -> tuple[bytes, int]:
    """Render the parts of one document side by side (one forked process per part when that is
    safe, else one after the other) and join them; returns ``(pdf_bytes, page_count)``.

    Each part starts on a new page and prints no page number of its own (its CSS says so); the
    numbers of the joined document are written here from page ``nomor_mulai`` on."""
    import io
    import os

    from pypdf import PdfReader, PdfWriter

    if len(bagian) > 1 and paralel_boleh():
        anak = [_render_anak(html) for html in bagian]
        hasil, gagal = [], False
        for pid, fd in anak:  # every child read and reaped, even after one failed
            with os.fdopen(fd, "rb") as masuk:
                hasil.append(masuk.read())
            gagal |= os.waitpid(pid, 0)[1] != 0
        if gagal:  # e.g. a child killed for memory: render here, one part after another
            hasil = [html_ke_pdf(html)[0] for html in bagian]
    else:
        hasil = [html_ke_pdf(html)[0] for html in bagian]
    writer = PdfWriter()
    for pdf in hasil:
        writer.append(PdfReader(io.BytesIO(pdf)))
    _nomori_halaman(writer, mulai=nomor_mulai, bawah_mm=bawah_mm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), len(writer.pages)
