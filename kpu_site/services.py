from __future__ import annotations

import socket

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from .audit import jejak_catat
from .models import JejakAudit, PemeriksaanWorker, ProfilImpor


@transaction.atomic
def unduhan_record(*, pengguna, ringkasan: str, objek=None) -> JejakAudit:
    """Record a download (Excel, PDF, evidence, an uploaded file) in the audit trail: who
    (``pengguna``), what (``objek`` if there is one, and ``ringkasan``). Every view that hands
    out a file calls this before answering; the response helpers write nothing."""
    return jejak_catat(pengguna=pengguna, aksi="unduh", objek=objek, ringkasan=ringkasan)


def pemeriksaan_worker_send() -> PemeriksaanWorker:
    """Create a probe row and enqueue it; the worker stamps it (``pemeriksaan_worker_process``)."""
    from .tasks import pemeriksaan_worker_process

    probe = PemeriksaanWorker.objects.create()
    transaction.on_commit(lambda: pemeriksaan_worker_process.delay(probe.pk))
    return probe


def pemeriksaan_worker_process(*, pemeriksaan_id: int) -> bool:
    """Stamp the probe once (a second delivery changes nothing). Returns whether it claimed it."""
    claimed = PemeriksaanWorker.objects.filter(pk=pemeriksaan_id, diproses__isnull=True).update(
        diproses=timezone.now(), host_worker=socket.gethostname()[:200]
    )
    return bool(claimed)


# --------------------------------------------------------------------------- import profiles


@transaction.atomic
def profil_impor_simpan(
    *,
    pengguna,
    jenis: str,
    nama: str,
    kolom: dict,
    aturan: dict | None = None,
    lembar: str = "",
    baris_judul: int | None = None,
    profil: ProfilImpor | None = None,
) -> ProfilImpor:
    """Create or change a column-mapping profile of import ``jenis``. Refused (403) to a user
    who may not run that import (``JenisImpor.boleh``); a bad mapping (a required field not
    mapped, two fields on one column, an unknown field or rule) or a name already used is a
    ``ValidationError`` naming the field. Audited (the history row's entry)."""
    from .batas import batas_model_pastikan
    from .impor_jenis import jenis_get, pemetaan_periksa

    jenis_impor = jenis_get(jenis)
    if jenis_impor is None:
        raise ValidationError({"jenis": f"jenis impor '{jenis}' tidak dikenal."})
    if pengguna is not None and not jenis_impor.boleh(pengguna):
        raise PermissionDenied(f"Anda tidak berhak mengatur impor {jenis_impor.judul}.")
    kolom = {
        k: [str(s).strip() for s in (v if isinstance(v, list | tuple) else [v]) if str(s).strip()]
        for k, v in (kolom or {}).items()
    }
    kolom = {k: v for k, v in kolom.items() if v}
    aturan = {k: v for k, v in (aturan or {}).items() if v and k in kolom}
    nama = (nama or "").strip()
    galat = {f"kolom_{k}": v for k, v in pemetaan_periksa(jenis_impor, kolom, aturan).items()}
    if not nama:
        galat["nama"] = "Nama profil wajib diisi."
    elif (
        ProfilImpor.objects.filter(jenis=jenis, nama=nama)
        .exclude(pk=getattr(profil, "pk", None))
        .exists()
    ):
        galat["nama"] = f"Profil '{nama}' untuk impor ini sudah ada; pakai nama lain."
    if baris_judul is not None and baris_judul < 1:
        galat["baris_judul"] = "Baris judul paling kecil 1 (kosongkan agar dicari otomatis)."
    if galat:
        raise ValidationError(galat)
    obj = profil or ProfilImpor(jenis=jenis, dibuat_oleh=pengguna if pengguna else None)
    obj.nama, obj.kolom, obj.aturan = nama, kolom, aturan
    obj.lembar, obj.baris_judul = (lembar or "").strip(), baris_judul
    batas_model_pastikan(ProfilImpor, {"nama": obj.nama, "lembar": obj.lembar})
    obj._history_user = pengguna
    obj.save()
    return obj


@transaction.atomic
def profil_impor_hapus(*, pengguna, profil: ProfilImpor) -> None:
    """Delete a profile (same right as changing it); audited."""
    from .akses import boleh_ubah_unit
    from .impor_jenis import jenis_get

    jenis_impor = jenis_get(profil.jenis)
    boleh = jenis_impor.boleh(pengguna) if jenis_impor else boleh_ubah_unit(pengguna, None)
    if pengguna is not None and not boleh:
        raise PermissionDenied("Anda tidak berhak menghapus profil impor ini.")
    profil._history_user = pengguna
    profil.delete()
