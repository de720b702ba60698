"""Reads of the LKE: the worksheet tree, and its figures — one function each.

The arithmetic (PermenPANRB 88/2021; scale values, weights and grade bounds read from the
worksheet itself):

- ``kriteria_nilai``: the value of an answer on its sub-component's scale (Y = 1, T = 0;
  A = 1, B = 0,75, C = 0,5, D = 0,25, E = 0); an unanswered criterion is worth 0;
- ``sub_komponen_skor``: the sub-component's weight × the average of its criteria's values;
- ``komponen_skor``: the sum of its sub-components; ``lke_total``: the sum of the components;
- ``lke_predikat``: the first grade whose lower bound the total (rounded to 2 decimals, as the
  worksheet shows it) is ABOVE: "BB > 70–80" means 70,00 is B and 70,01 is BB.

``pihak`` is ``"mandiri"`` (the satker's self-assessment, ``JawabanLke.jawaban``) or
``"evaluator"`` (``JawabanLke.jawaban_evaluator``). The evaluator's figures are ``None`` until
the evaluator has answered at least one criterion.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch

from .model_lke import (
    JawabanLke,
    KomponenLke,
    KriteriaLke,
    LembarKerjaEvaluasi,
    SubKomponenLke,
    predikat_menurut,
)

MANDIRI = "mandiri"
EVALUATOR = "evaluator"
FIELD = {MANDIRI: "jawaban", EVALUATOR: "jawaban_evaluator"}
SEN = Decimal("0.01")


def lke_list():
    return LembarKerjaEvaluasi.objects.order_by("-tahun")


def lke_get(*, tahun: int) -> LembarKerjaEvaluasi | None:
    return LembarKerjaEvaluasi.objects.filter(tahun=tahun).first()


def lke_pohon(*, lke: LembarKerjaEvaluasi) -> list[KomponenLke]:
    """The components of the worksheet with their sub-components, criteria and answers loaded
    (a constant number of queries)."""
    kriteria = KriteriaLke.objects.select_related("jawaban").order_by("nomor")
    sub = SubKomponenLke.objects.order_by("kode").prefetch_related(
        Prefetch("kriteria", queryset=kriteria)
    )
    return list(lke.komponen.order_by("kode").prefetch_related(Prefetch("sub", queryset=sub)))


def _jawaban(kriteria: KriteriaLke) -> JawabanLke | None:
    try:
        return kriteria.jawaban
    except JawabanLke.DoesNotExist:
        return None


def kriteria_jawaban(kriteria: KriteriaLke, pihak: str = MANDIRI) -> str:
    j = _jawaban(kriteria)
    return getattr(j, FIELD[pihak]) if j else ""


def kriteria_nilai(
    lke: LembarKerjaEvaluasi, sub: SubKomponenLke, kriteria: KriteriaLke, pihak: str = MANDIRI
) -> Decimal:
    """The value of a criterion's answer on the scale of its sub-component (0 unanswered)."""
    jawaban = kriteria_jawaban(kriteria, pihak)
    return Decimal(lke.skala.get(sub.jenis, {}).get(jawaban, "0")) if jawaban else Decimal(0)


def sub_komponen_skor(
    lke: LembarKerjaEvaluasi, sub: SubKomponenLke, pihak: str = MANDIRI
) -> Decimal:
    """Weight × the average of the criteria's values (0 for a sub-component without criteria)."""
    kriteria = list(sub.kriteria.all())
    if not kriteria:
        return Decimal(0)
    jumlah = sum((kriteria_nilai(lke, sub, k, pihak) for k in kriteria), Decimal(0))
    return sub.bobot * jumlah / len(kriteria)


def komponen_skor(lke: LembarKerjaEvaluasi, komponen: KomponenLke, pihak: str = MANDIRI) -> Decimal:
    return sum((sub_komponen_skor(lke, s, pihak) for s in komponen.sub.all()), Decimal(0))


