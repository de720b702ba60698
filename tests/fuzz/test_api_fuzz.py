"""Schemathesis over ``/api/schema/``: every operation of the API, with generated valid and
invalid input, as the Admin and as a read-only Komisioner, against the demo data.

The WSGI application runs in-process on the test database (no server). Each operation gets a
fixed number of examples (``FUZZ_CONTOH``, default ``CONTOH_CI``), drawn with Hypothesis
``derandomize=True``, so a run is the same every time; half are valid for the schema
(``positive``), half are not (``negative``), and three in four ``{id}`` path parameters are
replaced by an id the list endpoint returns, so most requests reach a real record.

What must hold:

- no response is a server error (schemathesis' ``not_a_server_error``); every 2xx JSON body
  matches its documented schema (``response_schema_conformance``);
- the Komisioner gets a 4xx for every POST/PUT/PATCH/DELETE, and every table has as many rows
  after the run as before.

A longer local run: ``FUZZ_CONTOH=200 .venv/bin/pytest -m fuzz -s tests/fuzz``; with
``FUZZ_LAPORAN=<file.json>`` the counts and every failure (with a curl reproducer) are written
there.
"""

from __future__ import annotations

import io
import json
import logging
import os
import sys
from collections import Counter
from dataclasses import dataclass, field

import pytest
import schemathesis
import time_machine
from django.apps import apps
from django.core.management import call_command
from django.core.signals import got_request_exception, request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core import NOT_SET
from schemathesis.core.failures import FailureGroup
from schemathesis.python import wsgi
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.conftest import HARI_UJI

pytestmark = pytest.mark.fuzz

#: Examples per operation and role in the CI service run (2 min 20 s in all on 2 cores, PostgreSQL).
CONTOH_CI = 20
CONTOH = int(os.environ.get("FUZZ_CONTOH", CONTOH_CI))
METODE_TULIS = {"POST", "PUT", "PATCH", "DELETE"}


@dataclass
class Hasil:
    """What one role's run saw."""

    peran: str
    baca_saja: bool
    operasi: int = 0
    permintaan: int = 0
    status: Counter = field(default_factory=Counter)
    gagal: list[dict] = field(default_factory=list)

    def ringkasan(self) -> dict:
        jenis = Counter(g["jenis"] for g in self.gagal)
        return {
            "peran": self.peran,
            "contoh_per_operasi": CONTOH,
            "operasi": self.operasi,
            "permintaan": self.permintaan,
            "status": dict(sorted(self.status.items())),
            "gagal": dict(jenis),
        }


def _jumlah_baris() -> dict[str, int]:
    """Rows per model; the audit trail without its download entries (every download of an LKj
    is logged by design: the demo's final LKj 2023 can be downloaded by a reader)."""
    hasil = {m._meta.label: m._default_manager.count() for m in apps.get_models()}
    from kpu_site.models import JejakAudit

    hasil["kpu_site.JejakAudit"] = JejakAudit.objects.exclude(aksi="unduh").count()
    return hasil


@pytest.fixture(scope="module")
def demo_fuzz(django_db_setup, django_db_blocker):
    """The whole demo (muat_demo), loaded once for the module inside a transaction that is
    rolled back at the end; each test's own writes are rolled back after the test."""
    with (
        django_db_blocker.unblock(),
        time_machine.travel(HARI_UJI, tick=True),
        transaction.atomic(),
    ):
        call_command("muat_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def aplikasi(demo_fuzz, db):
    """The project's WSGI application, called in-process on the test transaction: Django's
    per-request connection clean-up is switched off meanwhile (as the test client does), since
    it would close the connection that holds the transaction. The thousands of expected
    400/403/404 warnings are not logged; server errors still are."""
    from kpu_site.wsgi import application

    log = logging.getLogger("django.request")
    tingkat = log.level
    log.setLevel(logging.ERROR)
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield application
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
    log.setLevel(tingkat)


def _token(username: str) -> str:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username=username)
    return Token.objects.get_or_create(user=user)[0].key


def _skema(aplikasi, token: str):
    return schemathesis.openapi.from_wsgi(
        "/api/schema/?format=json", aplikasi, headers={"Authorization": f"Token {token}"}
    )


def _id_contoh(aplikasi, schema, header: dict) -> dict[str, list]:
    """Ids the list endpoints return (first page), keyed by the list path."""
    client = wsgi.get_client(aplikasi)
    ids = {}
    for path in schema.raw_schema["paths"]:
        if "{" in path:
            continue
        response = client.get(path, headers=header)
        if response.status_code != 200:
            continue
        isi = response.get_json()
        baris = isi.get("results", isi) if isinstance(isi, dict) else isi
        if isinstance(baris, list):
            ids[path] = [b["id"] for b in baris if isinstance(b, dict) and "id" in b][:20]
    return ids


