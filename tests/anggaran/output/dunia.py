"""Helpers of the RO output tests: the RO of the small tree and how to give it a target and
months (the fixtures are in this folder's ``conftest.py``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from anggaran import services_output

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
