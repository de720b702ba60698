from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpu_site.status import PilihanBerwarna, nonmember


def berlaku_pada(tanggal: date, prefix: str = "") -> models.Q:
    """Q for a half-open period ``[tanggal_mulai, tanggal_selesai)`` (empty end: still running)
    that contains ``tanggal``: the one rule for "in office on a date"."""
    return models.Q(**{f"{prefix}tanggal_mulai__lte": tanggal}) & (
        models.Q(**{f"{prefix}tanggal_selesai__isnull": True})
        | models.Q(**{f"{prefix}tanggal_selesai__gt": tanggal})
    )


def bertugas_pada(tanggal: date, prefix: str = "") -> models.Q:
    """Q for the pegawai serving in the satker on ``tanggal``: joined on or before it
    (``tmt_masuk``) and not yet left (``tmt_keluar`` empty or after it). The one rule for
    "counts on a date"."""
    return models.Q(**{f"{prefix}tmt_masuk__lte": tanggal}) & (
        models.Q(**{f"{prefix}tmt_keluar__isnull": True})
        | models.Q(**{f"{prefix}tmt_keluar__gt": tanggal})
    )


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

    def get_absolute_url(self) -> str:
        return reverse("sekretariat:unit_detail", kwargs={"pk": self.pk})

    @property
    def tugas_list(self) -> list[str]:
        """The tasks, one per non-empty line of ``tugas``."""
        return [t.strip() for t in self.tugas.splitlines() if t.strip()]


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


