"""Reads and figures of the cash advance (UP/TUP) and the SPM dispensations of a document.

The movements (``MutasiUp``) are read in one query and every figure is computed from them:

- ``batas_tup_compute``: a TUP's default accountability deadline, the same day one month after
  its SP2D (the month's last day when that day does not exist): TUP is accounted for within one
  month (PMK 190/PMK.05/2012 as amended, the rule the IKPA's UP/TUP indicator scores);
- ``penyelesaian_terlambat``: THE lateness rule, a PTUP or TUP return dated after its TUP's
  deadline (accepted, flagged "terlambat");
- ``tup_status``: one TUP settled (PTUP + setoran) or not, when, and on time or not;
  ``tup_list``: every TUP of a document so, as of a date;
- ``up_besaran``: the UP in force (UP received − UP returned) and every GUP with the UP in force
  on its date (the IKPA compares the two);
- ``register_up``: the register page, movements in date order with the running balances of the
  UP and of the open TUP.

Every function here reads a constant number of queries, whatever the number of movements.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kpu_site.status import PilihanBerwarna, nonmember

from ..models import DispensasiSpm, DokumenAnggaran, MutasiUp
from .hitung import NOL, SEN, SERATUS

J = MutasiUp.Jenis
JENIS_UP = frozenset({J.UP, J.GUP, J.SETOR_UP})
JENIS_TUP = frozenset({J.TUP, J.PTUP, J.SETOR_TUP})
JENIS_PENYELESAIAN = frozenset({J.PTUP, J.SETOR_TUP})
# Within one day: the advance before what is paid out of it or back.
URUTAN_JENIS = {J.UP: 0, J.TUP: 1, J.GUP: 2, J.PTUP: 3, J.SETOR_TUP: 4, J.SETOR_UP: 5}


SINGKAT = {
    J.UP: "UP",
    J.GUP: "GUP",
    J.TUP: "TUP",
    J.PTUP: "PTUP",
    J.SETOR_TUP: "Setoran TUP",
    J.SETOR_UP: "Setoran UP",
}


def jenis_singkat(jenis: str) -> str:
    """``"Setoran TUP"`` for ``setor_tup``: the short name the register and messages use."""
    return SINGKAT.get(jenis, str(jenis))


def tanggal_dmy(tanggal: date) -> str:
    """``15/05/2023``: the date as the treasury's documents and the messages write it."""
    return tanggal.strftime("%d/%m/%Y")


# --- the rules --------------------------------------------------------------------------------


def batas_tup_compute(tanggal: date) -> date:
    """The default deadline of a TUP dated ``tanggal``: the same day one month later, or that
    month's last day when the day does not exist (31/01/2023 -> 28/02/2023)."""
    tahun, bulan = (
        (tanggal.year + 1, 1) if tanggal.month == 12 else (tanggal.year, tanggal.month + 1)
    )
    hari = min(tanggal.day, calendar.monthrange(tahun, bulan)[1])
    return date(tahun, bulan, hari)


def batas_tup(tup: MutasiUp) -> date:
    """The deadline of ``tup``: the stored one (the services always store it), else the
    default."""
    return tup.batas_waktu or batas_tup_compute(tup.tanggal)


def penyelesaian_terlambat(*, tanggal: date, tup: MutasiUp) -> bool:
    """Is a PTUP or TUP return dated ``tanggal`` late for ``tup``? (after its deadline)."""
    return tanggal > batas_tup(tup)


def pesan_terlambat(tup: MutasiUp) -> str:
    """The warning of a late PTUP/return (on its ``tanggal`` field; the save is accepted)."""
    return (
        f"Tanggal melewati batas pertanggungjawaban TUP {tanggal_dmy(batas_tup(tup))} "
        f"(TUP {tup.nomor}): dicatat sebagai terlambat."
    )


