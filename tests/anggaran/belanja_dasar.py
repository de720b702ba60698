"""Shared data of the contract and invoice tests (``test_belanja_*``): a DIPA 2023 whose tree
has akun lines of belanja barang (521211 pagu Rp 200.000.000, 521213 Rp 50.000.000), modal
(532111 Rp 300.000.000) and pegawai (511111 Rp 10.000.000), and three contracts with four
invoices recorded through the services.

Working days from BAST to SPM (Monday–Friday after the BAST, the SPM's day included), the
IKPA 2023 limit being 17:

=================  ==========  ==========  ==========  ====  ============
invoice            BAST        SPM         SP2D        days  status
=================  ==========  ==========  ==========  ====  ============
BAST-01 (K-01)     10/03 Fri   20/03 Mon   23/03       6     tepat waktu
SEWA-TW1 (K-12)    31/03 Fri   11/04 Tue   13/04       7     tepat waktu
SEWA-TW2 (K-12)    30/06 Fri   27/07 Thu   31/07       19    terlambat
SEWA-TW3 (K-12)    29/09 Fri   –           –           –     terlambat (deadline 24/10 passed)
=================  ==========  ==========  ==========  ====  ============

Contracts Rp 148.500.000 + 96.000.000 + 40.000.000 = Rp 284.500.000; invoiced
Rp 148.500.000 + 72.000.000 = Rp 220.500.000; paid Rp 148.500.000 + 48.000.000 =
Rp 196.500.000.
"""

from datetime import date
from decimal import Decimal

import pytest

from anggaran import services, services_belanja
from anggaran.models import Pos

from .factories import JUTA, DokumenAnggaranFactory, pohon_kecil


def akun_tambah(dokumen, induk, kode, pagu):
    akun = services.pos_create(
        pengguna=None,
        dokumen=dokumen,
        induk=induk,
        tingkat=Pos.Tingkat.AKUN,
        kode=kode,
        uraian=f"Akun {kode}",
    )
    services.pos_create(
        pengguna=None,
        dokumen=dokumen,
        induk=akun,
        tingkat=Pos.Tingkat.DETAIL,
        kode="1",
        uraian="Detail",
        satuan="PKT",
        volume=Decimal("1"),
        harga=pagu,
    )
    return akun


def dipa_belanja_buat():
    dipa = DokumenAnggaranFactory(tahun=2023)
    pohon = pohon_kecil(dipa, None, pagu_akun=(200 * JUTA, 50 * JUTA))
    akun = {a.kode: a for a in pohon["akun"]}
    akun["532111"] = akun_tambah(dipa, pohon["sub"], "532111", 300 * JUTA)
    akun["511111"] = akun_tambah(dipa, pohon["sub"], "511111", 10 * JUTA)
    dipa.akun = akun
    return dipa


def kontrak_catat(dipa, akun, nomor, tanggal, juta, **kwargs):
    data = {
        "akun": dipa.akun[akun],
        "nomor": nomor,
        "tanggal": tanggal,
        "tanggal_selesai": kwargs.pop("tanggal_selesai", date(2023, 12, 31)),
        "penyedia": kwargs.pop("penyedia", "CV Uji"),
        "uraian": kwargs.pop("uraian", "Pekerjaan uji"),
        "nilai": Decimal(juta) * JUTA,
    }
    return services_belanja.kontrak_create(pengguna=None, dokumen=dipa, **(data | kwargs))


def tagihan_catat(kontrak, nomor, bast, juta, spm=None, sp2d=None):
    return services_belanja.tagihan_create(
        pengguna=None,
        kontrak=kontrak,
        nomor=nomor,
        tanggal_bast=bast,
        tanggal_spm=spm,
        tanggal_sp2d=sp2d,
        nilai=Decimal(juta) * JUTA,
    )


@pytest.fixture
def dipa_belanja(db):
    return dipa_belanja_buat()


@pytest.fixture
def belanja(dipa_belanja):
    """The three contracts and four invoices of the module's table."""
    d = dipa_belanja
    k1 = kontrak_catat(d, "532111", "K-01", date(2023, 1, 16), Decimal("148.5"))
    k12 = kontrak_catat(d, "521211", "K-12", date(2022, 12, 20), 96, penyedia="PT Gudang")
    kontrak_catat(d, "521213", "K-03", date(2023, 2, 3), 40)
    tagihan_catat(
        k1, "BAST-01", date(2023, 3, 10), Decimal("148.5"), date(2023, 3, 20), date(2023, 3, 23)
    )
    tagihan_catat(k12, "SEWA-TW1", date(2023, 3, 31), 24, date(2023, 4, 11), date(2023, 4, 13))
    tagihan_catat(k12, "SEWA-TW2", date(2023, 6, 30), 24, date(2023, 7, 27), date(2023, 7, 31))
    tagihan_catat(k12, "SEWA-TW3", date(2023, 9, 29), 24)
    return d
