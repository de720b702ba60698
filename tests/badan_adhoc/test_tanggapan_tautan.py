"""A visitor finds the public comment form from the public announcements: each recruitment
there links to its form (the form itself says whether the window is open)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from badan_adhoc.dokumen.services import dokumen_publish, dokumen_render, dokumen_request

pytestmark = pytest.mark.django_db


def test_public_announcements_link_to_the_comment_form(diseleksi, staf_teknis, client):
    d, _ = dokumen_request(
        rekrutmen=diseleksi,
        jenis="pengumuman_pdf",
        parameter={"tahap": "administrasi", "kecamatan": None},
        pengguna=staf_teknis,
        antrekan=False,
    )
    dokumen_publish(dokumen=dokumen_render(dokumen_id=d.pk), pengguna=staf_teknis)
    body = client.get(reverse("publik:pengumuman_list")).content.decode()
    tautan = reverse("publik:tanggapan_form", args=[diseleksi.pk])
    assert f'href="{tautan}"' in body
    assert "Sampaikan tanggapan masyarakat" in body
