"""A recruitment's documents in the background: request (idempotent by the applicant data's
version), in-process render, claim, failure, the ZIP of every kecamatan with its progress,
publication, the public page and its download (stored file, ETag, 304), the old direct links,
the API and the audit trail."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from badan_adhoc import selectors as adhoc_selectors
from badan_adhoc.dokumen import jenis as jenis_mod
from badan_adhoc.dokumen import render, services
from badan_adhoc.dokumen.models import DokumenRekrutmen
from badan_adhoc.models import Pendaftar
from badan_adhoc.services.versi import pendaftar_versi_naik
from kpu_site.models import JejakAudit

pytestmark = pytest.mark.django_db


def _teks_pdf(data: bytes) -> str:
    """The PDF's text with every run of white space one space (a long name wraps in its cell)."""
    teks = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    return " ".join(teks.split())


def _isi(dokumen: DokumenRekrutmen) -> bytes:
    with dokumen.berkas.open("rb") as f:
        return f.read()


def _nama_kecamatan(rekrutmen, kec, tahap="administrasi") -> list[str]:
    """The applicants the announcement of ``kec`` must list (from the selector of the
    announcement's rows, independently of the document)."""
    return [
        p.nama
        for g in adhoc_selectors.pengumuman_grup(rekrutmen, tahap=tahap, kecamatan=kec.pk)
        for p in g["rows"]
    ]


@pytest.fixture(autouse=True)
def _dalam_proses(tugas_dalam_proses):
    """The path without a broker, also in the service run; the worker's is test_dokumen_worker's."""


@pytest.fixture
def minta(django_capture_on_commit_callbacks, staf_teknis):
    """Request a document as Staf Teknis and let the in-process task run (on commit)."""

    def _minta(rekrutmen, jenis="pengumuman_pdf", **parameter):
        with django_capture_on_commit_callbacks(execute=True):
            dokumen, baru = services.dokumen_request(
                rekrutmen=rekrutmen, jenis=jenis, parameter=parameter, pengguna=staf_teknis
            )
        dokumen.refresh_from_db()
        return dokumen, baru

    return _minta


def _bernomor(dokumen, user):
    """Issue ``dokumen`` with its number and render the issued file (in-process)."""
    from badan_adhoc.dokumen.penomoran import dokumen_terbitkan_bernomor

    terbit = dokumen_terbitkan_bernomor(dokumen=dokumen, pengguna=user, antrekan=False)
    return services.dokumen_render(dokumen_id=terbit.pk)


@pytest.fixture
def kind_uji():
    """Register test kinds (one that fails, one with NIK) and remove them afterwards."""
    sebelum = dict(jenis_mod.JENIS)
    yield jenis_mod.dokumen_jenis
    jenis_mod.JENIS.clear()
    jenis_mod.JENIS.update(sebelum)


# --------------------------------------------------------------------------- the job


def test_dokumen_request_renders_in_process_and_stores_the_sha256_of_the_bytes(diseleksi, minta):
    serang, kasemen = adhoc_selectors.kecamatan_list()
    dokumen, baru = minta(diseleksi, tahap="administrasi")
    assert baru and dokumen.status == "selesai" and dokumen.progres == 100
    data = _isi(dokumen)
    assert data.startswith(b"%PDF")
    assert dokumen.sha256 == hashlib.sha256(data).hexdigest() and dokumen.ukuran == len(data)
    assert dokumen.jumlah_halaman == len(PdfReader(io.BytesIO(data)).pages)
    # KPPS: one kecamatan per document, the first when none is asked for.
    assert dokumen.parameter == {"tahap": "administrasi", "kecamatan": serang.pk}
    assert dokumen.judul.endswith("– Kecamatan Serang")
    teks = _teks_pdf(data)
    nama = _nama_kecamatan(diseleksi, serang)
    assert nama and all(n in teks for n in nama)
    assert f"Kecamatan {kasemen.nama}" not in teks
    assert not any(nik in teks for nik in Pendaftar.objects.values_list("nik", flat=True))


