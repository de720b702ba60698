"""Budget data: DIPA (and hibah) documents, their revisions, the budget tree, pagu, RPD and
realisasi.

- ``DokumenAnggaran`` is a DIPA (APBN, one per year) or a hibah (grant from the local
  government, NPHD): each has its own tree, its own realisasi and its own reports; hibah
  figures are never added to DIPA totals.
- ``Revisi``: revisi ke-0 is the DIPA awal; every later revision is a new version of the pagu
  (a full set of ``Pagu`` rows), never an overwrite, so any report can be produced as of a
  revision and two revisions can be compared.
- ``Pos``: one node of the tree (program → kegiatan → KRO → RO → komponen → subkomponen →
  akun → detail). Pagu is entered only at the ``detail`` leaves (volume × harga) and summed
  upwards by ``anggaran.selectors.jumlah_ke_atas``; realisasi is booked on ``akun`` lines.
- Figures (pagu, realisasi, sisa, serapan) are computed, never stored.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpu_site.formatting import bulan as nama_bulan
from kpu_site.tahun import tahun_terkunci

UANG = {"max_digits": 18, "decimal_places": 2}


class DokumenAnggaran(models.Model):
    """A DIPA of one year (APBN) or a hibah agreement (NPHD) with its own tree."""

    class Jenis(models.TextChoices):
        DIPA = "dipa", _("DIPA (APBN)")
        HIBAH = "hibah", _("Hibah (NPHD)")

    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis.choices)
    tahun = models.PositiveSmallIntegerField(_("tahun anggaran"))
    nomor = models.CharField(
        _("nomor"),
        max_length=100,
        unique=True,
        help_text=_("Nomor DIPA (mis. SP DIPA-076.01.2.670714/2023) atau nomor NPHD."),
    )
    tanggal = models.DateField(_("tanggal"))
    uraian = models.CharField(_("uraian"), max_length=300)
    pemberi = models.CharField(
        _("pemberi hibah"), max_length=200, blank=True, help_text=_("Hanya untuk hibah.")
    )
    terkunci = models.BooleanField(_("terkunci"), default=False)
    dikunci_pada = models.DateTimeField(_("dikunci pada"), null=True, blank=True)
    dikunci_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dikunci oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dokumen anggaran")
        verbose_name_plural = _("dokumen anggaran")
        ordering = ["-tahun", "jenis", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["tahun"],
                condition=Q(jenis="dipa"),
                name="anggaran_dokumenanggaran_satu_dipa_per_tahun",
            ),
            models.CheckConstraint(
                condition=Q(tahun__gte=2000) & Q(tahun__lte=2100),
                name="anggaran_dokumenanggaran_tahun_wajar",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nomor} ({self.tahun})"

    @property
    def is_hibah(self) -> bool:
        return self.jenis == self.Jenis.HIBAH

    @property
    def tahun_terkunci(self) -> bool:
        """Its year is locked (the one year lock; for display, cached)."""
        return tahun_terkunci(self.tahun)

    @property
    def dapat_diubah(self) -> bool:
        """For the pages: neither its year nor the document itself is locked (the services
        check again with ``services.pastikan_terbuka``)."""
        return not self.terkunci and not self.tahun_terkunci


class Revisi(models.Model):
    """Revisi ke-N of a document's pagu (ke-0 = DIPA awal / NPHD awal)."""

    dokumen = models.ForeignKey(
        DokumenAnggaran, verbose_name=_("dokumen"), on_delete=models.PROTECT, related_name="revisi"
    )
    nomor = models.PositiveSmallIntegerField(_("revisi ke"))
    tanggal = models.DateField(_("tanggal"))
    alasan = models.TextField(_("alasan"))
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    dihitung_ikpa = models.BooleanField(
        _("dihitung dalam IKPA revisi DIPA"),
        default=True,
        help_text=_(
            "Revisi dalam hal pagu anggaran tetap yang disahkan Kanwil DJPb/DJA. Revisi POK "
            "di tingkat satker dan revisi yang mengubah pagu satker tidak dihitung."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("revisi")
        verbose_name_plural = _("revisi")
        ordering = ["dokumen", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["dokumen", "nomor"], name="anggaran_revisi_nomor_unik_per_dokumen"
            )
        ]

    def __str__(self) -> str:
        if self.nomor == 0:
            return f"{self.dokumen.nomor} – pagu awal"
        return f"{self.dokumen.nomor} – revisi ke-{self.nomor}"


class Pos(models.Model):
    """One node of the budget tree. Pagu lives on ``detail`` leaves, realisasi on ``akun``."""

    class Tingkat(models.TextChoices):
        PROGRAM = "program", _("Program")
        KEGIATAN = "kegiatan", _("Kegiatan")
        KRO = "kro", _("KRO")
        RO = "ro", _("RO")
        KOMPONEN = "komponen", _("Komponen")
        SUBKOMPONEN = "subkomponen", _("Subkomponen")
        AKUN = "akun", _("Akun")
        DETAIL = "detail", _("Detail")

    URUTAN_TINGKAT = {t: i for i, t in enumerate(Tingkat.values)}

    dokumen = models.ForeignKey(
        DokumenAnggaran, verbose_name=_("dokumen"), on_delete=models.PROTECT, related_name="pos"
    )
    induk = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="anak",
    )
    tingkat = models.CharField(_("tingkat"), max_length=12, choices=Tingkat.choices)
    kode = models.CharField(_("kode"), max_length=40)
    kode_lengkap = models.CharField(_("kode lengkap"), max_length=250, db_index=True)
    uraian = models.CharField(_("uraian"), max_length=500)
    satuan = models.CharField(_("satuan"), max_length=30, blank=True)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)
    unit = models.ForeignKey(
        "sekretariat.UnitOrganisasi",
        verbose_name=_("unit pengampu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pos_anggaran",
        help_text=_("Untuk baris RO: sub bagian yang melaporkan realisasi outputnya."),
    )
    sasaran = models.ManyToManyField(
        "kinerja.Sasaran",
        verbose_name=_("sasaran strategis yang didanai"),
        blank=True,
        related_name="pos_anggaran",
        help_text=_("Untuk baris kegiatan, KRO atau RO."),
    )
    history = HistoricalRecords()

    TINGKAT_BERSASARAN = ("kegiatan", "kro", "ro")

    class Meta:
        verbose_name = _("pos anggaran")
        verbose_name_plural = _("pos anggaran")
        ordering = ["dokumen", "urutan", "kode_lengkap"]
        constraints = [
            models.UniqueConstraint(
                fields=["dokumen", "kode_lengkap"], name="anggaran_pos_kode_unik_per_dokumen"
            ),
            models.CheckConstraint(
                condition=Q(
                    tingkat__in=[
                        "program",
                        "kegiatan",
                        "kro",
                        "ro",
                        "komponen",
                        "subkomponen",
                        "akun",
                        "detail",
                    ]
                ),
                name="anggaran_pos_tingkat_sah",
            ),
            models.CheckConstraint(
                condition=Q(tingkat="program") | Q(induk__isnull=False),
                name="anggaran_pos_berinduk_kecuali_program",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode_lengkap} {self.uraian}"

    @property
    def kedalaman(self) -> int:
        return self.URUTAN_TINGKAT[self.tingkat]


class Pagu(models.Model):
    """The pagu of one detail line in one revision: volume × harga (per ``satuan``)."""

    revisi = models.ForeignKey(
        Revisi, verbose_name=_("revisi"), on_delete=models.PROTECT, related_name="pagu"
    )
    pos = models.ForeignKey(
        Pos, verbose_name=_("detail"), on_delete=models.PROTECT, related_name="pagu"
    )
    volume = models.DecimalField(_("volume"), **UANG)
    harga = models.DecimalField(_("harga satuan"), **UANG)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pagu detail")
        verbose_name_plural = _("pagu detail")
        constraints = [
            models.UniqueConstraint(fields=["revisi", "pos"], name="anggaran_pagu_satu_per_revisi"),
            models.CheckConstraint(condition=Q(volume__gte=0), name="anggaran_pagu_volume_positif"),
            models.CheckConstraint(condition=Q(harga__gte=0), name="anggaran_pagu_harga_positif"),
        ]

    def __str__(self) -> str:
        return f"{self.pos.kode_lengkap}: {self.volume} × {self.harga}"

    @property
    def jumlah(self) -> Decimal:
        from .selectors import pagu_detail_compute

        return pagu_detail_compute(self.volume, self.harga)


class RencanaPenarikan(models.Model):
    """RPD (halaman III DIPA): the planned disbursement of one month in one revision."""

    revisi = models.ForeignKey(
        Revisi, verbose_name=_("revisi"), on_delete=models.PROTECT, related_name="rpd"
    )
    bulan = models.PositiveSmallIntegerField(_("bulan"))
    nilai = models.DecimalField(_("rencana penarikan"), **UANG)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rencana penarikan dana (RPD)")
        verbose_name_plural = _("rencana penarikan dana (RPD)")
        ordering = ["revisi", "bulan"]
        constraints = [
            models.UniqueConstraint(fields=["revisi", "bulan"], name="anggaran_rpd_satu_per_bulan"),
            models.CheckConstraint(
                condition=Q(bulan__gte=1) & Q(bulan__lte=12), name="anggaran_rpd_bulan_sah"
            ),
            models.CheckConstraint(condition=Q(nilai__gte=0), name="anggaran_rpd_nilai_positif"),
        ]

    def __str__(self) -> str:
        return f"RPD {self.revisi} bulan {self.nama_bulan}"

    @property
    def nama_bulan(self) -> str:
        return nama_bulan(self.bulan)


class ImporRealisasi(models.Model):
    """One accepted import of a finance-system export (the rows carry ``impor``)."""

    dokumen = models.ForeignKey(
        DokumenAnggaran, verbose_name=_("dokumen"), on_delete=models.PROTECT, related_name="impor"
    )
    nama_berkas = models.CharField(_("nama berkas"), max_length=255)
    jumlah_baris = models.PositiveIntegerField(_("baris diimpor"), default=0)
    jumlah_dilewati = models.PositiveIntegerField(_("baris sudah ada (dilewati)"), default=0)
    total_nilai = models.DecimalField(_("total nilai"), default=Decimal("0"), **UANG)
    diimpor_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diimpor oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    diimpor_pada = models.DateTimeField(_("diimpor pada"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("impor realisasi")
        verbose_name_plural = _("impor realisasi")
        ordering = ["-diimpor_pada"]

    def __str__(self) -> str:
        return f"Impor {self.nama_berkas} ({self.jumlah_baris} baris)"


class Realisasi(models.Model):
    """One payment (SP2D) booked on an akun line."""

    class Asal(models.TextChoices):
        FORMULIR = "formulir", _("Formulir")
        IMPOR = "impor", _("Impor")

    dokumen = models.ForeignKey(
        DokumenAnggaran,
        verbose_name=_("dokumen"),
        on_delete=models.PROTECT,
        related_name="realisasi",
    )
    akun = models.ForeignKey(
        Pos, verbose_name=_("akun"), on_delete=models.PROTECT, related_name="realisasi"
    )
    tanggal = models.DateField(_("tanggal"))
    nomor_sp2d = models.CharField(_("nomor SP2D"), max_length=60)
    nomor_spm = models.CharField(_("nomor SPM"), max_length=60, blank=True)
    uraian = models.CharField(_("uraian"), max_length=500, blank=True)
    nilai = models.DecimalField(_("nilai"), **UANG)
    asal = models.CharField(_("asal"), max_length=10, choices=Asal.choices, default=Asal.FORMULIR)
    impor = models.ForeignKey(
        ImporRealisasi,
        verbose_name=_("impor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="realisasi",
    )
    pelampauan_alasan = models.TextField(_("alasan pelampauan pagu"), blank=True)
    pelampauan_disetujui_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pelampauan disetujui oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("realisasi")
        verbose_name_plural = _("realisasi")
        ordering = ["tanggal", "nomor_sp2d", "id"]
        permissions = [
            ("setujui_pelampauan", "Dapat menyetujui realisasi yang melebihi pagu"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["dokumen", "nomor_sp2d", "akun"], name="anggaran_realisasi_sp2d_akun_unik"
            ),
            models.CheckConstraint(
                condition=Q(nilai__gt=0), name="anggaran_realisasi_nilai_positif"
            ),
        ]
        indexes = [models.Index(fields=["dokumen", "tanggal"], name="anggaran_real_dok_tgl")]

    def __str__(self) -> str:
        return f"{self.nomor_sp2d} {self.akun.kode_lengkap if self.akun_id else ''}".strip()


from .model_ikpa import (  # noqa: E402,F401  (models of this app, kept in their own module)
    DispensasiSpm,
    JenisBelanja,
    Kontrak,
    MutasiUp,
    ParameterIkpa,
    RealisasiOutput,
    RpdJenisBelanja,
    Tagihan,
    VolumeRo,
    jenis_belanja_dari_akun,
)