def mutasi_up_peringatan(*, mutasi: MutasiUp) -> dict[str, str]:
    """Warnings of an accepted movement, per field (``{}`` when none): a PTUP or TUP return
    after its TUP's deadline."""
    tup = mutasi.tup if mutasi.jenis in JENIS_PENYELESAIAN else None
    if tup is not None and penyelesaian_terlambat(tanggal=mutasi.tanggal, tup=tup):
        return {"tanggal": pesan_terlambat(tup)}
    return {}


# --- TUP ----------------------------------------------------------------------------------------


class KeadaanTup(PilihanBerwarna):
    """Where a TUP stands (and the mark of a late PTUP/return), label and colour in one place."""

    TERBUKA = "terbuka", _("Belum selesai")
    TEPAT_WAKTU = "tepat_waktu", _("Selesai tepat waktu")
    TERLAMBAT = "terlambat", _("Terlambat")
    LEWAT_BATAS = "lewat_batas", _("Lewat batas, belum selesai")

    WARNA = nonmember(
        {
            "terbuka": "info",
            "tepat_waktu": "success",
            "terlambat": "danger",
            "lewat_batas": "danger",
        }
    )


@dataclass(frozen=True)
class StatusTup:
    """One TUP as of a date: its amount and deadline, what PTUP and returns settled, the day
    it was fully settled, and whether on time (``None``: open, deadline not passed yet)."""

    tup: MutasiUp
    nilai: Decimal
    batas_waktu: date
    ptup: Decimal
    setoran: Decimal
    tanggal_selesai: date | None
    tepat_waktu: bool | None

    @property
    def terselesaikan_nilai(self) -> Decimal:
        return self.ptup + self.setoran

    @property
    def sisa(self) -> Decimal:
        return self.nilai - self.terselesaikan_nilai

    @property
    def keadaan(self) -> KeadaanTup:
        if self.tanggal_selesai is not None:
            return KeadaanTup.TEPAT_WAKTU if self.tepat_waktu else KeadaanTup.TERLAMBAT
        return KeadaanTup.LEWAT_BATAS if self.tepat_waktu is False else KeadaanTup.TERBUKA


def tup_status(
    tup: MutasiUp,
    *,
    penyelesaian: Iterable[MutasiUp] | None = None,
    sampai: date | None = None,
) -> StatusTup:
    """The settlement of one TUP from its PTUP and returns (``penyelesaian``; default: read
    from ``tup.penyelesaian``), those dated up to ``sampai`` (default: all).

    Settled on the date the PTUP + returns reach the TUP's amount; on time when that date is not
    after the deadline (``penyelesaian_terlambat``). An open TUP is late (``False``) once the
    reference date (``sampai``, else today) is past its deadline, else ``None``."""
    if penyelesaian is None:
        penyelesaian = tup.penyelesaian.all()
    baris = sorted(
        (p for p in penyelesaian if sampai is None or p.tanggal <= sampai),
        key=lambda p: (p.tanggal, URUTAN_JENIS[p.jenis], p.pk or 0),
    )
    ptup = setoran = NOL
    tanggal_selesai = None
    for p in baris:
        if p.jenis == J.PTUP:
            ptup += p.nilai
        else:
            setoran += p.nilai
        if tanggal_selesai is None and ptup + setoran >= tup.nilai:
            tanggal_selesai = p.tanggal
    if tanggal_selesai is not None:
        tepat_waktu = not penyelesaian_terlambat(tanggal=tanggal_selesai, tup=tup)
    else:
        acuan = sampai or timezone.localdate()
        tepat_waktu = False if penyelesaian_terlambat(tanggal=acuan, tup=tup) else None
    return StatusTup(
        tup=tup,
        nilai=tup.nilai,
        batas_waktu=batas_tup(tup),
        ptup=ptup,
        setoran=setoran,
        tanggal_selesai=tanggal_selesai,
        tepat_waktu=tepat_waktu,
    )


