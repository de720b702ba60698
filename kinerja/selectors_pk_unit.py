"""Reads of the Perjanjian Kinerja at every level: the sub-bagian's PKs, their signatories on
the PK date, the list of a year (the Sekretaris's PK and one row per sub-bagian) and the budget
attachment (program/kegiatan and the pagu in force on the PK date) of any PK."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet

from kpu_site.formatting import tanggal as tanggal_teks

from .model_pk_unit import PerjanjianKinerjaUnit, PKUnitBaris
from .model_pohon import SasaranUnit, TargetIndikatorUnit
from .models import PerjanjianKinerja
from .selectors import pk_berlaku, pk_penandatangan_default

NOL = Decimal("0")


# --------------------------------------------------------------------------- sub-bagian


def sub_bagian_list():
    """Every sub-bagian (the units that sign a PK with the Sekretaris), in display order."""
    from sekretariat.models import UnitOrganisasi

    return UnitOrganisasi.objects.filter(jenis=UnitOrganisasi.Jenis.SUB_BAGIAN).order_by(
        "urutan", "nama"
    )


def jabatan_kasubag(*, unit):
    """The struktural jabatan (the Kasubag's post) of a sub-bagian, or ``None``."""
    from sekretariat.models import Jabatan
    from sekretariat.selectors import jabatan_list

    return jabatan_list(jenis=Jabatan.Jenis.STRUKTURAL, unit=unit).first()


@dataclass
class Penandatangan:
    """The default signatories of a sub-bagian's PK on a date; ``masalah``: why a default is
    missing (field name -> message), empty when both are known."""

    data: dict[str, str]
    masalah: dict[str, str] = field(default_factory=dict)


def pk_unit_penandatangan_default(*, unit, tanggal: dt.date) -> Penandatangan:
    """Pihak pertama: the holder of the sub-bagian's Kasubag post on ``tanggal``; pihak kedua:
    the Sekretaris (as the Sekretaris's own PK names him, ``pk_penandatangan_default``)."""
    from sekretariat.selectors import pemegang_jabatan

    sekretaris = pk_penandatangan_default(tanggal=tanggal)
    data = {
        "pihak_pertama_nama": "",
        "pihak_pertama_jabatan": f"Kepala {unit.nama}",
        "pihak_kedua_nama": sekretaris["pihak_pertama_nama"],
        "pihak_kedua_jabatan": sekretaris["pihak_pertama_jabatan"],
    }
    masalah = {}
    jabatan = jabatan_kasubag(unit=unit)
    if jabatan is None:
        masalah["unit"] = f"{unit.nama} belum memiliki jabatan struktural (Kepala Sub Bagian)."
        return Penandatangan(data, masalah)
    data["pihak_pertama_jabatan"] = jabatan.nama
    pemegang = pemegang_jabatan(jabatan=jabatan, tanggal=tanggal)
    if pemegang is None:
        masalah["tanggal"] = (
            f"Jabatan {jabatan.nama} kosong pada {tanggal_teks(tanggal)}; pilih tanggal ketika "
            "jabatan itu dipegang atau catat dulu riwayat jabatannya."
        )
    else:
        data["pihak_pertama_nama"] = pemegang.pegawai.nama
    return Penandatangan(data, masalah)


def sasaran_unit_tahun(*, unit, tahun: int) -> QuerySet[SasaranUnit]:
    """The sub-bagian's own nodes (``sub_bagian`` level) of the performance tree valid in
    ``tahun``."""
    return SasaranUnit.objects.filter(
        unit=unit,
        tingkat=SasaranUnit.Tingkat.SUB_BAGIAN,
        tahun_mulai__lte=tahun,
        tahun_selesai__gte=tahun,
    ).order_by("kode")


def pk_unit_target_sumber(*, unit, tahun: int) -> QuerySet[TargetIndikatorUnit]:
    """The targets a new draft copies: the year's targets of the indikator of those nodes."""
    return (
        TargetIndikatorUnit.objects.filter(
            tahun=tahun, indikator__sasaran_unit__in=sasaran_unit_tahun(unit=unit, tahun=tahun)
        )
        .select_related("indikator")
        .order_by("indikator__sasaran_unit__kode", "indikator__kode")
    )


# --------------------------------------------------------------------------- PKs


def pk_unit_riwayat(*, unit, tahun: int) -> QuerySet[PerjanjianKinerjaUnit]:
    """Every revision of a sub-bagian's PK for the year, newest first."""
    return (
        PerjanjianKinerjaUnit.objects.filter(unit=unit, tahun=tahun)
        .select_related("unit", "dibuat_oleh", "ditandatangani_oleh")
        .order_by("-revisi")
    )


def pk_unit_berlaku(*, unit, tahun: int) -> PerjanjianKinerjaUnit | None:
    """The sub-bagian's PK in force: the signed revision, else the draft being prepared."""
    riwayat = list(pk_unit_riwayat(unit=unit, tahun=tahun))
    for status in (PerjanjianKinerjaUnit.Status.DITANDATANGANI, PerjanjianKinerjaUnit.Status.DRAFT):
        for p in riwayat:
            if p.status == status:
                return p
    return None


def pk_unit_baris_list(*, perjanjian: PerjanjianKinerjaUnit) -> QuerySet[PKUnitBaris]:
    return perjanjian.baris.select_related(
        "indikator", "indikator__sasaran_unit", "indikator__sasaran_unit__mendukung_sasaran"
    ).order_by("indikator__sasaran_unit__kode", "indikator__kode")


def pk_unit_list(*, tahun: int | None = None) -> QuerySet[PerjanjianKinerjaUnit]:
    qs = PerjanjianKinerjaUnit.objects.select_related("unit", "ditandatangani_oleh")
    if tahun is not None:
        qs = qs.filter(tahun=tahun)
    return qs.order_by("-tahun", "unit__urutan", "-revisi")


@dataclass
class BarisPKTingkat:
    """One row of the list of a year's PKs: who signs with whom, and the PK in force."""

    tingkat: str
    unit: object | None
    perjanjian: PerjanjianKinerja | PerjanjianKinerjaUnit | None
    ada_draft: bool = False


def pk_semua_tingkat(*, tahun: int) -> list[BarisPKTingkat]:
    """The Sekretaris's PK of the year, then one row per sub-bagian (``perjanjian`` None =
    "belum ada PK"). Three queries."""
    hasil = [
        BarisPKTingkat(
            tingkat="Sekretaris",
            unit=None,
            perjanjian=pk_berlaku(tahun=tahun),
            ada_draft=PerjanjianKinerja.objects.filter(
                tahun=tahun, status=PerjanjianKinerja.Status.DRAFT
            ).exists(),
        )
    ]
    per_unit: dict[int, list[PerjanjianKinerjaUnit]] = {}
    for p in PerjanjianKinerjaUnit.objects.filter(tahun=tahun).exclude(
        status=PerjanjianKinerjaUnit.Status.DIGANTI
    ):
        per_unit.setdefault(p.unit_id, []).append(p)
    for unit in sub_bagian_list():
        daftar = per_unit.get(unit.pk, [])
        ditandatangani = [
            p for p in daftar if p.status == PerjanjianKinerjaUnit.Status.DITANDATANGANI
        ]
        draft = [p for p in daftar if p.status == PerjanjianKinerjaUnit.Status.DRAFT]
        hasil.append(
            BarisPKTingkat(
                tingkat="Kepala Sub Bagian",
                unit=unit,
                perjanjian=(ditandatangani or draft or [None])[0],
                ada_draft=bool(draft),
            )
        )
    return hasil


def pk_unit_sasaran_ids(*, perjanjian: PerjanjianKinerjaUnit) -> list[int]:
    """The sasaran strategis the sub-bagian's nodes of the year support (those of the PK's
    rows, and every other node of the unit valid that year)."""
    ids = set(
        sasaran_unit_tahun(unit=perjanjian.unit, tahun=perjanjian.tahun)
        .filter(mendukung_sasaran__isnull=False)
        .values_list("mendukung_sasaran_id", flat=True)
    )
    ids |= set(
        perjanjian.baris.filter(
            indikator__sasaran_unit__mendukung_sasaran__isnull=False
        ).values_list("indikator__sasaran_unit__mendukung_sasaran_id", flat=True)
    )
    return sorted(ids)


def pk_sasaran_ids(*, perjanjian: PerjanjianKinerja) -> list[int]:
    """The sasaran strategis of the Sekretaris's PK rows."""
    return sorted(set(perjanjian.baris.values_list("indikator__sasaran_id", flat=True)))


# --------------------------------------------------------------------------- budget attachment


def pk_lampiran_anggaran(*, tahun: int, tanggal: dt.date | None, sasaran_ids) -> dict:
    """The budget attachment of a PK: the DIPA lines of ``tahun`` that fund the sasaran
    ``sasaran_ids`` (``anggaran.Pos.sasaran``), with the pagu of the DIPA revision in force on
    ``tanggal`` (the latest revision dated on or before it).

    Returns ``{"dipa", "revisi", "baris", "total", "catatan"}``; ``baris`` are dicts
    ``{"tingkat", "kode", "uraian", "pagu"}``: each program, then the funded lines under it
    (a kegiatan, KRO or RO; a line under another funded line counts once, with the higher
    one). The program's pagu is the sum of its funded lines; ``total`` the sum of all of them.
    """
    from anggaran.models import Pos, Revisi
    from anggaran.selectors import dipa_of_tahun, pohon_anggaran

    hasil = {"dipa": None, "revisi": None, "baris": [], "total": NOL, "catatan": ""}
    sasaran_ids = list(sasaran_ids)
    dipa = dipa_of_tahun(tahun=tahun)
    if dipa is None:
        hasil["catatan"] = f"Belum ada DIPA tahun {tahun}."
        return hasil
    hasil["dipa"] = dipa
    revisi = (
        Revisi.objects.filter(dokumen=dipa, tanggal__lte=tanggal).order_by("-nomor").first()
        if tanggal
        else None
    )
    if revisi is None:
        hasil["catatan"] = (
            f"Belum ada revisi DIPA {tahun} yang berlaku pada {tanggal_teks(tanggal)}."
        )
        return hasil
    hasil["revisi"] = revisi
    tertaut = set(
        Pos.sasaran.through.objects.filter(
            pos__dokumen=dipa, sasaran_id__in=sasaran_ids
        ).values_list("pos_id", flat=True)
    )
    if not tertaut:
        hasil["catatan"] = "Belum ada baris DIPA yang ditautkan ke sasaran perjanjian ini."
        return hasil
    pohon = pohon_anggaran(dokumen=dipa, revisi=revisi)

    def _di_bawah_tertaut(pos_id):
        induk = pohon.per_id[pos_id].pos.induk_id
        while induk in pohon.per_id:
            if induk in tertaut:
                return True
            induk = pohon.per_id[induk].pos.induk_id
        return False

    teratas = [s for s in pohon.urut if s.pos.pk in tertaut and not _di_bawah_tertaut(s.pos.pk)]
    per_program: dict[int, list] = {}
    for s in teratas:
        leluhur = pohon.leluhur(s.pos.pk)
        program = leluhur[0] if leluhur else s.pos
        per_program.setdefault(program.pk, []).append(s)
    for program_id, daftar in per_program.items():
        program = pohon.per_id[program_id]
        jumlah = sum((s.pagu for s in daftar), NOL)
        hasil["baris"].append(
            {"tingkat": "program", "kode": program.pos.kode_lengkap,
             "uraian": program.pos.uraian, "pagu": jumlah}
        )  # fmt: skip
        hasil["baris"].extend(
            {"tingkat": s.pos.tingkat, "kode": s.pos.kode_lengkap, "uraian": s.pos.uraian,
             "pagu": s.pagu}
            for s in daftar
        )  # fmt: skip
        hasil["total"] += jumlah
    return hasil


__all__ = [
    "BarisPKTingkat",
    "Penandatangan",
    "jabatan_kasubag",
    "pk_lampiran_anggaran",
    "pk_sasaran_ids",
    "pk_semua_tingkat",
    "pk_unit_baris_list",
    "pk_unit_berlaku",
    "pk_unit_list",
    "pk_unit_penandatangan_default",
    "pk_unit_riwayat",
    "pk_unit_sasaran_ids",
    "pk_unit_target_sumber",
    "sasaran_unit_tahun",
    "sub_bagian_list",
]
