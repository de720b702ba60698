"""The year switcher across the app (``kpu_site.tahun``): one working year per session, the
same page for another year, year-less pages following the session, locked years read-only."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from badan_adhoc import selectors as adhoc
from badan_adhoc.models import Rekrutmen
from kinerja import services as kinerja_services
from kpu_site.tahun import tahun_pilihan, url_ganti_tahun
from tests.conftest import demo_inti_muat


@pytest.fixture
def demo(db):
    demo_inti_muat()


def _tahun_terpilih(html: str) -> list[str]:
    """The year(s) selected in the navigation bar's switcher."""
    pilih = html[html.index('name="tahun" aria-label="Tahun kerja"') :]
    pilih = pilih[: pilih.index("</select>")]
    return re.findall(r'<option value="(\d+)" selected>', pilih)


def _pilih(client, tahun, dari: str):
    return client.post(reverse("tahun_pilih"), {"tahun": str(tahun), "next": dari})


def test_switcher_offers_every_year_from_the_renstra_to_this_year(demo):
    # Demo: Renstra 2020–2024, PK 2022 and 2023, DIPA 2023; the calendar says 2026
    # (tests.conftest.HARI_UJI).
    assert timezone.localdate().year == 2026
    assert tahun_pilihan() == [2026, 2025, 2024, 2023, 2022, 2021, 2020]


def test_switching_on_a_year_page_goes_to_the_same_page_for_that_year(demo, masuk, komisioner):
    client = masuk(komisioner)
    response = _pilih(client, 2022, "/kinerja/capaian/2023/")
    assert response["Location"] == "/kinerja/capaian/2022/"
    html = client.get(response["Location"]).content.decode()
    assert _tahun_terpilih(html) == ["2022"]
    assert client.session["tahun_aktif"] == 2022


def test_year_less_entry_pages_follow_the_session_year(demo, masuk, sekretaris):
    client = masuk(sekretaris)
    # Without a choice: the latest year with data (2023).
    assert client.get(reverse("kinerja:beranda"))["Location"] == "/kinerja/capaian/2023/"
    _pilih(client, 2022, "/")
    assert client.get(reverse("kinerja:beranda"))["Location"] == "/kinerja/capaian/2022/"
    assert client.get(reverse("kinerja:realisasi_index"))["Location"] == (
        "/kinerja/realisasi/2022/"
    )
    assert client.get(reverse("kinerja:analisis_index"))["Location"] == "/kinerja/analisis/2022/"
    assert client.get(reverse("anggaran:laporan_terbaru"))["Location"] == "/anggaran/laporan/2022/"
    assert "Dasbor Pimpinan · Tahun 2022" in client.get("/").content.decode()


def test_opening_a_year_page_makes_it_the_working_year(demo, masuk, sekretaris):
    client = masuk(sekretaris)
    client.get("/anggaran/laporan/2022/")
    assert client.session["tahun_aktif"] == 2022
    assert client.get(reverse("kinerja:beranda"))["Location"] == "/kinerja/capaian/2022/"
    # A year outside the switcher's range is shown as the page's year but not kept.
    html = client.get("/kinerja/capaian/2031/").content.decode()
    assert _tahun_terpilih(html) == ["2031"]
    assert client.session["tahun_aktif"] == 2022


def test_switching_on_a_record_page_goes_to_the_apps_list(demo, masuk, sekretaris):
    from anggaran.models import DokumenAnggaran

    client = masuk(sekretaris)
    dipa = DokumenAnggaran.objects.get(tahun=2023, jenis="dipa")
    response = _pilih(client, 2022, reverse("anggaran:serapan", args=[dipa.pk]))
    assert response["Location"] == reverse("anggaran:dokumen_list")
    html = client.get(response["Location"]).content.decode()
    assert "Belum ada data untuk tahun 2022." in html  # and a link to the nearest year
    assert '?tahun=2023">Lihat tahun 2023</a>' in html
    assert dipa.nomor not in html
    # All years on request.
    assert (
        dipa.nomor in client.get(reverse("anggaran:dokumen_list"), {"semua": "1"}).content.decode()
    )
    # Back in 2023 the DIPA and its absorption are there.
    _pilih(client, 2023, "/")
    html = client.get(reverse("anggaran:dokumen_list")).content.decode()
    assert dipa.nomor in html and "99,56%" in html