def test_the_same_request_twice_is_one_job_and_a_data_change_makes_a_new_one(diseleksi, minta):
    pertama, baru = minta(diseleksi, tahap="administrasi")
    kedua, baru_lagi = minta(diseleksi, tahap="administrasi")
    assert baru and not baru_lagi and kedua.pk == pertama.pk
    assert DokumenRekrutmen.objects.count() == 1
    lain, baru = minta(diseleksi, tahap="akhir")
    assert baru and lain.pk != pertama.pk
    pendaftar_versi_naik(rekrutmen_ids=[diseleksi.pk])  # an applicant changed
    ketiga, baru = minta(diseleksi, tahap="administrasi")
    assert baru and ketiga.pk != pertama.pk and ketiga.kunci != pertama.kunci
    assert DokumenRekrutmen.objects.count() == 3


def test_a_running_job_is_given_back_and_a_failed_one_is_rendered_again(diseleksi, staf_teknis):
    antri, _ = services.dokumen_request(
        rekrutmen=diseleksi, jenis="pengumuman_pdf", parameter={}, pengguna=staf_teknis
    )
    sama, baru = services.dokumen_request(
        rekrutmen=diseleksi, jenis="pengumuman_pdf", parameter={}, pengguna=staf_teknis
    )
    assert not baru and sama.pk == antri.pk and sama.status == "antri"
    services.dokumen_fail(dokumen_id=antri.pk, pesan="uji")
    baru_lagi, baru = services.dokumen_request(
        rekrutmen=diseleksi, jenis="pengumuman_pdf", parameter={}, pengguna=staf_teknis
    )
    assert baru and baru_lagi.pk != antri.pk


def test_claim_twice_the_second_does_nothing_and_a_finished_job_is_not_rendered_again(
    diseleksi, staf_teknis, monkeypatch
):
    dokumen, _ = services.dokumen_request(
        rekrutmen=diseleksi, jenis="pengumuman_pdf", parameter={}, pengguna=staf_teknis
    )
    assert services.dokumen_claim(dokumen_id=dokumen.pk) is True
    assert services.dokumen_claim(dokumen_id=dokumen.pk) is False  # a duplicate delivery
    assert services.dokumen_render(dokumen_id=dokumen.pk) is None
    DokumenRekrutmen.objects.filter(pk=dokumen.pk).update(status="selesai", sha256="a" * 64)
    monkeypatch.setattr(render, "pengumuman_pdf", _jangan_dirender)
    assert services.dokumen_render(dokumen_id=dokumen.pk) is None
    dokumen.refresh_from_db()
    assert (dokumen.status, dokumen.sha256, dokumen.percobaan) == ("selesai", "a" * 64, 1)


def _jangan_dirender(*args, **kwargs):
    raise AssertionError("the stored file must be served, not rendered again")


def test_a_failing_render_ends_gagal_with_an_indonesian_message(
    diseleksi, staf_teknis, minta, kind_uji
):
    @kind_uji("uji_galat_data", label="Uji", ekstensi="pdf", publik=True)
    def _galat_data(dokumen, berkas, progres):
        raise ValidationError("Baris 2, kolom nama: kosong.")

    @kind_uji("uji_galat", label="Uji", ekstensi="pdf", publik=True)
    def _galat(dokumen, berkas, progres):
        raise RuntimeError("disk penuh")

    dokumen, _ = minta(diseleksi, jenis="uji_galat_data")
    assert dokumen.status == "gagal" and dokumen.pesan_galat == "Baris 2, kolom nama: kosong."
    dokumen, _ = minta(diseleksi, jenis="uji_galat")
    assert dokumen.status == "gagal"
    assert dokumen.pesan_galat == "Gagal menyusun dokumen: RuntimeError: disk penuh"
    assert not dokumen.berkas


def test_request_refuses_an_unknown_kind_a_bad_kecamatan_and_other_roles(
    diseleksi, staf_teknis, komisioner, staf_lain
):
    with pytest.raises(ValidationError) as exc:
        services.dokumen_request(
            rekrutmen=diseleksi, jenis="sk", parameter={}, pengguna=staf_teknis
        )
    assert exc.value.message_dict == {"jenis": ["Jenis dokumen tidak dikenal: 'sk'."]}
    with pytest.raises(ValidationError) as exc:
        services.dokumen_request(
            rekrutmen=diseleksi,
            jenis="pengumuman_pdf",
            parameter={"kecamatan": "999999"},
            pengguna=staf_teknis,
        )
    assert exc.value.message_dict == {
        "kecamatan": ["Kecamatan '999999' tidak ada di data wilayah."]
    }
    for user in (komisioner, staf_lain):
        with pytest.raises(PermissionDenied):
            services.dokumen_request(
                rekrutmen=diseleksi, jenis="pengumuman_pdf", parameter={}, pengguna=user
            )
    assert not DokumenRekrutmen.objects.exists()


