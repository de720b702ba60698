"""Writes of a recruitment's documents: request (idempotent), render (the Celery task
``badan_adhoc.tasks.dokumen_render`` on the ``dokumen`` queue, or in-process without a broker),
publish, log a download. The job steps shared with the LKj are ``kpu_site.pekerjaan``'s."""

from __future__ import annotations

import logging
import tempfile
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from kpu_site.audit import jejak_catat
from kpu_site.pekerjaan import (
    pekerjaan_claim,
    pekerjaan_fail,
    pekerjaan_progress_update,
    pekerjaan_selesai,
)
from kpu_site.services import unduhan_record

from ..akses import pastikan_boleh_kelola
from ..models import Rekrutmen
from .jenis import dokumen_kunci, jenis_get
from .models import DokumenRekrutmen

log = logging.getLogger(__name__)

MAKS_PERCOBAAN = 3

# What ``badan_adhoc.pengumuman`` reports, as the progress bar shows it.
TAHAP_TEKS = {
    "data": "Membaca data pendaftar",
    "html": "Menyusun halaman",
    "pdf": "Membuat PDF",
    "xlsx": "Menulis Excel",
    "selesai": "Menyimpan berkas",
}


def detak_basi() -> timedelta:
    """A render silent for this long is taken as dead (``DOKUMEN_DETAK_BASI_DETIK``)."""
    return timedelta(seconds=settings.DOKUMEN_DETAK_BASI_DETIK)


@transaction.atomic
def dokumen_request(
    *, rekrutmen: Rekrutmen, jenis: str, parameter: dict, pengguna, antrekan: bool = True
) -> tuple[DokumenRekrutmen, bool]:
    """Ask for a document: ``(dokumen, baru)``. When the same document over the same applicant
    data is finished or still being rendered, that row comes back (``baru`` False) and nothing
    is rendered again; a failed one is rendered anew. Staff of the recruitment only."""
    pastikan_boleh_kelola(pengguna)
    kind = jenis_get(jenis)
    parameter = kind.parameter(rekrutmen, parameter or {})
    # Lock the recruitment: its applicant-data version cannot move under us, and two requests
    # for the same document are serialised.
    versi = (
        Rekrutmen.objects.select_for_update()
        .filter(pk=rekrutmen.pk)
        .values_list("pendaftar_versi", flat=True)
        .get()
    )
    kunci = dokumen_kunci(
        rekrutmen_id=rekrutmen.pk, jenis=jenis, parameter=parameter, pendaftar_versi=versi
    )
    ada = DokumenRekrutmen.objects.filter(kunci=kunci).exclude(status="gagal").first()
    if ada is not None:
        return ada, False
    try:
        with transaction.atomic():
            dokumen = DokumenRekrutmen.objects.create(
                rekrutmen=rekrutmen,
                jenis=jenis,
                parameter=parameter,
                judul=kind.judul(rekrutmen, parameter)[:300],
                kunci=kunci,
                pendaftar_versi=versi,
                diminta_oleh=pengguna if getattr(pengguna, "pk", None) else None,
                tahap="Menunggu giliran",
            )
    except IntegrityError:  # the same request committed meanwhile
        return DokumenRekrutmen.objects.exclude(status="gagal").get(kunci=kunci), False
    if antrekan:
        from .. import tasks  # the task module imports this one

        transaction.on_commit(lambda: tasks.dokumen_render.delay(dokumen.pk))
    return dokumen, True


def dokumen_claim(*, dokumen_id: int) -> bool:
    """Claim the row for rendering; False for a duplicate delivery or a finished row (a row
    left diproses by a killed worker is taken over after ``detak_basi()``)."""
    return pekerjaan_claim(DokumenRekrutmen, pk=dokumen_id, basi=detak_basi())


def dokumen_progress_update(*, dokumen_id: int, progres: int, tahap: str) -> None:
    pekerjaan_progress_update(DokumenRekrutmen, pk=dokumen_id, progres=progres, tahap=tahap)


def dokumen_fail(*, dokumen_id: int, pesan: str) -> None:
    pekerjaan_fail(DokumenRekrutmen, pk=dokumen_id, pesan=pesan)


def nama_berkas(dokumen: DokumenRekrutmen) -> str:
    """``pengumuman-pdf-pps-2024-administrasi-12.pdf`` (kind, recruitment, parameters, id)."""
    kind = jenis_get(dokumen.jenis)
    bagian = [dokumen.jenis.replace("_", "-"), dokumen.rekrutmen.kode]
    bagian += [str(v) for _k, v in sorted(dokumen.parameter.items()) if v not in (None, "")]
    return f"{'-'.join(bagian)}-{dokumen.pk}.{kind.ekstensi}"


