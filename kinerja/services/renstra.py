"""The Renstra tree: Renstra, misi, tujuan, sasaran (owned by a sub-bagian) and indikator.

Written by the Sekretaris, Admin or the planning sub-bagian (``pastikan_perencana``). A sasaran's
sub-bagian decides who enters its realisasi, so a Kasubag/Staf may only give a sasaran (or move
an indikator to a sasaran of) a sub-bagian whose data they may write, and only take one from
such a sub-bagian (``kpu_site.akses.boleh_ubah_unit``); anything else is ``PermissionDenied``.
Every write is in the audit trail through the model's history (who and why).
The yearly targets are ``target_tahunan_set`` (``perencanaan``).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q

from kpu_site.akses import boleh_ubah_unit
from kpu_site.batas import tahun_pastikan

from ..models import Indikator, Misi, Renstra, Sasaran, TargetTahunan, Tujuan
from ._dasar import pastikan_perencana
from ._dasar import tulis as _tulis

RENSTRA_KOLOM = ("nama", "tahun_mulai", "tahun_selesai", "visi", "dasar_hukum")
MISI_KOLOM = ("renstra", "urutan", "uraian")
TUJUAN_KOLOM = ("renstra", "urutan", "uraian")
SASARAN_KOLOM = ("tujuan", "nomor", "uraian", "unit")
INDIKATOR_KOLOM = ("sasaran", "kode", "uraian", "satuan", "arah", "presisi", "agregasi")


def _isi(obj, data: dict, kolom: tuple[str, ...]) -> None:
    for kunci, nilai in data.items():
        if kunci not in kolom:
            raise ValidationError({kunci: "Kolom ini tidak dapat diubah."})
        setattr(obj, kunci, nilai)


def _pastikan_unit(pengguna, unit, *, apa: str, baru: bool) -> None:
    """Refuse giving ``apa`` to (``baru``) or taking it from a unit the user may not write."""
    if unit is None or boleh_ubah_unit(pengguna, unit):
        return
    if baru:
        pesan = f"{apa} tidak dapat diserahkan kepada {unit}"
    else:
        pesan = f"{apa} milik {unit} tidak dapat dipindahkan"
    raise PermissionDenied(
        f"{pesan}: Anda hanya dapat mengubah data sub bagian Anda sendiri. "
        "Sub bagian penanggung jawab sasaran lain diatur oleh Sekretaris."
    )


# --------------------------------------------------------------------------- Renstra


def _renstra_periksa(renstra: Renstra) -> None:
    for field in ("tahun_mulai", "tahun_selesai"):
        if getattr(renstra, field) is not None:
            tahun_pastikan(getattr(renstra, field), field)
    if renstra.tahun_mulai is not None and renstra.tahun_selesai is not None:
        if renstra.tahun_selesai < renstra.tahun_mulai:
            raise ValidationError(
                {"tahun_selesai": "Tahun selesai tidak boleh sebelum tahun mulai."}
            )
        lain = (
            Renstra.objects.exclude(pk=renstra.pk)
            .filter(tahun_mulai__lte=renstra.tahun_selesai, tahun_selesai__gte=renstra.tahun_mulai)
            .first()
        )
        if lain is not None:
            raise ValidationError(
                {
                    "tahun_mulai": f"Periode {renstra.tahun_mulai}–{renstra.tahun_selesai} "
                    f"bertumpang tindih dengan {lain}."
                }
            )
        if renstra.pk:
            di_luar = (
                TargetTahunan.objects.filter(indikator__sasaran__tujuan__renstra=renstra)
                .filter(Q(tahun__lt=renstra.tahun_mulai) | Q(tahun__gt=renstra.tahun_selesai))
                .order_by("tahun")
                .first()
            )
            if di_luar is not None:
                raise ValidationError(
                    {
                        "tahun_selesai": f"Sudah ada target tahun {di_luar.tahun} di luar periode "
                        "baru; ubah atau pindahkan targetnya lebih dahulu."
                    }
                )


@transaction.atomic
def renstra_create(
    *, pengguna, nama: str, tahun_mulai: int, tahun_selesai: int, visi: str, dasar_hukum: str = ""
) -> Renstra:
    """A new Renstra whose period overlaps no other."""
    pastikan_perencana(pengguna)
    renstra = Renstra(
        nama=nama,
        tahun_mulai=tahun_mulai,
        tahun_selesai=tahun_selesai,
        visi=visi,
        dasar_hukum=dasar_hukum,
    )
    _renstra_periksa(renstra)
    _tulis(renstra, pengguna=pengguna, alasan="Renstra dibuat")
    return renstra


@transaction.atomic
def renstra_update(*, renstra: Renstra, pengguna, **data) -> Renstra:
    """Change a Renstra's name, period, visi or basis (``RENSTRA_KOLOM``)."""
    pastikan_perencana(pengguna)
    renstra = Renstra.objects.select_for_update().get(pk=renstra.pk)
    _isi(renstra, data, RENSTRA_KOLOM)
    _renstra_periksa(renstra)
    _tulis(renstra, pengguna=pengguna, alasan="Renstra diubah")
    return renstra


