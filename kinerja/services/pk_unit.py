"""The Perjanjian Kinerja of a sub-bagian (Kasubag with the Sekretaris): draft from the
performance tree's targets, edit, sign, revise. Same rules as the Sekretaris's PK
(``services.perencanaan``): signed = frozen, a change is a new revision with a reason; the
shared checks are in ``_dasar``. A locked year (``KunciTahun``) accepts no change."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kpu_site.audit import jejak_catat
from kpu_site.batas import batas_model_pastikan, tahun_pastikan
from kpu_site.formatting import angka, tanggal
from kpu_site.peran import Peran, is_pimpinan, peran_of

from ..model_pk_unit import PerjanjianKinerjaUnit, PKUnitBaris
from ..selectors import kinerja_tahun_lock
from ..selectors_pk_unit import pk_unit_penandatangan_default, pk_unit_target_sumber
from ._dasar import (
    boleh_kelola_perencanaan,
    pk_pastikan_draft,
    pk_pastikan_lengkap,
    pk_pastikan_tahun_terbuka,
    pk_revisi_salin,
    revisi_berikut,
    revisi_berlakukan,
    target_pasangan_periksa,
)

Status = PerjanjianKinerjaUnit.Status

PK_UNIT_KOLOM_UBAH = (
    "pihak_pertama_nama",
    "pihak_pertama_jabatan",
    "pihak_kedua_nama",
    "pihak_kedua_jabatan",
    "tempat",
    "tanggal",
    "alasan_perubahan",
)


def boleh_tulis_pk_unit(pengguna, unit) -> bool:
    """Sekretaris/Admin and Sub Bagian Perencanaan: every sub-bagian's PK; a Kasubag: the PK
    of their own sub-bagian."""
    if boleh_kelola_perencanaan(pengguna):
        return True
    return (
        peran_of(pengguna) == Peran.KASUBAG
        and unit is not None
        and getattr(pengguna, "unit_id", None) == getattr(unit, "pk", unit)
    )


def _pastikan_penulis(pengguna, unit) -> None:
    if not boleh_tulis_pk_unit(pengguna, unit):
        raise PermissionDenied(
            f"Perjanjian Kinerja {unit} hanya dapat diubah oleh Kepala Sub Bagian tersebut, "
            "Sub Bagian Perencanaan, Data dan Informasi, atau Sekretaris."
        )


def boleh_tandatangani_pk_unit(pengguna) -> bool:
    """Only the Sekretaris (or Admin) records that a sub-bagian's PK was signed."""
    return is_pimpinan(pengguna)


def pk_unit_aksi_boleh(
    *, perjanjian: PerjanjianKinerjaUnit, pengguna, ada_draft: bool
) -> frozenset[str]:
    """What ``pengguna`` may do with ``perjanjian`` now (the buttons of the page): ``ubah``,
    ``tandatangani`` (a draft), ``perubahan`` (a signed PK with no draft revision)."""
    if not boleh_tulis_pk_unit(pengguna, perjanjian.unit) or kinerja_tahun_lock(perjanjian.tahun):
        return frozenset()
    aksi = set()
    if perjanjian.status == Status.DRAFT:
        if pengguna.has_perm("kinerja.change_perjanjiankinerjaunit"):
            aksi.add("ubah")
        if boleh_tandatangani_pk_unit(pengguna):
            aksi.add("tandatangani")
    elif (
        perjanjian.status == Status.DITANDATANGANI
        and not ada_draft
        and pengguna.has_perm("kinerja.add_perjanjiankinerjaunit")
    ):
        aksi.add("perubahan")
    return frozenset(aksi)


def pk_unit_boleh_buat(
    *, unit, tahun: int, pengguna, terkunci: bool | None = None, sudah_ada: bool | None = None
) -> bool:
    """Whether ``pengguna`` may start the sub-bagian's PK of the year. The list of a year passes
    the lock and whether the unit has a PK, which it has already read for every row."""
    if not (
        boleh_tulis_pk_unit(pengguna, unit)
        and pengguna.has_perm("kinerja.add_perjanjiankinerjaunit")
    ):
        return False
    if terkunci is None:
        terkunci = kinerja_tahun_lock(tahun)
    if sudah_ada is None:
        sudah_ada = PerjanjianKinerjaUnit.objects.filter(unit=unit, tahun=tahun).exists()
    return not terkunci and not sudah_ada


