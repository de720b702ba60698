"""End to end in a real browser: Staf enters a quarterly realisasi with evidence, Kasubag
verifies, Sekretaris approves and has the LKj rendered (watching the progress bar), downloads,
finalises and publishes it; the Auditor downloads it and is refused an edit page; a visitor
without an account downloads the same bytes from the public page."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.lkj_draf]

PDF_BUKTI = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _indikator_perencanaan():
    from kinerja.models import Indikator

    return Indikator.objects.filter(sasaran__unit__kode="perencanaan").order_by("kode").first()


def test_realisasi_workflow_then_lkj_then_auditor(
    demo_live, pekerja, masuk_peramban, peramban, live_server, tmp_path
):
    from kinerja.lkj.models import LaporanKinerja
    from kinerja.models import Realisasi

    indikator = _indikator_perencanaan()
    halaman_isi = f"/kinerja/realisasi/2024/{indikator.pk}/tw1/"

    # Staf of the owning sub-bagian enters TW I 2024 with a PDF as evidence, then submits.
    staf = masuk_peramban("staf.perencanaan")
    staf.buka(halaman_isi)
    staf.page.fill("#id_nilai", "97,5")
    staf.page.fill("#id_target_periode", "100")
    staf.page.fill("#id_analisis", "Kegiatan triwulan I berjalan sesuai jadwal.")
    staf.foto("isi-realisasi")
    staf.page.get_by_role("button", name="Simpan").click()
    staf.page.get_by_role("button", name=re.compile("^Ajukan")).wait_for()
    bukti = tmp_path / "laporan-tw1.pdf"
    bukti.write_bytes(PDF_BUKTI)
    staf.page.set_input_files("input[name=berkas]", str(bukti))
    staf.page.fill("input[name=keterangan]", "Laporan kegiatan TW I")
    staf.page.get_by_role("button", name="Tambah bukti").click()
    staf.page.get_by_text("Laporan kegiatan TW I").wait_for()
    staf.page.get_by_role("button", name=re.compile("^Ajukan")).click()
    staf.page.wait_for_load_state()
    staf.foto("diajukan")
    realisasi = Realisasi.objects.get(indikator=indikator, tahun=2024, periode="tw1")
    assert realisasi.status == "diajukan" and realisasi.nilai == 97.5
    assert realisasi.bukti.count() == 1

    # Kasubag finds it in the verification queue and verifies.
    kasubag = masuk_peramban("kasubag.perencanaan")
    kasubag.buka("/kinerja/verifikasi/")
    kasubag.page.get_by_text(indikator.kode).first.wait_for()
    kasubag.foto("antrean")
    kasubag.buka(halaman_isi)
    kasubag.page.get_by_role("button", name=re.compile("^Verifikasi")).click()
    kasubag.page.wait_for_load_state()
    kasubag.foto("diverifikasi")
    realisasi.refresh_from_db()
    assert realisasi.status == "diverifikasi"

    # Sekretaris approves; the row is then locked.
    sekretaris = masuk_peramban("sekretaris")
    sekretaris.buka(halaman_isi)
    sekretaris.page.get_by_role("button", name=re.compile("^Setujui")).click()
    sekretaris.page.wait_for_load_state()
    sekretaris.foto("disetujui")
    realisasi.refresh_from_db()
    assert realisasi.status == "disetujui"

    # Sekretaris requests the LKj 2023 and watches the progress bar until the download appears.
    sekretaris.buka("/kinerja/lkj/2023/")
    # The demo's one blocking finding (IKSS 10, Masa Kampanye: capaian 100% with 22,75% of its
    # budget absorbed) is marked explained by the Sekretaris; the check is then clean.
    sekretaris.page.get_by_role("button", name="Tandai sudah dijelaskan").click()
    sekretaris.page.wait_for_load_state()
    sekretaris.page.get_by_text("Pemeriksaan bersih").wait_for()
    sekretaris.foto("lkj-pemeriksaan")
    sekretaris.page.get_by_role("button", name=re.compile("^Susun laporan")).click()
    sekretaris.page.locator("#progres-laporan").wait_for()
    sekretaris.foto("lkj-progres")
    unduh = sekretaris.page.locator("#unduh-pdf")
    terlihat = []
    for _ in range(600):  # the htmx poll moves the bar; watch it until the download appears
        if unduh.is_visible():
            break
        bar = sekretaris.page.locator("[role=progressbar]")
        if bar.count():
            terlihat.append(bar.first.get_attribute("aria-valuenow"))
        sekretaris.page.wait_for_timeout(200)
    unduh.wait_for(timeout=10_000)
    assert sekretaris.page.locator("[role=progressbar]").get_attribute("aria-valuenow") == "100"
    sekretaris.foto("lkj-selesai")
    with sekretaris.page.expect_download() as info:
        unduh.click()
    pdf = tmp_path / "lkj-sekretaris.pdf"
    info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    laporan = LaporanKinerja.objects.filter(tahun=2023).latest("versi")  # the demo has v1
    assert laporan.versi == 2
    assert laporan.status == "selesai" and not laporan.draf

    sekretaris.page.on("dialog", lambda dialog: dialog.accept())
    sekretaris.page.get_by_role("button", name=re.compile("^Finalkan")).click()
    sekretaris.page.get_by_text("difinalkan").first.wait_for()
    sekretaris.foto("lkj-final")
    laporan.refresh_from_db()
    assert laporan.status == "final"

    # The Auditor downloads the final version and is refused the narrative edit page.
    auditor = masuk_peramban("auditor")
    auditor.buka("/kinerja/lkj/")
    auditor.foto("daftar-final")
    with auditor.page.expect_download() as info:
        auditor.page.get_by_role("link", name="Unduh PDF").first.click()
    pdf_auditor = tmp_path / "lkj-auditor.pdf"
    info.value.save_as(pdf_auditor)
    assert pdf_auditor.read_bytes() == pdf.read_bytes()
    respons = auditor.buka("/kinerja/lkj/2023/naskah/")
    assert respons.status == 403
    auditor.page.get_by_text("tidak memiliki hak akses").wait_for()
    auditor.foto("ditolak-ubah-naskah")

    # The Sekretaris publishes the final version; a visitor without an account finds it on the
    # public page with its SHA-256 and downloads exactly the Auditor's file.
    sekretaris.buka("/kinerja/publikasi/?tahun=2023")
    baris = sekretaris.page.locator("li", has_text=f"{laporan} (final)")
    baris.get_by_role("button", name="Terbitkan").click()
    sekretaris.page.wait_for_load_state()
    baris.get_by_text("diterbitkan").wait_for()
    sekretaris.foto("lkj-diterbitkan")
    tamu = peramban.new_context(accept_downloads=True, locale="id-ID")
    halaman = tamu.new_page()
    halaman.goto(f"{live_server.url}/publik/")
    halaman.get_by_text(laporan.sha256).wait_for()
    # The public link shows the PDF inline (Content-Disposition: inline), so the bytes are
    # fetched through the visitor's own browser context, without any login cookie.
    href = halaman.get_by_role("link", name=re.compile("^Laporan Kinerja")).first.get_attribute(
        "href"
    )
    unduhan = tamu.request.get(f"{live_server.url}{href}")
    assert unduhan.ok and unduhan.headers["content-type"] == "application/pdf"
    pdf_publik = tmp_path / "lkj-publik.pdf"
    pdf_publik.write_bytes(unduhan.body())
    tamu.close()
    assert pdf_publik.read_bytes() == pdf_auditor.read_bytes()
