"""LHE pages (issue 18, item 4): list, detail with findings and follow-up, the forms (a refused
form keeps the input and shows the message at its field), the Rekap tindak lanjut as page and
PDF (every character inside the A4 page), and the demo."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from kinerja.lkj.preflight import lkj_preflight
from kinerja.model_lhe import LaporanHasilEvaluasi, TemuanEvaluasi, TindakLanjut
from kinerja.services import lhe as svc
from tests.conftest import demo_inti_muat

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    demo_inti_muat()
    return LaporanHasilEvaluasi.objects.get(tahun=2022)


def test_demo_lhe_three_findings_one_per_status(demo):
    status = dict(demo.temuan.values_list("nomor", "status"))
    assert status == {1: "selesai", 2: "proses", 3: "belum"}
    assert demo.predikat == "B"
    assert LaporanHasilEvaluasi.objects.get(tahun=2023).predikat == "BB"
    assert demo.tanggal.year == 2023
    assert LaporanHasilEvaluasi.objects.get(tahun=2023).tanggal.year == 2024
    assert TindakLanjut.objects.filter(temuan__lhe=demo).count() == 2
    tiga = demo.temuan.get(nomor=3)
    assert tiga.batas_waktu < dt.date(2026, 11, 2) and not tiga.tindak_lanjut.exists()
    # idempotent
    demo_inti_muat()
    assert TemuanEvaluasi.objects.count() == 3


def test_lhe_list_and_detail_show_findings_status_and_overdue(client, demo, komisioner):
    client.force_login(komisioner)
    r = client.get("/kinerja/lhe/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "68,42" in html and "72,15" in html and ">BB<" in html
    r = client.get(f"/kinerja/lhe/{demo.pk}/")
    html = r.content.decode()
    assert r.status_code == 200
    assert html.count("Terlambat</span>") == 2  # no. 2 and 3: open, deadline in 2023
    assert "Belum ada tindak lanjut." in html
    assert "notulen-reviu-iku-contoh.pdf" in html
    assert "Catat tindak lanjut" not in html and "Tambah temuan" not in html


def test_lhe_form_refused_keeps_input_and_names_field(client, demo, auditor):
    client.force_login(auditor)
    r = client.post(
        f"/kinerja/lhe/{demo.pk}/temuan/baru/",
        {
            "uraian": "Uraian temuan baru",
            "rekomendasi": "Rekomendasi baru",
            "unit": demo.temuan.first().unit_id,
            "batas_waktu": "2023-04-01",
        },
    )
    assert r.status_code == 400
    html = r.content.decode()
    assert "Batas waktu 01-04-2023 sebelum tanggal LHE (17-04-2023)." in html
    assert "Uraian temuan baru" in html
    assert r.context["form"].errors["batas_waktu"]
    assert TemuanEvaluasi.objects.count() == 3


def test_tindak_lanjut_on_closed_finding_refused_at_the_page(client, demo, sekretaris):
    client.force_login(sekretaris)
    satu = demo.temuan.get(nomor=1)
    r = client.post(
        f"/kinerja/lhe/temuan/{satu.pk}/tindak-lanjut/",
        {"tanggal": "2026-10-01", "uraian": "Lagi", "tautan": "https://contoh.go.id/x"},
    )
    assert r.status_code == 400
    assert "sudah selesai (diterima Sekretaris)" in r.content.decode()
    assert satu.tindak_lanjut.count() == 1


def test_tindak_lanjut_then_accept_through_the_pages(client, demo, sekretaris, kasubag):
    tiga = demo.temuan.get(nomor=3)
    client.force_login(kasubag)
    r = client.post(
        f"/kinerja/lhe/temuan/{tiga.pk}/tindak-lanjut/",
        {"tanggal": "2026-10-01", "uraian": "LKj 2025 dipublikasikan", "tautan": "https://a.id/"},
    )
    assert r.status_code == 302
    tiga.refresh_from_db()
    assert tiga.status == "proses"
    assert client.get(f"/kinerja/lhe/temuan/{tiga.pk}/terima/").status_code == 403
    client.force_login(sekretaris)
    r = client.post(f"/kinerja/lhe/temuan/{tiga.pk}/terima/", {"catatan": "Sudah tayang."})
    assert r.status_code == 302
    tiga.refresh_from_db()
    assert tiga.status == "selesai"


def test_rekap_page_and_pdf_inside_a4(client, demo, auditor):
    from tests.lkj.halaman_pdf import teks_di_luar

    client.force_login(auditor)
    r = client.get(f"/kinerja/lhe/{demo.pk}/rekap/")
    assert r.status_code == 200
    assert "REKAP TINDAK LANJUT" in r.content.decode()
    r = client.get(f"/kinerja/lhe/{demo.pk}/rekap/?format=pdf")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert teks_di_luar(r.content, kiri_mm=28, kanan_mm=22) == []
    import pdfplumber

    with pdfplumber.open(io.BytesIO(r.content)) as pdf:
        halaman = pdf.pages[0]
        assert (round(halaman.width), round(halaman.height)) == (595, 842)  # A4
        for p in pdf.pages:
            for c in p.chars:
                assert c["x0"] >= 0 and c["x1"] <= p.width and c["top"] >= 0
                assert c["bottom"] <= p.height
        teks = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert "Terlambat" in teks and "Selesai" in teks
    # the number column is wide enough for its header: "No" on one line, not "N" over "o"
    assert any(b.split()[:1] == ["No"] for b in teks.splitlines())


def test_unduh_follow_up_evidence_and_lhe_document(client, demo, komisioner):
    client.force_login(komisioner)
    tl = TindakLanjut.objects.exclude(berkas="").get()
    r = client.get(f"/kinerja/lhe/tindak-lanjut/{tl.pk}/unduh/")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert b"".join(r.streaming_content).startswith(b"%PDF-")
    assert client.get(f"/kinerja/lhe/{demo.pk}/unduh/").status_code == 200


def test_demo_preflight_lkj_2023_lists_open_findings_of_2022(demo):
    pesan = [t.pesan for t in lkj_preflight(tahun=2023) if t.jenis == "temuan_evaluasi"]
    assert pesan == [
        "Temuan evaluasi 2022 no. 2 (Sub Bagian Keuangan, Umum dan Logistik) belum selesai "
        "ditindaklanjuti (batas 30-09-2023, terlambat).",
        "Temuan evaluasi 2022 no. 3 (Sub Bagian Perencanaan, Data dan Informasi) belum selesai "
        "ditindaklanjuti (batas 31-12-2023, terlambat).",
    ]


def test_svc_boleh_isi_lhe_only_auditor_admin(personas):
    assert {p for p, u in personas.items() if svc.boleh_isi_lhe(u)} == {"Admin", "Auditor"}


def test_dasbor_pimpinan_shows_open_and_overdue_findings(client, demo, sekretaris, komisioner):
    for user in (sekretaris, komisioner):
        client.force_login(user)
        html = client.get("/").content.decode()
        assert "Temuan evaluasi terbuka" in html
        assert "data-temuan-terbuka>2<" in html
        assert "data-temuan-terlambat>2 melewati batas waktu" in html
        assert "/kinerja/lhe/" in html


def test_beranda_unit_lists_the_units_open_findings(client, demo, kasubag, staf_keuangan):
    client.force_login(kasubag)  # Perencanaan: finding no. 3 (no. 1 is closed)
    html = client.get("/").content.decode()
    assert 'data-tugas="temuan_lhe"' in html
    assert "Temuan evaluasi 2022 no. 3" in html and "no. 1:" not in html
    client.force_login(staf_keuangan)
    html = client.get("/").content.decode()
    assert "Temuan evaluasi 2022 no. 2" in html and "no. 3" not in html
