"""The data behind the IKPA (Indikator Kinerja Pelaksanaan Anggaran) and the output side of
the DIPA.

- ``ParameterIkpa``: the year's weights, absorption targets and component rules (data, not
  code: the treasury changes them; 2023 and 2024 are seeded from NOTES and PER-5/PB/2022,
  PER-5/PB/2024).
- ``RpdJenisBelanja``: halaman III DIPA per month *and* expenditure type (51 pegawai, 52 barang,
  53 modal, 57 bansos); the month totals in ``RencanaPenarikan`` are their sum.
- ``VolumeRo``: the volume target of one RO (rincian output) in one revision (its unit is the
  RO line's ``satuan``); ``RealisasiOutput``: the volume achieved in one month, with evidence and
  the Kasubag's verification.
- ``Kontrak``, ``Tagihan``: contracts (belanja kontraktual) and their invoices (penyelesaian
  tagihan); ``MutasiUp``: UP/TUP drawdowns, replenishments (GUP), accountability (PTUP) and
  returns; ``DispensasiSpm``: SPM submitted late with the KPPN's dispensation (a deduction).

Every figure is computed by ``anggaran.selectors.ikpa``; nothing here stores a score.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpu_site.status import PilihanBerwarna, nonmember

UANG = {"max_digits": 18, "decimal_places": 2}
PERSEN = {"max_digits": 6, "decimal_places": 2}
VOLUME = {"max_digits": 14, "decimal_places": 2}


class JenisBelanja(models.TextChoices):
    """Expenditure type: the first two digits of an akun code."""

    PEGAWAI = "51", _("Belanja Pegawai")
    BARANG = "52", _("Belanja Barang")
    MODAL = "53", _("Belanja Modal")
    BANSOS = "57", _("Belanja Bantuan Sosial")


def jenis_belanja_dari_akun(kode_akun: str) -> str | None:
    """``"52"`` for akun ``521211`` (the last segment of a full code also works); ``None`` when
    the code is not an expenditure akun the IKPA knows."""
    kode = kode_akun.rsplit(".", 1)[-1]
    jenis = kode[:2]
    return jenis if jenis in JenisBelanja.values else None


class ParameterIkpa(models.Model):
    """The IKPA rules of one year: indicator weights (sum 100), the quarterly absorption
    targets per expenditure type, and the parameters of the composite indicators."""

    tahun = models.PositiveSmallIntegerField(_("tahun"), unique=True)
    dasar_hukum = models.CharField(_("dasar hukum"), max_length=200)
    bobot_revisi = models.DecimalField(_("bobot revisi DIPA (%)"), **PERSEN)
    bobot_deviasi = models.DecimalField(_("bobot deviasi halaman III DIPA (%)"), **PERSEN)
    bobot_penyerapan = models.DecimalField(_("bobot penyerapan anggaran (%)"), **PERSEN)
    bobot_kontraktual = models.DecimalField(_("bobot belanja kontraktual (%)"), **PERSEN)
    bobot_tagihan = models.DecimalField(_("bobot penyelesaian tagihan (%)"), **PERSEN)
    bobot_up_tup = models.DecimalField(_("bobot pengelolaan UP dan TUP (%)"), **PERSEN)
    bobot_output = models.DecimalField(_("bobot capaian output (%)"), **PERSEN)
    deviasi_tertimbang = models.BooleanField(
        _("deviasi ditimbang dengan porsi pagu jenis belanja"),
        default=True,
        help_text=_(
            "Ya: deviasi bulanan = Σ deviasi jenis belanja × porsi pagunya (PER-5/PB/2024). "
            "Tidak: rata-rata sederhana deviasi jenis belanja yang direncanakan/direalisasikan."
        ),
    )
    target_penyerapan = models.JSONField(
        _("target penyerapan kumulatif per triwulan (%)"),
        help_text=_('Per jenis belanja: {"52": [15, 50, 70, 90], ...} untuk TW I–IV.'),
    )
    rincian = models.JSONField(
        _("parameter komponen"),
        default=dict,
        blank=True,
        help_text=_(
            "Bobot komponen dan batas waktu indikator komposit (belanja kontraktual, "
            "penyelesaian tagihan, UP/TUP, capaian output, pengurang dispensasi SPM)."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("parameter IKPA")
        verbose_name_plural = _("parameter IKPA")
        ordering = ["-tahun"]

    def __str__(self) -> str:
        return f"Parameter IKPA {self.tahun} ({self.dasar_hukum})"


class RpdJenisBelanja(models.Model):
    """Halaman III DIPA: the planned disbursement of one expenditure type in one month."""

    revisi = models.ForeignKey(
        "anggaran.Revisi",
        verbose_name=_("revisi"),
        on_delete=models.PROTECT,
        related_name="rpd_jenis",
    )
    bulan = models.PositiveSmallIntegerField(_("bulan"))
    jenis_belanja = models.CharField(_("jenis belanja"), max_length=2, choices=JenisBelanja.choices)
    nilai = models.DecimalField(_("rencana penarikan"), **UANG)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("RPD per jenis belanja")
        verbose_name_plural = _("RPD per jenis belanja")
        ordering = ["revisi", "bulan", "jenis_belanja"]
        constraints = [
            models.UniqueConstraint(
                fields=["revisi", "bulan", "jenis_belanja"], name="anggaran_rpdjenis_unik"
            ),
            models.CheckConstraint(
                condition=Q(bulan__gte=1) & Q(bulan__lte=12), name="anggaran_rpdjenis_bulan_sah"
            ),
            models.CheckConstraint(
                condition=Q(nilai__gte=0), name="anggaran_rpdjenis_nilai_positif"
            ),
        ]

    def __str__(self) -> str:
        return f"RPD {self.jenis_belanja} bulan {self.bulan} ({self.revisi})"


class VolumeRo(models.Model):
    """The volume target of one RO in one revision (e.g. 6 Laporan); the unit is ``ro.satuan``."""

    revisi = models.ForeignKey(
        "anggaran.Revisi",
        verbose_name=_("revisi"),
        on_delete=models.PROTECT,
        related_name="volume_ro",
    )
    ro = models.ForeignKey(
        "anggaran.Pos", verbose_name=_("RO"), on_delete=models.PROTECT, related_name="volume_target"
    )
    volume = models.DecimalField(_("target volume"), **VOLUME)
    rencana = models.JSONField(
        _("proyeksi capaian kumulatif per bulan"),
        default=list,
        blank=True,
        help_text=_(
            "12 angka volume kumulatif yang direncanakan tercapai s.d. Januari … Desember. "
            "Kosong: target dianggap tercapai merata (target × bulan ÷ 12)."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target volume RO")
        verbose_name_plural = _("target volume RO")
        ordering = ["revisi", "ro__kode_lengkap"]
        constraints = [
            models.UniqueConstraint(fields=["revisi", "ro"], name="anggaran_volumero_unik"),
            models.CheckConstraint(condition=Q(volume__gt=0), name="anggaran_volumero_positif"),
        ]

    def __str__(self) -> str:
        return f"{self.ro.kode_lengkap}: {self.volume} {self.ro.satuan}"


def _lokasi_bukti_output(instance, filename: str) -> str:
    return f"anggaran/output/{instance.ro.dokumen.tahun}/{filename}"


class RealisasiOutput(models.Model):
    """The volume of one RO achieved in one month (the month's own addition, not cumulative),
    reported on ``tanggal_lapor`` with evidence; verified by the Kasubag Keuangan.

    Workflow as kinerja realisasi: draft → diajukan → diverifikasi, or dikembalikan with a note.
    """

    class Status(PilihanBerwarna):
        DRAFT = "draft", _("Draft")
        DIAJUKAN = "diajukan", _("Diajukan ke Kasubag")
        DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")
        DIVERIFIKASI = "diverifikasi", _("Diverifikasi Kasubag")

        WARNA = nonmember(
            {
                "draft": "secondary",
                "diajukan": "info",
                "dikembalikan": "danger",
                "diverifikasi": "success",
            }
        )

    STATUS_DAPAT_DIUBAH = frozenset({"draft", "dikembalikan"})
    # what counts as reported (pages, LKj, IKPA): submitted or verified, not a draft or returned
    STATUS_DILAPORKAN = frozenset({"diajukan", "diverifikasi"})

    ro = models.ForeignKey(
        "anggaran.Pos",
        verbose_name=_("RO"),
        on_delete=models.PROTECT,
        related_name="realisasi_output",
    )
    bulan = models.PositiveSmallIntegerField(_("bulan"))
    volume = models.DecimalField(_("realisasi volume bulan ini"), **VOLUME)
    tanggal_lapor = models.DateField(_("tanggal lapor"))
    keterangan = models.TextField(_("keterangan"), blank=True)
    bukti = models.FileField(
        _("bukti dukung"), upload_to=_lokasi_bukti_output, max_length=200, blank=True
    )
    tautan_bukti = models.URLField(_("tautan bukti"), blank=True)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.DRAFT
    )
    catatan_verifikasi = models.TextField(_("catatan verifikator"), blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diverifikasi_pada = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("realisasi output RO")
        verbose_name_plural = _("realisasi output RO")
        ordering = ["ro__kode_lengkap", "bulan"]
        permissions = [
            ("verifikasi_output", "Dapat memverifikasi realisasi output RO"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["ro", "bulan"], name="anggaran_realisasioutput_unik"),
            models.CheckConstraint(
                condition=Q(bulan__gte=1) & Q(bulan__lte=12),
                name="anggaran_realisasioutput_bulan_sah",
            ),
            models.CheckConstraint(
                condition=Q(volume__gte=0), name="anggaran_realisasioutput_volume_positif"
            ),
        ]

    def __str__(self) -> str:
        return f"Output {self.ro.kode_lengkap} bulan {self.bulan}: {self.volume}"

    @property
    def dapat_diubah(self) -> bool:
        return self.status in self.STATUS_DAPAT_DIUBAH


class DataTerverifikasi(models.Model):
    """Entered by Keuangan, verified by its Kasubag (or the Sekretaris): who verified it and
    when. Any later change clears the verification (``services_verifikasi``)."""

    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diverifikasi oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diverifikasi_pada = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def terverifikasi(self) -> bool:
        return self.diverifikasi_pada is not None

    @property
    def verifikator(self) -> str:
        """The Excel column "Diverifikasi oleh": the verifier's name, or that it still waits."""
        if not self.terverifikasi:
            return "belum diverifikasi"
        return str(self.diverifikasi_oleh or "—")


class Kontrak(DataTerverifikasi):
    """A contract (perjanjian/kontrak) charged to one akun line of the DIPA."""

    dokumen = models.ForeignKey(
        "anggaran.DokumenAnggaran",
        verbose_name=_("dokumen"),
        on_delete=models.PROTECT,
        related_name="kontrak",
    )
    akun = models.ForeignKey(
        "anggaran.Pos", verbose_name=_("akun"), on_delete=models.PROTECT, related_name="kontrak"
    )
    nomor = models.CharField(_("nomor kontrak"), max_length=100)
    tanggal = models.DateField(_("tanggal tanda tangan"))
    tanggal_daftar = models.DateField(_("tanggal didaftarkan ke KPPN"), null=True, blank=True)
    tanggal_selesai = models.DateField(_("tanggal akhir pekerjaan"))
    penyedia = models.CharField(_("penyedia"), max_length=200)
    uraian = models.CharField(_("uraian pekerjaan"), max_length=500)
    nilai = models.DecimalField(_("nilai kontrak"), **UANG)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kontrak")
        verbose_name_plural = _("kontrak")
        ordering = ["tanggal", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["dokumen", "nomor"], name="anggaran_kontrak_nomor_unik"
            ),
            models.CheckConstraint(condition=Q(nilai__gt=0), name="anggaran_kontrak_nilai_positif"),
            models.CheckConstraint(
                condition=Q(tanggal_selesai__gte=models.F("tanggal")),
                name="anggaran_kontrak_selesai_setelah_tanda_tangan",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nomor} – {self.penyedia}"


class Tagihan(DataTerverifikasi):
    """An invoice (tagihan) on a contract: the BAST/BAPP that makes it due, the SPM that asks
    for payment and the SP2D that paid it."""

    kontrak = models.ForeignKey(
        Kontrak, verbose_name=_("kontrak"), on_delete=models.PROTECT, related_name="tagihan"
    )
    nomor = models.CharField(_("nomor tagihan / BAST"), max_length=100)
    tanggal_bast = models.DateField(_("tanggal BAST/BAPP"))
    tanggal_spm = models.DateField(_("tanggal SPM"), null=True, blank=True)
    tanggal_sp2d = models.DateField(_("tanggal SP2D (dibayar)"), null=True, blank=True)
    nilai = models.DecimalField(_("nilai tagihan"), **UANG)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tagihan")
        verbose_name_plural = _("tagihan")
        ordering = ["tanggal_bast", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["kontrak", "nomor"], name="anggaran_tagihan_nomor_unik"
            ),
            models.CheckConstraint(condition=Q(nilai__gt=0), name="anggaran_tagihan_nilai_positif"),
        ]

    def __str__(self) -> str:
        return f"{self.nomor} ({self.kontrak.nomor})"


