"""Benchmark: the big imports through a column-mapping profile, against the same files in the
template's columns and against COPY, on PostgreSQL.

The synthetic regency of ``adhoc_seleksi.py`` (40 kecamatan, 400 desa, 20,000 TPS), 200,000
KPPS applicants and a SIPOL list of 1,000,000 party members. The same rows are written twice:
in the import's own columns, and as a national system would export them (two title rows above
the header, ``;`` separated, other column names in another order, ``Laki-laki``/``Perempuan``,
birth dates as ``17/10/1990``, a column the import does not read). In one run:

0. the floor: PostgreSQL's ``COPY`` of the template-column files into bare text tables;
1. party members + applicants from the template-column files (no profile);
2. the tables emptied, the same from the exported files through two saved profiles
   ("SIPOL – anggota", "SIAKBA – pendaftar": renamed columns, a rule for the sex and one for
   the date, applied while the rows stream into COPY);
3. profile ÷ plain per import, and each against the floor. The imported rows must be equal.

Usage (a private PostgreSQL; the database named in the URL is dropped and recreated)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5499/profil_bench \\
        .venv/bin/python bench/impor_profil.py [--pendaftar 200000] [--parpol 1000000]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpu_site.settings")

from adhoc_seleksi import ACUAN, files_write, lantai_copy  # noqa: E402

# the applicant file as SIAKBA might export it: its names, its order
SIAKBA = [
    ("No", None),
    ("Kode Wilayah Tujuan", "kode_wilayah_tujuan"),
    ("NIK", "nik"),
    ("Nama Lengkap", "nama"),
    ("L/P", "jenis_kelamin"),
    ("Tempat Lahir", "tempat_lahir"),
    ("Tgl Lahir", "tanggal_lahir"),
    ("Pendidikan Terakhir", "pendidikan"),
    ("Kode Desa Domisili", "kode_domisili"),
    ("Alamat", "alamat"),
    ("No HP", "no_hp"),
    ("Email", "email"),
]
SIPOL = [("Nama Partai", "partai"), ("NIK Anggota", "nik"), ("Nama Anggota", "nama")]


def ekspor_tulis(sumber: Path, tujuan: Path, kolom: list[tuple[str, str | None]]) -> None:
    """``sumber`` (template columns) rewritten as a national system's export."""
    with sumber.open(newline="") as fi, tujuan.open("w", newline="") as fo:
        reader = csv.DictReader(fi)
        w = csv.writer(fo, delimiter=";")
        w.writerow(["EKSPOR DATA"])
        w.writerow(["Dicetak 01/12/2026"])
        w.writerow([judul for judul, _ in kolom])
        for i, row in enumerate(reader, start=1):
            out = []
            for _judul, nama in kolom:
                nilai = row[nama] if nama else str(i)
                if nama == "jenis_kelamin":
                    nilai = {"L": "Laki-laki", "P": "Perempuan"}[nilai]
                elif nama == "tanggal_lahir":
                    nilai = date.fromisoformat(nilai).strftime("%d/%m/%Y")
                out.append(nilai)
            w.writerow(out)