def lke_total(lke: LembarKerjaEvaluasi, komponen: list[KomponenLke], pihak: str = MANDIRI):
    """The total (0–100) of the worksheet, rounded to 2 decimals as the worksheet shows it;
    ``None`` for the evaluator's side while the evaluator has answered nothing."""
    if pihak == EVALUATOR and not evaluator_sudah_menilai(komponen):
        return None
    total = sum((komponen_skor(lke, k, pihak) for k in komponen), Decimal(0))
    return total.quantize(SEN, rounding=ROUND_HALF_UP)


def lke_predikat(lke: LembarKerjaEvaluasi, total: Decimal | None) -> str:
    """The grade of a total: the first grade whose lower bound the total is above; the last
    grade (bound 0) for every other total; "" for no total."""
    if total is None:
        return ""
    return predikat_menurut(lke.predikat, total)


def evaluator_sudah_menilai(komponen: list[KomponenLke]) -> bool:
    return any(
        kriteria_jawaban(k, EVALUATOR)
        for kom in komponen
        for s in kom.sub.all()
        for k in s.kriteria.all()
    )


def komponen_selisih(
    lke: LembarKerjaEvaluasi, komponen: KomponenLke, semua: list[KomponenLke]
) -> Decimal | None:
    """The evaluator's score of a component minus the self-assessment's (None before the
    evaluator has answered)."""
    if not evaluator_sudah_menilai(semua):
        return None
    selisih = komponen_skor(lke, komponen, EVALUATOR) - komponen_skor(lke, komponen, MANDIRI)
    return selisih.quantize(SEN, rounding=ROUND_HALF_UP)


def belum_dijawab(komponen: list[KomponenLke]) -> list[KriteriaLke]:
    return [
        k
        for kom in komponen
        for s in kom.sub.all()
        for k in s.kriteria.all()
        if not kriteria_jawaban(k)
    ]


@dataclass
class TotalTahun:
    tahun: int
    mandiri: Decimal | None
    predikat_mandiri: str
    evaluator: Decimal | None
    predikat_evaluator: str
    status: str


def lke_riwayat_total(*, sampai: int) -> list[TotalTahun]:
    """The totals and grades of every worksheet up to ``sampai`` (the comparison with earlier
    years), oldest first."""
    hasil = []
    for lke in LembarKerjaEvaluasi.objects.filter(tahun__lte=sampai).order_by("tahun"):
        pohon = lke_pohon(lke=lke)
        mandiri = lke_total(lke, pohon, MANDIRI)
        evaluator = lke_total(lke, pohon, EVALUATOR)
        hasil.append(
            TotalTahun(
                tahun=lke.tahun,
                mandiri=mandiri,
                predikat_mandiri=lke_predikat(lke, mandiri),
                evaluator=evaluator,
                predikat_evaluator=lke_predikat(lke, evaluator),
                status=lke.get_status_display(),
            )
        )
    return hasil


@dataclass
class BarisKomponen:
    komponen: KomponenLke
    mandiri: Decimal
    evaluator: Decimal | None
    selisih: Decimal | None


def lke_ringkasan(*, lke: LembarKerjaEvaluasi, pohon: list[KomponenLke] | None = None) -> dict:
    """What the top of the worksheet page and the report show: per component the two scores
    and their difference, the totals and grades, the criteria still unanswered."""
    pohon = pohon if pohon is not None else lke_pohon(lke=lke)
    dinilai = evaluator_sudah_menilai(pohon)
    baris = [
        BarisKomponen(
            komponen=k,
            mandiri=komponen_skor(lke, k, MANDIRI).quantize(SEN, rounding=ROUND_HALF_UP),
            evaluator=komponen_skor(lke, k, EVALUATOR).quantize(SEN, rounding=ROUND_HALF_UP)
            if dinilai
            else None,
            selisih=komponen_selisih(lke, k, pohon),
        )
        for k in pohon
    ]
    total = lke_total(lke, pohon, MANDIRI)
    total_ev = lke_total(lke, pohon, EVALUATOR)
    return {
        "komponen": baris,
        "total": total,
        "predikat": lke_predikat(lke, total),
        "total_evaluator": total_ev,
        "predikat_evaluator": lke_predikat(lke, total_ev),
        "selisih": (total_ev - total) if total_ev is not None else None,
        "belum_dijawab": belum_dijawab(pohon),
    }
