"""In a real browser: a visitor without an account sends a public comment (tanggapan masyarakat)
on a PPS applicant during the comment window, confirmed by the page's proof-of-work script; the
Kasubag Teknis finds it on the applicant's page and records the clarification ("tidak
berpengaruh"); the Sekretaris' dashboard shows it, and the next berita acara (of the public
comments, asked for on the documents page, rendered by the worker in the service run, issued
with its number) counts it."""

from __future__ import annotations

import io
import re
from datetime import timedelta
from pathlib import Path

import pdfplumber
import pytest

pytestmark = pytest.mark.browser

ISI = "Pendaftar ini tercatat sebagai pengurus partai di kelurahan kami (contoh uji)."


def _jendela_buka():
    """The PPS 2024 recruitment with its "tanggapan" stage moved around today (the browser keeps
    the real clock, so the demo's 2022 dates are closed), and one of its applicants."""
    from django.utils import timezone

    from badan_adhoc.models import Pendaftar, Rekrutmen, TahapanRekrutmen

    rekrutmen = Rekrutmen.objects.filter(jenis_badan="pps").order_by("pk").first()
    hari_ini = timezone.localdate()
    n = TahapanRekrutmen.objects.filter(rekrutmen=rekrutmen, tahap="tanggapan").update(
        mulai=hari_ini - timedelta(days=1), selesai=hari_ini + timedelta(days=1)
    )
    assert n == 1
    pendaftar = (
        Pendaftar.objects.filter(rekrutmen=rekrutmen, tanggapan__isnull=True).order_by("pk").first()
    )
    return rekrutmen, pendaftar


def test_public_comment_reaches_the_applicant_page_the_dashboard_and_the_berita_acara(
    demo_live, pekerja, peramban, live_server, masuk_peramban
):
    from badan_adhoc.model_tanggapan import TanggapanMasyarakat
    from badan_adhoc.selectors import tanggapan_hitung
    from tests.browser.conftest import ARTEFAK

    rekrutmen, pendaftar = _jendela_buka()
    sebelum = tanggapan_hitung(rekrutmen)

    # 1. A visitor without an account, on a phone-sized screen.
    tamu = peramban.new_context(viewport={"width": 390, "height": 844}, locale="id-ID")
    page = tamu.new_page()
    page.set_default_timeout(90_000)
    page.goto(f"{live_server.url}/publik/rekrutmen/{rekrutmen.pk}/tanggapan/")
    page.get_by_role("heading", name="Tanggapan masyarakat").wait_for()
    page.fill("#id_nama", "Warga Uji")
    page.fill("#id_kontak", "081200001111")
    page.fill("#id_nomor_pendaftaran", str(pendaftar.pk))
    page.fill("#id_isi", ISI)
    # the page's script finds the proof-of-work; the code need not be typed
    page.get_by_text("Konfirmasi otomatis selesai").wait_for()
    assert page.input_value("input[name=nonce]") != ""
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(ARTEFAK / "tanggapan-tamu-01-formulir.png"), full_page=True)
    page.get_by_role("button", name="Kirim tanggapan").click()
    page.get_by_text("Tanggapan Anda telah diterima").wait_for()
    page.screenshot(path=str(ARTEFAK / "tanggapan-tamu-02-terkirim.png"), full_page=True)
    # never shows the stored comments
    assert ISI not in page.content()
    tamu.close()

    t = TanggapanMasyarakat.objects.get(pendaftar=pendaftar)
    assert (t.nama, t.isi, t.hasil) == ("Warga Uji", ISI, "")

    # 2. The Kasubag Teknis reads it on the applicant's page and records the follow-up.
    kasubag = masuk_peramban("kasubag.teknis")
    kasubag.buka(f"/adhoc/pendaftar/{pendaftar.pk}/")
    kartu = kasubag.page.locator("#tanggapan")
    kartu.get_by_text(ISI).wait_for()
    assert "Warga Uji" in kartu.inner_text()
    kasubag.foto("tanggapan-masuk")
    kartu.get_by_label("Klarifikasi").fill(
        "Dicek ke KPU RI: tidak terdaftar sebagai pengurus partai."
    )
    kartu.get_by_label("Hasil", exact=True).select_option("tidak_berpengaruh")
    kartu.get_by_label("Alasan").fill("Tidak terdapat dalam Sipol; hasil seleksi tetap.")
    kartu.get_by_role("button", name="Simpan tindak lanjut").click()
    kasubag.page.get_by_text("Tindak lanjut tanggapan disimpan.").wait_for()
    kasubag.page.locator("#tanggapan").get_by_text("Tidak terdapat dalam Sipol").wait_for()
    kasubag.foto("tindak-lanjut")
    t.refresh_from_db()
    assert t.hasil == "tidak_berpengaruh" and t.ditangani_oleh.username == "kasubag.teknis"

    # 3. The dashboard (Sekretaris, year of the PPS recruitment) and the berita acara's count.
    sesudah = tanggapan_hitung(rekrutmen)
    assert sesudah["jumlah"] == sebelum["jumlah"] + 1
    assert sesudah["tidak_berpengaruh"] == sebelum["tidak_berpengaruh"] + 1
    sekretaris = masuk_peramban("sekretaris")
    sekretaris.buka("/?tahun=2023&segar=1")
    baris = sekretaris.page.get_by_role("row").filter(
        has=sekretaris.page.get_by_role("link", name=rekrutmen.nama, exact=True)
    )
    baris.wait_for()
    kolom = baris.locator("td").nth(5).inner_text()
    assert kolom.split()[0] == str(sesudah["jumlah"]), kolom
    sekretaris.foto("dasbor")

    # 4. The next berita acara: the Kasubag asks for the berita acara of the public comments,
    # waits for the render, issues it with its number, and downloads the issued copy.
    from badan_adhoc.dokumen.models import DokumenRekrutmen

    kasubag.buka(f"/adhoc/rekrutmen/{rekrutmen.pk}/dokumen/")
    kasubag.page.select_option("#minta-jenis", "ba_tanggapan")
    kasubag.page.get_by_role("button", name="Susun dokumen").click()
    kasubag.page.locator("#unduh-dokumen").wait_for(timeout=120_000)
    kasubag.page.once("dialog", lambda dialog: dialog.accept())
    kasubag.page.get_by_role("button", name="Terbitkan bernomor").click()
    # the issued copy's page: its number, and a re-issue button in place of the first issue
    kasubag.page.get_by_role("button", name="Terbitkan ulang (nomor baru)").wait_for()
    unduh = kasubag.page.locator("#unduh-dokumen")
    unduh.wait_for(timeout=120_000)
    kasubag.foto("berita-acara-tanggapan")
    with kasubag.page.expect_download() as info:
        unduh.click()
    data = Path(info.value.path()).read_bytes()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        teks = " ".join((h.extract_text() or "") for h in pdf.pages)
    teks = " ".join(teks.split())
    terbit = DokumenRekrutmen.objects.filter(
        rekrutmen=rekrutmen, jenis="ba_tanggapan", nomor_terbit__isnull=False
    ).latest("pk")
    assert f"Nomor: {terbit.nomor_terbit.nomor}" in teks
    assert re.search(rf"Tanggapan diterima {sesudah['jumlah']}\b", teks), teks
    assert re.search(rf"Tidak berpengaruh pada hasil {sesudah['tidak_berpengaruh']}\b", teks)
