"""Realisasi per month and cumulative against the RPD (halaman III), with the IKPA deviation."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q, Sum
from django.db.models.functions import ExtractMonth

from kpu_site.formatting import bulan as nama_bulan

from ..models import DokumenAnggaran, Pos, Realisasi, RencanaPenarikan, Revisi
from .hitung import (
    BATAS_DEVIASI_IKPA,
    NOL,
    SEN,
    SERATUS,
    deviasi_compute,
    serapan_compute,
)
from .pohon import (
    pagu_detail_map,
    revisi_terakhir,
)

# --- per month, RPD and IKPA deviation -------------------------------------------------------


@dataclass
class BarisBulan:
    bulan: int
    rpd: Decimal
    realisasi: Decimal
    rpd_kumulatif: Decimal
    realisasi_kumulatif: Decimal
    serapan_kumulatif: Decimal | None
    deviasi: Decimal

    @property
    def nama_bulan(self) -> str:
        return nama_bulan(self.bulan)

    @property
    def deviasi_wajar(self) -> bool:
        return self.deviasi <= BATAS_DEVIASI_IKPA


@dataclass
class Bulanan:
    pagu: Decimal
    baris: list[BarisBulan]

    @property
    def rata_rata_deviasi(self) -> Decimal:
        dinilai = [b for b in self.baris if b.rpd or b.realisasi]
        if not dinilai:
            return NOL
        total = sum((b.deviasi for b in dinilai), NOL)
        return (total / len(dinilai)).quantize(SEN, rounding=ROUND_HALF_UP)

    @property
    def nilai_ikpa_deviasi(self) -> Decimal:
        """IKPA indicator "deviasi halaman III": 100 − average monthly deviation (floor 0)."""
        return max(NOL, SERATUS - self.rata_rata_deviasi)


def realisasi_bulanan(
    *, dokumen: DokumenAnggaran, revisi: Revisi | None = None, pos: Pos | None = None
) -> Bulanan:
    """Realisasi per month and cumulative, against the RPD of the revision (whole document) or
    the pagu of one node (``pos``: RPD is planned for the whole DIPA, so it is shown only then)."""
    if revisi is None:
        revisi = revisi_terakhir(dokumen=dokumen)
    qs = Realisasi.objects.filter(dokumen=dokumen)
    if pos is not None:
        qs = qs.filter(Q(akun__kode_lengkap__startswith=f"{pos.kode_lengkap}.") | Q(akun=pos))
        di_bawah = set(
            Pos.objects.filter(
                dokumen=dokumen, kode_lengkap__startswith=f"{pos.kode_lengkap}."
            ).values_list("id", flat=True)
        )
        pagu = sum((v for pid, v in pagu_detail_map(revisi=revisi).items() if pid in di_bawah), NOL)
        rpd = {}
    else:
        pagu = sum(pagu_detail_map(revisi=revisi).values(), NOL)
        rpd = (
            dict(RencanaPenarikan.objects.filter(revisi=revisi).values_list("bulan", "nilai"))
            if revisi
            else {}
        )
    per_bulan = dict(
        qs.annotate(b=ExtractMonth("tanggal"))
        .values("b")
        .annotate(total=Sum("nilai"))
        .values_list("b", "total")
    )
    baris = []
    kum_rpd = kum_real = NOL
    for bulan in range(1, 13):
        r = Decimal(per_bulan.get(bulan) or 0)
        p = Decimal(rpd.get(bulan) or 0)
        kum_rpd += p
        kum_real += r
        baris.append(
            BarisBulan(
                bulan=bulan,
                rpd=p,
                realisasi=r,
                rpd_kumulatif=kum_rpd,
                realisasi_kumulatif=kum_real,
                serapan_kumulatif=serapan_compute(pagu, kum_real),
                deviasi=deviasi_compute(p, r) if rpd else NOL,
            )
        )
    return Bulanan(pagu=pagu, baris=baris)


# --- open work of the finance sub-bagian (home page) -----------------------------------------


def bulan_berlalu(*, tahun: int, hari_ini) -> int:
    """How many months of ``tahun`` are over on ``hari_ini``: 12 for an earlier year, the
    months before this one in the current year, 0 for a year still to come."""
    if tahun < hari_ini.year:
        return 12
    if tahun > hari_ini.year:
        return 0
    return hari_ini.month - 1


def rpd_tanpa_realisasi(*, dokumen: DokumenAnggaran, sampai_bulan: int) -> list[RencanaPenarikan]:
    """The months 1..``sampai_bulan`` whose RPD (latest revision) plans a disbursement while no
    realisasi is recorded in that month on the document: payments still to enter (2 queries)."""
    revisi = revisi_terakhir(dokumen=dokumen)
    if revisi is None or sampai_bulan < 1:
        return []
    tercatat = (
        Realisasi.objects.filter(dokumen=dokumen)
        .annotate(b=ExtractMonth("tanggal"))
        .values_list("b", flat=True)
        .distinct()
    )
    return list(
        RencanaPenarikan.objects.filter(revisi=revisi, bulan__lte=sampai_bulan, nilai__gt=0)
        .exclude(bulan__in=tercatat)
        .order_by("bulan")
    )
