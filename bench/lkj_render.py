"""Benchmark: render the demo LKj 2023 and split the time into data gathering, HTML and
WeasyPrint layout+write; in the same run, time WeasyPrint alone on the same final HTML.

Run against PostgreSQL (the production database):

    DATABASE_URL=postgres://postgres@127.0.0.1:54329/kpu_bench .venv/bin/python bench/lkj_render.py

The script migrates the given database, loads the demo (sekretariat, kinerja, anggaran) when
it is missing, renders ``RUNS`` times and prints the medians, the page count, the ratio
whole-job / WeasyPrint-alone and the peak memory (max RSS) of the process.
"""

from __future__ import annotations

import io
import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpu_site.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

RUNS = int(os.environ.get("RUNS", "3"))


def main() -> None:
    from anggaran import demo as anggaran_demo
    from kinerja import demo as kinerja_demo
    from kinerja.lkj.render import lkj_render
    from kpu_site.demo import akun_demo_create
    from kpu_site.pdf import html_ke_pdf
    from sekretariat import demo as sekretariat_demo

    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    call_command("migrate", verbosity=0)
    out = io.StringIO()
    for demo in (sekretariat_demo, kinerja_demo, anggaran_demo):
        demo.muat(stdout=out)
    akun_demo_create()
    # the review statement the report prints; no render, no LKE, nothing published
    kinerja_demo.muat_akhir(stdout=out, lkj_final=False, evaluasi=False, publikasi=False)

    lkj_render(tahun=2023, draf=False)  # warm-up: fonts, templates
    jobs, alone = [], []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        hasil = lkj_render(tahun=2023, draf=False)
        jobs.append((time.perf_counter() - t0, hasil.waktu))
        t1 = time.perf_counter()
        html_ke_pdf(hasil.html)
        alone.append(time.perf_counter() - t1)

    total = statistics.median(j[0] for j in jobs)
    data = statistics.median(j[1]["data"] for j in jobs)
    html = statistics.median(j[1]["html"] for j in jobs)
    pdf = statistics.median(j[1]["pdf"] for j in jobs)
    weasy = statistics.median(alone)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"runs: {RUNS} (median)")
    print(f"pages: {hasil.jumlah_halaman}")
    print(f"data gathering: {data:.3f} s")
    print(f"HTML:           {html:.3f} s")
    print(f"WeasyPrint:     {pdf:.3f} s (layout + write, inside the job)")
    print(f"whole job:      {total:.3f} s")
    print(f"WeasyPrint alone on the same HTML: {weasy:.3f} s")
    print(f"ratio whole job / WeasyPrint alone: {total / weasy:.2f}x (target <= 1.3x)")
    print(f"peak memory (max RSS): {peak:.0f} MB (target < 500 MB)")


if __name__ == "__main__":
    main()
