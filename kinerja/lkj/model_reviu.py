"""Models of the review of the LKj by the internal auditor (reviu APIP, issue 18 item 5).

Imported by ``kinerja.lkj.models`` (they belong to the ``kinerja`` app). A review comment is
made on a version that is not final, per chapter; the preparers answer it, the Auditor closes
it; the Auditor records the "Pernyataan Telah Direviu", printed in every version rendered
afterwards. Services: ``kinerja.lkj.services_reviu``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpu_site.status import PilihanBerwarna, nonmember


class BabLkj(models.TextChoices):
    """The chapters of the LKj, keyed by the section ids of ``kinerja/pdf/lkj.html``."""

    BAB_1 = "bab-1", _("Bab I Pendahuluan")
    BAB_2 = "bab-2", _("Bab II Perencanaan dan Perjanjian Kinerja")
    BAB_3 = "bab-3", _("Bab III Akuntabilitas Kinerja")
    BAB_4 = "bab-4", _("Bab IV Penutup")
    LAMPIRAN = "lampiran", _("Lampiran")


class PengaturanReviu(models.Model):
    """Singleton (pk=1): whether the LKj must be reviewed before it is finalised."""

    reviu_wajib = models.BooleanField(
        _("reviu wajib"),
        default=True,
        help_text=_(
            "Bila aktif, LKj hanya dapat difinalkan setelah semua komentar reviu ditutup dan "
            "pernyataan telah direviu dicatat."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        app_label = "kinerja"
        verbose_name = _("pengaturan reviu LKj")
        verbose_name_plural = _("pengaturan reviu LKj")
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="kinerja_pengaturanreviu_tunggal"),
        ]

    def __str__(self) -> str:
        return "Pengaturan reviu LKj"


class KomentarReviu(models.Model):
    """A comment of the Auditor on one chapter of a (not final) LKj version."""

    class Status(PilihanBerwarna):
        TERBUKA = "terbuka", _("Terbuka")
        DIJAWAB = "dijawab", _("Dijawab")
        DITUTUP = "ditutup", _("Ditutup")

        WARNA = nonmember({"terbuka": "warning", "dijawab": "info", "ditutup": "success"})

    laporan = models.ForeignKey(
        "kinerja.LaporanKinerja",
        verbose_name=_("versi LKj"),
        on_delete=models.PROTECT,
        related_name="komentar_reviu",
    )
    bab = models.CharField(_("bab"), max_length=10, choices=BabLkj.choices)
    teks = models.TextField(_("komentar"), max_length=4000)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pereviu"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.TERBUKA
    )
    jawaban = models.TextField(_("jawaban penyusun"), max_length=4000, blank=True)
    dijawab_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dijawab oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    dijawab_pada = models.DateTimeField(_("dijawab pada"), null=True, blank=True)
    ditutup_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditutup oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    ditutup_pada = models.DateTimeField(_("ditutup pada"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        app_label = "kinerja"
        verbose_name = _("komentar reviu LKj")
        verbose_name_plural = _("komentar reviu LKj")
        ordering = ["laporan", "bab", "dibuat_pada", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(teks=""), name="kinerja_komentarreviu_teks_ada"),
            models.CheckConstraint(
                condition=~Q(status="dijawab") | ~Q(jawaban=""),
                name="kinerja_komentarreviu_dijawab_berjawaban",
            ),
            models.CheckConstraint(
                condition=~Q(status="ditutup") | Q(ditutup_pada__isnull=False),
                name="kinerja_komentarreviu_ditutup_bertanggal",
            ),
        ]

    def __str__(self) -> str:
        return f"Komentar reviu {self.get_bab_display()} ({self.laporan})"

    @property
    def terbuka(self) -> bool:
        """Still open for finalisation: not closed by the Auditor (answered counts as open)."""
        return self.status != self.Status.DITUTUP


class PernyataanReviu(models.Model):
    """The Auditor's "Pernyataan Telah Direviu" for the LKj of a year (one per year), printed
    in the versions rendered after it was recorded. ``teks`` is composed from the data when it
    is recorded (satker name from the Satker record)."""

    tahun = models.PositiveSmallIntegerField(_("tahun"), unique=True)
    laporan = models.ForeignKey(
        "kinerja.LaporanKinerja",
        verbose_name=_("versi yang direviu"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    nomor = models.CharField(_("nomor"), max_length=100)
    tanggal = models.DateField(_("tanggal"))
    tempat = models.CharField(_("tempat"), max_length=100)
    nama_pereviu = models.CharField(_("nama pereviu"), max_length=150)
    nip_pereviu = models.CharField(_("NIP pereviu"), max_length=18, blank=True)
    jabatan_pereviu = models.CharField(_("jabatan pereviu"), max_length=150)
    teks = models.TextField(_("teks pernyataan"))
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    dicatat_pada = models.DateTimeField(_("dicatat pada"))
    history = HistoricalRecords()

    class Meta:
        app_label = "kinerja"
        verbose_name = _("pernyataan telah direviu")
        verbose_name_plural = _("pernyataan telah direviu")

    def __str__(self) -> str:
        return f"Pernyataan telah direviu LKj {self.tahun} ({self.nomor})"
