"""The performance tree (pohon kinerja): sasaran of the sub-bagian, staff activities, their
indikator and yearly targets.

Who writes: the Sekretaris, Admin and Sub Bagian Perencanaan every node; a Kasubag the nodes of
their own sub-bagian (as the Rencana Aksi). The year lock (``KunciTahun``) freezes the targets of
a locked year. A record is deleted only when nothing refers to it. Every write goes into the
history (who and why, ``_history_user``/``_change_reason``), which writes the audit trail
(``kpu_site.audit``: one ``JejakAudit`` per history row); a refused write changes nothing.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError

from kpu_site.batas import batas_model_pastikan, tahun_pastikan
from kpu_site.peran import Peran, peran_of
from sekretariat.models import UnitOrganisasi

from ..model_pohon import IndikatorUnit, SasaranUnit, TargetIndikatorUnit
from ..models import Indikator, Renstra, Sasaran
from ..selectors import kinerja_tahun_lock
from ._dasar import boleh_kelola_perencanaan, target_pasangan_periksa

TINGKAT = SasaranUnit.Tingkat


def boleh_tulis_pohon(pengguna, unit) -> bool:
    """Sekretaris/Admin and Perencanaan: every node; a Kasubag: the nodes of their unit."""
    if boleh_kelola_perencanaan(pengguna):
        return True
    return (
        peran_of(pengguna) == Peran.KASUBAG
        and unit is not None
        and pengguna.unit_id == getattr(unit, "pk", unit)
    )


def _pastikan_penulis(pengguna, unit, kode: str) -> None:
    if not boleh_tulis_pohon(pengguna, unit):
        raise PermissionDenied(
            f"Pohon kinerja {kode} disusun oleh Kasubag {unit}, Sub Bagian Perencanaan, atau "
            "Sekretaris."
        )


def _tulis(obj, *, pengguna, alasan: str) -> None:
    """Field checks (required, length, choices) then save; the history row records who/why."""
    batas_model_pastikan(
        type(obj), {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    )
    try:
        obj.full_clean(validate_constraints=False)
    except ValidationError as e:
        raise ValidationError(e.message_dict) from None
    obj._history_user = pengguna
    obj._change_reason = alasan[:100]
    obj.save()


def _hapus(obj, *, pengguna, alasan: str) -> None:
    obj._history_user = pengguna
    obj._change_reason = alasan[:100]
    try:
        with transaction.atomic():
            obj.delete()
    except ProtectedError:
        raise ValidationError(f"{obj} tidak dapat dihapus: masih dirujuk data lain.") from None


def target_terbuka(tahun: int) -> bool:
    """May the targets of ``tahun`` still change (the year is not locked)? The services refuse
    by it and the tree page shows its target buttons by it."""
    return not kinerja_tahun_lock(tahun)


def _pastikan_tahun_terbuka(tahun: int) -> None:
    if not target_terbuka(tahun):
        raise ValidationError(
            {"tahun": f"Tahun {tahun} sudah dikunci; target pohon kinerja tidak dapat diubah."}
        )


# --------------------------------------------------------------------------- nodes


def _siklus(obj: SasaranUnit | None, induk: SasaranUnit) -> bool:
    """Would ``obj`` supporting ``induk`` close a loop (``induk`` is ``obj`` or below it)?"""
    if obj is None or obj.pk is None:
        return False
    dilihat, simpul = set(), induk
    while simpul is not None and simpul.pk not in dilihat:
        if simpul.pk == obj.pk:
            return True
        dilihat.add(simpul.pk)
        simpul = simpul.mendukung_unit
    return False


def _simpul_periksa(obj: SasaranUnit, lama: SasaranUnit | None) -> None:
    renstra = obj.renstra
    kesalahan: dict[str, str] = {}
    if obj.tingkat not in TINGKAT.values:
        kesalahan["tingkat"] = f"Tingkat '{obj.tingkat}' tidak dikenal."
    if obj.unit is not None and obj.unit.jenis != UnitOrganisasi.Jenis.SUB_BAGIAN:
        kesalahan["unit"] = f"{obj.unit} bukan sub bagian; pilih sebuah sub bagian."
    if obj.tingkat == TINGKAT.SUB_BAGIAN:
        if obj.mendukung_unit_id is not None:
            kesalahan["mendukung_unit"] = (
                "Sasaran sub bagian mendukung sebuah sasaran strategis, bukan sasaran unit lain."
            )
        elif obj.mendukung_sasaran is not None and (
            obj.mendukung_sasaran.tujuan.renstra_id != renstra.pk
        ):
            kesalahan["mendukung_sasaran"] = (
                f"Sasaran {obj.mendukung_sasaran.nomor} bukan sasaran strategis {renstra}."
            )
    elif obj.tingkat == TINGKAT.KEGIATAN_STAF:
        if obj.mendukung_sasaran_id is not None:
            kesalahan["mendukung_sasaran"] = (
                "Kegiatan staf mendukung sebuah sasaran sub bagian atau kegiatan lain, bukan "
                "langsung sasaran strategis."
            )
        elif obj.mendukung_unit is not None:
            induk = obj.mendukung_unit
            if induk.renstra_id != renstra.pk:
                kesalahan["mendukung_unit"] = f"{induk.kode} bukan bagian pohon kinerja {renstra}."
            elif _siklus(obj, induk):
                kesalahan["mendukung_unit"] = (
                    f"{obj.kode} tidak dapat mendukung {induk.kode}: membuat siklus (sebuah "
                    "simpul mendukung dirinya sendiri melalui simpul lain)."
                )
    for field in ("tahun_mulai", "tahun_selesai"):
        tahun = getattr(obj, field)
        if tahun is None:
            kesalahan[field] = "Tahun wajib diisi."
        elif not renstra.tahun_mulai <= tahun <= renstra.tahun_selesai:
            kesalahan[field] = (
                f"Tahun {tahun} di luar periode {renstra} "
                f"({renstra.tahun_mulai}–{renstra.tahun_selesai})."
            )
    if (
        "tahun_mulai" not in kesalahan
        and "tahun_selesai" not in kesalahan
        and obj.tahun_mulai > obj.tahun_selesai
    ):
        kesalahan["tahun_selesai"] = (
            f"Tahun selesai {obj.tahun_selesai} sebelum tahun mulai {obj.tahun_mulai}."
        )
    if lama is not None and not kesalahan.keys() & {"tahun_mulai", "tahun_selesai"}:
        luar = (
            TargetIndikatorUnit.objects.filter(indikator__sasaran_unit=obj)
            .exclude(tahun__range=(obj.tahun_mulai, obj.tahun_selesai))
            .order_by("tahun")
            .values_list("tahun", flat=True)
            .first()
        )
        if luar is not None:
            kesalahan["tahun_selesai" if luar > obj.tahun_selesai else "tahun_mulai"] = (
                f"Sudah ada target tahun {luar}; hapus targetnya dulu atau pertahankan tahun itu."
            )
    kode = (obj.kode or "").strip()
    if kode and SasaranUnit.objects.filter(renstra=renstra, kode=kode).exclude(pk=obj.pk).exists():
        kesalahan["kode"] = f"Kode {kode} sudah dipakai di pohon kinerja {renstra}."
    if kesalahan:
        raise ValidationError(kesalahan)


@transaction.atomic
def sasaran_unit_simpan(
    *,
    pengguna,
    obj: SasaranUnit | None = None,
    renstra: Renstra | None = None,
    tingkat: str,
    unit: UnitOrganisasi,
    kode: str,
    uraian: str,
    mendukung_sasaran: Sasaran | None = None,
    mendukung_unit: SasaranUnit | None = None,
    tahun_mulai: int | None,
    tahun_selesai: int | None,
) -> SasaranUnit:
    """Create (``obj`` None) or change a node of the tree."""
    lama = None
    if obj is not None:
        lama = (
            SasaranUnit.objects.select_for_update().select_related("unit", "renstra").get(pk=obj.pk)
        )
        _pastikan_penulis(pengguna, lama.unit, lama.kode)
        if renstra is not None and renstra.pk != lama.renstra_id:
            raise ValidationError({"renstra": "Renstra sebuah sasaran unit tidak dapat diubah."})
        renstra = lama.renstra
    if renstra is None:
        raise ValidationError({"renstra": "Renstra wajib dipilih."})
    if unit is None:
        raise ValidationError({"unit": "Sub bagian wajib dipilih."})
    _pastikan_penulis(pengguna, unit, kode)
    for field, tahun in (("tahun_mulai", tahun_mulai), ("tahun_selesai", tahun_selesai)):
        if tahun is not None:
            tahun_pastikan(tahun, field)
    simpul = lama or SasaranUnit(renstra=renstra)
    simpul.tingkat = tingkat
    simpul.unit = unit
    simpul.kode = (kode or "").strip()
    simpul.uraian = (uraian or "").strip()
    simpul.mendukung_sasaran = mendukung_sasaran
    simpul.mendukung_unit = mendukung_unit
    simpul.tahun_mulai = tahun_mulai
    simpul.tahun_selesai = tahun_selesai
    _simpul_periksa(simpul, lama)
    _tulis(simpul, pengguna=pengguna, alasan=f"Sasaran unit {simpul.kode} disimpan")
    return simpul


@transaction.atomic
def sasaran_unit_hapus(*, pengguna, obj: SasaranUnit) -> None:
    obj = SasaranUnit.objects.select_for_update().select_related("unit").get(pk=obj.pk)
    _pastikan_penulis(pengguna, obj.unit, obj.kode)
    if obj.pendukung.exists():
        raise ValidationError(
            f"Sasaran unit {obj.kode} tidak dapat dihapus: masih didukung "
            f"{', '.join(obj.pendukung.values_list('kode', flat=True))}."
        )
    if obj.indikator.exists():
        raise ValidationError(
            f"Sasaran unit {obj.kode} tidak dapat dihapus: masih memiliki indikator; hapus "
            "indikatornya dulu."
        )
    _hapus(
        obj,
        pengguna=pengguna,
        alasan="Sasaran unit dihapus",
    )


# --------------------------------------------------------------------------- indikator


@transaction.atomic
def indikator_unit_simpan(
    *,
    pengguna,
    obj: IndikatorUnit | None = None,
    sasaran_unit: SasaranUnit | None = None,
    kode: str,
    uraian: str,
    satuan: str,
    arah: str = Indikator.Arah.NAIK,
    presisi: int = 2,
) -> IndikatorUnit:
    """Create (``obj`` None) or change an indikator of a node."""
    lama = None
    if obj is not None:
        lama = IndikatorUnit.objects.select_for_update().get(pk=obj.pk)
        if sasaran_unit is not None and sasaran_unit.pk != lama.sasaran_unit_id:
            raise ValidationError(
                {"sasaran_unit": "Sasaran unit sebuah indikator tidak dapat diubah."}
            )
        sasaran_unit = lama.sasaran_unit
    if sasaran_unit is None:
        raise ValidationError({"sasaran_unit": "Sasaran unit wajib dipilih."})
    sasaran_unit = SasaranUnit.objects.select_related("unit").get(pk=sasaran_unit.pk)
    _pastikan_penulis(pengguna, sasaran_unit.unit, sasaran_unit.kode)
    ind = lama or IndikatorUnit(sasaran_unit=sasaran_unit)
    ind.kode = (kode or "").strip()
    ind.uraian = (uraian or "").strip()
    ind.satuan = satuan
    ind.arah = arah
    ind.presisi = presisi
    if (
        ind.kode
        and IndikatorUnit.objects.filter(sasaran_unit=sasaran_unit, kode=ind.kode)
        .exclude(pk=ind.pk)
        .exists()
    ):
        raise ValidationError({"kode": f"Kode {ind.kode} sudah dipakai di {sasaran_unit.kode}."})
    if lama is not None:
        # the targets already stored must still fit the unit, direction and precision
        for t in lama.target_tahunan.order_by("tahun"):
            try:
                target_pasangan_periksa(indikator=ind, target=t.target, target_atas=t.target_atas)
            except ValidationError as e:
                pesan = "; ".join(e.messages)
                raise ValidationError(
                    {"satuan": f"Target tahun {t.tahun} tidak sesuai lagi: {pesan}"}
                ) from None
    _tulis(ind, pengguna=pengguna, alasan=f"Indikator {ind.kode} disimpan")
    return ind


@transaction.atomic
def indikator_unit_hapus(*, pengguna, obj: IndikatorUnit) -> None:
    obj = IndikatorUnit.objects.select_related("sasaran_unit__unit").get(pk=obj.pk)
    _pastikan_penulis(pengguna, obj.sasaran_unit.unit, obj.sasaran_unit.kode)
    if obj.target_tahunan.exists():
        raise ValidationError(
            f"Indikator {obj.kode} tidak dapat dihapus: masih memiliki target; hapus targetnya "
            "dulu."
        )
    _hapus(
        obj,
        pengguna=pengguna,
        alasan="Indikator dihapus",
    )


# --------------------------------------------------------------------------- targets


def _target_tahun_periksa(indikator: IndikatorUnit, tahun) -> None:
    simpul = indikator.sasaran_unit
    renstra = simpul.renstra
    if tahun is None:
        raise ValidationError({"tahun": "Tahun wajib diisi."})
    tahun_pastikan(tahun, "tahun")
    if not renstra.tahun_mulai <= tahun <= renstra.tahun_selesai:
        raise ValidationError(
            {
                "tahun": f"Tahun {tahun} di luar periode {renstra} "
                f"({renstra.tahun_mulai}–{renstra.tahun_selesai})."
            }
        )
    if not simpul.tahun_mulai <= tahun <= simpul.tahun_selesai:
        raise ValidationError(
            {
                "tahun": f"Tahun {tahun} di luar masa berlaku {simpul.kode} "
                f"({simpul.tahun_mulai}–{simpul.tahun_selesai})."
            }
        )


@transaction.atomic
def target_unit_simpan(
    *, pengguna, indikator: IndikatorUnit, tahun: int, target, target_atas=None
) -> TargetIndikatorUnit:
    """Set (create or change) the target of ``indikator`` for ``tahun``."""
    indikator = IndikatorUnit.objects.select_related(
        "sasaran_unit__unit", "sasaran_unit__renstra"
    ).get(pk=indikator.pk)
    simpul = indikator.sasaran_unit
    _pastikan_penulis(pengguna, simpul.unit, simpul.kode)
    _target_tahun_periksa(indikator, tahun)
    _pastikan_tahun_terbuka(tahun)
    target, target_atas = target_pasangan_periksa(
        indikator=indikator, target=target, target_atas=target_atas
    )
    lama = (
        TargetIndikatorUnit.objects.select_for_update()
        .filter(indikator=indikator, tahun=tahun)
        .first()
    )
    obj = lama or TargetIndikatorUnit(indikator=indikator, tahun=tahun)
    obj.target = target
    obj.target_atas = target_atas
    _tulis(obj, pengguna=pengguna, alasan=f"Target {tahun} {indikator.kode} disimpan")
    return obj


@transaction.atomic
def target_unit_hapus(*, pengguna, obj: TargetIndikatorUnit) -> None:
    obj = TargetIndikatorUnit.objects.select_related("indikator__sasaran_unit__unit").get(pk=obj.pk)
    simpul = obj.indikator.sasaran_unit
    _pastikan_penulis(pengguna, simpul.unit, simpul.kode)
    _pastikan_tahun_terbuka(obj.tahun)
    _hapus(
        obj,
        pengguna=pengguna,
        alasan="Target dihapus",
    )