def timed(label: str, fn, rows: int) -> float:
    t0 = time.perf_counter()
    fn()
    t = time.perf_counter() - t0
    print(f"  {label:<44} {t:7.2f} s  {rows / t:>10,.0f} baris/detik")
    return t


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

    from badan_adhoc.models import AnggotaParpol, Pendaftar
    from badan_adhoc.services import (
        anggota_parpol_import,
        pendaftar_import,
        rekrutmen_create,
        tps_import,
        wilayah_import,
    )
    from kpu_site.selectors import pemetaan_profil
    from kpu_site.services import profil_impor_simpan

    call_command("migrate", verbosity=0)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = files_write(folder, args.pendaftar, args.parpol, random.Random(2024))
        ekspor_tulis(files["pendaftar"], folder / "siakba.csv", SIAKBA)
        ekspor_tulis(files["parpol"], folder / "sipol.csv", SIPOL)
        print(f"PostgreSQL {connection.pg_version}, {os.cpu_count()} CPU")
        lantai = lantai_copy(files)
        print(f"  {'lantai: COPY kedua berkas ke tabel teks':<44} {lantai:7.2f} s")

        def impor(fn, path: Path, **kw):
            with path.open("rb") as fh:
                return fn(berkas=fh, nama_berkas=path.name, **kw)

        impor(wilayah_import, files["wilayah"])
        impor(tps_import, files["tps"])
        rekrutmen = rekrutmen_create(
            kode="kpps-bench",
            jenis_badan="kpps",
            nama="KPPS Pemilu 2024 (bench)",
            pemilihan="Pemilu 2024",
            tanggal_acuan=ACUAN,
            masa_kerja_mulai=date(2024, 1, 25),
            masa_kerja_selesai=date(2024, 2, 25),
        )
        profil_impor_simpan(
            pengguna=None,
            jenis="anggota_parpol",
            nama="SIPOL – anggota",
            kolom={nama: [judul] for judul, nama in SIPOL},
        )
        profil_impor_simpan(
            pengguna=None,
            jenis="pendaftar",
            nama="SIAKBA – pendaftar",
            kolom={nama: [judul] for judul, nama in SIAKBA if nama},
            aturan={"jenis_kelamin": "jenis_kelamin", "tanggal_lahir": "tanggal"},
        )
        with connection.cursor() as cur:
            cur.execute("ANALYZE")

        def isi():
            kolom = ("nik", "nama", "jenis_kelamin", "tanggal_lahir", "kode_domisili")
            return (
                sorted(AnggotaParpol.objects.values_list("nik", "nama", "partai")),
                sorted(Pendaftar.objects.values_list(*kolom)),
            )

        print("(1) berkas berkolom templat, tanpa profil:")
        t_parpol = timed(
            f"impor anggota parpol ({args.parpol:,})",
            lambda: impor(anggota_parpol_import, files["parpol"]),
            args.parpol,
        )
        t_pendaftar = timed(
            f"impor pendaftar ({args.pendaftar:,})",
            lambda: impor(pendaftar_import, files["pendaftar"], rekrutmen=rekrutmen),
            args.pendaftar,
        )
        polos = isi()
        Pendaftar.objects.all().delete()

        print("(2) berkas ekspor SIPOL/SIAKBA lewat profil:")
        p_parpol = pemetaan_profil(jenis="anggota_parpol", nama="SIPOL – anggota")
        p_pendaftar = pemetaan_profil(jenis="pendaftar", nama="SIAKBA – pendaftar")
        u_parpol = timed(
            "impor anggota parpol, profil SIPOL",
            lambda: impor(anggota_parpol_import, folder / "sipol.csv", pemetaan=p_parpol),
            args.parpol,
        )
        u_pendaftar = timed(
            "impor pendaftar, profil SIAKBA",
            lambda: impor(
                pendaftar_import, folder / "siakba.csv", rekrutmen=rekrutmen, pemetaan=p_pendaftar
            ),
            args.pendaftar,
        )
        if isi() != polos:
            raise SystemExit("baris hasil impor lewat profil berbeda dari impor berkas templat")
        print("(3) perbandingan:")
        print(
            f"  anggota parpol: profil {u_parpol:.2f} s / templat {t_parpol:.2f} s = "
            f"{u_parpol / t_parpol:.2f}x; {u_parpol / lantai:.1f}x lantai"
        )
        print(
            f"  pendaftar:      profil {u_pendaftar:.2f} s / templat {t_pendaftar:.2f} s = "
            f"{u_pendaftar / t_pendaftar:.2f}x; {u_pendaftar / lantai:.1f}x lantai"
        )
        print("  baris hasil impor sama persis (NIK, nama, jenis kelamin, tanggal lahir, domisili)")


if __name__ == "__main__":
    main()
