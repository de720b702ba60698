"""Demo: a Pantarlih (Petugas Pemutakhiran Data Pemilih) recruitment for Pemilu 2024, the fourth
ad hoc body, recruited per TPS like KPPS (administrative selection only). Idempotent.

Kept small so the demo load stays fast: only the desa/kelurahan of Kec. Cipocok Jaya have
applicants (the other kecamatan show their seats with no applicant). INVENTED data: the
applicants (generated with a fixed seed, as in ``demo.py``), the schedule, the term (one paid
month, 12 Feb – 12 Mar 2023, around the coklit of Pemilu 2024) and the SK number. The seats (1
per TPS) and the rate (Rp 1.000.000 per month) are the reference data of NOTES.md.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from .demo import KEPALA, PEMILIHAN, _nik, baris_pendaftar, orang_acak
from .models import AnggotaParpol, JenisBadan, Pendaftar, Rekrutmen, Wilayah
from .selectors import kursi_per_wilayah
from .services import (
    pendaftar_import,
    pendaftar_screen,
    penetapan_create,
    peringkat_compute,
    rekrutmen_create,
)

KODE = "pantarlih-pemilu-2024"
NAMA = "Pantarlih Pemilu 2024 (contoh: Kec. Cipocok Jaya)"
KECAMATAN = "36.73.05"  # Cipocok Jaya: 8 kelurahan, the smallest kecamatan of the demo
ACUAN = date(2023, 1, 20)
MASA_KERJA = (date(2023, 2, 12), date(2023, 3, 12))
TAHAPAN = [
    ("pendaftaran", date(2023, 1, 13), date(2023, 1, 19)),
    ("administrasi", date(2023, 1, 20), date(2023, 1, 26)),
    ("tanggapan", date(2023, 1, 27), date(2023, 2, 4)),
    ("penetapan", date(2023, 2, 9), date(2023, 2, 11)),
]
SK = ("5/PP.04-Kpt/3673/2023", date(2023, 2, 10))  # invented
URUT0 = 7000  # NIK sequence numbers apart from the PPK/PPS/KPPS demo applicants


def _pendaftar_csv(rekrutmen: Rekrutmen, rng: random.Random) -> str:
    """About 1.2 applicants per seat (1 per TPS) in every desa/kelurahan of ``KECAMATAN``; a few
    in each TMS reason, a few aged 56 or more (the warning, as for KPPS), a few in SIPOL."""
    kursi = kursi_per_wilayah(rekrutmen)
    tujuan = []
    for w in Wilayah.objects.filter(induk__kode=KECAMATAN).order_by("kode"):
        tujuan += [w] * round(kursi.get(w.pk, 0) * 1.2)
    rng.shuffle(tujuan)
    parpol = list(AnggotaParpol.objects.order_by("nik").values_list("nik", flat=True)[:3])
    kode_kec = KECAMATAN.split(".")[2]
    baris = [KEPALA]
    for i, w in enumerate(tujuan):
        jk, nama = orang_acak(rng)
        lahir = ACUAN - timedelta(days=rng.randint(19 * 365, 50 * 365))
        pendidikan = rng.choice(["SMA", "SMA", "SMA", "D3", "S1"])
        domisili = w.kode
        r = rng.random()
        if r < 0.02:
            lahir = ACUAN - timedelta(days=rng.randint(15 * 365 + 30, 16 * 365 + 300))
        elif r < 0.04:
            pendidikan = "SMP"
        elif r < 0.06:
            domisili = "36.04.01.2001"  # outside Kota Serang
        elif r < 0.10:
            lahir = ACUAN - timedelta(days=rng.randint(56 * 365 + 20, 64 * 365))
        nik = _nik(kode_kec, lahir, jk, URUT0 + i)
        if i < len(parpol):
            nik = parpol[i]  # listed in SIPOL (the demo's party-member list)
        baris.append(baris_pendaftar(rng, nik, nama, jk, lahir, pendidikan, domisili, w.kode))
    return "\n".join(baris) + "\n"


def muat(*, stdout) -> None:
    """The Pantarlih recruitment: applicants, screening, ranking per desa/kelurahan (seats = its
    TPS) and the appointment; once."""
    if Rekrutmen.objects.filter(kode=KODE).exists():
        return
    rekrutmen = rekrutmen_create(
        kode=KODE,
        jenis_badan=JenisBadan.PANTARLIH,
        nama=NAMA,
        pemilihan=PEMILIHAN,
        tanggal_acuan=ACUAN,
        masa_kerja_mulai=MASA_KERJA[0],
        masa_kerja_selesai=MASA_KERJA[1],
        tahapan=TAHAPAN,
    )
    isi = _pendaftar_csv(rekrutmen, random.Random(2023))  # noqa: S311  (demo data)
    pendaftar_import(rekrutmen=rekrutmen, berkas=isi.encode(), nama_berkas=f"{KODE}.csv")
    pendaftar_screen(rekrutmen=rekrutmen)
    peringkat_compute(rekrutmen=rekrutmen, pengguna=None)
    penetapan_create(rekrutmen=rekrutmen, nomor_sk=SK[0], tanggal_sk=SK[1], pengguna=None)
    n = Pendaftar.objects.filter(rekrutmen=rekrutmen).count()
    stdout.write(f"  badan_adhoc: {KODE} {n} pendaftar, {rekrutmen.anggota.count()} ditetapkan")