class MutasiUp(DataTerverifikasi):
    """One movement of the cash advance: UP given, replenished (GUP), TUP given, TUP accounted
    for (PTUP) or returned (setoran), UP returned at year end."""

    class Jenis(models.TextChoices):
        UP = "up", _("UP (uang persediaan)")
        GUP = "gup", _("GUP (penggantian UP)")
        TUP = "tup", _("TUP (tambahan UP)")
        PTUP = "ptup", _("PTUP (pertanggungjawaban TUP)")
        SETOR_TUP = "setor_tup", _("Setoran sisa TUP")
        SETOR_UP = "setor_up", _("Setoran sisa UP")

    dokumen = models.ForeignKey(
        "anggaran.DokumenAnggaran",
        verbose_name=_("dokumen"),
        on_delete=models.PROTECT,
        related_name="mutasi_up",
    )
    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis.choices)
    nomor = models.CharField(_("nomor SP2D/bukti setor"), max_length=100)
    tanggal = models.DateField(_("tanggal"))
    nilai = models.DecimalField(_("nilai"), **UANG)
    tup = models.ForeignKey(
        "self",
        verbose_name=_("TUP yang dipertanggungjawabkan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="penyelesaian",
    )
    batas_waktu = models.DateField(
        _("batas pertanggungjawaban"),
        null=True,
        blank=True,
        help_text=_("Untuk TUP: paling lama 1 bulan sejak SP2D TUP."),
    )
    keterangan = models.CharField(_("keterangan"), max_length=300, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mutasi UP/TUP")
        verbose_name_plural = _("mutasi UP/TUP")
        ordering = ["tanggal", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["dokumen", "jenis", "nomor"], name="anggaran_mutasiup_nomor_unik"
            ),
            models.CheckConstraint(
                condition=Q(nilai__gt=0), name="anggaran_mutasiup_nilai_positif"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.nomor}"


class DispensasiSpm(DataTerverifikasi):
    """A dispensation the KPPN gave for SPM submitted after the deadline (a deduction on the
    month's IKPA)."""

    dokumen = models.ForeignKey(
        "anggaran.DokumenAnggaran",
        verbose_name=_("dokumen"),
        on_delete=models.PROTECT,
        related_name="dispensasi_spm",
    )
    nomor = models.CharField(_("nomor surat dispensasi"), max_length=100)
    tanggal = models.DateField(_("tanggal"))
    jumlah_spm = models.PositiveSmallIntegerField(_("jumlah SPM"), default=1)
    alasan = models.CharField(_("alasan"), max_length=500)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dispensasi SPM")
        verbose_name_plural = _("dispensasi SPM")
        ordering = ["tanggal", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["dokumen", "nomor"], name="anggaran_dispensasispm_nomor_unik"
            ),
            models.CheckConstraint(
                condition=Q(jumlah_spm__gte=1), name="anggaran_dispensasispm_jumlah_positif"
            ),
        ]

    def __str__(self) -> str:
        return f"Dispensasi SPM {self.nomor}"
