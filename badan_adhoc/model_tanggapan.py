"""Public comments on applicants (tanggapan masyarakat; imported by ``badan_adhoc.models``).

A comment is taken by the public form ``/publik/rekrutmen/<id>/tanggapan/`` during the
recruitment's "tanggapan" stage (``services/tanggapan.py``); staff record the clarification and
the outcome (``tanggapan_tindak_lanjut``), a change of result going through the screening
override ``pendaftar_override``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpu_site.status import PilihanBerwarna, nonmember


def _lokasi_lampiran(instance, filename: str) -> str:
    return f"adhoc/tanggapan/{instance.rekrutmen_id}/{filename}"


class TanggapanMasyarakat(models.Model):
    class Hasil(PilihanBerwarna):
        BELUM = "", _("Belum ditindaklanjuti")
        TIDAK_BERPENGARUH = "tidak_berpengaruh", _("Tidak berpengaruh")
        MENGUBAH_HASIL = "mengubah_hasil", _("Mengubah hasil")

        WARNA = nonmember(
            {"": "warning", "tidak_berpengaruh": "secondary", "mengubah_hasil": "danger"}
        )

    rekrutmen = models.ForeignKey(
        "badan_adhoc.Rekrutmen",
        verbose_name=_("rekrutmen"),
        on_delete=models.PROTECT,
        related_name="tanggapan",
    )
    pendaftar = models.ForeignKey(
        "badan_adhoc.Pendaftar",
        verbose_name=_("pendaftar"),
        on_delete=models.PROTECT,
        related_name="tanggapan",
    )
    tahap = models.CharField(_("tahap"), max_length=15, default="tanggapan")
    nama = models.CharField(_("nama penanggap"), max_length=150)
    kontak = models.CharField(_("kontak (HP/email)"), max_length=254)
    isi = models.TextField(_("tanggapan"), max_length=5000)
    lampiran = models.FileField(
        _("lampiran"), upload_to=_lokasi_lampiran, max_length=200, blank=True
    )
    lampiran_nama = models.CharField(_("nama berkas asli"), max_length=255, blank=True)
    lampiran_jenis = models.CharField(_("jenis berkas"), max_length=5, blank=True)
    diterima_pada = models.DateTimeField(_("diterima pada"), auto_now_add=True)
    alamat_pengirim = models.GenericIPAddressField(_("alamat pengirim"), null=True, blank=True)

    klarifikasi = models.TextField(_("klarifikasi"), blank=True)
    hasil = models.CharField(
        _("hasil tindak lanjut"), max_length=20, choices=Hasil.choices, blank=True, default=""
    )
    hasil_alasan = models.TextField(_("alasan"), blank=True)
    ditangani_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditangani oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    ditangani_pada = models.DateTimeField(_("ditangani pada"), null=True, blank=True)
    # The commenter's name and contact are personal data: kept out of the history (audit).
    history = HistoricalRecords(excluded_fields=["nama", "kontak", "alamat_pengirim"])

    class Meta:
        verbose_name = _("tanggapan masyarakat")
        verbose_name_plural = _("tanggapan masyarakat")
        ordering = ["-diterima_pada", "-pk"]
        indexes = [
            models.Index(
                fields=["alamat_pengirim", "diterima_pada"], name="badan_adhoc_tanggapan_laju"
            ),
            models.Index(fields=["rekrutmen", "tahap"], name="badan_adhoc_tanggapan_tahap"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hasil="") | ~models.Q(hasil_alasan=""),
                name="badan_adhoc_tanggapan_hasil_beralasan",
            )
        ]

    def __str__(self) -> str:
        return f"Tanggapan atas {self.pendaftar} ({self.diterima_pada:%d-%m-%Y})"

    @property
    def ditangani(self) -> bool:
        return bool(self.hasil)
