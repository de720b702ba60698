""" "Kembalikan" without a note marks the note field itself (issue 16): the page the form sits
on shows the input ``is-invalid`` with the message under it, focused, keeping what was typed,
not only a banner at the top; nothing is written."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from kinerja import services
from kinerja.models import Realisasi

from .factories import IndikatorFactory, SasaranFactory

PESAN = "Tulis catatan alasan pengembalian."


@pytest.fixture
def diajukan(unit_demo, staf):
    indikator = IndikatorFactory(sasaran=SasaranFactory(unit=unit_demo["perencanaan"]))
    r = services.realisasi_save(
        indikator=indikator, tahun=2023, periode="tahunan", pengguna=staf, versi=None, nilai="95"
    )
    return services.realisasi_submit(realisasi=r, pengguna=staf)


def _input_catatan(html: str) -> str:
    return re.search(r'<input name="catatan"[^>]*>', html).group(0)


def test_kembalikan_without_note_marks_the_note_field(masuk, diajukan, kasubag):
    client = masuk(kasubag)
    halaman = reverse("kinerja:realisasi_isi", args=[2023, diajukan.indikator_id, "tahunan"])
    r = client.post(
        reverse("kinerja:realisasi_aksi", args=[diajukan.pk]),
        {"aksi": "kembalikan", "catatan": "   ", "next": halaman},
        follow=True,
    )
    assert r.status_code == 200
    html = r.content.decode()
    masukan = _input_catatan(html)
    assert 'class="form-control is-invalid"' in masukan
    assert 'value=""' in masukan  # what was typed (blanks only: the form strips them)
    assert "autofocus" in masukan
    assert f'<div id="catatan-kembalikan-galat" class="invalid-feedback">{PESAN}</div>' in html
    assert PESAN not in [str(m) for m in r.context["messages"]]  # on the field, not a banner
    diajukan.refresh_from_db()
    assert diajukan.status == Realisasi.Status.DIAJUKAN
    # shown once: the next visit is a clean form
    masukan = _input_catatan(client.get(halaman).content.decode())
    assert "is-invalid" not in masukan and "autofocus" not in masukan


def test_kembalikan_with_note_returns_it(masuk, diajukan, kasubag):
    client = masuk(kasubag)
    halaman = reverse("kinerja:realisasi_isi", args=[2023, diajukan.indikator_id, "tahunan"])
    r = client.post(
        reverse("kinerja:realisasi_aksi", args=[diajukan.pk]),
        {"aksi": "kembalikan", "catatan": "Bukti belum lengkap", "next": halaman},
        follow=True,
    )
    assert [str(m) for m in r.context["messages"]] == ["Realisasi dikembalikan dengan catatan."]
    diajukan.refresh_from_db()
    assert diajukan.status == Realisasi.Status.DIKEMBALIKAN
    assert diajukan.catatan_verifikasi == "Bukti belum lengkap"
