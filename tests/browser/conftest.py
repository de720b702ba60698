"""Browser tests: Playwright for Python driving Debian's chromium (headless) against the live
test server. Run in the service CI run (``-m browser``); screenshots of each step are saved in
``artefak/browser/`` as test artefacts."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

ARTEFAK = Path(__file__).resolve().parent.parent.parent / "artefak" / "browser"
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")


@pytest.fixture
def demo_live(transactional_db, request, monkeypatch):
    """The demo (organisation, kinerja, anggaran, ad hoc bodies) and the demo accounts. A test
    marked ``lkj_draf`` gets the LKj 2023 as a reviewed draft, 2023 not locked
    (``muat_demo --lkj-draf``); without the recruitments' numbered documents unless marked
    ``dokumen_demo``. Loaded through ``muat_demo`` for each test: the snapshot of
    ``tests/potret_demo.py`` never applies here, since the flush between transactional tests
    recreates the content types and permissions under new ids."""
    from django.core.cache import cache
    from django.core.management import call_command

    lkj_draf = request.node.get_closest_marker("lkj_draf") is not None
    if request.node.get_closest_marker("dokumen_demo") is None:
        # the 27 numbered documents are 54 renders, most of the ad hoc demo's time; only the
        # test marked dokumen_demo looks at them (test_foundation checks them outside a browser)
        monkeypatch.setattr("badan_adhoc.demo_dokumen.muat", lambda *, stdout: None)
    cache.clear()  # nothing cached by an earlier test (public pages, the satker's name)
    call_command("muat_demo", lkj_draf=lkj_draf, stdout=io.StringIO())


@pytest.fixture
def pekerja(demo_live, settings):
    """A real worker when a broker is configured (service run); in-process tasks otherwise."""
    if not settings.CELERY_BROKER_URL:
        yield None
        return
    from django.db import connection

    from tests.pekerja import celery_worker

    with celery_worker(connection=connection, media_root=settings.MEDIA_ROOT) as proc:
        yield proc


@pytest.fixture
def peramban(monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the test's own ORM reads are
    # plain synchronous code, so Django's async-context guard does not apply to them.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"chromium not found at {CHROMIUM}: install Debian's chromium (apt-get install chromium)"
        )
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        )  # fmt: skip
        yield browser
        # Code inside sync_playwright runs in Playwright's greenlet, where Django keeps its own
        # database connections (the test's ORM reads); close them here, or the test database
        # cannot be dropped at the end ("being accessed by other users").
        from django.db import connections

        connections.close_all()
        browser.close()


class Sesi:
    """One logged-in user in its own browser context, with numbered screenshots."""

    def __init__(self, browser, base_url: str, username: str, nama_uji: str):
        self.context = browser.new_context(
            viewport={"width": 1366, "height": 900}, accept_downloads=True, locale="id-ID"
        )
        self.page = self.context.new_page()
        self.page.set_default_timeout(90_000)
        self.base_url = base_url
        self.username = username
        self.nama_uji = nama_uji
        self.nomor = 0
        self.page.goto(f"{base_url}/masuk/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", "demo-kpu-2023")
        self.page.click("button[type=submit]")
        self.page.wait_for_url(f"{base_url}/")

    def buka(self, path: str):
        return self.page.goto(self.base_url + path)

    def foto(self, langkah: str) -> Path:
        self.nomor += 1
        path = ARTEFAK / f"{self.nama_uji}-{self.username}-{self.nomor:02d}-{langkah}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def tutup(self):
        self.context.close()


@pytest.fixture
def masuk_peramban(peramban, live_server, request):
    sesi = []

    def _masuk(username: str) -> Sesi:
        s = Sesi(peramban, live_server.url, username, request.node.name.removeprefix("test_")[:40])
        sesi.append(s)
        return s

    yield _masuk
    for s in sesi:
        s.tutup()
