"""Recruitments, seats and the dashboard figures.

Seats are computed from the wilayah and the recruitment's seats per unit (copied from
``NormaKursi``): PPK per kecamatan, PPS per desa/kelurahan, KPPS and Pantarlih per TPS, so
KPPS seats of a kelurahan are ``kursi_per_satuan × number of TPS``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, ExpressionWrapper, IntegerField, Q, Sum, Value
from django.db.models.functions import Coalesce, Greatest, Least

from kpu_site.tersimpan import tersimpan

from ..models import (
    ALASAN_TMS,
    PERINGATAN,
    TPS,
    AnggotaParpol,
    JenisBadan,
    Pendaftar,
    Rekrutmen,
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


def kursi_per_wilayah_qs(rekrutmen: Rekrutmen):
    """Seats per wilayah applied for, as rows ``(wilayah id, seats)`` in one query: the ranking
    joins it in SQL (``services.penetapan``); ``kursi_per_wilayah`` reads it as a dict. A
    desa/kelurahan without TPS has 0 KPPS seats."""
    qs = wilayah_tujuan_qs(rekrutmen).order_by()
    kursi = Value(rekrutmen.kursi_per_satuan)
    if rekrutmen.per_tps:  # KPPS, Pantarlih
        qs = qs.annotate(kursi=ExpressionWrapper(Count("tps") * kursi, output_field=IntegerField()))
    else:
        qs = qs.annotate(kursi=ExpressionWrapper(kursi, output_field=IntegerField()))
    return qs.values_list("pk", "kursi")


def kursi_per_wilayah(rekrutmen: Rekrutmen) -> dict[int, int]:
    """Seats per wilayah applied for (wilayah id -> seats)."""
    return dict(kursi_per_wilayah_qs(rekrutmen))


def satuan_jumlah() -> dict[str, int]:
    """The number of units each body fills (``JenisBadan`` value -> n): kecamatan for PPK,
    desa/kelurahan for PPS, their TPS for KPPS and Pantarlih. Three queries, whatever the
    recruitments."""
    kelurahan = Wilayah.objects.exclude(jenis=Wilayah.Jenis.KECAMATAN)
    tps = TPS.objects.filter(kelurahan__in=kelurahan).count()
    return {
        JenisBadan.PPK: Wilayah.objects.filter(jenis=Wilayah.Jenis.KECAMATAN).count(),
        JenisBadan.PPS: kelurahan.count(),
        JenisBadan.KPPS: tps,
        JenisBadan.PANTARLIH: tps,
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