def test_zip_of_every_kecamatan_has_one_pdf_each_and_progress_per_kecamatan(
    diseleksi, minta, monkeypatch
):
    langkah = []
    asli = services.dokumen_progress_update

    def catat(*, dokumen_id, progres, tahap):
        langkah.append((progres, tahap))
        asli(dokumen_id=dokumen_id, progres=progres, tahap=tahap)

    monkeypatch.setattr(services, "dokumen_progress_update", catat)
    dokumen, _ = minta(diseleksi, jenis="pengumuman_zip", tahap="administrasi")
    assert dokumen.status == "selesai", dokumen.pesan_galat
    data = _isi(dokumen)
    assert dokumen.sha256 == hashlib.sha256(data).hexdigest()
    kecamatan = list(adhoc_selectors.kecamatan_list())
    with zipfile.ZipFile(io.BytesIO(data)) as arsip:
        assert arsip.namelist() == [
            "pengumuman-administrasi-36.73.01-serang.pdf",
            "pengumuman-administrasi-36.73.02-kasemen.pdf",
        ]
        halaman = 0
        for nama, kec in zip(arsip.namelist(), kecamatan, strict=True):
            pdf = arsip.read(nama)
            teks = _teks_pdf(pdf)
            halaman += len(PdfReader(io.BytesIO(pdf)).pages)
            assert f"Kecamatan {kec.nama}" in teks
            assert all(n in teks for n in _nama_kecamatan(diseleksi, kec))
    assert dokumen.jumlah_halaman == halaman
    assert [f["nama"] for f in dokumen.meta["isi"]] == arsip.namelist()
    # Progress: from 0 through each kecamatan (half-way at the second), never back, 100 at the end.
    nilai = [p for p, _ in langkah]
    assert nilai == sorted(nilai) and nilai[0] == 0 and 50 in nilai and max(nilai) < 100
    assert any(t.startswith("Kecamatan Serang (1/2)") for _, t in langkah)
    assert any(t.startswith("Kecamatan Kasemen (2/2)") for _, t in langkah)
    assert dokumen.progres == 100


# --------------------------------------------------------------------------- pages


