"""Benchmark: importing 100,000 realisasi rows into PostgreSQL, then rendering the tree page.

In one run, on the same generated CSV (Indonesian amounts ``1.500.000,50``, ``;`` separator)
and the same table:

1. ``anggaran.impor.realisasi_impor`` (validates every row, all-or-nothing, COPY on
   PostgreSQL) — rows/second;
2. the tree page (``anggaran:dokumen_detail``) over those 100,000 transactions — time and
   number of queries;
3. the baseline after emptying the table: a plain loop that parses each row and calls
   ``Realisasi(...).save()`` (with the model's history and audit trail, as any save does);
4. the ratio import ÷ baseline (target: at least 20×).

Usage (a private PostgreSQL; the database named in the URL is dropped and recreated)::

    DATABASE_URL=postgres://postgres@127.0.0.1:54331/anggaran_bench \
        .venv/bin/python bench/anggaran_impor.py [--baris 100000] [--akun 300] \
        [--baseline-baris 20000]

The save() loop runs on the first ``--baseline-baris`` rows of the same file by default (it
manages only a few hundred rows a second; the whole file would take 4-7 minutes) and the ratio
compares rows per second; ``--baseline-baris 0`` runs it on the whole file.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpu_site.settings")


def angka_id(sen: int) -> str:
    """``150000050`` (in sen) -> ``1.500.000,50``."""
    rupiah, sisa = divmod(sen, 100)
    text = f"{rupiah:,}".replace(",", ".")
    return f"{text},{sisa:02d}" if sisa else text


def pohon_create(n_akun: int):
    from anggaran import services
    from anggaran.models import DokumenAnggaran, Pos

    dipa = services.dokumen_create(
        pengguna=None,
        jenis=DokumenAnggaran.Jenis.DIPA,
        tahun=2023,
        nomor="SP DIPA-076.01.2.999999/2023",
        tanggal=date(2022, 12, 5),
        uraian="DIPA benchmark",
    )
    program = services.pos_create(
        pengguna=None,
        dokumen=dipa,
        induk=None,
        tingkat=Pos.Tingkat.PROGRAM,
        kode="076.01.CQ",
        uraian="Program",
    )
    akun_kode = []
    per_kegiatan = 10
    for k in range(n_akun // per_kegiatan):
        node = program
        for tingkat, kode in [
            (Pos.Tingkat.KEGIATAN, f"{6700 + k}"),
            (Pos.Tingkat.KRO, "QGE"),
            (Pos.Tingkat.RO, "001"),
            (Pos.Tingkat.KOMPONEN, "051"),
            (Pos.Tingkat.SUBKOMPONEN, "A"),
        ]:
            node = services.pos_create(
                pengguna=None, dokumen=dipa, induk=node, tingkat=tingkat, kode=kode, uraian=kode
            )
        for a in range(per_kegiatan):
            akun = services.pos_create(
                pengguna=None,
                dokumen=dipa,
                induk=node,
                tingkat=Pos.Tingkat.AKUN,
                kode=f"{521200 + a}",
                uraian="Akun",
            )
            services.pos_create(
                pengguna=None,
                dokumen=dipa,
                induk=akun,
                tingkat=Pos.Tingkat.DETAIL,
                kode="1",
                uraian="Detail",
                satuan="PKT",
                volume=Decimal("1"),
                harga=Decimal("900000000000"),
            )
            akun_kode.append(akun.kode_lengkap)
    return dipa, akun_kode


def csv_create(n: int, akun_kode: list[str], rng: random.Random) -> bytes:
    buffer = io.StringIO()
    w = csv.writer(buffer, delimiter=";")
    w.writerow(["tanggal", "nomor_sp2d", "kode_akun", "uraian", "nilai"])
    start = date(2023, 1, 2)
    for i in range(n):
        tgl = start + timedelta(days=rng.randint(0, 360))
        w.writerow(
            [
                tgl.strftime("%d/%m/%Y") if i % 2 else tgl.isoformat(),
                f"23{i:010d}",
                akun_kode[i % len(akun_kode)],
                f"Pembayaran belanja nomor {i}",
                angka_id(rng.randint(10_000_00, 50_000_000_00)),
            ]
        )
    return buffer.getvalue().encode("utf-8")


def kosongkan() -> None:
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute(
            "TRUNCATE anggaran_realisasi, anggaran_historicalrealisasi, "
            "anggaran_imporrealisasi, anggaran_historicalimporrealisasi RESTART IDENTITY CASCADE"
        )
        cur.execute("DELETE FROM kpu_site_jejakaudit")


def baseline(data: bytes, dipa, akun_map: dict[str, int], batas: int) -> int:
    """The plain way: parse each row, ``save()`` it (history + audit trail as any save), all in
    one transaction (kinder to the baseline than autocommit, which fsyncs every row)."""
    from django.db import transaction

    from anggaran.models import Realisasi
    from kpu_site.impor import parse_angka_id, parse_tanggal

    reader = csv.DictReader(io.StringIO(data.decode("utf-8")), delimiter=";")
    n = 0
    with transaction.atomic():
        n = _loop(reader, dipa, akun_map, batas, Realisasi, parse_angka_id, parse_tanggal)
    return n


def _loop(reader, dipa, akun_map, batas, Realisasi, parse_angka_id, parse_tanggal) -> int:
    n = 0
    for row in reader:
        if batas and n >= batas:
            break
        Realisasi(
            dokumen=dipa,
            akun_id=akun_map[row["kode_akun"]],
            tanggal=parse_tanggal(row["tanggal"]),
            nomor_sp2d=row["nomor_sp2d"],
            uraian=row["uraian"],
            nilai=parse_angka_id(row["nilai"]),
            asal=Realisasi.Asal.IMPOR,
        ).save()
        n += 1
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baris", type=int, default=100_000)
    parser.add_argument("--akun", type=int, default=300)
    parser.add_argument(
        "--baseline-baris",
        type=int,
        default=20_000,
        help="rows of the same file the save() loop runs on (0 = the whole file; at ~250-400 "
        "rows/s that takes 4-7 minutes for 100,000 rows); the ratio compares rows/second",
    )
    args = parser.parse_args()

    from _pg import db_baru_dari_env

    db_baru_dari_env()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from anggaran.impor import realisasi_impor
    from anggaran.models import Pos, Realisasi
    from anggaran.selectors import pohon_anggaran
    from sekretariat.models import Pengguna

    call_command("migrate", verbosity=0)
    rng = random.Random(5)
    dipa, akun_kode = pohon_create(args.akun)
    data = csv_create(args.baris, akun_kode, rng)
    print(
        f"PostgreSQL {connection.pg_version // 10000}; tree of {Pos.objects.count()} lines "
        f"({len(akun_kode)} akun); file {len(data) / 1e6:.1f} MB, {args.baris:,} rows"
    )

    t0 = time.perf_counter()
    hasil = realisasi_impor(pengguna=None, dokumen=dipa, berkas=data, nama_berkas="bench.csv")
    t_impor = time.perf_counter() - t0
    assert len(hasil.baris) == args.baris == Realisasi.objects.count()
    total = pohon_anggaran(dokumen=dipa).realisasi
    assert total == hasil.total_nilai, (total, hasil.total_nilai)
    print(f"impor_realisasi      : {t_impor:7.2f} s  {args.baris / t_impor:10,.0f} rows/s")

    t0 = time.perf_counter()
    again = realisasi_impor(pengguna=None, dokumen=dipa, berkas=data, nama_berkas="bench.csv")
    t_ulang = time.perf_counter() - t0
    assert len(again.baris) == 0 and len(again.dilewati) == args.baris
    assert Realisasi.objects.count() == args.baris
    print(f"re-import (all skip) : {t_ulang:7.2f} s  (nothing doubled)")

    user = Pengguna.objects.create_superuser("bench", password=None)
    client = Client()
    client.force_login(user)
    url_pohon = reverse("anggaran:dokumen_detail", args=[dipa.pk])
    client.get(url_pohon)
    t0 = time.perf_counter()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url_pohon)
    t_page = time.perf_counter() - t0
    assert response.status_code == 200
    print(
        f"tree page            : {t_page:7.2f} s  {len(ctx.captured_queries)} queries "
        f"({Pos.objects.count()} lines, {args.baris:,} transactions)"
    )

    kosongkan()
    akun_map = dict(
        Pos.objects.filter(dokumen=dipa, tingkat=Pos.Tingkat.AKUN).values_list("kode_lengkap", "id")
    )
    t0 = time.perf_counter()
    n = baseline(data, dipa, akun_map, args.baseline_baris)
    t_base = time.perf_counter() - t0
    assert n == Realisasi.objects.count() == min(args.baseline_baris or args.baris, args.baris)
    rate_impor, rate_base = args.baris / t_impor, n / t_base
    print(f"baseline save() loop : {t_base:7.2f} s  {rate_base:10,.0f} rows/s  (first {n:,} rows)")
    print(f"ratio                : {rate_impor / rate_base:7.1f}x  (rows/s; target >= 20x)")


if __name__ == "__main__":
    main()
