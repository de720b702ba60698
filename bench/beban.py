"""Load benchmark: the app under regency-scale data, 50 concurrent users, gunicorn + PostgreSQL
(+ Redis and a Celery worker for the LKj request), all on 127.0.0.1, bounded in time.

    .venv/bin/pip install -e '.[bench]'          # locust
    DATABASE_URL=postgres://postgres@127.0.0.1:54329/kpu_beban \\
        .venv/bin/python bench/beban.py [--durasi 60] [--pengguna 50] [--pendaftar 200000]

The database named in DATABASE_URL is dropped and recreated, migrated, and loaded with the demo
plus ``bench/beban_data.py`` (200,000 KPPS applicants imported and screened; DIPA and kinerja
for 2019/2020–2024). Redis: CELERY_BROKER_URL if set, else a private redis-server on port 63811.
Prints p50/p95/p99 per page and the errors, against the targets (0 errors; p95 < 300 ms for
every page except report downloads), and each page's mean time as a multiple of the baseline
measured in the same run: a logged-in request through the whole stack that renders nothing
(``/masuk/`` → 302). The users log in 1,5 per second before the pages are measured. The
machine's CPU count and model are printed too.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpu_site.settings")
PORT = 8100
MASUK_PER_DETIK = 1.5  # users logging in per second, spread as people arrive, not all at once
TARGET_P95_MS = 300
UNDUHAN = ("unduh", "excel", "pdf")


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return f"{os.cpu_count()} × {line.split(':', 1)[1].strip()}"
    except OSError:
        pass
    return f"{os.cpu_count()} × {platform.processor() or platform.machine()}"


def siapkan_data(jumlah_pendaftar: int) -> dict:
    import django

    django.setup()
    import beban_data
    from django.core.management import call_command

    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("muat_demo", stdout=io.StringIO())
    beban_data.pendaftar_add(jumlah=jumlah_pendaftar, stdout=sys.stdout)
    beban_data.lima_tahun(stdout=sys.stdout)
    print(f"data siap dalam {time.perf_counter() - t0:.0f} s")
    return id_beban()


def id_beban() -> dict:
    """The primary keys the locust users request, read from the loaded database."""
    import django

    django.setup()
    from anggaran.models import DokumenAnggaran
    from badan_adhoc.models import Pendaftar, Rekrutmen
    from sekretariat.models import Pegawai

    rekrutmen = Rekrutmen.objects.filter(jenis_badan="kpps").order_by("pk").first()
    ids = Pendaftar.objects.filter(rekrutmen=rekrutmen).values_list("pk", flat=True).order_by("pk")
    return {
        "BEBAN_REKRUTMEN": str(rekrutmen.pk),
        "BEBAN_DOKUMEN": str(DokumenAnggaran.objects.get(tahun=2023, jenis="dipa").pk),
        "BEBAN_PENDAFTAR_MIN": str(ids.first()),
        "BEBAN_PENDAFTAR_MAX": str(ids.last()),
        "BEBAN_PEGAWAI": str(Pegawai.objects.order_by("pk").values_list("pk", flat=True).first()),
    }


def _tunggu_http(url: str, batas: float = 60) -> None:
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        try:
            with urlopen(url, timeout=2):  # noqa: S310 - our own server on 127.0.0.1
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"server at {url} did not start")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--durasi", type=int, default=60, help="seconds of load")
    parser.add_argument("--pengguna", type=int, default=50)
    parser.add_argument("--pendaftar", type=int, default=200_000)
    data = parser.add_mutually_exclusive_group()
    data.add_argument(
        "--data-saja", action="store_true", help="recreate and load the database, then stop"
    )
    data.add_argument(
        "--pakai-data",
        action="store_true",
        help="reuse the database loaded by an earlier run (--data-saja) instead of recreating it",
    )
    args = parser.parse_args()
    if args.pakai_data:
        ids = id_beban()
    else:
        from _pg import db_baru_dari_env

        db_baru_dari_env()
        ids = siapkan_data(args.pendaftar)
        if args.data_saja:
            return 0

    proses = []
    tmp = Path(tempfile.mkdtemp(prefix="beban-"))
    env = dict(
        os.environ,
        DJANGO_DEBUG="False",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_MEDIA_ROOT=str(tmp / "media"),
    )
    if not env.get("CELERY_BROKER_URL") and shutil.which("redis-server"):
        proses.append(
            subprocess.Popen(
                [
                    "redis-server",
                    "--port",
                    "63811",
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--dir",
                    str(tmp),
                ],
                stdout=subprocess.DEVNULL,
            )
        )
        env["CELERY_BROKER_URL"] = "redis://127.0.0.1:63811/0"
    try:
        if env.get("CELERY_BROKER_URL"):
            proses.append(
                # The report worker runs at a lower CPU priority than the web server, as a
                # deployment on one machine should (WeasyPrint would otherwise take both cores).
                subprocess.Popen(
                    [
                        "nice",
                        "-n",
                        "10",
                        sys.executable,
                        "-m",
                        "celery",
                        "-A",
                        "kpu_site",
                        "worker",
                        "-Q",
                        "default,laporan",
                        "--concurrency",
                        "1",
                        "--loglevel",
                        "WARNING",
                    ],
                    cwd=ROOT,
                    env=env,
                )
            )
        proses.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "kpu_site.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{PORT}",
                    "--workers",
                    "3",
                    "--threads",
                    "4",
                    "--worker-class",
                    "gthread",
                    "--timeout",
                    "60",
                    "--keep-alive",
                    "30",
                    "--log-level",
                    "warning",
                ],
                cwd=ROOT,
                env=env,
            )
        )
        _tunggu_http(f"http://127.0.0.1:{PORT}/masuk/")
        csv_prefix = tmp / "hasil"
        # The logins come first; the pages are measured once every user has logged in.
        pemanasan = int(args.pengguna / MASUK_PER_DETIK) + 12
        subprocess.run(
            [sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "beban_locust.py"), "--headless",
             "-u", str(args.pengguna), "-r", str(MASUK_PER_DETIK), "-t", f"{args.durasi + pemanasan}s",
             "--host", f"http://127.0.0.1:{PORT}", "--csv", str(csv_prefix), "--only-summary",
             "--stop-timeout", "10"],
            cwd=ROOT, env={**env, **ids, "BEBAN_PEMANASAN": str(pemanasan)}, check=False, timeout=args.durasi + pemanasan + 180,
        )  # fmt: skip
        return laporan(csv_prefix, args)
    finally:
        for p in reversed(proses):
            p.terminate()
        for p in proses:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(tmp, ignore_errors=True)


def laporan(csv_prefix: Path, args) -> int:
    rows = list(csv.DictReader(open(f"{csv_prefix}_stats.csv", encoding="utf-8")))  # noqa: SIM115
    print(f"\nmesin: {_cpu()}, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') // 2**30} GiB; "
          f"{args.pengguna} pengguna, {args.durasi} s, {args.pendaftar} pendaftar")  # fmt: skip
    # The baseline measured in the same run: a logged-in request that renders nothing.
    dasar = next((r for r in rows if r["Name"].startswith("dasar:")), None)
    rata_dasar = float(dasar["Average Response Time"]) if dasar else 0.0
    print(
        f"{'halaman':<42} {'jumlah':>7} {'gagal':>6} {'p50':>6} {'p95':>6} {'p99':>6} {'×dasar':>7}"
    )
    gagal_total = 0
    lewat = []
    for r in rows:
        nama = r["Name"]
        if nama == "Aggregated":
            continue
        gagal = int(r["Failure Count"])
        gagal_total += gagal
        p50, p95, p99 = (int(float(r[k])) for k in ("50%", "95%", "99%"))
        tanda = ""
        # Sending the login (PBKDF2, slow by design) and the one LKj request (a report job)
        # are not pages; the login form is.
        bukan_halaman = (
            any(u in nama for u in UNDUHAN) or "minta penyusunan" in nama or nama == "masuk (kirim)"
        )
        if p95 > TARGET_P95_MS and not bukan_halaman:
            lewat.append(nama)
            tanda = "  > target"
        kali = float(r["Average Response Time"]) / rata_dasar if rata_dasar else 0.0
        print(
            f"{nama[:42]:<42} {r['Request Count']:>7} {gagal:>6} {p50:>6} {p95:>6} {p99:>6}"
            f" {kali:>6.1f}×{tanda}"
        )
    agg = next(r for r in rows if r["Name"] == "Aggregated")
    print(f"{'semua':<42} {agg['Request Count']:>7} {agg['Failure Count']:>6} {int(float(agg['50%'])):>6} "
          f"{int(float(agg['95%'])):>6} {int(float(agg['99%'])):>6}   ({float(agg['Requests/s']):.1f} req/s)")  # fmt: skip
    if dasar:
        print(
            f"dasar (rata-rata): {rata_dasar:.1f} ms; ×dasar = rata-rata halaman ÷ rata-rata dasar"
        )
    ok = gagal_total == 0 and not lewat
    print(
        f"\ntarget: 0 galat ({gagal_total}), p95 < {TARGET_P95_MS} ms ({'semua' if not lewat else 'lewat: ' + ', '.join(lewat)})"
    )
    print("HASIL:", "memenuhi target" if ok else "TIDAK memenuhi target")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
