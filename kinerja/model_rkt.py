"""Rencana Kinerja Tahunan (RKT): the yearly plan (sasaran, indikator, target of the year).

- ``RencanaKinerjaTahunan``: the document of one year, composed from the Renstra covering the
  year. Draft → ditetapkan (frozen) → diganti (by a later revision, which needs a reason).
- ``RKTBaris``: one indikator with the year's target. ``target_renstra``/``target_renstra_atas``
  are copied from the Renstra when the row is created, so the document shows "Renstra vs RKT";
  a target that differs from the Renstra's carries the reason of that change.

The PK of the year copies its targets from the ditetapkan RKT (``services.perencanaan.pk_create``).
Written only through ``kinerja.services.rkt``; every change is in the history and audit trail.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpu_site.status import PilihanBerwarna, nonmember

from .model_revisi import revisi_constraints

ANGKA = {"max_digits": 18, "decimal_places": 4}


class RencanaKinerjaTahunan(models.Model):
    """The RKT of one year (one revision). Ditetapkan = frozen; a change is a new revision."""

    class Status(PilihanBerwarna):
        DRAFT = "draft", _("Draft")
        DITETAPKAN = "ditetapkan", _("Ditetapkan")
        DIGANTI = "diganti", _("Diganti revisi berikutnya")

        WARNA = nonmember({"draft": "warning", "ditetapkan": "success", "diganti": "secondary"})

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    revisi = models.PositiveSmallIntegerField(_("revisi"), default=0)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.DRAFT
    )
    alasan_perubahan = models.TextField(_("alasan perubahan"), blank=True)
    nomor = models.CharField(_("nomor penetapan"), max_length=150, blank=True)
    tanggal = models.DateField(_("tanggal penetapan"), null=True, blank=True)
    tempat = models.CharField(_("tempat"), max_length=100, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ditetapkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditetapkan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ditetapkan_pada = models.DateTimeField(_("ditetapkan pada"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rencana kinerja tahunan")
        verbose_name_plural = _("rencana kinerja tahunan")
        ordering = ["-tahun", "-revisi"]
        constraints = revisi_constraints(
            "kinerja_rencanakinerjatahunan", ["tahun"], berlaku="ditetapkan"
        )

    def __str__(self) -> str:
        if self.revisi:
            return f"RKT {self.tahun} (perubahan ke-{self.revisi})"
        return f"RKT {self.tahun}"

    @property
    def terkunci(self) -> bool:
        return self.status != self.Status.DRAFT


class RKTBaris(models.Model):
    """One row of an RKT: an indikator, its Renstra target and the target of the year."""

    rkt = models.ForeignKey(
        RencanaKinerjaTahunan,
        verbose_name=_("rencana kinerja tahunan"),
        on_delete=models.CASCADE,
        related_name="baris",
    )
    indikator = models.ForeignKey(
        "kinerja.Indikator",
        verbose_name=_("indikator"),
        on_delete=models.PROTECT,
        related_name="baris_rkt",
    )
    target = models.DecimalField(_("target"), **ANGKA)
    target_atas = models.DecimalField(_("batas atas"), null=True, blank=True, **ANGKA)
    target_renstra = models.DecimalField(_("target renstra"), **ANGKA)
    target_renstra_atas = models.DecimalField(
        _("batas atas target renstra"), null=True, blank=True, **ANGKA
    )
    alasan_perubahan = models.TextField(_("alasan perubahan target"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("baris rencana kinerja tahunan")
        verbose_name_plural = _("baris rencana kinerja tahunan")
        ordering = ["indikator__sasaran__nomor", "indikator__kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["rkt", "indikator"], name="kinerja_rktbaris_indikator_unik"
            ),
            models.CheckConstraint(
                condition=Q(target_atas__isnull=True) | Q(target_atas__gte=F("target")),
                name="kinerja_rktbaris_rentang_urut",
            ),
            models.CheckConstraint(
                condition=(
                    Q(target=F("target_renstra"))
                    & (
                        Q(target_atas=F("target_renstra_atas"))
                        | Q(target_atas__isnull=True, target_renstra_atas__isnull=True)
                    )
                )
                | ~Q(alasan_perubahan=""),
                name="kinerja_rktbaris_beda_beralasan",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rkt} · {self.indikator.kode}"

    @property
    def beda_renstra(self) -> bool:
        return self.target != self.target_renstra or self.target_atas != self.target_renstra_atas
