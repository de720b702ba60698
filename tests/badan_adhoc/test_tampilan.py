"""The applicant pages' look (issue 16): primary main action, NIK as data (``.kode``)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from badan_adhoc.models import Pendaftar
from kpu_site.peran import Peran
from tests.test_tampilan import _halaman, _tanpa_code, _utama, tombol

pytestmark = pytest.mark.django_db


def test_applicant_pages(masuk, diseleksi, pengguna_buat):
    petugas = pengguna_buat("kasubag.teknis.uji", Peran.KASUBAG, "teknis")
    c = masuk(petugas)
    p = Pendaftar.objects.filter(rekrutmen=diseleksi, status_administrasi="tms").first()
    html = _halaman(c, reverse("badan_adhoc:pendaftar_detail", args=[p.pk]))
    _tanpa_code(html)
    assert f'NIK <span class="kode">{p.nik}</span>' in html
    assert "Simpan koreksi" in tombol(html)  # an exception to the screening: outline
    assert "btn-primary" not in tombol(html)["Simpan koreksi"]
    html = _halaman(c, reverse("badan_adhoc:pendaftar_list", args=[diseleksi.pk]))
    _utama(html, "Tambah pendaftar", sekunder=("Saring", "Atur ulang"))
    _tanpa_code(html)
    _utama(_halaman(c, reverse("badan_adhoc:pendaftar_import", args=[diseleksi.pk])), "Impor")
    _utama(_halaman(c, reverse("badan_adhoc:peringkat", args=[diseleksi.pk])), "Hitung peringkat")
