"""The output side of the DIPA: the volume target of each RO (rincian output) and its monthly
output realisasi, with capaian (``capaian_volume_compute``) next to the RO's pagu and realisasi
anggaran.

What counts as realised is ``RealisasiOutput.STATUS_DILAPORKAN`` (submitted or verified); a
draft or a returned month is shown with its status but adds nothing.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.dates import MONTHS_3

from kpu_site.formatting import KOSONG, angka
from kpu_site.formatting import bulan as nama_bulan

from ..akses import boleh_tulis, boleh_verifikasi_output
from ..models import DokumenAnggaran, Pos, RealisasiOutput, Revisi, VolumeRo
from .hitung import NOL, SisaSerapan, capaian_volume_compute
from .pohon import pohon_anggaran, revisi_terakhir


def volume_teks(nilai) -> str:
    """A volume as people write it: ``6``, ``7,2``, ``2,5`` (no trailing zeros, at most two
    decimals, thousands with dots); ``–`` when there is none."""
    if nilai is None or nilai == "":
        return KOSONG
    nilai = Decimal(str(nilai))
    eksponen = nilai.normalize().as_tuple().exponent
    desimal = -eksponen if isinstance(eksponen, int) and eksponen < 0 else 0
    return angka(nilai, min(desimal, 2))


def rencana_angka(rencana) -> list[Decimal]:
    """``VolumeRo.rencana`` (12 cumulative volumes stored as text, or empty) as numbers."""
    return [Decimal(str(v)) for v in rencana or []]


# --- one RO per row -------------------------------------------------------------------------


@dataclass
class BulanOutput:
    """One month of an RO: its row in any status (for the badge and the link), the volume that
    counts (``None`` when the month has nothing reported), the cumulative volume and capaian up
    to this month, and the planned cumulative volume when a projection is entered."""

    bulan: int
    realisasi: RealisasiOutput | None
    volume: Decimal | None
    kumulatif: Decimal
    capaian: Decimal | None
    rencana: Decimal | None = None

    @property
    def nama_bulan(self) -> str:
        return nama_bulan(self.bulan)

    @property
    def singkat(self) -> str:
        return str(MONTHS_3[self.bulan]).title()

    @property
    def volume_teks(self) -> str:
        return volume_teks(self.volume)

    @property
    def kumulatif_teks(self) -> str:
        return volume_teks(self.kumulatif)

    @property
    def rencana_teks(self) -> str:
        return volume_teks(self.rencana)

    @property
    def tercatat_teks(self) -> str:
        """The month's volume as entered, whatever its status (``""`` when nothing is)."""
        return volume_teks(self.realisasi.volume) if self.realisasi else ""

    @property
    def dilaporkan(self) -> bool:
        return self.volume is not None


@dataclass
class BarisOutputRo(SisaSerapan):
    """One RO line: target, the twelve months, the cumulative volume and capaian up to
    ``sampai_bulan``, and the pagu/realisasi anggaran of the RO's subtree (realisasi up to the
    end of ``sampai_bulan``) with its serapan."""

    pos: Pos
    target: Decimal | None
    rencana: list[Decimal]
    bulan: list[BulanOutput]
    sampai_bulan: int
    pagu: Decimal = NOL
    realisasi: Decimal = NOL

    @property
    def kode(self) -> str:
        return self.pos.kode_lengkap

    @property
    def uraian(self) -> str:
        return self.pos.uraian

    @property
    def satuan(self) -> str:
        return self.pos.satuan

    @property
    def unit(self):
        return self.pos.unit

    @property
    def punya_target(self) -> bool:
        return self.target is not None

    @property
    def kumulatif(self) -> Decimal:
        """Volume reported from January to ``sampai_bulan``."""
        return self.bulan[self.sampai_bulan - 1].kumulatif

    @property
    def capaian(self) -> Decimal | None:
        return capaian_volume_compute(self.kumulatif, self.target) if self.target else None

    @property
    def target_teks(self) -> str:
        return f"{volume_teks(self.target)} {self.satuan}".strip() if self.target else ""

    @property
    def kumulatif_teks(self) -> str:
        return f"{volume_teks(self.kumulatif)} {self.satuan}".strip()


def _sampai_tanggal(tahun: int, sampai_bulan: int) -> date:
    return date(tahun, sampai_bulan, calendar.monthrange(tahun, sampai_bulan)[1])


