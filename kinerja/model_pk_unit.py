"""The Perjanjian Kinerja of each sub-bagian (issue 17, item 4).

``PerjanjianKinerjaUnit`` is the PK between the Kasubag of one sub-bagian (pihak pertama) and
the Sekretaris (pihak kedua) for a year; its rows (``PKUnitBaris``) are the indikator of the
sub-bagian's nodes of the performance tree (``IndikatorUnit``) with their targets. As the
Sekretaris's PK (``PerjanjianKinerja``): one draft and one signed PK per unit and year, signed
= frozen, a change is a new revision with a reason, the earlier signed one becomes ``diganti``.

Written only through ``kinerja.services.pk_unit``; every change is in the history and audit
trail.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .model_revisi import revisi_constraints
from .models import ANGKA, PerjanjianKinerja  # defined before kinerja.models imports this module


class PerjanjianKinerjaUnit(models.Model):
    """The yearly PK of a Kasubag with the Sekretaris. Signed = frozen; a change is a revision."""

    Status = PerjanjianKinerja.Status

    unit = models.ForeignKey(
        "sekretariat.UnitOrganisasi",
        verbose_name=_("sub bagian"),
        on_delete=models.PROTECT,
        related_name="perjanjian_kinerja",
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    revisi = models.PositiveSmallIntegerField(_("revisi"), default=0)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.DRAFT
    )
    alasan_perubahan = models.TextField(_("alasan perubahan"), blank=True)
    pihak_pertama_nama = models.CharField(_("pihak pertama"), max_length=150, blank=True)
    pihak_pertama_jabatan = models.CharField(_("jabatan pihak pertama"), max_length=200, blank=True)
    pihak_kedua_nama = models.CharField(_("pihak kedua"), max_length=150, blank=True)
    pihak_kedua_jabatan = models.CharField(_("jabatan pihak kedua"), max_length=200, blank=True)
    tempat = models.CharField(_("tempat"), max_length=100, blank=True)
    tanggal = models.DateField(_("tanggal"), null=True, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ditandatangani_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditandatangani (dicatat) oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ditandatangani_pada = models.DateTimeField(_("dicatat ditandatangani pada"), null=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("perjanjian kinerja sub bagian")
        verbose_name_plural = _("perjanjian kinerja sub bagian")
        ordering = ["-tahun", "unit__urutan", "-revisi"]
        constraints = [
            *revisi_constraints(
                "kinerja_perjanjiankinerjaunit", ["unit", "tahun"], berlaku="ditandatangani"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "ditandatangani", "diganti"]),
                name="kinerja_perjanjiankinerjaunit_status_sah",
            ),
        ]

    def __str__(self) -> str:
        nama = f"PK {self.unit} {self.tahun}"
        return f"{nama} (perubahan ke-{self.revisi})" if self.revisi else nama

    @property
    def terkunci(self) -> bool:
        return self.status != self.Status.DRAFT


class PKUnitBaris(models.Model):
    """One row of a sub-bagian's PK: an indikator of its performance tree and its target."""

    perjanjian = models.ForeignKey(
        PerjanjianKinerjaUnit,
        verbose_name=_("perjanjian kinerja sub bagian"),
        on_delete=models.CASCADE,
        related_name="baris",
    )
    indikator = models.ForeignKey(
        "kinerja.IndikatorUnit",
        verbose_name=_("indikator"),
        on_delete=models.PROTECT,
        related_name="baris_pk",
    )
    target = models.DecimalField(_("target"), **ANGKA)
    target_atas = models.DecimalField(_("batas atas"), null=True, blank=True, **ANGKA)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("baris perjanjian kinerja sub bagian")
        verbose_name_plural = _("baris perjanjian kinerja sub bagian")
        ordering = ["indikator__sasaran_unit__kode", "indikator__kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["perjanjian", "indikator"], name="kinerja_pkunitbaris_indikator_unik"
            ),
            models.CheckConstraint(
                condition=Q(target_atas__isnull=True) | Q(target_atas__gte=F("target")),
                name="kinerja_pkunitbaris_rentang_urut",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.perjanjian} · {self.indikator.kode}"
