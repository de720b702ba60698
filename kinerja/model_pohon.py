"""The performance tree (pohon kinerja) below the sasaran strategis (issue 17, item 2).

- ``SasaranUnit``: a node of the cascade under a Renstra. At the ``sub_bagian`` level it is a
  sasaran of one sub-bagian (the Kasubag's), supporting one sasaran strategis of the
  Sekretaris (``mendukung_sasaran``); at the ``kegiatan_staf`` level it is an activity of the
  staff of that sub-bagian, supporting another node (``mendukung_unit``). A node supports at
  most one higher node; a node that supports nothing is allowed (a draft) and shows as a
  finding. The node is valid for the years ``tahun_mulai``–``tahun_selesai`` inside its
  Renstra period, so the tree is kept over years.
- ``IndikatorUnit``: an indikator of a node, with the same unit/direction/precision attributes
  as ``Indikator`` (the target checks and capaian rule take either).
- ``TargetIndikatorUnit``: its target for one year of the Renstra period; the PK of the Kasubag
  copies its rows from these.

Written only through ``kinerja.services.pohon``; every change is in the history and audit trail.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .models import Indikator  # defined before kinerja.models imports this module

ANGKA = {"max_digits": 18, "decimal_places": 4}


class SasaranUnit(models.Model):
    """A sasaran of a sub-bagian or an activity of its staff, in the performance tree."""

    class Tingkat(models.TextChoices):
        SUB_BAGIAN = "sub_bagian", _("Sasaran sub bagian (Kasubag)")
        KEGIATAN_STAF = "kegiatan_staf", _("Kegiatan staf")

    renstra = models.ForeignKey(
        "kinerja.Renstra",
        verbose_name=_("renstra"),
        on_delete=models.PROTECT,
        related_name="sasaran_unit",
    )
    tingkat = models.CharField(_("tingkat"), max_length=15, choices=Tingkat.choices)
    unit = models.ForeignKey(
        "sekretariat.UnitOrganisasi",
        verbose_name=_("sub bagian"),
        on_delete=models.PROTECT,
        related_name="sasaran_unit",
    )
    kode = models.CharField(_("kode"), max_length=20)
    uraian = models.TextField(_("uraian"))
    mendukung_sasaran = models.ForeignKey(
        "kinerja.Sasaran",
        verbose_name=_("mendukung sasaran strategis"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sasaran_unit",
    )
    mendukung_unit = models.ForeignKey(
        "self",
        verbose_name=_("mendukung sasaran/kegiatan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pendukung",
    )
    tahun_mulai = models.PositiveSmallIntegerField(_("berlaku dari tahun"))
    tahun_selesai = models.PositiveSmallIntegerField(_("berlaku sampai tahun"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sasaran unit (pohon kinerja)")
        verbose_name_plural = _("sasaran unit (pohon kinerja)")
        ordering = ["renstra", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["renstra", "kode"], name="kinerja_sasaranunit_kode_unik"
            ),
            models.CheckConstraint(
                condition=Q(mendukung_sasaran__isnull=True) | Q(mendukung_unit__isnull=True),
                name="kinerja_sasaranunit_satu_induk",
            ),
            models.CheckConstraint(
                condition=Q(tahun_mulai__lte=F("tahun_selesai")),
                name="kinerja_sasaranunit_tahun_urut",
            ),
            models.CheckConstraint(
                condition=Q(tingkat__in=["sub_bagian", "kegiatan_staf"]),
                name="kinerja_sasaranunit_tingkat_sah",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian[:60]}"

    @property
    def induk(self):
        """The node this one supports (a Sasaran or a SasaranUnit), or None."""
        return self.mendukung_sasaran or self.mendukung_unit


class IndikatorUnit(models.Model):
    """An indikator of a node of the performance tree."""

    sasaran_unit = models.ForeignKey(
        SasaranUnit,
        verbose_name=_("sasaran unit"),
        on_delete=models.PROTECT,
        related_name="indikator",
    )
    kode = models.CharField(_("kode"), max_length=20)
    uraian = models.TextField(_("uraian"))
    satuan = models.CharField(_("satuan"), max_length=10, choices=Indikator.Satuan.choices)
    arah = models.CharField(
        _("arah"), max_length=10, choices=Indikator.Arah.choices, default=Indikator.Arah.NAIK
    )
    presisi = models.PositiveSmallIntegerField(_("jumlah desimal"), default=2)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indikator sasaran unit")
        verbose_name_plural = _("indikator sasaran unit")
        ordering = ["sasaran_unit__kode", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["sasaran_unit", "kode"], name="kinerja_indikatorunit_kode_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian[:60]}"

    #: Units that count things: whole numbers only (as ``Indikator``).
    SATUAN_CACAH = Indikator.SATUAN_CACAH


class TargetIndikatorUnit(models.Model):
    """The target of an IndikatorUnit for one year of the Renstra period."""

    indikator = models.ForeignKey(
        IndikatorUnit,
        verbose_name=_("indikator"),
        on_delete=models.CASCADE,
        related_name="target_tahunan",
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    target = models.DecimalField(_("target"), **ANGKA)
    target_atas = models.DecimalField(_("batas atas"), null=True, blank=True, **ANGKA)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target indikator sasaran unit")
        verbose_name_plural = _("target indikator sasaran unit")
        ordering = ["indikator", "tahun"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun"], name="kinerja_targetindikatorunit_tahun_unik"
            ),
            models.CheckConstraint(
                condition=Q(target_atas__isnull=True) | Q(target_atas__gte=F("target")),
                name="kinerja_targetindikatorunit_rentang_urut",
            ),
        ]

    def __str__(self) -> str:
        return f"Target {self.tahun} {self.indikator.kode}"
