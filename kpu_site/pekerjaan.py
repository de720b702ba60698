"""Background jobs that render a stored file (the LKj, a recruitment's documents): the steps of
their life shared by every kind, on any model with the job columns (``status`` antri →
diproses → selesai | gagal, ``progres``, ``tahap``, ``mulai_pada``, ``detak``, ``percobaan``,
``selesai_pada``, ``pesan_galat``, ``berkas``, ``sha256``, ``ukuran``).

- ``pekerjaan_claim``: a conditional update claims the row; a duplicate delivery claims nothing
  and does nothing; a row left ``diproses`` with no sign of life for ``basi`` is taken over.
- ``pekerjaan_progress_update`` / ``pekerjaan_fail`` / ``pekerjaan_selesai``.
- ``pekerjaan_tugas``: the body of a Celery task around a service (time limit, transient errors
  retried, anything else a readable message, a delivery that found the row held retried later
  so a killed render is taken over).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import timedelta

from django.core.files import File
from django.db import DatabaseError, OperationalError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ANTRI, DIPROSES, SELESAI, GAGAL = "antri", "diproses", "selesai", "gagal"


class PekerjaanBerkas(models.Model):
    """The columns every rendering job shares (abstract). A model adds its own ``status``
    (a ``PilihanBerwarna`` with at least antri/diproses/selesai/gagal), ``berkas``, ``ukuran``
    and who asked for it."""

    progres = models.PositiveSmallIntegerField(_("progres (%)"), default=0)
    tahap = models.CharField(_("tahap"), max_length=100, blank=True)
    diminta_pada = models.DateTimeField(_("diminta pada"), auto_now_add=True)
    mulai_pada = models.DateTimeField(_("mulai diproses"), null=True, blank=True)
    detak = models.DateTimeField(_("tanda hidup terakhir"), null=True, blank=True)
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    percobaan = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    jumlah_halaman = models.PositiveIntegerField(_("jumlah halaman"), null=True, blank=True)
    pesan_galat = models.TextField(_("pesan kesalahan"), blank=True)

    class Meta:
        abstract = True

    @property
    def status_teks(self) -> str:
        """The status as shown: a job being rendered shows how far it is."""
        if self.status == DIPROSES:
            return f"{self.get_status_display()} {self.progres}%"
        return self.get_status_display()

    @property
    def sedang_berjalan(self) -> bool:
        return self.status in (ANTRI, DIPROSES)


def pekerjaan_claim(model, *, pk: int, basi: timedelta) -> bool:
    """Claim the row for rendering. False when there is nothing to do: the row is done, or
    another live render holds it (a duplicate delivery)."""
    now = timezone.now()
    if model.objects.filter(pk=pk, status=ANTRI).update(
        status=DIPROSES, mulai_pada=now, detak=now, percobaan=F("percobaan") + 1
    ):
        return True
    return bool(
        model.objects.filter(pk=pk, status=DIPROSES, detak__lt=now - basi).update(
            detak=now,
            percobaan=F("percobaan") + 1,
            tahap="Dilanjutkan setelah proses sebelumnya terhenti",
        )
    )


def pekerjaan_progress_update(model, *, pk: int, progres: int, tahap: str) -> None:
    model.objects.filter(pk=pk, status=DIPROSES).update(
        progres=max(0, min(100, int(progres))), tahap=tahap[:100], detak=timezone.now()
    )


def pekerjaan_fail(model, *, pk: int, pesan: str) -> None:
    model.objects.filter(pk=pk, status__in=[ANTRI, DIPROSES]).update(
        status=GAGAL, pesan_galat=pesan[:2000], selesai_pada=timezone.now(), tahap="Gagal"
    )


def sha256_berkas(berkas) -> tuple[str, int]:
    """SHA-256 and size of an open binary file, read in 1 MB chunks from its start."""
    h = hashlib.sha256()
    ukuran = 0
    berkas.seek(0)
    while chunk := berkas.read(1 << 20):
        h.update(chunk)
        ukuran += len(chunk)
    berkas.seek(0)
    return h.hexdigest(), ukuran


def pekerjaan_selesai(model, *, pk: int, nama: str, berkas, **kolom):
    """Store ``berkas`` (an open binary file) on the claimed row with its SHA-256 and size and
    mark it selesai. A row taken over or ended meanwhile is left as it is. Returns the row."""
    sha, ukuran = sha256_berkas(berkas)
    with transaction.atomic():
        obj = model.objects.select_for_update().get(pk=pk)
        if obj.status != DIPROSES:
            return obj
        obj.berkas.save(nama, File(berkas, name=nama), save=False)
        obj.sha256 = sha
        obj.ukuran = ukuran
        for nama_kolom, nilai in kolom.items():
            setattr(obj, nama_kolom, nilai)
        obj.status = SELESAI
        obj.progres = 100
        obj.tahap = "Selesai"
        obj.selesai_pada = timezone.now()
        obj.pesan_galat = ""
        obj.save()
    return obj


def pekerjaan_tugas(
    task,
    *,
    model,
    pk: int,
    kerjakan: Callable[[], object | None],
    label: str,
    basi: timedelta,
    soft_limit: int,
    maks_percobaan: int,
) -> str:
    """Run ``kerjakan`` (the service; None = the row could not be claimed) inside the bound
    Celery ``task``; returns the row's status, or "dilewati" when there was nothing to do."""
    from celery.exceptions import SoftTimeLimitExceeded

    try:
        hasil = kerjakan()
    except SoftTimeLimitExceeded:
        pekerjaan_fail(
            model,
            pk=pk,
            pesan=f"Penyusunan {label} melebihi batas waktu {soft_limit} detik dan dihentikan.",
        )
        return GAGAL
    except (OperationalError, DatabaseError, OSError) as exc:  # transient: database/disk
        if task.request.retries >= maks_percobaan:
            pekerjaan_fail(
                model, pk=pk, pesan=f"Gagal menyusun {label}: {exc.__class__.__name__}: {exc}"
            )
            return GAGAL
        model.objects.filter(pk=pk, status=DIPROSES).update(
            status=ANTRI, tahap="Dicoba ulang setelah gangguan sementara"
        )
        raise task.retry(exc=exc, countdown=10) from exc
    except Exception as exc:  # anything else: readable message, no retry
        pekerjaan_fail(
            model, pk=pk, pesan=f"Gagal menyusun {label}: {exc.__class__.__name__}: {exc}"
        )
        return GAGAL
    if hasil is None:
        # Not claimed: done already, or held by a render that may have died. Look again later
        # while it is still diproses, so a killed render is taken over (or marked gagal).
        status = model.objects.filter(pk=pk).values_list("status", flat=True).first()
        if status == DIPROSES and task.request.retries < maks_percobaan + 2:
            raise task.retry(countdown=int(basi.total_seconds()) + 2)
        return "dilewati"
    return hasil.status