@transaction.atomic
def pk_unit_create(
    *, unit, tahun: int, pengguna, tempat: str = "", tanggal_pk: dt.date | None = None
) -> PerjanjianKinerjaUnit:
    """A new draft PK of the sub-bagian for the year (revision 0): rows copied from the year's
    targets of its performance-tree nodes; signatories from the organisation data on the PK
    date (refused when the Kasubag post is held by nobody then)."""
    from sekretariat.models import UnitOrganisasi

    _pastikan_penulis(pengguna, unit)
    tahun_pastikan(tahun)
    pk_pastikan_tahun_terbuka(tahun)
    if unit.jenis != UnitOrganisasi.Jenis.SUB_BAGIAN:
        raise ValidationError({"unit": f"{unit} bukan sub bagian."})
    if PerjanjianKinerjaUnit.objects.filter(unit=unit, tahun=tahun).exists():
        raise ValidationError(
            {
                "tahun": f"Perjanjian Kinerja {unit} {tahun} sudah ada; ubah draftnya atau "
                "buat perubahan."
            }
        )
    tanggal_pk = tanggal_pk or dt.date(tahun, 1, 2)
    if tanggal_pk.year not in (tahun - 1, tahun):
        raise ValidationError(
            {
                "tanggal": f"Tanggal PK {tahun} harus pada akhir tahun {tahun - 1} atau tahun {tahun}."
            }
        )
    targets = list(pk_unit_target_sumber(unit=unit, tahun=tahun))
    if not targets:
        raise ValidationError(
            {
                "tahun": f"Belum ada target {tahun} untuk indikator sasaran {unit} di pohon "
                "kinerja; isi dulu sasaran sub bagian, indikator dan targetnya."
            }
        )
    penandatangan = pk_unit_penandatangan_default(unit=unit, tanggal=tanggal_pk)
    if penandatangan.masalah:
        raise ValidationError(penandatangan.masalah)
    data = {"tempat": tempat or "", **penandatangan.data}
    batas_model_pastikan(PerjanjianKinerjaUnit, data)
    perjanjian = PerjanjianKinerjaUnit.objects.create(
        unit=unit, tahun=tahun, revisi=0, tanggal=tanggal_pk, dibuat_oleh=pengguna, **data
    )
    PKUnitBaris.objects.bulk_create(
        [
            PKUnitBaris(
                perjanjian=perjanjian,
                indikator_id=t.indikator_id,
                target=t.target,
                target_atas=t.target_atas,
            )
            for t in targets
        ]
    )
    jejak_catat(
        pengguna=pengguna,
        aksi="buat",
        objek=perjanjian,
        ringkasan=f"Draft {perjanjian} dibuat dengan {angka(len(targets))} indikator dari "
        "pohon kinerja.",
    )
    return perjanjian


def _sejenis(perjanjian: PerjanjianKinerjaUnit):
    """The revisions of the PK of the same sub-bagian and year."""
    return PerjanjianKinerjaUnit.objects.filter(unit_id=perjanjian.unit_id, tahun=perjanjian.tahun)


def _kunci_baris(perjanjian: PerjanjianKinerjaUnit) -> PerjanjianKinerjaUnit:
    return (
        PerjanjianKinerjaUnit.objects.select_related("unit")
        .select_for_update(of=("self",))
        .get(pk=perjanjian.pk)
    )


@transaction.atomic
def pk_unit_update(*, perjanjian: PerjanjianKinerjaUnit, pengguna, **data) -> PerjanjianKinerjaUnit:
    """Change the header of a draft (signatories, place, date, reason)."""
    perjanjian = _kunci_baris(perjanjian)
    _pastikan_penulis(pengguna, perjanjian.unit)
    pk_pastikan_tahun_terbuka(perjanjian.tahun)
    pk_pastikan_draft(perjanjian)
    for kunci, nilai in data.items():
        if kunci not in PK_UNIT_KOLOM_UBAH:
            raise ValidationError({kunci: "Kolom ini tidak dapat diubah."})
        setattr(perjanjian, kunci, nilai if nilai is not None or kunci == "tanggal" else "")
    if perjanjian.revisi and not perjanjian.alasan_perubahan.strip():
        raise ValidationError({"alasan_perubahan": "PK perubahan wajib menyebutkan alasannya."})
    if data.get("tanggal") is not None:
        masalah = pk_unit_penandatangan_default(
            unit=perjanjian.unit, tanggal=perjanjian.tanggal
        ).masalah
        if "tanggal" in masalah:
            raise ValidationError({"tanggal": masalah["tanggal"]})
    batas_model_pastikan(
        PerjanjianKinerjaUnit, {k: getattr(perjanjian, k) for k in data if k != "tanggal"}
    )
    perjanjian.save()
    jejak_catat(
        pengguna=pengguna,
        aksi="ubah",
        objek=perjanjian,
        ringkasan=f"Kepala {perjanjian} diubah: {', '.join(sorted(data))}.",
    )
    return perjanjian