class Divisi(models.Model):
    """A commissioners' division (divisi); its partner (mitra) is a sub-bagian."""

    nama = models.CharField(_("nama"), max_length=200, unique=True)
    mitra = models.ForeignKey(
        UnitOrganisasi,
        verbose_name=_("sub bagian mitra"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="divisi_mitra",
        limit_choices_to={"jenis": UnitOrganisasi.Jenis.SUB_BAGIAN},
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("divisi")
        verbose_name_plural = _("divisi")
        ordering = ["urutan", "nama"]

    def __str__(self) -> str:
        return self.nama

    def get_absolute_url(self) -> str:
        return reverse("sekretariat:divisi_detail", kwargs={"pk": self.pk})


class PegawaiQuerySet(models.QuerySet):
    def bertugas(self, tanggal: date) -> PegawaiQuerySet:
        """The staff serving on ``tanggal`` (``bertugas_pada``)."""
        return self.filter(bertugas_pada(tanggal))


class Pegawai(models.Model):
    """A member of staff: PNS (with NIP) or PPNPN (with their kind).

    A pegawai serves in the satker from ``tmt_masuk`` up to the day before ``tmt_keluar``
    (empty: still serving); every count is read on a date with that rule (``bertugas_pada``).
    ``pendidikan`` is the highest jenjang of the education history (``riwayat_pendidikan``),
    kept in step by the services; the education on a date comes from the history.

    ``jabatan_display`` is the position to print (e.g. in the LKj signature block): the
    current jabatan of a PNS, or the PPNPN kind.
    """

    class Status(models.TextChoices):
        PNS = "pns", _("PNS")
        PPNPN = "ppnpn", _("PPNPN")

    class JenisPpnpn(models.TextChoices):
        ADMINISTRASI = "administrasi", _("Tenaga administrasi")
        SECURITY = "security", _("Petugas keamanan (security)")
        PRAMUBAKTI = "pramubakti", _("Pramubakti")
        PENGEMUDI = "pengemudi", _("Pengemudi")

    class JenisKelamin(models.TextChoices):
        LAKI_LAKI = "L", _("Laki-laki")
        PEREMPUAN = "P", _("Perempuan")

    class Pendidikan(models.TextChoices):
        SD = "sd", _("SD")
        SMP = "smp", _("SLTP/SMP")
        SLTA = "slta", _("SLTA/SMA/SMK")
        D1 = "d1", _("Diploma I")
        D2 = "d2", _("Diploma II")
        D3 = "d3", _("Diploma III")
        D4 = "d4", _("Diploma IV")
        S1 = "s1", _("Strata 1")
        S2 = "s2", _("Strata 2")
        S3 = "s3", _("Strata 3")

    class AlasanKeluar(models.TextChoices):
        PINDAH = "pindah", _("Pindah tugas")
        PENSIUN = "pensiun", _("Pensiun")
        MENINGGAL = "meninggal", _("Meninggal dunia")
        BERHENTI = "berhenti", _("Berhenti")

    nama = models.CharField(_("nama (dengan gelar)"), max_length=200)
    status = models.CharField(_("status kepegawaian"), max_length=5, choices=Status.choices)
    nip = models.CharField(
        _("NIP"), max_length=18, blank=True, help_text=_("18 digit; wajib untuk PNS.")
    )
    jenis_ppnpn = models.CharField(
        _("jenis PPNPN"), max_length=15, choices=JenisPpnpn.choices, blank=True
    )
    jenis_kelamin = models.CharField(_("jenis kelamin"), max_length=1, choices=JenisKelamin.choices)
    tanggal_lahir = models.DateField(_("tanggal lahir"))
    tmt = models.DateField(
        _("TMT"),
        null=True,
        blank=True,
        help_text=_("PNS: TMT CPNS (bulan dan tahunnya tertulis di NIP). PPNPN: mulai kontrak."),
    )
    tmt_masuk = models.DateField(
        _("TMT masuk"),
        blank=True,  # the service fills it from the TMT when left empty
        help_text=_("Mulai bertugas di satker ini. Kosong: sama dengan TMT."),
    )
    tmt_keluar = models.DateField(
        _("TMT keluar"),
        null=True,
        blank=True,
        help_text=_("Hari pertama tidak lagi bertugas di satker ini. Kosongkan bila masih."),
    )
    alasan_keluar = models.CharField(
        _("alasan keluar"), max_length=10, choices=AlasanKeluar.choices, blank=True
    )
    golongan = models.CharField(_("pangkat/golongan"), max_length=60, blank=True)
    pendidikan = models.CharField(
        _("pendidikan terakhir"), max_length=4, choices=Pendidikan.choices
    )
    unit = models.ForeignKey(
        UnitOrganisasi,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="pegawai",
    )
    pengguna = models.OneToOneField(
        "sekretariat.Pengguna",
        verbose_name=_("akun login"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pegawai",
    )
    history = HistoricalRecords()

    objects = PegawaiQuerySet.as_manager()

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["status", "unit__urutan", "nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["nip"],
                condition=~models.Q(nip=""),
                name="sekretariat_pegawai_nip_unik",
                violation_error_message=_("NIP ini sudah terdaftar untuk pegawai lain."),
            ),
            models.CheckConstraint(
                condition=(models.Q(status="pns") & ~models.Q(nip="") & models.Q(jenis_ppnpn=""))
                | (models.Q(status="ppnpn") & models.Q(nip="") & ~models.Q(jenis_ppnpn="")),
                name="sekretariat_pegawai_status_lengkap",
                violation_error_message=_(
                    "PNS wajib ber-NIP tanpa jenis PPNPN; PPNPN wajib berjenis dan tanpa NIP."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(tmt_keluar__isnull=True)
                | models.Q(tmt_keluar__gt=models.F("tmt_masuk")),
                name="sekretariat_pegawai_keluar_setelah_masuk",
                violation_error_message=_("TMT keluar harus setelah TMT masuk."),
            ),
            models.CheckConstraint(
                condition=(models.Q(tmt_keluar__isnull=True) & models.Q(alasan_keluar=""))
                | (models.Q(tmt_keluar__isnull=False) & ~models.Q(alasan_keluar="")),
                name="sekretariat_pegawai_alasan_keluar",
                violation_error_message=_(
                    "Alasan keluar diisi bila dan hanya bila TMT keluar diisi."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    def get_absolute_url(self) -> str:
        return reverse("sekretariat:pegawai_detail", kwargs={"pk": self.pk})

    def bertugas_pada(self, tanggal: date) -> bool:
        """Whether this pegawai serves in the satker on ``tanggal`` (``bertugas_pada``)."""
        return self.tmt_masuk <= tanggal and (self.tmt_keluar is None or self.tmt_keluar > tanggal)

    @property
    def aktif(self) -> bool:
        """Serving today (read from TMT masuk/keluar, not stored)."""
        return self.bertugas_pada(timezone.localdate())

    def pendidikan_pada(self, tanggal: date) -> str:
        """The jenjang (``Pendidikan`` value) held on ``tanggal``: the highest of the history
        with ``tanggal_ijazah <= tanggal`` ("" if none yet). Uses the prefetched
        ``riwayat_pendidikan`` when there is one. A pegawai with no history at all (a record
        written around the services) is read as holding ``pendidikan`` throughout."""
        riwayat = list(self.riwayat_pendidikan.all())
        if not riwayat:
            return self.pendidikan
        dimiliki = [r.jenjang for r in riwayat if r.tanggal_ijazah <= tanggal]
        return max(dimiliki, key=jenjang_urutan, default="")

    @property
    def berjabatan(self) -> bool:
        """A PNS holds jabatan (a riwayat with its SK); a PPNPN has a kind instead."""
        return self.status == self.Status.PNS

    @property
    def jabatan_kini(self) -> Jabatan | None:
        """The jabatan this pegawai holds today: the appointment in force today
        (``RiwayatJabatan.objects.berlaku(tanggal)``), the latest started if several.

        A selector that prefetched ``riwayat_aktif`` (``pegawai_list``, ``pegawai_detail``)
        prefetched it with that same queryset (for today unless it was asked for another
        date), so the answer is the same with or without the prefetch; without it this costs
        one query.
        """
        aktif = getattr(self, "riwayat_aktif", None)
        if aktif is None:
            aktif = list(
                RiwayatJabatan.objects.berlaku(timezone.localdate()).filter(pegawai=self)[:1]
            )
        return aktif[0].jabatan if aktif else None

    @property
    def jabatan_display(self) -> str:
        """The current position as printed: the jabatan held today (``jabatan_kini``) of a PNS,
        or the PPNPN kind."""
        if not self.berjabatan:
            return self.get_jenis_ppnpn_display()
        jabatan = self.jabatan_kini
        return jabatan.nama if jabatan else ""


def jenjang_urutan(jenjang: str) -> int:
    """The rank of an education level (SD lowest, S3 highest)."""
    return Pegawai.Pendidikan.values.index(jenjang)


class RiwayatPendidikan(models.Model):
    """One diploma of a pegawai: the jenjang held from ``tanggal_ijazah``. The pegawai's
    education on a date is the highest jenjang with ``tanggal_ijazah`` on or before it."""

    pegawai = models.ForeignKey(
        Pegawai,
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="riwayat_pendidikan",
    )
    jenjang = models.CharField(_("jenjang"), max_length=4, choices=Pegawai.Pendidikan.choices)
    institusi = models.CharField(_("institusi"), max_length=200, blank=True)
    program_studi = models.CharField(_("program studi"), max_length=200, blank=True)
    tanggal_ijazah = models.DateField(_("tanggal ijazah"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("riwayat pendidikan")
        verbose_name_plural = _("riwayat pendidikan")
        ordering = ["pegawai", "tanggal_ijazah", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai", "jenjang", "tanggal_ijazah"],
                name="sekretariat_riwayatpendidikan_unik",
                violation_error_message=_("Ijazah ini sudah tercatat."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai} – {self.get_jenjang_display()}"


class Jabatan(models.Model):
    """A position: struktural (Sekretaris, Kasubag X: one per unit, one holder at a time),
    fungsional (a JF), or pelaksana (staff position, any number of holders)."""

    class Jenis(PilihanBerwarna):
        STRUKTURAL = "struktural", _("Struktural")
        FUNGSIONAL = "fungsional", _("Fungsional")
        PELAKSANA = "pelaksana", _("Pelaksana")

        WARNA = nonmember({"struktural": "danger", "fungsional": "secondary", "pelaksana": "light"})

    nama = models.CharField(_("nama jabatan"), max_length=200)
    jenis = models.CharField(_("jenis jabatan"), max_length=10, choices=Jenis.choices)
    unit = models.ForeignKey(
        UnitOrganisasi,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="jabatan",
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        ordering = ["unit__urutan", "urutan", "nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit"],
                condition=models.Q(jenis="struktural"),
                name="sekretariat_jabatan_satu_struktural_per_unit",
                violation_error_message=_("Unit ini sudah memiliki jabatan struktural."),
            ),
            models.UniqueConstraint(
                fields=["unit", "nama"],
                name="sekretariat_jabatan_nama_unik_per_unit",
                violation_error_message=_("Jabatan dengan nama ini sudah ada di unit tersebut."),
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    def get_absolute_url(self) -> str:
        return reverse("sekretariat:jabatan_detail", kwargs={"pk": self.pk})


class RiwayatJabatanQuerySet(models.QuerySet):
    def berlaku(self, tanggal: date) -> RiwayatJabatanQuerySet:
        """Appointments in force on ``tanggal``, with their jabatan and its unit, the latest
        started first."""
        return (
            self.filter(berlaku_pada(tanggal))
            .select_related("jabatan", "jabatan__unit")
            .order_by("-tanggal_mulai", "-pk")
        )


class RiwayatJabatan(models.Model):
    """One appointment of a pegawai to a jabatan, with its SK.

    The period is half-open: the pegawai holds the jabatan from ``tanggal_mulai`` up to the
    day before ``tanggal_selesai`` (empty = still holding it). Replacing a holder closes the
    previous appointment on the new one's start date.
    """

    pegawai = models.ForeignKey(
        Pegawai,
        verbose_name=_("pegawai"),
        on_delete=models.PROTECT,
        related_name="riwayat_jabatan",
    )
    jabatan = models.ForeignKey(
        Jabatan,
        verbose_name=_("jabatan"),
        on_delete=models.PROTECT,
        related_name="riwayat",
    )
    nomor_sk = models.CharField(_("nomor SK"), max_length=150)
    tanggal_sk = models.DateField(_("tanggal SK"))
    penerbit_sk = models.CharField(_("pejabat penerbit SK"), max_length=200)
    tanggal_mulai = models.DateField(_("tanggal mulai"))
    tanggal_selesai = models.DateField(
        _("tanggal selesai"),
        null=True,
        blank=True,
        help_text=_("Kosongkan bila masih menjabat."),
    )
    history = HistoricalRecords()

    objects = RiwayatJabatanQuerySet.as_manager()

    class Meta:
        verbose_name = _("riwayat jabatan")
        verbose_name_plural = _("riwayat jabatan")
        ordering = ["-tanggal_mulai", "pegawai__nama"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tanggal_selesai__isnull=True)
                | models.Q(tanggal_selesai__gt=models.F("tanggal_mulai")),
                name="sekretariat_riwayatjabatan_selesai_setelah_mulai",
                violation_error_message=_("Tanggal selesai harus setelah tanggal mulai."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai} – {self.jabatan}"

    def get_absolute_url(self) -> str:
        return reverse("sekretariat:riwayat_detail", kwargs={"pk": self.pk})


class Komisioner(models.Model):
    """One membership period of a commissioner (anggota KPU Kabupaten/Kota).

    ``jabatan_display`` is "Ketua" or "Anggota" (with the divisi, if any). A change of ketua is
    recorded by closing the period and opening a new one.
    """

    nama = models.CharField(_("nama (dengan gelar)"), max_length=200)
    jenis_kelamin = models.CharField(
        _("jenis kelamin"), max_length=1, choices=Pegawai.JenisKelamin.choices
    )
    ketua = models.BooleanField(_("ketua"), default=False)
    divisi = models.ForeignKey(
        Divisi,
        verbose_name=_("divisi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="komisioner",
    )
    tanggal_mulai = models.DateField(_("awal masa jabatan"))
    tanggal_selesai = models.DateField(
        _("akhir masa jabatan"),
        null=True,
        blank=True,
        help_text=_("Kosongkan bila masih menjabat."),
    )
    nomor_sk = models.CharField(_("nomor SK"), max_length=150)
    tanggal_sk = models.DateField(_("tanggal SK"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("komisioner")
        verbose_name_plural = _("komisioner")
        ordering = ["-ketua", "divisi__urutan", "nama"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tanggal_selesai__isnull=True)
                | models.Q(tanggal_selesai__gt=models.F("tanggal_mulai")),
                name="sekretariat_komisioner_selesai_setelah_mulai",
                violation_error_message=_("Akhir masa jabatan harus setelah awalnya."),
            ),
            models.UniqueConstraint(
                fields=["ketua"],
                condition=models.Q(ketua=True, tanggal_selesai__isnull=True),
                name="sekretariat_komisioner_satu_ketua_terbuka",
                violation_error_message=_("Sudah ada ketua yang masih menjabat."),
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    def get_absolute_url(self) -> str:
        return reverse("sekretariat:komisioner_detail", kwargs={"pk": self.pk})

    @property
    def jabatan_display(self) -> str:
        """ "Ketua" or "Anggota", followed by the divisi when there is one."""
        label = "Ketua" if self.ketua else "Anggota"
        if self.divisi_id:
            return f"{label}, {self.divisi.nama}"
        return label
