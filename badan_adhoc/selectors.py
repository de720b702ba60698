"""Reads of the badan_adhoc app: seats, dashboard figures, applicant lists.

Seats are computed from the wilayah and the recruitment's seats per unit (copied from
``NormaKursi``): PPK per kecamatan, PPS per desa/kelurahan, KPPS per TPS, so KPPS seats of a
kelurahan are ``kursi_per_satuan × number of TPS``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, F, Q, Sum, Value
from django.db.models.functions import Coalesce, Greatest, Least

from kpu_site.tersimpan import tersimpan

from .akses import boleh_kelola
from .models import (
    ALASAN_TMS,
    PERINGATAN,
    TPS,
    AnggotaBadan,
    AnggotaParpol,
    JenisBadan,
    Pendaftar,
    Rekrutmen,
    TarifHonor,
    Wilayah,
)


def rekrutmen_list():
    return Rekrutmen.objects.all().order_by("-tanggal_acuan", "jenis_badan", "kode")


def rekrutmen_tahun_list(*, tahun: int):
    """Recruitments running in ``tahun``: from the earlier of the age reference date and the
    start of the term to the later of the reference date and the end of the term (a KPPS
    recruited in December 2023 for a term in 2024 belongs to both years)."""
    return (
        rekrutmen_list()
        .alias(
            _mulai=Least("tanggal_acuan", Coalesce("masa_kerja_mulai", "tanggal_acuan")),
            _selesai=Greatest("tanggal_acuan", Coalesce("masa_kerja_selesai", "tanggal_acuan")),
        )
        .filter(_mulai__lte=date(tahun, 12, 31), _selesai__gte=date(tahun, 1, 1))
    )


def seleksi_ringkasan(rekrutmen: Rekrutmen, *, pendaftar=None) -> dict:
    """``{"jumlah", "ms", "tms", "alasan": {kode: n}, "peringatan": {kode: n}}``: counts of
    applicants (one with two reasons counts once in ``tms`` and once under each reason)."""
    qs = pendaftar if pendaftar is not None else Pendaftar.objects.filter(rekrutmen=rekrutmen)
    agregat = {
        "jumlah": Count("pk"),
        "ms": Count("pk", filter=Q(status_administrasi=Pendaftar.Status.MS)),
        "tms": Count("pk", filter=Q(status_administrasi=Pendaftar.Status.TMS)),
    }
    for kode in ALASAN_TMS:
        agregat[f"a_{kode}"] = Count("pk", filter=Q(**{f"tms_{kode}": True}))
    for kode in PERINGATAN:
        agregat[f"p_{kode}"] = Count("pk", filter=Q(**{f"peringatan_{kode}": True}))
    hasil = qs.aggregate(**agregat)
    return {
        "jumlah": hasil["jumlah"],
        "ms": hasil["ms"],
        "tms": hasil["tms"],
        "alasan": {kode: hasil[f"a_{kode}"] for kode in ALASAN_TMS},
        "peringatan": {kode: hasil[f"p_{kode}"] for kode in PERINGATAN},
    }


def _kunci_cache(rekrutmen: Rekrutmen, nama: str) -> str:
    """A cache key that changes with every write to the recruitment's applicants
    (``pendaftar_versi``); the creation time keeps a recreated database's ids apart."""
    return (
        f"adhoc:{nama}:{rekrutmen.pk}:{rekrutmen.dibuat_pada.timestamp()}"
        f":{rekrutmen.pendaftar_versi}"
    )


def seleksi_ringkasan_tersimpan(rekrutmen: Rekrutmen, *, segar: bool = False) -> dict:
    """``seleksi_ringkasan`` of the whole recruitment as ``{"data", "per"}``, cached for 5
    minutes per version of its applicant data: every service that writes an applicant raises
    ``Rekrutmen.pendaftar_versi`` in its transaction, so the cached counts are never older than
    the data (``rekrutmen`` must be read in the same request)."""
    return tersimpan(
        _kunci_cache(rekrutmen, "ringkasan"), lambda: seleksi_ringkasan(rekrutmen), segar=segar
    )


