"""Benchmark: recruiting KPPS for a whole regency, on PostgreSQL, against COPY.

A synthetic regency of 40 kecamatan, 400 desa and 20,000 TPS; 200,000 KPPS applicants (a few
percent in each TMS reason) and a SIPOL export of 1,000,000 party members. In one run:

0. the floor: PostgreSQL's own ``COPY`` of the same two CSV files into bare tables (every column
   text, no index, no constraint), one transaction;
1. ``impor_wilayah`` + ``impor_tps`` (set-up, not compared);
2. in process: ``anggota_parpol_import`` + ``pendaftar_import`` + ``pendaftar_screen``, total
   against the floor (target <= 3x);
3. as a user runs it: ``manage.py impor_anggota_parpol``, ``impor_pendaftar`` and
   ``seleksi_administrasi``, each a fresh process, total wall time against the floor (target
   <= 5x); the screening's counts must equal those of step 2;
4. the baseline (skip with ``--tanpa-baseline``): django-import-export (``use_bulk``) importing
   the same applicant file into the same table.

Usage (a private PostgreSQL; the database named in the URL is dropped and recreated)::

    DATABASE_URL=postgres://postgres@127.0.0.1:54332/adhoc_bench \
        .venv/bin/python bench/adhoc_seleksi.py [--pendaftar 200000] [--parpol 1000000] \
        [--tanpa-baseline]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpu_site.settings")

KEC, DESA_PER_KEC, TPS_PER_DESA = 40, 10, 50
PARTAI = [f"Partai Contoh {i}" for i in range(1, 19)]
ACUAN = date(2024, 1, 25)


KOLOM_CSV_PENDAFTAR = [
    "nik",
    "nama",
    "jenis_kelamin",
    "tempat_lahir",
    "tanggal_lahir",
    "pendidikan",
    "kode_domisili",
    "alamat",
    "no_hp",
    "email",
    "kode_wilayah_tujuan",
]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def nik_untuk(kec: int, lahir: date, jk: str, serial: int) -> str:
    hari = lahir.day + (40 if jk == "P" else 0)
    return f"3699{kec:02d}{hari:02d}{lahir.month:02d}{lahir.year % 100:02d}{serial % 10000:04d}"


def files_write(folder: Path, n_pendaftar: int, n_parpol: int, rng: random.Random) -> dict:
    wilayah = folder / "wilayah.csv"
    tps = folder / "tps.csv"
    desa = []
    with wilayah.open("w", newline="") as fw, tps.open("w", newline="") as ft:
        w, t = csv.writer(fw), csv.writer(ft)
        w.writerow(["kode", "nama", "jenis", "kode_induk"])
        t.writerow(["kode_kelurahan", "nomor", "jumlah_dpt"])
        for k in range(1, KEC + 1):
            kode_kec = f"99.99.{k:02d}"
            w.writerow([kode_kec, f"Kecamatan {k}", "kecamatan", "99.99"])
            for d in range(1, DESA_PER_KEC + 1):
                kode = f"{kode_kec}.{2000 + d}"
                w.writerow([kode, f"Desa {k}-{d}", "desa", kode_kec])
                desa.append((k, kode))
                for nomor in range(1, TPS_PER_DESA + 1):
                    t.writerow([kode, nomor, rng.randint(180, 300)])

    parpol_nik = []
    pendaftar = folder / "pendaftar.csv"
    with pendaftar.open("w", newline="") as fp:
        p = csv.writer(fp)
        p.writerow(KOLOM_CSV_PENDAFTAR)
        prev_nik = None
        for i in range(n_pendaftar):
            k, kode = desa[i % len(desa)]
            jk = "P" if i % 2 else "L"
            lahir = ACUAN - timedelta(days=rng.randint(18 * 365, 54 * 365))
            r = rng.random()
            if r < 0.01:
                lahir = ACUAN - timedelta(days=rng.randint(15 * 365, 16 * 365))  # under 17
            elif r < 0.06:
                lahir = ACUAN - timedelta(days=rng.randint(57 * 365, 62 * 365))  # warning 55+
            nik = nik_untuk(k, lahir, jk, i)
            r = rng.random()
            if r < 0.02:
                nik = nik[:15]  # not 16 digits
            elif r < 0.03 and prev_nik:
                nik = prev_nik  # applied twice
            prev_nik = nik
            if rng.random() < 0.01:
                parpol_nik.append(nik)
            pendidikan = "SMP" if rng.random() < 0.02 else rng.choice(["SMA", "SMA", "D3", "S1"])
            domisili = kode if rng.random() > 0.03 else desa[(i + 7) % len(desa)][1]
            p.writerow(
                [
                    nik,
                    f"Pendaftar {i}",
                    jk,
                    "Kota Contoh",
                    lahir.isoformat(),
                    pendidikan,
                    domisili,
                    f"Jl. Contoh No. {i % 300}",
                    f"08{i:010d}",
                    "",
                    kode,
                ]
            )
    parpol = folder / "parpol.csv"
    with parpol.open("w", newline="") as fa:
        a = csv.writer(fa)
        a.writerow(["nik", "nama", "partai"])
        for nik in parpol_nik:
            a.writerow([nik, "Anggota", rng.choice(PARTAI)])
        for i in range(n_parpol - len(parpol_nik)):
            a.writerow([f"37{i:014d}", f"Anggota {i}", PARTAI[i % len(PARTAI)]])
    return {"wilayah": wilayah, "tps": tps, "pendaftar": pendaftar, "parpol": parpol}


def timed(label: str, fn, rows: int | None = None):
    start = time.perf_counter()
    result = fn()
    dt = time.perf_counter() - start
    rate = f", {rows / dt:,.0f} baris/detik" if rows else ""
    print(f"  {label:<38} {dt:8.2f} s{rate}   (puncak memori {rss_mb():,.0f} MB)", flush=True)
    return result, dt


def baseline_import(path: Path, rekrutmen, limit: int | None) -> tuple[int, float]:
    import tablib
    from import_export import fields, resources, widgets

    from badan_adhoc.models import Pendaftar, Wilayah
    from badan_adhoc.services.impor import kode_lahir

    domisili = dict(Wilayah.objects.exclude(jenis="kecamatan").values_list("kode", "pk"))

    class PendaftarResource(resources.ModelResource):
        wilayah_tujuan = fields.Field(
            attribute="wilayah_tujuan",
            column_name="kode_wilayah_tujuan",
            widget=widgets.ForeignKeyWidget(Wilayah, "kode"),
        )

        class Meta:
            model = Pendaftar
            fields = (
                "nik",
                "nama",
                "jenis_kelamin",
                "tempat_lahir",
                "tanggal_lahir",
                "pendidikan",
                "kode_domisili",
                "alamat",
                "no_hp",
                "email",
                "wilayah_tujuan",
            )
            use_bulk = True
            batch_size = 1000
            force_init_instance = True
            skip_diff = True

        def init_instance(self, row=None):
            return Pendaftar(rekrutmen=rekrutmen)

        def before_save_instance(self, instance, row, **kwargs):
            instance.domisili_id = domisili.get(instance.kode_domisili)
            instance.kode_lahir = kode_lahir(instance.tanggal_lahir, instance.jenis_kelamin)

    text = path.read_text(encoding="utf-8")
    if limit:
        text = "".join(text.splitlines(keepends=True)[: limit + 1])
    dataset = tablib.Dataset().load(text, format="csv")
    start = time.perf_counter()
    result = PendaftarResource().import_data(dataset, dry_run=False, use_transactions=True)
    dt = time.perf_counter() - start
    if result.has_errors() or result.has_validation_errors():
        raise SystemExit(
            f"baseline import failed: {result.base_errors[:1] or result.invalid_rows[:1]}"
        )
    return len(dataset), dt


def lantai_copy(files: dict) -> float:
    """The floor: ``COPY`` of the applicant and SIPOL files into bare text tables (created and
    committed first), in one transaction; returns the seconds of the COPY and its commit."""
    from django.db import connection, transaction

    tabel = {
        "lantai_parpol": ("parpol", ("nik", "nama", "partai")),
        "lantai_pendaftar": ("pendaftar", KOLOM_CSV_PENDAFTAR),
    }
    with connection.cursor() as cur:
        for nama, (_, kolom) in tabel.items():
            cur.execute(f"DROP TABLE IF EXISTS {nama}")
            cur.execute(f"CREATE TABLE {nama} ({', '.join(f'{k} text' for k in kolom)})")
    start = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cur:
        for nama, (kunci, _) in tabel.items():
            with files[kunci].open() as fh:
                cur.cursor.copy_expert(
                    f"COPY {nama} FROM STDIN WITH (FORMAT csv, HEADER true)", fh, size=1 << 16
                )
    dt = time.perf_counter() - start
    with connection.cursor() as cur:
        cur.execute("DROP TABLE lantai_parpol, lantai_pendaftar")
    return dt


def perintah_jalankan(files: dict, kode: str) -> tuple[float, dict, list[tuple[str, float]]]:
    """The three commands a user runs, each a fresh ``manage.py`` process; returns the total
    wall time, the screening's JSON and each command's time."""
    manage = str(ROOT / "manage.py")
    langkah = [
        ("impor_anggota_parpol", [str(files["parpol"])]),
        ("impor_pendaftar", [kode, str(files["pendaftar"])]),
        ("seleksi_administrasi", [kode, "--json"]),
    ]
    waktu = []
    keluaran = ""
    for nama, argumen in langkah:
        start = time.perf_counter()
        proses = subprocess.run(
            [sys.executable, manage, nama, *argumen],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        waktu.append((nama, time.perf_counter() - start))
        if proses.returncode:
            raise SystemExit(f"{nama} gagal:\n{proses.stderr}")
        keluaran = proses.stdout
    return sum(t for _, t in waktu), json.loads(keluaran), waktu


def waktu_proses(argumen: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *argumen], capture_output=True, cwd=ROOT, check=True)
    return time.perf_counter() - start


def pendaftar_kosongkan() -> None:
    """Empty the applicant table between runs (no per-row history: the bench's data only)."""
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("TRUNCATE badan_adhoc_pendaftar, badan_adhoc_historicalpendaftar CASCADE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pendaftar", type=int, default=200_000)
    parser.add_argument("--parpol", type=int, default=1_000_000)
    parser.add_argument(
        "--baseline-baris",
        type=int,
        default=0,
        help="limit the baseline to the first N rows (0 = the whole file)",
    )
    parser.add_argument(
        "--tanpa-baseline", action="store_true", help="skip the django-import-export baseline"
    )
    args = parser.parse_args()
    from _pg import db_baru_dari_env

    db_baru_dari_env()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from badan_adhoc.models import Pendaftar
    from badan_adhoc.services import (
        anggota_parpol_import,
        pendaftar_import,
        pendaftar_screen,
        rekrutmen_create,
        tps_import,
        wilayah_import,
    )

    call_command("migrate", verbosity=0)
    rng = random.Random(2024)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"Membuat berkas: {args.pendaftar:,} pendaftar, {args.parpol:,} anggota parpol ...")
        files = files_write(folder, args.pendaftar, args.parpol, rng)
        print(f"PostgreSQL {connection.pg_version}, {os.cpu_count()} CPU")

        lantai = lantai_copy(files)
        print(f"  {'lantai: COPY kedua berkas ke tabel teks':<38} {lantai:8.2f} s")

        def impor(fn, key, **kw):
            with files[key].open("rb") as fh:
                return fn(berkas=fh, nama_berkas=files[key].name, **kw)

        timed("impor wilayah (440 baris)", lambda: impor(wilayah_import, "wilayah"), 440)
        timed("impor TPS (20.000 baris)", lambda: impor(tps_import, "tps"), 20_000)
        rekrutmen = rekrutmen_create(
            kode="kpps-bench",
            jenis_badan="kpps",
            nama="KPPS Pemilu 2024 (bench)",
            pemilihan="Pemilu 2024",
            tanggal_acuan=ACUAN,
            masa_kerja_mulai=date(2024, 1, 25),
            masa_kerja_selesai=date(2024, 2, 25),
        )
        with connection.cursor() as cur:
            cur.execute("ANALYZE")

        print("(a) dalam satu proses:")
        _, t_parpol = timed(
            f"impor anggota parpol ({args.parpol:,})",
            lambda: impor(anggota_parpol_import, "parpol"),
            args.parpol,
        )
        _, t_impor = timed(
            f"impor pendaftar ({args.pendaftar:,})",
            lambda: impor(pendaftar_import, "pendaftar", rekrutmen=rekrutmen),
            args.pendaftar,
        )
        hasil, t_seleksi = timed(
            "seleksi administrasi",
            lambda: pendaftar_screen(rekrutmen=rekrutmen),
            args.pendaftar,
        )
        puncak = rss_mb()
        t_a = t_parpol + t_impor + t_seleksi
        print(f"  hasil: {hasil}")

        print("(b) tiga perintah manage.py, masing-masing proses baru:")
        pendaftar_kosongkan()
        t_b, hasil_b, per_perintah = perintah_jalankan(files, rekrutmen.kode)
        for nama, t in per_perintah:
            print(f"  {nama:<38} {t:8.2f} s")
        t_awal = waktu_proses(["-c", "import django, os; os.environ.setdefault("
                               "'DJANGO_SETTINGS_MODULE', 'kpu_site.settings'); django.setup()"])  # fmt: skip
        t_check = waktu_proses([str(ROOT / "manage.py"), "check"])
        print(
            f"  (sekadar memulai Django: {t_awal:.2f} s per proses; manage.py check: "
            f"{t_check:.2f} s, tidak dijalankan perintah impor/seleksi)"
        )
        if hasil_b != hasil:
            raise SystemExit(f"hasil seleksi perintah berbeda: {hasil_b} != {hasil}")

        r_a, r_b = t_a / lantai, t_b / lantai
        print(
            f"Impor + seleksi dalam proses: {t_a:.2f} s = {r_a:.1f}x lantai COPY {lantai:.2f} s "
            f"(target <= 3x); puncak memori {puncak:,.0f} MB"
        )
        print(
            f"Impor + seleksi lewat perintah: {t_b:.2f} s = {r_b:.1f}x lantai COPY "
            f"(target <= 5x); hasil seleksi sama dengan (a)"
        )
        ok = r_a <= 3 and r_b <= 5

        if not args.tanpa_baseline:
            pendaftar_kosongkan()
            n_base, t_base = baseline_import(
                files["pendaftar"], rekrutmen, args.baseline_baris or None
            )
            assert Pendaftar.objects.filter(rekrutmen=rekrutmen).count() == n_base
            ours_rate = args.pendaftar / t_impor
            base_rate = n_base / t_base
            print(
                f"  django-import-export (use_bulk), {n_base:,} baris: {t_base:.2f} s, "
                f"{base_rate:,.0f} baris/detik"
            )
            print(
                f"Rasio kecepatan impor pendaftar: {ours_rate / base_rate:.1f}x "
                f"(kita {ours_rate:,.0f} vs {base_rate:,.0f} baris/detik; target >= 20x)"
            )
            ok = ok and ours_rate / base_rate >= 20
        print("TARGET TERPENUHI" if ok else "TARGET TIDAK TERPENUHI")


if __name__ == "__main__":
    main()
