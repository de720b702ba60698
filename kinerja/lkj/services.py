"""Writes of the LKj: request a version, render it (worker or in-process), finalise, log
downloads. The Celery task ``kinerja.tasks.laporan_render`` calls ``laporan_render``."""

from __future__ import annotations

import io
import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from kpu_site.audit import jejak_catat
from kpu_site.formatting import angka
from kpu_site.pekerjaan import (
    pekerjaan_claim,
    pekerjaan_fail,
    pekerjaan_progress_update,
    pekerjaan_selesai,
)
from kpu_site.peran import Peran, is_pimpinan, peran_of

from .models import LaporanKinerja, NaskahLkj, TemuanDijelaskan
from .preflight import lkj_preflight, temuan_menghalangi
from .selectors import lkj_data_ada, naskah_get
from .services_reviu import reviu_finalisasi_periksa

log = logging.getLogger(__name__)

MAKS_PERCOBAAN = 3


def detak_basi() -> timedelta:
    """A render that has not reported progress for this long is taken as dead (its worker was
    killed); setting ``LKJ_DETAK_BASI_DETIK``."""
    return timedelta(seconds=settings.LKJ_DETAK_BASI_DETIK)


# Roles that prepare the LKj: request a version, edit the narratives.
PERAN_PENYUSUN = frozenset({Peran.ADMIN, Peran.SEKRETARIS, Peran.KASUBAG, Peran.STAF})


@transaction.atomic
def laporan_request(*, tahun: int, pengguna, antrekan: bool = True) -> LaporanKinerja:
    """Create the next version of the year's LKj and enqueue its render (after commit).

    Draft (watermarked) when the pre-flight check has findings that must be fixed
    (``preflight.temuan_menghalangi``; a reviewer's notes do not make it a draft). Refused with
    a clear message when the year has no performance data at all, or by a role that may not request it.
    """
    if pengguna is not None and peran_of(pengguna) not in PERAN_PENYUSUN:
        raise PermissionDenied("Peran Anda tidak dapat meminta penyusunan Laporan Kinerja.")
    if not lkj_data_ada(tahun=tahun):
        raise ValidationError(
            {
                "tahun": f"Tidak ada data kinerja tahun {tahun} (Renstra atau Perjanjian Kinerja belum ada)."
            }
        )
    # Serialise version numbers per year.
    list(LaporanKinerja.objects.select_for_update().filter(tahun=tahun).values_list("pk"))
    versi = (LaporanKinerja.objects.filter(tahun=tahun).aggregate(m=Max("versi"))["m"] or 0) + 1
    laporan = LaporanKinerja.objects.create(
        tahun=tahun,
        versi=versi,
        draf=bool(temuan_menghalangi(lkj_preflight(tahun=tahun))),
        diminta_oleh=pengguna if getattr(pengguna, "pk", None) else None,
        tahap="Menunggu giliran",
    )
    if antrekan:
        from . import tasks  # the task module imports this one

        transaction.on_commit(lambda: tasks.laporan_render.delay(laporan.pk))
    return laporan


def laporan_claim(*, laporan_id: int) -> bool:
    """Claim the row for rendering. Returns False when there is nothing to do: the row is done
    (selesai, gagal, final) or another live render holds it (a duplicate delivery).

    A row left ``diproses`` by a killed worker (no sign of life for ``detak_basi()``) is taken over.
    """
    return pekerjaan_claim(LaporanKinerja, pk=laporan_id, basi=detak_basi())


def laporan_progress_update(*, laporan_id: int, progres: int, tahap: str) -> None:
    pekerjaan_progress_update(LaporanKinerja, pk=laporan_id, progres=progres, tahap=tahap)


def laporan_fail(*, laporan_id: int, pesan: str) -> None:
    pekerjaan_fail(LaporanKinerja, pk=laporan_id, pesan=pesan)