def test_url_for_another_year_keeps_the_query_and_drops_record_ids(db):
    assert url_ganti_tahun("/kinerja/realisasi/2023/?unit=3", 2022) == (
        "/kinerja/realisasi/2022/?unit=3"
    )
    assert url_ganti_tahun("/?tahun=2023&segar=1", 2022) == "/?segar=1&tahun=2022"
    assert url_ganti_tahun("/kinerja/realisasi/2023/5/tw1/", 2022) == "/kinerja/realisasi/"
    assert url_ganti_tahun("/kinerja/lkj/versi/4/", 2022) == "/kinerja/lkj/"
    assert url_ganti_tahun("/adhoc/pendaftar/9/", 2022) == "/adhoc/"
    assert url_ganti_tahun("/organisasi/", 2022) == "/organisasi/"
    assert url_ganti_tahun("/tidak-ada/", 2022) == "/"


def test_a_year_without_data_is_refused_and_a_foreign_target_ignored(demo, masuk, sekretaris):
    client = masuk(sekretaris)
    response = _pilih(client, 1999, "https://contoh.test/")
    assert response["Location"] == "/"
    assert "tahun_aktif" not in client.session
    assert "Tahun yang dipilih tidak tersedia." in client.get("/").content.decode()


def test_pk_page_of_a_year_without_pk_sends_to_the_pk_list(demo, masuk, sekretaris):
    client = masuk(sekretaris)
    response = _pilih(client, 2021, "/kinerja/pk/2023/")
    assert response["Location"] == "/kinerja/pk/2021/"
    response = client.get(response["Location"], follow=True)
    assert response.redirect_chain[-1][0] == reverse("kinerja:pk_list")
    assert "Belum ada Perjanjian Kinerja untuk tahun 2021." in response.content.decode()


def test_a_locked_year_is_marked_read_only(demo, masuk, sekretaris):
    client = masuk(sekretaris)
    isi = re.compile(r'href="/kinerja/realisasi/2023/\d+/(tw\d|tahunan)/"')
    assert ">Hanya baca</span>" not in client.get("/kinerja/capaian/2023/").content.decode()
    assert len(isi.findall(client.get("/kinerja/realisasi/2023/").content.decode())) == 13 * 5
    kinerja_services.tahun_lock(tahun=2023, pengguna=sekretaris, keterangan="LKj final")
    html = client.get("/kinerja/capaian/2023/").content.decode()
    assert ">Hanya baca</span>" in html
    assert ">Hanya baca</span>" not in client.get("/kinerja/capaian/2022/").content.decode()
    # The realisasi list of the locked year offers no input links, only the records.
    assert isi.findall(client.get("/kinerja/realisasi/2023/").content.decode()) == []


def test_year_switcher_adds_no_query_to_a_page_once_cached(
    demo, masuk, komisioner, django_assert_max_num_queries
):
    client = masuk(komisioner)
    client.get(reverse("password_change"))  # fills the cache of years
    # session, user, its two permission sets, its group: nothing for the years or the lock
    with django_assert_max_num_queries(5):
        html = client.get(reverse("password_change")).content.decode()
    assert _tahun_terpilih(html) == ["2023"]


def _rekrutmen(kode, jenis, acuan, mulai=None, selesai=None) -> Rekrutmen:
    return Rekrutmen.objects.create(
        kode=kode,
        nama=f"Rekrutmen uji {kode}",
        jenis_badan=jenis,
        pemilihan="Pemilu 2024",
        tanggal_acuan=acuan,
        masa_kerja_mulai=mulai,
        masa_kerja_selesai=selesai,
        kursi_per_satuan=1,
    )


