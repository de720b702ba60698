"""Writes of the contracts (``Kontrak``, belanja kontraktual) and their invoices (``Tagihan``,
penyelesaian tagihan).

Rules (a broken rule raises ``ValidationError`` naming the field, in Indonesian):

- who and when: Sekretaris/Admin and Staf/Kasubag Keuangan (``akses.pastikan_boleh_tulis``),
  the document and its year open (``services.pastikan_terbuka``, the document's row locked),
  for every create, change and delete;
- a contract (``kontrak_isian_periksa``): nomor unique per document; signed in the budget year
  or the year before (a *kontrak dini* is signed before 1 January); registered at the KPPN and
  finished not before it was signed; penyedia and uraian filled; nilai > 0 with at most 2
  decimals;
- its akun (``akun_periksa``): an akun line of the same document, of belanja barang (52) or
  modal (53) — the expenditure types the IKPA's *belanja kontraktual* scores (bansos, 57, is not
  contracted by a KPU satker);
- the akun's pagu (``pagu_pesan``): the contracts charged to one akun together may not exceed
  its pagu in the latest revision: REFUSED (not flagged), because a contract above the pagu
  cannot be registered at the KPPN at all (the SPP/SPM would fail the pagu check); a revision
  raising the pagu comes first;
- an invoice (``tagihan_isian_periksa``): nomor unique per contract; BAST within the budget year
  and not before the contract was signed; SPM not before the BAST; SP2D (paid) only after an
  SPM, not before it, and never before the contract ("Tagihan dibayar sebelum kontrak"); SPM
  and SP2D within the budget year; nilai > 0;
- the contract as a whole (``tagihan_jumlah_pesan``): its invoices together may not exceed its
  value; a contract change that would leave an invoice before its signing date or the invoices
  above its value is refused naming the invoice; a contract with invoices is not deleted (its
  invoices go first).

Audit: each save or delete is one entry (its history row, marked with ``jejak_tandai``), as in
``services_up``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum

from kpu_site.audit import jejak_tandai
from kpu_site.batas import batas_model_pastikan
from kpu_site.formatting import rupiah

from .akses import pastikan_boleh_tulis
from .models import DokumenAnggaran, Kontrak, Pos, Tagihan
from .selectors.belanja import JENIS_KONTRAK, pagu_akun_map, tanggal_dmy
from .selectors.hitung import NOL
from .services_up import _dokumen_kunci, _pengguna, _simpan_tercatat

SEN = Decimal("0.01")


def _nilai_periksa(nilai: Decimal | None, nama: str) -> str | None:
    if nilai is None or nilai <= 0:
        return f"{nama} harus lebih dari 0."
    if nilai != nilai.quantize(SEN):
        return f"{nama} paling banyak 2 angka desimal (sen)."
    return None


# --- the rules of a contract --------------------------------------------------------------------


def kontrak_isian_periksa(
    *,
    tahun: int,
    tanggal: date | None,
    tanggal_daftar: date | None,
    tanggal_selesai: date | None,
    penyedia: str,
    uraian: str,
    nilai: Decimal | None,
) -> dict[str, str]:
    """The rules of one contract on its own, ``{field: message}`` (empty: none broken)."""
    galat: dict[str, str] = {}
    if tanggal is None or tanggal.year not in (tahun - 1, tahun):
        galat["tanggal"] = (
            f"Tanggal tanda tangan harus dalam tahun anggaran {tahun} atau tahun sebelumnya "
            "(kontrak dini)."
        )
    elif tanggal_selesai is not None and tanggal_selesai < tanggal:
        galat["tanggal_selesai"] = (
            f"Tanggal akhir pekerjaan tidak boleh sebelum tanggal tanda tangan "
            f"({tanggal_dmy(tanggal)})."
        )
    if tanggal_selesai is None:
        galat["tanggal_selesai"] = "Tanggal akhir pekerjaan wajib diisi."
    if tanggal is not None and tanggal_daftar is not None and tanggal_daftar < tanggal:
        galat["tanggal_daftar"] = (
            f"Tanggal didaftarkan ke KPPN tidak boleh sebelum tanggal tanda tangan "
            f"({tanggal_dmy(tanggal)})."
        )
    if not penyedia:
        galat["penyedia"] = "Penyedia wajib diisi."
    if not uraian:
        galat["uraian"] = "Uraian pekerjaan wajib diisi."
    if (pesan := _nilai_periksa(nilai, "Nilai kontrak")) is not None:
        galat["nilai"] = pesan
    return galat


def akun_periksa(*, dokumen: DokumenAnggaran, akun: Pos | None) -> str | None:
    """``None`` when ``akun`` may carry a contract of ``dokumen``, else the message."""
    if akun is None or akun.dokumen_id != dokumen.pk or akun.tingkat != Pos.Tingkat.AKUN:
        return "Pilih baris akun dari dokumen ini."
    if not akun.kode.startswith(JENIS_KONTRAK):
        return (
            f"Akun {akun.kode} bukan belanja barang (52) atau belanja modal (53): kontrak hanya "
            "dibebankan pada akun belanja barang atau modal."
        )
    return None


def pagu_pesan(*, kode_akun: str, nilai: Decimal, lain: Decimal, pagu: Decimal) -> str | None:
    """``None`` when a contract of ``nilai`` fits the akun's ``pagu`` next to the other
    contracts on it (``lain``), else the message."""
    if nilai + lain <= pagu:
        return None
    if lain:
        return (
            f"Nilai kontrak {rupiah(nilai)} bersama kontrak lain pada akun {kode_akun} "
            f"({rupiah(lain)}) menjadi {rupiah(nilai + lain)}, melebihi pagu akun "
            f"{rupiah(pagu)}."
        )
    return f"Nilai kontrak {rupiah(nilai)} melebihi pagu akun {kode_akun} ({rupiah(pagu)})."


def tagihan_jumlah_pesan(
    *, nomor_kontrak: str, nilai_kontrak: Decimal, nilai: Decimal, lain: Decimal
) -> str | None:
    """``None`` when an invoice of ``nilai`` fits the contract next to its other invoices
    (``lain``), else the message."""
    if nilai + lain <= nilai_kontrak:
        return None
    return (
        f"Jumlah tagihan kontrak {nomor_kontrak} menjadi {rupiah(nilai + lain)}, melebihi nilai "
        f"kontrak {rupiah(nilai_kontrak)} (sisa {rupiah(max(NOL, nilai_kontrak - lain))})."
    )


def _kontrak_lain_pada_akun(akun: Pos, kecuali: int | None) -> Decimal:
    return (
        Kontrak.objects.filter(akun=akun).exclude(pk=kecuali).aggregate(t=Sum("nilai"))["t"] or NOL
    )


def _kontrak_simpan(
    *,
    pengguna,
    dokumen: DokumenAnggaran,
    kontrak: Kontrak | None,
    akun: Pos | None,
    nomor: str,
    tanggal: date,
    tanggal_selesai: date,
    penyedia: str,
    uraian: str,
    nilai: Decimal,
    tanggal_daftar: date | None = None,
) -> Kontrak:
    nomor, penyedia, uraian = (
        (nomor or "").strip(),
        (penyedia or "").strip(),
        (uraian or "").strip(),
    )
    batas_model_pastikan(
        Kontrak, {"nomor": nomor, "penyedia": penyedia, "uraian": uraian, "nilai": nilai}
    )
    galat = kontrak_isian_periksa(
        tahun=dokumen.tahun,
        tanggal=tanggal,
        tanggal_daftar=tanggal_daftar,
        tanggal_selesai=tanggal_selesai,
        penyedia=penyedia,
        uraian=uraian,
        nilai=nilai,
    )
    pk = getattr(kontrak, "pk", None)
    if not nomor:
        galat["nomor"] = "Nomor kontrak wajib diisi."
    elif Kontrak.objects.filter(dokumen=dokumen, nomor=nomor).exclude(pk=pk).exists():
        galat["nomor"] = f"Kontrak nomor {nomor} sudah tercatat di dokumen ini."
    if (pesan := akun_periksa(dokumen=dokumen, akun=akun)) is not None:
        galat["akun"] = pesan
    elif "nilai" not in galat:
        pesan = pagu_pesan(
            kode_akun=akun.kode,
            nilai=nilai,
            lain=_kontrak_lain_pada_akun(akun, pk),
            pagu=pagu_akun_map(dokumen=dokumen).get(akun.pk, NOL),
        )
        if pesan is not None:
            galat["nilai"] = pesan
    if kontrak is not None:
        tagihan = list(kontrak.tagihan.order_by("tanggal_bast", "nomor"))
        if "tanggal" not in galat and tanggal is not None:
            awal = [t for t in tagihan if t.tanggal_bast < tanggal]
            if awal:
                galat["tanggal"] = (
                    "Tanggal tanda tangan tidak boleh setelah BAST tagihannya: "
                    + ", ".join(f"{t.nomor} ({tanggal_dmy(t.tanggal_bast)})" for t in awal)
                    + "."
                )
        ditagih = sum((t.nilai for t in tagihan), NOL)
        if "nilai" not in galat and nilai < ditagih:
            galat["nilai"] = (
                f"Nilai kontrak {rupiah(nilai)} lebih kecil dari jumlah tagihannya "
                f"{rupiah(ditagih)}."
            )
    if galat:
        raise ValidationError(galat)
    baru = kontrak is None
    nilai = nilai.quantize(SEN)
    return _simpan_tercatat(
        obj=kontrak or Kontrak(dokumen=dokumen, dibuat_oleh=_pengguna(pengguna)),
        baru=baru,
        isian={
            "akun": akun,
            "nomor": nomor,
            "tanggal": tanggal,
            "tanggal_daftar": tanggal_daftar,
            "tanggal_selesai": tanggal_selesai,
            "penyedia": penyedia,
            "uraian": uraian,
            "nilai": nilai,
        },
        pengguna=pengguna,
        ringkasan=f"Kontrak {dokumen.tahun}: {'catat' if baru else 'ubah'} {nomor} "
        f"({penyedia}) {rupiah(nilai)}",
    )


class IsianKontrak(TypedDict, total=False):
    """What a contract holds (``kontrak_create``/``kontrak_update``)."""

    akun: Pos
    nomor: str
    tanggal: date
    tanggal_daftar: date | None
    tanggal_selesai: date
    penyedia: str
    uraian: str
    nilai: Decimal


@transaction.atomic
def kontrak_create(*, pengguna, dokumen: DokumenAnggaran, **isian: Unpack[IsianKontrak]) -> Kontrak:
    """Record a contract charged to an akun line of ``dokumen`` (see the module's rules)."""
    pastikan_boleh_tulis(pengguna)
    return _kontrak_simpan(
        pengguna=pengguna, dokumen=_dokumen_kunci(dokumen), kontrak=None, **isian
    )


@transaction.atomic
def kontrak_update(*, pengguna, kontrak: Kontrak, **isian: Unpack[IsianKontrak]) -> Kontrak:
    """Change a contract; refused when an invoice would fall before its signing date or the
    invoices would exceed its value (naming them)."""
    pastikan_boleh_tulis(pengguna)
    dokumen = _dokumen_kunci(kontrak.dokumen)
    return _kontrak_simpan(
        pengguna=pengguna,
        dokumen=dokumen,
        kontrak=Kontrak.objects.select_related("akun").get(pk=kontrak.pk),
        **isian,
    )


@transaction.atomic
def kontrak_delete(*, pengguna, kontrak: Kontrak) -> None:
    """Delete a contract without invoices (with invoices: refused, they go first)."""
    pastikan_boleh_tulis(pengguna)
    dokumen = _dokumen_kunci(kontrak.dokumen)
    kontrak = Kontrak.objects.get(pk=kontrak.pk)
    tagihan = list(
        kontrak.tagihan.order_by("tanggal_bast", "nomor").values_list("nomor", flat=True)
    )
    if tagihan:
        raise ValidationError(
            f"Kontrak {kontrak.nomor} tidak dapat dihapus: sudah ada tagihan "
            + ", ".join(tagihan)
            + "; hapus tagihannya lebih dahulu."
        )
    jejak_tandai(
        kontrak,
        aksi="hapus",
        ringkasan=f"Kontrak {dokumen.tahun}: hapus {kontrak.nomor} {rupiah(kontrak.nilai)}",
        pengguna=pengguna,
    )
    kontrak.delete()


# --- the rules of an invoice --------------------------------------------------------------------


def tagihan_isian_periksa(
    *,
    tahun: int,
    tanggal_kontrak: date,
    tanggal_bast: date | None,
    tanggal_spm: date | None,
    tanggal_sp2d: date | None,
    nilai: Decimal | None,
) -> dict[str, str]:
    """The rules of one invoice on its contract (signed on ``tanggal_kontrak``), ``{field:
    message}`` (empty: none broken)."""
    galat: dict[str, str] = {}
    kontrak_teks = tanggal_dmy(tanggal_kontrak)
    if tanggal_bast is None or tanggal_bast.year != tahun:
        galat["tanggal_bast"] = f"Tanggal BAST harus dalam tahun anggaran {tahun}."
    elif tanggal_bast < tanggal_kontrak:
        galat["tanggal_bast"] = (
            f"Tanggal BAST tidak boleh sebelum tanggal tanda tangan kontrak ({kontrak_teks})."
        )
    if tanggal_spm is not None:
        if tanggal_spm.year != tahun:
            galat["tanggal_spm"] = f"Tanggal SPM harus dalam tahun anggaran {tahun}."
        elif tanggal_bast is not None and tanggal_spm < tanggal_bast:
            galat["tanggal_spm"] = (
                f"Tanggal SPM tidak boleh sebelum tanggal BAST ({tanggal_dmy(tanggal_bast)})."
            )
    if tanggal_sp2d is not None:
        if tanggal_sp2d < tanggal_kontrak:
            galat["tanggal_sp2d"] = (
                "Tagihan dibayar sebelum kontrak: tanggal SP2D sebelum tanggal tanda tangan "
                f"kontrak ({kontrak_teks})."
            )
        elif tanggal_spm is None:
            galat["tanggal_sp2d"] = "SP2D memerlukan SPM: isi tanggal SPM lebih dahulu."
        elif tanggal_sp2d < tanggal_spm:
            galat["tanggal_sp2d"] = (
                f"Tanggal SP2D tidak boleh sebelum tanggal SPM ({tanggal_dmy(tanggal_spm)})."
            )
        elif tanggal_sp2d.year != tahun:
            galat["tanggal_sp2d"] = f"Tanggal SP2D harus dalam tahun anggaran {tahun}."
    if (pesan := _nilai_periksa(nilai, "Nilai tagihan")) is not None:
        galat["nilai"] = pesan
    return galat


def _tagihan_simpan(
    *,
    pengguna,
    kontrak: Kontrak,
    tagihan: Tagihan | None,
    nomor: str,
    tanggal_bast: date,
    nilai: Decimal,
    tanggal_spm: date | None = None,
    tanggal_sp2d: date | None = None,
) -> Tagihan:
    nomor = (nomor or "").strip()
    batas_model_pastikan(Tagihan, {"nomor": nomor, "nilai": nilai})
    galat = tagihan_isian_periksa(
        tahun=kontrak.dokumen.tahun,
        tanggal_kontrak=kontrak.tanggal,
        tanggal_bast=tanggal_bast,
        tanggal_spm=tanggal_spm,
        tanggal_sp2d=tanggal_sp2d,
        nilai=nilai,
    )
    pk = getattr(tagihan, "pk", None)
    lain = kontrak.tagihan.exclude(pk=pk)
    if not nomor:
        galat["nomor"] = "Nomor tagihan/BAST wajib diisi."
    elif lain.filter(nomor=nomor).exists():
        galat["nomor"] = f"Tagihan nomor {nomor} sudah tercatat pada kontrak {kontrak.nomor}."
    if "nilai" not in galat:
        pesan = tagihan_jumlah_pesan(
            nomor_kontrak=kontrak.nomor,
            nilai_kontrak=kontrak.nilai,
            nilai=nilai,
            lain=lain.aggregate(t=Sum("nilai"))["t"] or NOL,
        )
        if pesan is not None:
            galat["nilai"] = pesan
    if galat:
        raise ValidationError(galat)
    baru = tagihan is None
    nilai = nilai.quantize(SEN)
    return _simpan_tercatat(
        obj=tagihan or Tagihan(kontrak=kontrak, dibuat_oleh=_pengguna(pengguna)),
        baru=baru,
        isian={
            "nomor": nomor,
            "tanggal_bast": tanggal_bast,
            "tanggal_spm": tanggal_spm,
            "tanggal_sp2d": tanggal_sp2d,
            "nilai": nilai,
        },
        pengguna=pengguna,
        ringkasan=f"Tagihan {kontrak.dokumen.tahun}: {'catat' if baru else 'ubah'} {nomor} "
        f"(kontrak {kontrak.nomor}) {rupiah(nilai)}",
    )


class IsianTagihan(TypedDict, total=False):
    """What an invoice holds (``tagihan_create``/``tagihan_update``)."""

    nomor: str
    tanggal_bast: date
    tanggal_spm: date | None
    tanggal_sp2d: date | None
    nilai: Decimal


def _kontrak_kunci(kontrak: Kontrak) -> Kontrak:
    """The contract as stored now, its document's row locked and open for writing."""
    dokumen = _dokumen_kunci(kontrak.dokumen)
    kontrak = Kontrak.objects.get(pk=kontrak.pk)
    kontrak.dokumen = dokumen
    return kontrak


@transaction.atomic
def tagihan_create(*, pengguna, kontrak: Kontrak, **isian: Unpack[IsianTagihan]) -> Tagihan:
    """Record an invoice of ``kontrak`` (see the module's rules)."""
    pastikan_boleh_tulis(pengguna)
    return _tagihan_simpan(
        pengguna=pengguna, kontrak=_kontrak_kunci(kontrak), tagihan=None, **isian
    )


@transaction.atomic
def tagihan_update(*, pengguna, tagihan: Tagihan, **isian: Unpack[IsianTagihan]) -> Tagihan:
    """Change an invoice (it stays on its contract)."""
    pastikan_boleh_tulis(pengguna)
    kontrak = _kontrak_kunci(tagihan.kontrak)
    tagihan = Tagihan.objects.get(pk=tagihan.pk)
    tagihan.kontrak = kontrak
    return _tagihan_simpan(pengguna=pengguna, kontrak=kontrak, tagihan=tagihan, **isian)


@transaction.atomic
def tagihan_delete(*, pengguna, tagihan: Tagihan) -> None:
    pastikan_boleh_tulis(pengguna)
    kontrak = _kontrak_kunci(tagihan.kontrak)
    tagihan = Tagihan.objects.get(pk=tagihan.pk)
    jejak_tandai(
        tagihan,
        aksi="hapus",
        ringkasan=f"Tagihan {kontrak.dokumen.tahun}: hapus {tagihan.nomor} (kontrak "
        f"{kontrak.nomor}) {rupiah(tagihan.nilai)}",
        pengguna=pengguna,
    )
    tagihan.delete()
