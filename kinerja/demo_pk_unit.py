"""Demo: the signed Perjanjian Kinerja 2023 of each sub-bagian (Kasubag with the Sekretaris).

Runs after the performance-tree demo and makes one signed PK per sub-bagian that has
``sub_bagian`` nodes with 2023 targets in the tree (the four sub-bagian of Kota Serang), so the
list of 2023 shows five signed PKs with the Sekretaris's.

Invented, marked as such (the seed, the LKj 2023 of KPU Kota Serang, prints only the
Sekretaris's PK): the four Kasubag PKs themselves. Their date and place are those of the
Sekretaris's PK 2023 (Serang, 2 Januari 2023); their signatories are the organisation demo's
holders of the Kasubag posts and the Sekretaris on that date; their rows and targets are the
2023 targets of the tree (themselves invented by the tree's demo).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from .model_pk_unit import PerjanjianKinerjaUnit, PKUnitBaris
from .models import PerjanjianKinerja
from .selectors_pk_unit import (
    pk_unit_penandatangan_default,
    pk_unit_target_sumber,
    sub_bagian_list,
)

TAHUN = 2023


def muat(*, stdout) -> None:
    """Idempotent: a sub-bagian that already has a PK for the year is left alone."""
    pk_sekretaris = (
        PerjanjianKinerja.objects.filter(
            tahun=TAHUN, status=PerjanjianKinerja.Status.DITANDATANGANI
        )
        .order_by("-revisi")
        .first()
    )
    tanggal = pk_sekretaris.tanggal if pk_sekretaris else dt.date(TAHUN, 1, 2)
    tempat = pk_sekretaris.tempat if pk_sekretaris else "Serang"
    dibuat = 0
    for unit in sub_bagian_list():
        if PerjanjianKinerjaUnit.objects.filter(unit=unit, tahun=TAHUN).exists():
            continue
        targets = list(pk_unit_target_sumber(unit=unit, tahun=TAHUN))
        penandatangan = pk_unit_penandatangan_default(unit=unit, tanggal=tanggal)
        if not targets or penandatangan.masalah:
            continue
        perjanjian = PerjanjianKinerjaUnit.objects.create(
            unit=unit,
            tahun=TAHUN,
            revisi=0,
            status=PerjanjianKinerjaUnit.Status.DITANDATANGANI,
            tempat=tempat,
            tanggal=tanggal,
            ditandatangani_pada=timezone.make_aware(dt.datetime.combine(tanggal, dt.time(10))),
            **penandatangan.data,
        )
        PKUnitBaris.objects.bulk_create(
            PKUnitBaris(
                perjanjian=perjanjian,
                indikator_id=t.indikator_id,
                target=t.target,
                target_atas=t.target_atas,
            )
            for t in targets
        )
        dibuat += 1
    if dibuat:
        stdout.write(f"  kinerja: {dibuat} Perjanjian Kinerja sub bagian {TAHUN} (ditandatangani)")
