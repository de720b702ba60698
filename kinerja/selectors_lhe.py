"""Reads of the LHE, its findings and follow-up: one function per figure.

"Open" = not ``selesai``; "overdue" = open with ``batas_waktu`` before today (the local date).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from .model_lhe import LaporanHasilEvaluasi, TemuanEvaluasi, TindakLanjut

SELESAI = TemuanEvaluasi.Status.SELESAI


def lhe_list() -> QuerySet[LaporanHasilEvaluasi]:
    """Every LHE, newest evaluation year first, with its number of findings."""
    return LaporanHasilEvaluasi.objects.annotate(jumlah_temuan=Count("temuan")).order_by("-tahun")


def lhe_get(*, tahun: int) -> LaporanHasilEvaluasi | None:
    """The LHE of the evaluation of ``tahun`` (link to the LKE of the same year)."""
    return LaporanHasilEvaluasi.objects.filter(tahun=tahun).first()


def temuan_list(*, lhe: LaporanHasilEvaluasi) -> QuerySet[TemuanEvaluasi]:
    """The findings of ``lhe`` with their unit, acceptor and follow-up history."""
    return (
        lhe.temuan.select_related("unit", "diterima_oleh", "lhe")
        .prefetch_related(
            Prefetch(
                "tindak_lanjut",
                queryset=TindakLanjut.objects.select_related("dicatat_oleh").order_by(
                    "tanggal", "pk"
                ),
            )
        )
        .order_by("nomor")
    )


def _hari_ini(hari_ini: dt.date | None) -> dt.date:
    return hari_ini or timezone.localdate()


def temuan_terbuka(*, unit=None) -> QuerySet[TemuanEvaluasi]:
    """Findings not yet accepted as done, of every LHE (or of ``unit``), oldest deadline first."""
    qs = TemuanEvaluasi.objects.exclude(status=SELESAI).select_related("lhe", "unit")
    if unit is not None:
        qs = qs.filter(unit=unit)
    return qs.order_by("batas_waktu", "lhe__tahun", "nomor")


def temuan_terlambat(*, unit=None, hari_ini: dt.date | None = None) -> QuerySet[TemuanEvaluasi]:
    """Open findings whose deadline has passed (``batas_waktu`` before today)."""
    return temuan_terbuka(unit=unit).filter(batas_waktu__lt=_hari_ini(hari_ini))


def jumlah_terbuka(*, unit=None) -> int:
    """The number of open findings (overall, or of ``unit``)."""
    return temuan_terbuka(unit=unit).count()


def jumlah_terlambat(*, unit=None, hari_ini: dt.date | None = None) -> int:
    """The number of open findings past their deadline (overall, or of ``unit``)."""
    return temuan_terlambat(unit=unit, hari_ini=hari_ini).count()


def jumlah_per_status(*, lhe: LaporanHasilEvaluasi | None = None) -> dict[str, int]:
    """``{status: number of findings}`` for every status (zero included), of ``lhe`` or all."""
    qs = TemuanEvaluasi.objects.all() if lhe is None else lhe.temuan.all()
    hitung = dict(qs.values_list("status").annotate(n=Count("pk")).order_by())
    return {s.value: hitung.get(s.value, 0) for s in TemuanEvaluasi.Status}


def temuan_terbuka_sebelum(*, tahun: int) -> QuerySet[TemuanEvaluasi]:
    """Open findings of evaluations of years before ``tahun`` (the LKj pre-flight of
    ``tahun``)."""
    return temuan_terbuka().filter(lhe__tahun__lt=tahun).order_by("lhe__tahun", "nomor")


def temuan_get(*, pk: int) -> TemuanEvaluasi:
    """One finding with its LHE and unit (``DoesNotExist`` when there is none)."""
    return TemuanEvaluasi.objects.select_related("lhe", "unit").get(pk=pk)


def rekap_konten(*, lhe: LaporanHasilEvaluasi, hari_ini: dt.date | None = None) -> dict:
    """What the printed "Rekap tindak lanjut" shows: the satker, the LHE, each finding with its
    follow-up and status (overdue marked), and the count per status."""
    from sekretariat import selectors as org

    satker = org.satker_get()
    hari_ini = _hari_ini(hari_ini)
    temuan = list(temuan_list(lhe=lhe))
    for t in temuan:
        t.terlambat = t.status != SELESAI and t.batas_waktu < hari_ini
    return {
        "lhe": lhe,
        "temuan": temuan,
        "per_status": [
            (s.label, n)
            for s, n in zip(TemuanEvaluasi.Status, jumlah_per_status(lhe=lhe).values(), strict=True)
        ],
        "hari_ini": hari_ini,
        "satker": {"nama": satker.nama if satker else "Sekretariat KPU"},
    }
