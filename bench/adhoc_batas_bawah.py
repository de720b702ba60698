"""Benchmark: the lower bound of import + screening in the app's own tables, against COPY.

Why issue 15's "import + screening at most 3x COPY" cannot be reached with the stored model:
this measures the same work as ``adhoc_seleksi.py`` with everything the app adds taken away, in
the app's real tables (after ``migrate``), on the same generated files, in one run:

0. the floor: ``COPY`` of the applicant and SIPOL files into bare text tables (as
   ``adhoc_seleksi.py``);
1. SIPOL: ``TRUNCATE``, primary key and nik index dropped, the file ``COPY``-ed straight into
   the party-member table by the server (no Python parsing, no validation, no index rebuilt,
   no ``ANALYZE``);
2. applicants: every secondary index dropped, one typed ``INSERT ... SELECT`` from the floor's
   own text table (no parsing, no staging ``COPY``, no validation, no wilayah look-up);
3. screening: only the rewrite of every applicant row that setting a result needs
   (``UPDATE ... SET status_administrasi = 'ms'``: no reason computed).

The total of 1-3 divided by the floor is a bound no implementation on these tables can go
below; what the app must add on top (the applicants' own COPY, the indexes it reads with, the
checks, the statistics, the screening joins) is printed from the same run. Nothing is kept: the
run ends with a rollback.

Usage (a private PostgreSQL; the database named in the URL is dropped and recreated)::

    DATABASE_URL=postgres://postgres@127.0.0.1:54332/adhoc_bench \
        .venv/bin/python bench/adhoc_batas_bawah.py [--pendaftar 200000] [--parpol 1000000]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpu_site.settings")

from adhoc_seleksi import KOLOM_CSV_PENDAFTAR, files_write  # noqa: E402

PARPOL = "badan_adhoc_anggotaparpol"
PENDAFTAR = "badan_adhoc_pendaftar"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pendaftar", type=int, default=200_000)
    parser.add_argument("--parpol", type=int, default=1_000_000)
    args = parser.parse_args()
    from _pg import db_baru_dari_env

    db_baru_dari_env()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    cur = connection.cursor().cursor  # the psycopg2 cursor: copy_expert, plain SQL

    def langkah(label: str, sql: str | None = None, *, berkas: Path | None = None) -> float:
        start = time.perf_counter()
        if berkas is not None:
            with berkas.open() as fh:
                cur.copy_expert(sql, fh, size=1 << 16)
        else:
            cur.execute(sql)
        dt = time.perf_counter() - start
        print(f"  {label:<58} {dt:6.2f} s", flush=True)
        return dt

    with tempfile.TemporaryDirectory() as tmp:
        print(f"Membuat berkas: {args.pendaftar:,} pendaftar, {args.parpol:,} anggota parpol ...")
        files = files_write(Path(tmp), args.pendaftar, args.parpol, random.Random(2024))
        print(f"PostgreSQL {connection.pg_version}, {os.cpu_count()} CPU")
        kolom = ", ".join(f"{k} text" for k in KOLOM_CSV_PENDAFTAR)
        cur.execute("CREATE TABLE lantai_parpol (nik text, nama text, partai text)")
        cur.execute(f"CREATE TABLE lantai_pendaftar ({kolom})")
        connection.commit()

        print("(0) lantai:")
        csv = "FROM STDIN WITH (FORMAT csv, HEADER true)"
        lantai = langkah("COPY berkas SIPOL ke tabel teks", f"COPY lantai_parpol {csv}",
                         berkas=files["parpol"])  # fmt: skip
        lantai += langkah("COPY berkas pendaftar ke tabel teks", f"COPY lantai_pendaftar {csv}",
                          berkas=files["pendaftar"])  # fmt: skip
        start = time.perf_counter()
        connection.commit()
        lantai += time.perf_counter() - start

        print("(1-3) batas bawah di tabel aplikasi, tanpa indeks/pemeriksaan/statistik:")
        cur.execute("SET work_mem = '256MB'")
        cur.execute(
            "SELECT indexrelid::regclass::text FROM pg_index "
            "WHERE indrelid = %s::regclass AND NOT indisprimary",
            [PENDAFTAR],
        )
        indeks = [r[0] for r in cur.fetchall()]
        bawah = langkah(
            "SIPOL: TRUNCATE, lepas pk + indeks nik",
            f"TRUNCATE {PARPOL}; ALTER TABLE {PARPOL} DROP CONSTRAINT {PARPOL}_pkey; "
            f"DROP INDEX badan_adhoc_anggotaparpol_nik",
        )
        bawah += langkah(
            "SIPOL: COPY berkas langsung ke tabelnya (server)",
            f"COPY {PARPOL} (nik, nama, partai) {csv}",
            berkas=files["parpol"],
        )
        bawah += langkah("pendaftar: lepas indeks sekunder", f"DROP INDEX {', '.join(indeks)}")
        bawah += langkah(
            "pendaftar: satu INSERT ... SELECT bertipe dari tabel lantai",
            f"INSERT INTO {PENDAFTAR} (rekrutmen_id, nik, nama, jenis_kelamin, tempat_lahir, "  # noqa: S608
            "tanggal_lahir, pendidikan, kode_domisili, domisili_id, alamat, no_hp, email, "
            "wilayah_tujuan_id, kode_lahir, status_administrasi, tms_nik_tidak_valid, "
            "tms_nik_ganda, tms_usia_kurang, tms_pendidikan_kurang, "
            "tms_domisili_di_luar_wilayah, tms_anggota_parpol, peringatan_usia_lebih_55, "
            "koreksi_status, koreksi_alasan, dipanggil_wawancara, hasil_akhir, dibuat_pada) "
            "SELECT 1, nik, nama, jenis_kelamin, tempat_lahir, tanggal_lahir::date, pendidikan, "
            "kode_domisili, 1, coalesce(alamat, ''), coalesce(no_hp, ''), coalesce(email, ''), "
            "1, '000000', 'belum', false, false, false, false, false, false, false, '', '', "
            "false, '', now() FROM lantai_pendaftar",
        )
        bawah += langkah(
            "seleksi: menulis ulang setiap baris pendaftar",
            f"UPDATE {PENDAFTAR} SET status_administrasi = 'ms'",  # noqa: S608
        )
        start = time.perf_counter()
        cur.execute("SELECT 1")  # the work above is measured without its commit (cheaper)
        bawah += time.perf_counter() - start

        print("Yang ditambahkan aplikasi di atas batas itu (diukur di proses yang sama):")
        tambah = langkah(
            "COPY pendaftar ke tabel sementara", f"CREATE TEMP TABLE t ({kolom}); COPY t {csv}",
            berkas=files["pendaftar"],
        )  # fmt: skip
        tambah += langkah(
            "SIPOL: pk + indeks nik", f"ALTER TABLE {PARPOL} ADD PRIMARY KEY (id); "
            f"CREATE INDEX badan_adhoc_anggotaparpol_nik ON {PARPOL} (nik)",
        )  # fmt: skip
        tambah += langkah(
            "pendaftar: indeks btree (rekrutmen, nik) + (rekrutmen, wilayah, id)",
            f"CREATE INDEX i1 ON {PENDAFTAR} (rekrutmen_id, nik); "
            f"CREATE INDEX i2 ON {PENDAFTAR} (rekrutmen_id, wilayah_tujuan_id, id)",
        )
        tambah += langkah(
            "pendaftar: indeks trigram nama (pencarian)",
            f"CREATE INDEX i3 ON {PENDAFTAR} USING gin (upper(nama::text) gin_trgm_ops)",
        )
        tambah += langkah("ANALYZE kedua tabel", f"ANALYZE {PARPOL}; ANALYZE {PENDAFTAR}")
        connection.rollback()

        print(f"Lantai COPY {lantai:.2f} s; batas bawah {bawah:.2f} s = {bawah / lantai:.2f}x "
              f"(target impor + seleksi <= 3x)")  # fmt: skip
        print(f"Batas bawah + yang ditambahkan aplikasi: {bawah + tambah:.2f} s = "
              f"{(bawah + tambah) / lantai:.2f}x")  # fmt: skip


if __name__ == "__main__":
    main()
