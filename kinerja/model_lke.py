"""The evaluation worksheet of SAKIP (LKE, PermenPANRB 88/2021) as data per evaluation year.

- ``LembarKerjaEvaluasi``: the worksheet of one evaluated year: its legal basis (``dasar``), the
  status of the self-assessment (draft → final), the value of each answer of each scale
  (``skala``) and the grade bounds (``predikat``), both kept as data so a later regulation
  changes data, not code.
- ``KomponenLke`` (1 Perencanaan … with its weight), ``SubKomponenLke`` (1.a … with its weight
  and kind: pemenuhan answered Y/T, kualitas and pemanfaatan answered A–E) and ``KriteriaLke``
  (the criterion's text and ``aturan``: the key of an automatic proposal in
  ``kinerja.lke_usulan.ATURAN``, blank when a person answers from documents).
- ``JawabanLke``: per criterion, the self-assessment answer with its note and evidence (an
  uploaded file checked by its content, or a link), the proposal computed from the app's data
  with its reason and the links to that data, who confirmed it, and the evaluator's answer and
  note (entered by the Auditor).

Written only through ``kinerja.services.lke``; every change is in the history and audit trail.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpu_site.status import PilihanBerwarna, nonmember

BOBOT = {"max_digits": 6, "decimal_places": 2}

#: The grades of PermenPANRB 88/2021 as ``[grade, bound]``, highest first: a grade applies when
#: the score is ABOVE its bound ("BB > 70–80": 70,00 is B, 70,01 is BB); the last one (D, 0–30)
#: takes every other score. A new worksheet starts with these (``LembarKerjaEvaluasi.predikat``);
#: the evaluator's report (LHE) grades its score with them.
PREDIKAT_8821 = [
    ["AA", "90"],
    ["A", "80"],
    ["BB", "70"],
    ["B", "60"],
    ["CC", "50"],
    ["C", "30"],
    ["D", "0"],
]


def predikat_menurut(batas: list, nilai: Decimal) -> str:
    """The grade of a score by the bounds ``batas`` (``[[grade, bound], …]``, highest first):
    the first grade whose bound the score is above; the last grade for every other score."""
    for kode, ambang in batas:
        if nilai > Decimal(ambang):
            return kode
    return batas[-1][0]


class LembarKerjaEvaluasi(models.Model):
    """The LKE of one evaluated year: structure, scale values and grade bounds."""

    class Status(PilihanBerwarna):
        DRAFT = "draft", _("Draft")
        FINAL = "final", _("Final")

        WARNA = nonmember({"draft": "warning", "final": "success"})

    tahun = models.PositiveSmallIntegerField(_("tahun dievaluasi"), unique=True)
    dasar = models.CharField(_("dasar"), max_length=200)
    status = models.CharField(
        _("status penilaian mandiri"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    #: ``{"pemenuhan": {"Y": "1", "T": "0"}, "kualitas": {"A": "1", …}, "pemanfaatan": {…}}``
    skala = models.JSONField(_("nilai skala jawaban"))
    #: ``[["AA", "90"], ["A", "80"], …, ["D", "0"]]``: a grade applies when the total is above
    #: its bound (the last grade, from 0, applies to every other total).
    predikat = models.JSONField(_("batas predikat"))
    difinalkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    difinalkan_pada = models.DateTimeField(_("difinalkan pada"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lembar kerja evaluasi SAKIP")
        verbose_name_plural = _("lembar kerja evaluasi SAKIP")
        ordering = ["-tahun"]
        permissions = [("nilai_evaluator_lke", "Dapat mengisi jawaban evaluator LKE")]
        constraints = [
            models.CheckConstraint(
                condition=Q(tahun__gte=2000) & Q(tahun__lte=2100),
                name="kinerja_lembarkerjaevaluasi_tahun_wajar",
            ),
        ]

    def __str__(self) -> str:
        return f"LKE {self.tahun}"

    @property
    def terkunci(self) -> bool:
        return self.status == self.Status.FINAL


class KomponenLke(models.Model):
    lke = models.ForeignKey(
        LembarKerjaEvaluasi,
        verbose_name=_("LKE"),
        on_delete=models.CASCADE,
        related_name="komponen",
    )
    kode = models.CharField(_("kode"), max_length=10)
    nama = models.CharField(_("nama"), max_length=300)
    bobot = models.DecimalField(_("bobot"), **BOBOT)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("komponen LKE")
        verbose_name_plural = _("komponen LKE")
        ordering = ["lke", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["lke", "kode"], name="kinerja_komponenlke_kode_unik"),
            models.CheckConstraint(
                condition=Q(bobot__gte=0) & Q(bobot__lte=100), name="kinerja_komponenlke_bobot"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"


class SubKomponenLke(models.Model):
    class Jenis(models.TextChoices):
        PEMENUHAN = "pemenuhan", _("Pemenuhan (Y/T)")
        KUALITAS = "kualitas", _("Kualitas (A–E)")
        PEMANFAATAN = "pemanfaatan", _("Pemanfaatan (A–E)")

    komponen = models.ForeignKey(
        KomponenLke, verbose_name=_("komponen"), on_delete=models.CASCADE, related_name="sub"
    )
    kode = models.CharField(_("kode"), max_length=10)
    nama = models.CharField(_("nama"), max_length=300)
    bobot = models.DecimalField(_("bobot"), **BOBOT)
    jenis = models.CharField(_("jenis"), max_length=12, choices=Jenis.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sub-komponen LKE")
        verbose_name_plural = _("sub-komponen LKE")
        ordering = ["komponen__kode", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["komponen", "kode"], name="kinerja_subkomponenlke_kode_unik"
            ),
            models.CheckConstraint(
                condition=Q(bobot__gte=0) & Q(bobot__lte=100), name="kinerja_subkomponenlke_bobot"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"


class KriteriaLke(models.Model):
    sub = models.ForeignKey(
        SubKomponenLke,
        verbose_name=_("sub-komponen"),
        on_delete=models.CASCADE,
        related_name="kriteria",
    )
    nomor = models.PositiveSmallIntegerField(_("nomor"))
    uraian = models.TextField(_("uraian"), max_length=1000)
    aturan = models.CharField(_("aturan usulan otomatis"), max_length=40, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kriteria LKE")
        verbose_name_plural = _("kriteria LKE")
        ordering = ["sub__komponen__kode", "sub__kode", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["sub", "nomor"], name="kinerja_kriterialke_nomor_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.sub.kode}.{self.nomor}"


def _lokasi_bukti_lke(instance, filename: str) -> str:
    # the service sets a generated name; this only places it under a private folder
    return f"kinerja/lke/{instance.kriteria.sub.komponen.lke.tahun}/{filename}"


class JawabanLke(models.Model):
    """The answers of one criterion: self-assessment, proposal from the data, evaluator."""

    kriteria = models.OneToOneField(
        KriteriaLke, verbose_name=_("kriteria"), on_delete=models.CASCADE, related_name="jawaban"
    )
    jawaban = models.CharField(_("jawaban"), max_length=2, blank=True)
    catatan = models.TextField(_("catatan"), max_length=2000, blank=True)
    berkas = models.FileField(_("berkas bukti"), upload_to=_lokasi_bukti_lke, blank=True)
    nama_asli = models.CharField(_("nama berkas asli"), max_length=255, blank=True)
    jenis_berkas = models.CharField(_("jenis berkas"), max_length=10, blank=True)
    tautan = models.URLField(_("tautan bukti"), max_length=500, blank=True)
    usulan = models.CharField(_("jawaban usulan"), max_length=2, blank=True)
    usulan_alasan = models.TextField(_("alasan usulan"), blank=True)
    #: ``[[label, url], …]``: the app's pages the proposal was derived from.
    usulan_bukti = models.JSONField(_("data sumber usulan"), default=list, blank=True)
    usulan_dihitung_pada = models.DateTimeField(_("usulan dihitung pada"), null=True, blank=True)
    dikonfirmasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dikonfirmasi_pada = models.DateTimeField(_("dikonfirmasi pada"), null=True, blank=True)
    jawaban_evaluator = models.CharField(_("jawaban evaluator"), max_length=2, blank=True)
    catatan_evaluator = models.TextField(_("catatan evaluator"), max_length=2000, blank=True)
    dinilai_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dinilai_pada = models.DateTimeField(_("dinilai pada"), null=True, blank=True)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("jawaban LKE")
        verbose_name_plural = _("jawaban LKE")
        ordering = ["kriteria__sub__komponen__kode", "kriteria__sub__kode", "kriteria__nomor"]

    def __str__(self) -> str:
        return f"Jawaban {self.kriteria}"
