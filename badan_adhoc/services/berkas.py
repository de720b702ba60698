"""The applicant's file: a recruitment's default checklist, and the status of each document per
applicant (ada / tidak ada / tidak sah with a reason), recorded with who and when.

Recording a status applies ``dokumen_tidak_lengkap`` to an applicant already screened at once
(like an accepted party clarification); the next screening computes it for everyone
(``seleksi.pendaftar_screen``)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kpu_site.audit import jejak_beda, jejak_catat, jejak_gabung, jejak_nilai, jejak_tandai
from kpu_site.batas import batas_model_pastikan

from ..akses import pastikan_boleh_kelola
from ..model_berkas import BERKAS_BAKU, ItemBerkas, StatusBerkas, status_kurang
from ..models import Pendaftar, Rekrutmen
from .seleksi import status_ulang
from .versi import pendaftar_versi_naik

#: The texts a status may be written as (import, form, API), lower case, single spaces.
STATUS_TEKS = {
    "ada": StatusBerkas.Status.ADA,
    "tidak ada": StatusBerkas.Status.TIDAK_ADA,
    "tidak_ada": StatusBerkas.Status.TIDAK_ADA,
    "tidak sah": StatusBerkas.Status.TIDAK_SAH,
    "tidak_sah": StatusBerkas.Status.TIDAK_SAH,
}
PESAN_STATUS = "'{nilai}' bukan salah satu dari: ada, tidak ada, tidak sah."
PESAN_ALASAN = "status tidak sah harus disertai alasan."
_SPASI = re.compile(r"\s+")
_SLUG = re.compile(r"[a-z0-9_-]+")


def status_baca(teks: str) -> str | None:
    """The status value of ``teks`` (case and spacing ignored); ``""`` for an empty text (not
    recorded), ``None`` for a text that is no status."""
    kunci = _SPASI.sub(" ", teks.strip().lower())
    if not kunci:
        return ""
    return STATUS_TEKS.get(kunci)


def item_berkas_baku_buat(*, rekrutmen: Rekrutmen) -> list[ItemBerkas]:
    """Copy the body's default checklist (``BERKAS_BAKU``) into a new recruitment."""
    return ItemBerkas.objects.bulk_create(
        [
            ItemBerkas(rekrutmen=rekrutmen, kode=kode, nama=nama, wajib=True, urutan=i)
            for i, (kode, nama) in enumerate(BERKAS_BAKU.get(rekrutmen.jenis_badan, ()), start=1)
        ]
    )


def _tidak_lengkap(pendaftar: Pendaftar) -> bool:
    return status_kurang(pendaftar=pendaftar).exists()