def laporan_render(*, laporan_id: int) -> LaporanKinerja | None:
    """Render a claimed version and store the PDF with its SHA-256. Returns None when the row
    could not be claimed (nothing done). A data problem marks it gagal with a readable
    message; other exceptions propagate so the task can retry them."""
    from .render import lkj_render

    if not laporan_claim(laporan_id=laporan_id):
        return None
    laporan = LaporanKinerja.objects.get(pk=laporan_id)
    if laporan.percobaan > MAKS_PERCOBAAN:
        laporan_fail(
            laporan_id=laporan_id,
            pesan=f"Penyusunan laporan terhenti {MAKS_PERCOBAAN} kali (proses pekerja dihentikan atau "
            "melewati batas waktu). Coba minta ulang; bila berulang, hubungi Admin.",
        )
        return LaporanKinerja.objects.get(pk=laporan_id)
    try:
        hasil = lkj_render(
            tahun=laporan.tahun,
            naskah=naskah_get(tahun=laporan.tahun),
            draf=laporan.draf,
            progres=lambda p, t: laporan_progress_update(laporan_id=laporan_id, progres=p, tahap=t),
        )
    except ValidationError as exc:
        laporan_fail(laporan_id=laporan_id, pesan=" ".join(exc.messages))
        return LaporanKinerja.objects.get(pk=laporan_id)
    nama = f"LKj-{laporan.tahun}-v{laporan.versi}{'-draf' if laporan.draf else ''}.pdf"
    laporan = pekerjaan_selesai(
        LaporanKinerja,
        pk=laporan_id,
        nama=nama,
        berkas=io.BytesIO(hasil.pdf),
        jumlah_halaman=hasil.jumlah_halaman,
    )
    if laporan.status != LaporanKinerja.Status.SELESAI:
        return laporan  # taken over or ended meanwhile: left as it is
    log.info(
        "LKj %s v%s: %s halaman, %s",
        laporan.tahun,
        laporan.versi,
        hasil.jumlah_halaman,
        hasil.waktu,
    )
    return laporan


def boleh_finalkan(pengguna) -> bool:
    return pengguna.has_perm("kinerja.finalisasi_laporan") and peran_of(pengguna) in (
        Peran.SEKRETARIS,
        Peran.ADMIN,
    )


def laporan_dapat_difinalkan(*, laporan: LaporanKinerja, pengguna) -> bool:
    """Whether the page offers ``pengguna`` to finalise ``laporan``: the Sekretaris, on a
    completed version (``laporan_finalise`` checks the rest and says why it refuses)."""
    return boleh_finalkan(pengguna) and laporan.status == LaporanKinerja.Status.SELESAI


@transaction.atomic
def laporan_finalise(*, laporan: LaporanKinerja, pengguna, pada=None) -> LaporanKinerja:
    """Sekretaris only: mark a clean, completed version final and lock the year (the one year
    lock, which the kinerja and anggaran services both read). The file and its SHA-256 never
    change afterwards. ``pada``: the finalisation time when it is not now (the demo's past
    finalisation, ``kinerja.demo_reviu``; never from a form)."""
    from kinerja import services as kin_services

    if not boleh_finalkan(pengguna):
        raise PermissionDenied("Hanya Sekretaris yang dapat memfinalkan Laporan Kinerja.")
    laporan = LaporanKinerja.objects.select_for_update().get(pk=laporan.pk)
    if laporan.status != LaporanKinerja.Status.SELESAI:
        raise ValidationError(
            f"Hanya versi berstatus selesai yang dapat difinalkan (status sekarang: {laporan.get_status_display()})."
        )
    if laporan.draf:
        raise ValidationError(
            "Versi ini disusun sebagai DRAF karena pemeriksaan awal belum bersih; perbaiki temuan lalu susun versi baru."
        )
    temuan = temuan_menghalangi(lkj_preflight(tahun=laporan.tahun))
    if temuan:
        raise ValidationError(
            f"Pemeriksaan awal menemukan {angka(len(temuan))} hal yang harus diperbaiki sebelum finalisasi: "
            + temuan[0].pesan
        )
    if LaporanKinerja.objects.filter(
        tahun=laporan.tahun, status=LaporanKinerja.Status.FINAL
    ).exists():
        raise ValidationError(f"Laporan Kinerja tahun {laporan.tahun} sudah memiliki versi final.")
    reviu_finalisasi_periksa(laporan=laporan)  # reviu APIP: kinerja/lkj/services_reviu.py
    laporan.status = LaporanKinerja.Status.FINAL
    laporan.difinalkan_oleh = pengguna
    laporan.difinalkan_pada = pada or timezone.now()
    laporan._history_user = pengguna
    laporan.save(update_fields=["status", "difinalkan_oleh", "difinalkan_pada"])
    kin_services.tahun_lock(
        tahun=laporan.tahun, pengguna=pengguna, keterangan=f"Finalisasi {laporan}"
    )
    jejak_catat(
        pengguna=pengguna,
        aksi="alur",
        objek=laporan,
        ringkasan=f"{laporan} difinalkan (SHA-256 {laporan.sha256}).",
    )
    return laporan