def _mutasi(dokumen: DokumenAnggaran, jenis, sampai: date | None) -> list[MutasiUp]:
    qs = MutasiUp.objects.filter(dokumen=dokumen, jenis__in=jenis)
    if sampai is not None:
        qs = qs.filter(tanggal__lte=sampai)
    return sorted(qs, key=lambda m: (m.tanggal, URUTAN_JENIS[m.jenis], m.pk))


def _tup_dari(mutasi: list[MutasiUp], sampai: date | None) -> list[StatusTup]:
    """``tup_status`` of every TUP in ``mutasi`` (date order), with the PTUP/returns found there."""
    per_tup: dict[int, list[MutasiUp]] = defaultdict(list)
    for m in mutasi:
        if m.jenis in JENIS_PENYELESAIAN:
            per_tup[m.tup_id].append(m)
    return [
        tup_status(m, penyelesaian=per_tup[m.pk], sampai=sampai) for m in mutasi if m.jenis == J.TUP
    ]


def tup_list(*, dokumen: DokumenAnggaran, sampai: date | None = None) -> list[StatusTup]:
    """Every TUP of ``dokumen`` dated up to ``sampai`` (default: all) with its settlement as of
    that date (``tup_status``), in date order. One query."""
    return _tup_dari(_mutasi(dokumen, JENIS_TUP, sampai), sampai)


# --- UP ---------------------------------------------------------------------------------------


def up_berlaku_compute(mutasi: Iterable[MutasiUp], *, pada: date) -> Decimal:
    """The UP in force on ``pada``: UP received less UP returned, up to that date (a GUP
    replenishes what was spent and leaves it unchanged)."""
    total = NOL
    for m in mutasi:
        if m.tanggal <= pada:
            if m.jenis == J.UP:
                total += m.nilai
            elif m.jenis == J.SETOR_UP:
                total -= m.nilai
    return total


def persen_gup_compute(nilai_gup: Decimal, up: Decimal) -> Decimal | None:
    """A GUP as a percentage of the UP in force, 2 decimals (``None`` without UP)."""
    if not up:
        return None
    return (nilai_gup * SERATUS / up).quantize(SEN)


@dataclass(frozen=True)
class BarisGup:
    gup: MutasiUp
    up_berlaku: Decimal  # the UP in force on the GUP's date

    @property
    def nilai(self) -> Decimal:
        return self.gup.nilai

    @property
    def persen(self) -> Decimal | None:
        return persen_gup_compute(self.gup.nilai, self.up_berlaku)


@dataclass(frozen=True)
class BesaranUp:
    """The UP in force on the reference date, the UP/return movements, and every GUP with
    the UP in force on its own date."""

    nilai: Decimal
    up: list[MutasiUp]
    gup: list[BarisGup]


def _besaran_dari(mutasi: list[MutasiUp], sampai: date | None) -> BesaranUp:
    up = [m for m in mutasi if m.jenis in (J.UP, J.SETOR_UP)]
    return BesaranUp(
        nilai=up_berlaku_compute(up, pada=sampai or date.max),
        up=up,
        gup=[
            BarisGup(gup=m, up_berlaku=up_berlaku_compute(up, pada=m.tanggal))
            for m in mutasi
            if m.jenis == J.GUP
        ],
    )


def up_besaran(*, dokumen: DokumenAnggaran, sampai: date | None = None) -> BesaranUp:
    """The UP of ``dokumen`` as of ``sampai`` (default: every movement). One query."""
    return _besaran_dari(_mutasi(dokumen, JENIS_UP, sampai), sampai)


# --- the register -----------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisRegister:
    """One movement with the balances after it: the UP in force, the balance of the TUP it
    concerns (a TUP, PTUP or return), and the TUP still to be accounted for altogether."""

    mutasi: MutasiUp
    saldo_up: Decimal
    saldo_tup: Decimal | None
    tup_terbuka: Decimal
    terlambat: bool

    @property
    def jenis_singkat(self) -> str:
        return jenis_singkat(self.mutasi.jenis)


