"""LKE pages (issue 18, item 3/5): the worksheet with scores, grade, proposals and evidence
links; the answer form (a rejected form keeps the input, the message at the field); the
evaluator's form for the Auditor only; the weights form; the report as a page and an A4 PDF
with no character outside its page."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kinerja.model_lke import JawabanLke
from kinerja.services import lke as svc
from tests.lkj.halaman_pdf import teks_di_luar

from .factories import RenstraFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lke(sekretaris):
    RenstraFactory()
    lke = svc.lke_buat(pengguna=sekretaris, tahun=2023)
    svc.usulan_hitung(pengguna=sekretaris, lke=lke)
    return lke


def _j(lke, kode, nomor):
    return JawabanLke.objects.get(
        kriteria__sub__komponen__lke=lke, kriteria__sub__kode=kode, kriteria__nomor=nomor
    )


def test_worksheet_page_shows_proposal_reason_link_and_totals(client, kasubag, lke):
    JawabanLke.objects.filter(kriteria__sub__kode="2.b").update(jawaban="A")  # 9,00
    client.force_login(kasubag)
    r = client.get("/kinerja/lke/2023/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "Renstra 2020–2024 (Renstra uji) mencakup tahun 2023." in html
    assert f'href="/kinerja/renstra/{_renstra_pk()}/"' in html
    assert "9,00" in html and "Predikat <strong>D</strong>" in html
    assert "Hitung usulan dari data" in html
    assert "Ubah bobot" not in html  # the structure is the Sekretaris's
    assert "/evaluator/" not in html  # the evaluator's link is the Auditor's


def _renstra_pk():
    from kinerja.models import Renstra

    return Renstra.objects.get().pk


def test_confirm_button_takes_the_proposal(client, kasubag, lke):
    client.force_login(kasubag)
    j = _j(lke, "1.a", 3)
    r = client.post(f"/kinerja/lke/jawaban/{j.pk}/konfirmasi/")
    assert r.status_code == 302
    j.refresh_from_db()
    assert j.jawaban == "Y" and j.dikonfirmasi_oleh == kasubag


def test_answer_form_rejected_keeps_input_and_names_the_field(client, kasubag, lke):
    client.force_login(kasubag)
    j = _j(lke, "1.a", 1)
    url = f"/kinerja/lke/jawaban/{j.pk}/"
    assert client.get(url).status_code == 200
    palsu = SimpleUploadedFile("pedoman.pdf", b"bukan pdf", "application/pdf")
    r = client.post(
        url, {"jawaban": "Y", "catatan": "Pedoman ada di lemari", "tautan": "", "berkas": palsu}
    )
    assert r.status_code == 400
    html = r.content.decode()
    assert "Pedoman ada di lemari" in html
    assert "Isi berkas pedoman.pdf bukan jenis yang diizinkan" in html
    assert r.context["form"].errors["berkas"]
    r = client.post(url, {"jawaban": "A", "catatan": "x"})
    assert r.status_code == 400
    assert r.context["form"].errors["jawaban"] == [
        "Jawaban 'A' di luar skala sub-komponen 1.a (Pemenuhan (Y/T)): pilih Y, T."
    ]
    j.refresh_from_db()
    assert j.jawaban == "" and j.catatan == ""
    r = client.post(url, {"jawaban": "Y", "catatan": "Ada", "tautan": "https://jdih.kpu.go.id/x"})
    assert r.status_code == 302
    j.refresh_from_db()
    assert (j.jawaban, j.tautan) == ("Y", "https://jdih.kpu.go.id/x")


def test_evaluator_form_auditor_only(client, auditor, sekretaris, lke):
    j = _j(lke, "1.b", 1)
    url = f"/kinerja/lke/jawaban/{j.pk}/evaluator/"
    client.force_login(sekretaris)
    assert client.get(url).status_code == 403
    assert client.post(url, {"jawaban_evaluator": "A"}).status_code == 403
    client.force_login(auditor)
    assert client.get(url).status_code == 200
    r = client.post(url, {"jawaban_evaluator": "Y", "catatan_evaluator": "Cek"})
    assert r.status_code == 400 and "Cek" in r.content.decode()
    assert client.post(url, {"jawaban_evaluator": "B"}).status_code == 302
    j.refresh_from_db()
    assert j.jawaban_evaluator == "B"
    assert "Nilai evaluator" in client.get("/kinerja/lke/2023/").content.decode()


def test_weights_form_message_names_component(client, sekretaris, lke):
    client.force_login(sekretaris)
    url = "/kinerja/lke/2023/bobot/"
    form = client.get(url).context["form"]
    data = {name: str(f.initial) for name, f in form.fields.items()}
    data["bobot_2.a"] = "7"
    r = client.post(url, data)
    assert r.status_code == 400
    assert (
        "Komponen 2 Pengukuran Kinerja: jumlah bobot sub-komponen 31,00, harus sama dengan "
        "bobot komponen 30,00." in r.content.decode()
    )


def test_report_page_and_pdf_inside_the_page(client, komisioner, lke):
    JawabanLke.objects.filter(kriteria__sub__komponen__lke=lke).update(
        catatan="Catatan panjang " * 20
    )
    client.force_login(komisioner)
    r = client.get("/kinerja/lke/2023/laporan/")
    assert r.status_code == 200 and "LAPORAN PENILAIAN MANDIRI" in r.content.decode()
    r = client.get("/kinerja/lke/2023/laporan.pdf")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert teks_di_luar(r.content, kiri_mm=28, kanan_mm=22) == []


def test_create_from_list_page(client, sekretaris, kasubag):
    client.force_login(kasubag)
    assert client.post("/kinerja/lke/buat/", {"tahun": "2024"}).status_code == 403
    client.force_login(sekretaris)
    r = client.post("/kinerja/lke/buat/", {"tahun": "2024"})
    assert r.status_code == 302 and r["Location"] == "/kinerja/lke/2024/"
    r = client.post("/kinerja/lke/buat/", {"tahun": "2024"})
    assert r.status_code == 400 and "LKE 2024 sudah ada." in r.content.decode()


def test_report_pdf_keeps_the_criterion_number_and_answer_heading_whole(client, komisioner, lke):
    """The number (1.b.10) and the "Jawaban" heading fit their columns: not broken in two."""
    import io

    import pdfplumber

    client.force_login(komisioner)
    r = client.get("/kinerja/lke/2023/laporan.pdf")
    with pdfplumber.open(io.BytesIO(r.content)) as pdf:
        kata = {w["text"] for p in pdf.pages for w in p.extract_words()}
    assert {"1.b.10", "1.b.11", "Jawaban"} <= kata
