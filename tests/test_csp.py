"""Content-Security-Policy: every response says that only the app's own scripts, styles and
images may run, and no template served as a web page carries what that policy would block
(inline script, <style>, style attribute, on* handler). tests/browser/test_csp.py checks the
same in chromium."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent
DILARANG = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style\b", re.I), "<style>"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "on* handler"),
    (re.compile(r"\bhx-on", re.I), "hx-on handler"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def _kebijakan(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {
        bagian.split()[0]: " ".join(bagian.split()[1:])
        for bagian in header.split(";")
        if bagian.strip()
    }


def test_pages_send_a_policy_allowing_only_the_apps_own_scripts_and_styles(db, masuk, staf):
    response = masuk(staf).get(reverse("beranda"))
    assert response.status_code == 200
    kebijakan = _kebijakan(response)
    assert kebijakan["default-src"] == "'self'"
    assert kebijakan["script-src"] == "'self'"
    assert kebijakan["style-src"] == "'self'"
    assert kebijakan["img-src"] == "'self' data:"
    assert kebijakan["object-src"] == "'none'"
    assert kebijakan["frame-ancestors"] == "'none'"
    assert "unsafe" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("url", ["/masuk/", "/tidak-ada/", "/api/docs/"])
def test_login_error_and_api_docs_pages_send_the_policy_too(db, masuk, staf, url):
    response = masuk(staf).get(url)
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_api_docs_page_has_no_inline_script_or_style(db, masuk, staf):
    html = masuk(staf).get("/api/docs/").content.decode()
    skrip = masuk(staf).get("/api/docs/?script=")
    assert skrip.status_code == 200
    assert "SwaggerUIBundle" in skrip.content.decode()
    for pola, nama in DILARANG:
        assert not pola.search(html), nama


def _template_web():
    for path in sorted((ROOT / "templates").rglob("*.html")):
        rel = path.relative_to(ROOT).as_posix()
        # Rendered only by WeasyPrint (no browser, no CSP): their <style> is the print CSS. The
        # LKj chapters (kinerja/pdf/) are also the web preview, so they are checked.
        if rel.startswith(("templates/pdf/", "templates/badan_adhoc/pdf/")):
            continue
        yield rel, path.read_text()


def test_no_web_template_carries_inline_script_style_or_handler():
    temuan = []
    for rel, teks in _template_web():
        for pola, nama in DILARANG:
            for m in pola.finditer(teks):
                baris = teks.count("\n", 0, m.start()) + 1
                temuan.append(f"{rel}:{baris}: {nama}")
    assert temuan == []


def test_lebar_persen_rounds_and_bounds_a_bar_width():
    from kpu_site.templatetags.format_id import lebar_persen

    assert [lebar_persen(v) for v in (-5, 0, 33.4, 66.6, 100, 250, None, "x")] == [
        0, 0, 33, 67, 100, 100, 0, 0,
    ]  # fmt: skip


def test_browsable_api_allows_inline_styles_only_on_its_html_pages(db, masuk, staf):
    client = masuk(staf)
    html = client.get("/api/", HTTP_ACCEPT="text/html")
    kebijakan = _kebijakan(html)
    assert kebijakan["style-src"] == "'self' 'unsafe-inline'"
    assert kebijakan["script-src"] == "'self'"
    json = client.get("/api/", HTTP_ACCEPT="application/json")
    assert _kebijakan(json)["style-src"] == "'self'"
    assert "unsafe" not in client.get("/")["Content-Security-Policy"]
