"""Renstra targets and the Perjanjian Kinerja: draft from the Renstra, edit, sign, revise."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kpu_site.audit import jejak_catat
from kpu_site.batas import tahun_pastikan
from kpu_site.formatting import angka, tanggal
from kpu_site.peran import is_pimpinan

from ..models import (
    Indikator,
    PerjanjianKinerja,
    PKBaris,
    TargetTahunan,
)
from ..selectors import (
    kinerja_tahun_lock,
    pk_penandatangan_default,
    renstra_untuk_tahun,
)
from ..selectors_rkt import rkt_ditetapkan
from ._dasar import (
    boleh_kelola_perencanaan,
    pastikan_perencana,
    pk_pastikan_draft,
    pk_pastikan_lengkap,
    pk_pastikan_tahun_terbuka,
    pk_revisi_salin,
    revisi_berikut,
    revisi_berlakukan,
    target_pasangan_periksa,
)

# --------------------------------------------------------------------------- Renstra targets


@transaction.atomic
def target_tahunan_set(
    *, indikator: Indikator, tahun: int, target, target_atas=None, pengguna=None
) -> TargetTahunan:
    """Set the Renstra target of an indikator for a year inside the Renstra period."""
    if pengguna is not None:
        pastikan_perencana(pengguna)
    tahun_pastikan(tahun)
    renstra = indikator.sasaran.tujuan.renstra
    if not renstra.tahun_mulai <= tahun <= renstra.tahun_selesai:
        raise ValidationError(
            {"tahun": f"Tahun {tahun} di luar periode {renstra}."},
        )
    target, target_atas = target_pasangan_periksa(
        indikator=indikator, target=target, target_atas=target_atas
    )
    obj, _ = TargetTahunan.objects.update_or_create(
        indikator=indikator, tahun=tahun, defaults={"target": target, "target_atas": target_atas}
    )
    return obj


# --------------------------------------------------------------------------- PK


@transaction.atomic
def pk_create(
    *, tahun: int, pengguna, tempat: str = "", tanggal_pk: dt.date | None = None
) -> PerjanjianKinerja:
    """A new draft PK for the year (revision 0): the rows (target, batas atas) are copied from
    the year's ditetapkan RKT, or from the Renstra year targets when the year has none."""
    pastikan_perencana(pengguna)
    tahun_pastikan(tahun)
    pk_pastikan_tahun_terbuka(tahun)
    renstra = renstra_untuk_tahun(tahun)
    if renstra is None:
        raise ValidationError({"tahun": f"Belum ada Renstra yang mencakup tahun {tahun}."})
    if PerjanjianKinerja.objects.filter(tahun=tahun).exists():
        raise ValidationError(
            {"tahun": f"Perjanjian Kinerja {tahun} sudah ada; ubah draftnya atau buat perubahan."}
        )
    tanggal_pk = tanggal_pk or dt.date(tahun, 1, 2)
    perjanjian = PerjanjianKinerja.objects.create(
        tahun=tahun,
        revisi=0,
        tempat=tempat,
        tanggal=tanggal_pk,
        dibuat_oleh=pengguna,
        **pk_penandatangan_default(tanggal=tanggal_pk),
    )
    rkt = rkt_ditetapkan(tahun=tahun)
    if rkt is not None:  # the PK copies the year's plan (RKT); without one, the Renstra
        targets, sumber = rkt.baris.all(), str(rkt)
    else:
        targets = TargetTahunan.objects.filter(
            tahun=tahun, indikator__sasaran__tujuan__renstra=renstra
        )
        sumber = "Renstra"
    targets = targets.order_by("indikator__sasaran__nomor", "indikator__kode")
    PKBaris.objects.bulk_create(
        [
            PKBaris(
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
        ringkasan=f"Draft PK {tahun} dibuat dengan {angka(targets.count())} indikator dari "
        f"{sumber}.",
    )
    return perjanjian


_pastikan_draft = pk_pastikan_draft


PK_KOLOM_UBAH = (
    "pihak_pertama_nama",
    "pihak_pertama_jabatan",
    "pihak_kedua_nama",
    "pihak_kedua_jabatan",
    "tempat",
    "tanggal",
    "alasan_perubahan",
)


@transaction.atomic
def pk_update(*, perjanjian: PerjanjianKinerja, pengguna, **data) -> PerjanjianKinerja:
    """Change the header of a draft PK (signatories, place, date, reason)."""
    pastikan_perencana(pengguna)
    perjanjian = PerjanjianKinerja.objects.select_for_update().get(pk=perjanjian.pk)
    _pastikan_draft(perjanjian)
    pk_pastikan_tahun_terbuka(perjanjian.tahun)
    for kunci, nilai in data.items():
        if kunci not in PK_KOLOM_UBAH:
            raise ValidationError({kunci: "Kolom ini tidak dapat diubah."})
        setattr(perjanjian, kunci, nilai if nilai is not None or kunci == "tanggal" else "")
    if perjanjian.revisi and not perjanjian.alasan_perubahan.strip():
        raise ValidationError({"alasan_perubahan": "PK perubahan wajib menyebutkan alasannya."})
    perjanjian.save()
    return perjanjian


@transaction.atomic
def pk_baris_update(*, baris: PKBaris, pengguna, target, target_atas=None) -> PKBaris:
    """Edit a target row of a draft PK (checked against the indikator's unit and precision);
    ``pengguna=None`` is the system itself (a management command)."""
    if pengguna is not None:
        pastikan_perencana(pengguna)
    baris = (
        PKBaris.objects.select_related("perjanjian", "indikator")
        .select_for_update()
        .get(pk=baris.pk)
    )
    _pastikan_draft(baris.perjanjian)
    pk_pastikan_tahun_terbuka(baris.perjanjian.tahun)
    baris.target, baris.target_atas = target_pasangan_periksa(
        indikator=baris.indikator, target=target, target_atas=target_atas
    )
    baris.save()
    return baris


def boleh_tandatangani_pk(pengguna) -> bool:
    """Only the Sekretaris (or Admin) records that a PK was signed."""
    return is_pimpinan(pengguna)


def pk_aksi_boleh(*, perjanjian: PerjanjianKinerja, pengguna, ada_draft: bool) -> frozenset[str]:
    """What ``pengguna`` may do with ``perjanjian`` now, as the services below decide it:
    ``ubah`` (header and rows of a draft), ``tandatangani`` (a draft), ``perubahan`` (start a
    revision of a signed PK when no draft revision exists yet). The pages show these buttons."""
    if not boleh_kelola_perencanaan(pengguna) or kinerja_tahun_lock(perjanjian.tahun):
        return frozenset()
    aksi = set()
    if perjanjian.status == PerjanjianKinerja.Status.DRAFT:
        aksi.add("ubah")
        if boleh_tandatangani_pk(pengguna):
            aksi.add("tandatangani")
    elif (
        perjanjian.status == PerjanjianKinerja.Status.DITANDATANGANI
        and not ada_draft
        and pengguna.has_perm("kinerja.add_perjanjiankinerja")
    ):
        aksi.add("perubahan")
    return frozenset(aksi)


@transaction.atomic
def pk_sign(*, perjanjian: PerjanjianKinerja, pengguna) -> PerjanjianKinerja:
    """Record the PK as signed: it is frozen; an earlier signed revision becomes 'diganti'."""
    if not boleh_tandatangani_pk(pengguna):
        raise PermissionDenied("Hanya Sekretaris yang dapat mencatat penandatanganan PK.")
    perjanjian = PerjanjianKinerja.objects.select_for_update().get(pk=perjanjian.pk)
    _pastikan_draft(perjanjian)
    pk_pastikan_tahun_terbuka(perjanjian.tahun)
    pk_pastikan_lengkap(perjanjian)
    revisi_berlakukan(
        perjanjian,
        sejenis=PerjanjianKinerja.objects.filter(tahun=perjanjian.tahun),
        berlaku=PerjanjianKinerja.Status.DITANDATANGANI,
        pengguna=pengguna,
    )
    jejak_catat(
        pengguna=pengguna,
        aksi="alur",
        objek=perjanjian,
        ringkasan=f"{perjanjian} ditandatangani di {perjanjian.tempat}, {tanggal(perjanjian.tanggal)}.",
    )
    return perjanjian


@transaction.atomic
def pk_perubahan_create(
    *, perjanjian: PerjanjianKinerja, pengguna, alasan: str
) -> PerjanjianKinerja:
    """Start a PK perubahan: a new draft revision copied from the signed one, with a reason."""
    pastikan_perencana(pengguna)
    if not (alasan or "").strip():
        raise ValidationError({"alasan_perubahan": "Alasan perubahan PK wajib diisi."})
    perjanjian = PerjanjianKinerja.objects.select_for_update().get(pk=perjanjian.pk)
    pk_pastikan_tahun_terbuka(perjanjian.tahun)
    if perjanjian.status != PerjanjianKinerja.Status.DITANDATANGANI:
        raise ValidationError("PK perubahan hanya dapat dibuat dari PK yang sudah ditandatangani.")
    if PerjanjianKinerja.objects.filter(
        tahun=perjanjian.tahun, status=PerjanjianKinerja.Status.DRAFT
    ).exists():
        raise ValidationError(f"Sudah ada draft perubahan PK {perjanjian.tahun}.")
    revisi_baru = revisi_berikut(PerjanjianKinerja.objects.filter(tahun=perjanjian.tahun))
    baru = pk_revisi_salin(
        perjanjian,
        tahun=perjanjian.tahun,
        revisi=revisi_baru,
        alasan=alasan.strip(),
        pengguna=pengguna,
    )
    jejak_catat(
        pengguna=pengguna,
        aksi="buat",
        objek=baru,
        ringkasan=f"Perubahan PK {perjanjian.tahun} ke-{revisi_baru}: {alasan.strip()}",
    )
    return baru
