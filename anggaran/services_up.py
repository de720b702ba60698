"""Writes of the cash advance register (UP/TUP) and of the SPM dispensations.

Rules (a broken rule raises ``ValidationError`` naming the field, in Indonesian):

- who and when: Sekretaris/Admin and Staf/Kasubag Keuangan (``akses.pastikan_boleh_tulis``),
  the document and its year open (``services.pastikan_terbuka``), for every create, change and
  delete;
- one movement (``mutasi_isian_periksa``): a known jenis, a nomor unique per document and
  jenis, nilai > 0, tanggal within the document's year; only a TUP has a deadline
  (``batas_waktu``: default ``batas_tup_compute``, never before its date); a PTUP or TUP return
  names a TUP of this document (``tup``), nothing else does;
- the register as a whole, in date order (``register_periksa``, also the import's check): a GUP
  needs an UP dated before it and may not exceed the UP in force on its date; an UP return may
  not exceed the UP in force; a PTUP/return is dated on or after its TUP and the TUP's PTUP +
  returns may not exceed its amount. A change that would break a rule for ANOTHER movement
  (an UP lowered under a GUP, a TUP moved after its PTUP) is refused naming that movement;
- a PTUP/return dated after its TUP's deadline is accepted and flagged: the caller shows
  ``selectors.up.mutasi_up_peringatan`` ("Tanggal melewati batas pertanggungjawaban TUP …");
- SPM dispensation: nomor unique per document, ``jumlah_spm`` ≥ 1, tanggal within the year,
  alasan filled.

Audit: each save or delete is one entry (its history row, marked with ``jejak_tandai``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Required, TypedDict, Unpack

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

from kpu_site.audit import jejak_beda, jejak_nilai, jejak_tandai
from kpu_site.batas import batas_model_pastikan
from kpu_site.formatting import rupiah

from .akses import pastikan_boleh_tulis
from .models import DispensasiSpm, DokumenAnggaran, MutasiUp
from .selectors.up import (
    JENIS_PENYELESAIAN,
    URUTAN_JENIS,
    batas_tup_compute,
    jenis_singkat,
    tanggal_dmy,
)
from .services import pastikan_terbuka
from .services_verifikasi import verifikasi_hapus

J = MutasiUp.Jenis
NOL = Decimal("0")
SEN = Decimal("0.01")


def _dokumen_kunci(dokumen: DokumenAnggaran) -> DokumenAnggaran:
    """The document as stored now, its row locked (the register's writes one at a time), open
    for writing."""
    dokumen = DokumenAnggaran.objects.select_for_update().get(pk=dokumen.pk)
    pastikan_terbuka(dokumen)
    return dokumen


def _pengguna(pengguna):
    return pengguna if getattr(pengguna, "pk", None) else None


def _simpan_tercatat(*, obj, baru: bool, isian: dict, pengguna, ringkasan: str):
    """``isian`` set on ``obj`` and saved as ONE audit entry (buat/ubah, ``ringkasan``, the
    fields changed); a change that changes nothing saves nothing."""
    sebelum = None if baru else jejak_nilai(obj)
    for nama, nilai in isian.items():
        setattr(obj, nama, nilai)
    perubahan = None if baru else jejak_beda(sebelum, obj)
    if perubahan == {}:
        return obj
    verifikasi_hapus(obj)  # a changed entry waits for the Kasubag again
    jejak_tandai(
        obj,
        aksi="buat" if baru else "ubah",
        ringkasan=ringkasan,
        pengguna=pengguna,
        perubahan=perubahan,
    )
    obj.save()
    return obj


# --- one movement ---------------------------------------------------------------------------


def mutasi_isian_periksa(
    *,
    tahun: int,
    jenis: str,
    tanggal: date | None,
    nilai: Decimal | None,
    batas_waktu: date | None,
    ada_tup: bool,
) -> dict[str, str]:
    """The rules of one movement on its own, ``{field: message}`` (empty: none broken)."""
    galat: dict[str, str] = {}
    if jenis not in J.values:
        galat["jenis"] = (
            f"Jenis '{jenis}' tidak dikenal: pilih UP, GUP, TUP, PTUP, SETOR_TUP atau SETOR_UP."
        )
    if nilai is None or nilai <= 0:
        galat["nilai"] = "Nilai harus lebih dari 0."
    elif nilai != nilai.quantize(SEN):
        galat["nilai"] = "Nilai paling banyak 2 angka desimal (sen)."
    if tanggal is None or tanggal.year != tahun:
        galat["tanggal"] = f"Tanggal harus dalam tahun anggaran {tahun}."
    if batas_waktu is not None:
        if jenis != J.TUP:
            galat["batas_waktu"] = "Batas pertanggungjawaban hanya diisi untuk TUP."
        elif tanggal is not None and batas_waktu < tanggal:
            galat["batas_waktu"] = (
                f"Batas pertanggungjawaban tidak boleh sebelum tanggal TUP "
                f"({tanggal_dmy(tanggal)})."
            )
    if jenis in JENIS_PENYELESAIAN and not ada_tup:
        galat["tup"] = f"{jenis_singkat(jenis)} harus menyebut TUP yang diselesaikan."
    elif jenis in J.values and jenis not in JENIS_PENYELESAIAN and ada_tup:
        galat["tup"] = "Hanya PTUP dan setoran sisa TUP yang menyebut TUP."
    return galat


# --- the register as a whole ----------------------------------------------------------------


@dataclass(frozen=True)
class Gerak:
    """One movement as the register check sees it: a stored row (``kunci`` = its pk) or a
    proposed one (any other hashable key); ``tup`` is the key of the TUP it settles."""

    kunci: Hashable
    jenis: str
    nomor: str
    tanggal: date
    nilai: Decimal
    tup: Hashable | None = None

    @classmethod
    def dari(cls, m: MutasiUp) -> Gerak:
        return cls(m.pk, m.jenis, m.nomor, m.tanggal, m.nilai, m.tup_id)

    @property
    def nama(self) -> str:
        return f"{jenis_singkat(self.jenis)} {self.nomor} ({tanggal_dmy(self.tanggal)})"


@dataclass(frozen=True)
class Pelanggaran:
    kunci: Hashable
    field: str
    pesan: str


def register_periksa(gerak: Iterable[Gerak]) -> list[Pelanggaran]:
    """The rules between movements, checked in date order (within a day: UP, TUP, GUP, PTUP,
    returns): every movement that breaks one, with the field and the message."""
    urut = sorted(gerak, key=lambda g: (g.tanggal, URUTAN_JENIS[g.jenis]))
    tanggal_up = [g.tanggal for g in urut if g.jenis == J.UP]
    semua_tup = {g.kunci: g for g in urut if g.jenis == J.TUP}
    hasil: list[Pelanggaran] = []
    saldo_up = NOL
    sisa_tup: dict[Hashable, Decimal] = {}
    for g in urut:
        if g.jenis == J.UP:
            saldo_up += g.nilai
        elif g.jenis == J.GUP:
            if not tanggal_up:
                hasil.append(
                    Pelanggaran(
                        g.kunci, "jenis", "GUP memerlukan UP: belum ada UP tercatat tahun ini."
                    )
                )
            elif tanggal_up[0] >= g.tanggal:
                hasil.append(
                    Pelanggaran(
                        g.kunci,
                        "tanggal",
                        "GUP memerlukan UP yang diterima sebelumnya: UP pertama bertanggal "
                        f"{tanggal_dmy(tanggal_up[0])}.",
                    )
                )
            elif g.nilai > saldo_up:
                hasil.append(
                    Pelanggaran(
                        g.kunci,
                        "nilai",
                        f"GUP {rupiah(g.nilai)} melebihi besaran UP yang berlaku pada "
                        f"{tanggal_dmy(g.tanggal)} ({rupiah(saldo_up)}).",
                    )
                )
        elif g.jenis == J.SETOR_UP:
            if g.nilai > saldo_up:
                hasil.append(
                    Pelanggaran(
                        g.kunci,
                        "nilai",
                        f"Setoran sisa UP {rupiah(g.nilai)} melebihi UP yang berlaku pada "
                        f"{tanggal_dmy(g.tanggal)} ({rupiah(saldo_up)}).",
                    )
                )
            else:
                saldo_up -= g.nilai
        elif g.jenis == J.TUP:
            sisa_tup[g.kunci] = g.nilai
        elif g.jenis in JENIS_PENYELESAIAN:
            hasil.extend(_penyelesaian_periksa(g, semua_tup.get(g.tup), sisa_tup))
    return hasil


def _penyelesaian_periksa(
    g: Gerak, tup: Gerak | None, sisa_tup: dict[Hashable, Decimal]
) -> list[Pelanggaran]:
    if tup is None:
        return [Pelanggaran(g.kunci, "tup", "Pilih TUP dari dokumen ini yang diselesaikan.")]
    if g.tanggal < tup.tanggal:
        return [
            Pelanggaran(
                g.kunci,
                "tanggal",
                f"Tanggal {jenis_singkat(g.jenis)} tidak boleh sebelum tanggal TUP {tup.nomor} "
                f"({tanggal_dmy(tup.tanggal)}).",
            )
        ]
    sisa = sisa_tup[tup.kunci]
    if g.nilai > sisa:
        return [
            Pelanggaran(
                g.kunci,
                "nilai",
                f"PTUP dan setoran TUP {tup.nomor} menjadi {rupiah(tup.nilai - sisa + g.nilai)}, "
                f"melebihi nilai TUP {rupiah(tup.nilai)} (sisa {rupiah(sisa)}).",
            )
        ]
    sisa_tup[tup.kunci] = sisa - g.nilai
    return []


def register_pastikan(
    *,
    dokumen: DokumenAnggaran,
    calon: Gerak | None = None,
    ganti: Hashable | None = None,
    field_akibat: str = NON_FIELD_ERRORS,
    awalan_akibat: str = "",
) -> None:
    """Refuse a change of the register of ``dokumen``: ``calon`` added (in place of the stored
    ``ganti``, or ``ganti`` removed when there is no ``calon``). What ``calon`` itself breaks
    lands on its fields; what the change newly breaks for another movement on ``field_akibat``,
    naming that movement (rules it already broke are not the change's doing)."""
    tersimpan = [Gerak.dari(m) for m in MutasiUp.objects.filter(dokumen=dokumen).order_by("pk")]
    sebelum = set(register_periksa(tersimpan))
    sesudah = [g for g in tersimpan if g.kunci != ganti] + ([calon] if calon else [])
    nama = {g.kunci: g.nama for g in sesudah}
    galat: dict[str, list[str]] = defaultdict(list)
    for p in register_periksa(sesudah):
        if calon is not None and p.kunci == calon.kunci:
            galat[p.field].append(p.pesan)
        elif p not in sebelum:
            galat[field_akibat].append(f"{awalan_akibat}{nama[p.kunci]}: {p.pesan}")
    if galat:
        raise ValidationError(dict(galat))


# --- create, change, delete -------------------------------------------------------------------


def _field_berubah(mutasi: MutasiUp | None, *, jenis: str, nilai: Decimal, tanggal: date) -> str:
    """The field a refusal caused for another movement lands on: what the change changed."""
    if mutasi is not None:
        for nama, baru in (("jenis", jenis), ("nilai", nilai), ("tanggal", tanggal)):
            if getattr(mutasi, nama) != baru:
                return nama
    return "nilai"


def _mutasi_simpan(
    *,
    pengguna,
    dokumen: DokumenAnggaran,
    mutasi: MutasiUp | None,
    jenis: str,
    nomor: str,
    tanggal: date,
    nilai: Decimal,
    tup: MutasiUp | None = None,
    batas_waktu: date | None = None,
    keterangan: str = "",
) -> MutasiUp:
    nomor, keterangan = (nomor or "").strip(), (keterangan or "").strip()
    batas_model_pastikan(MutasiUp, {"nomor": nomor, "keterangan": keterangan, "nilai": nilai})
    galat = mutasi_isian_periksa(
        tahun=dokumen.tahun,
        jenis=jenis,
        tanggal=tanggal,
        nilai=nilai,
        batas_waktu=batas_waktu,
        ada_tup=tup is not None,
    )
    if not nomor:
        galat["nomor"] = "Nomor SP2D/bukti setor wajib diisi."
    elif (
        MutasiUp.objects.filter(dokumen=dokumen, jenis=jenis, nomor=nomor)
        .exclude(pk=getattr(mutasi, "pk", None))
        .exists()
    ):
        galat["nomor"] = f"{jenis_singkat(jenis)} nomor {nomor} sudah tercatat di dokumen ini."
    if (
        tup is not None
        and "tup" not in galat
        and (tup.dokumen_id != dokumen.pk or tup.jenis != J.TUP)
    ):
        galat["tup"] = "Pilih TUP dari dokumen ini yang diselesaikan."
    if mutasi is not None and mutasi.jenis == J.TUP and jenis != J.TUP:
        selesai = list(mutasi.penyelesaian.order_by("tanggal", "pk"))
        if selesai:
            galat["jenis"] = (
                f"TUP {mutasi.nomor} sudah diselesaikan oleh "
                + ", ".join(Gerak.dari(p).nama for p in selesai)
                + ": jenisnya tidak dapat diubah."
            )
    if galat:
        raise ValidationError(galat)
    nilai = nilai.quantize(SEN)
    if jenis == J.TUP and batas_waktu is None:
        batas_waktu = batas_tup_compute(tanggal)
    kunci = mutasi.pk if mutasi is not None else "calon"
    register_pastikan(
        dokumen=dokumen,
        calon=Gerak(kunci, jenis, nomor, tanggal, nilai, tup.pk if tup else None),
        ganti=getattr(mutasi, "pk", None),
        field_akibat=_field_berubah(mutasi, jenis=jenis, nilai=nilai, tanggal=tanggal),
    )
    baru = mutasi is None
    return _simpan_tercatat(
        obj=mutasi or MutasiUp(dokumen=dokumen, dibuat_oleh=_pengguna(pengguna)),
        baru=baru,
        isian={
            "jenis": jenis,
            "nomor": nomor,
            "tanggal": tanggal,
            "nilai": nilai,
            "tup": tup,
            "batas_waktu": batas_waktu,
            "keterangan": keterangan,
        },
        pengguna=pengguna,
        ringkasan=f"Register UP/TUP {dokumen.tahun}: {'catat' if baru else 'ubah'} "
        f"{jenis_singkat(jenis)} {nomor} {rupiah(nilai)}",
    )


class IsianMutasi(TypedDict, total=False):
    """What a movement holds (the arguments of ``mutasi_up_create``/``mutasi_up_update``)."""

    jenis: Required[str]
    nomor: Required[str]
    tanggal: Required[date]
    nilai: Required[Decimal]
    tup: MutasiUp | None  # the TUP a PTUP or TUP return settles
    batas_waktu: date | None  # TUP only; default: ``batas_tup_compute(tanggal)``
    keterangan: str


@transaction.atomic
def mutasi_up_create(
    *, pengguna, dokumen: DokumenAnggaran, **isian: Unpack[IsianMutasi]
) -> MutasiUp:
    """Record one movement of the cash advance (see the module's rules). A TUP without a
    deadline gets ``batas_tup_compute(tanggal)``."""
    pastikan_boleh_tulis(pengguna)
    return _mutasi_simpan(pengguna=pengguna, dokumen=_dokumen_kunci(dokumen), mutasi=None, **isian)


@transaction.atomic
def mutasi_up_update(*, pengguna, mutasi: MutasiUp, **isian: Unpack[IsianMutasi]) -> MutasiUp:
    """Change one movement; refused when the register would break a rule, for it or for
    another movement (named). A TUP without a deadline gets the default again."""
    pastikan_boleh_tulis(pengguna)
    dokumen = _dokumen_kunci(mutasi.dokumen)
    return _mutasi_simpan(
        pengguna=pengguna, dokumen=dokumen, mutasi=MutasiUp.objects.get(pk=mutasi.pk), **isian
    )


@transaction.atomic
def mutasi_up_delete(*, pengguna, mutasi: MutasiUp) -> None:
    """Delete one movement. Refused for a TUP that PTUP/returns settle (they go first), and
    when the register would break a rule without it (an UP that a GUP needs)."""
    pastikan_boleh_tulis(pengguna)
    dokumen = _dokumen_kunci(mutasi.dokumen)
    mutasi = MutasiUp.objects.get(pk=mutasi.pk)
    nama = Gerak.dari(mutasi).nama
    selesai = list(mutasi.penyelesaian.order_by("tanggal", "pk"))
    if selesai:
        raise ValidationError(
            f"{nama} tidak dapat dihapus: sudah diselesaikan oleh "
            + ", ".join(Gerak.dari(p).nama for p in selesai)
            + "; hapus itu lebih dahulu."
        )
    register_pastikan(
        dokumen=dokumen, ganti=mutasi.pk, awalan_akibat=f"{nama} tidak dapat dihapus: "
    )
    jejak_tandai(
        mutasi,
        aksi="hapus",
        ringkasan=f"Register UP/TUP {dokumen.tahun}: hapus {nama} {rupiah(mutasi.nilai)}",
        pengguna=pengguna,
    )
    mutasi.delete()


# --- SPM dispensations ------------------------------------------------------------------------


def dispensasi_isian_periksa(
    *, tahun: int, tanggal: date | None, jumlah_spm: int | None, alasan: str
) -> dict[str, str]:
    """The rules of one dispensation on its own, ``{field: message}``."""
    galat: dict[str, str] = {}
    if tanggal is None or tanggal.year != tahun:
        galat["tanggal"] = f"Tanggal harus dalam tahun anggaran {tahun}."
    if jumlah_spm is None or jumlah_spm < 1:
        galat["jumlah_spm"] = "Jumlah SPM paling sedikit 1."
    if not alasan:
        galat["alasan"] = "Alasan dispensasi wajib diisi."
    return galat


def _dispensasi_simpan(
    *,
    pengguna,
    dokumen: DokumenAnggaran,
    dispensasi: DispensasiSpm | None,
    nomor: str,
    tanggal: date,
    jumlah_spm: int,
    alasan: str,
) -> DispensasiSpm:
    nomor, alasan = (nomor or "").strip(), (alasan or "").strip()
    batas_model_pastikan(
        DispensasiSpm, {"nomor": nomor, "alasan": alasan, "jumlah_spm": jumlah_spm}
    )
    galat = dispensasi_isian_periksa(
        tahun=dokumen.tahun, tanggal=tanggal, jumlah_spm=jumlah_spm, alasan=alasan
    )
    if not nomor:
        galat["nomor"] = "Nomor surat dispensasi wajib diisi."
    elif (
        DispensasiSpm.objects.filter(dokumen=dokumen, nomor=nomor)
        .exclude(pk=getattr(dispensasi, "pk", None))
        .exists()
    ):
        galat["nomor"] = f"Dispensasi nomor {nomor} sudah tercatat di dokumen ini."
    if galat:
        raise ValidationError(galat)
    baru = dispensasi is None
    return _simpan_tercatat(
        obj=dispensasi or DispensasiSpm(dokumen=dokumen, dibuat_oleh=_pengguna(pengguna)),
        baru=baru,
        isian={"nomor": nomor, "tanggal": tanggal, "jumlah_spm": jumlah_spm, "alasan": alasan},
        pengguna=pengguna,
        ringkasan=f"Dispensasi SPM {dokumen.tahun}: {'catat' if baru else 'ubah'} {nomor} "
        f"({jumlah_spm} SPM)",
    )


class IsianDispensasi(TypedDict):
    """What a dispensation holds (``dispensasi_create``/``dispensasi_update``)."""

    nomor: str
    tanggal: date
    jumlah_spm: int
    alasan: str


@transaction.atomic
def dispensasi_create(
    *, pengguna, dokumen: DokumenAnggaran, **isian: Unpack[IsianDispensasi]
) -> DispensasiSpm:
    """Record an SPM dispensation of the KPPN (a deduction on the month's IKPA)."""
    pastikan_boleh_tulis(pengguna)
    return _dispensasi_simpan(
        pengguna=pengguna, dokumen=_dokumen_kunci(dokumen), dispensasi=None, **isian
    )


@transaction.atomic
def dispensasi_update(
    *, pengguna, dispensasi: DispensasiSpm, **isian: Unpack[IsianDispensasi]
) -> DispensasiSpm:
    pastikan_boleh_tulis(pengguna)
    dokumen = _dokumen_kunci(dispensasi.dokumen)
    dispensasi = DispensasiSpm.objects.get(pk=dispensasi.pk)
    return _dispensasi_simpan(pengguna=pengguna, dokumen=dokumen, dispensasi=dispensasi, **isian)


@transaction.atomic
def dispensasi_delete(*, pengguna, dispensasi: DispensasiSpm) -> None:
    pastikan_boleh_tulis(pengguna)
    dokumen = _dokumen_kunci(dispensasi.dokumen)
    dispensasi = DispensasiSpm.objects.get(pk=dispensasi.pk)
    jejak_tandai(
        dispensasi,
        aksi="hapus",
        ringkasan=f"Dispensasi SPM {dokumen.tahun}: hapus {dispensasi.nomor}",
        pengguna=pengguna,
    )
    dispensasi.delete()
