"""A visitor finds the public comment form from the public announcements: each recruitment
there links to its form (the form itself says whether the window is open)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from badan_adhoc.dokumen.services import dokumen_publish, dokumen_render, dokumen_request

pytestmark = pytest.mark.django_db


def test_public_announcements_link_to_the_comment_form(diseleksi, staf_teknis, client, ketua):
    """(``ketua`` signs the issued announcement.)"""
    from badan_adhoc.dokumen.penomoran import dokumen_terbitkan_bernomor

    d, _ = dokumen_request(
        rekrutmen=diseleksi,
        jenis="pengumuman_pdf",
        parameter={"tahap": "administrasi", "kecamatan": None},
        pengguna=staf_teknis,
        antrekan=False,
    )
    draf = dokumen_render(dokumen_id=d.pk)
    terbit = dokumen_terbitkan_bernomor(dokumen=draf, pengguna=staf_teknis, antrekan=False)
    dokumen_publish(dokumen=dokumen_render(dokumen_id=terbit.pk), pengguna=staf_teknis)
    body = client.get(reverse("publik:pengumuman_list")).content.decode()
    tautan = reverse("publik:tanggapan_form", args=[diseleksi.pk])
    assert f'href="{tautan}"' in body
    assert "Sampaikan tanggapan masyarakat" in body


def test_form_says_the_number_is_not_the_row_number_of_the_announcement(diseleksi, client):
    """The announcements number their rows 1, 2, 3… per kelurahan: a visitor must not take that
    for the registration number (it would name another applicant)."""
    from datetime import date

    from badan_adhoc.models import TahapanRekrutmen

    TahapanRekrutmen.objects.create(
        rekrutmen=diseleksi, tahap="tanggapan", mulai=date(2026, 11, 1), selesai=date(2026, 11, 7)
    )
    body = client.get(reverse("publik:tanggapan_form", args=[diseleksi.pk])).content.decode()
    assert "bukan nomor urut pada pengumuman" in body
    assert "---------" not in body
    assert "Pilih wilayah tujuan" in body