def laporan_unduhan_record(*, laporan: LaporanKinerja, pengguna) -> None:
    """Every download is logged: who, when, which version."""
    jejak_catat(
        pengguna=pengguna,
        aksi="unduh",
        objek=laporan,
        ringkasan=f"Unduh {laporan} ({laporan.get_status_display()}, SHA-256 {laporan.sha256[:12]}…)",
    )


@transaction.atomic
def naskah_save(*, tahun: int, pengguna, **teks) -> NaskahLkj:
    from kinerja import selectors as kin

    if peran_of(pengguna) not in PERAN_PENYUSUN:
        raise PermissionDenied("Peran Anda tidak dapat mengubah naskah Laporan Kinerja.")
    if kin.kinerja_tahun_lock(tahun):
        raise ValidationError(
            f"Tahun {tahun} sudah dikunci karena Laporan Kinerjanya final; naskah tidak dapat diubah."
        )
    naskah, _ = NaskahLkj.objects.get_or_create(tahun=tahun)
    changed = False
    for field, value in teks.items():
        if getattr(naskah, field) != value:
            setattr(naskah, field, value)
            changed = True
    if changed:
        naskah._history_user = pengguna
        naskah.full_clean()
        naskah.save()
    return naskah


@transaction.atomic
def temuan_jelaskan(*, tahun: int, kunci: str, pengguna) -> TemuanDijelaskan:
    """Sekretaris (or Admin) only: mark a pre-flight finding that allows it (``Temuan.kunci``,
    a capaian/serapan gap) as explained; the pre-flight no longer lists it. Audited."""
    from kinerja import selectors as kin

    if not is_pimpinan(pengguna):
        raise PermissionDenied("Hanya Sekretaris yang dapat menandai temuan sudah dijelaskan.")
    if kin.kinerja_tahun_lock(tahun):
        raise ValidationError(
            f"Tahun {tahun} sudah dikunci karena Laporan Kinerjanya final; temuan tidak dapat diubah."
        )
    temuan = next((t for t in lkj_preflight(tahun=tahun) if t.kunci and t.kunci == kunci), None)
    if temuan is None:
        raise ValidationError(
            f"Tidak ada temuan pemeriksaan awal LKj {tahun} yang dapat ditandai dengan kunci {kunci!r}."
        )
    catatan = TemuanDijelaskan(
        tahun=tahun, kunci=kunci, pesan=temuan.pesan, dijelaskan_oleh=pengguna
    )
    catatan._history_user = pengguna
    catatan.save()
    jejak_catat(
        pengguna=pengguna,
        aksi="alur",
        objek=catatan,
        ringkasan=f"Temuan LKj {tahun} ({temuan.subjek}) ditandai sudah dijelaskan: {temuan.pesan}",
    )
    return catatan
