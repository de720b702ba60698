from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .formatting import angka
from .kode import kode_label


class JejakAudit(models.Model):
    """One entry of the audit trail: who changed what, when, and the fields that changed.

    Written for every create/update/delete of a model that has ``HistoricalRecords`` (see
    ``kpu_site.audit``) and for batch operations (imports) by ``jejak_catat``.
    """

    class Aksi(models.TextChoices):
        BUAT = "buat", _("Buat")
        UBAH = "ubah", _("Ubah")
        HAPUS = "hapus", _("Hapus")
        IMPOR = "impor", _("Impor")
        ALUR = "alur", _("Alur kerja")
        UNDUH = "unduh", _("Unduh")

    waktu = models.DateTimeField(_("waktu"), db_index=True)
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    aksi = models.CharField(_("aksi"), max_length=10, choices=Aksi.choices)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("jenis data"), null=True, on_delete=models.SET_NULL
    )
    object_id = models.CharField(_("ID objek"), max_length=64, blank=True)
    objek = models.CharField(_("objek"), max_length=300, blank=True)
    perubahan = models.JSONField(_("perubahan"), default=dict, blank=True)
    keterangan = models.TextField(_("keterangan"), blank=True)

    class Meta:
        verbose_name = _("jejak audit")
        verbose_name_plural = _("jejak audit")
        ordering = ["-waktu", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="kpu_jejak_objek_idx")]

    def __str__(self) -> str:
        return f"{self.waktu:%Y-%m-%d %H:%M} {self.get_aksi_display()} {self.objek}"

    @property
    def perubahan_baris(self) -> list[dict]:
        """``perubahan`` for display: a field change (``[lama, baru]``) as ``lama``/``baru``,
        a batch summary value (a count, a dict of counts) as ``nilai``; empty values as ``–``
        (``0`` and ``False`` stay as they are). In words a person reads: a field by its
        ``verbose_name``, a choice by its label, a code by its label (``kpu_site.kode``), a
        number in the Indonesian format (``14.802``), ``True``/``False`` as ``ya``/``tidak``."""
        if not isinstance(self.perubahan, dict):
            return []
        model = self.content_type.model_class() if self.content_type_id else None
        baris = []
        for kolom, nilai in self.perubahan.items():
            field = _field(model, kolom)
            judul = str(field.verbose_name) if field is not None else kode_label(kolom)
            if isinstance(nilai, list) and len(nilai) == 2:
                lama, baru = (_teks(v, field) for v in nilai)
                baris.append({"kolom": judul, "lama": lama, "baru": baru})
            else:
                baris.append({"kolom": judul, "nilai": _teks(nilai, field)})
        return baris


def _field(model, kolom: str):
    """``model``'s field named (or with the attname) ``kolom``, or ``None``."""
    if model is None:
        return None
    for field in model._meta.concrete_fields:
        if kolom in (field.name, field.attname):
            return field
    return None


def _teks(nilai, field=None) -> str:
    if nilai is None or nilai == "" or nilai == [] or nilai == {}:
        return "–"
    if isinstance(nilai, dict):
        return ", ".join(f"{kode_label(k)}: {_teks(v)}" for k, v in nilai.items())
    if isinstance(nilai, list):
        return ", ".join(_teks(v) for v in nilai)
    if isinstance(nilai, bool):
        return "ya" if nilai else "tidak"
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(nilai, nilai))
    if isinstance(nilai, int | float):
        return angka(nilai, 0 if isinstance(nilai, int) else 2)
    if isinstance(field, models.DecimalField):
        return angka(nilai, field.decimal_places)
    if isinstance(nilai, str):
        return kode_label(nilai) if field is None else nilai
    return str(nilai)


class PemeriksaanWorker(models.Model):
    """A probe sent through the broker: the worker stamps it, proving the queue works."""

    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    diproses = models.DateTimeField(_("diproses"), null=True, blank=True)
    host_worker = models.CharField(_("host worker"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("pemeriksaan worker")
        verbose_name_plural = _("pemeriksaan worker")
        ordering = ["-dibuat"]

    def __str__(self) -> str:
        return f"Pemeriksaan #{self.pk}"


class ProfilImpor(models.Model):
    """A saved column mapping of one import ("SAKTI – realisasi SP2D", "SIAKBA – pendaftar"):
    which file column each field the import reads comes from, the value rules, the sheet and
    the header row. The satker's (every user who may run that import uses it), audited; used
    by the import page, the API and the commands (``--profil "<nama>"``)."""

    jenis = models.CharField(_("jenis impor"), max_length=40)
    nama = models.CharField(_("nama profil"), max_length=100)
    lembar = models.CharField(_("lembar"), max_length=100, blank=True)
    baris_judul = models.PositiveIntegerField(
        _("baris judul"), null=True, blank=True, help_text=_("Kosong = dicari otomatis.")
    )
    kolom = models.JSONField(_("pemetaan kolom"), default=dict, blank=True)
    aturan = models.JSONField(_("aturan nilai"), default=dict, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diubah_pada = models.DateTimeField(_("diubah pada"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("profil impor")
        verbose_name_plural = _("profil impor")
        ordering = ["jenis", "nama"]
        constraints = [
            models.UniqueConstraint(fields=["jenis", "nama"], name="kpu_profil_impor_unik")
        ]

    def __str__(self) -> str:
        return self.nama

    def pemetaan(self):
        from .impor import Pemetaan

        return Pemetaan(
            kolom={k: tuple(v) for k, v in (self.kolom or {}).items() if v},
            aturan={k: v for k, v in (self.aturan or {}).items() if v},
            baris_judul=self.baris_judul,
            lembar=self.lembar,
            nama=self.nama,
        )
