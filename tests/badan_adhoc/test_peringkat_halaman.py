"""The ranking page as a person reads it (issue 16, navigation): the applicants called to
interview but not ranked ("tidak lolos") follow the ranked ones in the ranking's own order, and
the KPPS page shows no CAT/interview tiles nor tie rules (KPPS has neither test nor interview).
"""

from __future__ import annotations

import re
from datetime import date
from itertools import count

from django.urls import reverse

from badan_adhoc.models import Pendaftar
from badan_adhoc.services import peringkat_compute

from .test_peringkat import _pendaftar as pendaftar_buat

CIMUNCANG = "36.73.01.1001"
_NOMOR = count(500)
ATURAN_SERI = "Aturan seri"


def _pendaftar(rekrutmen, nama, **kolom) -> Pendaftar:
    """An MS applicant of Cimuncang called to interview (``test_peringkat``'s helper)."""
    return pendaftar_buat(rekrutmen, CIMUNCANG, nama, dipanggil_wawancara=True, **kolom)


def _baris(response) -> list[tuple[str, str]]:
    """(rank, name) of each row of the ranking table, top to bottom."""
    body = response.content.decode()
    tbody = body[body.index("<tbody>") : body.index("</tbody>")]
    return re.findall(r'<td class="num">([^<]*)</td>\s*<td><a href="[^"]*">([^<]*)</a>', tbody)


def _kartu(response) -> list[str]:
    return re.findall(r'<div class="label">([^<]*)</div>', response.content.decode())


def test_ranking_page_lists_tidak_lolos_by_the_ranking_rule(masuk, rekrutmen_pps, staf_teknis):
    r = rekrutmen_pps  # 3 seats: 6 ranked
    for i in range(6):
        _pendaftar(r, f"Lolos {i + 1}", nilai_cat=90, nilai_wawancara=90 - i)
    # not ranked: by final score (CAT + interview), then interview, then CAT, then older,
    # a missing interview score last; not by CAT alone
    _pendaftar(r, "Tanpa wawancara", nilai_cat=99)
    _pendaftar(r, "Akhir 100 wwc 50", nilai_cat=50, nilai_wawancara=50)
    _pendaftar(r, "Akhir 100 wwc 60", nilai_cat=40, nilai_wawancara=60)
    _pendaftar(r, "Akhir 110", nilai_cat=30, nilai_wawancara=80)
    _pendaftar(r, "Akhir 100 wwc 50 tua", nilai_cat=50, nilai_wawancara=50,
               tanggal_lahir=date(1980, 1, 1))  # fmt: skip
    peringkat_compute(rekrutmen=r, pengguna=staf_teknis)

    response = masuk(staf_teknis).get(reverse("badan_adhoc:peringkat", args=[r.pk]))
    assert _baris(response) == [
        ("1", "Lolos 1"),
        ("2", "Lolos 2"),
        ("3", "Lolos 3"),
        ("4", "Lolos 4"),
        ("5", "Lolos 5"),
        ("6", "Lolos 6"),
        ("–", "Akhir 110"),
        ("–", "Akhir 100 wwc 60"),
        ("–", "Akhir 100 wwc 50 tua"),
        ("–", "Akhir 100 wwc 50"),
        ("–", "Tanpa wawancara"),
    ]
    assert _kartu(response) == ["MS", "Bernilai CAT", "Dipanggil wawancara", "Terpilih",
                                "Cadangan"]  # fmt: skip
    assert ATURAN_SERI in response.content.decode()


def test_kpps_ranking_page_shows_no_test_or_interview_tiles_nor_their_tie_rule(
    masuk, diseleksi, staf_teknis
):
    peringkat_compute(rekrutmen=diseleksi, pengguna=staf_teknis)
    response = masuk(staf_teknis).get(reverse("badan_adhoc:peringkat", args=[diseleksi.pk]))
    body = response.content.decode()
    assert _kartu(response) == ["MS", "Terpilih", "Cadangan"]
    assert ATURAN_SERI not in body
    assert "CAT" not in body and "awancara" not in body
    assert (
        "KPPS: seleksi administrasi saja; peringkat per desa/kelurahan (tanpa peringatan usia "
        "&gt;55 lebih dulu, lalu urutan pendaftaran)."
    ) in body