# --------------------------------------------------------------------------- misi, tujuan


def _urutan_periksa(model, obj) -> None:
    if model.objects.exclude(pk=obj.pk).filter(renstra=obj.renstra, urutan=obj.urutan).exists():
        nama = model._meta.verbose_name.capitalize()
        raise ValidationError({"urutan": f"{nama} nomor {obj.urutan} sudah ada di {obj.renstra}."})


@transaction.atomic
def misi_create(*, pengguna, renstra: Renstra, urutan: int, uraian: str) -> Misi:
    pastikan_perencana(pengguna)
    misi = Misi(renstra=renstra, urutan=urutan, uraian=uraian)
    _urutan_periksa(Misi, misi)
    _tulis(misi, pengguna=pengguna, alasan="Misi dibuat")
    return misi


@transaction.atomic
def misi_update(*, misi: Misi, pengguna, **data) -> Misi:
    """Change a misi's Renstra, number or text (``MISI_KOLOM``)."""
    pastikan_perencana(pengguna)
    misi = Misi.objects.select_for_update().get(pk=misi.pk)
    _isi(misi, data, MISI_KOLOM)
    _urutan_periksa(Misi, misi)
    _tulis(misi, pengguna=pengguna, alasan="Misi diubah")
    return misi


@transaction.atomic
def tujuan_create(*, pengguna, renstra: Renstra, urutan: int, uraian: str) -> Tujuan:
    pastikan_perencana(pengguna)
    tujuan = Tujuan(renstra=renstra, urutan=urutan, uraian=uraian)
    _urutan_periksa(Tujuan, tujuan)
    _tulis(tujuan, pengguna=pengguna, alasan="Tujuan dibuat")
    return tujuan


@transaction.atomic
def tujuan_update(*, tujuan: Tujuan, pengguna, **data) -> Tujuan:
    """Change a tujuan's number or text; it moves to another Renstra only without sasaran
    (their targets belong to the period)."""
    pastikan_perencana(pengguna)
    tujuan = Tujuan.objects.select_for_update().get(pk=tujuan.pk)
    renstra_lama = tujuan.renstra_id
    _isi(tujuan, data, TUJUAN_KOLOM)
    if tujuan.renstra_id != renstra_lama and tujuan.sasaran.exists():
        raise ValidationError(
            {"renstra": f"{tujuan} sudah memiliki sasaran; tidak dapat dipindah ke Renstra lain."}
        )
    _urutan_periksa(Tujuan, tujuan)
    _tulis(tujuan, pengguna=pengguna, alasan="Tujuan diubah")
    return tujuan


# --------------------------------------------------------------------------- sasaran


def _nomor_sasaran_periksa(sasaran: Sasaran) -> None:
    renstra = sasaran.tujuan.renstra_id
    if (
        Sasaran.objects.exclude(pk=sasaran.pk)
        .filter(tujuan__renstra=renstra, nomor=sasaran.nomor)
        .exists()
    ):
        raise ValidationError(
            {"nomor": f"Sasaran nomor {sasaran.nomor} sudah ada di {sasaran.tujuan.renstra}."}
        )


@transaction.atomic
def sasaran_create(*, pengguna, tujuan: Tujuan, nomor: int, uraian: str, unit) -> Sasaran:
    """A new sasaran owned by ``unit``; a Kasubag/Staf may only give it their own sub-bagian."""
    pastikan_perencana(pengguna)
    _pastikan_unit(pengguna, unit, apa=f"Sasaran {nomor}", baru=True)
    sasaran = Sasaran(tujuan=tujuan, nomor=nomor, uraian=uraian, unit=unit)
    _nomor_sasaran_periksa(sasaran)
    _tulis(sasaran, pengguna=pengguna, alasan="Sasaran dibuat")
    return sasaran


