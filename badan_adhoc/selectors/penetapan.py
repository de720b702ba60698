"""After the screening: ranking funnel, members, honorarium per month of the term."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, DecimalField, ExpressionWrapper, F, Q, Sum, Value
from django.db.models.functions import Coalesce, Round

from ..models import (
    AnggotaBadan,
    Pendaftar,
    Rekrutmen,
    TarifHonor,
)


def peringkat_corong(rekrutmen: Rekrutmen) -> dict[str, int]:
    """The selection funnel of a recruitment, in one scan of its applicants: MS, with a CAT
    score, called to interview, terpilih, cadangan. KPPS has no test nor interview (NOTES.md):
    MS, terpilih, cadangan only."""
    kpps = rekrutmen.per_tps  # KPPS, Pantarlih
    return Pendaftar.objects.filter(rekrutmen=rekrutmen).aggregate(
        ms=Count("pk", filter=Q(status_administrasi=Pendaftar.Status.MS)),
        **(
            {}
            if kpps
            else {
                "nilai_cat": Count("pk", filter=Q(nilai_cat__isnull=False)),
                "wawancara": Count("pk", filter=Q(dipanggil_wawancara=True)),
            }
        ),
        terpilih=Count("pk", filter=Q(hasil_akhir=Pendaftar.HasilAkhir.TERPILIH)),
        cadangan=Count("pk", filter=Q(hasil_akhir=Pendaftar.HasilAkhir.CADANGAN)),
    )


def peringkat_urutan(rekrutmen: Rekrutmen) -> list:
    """The order of the ranking (``services.penetapan``'s ``_URUT_PPK_PPS``/``_URUT_KPPS``) as
    ORM expressions: PPK/PPS by the final score in hundredths, then interview, then CAT, then
    the older applicant, then the earlier registration (a missing score last); KPPS without the
    55+ warning first, then registration order."""
    if rekrutmen.per_tps:
        return [F("peringatan_usia_lebih_55").asc(), "pk"]
    akhir = ExpressionWrapper(
        Round(F("nilai_cat") * 100) + Round(F("nilai_wawancara") * 100),
        output_field=DecimalField(),
    )
    return [
        akhir.desc(nulls_last=True),
        F("nilai_wawancara").desc(nulls_last=True),
        F("nilai_cat").desc(nulls_last=True),
        "tanggal_lahir",
        "pk",
    ]


def peringkat_wilayah(rekrutmen: Rekrutmen, wilayah_id: int):
    """The ranking page of one wilayah: the ranked applicants by rank, then the ones called
    to interview but not ranked (tidak lolos) by the same rule (``peringkat_urutan``)."""
    return (
        Pendaftar.objects.filter(rekrutmen=rekrutmen, wilayah_tujuan_id=wilayah_id)
        .filter(Q(peringkat__isnull=False) | Q(dipanggil_wawancara=True))
        .order_by(F("peringkat").asc(nulls_last=True), *peringkat_urutan(rekrutmen))
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


def _akun_dipa(akun) -> dict:
    """Pagu (latest revision) and booked realisasi of one DIPA akun line."""
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


@dataclass
class HonorTahun:
    """The part of the honor paid from one budget year, against that year's DIPA akun.

    ``pagu``/``realisasi`` are ``None`` when there is nothing to compare with (no DIPA of the
    year yet, the akun missing in it, no akun linked): ``keterangan`` then says why; the part
    is never compared with 0.
    """

    tahun: int
    bulan: int = 0
    honor_proyeksi: Decimal = Decimal("0")
    honor_aktual: Decimal = Decimal("0")
    akun: object | None = None
    pagu: Decimal | None = None
    realisasi: Decimal | None = None
    keterangan: str = ""

    @property
    def sisa_pagu(self) -> Decimal | None:
        """Pagu of the year's akun less the projected honor of the year."""
        return None if self.pagu is None else self.pagu - self.honor_proyeksi


@dataclass
class RekapHonor:
    """The honor of a recruitment per paid month, per budget year, and in total."""

    bulan: list[BarisHonor]
    per_tahun: list[HonorTahun]

    @property
    def total_proyeksi(self) -> Decimal:
        return sum((x.honor_proyeksi for x in self.bulan), Decimal("0"))

    @property
    def total_aktual(self) -> Decimal:
        return sum((x.honor_aktual for x in self.bulan), Decimal("0"))


def _akun_tahun(akun_honor, tahun: int) -> tuple[object | None, str]:
    """The akun paying the honor in ``tahun``: the linked line when it is of that year, else the
    line with the same full code in that year's DIPA; or ``None`` and the reason."""
    if akun_honor is None:
        return None, "Rekrutmen ini belum dihubungkan dengan akun DIPA pembayar honor."
    if akun_honor.dokumen.tahun == tahun:
        return akun_honor, ""
    from anggaran.models import Pos
    from anggaran.selectors import dipa_of_tahun

    dipa = dipa_of_tahun(tahun=tahun)
    if dipa is None:
        return None, f"DIPA {tahun} belum ada: honor tahun {tahun} belum dapat dibandingkan."
    akun = (
        Pos.objects.select_related("dokumen")
        .filter(dokumen=dipa, tingkat="akun", kode_lengkap=akun_honor.kode_lengkap)
        .first()
    )
    if akun is None:
        return None, (
            f"Akun {akun_honor.kode_lengkap} belum ada di DIPA {tahun}: honor tahun {tahun} "
            "belum dapat dibandingkan."
        )
    return akun, ""


def honor_per_tahun(rekrutmen: Rekrutmen) -> RekapHonor:
    """The honor of ``honor_rekap`` split by budget year (a paid month belongs to the year it
    starts in: PPK 4 Jan 2023 – 4 Apr 2024 = 12 months of 2023 and 3 of 2024), each year's part
    next to the pagu and realisasi of that year's DIPA akun."""
    bulan = honor_rekap(rekrutmen)
    akun_honor = rekrutmen.akun_honor
    per_tahun: dict[int, HonorTahun] = {}
    for row in bulan:
        bagian = per_tahun.setdefault(row.periode.year, HonorTahun(tahun=row.periode.year))
        bagian.bulan += 1
        bagian.honor_proyeksi += row.honor_proyeksi
        bagian.honor_aktual += row.honor_aktual
    for bagian in per_tahun.values():
        akun, bagian.keterangan = _akun_tahun(akun_honor, bagian.tahun)
        if akun is not None:
            dipa = _akun_dipa(akun)
            bagian.akun, bagian.pagu, bagian.realisasi = akun, dipa["pagu"], dipa["realisasi"]
    return RekapHonor(bulan=bulan, per_tahun=sorted(per_tahun.values(), key=lambda x: x.tahun))
