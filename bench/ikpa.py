"""Benchmark: the IKPA page of a year over 100,000 SP2D transactions, on PostgreSQL.

A DIPA of ``--akun`` akun lines (belanja barang and a tenth belanja modal) with its RPD per
jenis belanja, 40 RO with volume targets and twelve monthly output reports each, 30 contracts
with invoices, UP/TUP movements and a dispensation; then realisasi in two steps, 1,000 and then
``--transaksi`` (100,000) in all, loaded with PostgreSQL's COPY. At each step:

1. ``queries``: the number of queries of ``anggaran.selectors.ikpa.ikpa_tahun`` and of the page
   (``anggaran:ikpa`` through the Django test client, as the Sekretaris) — they must not grow;
2. ``ikpa``: the time of ``ikpa_tahun`` (every indicator, every month), best of ``--ulang``;
3. ``page``: the time of the whole page request, best of ``--ulang``;
4. ``floor``: the one aggregate the IKPA cannot do without, run as raw SQL on the same table
   (realisasi summed per akun and month), best of ``--ulang``;
5. the ratios ikpa ÷ floor and page ÷ floor, and ``EXPLAIN (ANALYZE, BUFFERS)`` of the floor.

Usage (a private PostgreSQL; the database named in the URL is dropped and recreated)::

    DATABASE_URL=postgres://postgres@127.0.0.1:54340/ikpa_bench \\
        .venv/bin/python bench/ikpa.py [--transaksi 100000] [--akun 300] [--ulang 5]
"""

from __future__ import annotations

import argparse
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
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpu_site.settings")

TAHUN = 2023


