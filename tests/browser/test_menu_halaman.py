"""Every page of every role's navigation menu, on a phone (390x844) and a laptop (1366x900).

For one account of each role in ``kpu_site.demo.AKUN_DEMO`` (and an anonymous visitor on the
public pages) the test opens the home page, each page of the user's menu
(``kpu_site.navigasi.menu_for``) and the pages a user opens from them (a recruitment, its
applicant list, a DIPA tree, an LKj year), at both widths. Each is saved as
``artefak/browser/menu/<role>/<page>-<width>.png``. The test fails, naming every offending page
and width, when the page is wider than the window (the page scrolls sideways) or when axe-core
finds a violation of impact serious or critical.

axe-core comes from the ``axe-playwright-python`` package, injected with Playwright's
``page.evaluate`` (a DevTools call, which the page's Content-Security-Policy does not govern).
On ``/api/docs/`` axe leaves out the vendor's Swagger UI widget (``AXE_TANPA``).
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import ARTEFAK, Sesi

pytestmark = [pytest.mark.browser, pytest.mark.dokumen_demo]  # the public page lists one

LEBAR = ((390, 844), (1366, 900))
HALAMAN_PUBLIK = ["/publik/", "/publik/pengumuman/", "/masuk/"]
DAMPAK_DITOLAK = {"serious", "critical"}
# Not ours to fix: the API documentation is drf-spectacular's Swagger UI (vendor markup with
# nested buttons and its own colours, rendered by its script after the page loads). axe checks
# the page around it; the width check covers the whole page.
AXE_TANPA = {"/api/docs/": ["#swagger-ui"]}


def akun_per_peran() -> list[tuple[str, str]]:
    """(role, username): the first demo account of each role."""
    from kpu_site.demo import AKUN_DEMO

    akun = {}
    for username, peran, *_ in AKUN_DEMO:
        akun.setdefault(str(peran.value).lower(), username)
    return list(akun.items())


def halaman_menu(user) -> list[str]:
    """The home page and every page of the user's navigation menu, then the pages opened from
    them: a recruitment, its applicants and one applicant, a DIPA tree, an LKj year."""
    from django.db.models import Count
    from django.urls import reverse

    from anggaran.models import DokumenAnggaran
    from badan_adhoc.models import Rekrutmen
    from kpu_site.navigasi import menu_for

    urls = ["/"] + [item["url"] for bagian in menu_for(user) for item in bagian["items"]]
    if reverse("badan_adhoc:rekrutmen_list") in urls:
        # the recruitment with the most applicants (KPPS), and one of its TMS applicants
        rekrutmen = Rekrutmen.objects.annotate(n=Count("pendaftar")).order_by("-n", "pk")[0]
        tms = rekrutmen.pendaftar.filter(status_administrasi="tms").order_by("pk")[0]
        urls += [
            reverse("badan_adhoc:rekrutmen_detail", args=[rekrutmen.pk]),
            reverse("badan_adhoc:pendaftar_list", args=[rekrutmen.pk]),
            reverse("badan_adhoc:pendaftar_detail", args=[tms.pk]),
        ]
    if reverse("anggaran:dokumen_list") in urls:
        dokumen = DokumenAnggaran.objects.order_by("-tahun", "pk").first()
        urls.append(reverse("anggaran:dokumen_detail", args=[dokumen.pk]))
    if reverse("kinerja:lkj_list") in urls:
        urls.append(reverse("kinerja:lkj_tahun", kwargs={"tahun": 2023}))
    return list(dict.fromkeys(urls))


def slug(path: str) -> str:
    return path.strip("/").replace("/", "-") or "beranda"


def periksa(page, axe, peran: str, path: str, base_url: str) -> list[str]:
    """Open ``path`` at both widths; the problems found, one line each."""
    masalah = []
    folder = ARTEFAK / "menu" / peran
    folder.mkdir(parents=True, exist_ok=True)
    for lebar, tinggi in LEBAR:
        page.set_viewport_size({"width": lebar, "height": tinggi})
        respons = page.goto(base_url + path)
        page.screenshot(path=str(folder / f"{slug(path)}-{lebar}.png"), full_page=True)
        if respons is None or respons.status != 200:
            masalah.append(f"{peran} {path} @{lebar}: status {respons and respons.status}")
            continue
        lebar_dokumen = page.evaluate("document.documentElement.scrollWidth")
        if lebar_dokumen > lebar:
            masalah.append(f"{peran} {path} @{lebar}: halaman {lebar_dokumen} px > {lebar} px")
        konteks = {"exclude": [[s] for s in AXE_TANPA[path]]} if path in AXE_TANPA else None
        for v in axe.run(page, context=konteks).response["violations"]:
            if v["impact"] in DAMPAK_DITOLAK:
                target = "; ".join(", ".join(map(str, n["target"])) for n in v["nodes"][:3])
                masalah.append(
                    f"{peran} {path} @{lebar}: axe {v['id']} ({v['impact']}, "
                    f"{len(v['nodes'])} elemen: {target})"
                )
    return masalah


def test_every_menu_page_fits_a_phone_and_passes_axe(demo_live, peramban, live_server):
    from axe_playwright_python.sync_playwright import Axe
    from django.contrib.auth import get_user_model

    axe = Axe()
    masalah, diperiksa = [], {}

    context = peramban.new_context(locale="id-ID")
    page = context.new_page()
    for path in HALAMAN_PUBLIK:
        masalah += periksa(page, axe, "anonim", path, live_server.url)
    diperiksa["anonim"] = HALAMAN_PUBLIK
    context.close()

    for peran, username in akun_per_peran():
        user = get_user_model().objects.get(username=username)
        urls = halaman_menu(user)
        sesi = Sesi(peramban, live_server.url, username, "menu")
        try:
            for path in urls:
                masalah += periksa(sesi.page, axe, peran, path, live_server.url)
        finally:
            sesi.tutup()
        diperiksa[peran] = urls

    (ARTEFAK / "menu" / "halaman.txt").write_text(
        "".join(f"{peran}: {' '.join(urls)}\n" for peran, urls in diperiksa.items())
    )
    assert not masalah, "\n".join(masalah)
