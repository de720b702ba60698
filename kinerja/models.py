"""Performance data: Renstra (visi, misi, tujuan, sasaran, indikator, yearly targets), the
yearly Perjanjian Kinerja with its revisions, quarterly and yearly realisasi with evidence, and
the capaian settings.

Capaian itself is never stored: ``kinerja.capaian.capaian_compute`` derives it from the stored
target and realisasi every time it is shown.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpu_site.status import PilihanBerwarna, nonmember

from .model_revisi import revisi_constraints

ANGKA = {"max_digits": 18, "decimal_places": 4}


class Renstra(models.Model):
    """The five-year strategic plan (e.g. 2020–2024)."""

    nama = models.CharField(_("nama"), max_length=200)
    tahun_mulai = models.PositiveSmallIntegerField(_("tahun mulai"), unique=True)
    tahun_selesai = models.PositiveSmallIntegerField(_("tahun selesai"))
    visi = models.TextField(_("visi"))
    dasar_hukum = models.CharField(_("dasar penetapan"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("renstra")
        verbose_name_plural = _("renstra")
        ordering = ["-tahun_mulai"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tahun_selesai__gte=F("tahun_mulai")),
                name="kinerja_renstra_periode_urut",
            )
        ]

    def __str__(self) -> str:
        return f"Renstra {self.tahun_mulai}–{self.tahun_selesai}"

    @property
    def daftar_tahun(self) -> list[int]:
        return list(range(self.tahun_mulai, self.tahun_selesai + 1))


class Misi(models.Model):
    renstra = models.ForeignKey(
        Renstra, verbose_name=_("renstra"), on_delete=models.CASCADE, related_name="misi"
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"))
    uraian = models.TextField(_("uraian"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("misi")
        verbose_name_plural = _("misi")
        ordering = ["renstra", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["renstra", "urutan"], name="kinerja_misi_urutan_unik")
        ]

    def __str__(self) -> str:
        return f"Misi {self.urutan}"


class Tujuan(models.Model):
    renstra = models.ForeignKey(
        Renstra, verbose_name=_("renstra"), on_delete=models.CASCADE, related_name="tujuan"
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"))
    uraian = models.TextField(_("uraian"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tujuan")
        verbose_name_plural = _("tujuan")
        ordering = ["renstra", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["renstra", "urutan"], name="kinerja_tujuan_urutan_unik")
        ]

    def __str__(self) -> str:
        return f"Tujuan {self.urutan}"


class Sasaran(models.Model):
    """A sasaran strategis, owned by one sub-bagian (whose Staf enter its realisasi)."""

    tujuan = models.ForeignKey(
        Tujuan, verbose_name=_("tujuan"), on_delete=models.PROTECT, related_name="sasaran"
    )
    nomor = models.PositiveSmallIntegerField(_("nomor"))
    uraian = models.TextField(_("uraian"))
    unit = models.ForeignKey(
        "sekretariat.UnitOrganisasi",
        verbose_name=_("sub bagian penanggung jawab"),
        on_delete=models.PROTECT,
        related_name="sasaran_kinerja",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sasaran strategis")
        verbose_name_plural = _("sasaran strategis")
        ordering = ["nomor"]

    def __str__(self) -> str:
        return f"Sasaran {self.nomor}"


class Indikator(models.Model):
    """An indikator kinerja of a sasaran: unit of measure, direction, precision, aggregation."""

    class Satuan(models.TextChoices):
        PERSEN = "persen", _("%")
        DOKUMEN = "dokumen", _("dokumen")
        LAPORAN = "laporan", _("laporan")
        ORANG = "orang", _("orang")
        KEGIATAN = "kegiatan", _("kegiatan")
        HARI = "hari", _("hari")
        NILAI = "nilai", _("nilai")
        INDEKS = "indeks", _("indeks")

    #: Units that count things: whole numbers only.
    SATUAN_CACAH = frozenset({"dokumen", "laporan", "orang", "kegiatan", "hari"})

    class Arah(models.TextChoices):
        NAIK = "naik", _("semakin tinggi semakin baik")
        TURUN = "turun", _("semakin rendah semakin baik")
        RENTANG = "rentang", _("rentang (di antara batas bawah dan atas)")

    class Agregasi(models.TextChoices):
        KUMULATIF = "kumulatif", _("kumulatif (nilai TW IV)")
        JUMLAH = "jumlah", _("jumlah TW I–IV")
        RATA_RATA = "rata_rata", _("rata-rata TW yang terisi")
        TERAKHIR = "terakhir", _("nilai TW terakhir yang terisi")

    sasaran = models.ForeignKey(
        Sasaran, verbose_name=_("sasaran"), on_delete=models.PROTECT, related_name="indikator"
    )
    kode = models.CharField(_("kode"), max_length=20)
    uraian = models.TextField(_("uraian"))
    satuan = models.CharField(_("satuan"), max_length=10, choices=Satuan.choices)
    arah = models.CharField(_("arah"), max_length=10, choices=Arah.choices, default=Arah.NAIK)
    presisi = models.PositiveSmallIntegerField(
        _("jumlah desimal"), default=2, help_text=_("0 sampai 4 angka di belakang koma.")
    )
    agregasi = models.CharField(
        _("cara agregasi tahunan"),
        max_length=10,
        choices=Agregasi.choices,
        default=Agregasi.KUMULATIF,
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indikator kinerja")
        verbose_name_plural = _("indikator kinerja")
        ordering = ["sasaran__nomor", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["sasaran", "kode"], name="kinerja_indikator_kode_unik"),
            models.CheckConstraint(
                condition=Q(presisi__lte=4), name="kinerja_indikator_presisi_maks"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian[:80]}"

    @property
    def unit(self):
        return self.sasaran.unit

    @property
    def unit_id(self) -> int:
        return self.sasaran.unit_id

    @property
    def satuan_label(self) -> str:
        return self.get_satuan_display()

    def nilai_teks(self, nilai) -> str:
        """A target or realisasi of this indikator as the reports print it: ``95,00%``,
        ``12 dokumen``, ``–`` when there is none."""
        from kpu_site.formatting import angka

        if nilai is None:
            return "–"
        teks = angka(nilai, self.presisi)
        return f"{teks}%" if self.satuan == "persen" else f"{teks} {self.satuan_label}"


class TargetTahunan(models.Model):
    """The Renstra target of an indikator for one year of the period.

    For a range indikator ``target`` is the lower bound and ``target_atas`` the upper bound.
    """

    indikator = models.ForeignKey(
        Indikator, verbose_name=_("indikator"), on_delete=models.CASCADE, related_name="target"
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    target = models.DecimalField(_("target"), **ANGKA)
    target_atas = models.DecimalField(_("batas atas"), null=True, blank=True, **ANGKA)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target renstra")
        verbose_name_plural = _("target renstra")
        ordering = ["indikator", "tahun"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun"], name="kinerja_targettahunan_satu_per_tahun"
            ),
            models.CheckConstraint(
                condition=Q(target_atas__isnull=True) | Q(target_atas__gte=F("target")),
                name="kinerja_targettahunan_rentang_urut",
            ),
        ]

    def __str__(self) -> str:
        return f"Target {self.tahun} {self.indikator.kode}"


class PerjanjianKinerja(models.Model):
    """The yearly Perjanjian Kinerja. Signed = frozen; a change is a new revision."""

    class Status(PilihanBerwarna):
        DRAFT = "draft", _("Draft")
        DITANDATANGANI = "ditandatangani", _("Ditandatangani")
        DIGANTI = "diganti", _("Diganti revisi berikutnya")

        WARNA = nonmember({"draft": "warning", "ditandatangani": "success", "diganti": "secondary"})

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    revisi = models.PositiveSmallIntegerField(_("revisi"), default=0)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.DRAFT
    )
    alasan_perubahan = models.TextField(_("alasan perubahan"), blank=True)
    pihak_pertama_nama = models.CharField(_("pihak pertama"), max_length=150, blank=True)
    pihak_pertama_jabatan = models.CharField(_("jabatan pihak pertama"), max_length=150, blank=True)
    pihak_kedua_nama = models.CharField(_("pihak kedua"), max_length=150, blank=True)
    pihak_kedua_jabatan = models.CharField(_("jabatan pihak kedua"), max_length=150, blank=True)
    tempat = models.CharField(_("tempat"), max_length=100, blank=True)
    tanggal = models.DateField(_("tanggal"), null=True, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ditandatangani_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditandatangani (dicatat) oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ditandatangani_pada = models.DateTimeField(_("dicatat ditandatangani pada"), null=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("perjanjian kinerja")
        verbose_name_plural = _("perjanjian kinerja")
        ordering = ["-tahun", "-revisi"]
        constraints = revisi_constraints(
            "kinerja_perjanjiankinerja", ["tahun"], berlaku="ditandatangani"
        )

    def __str__(self) -> str:
        if self.revisi:
            return f"PK {self.tahun} (perubahan ke-{self.revisi})"
        return f"PK {self.tahun}"

    @property
    def terkunci(self) -> bool:
        return self.status != self.Status.DRAFT


class PKBaris(models.Model):
    """One row of a PK: an indikator and its target for the year."""

    perjanjian = models.ForeignKey(
        PerjanjianKinerja,
        verbose_name=_("perjanjian kinerja"),
        on_delete=models.CASCADE,
        related_name="baris",
    )
    indikator = models.ForeignKey(
        Indikator, verbose_name=_("indikator"), on_delete=models.PROTECT, related_name="baris_pk"
    )
    target = models.DecimalField(_("target"), **ANGKA)
    target_atas = models.DecimalField(_("batas atas"), null=True, blank=True, **ANGKA)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("baris perjanjian kinerja")
        verbose_name_plural = _("baris perjanjian kinerja")
        ordering = ["indikator__sasaran__nomor", "indikator__kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["perjanjian", "indikator"], name="kinerja_pkbaris_indikator_unik"
            ),
            models.CheckConstraint(
                condition=Q(target_atas__isnull=True) | Q(target_atas__gte=F("target")),
                name="kinerja_pkbaris_rentang_urut",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.perjanjian} · {self.indikator.kode}"


class Realisasi(models.Model):
    """Realisasi of an indikator for one period (TW I–IV or the year) with its narrative.

    Workflow: draft → diajukan (Staf) → diverifikasi (Kasubag) → disetujui (Sekretaris);
    a verifier may return it (dikembalikan) with a comment. ``versi`` is the optimistic lock.
    """

    class Periode(models.TextChoices):
        TW1 = "tw1", _("TW I")
        TW2 = "tw2", _("TW II")
        TW3 = "tw3", _("TW III")
        TW4 = "tw4", _("TW IV")
        TAHUNAN = "tahunan", _("Tahunan")

    TRIWULAN = ("tw1", "tw2", "tw3", "tw4")

    class Status(PilihanBerwarna):
        DRAFT = "draft", _("Draft")
        DIAJUKAN = "diajukan", _("Diajukan ke Kasubag")
        DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")
        DIVERIFIKASI = "diverifikasi", _("Diverifikasi Kasubag")
        DISETUJUI = "disetujui", _("Disetujui Sekretaris")

        WARNA = nonmember(
            {
                "draft": "secondary",
                "diajukan": "info",
                "dikembalikan": "danger",
                "diverifikasi": "primary",
                "disetujui": "success",
            }
        )

    STATUS_DAPAT_DIUBAH = frozenset({"draft", "dikembalikan"})

    indikator = models.ForeignKey(
        Indikator, verbose_name=_("indikator"), on_delete=models.PROTECT, related_name="realisasi"
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    periode = models.CharField(_("periode"), max_length=10, choices=Periode.choices)
    target_periode = models.DecimalField(
        _("target periode (rencana aksi)"), null=True, blank=True, **ANGKA
    )
    nilai = models.DecimalField(_("realisasi"), null=True, blank=True, **ANGKA)
    analisis = models.TextField(_("analisis capaian"), blank=True)
    kendala = models.TextField(_("penyebab keberhasilan/kegagalan (kendala)"), blank=True)
    solusi = models.TextField(_("solusi / langkah perbaikan"), blank=True)
    program_pendukung = models.TextField(_("program/kegiatan pendukung"), blank=True)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.DRAFT
    )
    catatan_verifikasi = models.TextField(_("catatan verifikator"), blank=True)
    versi = models.PositiveIntegerField(_("versi"), default=1)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diubah oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    diubah_pada = models.DateTimeField(_("diubah pada"), auto_now=True)
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diajukan_pada = models.DateTimeField(null=True, blank=True)
    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diverifikasi_pada = models.DateTimeField(null=True, blank=True)
    disetujui_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    disetujui_pada = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("realisasi kinerja")
        verbose_name_plural = _("realisasi kinerja")
        ordering = ["tahun", "indikator__sasaran__nomor", "indikator__kode", "periode"]
        permissions = [
            ("verifikasi_realisasi", "Dapat memverifikasi realisasi kinerja sub bagiannya"),
            ("setujui_realisasi", "Dapat menyetujui realisasi kinerja"),
            ("finalisasi_laporan", "Dapat memfinalisasi Laporan Kinerja"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun", "periode"], name="kinerja_realisasi_satu_per_periode"
            ),
        ]

    def __str__(self) -> str:
        return f"Realisasi {self.indikator.kode} {self.get_periode_display()} {self.tahun}"

    @property
    def dapat_diubah(self) -> bool:
        return self.status in self.STATUS_DAPAT_DIUBAH


def _lokasi_bukti(instance, filename: str) -> str:
    # the service sets a generated name; this only places it under a private folder
    return f"kinerja/bukti/{instance.realisasi.tahun}/{filename}"


class BuktiDukung(models.Model):
    """Evidence for a realisasi: an uploaded file (stored under a generated name) or a link."""

    realisasi = models.ForeignKey(
        Realisasi, verbose_name=_("realisasi"), on_delete=models.CASCADE, related_name="bukti"
    )
    berkas = models.FileField(_("berkas"), upload_to=_lokasi_bukti, blank=True, max_length=200)
    nama_asli = models.CharField(_("nama berkas asli"), max_length=255, blank=True)
    jenis_berkas = models.CharField(_("jenis berkas"), max_length=10, blank=True)
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"), null=True, blank=True)
    tautan = models.URLField(_("tautan"), blank=True, max_length=500)
    keterangan = models.CharField(_("keterangan"), max_length=255, blank=True)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diunggah_pada = models.DateTimeField(_("diunggah pada"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")
        ordering = ["diunggah_pada", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(berkas="") & ~Q(tautan="")) | (~Q(berkas="") & Q(tautan="")),
                name="kinerja_buktidukung_berkas_atau_tautan",
            )
        ]

    def __str__(self) -> str:
        return self.keterangan or self.nama_asli or self.tautan


class PengaturanCapaian(models.Model):
    """Singleton (pk=1): the cap shown in reports and the status bands."""

    class Batas(models.IntegerChoices):
        # 0 = no cap (PermenPANRB 53/2014 sets none)
        TANPA = 0, _("Tanpa batas")
        B100 = 100, _("100%")
        B110 = 110, _("110%")
        B120 = 120, _("120%")

    batas_atas = models.PositiveSmallIntegerField(
        _("batas atas capaian"), choices=Batas.choices, default=Batas.TANPA
    )
    ambang_tercapai = models.DecimalField(
        _("ambang tercapai (%)"), max_digits=6, decimal_places=2, default=100
    )
    ambang_hampir = models.DecimalField(
        _("ambang hampir tercapai (%)"), max_digits=6, decimal_places=2, default=85
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pengaturan capaian")
        verbose_name_plural = _("pengaturan capaian")
        constraints = [
            models.CheckConstraint(
                condition=Q(ambang_hampir__lte=F("ambang_tercapai")),
                name="kinerja_pengaturancapaian_ambang_urut",
            ),
            models.CheckConstraint(condition=Q(pk=1), name="kinerja_pengaturancapaian_tunggal"),
        ]

    def __str__(self) -> str:
        return "Pengaturan capaian"


class KunciTahun(models.Model):
    """A year whose realisasi is locked (set when the LKj is finalised)."""

    tahun = models.PositiveSmallIntegerField(_("tahun"), unique=True)
    dikunci_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dikunci_pada = models.DateTimeField(_("dikunci pada"), auto_now_add=True)
    keterangan = models.CharField(_("keterangan"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kunci tahun kinerja")
        verbose_name_plural = _("kunci tahun kinerja")

    def __str__(self) -> str:
        return f"Tahun {self.tahun} dikunci"


# The LKj report's models (narratives, rendered versions) live in kinerja/lkj/models.py.
from .lkj.models import LaporanKinerja, NaskahLkj, TemuanDijelaskan  # noqa: E402, F401
from .model_iku import IkuIndikator, KeputusanIku, ManualIndikator  # noqa: E402, F401
from .model_lhe import LaporanHasilEvaluasi, TemuanEvaluasi, TindakLanjut  # noqa: E402, F401
from .model_lke import (  # noqa: E402, F401
    JawabanLke,
    KomponenLke,
    KriteriaLke,
    LembarKerjaEvaluasi,
    SubKomponenLke,
)
from .model_pk_unit import PerjanjianKinerjaUnit, PKUnitBaris  # noqa: E402, F401
from .model_pohon import IndikatorUnit, SasaranUnit, TargetIndikatorUnit  # noqa: E402, F401
from .model_publikasi import Publikasi  # noqa: E402, F401
from .model_rencana_aksi import (  # noqa: E402, F401
    AksiRencana,
    MonitoringBaris,
    MonitoringRencanaAksi,
    RencanaAksi,
)
from .model_rkt import RencanaKinerjaTahunan, RKTBaris  # noqa: E402, F401
