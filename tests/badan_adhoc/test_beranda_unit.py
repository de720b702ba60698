"""The home page of the sub-bagian Teknis' Staf/Kasubag: applicants still to screen and
party-membership clarifications waiting for a decision, per recruitment of the working year."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from badan_adhoc import selectors
from badan_adhoc.models import Pendaftar
from badan_adhoc.services import (
    anggota_parpol_import,
    klarifikasi_upload,
    pendaftar_import,
    pendaftar_screen,
)

from .conftest import berkas

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def diimpor(rekrutmen_kpps):
    """The KPPS recruitment (2024) with ``pendaftar_kpps.csv`` imported, not screened."""
    pendaftar_import(
        rekrutmen=rekrutmen_kpps, berkas=berkas("pendaftar_kpps.csv"), nama_berkas="p.csv"
    )
    return rekrutmen_kpps


def _tugas(html: str) -> dict[str, int]:
    return {
        kunci: int(jumlah.replace(".", ""))
        for kunci, jumlah in re.findall(
            r'data-tugas="([a-z_]+)".*?data-jumlah>([\d.]+)<', html, flags=re.S
        )
    }


def _beranda(client) -> str:
    return client.get(reverse("beranda"), {"tahun": 2024}).content.decode()


def test_teknis_staf_home_counts_the_applicants_to_screen(diimpor, masuk, staf_teknis):
    jumlah = Pendaftar.objects.filter(rekrutmen=diimpor).count()
    assert jumlah == 19
    assert selectors.pendaftar_belum_diperiksa_jumlah(diimpor) == 19
    html = _beranda(masuk(staf_teknis))
    assert _tugas(html) == {"pendaftar_belum_diperiksa": 19}
    assert "Pendaftar belum diseleksi administrasi" in html
    assert f'href="{reverse("badan_adhoc:rekrutmen_detail", args=[diimpor.pk])}"' in html
    assert "KPPS Pemilu 2024" in html and "19 pendaftar" in html
    assert "lainnya" not in html  # one recruitment listed for 19 applicants


def test_screened_applicants_leave_the_home_page(diimpor, masuk, staf_teknis):
    pendaftar_screen(rekrutmen=diimpor)
    html = _beranda(masuk(staf_teknis))
    assert "pendaftar_belum_diperiksa" not in _tugas(html)
    assert "Semua pekerjaan sudah selesai." in html


def test_clarifications_waiting_link_to_the_applicant(diimpor, masuk, kasubag_teknis):
    # Maya Sari is in the SIPOL list: only such applicants may upload a clarification
    anggota_parpol_import(berkas=berkas("anggota_parpol.csv"), nama_berkas="a.csv")
    pendaftar_screen(rekrutmen=diimpor)
    maya = Pendaftar.objects.get(rekrutmen=diimpor, nama="Maya Sari")
    klarifikasi_upload(
        pendaftar=maya, berkas=SimpleUploadedFile("s.pdf", PDF), pengguna=kasubag_teknis
    )
    assert [k.pendaftar.nama for k in selectors.klarifikasi_menunggu_list(tahun=2024)] == [
        "Maya Sari"
    ]
    assert selectors.klarifikasi_menunggu_list(tahun=2022) == []
    html = _beranda(masuk(kasubag_teknis))
    assert _tugas(html) == {"klarifikasi_menunggu": 1}
    assert "Klarifikasi keanggotaan partai menunggu keputusan" in html
    assert f'href="{reverse("badan_adhoc:pendaftar_detail", args=[maya.pk])}"' in html


def test_another_units_staf_does_not_see_the_recruitment_work(diimpor, masuk, staf):
    html = _beranda(masuk(staf))
    assert "pendaftar_belum_diperiksa" not in html
    assert "KPPS Pemilu 2024" not in html
