"""Rencana Aksi of a PK and its quarterly monitoring (issue 17, item 5).

- ``RencanaAksi``: per line (indikator) of a PK, the quarterly targets TW I–IV and the
  sub-bagian responsible; its ``AksiRencana`` rows are the actions of the year, each in the
  quarter it is planned for.
- ``MonitoringRencanaAksi``: the quarterly monitoring report of a year (draft → signed by the
  Sekretaris → replaced by a revision with a reason); its ``MonitoringBaris`` hold, per
  indikator, the actions done, problems (kendala) and follow-up (tindak lanjut), and — once
  signed — the target and realisasi of the quarter as they were at signing. The figures of a
  draft are read live from the verified quarterly realisasi (``kinerja.selectors_rencana_aksi``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpu_site.status import PilihanBerwarna, nonmember

ANGKA = {"max_digits": 18, "decimal_places": 4}


class Triwulan(models.TextChoices):
    TW1 = "tw1", _("TW I")
    TW2 = "tw2", _("TW II")
    TW3 = "tw3", _("TW III")
    TW4 = "tw4", _("TW IV")


class RencanaAksi(models.Model):
    """The quarterly targets of one PK line and the sub-bagian responsible for it."""

    baris = models.OneToOneField(
        "kinerja.PKBaris",
        verbose_name=_("baris perjanjian kinerja"),
        on_delete=models.CASCADE,
        related_name="rencana_aksi",
    )
    unit = models.ForeignKey(
        "sekretariat.UnitOrganisasi",
        verbose_name=_("sub bagian penanggung jawab"),
        on_delete=models.PROTECT,
        related_name="rencana_aksi",
    )
    target_tw1 = models.DecimalField(_("target TW I"), null=True, blank=True, **ANGKA)
    target_tw2 = models.DecimalField(_("target TW II"), null=True, blank=True, **ANGKA)
    target_tw3 = models.DecimalField(_("target TW III"), null=True, blank=True, **ANGKA)
    target_tw4 = models.DecimalField(_("target TW IV"), null=True, blank=True, **ANGKA)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rencana aksi")
        verbose_name_plural = _("rencana aksi")
        ordering = ["baris__perjanjian__tahun", "baris__indikator__sasaran__nomor"]

    def __str__(self) -> str:
        return f"Rencana aksi {self.baris.indikator.kode} {self.baris.perjanjian.tahun}"

    @property
    def tahun(self) -> int:
        return self.baris.perjanjian.tahun

    def target_triwulan(self, triwulan: str):
        return getattr(self, f"target_{triwulan}")


class AksiRencana(models.Model):
    """One action of a Rencana Aksi, planned in one quarter."""

    rencana = models.ForeignKey(
        RencanaAksi, verbose_name=_("rencana aksi"), on_delete=models.CASCADE, related_name="aksi"
    )
    triwulan = models.CharField(_("triwulan"), max_length=3, choices=Triwulan.choices)
    uraian = models.TextField(_("uraian aksi"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("aksi")
        verbose_name_plural = _("aksi")
        ordering = ["triwulan", "pk"]

    def __str__(self) -> str:
        return f"{self.get_triwulan_display()}: {self.uraian[:60]}"


class MonitoringRencanaAksi(models.Model):
    """The monitoring report of one quarter. Signed = frozen; a change is a new revision."""

    class Status(PilihanBerwarna):
        DRAFT = "draft", _("Draft")
        DITANDATANGANI = "ditandatangani", _("Ditandatangani")
        DIGANTI = "diganti", _("Diganti revisi berikutnya")

        WARNA = nonmember({"draft": "warning", "ditandatangani": "success", "diganti": "secondary"})

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    triwulan = models.CharField(_("triwulan"), max_length=3, choices=Triwulan.choices)
    revisi = models.PositiveSmallIntegerField(_("revisi"), default=0)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.DRAFT
    )
    alasan_perubahan = models.TextField(_("alasan perubahan"), blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ditandatangani_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ditandatangani_pada = models.DateTimeField(_("ditandatangani pada"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("monitoring rencana aksi")
        verbose_name_plural = _("monitoring rencana aksi")
        ordering = ["-tahun", "-triwulan", "-revisi"]
        constraints = [
            models.UniqueConstraint(
                fields=["tahun", "triwulan", "revisi"], name="kinerja_monitoring_revisi_unik"
            ),
            models.UniqueConstraint(
                fields=["tahun", "triwulan"],
                condition=Q(status="draft"),
                name="kinerja_monitoring_satu_draft",
            ),
            models.UniqueConstraint(
                fields=["tahun", "triwulan"],
                condition=Q(status="ditandatangani"),
                name="kinerja_monitoring_satu_berlaku",
            ),
            models.CheckConstraint(
                condition=Q(revisi=0) | ~Q(alasan_perubahan=""),
                name="kinerja_monitoring_perubahan_beralasan",
            ),
        ]

    def __str__(self) -> str:
        teks = f"Monitoring rencana aksi {self.get_triwulan_display()} {self.tahun}"
        return f"{teks} (perubahan ke-{self.revisi})" if self.revisi else teks

    @property
    def terkunci(self) -> bool:
        return self.status != self.Status.DRAFT


class MonitoringBaris(models.Model):
    """One indikator of a monitoring report: actions done, problems, follow-up; the figures are
    kept here when the report is signed."""

    monitoring = models.ForeignKey(
        MonitoringRencanaAksi,
        verbose_name=_("monitoring"),
        on_delete=models.CASCADE,
        related_name="baris",
    )
    indikator = models.ForeignKey(
        "kinerja.Indikator",
        verbose_name=_("indikator"),
        on_delete=models.PROTECT,
        related_name="baris_monitoring",
    )
    aksi_terlaksana = models.TextField(_("aksi yang terlaksana"), blank=True)
    kendala = models.TextField(_("kendala"), blank=True)
    tindak_lanjut = models.TextField(_("tindak lanjut"), blank=True)
    target = models.DecimalField(_("target triwulan"), null=True, blank=True, **ANGKA)
    realisasi = models.DecimalField(_("realisasi triwulan"), null=True, blank=True, **ANGKA)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("baris monitoring")
        verbose_name_plural = _("baris monitoring")
        ordering = ["indikator__sasaran__nomor", "indikator__kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["monitoring", "indikator"], name="kinerja_monitoringbaris_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.monitoring} · {self.indikator.kode}"