def test_staff_request_a_document_and_watch_its_progress(
    diseleksi, masuk, staf_teknis, django_capture_on_commit_callbacks
):
    client = masuk(staf_teknis)
    url = reverse("badan_adhoc:rekrutmen_dokumen_minta", args=[diseleksi.pk])
    response = client.post(url, {"jenis": "pengumuman_pdf", "tahap": "akhir"})
    dokumen = DokumenRekrutmen.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "badan_adhoc:dokumen_rekrutmen_detail", args=[dokumen.pk]
    )
    daftar = reverse("badan_adhoc:rekrutmen_dokumen", args=[diseleksi.pk])
    tabel = client.get(daftar, headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 2s"' in tabel and "Antri" in tabel  # polls while it runs
    detail = client.get(response["Location"]).content.decode()
    assert 'hx-trigger="every 1s"' in detail and "Menunggu giliran" in detail
    with django_capture_on_commit_callbacks(execute=True):
        from badan_adhoc import tasks

        tasks.dokumen_render.delay(dokumen.pk)
    progres = client.get(response["Location"] + "?berjalan=1", headers={"HX-Request": "true"})
    assert progres["HX-Refresh"] == "true" and "Unduh PDF" in progres.content.decode()
    tabel = client.get(daftar, headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in tabel and "Selesai" in tabel
    # The same request again: the message says it was not rendered again.
    # The finished document's panel shows its status once ("Selesai", not "Selesai Selesai").
    detail = client.get(reverse("badan_adhoc:dokumen_rekrutmen_detail", args=[dokumen.pk]))
    panel = re.search(
        r'id="progres-dokumen"(.*?)<div class="progress"', detail.content.decode(), re.S
    )
    assert " ".join(re.sub(r"<[^>]+>", " ", panel.group(1).split(">", 1)[1]).split()) == (
        "Selesai 100%"
    )
    response = client.post(url, {"jenis": "pengumuman_pdf", "tahap": "akhir"}, follow=True)
    assert "sudah ada; tidak disusun ulang" in response.content.decode()
    assert DokumenRekrutmen.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_request_rendered_in_process_says_it_is_finished(norma_seed, diseleksi, masuk, staf_teknis):
    """Without a broker the document is rendered when the request's block commits (a real
    commit here, not the test's wrapping transaction): the message says it is finished, not
    that it is being prepared."""
    url = reverse("badan_adhoc:rekrutmen_dokumen_minta", args=[diseleksi.pk])
    response = masuk(staf_teknis).post(
        url, {"jenis": "pengumuman_pdf", "tahap": "administrasi"}, follow=True
    )
    halaman = response.content.decode()
    assert "selesai disusun." in halaman and "sedang disusun." not in halaman
    assert DokumenRekrutmen.objects.get().dapat_diunduh


def test_other_roles_read_the_list_but_may_not_request(diseleksi, masuk, komisioner, staf_lain):
    for user in (komisioner, staf_lain):
        client = masuk(user)
        body = client.get(reverse("badan_adhoc:rekrutmen_dokumen", args=[diseleksi.pk]))
        assert body.status_code == 200 and "Susun dokumen" not in body.content.decode()
        response = client.post(
            reverse("badan_adhoc:rekrutmen_dokumen_minta", args=[diseleksi.pk]),
            {"jenis": "pengumuman_pdf"},
        )
        assert response.status_code == 403
    assert not DokumenRekrutmen.objects.exists()


def test_download_is_the_stored_file_and_is_in_the_audit_trail(diseleksi, minta, masuk, auditor):
    dokumen, _ = minta(diseleksi)
    response = masuk(auditor).get(reverse("badan_adhoc:dokumen_rekrutmen_unduh", args=[dokumen.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == _isi(dokumen)
    log = JejakAudit.objects.get(aksi="unduh")
    assert log.pengguna == auditor and dokumen.judul in log.keterangan + log.objek


@pytest.mark.django_db(transaction=True)  # the render runs when the request's block commits
def test_the_old_direct_links_request_or_reuse_the_job(
    norma_seed, diseleksi, masuk, staf_teknis, komisioner, monkeypatch
):
    serang = adhoc_selectors.kecamatan_list().first()
    url = reverse("badan_adhoc:pengumuman_pdf", args=[diseleksi.pk]) + f"?kecamatan={serang.pk}"
    # A reader before anyone asked for it: sent to the list, nothing created.
    response = masuk(komisioner).get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("badan_adhoc:rekrutmen_dokumen", args=[diseleksi.pk])
    assert not DokumenRekrutmen.objects.exists()
    # Staff, no broker: rendered in-process during the request and served.
    response = masuk(staf_teknis).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    dokumen = DokumenRekrutmen.objects.get()
    assert b"".join(response.streaming_content) == _isi(dokumen)
    # Again (anyone): the identical finished file, not rendered again.
    monkeypatch.setattr(render, "pengumuman_pdf", _jangan_dirender)
    for user in (staf_teknis, komisioner):
        response = masuk(user).get(url)
        assert response.status_code == 200 and response["ETag"] == f'"{dokumen.sha256}"'
    assert DokumenRekrutmen.objects.count() == 1
    assert JejakAudit.objects.filter(aksi="unduh").count() == 3
    # Excel: a job of its own, served as an attachment.
    response = masuk(staf_teknis).get(
        reverse("badan_adhoc:pengumuman_excel", args=[diseleksi.pk]) + "?tahap=akhir"
    )
    excel = DokumenRekrutmen.objects.get(jenis="pengumuman_xlsx")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert excel.parameter == {"tahap": "akhir", "kecamatan": serang.pk}


def test_a_direct_link_to_a_job_still_running_opens_its_progress_page(
    diseleksi, masuk, staf_teknis
):
    """With a worker the request only enqueues (here: the commit never comes)."""
    response = masuk(staf_teknis).get(
        reverse("badan_adhoc:pengumuman_excel", args=[diseleksi.pk]) + "?tahap=akhir"
    )
    excel = DokumenRekrutmen.objects.get(jenis="pengumuman_xlsx")
    assert excel.status == "antri"
    assert response["Location"] == reverse("badan_adhoc:dokumen_rekrutmen_detail", args=[excel.pk])


# --------------------------------------------------------------------------- publication


def test_publish_is_for_staff_and_only_for_announcements(
    diseleksi, minta, masuk, komisioner, staf_lain, staf_teknis, kind_uji, ketua
):
    dokumen = _bernomor(minta(diseleksi)[0], staf_teknis)
    url = reverse("badan_adhoc:dokumen_rekrutmen_terbitkan", args=[dokumen.pk])
    for user in (komisioner, staf_lain):
        assert masuk(user).post(url).status_code == 403
        with pytest.raises(PermissionDenied):
            services.dokumen_publish(dokumen=dokumen, pengguna=user)
    dokumen.refresh_from_db()
    assert not dokumen.terbit
    response = masuk(staf_teknis).post(url)
    assert response.status_code == 302
    dokumen.refresh_from_db()
    assert dokumen.terbit and dokumen.diterbitkan_oleh == staf_teknis
    assert JejakAudit.objects.filter(aksi="alur", keterangan__contains="diterbitkan").exists() or (
        JejakAudit.objects.filter(aksi="alur").count() == 1
    )
    with pytest.raises(ValidationError, match="sudah diterbitkan"):
        services.dokumen_publish(dokumen=dokumen, pengguna=staf_teknis)

    @kind_uji("uji_nik", label="Daftar pendaftar dengan NIK", ekstensi="pdf", publik=False)
    def _nik(dokumen, berkas, progres):
        berkas.write(b"%PDF-1.4 NIK")
        return {}

    rahasia, _ = minta(diseleksi, jenis="uji_nik")
    with pytest.raises(ValidationError) as exc:
        services.dokumen_publish(dokumen=rahasia, pengguna=staf_teknis)
    assert exc.value.messages == [
        f"{rahasia.judul} memuat data pribadi (NIK) dan tidak dapat diterbitkan."
    ]
    # A kind with NIK is not even visible to other roles.
    assert (
        masuk(komisioner)
        .get(reverse("badan_adhoc:dokumen_rekrutmen_detail", args=[rahasia.pk]))
        .status_code
        == 404
    )
    antri, _ = services.dokumen_request(
        rekrutmen=diseleksi, jenis="pengumuman_xlsx", parameter={}, pengguna=staf_teknis
    )
    with pytest.raises(ValidationError, match="status sekarang: Antri"):
        services.dokumen_publish(dokumen=antri, pengguna=staf_teknis)


def _tautan(body: str) -> list[str]:
    import re

    return re.findall(r'href="(/publik/pengumuman/\d+/unduh/)"', body)


def _terbitkan(dokumen, user):
    """Issue with a number (unless it is one already), then publish the issued document."""
    if getattr(dokumen, "nomor_terbit", None) is None:
        dokumen = _bernomor(dokumen, user)
    return services.dokumen_publish(dokumen=dokumen, pengguna=user)


def test_an_unnumbered_document_is_refused_publication(diseleksi, minta, masuk, staf_teknis):
    """Issue 19: a document is issued (numbered, frozen) and then can be published; a draft
    without a number is refused with a message and stays unpublished."""
    draf, _ = minta(diseleksi)
    with pytest.raises(ValidationError) as exc:
        services.dokumen_publish(dokumen=draf, pengguna=staf_teknis)
    assert exc.value.messages == [
        f"{draf.judul} belum bernomor: hanya dokumen yang sudah diterbitkan bernomor (nomor, "
        "tanggal dan penandatangan resmi) yang dapat diumumkan di halaman publik."
    ]
    url = reverse("badan_adhoc:dokumen_rekrutmen_terbitkan", args=[draf.pk])
    response = masuk(staf_teknis).post(url, follow=True)
    assert "belum bernomor" in response.content.decode()
    draf.refresh_from_db()
    assert not draf.terbit
    detail = masuk(staf_teknis).get(reverse("badan_adhoc:dokumen_rekrutmen_detail", args=[draf.pk]))
    assert url not in detail.content.decode()  # no publish button on a draft


def test_public_list_shows_current_publications_grouped_with_few_queries(
    diseleksi, rekrutmen_pps, minta, client, staf_teknis, django_assert_max_num_queries, ketua
):
    lama, _ = minta(diseleksi, tahap="administrasi")
    lama = _terbitkan(lama, staf_teknis)
    draf = _bernomor(minta(diseleksi, tahap="akhir")[0], staf_teknis)  # issued, not published
    pendaftar_versi_naik(rekrutmen_ids=[diseleksi.pk])
    baru, _ = minta(diseleksi, tahap="administrasi")
    baru = _terbitkan(baru, staf_teknis)
    lama.refresh_from_db()
    assert lama.diganti_oleh == baru  # the newer publication of the same document replaces it
    pps, _ = minta(rekrutmen_pps, tahap="administrasi")
    pps = _terbitkan(pps, staf_teknis)
    url = reverse("publik:pengumuman_list")
    with django_assert_max_num_queries(3):  # and the satker's identity for the public layout
        response = client.get(url)
    body = response.content.decode()
    assert response.status_code == 200
    for d in (baru, pps):
        assert reverse("publik:pengumuman_unduh", args=[d.pk]) in body and d.sha256 in body
    for d in (lama, draf):
        assert reverse("publik:pengumuman_unduh", args=[d.pk]) not in body
    with django_assert_max_num_queries(2):  # cached until the next publication; the satker
        again = client.get(url).content.decode()
    assert _tautan(again) == _tautan(body) and len(_tautan(body)) == 2
    saring = client.get(url, {"rekrutmen": rekrutmen_pps.pk}).content.decode()
    assert reverse("publik:pengumuman_unduh", args=[pps.pk]) in saring
    assert reverse("publik:pengumuman_unduh", args=[baru.pk]) not in saring
    draf = _terbitkan(draf, staf_teknis)  # a publication shows at once
    assert draf.diganti_oleh_id is None  # issuing another type with the same number text
    assert reverse("publik:pengumuman_unduh", args=[draf.pk]) in client.get(url).content.decode()


def test_public_download_serves_the_stored_file_with_etag_and_304(
    diseleksi, minta, client, staf_teknis, monkeypatch, ketua
):
    dokumen = _bernomor(minta(diseleksi)[0], staf_teknis)
    url = reverse("publik:pengumuman_unduh", args=[dokumen.pk])
    assert client.get(url).status_code == 404  # not published yet
    _terbitkan(dokumen, staf_teknis)
    monkeypatch.setattr(render, "pengumuman_pdf", _jangan_dirender)
    monkeypatch.setattr("badan_adhoc.pengumuman.pengumuman_pdf", _jangan_dirender)
    with CaptureQueriesContext(connection) as q:
        response = client.get(url)
    assert len(q) == 1, [x["sql"] for x in q.captured_queries]
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["ETag"] == f'"{dokumen.sha256}"'
    assert "public" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == _isi(dokumen)
    response = client.get(url, headers={"If-None-Match": f'"{dokumen.sha256}"'})
    assert response.status_code == 304 and response["ETag"] == f'"{dokumen.sha256}"'
    assert client.get(url, headers={"If-None-Match": '"lain"'}).status_code == 200
    assert not JejakAudit.objects.filter(aksi="unduh").exists()  # public: not audited


def test_a_stored_file_missing_from_the_storage_is_a_404_not_a_500(
    diseleksi, minta, client, staf_teknis, ketua
):
    """The media folder lost or restored without a file: every download of it answers 404 with
    a readable message (found by the fuzz run: the API's download was a 500), nothing logged."""
    dokumen, _ = minta(diseleksi)
    dokumen = _terbitkan(dokumen, staf_teknis)
    dokumen.berkas.storage.delete(dokumen.berkas.name)
    client.force_login(staf_teknis)
    for url in (
        reverse("badan_adhoc:dokumen_rekrutmen_unduh", args=[dokumen.pk]),
        reverse("publik:pengumuman_unduh", args=[dokumen.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Tidak ditemukan" in response.content.decode()
    response = client.get(f"/api/adhoc/dokumen/{dokumen.pk}/unduh/")
    assert response.status_code == 404
    assert response.json()["detail"] == "Berkas tidak ditemukan di penyimpanan."
    assert not JejakAudit.objects.filter(aksi="unduh").exists()


def test_api_document_without_publisher_or_requester_is_null_in_the_schema(
    diseleksi, minta, client, staf_teknis, ketua
):
    """Published by the system (the demo): the field is null, which the schema must allow
    (found by the fuzz run)."""
    from drf_spectacular.generators import SchemaGenerator

    dokumen = _bernomor(minta(diseleksi)[0], staf_teknis)
    services.dokumen_publish(dokumen=dokumen, pengguna=None)
    client.force_login(staf_teknis)
    data = client.get(f"/api/adhoc/dokumen/{dokumen.pk}/").json()
    assert data["diterbitkan_oleh"] is None
    skema = SchemaGenerator().get_schema(request=None, public=True)
    kolom = skema["components"]["schemas"]["DokumenRekrutmen"]["properties"]
    assert kolom["diterbitkan_oleh"].get("nullable") is True
    assert kolom["diminta_oleh"].get("nullable") is True


# --------------------------------------------------------------------------- API


def test_api_documents_request_progress_publish(
    diseleksi, client, staf_teknis, komisioner, django_capture_on_commit_callbacks, ketua
):
    client.force_login(komisioner)
    data = {"rekrutmen": diseleksi.pk, "jenis": "pengumuman_pdf", "tahap": "administrasi"}
    assert (
        client.post("/api/adhoc/dokumen/", data, content_type="application/json").status_code == 403
    )
    client.force_login(staf_teknis)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/adhoc/dokumen/", data, content_type="application/json")
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    assert response.json()["status"] == "antri"  # the task runs after the commit
    detail = client.get(f"/api/adhoc/dokumen/{pk}/").json()
    assert detail["status"] == "selesai" and len(detail["sha256"]) == 64
    again = client.post("/api/adhoc/dokumen/", data, content_type="application/json")
    assert again.status_code == 200 and again.json()["id"] == pk
    bad = client.post(
        "/api/adhoc/dokumen/", data | {"jenis": "sk"}, content_type="application/json"
    )
    assert bad.status_code == 400 and "Jenis dokumen tidak dikenal" in bad.content.decode()
    progres = client.get(f"/api/adhoc/dokumen/{pk}/progres/").json()
    assert (progres["status"], progres["progres"]) == ("selesai", 100)
    client.force_login(komisioner)
    daftar = client.get("/api/adhoc/dokumen/", {"rekrutmen": diseleksi.pk}).json()
    assert [d["id"] for d in daftar["results"]] == [pk]
    assert client.post(f"/api/adhoc/dokumen/{pk}/terbitkan/").status_code == 403
    client.force_login(staf_teknis)
    draf = client.post(f"/api/adhoc/dokumen/{pk}/terbitkan/")
    assert draf.status_code == 400 and "belum bernomor" in draf.content.decode()
    pk = _bernomor(DokumenRekrutmen.objects.get(pk=pk), staf_teknis).pk
    response = client.post(f"/api/adhoc/dokumen/{pk}/terbitkan/")
    assert response.status_code == 200 and response.json()["diterbitkan_pada"]


def test_ranking_again_makes_the_final_announcement_a_new_document(diseleksi, staf_teknis):
    """The final result comes from the ranking: a ranking that changes a result is a change of
    the applicant data (``pendaftar_versi``), so the announcement is not served from the earlier
    ranking; a ranking that changes nothing keeps the document."""
    from badan_adhoc.models import Pendaftar
    from badan_adhoc.services import peringkat_compute

    peringkat_compute(rekrutmen=diseleksi, pengguna=staf_teknis)
    pertama, _ = services.dokumen_request(
        rekrutmen=diseleksi, jenis="pengumuman_pdf", parameter={"tahap": "akhir"}, pengguna=None
    )
    peringkat_compute(rekrutmen=diseleksi, pengguna=staf_teknis)
    sama, baru = services.dokumen_request(
        rekrutmen=diseleksi, jenis="pengumuman_pdf", parameter={"tahap": "akhir"}, pengguna=None
    )
    assert not baru and sama.pk == pertama.pk
    # The first-ranked applicant of a wilayah gets the 55+ warning: ranked last there now.
    teratas = Pendaftar.objects.filter(rekrutmen=diseleksi, peringkat=1).order_by("pk").first()
    Pendaftar.objects.filter(pk=teratas.pk).update(peringatan_usia_lebih_55=True)
    peringkat_compute(rekrutmen=diseleksi, pengguna=staf_teknis)
    assert Pendaftar.objects.get(pk=teratas.pk).peringkat != 1
    kedua, baru = services.dokumen_request(
        rekrutmen=diseleksi, jenis="pengumuman_pdf", parameter={"tahap": "akhir"}, pengguna=None
    )
    assert baru and kedua.pk != pertama.pk
