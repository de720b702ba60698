"""Pages of the kinerja app: access, the htmx input form, workflow by browser requests,
evidence download, query counts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.models import BuktiDukung, Indikator, Realisasi
from kinerja.selectors import capaian_vs_anggaran
from tests.conftest import demo_inti_muat

from .factories import (
    IndikatorFactory,
    RealisasiFactory,
    SasaranFactory,
    TargetTahunanFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    """Organisation, kinerja and anggaran of the demo (no ad hoc bodies: none of these pages
    shows them)."""
    demo_inti_muat()


@pytest.fixture
def indikator(unit_demo):
    ind = IndikatorFactory(sasaran=SasaranFactory(unit=unit_demo["perencanaan"]))
    TargetTahunanFactory(indikator=ind, tahun=2024, target=Decimal("90"))
    return ind


def _url(ind, periode="tahunan", tahun=2024):
    return reverse(
        "kinerja:realisasi_isi", kwargs={"tahun": tahun, "indikator_pk": ind.pk, "periode": periode}
    )


def test_realisasi_form_anonymous_to_login(client, indikator):
    response = client.get(_url(indikator))
    assert response.status_code == 302 and "/masuk/" in response["Location"]


def test_realisasi_form_other_unit_staf_404(masuk, indikator, staf_lain, komisioner):
    assert masuk(staf_lain).get(_url(indikator)).status_code == 404
    assert masuk(komisioner).get(_url(indikator)).status_code == 403


def test_realisasi_form_save_then_workflow_in_browser(masuk, indikator, staf, kasubag, sekretaris):
    c = masuk(staf)
    response = c.post(_url(indikator), {"nilai": "85,5", "analisis": "Baik", "versi": "0"})
    assert response.status_code == 302
    r = Realisasi.objects.get()
    assert r.nilai == Decimal("85.5") and r.diubah_oleh == staf
    aksi = reverse("kinerja:realisasi_aksi", kwargs={"pk": r.pk})
    c.post(aksi, {"aksi": "ajukan"})
    c = masuk(kasubag)
    assert "Menunggu verifikasi" in c.get(reverse("kinerja:antrean")).content.decode()
    c.post(aksi, {"aksi": "verifikasi"})
    c = masuk(sekretaris)
    page = c.get(reverse("kinerja:antrean")).content.decode()
    assert indikator.kode in page
    c.post(aksi, {"aksi": "setujui"})
    r.refresh_from_db()
    assert r.status == Realisasi.Status.DISETUJUI
    # the capaian of the year shows it: 85.5 / 90 = 95.00 %
    page = c.get(reverse("kinerja:capaian", kwargs={"tahun": 2024})).content.decode()
    assert "95,00%" in page and "Hampir tercapai" in page


def test_realisasi_form_htmx_rejects_wrong_precision_keeps_input(masuk, indikator, staf):
    c = masuk(staf)
    response = c.post(
        _url(indikator),
        {"nilai": "85,555", "analisis": "tulisan saya", "versi": "0"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "3 angka desimal" in body and "tulisan saya" in body and "85,555" in body
    assert not Realisasi.objects.exists()


def test_realisasi_inline_validation(masuk, indikator, staf):
    url = reverse(
        "kinerja:realisasi_validasi",
        kwargs={"tahun": 2024, "indikator_pk": indikator.pk, "periode": "tahunan"},
    )
    body = masuk(staf).post(url, {"nilai": "abc", "_field": "nilai"}).content.decode()
    assert "bukan angka" in body


def test_realisasi_concurrent_edit_refused_in_form(masuk, indikator, staf, kasubag):
    masuk(staf).post(_url(indikator), {"nilai": "80", "versi": "0"})
    masuk(kasubag).post(_url(indikator), {"nilai": "81", "versi": "1"})
    response = masuk(staf).post(_url(indikator), {"nilai": "82", "versi": "1"})
    assert response.status_code == 400
    assert "sudah diubah oleh" in response.content.decode()
    assert Realisasi.objects.get().nilai == Decimal("81")


def test_approval_by_staf_refused(masuk, indikator, staf):
    masuk(staf).post(_url(indikator), {"nilai": "80", "versi": "0"})
    r = Realisasi.objects.get()
    response = masuk(staf).post(
        reverse("kinerja:realisasi_aksi", kwargs={"pk": r.pk}), {"aksi": "setujui"}
    )
    assert response.status_code == 403
    r.refresh_from_db()
    assert r.status == Realisasi.Status.DRAFT


def test_bukti_upload_and_download_permission_checked(
    masuk, indikator, staf, auditor, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    c = masuk(staf)
    c.post(_url(indikator), {"nilai": "80", "versi": "0"})
    r = Realisasi.objects.get()
    url = reverse("kinerja:bukti_tambah", kwargs={"pk": r.pk})
    palsu = SimpleUploadedFile("foto.png", b"%PDF-1.4 not a png", content_type="image/png")
    c.post(url, {"berkas": palsu})
    assert not BuktiDukung.objects.exists()
    c.post(url, {"berkas": SimpleUploadedFile("sk.pdf", b"%PDF-1.4\n"), "keterangan": "SK"})
    bukti = BuktiDukung.objects.get()
    unduh = reverse("kinerja:bukti_unduh", kwargs={"pk": bukti.pk})
    response = masuk(auditor).get(unduh)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4\n"
    assert 'filename="sk.pdf"' in response["Content-Disposition"]


def test_bukti_form_errors_come_back_as_messages_naming_the_field(masuk, indikator, staf):
    c = masuk(staf)
    c.post(_url(indikator), {"nilai": "80", "versi": "0"}, follow=True)
    r = Realisasi.objects.get()
    url = reverse("kinerja:bukti_tambah", kwargs={"pk": r.pk})
    response = c.post(url, {"tautan": "bukan alamat"}, follow=True)
    pesan = [str(m) for m in response.context["messages"]]
    assert pesan == [
        "atau tautan: Masukkan URL dengan format yang benar.",  # the field is named
        "Unggah satu berkas atau isi satu tautan.",
    ]
    response = c.post(url, {"keterangan": "SK"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Unggah satu berkas atau isi satu tautan."
    ]
    assert not BuktiDukung.objects.exists()


def test_capaian_page_query_count_constant(masuk, sekretaris, demo, django_assert_max_num_queries):
    c = masuk(sekretaris)
    url = reverse("kinerja:capaian", kwargs={"tahun": 2023})
    c.get(url)
    with django_assert_max_num_queries(20) as ctx:
        page = c.get(url).content.decode()
    sedikit = len(ctx.captured_queries)
    assert "102,04%" in page and "94,74%" in page and "status-hampir" in page
    sasaran = Indikator.objects.first().sasaran
    for i in range(30):
        IndikatorFactory(sasaran=sasaran, kode=f"X{i}")
    with django_assert_max_num_queries(sedikit):
        c.get(url)


def test_capaian_excel_download(masuk, auditor, demo):
    import io

    from openpyxl import load_workbook

    url = reverse("kinerja:capaian", kwargs={"tahun": 2023}) + "?format=xlsx"
    response = masuk(auditor).get(url)
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.getvalue())).active
    nilai = [
        row for row in ws.iter_rows(values_only=True) if row and row[1] and "JDIH" in str(row[0])
    ]
    assert nilai and float(nilai[0][5]) == pytest.approx(94.74)
    # Every Excel download is in the audit trail (kpu_site.services.unduhan_record), once.
    from kpu_site.models import JejakAudit

    jejak = JejakAudit.objects.filter(aksi="unduh", pengguna=auditor)
    assert [j.keterangan for j in jejak] == ["Unduh Excel: Capaian Kinerja 2023"]


def test_pk_page_and_print(masuk, komisioner, demo):
    c = masuk(komisioner)
    page = c.get(reverse("kinerja:pk_detail", kwargs={"tahun": 2022})).content.decode()
    assert "≠ Renstra" in page  # the invented 2022 difference is flagged
    cetak = c.get(reverse("kinerja:pk_cetak", kwargs={"tahun": 2023})).content.decode()
    assert "PERJANJIAN KINERJA TAHUN 2023" in cetak and "Pihak Pertama" in cetak


def test_analisis_page_and_budget_selector(masuk, auditor, demo):
    page = masuk(auditor).get(reverse("kinerja:analisis", kwargs={"tahun": 2023})).content.decode()
    assert "target akhir Renstra" in page
    baris = {b.sasaran.nomor: b for b in capaian_vs_anggaran(tahun=2023)}
    assert len(baris) == 13
    assert baris[6].capaian.quantize(Decimal("0.01")) == Decimal("94.74")
    from anggaran.selectors import anggaran_per_sasaran

    dana = anggaran_per_sasaran(tahun=2023)
    for b in baris.values():
        assert b.pagu == dana.get(b.sasaran.pk, {}).get("pagu")


def test_pengaturan_only_sekretaris(masuk, sekretaris, kasubag):
    url = reverse("kinerja:pengaturan")
    assert masuk(kasubag).get(url).status_code == 403
    c = masuk(sekretaris)
    c.post(url, {"batas_atas": "100", "ambang_tercapai": "100", "ambang_hampir": "90"})
    from kinerja.selectors import pengaturan_capaian_get

    assert pengaturan_capaian_get().batas_atas == 100
    c.post(url, {"aksi": "kunci", "tahun": "2023"})
    from kinerja.selectors import kinerja_tahun_lock

    assert kinerja_tahun_lock(2023)


def test_realisasi_list_query_count_constant(
    masuk, staf_sdm_kinerja, demo, django_assert_max_num_queries
):
    """The realisasi list reads the year in a fixed number of queries (no N+1 over indikator
    or their quarterly rows)."""
    c = masuk(staf_sdm_kinerja)
    url = reverse("kinerja:realisasi_list", kwargs={"tahun": 2023})
    c.get(url)
    with django_assert_max_num_queries(20) as ctx:
        response = c.get(url)
    sedikit = len(ctx.captured_queries)
    jumlah_baris = len(response.context["baris"])
    sasaran = Indikator.objects.first().sasaran
    for i in range(30):
        ind = IndikatorFactory(sasaran=sasaran, kode=f"X{i}")
        for periode in ("tw1", "tw2", "tahunan"):
            RealisasiFactory(indikator=ind, tahun=2023, periode=periode)
    with django_assert_max_num_queries(sedikit):
        response = c.get(url)
    assert len(response.context["baris"]) == jumlah_baris + 30


@pytest.fixture
def staf_sdm_kinerja(pengguna_buat):
    from kpu_site.peran import Peran

    return pengguna_buat("staf.sdm.kinerja", Peran.STAF, "hukum_sdm")


def test_pk_penandatangan_default_names_the_office_holders(demo):
    import datetime as dt

    from kinerja.selectors import pk_penandatangan_default
    from sekretariat import selectors as org

    tanggal = dt.date(2024, 1, 2)
    hasil = pk_penandatangan_default(tanggal=tanggal)
    assert hasil["pihak_pertama_nama"] == org.pejabat_sekretaris(tanggal=tanggal).nama
    assert hasil["pihak_kedua_nama"] == org.ketua_komisioner(tanggal=tanggal).nama
    assert hasil["pihak_pertama_nama"] and hasil["pihak_kedua_nama"]
    assert hasil["pihak_pertama_jabatan"] == "Sekretaris KPU Kota Serang"
    assert hasil["pihak_kedua_jabatan"] == "Ketua KPU Kota Serang"


def test_pk_penandatangan_default_is_blank_without_organisation_data(db):
    import datetime as dt

    from kinerja.selectors import pk_penandatangan_default

    assert pk_penandatangan_default(tanggal=dt.date(2024, 1, 2)) == {
        "pihak_pertama_nama": "",
        "pihak_pertama_jabatan": "Sekretaris",
        "pihak_kedua_nama": "",
        "pihak_kedua_jabatan": "Ketua",
    }


def test_pk_create_form_offers_the_working_year_and_the_satker_town(demo, masuk, sekretaris):
    client = masuk(sekretaris)
    session = client.session
    session["tahun_aktif"] = 2024
    session.save()
    form = client.get(reverse("kinerja:pk_list")).context["form_buat"]
    assert form.initial == {"tahun": 2024, "tempat": "Serang"}


def test_realisasi_list_unit_saya_shows_only_the_users_sub_bagian(masuk, staf_sdm_kinerja, demo):
    c = masuk(staf_sdm_kinerja)
    url = reverse("kinerja:realisasi_list", kwargs={"tahun": 2023})
    semua = [b for b, _boleh, _periode in c.get(url).context["baris"]]
    saya = [b for b, _boleh, _periode in c.get(url, {"unit": "saya"}).context["baris"]]
    harus = [b.indikator.pk for b in semua if b.sasaran.unit_id == staf_sdm_kinerja.unit_id]
    assert harus and len(harus) < len(semua)
    assert [b.indikator.pk for b in saya] == harus