def wilayah_tujuan_qs(rekrutmen: Rekrutmen):
    """The units a recruitment fills: kecamatan (PPK) or desa/kelurahan (PPS, KPPS)."""
    if rekrutmen.jenis_badan == JenisBadan.PPK:
        return Wilayah.objects.filter(jenis=Wilayah.Jenis.KECAMATAN)
    return Wilayah.objects.exclude(jenis=Wilayah.Jenis.KECAMATAN)


def kursi_per_wilayah(rekrutmen: Rekrutmen) -> dict[int, int]:
    """Seats per wilayah applied for (wilayah id -> seats)."""
    kursi = rekrutmen.kursi_per_satuan
    if rekrutmen.jenis_badan == JenisBadan.KPPS:
        jumlah_tps = dict(
            TPS.objects.values("kelurahan_id")
            .annotate(n=Count("pk"))
            .values_list("kelurahan_id", "n")
        )
        return {
            pk: kursi * jumlah_tps.get(pk, 0)
            for pk in wilayah_tujuan_qs(rekrutmen).values_list("pk", flat=True)
        }
    return {pk: kursi for pk in wilayah_tujuan_qs(rekrutmen).values_list("pk", flat=True)}


def satuan_jumlah() -> dict[str, int]:
    """The number of units each body fills (``JenisBadan`` value -> n): kecamatan for PPK,
    desa/kelurahan for PPS, their TPS for KPPS. Three queries, whatever the recruitments."""
    kelurahan = Wilayah.objects.exclude(jenis=Wilayah.Jenis.KECAMATAN)
    return {
        JenisBadan.PPK: Wilayah.objects.filter(jenis=Wilayah.Jenis.KECAMATAN).count(),
        JenisBadan.PPS: kelurahan.count(),
        JenisBadan.KPPS: TPS.objects.filter(kelurahan__in=kelurahan).count(),
    }


def kursi_total(rekrutmen: Rekrutmen, *, satuan: dict[str, int] | None = None) -> int:
    """All seats of a recruitment (the sum of ``kursi_per_wilayah``): seats per unit × units.
    Pass ``satuan_jumlah()`` once when totalling many recruitments."""
    satuan = satuan if satuan is not None else satuan_jumlah()
    return rekrutmen.kursi_per_satuan * satuan[rekrutmen.jenis_badan]


@dataclass
class BarisWilayah:
    wilayah: Wilayah
    kursi: int = 0
    pendaftar: int = 0
    ms: int = 0
    tms: int = 0
    belum: int = 0
    kekurangan: int = 0  # seats without an applicant
    anak: list = field(default_factory=list)

    @property
    def persen_terisi(self):
        return min(100, round(self.pendaftar * 100 / self.kursi)) if self.kursi else 0

    @property
    def persen_ms(self):
        """Eligible (MS) applicants per seat, in percent (not capped)."""
        return round(self.ms * 100 / self.kursi) if self.kursi else 0


def rekap_per_wilayah(rekrutmen: Rekrutmen) -> list[BarisWilayah]:
    """One row per wilayah applied for: seats, applicants, MS/TMS (3 queries)."""
    kursi = kursi_per_wilayah(rekrutmen)
    hitung = {
        r["wilayah_tujuan_id"]: r
        for r in Pendaftar.objects.filter(rekrutmen=rekrutmen)
        .values("wilayah_tujuan_id")
        .annotate(
            n=Count("pk"),
            ms=Count("pk", filter=Q(status_administrasi=Pendaftar.Status.MS)),
            tms=Count("pk", filter=Q(status_administrasi=Pendaftar.Status.TMS)),
        )
        .order_by()
    }
    rows = []
    for w in wilayah_tujuan_qs(rekrutmen).select_related("induk").order_by("kode"):
        h = hitung.get(w.pk, {})
        row = BarisWilayah(
            wilayah=w,
            kursi=kursi.get(w.pk, 0),
            pendaftar=h.get("n", 0),
            ms=h.get("ms", 0),
            tms=h.get("tms", 0),
        )
        row.belum = row.pendaftar - row.ms - row.tms
        row.kekurangan = max(0, row.kursi - row.pendaftar)
        rows.append(row)
    return rows


