"""The access matrix: every URL the project defines, requested by GET as anonymous and as each
role, must give what the README's matrix says, and never a 500.

URLs are found by walking the URL resolver, so a new page is covered automatically. A URL with
arguments takes them from the demo data: ``pk`` from the view's model, anything else from
``tests/<app>/contoh_url.py`` (``CONTOH = {"app:name": lambda: {...}}``). The expected result
comes from the table under "Matriks akses" in README.md (first matching row wins):

- ``✓``: allowed (200, a redirect that is not to a login page, or 405 for a POST-only action);
- ``✗``: refused (403, 404, or the admin site's redirect to its own login);
- ``unit``: only for records of the user's own sub-bagian: the sample record belongs to the
  personas' sub-bagian (Perencanaan), so they get exactly 200, and a Staf of another sub-bagian
  (Keuangan) gets exactly 404 (a POST-only URL is a 405 for both; its writes are checked in
  ``test_access_matrix_tulis.py``).
"""

from __future__ import annotations

import fnmatch
import re
import zlib
from importlib import import_module
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from kpu_site.peran import DOMAIN_APPS, Peran

README = Path(__file__).resolve().parent.parent / "README.md"
KOLOM = [p.value for p in Peran]  # Admin, Sekretaris, Kasubag, Staf, Komisioner, Auditor

# Pages every visitor may open: the login form, and logout (POST-only, so a GET is a 405);
# the public pages (announcements, published documents and their read-only API), which answer
# an anonymous visitor with exactly 200.
PUBLIK_200 = {
    "publik:pengumuman_list",
    "publik:pengumuman_unduh",
    "publik:tanggapan_form",
    "publik:beranda",
    "publik:dokumen_unduh",
    "publik-dokumen-list",
    "publik-dokumen-detail",
}
PUBLIK = {"login", "logout", *PUBLIK_200}

# Django's own admin pages beyond the index are not ours to enumerate.
LEWATI = re.compile(r"^admin:(?!index$)")


def _walk(patterns, prefix_ns="", prefix_route=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = prefix_ns
            if p.namespace:
                ns = f"{prefix_ns}{p.namespace}:"
            yield from _walk(p.url_patterns, ns, prefix_route + str(p.pattern))
        elif isinstance(p, URLPattern) and p.name:
            if "format" in getattr(p.pattern, "regex", re.compile("")).groupindex:
                continue  # DRF's ".json" suffix twins of the same endpoint
            yield f"{prefix_ns}{p.name}", p


def matriks_dari_readme() -> list[tuple[list[str], dict[str, str]]]:
    text = README.read_text(encoding="utf-8")
    start = text.index("### Matriks akses")
    rows = []
    for line in text[start:].splitlines()[1:]:
        if line.startswith("## "):
            break
        if not line.startswith("| `"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        patterns = re.findall(r"`([^`]+)`", cells[0])
        rows.append((patterns, dict(zip(KOLOM, cells[1 : 1 + len(KOLOM)], strict=True))))
    return rows


def harapan(name: str, matriks) -> dict[str, str] | None:
    for patterns, cells in matriks:
        if any(fnmatch.fnmatchcase(name, pat) for pat in patterns):
            return cells
    return None


def contoh_kwargs() -> dict:
    """Sample URL arguments from every ``tests/<app>/contoh_url*.py``."""
    contoh = {}
    for app in DOMAIN_APPS:
        for path in sorted((Path(__file__).parent / app).glob("contoh_url*.py")):
            contoh.update(import_module(f"tests.{app}.{path.stem}").CONTOH)
    return contoh


def _kwargs_for(name, pattern, contoh):
    converters = getattr(pattern.pattern, "converters", {}) or {}
    needed = set(converters) | set(getattr(pattern.pattern, "regex", re.compile("")).groupindex)
    if not needed:
        return {}
    if name in contoh:
        return contoh[name]()
    view_class = getattr(pattern.callback, "view_class", None)
    model = getattr(view_class, "model", None)
    if needed == {"pk"} and model is not None:
        obj = model._default_manager.order_by("pk").first()
        return {"pk": obj.pk} if obj else None
    cls = getattr(pattern.callback, "cls", None)  # DRF viewset
    if needed == {"pk"} and cls is not None and getattr(cls, "queryset", None) is not None:
        obj = cls.queryset.model._default_manager.order_by("pk").first()
        return {"pk": obj.pk} if obj else None
    return None


def _is_login_redirect(response) -> bool:
    return response.status_code == 302 and (
        "/masuk/" in response["Location"] or "/admin/login/" in response["Location"]
    )


#: The routes are checked in this many tests (each loads the demo once), so that pytest-xdist
#: spreads them over its processes; a route's slice is fixed by its name.
BAGIAN = 3


def _bagian(name: str) -> int:
    return zlib.crc32(name.encode()) % BAGIAN


@pytest.mark.django_db
@pytest.mark.parametrize("bagian", range(BAGIAN))
def test_access_matrix_every_url_for_every_role(client, personas, staf_lain, bagian):
    # The LKj 2023 left a draft: in the full demo it is final and 2023 is locked, which would
    # refuse every 2023 edit page to every role; this test is about roles, not the year lock.
    call_command("muat_demo", lkj_draf=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    matriks = matriks_dari_readme()
    contoh = contoh_kwargs()
    failures = []
    checked = 0
    for name, pattern in _walk(get_resolver().url_patterns):
        if LEWATI.match(name) or _bagian(name) != bagian:
            continue
        cells = harapan(name, matriks)
        if cells is None:
            failures.append(f"{name}: no row in the README matrix")
            continue
        kwargs = _kwargs_for(name, pattern, contoh)
        if kwargs is None:
            failures.append(f"{name}: no sample arguments (add to tests/<app>/contoh_url.py)")
            continue
        url = reverse(name, kwargs=kwargs)
        client.logout()
        response = client.get(url)
        if name in PUBLIK_200 and response.status_code != 200:
            failures.append(f"{name} anonymous: expected 200, got {response.status_code}")
        if name not in PUBLIK and not (
            _is_login_redirect(response) or response.status_code in (401, 403)
        ):
            failures.append(f"{name} anonymous: {response.status_code}")
        for peran, user in personas.items():
            client.force_login(user)
            response = client.get(url)
            code = response.status_code
            expected = cells[peran]
            ok_allowed = code in (200, 405) or (code == 302 and not _is_login_redirect(response))
            ok_refused = code in (403, 404) or _is_login_redirect(response)
            if code >= 500:
                failures.append(f"{name} as {peran}: {code}")
            elif expected == "✓" and not ok_allowed:
                failures.append(f"{name} as {peran}: expected allowed, got {code}")
            elif expected == "✗" and not ok_refused:
                failures.append(f"{name} as {peran}: expected refused, got {code}")
            elif expected == "unit" and code not in (200, 405):
                failures.append(f"{name} as {peran}: expected 200 (own unit), got {code}")
            checked += 1
        if "unit" in cells.values():
            client.force_login(staf_lain)
            code = client.get(url).status_code
            if code not in (404, 405):
                failures.append(f"{name} as Staf of another unit: expected 404, got {code}")
    assert not failures, "\n".join(failures)
    assert checked > 0
