"""Reads of the LKj review (reviu APIP): the setting, the comments of a version or a year, the
open ones per chapter, the year's statement and what the PDF prints of it."""

from __future__ import annotations

from django.db.models import QuerySet

from kpu_site import formatting

from .model_reviu import BabLkj, KomentarReviu, PengaturanReviu, PernyataanReviu


def reviu_wajib() -> bool:
    """Must the LKj be reviewed before it is finalised? On unless the setting turns it off."""
    pengaturan = PengaturanReviu.objects.filter(pk=1).first()
    return True if pengaturan is None else pengaturan.reviu_wajib


def komentar_list(*, laporan=None, tahun: int | None = None) -> QuerySet[KomentarReviu]:
    qs = KomentarReviu.objects.select_related(
        "laporan", "dibuat_oleh", "dijawab_oleh", "ditutup_oleh"
    )
    if laporan is not None:
        qs = qs.filter(laporan=laporan)
    if tahun is not None:
        qs = qs.filter(laporan__tahun=tahun)
    return qs.order_by("bab", "dibuat_pada", "pk")


def komentar_terbuka(*, tahun: int) -> QuerySet[KomentarReviu]:
    """Comments on any version of ``tahun`` the Auditor has not closed (answered ones too)."""
    return komentar_list(tahun=tahun).exclude(status=KomentarReviu.Status.DITUTUP)


def komentar_per_bab(*, laporan) -> list[dict]:
    """Every chapter of the LKj with the comments on ``laporan`` (the version page's order)."""
    komentar = list(komentar_list(laporan=laporan))
    return [
        {"kunci": kunci, "label": label, "komentar": [k for k in komentar if k.bab == kunci]}
        for kunci, label in BabLkj.choices
    ]


def pernyataan_get(*, tahun: int) -> PernyataanReviu | None:
    return PernyataanReviu.objects.select_related("laporan").filter(tahun=tahun).first()


def pernyataan_konten(*, tahun: int) -> dict | None:
    """What the LKj prints on its "Pernyataan Telah Direviu" page, or None without one."""
    pernyataan = pernyataan_get(tahun=tahun)
    if pernyataan is None:
        return None
    return {
        "nomor": pernyataan.nomor,
        "teks": pernyataan.teks,
        "tempat_tanggal": f"{pernyataan.tempat}, {formatting.tanggal(pernyataan.tanggal)}",
        "nama": pernyataan.nama_pereviu,
        "nip": pernyataan.nip_pereviu,
        "jabatan": pernyataan.jabatan_pereviu,
    }
