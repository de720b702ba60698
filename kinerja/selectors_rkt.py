"""Reads of the Rencana Kinerja Tahunan: the RKT in force of a year, its revisions, the document
grouped Tujuan → sasaran → rows, and how the year's PK relates to it (``pk_sumber_target``:
shown on the PK page and checked by the LKj pre-flight)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from .model_rkt import RencanaKinerjaTahunan, RKTBaris
from .models import Indikator, PerjanjianKinerja, Sasaran, Tujuan


def rkt_ditetapkan(*, tahun: int) -> RencanaKinerjaTahunan | None:
    """The RKT in force of the year (the ditetapkan revision), or None."""
    return RencanaKinerjaTahunan.objects.filter(
        tahun=tahun, status=RencanaKinerjaTahunan.Status.DITETAPKAN
    ).first()


def rkt_dipakai() -> bool:
    """Does the app hold an RKT of any year (the satker keeps its yearly plan here)?"""
    return RencanaKinerjaTahunan.objects.exists()


def rkt_draft(*, tahun: int) -> RencanaKinerjaTahunan | None:
    return RencanaKinerjaTahunan.objects.filter(
        tahun=tahun, status=RencanaKinerjaTahunan.Status.DRAFT
    ).first()


def rkt_berlaku(*, tahun: int) -> RencanaKinerjaTahunan | None:
    """The RKT a page of the year shows: the draft being prepared, else the ditetapkan one."""
    return rkt_draft(tahun=tahun) or rkt_ditetapkan(tahun=tahun)


def rkt_riwayat(*, tahun: int) -> QuerySet[RencanaKinerjaTahunan]:
    """Every revision of the year's RKT, newest first."""
    return (
        RencanaKinerjaTahunan.objects.filter(tahun=tahun)
        .select_related("dibuat_oleh", "ditetapkan_oleh")
        .order_by("-revisi")
    )


def rkt_baris_list(*, rkt: RencanaKinerjaTahunan) -> QuerySet[RKTBaris]:
    return rkt.baris.select_related(
        "indikator__sasaran__tujuan", "indikator__sasaran__unit"
    ).order_by("indikator__sasaran__tujuan__urutan", "indikator__sasaran__nomor", "indikator__kode")


@dataclass
class KelompokSasaran:
    sasaran: Sasaran
    baris: list[RKTBaris] = field(default_factory=list)


@dataclass
class KelompokTujuan:
    tujuan: Tujuan
    sasaran: list[KelompokSasaran] = field(default_factory=list)


def rkt_dokumen(*, rkt: RencanaKinerjaTahunan) -> list[KelompokTujuan]:
    """The rows of the RKT grouped Tujuan → sasaran, in the Renstra's order."""
    hasil: list[KelompokTujuan] = []
    for b in rkt_baris_list(rkt=rkt):
        sasaran = b.indikator.sasaran
        if not hasil or hasil[-1].tujuan.pk != sasaran.tujuan_id:
            hasil.append(KelompokTujuan(tujuan=sasaran.tujuan))
        kelompok = hasil[-1]
        if not kelompok.sasaran or kelompok.sasaran[-1].sasaran.pk != sasaran.pk:
            kelompok.sasaran.append(KelompokSasaran(sasaran=sasaran))
        kelompok.sasaran[-1].baris.append(b)
    return hasil


@dataclass(frozen=True)
class SumberTargetPk:
    """How a PK's targets relate to the year's ditetapkan RKT."""

    tahun: int
    rkt: RencanaKinerjaTahunan | None
    beda: tuple[str, ...] = ()  # kode of the indikator whose PK target differs from the RKT's

    @property
    def pesan(self) -> str:
        if self.rkt is None:
            return (
                f"RKT {self.tahun} belum ditetapkan; target PK disalin dari target Renstra "
                f"tahun {self.tahun}."
            )
        if not self.beda:
            return f"Target PK disalin dari {self.rkt} yang ditetapkan (sama)."
        return f"Target PK berbeda dari {self.rkt} pada indikator {', '.join(self.beda)}."


def pk_sumber_target(*, perjanjian: PerjanjianKinerja) -> SumberTargetPk:
    """Compare the PK's rows with the ditetapkan RKT of its year (which the PK copies)."""
    rkt = rkt_ditetapkan(tahun=perjanjian.tahun)
    if rkt is None:
        return SumberTargetPk(tahun=perjanjian.tahun, rkt=None)
    rkt_map = {b.indikator_id: (b.target, b.target_atas) for b in rkt.baris.all()}
    pk_map = {
        b.indikator_id: (b.indikator.kode, (b.target, b.target_atas))
        for b in perjanjian.baris.select_related("indikator")
    }
    beda = sorted(kode for pk, (kode, nilai) in pk_map.items() if rkt_map.get(pk) != nilai)
    hilang = set(rkt_map) - set(pk_map)
    if hilang:
        beda += sorted(Indikator.objects.filter(pk__in=hilang).values_list("kode", flat=True))
    return SumberTargetPk(tahun=perjanjian.tahun, rkt=rkt, beda=tuple(beda))
