"""Benchmark: the Excel export of every applicant of a recruitment (200,000 KPPS applicants), on
PostgreSQL, against openpyxl's write-only mode alone writing the same values.

The regency and its applicants are made, imported and screened as in ``adhoc_seleksi.py``
(its file generator; a small SIPOL list by default: the export does not depend on it). Each
measurement then runs in its own process, so its peak memory (max RSS) is its own:

1. ``app``: ``badan_adhoc.ekspor.pendaftar_xlsx_tulis`` (what the download and a background job
   call) into a temporary file, as a Teknis staff member (full NIK and birth dates);
2. ``view``: one request to the real download URL through the Django test client, the streamed
   response read to its end;
3. ``floor``: openpyxl's write-only workbook writing the same values (fetched beforehand with
   the same query, not timed) under the same title and header, into a temporary file (the
   writer the application used before its own, ``kpu_site.excel``);
4. ``ambil``: only reading the values (``pendaftar_xlsx_baris``), nothing written: app minus
   this is the writer's own cost.

It prints, for each, the wall time, the CPU time of the process and its peak memory, then the
ratios app/floor and view/floor. Targets (issue 15): at most 15 s and 300 MB, and at most 1.5x
the floor. On a loaded machine compare the CPU times: the wall times wait for the other jobs.

Usage (a private PostgreSQL; the database named in the URL is dropped and recreated unless
``--pakai-data`` reuses the one a previous run left)::

    DATABASE_URL=postgres://postgres@127.0.0.1:54332/ekspor_bench \\
        .venv/bin/python bench/ekspor.py [--pendaftar 200000] [--pakai-data]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpu_site.settings")

KODE = "kpps-bench"
PENGGUNA = "bench.teknis"


def rss_mb() -> float:
    """Peak resident memory of this process. ``VmHWM`` (Linux) starts afresh in a process
    started by ``subprocess``; ``ru_maxrss`` keeps the parent's peak across fork+exec, which
    here would be the import's."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def data_siapkan(n_pendaftar: int, n_parpol: int) -> None:
    """Recreate the database; import the regency, the SIPOL list and the applicants; screen
    them; make a Teknis staff account."""
    from _pg import db_baru_dari_env
    from adhoc_seleksi import ACUAN, files_write

    db_baru_dari_env()
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection

    from badan_adhoc.services import (
        anggota_parpol_import,
        pendaftar_import,
        pendaftar_screen,
        rekrutmen_create,
        tps_import,
        wilayah_import,
    )
    from kpu_site.peran import Peran
    from sekretariat.demo import UNIT_DEMO
    from sekretariat.models import UnitOrganisasi

    call_command("migrate", verbosity=0)
    induk = None
    for row in UNIT_DEMO:
        kode, nama, jenis, urutan = row[:4]
        unit = UnitOrganisasi.objects.create(
            kode=kode, nama=nama, jenis=jenis, urutan=urutan, induk=induk
        )
        induk = induk or unit
    user = get_user_model().objects.create_user(
        username=PENGGUNA, password=None, unit=UnitOrganisasi.objects.get(kode="teknis")
    )
    user.groups.set([Group.objects.get(name=Peran.STAF)])

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        files = files_write(Path(tmp), n_pendaftar, n_parpol, random.Random(2024))

        def impor(fn, key, **kw):
            with files[key].open("rb") as fh:
                return fn(berkas=fh, nama_berkas=files[key].name, **kw)

        impor(wilayah_import, "wilayah")
        impor(tps_import, "tps")
        impor(anggota_parpol_import, "parpol")
        rekrutmen = rekrutmen_create(
            kode=KODE,
            jenis_badan="kpps",
            nama="KPPS Pemilu 2024 (bench)",
            pemilihan="Pemilu 2024",
            tanggal_acuan=ACUAN,
            masa_kerja_mulai=date(2024, 1, 25),
            masa_kerja_selesai=date(2024, 2, 25),
        )
        impor(pendaftar_import, "pendaftar", rekrutmen=rekrutmen)
        pendaftar_screen(rekrutmen=rekrutmen)
    with connection.cursor() as cur:
        cur.execute("VACUUM ANALYZE badan_adhoc_pendaftar")
    print(f"  data siap: {n_pendaftar:,} pendaftar ({time.perf_counter() - t0:.1f} s)")