def rekap_per_wilayah_tersimpan(rekrutmen: Rekrutmen, *, segar: bool = False) -> dict:
    """``rekap_per_wilayah`` as ``{"data", "per"}``, cached like ``seleksi_ringkasan_tersimpan``
    (the applicant counts follow every write; seats follow a wilayah/TPS import within the
    5 minutes, or at once with ``segar``)."""
    return tersimpan(
        _kunci_cache(rekrutmen, f"wilayah:{rekrutmen.kursi_per_satuan}"),
        lambda: rekap_per_wilayah(rekrutmen),
        segar=segar,
    )


def rekap_per_kecamatan(rekrutmen: Rekrutmen, rows: list[BarisWilayah] | None = None):
    """The wilayah rows summed per kecamatan (for PPK the rows already are kecamatan)."""
    rows = rows if rows is not None else rekap_per_wilayah(rekrutmen)
    if rekrutmen.jenis_badan == JenisBadan.PPK:
        return rows
    per_kec: dict[int, BarisWilayah] = {}
    for row in rows:
        kec = row.wilayah.induk
        total = per_kec.setdefault(kec.pk, BarisWilayah(wilayah=kec))
        total.kursi += row.kursi
        total.pendaftar += row.pendaftar
        total.ms += row.ms
        total.tms += row.tms
        total.belum += row.belum
        total.kekurangan += row.kekurangan
        total.anak.append(row)
    return sorted(per_kec.values(), key=lambda r: r.wilayah.kode)


def pendaftar_qs(rekrutmen: Rekrutmen):
    return Pendaftar.objects.filter(rekrutmen=rekrutmen)


def pendaftar_saring_hasil(qs, *, status: str = "", alasan: str = ""):
    """``qs`` narrowed to one screening result and/or one TMS reason or warning code (the list
    page and the API); unknown values are ignored."""
    if status in Pendaftar.Status.values:
        qs = qs.filter(status_administrasi=status)
    if alasan in ALASAN_TMS:
        qs = qs.filter(**{f"tms_{alasan}": True})
    elif alasan in PERINGATAN:
        qs = qs.filter(**{f"peringatan_{alasan}": True})
    return qs


def pendaftar_di_kecamatan(qs, *, rekrutmen: Rekrutmen, kecamatan: int):
    """Applicants for a unit in ``kecamatan``: the kecamatan itself (PPK) or one of its
    desa/kelurahan (PPS, KPPS)."""
    if rekrutmen.jenis_badan == JenisBadan.PPK:
        return qs.filter(wilayah_tujuan_id=kecamatan)
    return qs.filter(wilayah_tujuan__induk_id=kecamatan)


def pengumuman_grup(rekrutmen: Rekrutmen, *, tahap: str, kecamatan: int | None = None):
    """Rows of an announcement per unit, ``[{"wilayah", "rows"}]``: screened applicants by
    name (``tahap="administrasi"``) or ranked ones by rank (``"akhir"``), optionally of one
    kecamatan."""
    qs = pendaftar_qs(rekrutmen).select_related(
        "wilayah_tujuan", "wilayah_tujuan__induk", "domisili"
    )
    if kecamatan:
        qs = pendaftar_di_kecamatan(qs, rekrutmen=rekrutmen, kecamatan=kecamatan)
    if tahap == "akhir":
        qs = qs.filter(peringkat__isnull=False).order_by("wilayah_tujuan__kode", "peringkat")
    else:
        qs = qs.exclude(status_administrasi=Pendaftar.Status.BELUM).order_by(
            "wilayah_tujuan__kode", "nama", "pk"
        )
    grup: dict[int, dict] = {}
    for p in qs:
        g = grup.setdefault(p.wilayah_tujuan_id, {"wilayah": p.wilayah_tujuan, "rows": []})
        g["rows"].append(p)
    return list(grup.values())


