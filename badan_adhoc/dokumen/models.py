"""The model of a recruitment's rendered documents (imported by ``badan_adhoc.models``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kpu_site.pekerjaan import PekerjaanBerkas
from kpu_site.status import PilihanBerwarna, nonmember


def _lokasi_dokumen(instance, filename: str) -> str:
    return f"dokumen_rekrutmen/{instance.rekrutmen_id}/{filename}"


class DokumenRekrutmen(PekerjaanBerkas):
    """One document of a recruitment rendered in the background (a job: antri → diproses →
    selesai | gagal) and its stored file. ``kunci`` identifies what it renders (kind,
    parameters and the applicant data's version ``Rekrutmen.pendaftar_versi``): asking again
    for the same document while the data did not change gives back this row. A finished
    document without personal data may be published (``diterbitkan_pada``); its file never
    changes afterwards."""

    class Status(PilihanBerwarna):
        ANTRI = "antri", _("Antri")
        DIPROSES = "diproses", _("Diproses")
        SELESAI = "selesai", _("Selesai")
        GAGAL = "gagal", _("Gagal")

        WARNA = nonmember(
            {"antri": "secondary", "diproses": "info", "selesai": "success", "gagal": "danger"}
        )

    rekrutmen = models.ForeignKey(
        "badan_adhoc.Rekrutmen",
        verbose_name=_("rekrutmen"),
        on_delete=models.PROTECT,
        related_name="dokumen",
    )
    # Not a choices field: kinds are registered in code (``badan_adhoc.dokumen.jenis``), so a
    # new kind needs no migration.
    jenis = models.CharField(_("jenis"), max_length=40)
    parameter = models.JSONField(_("parameter"), default=dict, blank=True)
    judul = models.CharField(_("judul"), max_length=300)
    kunci = models.CharField(_("kunci"), max_length=64, db_index=True)
    pendaftar_versi = models.PositiveIntegerField(_("versi data pendaftar"), default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ANTRI
    )
    diminta_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diminta oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    berkas = models.FileField(_("berkas"), upload_to=_lokasi_dokumen, max_length=200, blank=True)
    ukuran = models.PositiveBigIntegerField(_("ukuran (bita)"), null=True, blank=True)
    meta = models.JSONField(_("keterangan hasil"), default=dict, blank=True)
    diterbitkan_pada = models.DateTimeField(_("diterbitkan pada"), null=True, blank=True)
    diterbitkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diterbitkan oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    diganti_oleh = models.ForeignKey(
        "self",
        verbose_name=_("diganti oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Terbitan yang lebih baru dari dokumen yang sama."),
    )

    class Meta:
        app_label = "badan_adhoc"
        verbose_name = _("dokumen rekrutmen")
        verbose_name_plural = _("dokumen rekrutmen")
        ordering = ["-diminta_pada", "-pk"]
        indexes = [
            models.Index(
                fields=["rekrutmen", "-diminta_pada"], name="badan_adhoc_dokrek_rekrutmen"
            ),
            models.Index(
                fields=["-diterbitkan_pada"],
                condition=models.Q(diterbitkan_pada__isnull=False),
                name="badan_adhoc_dokrek_terbit",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["kunci"],
                condition=~models.Q(status="gagal"),
                name="badan_adhoc_dokumenrekrutmen_kunci_unik",
            ),
            models.CheckConstraint(
                condition=models.Q(progres__lte=100),
                name="badan_adhoc_dokumenrekrutmen_progres_maks",
            ),
            models.CheckConstraint(
                condition=models.Q(diterbitkan_pada__isnull=True) | models.Q(status="selesai"),
                name="badan_adhoc_dokumenrekrutmen_terbit_selesai",
            ),
        ]

    def __str__(self) -> str:
        return self.judul

    @property
    def dapat_diunduh(self) -> bool:
        return self.status == self.Status.SELESAI and bool(self.berkas)

    @property
    def terbit(self) -> bool:
        return self.diterbitkan_pada is not None
