"""Publication (issue 18, item 6): drafts refused, withdraw, the public page and its downloads
(byte-identical LKj, 404 for unpublished/withdrawn), cache invalidation, rate limit, no link
behind login, and the LKE rule ``lkj_dipublikasikan``."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.urls import resolve

from kinerja import lke_usulan as u
from kinerja.lkj.models import LaporanKinerja
from kinerja.model_iku import KeputusanIku
from kinerja.model_publikasi import Publikasi
from kinerja.models import PerjanjianKinerja
from kinerja.services import publikasi as svc
from kpu_site.models import JejakAudit

from .factories import PerjanjianKinerjaFactory, RenstraFactory

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
PDF = b"%PDF-1.4\n% LKj final uji\n%%EOF\n"


def _lkj(status=LaporanKinerja.Status.FINAL, versi=1):
    lkj = LaporanKinerja(tahun=2023, versi=versi, status=status)
    if status == LaporanKinerja.Status.FINAL:
        lkj.difinalkan_pada = dt.datetime(2024, 2, 1, 9, tzinfo=WIB)
    lkj.berkas.save("lkj.pdf", ContentFile(PDF), save=False)
    lkj.save()
    return lkj


def test_publikasi_draft_refused_for_each_kind(sekretaris):
    from kinerja.model_rkt import RencanaKinerjaTahunan

    renstra = RenstraFactory()
    cases = [
        (_lkj(LaporanKinerja.Status.SELESAI), "LKj 2023 versi 1 belum final (selesai)"),
        (PerjanjianKinerjaFactory(), "belum ditandatangani (draft)"),
        (RencanaKinerjaTahunan.objects.create(tahun=2023), "belum ditetapkan (draft)"),
        (
            KeputusanIku.objects.create(renstra=renstra, nomor="", tanggal=dt.date(2022, 1, 3)),
            "belum bernomor dan bertanggal",
        ),
    ]
    for sumber, pesan in cases:
        with pytest.raises(ValidationError) as e:
            svc.publikasi_terbitkan(sumber=sumber, pengguna=sekretaris)
        assert pesan in e.value.messages[0]
    assert Publikasi.objects.count() == 0


def test_publikasi_only_sekretaris_publishes(staf):
    with pytest.raises(PermissionDenied):
        svc.publikasi_terbitkan(sumber=_lkj(), pengguna=staf)


def test_publikasi_lkj_download_is_byte_identical_to_auditor_download(client, sekretaris, auditor):
    lkj = _lkj()
    pub = svc.publikasi_terbitkan(sumber=lkj, pengguna=sekretaris)
    assert JejakAudit.objects.filter(objek=str(pub)).exists()
    client.force_login(auditor)
    auditor_isi = b"".join(client.get(f"/kinerja/lkj/versi/{lkj.pk}/unduh/").streaming_content)
    client.logout()
    r = client.get(f"/publik/dokumen/{pub.pk}/laporan-kinerja-tahun-2023.pdf")
    assert r.status_code == 200
    assert r["Content-Type"] == "application/pdf"
    assert r["X-Content-Type-Options"] == "nosniff"
    assert "laporan-kinerja-tahun-2023.pdf" in r["Content-Disposition"]
    isi = b"".join(r.streaming_content)
    assert hashlib.sha256(isi).hexdigest() == pub.sha256 == hashlib.sha256(auditor_isi).hexdigest()


def test_publikasi_publish_and_withdraw_are_one_audit_entry_each(sekretaris):
    pub = svc.publikasi_terbitkan(sumber=_lkj(), pengguna=sekretaris)

    def entri():
        return list(JejakAudit.objects.filter(objek=str(pub)).order_by("waktu", "pk"))

    assert [(e.aksi, e.pengguna) for e in entri()] == [("alur", sekretaris)]
    assert pub.sha256 in entri()[0].keterangan
    svc.publikasi_tarik(publikasi=pub, alasan="Salah unggah", pengguna=sekretaris)
    assert [e.aksi for e in entri()] == ["alur", "alur"]
    ditarik = entri()[-1]
    assert ditarik.keterangan.endswith("ditarik dari halaman publik: Salah unggah")
    assert ditarik.perubahan["ditarik"] == [False, True]


def test_publikasi_second_publish_racing_the_first_gets_a_message(sekretaris, monkeypatch):
    """Two publishes of one source at once: the second passes the 'already published' check
    before the first commits, then meets the unique constraint. It gets a message, and the
    file it had stored is removed."""
    lkj = _lkj()
    pertama = svc.publikasi_terbitkan(sumber=lkj, pengguna=sekretaris)
    folder = "publikasi/2023"
    berkas_sebelum = set(pertama.berkas.storage.listdir(folder)[1])
    # The check sees no publication, as in the racing request.
    asli = Publikasi.objects.filter

    def filter_tanpa_yang_pertama(*a, **kw):
        return asli(*a, **kw).exclude(pk=pertama.pk)

    monkeypatch.setattr(Publikasi.objects, "filter", filter_tanpa_yang_pertama)
    with pytest.raises(ValidationError) as e:
        svc.publikasi_terbitkan(sumber=lkj, pengguna=sekretaris)
    monkeypatch.undo()
    assert "baru saja dipublikasikan oleh pengguna lain" in e.value.messages[0]
    assert Publikasi.objects.count() == 1
    berkas_sesudah = set(pertama.berkas.storage.listdir(folder)[1])
    assert berkas_sesudah == berkas_sebelum


def test_publikasi_withdraw_then_404_and_off_the_page(client, sekretaris):
    pub = svc.publikasi_terbitkan(sumber=_lkj(), pengguna=sekretaris)
    r = client.get("/publik/")
    assert r.status_code == 200 and "Laporan Kinerja Tahun 2023" in r.content.decode()
    with pytest.raises(ValidationError):
        svc.publikasi_tarik(publikasi=pub, alasan="  ", pengguna=sekretaris)
    svc.publikasi_tarik(publikasi=pub, alasan="Salah unggah", pengguna=sekretaris)
    pub.refresh_from_db()
    assert pub.ditarik and pub.ditarik_alasan == "Salah unggah"
    assert client.get(f"/publik/dokumen/{pub.pk}/x.pdf").status_code == 404
    assert client.get("/publik/dokumen/999999/x.pdf").status_code == 404
    assert "Laporan Kinerja Tahun 2023" not in client.get("/publik/").content.decode()


def test_publikasi_public_page_has_no_link_behind_login(client, sekretaris):
    svc.publikasi_terbitkan(sumber=_lkj(), pengguna=sekretaris)
    html = client.get("/publik/").content.decode()
    hrefs = [h for h in re.findall(r'href="([^"]+)"', html) if not h.startswith("/static/")]
    assert hrefs
    for h in hrefs:
        nama = resolve(h.split("?")[0]).view_name
        assert nama.startswith("publik:"), h
        assert client.get(h).status_code == 200, h
    assert "/masuk/" not in html and "<script" not in html and "style=" not in html


def test_publikasi_cache_shows_new_document(client, sekretaris):
    assert "Laporan Kinerja" not in client.get("/publik/").content.decode()
    svc.publikasi_terbitkan(sumber=_lkj(), pengguna=sekretaris)
    assert "Laporan Kinerja Tahun 2023" in client.get("/publik/").content.decode()


def test_publikasi_public_page_rate_limited(client, settings):
    settings.PUBLIK_BATAS_LAJU = 3
    for _ in range(3):
        assert client.get("/publik/").status_code == 200
    r = client.get("/publik/")
    assert r.status_code == 429
    assert "Terlalu banyak permintaan" in r.content.decode()


def test_lkj_dipublikasikan_rule(sekretaris):
    assert u.lkj_dipublikasikan(2023)[0] == "E"
    lkj = _lkj()
    jawaban, alasan, _ = u.lkj_dipublikasikan(2023)
    assert (jawaban, alasan) == ("C", "LKj 2023 versi 1 sudah final tetapi belum dipublikasikan.")
    svc.publikasi_terbitkan(sumber=lkj, pengguna=sekretaris)
    jawaban, alasan, bukti = u.lkj_dipublikasikan(2023)
    assert jawaban == "A"
    assert alasan.startswith(
        "LKj 2023 dipublikasikan 2 November 2026, terlambat (batas 31 Maret 2024"
    )
    assert ("Halaman publik", "/publik/") in bukti


def test_publikasi_staff_page_and_publish_button(client, sekretaris):
    lkj = _lkj()
    PerjanjianKinerjaFactory(status=PerjanjianKinerja.Status.DRAFT)
    client.force_login(sekretaris)
    r = client.get("/kinerja/publikasi/?tahun=2023")
    assert r.status_code == 200
    r = client.post("/kinerja/publikasi/terbitkan/", {"model": "laporankinerja", "id": lkj.pk})
    assert r.status_code == 302
    assert Publikasi.objects.filter(jenis="lkj", ditarik=False).count() == 1
    pub = Publikasi.objects.get()
    r = client.post(f"/kinerja/publikasi/{pub.pk}/tarik/", {"alasan": ""})
    assert r.status_code == 400


def _renstra_lengkap():
    from .factories import IndikatorFactory, MisiFactory, SasaranFactory, TujuanFactory

    renstra = RenstraFactory(nama="Rencana Strategis KPU Kota Uji 2020–2024")
    MisiFactory(renstra=renstra, uraian="Meningkatkan kualitas penyelenggaraan pemilu")
    tujuan = TujuanFactory(renstra=renstra, uraian="Terwujudnya pemilu yang berintegritas " * 4)
    sasaran = SasaranFactory(tujuan=tujuan, uraian="Meningkatnya partisipasi pemilih " * 5)
    ind = IndikatorFactory(
        sasaran=sasaran,
        kode="IKSS 1",
        uraian="Persentase pemilih terdaftar yang menggunakan hak pilih " * 3,
    )
    for tahun, nilai in zip(range(2020, 2025), ("75", "77.5", "80", "82.25", "100"), strict=True):
        ind.target.create(tahun=tahun, target=nilai)
    return renstra


def test_renstra_pdf_shows_period_sasaran_and_targets_inside_the_page(client, auditor):
    from tests.lkj.halaman_pdf import teks_di_luar
    from tests.lkj.test_halaman_pdf import KANAN_MM, KIRI_MM

    renstra = _renstra_lengkap()
    client.force_login(auditor)
    r = client.get(f"/kinerja/renstra/{renstra.pk}/pdf/")
    assert r.status_code == 200
    assert r["Content-Type"] == "application/pdf"
    assert "Renstra-2020-2024.pdf" in r["Content-Disposition"]
    pdf = r.content
    assert teks_di_luar(pdf, kiri_mm=KIRI_MM, kanan_mm=KANAN_MM) == []
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        teks = " ".join((p.extract_text() or "") for p in doc.pages)
    for kata in ("RENCANA STRATEGIS", "2020–2024", "Visi uji", "Sasaran", "IKSS 1", "82,25"):
        assert kata in teks, kata
    halaman = client.get(f"/kinerja/renstra/{renstra.pk}/").content.decode()
    assert f"/kinerja/renstra/{renstra.pk}/pdf/" in halaman


def test_renstra_published_from_the_app_and_refused_without_indikator(sekretaris):
    kosong = RenstraFactory(tahun_mulai=2015, tahun_selesai=2019)
    with pytest.raises(ValidationError) as e:
        svc.publikasi_terbitkan(sumber=kosong, pengguna=sekretaris)
    assert "belum memuat sasaran strategis dan indikator" in e.value.messages[0]
    pub = svc.publikasi_terbitkan(sumber=_renstra_lengkap(), pengguna=sekretaris)
    assert (pub.jenis, pub.tahun, pub.judul) == ("renstra", 2020, "Rencana Strategis 2020–2024")
    assert pub.berkas.read(5) == b"%PDF-"


def test_demo_reviews_finalises_and_publishes_the_lkj_2023(client, auditor):
    """Issue 18's done-when on ``muat_demo``: v1 a reviewed draft, v2 final with the statement
    printed, the year locked, the plans, agreements and the final LKj on the public page before
    the LKE deadline, and the public download the Auditor's bytes."""
    import io

    import pdfplumber
    from django.core.management import call_command

    from kinerja import selectors_lke
    from kinerja.model_lke import LembarKerjaEvaluasi
    from kinerja.selectors import kinerja_tahun_lock

    call_command("muat_demo", stdout=io.StringIO())
    call_command("muat_demo", stdout=io.StringIO())  # idempotent: nothing published twice
    versi = list(LaporanKinerja.objects.filter(tahun=2023).order_by("versi"))
    assert [(v.versi, v.draf, v.status) for v in versi] == [
        (1, True, "selesai"),
        (2, False, "final"),
    ]
    final = versi[1]
    assert final.difinalkan_pada == dt.datetime(2024, 2, 26, 14, tzinfo=WIB)
    assert kinerja_tahun_lock(2023)
    with pdfplumber.open(final.berkas.path) as pdf:
        teks = [page.extract_text() or "" for page in pdf.pages]
    halaman = [i for i, t in enumerate(teks) if "01/PW.01/REVIU-LKJ/2024 (contoh)" in t]
    assert len(halaman) == 1 and "PERNYATAAN TELAH DIREVIU" in teks[halaman[0]]
    halaman = halaman[0]
    assert "LAMPIRAN" in "".join(teks[halaman + 1 :]).upper()

    pub = list(Publikasi.objects.order_by("jenis", "judul"))
    jenis = [p.jenis for p in pub]
    assert jenis.count("renstra") == 1 and jenis.count("iku") == 1 and jenis.count("rkt") == 1
    assert jenis.count("pk") == 1 and jenis.count("pk_unit") == 4 and jenis.count("lkj") == 1
    batas = dt.datetime(2024, 3, 31, tzinfo=WIB)
    assert all(
        p.diterbitkan_pada < batas and p.diterbitkan_oleh.username == "sekretaris" for p in pub
    )
    lkj = next(p for p in pub if p.jenis == "lkj")
    halaman_publik = client.get("/publik/").content.decode()
    assert "Rencana Strategis 2020–2024" in halaman_publik
    assert "Perjanjian Kinerja 2023 Sekretaris" in halaman_publik
    assert lkj.judul in halaman_publik and final.sha256 in halaman_publik
    assert "28 Februari 2024" in halaman_publik
    tautan = re.search(rf'href="(/publik/dokumen/{lkj.pk}/[^"]+)"', halaman_publik).group(1)
    isi_publik = b"".join(client.get(tautan).streaming_content)
    client.force_login(auditor)
    isi_auditor = b"".join(client.get(f"/kinerja/lkj/versi/{final.pk}/unduh/").streaming_content)
    assert isi_publik == isi_auditor and hashlib.sha256(isi_publik).hexdigest() == final.sha256

    # The LKE 2023 proposals read the final, published LKj: 3.a.1, 3.a.3, 3.a.5 and 3.a.6 are
    # no longer T/E as in the core demo (tests/kinerja/test_lke_demo.py, 72,76). Each is 0,50 of
    # the 3,00 of 3.a (Pelaporan 15 x 20% over six criteria): 72,76 + 4 x 0,50 = 74,76.
    lke = LembarKerjaEvaluasi.objects.get(tahun=2023)
    usulan = {
        str(j.kriteria): j.usulan
        for j in lke_jawaban(lke).filter(kriteria__sub__kode="3.a").exclude(usulan="")
    }
    assert usulan == {f"3.a.{n}": "Y" for n in range(1, 7)}
    assert selectors_lke.lke_ringkasan(lke=lke)["total"] == Decimal("74.76")


def lke_jawaban(lke):
    from kinerja.model_lke import JawabanLke

    return JawabanLke.objects.filter(kriteria__sub__komponen__lke=lke).select_related(
        "kriteria__sub"
    )


def test_both_public_pages_share_the_public_layout_without_staff_links(client):
    from sekretariat.models import Satker

    satker = Satker.objects.create(
        nama="Sekretariat KPU Kota Uji",
        tingkat="kota",
        nama_wilayah="Kota Uji",
        kode_satker="123456",
    )
    for url in ("/publik/", "/publik/pengumuman/"):
        html = client.get(url).content.decode()
        assert "/masuk/" not in html and "/kinerja/" not in html and "<script" not in html, url
        assert 'href="/publik/"' in html and 'href="/publik/pengumuman/"' in html, url
        assert satker.nama in html, url
