"""Numbered official documents of a recruitment (imported by ``badan_adhoc.models``).

``PolaNomorDokumen``: the number pattern and the signatory's post per document type
(``JenisNomor``), e.g. ``{urut}/PP.04.1-Pu/{kode_wilayah}/{tahun}``. ``UrutNomorDokumen``: the
last sequence number given per type and year (the row is locked while a number is taken, so a
number is never given twice). ``NomorDokumen``: the number of one issued document, with its
date, its signatory as on that date and the SHA-256 of its file (frozen when it is written)."""

from __future__ import annotations

import string

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .kop import KETUA, SEKRETARIS


class JenisNomor(models.TextChoices):
    PENGUMUMAN_PENDAFTARAN = "pengumuman_pendaftaran", _("Pengumuman pendaftaran")
    HASIL_ADMINISTRASI = "hasil_administrasi", _("Pengumuman hasil seleksi administrasi")
    HASIL_TES_TERTULIS = "hasil_tes_tertulis", _("Pengumuman hasil tes tertulis")
    HASIL_AKHIR = "hasil_akhir", _("Pengumuman hasil akhir")
    BA_ADMINISTRASI = "ba_administrasi", _("Berita acara seleksi administrasi")
    SK_PENETAPAN = "sk_penetapan", _("Keputusan penetapan anggota")
    SK_PAW = "sk_paw", _("Keputusan pergantian antarwaktu")
    BA_TES_TERTULIS = "ba_tes_tertulis", _("Berita acara hasil tes tertulis")
    BA_AKHIR = "ba_akhir", _("Berita acara hasil wawancara dan akhir")
    BA_TANGGAPAN = "ba_tanggapan", _("Berita acara tanggapan masyarakat")


class Penandatangan(models.TextChoices):
    KETUA_KPU = KETUA, _("Ketua KPU")
    SEKRETARIS_KPU = SEKRETARIS, _("Sekretaris KPU")


POLA_BAKU = "{urut}/PP.04.1-Pu/{kode_wilayah}/{tahun}"
# What a pattern may hold: the sequence number (required), the satker's code (6 digits), its
# Kemendagri region code without the dot (3673), the year, and the month in Roman numerals.
ISIAN_POLA = ("urut", "kode_satker", "kode_wilayah", "tahun", "bulan_romawi")


def pola_periksa(pola: str) -> None:
    """A pattern must hold ``{urut}`` and nothing but the known fields."""
    try:
        isian = [f for _t, f, _s, _k in string.Formatter().parse(pola or "") if f is not None]
    except ValueError:
        raise ValidationError(
            f"Pola nomor {pola!r} tidak terbaca: kurung kurawal harus berpasangan, "
            "misalnya {urut}/PP.04.1-Pu/{kode_wilayah}/{tahun}."
        ) from None
    asing = [f for f in isian if f not in ISIAN_POLA]
    if asing:
        raise ValidationError(
            f"Pola nomor memuat isian yang tidak dikenal: {', '.join('{' + f + '}' for f in asing)}"
            f". Isian yang dapat dipakai: {', '.join('{' + f + '}' for f in ISIAN_POLA)}."
        )
    if "urut" not in isian:
        raise ValidationError(
            "Pola nomor harus memuat {urut} (nomor urut), misalnya "
            "{urut}/PP.04.1-Pu/{kode_wilayah}/{tahun}; tanpa itu setiap dokumen bernomor sama."
        )


class PolaNomorDokumen(models.Model):
    jenis_nomor = models.CharField(
        _("jenis dokumen"), max_length=30, choices=JenisNomor.choices, unique=True
    )
    pola = models.CharField(
        _("pola nomor"),
        max_length=120,
        default=POLA_BAKU,
        validators=[pola_periksa],
        help_text=_(
            "Isian: {urut} (wajib), {kode_satker}, {kode_wilayah}, {tahun}, {bulan_romawi}."
        ),
    )
    penandatangan = models.CharField(
        _("penandatangan"), max_length=12, choices=Penandatangan.choices, default=KETUA
    )

    class Meta:
        app_label = "badan_adhoc"
        verbose_name = _("pola nomor dokumen")
        verbose_name_plural = _("pola nomor dokumen")
        ordering = ["jenis_nomor"]

    def __str__(self) -> str:
        return f"{self.get_jenis_nomor_display()}: {self.pola}"


class UrutNomorDokumen(models.Model):
    jenis_nomor = models.CharField(_("jenis dokumen"), max_length=30, choices=JenisNomor.choices)
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    terakhir = models.PositiveIntegerField(_("nomor urut terakhir"), default=0)

    class Meta:
        app_label = "badan_adhoc"
        verbose_name = _("urutan nomor dokumen")
        verbose_name_plural = _("urutan nomor dokumen")
        constraints = [
            models.UniqueConstraint(
                fields=["jenis_nomor", "tahun"], name="badan_adhoc_urutnomor_unik"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_nomor_display()} {self.tahun}: {self.terakhir}"


class NomorDokumen(models.Model):
    dokumen = models.OneToOneField(
        "badan_adhoc.DokumenRekrutmen",
        verbose_name=_("dokumen"),
        on_delete=models.PROTECT,
        related_name="nomor_terbit",
    )
    jenis_nomor = models.CharField(_("jenis dokumen"), max_length=30, choices=JenisNomor.choices)
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    urut = models.PositiveIntegerField(_("nomor urut"))
    nomor = models.CharField(_("nomor"), max_length=150)
    tanggal = models.DateField(_("tanggal dokumen"))
    peran = models.CharField(_("penandatangan"), max_length=12, choices=Penandatangan.choices)
    penandatangan_nama = models.CharField(_("nama penandatangan"), max_length=200)
    penandatangan_nip = models.CharField(_("NIP penandatangan"), max_length=30, blank=True)
    penandatangan_jabatan = models.CharField(_("jabatan penandatangan"), max_length=200)
    sha256 = models.CharField(_("SHA-256 berkas"), max_length=64, blank=True)
    diterbitkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diterbitkan oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        app_label = "badan_adhoc"
        verbose_name = _("nomor dokumen")
        verbose_name_plural = _("nomor dokumen")
        ordering = ["-tahun", "jenis_nomor", "-urut"]
        constraints = [
            models.UniqueConstraint(
                fields=["jenis_nomor", "tahun", "urut"], name="badan_adhoc_nomordokumen_urut_unik"
            ),
            models.UniqueConstraint(
                fields=["jenis_nomor", "nomor"], name="badan_adhoc_nomordokumen_nomor_unik"
            ),
        ]

    def __str__(self) -> str:
        return self.nomor

    def terbitan(self) -> dict:
        """What the renderer prints (``badan_adhoc.pengumuman.kop_ttd_konteks``)."""
        return {
            "nomor": self.nomor,
            "tanggal": self.tanggal,
            "peran": self.peran,
            "penandatangan": {
                "nama": self.penandatangan_nama,
                "nip": self.penandatangan_nip,
                "jabatan": self.penandatangan_jabatan,
            },
        }