def test_recruitments_of_a_year_span_registration_and_term(db):
    _rekrutmen("ppk", "ppk", date(2022, 12, 18), date(2023, 1, 4), date(2024, 4, 4))
    _rekrutmen("kpps", "kpps", date(2023, 12, 11), date(2024, 1, 25), date(2024, 2, 25))
    _rekrutmen("pantarlih", "pps", date(2025, 3, 1))

    def kode(tahun):
        return sorted(r.kode for r in adhoc.rekrutmen_tahun_list(tahun=tahun))

    assert kode(2021) == []
    assert kode(2022) == ["ppk"]
    assert kode(2023) == ["kpps", "ppk"]
    assert kode(2024) == ["kpps", "ppk"]
    assert kode(2025) == ["pantarlih"]


def test_recruitment_list_and_dasbor_show_the_working_year(demo, masuk, sekretaris):
    _rekrutmen("ppk", "ppk", date(2022, 12, 18), date(2023, 1, 4), date(2024, 4, 4))
    _rekrutmen("kpps", "kpps", date(2023, 12, 11), date(2024, 1, 25), date(2024, 2, 25))
    client = masuk(sekretaris)
    _pilih(client, 2022, "/")
    html = client.get(reverse("badan_adhoc:rekrutmen_list")).content.decode()
    assert "Rekrutmen yang berjalan pada tahun 2022" in html
    assert "Rekrutmen uji ppk</a>" in html and "Rekrutmen uji kpps</a>" not in html
    assert (
        "Rekrutmen uji kpps</a>"
        in client.get(reverse("badan_adhoc:rekrutmen_list"), {"semua": "1"}).content.decode()
    )
    dasbor = client.get("/").content.decode()
    assert "Rekrutmen uji ppk</a>" in dasbor and "Rekrutmen uji kpps</a>" not in dasbor
    _pilih(client, 2023, "/")
    dasbor = client.get("/").content.decode()
    assert "Rekrutmen uji ppk</a>" in dasbor and "Rekrutmen uji kpps</a>" in dasbor


# ------------------------------------------------------------------ the one year lock


@pytest.fixture
def dipa_2023(sekretaris):
    from tests.anggaran.factories import DokumenAnggaranFactory, pohon_kecil

    dokumen = DokumenAnggaranFactory(tahun=2023)
    dokumen.akun = pohon_kecil(dokumen, sekretaris)["akun"][0]
    return dokumen


def _tulis_anggaran(client, staf_keuangan, dipa, sp2d: str) -> tuple[bool, int, int]:
    """One realisasi of 5 rupiah written through the service, the page and the API: whether
    the service accepted it, and the status codes of the page's and the API's POST."""
    from anggaran import services as anggaran_services

    try:
        anggaran_services.realisasi_create(
            pengguna=staf_keuangan,
            akun=dipa.akun,
            tanggal=date(2023, 4, 1),
            nomor_sp2d=f"{sp2d}-layanan",
            nilai=Decimal("5"),
        )
        layanan = True
    except ValidationError as exc:
        assert "Tahun 2023 sudah dikunci" in exc.messages[0]
        layanan = False
    data = {"akun": dipa.akun.pk, "tanggal": "2023-04-01", "nilai": "5"}
    halaman = client.post(
        reverse("anggaran:realisasi_create", args=[dipa.pk]),
        {**data, "nomor_sp2d": f"{sp2d}-halaman"},
    )
    if halaman.status_code == 200:
        assert "Tahun 2023 sudah dikunci" in halaman.content.decode()
    api = client.post("/api/anggaran/realisasi/", {**data, "nomor_sp2d": f"{sp2d}-api"})
    if api.status_code == 400:
        assert "Tahun 2023 sudah dikunci" in api.content.decode()
    return layanan, halaman.status_code, api.status_code