def _fuzz(aplikasi, peran: str, token: str, *, baca_saja: bool) -> Hasil:
    header = {"Authorization": f"Token {token}"}
    schema = _skema(aplikasi, token)
    ids = _id_contoh(aplikasi, schema, header)
    hasil = Hasil(peran, baca_saja)
    galat: list[BaseException] = []

    def simpan_galat(sender, request=None, **kwargs):
        galat.append(sys.exc_info()[1])

    got_request_exception.connect(simpan_galat)
    try:
        for operasi_hasil in schema.get_all_operations():
            operasi = operasi_hasil.ok()
            hasil.operasi += 1
            _fuzz_operasi(operasi, header, ids, hasil, galat)
    finally:
        got_request_exception.disconnect(simpan_galat)
    laporan = os.environ.get("FUZZ_LAPORAN")
    if laporan:
        with open(f"{laporan}.{peran}.json", "w", encoding="utf-8") as f:
            json.dump({**hasil.ringkasan(), "rincian": hasil.gagal}, f, indent=1, default=str)
    print(json.dumps(hasil.ringkasan()))
    return hasil


def _fuzz_operasi(operasi, header, ids, hasil: Hasil, galat: list) -> None:
    strategi = st.one_of(
        operasi.as_strategy(GenerationMode.POSITIVE), operasi.as_strategy(GenerationMode.NEGATIVE)
    )
    daftar = operasi.path.split("{id}")[0]
    id_nyata = ids.get(daftar, [])

    @settings(
        max_examples=CONTOH,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def satu(data):
        case = data.draw(strategi)
        if id_nyata and "id" in (case.path_parameters or {}) and data.draw(st.integers(0, 3)):
            case.path_parameters["id"] = data.draw(st.sampled_from(id_nyata))
        galat.clear()
        titik = transaction.savepoint()
        response = case.call(headers=header)
        if response.status_code >= 500:
            transaction.savepoint_rollback(titik)
        else:
            transaction.savepoint_commit(titik)
        hasil.permintaan += 1
        hasil.status[response.status_code] += 1
        masalah = []
        tulis = case.method.upper() in METODE_TULIS
        if hasil.baca_saja and tulis and not 400 <= response.status_code < 500:
            masalah.append(("tulis_oleh_peran_baca", f"status {response.status_code}"))
        for check in (not_a_server_error, response_schema_conformance):
            try:
                case.validate_response(response, checks=[check], headers=header)
            except FailureGroup as exc:
                for failure in exc.exceptions:
                    masalah.append((check.__name__, f"{failure.title}: {failure.message}"[:600]))
        for jenis, pesan in masalah:
            hasil.gagal.append(
                {
                    "jenis": jenis,
                    "operasi": f"{case.method.upper()} {operasi.path}",
                    "status": response.status_code,
                    "pesan": pesan,
                    "galat": repr(galat[-1]) if galat else None,
                    "path": case.formatted_path,
                    "query": case.query,
                    "body": None if case.body is NOT_SET else case.body,
                    "media_type": case.media_type,
                    "curl": case.as_curl_command(headers=header),
                }
            )

    satu()


def _ringkas_gagal(hasil: Hasil) -> str:
    baris = [json.dumps(hasil.ringkasan())]
    for g in hasil.gagal[:30]:
        baris.append(f"{g['jenis']}: {g['operasi']} -> {g['status']} {g['galat'] or g['pesan']}")
        baris.append(f"    {g['curl'][:400]}")
    return "\n".join(baris)


def test_fuzz_admin_no_server_error(aplikasi):
    hasil = _fuzz(aplikasi, "Admin", _token("admin"), baca_saja=False)
    assert hasil.operasi > 100
    assert hasil.permintaan >= hasil.operasi * CONTOH * 0.9
    assert not hasil.gagal, _ringkas_gagal(hasil)


def test_fuzz_komisioner_reads_only(aplikasi):
    token = _token("komisioner")
    sebelum = _jumlah_baris()
    hasil = _fuzz(aplikasi, "Komisioner", token, baca_saja=True)
    sesudah = _jumlah_baris()
    berubah = {k: (sebelum[k], sesudah[k]) for k in sebelum if sebelum[k] != sesudah[k]}
    assert hasil.operasi > 100
    assert not hasil.gagal, _ringkas_gagal(hasil)
    assert berubah == {}
