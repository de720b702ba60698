"""Ad hoc bodies (PPK, PPS, KPPS, Pantarlih): wilayah, TPS, recruitment, applicants, screening,
appointment, PAW and honorarium.

Rules live in the data where NOTES.md says they are data: seats per unit of wilayah
(``NormaKursi``) and honorarium rates per body, role and year (``TarifHonor``) are rows,
seeded by the migration ``0002_norma_tarif``.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpu_site.status import PilihanBerwarna, nonmember


class JenisBadan(models.TextChoices):
    PPK = "ppk", _("PPK")
    PPS = "pps", _("PPS")
    KPPS = "kpps", _("KPPS")
    PANTARLIH = "pantarlih", _("Pantarlih")


#: Bodies recruited per TPS by administrative selection only (NOTES.md): KPPS and Pantarlih
#: (Petugas Pemutakhiran Data Pemilih). Seats are ``NormaKursi`` × TPS of the desa/kelurahan;
#: no written test nor interview; the 17–55 age preference is a warning, not a bar.
BADAN_PER_TPS = frozenset({JenisBadan.KPPS, JenisBadan.PANTARLIH})


class Wilayah(models.Model):
    """A kecamatan or a desa/kelurahan, keyed by its Kemendagri code (36.73.01, 36.73.01.1001)."""

    class Jenis(models.TextChoices):
        KECAMATAN = "kecamatan", _("Kecamatan")
        KELURAHAN = "kelurahan", _("Kelurahan")
        DESA = "desa", _("Desa")

    kode = models.CharField(_("kode Kemendagri"), max_length=20, unique=True)
    nama = models.CharField(_("nama"), max_length=100)
    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis.choices)
    induk = models.ForeignKey(
        "self",
        verbose_name=_("kecamatan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="anak",
    )
    kode_induk = models.CharField(
        _("kode induk"),
        max_length=20,
        help_text=_("Kode kabupaten/kota untuk kecamatan; kode kecamatan untuk desa/kelurahan."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")
        ordering = ["kode"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(jenis="kecamatan", induk__isnull=True)
                | (~models.Q(jenis="kecamatan") & models.Q(induk__isnull=False)),
                name="badan_adhoc_wilayah_induk_sesuai_jenis",
            )
        ]

    def __str__(self) -> str:
        label = "Kec." if self.jenis == self.Jenis.KECAMATAN else self.get_jenis_display()
        return f"{label} {self.nama}"

    @property
    def is_kecamatan(self) -> bool:
        return self.jenis == self.Jenis.KECAMATAN


class TPS(models.Model):
    """A polling station (tempat pemungutan suara) of a desa/kelurahan."""

    kelurahan = models.ForeignKey(
        Wilayah, verbose_name=_("desa/kelurahan"), on_delete=models.PROTECT, related_name="tps"
    )
    nomor = models.PositiveIntegerField(_("nomor TPS"))
    jumlah_dpt = models.PositiveIntegerField(_("jumlah DPT"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("TPS")
        verbose_name_plural = _("TPS")
        ordering = ["kelurahan__kode", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["kelurahan", "nomor"], name="badan_adhoc_tps_nomor_unik_per_kelurahan"
            )
        ]

    def __str__(self) -> str:
        return f"TPS {self.nomor:03d} {self.kelurahan.nama}"


class NormaKursi(models.Model):
    """Seats of a body per unit of wilayah (PPK 5 per kecamatan, PPS 3 per desa/kelurahan,
    KPPS 7 per TPS, Pantarlih 1 per TPS): data, seeded from NOTES.md."""

    class Satuan(models.TextChoices):
        KECAMATAN = "kecamatan", _("per kecamatan")
        KELURAHAN = "kelurahan", _("per desa/kelurahan")
        TPS = "tps", _("per TPS")

    jenis_badan = models.CharField(
        _("badan"), max_length=10, choices=JenisBadan.choices, unique=True
    )
    satuan = models.CharField(_("satuan"), max_length=10, choices=Satuan.choices)
    jumlah = models.PositiveSmallIntegerField(_("kursi per satuan"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("norma kursi")
        verbose_name_plural = _("norma kursi")

    def __str__(self) -> str:
        return f"{self.get_jenis_badan_display()}: {self.jumlah} {self.get_satuan_display()}"


class Rekrutmen(models.Model):
    """The recruitment of one body for one election."""

    kode = models.SlugField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama"), max_length=200)
    jenis_badan = models.CharField(_("badan"), max_length=10, choices=JenisBadan.choices)
    pemilihan = models.CharField(
        _("pemilihan"),
        max_length=100,
        help_text=_(
            "Mis. Pemilu 2024, Pilkada 2024; mengelompokkan rekrutmen untuk cek NIK ganda."
        ),
    )
    tanggal_acuan = models.DateField(_("tanggal acuan usia"))
    masa_kerja_mulai = models.DateField(_("masa kerja mulai"), null=True, blank=True)
    masa_kerja_selesai = models.DateField(_("masa kerja selesai"), null=True, blank=True)
    kursi_per_satuan = models.PositiveSmallIntegerField(
        _("kursi per satuan"), help_text=_("Disalin dari norma kursi saat rekrutmen dibuat.")
    )
    diseleksi_pada = models.DateTimeField(_("seleksi administrasi terakhir"), null=True, blank=True)
    akun_honor = models.ForeignKey(
        "anggaran.Pos",
        verbose_name=_("akun DIPA pembayar honor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"tingkat": "akun"},
        help_text=_("Baris akun DIPA (mis. 521213 Honor Output Kegiatan) yang membayar honor."),
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    # Raised (in the same transaction) by every service that writes this recruitment's
    # applicants; the cached counts of ``selectors.seleksi_ringkasan_tersimpan`` are keyed by
    # it, so a count read from the cache is never older than the data.
    pendaftar_versi = models.PositiveIntegerField(
        _("versi data pendaftar"), default=0, editable=False
    )
    history = HistoricalRecords(excluded_fields=["pendaftar_versi"])

    class Meta:
        verbose_name = _("rekrutmen")
        verbose_name_plural = _("rekrutmen")
        ordering = ["-tanggal_acuan", "kode"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(masa_kerja_mulai__isnull=True)
                | models.Q(masa_kerja_selesai__isnull=True)
                | models.Q(masa_kerja_selesai__gte=models.F("masa_kerja_mulai")),
                name="badan_adhoc_rekrutmen_masa_kerja_urut",
            )
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def per_tps(self) -> bool:
        """KPPS or Pantarlih (``BADAN_PER_TPS``): seats per TPS, administrative selection only."""
        return self.jenis_badan in BADAN_PER_TPS


class TahapanRekrutmen(models.Model):
    class Tahap(models.TextChoices):
        PENDAFTARAN = "pendaftaran", _("Pendaftaran")
        ADMINISTRASI = "administrasi", _("Seleksi administrasi")
        TANGGAPAN = "tanggapan", _("Tanggapan masyarakat")
        TES_TERTULIS = "tes_tertulis", _("Tes tertulis (CAT)")
        WAWANCARA = "wawancara", _("Wawancara")
        PENETAPAN = "penetapan", _("Penetapan dan pelantikan")

    rekrutmen = models.ForeignKey(
        Rekrutmen, on_delete=models.CASCADE, related_name="tahapan", verbose_name=_("rekrutmen")
    )
    tahap = models.CharField(_("tahap"), max_length=15, choices=Tahap.choices)
    mulai = models.DateField(_("mulai"))
    selesai = models.DateField(_("selesai"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tahapan rekrutmen")
        verbose_name_plural = _("tahapan rekrutmen")
        ordering = ["rekrutmen", "mulai"]
        constraints = [
            models.UniqueConstraint(
                fields=["rekrutmen", "tahap"], name="badan_adhoc_tahapan_unik_per_rekrutmen"
            ),
            models.CheckConstraint(
                condition=models.Q(selesai__gte=models.F("mulai")),
                name="badan_adhoc_tahapan_urut",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_tahap_display()} ({self.mulai} – {self.selesai})"


class Pendidikan(models.TextChoices):
    SD = "SD", "SD"
    SMP = "SMP", "SMP"
    SMA = "SMA", "SMA/sederajat"
    D1 = "D1", "D1"
    D2 = "D2", "D2"
    D3 = "D3", "D3"
    S1 = "S1", "S1/D4"
    S2 = "S2", "S2"
    S3 = "S3", "S3"


#: Education below the minimum (SMA or equivalent).
PENDIDIKAN_KURANG = ("SD", "SMP")

#: Screening reasons (TMS), in the order pages show them.
ALASAN_TMS = {
    "nik_tidak_valid": _("NIK tidak valid"),
    "nik_ganda": _("NIK ganda"),
    "usia_kurang": _("Usia kurang dari 17 tahun"),
    "pendidikan_kurang": _("Pendidikan di bawah SMA"),
    "domisili_di_luar_wilayah": _("Domisili di luar wilayah tujuan"),
    "anggota_parpol": _("Terdaftar sebagai anggota partai politik"),
    "dokumen_tidak_lengkap": _("Dokumen persyaratan tidak lengkap atau tidak sah"),
}
PERINGATAN = {"usia_lebih_55": _("Usia lebih dari 55 tahun (KPPS, Pantarlih)")}
#: The requirement behind each reason, as the applicant's page states it (``{lingkup}``: the
#: kecamatan or desa/kelurahan the applicant applies to).
SYARAT = {
    "nik_tidak_valid": _("NIK 16 digit dan cocok dengan tanggal lahir & jenis kelamin"),
    "nik_ganda": _("NIK tidak terdaftar dua kali (rekrutmen ini / badan lain yang sama waktu)"),
    "usia_kurang": _("Usia minimal 17 tahun pada tanggal acuan"),
    "pendidikan_kurang": _("Pendidikan paling rendah SMA/sederajat"),
    "domisili_di_luar_wilayah": _("Berdomisili di {lingkup} yang dituju"),
    "anggota_parpol": _("Tidak terdaftar sebagai anggota partai politik (SIPOL)"),
    "dokumen_tidak_lengkap": _("Setiap dokumen wajib ada dan sah (berkas pendaftaran)"),
}
SYARAT_PERINGATAN = {
    "usia_lebih_55": _("Usia 17–55 tahun (KPPS, Pantarlih: diutamakan; bukan syarat gugur)"),
}


#: The message for a NIK with anything but digits (the form and the API refuse it; an imported
#: one is stored as given and fails the screening with this text).
PESAN_NIK_HURUF = _("NIK hanya boleh berisi angka")
PANJANG_NIK = 16


def nik_angka_saja(nik: str) -> bool:
    """Only the digits 0–9 (the screening's ``[0-9]{16}``; no other script's digits)."""
    return re.fullmatch(r"[0-9]*", nik) is not None


def nik_masalah(nik: str, kode_lahir: str) -> str:
    """What is wrong with ``nik`` by the screening's rule (16 digits, digits 7–12 from the birth
    date and sex, ``kode_lahir``), in words; ``""`` when it passes."""
    if not nik_angka_saja(nik):
        return str(PESAN_NIK_HURUF)
    if len(nik) != PANJANG_NIK:
        return f"NIK harus {PANJANG_NIK} digit (tertulis {len(nik)})"
    if nik[6:12] != kode_lahir:
        return (
            f"digit 7–12 seharusnya {kode_lahir} (dari tanggal lahir dan jenis kelamin), "
            f"tertulis {nik[6:12]}"
        )
    return ""


#: Applicant fields that only the recruitment's staff may see.
DATA_PRIBADI = ("nik", "tanggal_lahir", "alamat", "no_hp", "email")


class Pendaftar(models.Model):
    """An application to one recruitment. The screening flags (``tms_*``) are written by the
    set-based ``pendaftar_screen``; ``status_administrasi`` is the result after any override."""

    class JenisKelamin(models.TextChoices):
        L = "L", _("Laki-laki")
        P = "P", _("Perempuan")

    class Status(PilihanBerwarna):
        BELUM = "belum", _("Belum diperiksa")
        MS = "ms", _("Memenuhi syarat")
        TMS = "tms", _("Tidak memenuhi syarat")

        WARNA = nonmember({"belum": "light", "ms": "success", "tms": "danger"})
        SINGKAT = nonmember({"belum": "belum", "ms": "MS", "tms": "TMS"})

    class HasilAkhir(models.TextChoices):
        BELUM = "", _("–")
        TERPILIH = "terpilih", _("Terpilih")
        CADANGAN = "cadangan", _("Cadangan")
        TIDAK = "tidak", _("Tidak lolos")

    # FK indexes are left to the composite indexes below (fewer indexes = faster bulk import)
    # rekrutmen, wilayah_tujuan and koreksi_oleh carry no database FK check (like domisili):
    # PostgreSQL checks a foreign key with one query per inserted row at commit, which was
    # half of a 200,000-row import. The import writes only ids it has just read (the
    # recruitment, the wilayah of the file's codes, no corrector); deleting a recruitment,
    # wilayah or user is still refused by on_delete=PROTECT.
    rekrutmen = models.ForeignKey(
        Rekrutmen,
        on_delete=models.PROTECT,
        related_name="pendaftar",
        verbose_name=_("rekrutmen"),
        db_index=False,
        db_constraint=False,
    )
    nik = models.CharField(_("NIK"), max_length=32)
    nama = models.CharField(_("nama"), max_length=150)
    jenis_kelamin = models.CharField(_("jenis kelamin"), max_length=1, choices=JenisKelamin.choices)
    tempat_lahir = models.CharField(_("tempat lahir"), max_length=100)
    tanggal_lahir = models.DateField(_("tanggal lahir"))
    pendidikan = models.CharField(_("pendidikan"), max_length=3, choices=Pendidikan.choices)
    kode_domisili = models.CharField(_("kode domisili"), max_length=20)
    domisili = models.ForeignKey(
        Wilayah,
        verbose_name=_("domisili"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        # Derived from kode_domisili by the code (only ids of existing wilayah); no database
        # FK check, which would cost one lookup per row on a 200,000-row import. Deleting a
        # wilayah is still refused by on_delete=PROTECT.
        db_constraint=False,
        help_text=_("Kosong bila kode domisili di luar wilayah kabupaten/kota ini."),
    )
    alamat = models.CharField(_("alamat"), max_length=255, blank=True)
    no_hp = models.CharField(_("nomor HP"), max_length=20, blank=True)
    email = models.CharField(_("email"), max_length=254, blank=True)
    wilayah_tujuan = models.ForeignKey(
        Wilayah,
        verbose_name=_("wilayah tujuan"),
        on_delete=models.PROTECT,
        related_name="pendaftar",
        db_index=False,
        db_constraint=False,
    )
    # NIK digits 7-12 expected from tanggal_lahir and jenis_kelamin (DD(+40 for P)MMYY):
    # a single-row property kept as a column so the screening stays one UPDATE.
    kode_lahir = models.CharField(_("kode lahir NIK"), max_length=6, editable=False)

    status_administrasi = models.CharField(
        _("hasil seleksi administrasi"),
        max_length=5,
        choices=Status.choices,
        default=Status.BELUM,
    )
    tms_nik_tidak_valid = models.BooleanField(default=False)
    tms_nik_ganda = models.BooleanField(default=False)
    tms_usia_kurang = models.BooleanField(default=False)
    tms_pendidikan_kurang = models.BooleanField(default=False)
    tms_domisili_di_luar_wilayah = models.BooleanField(default=False)
    tms_anggota_parpol = models.BooleanField(default=False)
    # db_default: the bulk import (COPY) leaves it out and the database fills it in
    tms_dokumen_tidak_lengkap = models.BooleanField(default=False, db_default=False)
    peringatan_usia_lebih_55 = models.BooleanField(default=False)

    class Koreksi(models.TextChoices):
        MS = "ms", _("Memenuhi syarat")
        TMS = "tms", _("Tidak memenuhi syarat")

    koreksi_status = models.CharField(
        _("koreksi hasil"), max_length=5, choices=Koreksi.choices, blank=True
    )
    koreksi_alasan = models.TextField(_("alasan koreksi"), blank=True)
    koreksi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("dikoreksi oleh"),
        db_index=False,
        db_constraint=False,
    )
    koreksi_pada = models.DateTimeField(_("dikoreksi pada"), null=True, blank=True)

    nilai_cat = models.DecimalField(
        _("nilai tes tertulis (CAT)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    nilai_wawancara = models.DecimalField(
        _("nilai wawancara"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    dipanggil_wawancara = models.BooleanField(_("dipanggil wawancara"), default=False)
    peringkat = models.PositiveIntegerField(_("peringkat"), null=True, blank=True)
    hasil_akhir = models.CharField(
        _("hasil akhir"), max_length=10, choices=HasilAkhir.choices, blank=True, default=""
    )
    dibuat_pada = models.DateTimeField(_("didaftarkan pada"), auto_now_add=True)
    # Personal data stays out of the history tables, which feed the audit trail that Auditors
    # read; a change to these fields is recorded by name only (services.pendaftar_update).
    history = HistoricalRecords(excluded_fields=[*DATA_PRIBADI, "kode_lahir"])

    class Meta:
        verbose_name = _("pendaftar")
        verbose_name_plural = _("pendaftar")
        ordering = ["rekrutmen", "id"]
        indexes = [
            models.Index(fields=["rekrutmen", "nik"], name="badan_adhoc_pendaftar_nik"),
            models.Index(
                fields=["rekrutmen", "wilayah_tujuan", "id"], name="badan_adhoc_pendaftar_wil"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(jenis_kelamin__in=["L", "P"]),
                name="badan_adhoc_pendaftar_jenis_kelamin_sah",
            )
        ]

    def __str__(self) -> str:
        return self.nama

    def alasan_list(self) -> list[tuple[str, str]]:
        return [(k, v) for k, v in ALASAN_TMS.items() if getattr(self, f"tms_{k}")]

    @property
    def nik_masalah(self) -> str:
        """``nik_masalah`` of this application's NIK (``""`` when it is valid)."""
        return nik_masalah(self.nik, self.kode_lahir)

    def peringatan_list(self) -> list[tuple[str, str]]:
        return [(k, v) for k, v in PERINGATAN.items() if getattr(self, f"peringatan_{k}")]


