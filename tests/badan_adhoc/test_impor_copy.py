"""Import + screening near COPY (issue 15): the SIPOL list loaded into the bare table and its
index rebuilt, the screening's statements joins (no subquery per applicant), a fixed number of
queries whatever the applicants, and the commands without the system checks."""

from __future__ import annotations

import contextlib
import io
import json
from unittest import mock

import pytest
from django.core.management import execute_from_command_line
from django.core.management.base import BaseCommand
from django.db import connection
from django.test.utils import CaptureQueriesContext

from badan_adhoc.models import AnggotaParpol, Pendaftar
from badan_adhoc.services import anggota_parpol_import, pendaftar_import, pendaftar_screen
from kpu_site.impor import ImporGagal

from .conftest import berkas
from .test_seleksi import HARAPAN, KEPALA, _baris_pendaftar, siap_diseleksi  # noqa: F401

TABEL_PARPOL = AnggotaParpol._meta.db_table


def _indeks_nik() -> list[str]:
    with connection.cursor() as cursor:
        daftar = connection.introspection.get_constraints(cursor, TABEL_PARPOL)
    return sorted(
        nama
        for nama, info in daftar.items()
        if info["index"] and not info["primary_key"] and info["columns"] == ["nik"]
    )


def test_anggota_parpol_import_keeps_one_nik_index_and_moves_the_ids_on(db):
    anggota_parpol_import(berkas=berkas("anggota_parpol.csv"), nama_berkas="a.csv")
    anggota_parpol_import(
        berkas=b"nik,nama,partai\n3673010101010001,A,Partai Y\n3673010101010002,B,Partai Z\n",
        nama_berkas="b.csv",
    )
    # the list replaced, the index rebuilt as the migrations made it (one, not two)
    assert _indeks_nik() == ["badan_adhoc_anggotaparpol_nik"]
    assert sorted(AnggotaParpol.objects.values_list("nik", flat=True)) == [
        "3673010101010001",
        "3673010101010002",
    ]
    # a row added afterwards gets a fresh id (the sequence is past the imported ids)
    baru = AnggotaParpol.objects.create(nik="3673010101010003", nama="C", partai="Partai Y")
    assert baru.pk not in set(
        AnggotaParpol.objects.exclude(pk=baru.pk).values_list("pk", flat=True)
    )
    assert AnggotaParpol.objects.filter(nik="3673010101010002").get().nama == "B"
    if connection.vendor == "postgresql":
        # the primary key is back, and ANALYZE has given the planner the nik column's statistics
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT contype FROM pg_constraint WHERE conrelid = %s::regclass", [TABEL_PARPOL]
            )
            assert [r[0] for r in cursor.fetchall()] == ["p"]
            cursor.execute(
                "SELECT count(*) FROM pg_stats WHERE tablename = %s AND attname = 'nik'",
                [TABEL_PARPOL],
            )
            assert cursor.fetchone()[0] == 1


def test_anggota_parpol_import_names_every_bad_row_and_keeps_the_old_list(db):
    anggota_parpol_import(berkas=berkas("anggota_parpol.csv"), nama_berkas="a.csv")
    teks = (
        "nik,nama,partai\n"
        "3673010101010001,Baik,Partai Y\n"
        f"{'1' * 33},Terlalu Panjang,Partai Y\n"
        "3673010101010003,Tanpa Partai,\n"
        f"3673010101010004,{'N' * 151},Partai Y\n"
        "3673010101010005,Baik Juga,Partai Z\n"
    )
    with pytest.raises(ImporGagal) as exc:
        anggota_parpol_import(berkas=teks.encode(), nama_berkas="b.csv")
    assert [str(k) for k in exc.value.kesalahan] == [
        "Baris 3, kolom nik: terlalu panjang: paling banyak 32 karakter (tertulis 33).",
        "Baris 4, kolom partai: kosong.",
        "Baris 5, kolom nama: terlalu panjang: paling banyak 150 karakter (tertulis 151).",
    ]
    assert AnggotaParpol.objects.count() == 3
    assert _indeks_nik() == ["badan_adhoc_anggotaparpol_nik"]
    # the id sequence is not rolled back with the rows: it must still be past the old list's ids
    AnggotaParpol.objects.create(nik="3673010101010009", nama="D", partai="Partai Y")
    assert AnggotaParpol.objects.count() == 4


def test_anggota_parpol_import_escapes_tabs_and_backslashes(db):
    anggota_parpol_import(
        berkas=b'nik,nama,partai\n3673010101010001,"A\tB\\\\C",Partai Y\n', nama_berkas="a.csv"
    )
    assert AnggotaParpol.objects.get().nama == "A\tB\\\\C"


def _update_pendaftar(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].startswith('UPDATE "badan_adhoc_pendaftar"')]


