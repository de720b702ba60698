"""Shared fixtures: one persona per role (healthchecks' alice/bob/charlie style).

Kasubag and Staf personas belong to a sub-bagian; ``pengguna_buat`` makes more of them (e.g.
a Staf of another sub-bagian, to check that another unit's record is a 404).
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from kpu_site.peran import Peran
from sekretariat.models import UnitOrganisasi

KATA_SANDI = "sandi-uji-123"

# "Today" in every test (the clock runs on from there): the working year, the posts held today,
# the active commission and "an impossible date shows today" do not depend on the day the
# suite is run.
HARI_UJI = datetime(2026, 11, 2, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def redis_db_sendiri(url: str, nomor: int) -> str:
    """``url`` pointing at its own Redis database for the pytest-xdist process ``gw<nomor>``:
    the databases after the configured one (redis://h:p/1 → /2 for gw0, /3 for gw1 …)."""
    from urllib.parse import urlsplit, urlunsplit

    bagian = urlsplit(url)
    dasar = int(bagian.path.strip("/") or 0)
    return urlunsplit(bagian._replace(path=f"/{dasar + 1 + nomor}"))


def pytest_configure(config):
    """Passwords are hashed with MD5 in tests (Django's advice for test speed): PBKDF2 takes
    about a second per account on this machine, and the personas and the demo accounts make
    dozens per run. What the tests check of passwords (login, ``check_password``) does not
    depend on the algorithm; the production settings are checked in a subprocess."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # With pytest-xdist on a Redis cache (CI's service run), each process uses its own Redis
    # database: the test databases of two processes have the same primary keys and data
    # versions, and every test starts by emptying the cache (``cache.clear()`` empties the whole
    # Redis database, so a key prefix would not keep the processes apart).
    proses = os.environ.get("PYTEST_XDIST_WORKER", "")
    if proses.startswith("gw"):
        for cache in settings.CACHES.values():
            if "redis" in cache["BACKEND"].lower():
                cache["LOCATION"] = redis_db_sendiri(cache["LOCATION"], int(proses[2:]))


# The longest tests (a minute or more of CPU each: the whole demo, ad hoc bodies included, or a
# PDF render) start first, so that with pytest-xdist one process does not begin them when the
# others have nothing left to do.
LAMA_DULU = (
    "tests/test_access_matrix.py::",
    "tests/test_access_matrix_tulis.py::test_write_matrix",
    "tests/test_foundation.py::test_muat_demo_is_idempotent",
    "tests/lkj/test_lkj.py::test_demo_lkj_",
    "tests/lkj/test_lkj.py::test_finalising_the_demo_lkj",
    "tests/lkj/test_halaman_pdf.py::",
)


def pytest_collection_modifyitems(config, items):
    def urutan(item):
        return next(
            (i for i, awal in enumerate(LAMA_DULU) if item.nodeid.startswith(awal)), len(LAMA_DULU)
        )

    items.sort(key=urutan)


def demo_inti_muat(*, evaluasi: bool = False) -> None:
    """Load the demo organisation, kinerja and anggaran (Kota Serang 2023) and the demo
    accounts, without the ad hoc bodies (the slowest part of the demo) and, unless
    ``evaluasi``, without the LKE self-assessment (the slowest part of the kinerja demo: every
    criterion of two worksheets goes through its service), with the LKj 2023 a reviewed draft
    (not final: 2023 stays open for the tests' writes) and without the publications (nine PDFs
    rendered; ``tests/kinerja/test_publikasi.py`` loads the whole demo). From the second time in a process on
    the same starting database, from the process's snapshot (``tests/potret_demo.py``);
    ``DEMO_POTRET=0`` turns that off."""
    if os.environ.get("DEMO_POTRET", "1") == "0":
        _demo_inti_muat_pemuat(evaluasi=evaluasi)
        return
    from tests.potret_demo import muat

    muat(
        ("inti", evaluasi),
        lambda: _demo_inti_muat_pemuat(evaluasi=evaluasi),
        geser_jam=_jam_geser,
    )


#: the running test's time_machine traveller (``_hari_tetap``), when its clock is fixed
_JAM: dict = {}


def _jam_geser(detik: float) -> None:
    if "perjalanan" in _JAM:
        _JAM["perjalanan"].shift(timedelta(seconds=detik))


def _demo_inti_muat_pemuat(*, evaluasi: bool) -> None:
    import io

    from anggaran import demo as anggaran_demo
    from kinerja import demo as kinerja_demo
    from kpu_site.demo import akun_demo_create
    from sekretariat import demo as sekretariat_demo

    out = io.StringIO()
    sekretariat_demo.muat(stdout=out)
    kinerja_demo.muat(stdout=out)
    anggaran_demo.muat(stdout=out)
    akun_demo_create()
    anggaran_demo.muat_akhir(stdout=out)
    # the LKj 2023 stays a reviewed draft (never rendered: the test does not commit), 2023 is
    # not locked, nothing is published
    kinerja_demo.muat_akhir(stdout=out, lkj_final=False, evaluasi=evaluasi, publikasi=False)


@pytest.fixture
def unit_demo(db):
    """The demo units (Sekretariat, 4 sub-bagian, JF) keyed by kode."""
    from sekretariat.demo import UNIT_DEMO

    induk = None
    units = {}
    for row in UNIT_DEMO:
        kode, nama, jenis, urutan = row[:4]
        unit, _ = UnitOrganisasi.objects.get_or_create(
            kode=kode, defaults={"nama": nama, "jenis": jenis, "urutan": urutan, "induk": induk}
        )
        if kode == "sekretariat":
            induk = unit
        units[kode] = unit
    return units


@pytest.fixture
def pengguna_buat(db, unit_demo):
    def buat(username: str, peran: str, unit_kode: str | None = None):
        user = get_user_model().objects.create_user(
            username=username,
            password=KATA_SANDI,
            first_name=username.split(".")[0].title(),
            unit=unit_demo[unit_kode] if unit_kode else None,
            is_superuser=peran == Peran.ADMIN,
            is_staff=peran == Peran.ADMIN,
        )
        user.groups.set([Group.objects.get(name=peran)])
        return user

    return buat


@pytest.fixture
def admin_user(pengguna_buat):
    return pengguna_buat("admin.uji", Peran.ADMIN)


@pytest.fixture
def sekretaris(pengguna_buat):
    return pengguna_buat("sekretaris.uji", Peran.SEKRETARIS)


@pytest.fixture
def kasubag(pengguna_buat):
    """Kasubag Perencanaan, Data dan Informasi."""
    return pengguna_buat("kasubag.uji", Peran.KASUBAG, "perencanaan")


@pytest.fixture
def staf(pengguna_buat):
    """Staf of Sub Bagian Perencanaan, Data dan Informasi."""
    return pengguna_buat("staf.uji", Peran.STAF, "perencanaan")


@pytest.fixture
def staf_lain(pengguna_buat):
    """A Staf of another sub-bagian (Keuangan, Umum dan Logistik)."""
    return pengguna_buat("staf.lain", Peran.STAF, "keuangan")


@pytest.fixture
def kasubag_keuangan(pengguna_buat):
    return pengguna_buat("kasubag.keu", Peran.KASUBAG, "keuangan")


@pytest.fixture
def staf_keuangan(pengguna_buat):
    return pengguna_buat("staf.keu", Peran.STAF, "keuangan")


@pytest.fixture
def komisioner(pengguna_buat):
    return pengguna_buat("komisioner.uji", Peran.KOMISIONER)


@pytest.fixture
def auditor(pengguna_buat):
    return pengguna_buat("auditor.uji", Peran.AUDITOR)


@pytest.fixture
def personas(admin_user, sekretaris, kasubag, staf, komisioner, auditor):
    """Role name -> user, for the six roles."""
    return {
        Peran.ADMIN.value: admin_user,
        Peran.SEKRETARIS.value: sekretaris,
        Peran.KASUBAG.value: kasubag,
        Peran.STAF.value: staf,
        Peran.KOMISIONER.value: komisioner,
        Peran.AUDITOR.value: auditor,
    }


@pytest.fixture
def masuk(client):
    """Log ``client`` in as the given user and return it."""

    def _masuk(user):
        client.force_login(user)
        return client

    return _masuk


@pytest.fixture(autouse=True)
def _hari_tetap(request):
    """Every test runs on ``HARI_UJI``, except the tests marked worker or browser: another
    process (the Celery worker, the browser) keeps the real clock."""
    if request.node.get_closest_marker("worker") or request.node.get_closest_marker("browser"):
        yield
        return
    with time_machine.travel(HARI_UJI, tick=True) as perjalanan:
        _JAM["perjalanan"] = perjalanan
        try:
            yield
        finally:
            _JAM.clear()


@pytest.fixture(autouse=True)
def _cache_kosong():
    """Cached figures (working years, dashboard, applicant counts) never carry over from
    another test's database."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_sementara(settings, tmp_path):
    """Uploaded and generated files go to a temporary folder, never into the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def tugas_dalam_proses():
    """Tasks run in-process (the path without a broker) even in the service run, where
    ``CELERY_BROKER_URL`` is set for the whole suite: for tests of that path (the worker path
    has its own tests, marked ``worker``)."""
    from kpu_site.celery import app

    sebelum = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = sebelum
