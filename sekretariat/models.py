from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Satker(models.Model):
    """The work unit (satuan kerja) this installation serves: one per installation."""

    class Tingkat(models.TextChoices):
        KABUPATEN = "kabupaten", _("Kabupaten")
        KOTA = "kota", _("Kota")

    nama = models.CharField(_("nama"), max_length=200)
    tingkat = models.CharField(_("tingkat"), max_length=10, choices=Tingkat.choices)
    nama_wilayah = models.CharField(_("nama kabupaten/kota"), max_length=100)
    kode_satker = models.CharField(
        _("kode satker"),
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^\d{6}$", _("Kode satker harus 6 digit angka."))],
    )
    kode_wilayah = models.CharField(
        _("kode wilayah"),
        max_length=5,
        validators=[
            RegexValidator(r"^\d{2}\.\d{2}$", _("Kode wilayah ditulis seperti 36.73 (Kemendagri)."))
        ],
    )
    alamat = models.TextField(_("alamat"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="satker/", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("satker")
        verbose_name_plural = _("satker")
        permissions = [("kelola_satker", "Dapat mengubah data satker")]

    def __str__(self) -> str:
        return self.nama


class UnitOrganisasi(models.Model):
    """Sekretariat, its sub-bagian, and the Jabatan Fungsional group.

    ``kode`` is a stable slug used by the code and the demo (``keuangan``, ``teknis``,
    ``perencanaan``, ``hukum_sdm``, ``jf``, ``sekretariat``).
    """

    class Jenis(models.TextChoices):
        SEKRETARIAT = "sekretariat", _("Sekretariat")
        SUB_BAGIAN = "sub_bagian", _("Sub Bagian")
        KELOMPOK_JF = "kelompok_jf", _("Kelompok Jabatan Fungsional")

    kode = models.SlugField(_("kode"), max_length=30, unique=True)
    nama = models.CharField(_("nama"), max_length=200)
    jenis = models.CharField(_("jenis"), max_length=15, choices=Jenis.choices)
    induk = models.ForeignKey(
        "self",
        verbose_name=_("unit induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="anak",
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    tugas = models.TextField(_("tugas"), blank=True, help_text=_("Satu tugas per baris."))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit organisasi")
        verbose_name_plural = _("unit organisasi")
        ordering = ["urutan", "nama"]

    def __str__(self) -> str:
        return self.nama


class Pengguna(AbstractUser):
    """A login account. Kasubag and Staf belong to one sub-bagian (``unit``)."""

    unit = models.ForeignKey(
        UnitOrganisasi,
        verbose_name=_("sub bagian"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pengguna",
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        swappable = "AUTH_USER_MODEL"

    def __str__(self) -> str:
        return self.get_full_name() or self.username
