"""Public comments on applicants (tanggapan masyarakat): the public form's refusals (window,
unknown applicant, bad file, rate limit, confirmation), never showing other comments, the staff's
follow-up and the override, the counts."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from badan_adhoc import selectors
from badan_adhoc.model_tanggapan import TanggapanMasyarakat
from badan_adhoc.models import Pendaftar, TahapanRekrutmen
from badan_adhoc.services import tanggapan as layanan
from badan_adhoc.services.tanggapan import GARAM

PDF = b"%PDF-1.4\n%uji\n"


@pytest.fixture
def terbuka(diseleksi):
    """The KPPS recruitment with its comment window around the frozen date (2 Nov 2026)."""
    TahapanRekrutmen.objects.create(
        rekrutmen=diseleksi, tahap="tanggapan", mulai=date(2026, 11, 1), selesai=date(2026, 11, 7)
    )
    return diseleksi


def _url(rekrutmen):
    return reverse("publik:tanggapan_form", args=[rekrutmen.pk])


def _kode(response) -> tuple[str, str]:
    """The challenge and the shown code of a form page."""
    tantangan = response.context["form"]["tantangan"].value()
    kode = signing.loads(tantangan, salt=GARAM)["k"]
    assert kode in response.content.decode()
    return tantangan, kode


def _kirim(client, rekrutmen, *, ip="203.0.113.5", **ubah):
    tantangan, kode = _kode(client.get(_url(rekrutmen)))
    data = {
        "nama": "Warga Penanggap",
        "kontak": "081234567890",
        "nomor_pendaftaran": Pendaftar.objects.filter(rekrutmen=rekrutmen).order_by("pk")[0].pk,
        "nama_pendaftar": "",
        "wilayah": "",
        "isi": "Pendaftar ini pengurus partai di kelurahan kami.",
        "tantangan": tantangan,
        "nonce": "",
        "kode": kode,
    } | ubah
    return client.post(_url(rekrutmen), data, REMOTE_ADDR=ip)


def test_anonymous_comment_is_stored_and_other_comments_never_shown(client, terbuka):
    response = _kirim(client, terbuka)
    assert response.status_code == 302
    t = TanggapanMasyarakat.objects.get()
    assert t.pendaftar.rekrutmen == terbuka and t.tahap == "tanggapan"
    assert str(t.alamat_pengirim) == "203.0.113.5"
    halaman = client.get(response["Location"]).content.decode()
    assert "Tanggapan Anda telah diterima" in halaman
    assert "pengurus partai" not in halaman and "Warga Penanggap" not in halaman


def test_by_name_and_wilayah(client, terbuka):
    p = Pendaftar.objects.filter(rekrutmen=terbuka).order_by("pk")[1]
    response = _kirim(
        client,
        terbuka,
        nomor_pendaftaran="",
        nama_pendaftar=p.nama.upper(),
        wilayah=p.wilayah_tujuan_id,
    )
    assert response.status_code == 302
    assert TanggapanMasyarakat.objects.get().pendaftar == p


def test_outside_the_window_refused_nothing_stored(client, diseleksi):
    TahapanRekrutmen.objects.create(
        rekrutmen=diseleksi, tahap="tanggapan", mulai=date(2026, 10, 1), selesai=date(2026, 10, 7)
    )
    halaman = client.get(_url(diseleksi))
    assert halaman.status_code == 200
    assert "tidak sedang berlangsung" in halaman.content.decode()
    tantangan = layanan.tanggapan_tantangan_buat(diseleksi)
    response = client.post(
        _url(diseleksi),
        {
            "nama": "A",
            "kontak": "0812",
            "nomor_pendaftaran": Pendaftar.objects.filter(rekrutmen=diseleksi)[0].pk,
            "isi": "x",
            "tantangan": tantangan["tantangan"],
            "kode": tantangan["kode"],
        },
    )
    assert response.status_code == 400
    assert "Masa tanggapan masyarakat KPPS Pemilu 2024 tidak sedang berlangsung." in (
        response.content.decode()
    )
    assert TanggapanMasyarakat.objects.count() == 0


def test_unknown_applicant_refused_keeps_what_was_typed(client, terbuka):
    response = _kirim(client, terbuka, nomor_pendaftaran=999999)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nomor pendaftaran 999999 tidak ada di KPPS Pemilu 2024." in html
    assert response.context["form"].errors["nomor_pendaftaran"]
    assert "pengurus partai di kelurahan kami" in html and "Warga Penanggap" in html
    response = _kirim(client, terbuka, nomor_pendaftaran="", nama_pendaftar="Tidak Ada", wilayah="")
    assert "Isi nomor pendaftaran, atau nama pendaftar dan wilayah tujuannya." in (
        response.content.decode()
    )
    assert TanggapanMasyarakat.objects.count() == 0


def test_file_not_what_its_name_says_refused(client, terbuka, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    palsu = SimpleUploadedFile("bukti.pdf", b"MZ\x90\x00 bukan pdf", content_type="application/pdf")
    response = _kirim(client, terbuka, lampiran=palsu)
    assert response.status_code == 400
    assert response.context["form"].errors["lampiran"] == [
        "Isi berkas bukti.pdf bukan jenis yang diizinkan (JPEG, PDF, PNG)."
    ]
    png_bernama_pdf = SimpleUploadedFile("foto.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 20)
    response = _kirim(client, terbuka, lampiran=png_bernama_pdf)
    assert "berakhiran .pdf, tetapi isinya PNG" in response.content.decode()
    assert TanggapanMasyarakat.objects.count() == 0
    assert not list(tmp_path.rglob("*.*"))
    response = _kirim(client, terbuka, lampiran=SimpleUploadedFile("bukti.pdf", PDF))
    assert response.status_code == 302
    assert TanggapanMasyarakat.objects.get().lampiran_jenis == "pdf"


def test_eleventh_comment_within_an_hour_refused(client, terbuka, settings):
    settings.PUBLIK_BATAS_LAJU = 1000
    for _ in range(10):
        assert _kirim(client, terbuka).status_code == 302
    response = _kirim(client, terbuka)
    assert response.status_code == 400
    assert (
        "Dari alamat ini sudah masuk 10 tanggapan dalam satu jam terakhir. Coba lagi nanti."
        in response.content.decode()
    )
    assert TanggapanMasyarakat.objects.count() == 10
    assert _kirim(client, terbuka, ip="198.51.100.7").status_code == 302  # another address


def test_confirmation_wrong_code_refused_proof_of_work_accepted(client, terbuka, settings):
    response = _kirim(client, terbuka, kode="SALAH1")
    assert response.status_code == 400
    assert response.context["form"].errors["kode"] == [
        "Kode konfirmasi tidak sesuai: ketik kode yang tertera pada halaman."
    ]
    response = _kirim(client, terbuka, tantangan="palsu")
    assert "Konfirmasi kedaluwarsa atau tidak sah" in response.content.decode()
    assert TanggapanMasyarakat.objects.count() == 0
    # the script's way: a nonce whose SHA-256 has the leading zero bits, no code typed
    settings.TANGGAPAN_BUKTI_BIT = 8
    tantangan = _kode(client.get(_url(terbuka)))[0]
    nonce = next(
        n for n in range(100000) if hashlib.sha256(f"{tantangan}:{n}".encode()).digest()[0] == 0
    )
    p = Pendaftar.objects.filter(rekrutmen=terbuka).order_by("pk")[0]
    response = client.post(
        _url(terbuka),
        {
            "nama": "Warga",
            "kontak": "0812",
            "nomor_pendaftaran": p.pk,
            "isi": "Tanggapan lewat bukti kerja.",
            "tantangan": tantangan,
            "nonce": str(nonce),
        },
    )
    assert response.status_code == 302
    assert TanggapanMasyarakat.objects.count() == 1


def test_staff_follow_up_and_override(masuk, client, terbuka, staf_teknis, komisioner):
    _kirim(client, terbuka)
    t = TanggapanMasyarakat.objects.get()
    p = t.pendaftar
    assert p.status_administrasi == "ms"
    detail = reverse("badan_adhoc:pendaftar_detail", args=[p.pk])
    url = reverse("badan_adhoc:tanggapan_tindak_lanjut", args=[t.pk])
    # other roles read the comment, without the commenter, and cannot handle it
    html = masuk(komisioner).get(detail).content.decode()
    assert "pengurus partai" in html and "Warga Penanggap" not in html
    assert client.post(url, {"klarifikasi": "x"}).status_code == 403
    c = masuk(staf_teknis)
    html = c.get(detail).content.decode()
    assert "Warga Penanggap" in html and "Simpan tindak lanjut" in html
    # mengubah hasil without the new result: refused on its field, nothing changed
    c.post(
        url,
        {
            "klarifikasi": "Dicek ke SIPOL.",
            "hasil": "mengubah_hasil",
            "alasan": "Terbukti pengurus partai.",
        },
    )
    html = c.get(detail).content.decode()
    assert "Pilih hasil seleksi yang baru (MS atau TMS)." in html
    t.refresh_from_db()
    assert t.hasil == ""
    c.post(
        url,
        {
            "klarifikasi": "Dicek ke SIPOL dan partai.",
            "hasil": "mengubah_hasil",
            "status_baru": "tms",
            "alasan": "Terbukti pengurus partai.",
        },
    )
    t.refresh_from_db()
    p.refresh_from_db()
    assert t.hasil == "mengubah_hasil" and t.ditangani_oleh == staf_teknis
    assert p.status_administrasi == "tms" and p.koreksi_status == "tms"
    assert p.koreksi_alasan == f"Tanggapan masyarakat #{t.pk}: Terbukti pengurus partai."
    hitung = selectors.tanggapan_hitung(terbuka)
    assert hitung["jumlah"] == 1 and hitung["mengubah_hasil"] == 1 and hitung["belum"] == 0
    assert hitung["per_tahap"]["tanggapan"]["mengubah_hasil"] == 1


def test_count_selector(client, terbuka, staf_teknis, settings):
    for _ in range(3):
        _kirim(client, terbuka)
    t = TanggapanMasyarakat.objects.order_by("pk")[0]
    layanan.tanggapan_tindak_lanjut(
        tanggapan=t,
        klarifikasi="Sudah dicek.",
        hasil="tidak_berpengaruh",
        alasan="Tidak ada bukti keanggotaan.",
        pengguna=staf_teknis,
    )
    assert selectors.tanggapan_hitung(terbuka) == {
        "jumlah": 3,
        "belum": 2,
        "tidak_berpengaruh": 1,
        "mengubah_hasil": 0,
        "per_tahap": {
            "tanggapan": {"jumlah": 3, "belum": 2, "tidak_berpengaruh": 1, "mengubah_hasil": 0}
        },
    }


def test_api_staff_read_and_handle_others_read_without_identity(
    client, terbuka, staf_teknis, komisioner
):
    _kirim(client, terbuka)
    t = TanggapanMasyarakat.objects.get()
    daftar = reverse("badan_adhoc-tanggapan-list") + f"?rekrutmen={terbuka.pk}"
    url = reverse("badan_adhoc-tanggapan-tindak-lanjut", args=[t.pk])
    client.force_login(komisioner)
    baris = client.get(daftar).json()["results"][0]
    assert baris["isi"].startswith("Pendaftar ini") and baris["nama"] is None
    assert client.post(url, {}).status_code == 403
    client.force_login(staf_teknis)
    assert client.get(daftar).json()["results"][0]["nama"] == "Warga Penanggap"
    response = client.post(url, {"klarifikasi": "Dicek.", "hasil": "tidak_berpengaruh"})
    assert response.status_code == 400
    assert TanggapanMasyarakat.objects.get().hasil == ""
    response = client.post(
        url,
        {"klarifikasi": "Dicek.", "hasil": "tidak_berpengaruh", "alasan": "Tidak terbukti."},
    )
    assert response.status_code == 200 and response.json()["hasil"] == "tidak_berpengaruh"


def test_dashboard_shows_the_counts(client, terbuka):
    from django.template.loader import render_to_string

    from badan_adhoc.dasbor import dasbor_rekrutmen

    _kirim(client, terbuka)
    _kirim(client, terbuka)
    baris = next(r for r in dasbor_rekrutmen(tahun=2024) if r["nama"] == "KPPS Pemilu 2024")
    assert baris["tanggapan"]["jumlah"] == 2 and baris["tanggapan"]["belum"] == 2
    html = render_to_string(
        "badan_adhoc/dasbor/_rekrutmen.html", {"dasbor": {"data": {"rekrutmen": [baris]}}}
    )
    assert "Tanggapan masyarakat" in html and "(2 belum ditindaklanjuti)" in html
    # per stage: both came in during the "tanggapan" stage
    assert baris["tanggapan_tahap"][0][0] == "Tanggapan masyarakat"
    assert [n["jumlah"] for _, n in baris["tanggapan_tahap"]] == [2]
    assert "Tanggapan masyarakat: 2" in " ".join(html.split())


def test_pages_keep_a_flat_query_count(client, terbuka, staf_teknis, django_assert_max_num_queries):
    for _ in range(3):
        _kirim(client, terbuka)
    with django_assert_max_num_queries(8):
        assert client.get(_url(terbuka)).status_code == 200
    p = TanggapanMasyarakat.objects.first().pendaftar
    client.force_login(staf_teknis)
    detail = reverse("badan_adhoc:pendaftar_detail", args=[p.pk])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(detail)  # the first page of the session reads more (permissions, session)
    with CaptureQueriesContext(connection) as tiga:
        client.get(detail)
    for _ in range(5):
        _kirim(client, terbuka)
    client.get(detail)
    with CaptureQueriesContext(connection) as delapan:
        html = client.get(detail).content.decode()
    assert html.count("Simpan tindak lanjut") == 8
    assert len(delapan) == len(tiga), "\n".join(q["sql"][:150] for q in delapan.captured_queries)


def test_a_confirmation_confirms_one_comment(client, terbuka):
    tantangan, kode = _kode(client.get(_url(terbuka)))
    p = Pendaftar.objects.filter(rekrutmen=terbuka).order_by("pk")[0]
    data = {
        "nama": "Warga",
        "kontak": "0812",
        "nomor_pendaftaran": p.pk,
        "isi": "Tanggapan.",
        "tantangan": tantangan,
        "kode": kode,
    }
    assert client.post(_url(terbuka), data).status_code == 302
    response = client.post(_url(terbuka), data)
    assert response.status_code == 400
    assert response.context["form"].errors["kode"] == [
        "Konfirmasi ini sudah dipakai: muat ulang halaman lalu kirim lagi."
    ]
    assert TanggapanMasyarakat.objects.count() == 1


def test_schema_says_the_commenter_fields_may_be_null():
    """Other roles get ``nama``/``kontak`` as null (found by the API fuzz run: the schema said
    string)."""
    from drf_spectacular.generators import SchemaGenerator

    skema = SchemaGenerator().get_schema(request=None, public=True)
    sifat = skema["components"]["schemas"]["Tanggapan"]["properties"]
    assert sifat["nama"].get("nullable") and sifat["kontak"].get("nullable")


def test_each_event_is_one_audit_entry_with_who(client, terbuka, staf_teknis):
    """Receiving a comment and recording its follow-up are one audit entry each (the history
    row's, ``kpu_site.audit.jejak_tandai``), the follow-up by the staff member who recorded it
    even when the service is called without a request."""
    from django.contrib.contenttypes.models import ContentType

    from kpu_site.models import JejakAudit

    _kirim(client, terbuka)
    t = TanggapanMasyarakat.objects.get()
    jejak = JejakAudit.objects.filter(
        content_type=ContentType.objects.get_for_model(TanggapanMasyarakat), object_id=str(t.pk)
    )
    assert [(j.aksi, j.pengguna) for j in jejak] == [("buat", None)]
    assert jejak.get().keterangan == f"Tanggapan masyarakat atas {t.pendaftar} diterima"
    layanan.tanggapan_tindak_lanjut(
        tanggapan=t,
        klarifikasi="Sudah dicek.",
        hasil="tidak_berpengaruh",
        alasan="Tidak ada bukti keanggotaan.",
        pengguna=staf_teknis,
    )
    alur = jejak.exclude(aksi="buat")
    assert [(j.aksi, j.pengguna) for j in alur] == [("alur", staf_teknis)]
    assert alur.get().keterangan == (
        "Tindak lanjut tanggapan: Tidak berpengaruh – Tidak ada bukti keanggotaan."
    )
    assert alur.get().perubahan["hasil"] == ["", "tidak_berpengaruh"]


def test_dashboard_counts_comments_in_one_query_for_all_recruitments(
    client, terbuka, rekrutmen_pps
):
    """The comment column does not add a query per recruitment (the other counts are cached)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from badan_adhoc.dasbor import dasbor_rekrutmen

    _kirim(client, terbuka)
    dasbor_rekrutmen(tahun=2024)  # warms the cached counts
    with CaptureQueriesContext(connection) as dua:
        baris = dasbor_rekrutmen(tahun=2024)
    assert {r["nama"]: r["tanggapan"]["jumlah"] for r in baris} == {
        "KPPS Pemilu 2024": 1,
        "PPS Pemilu 2024": 0,
    }
    rekrutmen_pps.delete()
    with CaptureQueriesContext(connection) as satu:
        assert len(dasbor_rekrutmen(tahun=2024)) == 1
    assert len(dua) == len(satu), "\n".join(q["sql"][:150] for q in dua.captured_queries)


def test_attachment_served_like_every_stored_upload(
    client, terbuka, staf_teknis, komisioner, settings, tmp_path
):
    """The public's attachment is served through ``kpu_site.berkas.berkas_response``: its type
    from the content checked at upload, ``nosniff`` and the sandbox policy; staff only."""
    from kpu_site.berkas import CSP_BERKAS

    settings.MEDIA_ROOT = tmp_path
    _kirim(client, terbuka, lampiran=SimpleUploadedFile("bukti warga.pdf", PDF))
    url = reverse("badan_adhoc:tanggapan_lampiran", args=[TanggapanMasyarakat.objects.get().pk])
    client.force_login(komisioner)
    assert client.get(url).status_code == 403
    client.force_login(staf_teknis)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == CSP_BERKAS
    assert "bukti warga.pdf" in response["Content-Disposition"]