@transaction.atomic
def pk_unit_baris_update(*, baris: PKUnitBaris, pengguna, target, target_atas=None) -> PKUnitBaris:
    """Edit a target row of a draft (checked against the indikator's unit and precision)."""
    baris = (
        PKUnitBaris.objects.select_related("perjanjian", "perjanjian__unit", "indikator")
        .select_for_update(of=("self",))
        .get(pk=baris.pk)
    )
    perjanjian = _kunci_baris(baris.perjanjian)
    _pastikan_penulis(pengguna, perjanjian.unit)
    pk_pastikan_tahun_terbuka(perjanjian.tahun)
    pk_pastikan_draft(perjanjian)
    lama = baris.target
    baris.target, baris.target_atas = target_pasangan_periksa(
        indikator=baris.indikator, target=target, target_atas=target_atas
    )
    baris.save()
    jejak_catat(
        pengguna=pengguna,
        aksi="ubah",
        objek=perjanjian,
        ringkasan=f"Target {baris.indikator.kode} pada {perjanjian} diubah.",
        perubahan={"target": [str(lama), str(baris.target)]},
    )
    return baris


@transaction.atomic
def pk_unit_sign(*, perjanjian: PerjanjianKinerjaUnit, pengguna) -> PerjanjianKinerjaUnit:
    """Record the PK as signed: frozen; an earlier signed revision becomes 'diganti'."""
    if not boleh_tandatangani_pk_unit(pengguna):
        raise PermissionDenied("Hanya Sekretaris yang dapat mencatat penandatanganan PK.")
    perjanjian = _kunci_baris(perjanjian)
    pk_pastikan_tahun_terbuka(perjanjian.tahun)
    pk_pastikan_draft(perjanjian)
    pk_pastikan_lengkap(perjanjian)
    revisi_berlakukan(
        perjanjian, sejenis=_sejenis(perjanjian), berlaku=Status.DITANDATANGANI, pengguna=pengguna
    )
    jejak_catat(
        pengguna=pengguna,
        aksi="alur",
        objek=perjanjian,
        ringkasan=f"{perjanjian} ditandatangani di {perjanjian.tempat}, "
        f"{tanggal(perjanjian.tanggal)}.",
    )
    return perjanjian


@transaction.atomic
def pk_unit_perubahan_create(
    *, perjanjian: PerjanjianKinerjaUnit, pengguna, alasan: str
) -> PerjanjianKinerjaUnit:
    """Start a revision: a new draft copied from the signed PK, with a reason."""
    perjanjian = _kunci_baris(perjanjian)
    _pastikan_penulis(pengguna, perjanjian.unit)
    pk_pastikan_tahun_terbuka(perjanjian.tahun)
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError({"alasan_perubahan": "Alasan perubahan PK wajib diisi."})
    batas_model_pastikan(PerjanjianKinerjaUnit, {"alasan_perubahan": alasan})
    if perjanjian.status != Status.DITANDATANGANI:
        raise ValidationError("PK perubahan hanya dapat dibuat dari PK yang sudah ditandatangani.")
    if _sejenis(perjanjian).filter(status=Status.DRAFT).exists():
        raise ValidationError(f"Sudah ada draft perubahan PK {perjanjian.unit} {perjanjian.tahun}.")
    revisi_baru = revisi_berikut(_sejenis(perjanjian))
    baru = pk_revisi_salin(
        perjanjian,
        unit_id=perjanjian.unit_id,
        tahun=perjanjian.tahun,
        revisi=revisi_baru,
        alasan=alasan,
        pengguna=pengguna,
    )
    jejak_catat(
        pengguna=pengguna,
        aksi="buat",
        objek=baru,
        ringkasan=f"Perubahan PK {perjanjian.unit} {perjanjian.tahun} ke-{revisi_baru}: {alasan}",
    )
    return baru
