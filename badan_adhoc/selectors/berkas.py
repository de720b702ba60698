"""Reads of the applicant's file: a recruitment's checklist counts and one applicant's
checklist."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from kpu_site.tersimpan import tersimpan

from ..model_berkas import ItemBerkas, StatusBerkas
from ..models import DokumenPendaftar, Pendaftar, Rekrutmen

_ADA = StatusBerkas.Status.ADA
_TIDAK_ADA = StatusBerkas.Status.TIDAK_ADA
_TIDAK_SAH = StatusBerkas.Status.TIDAK_SAH


def item_berkas_list(rekrutmen: Rekrutmen):
    return ItemBerkas.objects.filter(rekrutmen=rekrutmen).order_by("urutan", "pk")


def item_berkas_kelola_list(rekrutmen: Rekrutmen | None) -> list[ItemBerkas]:
    """The checklist of a recruitment (``None``: of every recruitment) with, per item,
    ``jumlah_status``: how many applicants have a status of it (its code is then fixed and it
    cannot be deleted); one query."""
    qs = (
        item_berkas_list(rekrutmen)
        if rekrutmen is not None
        else ItemBerkas.objects.order_by("rekrutmen_id", "urutan", "pk")
    )
    return list(qs.annotate(jumlah_status=Count("status")))


def item_berkas_get(pk) -> ItemBerkas | None:
    """One checklist item with its ``jumlah_status`` (as ``item_berkas_kelola_list``)."""
    return ItemBerkas.objects.annotate(jumlah_status=Count("status")).filter(pk=pk).first()


def berkas_ringkasan(rekrutmen: Rekrutmen, *, jumlah: int | None = None) -> dict:
    """The checklist counts of a recruitment, in three queries whatever its size::

        {"item": [{"kode", "nama", "wajib", "ada", "tidak_ada", "tidak_sah", "belum"}],
         "pendaftar": n, "lengkap": n, "tidak_lengkap": n, "belum_lengkap": n}

    ``lengkap``: every required item *ada*; ``tidak_lengkap``: a required item *tidak ada* or
    *tidak sah* (the applicants the screening marks ``dokumen_tidak_lengkap``); the rest
    (``belum_lengkap``) have a required item not yet checked. ``jumlah``: the number of
    applicants when the caller has it (the dashboard's cached screening counts)."""
    if jumlah is None:
        jumlah = Pendaftar.objects.filter(rekrutmen=rekrutmen).count()
    items = list(
        item_berkas_list(rekrutmen).annotate(
            n_ada=Count("status", filter=Q(status__status=_ADA)),
            n_tidak_ada=Count("status", filter=Q(status__status=_TIDAK_ADA)),
            n_tidak_sah=Count("status", filter=Q(status__status=_TIDAK_SAH)),
        )
    )
    wajib = sum(1 for i in items if i.wajib)
    per_pendaftar = (
        StatusBerkas.objects.filter(item__rekrutmen=rekrutmen, item__wajib=True)
        .values("pendaftar_id")
        .annotate(
            ada=Count("pk", filter=Q(status=_ADA)), kurang=Count("pk", filter=~Q(status=_ADA))
        )
    )
    hasil = per_pendaftar.aggregate(
        lengkap=Count("pendaftar_id", filter=Q(ada=wajib, kurang=0)),
        tidak_lengkap=Count("pendaftar_id", filter=Q(kurang__gt=0)),
    )
    lengkap = jumlah if wajib == 0 else hasil["lengkap"]
    return {
        "item": [
            {
                "kode": i.kode,
                "nama": i.nama,
                "wajib": i.wajib,
                "ada": i.n_ada,
                "tidak_ada": i.n_tidak_ada,
                "tidak_sah": i.n_tidak_sah,
                "belum": jumlah - i.n_ada - i.n_tidak_ada - i.n_tidak_sah,
            }
            for i in items
        ],
        "pendaftar": jumlah,
        "lengkap": lengkap,
        "tidak_lengkap": hasil["tidak_lengkap"],
        "belum_lengkap": jumlah - lengkap - hasil["tidak_lengkap"],
    }


@dataclass
class BarisBerkas:
    """One checklist line of an applicant's page."""

    item: ItemBerkas
    status: StatusBerkas | None
    unggahan: list[DokumenPendaftar]


def berkas_pendaftar(pendaftar: Pendaftar) -> list[BarisBerkas]:
    """The applicant's checklist with its recorded statuses and the uploads of the same kind
    (``DokumenPendaftar.jenis`` = item code), in three queries."""
    status = {
        s.item_id: s
        for s in StatusBerkas.objects.filter(pendaftar=pendaftar).select_related("dicatat_oleh")
    }
    unggahan: dict[str, list[DokumenPendaftar]] = {}
    for d in DokumenPendaftar.objects.filter(pendaftar=pendaftar).order_by("diunggah_pada"):
        unggahan.setdefault(d.jenis, []).append(d)
    return [
        BarisBerkas(item=i, status=status.get(i.pk), unggahan=unggahan.get(i.kode, []))
        for i in item_berkas_list(pendaftar.rekrutmen_id)
    ]


def berkas_ringkasan_tersimpan(
    rekrutmen: Rekrutmen, *, jumlah: int | None = None, segar: bool = False
) -> dict:
    """``berkas_ringkasan`` as ``{"data", "per"}``, cached per version of the recruitment's
    applicant data (every write of a status raises it), like the screening counts."""
    from .rekrutmen import _kunci_cache

    return tersimpan(
        _kunci_cache(rekrutmen, "berkas"),
        lambda: berkas_ringkasan(rekrutmen, jumlah=jumlah),
        segar=segar,
    )
