"""The evaluator's report (LHE, laporan hasil evaluasi SAKIP), its findings and their follow-up
(issue 18, item 4).

- ``LaporanHasilEvaluasi``: the evaluator's report on the SAKIP of one year (``tahun`` = the
  year evaluated; the report itself is dated the following year): nomor, tanggal, evaluator,
  the total score (``nilai``, 0–100) and a summary. The grade (``predikat``) is derived from
  the score by ``predikat_dari_nilai``, never typed. It is linked to the self-assessment (LKE)
  of the same ``tahun``.
- ``TemuanEvaluasi``: one finding with its recommendation, the LKE component it concerns, the
  sub-bagian responsible and the deadline. Status belum → proses (with the first follow-up) →
  selesai (only when the Sekretaris accepts it, with a note).
- ``TindakLanjut``: one follow-up action with its evidence (an uploaded file or a link).

Written only through ``kinerja.services.lhe``; every change is in the history and audit trail.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpu_site.status import PilihanBerwarna, nonmember

from .model_lke import PREDIKAT_8821, predikat_menurut


def predikat_dari_nilai(nilai) -> str:
    """The grade of an LHE score: the LKE's grade function with the bounds of PermenPANRB
    88/2021 (AA above 90, A above 80, BB above 70, B above 60, CC above 50, C above 30, else D;
    exactly 70,00 is B; 70,01 is BB)."""
    return predikat_menurut(PREDIKAT_8821, Decimal(str(nilai)))


class KomponenLke(models.TextChoices):
    """The four components of the LKE (PermenPANRB 88/2021)."""

    PERENCANAAN = "perencanaan", _("Perencanaan Kinerja")
    PENGUKURAN = "pengukuran", _("Pengukuran Kinerja")
    PELAPORAN = "pelaporan", _("Pelaporan Kinerja")
    EVALUASI_INTERNAL = "evaluasi_internal", _("Evaluasi Akuntabilitas Kinerja Internal")


def _lokasi_lhe(instance, filename: str) -> str:
    # the service sets a generated name; this only places it under a private folder
    return f"kinerja/lhe/{instance.tahun}/{filename}"


def _lokasi_tindak_lanjut(instance, filename: str) -> str:
    return f"kinerja/lhe/{instance.temuan.lhe.tahun}/tindak-lanjut/{filename}"


class LaporanHasilEvaluasi(models.Model):
    """The evaluator's report on the SAKIP of one year."""

    tahun = models.PositiveSmallIntegerField(_("tahun yang dievaluasi"), unique=True)
    nomor = models.CharField(_("nomor LHE"), max_length=150)
    tanggal = models.DateField(_("tanggal LHE"))
    evaluator = models.CharField(_("evaluator"), max_length=200)
    nilai = models.DecimalField(_("nilai evaluasi"), max_digits=5, decimal_places=2)
    ringkasan = models.TextField(_("ringkasan"), max_length=4000, blank=True)
    berkas = models.FileField(_("dokumen LHE"), upload_to=_lokasi_lhe, blank=True, max_length=200)
    nama_asli = models.CharField(_("nama berkas asli"), max_length=255, blank=True)
    jenis_berkas = models.CharField(_("jenis berkas"), max_length=10, blank=True)
    diinput_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diinput oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("laporan hasil evaluasi")
        verbose_name_plural = _("laporan hasil evaluasi")
        ordering = ["-tahun"]
        constraints = [
            models.CheckConstraint(
                condition=Q(nilai__gte=0) & Q(nilai__lte=100),
                name="kinerja_laporanhasilevaluasi_nilai_0_100",
            )
        ]

    def __str__(self) -> str:
        return f"LHE SAKIP {self.tahun}"

    @property
    def predikat(self) -> str:
        return predikat_dari_nilai(self.nilai)


class TemuanEvaluasi(models.Model):
    """One finding of an LHE with its recommendation, unit and deadline."""

    class Status(PilihanBerwarna):
        BELUM = "belum", _("Belum ditindaklanjuti")
        PROSES = "proses", _("Dalam proses")
        SELESAI = "selesai", _("Selesai")

        WARNA = nonmember({"belum": "danger", "proses": "warning", "selesai": "success"})
        SINGKAT = nonmember({"belum": "Belum", "proses": "Proses", "selesai": "Selesai"})

    lhe = models.ForeignKey(
        LaporanHasilEvaluasi,
        verbose_name=_("laporan hasil evaluasi"),
        on_delete=models.CASCADE,
        related_name="temuan",
    )
    nomor = models.PositiveSmallIntegerField(_("nomor temuan"))
    uraian = models.TextField(_("uraian temuan"), max_length=4000)
    rekomendasi = models.TextField(_("rekomendasi"), max_length=4000)
    komponen = models.CharField(
        _("komponen LKE"), max_length=20, choices=KomponenLke.choices, blank=True
    )
    unit = models.ForeignKey(
        "sekretariat.UnitOrganisasi",
        verbose_name=_("unit penanggung jawab"),
        on_delete=models.PROTECT,
        related_name="temuan_evaluasi",
    )
    batas_waktu = models.DateField(_("batas waktu"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.BELUM
    )
    diterima_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diterima oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diterima_pada = models.DateTimeField(_("diterima pada"), null=True, blank=True)
    catatan_penerimaan = models.TextField(_("catatan penerimaan"), max_length=2000, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("temuan evaluasi")
        verbose_name_plural = _("temuan evaluasi")
        ordering = ["-lhe__tahun", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["lhe", "nomor"], name="kinerja_temuanevaluasi_nomor"),
            models.CheckConstraint(
                condition=Q(status="selesai", diterima_pada__isnull=False)
                | (~Q(status="selesai") & Q(diterima_pada__isnull=True)),
                name="kinerja_temuanevaluasi_selesai_diterima",
            ),
        ]

    def __str__(self) -> str:
        return f"Temuan evaluasi {self.lhe.tahun} no. {self.nomor}"


class TindakLanjut(models.Model):
    """One follow-up action of a finding, with its evidence (a file or a link)."""

    temuan = models.ForeignKey(
        TemuanEvaluasi,
        verbose_name=_("temuan"),
        on_delete=models.CASCADE,
        related_name="tindak_lanjut",
    )
    tanggal = models.DateField(_("tanggal"))
    uraian = models.TextField(_("uraian tindak lanjut"), max_length=4000)
    berkas = models.FileField(
        _("berkas bukti"), upload_to=_lokasi_tindak_lanjut, blank=True, max_length=200
    )
    nama_asli = models.CharField(_("nama berkas asli"), max_length=255, blank=True)
    jenis_berkas = models.CharField(_("jenis berkas"), max_length=10, blank=True)
    tautan = models.URLField(_("tautan bukti"), blank=True, max_length=500)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dicatat_pada = models.DateTimeField(_("dicatat pada"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tindak lanjut")
        verbose_name_plural = _("tindak lanjut")
        ordering = ["tanggal", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(berkas="") & ~Q(tautan="")) | (~Q(berkas="") & Q(tautan="")),
                name="kinerja_tindaklanjut_berkas_atau_tautan",
            )
        ]

    def __str__(self) -> str:
        return f"Tindak lanjut {self.temuan} ({self.tanggal:%d-%m-%Y})"
