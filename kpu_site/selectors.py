from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from .models import JejakAudit, PemeriksaanWorker, ProfilImpor


def jejak_list(
    *,
    aplikasi: str = "",
    aksi: str = "",
    pengguna: str = "",
    dari: date | None = None,
    sampai: date | None = None,
    q: str = "",
) -> QuerySet[JejakAudit]:
    """The audit trail, newest first, filtered by app, action, username, date range and text."""
    qs = JejakAudit.objects.select_related("pengguna", "content_type")
    if aplikasi:
        qs = qs.filter(content_type__app_label=aplikasi)
    if aksi:
        qs = qs.filter(aksi=aksi)
    if pengguna:
        qs = qs.filter(pengguna__username__icontains=pengguna)
    if dari:
        qs = qs.filter(waktu__date__gte=dari)
    if sampai:
        qs = qs.filter(waktu__date__lte=sampai)
    if q:
        qs = qs.filter(objek__icontains=q)
    return qs


def login_log_list(*, limit: int = 50) -> dict:
    """Recent successful and failed logins (recorded by django-axes)."""
    from axes.models import AccessFailureLog, AccessLog

    return {
        "berhasil": list(AccessLog.objects.order_by("-attempt_time")[:limit]),
        "gagal": list(AccessFailureLog.objects.order_by("-attempt_time")[:limit]),
    }


def pemeriksaan_worker_terakhir(*, limit: int = 10) -> list[PemeriksaanWorker]:
    return list(PemeriksaanWorker.objects.all()[:limit])


# --------------------------------------------------------------------------- import profiles


def profil_impor_list(*, jenis: str = "") -> QuerySet[ProfilImpor]:
    """The satker's import profiles, by import and name; of one import when ``jenis``."""
    qs = ProfilImpor.objects.select_related("dibuat_oleh")
    return qs.filter(jenis=jenis) if jenis else qs


def pemetaan_profil(*, jenis: str, nama: str):
    """The mapping of the profile ``nama`` of import ``jenis`` (``None`` for an empty name:
    the file's own column names); ``ImporGagal`` naming the profiles there are when there is
    no such profile (the page, the API and ``--profil`` say the same)."""
    from .impor import ImporGagal, Kesalahan

    nama = (nama or "").strip()
    if not nama:
        return None
    profil = ProfilImpor.objects.filter(jenis=jenis, nama=nama).first()
    if profil is None:
        ada = list(ProfilImpor.objects.filter(jenis=jenis).values_list("nama", flat=True))
        daftar = ", ".join(f"'{n}'" for n in ada) if ada else "belum ada satu pun"
        raise ImporGagal(
            [Kesalahan(None, "", f"profil impor '{nama}' tidak ada (profil impor ini: {daftar}).")]
        )
    return profil.pemetaan()