@dataclass
class RegisterUp:
    baris: list[BarisRegister] = field(default_factory=list)
    tup: list[StatusTup] = field(default_factory=list)
    besaran: BesaranUp | None = None

    @property
    def saldo_up(self) -> Decimal:
        return self.besaran.nilai if self.besaran else NOL

    @property
    def tup_terbuka(self) -> Decimal:
        return sum((s.sisa for s in self.tup), NOL)

    @property
    def total_gup(self) -> Decimal:
        return sum((g.nilai for g in self.besaran.gup), NOL) if self.besaran else NOL


def mutasi_up_list(*, dokumen: DokumenAnggaran) -> list[MutasiUp]:
    """Every movement of ``dokumen`` in date order (the TUP a PTUP/return settles joined)."""
    return sorted(
        MutasiUp.objects.filter(dokumen=dokumen).select_related("tup", "diverifikasi_oleh"),
        key=lambda m: (m.tanggal, URUTAN_JENIS[m.jenis], m.pk),
    )


def register_up(*, dokumen: DokumenAnggaran) -> RegisterUp:
    """The register page: every movement in date order with the running balances, the TUP
    table (``tup_status`` of each) and the UP in force (``up_besaran``). One query."""
    mutasi = mutasi_up_list(dokumen=dokumen)
    register = RegisterUp()
    saldo_up = NOL
    saldo_tup: dict[int, Decimal] = {}
    for m in mutasi:
        kunci_tup = None
        if m.jenis == J.UP:
            saldo_up += m.nilai
        elif m.jenis == J.SETOR_UP:
            saldo_up -= m.nilai
        elif m.jenis == J.TUP:
            kunci_tup = m.pk
            saldo_tup[m.pk] = m.nilai
        elif m.jenis in JENIS_PENYELESAIAN:
            kunci_tup = m.tup_id
            saldo_tup[m.tup_id] = saldo_tup.get(m.tup_id, NOL) - m.nilai
        register.baris.append(
            BarisRegister(
                mutasi=m,
                saldo_up=saldo_up,
                saldo_tup=saldo_tup.get(kunci_tup) if kunci_tup else None,
                tup_terbuka=sum((v for v in saldo_tup.values() if v > 0), NOL),
                terlambat=bool(
                    m.jenis in JENIS_PENYELESAIAN
                    and penyelesaian_terlambat(tanggal=m.tanggal, tup=m.tup)
                ),
            )
        )
    register.tup = _tup_dari(mutasi, None)
    register.besaran = _besaran_dari(mutasi, None)
    return register


def mutasi_up_get(*, pk: int) -> MutasiUp:
    return get_object_or_404(MutasiUp.objects.select_related("dokumen", "tup"), pk=pk)


def tup_pilihan(*, dokumen: DokumenAnggaran) -> QuerySet[MutasiUp]:
    """The TUP of ``dokumen`` a PTUP or return may settle (the form's choices)."""
    return MutasiUp.objects.filter(dokumen=dokumen, jenis=J.TUP).order_by("tanggal", "nomor")


# --- SPM dispensations ------------------------------------------------------------------------


def dispensasi_list(*, dokumen: DokumenAnggaran) -> QuerySet[DispensasiSpm]:
    return (
        DispensasiSpm.objects.filter(dokumen=dokumen)
        .select_related("diverifikasi_oleh")
        .order_by("tanggal", "nomor", "pk")
    )


def dispensasi_get(*, pk: int) -> DispensasiSpm:
    return get_object_or_404(DispensasiSpm.objects.select_related("dokumen"), pk=pk)


def jumlah_spm_compute(dispensasi: Iterable[DispensasiSpm]) -> int:
    """The SPM covered by these dispensations (the foot of the dispensation page)."""
    return sum(d.jumlah_spm for d in dispensasi)
