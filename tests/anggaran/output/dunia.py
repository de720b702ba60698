"""Helpers of the RO output tests: the RO of the small tree and how to give it a target and
months (the fixtures are in this folder's ``conftest.py``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from anggaran import services, services_output
from anggaran.models import Pos

KODE_RO = "076.01.CQ.6709.QGE.001"


def target_set(ro, pengguna, volume="6", satuan="Laporan", unit=None, rencana=None):
    return services_output.volume_ro_set(
        pengguna=pengguna,
        ro=ro,
        volume=Decimal(volume),
        satuan=satuan,
        unit=unit,
        rencana=rencana,
    )


def bulan_isi(ro, pengguna, bulan, volume, *, ajukan=True, tanggal=None, **kwargs):
    """One month's realisasi (submitted unless ``ajukan=False``), reported on the 5th of the
    next month (January of the next year for December)."""
    tanggal = tanggal or (date(2023, bulan + 1, 5) if bulan < 12 else date(2024, 1, 5))
    r = services_output.realisasi_output_create(
        pengguna=pengguna,
        ro=ro,
        bulan=bulan,
        volume=Decimal(volume),
        tanggal_lapor=tanggal,
        **kwargs,
    )
    if ajukan:
        r = services_output.realisasi_output_submit(pengguna=pengguna, realisasi=r)
    return r


def ro_tambah(dipa, pengguna, n: int, *, awal: int = 2) -> list:
    """``n`` more RO lines under the small tree's KRO (``076.01.CQ.6709.QGE.002`` …), each with
    an akun and a detail line, a target of 12 Laporan and three months reported."""
    kro = Pos.objects.get(dokumen=dipa, tingkat=Pos.Tingkat.KRO)
    daftar = []
    for i in range(awal, awal + n):
        ro = services.pos_create(
            pengguna=pengguna,
            dokumen=dipa,
            induk=kro,
            tingkat=Pos.Tingkat.RO,
            kode=f"{i:03d}",
            uraian=f"RO uji {i}",
        )
        akun = services.pos_create(
            pengguna=pengguna, dokumen=dipa, induk=ro, tingkat=Pos.Tingkat.AKUN, kode="521211",
            uraian="Belanja Bahan",
        )  # fmt: skip
        services.pos_create(
            pengguna=pengguna, dokumen=dipa, induk=akun, tingkat=Pos.Tingkat.DETAIL, kode="1",
            uraian="Detail", satuan="PKT", volume=Decimal("1"), harga=Decimal("1000000"),
        )  # fmt: skip
        target_set(ro, pengguna, volume="12")
        for bulan in (1, 2, 3):
            bulan_isi(ro, pengguna, bulan, "1", ajukan=bulan != 3)
        daftar.append(ro)
    return daftar