def pendaftar_filter(
    *,
    rekrutmen: Rekrutmen,
    user,
    status: str = "",
    alasan: str = "",
    kecamatan: int | None = None,
    wilayah: int | None = None,
    q: str = "",
):
    """Applicants of a recruitment, filtered. Search: digits = NIK prefix (only for staff of
    the recruitment: others may not probe NIKs), anything else = part of the name."""
    qs = pendaftar_saring_hasil(pendaftar_qs(rekrutmen), status=status, alasan=alasan)
    if wilayah:
        qs = qs.filter(wilayah_tujuan_id=wilayah)
    elif kecamatan:
        qs = pendaftar_di_kecamatan(qs, rekrutmen=rekrutmen, kecamatan=kecamatan)
    q = (q or "").strip()
    if q:
        if q.isdigit():
            qs = qs.filter(nik__startswith=q) if boleh_kelola(user) else qs.none()
        else:
            qs = qs.filter(nama__icontains=q)
    return qs


def pendaftar_jumlah_dari_ringkasan(
    *,
    rekrutmen: Rekrutmen,
    status: str = "",
    alasan: str = "",
    kecamatan: int | None = None,
    wilayah: int | None = None,
    q: str = "",
) -> int | None:
    """The exact number of applicants for a filter that is at most one status or one reason,
    read from ``seleksi_ringkasan_tersimpan`` (no scan of the applicants); ``None`` for any
    other filter. Invalid values count as absent, as in ``pendaftar_filter``."""
    status = status if status in Pendaftar.Status.values else ""
    alasan = alasan if alasan in ALASAN_TMS or alasan in PERINGATAN else ""
    if kecamatan or wilayah or (q or "").strip() or (status and alasan):
        return None
    ringkasan = seleksi_ringkasan_tersimpan(rekrutmen)["data"]
    if alasan in ALASAN_TMS:
        return ringkasan["alasan"][alasan]
    if alasan:
        return ringkasan["peringatan"][alasan]
    if status == Pendaftar.Status.BELUM:
        return ringkasan["jumlah"] - ringkasan["ms"] - ringkasan["tms"]
    if status:
        return ringkasan[status]
    return ringkasan["jumlah"]


BATAS_HITUNG_CARI = 1_000


@dataclass(frozen=True)
class JumlahPendaftar:
    nilai: int
    lebih_dari: bool = False  # a search with more matches than it counts: "lebih dari <nilai>"


def pendaftar_jumlah(qs, *, cari: bool = False, baris_semua: list | None = None) -> JumlahPendaftar:
    """The number of applicants matching a filter ``pendaftar_jumlah_dari_ringkasan`` cannot
    answer. ``baris_semua``: the rows when the first page already holds all of them (exact, no
    query). A name/NIK search (``cari``) counts up to ``BATAS_HITUNG_CARI`` and beyond that says
    "lebih dari 1.000": ``ILIKE '%…%'`` uses no index, so an exact count would read every
    applicant while a capped one stops early (the planner's estimate was tried and is off by
    20–100× for names). Everything else (kecamatan, wilayah, status with a reason) is an exact
    ``count()``."""
    if baris_semua is not None:
        return JumlahPendaftar(len(baris_semua))
    if cari:
        n = qs.order_by()[: BATAS_HITUNG_CARI + 1].count()
        if n > BATAS_HITUNG_CARI:
            return JumlahPendaftar(BATAS_HITUNG_CARI, lebih_dari=True)
        return JumlahPendaftar(n)
    return JumlahPendaftar(qs.count())


def pendaftar_halaman(qs, *, setelah: int | None, ukuran: int = 50):
    """Keyset page: ``ukuran`` applicants with id > ``setelah``, and whether more follow. No
    OFFSET, so page 6,000 of 300,000 rows costs the same as page 1."""
    if setelah:
        qs = qs.filter(pk__gt=setelah)
    rows = list(
        qs.select_related("wilayah_tujuan", "wilayah_tujuan__induk").order_by("pk")[: ukuran + 1]
    )
    ada_lagi = len(rows) > ukuran
    return rows[:ukuran], ada_lagi


def usia_pada(tanggal_lahir: date, acuan: date) -> int:
    """Age in whole years on ``acuan`` (the recruitment's reference date)."""
    return (
        acuan.year
        - tanggal_lahir.year
        - ((acuan.month, acuan.day) < (tanggal_lahir.month, tanggal_lahir.day))
    )


def pendaftar_detail_qs():
    return Pendaftar.objects.select_related(
        "rekrutmen", "wilayah_tujuan", "wilayah_tujuan__induk", "domisili", "koreksi_oleh"
    )


