"""Benchmark: the KPPS announcement PDF of one kecamatan of 5,000 applicants, on PostgreSQL.

A synthetic regency of two kecamatan: the announced one has 12 desa and ``--pendaftar``
applicants (imported and screened by the app's services: a few percent TMS, each with its
reasons), the other a few hundred. Prints, as the median of ``RUNS`` runs:

- ``pengumuman_pdf`` for that kecamatan, split into data (selector), HTML (the lines and
  the template) and WeasyPrint (with joining the parts when it renders them side by side),
  its CPU time (all processes) and the page count;
- the floor, measured in the same run: WeasyPrint alone (``kpu_site.pdf.html_ke_pdf``, one
  process) on the same announcement as one HTML document, and the ratio whole job / floor;
- the peak memory (max RSS) of the process and of a render process.

Usage (a private PostgreSQL; the database named in the URL is dropped and recreated)::

    DATABASE_URL=postgres://postgres@127.0.0.1:54332/pengumuman_bench \
        .venv/bin/python bench/pengumuman.py [--pendaftar 5000] [--tahap administrasi]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpu_site.settings")

from adhoc_seleksi import KOLOM_CSV_PENDAFTAR  # noqa: E402  (the same file columns)

RUNS = int(os.environ.get("RUNS", "3"))
ACUAN = date(2024, 1, 25)
DEPAN = [
    "Ahmad",
    "Siti",
    "Muhammad",
    "Nur",
    "Dewi",
    "Agus",
    "Sri",
    "Budi",
    "Rina",
    "Dedi",
    "Eka",
    "Fitri",
    "Hendra",
    "Indah",
    "Joko",
    "Kurnia",
    "Lestari",
    "Maulana",
    "Nurul",
    "Putri",
    "Rahmat",
    "Sari",
    "Teguh",
    "Umar",
    "Wahyu",
    "Yuliana",
    "Zainal",
    "Ratna",
    "Bambang",
]
BELAKANG = [
    "Fauzi",
    "Aminah",
    "Hidayat",
    "Rahmawati",
    "Santoso",
    "Kurniawan",
    "Saputra",
    "Wulandari",
    "Setiawan",
    "Permata",
    "Nugroho",
    "Pratama",
    "Susanti",
    "Hasanah",
    "Firmansyah",
    "Maharani",
    "Syahputra",
    "Ramadhan",
    "Handayani",
    "Gunawan",
]
DESA = [
    "Cimuncang",
    "Kotabaru",
    "Lontarbaru",
    "Sumurpecung",
    "Cipare",
    "Serang",
    "Unyur",
    "Kagungan",
    "Lopang",
    "Cipocokjaya",
    "Dalung",
    "Banjaragung",
]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def nama_acak(rng: random.Random) -> str:
    kata = [rng.choice(DEPAN), *rng.sample(BELAKANG, rng.choice((1, 1, 2, 3)))]
    return " ".join(kata)


def files_write(folder: Path, n: int, rng: random.Random) -> dict:
    """wilayah.csv, tps.csv and pendaftar.csv: kecamatan 99.99.01 (12 desa, ``n``
    applicants) and 99.99.02 (2 desa, 300 applicants)."""
    wilayah, tps, pendaftar = folder / "wilayah.csv", folder / "tps.csv", folder / "p.csv"
    desa = {1: [], 2: []}
    with wilayah.open("w", newline="") as fw, tps.open("w", newline="") as ft:
        w, t = csv.writer(fw), csv.writer(ft)
        w.writerow(["kode", "nama", "jenis", "kode_induk"])
        t.writerow(["kode_kelurahan", "nomor", "jumlah_dpt"])
        for k, jumlah in ((1, 12), (2, 2)):
            w.writerow([f"99.99.0{k}", f"Kecamatan Contoh {k}", "kecamatan", "99.99"])
            for d in range(jumlah):
                kode = f"99.99.0{k}.{2001 + d}"
                nama = f"{DESA[d]} Baru" if k == 2 else DESA[d]
                w.writerow([kode, nama, "desa", f"99.99.0{k}"])
                desa[k].append(kode)
                for nomor in range(1, 41):
                    t.writerow([kode, nomor, 250])
    with pendaftar.open("w", newline="") as fp:
        p = csv.writer(fp)
        p.writerow(KOLOM_CSV_PENDAFTAR)
        for i in range(n + 300):
            k = 1 if i < n else 2
            tujuan = desa[k][i % len(desa[k])]
            jk = "P" if i % 2 else "L"
            lahir = ACUAN - timedelta(days=rng.randint(18 * 365, 54 * 365))
            if rng.random() < 0.02:
                lahir = ACUAN - timedelta(days=rng.randint(15 * 365, 16 * 365))  # under 17
            hari = lahir.day + (40 if jk == "P" else 0)
            nik = f"99990{k}{hari:02d}{lahir.month:02d}{lahir.year % 100:02d}{i % 10000:04d}"
            if rng.random() < 0.02:
                nik = nik[:15]  # not 16 digits
            pendidikan = "SMP" if rng.random() < 0.03 else rng.choice(["SMA", "D3", "S1"])
            domisili = tujuan if rng.random() > 0.05 else desa[k][(i + 5) % len(desa[k])]
            p.writerow(
                [
                    nik,
                    nama_acak(rng),
                    jk,
                    "Serang",
                    lahir.isoformat(),
                    pendidikan,
                    domisili,
                    f"Jl. Contoh {i % 300}",
                    f"08{i:010d}",
                    "",
                    tujuan,
                ]
            )
    return {"wilayah": wilayah, "tps": tps, "pendaftar": pendaftar}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pendaftar", type=int, default=5_000)
    parser.add_argument("--tahap", choices=("administrasi", "akhir"), default="administrasi")
    parser.add_argument("--simpan", help="write the PDF of the last run to this path")
    args = parser.parse_args()
    from _pg import db_baru_dari_env

    db_baru_dari_env()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from badan_adhoc import pengumuman
    from badan_adhoc.models import Pendaftar, Wilayah
    from badan_adhoc.services import (
        pendaftar_import,
        pendaftar_screen,
        rekrutmen_create,
        tps_import,
        wilayah_import,
    )
    from kpu_site import pdf as kpu_pdf

    call_command("migrate", verbosity=0)
    with tempfile.TemporaryDirectory() as tmp:
        files = files_write(Path(tmp), args.pendaftar, random.Random(2024))
        for fn, key in ((wilayah_import, "wilayah"), (tps_import, "tps")):
            with files[key].open("rb") as fh:
                fn(berkas=fh, nama_berkas=files[key].name)
        rekrutmen = rekrutmen_create(
            kode="kpps-bench",
            jenis_badan="kpps",
            nama="KPPS Pemilu 2024 (bench)",
            pemilihan="Pemilu 2024",
            tanggal_acuan=ACUAN,
            masa_kerja_mulai=ACUAN,
            masa_kerja_selesai=date(2024, 2, 25),
        )
        with files["pendaftar"].open("rb") as fh:
            pendaftar_import(rekrutmen=rekrutmen, berkas=fh, nama_berkas="p.csv")
    pendaftar_screen(rekrutmen=rekrutmen)
    kec = Wilayah.objects.get(kode="99.99.01")
    if args.tahap == "akhir":  # a rank for every MS applicant, per desa
        for wilayah_id in kec.anak.values_list("pk", flat=True):
            ms = Pendaftar.objects.filter(
                rekrutmen=rekrutmen, wilayah_tujuan_id=wilayah_id, status_administrasi="ms"
            ).order_by("nama", "pk")
            for i, p in enumerate(ms, start=1):
                p.peringkat, p.hasil_akhir = i, "terpilih" if i <= 7 else "cadangan"
            Pendaftar.objects.bulk_update(ms, ["peringkat", "hasil_akhir"])
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    n = Pendaftar.objects.filter(rekrutmen=rekrutmen, wilayah_tujuan__induk=kec).count()
    print(f"PostgreSQL {connection.pg_version}, {os.cpu_count()} CPU")
    print(f"kecamatan {kec.nama}: {n:,} pendaftar, tahap {args.tahap}")

    from badan_adhoc.pengumuman import _pengumuman_html
    from badan_adhoc.selectors import pengumuman_grup

    def cpu() -> float:
        diri = resource.getrusage(resource.RUSAGE_SELF)
        anak = resource.getrusage(resource.RUSAGE_CHILDREN)
        return diri.ru_utime + diri.ru_stime + anak.ru_utime + anak.ru_stime

    def satu_run():
        tanda: dict[str, float] = {}

        def progres(persen: int, tahap: str) -> None:
            tanda.setdefault(tahap, time.perf_counter())

        c0, t0 = cpu(), time.perf_counter()
        data, halaman = pengumuman.pengumuman_pdf(
            rekrutmen, tahap=args.tahap, kecamatan_id=kec.pk, progres=progres
        )
        t1 = time.perf_counter()
        split = {
            "data": tanda["html"] - t0,
            "html": tanda["pdf"] - tanda["html"],
            "pdf": t1 - tanda["pdf"],
            "total": t1 - t0,
            "cpu": cpu() - c0,
        }
        return data, halaman, split

    def satu_dokumen() -> str:
        """The same announcement as one HTML document (no parts): the floor's input."""
        asli = kpu_pdf.paralel_boleh
        kpu_pdf.paralel_boleh = lambda: False
        try:
            grup = pengumuman_grup(rekrutmen, tahap=args.tahap, kecamatan=kec.pk)
            (html,) = _pengumuman_html(rekrutmen, tahap=args.tahap, kecamatan=kec, grup=grup)
        finally:
            kpu_pdf.paralel_boleh = asli
        return html

    satu_run()  # warm-up: fonts, templates
    html = satu_dokumen()
    jobs, alone = [], []
    for _ in range(RUNS):
        data, halaman, split = satu_run()
        jobs.append(split)
        t = time.perf_counter()
        kpu_pdf.html_ke_pdf(html)
        alone.append(time.perf_counter() - t)
    if args.simpan:
        Path(args.simpan).write_bytes(data)

    def med(key):
        return statistics.median(j[key] for j in jobs)

    total, floor = med("total"), statistics.median(alone)
    anak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    bagian = "in parts side by side" if kpu_pdf.paralel_boleh() else "one process"
    print(f"runs: {RUNS} (median); rendering: {bagian}, {os.cpu_count()} CPU")
    print(f"pages: {halaman}, PDF {len(data) / 1024:,.0f} KB")
    print(f"data (selector):  {med('data'):.3f} s")
    print(f"HTML (layout of the lines + template):  {med('html'):.3f} s")
    print(f"WeasyPrint (+ joining the parts):       {med('pdf'):.3f} s")
    print(f"pengumuman_pdf:   {total:.3f} s (target <= 5 s); CPU time {med('cpu'):.3f} s")
    print(f"floor, WeasyPrint alone on the same list as one HTML document: {floor:.3f} s")
    print(f"ratio pengumuman_pdf / floor: {total / floor:.2f}x")
    print(f"peak memory (max RSS): {rss_mb():,.0f} MB, a render process {anak:,.0f} MB")
    print("TARGET TERPENUHI" if total <= 5 else "TARGET TIDAK TERPENUHI")


if __name__ == "__main__":
    main()