@transaction.atomic
def berkas_status_set(
    *, pendaftar: Pendaftar, status: dict[str, tuple[str, str]], pengguna
) -> list[StatusBerkas]:
    """Record the checklist of ``pendaftar``: ``status`` maps item codes to ``(status,
    alasan)``; an empty status removes the record (not checked). Every problem is raised at
    once, keyed ``status_<kode>`` / ``alasan_<kode>``; nothing is written then."""
    pastikan_boleh_kelola(pengguna)
    pendaftar = Pendaftar.objects.select_for_update().get(pk=pendaftar.pk)
    items = {i.kode: i for i in ItemBerkas.objects.filter(rekrutmen_id=pendaftar.rekrutmen_id)}
    galat: dict[str, str] = {}
    bersih: dict[str, tuple[str, str]] = {}
    for kode, (teks, alasan) in status.items():
        item = items.get(kode)
        if item is None:
            galat[f"status_{kode}"] = f"Dokumen '{kode}' tidak ada dalam daftar rekrutmen ini."
            continue
        nilai = status_baca(teks or "")
        alasan = (alasan or "").strip()
        if nilai is None:
            galat[f"status_{kode}"] = f"{item.nama}: " + PESAN_STATUS.format(nilai=teks)
        elif nilai == StatusBerkas.Status.TIDAK_SAH and not alasan:
            galat[f"alasan_{kode}"] = f"{item.nama}: {PESAN_ALASAN}"
        elif len(alasan) > StatusBerkas._meta.get_field("alasan").max_length:
            galat[f"alasan_{kode}"] = f"{item.nama}: alasan paling panjang 255 karakter."
        else:
            bersih[kode] = (nilai, alasan)
    if galat:
        raise ValidationError(galat)
    sekarang = timezone.now()
    lama = {s.item_id: s for s in StatusBerkas.objects.filter(pendaftar=pendaftar)}
    hasil, berubah = [], []
    for kode, (nilai, alasan) in bersih.items():
        item = items[kode]
        ada = lama.get(item.pk)
        if not nilai:
            if ada is not None:
                ada.delete()
                berubah.append(f"{item.nama}: belum diperiksa")
            continue
        if ada is not None and ada.status == nilai and ada.alasan == alasan:
            hasil.append(ada)
            continue
        obj = ada or StatusBerkas(pendaftar=pendaftar, item=item)
        obj.status, obj.alasan = nilai, alasan
        obj.dicatat_oleh, obj.dicatat_pada = pengguna, sekarang
        obj.full_clean()
        obj.save()
        hasil.append(obj)
        berubah.append(f"{item.nama}: {obj.get_status_display().lower()}")
    if berubah:
        ringkasan = "Berkas pendaftaran: " + "; ".join(berubah)
        if not _kelengkapan_terapkan(pendaftar, ringkasan=ringkasan, pengguna=pengguna):
            # the checklist rows have no history: the event is this one entry
            jejak_catat(pengguna=pengguna, aksi="ubah", objek=pendaftar, ringkasan=ringkasan)
        pendaftar_versi_naik(rekrutmen_ids=[pendaftar.rekrutmen_id])
    return hasil


def _kelengkapan_terapkan(pendaftar: Pendaftar, *, ringkasan: str | None, pengguna) -> bool:
    """``dokumen_tidak_lengkap`` of one applicant from its checklist; an applicant already
    screened (and not overridden) gets its result again. Whether the applicant changed: then
    its save is the event's one audit entry (``ringkasan``; ``None``: part of an event the
    caller records once, inside ``jejak_gabung``)."""
    kurang = _tidak_lengkap(pendaftar)
    if kurang == pendaftar.tms_dokumen_tidak_lengkap:
        return False
    sebelum = jejak_nilai(pendaftar)
    pendaftar.tms_dokumen_tidak_lengkap = kurang
    status_ulang(pendaftar)
    pendaftar._change_reason = "Kelengkapan berkas pendaftaran"
    if ringkasan is None:
        if pengguna is not None:
            pendaftar._history_user = pengguna
    else:
        jejak_tandai(
            pendaftar,
            aksi="ubah",
            ringkasan=ringkasan,
            pengguna=pengguna,
            perubahan=jejak_beda(sebelum, pendaftar),
        )
    pendaftar.save()
    return True


# --------------------------------------------------------------------------- the checklist


def _kode_terlarang(kode: str) -> bool:
    """A code an item may not take: one of the applicant import's own columns (the item's code
    is the name of its column there) or a reason column (``<kode>_alasan``)."""
    from .impor import KOLOM_PENDAFTAR  # the import reads this module

    return kode in KOLOM_PENDAFTAR or kode.endswith("_alasan")


def _status_jumlah(item: ItemBerkas) -> int:
    return StatusBerkas.objects.filter(item=item).count()