@transaction.atomic
def sasaran_update(*, sasaran: Sasaran, pengguna, **data) -> Sasaran:
    """Change a sasaran (``SASARAN_KOLOM``). Its sub-bagian changes only if the user may write
    the data of both the old and the new one; it moves only within its Renstra."""
    pastikan_perencana(pengguna)
    sasaran = (
        Sasaran.objects.select_for_update().select_related("tujuan", "unit").get(pk=sasaran.pk)
    )
    unit_lama, renstra_lama = sasaran.unit, sasaran.tujuan.renstra_id
    _isi(sasaran, data, SASARAN_KOLOM)
    if sasaran.unit_id != unit_lama.pk:
        _pastikan_unit(pengguna, unit_lama, apa=str(sasaran), baru=False)
        _pastikan_unit(pengguna, sasaran.unit, apa=str(sasaran), baru=True)
    if sasaran.tujuan.renstra_id != renstra_lama and sasaran.indikator.exists():
        raise ValidationError(
            {
                "tujuan": f"{sasaran} sudah memiliki indikator; hanya dapat dipindah ke tujuan "
                "dalam Renstra yang sama."
            }
        )
    _nomor_sasaran_periksa(sasaran)
    _tulis(sasaran, pengguna=pengguna, alasan="Sasaran diubah")
    return sasaran


# --------------------------------------------------------------------------- indikator


def _indikator_periksa(indikator: Indikator) -> None:
    if indikator.presisi is not None and indikator.presisi > 4:
        raise ValidationError({"presisi": "Jumlah desimal paling banyak 4."})
    if (
        Indikator.objects.exclude(pk=indikator.pk)
        .filter(sasaran=indikator.sasaran_id, kode=indikator.kode)
        .exists()
    ):
        raise ValidationError(
            {"kode": f"Kode {indikator.kode} sudah dipakai di {indikator.sasaran}."}
        )


@transaction.atomic
def indikator_create(
    *,
    pengguna,
    sasaran: Sasaran,
    kode: str,
    uraian: str,
    satuan: str,
    arah: str = Indikator.Arah.NAIK,
    presisi: int = 2,
    agregasi: str = Indikator.Agregasi.KUMULATIF,
) -> Indikator:
    """A new indikator of a sasaran: unit of measure, direction, decimals (0–4), aggregation."""
    pastikan_perencana(pengguna)
    indikator = Indikator(
        sasaran=sasaran,
        kode=kode,
        uraian=uraian,
        satuan=satuan,
        arah=arah,
        presisi=presisi,
        agregasi=agregasi,
    )
    _indikator_periksa(indikator)
    _tulis(indikator, pengguna=pengguna, alasan="Indikator dibuat")
    return indikator


@transaction.atomic
def indikator_update(*, indikator: Indikator, pengguna, **data) -> Indikator:
    """Change an indikator (``INDIKATOR_KOLOM``); moving it to a sasaran of another sub-bagian
    follows the same rule as moving a sasaran."""
    pastikan_perencana(pengguna)
    indikator = (
        Indikator.objects.select_for_update().select_related("sasaran__unit").get(pk=indikator.pk)
    )
    sasaran_lama = indikator.sasaran
    _isi(indikator, data, INDIKATOR_KOLOM)
    if indikator.sasaran.unit_id != sasaran_lama.unit_id:
        apa = f"Indikator {indikator.kode}"
        _pastikan_unit(pengguna, sasaran_lama.unit, apa=apa, baru=False)
        _pastikan_unit(pengguna, indikator.sasaran.unit, apa=apa, baru=True)
    if (
        indikator.sasaran.tujuan.renstra_id != sasaran_lama.tujuan.renstra_id
        and indikator.target.exists()
    ):
        raise ValidationError(
            {
                "sasaran": f"Indikator {indikator.kode} sudah memiliki target; hanya dapat dipindah "
                "ke sasaran dalam Renstra yang sama."
            }
        )
    _indikator_periksa(indikator)
    _tulis(indikator, pengguna=pengguna, alasan="Indikator diubah")
    return indikator