def dokumen_render(*, dokumen_id: int) -> DokumenRekrutmen | None:
    """Render a claimed document into a temporary file and store it with its SHA-256. None
    when the row could not be claimed (nothing done). A data problem (``ValidationError``)
    marks it gagal with its message; other exceptions propagate to the task."""
    if not dokumen_claim(dokumen_id=dokumen_id):
        return None
    dokumen = DokumenRekrutmen.objects.select_related("rekrutmen").get(pk=dokumen_id)
    if dokumen.percobaan > MAKS_PERCOBAAN:
        dokumen_fail(
            dokumen_id=dokumen_id,
            pesan=f"Penyusunan dokumen terhenti {MAKS_PERCOBAAN} kali (proses pekerja dihentikan "
            "atau melewati batas waktu). Coba minta ulang; bila berulang, hubungi Admin.",
        )
        return DokumenRekrutmen.objects.get(pk=dokumen_id)
    kind = jenis_get(dokumen.jenis)

    def progres(persen: int, tahap: str) -> None:
        teks = TAHAP_TEKS.get(tahap, tahap)
        dokumen_progress_update(dokumen_id=dokumen_id, progres=min(persen, 99), tahap=teks)

    with tempfile.TemporaryFile() as berkas:
        try:
            meta = kind.fungsi(dokumen, berkas, progres) or {}
        except ValidationError as exc:
            dokumen_fail(dokumen_id=dokumen_id, pesan=" ".join(exc.messages))
            return DokumenRekrutmen.objects.get(pk=dokumen_id)
        meta = dict(meta)
        dokumen = pekerjaan_selesai(
            DokumenRekrutmen,
            pk=dokumen_id,
            nama=nama_berkas(dokumen),
            berkas=berkas,
            jumlah_halaman=meta.pop("jumlah_halaman", None),
            meta=meta,
        )
    from .penomoran import nomor_bekukan

    nomor_bekukan(dokumen)
    log.info("Dokumen %s (%s): %s bita", dokumen.pk, dokumen.jenis, dokumen.ukuran)
    return dokumen


@transaction.atomic
def dokumen_publish(*, dokumen: DokumenRekrutmen, pengguna) -> DokumenRekrutmen:
    """Publish a finished announcement on ``/publik/pengumuman/`` (staff of the recruitment).
    Only an issued document (with its number, ``penomoran.dokumen_terbitkan_bernomor``).
    Its file is what the public downloads, never rendered again. An earlier publication of the
    same document (kind and parameters) is marked replaced by this one. Audited."""
    pastikan_boleh_kelola(pengguna)
    dokumen = DokumenRekrutmen.objects.select_for_update().get(pk=dokumen.pk)
    if not jenis_get(dokumen.jenis).publik:
        raise ValidationError(
            f"{dokumen.judul} memuat data pribadi (NIK) dan tidak dapat diterbitkan."
        )
    if not dokumen.dapat_diunduh:
        raise ValidationError(
            f"Hanya dokumen yang selesai disusun yang dapat diterbitkan (status sekarang: "
            f"{dokumen.get_status_display()})."
        )
    if dokumen.terbit:
        raise ValidationError(f"{dokumen.judul} sudah diterbitkan.")
    from .model_nomor import NomorDokumen

    if not NomorDokumen.objects.filter(dokumen_id=dokumen.pk).exists():
        raise ValidationError(
            f"{dokumen.judul} belum bernomor: hanya dokumen yang sudah diterbitkan bernomor "
            "(nomor, tanggal dan penandatangan resmi) yang dapat diumumkan di halaman publik."
        )
    dokumen.diterbitkan_pada = timezone.now()
    dokumen.diterbitkan_oleh = pengguna if getattr(pengguna, "pk", None) else None
    dokumen.save(update_fields=["diterbitkan_pada", "diterbitkan_oleh"])
    DokumenRekrutmen.objects.filter(
        rekrutmen_id=dokumen.rekrutmen_id,
        jenis=dokumen.jenis,
        parameter=dokumen.parameter,
        diterbitkan_pada__isnull=False,
        diganti_oleh__isnull=True,
    ).exclude(pk=dokumen.pk).update(diganti_oleh=dokumen)
    jejak_catat(
        pengguna=pengguna,
        aksi="alur",
        objek=dokumen,
        ringkasan=f"{dokumen.judul} diterbitkan (SHA-256 {dokumen.sha256}).",
    )
    return dokumen


def dokumen_unduhan_record(*, dokumen: DokumenRekrutmen, pengguna) -> None:
    """Every staff download is in the audit trail: who, when, which file."""
    unduhan_record(
        pengguna=pengguna,
        objek=dokumen,
        ringkasan=f"Unduh {dokumen.judul} ({jenis_get(dokumen.jenis).label}, SHA-256 {dokumen.sha256[:12]}…)",
    )
