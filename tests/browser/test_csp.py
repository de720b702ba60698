"""In chromium, under the Content-Security-Policy the server sends: every menu page of the
Admin (who sees all of them), the API docs, the Django admin and the pages with their own
behaviour load without a single CSP violation, and what runs on them still works: a chart is
drawn, an htmx filter swaps the list, the budget tree opens and closes, a confirmation asks
before sending, Swagger UI renders."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.browser

# Every CSP violation the page reports, from the first script on (before the page's own).
PENGINTAI = """
window.__pelanggaran = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__pelanggaran.push(e.effectiveDirective + " " + (e.blockedURI || "inline") + " at "
    + (e.sourceFile || location.pathname) + ":" + e.lineNumber);
});
"""


def _halaman_diperiksa() -> list[str]:
    from django.contrib.auth import get_user_model

    from anggaran.models import DokumenAnggaran
    from badan_adhoc.models import Rekrutmen
    from kinerja.models import Indikator
    from kpu_site.navigasi import menu_for

    admin = get_user_model().objects.get(username="admin")
    halaman = ["/"] + [item["url"] for bagian in menu_for(admin) for item in bagian["items"]]
    dipa = DokumenAnggaran.objects.filter(tahun=2023).first()
    indikator = Indikator.objects.order_by("kode").first()
    halaman += [
        reverse("anggaran:dokumen_detail", args=[dipa.pk]),
        reverse("kinerja:pk_cetak", args=[2023]),
        reverse("kinerja:lkj_pratinjau", args=[2023]),
        reverse("kinerja:capaian", args=[2023]),
        reverse("badan_adhoc:rekrutmen_detail", args=[Rekrutmen.objects.first().pk]),
        f"/kinerja/realisasi/2023/{indikator.pk}/tw1/",
        "/organisasi/",
        "/admin/sekretariat/pegawai/",
        "/api/",
        "/tidak-ada-halaman-ini/",
    ]
    return list(dict.fromkeys(halaman))


def test_pages_run_under_the_csp_without_violations(demo_live, masuk_peramban):
    from anggaran.models import DokumenAnggaran

    sesi = masuk_peramban("admin")
    page = sesi.page
    sesi.context.add_init_script(PENGINTAI)
    konsol: list[str] = []
    page.on(
        "console",
        lambda pesan: (
            konsol.append(f"{page.url}: {pesan.text}")
            if "Content Security Policy" in pesan.text
            else None
        ),
    )

    pelanggaran: list[str] = []
    halaman = _halaman_diperiksa()
    assert len(halaman) > 25
    for url in halaman:
        response = sesi.buka(url)
        assert response.status in (200, 404), (url, response.status)
        assert "script-src 'self'" in response.headers["content-security-policy"], url
        page.wait_for_load_state("networkidle")
        if url == "/api/docs/":
            page.locator(".swagger-ui .info .title").wait_for()  # Swagger UI rendered
        pelanggaran += [f"{url}: {p}" for p in page.evaluate("window.__pelanggaran")]
    assert pelanggaran == [] and konsol == []

    # A chart is drawn on the dashboard (server-side SVG, no script, no inline style).
    sesi.buka("/")
    kotak = page.locator("main svg").first.bounding_box()
    assert kotak and kotak["width"] > 100 and kotak["height"] > 50
    sesi.foto("dasbor")

    # htmx: typing in the staff filter swaps the list without a page load.
    sesi.buka(reverse("sekretariat:pegawai_list"))
    jumlah = page.get_by_text(re.compile(r"\d+ pegawai sesuai saringan"))
    assert not jumlah.inner_text().startswith("0 ")
    page.evaluate("window.__dimuat_ulang = false")
    page.fill("input[name=q]", "zzz-tidak-ada")
    page.get_by_text("0 pegawai sesuai saringan").wait_for()
    assert page.evaluate("window.__dimuat_ulang") is False  # same document: htmx swapped
    assert "q=zzz-tidak-ada" in page.url  # hx-push-url
    sesi.foto("pegawai-htmx")

    # The budget tree (static/js/app.js) closes and opens a branch.
    dipa = DokumenAnggaran.objects.filter(tahun=2023).first()
    sesi.buka(reverse("anggaran:dokumen_detail", args=[dipa.pk]))
    tombol = page.locator("#pohon .tree-toggle").first
    baris_anak = page.locator("#pohon tr.tree-row[data-depth='1']").first
    assert baris_anak.is_visible()
    tombol.click()
    assert tombol.get_attribute("aria-expanded") == "false" and baris_anak.is_hidden()
    tombol.click()
    assert baris_anak.is_visible()

    # A confirmation (data-konfirmasi) asks first; cancelling sends nothing.
    pertanyaan: list[str] = []
    page.once("dialog", lambda d: (pertanyaan.append(d.message), d.dismiss()))
    page.get_by_role("button", name="Kunci dokumen").click()
    assert pertanyaan == ["Kunci dokumen ini? Selama dikunci datanya tidak dapat diubah."]
    dipa.refresh_from_db()
    assert dipa.terkunci is False
    sesi.foto("dipa")
    assert page.evaluate("window.__pelanggaran") == [] and konsol == []
