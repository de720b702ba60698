"""The working year across the app: chosen in the navigation bar, kept in the session.

- A page that shows one year (``/kinerja/capaian/2022/``, ``/anggaran/laporan/2022/``, or
  ``?tahun=2022`` on the dashboard) shows that year, and opening it makes it the working year
  (``TahunMiddleware``), so the next page opened from the menu shows the same year.
- A page without a year (the entry pages of the menu) shows the session's working year, else the
  latest year with data up to this calendar year.
- Switching the year on a year page goes to the same page for the new year; on a page of one
  year's record (a DIPA, a realisasi, a recruitment) it goes to that app's list for the new year
  (``HALAMAN_TAHUN`` in the app's ``navigasi.py``); other pages stay where they are.
- Earlier years stay browsable. A year whose LKj is final (or that the Sekretaris locked) is
  read-only until the Sekretaris unlocks it in Pengaturan Kinerja: the kinerja and anggaran
  services refuse writes, the pages hide their edit buttons and the navigation bar says so.
  ``tahun_terkunci`` is the one check all of them use.
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from urllib.parse import urlencode, urlsplit

from django.apps import apps
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import QueryDict
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from .registri import atribut_app, modul_app

KUNCI_SESI = "tahun_aktif"
_CACHE_PILIHAN = "tahun_pilihan"
_CACHE_DATA = "tahun_berdata"
_CACHE_KUNCI = "tahun_terkunci"
TAHUN_MIN, TAHUN_MAX = 2000, 2100


def tahun_valid(raw) -> int | None:
    """``raw`` as a year if it is one (2000–2100), else ``None``."""
    if isinstance(raw, int):
        nilai = raw
    elif isinstance(raw, str) and raw.isdigit():
        nilai = int(raw)
    else:
        return None
    return nilai if TAHUN_MIN <= nilai <= TAHUN_MAX else None


class TahunConverter:
    """``<tahun:tahun>`` in a URL: a year 2000–2100 (any other number is a 404, not a query for
    year 0 or an overflow); reversing is lenient so a link to any stored year still renders."""

    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        nilai = tahun_valid(value)
        if nilai is None:
            raise ValueError(value)
        return nilai

    def to_url(self, value) -> str:
        return str(value)


def _tahun_dari(atribut: str) -> set[int]:
    """The years in the rows the apps name in ``atribut`` of their ``navigasi.py`` (2000–2100:
    a row stored before years were bounded, e.g. a Renstra from year 0, is not offered)."""
    tahun: set[int] = set()
    for model, field in _model_bertahun(atribut):
        rentang = {f"{field}__gte": TAHUN_MIN, f"{field}__lte": TAHUN_MAX}
        tahun |= set(model.objects.filter(**rentang).values_list(field, flat=True))
    return tahun


def _model_bertahun(*atribut: str) -> list[tuple[type, str]]:
    """``(model, year field)`` the apps register under ``atribut`` (see ``kpu_site.registri``)."""
    return [
        (apps.get_model(label), field)
        for nama in atribut
        for daftar in atribut_app("navigasi", nama)
        for label, field in daftar
    ]


def tahun_berdata() -> list[int]:
    """Years with data (``TAHUN_BERDATA`` of the apps: a Perjanjian Kinerja, a budget document
    or an LKj), newest first."""
    cached = cache.get(_CACHE_DATA)
    if cached is not None:
        return cached
    hasil = sorted(_tahun_dari("TAHUN_BERDATA"), reverse=True)
    cache.set(_CACHE_DATA, hasil, 300)
    return hasil


def tahun_pilihan() -> list[int]:
    """The years offered by the switcher, newest first: every year from the first year a plan
    starts (``TAHUN_AWAL``: the Renstra) or the first year with data to this calendar year (or
    the last year with data)."""
    cached = cache.get(_CACHE_PILIHAN)
    if cached is not None:
        return cached
    tahun_ini = timezone.localdate().year
    batas = set(tahun_berdata()) | {tahun_ini}
    batas |= {t for t in _tahun_dari("TAHUN_AWAL") if t <= tahun_ini}
    hasil = list(range(max(batas), min(batas) - 1, -1))
    cache.set(_CACHE_PILIHAN, hasil, 300)
    return hasil


def tahun_bawaan() -> int:
    """The latest year with data up to this calendar year; this year when there is none."""
    tahun_ini = timezone.localdate().year
    return next((t for t in tahun_berdata() if t <= tahun_ini), tahun_ini)


def tahun_halaman(request) -> int | None:
    """The year the page itself shows: its URL's ``tahun`` or its ``?tahun=``."""
    if request is None:
        return None
    match = getattr(request, "resolver_match", None)
    if match is not None and "tahun" in match.kwargs:
        return tahun_valid(match.kwargs["tahun"])
    return tahun_valid(request.GET.get("tahun", ""))


def tahun_aktif(request) -> int:
    """The page's own year, else the session's working year, else ``tahun_bawaan()``."""
    dari_halaman = tahun_halaman(request)
    if dari_halaman is not None:
        return dari_halaman
    session = getattr(request, "session", None)
    sesi = tahun_valid(session.get(KUNCI_SESI)) if session is not None else None
    return sesi if sesi is not None else tahun_bawaan()


