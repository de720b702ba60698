"""The year lock and the capaian settings.

The year lock (``KunciTahun``) is the one lock of a year's data: set when the LKj is finalised
or by the Sekretaris in Pengaturan, removed only there; the kinerja and anggaran services
refuse writes in a locked year (``kpu_site.tahun.tahun_terkunci``)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kpu_site.audit import jejak_catat
from kpu_site.peran import is_pimpinan

from ..models import (
    KunciTahun,
    PengaturanCapaian,
)
from ..selectors import (
    pengaturan_capaian_get,
)

# --------------------------------------------------------------------------- lock, settings


@transaction.atomic
def tahun_lock(*, tahun: int, pengguna, keterangan: str = "") -> KunciTahun:
    """Lock a year's kinerja and anggaran data (Pengaturan, and the LKj finalisation)."""
    if not pengguna.has_perm("kinerja.finalisasi_laporan"):
        raise PermissionDenied("Hanya Sekretaris yang dapat mengunci tahun kinerja.")
    obj, created = KunciTahun.objects.get_or_create(
        tahun=tahun, defaults={"dikunci_oleh": pengguna, "keterangan": keterangan}
    )
    if created:
        jejak_catat(pengguna=pengguna, aksi="alur", objek=obj, ringkasan=f"Tahun {tahun} dikunci.")
    return obj


@transaction.atomic
def tahun_unlock(*, tahun: int, pengguna) -> None:
    """Unlock a year: its kinerja and anggaran data can be written again."""
    if not pengguna.has_perm("kinerja.finalisasi_laporan"):
        raise PermissionDenied("Hanya Sekretaris yang dapat membuka kunci tahun kinerja.")
    for obj in KunciTahun.objects.filter(tahun=tahun):
        obj.delete()
        jejak_catat(pengguna=pengguna, aksi="alur", ringkasan=f"Kunci tahun {tahun} dibuka.")


@transaction.atomic
def pengaturan_capaian_update(
    *, pengguna, batas_atas: int, ambang_tercapai, ambang_hampir
) -> PengaturanCapaian:
    """Change the cap and the status bands (Sekretaris/Admin)."""
    if not is_pimpinan(pengguna):
        raise PermissionDenied("Hanya Sekretaris yang dapat mengubah pengaturan capaian.")
    if int(batas_atas) not in PengaturanCapaian.Batas.values:
        raise ValidationError({"batas_atas": "Pilih tanpa batas, 100%, 110% atau 120%."})
    ambang_tercapai, ambang_hampir = Decimal(str(ambang_tercapai)), Decimal(str(ambang_hampir))
    if not (0 <= ambang_hampir <= ambang_tercapai <= 1000):
        raise ValidationError(
            {"ambang_hampir": "Ambang hampir tercapai harus di antara 0 dan ambang tercapai."}
        )
    obj = pengaturan_capaian_get()
    obj.batas_atas = int(batas_atas)
    obj.ambang_tercapai = ambang_tercapai
    obj.ambang_hampir = ambang_hampir
    obj.save()
    return obj
