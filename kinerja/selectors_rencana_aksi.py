"""Reads of the Rencana Aksi and its quarterly monitoring.

The monitoring of a quarter is produced from the quarterly realisasi already entered and
verified (``Realisasi`` with status diverifikasi or disetujui): target of the quarter (the
Rencana Aksi's, else the realisasi row's own ``target_periode``) against its realisasi, and the
capaian from ``kinerja.capaian.capaian_compute`` with the capaian settings, as everywhere else.
A signed report shows the figures kept at signing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet

from .capaian import HasilCapaian, capaian_compute
from .models import (
    Indikator,
    MonitoringBaris,
    MonitoringRencanaAksi,
    PerjanjianKinerja,
    PKBaris,
    Realisasi,
    RencanaAksi,
)
from .selectors import pengaturan_capaian_get, pk_baris_list, pk_berlaku

#: Realisasi that count for the monitoring: checked by the Kasubag (or approved).
STATUS_TERVERIFIKASI = frozenset({Realisasi.Status.DIVERIFIKASI, Realisasi.Status.DISETUJUI})


# --------------------------------------------------------------------------- Rencana Aksi


@dataclass
class BarisRencanaAksi:
    baris: PKBaris
    rencana: RencanaAksi | None
    aksi: list = field(default_factory=list)

    @property
    def indikator(self) -> Indikator:
        return self.baris.indikator

    @property
    def unit(self):
        return self.rencana.unit if self.rencana else self.baris.indikator.sasaran.unit


def rencana_aksi_tahun(*, tahun: int) -> tuple[PerjanjianKinerja | None, list[BarisRencanaAksi]]:
    """The PK in force for the year and, per line, its Rencana Aksi (or None) and actions."""
    perjanjian = pk_berlaku(tahun=tahun)
    if perjanjian is None:
        return None, []
    baris = list(pk_baris_list(perjanjian=perjanjian))
    rencana = {
        r.baris_id: r
        for r in RencanaAksi.objects.filter(baris__in=baris)
        .select_related("unit")
        .prefetch_related("aksi")
    }
    return perjanjian, [
        BarisRencanaAksi(
            baris=b,
            rencana=rencana.get(b.pk),
            aksi=list(rencana[b.pk].aksi.all()) if b.pk in rencana else [],
        )
        for b in baris
    ]


# --------------------------------------------------------------------------- monitoring


def monitoring_list(*, tahun: int | None = None) -> QuerySet[MonitoringRencanaAksi]:
    qs = MonitoringRencanaAksi.objects.select_related("ditandatangani_oleh")
    return qs.filter(tahun=tahun) if tahun is not None else qs


def monitoring_berlaku(*, tahun: int, triwulan: str) -> MonitoringRencanaAksi | None:
    """The signed report of the quarter, else its draft."""
    qs = MonitoringRencanaAksi.objects.filter(tahun=tahun, triwulan=triwulan)
    return (
        qs.filter(status=MonitoringRencanaAksi.Status.DITANDATANGANI).first()
        or qs.filter(status=MonitoringRencanaAksi.Status.DRAFT).first()
    )


@dataclass
class BarisMonitoring:
    indikator: Indikator
    target: Decimal | None
    realisasi: Decimal | None
    hasil: HasilCapaian
    lengkap: bool
    status_realisasi: str
    aksi_rencana: list
    baris: MonitoringBaris | None = None


def realisasi_triwulan_map(*, tahun: int, triwulan: str) -> dict[int, Realisasi]:
    """indikator_id -> the quarter's realisasi row (any status)."""
    return {
        r.indikator_id: r
        for r in Realisasi.objects.filter(tahun=tahun, periode=triwulan).select_related("indikator")
    }


def realisasi_terverifikasi(realisasi: Realisasi | None) -> bool:
    """Does this quarterly realisasi count for the monitoring (entered and verified)?"""
    return (
        realisasi is not None
        and realisasi.nilai is not None
        and realisasi.status in STATUS_TERVERIFIKASI
    )


def monitoring_baris_hitung(*, tahun: int, triwulan: str, monitoring=None) -> list[BarisMonitoring]:
    """The lines of the quarter's monitoring, one per line of the PK in force.

    Draft (or no report yet): figures from the verified quarterly realisasi; a quarter not
    verified has ``lengkap=False`` and no realisasi. Signed: the figures kept at signing."""
    _perjanjian, rencana_baris = rencana_aksi_tahun(tahun=tahun)
    realisasi = realisasi_triwulan_map(tahun=tahun, triwulan=triwulan)
    simpan = {b.indikator_id: b for b in monitoring.baris.all()} if monitoring is not None else {}
    beku = monitoring is not None and monitoring.terkunci
    pengaturan = pengaturan_capaian_get()
    hasil = []
    for rb in rencana_baris:
        ind = rb.indikator
        r = realisasi.get(ind.pk)
        mb = simpan.get(ind.pk)
        if beku and mb is not None:
            target, nilai, lengkap = mb.target, mb.realisasi, mb.realisasi is not None
        else:
            lengkap = realisasi_terverifikasi(r)
            target = rencana_aksi_target_tw(rencana=rb.rencana, triwulan=triwulan, realisasi=r)
            nilai = r.nilai if lengkap else None
        hasil.append(
            BarisMonitoring(
                indikator=ind,
                target=target,
                realisasi=nilai,
                hasil=capaian_compute(
                    target=target,
                    target_atas=rb.baris.target_atas if ind.arah == "rentang" else None,
                    realisasi=nilai,
                    arah=ind.arah,
                    pengaturan=pengaturan,
                ),
                lengkap=lengkap,
                status_realisasi=r.get_status_display() if r else "Belum diisi",
                aksi_rencana=[a for a in rb.aksi if a.triwulan == triwulan],
                baris=mb,
            )
        )
    return hasil


def rencana_aksi_target_tw(*, rencana: RencanaAksi | None, triwulan: str, realisasi):
    """The target of a quarter: the Rencana Aksi's, else the realisasi row's own target."""
    if rencana is not None and rencana.target_triwulan(triwulan) is not None:
        return rencana.target_triwulan(triwulan)
    return getattr(realisasi, "target_periode", None)


def monitoring_belum_lengkap(*, baris: list[BarisMonitoring]) -> list[str]:
    """Codes of the indikator whose quarterly realisasi is not yet entered and verified."""
    return [b.indikator.kode for b in baris if not b.lengkap]


def monitoring_draft(*, tahun: int, triwulan: str) -> MonitoringRencanaAksi | None:
    """The draft report of the quarter (the first one, or the revision of a signed one)."""
    return (
        MonitoringRencanaAksi.objects.filter(
            tahun=tahun, triwulan=triwulan, status=MonitoringRencanaAksi.Status.DRAFT
        )
        .prefetch_related("baris__indikator__sasaran__unit")
        .first()
    )


def rencana_aksi_baris_get(*, pk: int) -> BarisRencanaAksi:
    """One PK line with its Rencana Aksi (or None) and actions; ``DoesNotExist`` if no line."""
    baris = PKBaris.objects.select_related(
        "perjanjian", "indikator__sasaran__unit", "rencana_aksi__unit"
    ).get(pk=pk)
    rencana = getattr(baris, "rencana_aksi", None)
    return BarisRencanaAksi(
        baris=baris, rencana=rencana, aksi=list(rencana.aksi.all()) if rencana else []
    )