def kecamatan_list():
    return Wilayah.objects.filter(jenis=Wilayah.Jenis.KECAMATAN).order_by("kode")


def kecamatan_rekap() -> list[Wilayah]:
    """Kecamatan with ``jumlah_kelurahan``, ``jumlah_tps`` and ``jumlah_dpt`` (2 queries)."""
    kecamatan = list(
        kecamatan_list().annotate(
            jumlah_kelurahan=Count("anak", distinct=True),
            jumlah_tps=Count("anak__tps", distinct=True),
        )
    )
    dpt = dict(
        TPS.objects.values("kelurahan__induk_id")
        .annotate(dpt=Sum("jumlah_dpt"))
        .values_list("kelurahan__induk_id", "dpt")
    )
    for k in kecamatan:
        k.jumlah_dpt = dpt.get(k.pk) or 0
    return kecamatan


def anggota_parpol_jumlah() -> int:
    return AnggotaParpol.objects.count()


def di_sipol(nik: str) -> bool:
    """Whether the NIK is in the imported party-member list (SIPOL)."""
    return AnggotaParpol.objects.filter(nik=nik).exists()


# --------------------------------------------------------------------------- honorarium


def periode_masa_kerja(mulai: date, selesai: date) -> list[date]:
    """Start dates of the paid months of a term: one month from ``mulai``, the next, ... while
    before ``selesai`` (KPPS 25 Jan – 25 Feb = 1 month; PPK 4 Jan 2023 – 4 Apr 2024 = 15)."""
    hasil = []
    i = 0
    while True:
        tahun, bulan = divmod(mulai.month - 1 + i, 12)
        tahun += mulai.year
        hari = min(mulai.day, calendar.monthrange(tahun, bulan + 1)[1])
        awal = date(tahun, bulan + 1, hari)
        if awal >= selesai:
            return hasil
        hasil.append(awal)
        i += 1


def tarif_honor_list(jenis_badan: str):
    return TarifHonor.objects.filter(jenis_badan=jenis_badan).order_by("-tahun", "jabatan")


def tarif_honor_map(jenis_badan: str) -> dict[tuple[str, int], Decimal]:
    return {
        (jabatan, tahun): besaran
        for jabatan, tahun, besaran in TarifHonor.objects.filter(
            jenis_badan=jenis_badan
        ).values_list("jabatan", "tahun", "besaran")
    }


def _tarif(tarif: dict, jabatan: str, tahun: int) -> Decimal:
    """The rate of the year, or of the latest earlier year that has one."""
    tahun_ada = sorted((t for j, t in tarif if j == jabatan and t <= tahun), reverse=True)
    return tarif[(jabatan, tahun_ada[0])] if tahun_ada else Decimal("0")


@dataclass
class BarisHonor:
    periode: date
    anggota_proyeksi: int = 0
    honor_proyeksi: Decimal = Decimal("0")
    anggota_aktual: int = 0
    honor_aktual: Decimal = Decimal("0")

    @property
    def selisih(self) -> Decimal:
        return self.honor_proyeksi - self.honor_aktual


