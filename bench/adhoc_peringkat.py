"""Benchmark: interview call, ranking and penetapan of a whole regency, on PostgreSQL.

The synthetic regency of ``adhoc_seleksi.py`` (40 kecamatan, 400 desa, 20,000 TPS, so 140,000
KPPS seats), with two recruitments of 200,000 applicants each, imported and screened by the
app's own services:

- KPPS: ``peringkat_compute`` (first run, which writes every row, and a rerun, which writes
  none), then ``penetapan_create`` of the ~140,000 terpilih;
- PPS (3 seats per desa): CAT and interview scores for the MS applicants (a few missing),
  then ``wawancara_select`` and ``peringkat_compute``.

Each step is compared with a floor measured in the same run on the same rows: PostgreSQL's own
``CREATE TEMP TABLE … AS SELECT id, row_number() OVER (PARTITION BY wilayah_tujuan_id ORDER BY
<the same keys>)`` for the ranking and the call, and an ``INSERT … SELECT`` of the same rows
into a bare copy of the member table (no index, no foreign key) for penetapan. Targets (issue
15): each ranking of 200,000 applicants ≤ 3 s, penetapan of 140,000 members ≤ 10 s.

Usage (a private PostgreSQL; the database named in the URL is dropped and recreated)::

    DATABASE_URL=postgres://postgres@127.0.0.1:54332/adhoc_bench \\
        .venv/bin/python bench/adhoc_peringkat.py [--pendaftar 200000] [--explain]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# adhoc_seleksi also puts the project on sys.path and sets DJANGO_SETTINGS_MODULE
from adhoc_seleksi import ACUAN, files_write, timed

TARGET_PERINGKAT, TARGET_PENETAPAN = 3.0, 10.0


def _sekali(sql: str, params=()) -> float:
    """Run one statement, return its time in seconds."""
    from django.db import connection

    start = time.perf_counter()
    with connection.cursor() as cur:
        cur.execute(sql, params)
    return time.perf_counter() - start


def _lantai_urut(rekrutmen_id: int, urutan: str, nama: str) -> float:
    """PostgreSQL alone: number the same rows in the same order into a temporary table."""
    dt = _sekali(
        f"CREATE TEMP TABLE {nama} AS SELECT p.id, row_number() OVER "  # noqa: S608
        f"(PARTITION BY p.wilayah_tujuan_id ORDER BY {urutan}) AS nomor "
        "FROM badan_adhoc_pendaftar AS p WHERE p.rekrutmen_id = %s",
        [rekrutmen_id],
    )
    _sekali(f"DROP TABLE {nama}")
    return dt


def _lantai_tulis(rekrutmen_id: int) -> float:
    """PostgreSQL alone: rewrite the same rows once (every applicant of the recruitment gets
    its ``hasil_akhir``), rolled back; the caller vacuums afterwards."""
    from django.db import transaction

    class Batal(Exception):
        pass

    try:
        with transaction.atomic():
            dt = _sekali(
                "UPDATE badan_adhoc_pendaftar SET hasil_akhir = 'tidak', peringkat = NULL "
                "WHERE rekrutmen_id = %s",
                [rekrutmen_id],
            )
            raise Batal
    except Batal:
        return dt


def _lantai_penetapan(rekrutmen_id: int) -> tuple[float, int]:
    """PostgreSQL alone: the same terpilih rows INSERT … SELECTed into a bare member table."""
    from django.db import connection

    _sekali("CREATE TABLE lantai_anggota (LIKE badan_adhoc_anggotabadan INCLUDING DEFAULTS)")
    start = time.perf_counter()
    with connection.cursor() as cur:
        cur.execute(
            "INSERT INTO lantai_anggota (id, rekrutmen_id, pendaftar_id, nama, wilayah_id, "
            "jabatan, nomor_sk, tanggal_sk, mulai, selesai, status, alasan_berhenti, "
            "keterangan_berhenti) SELECT p.id, p.rekrutmen_id, p.id, p.nama, "
            "p.wilayah_tujuan_id, 'anggota', 'SK', DATE '2024-01-20', DATE '2024-01-25', "
            "DATE '2024-02-25', 'aktif', '', '' FROM badan_adhoc_pendaftar AS p "
            "WHERE p.rekrutmen_id = %s AND p.hasil_akhir = 'terpilih' "
            "ORDER BY p.wilayah_tujuan_id, p.peringkat, p.id",
            [rekrutmen_id],
        )
        n = cur.rowcount
    dt = time.perf_counter() - start
    _sekali("DROP TABLE lantai_anggota")
    return dt, n


def _jelaskan(label: str, fn) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of every UPDATE/INSERT ``fn`` sends, rolled back."""
    from django.db import connection, transaction

    rencana = []

    tulis = ('UPDATE "BADAN_ADHOC_PENDAFTAR"', 'INSERT INTO "BADAN_ADHOC_ANGGOTABADAN"')

    def explain(execute, sql, params, many, context):
        if not sql.lstrip().upper().startswith(tulis):
            return execute(sql, params, many, context)
        hasil = execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params, many, context)
        rencana.extend(r[0] for r in context["cursor"].fetchall())
        return hasil

    class Batal(Exception):
        pass

    try:
        with transaction.atomic(), connection.execute_wrapper(explain):
            try:
                fn()
            except Exception as exc:  # e.g. the count after an EXPLAIN is wrong
                print(f"  ({label}: {exc})")
            raise Batal
    except Batal:
        pass
    print(f"--- EXPLAIN (ANALYZE, BUFFERS) {label}")
    for baris in rencana:
        print("   ", baris)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pendaftar", type=int, default=200_000)
    parser.add_argument(
        "--explain", action="store_true", help="print the plans of the statements (rolled back)"
    )
    args = parser.parse_args()
    from _pg import db_baru_dari_env

    db_baru_dari_env()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from badan_adhoc.models import AnggotaBadan, Pendaftar
    from badan_adhoc.services import (
        pendaftar_import,
        pendaftar_screen,
        penetapan_create,
        peringkat_compute,
        rekrutmen_create,
        tps_import,
        wilayah_import,
    )
    from badan_adhoc.services.penetapan import (
        _URUT_KPPS,
        _URUT_PPK_PPS,
        _URUT_WAWANCARA,
        wawancara_select,
    )

    call_command("migrate", verbosity=0)
    rng = random.Random(2024)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"Menyiapkan data: 2 × {args.pendaftar:,} pendaftar (KPPS dan PPS) ...")
        files = files_write(folder, args.pendaftar, 1_000, rng)

        def impor(fn, key, **kw):
            with files[key].open("rb") as fh:
                return fn(berkas=fh, nama_berkas=files[key].name, **kw)

        impor(wilayah_import, "wilayah")
        impor(tps_import, "tps")
        kpps = rekrutmen_create(
            kode="kpps-bench",
            jenis_badan="kpps",
            nama="KPPS Pemilu 2024 (bench)",
            pemilihan="Pemilu 2024",
            tanggal_acuan=ACUAN,
            masa_kerja_mulai=date(2024, 1, 25),
            masa_kerja_selesai=date(2024, 2, 25),
        )
        pps = rekrutmen_create(
            kode="pps-bench",
            jenis_badan="pps",
            nama="PPS Pilkada 2024 (bench)",
            pemilihan="Pilkada 2024",  # another election: its NIKs are no duplicates of KPPS'
            tanggal_acuan=date(2024, 5, 1),
            masa_kerja_mulai=date(2024, 5, 1),
            masa_kerja_selesai=date(2025, 1, 31),
        )
        for r in (kpps, pps):
            impor(pendaftar_import, "pendaftar", rekrutmen=r)
            pendaftar_screen(rekrutmen=r)
        # CAT and interview scores 0,00–100,00 for the MS applicants of PPS; 1 in 50 without an
        # interview score (absent), the scores spread so that ties occur but are rare
        with connection.cursor() as cur:
            cur.execute(
                "UPDATE badan_adhoc_pendaftar SET nilai_cat = (id * 7919 %% 10001) / 100.0, "
                "nilai_wawancara = CASE WHEN id %% 50 = 0 THEN NULL "
                "ELSE (id * 104729 %% 10001) / 100.0 END "
                "WHERE rekrutmen_id = %s AND status_administrasi = 'ms'",
                [pps.pk],
            )
            cur.execute("VACUUM ANALYZE badan_adhoc_pendaftar")  # as after a night's autovacuum
        ms = Pendaftar.objects.filter(rekrutmen=kpps, status_administrasi="ms").count()
        print(
            f"PostgreSQL {connection.pg_version}, {os.cpu_count()} CPU; KPPS {ms:,} MS dari "
            f"{args.pendaftar:,}, kursi 140.000"
        )

        hasil = []

        def langkah(label, fn, lantai: dict[str, float], target: float | None):
            keluaran, dt = timed(label, fn)
            total = sum(lantai.values())
            rincian = " + ".join(f"{k} {v:.2f} s" for k, v in lantai.items())
            rasio = f"{dt / total:5.1f}× lantai {total:.2f} s ({rincian})"
            ok = "" if target is None else ("ok" if dt <= target else f"> {target:.0f} s")
            print(f"      -> {keluaran}   {rasio}   {ok}", flush=True)
            hasil.append((label, dt, total, target))
            return keluaran

        if args.explain:
            _jelaskan("peringkat KPPS", lambda: peringkat_compute(rekrutmen=kpps, pengguna=None))
            _jelaskan("wawancara PPS", lambda: wawancara_select(rekrutmen=pps, pengguna=None))

        print(
            "Langkah (waktu aplikasi; lantai = PostgreSQL sendiri pada baris yang sama: "
            "urut = CREATE TEMP TABLE … AS SELECT row_number() OVER (…), "
            "tulis = UPDATE semua baris rekrutmen, sisip = INSERT … SELECT ke tabel polos):"
        )
        tulis = {r.pk: _lantai_tulis(r.pk) for r in (kpps, pps)}
        with connection.cursor() as cur:
            cur.execute("VACUUM ANALYZE badan_adhoc_pendaftar")
        urut_kpps = _lantai_urut(kpps.pk, _URUT_KPPS, "lantai_kpps")
        langkah(
            "peringkat KPPS (pertama)",
            lambda: peringkat_compute(rekrutmen=kpps, pengguna=None),
            {"urut": urut_kpps, "tulis": tulis[kpps.pk]},
            TARGET_PERINGKAT,
        )
        langkah(
            "peringkat KPPS (ulang, tanpa perubahan)",
            lambda: peringkat_compute(rekrutmen=kpps, pengguna=None),
            {"urut": urut_kpps},
            TARGET_PERINGKAT,
        )
        langkah(
            "wawancara PPS",
            lambda: wawancara_select(rekrutmen=pps, pengguna=None),
            {"urut": _lantai_urut(pps.pk, _URUT_WAWANCARA, "lantai_wawancara")},
            TARGET_PERINGKAT,
        )
        langkah(
            "peringkat PPS",
            lambda: peringkat_compute(rekrutmen=pps, pengguna=None),
            {
                "urut": _lantai_urut(pps.pk, _URUT_PPK_PPS, "lantai_pps"),
                "tulis": tulis[pps.pk],
            },
            TARGET_PERINGKAT,
        )
        with connection.cursor() as cur:
            cur.execute("ANALYZE badan_adhoc_pendaftar")
        if args.explain:
            _jelaskan(
                "penetapan KPPS",
                lambda: penetapan_create(
                    rekrutmen=kpps, nomor_sk="SK", tanggal_sk=date(2024, 1, 20), pengguna=None
                ),
            )
        sisip, n_lantai = _lantai_penetapan(kpps.pk)
        n = langkah(
            "penetapan KPPS",
            lambda: penetapan_create(
                rekrutmen=kpps,
                nomor_sk="1/PP.05-Kpt/9999/2024",
                tanggal_sk=date(2024, 1, 20),
                pengguna=None,
            ),
            {"sisip": sisip},
            TARGET_PENETAPAN,
        )
        assert n == n_lantai == AnggotaBadan.objects.count(), (n, n_lantai)
        ok = all(dt <= target for _, dt, _, target in hasil if target is not None)
        print("TARGET TERPENUHI" if ok else "TARGET TIDAK TERPENUHI")


if __name__ == "__main__":
    main()
