"""The evidence of a realisasi opens in the browser when it is a PDF or an image (issue 16):
served inline with its own type, no sniffing, and a sandbox CSP; other kinds still download.
The access checks are unchanged."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from kinerja.models import BuktiDukung
from kpu_site.excel import XLSX_MIME
from tests.kinerja import factories as kf

pytestmark = pytest.mark.django_db

CSP_BERKAS = "default-src 'none'; frame-ancestors 'none'; sandbox"


def _bukti(nama: str, jenis: str, isi: bytes) -> BuktiDukung:
    bukti = BuktiDukung(realisasi=kf.RealisasiFactory(), nama_asli=nama, jenis_berkas=jenis)
    bukti.berkas.save(f"acak.{nama.rsplit('.', 1)[1]}", ContentFile(isi), save=False)
    bukti.save()
    return bukti


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.parametrize(
    ("nama", "jenis", "isi", "mime"),
    [
        ("sk.pdf", "pdf", b"%PDF-1.4\n", "application/pdf"),
        ("foto.png", "png", b"\x89PNG\r\n\x1a\nuji", "image/png"),
        ("foto.jpg", "jpg", b"\xff\xd8\xffuji", "image/jpeg"),
    ],
)
def test_bukti_pdf_or_image_opens_in_the_browser(masuk, auditor, nama, jenis, isi, mime):
    bukti = _bukti(nama, jenis, isi)
    response = masuk(auditor).get(reverse("kinerja:bukti_unduh", args=[bukti.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == mime
    assert response["Content-Disposition"] == f'inline; filename="{nama}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == CSP_BERKAS
    assert b"".join(response.streaming_content) == isi


def test_bukti_of_other_kinds_still_downloads(masuk, auditor):
    bukti = _bukti("rekap.xlsx", "xlsx", b"PK\x03\x04uji")
    response = masuk(auditor).get(reverse("kinerja:bukti_unduh", args=[bukti.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_MIME
    assert response["Content-Disposition"] == 'attachment; filename="rekap.xlsx"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == CSP_BERKAS


def test_bukti_of_unknown_kind_downloads_as_bytes_whatever_its_name(masuk, auditor):
    bukti = _bukti("halaman.html", "", b"<script>alert(1)</script>")
    response = masuk(auditor).get(reverse("kinerja:bukti_unduh", args=[bukti.pk]))
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == 'attachment; filename="halaman.html"'


def test_bukti_access_checks_are_kept(client, masuk, auditor):
    bukti = _bukti("sk.pdf", "pdf", b"%PDF-1.4\n")
    url = reverse("kinerja:bukti_unduh", args=[bukti.pk])
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/masuk/?next=")
    assert masuk(auditor).get(reverse("kinerja:bukti_unduh", args=[99999])).status_code == 404