def ukur(jenis: str) -> dict:
    """One measurement in this process (see the module docstring)."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from openpyxl import Workbook

    from badan_adhoc.ekspor import (
        KOLOM,
        pendaftar_xlsx_baris,
        pendaftar_xlsx_judul,
        pendaftar_xlsx_tulis,
    )
    from badan_adhoc.models import Rekrutmen

    rekrutmen = Rekrutmen.objects.get(kode=KODE)
    user = get_user_model().objects.get(username=PENGGUNA)
    with tempfile.TemporaryFile() as berkas:
        if jenis == "floor":
            rows = list(pendaftar_xlsx_baris(rekrutmen=rekrutmen, pengguna=user))
        w0, c0 = time.perf_counter(), time.process_time()
        if jenis == "app":
            n = pendaftar_xlsx_tulis(berkas, rekrutmen=rekrutmen, pengguna=user)
        elif jenis == "ambil":
            n = sum(1 for _ in pendaftar_xlsx_baris(rekrutmen=rekrutmen, pengguna=user))
        elif jenis == "view":
            client = Client()
            client.force_login(user)
            response = client.get(reverse("badan_adhoc:pendaftar_export", args=[rekrutmen.pk]))
            assert response.status_code == 200, response.status_code
            for blok in response.streaming_content:
                berkas.write(blok)
            response.close()
            n = None
        else:
            wb = Workbook(write_only=True)
            ws = wb.create_sheet("Pendaftar")
            ws.append([pendaftar_xlsx_judul(rekrutmen)])
            ws.append(KOLOM)
            for row in rows:
                ws.append(row)
            wb.save(berkas)
            n = len(rows)
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        ukuran = berkas.tell()
    return {"wall": wall, "cpu": cpu, "rss": rss_mb(), "baris": n, "ukuran": ukuran}


def ukur_proses(jenis: str) -> dict:
    keluaran = subprocess.run(
        [sys.executable, __file__, "--ukur", jenis],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(keluaran.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pendaftar", type=int, default=200_000)
    parser.add_argument("--parpol", type=int, default=20_000)
    parser.add_argument("--pakai-data", action="store_true", help="reuse the data of a last run")
    parser.add_argument("--ukur", choices=["app", "view", "floor", "ambil"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.ukur:
        print(json.dumps(ukur(args.ukur)))
        return
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("DATABASE_URL must point to PostgreSQL (the database is recreated).")
    if not args.pakai_data:
        print(f"Menyiapkan {args.pendaftar:,} pendaftar (impor + seleksi) ...", flush=True)
        data_siapkan(args.pendaftar, args.parpol)
    hasil = {}
    for jenis, label in (
        ("floor", "openpyxl write-only saja (floor)"),
        ("app", "pendaftar_xlsx_tulis (aplikasi)"),
        ("view", "unduhan lewat view (test client)"),
        ("ambil", "hanya baca nilai (tanpa tulis)"),
    ):
        h = hasil[jenis] = ukur_proses(jenis)
        baris = f", {h['baris']:,} baris" if h["baris"] is not None else ""
        print(
            f"  {label:<36} {h['wall']:7.2f} s (CPU {h['cpu']:6.2f} s)   "
            f"puncak memori {h['rss']:5.0f} MB   berkas {h['ukuran'] / 1e6:5.1f} MB{baris}",
            flush=True,
        )
    floor = hasil["floor"]
    for jenis in ("app", "view"):
        h = hasil[jenis]
        print(
            f"Rasio {jenis}/floor: {h['wall'] / floor['wall']:.2f}x waktu, "
            f"{h['cpu'] / floor['cpu']:.2f}x CPU (target <= 1.5x)"
        )
    ok = all(
        hasil[j]["wall"] <= 15 and hasil[j]["rss"] <= 300 and hasil[j]["cpu"] <= 1.5 * floor["cpu"]
        for j in ("app", "view")
    )
    print(
        "TARGET TERPENUHI (<= 15 s, <= 300 MB, <= 1.5x floor)" if ok else "TARGET TIDAK TERPENUHI"
    )


if __name__ == "__main__":
    main()
