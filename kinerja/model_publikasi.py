"""Publication (issue 18, item 6): the documents the satker shows on its public page.

``Publikasi`` is one published document: the file bytes frozen as they were published (with
their SHA-256), the source record where there is one (a generic reference: the PK, the RKT, the
final LKj…), who published it and when (the LKE asks whether reports were published on time),
and its withdrawal (reason, date). Written only through ``kinerja.services.publikasi``; the
file lives in the default storage under ``publikasi/`` and is served only by the public
download view, never through a media URL.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def _lokasi_publikasi(instance, filename: str) -> str:
    return f"publikasi/{instance.tahun}/{filename}"


class Publikasi(models.Model):
    """One document published on the public page."""

    class Jenis(models.TextChoices):
        RENSTRA = "renstra", _("Renstra")
        IKU = "iku", _("IKU")
        MANUAL_IKU = "manual_iku", _("Manual IKU")
        PK = "pk", _("Perjanjian Kinerja Sekretaris")
        PK_UNIT = "pk_unit", _("Perjanjian Kinerja sub-bagian")
        RKT = "rkt", _("Rencana Kinerja Tahunan")
        LKJ = "lkj", _("Laporan Kinerja")
        PENGUMUMAN_REKRUTMEN = "pengumuman_rekrutmen", _("Pengumuman rekrutmen")
        LAINNYA = "lainnya", _("Lainnya")

    jenis = models.CharField(_("jenis"), max_length=25, choices=Jenis.choices)
    judul = models.CharField(_("judul"), max_length=200)
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("jenis sumber"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(_("id sumber"), null=True, blank=True)
    sumber = GenericForeignKey("content_type", "object_id")
    berkas = models.FileField(_("berkas"), upload_to=_lokasi_publikasi, max_length=200)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    ukuran = models.PositiveIntegerField(_("ukuran (bita)"))
    diterbitkan_pada = models.DateTimeField(_("diterbitkan pada"))
    diterbitkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diterbitkan oleh"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    ditarik = models.BooleanField(_("ditarik"), default=False)
    ditarik_alasan = models.TextField(_("alasan penarikan"), blank=True)
    ditarik_pada = models.DateTimeField(_("ditarik pada"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("publikasi")
        verbose_name_plural = _("publikasi")
        ordering = ["-tahun", "jenis", "judul"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ditarik=False)
                | (Q(ditarik_pada__isnull=False) & ~Q(ditarik_alasan="")),
                name="kinerja_publikasi_tarik_beralasan",
            ),
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(ditarik=False, content_type__isnull=False),
                name="kinerja_publikasi_sumber_sekali",
            ),
        ]

    def __str__(self) -> str:
        return self.judul
