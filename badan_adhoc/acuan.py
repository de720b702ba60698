"""Reference data of the ad hoc bodies (NOTES.md): seats per unit and honorarium rates.

Seeded by the migration ``0002_norma_tarif``; ``acuan_pastikan`` writes the same rows when they
are missing (a database flushed by a transactional test, a fresh demo), never changing rows
that exist (rates are data that staff may have corrected).
"""

from __future__ import annotations

from decimal import Decimal

NORMA = [
    ("ppk", "kecamatan", 5),
    ("pps", "kelurahan", 3),
    ("kpps", "tps", 7),
    ("pantarlih", "tps", 1),  # usually 1 per TPS; a satker may raise it (data)
]
DASAR = "Surat Menkeu S-647/MK.02/2022"
TARIF = {
    ("ppk", "ketua"): 2_500_000,
    ("ppk", "anggota"): 2_200_000,
    ("ppk", "sekretaris"): 1_850_000,
    ("ppk", "pelaksana"): 1_300_000,
    ("pps", "ketua"): 1_500_000,
    ("pps", "anggota"): 1_300_000,
    ("pps", "sekretaris"): 1_150_000,
    ("pps", "pelaksana"): 1_050_000,
    ("kpps", "ketua"): 1_200_000,
    ("kpps", "anggota"): 1_100_000,
    ("pantarlih", "anggota"): 1_000_000,  # NOTES.md: Pantarlih 1.000.000 per month
}
TAHUN = (2023, 2024)


def acuan_pastikan() -> None:
    from .models import NormaKursi, TarifHonor

    for jenis, satuan, jumlah in NORMA:
        NormaKursi.objects.get_or_create(
            jenis_badan=jenis, defaults={"satuan": satuan, "jumlah": jumlah}
        )
    for tahun in TAHUN:
        for (jenis, jabatan), besaran in TARIF.items():
            TarifHonor.objects.get_or_create(
                jenis_badan=jenis,
                jabatan=jabatan,
                tahun=tahun,
                defaults={"besaran": Decimal(besaran), "dasar": DASAR},
            )