class DokumenPendaftar(models.Model):
    class Jenis(models.TextChoices):
        KTP = "ktp", _("KTP-el")
        IJAZAH = "ijazah", _("Ijazah terakhir")
        SURAT_SEHAT = "surat_sehat", _("Surat keterangan sehat")
        SURAT_PERNYATAAN = "surat_pernyataan", _("Surat pernyataan")

    pendaftar = models.ForeignKey(
        Pendaftar, on_delete=models.CASCADE, related_name="dokumen", verbose_name=_("pendaftar")
    )
    jenis = models.CharField(_("jenis dokumen"), max_length=20, choices=Jenis.choices)
    berkas = models.FileField(_("berkas"), upload_to="adhoc/dokumen/")
    nama_asli = models.CharField(_("nama berkas asli"), max_length=255)
    jenis_berkas = models.CharField(_("jenis berkas"), max_length=5)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    diunggah_pada = models.DateTimeField(_("diunggah pada"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dokumen pendaftar")
        verbose_name_plural = _("dokumen pendaftar")
        ordering = ["pendaftar", "jenis"]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} – {self.pendaftar}"


class AnggotaParpol(models.Model):
    """One row of the party-member list (a SIPOL export). Replaced as a whole on import, so it
    keeps no per-row history; each import is recorded in the audit trail."""

    nik = models.CharField(_("NIK"), max_length=32)
    nama = models.CharField(_("nama"), max_length=150)
    partai = models.CharField(_("partai"), max_length=100)

    class Meta:
        verbose_name = _("anggota partai politik")
        verbose_name_plural = _("anggota partai politik")
        # One index on nik (``db_index=True`` made two on PostgreSQL, the second for LIKE,
        # which nothing uses): the import rebuilds it after loading 1,000,000 rows.
        indexes = [models.Index(fields=["nik"], name="badan_adhoc_anggotaparpol_nik")]

    def __str__(self) -> str:
        return f"{self.nama} ({self.partai})"


class KlarifikasiParpol(models.Model):
    """An applicant's document showing they are not (or no longer) a party member."""

    class Status(PilihanBerwarna):
        DIAJUKAN = "diajukan", _("Diajukan")
        DITERIMA = "diterima", _("Diterima")
        DITOLAK = "ditolak", _("Ditolak")

        WARNA = nonmember({"diajukan": "warning", "diterima": "success", "ditolak": "danger"})

    pendaftar = models.ForeignKey(
        Pendaftar,
        on_delete=models.CASCADE,
        related_name="klarifikasi",
        verbose_name=_("pendaftar"),
    )
    berkas = models.FileField(_("berkas klarifikasi"), upload_to="adhoc/klarifikasi/")
    nama_asli = models.CharField(_("nama berkas asli"), max_length=255)
    jenis_berkas = models.CharField(_("jenis berkas"), max_length=5)
    keterangan = models.TextField(_("keterangan"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DIAJUKAN
    )
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    diunggah_pada = models.DateTimeField(_("diunggah pada"), auto_now_add=True)
    diputuskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("diputuskan oleh"),
    )
    diputuskan_pada = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)
    catatan_keputusan = models.TextField(_("catatan keputusan"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("klarifikasi keanggotaan parpol")
        verbose_name_plural = _("klarifikasi keanggotaan parpol")
        ordering = ["-diunggah_pada"]

    def __str__(self) -> str:
        return f"Klarifikasi {self.pendaftar} ({self.get_status_display()})"

    @property
    def dapat_diputuskan(self) -> bool:
        """Still waiting for a decision (``klarifikasi_decide`` decides once)."""
        return self.status == self.Status.DIAJUKAN


class Jabatan(models.TextChoices):
    KETUA = "ketua", _("Ketua")
    ANGGOTA = "anggota", _("Anggota")
    SEKRETARIS = "sekretaris", _("Sekretaris")
    PELAKSANA = "pelaksana", _("Pelaksana")


class AnggotaBadan(models.Model):
    """An appointed member (penetapan) of a PPK/PPS/KPPS/Pantarlih; PAW links the replacement."""

    class Status(PilihanBerwarna):
        AKTIF = "aktif", _("Aktif")
        BERHENTI = "berhenti", _("Berhenti")

        WARNA = nonmember({"aktif": "success", "berhenti": "secondary"})

    class AlasanBerhenti(models.TextChoices):
        MENGUNDURKAN_DIRI = "mengundurkan_diri", _("Mengundurkan diri")
        MENINGGAL = "meninggal", _("Meninggal dunia")
        DIBERHENTIKAN = "diberhentikan", _("Diberhentikan")

    rekrutmen = models.ForeignKey(
        Rekrutmen, on_delete=models.PROTECT, related_name="anggota", verbose_name=_("rekrutmen")
    )
    pendaftar = models.ForeignKey(
        Pendaftar,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="penetapan",
        verbose_name=_("pendaftar"),
    )
    nama = models.CharField(_("nama"), max_length=150)
    wilayah = models.ForeignKey(
        Wilayah, on_delete=models.PROTECT, related_name="anggota_badan", verbose_name=_("wilayah")
    )
    jabatan = models.CharField(_("jabatan"), max_length=10, choices=Jabatan.choices)
    nomor_sk = models.CharField(_("nomor SK"), max_length=100)
    tanggal_sk = models.DateField(_("tanggal SK"))
    mulai = models.DateField(_("mulai bertugas"))
    selesai = models.DateField(_("akhir masa kerja"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.AKTIF
    )
    alasan_berhenti = models.CharField(
        _("alasan berhenti"), max_length=20, choices=AlasanBerhenti.choices, blank=True
    )
    tanggal_berhenti = models.DateField(_("tanggal berhenti"), null=True, blank=True)
    keterangan_berhenti = models.TextField(_("keterangan"), blank=True)
    menggantikan = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pengganti",
        verbose_name=_("menggantikan (PAW)"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("anggota badan ad hoc")
        verbose_name_plural = _("anggota badan ad hoc")
        ordering = ["rekrutmen", "wilayah__kode", "jabatan", "nama"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(selesai__gte=models.F("mulai")),
                name="badan_adhoc_anggotabadan_masa_urut",
            ),
            models.CheckConstraint(
                condition=models.Q(status="aktif")
                | (models.Q(tanggal_berhenti__isnull=False) & ~models.Q(alasan_berhenti="")),
                name="badan_adhoc_anggotabadan_berhenti_lengkap",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.get_jabatan_display()} {self.wilayah.nama})"

    @property
    def aktif(self) -> bool:
        """Holds the seat: a jabatan can be set and a PAW made only for an active member."""
        return self.status == self.Status.AKTIF


class TarifHonor(models.Model):
    """Monthly honorarium per body, role and year (Surat Menkeu S-647/MK.02/2022)."""

    jenis_badan = models.CharField(_("badan"), max_length=10, choices=JenisBadan.choices)
    jabatan = models.CharField(_("jabatan"), max_length=10, choices=Jabatan.choices)
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    besaran = models.DecimalField(_("honor per bulan"), max_digits=18, decimal_places=2)
    dasar = models.CharField(_("dasar hukum"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tarif honorarium")
        verbose_name_plural = _("tarif honorarium")
        ordering = ["-tahun", "jenis_badan", "jabatan"]
        constraints = [
            models.UniqueConstraint(
                fields=["jenis_badan", "jabatan", "tahun"], name="badan_adhoc_tarifhonor_unik"
            ),
            models.CheckConstraint(
                condition=models.Q(besaran__gte=0), name="badan_adhoc_tarifhonor_tidak_negatif"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_badan_display()} {self.get_jabatan_display()} {self.tahun}"


from .dokumen.model_nomor import NomorDokumen, PolaNomorDokumen, UrutNomorDokumen  # noqa: E402, F401
from .dokumen.models import DokumenRekrutmen  # noqa: E402, F401  (in its own module)
from .model_berkas import ItemBerkas, StatusBerkas  # noqa: E402, F401  (in its own module)
from .model_tanggapan import TanggapanMasyarakat  # noqa: E402, F401  (in its own module)