def test_pendaftar_screen_runs_the_same_queries_for_19_or_59_applicants(siap_diseleksi):  # noqa: F811
    with CaptureQueriesContext(connection) as sedikit:
        pendaftar_screen(rekrutmen=siap_diseleksi)
    tambahan = "".join(
        _baris_pendaftar(f"367301120590{9000 + i}", f"Tambahan {i}", "1990-05-12", "36.73.01.1001")
        for i in range(40)
    )
    pendaftar_import(
        rekrutmen=siap_diseleksi, berkas=(KEPALA + tambahan).encode(), nama_berkas="t.csv"
    )
    siap_diseleksi.refresh_from_db()
    with CaptureQueriesContext(connection) as banyak:
        hasil = pendaftar_screen(rekrutmen=siap_diseleksi)
    assert len(banyak.captured_queries) == len(sedikit.captured_queries)
    assert hasil["jumlah"] == HARAPAN["jumlah"] + 40
    assert hasil["alasan"] == HARAPAN["alasan"]


def _per_pendaftar(sql: str) -> list[str]:
    """The parts of ``sql``'s plan run once per applicant over a whole table: PostgreSQL, a
    SubPlan that is not hashed; SQLite (nested loops only), a correlated subquery that scans
    a table instead of searching an index."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("EXPLAIN " + sql)
            return [r[0] for r in cursor.fetchall() if "SubPlan" in r[0] and "hashed" not in r[0]]
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        rows = cursor.fetchall()
    korelasi = {r[0] for r in rows if "CORRELATED" in r[3]}
    return [r[3] for r in rows if r[1] in korelasi and r[3].startswith("SCAN")]


def test_pendaftar_screen_statements_have_no_subquery_per_applicant(siap_diseleksi):  # noqa: F811
    """The duplicate-NIK and SIPOL checks are joins: a correlated subquery (``EXISTS`` in the SET
    list) ran once per applicant, twice, which was most of the screening's time at 200,000."""
    with CaptureQueriesContext(connection) as ctx:
        pendaftar_screen(rekrutmen=siap_diseleksi)
    perintah = _update_pendaftar(ctx.captured_queries)
    assert len(perintah) == 6  # every applicant, NIK ganda, SIPOL, documents, two for others
    for sql in perintah:
        assert _per_pendaftar(sql) == [], sql


def test_pendaftar_screen_clears_anggota_parpol_after_the_list_changes(siap_diseleksi):  # noqa: F811
    assert pendaftar_screen(rekrutmen=siap_diseleksi)["alasan"]["anggota_parpol"] == 1
    anggota_parpol_import(
        berkas=b"nik,nama,partai\n3673019999990099,Orang Lain,Partai Contoh Satu\n",
        nama_berkas="baru.csv",
    )
    hasil = pendaftar_screen(rekrutmen=siap_diseleksi)
    assert hasil["alasan"]["anggota_parpol"] == 0
    assert hasil["tms"] == HARAPAN["tms"] - 1
    lukman = Pendaftar.objects.get(rekrutmen=siap_diseleksi, nama="Lukman Hakim")
    assert (lukman.status_administrasi, lukman.tms_anggota_parpol) == ("ms", False)


def test_pendaftar_pages_leave_room_for_the_screening_update(db):
    """PostgreSQL: applicant pages are filled to half, so the screening's new row versions stay
    on their page (HOT: no index entry rewritten); SQLite has no such setting."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT reloptions FROM pg_class WHERE oid = %s::regclass",
                [Pendaftar._meta.db_table],
            )
            assert cursor.fetchone()[0] == ["fillfactor=50"]
        else:
            cursor.execute(f"PRAGMA table_info({Pendaftar._meta.db_table})")
            assert cursor.fetchall()


@pytest.mark.parametrize(
    "perintah",
    [
        ["impor_anggota_parpol", "PARPOL"],
        ["impor_pendaftar", "kpps-2024", "PENDAFTAR"],
        ["seleksi_administrasi", "kpps-2024", "--json"],
    ],
)
def test_import_commands_do_not_run_the_system_checks(perintah, rekrutmen_kpps, tmp_path):
    parpol = tmp_path / "parpol.csv"
    parpol.write_bytes(berkas("anggota_parpol.csv"))
    pendaftar = tmp_path / "pendaftar.csv"
    pendaftar.write_bytes(berkas("pendaftar_kpps.csv"))
    argumen = [{"PARPOL": str(parpol), "PENDAFTAR": str(pendaftar)}.get(a, a) for a in perintah]
    out = io.StringIO()
    # as from a shell: ``manage.py <perintah>`` (call_command never runs the checks)
    with (
        mock.patch.object(BaseCommand, "check", side_effect=AssertionError("system checks")),
        contextlib.redirect_stdout(out),
    ):
        execute_from_command_line(["manage.py", *argumen])
    if perintah[0] == "seleksi_administrasi":
        assert json.loads(out.getvalue())["jumlah"] == 0  # nothing imported in this test