def test_unlocking_a_year_in_pengaturan_unlocks_anggaran_too(
    dipa_2023, masuk, sekretaris, staf_keuangan
):
    from anggaran.models import Realisasi

    pengaturan = reverse("kinerja:pengaturan")
    detail = reverse("anggaran:dokumen_detail", args=[dipa_2023.pk])
    tambah = f'href="{reverse("anggaran:realisasi_create", args=[dipa_2023.pk])}"'

    # Locked (by the Sekretaris in Pengaturan; finalising the LKj sets the same lock).
    assert masuk(sekretaris).post(pengaturan, {"aksi": "kunci", "tahun": "2023"}).status_code == 302
    client = masuk(staf_keuangan)
    assert _tulis_anggaran(client, staf_keuangan, dipa_2023, "A") == (False, 200, 400)
    assert not Realisasi.objects.exists()
    html = client.get(detail).content.decode()
    assert ">Hanya baca</span>" in html and 'id="kunci-tahun"' in html and tambah not in html
    dipa_2023.refresh_from_db()
    assert dipa_2023.terkunci is False  # the year lock is not copied onto the document

    # Unlocked in Pengaturan: the service, the page and the API write again; the badge goes.
    assert masuk(sekretaris).post(pengaturan, {"aksi": "buka", "tahun": "2023"}).status_code == 302
    client = masuk(staf_keuangan)
    assert _tulis_anggaran(client, staf_keuangan, dipa_2023, "B") == (True, 302, 201)
    assert Realisasi.objects.filter(nomor_sp2d__startswith="B-").count() == 3
    html = client.get(detail).content.decode()
    assert ">Hanya baca</span>" not in html and 'id="kunci-tahun"' not in html and tambah in html


def test_a_locked_year_refuses_a_new_budget_document(dipa_2023, sekretaris):
    from anggaran import services as anggaran_services

    kinerja_services.tahun_lock(tahun=2024, pengguna=sekretaris)
    with pytest.raises(ValidationError, match="Tahun 2024 sudah dikunci"):
        anggaran_services.dokumen_create(
            pengguna=sekretaris,
            jenis="dipa",
            tahun=2024,
            nomor="SP DIPA-2024",
            tanggal=date(2023, 12, 1),
            uraian="DIPA 2024",
        )


def test_migration_removes_only_the_document_locks_the_lkj_finalisation_set(sekretaris):
    """``anggaran/0003``: a DIPA locked by finalising the LKj (within a minute after it) is
    unlocked, the year staying locked by ``KunciTahun``; a hibah the Sekretaris locked on its
    own page a day later stays locked."""
    from datetime import timedelta
    from importlib import import_module

    from django.apps import apps

    from anggaran.models import DokumenAnggaran
    from kinerja.models import LaporanKinerja
    from tests.anggaran.factories import DokumenAnggaranFactory

    final = timezone.now() - timedelta(days=30)
    LaporanKinerja.objects.create(tahun=2023, versi=1, status="final", difinalkan_pada=final)
    dipa = DokumenAnggaranFactory(tahun=2023)
    hibah = DokumenAnggaranFactory(tahun=2023, jenis="hibah", pemberi="Pemkot")
    DokumenAnggaran.objects.filter(pk=dipa.pk).update(
        terkunci=True, dikunci_pada=final + timedelta(seconds=2), dikunci_oleh=sekretaris
    )
    DokumenAnggaran.objects.filter(pk=hibah.pk).update(
        terkunci=True, dikunci_pada=final + timedelta(days=1), dikunci_oleh=sekretaris
    )
    import_module("anggaran.migrations.0003_kunci_tahun_satu_sumber").kunci_lkj_lepas(apps, None)
    dipa.refresh_from_db()
    hibah.refresh_from_db()
    assert (dipa.terkunci, dipa.dikunci_pada, dipa.dikunci_oleh) == (False, None, None)
    assert (hibah.terkunci, hibah.dikunci_oleh) == (True, sekretaris)
