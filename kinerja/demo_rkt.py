"""Demo Rencana Kinerja Tahunan of Kota Serang: RKT 2022 and 2023, ditetapkan, composed from the
Renstra before the PK of each year, with the targets the demo's PK carries.

Invented (the seed has no RKT): the nomor and tanggal of each penetapan, and the reason of the
one target the year changed (PK 2022 raised the sosialisasi target, sasaran 11, above the
Renstra 2022 target: here that change is decided in the RKT 2022, which the PK copies).
RKT 2023 equals the Renstra 2023 targets (table 2.1 = table 2.2 of the LKj 2023).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from .model_rkt import RencanaKinerjaTahunan, RKTBaris
from .models import TargetTahunan

#: year -> (nomor, tanggal penetapan) — invented
PENETAPAN = {
    2022: ("3/PL.01-Kpt/3673/2022", dt.date(2022, 1, 3)),
    2023: ("2/PL.01-Kpt/3673/2023", dt.date(2023, 1, 2)),
}
#: Invented: the reason of the changed sosialisasi target of 2022.
ALASAN_2022 = (
    "Tahapan Pemilu 2024 dimulai pada 2022: sosialisasi dan bimbingan teknis badan adhoc "
    "ditingkatkan (contoh)."
)


def muat(*, indikator: dict, beda: dict[int, dict], stdout) -> None:
    """``indikator``: sasaran nomor -> Indikator; ``beda``: year -> {nomor: target of the year
    that differs from the Renstra}."""
    for tahun, (nomor, tanggal) in PENETAPAN.items():
        if RencanaKinerjaTahunan.objects.filter(tahun=tahun).exists():
            continue
        rkt = RencanaKinerjaTahunan.objects.create(
            tahun=tahun,
            status=RencanaKinerjaTahunan.Status.DITETAPKAN,
            nomor=nomor,
            tanggal=tanggal,
            tempat="Serang",
            ditetapkan_pada=timezone.make_aware(dt.datetime.combine(tanggal, dt.time(9))),
        )
        for no, ind in indikator.items():
            renstra = TargetTahunan.objects.get(indikator=ind, tahun=tahun).target
            target = beda.get(tahun, {}).get(no, renstra)
            RKTBaris.objects.create(
                rkt=rkt,
                indikator=ind,
                target=target,
                target_renstra=renstra,
                alasan_perubahan=ALASAN_2022 if target != renstra else "",
            )
    stdout.write("  kinerja: RKT 2022–2023 ditetapkan")