@transaction.atomic
def item_berkas_simpan(
    *,
    rekrutmen: Rekrutmen,
    kode: str,
    nama: str,
    wajib: bool,
    urutan: int,
    item: ItemBerkas | None = None,
    pengguna,
) -> ItemBerkas:
    """Add a document to the checklist of ``rekrutmen`` or change ``item`` (one of its items).

    Refused, on the field: a code already used in this recruitment, one of the import's own
    columns or ending in ``_alasan`` (the reason column of another item), and a changed code
    once the item has statuses (its import column would silently change). Changing ``wajib``
    of an item with statuses applies ``dokumen_tidak_lengkap`` again to the applicants with a
    status of it (as recording a status does). One audit entry per change."""
    pastikan_boleh_kelola(pengguna)
    kode, nama = (kode or "").strip().lower(), (nama or "").strip()
    batas_model_pastikan(ItemBerkas, {"kode": kode, "nama": nama, "urutan": urutan})
    if item is not None:
        item = ItemBerkas.objects.select_for_update().get(pk=item.pk, rekrutmen=rekrutmen)
    galat: dict[str, str] = {}
    if not kode:
        galat["kode"] = "Kode wajib diisi."
    elif not _SLUG.fullmatch(kode):
        galat["kode"] = (
            f"Kode '{kode}' hanya boleh berisi huruf kecil, angka, garis bawah, dan tanda hubung."
        )
    elif _kode_terlarang(kode):
        galat["kode"] = (
            f"Kode '{kode}' tidak dapat dipakai: sama dengan kolom data pendaftar atau kolom "
            "alasan pada berkas impor."
        )
    elif (
        ItemBerkas.objects.filter(rekrutmen=rekrutmen, kode=kode)
        .exclude(pk=getattr(item, "pk", None))
        .exists()
    ):
        galat["kode"] = f"Kode '{kode}' sudah dipakai dokumen lain pada rekrutmen ini."
    if not nama:
        galat["nama"] = "Nama dokumen wajib diisi."
    jumlah = _status_jumlah(item) if item is not None else 0
    if item is not None and kode != item.kode and jumlah and "kode" not in galat:
        galat["kode"] = (
            f"Kode '{item.kode}' tidak dapat diubah: sudah ada {jumlah} status berkas "
            "pendaftar untuk dokumen ini, dan kode adalah nama kolomnya pada berkas impor."
        )
    if galat:
        raise ValidationError(galat)
    baru = item is None
    wajib_berubah = not baru and item.wajib != wajib
    obj = item or ItemBerkas(rekrutmen=rekrutmen)
    sebelum = None if baru else jejak_nilai(obj)
    obj.kode, obj.nama, obj.wajib, obj.urutan = kode, nama, wajib, urutan
    perubahan = None if baru else jejak_beda(sebelum, obj)  # the defaults have no history
    if perubahan == {}:
        return obj
    ringkasan = f"Daftar berkas pendaftaran: {'tambah' if baru else 'ubah'} {nama}"
    ditinjau = []
    if wajib_berubah and jumlah:
        pendaftar_ids = StatusBerkas.objects.filter(item=obj).values("pendaftar_id")
        ditinjau = list(
            Pendaftar.objects.select_for_update().filter(pk__in=pendaftar_ids).order_by("pk")
        )
        ringkasan += (
            f" ({'wajib' if wajib else 'tidak wajib'}; kelengkapan {len(ditinjau)} pendaftar "
            "diperiksa ulang)"
        )
    obj.full_clean(validate_unique=False, validate_constraints=False)
    jejak_tandai(
        obj,
        aksi="buat" if baru else "ubah",
        ringkasan=ringkasan,
        pengguna=pengguna,
        perubahan=perubahan,
    )
    obj.save()
    with jejak_gabung():
        for p in ditinjau:
            _kelengkapan_terapkan(p, ringkasan=None, pengguna=pengguna)
    pendaftar_versi_naik(rekrutmen_ids=[rekrutmen.pk])  # the cached checklist counts
    return obj


@transaction.atomic
def item_berkas_hapus(*, item: ItemBerkas, pengguna) -> None:
    """Remove a document from its recruitment's checklist; refused once applicants have a
    status of it (saying how many). One audit entry."""
    pastikan_boleh_kelola(pengguna)
    item = ItemBerkas.objects.select_for_update().get(pk=item.pk)
    jumlah = _status_jumlah(item)
    if jumlah:
        raise ValidationError(
            {
                "kode": f"Dokumen '{item.nama}' tidak dapat dihapus: sudah ada {jumlah} status "
                "berkas pendaftar untuk dokumen ini."
            }
        )
    jejak_tandai(
        item,
        aksi="hapus",
        ringkasan=f"Daftar berkas pendaftaran: hapus {item.nama}",
        pengguna=pengguna,
    )
    item.delete()
    pendaftar_versi_naik(rekrutmen_ids=[item.rekrutmen_id])
