"""Checks shared by the kinerja services: saving with history, a value of an indikator, a target
pair, who plans."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max, QuerySet
from django.utils import timezone

from kpu_site.akses import boleh_ubah_unit
from kpu_site.batas import batas_field_periksa, batas_model_pastikan
from kpu_site.formatting import angka

from ..models import Indikator, Realisasi

#: The sub-bagian that keeps the Renstra and the PK (with the Sekretaris and Admin).
UNIT_PERENCANAAN = "perencanaan"

# --------------------------------------------------------------------------- saving


def tulis(obj, *, pengguna, alasan: str) -> None:
    """Field checks (database limits, required, length, choices) then save; the history row
    records who and why. Uniqueness and constraints are left to the caller and the database."""
    batas_model_pastikan(
        type(obj), {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    )
    try:
        obj.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as e:
        raise ValidationError(e.message_dict) from None
    obj._history_user = pengguna
    obj._change_reason = alasan[:100]
    obj.save()


# --------------------------------------------------------------------------- values


def nilai_periksa(*, indikator: Indikator, nilai, label: str = "nilai") -> Decimal | None:
    """Check a target or realisasi against the indikator's unit and precision.

    Returns the value as ``Decimal`` (``None`` stays ``None``); raises ``ValidationError``
    naming ``label``: more decimals than the indikator allows, a fraction for a unit that
    counts things, a negative value, a percentage above 1000, or more digits before the
    decimal point than the database column holds (``kpu_site.batas``).
    """
    if nilai is None or nilai == "":
        return None
    try:
        nilai = nilai if isinstance(nilai, Decimal) else Decimal(str(nilai).replace(",", "."))
    except InvalidOperation:
        raise ValidationError(f"{label.capitalize()} '{nilai}' bukan angka.") from None
    if not nilai.is_finite():
        raise ValidationError(f"{label.capitalize()} harus berupa angka.")
    if pesan := batas_field_periksa(Realisasi._meta.get_field("nilai"), nilai):
        raise ValidationError(f"{label.capitalize()}: {pesan}")
    satuan = indikator.get_satuan_display()
    exponent = nilai.normalize().as_tuple().exponent
    desimal = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if indikator.satuan in Indikator.SATUAN_CACAH and desimal:
        raise ValidationError(
            f"{label.capitalize()} {angka(nilai, desimal)} tidak sesuai satuan {satuan}: "
            "harus bilangan bulat."
        )
    if desimal > indikator.presisi:
        raise ValidationError(
            f"{label.capitalize()} {angka(nilai, desimal)} memiliki {desimal} angka desimal; "
            f"indikator ini memakai paling banyak {indikator.presisi}."
        )
    if nilai < 0:
        raise ValidationError(f"{label.capitalize()} tidak boleh negatif.")
    if indikator.satuan == Indikator.Satuan.PERSEN and nilai > 1000:
        raise ValidationError(
            f"{label.capitalize()} {angka(nilai, desimal)}% tidak masuk akal untuk satuan persen."
        )
    return nilai


def target_pasangan_periksa(*, indikator: Indikator, target, target_atas):
    try:
        target = nilai_periksa(indikator=indikator, nilai=target, label="target")
    except ValidationError as e:
        raise ValidationError({"target": e.messages}) from None
    if target is None:
        raise ValidationError({"target": "Target wajib diisi."})
    if indikator.arah == Indikator.Arah.RENTANG:
        try:
            target_atas = nilai_periksa(indikator=indikator, nilai=target_atas, label="batas atas")
        except ValidationError as e:
            raise ValidationError({"target_atas": e.messages}) from None
        if target_atas is None:
            raise ValidationError(
                {"target_atas": "Indikator rentang memerlukan batas atas target."}
            )
        if target_atas < target:
            raise ValidationError(
                {"target_atas": "Batas atas tidak boleh lebih kecil dari batas bawah."}
            )
    elif target_atas not in (None, ""):
        raise ValidationError(
            {"target_atas": "Batas atas hanya dipakai untuk indikator dengan arah rentang."}
        )
    else:
        target_atas = None
    return target, target_atas


def boleh_kelola_perencanaan(pengguna) -> bool:
    """Renstra and PK are kept by the Sekretaris, Admin, or the planning sub-bagian."""
    return boleh_ubah_unit(pengguna, UNIT_PERENCANAAN)


def pastikan_perencana(pengguna) -> None:
    """Refuse (``PermissionDenied``) anyone ``boleh_kelola_perencanaan`` does not allow."""
    if boleh_kelola_perencanaan(pengguna):
        return
    raise PermissionDenied(
        "Renstra dan Perjanjian Kinerja hanya dapat diubah oleh Sekretaris atau Sub Bagian "
        "Perencanaan, Data dan Informasi."
    )


# --------------------------------------------------------------------------- PK (every level)
# The Sekretaris's PK (``PerjanjianKinerja``) and a sub-bagian's (``PerjanjianKinerjaUnit``)
# share these rules: both have the same status choices, signatory fields and ``baris``.

PK_KOLOM_TANDA_TANGAN = (
    ("pihak_pertama_nama", "nama pihak pertama"),
    ("pihak_kedua_nama", "nama pihak kedua"),
    ("tempat", "tempat"),
    ("tanggal", "tanggal"),
)


def pk_tanda_tangan_kurang(perjanjian) -> list[str]:
    """The labels of the fields a PK needs before it can be signed and that are still empty."""
    return [label for kolom, label in PK_KOLOM_TANDA_TANGAN if not getattr(perjanjian, kolom)]


def pk_pastikan_lengkap(perjanjian) -> None:
    """Refuse signing a PK with an empty signature field or without rows."""
    if kurang := pk_tanda_tangan_kurang(perjanjian):
        raise ValidationError(f"PK belum dapat ditandatangani: {', '.join(kurang)} belum diisi.")
    if not perjanjian.baris.exists():
        raise ValidationError("PK belum memiliki baris sasaran/indikator.")


#: The header a PK revision copies from the signed PK (its date is the day it is started).
PK_KOLOM_SALIN = (
    "pihak_pertama_nama",
    "pihak_pertama_jabatan",
    "pihak_kedua_nama",
    "pihak_kedua_jabatan",
    "tempat",
)


def pk_revisi_salin(perjanjian, *, revisi: int, alasan: str, pengguna, **kunci):
    """A new draft PK (of either level) numbered ``revisi`` with its reason, ``kunci`` (``tahun``,
    ``unit_id``) and the header and rows of the signed ``perjanjian`` copied."""
    baru = type(perjanjian).objects.create(
        **kunci,
        revisi=revisi,
        alasan_perubahan=alasan,
        **{kolom: getattr(perjanjian, kolom) for kolom in PK_KOLOM_SALIN},
        tanggal=timezone.localdate(),
        dibuat_oleh=pengguna,
    )
    Baris = perjanjian.baris.model
    Baris.objects.bulk_create(
        [
            Baris(
                perjanjian=baru,
                indikator_id=b.indikator_id,
                target=b.target,
                target_atas=b.target_atas,
            )
            for b in perjanjian.baris.all()
        ]
    )
    return baru


def pk_pastikan_tahun_terbuka(tahun: int) -> None:
    """Refuse changing any PK (the Sekretaris's or a sub-bagian's) of a locked year."""
    from ..selectors import kinerja_tahun_lock

    if kinerja_tahun_lock(tahun):
        raise ValidationError(
            {"tahun": f"Tahun {tahun} sudah dikunci; Perjanjian Kinerja tidak dapat diubah."}
        )


def pk_pastikan_draft(perjanjian) -> None:
    """Refuse changing a PK that is no longer a draft (signed = frozen)."""
    revisi_pastikan_draft(perjanjian, jenis="PK")


# --------------------------------------------------------------------------- revisioned documents
# The PK of every level and the RKT: a draft is put in force (signed/ditetapkan) and frozen, the
# one in force before it becomes 'diganti'; a change is a new revision (a copy) with a reason.
# The database rules are ``kinerja.model_revisi.revisi_constraints``.


def revisi_pastikan_draft(dokumen, *, jenis: str) -> None:
    """Refuse changing a document that is no longer a draft (in force = frozen)."""
    if dokumen.status != dokumen.Status.DRAFT:
        raise ValidationError(
            f"{dokumen} sudah {dokumen.get_status_display().lower()} dan dibekukan; "
            f"buat {jenis} perubahan untuk mengubahnya."
        )


def revisi_berikut(sejenis: QuerySet) -> int:
    """The number of the next revision among ``sejenis`` (the revisions of one document)."""
    terakhir = sejenis.aggregate(terakhir=Max("revisi"))["terakhir"]
    return 0 if terakhir is None else terakhir + 1


def revisi_berlakukan(
    dokumen,
    *,
    sejenis: QuerySet,
    berlaku: str,
    pengguna,
    kolom_oleh: str = "ditandatangani_oleh",
    kolom_pada: str = "ditandatangani_pada",
):
    """Put the draft ``dokumen`` in force (status ``berlaku``, by ``pengguna``, now) and save it;
    the one in force before it among ``sejenis`` becomes 'diganti' first (one in force)."""
    for lama in sejenis.select_for_update().filter(status=berlaku):
        lama.status = lama.Status.DIGANTI
        lama._history_user = pengguna
        lama._change_reason = f"Diganti oleh {dokumen}"
        lama.save()
    dokumen.status = berlaku
    setattr(dokumen, kolom_oleh, pengguna)
    setattr(dokumen, kolom_pada, timezone.now())
    dokumen.save()
    return dokumen