def honor_rekap(rekrutmen: Rekrutmen) -> list[BarisHonor]:
    """Honor per paid month of the term.

    - projected: the members appointed at penetapan (not PAW replacements) for their whole term;
    - actual: whoever was in office at the start of the month (a member who stops mid-month is
      paid for that month, the replacement from the next month).
    Rates come from ``TarifHonor`` by body, role and year.
    """
    if not (rekrutmen.masa_kerja_mulai and rekrutmen.masa_kerja_selesai):
        return []
    tarif = tarif_honor_map(rekrutmen.jenis_badan)
    grup = list(
        AnggotaBadan.objects.filter(rekrutmen=rekrutmen)
        .values("jabatan", "mulai", "selesai", "tanggal_berhenti", "menggantikan_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    rows = []
    for awal in periode_masa_kerja(rekrutmen.masa_kerja_mulai, rekrutmen.masa_kerja_selesai):
        row = BarisHonor(periode=awal)
        for g in grup:
            besaran = _tarif(tarif, g["jabatan"], awal.year)
            di_masa = g["mulai"] <= awal < g["selesai"]
            if g["menggantikan_id"] is None and di_masa:
                row.anggota_proyeksi += g["n"]
                row.honor_proyeksi += besaran * g["n"]
            berhenti = g["tanggal_berhenti"]
            if di_masa and (berhenti is None or berhenti >= awal):
                row.anggota_aktual += g["n"]
                row.honor_aktual += besaran * g["n"]
        rows.append(row)
    return rows


def honor_dipa(rekrutmen: Rekrutmen) -> dict | None:
    """Pagu (latest revision) and realisasi of the DIPA akun that pays the honor, if linked."""
    akun = rekrutmen.akun_honor
    if akun is None:
        return None
    from anggaran.models import Pos, Realisasi
    from anggaran.selectors import pagu_detail_map, revisi_terakhir

    pagu_map = pagu_detail_map(revisi=revisi_terakhir(dokumen=akun.dokumen))
    detail = Pos.objects.filter(
        dokumen=akun.dokumen, tingkat="detail", kode_lengkap__startswith=akun.kode_lengkap
    ).values_list("pk", flat=True)
    pagu = sum((pagu_map.get(pk, Decimal("0")) for pk in detail), Decimal("0"))
    realisasi = Realisasi.objects.filter(akun=akun).aggregate(
        n=Coalesce(Sum("nilai"), Value(Decimal("0")))
    )["n"]
    return {"akun": akun, "pagu": pagu, "realisasi": realisasi}


# --------------------------------------------------------------------------- ranking, members


def peringkat_wilayah(rekrutmen: Rekrutmen, wilayah_id: int):
    return (
        Pendaftar.objects.filter(rekrutmen=rekrutmen, wilayah_tujuan_id=wilayah_id)
        .filter(Q(peringkat__isnull=False) | Q(dipanggil_wawancara=True))
        .order_by(F("peringkat").asc(nulls_last=True), F("nilai_cat").desc(nulls_last=True), "pk")
    )


def peringkat_corong(rekrutmen: Rekrutmen) -> dict[str, int]:
    """The selection funnel of a recruitment, in one scan of its applicants: MS, with a CAT
    score, called to interview, terpilih, cadangan."""
    return Pendaftar.objects.filter(rekrutmen=rekrutmen).aggregate(
        ms=Count("pk", filter=Q(status_administrasi=Pendaftar.Status.MS)),
        nilai_cat=Count("pk", filter=Q(nilai_cat__isnull=False)),
        wawancara=Count("pk", filter=Q(dipanggil_wawancara=True)),
        terpilih=Count("pk", filter=Q(hasil_akhir=Pendaftar.HasilAkhir.TERPILIH)),
        cadangan=Count("pk", filter=Q(hasil_akhir=Pendaftar.HasilAkhir.CADANGAN)),
    )


def anggota_ringkasan(rekrutmen: Rekrutmen) -> dict[str, int]:
    """``aktif`` and ``berhenti`` members, and ``terpilih_belum``: terpilih applicants not yet
    appointed."""
    anggota = AnggotaBadan.objects.filter(rekrutmen=rekrutmen)
    hasil = anggota.aggregate(
        aktif=Count("pk", filter=Q(status=AnggotaBadan.Status.AKTIF)),
        berhenti=Count("pk", filter=Q(status=AnggotaBadan.Status.BERHENTI)),
    )
    hasil["terpilih_belum"] = (
        Pendaftar.objects.filter(rekrutmen=rekrutmen, hasil_akhir=Pendaftar.HasilAkhir.TERPILIH)
        .exclude(pk__in=anggota.filter(pendaftar__isnull=False).values("pendaftar_id"))
        .count()
    )
    return hasil


def anggota_list(rekrutmen: Rekrutmen, *, wilayah_id: int | None = None):
    qs = AnggotaBadan.objects.filter(rekrutmen=rekrutmen).select_related(
        "wilayah", "wilayah__induk", "menggantikan", "pengganti"
    )
    if wilayah_id:
        qs = qs.filter(wilayah_id=wilayah_id)
    return qs.order_by("wilayah__kode", "status", "jabatan", "nama")