def dipa_create(n_akun: int):
    """A DIPA with ``n_akun`` akun lines under 40 RO (one detail line each), the RPD per jenis
    belanja of its pagu, RO targets and reports, contracts, invoices, UP/TUP, a dispensation."""
    from anggaran import services
    from anggaran.models import (
        DispensasiSpm,
        DokumenAnggaran,
        Kontrak,
        MutasiUp,
        RealisasiOutput,
        RencanaPenarikan,
        RpdJenisBelanja,
        Tagihan,
        VolumeRo,
    )

    dipa = services.dokumen_create(
        pengguna=None,
        jenis=DokumenAnggaran.Jenis.DIPA,
        tahun=TAHUN,
        nomor="SP DIPA-076.01.2.999999/2023",
        tanggal=date(2022, 12, 5),
        uraian="DIPA benchmark IKPA",
    )
    program = services.pos_create(
        pengguna=None, dokumen=dipa, induk=None, tingkat="program", kode="076.01.CQ", uraian="P"
    )
    akun_list, ro_list = [], []
    n_ro = 40
    per_ro = max(1, n_akun // n_ro)
    pagu_jenis = {"52": Decimal(0), "53": Decimal(0)}
    for r in range(n_ro):
        node = program
        for tingkat, kode in (
            ("kegiatan", f"{6700 + r}"),
            ("kro", "QGE"),
            ("ro", "001"),
            ("komponen", "051"),
            ("subkomponen", "A"),
        ):
            node = services.pos_create(
                pengguna=None, dokumen=dipa, induk=node, tingkat=tingkat, kode=kode, uraian=kode
            )
            if tingkat == "ro":
                ro_list.append(node)
        for a in range(per_ro):
            kode = f"53{a:04d}" if a % 10 == 9 else f"52{a:04d}"
            akun = services.pos_create(
                pengguna=None, dokumen=dipa, induk=node, tingkat="akun", kode=kode, uraian="Akun"
            )
            services.pos_create(
                pengguna=None,
                dokumen=dipa,
                induk=akun,
                tingkat="detail",
                kode="1",
                uraian="Detail",
                satuan="PKT",
                volume=Decimal(1),
                harga=Decimal(100_000_000),
            )
            akun_list.append(akun)
            pagu_jenis[kode[:2]] += Decimal(100_000_000)
    revisi = dipa.revisi.get(nomor=0)
    for bulan in range(1, 13):
        nilai = {j: (p / 12).quantize(Decimal(1)) for j, p in pagu_jenis.items()}
        RencanaPenarikan.objects.create(revisi=revisi, bulan=bulan, nilai=sum(nilai.values()))
        for j, n in nilai.items():
            RpdJenisBelanja.objects.create(revisi=revisi, bulan=bulan, jenis_belanja=j, nilai=n)
    for ro in ro_list:
        ro.satuan = "Laporan"
        ro.save(update_fields=["satuan"])
        VolumeRo.objects.create(revisi=revisi, ro=ro, volume=Decimal(12))
        RealisasiOutput.objects.bulk_create(
            RealisasiOutput(
                ro=ro,
                bulan=b,
                volume=Decimal(1),
                tanggal_lapor=date(TAHUN, b + 1, 3) if b < 12 else date(TAHUN + 1, 1, 3),
                status="diverifikasi",
            )
            for b in range(1, 13)
        )
    for k in range(30):
        akun = akun_list[k * 7 % len(akun_list)]
        kontrak = Kontrak.objects.create(
            dokumen=dipa,
            akun=akun,
            nomor=f"K-{k:03d}",
            tanggal=date(TAHUN, 1 + k % 12, 5),
            tanggal_selesai=date(TAHUN, 12, 20),
            penyedia="CV Bench",
            uraian="Pekerjaan",
            nilai=Decimal(90_000_000),
        )
        for t in range(3):
            bast = date(TAHUN, 1 + (k + t * 3) % 12, 10)
            Tagihan.objects.create(
                kontrak=kontrak,
                nomor=f"T-{t}",
                tanggal_bast=bast,
                tanggal_spm=bast + timedelta(days=10 + t * 9),
                tanggal_sp2d=bast + timedelta(days=14 + t * 9),
                nilai=Decimal(30_000_000),
            )
    MutasiUp.objects.create(
        dokumen=dipa, jenis="up", nomor="UP", tanggal=date(TAHUN, 1, 5), nilai=Decimal(10**8)
    )
    for b in range(2, 13):
        MutasiUp.objects.create(
            dokumen=dipa,
            jenis="gup",
            nomor=f"GUP{b}",
            tanggal=date(TAHUN, b, 4),
            nilai=Decimal(60_000_000),
        )
    tup = MutasiUp.objects.create(
        dokumen=dipa,
        jenis="tup",
        nomor="TUP",
        tanggal=date(TAHUN, 4, 3),
        nilai=Decimal(10**8),
        batas_waktu=date(TAHUN, 5, 3),
    )
    MutasiUp.objects.create(
        dokumen=dipa,
        jenis="ptup",
        nomor="PTUP",
        tanggal=date(TAHUN, 4, 28),
        nilai=Decimal(10**8),
        tup=tup,
    )
    DispensasiSpm.objects.create(
        dokumen=dipa, nomor="D-1", tanggal=date(TAHUN, 12, 27), jumlah_spm=1, alasan="Bench"
    )
    return dipa, akun_list


def realisasi_copy(dipa, akun_list, dari: int, sampai: int, rng: random.Random) -> None:
    """Rows ``dari``..``sampai`` of the realisasi table, loaded with COPY (no history rows:
    the page reads only the table)."""
    from django.db import connection

    buf = io.StringIO()
    for i in range(dari, sampai):
        akun = akun_list[rng.randrange(len(akun_list))]
        tanggal = date(TAHUN, 1, 1) + timedelta(days=rng.randrange(365))
        nilai = rng.randrange(1_000, 200_000)
        buf.write(f"{dipa.pk}\t{akun.pk}\t{tanggal}\tSP2D{i:07d}\t\t\t{nilai}\tformulir\t\n")
    buf.seek(0)
    with connection.cursor() as cur:
        cur.copy_from(
            buf,
            "anggaran_realisasi",
            columns=(
                "dokumen_id",
                "akun_id",
                "tanggal",
                "nomor_sp2d",
                "nomor_spm",
                "uraian",
                "nilai",
                "asal",
                "pelampauan_alasan",
            ),
        )
        cur.execute("ANALYZE anggaran_realisasi")


FLOOR_SQL = (
    "SELECT p.kode, EXTRACT(MONTH FROM r.tanggal) AS b, SUM(r.nilai) "
    "FROM anggaran_realisasi r JOIN anggaran_pos p ON p.id = r.akun_id "
    "WHERE r.dokumen_id = %s GROUP BY p.kode, b"
)


def terbaik(fungsi, ulang: int) -> float:
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        fungsi()
        waktu.append(time.perf_counter() - mulai)
    return min(waktu)


def ukur(dipa, client, url, ulang: int) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from anggaran.selectors import ikpa

    def halaman():
        cache.clear()
        response = client.get(url)
        assert response.status_code == 200, response.status_code

    with CaptureQueriesContext(connection) as q_ikpa:
        ikpa.ikpa_tahun(tahun=TAHUN)
    halaman()  # warm: the session, the user's permissions, the content types
    with CaptureQueriesContext(connection) as q_halaman:
        halaman()

    def lantai():
        with connection.cursor() as cur:
            cur.execute(FLOOR_SQL, [dipa.pk])
            cur.fetchall()

    return {
        "q_ikpa": len(q_ikpa),
        "q_halaman": len(q_halaman),
        "ikpa": terbaik(lambda: ikpa.ikpa_tahun(tahun=TAHUN), ulang),
        "page": terbaik(halaman, ulang),
        "floor": terbaik(lantai, ulang),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transaksi", type=int, default=100_000)
    parser.add_argument("--akun", type=int, default=300)
    parser.add_argument("--ulang", type=int, default=5)
    args = parser.parse_args()

    from _pg import db_baru_dari_env

    db_baru_dari_env()
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from kpu_site.peran import Peran

    sekretaris = get_user_model().objects.create_user("bench.sekretaris")
    sekretaris.groups.set([Group.objects.get(name=Peran.SEKRETARIS)])
    client = Client()
    client.force_login(sekretaris)
    url = reverse("anggaran:ikpa", args=[TAHUN])

    rng = random.Random(2023)
    mulai = time.perf_counter()
    dipa, akun_list = dipa_create(args.akun)
    print(
        f"DIPA with {len(akun_list)} akun lines, 40 RO, 30 contracts: {time.perf_counter() - mulai:.1f} s"
    )
    hasil = {}
    dimuat = 0
    for n in (1_000, args.transaksi):
        realisasi_copy(dipa, akun_list, dimuat, n, rng)
        dimuat = n
        hasil[n] = ukur(dipa, client, url, args.ulang)
        h = hasil[n]
        print(
            f"{n:>7} SP2D: queries ikpa {h['q_ikpa']}, page {h['q_halaman']}; "
            f"ikpa {h['ikpa'] * 1000:.1f} ms, page {h['page'] * 1000:.1f} ms, "
            f"floor {h['floor'] * 1000:.1f} ms; ikpa/floor {h['ikpa'] / h['floor']:.1f}x, "
            f"page/floor {h['page'] / h['floor']:.1f}x"
        )
    kecil, besar = hasil[1_000], hasil[args.transaksi]
    print(
        "queries constant: "
        f"{kecil['q_ikpa'] == besar['q_ikpa'] and kecil['q_halaman'] == besar['q_halaman']}"
    )
    with connection.cursor() as cur:
        cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + FLOOR_SQL, [dipa.pk])
        print("\n".join(r[0] for r in cur.fetchall()))


if __name__ == "__main__":
    main()