def output_ro_list(
    *,
    dokumen: DokumenAnggaran,
    revisi: Revisi | None = None,
    sampai_bulan: int = 12,
    ro: Pos | None = None,
) -> list[BarisOutputRo]:
    """One row per RO line of the document (or only ``ro``): kode, uraian, satuan, unit
    pengampu, the target volume of ``revisi`` (default the latest), the volume of each month
    (``STATUS_DILAPORKAN`` only) with its status, cumulative volume and capaian to
    ``sampai_bulan`` (1–12), and the RO's pagu, realisasi anggaran to the end of that month and
    serapan (``pohon_anggaran``). Seven queries, whatever the number of RO lines or months."""
    if revisi is None:
        revisi = revisi_terakhir(dokumen=dokumen)
    sampai_bulan = max(1, min(12, int(sampai_bulan)))
    pohon = pohon_anggaran(
        dokumen=dokumen,
        revisi=revisi,
        sampai=_sampai_tanggal(dokumen.tahun, sampai_bulan) if sampai_bulan < 12 else None,
    )
    daftar_ro = Pos.objects.filter(dokumen=dokumen, tingkat=Pos.Tingkat.RO).select_related("unit")
    realisasi_qs = RealisasiOutput.objects.filter(ro__dokumen=dokumen)
    target_qs = VolumeRo.objects.filter(revisi=revisi) if revisi else VolumeRo.objects.none()
    if ro is not None:
        daftar_ro = daftar_ro.filter(pk=ro.pk)
        realisasi_qs = realisasi_qs.filter(ro=ro)
        target_qs = target_qs.filter(ro=ro)
    target = {v.ro_id: v for v in target_qs.only("ro_id", "volume", "rencana")}
    per_ro: dict[int, dict[int, RealisasiOutput]] = {}
    for r in realisasi_qs.order_by("ro_id", "bulan"):
        per_ro.setdefault(r.ro_id, {})[r.bulan] = r
    hasil = []
    for pos in daftar_ro.order_by("urutan", "kode_lengkap"):
        volume_ro = target.get(pos.pk)
        target_volume = volume_ro.volume if volume_ro else None
        rencana = rencana_angka(volume_ro.rencana) if volume_ro else []
        tercatat = per_ro.get(pos.pk, {})
        bulan, kumulatif = [], NOL
        for b in range(1, 13):
            r = tercatat.get(b)
            volume = r.volume if r is not None and r.status in r.STATUS_DILAPORKAN else None
            kumulatif += volume or NOL
            bulan.append(
                BulanOutput(
                    bulan=b,
                    realisasi=r,
                    volume=volume,
                    kumulatif=kumulatif,
                    capaian=capaian_volume_compute(kumulatif, target_volume),
                    rencana=rencana[b - 1] if len(rencana) == 12 else None,
                )
            )
        simpul = pohon.per_id.get(pos.pk)
        hasil.append(
            BarisOutputRo(
                pos=pos,
                target=target_volume,
                rencana=rencana,
                bulan=bulan,
                sampai_bulan=sampai_bulan,
                pagu=simpul.pagu if simpul else NOL,
                realisasi=simpul.realisasi if simpul else NOL,
            )
        )
    return hasil


# --- single records and lists -----------------------------------------------------------------


def volume_ro_terakhir(*, ro: Pos) -> VolumeRo | None:
    """The target of ``ro`` in its document's latest revision (``None``: no target yet)."""
    revisi = revisi_terakhir(dokumen=ro.dokumen)
    return VolumeRo.objects.filter(revisi=revisi, ro=ro).first() if revisi else None


def volume_ro_list(*, dokumen: DokumenAnggaran | None = None, revisi: Revisi | None = None):
    """Volume targets (of one document's latest revision, or of ``revisi``), with their RO."""
    qs = VolumeRo.objects.select_related("ro", "ro__unit", "revisi")
    if revisi is not None:
        qs = qs.filter(revisi=revisi)
    elif dokumen is not None:
        qs = qs.filter(revisi=revisi_terakhir(dokumen=dokumen))
    return qs.order_by("revisi__dokumen_id", "revisi__nomor", "ro__kode_lengkap")


def realisasi_output_list(
    *,
    dokumen: DokumenAnggaran | None = None,
    ro: Pos | None = None,
    bulan: int | None = None,
    status: str | None = None,
) -> QuerySet[RealisasiOutput]:
    qs = RealisasiOutput.objects.select_related("ro", "ro__dokumen", "ro__unit")
    if dokumen is not None:
        qs = qs.filter(ro__dokumen=dokumen)
    if ro is not None:
        qs = qs.filter(ro=ro)
    if bulan:
        qs = qs.filter(bulan=bulan)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("ro__dokumen_id", "ro__kode_lengkap", "bulan")


def realisasi_output_get(*, pk: int) -> RealisasiOutput:
    return get_object_or_404(
        RealisasiOutput.objects.select_related(
            "ro", "ro__dokumen", "ro__unit", "dibuat_oleh", "diverifikasi_oleh"
        ),
        pk=pk,
    )


def realisasi_output_antrean(*, pengguna) -> QuerySet[RealisasiOutput]:
    """Submitted output realisasi waiting for ``pengguna``'s verification (every year): all of
    them for the Kasubag Keuangan, the Sekretaris and the Admin; nothing for anyone else."""
    if not boleh_verifikasi_output(pengguna):
        return RealisasiOutput.objects.none()
    return (
        RealisasiOutput.objects.filter(status=RealisasiOutput.Status.DIAJUKAN)
        .select_related("ro", "ro__dokumen", "ro__unit", "dibuat_oleh")
        .order_by("ro__dokumen__tahun", "ro__kode_lengkap", "bulan")
    )


def realisasi_output_dikembalikan(*, pengguna, tahun: int) -> QuerySet[RealisasiOutput]:
    """Output realisasi of ``tahun`` returned by the verifier that ``pengguna`` may correct:
    every RO for those who write budget data, the RO of their own unit for another
    Kasubag/Staf."""
    qs = RealisasiOutput.objects.filter(
        status=RealisasiOutput.Status.DIKEMBALIKAN, ro__dokumen__tahun=tahun
    ).select_related("ro", "ro__dokumen")
    if not boleh_tulis(pengguna):
        if getattr(pengguna, "unit_id", None) is None:
            return qs.none()
        qs = qs.filter(ro__unit_id=pengguna.unit_id)
    return qs.order_by("ro__kode_lengkap", "bulan")
