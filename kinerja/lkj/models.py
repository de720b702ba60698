"""Models of the LKj report: the yearly narratives and the rendered versions.

Imported by ``kinerja.models`` (they belong to the ``kinerja`` app).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpu_site.pekerjaan import PekerjaanBerkas
from kpu_site.status import PilihanBerwarna, nonmember


class NaskahLkj(models.Model):
    """The narrative texts of one year's LKj, edited in the app (isian in square brackets are
    filled from the data when rendering, see ``kinerja.lkj.naskah``)."""

    tahun = models.PositiveSmallIntegerField(_("tahun"), unique=True)
    kata_pengantar = models.TextField(_("kata pengantar"), blank=True)
    ikhtisar = models.TextField(_("ikhtisar eksekutif"), blank=True)
    latar_belakang = models.TextField(_("latar belakang"), blank=True)
    penutup = models.TextField(_("penutup"), blank=True)
    tempat_tanggal = models.CharField(
        _("tempat dan tanggal penandatanganan"),
        max_length=100,
        blank=True,
        help_text=_(
            "Mis. Serang, 31 Januari 2024. Kosong: kota satker dan 31 Januari tahun berikutnya."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        app_label = "kinerja"
        verbose_name = _("naskah LKj")
        verbose_name_plural = _("naskah LKj")

    def __str__(self) -> str:
        return f"Naskah LKj {self.tahun}"


def _lokasi_laporan(instance, filename: str) -> str:
    return f"laporan/{instance.tahun}/{filename}"


class LaporanKinerja(PekerjaanBerkas):
    """One rendered version of the LKj of a year. A final version never changes."""

    class Status(PilihanBerwarna):
        ANTRI = "antri", _("Antri")
        DIPROSES = "diproses", _("Diproses")
        SELESAI = "selesai", _("Selesai")
        GAGAL = "gagal", _("Gagal")
        FINAL = "final", _("Final")

        WARNA = nonmember(
            {
                "antri": "secondary",
                "diproses": "info",
                "selesai": "primary",
                "gagal": "danger",
                "final": "success",
            }
        )

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    versi = models.PositiveSmallIntegerField(_("versi"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ANTRI
    )
    draf = models.BooleanField(
        _("draf"),
        default=True,
        help_text=_("Diberi tanda air DRAF: pemeriksaan awal belum bersih."),
    )
    diminta_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diminta oleh"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    berkas = models.FileField(_("berkas PDF"), upload_to=_lokasi_laporan, blank=True)
    ukuran = models.PositiveIntegerField(_("ukuran (bita)"), null=True, blank=True)
    difinalkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("difinalkan oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    difinalkan_pada = models.DateTimeField(_("difinalkan pada"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        app_label = "kinerja"
        verbose_name = _("laporan kinerja")
        verbose_name_plural = _("laporan kinerja")
        ordering = ["-tahun", "-versi"]
        constraints = [
            models.UniqueConstraint(
                fields=["tahun", "versi"], name="kinerja_laporankinerja_versi_unik"
            ),
            models.UniqueConstraint(
                fields=["tahun"],
                condition=models.Q(status="final"),
                name="kinerja_laporankinerja_satu_final",
            ),
            models.CheckConstraint(
                condition=models.Q(progres__lte=100), name="kinerja_laporankinerja_progres_maks"
            ),
        ]

    def __str__(self) -> str:
        return f"LKj {self.tahun} versi {self.versi}"

    @property
    def dapat_diunduh(self) -> bool:
        return self.status in (self.Status.SELESAI, self.Status.FINAL) and bool(self.berkas)


class TemuanDijelaskan(models.Model):
    """A pre-flight finding the Sekretaris marked as explained (e.g. a capaian of 100% with
    little of its budget absorbed, explained elsewhere): the pre-flight no longer lists it.
    ``kunci`` is the finding's key (``Temuan.kunci``, e.g. ``serapan:12``)."""

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    kunci = models.CharField(_("kunci temuan"), max_length=50)
    pesan = models.TextField(_("temuan"), blank=True)
    dijelaskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditandai oleh"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    dijelaskan_pada = models.DateTimeField(_("ditandai pada"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        app_label = "kinerja"
        verbose_name = _("temuan yang sudah dijelaskan")
        verbose_name_plural = _("temuan yang sudah dijelaskan")
        constraints = [
            models.UniqueConstraint(
                fields=["tahun", "kunci"], name="kinerja_temuandijelaskan_satu_per_temuan"
            )
        ]

    def __str__(self) -> str:
        return f"Temuan {self.kunci} LKj {self.tahun} dijelaskan"


from .model_reviu import KomentarReviu, PengaturanReviu, PernyataanReviu  # noqa: E402, F401