def tahun_terkunci(tahun: int, *, segar: bool = False) -> bool:
    """Is ``tahun`` locked read-only? The one source of truth is the lock the apps declare as
    ``TAHUN_KUNCI`` in their ``navigasi.py`` (kinerja's ``KunciTahun``: set when the LKj is
    finalised or by the Sekretaris in Pengaturan Kinerja, removed there too); the kinerja and
    anggaran services and the navigation bar all read it here.

    Display (the navigation bar's badge, edit buttons) reads the cached set of locked years;
    a service deciding whether to refuse a write passes ``segar=True`` to read the database.
    """
    if segar:
        return any(
            model.objects.filter(**{field: tahun}).exists()
            for model, field in _model_bertahun("TAHUN_KUNCI")
        )
    terkunci = cache.get(_CACHE_KUNCI)
    if terkunci is None:
        terkunci = frozenset(_tahun_dari("TAHUN_KUNCI"))
        cache.set(_CACHE_KUNCI, terkunci, 300)
    return tahun in terkunci


def tahun_cache_clear(**_kwargs) -> None:
    """Signal receiver: a PK, budget document, LKj, Renstra or lock was saved or deleted."""
    cache.delete_many([_CACHE_PILIHAN, _CACHE_DATA, _CACHE_KUNCI])


def connect() -> None:
    """Forget the cached years when a row of a year-bearing model is saved or deleted."""
    for model in {m for m, _field in _model_bertahun("TAHUN_BERDATA", "TAHUN_AWAL", "TAHUN_KUNCI")}:
        label = model._meta.label
        post_save.connect(tahun_cache_clear, sender=model, dispatch_uid=f"tahun-{label}-s")
        post_delete.connect(tahun_cache_clear, sender=model, dispatch_uid=f"tahun-{label}-d")


# ------------------------------------------------------------------ switching on the same page


def _halaman_tahun(namespace: str, view_name: str) -> str | None:
    """The app's page for "this app, another year" when ``view_name`` shows one year's record:
    ``HALAMAN_TAHUN`` in ``<app>/navigasi.py`` maps URL-name patterns to a page name."""
    module = dict(modul_app("navigasi")).get(namespace)
    if module is None:
        return None
    for pola, tujuan in getattr(module, "HALAMAN_TAHUN", {}).items():
        if fnmatchcase(view_name, pola):
            return tujuan
    return None


def url_ganti_tahun(url: str, tahun: int) -> str:
    """Where the switcher goes from page ``url`` after choosing ``tahun`` (see module doc)."""
    bagian = urlsplit(url)
    query = QueryDict(bagian.query, mutable=True)
    try:
        match = resolve(bagian.path)
    except Resolver404:
        return "/"
    if "tahun" in query:
        query["tahun"] = str(tahun)
    kwargs = dict(match.kwargs)
    if "tahun" in kwargs and set(kwargs) == {"tahun"}:
        path = reverse(match.view_name, kwargs={"tahun": tahun})
    elif kwargs:
        tujuan = _halaman_tahun(match.namespace, match.view_name)
        if tujuan is None:
            path = bagian.path
        else:
            path, query = reverse(tujuan), QueryDict(mutable=True)
    else:
        path = bagian.path
    if not query:
        return path
    return f"{path}?{urlencode(sorted(query.lists()), doseq=True)}"


class TahunMiddleware:
    """Opening a page of one year makes that year the working year (see module doc)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if request.method != "GET" or user is None or not user.is_authenticated:
            return None
        tahun = tahun_halaman(request)  # resolver_match is set before process_view
        baru = tahun is not None and request.session.get(KUNCI_SESI) != tahun
        if baru and tahun in tahun_pilihan():
            request.session[KUNCI_SESI] = tahun
        return None


# ------------------------------------------------------------------ a year without data


def tahun_terdekat(tahun: int, *, app: str) -> int | None:
    """The year nearest to ``tahun`` (the later one on a tie) that has data in ``app`` (its
    ``TAHUN_BERDATA``), other than ``tahun`` itself; None when the app has no data at all."""
    tahun_app: set[int] = set()
    for model, field in _model_bertahun("TAHUN_BERDATA"):
        if model._meta.app_label == app:
            rentang = {f"{field}__gte": TAHUN_MIN, f"{field}__lte": TAHUN_MAX}
            tahun_app |= set(model.objects.filter(**rentang).values_list(field, flat=True))
    tahun_app.discard(tahun)
    return min(tahun_app, key=lambda t: (abs(t - tahun), -t), default=None)


def tahun_kosong(request, tahun: int, *, app: str) -> dict:
    """Context of ``includes/_tahun_kosong.html`` ("Belum ada data untuk tahun …" with a link
    to the same page for the nearest year with data of ``app``)."""
    terdekat = tahun_terdekat(tahun, app=app)
    url = None
    if terdekat is not None:
        url = url_ganti_tahun(request.get_full_path(), terdekat)
        if tahun_halaman(request) is None:  # the page follows the working year: say which
            url += f"{'&' if '?' in url else '?'}tahun={terdekat}"
    return {"tahun": tahun, "terdekat": terdekat, "url": url}
