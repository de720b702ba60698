"""The home page of a Staf/Kasubag: their sub-bagian's open realisasi work in the working year
(tests are frozen to 2 November 2026: the current period is TW IV)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja import selectors
from kinerja.models import KunciTahun, Realisasi
from kpu_site.peran import Peran

from .factories import IndikatorFactory, RealisasiFactory, RenstraFactory, SasaranFactory

pytestmark = pytest.mark.django_db

CATATAN = "Lampirkan notulen rapat pleno TW III."


@pytest.fixture
def kinerja_2026(unit_demo):
    """Renstra 2025–2029. Perencanaan: IK 1.1 (TW IV diajukan), IK 1.2 (TW III returned with a
    note, TW IV draft), IK 1.3 and IK 1.4 (nothing). Keuangan: IK 2.1 (TW IV returned),
    IK 2.2 (nothing)."""
    renstra = RenstraFactory(tahun_mulai=2025, tahun_selesai=2029)
    perencanaan = SasaranFactory(tujuan__renstra=renstra, unit=unit_demo["perencanaan"])
    keuangan = SasaranFactory(tujuan__renstra=renstra, unit=unit_demo["keuangan"])
    ik = {
        kode: IndikatorFactory(sasaran=sasaran, kode=kode, uraian=f"Indikator {kode}")
        for kode, sasaran in [
            ("IK 1.1", perencanaan),
            ("IK 1.2", perencanaan),
            ("IK 1.3", perencanaan),
            ("IK 1.4", perencanaan),
            ("IK 2.1", keuangan),
            ("IK 2.2", keuangan),
        ]
    }

    def realisasi(kode, periode, status, **kwargs):
        return RealisasiFactory(
            indikator=ik[kode], tahun=2026, periode=periode, status=status, **kwargs
        )

    realisasi("IK 1.1", "tw4", Realisasi.Status.DIAJUKAN)
    realisasi("IK 1.2", "tw3", Realisasi.Status.DIKEMBALIKAN, catatan_verifikasi=CATATAN)
    realisasi("IK 1.2", "tw4", Realisasi.Status.DRAFT)
    realisasi("IK 2.1", "tw4", Realisasi.Status.DIKEMBALIKAN, catatan_verifikasi="Nilai keliru.")
    # an earlier year's approved row is no open work
    RealisasiFactory(indikator=ik["IK 1.3"], tahun=2025, status=Realisasi.Status.DISETUJUI)
    return ik


def _tugas(html: str) -> dict[str, int]:
    """kind of work -> its count, as the page shows them."""
    return {
        kunci: int(jumlah.replace(".", ""))
        for kunci, jumlah in re.findall(
            r'data-tugas="([a-z_]+)".*?data-jumlah>([\d.]+)<', html, flags=re.S
        )
    }


def _beranda(client, tahun=2026) -> str:
    response = client.get(reverse("beranda"), {"tahun": tahun})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("tahun", "hari_ini", "periode"),
    [
        (2026, date(2026, 11, 2), "tw4"),
        (2026, date(2026, 2, 15), "tw1"),
        (2026, date(2026, 6, 30), "tw2"),
        (2026, date(2026, 7, 1), "tw3"),
        (2025, date(2026, 11, 2), "tahunan"),
        (2027, date(2026, 11, 2), None),
    ],
)
def test_periode_berjalan_is_the_quarter_of_today_or_the_year_once_over(tahun, hari_ini, periode):
    assert selectors.periode_berjalan(tahun=tahun, hari_ini=hari_ini) == periode


def test_unit_selectors_count_only_the_units_rows(kinerja_2026, unit_demo):
    perencanaan, keuangan = unit_demo["perencanaan"], unit_demo["keuangan"]
    belum = selectors.indikator_belum_diisi(unit=perencanaan, tahun=2026, periode="tw4")
    assert [i.kode for i in belum] == ["IK 1.3", "IK 1.4"]
    assert [
        i.kode for i in selectors.indikator_belum_diisi(unit=keuangan, tahun=2026, periode="tw4")
    ] == ["IK 2.2"]
    assert len(selectors.indikator_belum_diisi(unit=perencanaan, tahun=2026, periode="tw1")) == 4
    kembali = selectors.realisasi_dikembalikan(unit=perencanaan, tahun=2026)
    assert [(r.indikator.kode, r.periode, r.catatan_verifikasi) for r in kembali] == [
        ("IK 1.2", "tw3", CATATAN)
    ]
    assert [
        (r.indikator.kode, r.periode)
        for r in selectors.realisasi_draft(unit=perencanaan, tahun=2026)
    ] == [("IK 1.2", "tw4")]
    assert selectors.realisasi_draft(unit=keuangan, tahun=2026) == []


def test_staf_home_lists_the_units_open_realisasi_with_links(kinerja_2026, masuk, staf):
    html = _beranda(masuk(staf))
    assert "Pekerjaan Anda" in html
    assert _tugas(html) == {
        "realisasi_belum_diisi": 2,
        "realisasi_dikembalikan": 1,
        "realisasi_draft": 1,
    }
    assert "Realisasi TW IV 2026 belum diisi" in html
    ik = kinerja_2026
    for kode, periode in [
        ("IK 1.3", "tw4"),
        ("IK 1.4", "tw4"),
        ("IK 1.2", "tw3"),
        ("IK 1.2", "tw4"),
    ]:
        url = reverse("kinerja:realisasi_isi", args=[2026, ik[kode].pk, periode])
        assert f'href="{url}"' in html, (kode, periode)
    assert f"<strong>Catatan verifikator:</strong> {CATATAN}" in html
    assert reverse("kinerja:realisasi_list", args=[2026]) + "?unit=saya" in html
    # a Staf verifies nothing
    assert "menunggu verifikasi Anda" not in html
    # the links lead to pages the Staf may open
    url = reverse("kinerja:realisasi_isi", args=[2026, ik["IK 1.3"].pk, "tw4"])
    assert masuk(staf).get(url).status_code == 200


def test_kasubag_home_adds_the_verification_queue_of_the_unit(kinerja_2026, masuk, kasubag):
    html = _beranda(masuk(kasubag))
    assert _tugas(html) == {
        "realisasi_belum_diisi": 2,
        "realisasi_dikembalikan": 1,
        "realisasi_draft": 1,
        "realisasi_verifikasi": 1,
    }
    assert "Realisasi menunggu verifikasi Anda" in html
    assert f'href="{reverse("kinerja:antrean")}"' in html


def test_another_units_staf_does_not_see_this_units_items(kinerja_2026, masuk, staf_lain):
    html = _beranda(masuk(staf_lain))
    assert _tugas(html) == {"realisasi_belum_diisi": 1, "realisasi_dikembalikan": 1}
    assert "IK 2.2" in html and "Nilai keliru." in html
    for kode in ("IK 1.1", "IK 1.2", "IK 1.3", "IK 1.4"):
        assert kode not in html
    assert CATATAN not in html


def test_kasubag_of_another_unit_does_not_verify_this_units_rows(
    kinerja_2026, masuk, kasubag_keuangan
):
    html = _beranda(masuk(kasubag_keuangan))
    assert "realisasi_verifikasi" not in _tugas(html)
    assert "IK 1.1" not in html


def test_unit_home_says_everything_is_done_when_nothing_is_open(kinerja_2026, masuk, pengguna_buat):
    staf_sdm = pengguna_buat("staf.sdm.uji", Peran.STAF, "hukum_sdm")
    html = _beranda(masuk(staf_sdm))
    assert _tugas(html) == {}
    assert (
        "<strong>Semua pekerjaan sudah selesai.</strong> Tidak ada yang perlu diisi, diperbaiki, "
        "atau diperiksa oleh Sub Bagian Hukum dan Sumber Daya Manusia untuk tahun 2026." in html
    )


def test_unit_home_offers_nothing_to_enter_in_a_locked_year(kinerja_2026, masuk, staf):
    KunciTahun.objects.create(tahun=2026)
    html = _beranda(masuk(staf))
    assert _tugas(html) == {}
    assert "Semua pekerjaan sudah selesai." in html


def test_unit_home_of_a_past_year_asks_for_the_yearly_realisasi(kinerja_2026, masuk, staf):
    html = _beranda(masuk(staf), tahun=2025)
    assert "Realisasi Tahunan 2025 belum diisi" in html
    assert _tugas(html) == {"realisasi_belum_diisi": 3}


def test_unit_home_lists_ten_items_and_counts_the_rest(kinerja_2026, masuk, staf, unit_demo):
    sasaran = kinerja_2026["IK 1.3"].sasaran
    for n in range(12):
        IndikatorFactory(sasaran=sasaran, kode=f"IK 9.{n + 10}")
    html = _beranda(masuk(staf))
    assert _tugas(html)["realisasi_belum_diisi"] == 14
    assert "dan 4 lainnya" in html


def test_unit_home_query_count_does_not_grow_with_the_rows(kinerja_2026, masuk, kasubag):
    client = masuk(kasubag)
    _beranda(client)  # warm the session, the year and menu caches
    with CaptureQueriesContext(connection) as sedikit:
        _beranda(client)
    sasaran = kinerja_2026["IK 1.3"].sasaran
    for n in range(50):
        ind = IndikatorFactory(sasaran=sasaran, kode=f"IK 8.{n}")
        status = [Realisasi.Status.DRAFT, Realisasi.Status.DIKEMBALIKAN, Realisasi.Status.DIAJUKAN]
        RealisasiFactory(indikator=ind, tahun=2026, periode="tw3", status=status[n % 3])
    with CaptureQueriesContext(connection) as banyak:
        html = _beranda(client)
    assert _tugas(html) == {
        "realisasi_belum_diisi": 52,
        "realisasi_dikembalikan": 18,
        "realisasi_draft": 18,
        "realisasi_verifikasi": 17,
    }
    assert len(banyak) == len(sedikit)
    # 10 + one for the unit's open evaluation findings (LHE) + one for its RO output returned
    assert len(banyak) <= 12


def test_unit_home_keeps_the_line_breaks_of_the_verifiers_note(kinerja_2026, masuk, staf):
    RealisasiFactory(
        indikator=kinerja_2026["IK 1.4"],
        tahun=2026,
        periode="tw2",
        nilai=Decimal("1"),
        status=Realisasi.Status.DIKEMBALIKAN,
        catatan_verifikasi="Baris 1\nBaris 2",
    )
    html = _beranda(masuk(staf))
    assert _tugas(html)["realisasi_dikembalikan"] == 2
    assert "Baris 1<br>Baris 2" in html


def test_other_roles_keep_their_home_page(kinerja_2026, masuk, sekretaris, komisioner, auditor):
    for user in (sekretaris, komisioner):
        html = _beranda(masuk(user))
        assert "Dasbor Pimpinan" in html and "Pekerjaan Anda" not in html
    html = _beranda(masuk(auditor))
    assert "Pekerjaan Anda" not in html and "Dasbor Pimpinan" not in html
    assert "Selamat datang" in html and reverse("kinerja:lkj_list") in html
