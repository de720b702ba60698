"""IKU (indikator kinerja utama) and the Manual IKU.

- ``KeputusanIku``: the decree that sets the satker's IKU for one Renstra period (nomor, tanggal,
  tentang), with ``IkuIndikator`` rows naming which indikator of that Renstra are IKU.
- ``ManualIndikator``: the manual of one indikator (definisi, tujuan, formula in words, sumber
  data, unit penanggung jawab, frekuensi pengumpulan, jenis). The capaian rule (higher, lower,
  range) and the satuan are the indikator's own (``Indikator.arah``/``satuan``): shown in the
  manual, never stored twice.

Written only through ``kinerja.services.iku``; every change is in the history and audit trail.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

#: The longest text of a manual field (a paragraph or two).
PANJANG_URAIAN = 2000


class KeputusanIku(models.Model):
    """The decree setting the IKU of one Renstra period."""

    renstra = models.OneToOneField(
        "kinerja.Renstra",
        verbose_name=_("renstra"),
        on_delete=models.PROTECT,
        related_name="keputusan_iku",
    )
    nomor = models.CharField(_("nomor keputusan"), max_length=150)
    tanggal = models.DateField(_("tanggal keputusan"))
    tentang = models.CharField(_("tentang"), max_length=300)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("keputusan IKU")
        verbose_name_plural = _("keputusan IKU")
        ordering = ["-renstra__tahun_mulai"]

    def __str__(self) -> str:
        return f"Keputusan IKU {self.renstra}"


class IkuIndikator(models.Model):
    """An indikator named as IKU by a decree."""

    keputusan = models.ForeignKey(
        KeputusanIku,
        verbose_name=_("keputusan IKU"),
        on_delete=models.CASCADE,
        related_name="baris",
    )
    indikator = models.ForeignKey(
        "kinerja.Indikator",
        verbose_name=_("indikator"),
        on_delete=models.PROTECT,
        related_name="iku",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indikator kinerja utama")
        verbose_name_plural = _("indikator kinerja utama")
        ordering = ["indikator__sasaran__nomor", "indikator__kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["keputusan", "indikator"], name="kinerja_ikuindikator_unik"
            )
        ]

    def __str__(self) -> str:
        return f"IKU {self.indikator.kode}"


class ManualIndikator(models.Model):
    """The manual of one indikator kinerja."""

    class Frekuensi(models.TextChoices):
        BULANAN = "bulanan", _("Bulanan")
        TRIWULANAN = "triwulanan", _("Triwulanan")
        SEMESTERAN = "semesteran", _("Semesteran")
        TAHUNAN = "tahunan", _("Tahunan")

    class Jenis(models.TextChoices):
        INPUT = "input", _("Input")
        OUTPUT = "output", _("Output")
        OUTCOME = "outcome", _("Outcome")

    indikator = models.OneToOneField(
        "kinerja.Indikator",
        verbose_name=_("indikator"),
        on_delete=models.CASCADE,
        related_name="manual",
    )
    definisi = models.TextField(_("definisi"), max_length=PANJANG_URAIAN, blank=True)
    tujuan = models.TextField(_("tujuan"), max_length=PANJANG_URAIAN, blank=True)
    formula = models.TextField(_("formula"), max_length=PANJANG_URAIAN, blank=True)
    sumber_data = models.TextField(_("sumber data"), max_length=PANJANG_URAIAN, blank=True)
    unit_penanggung_jawab = models.ForeignKey(
        "sekretariat.UnitOrganisasi",
        verbose_name=_("unit penanggung jawab"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="manual_indikator",
    )
    frekuensi = models.CharField(
        _("frekuensi pengumpulan"), max_length=12, choices=Frekuensi.choices, blank=True
    )
    jenis = models.CharField(_("jenis indikator"), max_length=10, choices=Jenis.choices, blank=True)
    history = HistoricalRecords()

    #: The fields a complete manual has filled, in the order the manual prints them.
    WAJIB = (
        "definisi",
        "tujuan",
        "formula",
        "sumber_data",
        "unit_penanggung_jawab",
        "frekuensi",
        "jenis",
    )

    class Meta:
        verbose_name = _("manual indikator")
        verbose_name_plural = _("manual indikator")
        ordering = ["indikator__sasaran__nomor", "indikator__kode"]

    def __str__(self) -> str:
        return f"Manual {self.indikator.kode}"
