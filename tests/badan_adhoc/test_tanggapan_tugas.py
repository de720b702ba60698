"""Issue 19 leftovers: public comments with no follow-up yet are work of the sub-bagian Teknis.

Their Staf/Kasubag see them on their home page and the Sekretaris (and Admin) under "Menunggu
tindakan Anda", per recruitment, linking to the applicant list filtered to the applicants with
a comment not followed up (``?tanggapan=belum``). Other sub-bagian, the Komisioner and the
Auditor do not. The count comes from one selector in a constant number of queries."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from badan_adhoc.model_tanggapan import TanggapanMasyarakat
from badan_adhoc.models import Pendaftar
from badan_adhoc.selectors.tanggapan import tanggapan_belum_per_rekrutmen
from badan_adhoc.services import pendaftar_import, rekrutmen_create

from .conftest import berkas

pytestmark = pytest.mark.django_db


def _kpps(nomor: int):
    """A KPPS recruitment of 2024 with ``pendaftar_kpps.csv`` imported."""
    r = rekrutmen_create(
        kode=f"kpps-2024-{nomor}",
        jenis_badan="kpps",
        nama=f"KPPS Uji {nomor}",
        pemilihan="Pemilu 2024",
        tanggal_acuan=date(2024, 1, 25),
        masa_kerja_mulai=date(2024, 1, 25),
        masa_kerja_selesai=date(2024, 2, 25),
    )
    pendaftar_import(rekrutmen=r, berkas=berkas("pendaftar_kpps.csv"), nama_berkas="p.csv")
    return r


def _tanggapan(pendaftar: Pendaftar, *, hasil: str = "") -> TanggapanMasyarakat:
    return TanggapanMasyarakat.objects.create(
        rekrutmen=pendaftar.rekrutmen,
        pendaftar=pendaftar,
        nama="Warga Penanggap",
        kontak="081234567890",
        isi="Pendaftar ini pengurus partai.",
        hasil=hasil,
        hasil_alasan="Tidak ada bukti." if hasil else "",
    )


@pytest.fixture
def dua_belum(wilayah_uji):
    """KPPS Uji 1: two comments not followed up (on two applicants) and one handled;
    KPPS Uji 2: one comment, handled (nothing open)."""
    r1, r2 = _kpps(1), _kpps(2)
    p = list(Pendaftar.objects.filter(rekrutmen=r1).order_by("pk")[:3])
    _tanggapan(p[0])
    _tanggapan(p[1])
    _tanggapan(p[2], hasil="tidak_berpengaruh")
    _tanggapan(Pendaftar.objects.filter(rekrutmen=r2).first(), hasil="tidak_berpengaruh")
    return r1, r2, p


def _url_belum(r) -> str:
    return reverse("badan_adhoc:pendaftar_list", args=[r.pk]) + "?tanggapan=belum"


def _beranda(client) -> str:
    return client.get(reverse("beranda"), {"tahun": 2024}).content.decode()


def _tugas(html: str) -> dict[str, int]:
    return {
        kunci: int(jumlah.replace(".", ""))
        for kunci, jumlah in re.findall(
            r'data-tugas="([a-z_]+)".*?data-jumlah>([\d.]+)<', html, flags=re.S
        )
    }


# --------------------------------------------------------------------------- selector


def test_selector_counts_comments_without_follow_up_per_recruitment(dua_belum):
    r1, _r2, _p = dua_belum
    assert [(r.nama, n) for r, n in tanggapan_belum_per_rekrutmen(tahun=2024)] == [(r1.nama, 2)]
    assert [(r.nama, n) for r, n in tanggapan_belum_per_rekrutmen()] == [(r1.nama, 2)]
    assert tanggapan_belum_per_rekrutmen(tahun=2022) == []


def test_selector_query_count_does_not_grow_with_the_recruitments(wilayah_uji):
    satu_r = _kpps(1)
    _tanggapan(Pendaftar.objects.filter(rekrutmen=satu_r).first())
    with CaptureQueriesContext(connection) as satu:
        assert len(tanggapan_belum_per_rekrutmen(tahun=2024)) == 1
    for nomor in (2, 3):
        _tanggapan(Pendaftar.objects.filter(rekrutmen=_kpps(nomor)).first())
    with CaptureQueriesContext(connection) as tiga:
        assert [n for _r, n in tanggapan_belum_per_rekrutmen(tahun=2024)] == [1, 1, 1]
    assert len(satu) == len(tiga) == 1


# --------------------------------------------------------------------------- home pages


@pytest.mark.parametrize("siapa", ["staf_teknis", "kasubag_teknis"])
def test_teknis_home_lists_comments_to_follow_up(dua_belum, masuk, siapa, request):
    r1, r2, _p = dua_belum
    html = _beranda(masuk(request.getfixturevalue(siapa)))
    assert _tugas(html).get("tanggapan_belum") == 2
    assert "Tanggapan masyarakat belum ditindaklanjuti" in html
    assert f'href="{_url_belum(r1)}"' in html
    assert "KPPS Uji 1" in html and "2 tanggapan" in html
    assert _url_belum(r2) not in html


@pytest.mark.parametrize("siapa", ["sekretaris", "admin_user"])
def test_sekretaris_home_lists_comments_to_follow_up(dua_belum, masuk, siapa, request):
    r1, r2, _p = dua_belum
    html = _beranda(masuk(request.getfixturevalue(siapa)))
    assert "Menunggu tindakan Anda" in html
    assert f'href="{_url_belum(r1)}"><strong>2</strong> tanggapan masyarakat belum ' in html
    assert "KPPS Uji 1" in html
    assert _url_belum(r2) not in html


@pytest.mark.parametrize("siapa", ["staf", "kasubag", "staf_lain", "komisioner", "auditor"])
def test_other_roles_do_not_see_the_comments_to_follow_up(dua_belum, masuk, siapa, request):
    html = _beranda(masuk(request.getfixturevalue(siapa)))
    assert "tanggapan=belum" not in html
    assert "anggapan masyarakat belum ditindaklanjuti" not in html


def test_home_task_gone_once_followed_up(dua_belum, masuk, staf_teknis):
    TanggapanMasyarakat.objects.filter(hasil="").update(
        hasil="tidak_berpengaruh", hasil_alasan="Tidak ada bukti."
    )
    html = _beranda(masuk(staf_teknis))
    assert "tanggapan_belum" not in _tugas(html)
    assert "tanggapan=belum" not in html


# --------------------------------------------------------------------------- the filter


def test_applicant_list_filtered_to_comments_without_follow_up(dua_belum, masuk, staf_teknis):
    r1, _r2, p = dua_belum
    client = masuk(staf_teknis)
    response = client.get(_url_belum(r1))
    assert response.status_code == 200
    assert [x.pk for x in response.context["pendaftar_list"]] == sorted([p[0].pk, p[1].pk])
    body = response.content.decode()
    assert "2 pendaftar sesuai saringan" in body
    assert "Tanggapan belum ditindaklanjuti" in body  # the filter's choice, selected
    semua = client.get(reverse("badan_adhoc:pendaftar_list", args=[r1.pk]))
    assert len(semua.context["pendaftar_list"]) == 19
    # the export follows the same filter
    ekspor = client.get(reverse("badan_adhoc:pendaftar_export", args=[r1.pk]) + "?tanggapan=belum")
    assert ekspor.status_code == 200


def test_export_rows_follow_the_comment_filter(dua_belum, staf_teknis):
    from badan_adhoc.ekspor import pendaftar_xlsx_baris

    r1, _r2, p = dua_belum
    baris = list(pendaftar_xlsx_baris(rekrutmen=r1, pengguna=staf_teknis, tanggapan="belum"))
    assert sorted(b[1] for b in baris) == sorted([p[0].nama, p[1].nama])
