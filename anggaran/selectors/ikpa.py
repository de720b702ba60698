"""IKPA (Indikator Kinerja Pelaksanaan Anggaran): the treasury's monthly scorecard of a satker's
budget execution, computed from stored data, month by month.

Seven indicators, each one function below with the formula it implements, plus the deduction
for SPM dispensations. The weights, absorption targets and component parameters are data per
year (``ParameterIkpa``); the formulas follow the juknis of the Direktur Jenderal
Perbendaharaan: PER-5/PB/2022 (in force for 2023) and PER-5/PB/2024 (2024 onwards), as this app
reads them. What the app cannot know (which revisions were approved by the Kanwil DJPb/DJA with
a fixed pagu, national holidays) is typed or left out, and the page says so.

Rounding, the same everywhere (and in the hand calculations of the tests): every percentage is
rounded half-up to 2 decimals where it is formed (a month's deviation, a quarter's absorption
score, an indicator's value); averages are taken of the rounded figures.

The monthly value of an indicator is its value *as of the end of that month* (data dated after
it are ignored), so the trend over the year can be drawn for a past year as well.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Sum
from django.db.models.functions import ExtractMonth
from django.utils import timezone

from kpu_site.formatting import angka, persen
from kpu_site.formatting import bulan as nama_bulan

from ..models import (
    DispensasiSpm,
    DokumenAnggaran,
    JenisBelanja,
    Kontrak,
    MutasiUp,
    Pagu,
    ParameterIkpa,
    Pos,
    Realisasi,
    RealisasiOutput,
    RencanaPenarikan,
    Revisi,
    RpdJenisBelanja,
    Tagihan,
    VolumeRo,
    jenis_belanja_dari_akun,
)
from .hitung import NOL, SEN, SERATUS, deviasi_compute, pagu_detail_compute, serapan_compute

# the month's deviation when only the total RPD (not per jenis belanja) is known
SEMUA_JENIS = "semua"


def _bulat(nilai: Decimal) -> Decimal:
    return nilai.quantize(SEN, rounding=ROUND_HALF_UP)


def _rata(nilai: Sequence[Decimal]) -> Decimal | None:
    """Average rounded to 2 decimals; ``None`` for nothing to average."""
    if not nilai:
        return None
    return _bulat(sum(nilai, NOL) / len(nilai))


def triwulan_dari_bulan(bulan: int) -> int:
    return (bulan - 1) // 3 + 1


def akhir_bulan(tahun: int, bulan: int) -> date:
    return date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])


# --- 1. revisi DIPA ----------------------------------------------------------------------------


def rasio_revisi_triwulan(jumlah: int) -> Decimal:
    """Rasio revisi DIPA of one quarter = target frequency (1) ÷ revisions in the quarter × 100;
    100 for a quarter with at most one revision (the target is not cumulative)."""
    if jumlah <= 1:
        return SERATUS
    return _bulat(SERATUS / jumlah)


def nilai_revisi_dipa(tanggal_revisi: Iterable[date], *, tahun: int, bulan: int) -> Decimal:
    """Indicator *Revisi DIPA* as of the end of ``bulan``.

    PER-5/PB/2022 and PER-5/PB/2024 (Pasal 6): the revisions counted are those of a fixed pagu
    approved by the Kementerian Keuangan (DJA, Kanwil DJPb); the optimal frequency is one per
    quarter, not cumulative. Value = average over the quarters so far of
    ``rasio_revisi_triwulan`` (the current quarter with the revisions up to ``bulan``).
    ``tanggal_revisi``: the dates of the counted revisions (``Revisi.dihitung_ikpa``).
    """
    sampai = akhir_bulan(tahun, bulan)
    per_triwulan: dict[int, int] = defaultdict(int)
    for tanggal in tanggal_revisi:
        if tanggal.year == tahun and tanggal <= sampai:
            per_triwulan[triwulan_dari_bulan(tanggal.month)] += 1
    rasio = [
        rasio_revisi_triwulan(per_triwulan[q]) for q in range(1, triwulan_dari_bulan(bulan) + 1)
    ]
    return _rata(rasio)


# --- 2. deviasi halaman III DIPA ------------------------------------------------------------


def deviasi_jenis_compute(rpd: Decimal, realisasi: Decimal) -> Decimal:
    """Deviation of one expenditure type in one month: |realisasi − RPD| ÷ RPD × 100
    (``deviasi_compute``), at most 100."""
    return min(SERATUS, deviasi_compute(rpd, realisasi))


def deviasi_bulan_compute(
    *,
    rpd: dict[str, Decimal],
    realisasi: dict[str, Decimal],
    pagu: dict[str, Decimal],
    tertimbang: bool,
) -> Decimal:
    """The deviation of one month over the expenditure types.

    Weighted (PER-5/PB/2024, Pasal 7): Σ deviasi jenis × (pagu jenis ÷ pagu of all types).
    Plain (PER-5/PB/2022): the average deviation of the types that planned or spent anything
    that month. A month with neither a plan nor a payment counts 0.
    """
    jenis = sorted(set(rpd) | set(realisasi) | set(pagu))
    deviasi = {j: deviasi_jenis_compute(rpd.get(j, NOL), realisasi.get(j, NOL)) for j in jenis}
    if tertimbang:
        total_pagu = sum((pagu.get(j, NOL) for j in jenis), NOL)
        if not total_pagu:
            return NOL
        return _bulat(sum((deviasi[j] * pagu.get(j, NOL) for j in jenis), NOL) / total_pagu)
    aktif = [deviasi[j] for j in jenis if rpd.get(j) or realisasi.get(j)]
    return _rata(aktif) or NOL


def nilai_deviasi(deviasi_bulanan: Sequence[Decimal]) -> Decimal:
    """Indicator *Deviasi Halaman III DIPA* = 100 − the average monthly deviation of the months
    so far (``deviasi_bulan_compute``), at least 0."""
    return max(NOL, SERATUS - (_rata(deviasi_bulanan) or NOL))


# --- 3. penyerapan anggaran -----------------------------------------------------------------


def nilai_penyerapan_triwulan(
    *,
    pagu: dict[str, Decimal],
    realisasi_kumulatif: dict[str, Decimal],
    target: dict[str, Decimal],
) -> Decimal | None:
    """The absorption score of one quarter (PER-5/PB/2024, Pasal 9): for each expenditure type
    with a pagu, its cumulative absorption (``serapan_compute``) against the quarter's target,
    at most 100; weighted by the type's share of the pagu."""
    dinilai = [j for j, p in pagu.items() if p and target.get(j)]
    total_pagu = sum((pagu[j] for j in dinilai), NOL)
    if not total_pagu:
        return None
    jumlah = NOL
    for j in dinilai:
        serapan = serapan_compute(pagu[j], realisasi_kumulatif.get(j, NOL)) or NOL
        capaian = min(SERATUS, _bulat(serapan * SERATUS / target[j]))
        jumlah += capaian * pagu[j]
    return _bulat(jumlah / total_pagu)


def nilai_penyerapan(nilai_triwulan: Sequence[Decimal]) -> Decimal | None:
    """Indicator *Penyerapan Anggaran* = the average of the quarters' scores so far (the
    current quarter with the realisasi up to the month)."""
    return _rata([n for n in nilai_triwulan if n is not None])


# --- 4. belanja kontraktual -----------------------------------------------------------------


@dataclass(frozen=True)
class KontrakIkpa:
    nomor: str
    tanggal: date
    jenis_belanja: str | None
    nilai: Decimal
    tanggal_lunas: date | None  # the SP2D that completed the payment, if any


def _komposit(komponen: dict[str, Decimal | None], bobot: dict[str, Decimal]) -> Decimal | None:
    """Σ component × weight ÷ Σ weight over the components that have a value (a component
    without data does not count), at most 100."""
    dinilai = {k: v for k, v in komponen.items() if v is not None}
    total_bobot = sum((Decimal(bobot[k]) for k in dinilai), NOL)
    if not total_bobot:
        return None
    jumlah = sum((v * Decimal(bobot[k]) for k, v in dinilai.items()), NOL)
    return _bulat(min(SERATUS, jumlah / total_bobot))


def komponen_kontraktual(
    kontrak: Iterable[KontrakIkpa], *, tahun: int, sampai: date, param: dict
) -> dict[str, Decimal | None]:
    """The three components of *Belanja Kontraktual* (PER-5/PB/2024, Pasal 10), as of ``sampai``,
    over the contracts of belanja barang, modal and bansos above ``batas_nilai``:

    - ``kontrak_dini``: average points of the contracts signed by 31 March: ``poin_kontrak_dini``
      (120) when signed before 1 January of the year, ``poin_kontrak_tw1`` (110) in January–March;
    - ``akselerasi_modal``: belanja modal contracts up to ``modal_batas_atas`` paid in full: the
      points of the quarter of the last payment (``poin_modal_per_triwulan``), averaged;
    - ``distribusi``: the contracts signed by 31 March as a share of all contracts signed so far.
    """
    batas = Decimal(param["batas_nilai"])
    akhir_tw1 = date(tahun, 3, 31)
    awal_tahun = date(tahun, 1, 1)
    berlaku = [
        k
        for k in kontrak
        if k.tanggal <= sampai and k.jenis_belanja in ("52", "53", "57") and k.nilai > batas
    ]
    tw1 = [k for k in berlaku if k.tanggal <= akhir_tw1]
    poin_dini = [
        Decimal(param["poin_kontrak_dini"] if k.tanggal < awal_tahun else param["poin_kontrak_tw1"])
        for k in tw1
    ]
    poin_tw = param["poin_modal_per_triwulan"]
    modal = [
        Decimal(poin_tw[triwulan_dari_bulan(k.tanggal_lunas.month) - 1])
        for k in berlaku
        if k.jenis_belanja == "53"
        and k.nilai <= Decimal(param["modal_batas_atas"])
        and k.tanggal_lunas is not None
        and k.tanggal_lunas <= sampai
    ]
    return {
        "kontrak_dini": _rata(poin_dini),
        "akselerasi_modal": _rata(modal),
        "distribusi": _bulat(SERATUS * len(tw1) / len(berlaku)) if berlaku else None,
    }


def nilai_belanja_kontraktual(
    komponen: dict[str, Decimal | None], *, param: dict
) -> Decimal | None:
    """Indicator *Belanja Kontraktual* = the components of ``komponen_kontraktual`` weighted by
    ``bobot_kontrak_dini`` (40), ``bobot_akselerasi_modal`` (40) and ``bobot_distribusi`` (20),
    over those with contracts; at most 100; ``None`` (not assessed) without contracts."""
    return _komposit(
        komponen,
        {
            "kontrak_dini": param["bobot_kontrak_dini"],
            "akselerasi_modal": param["bobot_akselerasi_modal"],
            "distribusi": param["bobot_distribusi"],
        },
    )


# --- 5. penyelesaian tagihan ----------------------------------------------------------------


def tambah_hari_kerja(awal: date, hari: int) -> date:
    """``awal`` plus ``hari`` working days (Monday–Friday; national holidays are not known to
    the app, so a deadline over a holiday is a day early)."""
    # any 7 days in a row hold exactly 5 working days: all but the last week at once, the last
    # working days one by one (so the result is a working day)
    minggu = max(0, (hari - 1) // 5)
    sisa = hari - 5 * minggu
    tanggal = awal + timedelta(weeks=minggu)
    while sisa > 0:
        tanggal += timedelta(days=1)
        if tanggal.weekday() < 5:
            sisa -= 1
    return tanggal


@dataclass(frozen=True)
class TagihanIkpa:
    nomor: str
    kontrak: str
    tanggal_bast: date
    tanggal_spm: date | None


def tagihan_tepat_waktu(
    tagihan: TagihanIkpa, *, batas_hari_kerja: int, per_tanggal: date
) -> bool | None:
    """Was the invoice's SPM submitted within ``batas_hari_kerja`` working days of its BAST, as
    known on ``per_tanggal``? ``True``/``False``; ``None`` while it is not due yet (no SPM by
    then and the deadline not passed) or its BAST is later."""
    if tagihan.tanggal_bast > per_tanggal:
        return None
    batas = tambah_hari_kerja(tagihan.tanggal_bast, batas_hari_kerja)
    if tagihan.tanggal_spm is not None and tagihan.tanggal_spm <= per_tanggal:
        return tagihan.tanggal_spm <= batas
    return False if batas < per_tanggal else None


def nilai_penyelesaian_tagihan(
    tagihan: Iterable[TagihanIkpa], *, sampai: date, batas_hari_kerja: int
) -> Decimal | None:
    """Indicator *Penyelesaian Tagihan* (PER-5/PB/2024, Pasal 11) = the invoices whose SPM was
    submitted within the deadline after the BAST ÷ the invoices due by ``sampai`` × 100
    (``tagihan_tepat_waktu``); ``None`` without invoices due."""
    status = [
        tagihan_tepat_waktu(t, batas_hari_kerja=batas_hari_kerja, per_tanggal=sampai)
        for t in tagihan
    ]
    dinilai = [s for s in status if s is not None]
    if not dinilai:
        return None
    return _bulat(SERATUS * sum(dinilai) / len(dinilai))


# --- 6. pengelolaan UP dan TUP --------------------------------------------------------------


@dataclass(frozen=True)
class TupIkpa:
    nomor: str
    tanggal: date
    nilai: Decimal
    batas_waktu: date
    penyelesaian: tuple[tuple[date, str, Decimal], ...]  # (tanggal, "ptup"/"setor_tup", nilai)

    def selesai_pada(self, per_tanggal: date) -> date | None:
        """The date the TUP was fully accounted for or returned, as known on ``per_tanggal``."""
        jumlah = NOL
        for tanggal, _jenis, nilai in sorted(self.penyelesaian):
            if tanggal > per_tanggal:
                break
            jumlah += nilai
            if jumlah >= self.nilai:
                return tanggal
        return None

    def setoran(self, per_tanggal: date) -> Decimal:
        return sum(
            (n for t, j, n in self.penyelesaian if j == "setor_tup" and t <= per_tanggal), NOL
        )


def komponen_up_tup(
    *,
    up: Sequence[tuple[date, Decimal]],
    gup: Sequence[tuple[date, Decimal]],
    tup: Sequence[TupIkpa],
    sampai: date,
    param: dict,
) -> dict[str, Decimal | None]:
    """The components of *Pengelolaan UP dan TUP* (PER-5/PB/2022 and PER-5/PB/2024), as of
    ``sampai``:

    - ``ketepatan``: the TUP accounted for (PTUP and returns) by their deadline ÷ the TUP due or
      settled so far × 100;
    - ``besaran_gup``: each GUP against ``batas_gup_persen`` (50%) of the UP in force: 100 when
      at least that, else proportionally; averaged;
    - ``setoran_tup``: 100 − the TUP returned unused ÷ the TUP settled × 100.
    """
    dinilai_tup = []
    for t in tup:
        if t.tanggal > sampai:
            continue
        selesai = t.selesai_pada(sampai)
        if selesai is not None or t.batas_waktu < sampai:
            dinilai_tup.append(selesai is not None and selesai <= t.batas_waktu)
    batas_gup = Decimal(param["batas_gup_persen"])
    besaran = []
    for tanggal, nilai in gup:
        if tanggal > sampai:
            continue
        berlaku = [n for t, n in up if t <= tanggal]
        if not berlaku:
            continue
        persen_up = nilai * SERATUS / berlaku[-1]
        besaran.append(min(SERATUS, _bulat(persen_up * SERATUS / batas_gup)))
    selesai_tup = [t for t in tup if t.tanggal <= sampai and t.selesai_pada(sampai) is not None]
    total_tup = sum((t.nilai for t in selesai_tup), NOL)
    setoran = sum((t.setoran(sampai) for t in selesai_tup), NOL)
    return {
        "ketepatan": _bulat(SERATUS * sum(dinilai_tup) / len(dinilai_tup)) if dinilai_tup else None,
        "besaran_gup": _rata(besaran),
        "setoran_tup": _bulat(SERATUS - setoran * SERATUS / total_tup) if total_tup else None,
    }


def nilai_up_tup(komponen: dict[str, Decimal | None], *, param: dict) -> Decimal | None:
    """Indicator *Pengelolaan UP dan TUP* = the components of ``komponen_up_tup`` weighted by
    ``bobot_ketepatan`` (50), ``bobot_besaran_gup`` (25), ``bobot_setoran_tup`` (25) over those
    with data; ``None`` (not assessed) without UP or TUP."""
    return _komposit(
        komponen,
        {
            "ketepatan": param["bobot_ketepatan"],
            "besaran_gup": param["bobot_besaran_gup"],
            "setoran_tup": param["bobot_setoran_tup"],
        },
    )


# --- 7. capaian output ----------------------------------------------------------------------


@dataclass(frozen=True)
class RoIkpa:
    kode: str
    uraian: str
    satuan: str
    target: Decimal
    rencana: tuple[Decimal, ...]  # 12 cumulative projections, or empty
    laporan: dict[int, tuple[Decimal, date]] = field(default_factory=dict)  # bulan -> (vol, lapor)

    def proyeksi(self, bulan: int) -> Decimal:
        """The cumulative volume planned by the end of ``bulan``: the projection entered, or
        the target spread evenly over the year (target × bulan ÷ 12)."""
        if len(self.rencana) == 12:
            return self.rencana[bulan - 1]
        return self.target * bulan / 12

    def kumulatif(self, bulan: int) -> Decimal:
        return sum((v for b, (v, _t) in self.laporan.items() if b <= bulan), NOL)


def komponen_output(
    ro: Sequence[RoIkpa], *, tahun: int, bulan: int, param: dict
) -> dict[str, Decimal | None]:
    """The components of *Capaian Output* (PER-5/PB/2022, PER-5/PB/2024 Pasal 13) as of the end
    of ``bulan``:

    - ``capaian``: per RO the cumulative volume reported against its projection for the month,
      at most 100, averaged over the RO with a projection above 0;
    - ``ketepatan``: the monthly reports (RO × month so far) made by day ``batas_tanggal_lapor``
      (5) of the following month ÷ the reports due × 100.
    """
    capaian = []
    for r in ro:
        proyeksi = r.proyeksi(bulan)
        if proyeksi > 0:
            capaian.append(min(SERATUS, _bulat(r.kumulatif(bulan) * SERATUS / proyeksi)))
    batas_hari = int(param["batas_tanggal_lapor"])
    tepat = wajib = 0
    for r in ro:
        for b in range(1, bulan + 1):
            wajib += 1
            lapor = r.laporan.get(b)
            batas = date(tahun, b + 1, batas_hari) if b < 12 else date(tahun + 1, 1, batas_hari)
            tepat += bool(lapor and lapor[1] <= batas)
    return {
        "capaian": _rata(capaian),
        "ketepatan": _bulat(SERATUS * tepat / wajib) if wajib else None,
    }


def nilai_capaian_output(komponen: dict[str, Decimal | None], *, param: dict) -> Decimal | None:
    """Indicator *Capaian Output* = ``capaian`` × ``bobot_capaian`` (70) + ``ketepatan`` ×
    ``bobot_ketepatan_lapor`` (30), over the components with data; ``None`` without RO
    targets."""
    return _komposit(
        komponen,
        {"capaian": param["bobot_capaian"], "ketepatan": param["bobot_ketepatan_lapor"]},
    )


# --- deduction and total ----------------------------------------------------------------------


def pengurang_dispensasi(jumlah_spm: int, *, param: dict) -> Decimal:
    """The deduction for SPM dispensations so far in the year: ``pengurang_per_spm`` (0,25) per
    SPM, at most ``pengurang_maks`` (1,00)."""
    return min(Decimal(param["pengurang_maks"]), Decimal(param["pengurang_per_spm"]) * jumlah_spm)


@dataclass(frozen=True)
class NilaiIndikator:
    kode: str
    nama: str
    bobot: Decimal
    nilai: Decimal | None  # None: not assessed (no data), its weight goes to the others
    bobot_efektif: Decimal = NOL
    komponen: tuple[tuple[str, Decimal | None], ...] = ()
    saran: str = ""

    @property
    def dinilai(self) -> bool:
        return self.nilai is not None

    @property
    def kontribusi(self) -> Decimal | None:
        """nilai × effective weight ÷ 100 (the points it adds to the total)."""
        if self.nilai is None:
            return None
        return _bulat(self.nilai * self.bobot_efektif / SERATUS)


def bobot_efektif(indikator: Sequence[NilaiIndikator]) -> list[NilaiIndikator]:
    """The weights of the assessed indicators scaled so they sum to 100 (an indicator without
    data is not assessed and its weight is shared by the others, as the treasury's conversion
    does)."""
    total = sum((i.bobot for i in indikator if i.dinilai), NOL)
    hasil = []
    for i in indikator:
        efektif = _bulat(i.bobot * SERATUS / total) if i.dinilai and total else NOL
        hasil.append(
            NilaiIndikator(
                kode=i.kode,
                nama=i.nama,
                bobot=i.bobot,
                nilai=i.nilai,
                bobot_efektif=efektif,
                komponen=i.komponen,
                saran=i.saran,
            )
        )
    return hasil


def nilai_ikpa_total(indikator: Sequence[NilaiIndikator], pengurang: Decimal) -> Decimal | None:
    """The month's IKPA = Σ indicator value × its weight ÷ Σ weights of the assessed indicators
    − the dispensation deduction; ``None`` when nothing can be assessed."""
    dinilai = [i for i in indikator if i.dinilai]
    total_bobot = sum((i.bobot for i in dinilai), NOL)
    if not total_bobot:
        return None
    return _bulat(sum((i.nilai * i.bobot for i in dinilai), NOL) / total_bobot - pengurang)


def predikat_ikpa(nilai: Decimal | None) -> str:
    """Sangat Baik ≥ 95, Baik ≥ 89, Cukup ≥ 70, else Kurang (the treasury's categories)."""
    if nilai is None:
        return "—"
    if nilai >= 95:
        return "Sangat Baik"
    if nilai >= 89:
        return "Baik"
    if nilai >= 70:
        return "Cukup"
    return "Kurang"


# --- the data of one DIPA, loaded in a constant number of queries ------------------------------

INDIKATOR = (
    ("revisi", "Revisi DIPA", "bobot_revisi"),
    ("deviasi", "Deviasi Halaman III DIPA", "bobot_deviasi"),
    ("penyerapan", "Penyerapan Anggaran", "bobot_penyerapan"),
    ("kontraktual", "Belanja Kontraktual", "bobot_kontraktual"),
    ("tagihan", "Penyelesaian Tagihan", "bobot_tagihan"),
    ("up_tup", "Pengelolaan UP dan TUP", "bobot_up_tup"),
    ("output", "Capaian Output", "bobot_output"),
)

NAMA_KOMPONEN = {
    "kontrak_dini": "Akselerasi kontrak dini",
    "akselerasi_modal": "Akselerasi belanja modal",
    "distribusi": "Distribusi akselerasi kontrak",
    "ketepatan": "Ketepatan waktu",
    "besaran_gup": "Besaran GUP terhadap UP",
    "setoran_tup": "Setoran sisa TUP",
    "capaian": "Capaian RO terhadap proyeksi",
}


def parameter_ikpa_get(*, tahun: int) -> ParameterIkpa | None:
    """The parameters of ``tahun``, or of the latest earlier year that has them (the page says
    which year's rules were used)."""
    return ParameterIkpa.objects.filter(tahun__lte=tahun).order_by("-tahun").first()


@dataclass
class DataIkpa:
    dokumen: DokumenAnggaran
    param: ParameterIkpa
    revisi: list[tuple[int, int, date, bool]]  # (id, nomor, tanggal, dihitung_ikpa)
    pagu_jenis: dict[int, dict[str, Decimal]]
    rpd_jenis: dict[int, dict[int, dict[str, Decimal]]]
    rpd_total: dict[int, dict[int, Decimal]]
    realisasi: dict[int, dict[str, Decimal]]  # bulan -> jenis -> nilai
    kontrak: list[KontrakIkpa]
    tagihan: list[TagihanIkpa]
    up: list[tuple[date, Decimal]]
    gup: list[tuple[date, Decimal]]
    tup: list[TupIkpa]
    dispensasi: list[tuple[date, int]]
    ro: dict[int, list[RoIkpa]]  # revisi id -> RO with their targets in that revision

    @property
    def tahun(self) -> int:
        return self.dokumen.tahun

    def revisi_berlaku(self, bulan: int) -> int:
        """The revision in force at the end of ``bulan`` (the DIPA awal at least)."""
        sampai = akhir_bulan(self.tahun, bulan)
        berlaku = [r for r in self.revisi if r[2] <= sampai or r[1] == 0]
        return max(berlaku, key=lambda r: r[1])[0]

    def realisasi_kumulatif(self, bulan: int) -> dict[str, Decimal]:
        jumlah: dict[str, Decimal] = defaultdict(lambda: NOL)
        for b, per_jenis in self.realisasi.items():
            if b <= bulan:
                for j, n in per_jenis.items():
                    jumlah[j] += n
        return dict(jumlah)


def data_ikpa(*, dokumen: DokumenAnggaran, param: ParameterIkpa) -> DataIkpa:
    """Everything the IKPA of ``dokumen`` needs, aggregated by the database where the rows are
    many (realisasi per akun and month): the same number of queries for 10 or 100.000 SP2D."""
    revisi = list(
        Revisi.objects.filter(dokumen=dokumen)
        .order_by("nomor")
        .values_list("id", "nomor", "tanggal", "dihitung_ikpa")
    )
    pagu_jenis: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: NOL))
    for revisi_id, kode_akun, volume, harga in Pagu.objects.filter(
        revisi__dokumen=dokumen
    ).values_list("revisi_id", "pos__induk__kode", "volume", "harga"):
        jenis = jenis_belanja_dari_akun(kode_akun or "")
        if jenis:
            pagu_jenis[revisi_id][jenis] += pagu_detail_compute(volume, harga)
    rpd_jenis: dict[int, dict[int, dict[str, Decimal]]] = defaultdict(lambda: defaultdict(dict))
    for revisi_id, bulan, jenis, nilai in RpdJenisBelanja.objects.filter(
        revisi__dokumen=dokumen
    ).values_list("revisi_id", "bulan", "jenis_belanja", "nilai"):
        rpd_jenis[revisi_id][bulan][jenis] = nilai
    rpd_total: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for revisi_id, bulan, nilai in RencanaPenarikan.objects.filter(
        revisi__dokumen=dokumen
    ).values_list("revisi_id", "bulan", "nilai"):
        rpd_total[revisi_id][bulan] = nilai
    realisasi: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: NOL))
    for kode_akun, bulan, total in (
        Realisasi.objects.filter(dokumen=dokumen)
        .annotate(b=ExtractMonth("tanggal"))
        .values("akun__kode", "b")
        .annotate(total=Sum("nilai"))
        .values_list("akun__kode", "b", "total")
    ):
        jenis = jenis_belanja_dari_akun(kode_akun)
        if jenis:
            realisasi[bulan][jenis] += total
    bayar: dict[int, list[tuple[date, Decimal]]] = defaultdict(list)
    tagihan = []
    for kontrak_id, nomor_kontrak, nomor, bast, spm, sp2d, nilai in (
        Tagihan.objects.filter(kontrak__dokumen=dokumen)
        .order_by("tanggal_bast", "nomor")
        .values_list(
            "kontrak_id",
            "kontrak__nomor",
            "nomor",
            "tanggal_bast",
            "tanggal_spm",
            "tanggal_sp2d",
            "nilai",
        )
    ):
        tagihan.append(
            TagihanIkpa(nomor=nomor, kontrak=nomor_kontrak, tanggal_bast=bast, tanggal_spm=spm)
        )
        if sp2d is not None:
            bayar[kontrak_id].append((sp2d, nilai))
    kontrak = []
    for kontrak_id, nomor, tanggal, kode_akun, nilai in Kontrak.objects.filter(
        dokumen=dokumen
    ).values_list("id", "nomor", "tanggal", "akun__kode", "nilai"):
        lunas = None
        jumlah = NOL
        for tgl, n in sorted(bayar[kontrak_id]):
            jumlah += n
            if jumlah >= nilai:
                lunas = tgl
                break
        kontrak.append(
            KontrakIkpa(
                nomor=nomor,
                tanggal=tanggal,
                jenis_belanja=jenis_belanja_dari_akun(kode_akun),
                nilai=nilai,
                tanggal_lunas=lunas,
            )
        )
    mutasi = list(
        MutasiUp.objects.filter(dokumen=dokumen)
        .order_by("tanggal", "id")
        .values_list("id", "jenis", "nomor", "tanggal", "nilai", "tup_id", "batas_waktu")
    )
    penyelesaian: dict[int, list] = defaultdict(list)
    for _id, jenis, _nomor, tanggal, nilai, tup_id, _batas in mutasi:
        if jenis in ("ptup", "setor_tup") and tup_id:
            penyelesaian[tup_id].append((tanggal, jenis, nilai))
    tup = [
        TupIkpa(
            nomor=nomor,
            tanggal=tanggal,
            nilai=nilai,
            batas_waktu=batas or tanggal + timedelta(days=30),
            penyelesaian=tuple(penyelesaian[pk]),
        )
        for pk, jenis, nomor, tanggal, nilai, _t, batas in mutasi
        if jenis == "tup"
    ]
    ro_pos = {
        pk: (kode, uraian, satuan)
        for pk, kode, uraian, satuan in Pos.objects.filter(
            dokumen=dokumen, tingkat=Pos.Tingkat.RO
        ).values_list("id", "kode_lengkap", "uraian", "satuan")
    }
    laporan: dict[int, dict[int, tuple[Decimal, date]]] = defaultdict(dict)
    for ro_id, bulan, volume, lapor in RealisasiOutput.objects.filter(
        ro__dokumen=dokumen, status__in=RealisasiOutput.STATUS_DILAPORKAN
    ).values_list("ro_id", "bulan", "volume", "tanggal_lapor"):
        laporan[ro_id][bulan] = (volume, lapor)
    ro: dict[int, list[RoIkpa]] = defaultdict(list)
    for revisi_id, ro_id, volume, rencana in (
        VolumeRo.objects.filter(revisi__dokumen=dokumen)
        .order_by("ro__kode_lengkap")
        .values_list("revisi_id", "ro_id", "volume", "rencana")
    ):
        kode, uraian, satuan = ro_pos[ro_id]
        ro[revisi_id].append(
            RoIkpa(
                kode=kode,
                uraian=uraian,
                satuan=satuan,
                target=volume,
                rencana=tuple(Decimal(str(v)) for v in (rencana or [])),
                laporan=laporan[ro_id],
            )
        )
    return DataIkpa(
        dokumen=dokumen,
        param=param,
        revisi=revisi,
        pagu_jenis={k: dict(v) for k, v in pagu_jenis.items()},
        rpd_jenis={k: {b: dict(j) for b, j in v.items()} for k, v in rpd_jenis.items()},
        rpd_total=dict(rpd_total),
        realisasi={b: dict(j) for b, j in realisasi.items()},
        kontrak=kontrak,
        tagihan=tagihan,
        up=[(t, n) for _i, j, _no, t, n, _tu, _b in mutasi if j == "up"],
        gup=[(t, n) for _i, j, _no, t, n, _tu, _b in mutasi if j == "gup"],
        tup=tup,
        dispensasi=list(
            DispensasiSpm.objects.filter(dokumen=dokumen).values_list("tanggal", "jumlah_spm")
        ),
        ro=dict(ro),
    )


# --- one month, the year ----------------------------------------------------------------------


def _nama_jenis(jenis: str) -> str:
    if jenis == SEMUA_JENIS:
        return "seluruh jenis belanja"
    return str(JenisBelanja(jenis).label).lower()


@dataclass(frozen=True)
class DeviasiBulan:
    bulan: int
    deviasi: Decimal
    per_jenis: tuple[tuple[str, Decimal, Decimal, Decimal], ...]  # (jenis, rpd, realisasi, dev)
    rpd_per_jenis: bool  # False: only the month total of the RPD was entered

    @property
    def baris(self) -> list[tuple[str, Decimal, Decimal, Decimal]]:
        """For the page: (jenis belanja "52 Belanja Barang", RPD, realisasi, deviasi)."""
        return [
            (
                "Seluruh jenis belanja" if j == SEMUA_JENIS else f"{j} {JenisBelanja(j).label}",
                rpd,
                realisasi,
                dev,
            )
            for j, rpd, realisasi, dev in self.per_jenis
        ]


def deviasi_bulan(data: DataIkpa, bulan: int) -> DeviasiBulan:
    """The deviation of ``bulan`` (``deviasi_bulan_compute``) with the RPD of the revision in
    force at the end of the month, per expenditure type when halaman III was entered per type,
    else on the month totals."""
    revisi_id = data.revisi_berlaku(bulan)
    pagu = data.pagu_jenis.get(revisi_id, {})
    realisasi = data.realisasi.get(bulan, {})
    rpd = data.rpd_jenis.get(revisi_id, {})
    if rpd:
        rpd_bulan = rpd.get(bulan, {})
        rinci = True
    else:
        total = data.rpd_total.get(revisi_id, {})
        rpd_bulan = {SEMUA_JENIS: total.get(bulan, NOL)} if total else {}
        realisasi = {SEMUA_JENIS: sum(realisasi.values(), NOL)}
        pagu = {SEMUA_JENIS: sum(pagu.values(), NOL)}
        rinci = False
    jenis = sorted(set(rpd_bulan) | set(realisasi) | set(pagu))
    return DeviasiBulan(
        bulan=bulan,
        deviasi=deviasi_bulan_compute(
            rpd=rpd_bulan,
            realisasi=realisasi,
            pagu=pagu,
            tertimbang=data.param.deviasi_tertimbang,
        ),
        per_jenis=tuple(
            (
                j,
                rpd_bulan.get(j, NOL),
                realisasi.get(j, NOL),
                deviasi_jenis_compute(rpd_bulan.get(j, NOL), realisasi.get(j, NOL)),
            )
            for j in jenis
        ),
        rpd_per_jenis=rinci,
    )


def penyerapan_triwulan(data: DataIkpa, bulan: int) -> list[tuple[int, Decimal | None, dict]]:
    """The absorption score of each quarter up to ``bulan`` (``nilai_penyerapan_triwulan``):
    ``(triwulan, score, {jenis: (serapan %, target %)})``; a past quarter is measured at its
    end, the current one at the end of ``bulan``."""
    hasil = []
    target_tahun = data.param.target_penyerapan
    for q in range(1, triwulan_dari_bulan(bulan) + 1):
        sampai_bulan = min(bulan, q * 3)
        pagu = data.pagu_jenis.get(data.revisi_berlaku(sampai_bulan), {})
        kumulatif = data.realisasi_kumulatif(sampai_bulan)
        target = {j: Decimal(str(t[q - 1])) for j, t in target_tahun.items()}
        rinci = {
            j: (serapan_compute(p, kumulatif.get(j, NOL)), target.get(j))
            for j, p in sorted(pagu.items())
            if p
        }
        hasil.append(
            (
                q,
                nilai_penyerapan_triwulan(pagu=pagu, realisasi_kumulatif=kumulatif, target=target),
                rinci,
            )
        )
    return hasil


def _saran_revisi(data: DataIkpa, bulan: int) -> str:
    sampai = akhir_bulan(data.tahun, bulan)
    per_tw: dict[int, int] = defaultdict(int)
    for _id, nomor, tanggal, dihitung in data.revisi:
        if nomor and dihitung and tanggal.year == data.tahun and tanggal <= sampai:
            per_tw[triwulan_dari_bulan(tanggal.month)] += 1
    lebih = [(q, n) for q, n in sorted(per_tw.items()) if n > 1]
    if not lebih:
        return "Pertahankan paling banyak satu revisi DIPA (pagu tetap) per triwulan."
    q, n = lebih[-1]
    return (
        f"Triwulan {q}: {n} revisi DIPA dihitung (batas optimal 1 per triwulan): satukan usulan "
        "revisi berikutnya dalam satu pengajuan per triwulan."
    )


def _saran_deviasi(deviasi: Sequence[DeviasiBulan]) -> str:
    terburuk = max(deviasi, key=lambda d: d.deviasi)
    if not terburuk.deviasi:
        return "Realisasi sesuai RPD halaman III setiap bulan."
    jenis, rpd, realisasi, dev = max(terburuk.per_jenis, key=lambda x: (x[3], x[1]))
    arah = "di bawah" if realisasi < rpd else "di atas"
    return (
        f"Deviasi bulan {nama_bulan(terburuk.bulan)} {persen(terburuk.deviasi)}: realisasi {arah} "
        f"RPD untuk {_nama_jenis(jenis)} (deviasi {persen(dev)}); mutakhirkan RPD halaman III "
        "pada awal triwulan dan cairkan sesuai rencana."
    )


def _saran_penyerapan(triwulan: Sequence[tuple[int, Decimal | None, dict]]) -> str:
    q, _nilai, rinci = triwulan[-1]
    kurang = [
        (serapan * SERATUS / target if target else SERATUS, j, serapan, target)
        for j, (serapan, target) in rinci.items()
        if serapan is not None and target
    ]
    if not kurang or min(kurang)[0] >= SERATUS:
        return f"Penyerapan triwulan {q} sudah memenuhi target setiap jenis belanja."
    _r, j, serapan, target = min(kurang)
    return (
        f"Penyerapan {_nama_jenis(j)} s.d. triwulan {q} {persen(serapan)} dari target "
        f"{persen(target, 0)}: percepat pelaksanaan kegiatan dan pengajuan SPM."
    )


def _saran_kontraktual(komponen: dict[str, Decimal | None]) -> str:
    if komponen.get("distribusi") is not None and komponen["distribusi"] < SERATUS:
        return (
            f"Hanya {persen(komponen['distribusi'])} kontrak ditandatangani s.d. triwulan I: "
            "selesaikan pengadaan lebih awal (kontrak dini sebelum 1 Januari)."
        )
    return "Tandatangani kontrak bernilai di atas Rp 50 juta pada triwulan I atau lebih awal."


def _saran_tagihan(data: DataIkpa, bulan: int) -> str:
    sampai = akhir_bulan(data.tahun, bulan)
    batas = int(data.param.rincian["tagihan"]["batas_hari_kerja"])
    telat = [
        t
        for t in data.tagihan
        if tagihan_tepat_waktu(t, batas_hari_kerja=batas, per_tanggal=sampai) is False
    ]
    if not telat:
        return f"Ajukan SPM paling lama {batas} hari kerja setelah BAST."
    t = telat[-1]
    return (
        f"Tagihan {t.nomor} (kontrak {t.kontrak}): SPM lewat {batas} hari kerja setelah BAST "
        f"{t.tanggal_bast:%d/%m/%Y}; ajukan SPM segera setelah BAST diterima."
    )


def _saran_up_tup(data: DataIkpa, bulan: int, komponen: dict[str, Decimal | None]) -> str:
    sampai = akhir_bulan(data.tahun, bulan)
    for t in data.tup:
        if t.tanggal > sampai:
            continue
        selesai = t.selesai_pada(sampai)
        if (selesai is None and t.batas_waktu < sampai) or (selesai and selesai > t.batas_waktu):
            return (
                f"TUP {t.nomor} dipertanggungjawabkan setelah batas {t.batas_waktu:%d/%m/%Y}: "
                "ajukan PTUP dan setor sisa TUP sebelum batas waktu."
            )
    if komponen.get("besaran_gup") is not None and komponen["besaran_gup"] < SERATUS:
        return "Ajukan GUP setelah paling sedikit 50% UP terpakai."
    return "Pertanggungjawabkan TUP tepat waktu dan ajukan GUP minimal 50% dari UP."


def _volume(nilai: Decimal) -> str:
    """A volume as the page writes it: ``3`` or ``1,5``."""
    nilai = _bulat(nilai)
    return angka(nilai, 0 if nilai == nilai.to_integral_value() else 2)


def _saran_output(ro: Sequence[RoIkpa], bulan: int, komponen: dict[str, Decimal | None]) -> str:
    if komponen.get("ketepatan") is not None and komponen["ketepatan"] < SERATUS:
        for r in ro:
            for b in range(1, bulan + 1):
                if b not in r.laporan:
                    return (
                        f"Capaian output RO {r.kode} bulan {nama_bulan(b)} belum/terlambat "
                        "dilaporkan: laporkan paling lambat tanggal 5 bulan berikutnya."
                    )
    dinilai = [(r.kumulatif(bulan) / r.proyeksi(bulan), r) for r in ro if r.proyeksi(bulan) > 0]
    if not dinilai:
        return "Isi target volume setiap RO."
    rasio, r = min(dinilai, key=lambda x: x[0])
    if rasio >= 1:
        return (
            f"Setiap RO mencapai proyeksinya s.d. {nama_bulan(bulan)}: pertahankan dan laporkan "
            "capaian paling lambat tanggal 5 bulan berikutnya."
        )
    return (
        f"RO {r.kode} ({r.uraian}): realisasi {_volume(r.kumulatif(bulan))} dari proyeksi "
        f"{_volume(r.proyeksi(bulan))} {r.satuan} s.d. {nama_bulan(bulan)}: percepat kegiatan "
        "atau mutakhirkan proyeksi."
    )


@dataclass(frozen=True)
class IkpaBulan:
    bulan: int
    indikator: tuple[NilaiIndikator, ...]
    pengurang: Decimal
    total: Decimal | None
    deviasi: DeviasiBulan
    catatan: tuple[str, ...]

    @property
    def nama_bulan(self) -> str:
        return nama_bulan(self.bulan)

    @property
    def predikat(self) -> str:
        return predikat_ikpa(self.total)

    @property
    def terlemah(self) -> NilaiIndikator | None:
        """The assessed indicator with the lowest value (the one to raise first)."""
        dinilai = [i for i in self.indikator if i.dinilai]
        return min(dinilai, key=lambda i: i.nilai) if dinilai else None


def ikpa_bulan(data: DataIkpa, bulan: int) -> IkpaBulan:
    """The IKPA of ``bulan``: every indicator as of the end of the month, weights, the
    deduction and the total."""
    param = data.param
    rincian = param.rincian
    sampai = akhir_bulan(data.tahun, bulan)
    deviasi = [deviasi_bulan(data, b) for b in range(1, bulan + 1)]
    triwulan = penyerapan_triwulan(data, bulan)
    k_kontrak = komponen_kontraktual(
        data.kontrak, tahun=data.tahun, sampai=sampai, param=rincian["kontraktual"]
    )
    k_up = komponen_up_tup(
        up=data.up, gup=data.gup, tup=data.tup, sampai=sampai, param=rincian["up_tup"]
    )
    ro = data.ro.get(data.revisi_berlaku(bulan), [])
    k_output = komponen_output(ro, tahun=data.tahun, bulan=bulan, param=rincian["output"])
    nilai = {
        "revisi": (
            nilai_revisi_dipa(
                (t for _i, n, t, d in data.revisi if n and d), tahun=data.tahun, bulan=bulan
            ),
            {},
            _saran_revisi(data, bulan),
        ),
        "deviasi": (
            nilai_deviasi([d.deviasi for d in deviasi]),
            {},
            _saran_deviasi(deviasi),
        ),
        "penyerapan": (
            nilai_penyerapan([n for _q, n, _r in triwulan]),
            {f"TW {q}": n for q, n, _r in triwulan},
            _saran_penyerapan(triwulan),
        ),
        "kontraktual": (
            nilai_belanja_kontraktual(k_kontrak, param=rincian["kontraktual"]),
            k_kontrak,
            _saran_kontraktual(k_kontrak),
        ),
        "tagihan": (
            nilai_penyelesaian_tagihan(
                data.tagihan,
                sampai=sampai,
                batas_hari_kerja=int(rincian["tagihan"]["batas_hari_kerja"]),
            ),
            {},
            _saran_tagihan(data, bulan),
        ),
        "up_tup": (
            nilai_up_tup(k_up, param=rincian["up_tup"]),
            k_up,
            _saran_up_tup(data, bulan, k_up),
        ),
        "output": (
            nilai_capaian_output(k_output, param=rincian["output"]),
            k_output,
            _saran_output(ro, bulan, k_output),
        ),
    }
    indikator = bobot_efektif(
        [
            NilaiIndikator(
                kode=kode,
                nama=nama,
                bobot=getattr(param, field_bobot),
                nilai=nilai[kode][0],
                komponen=tuple((NAMA_KOMPONEN.get(k, k), v) for k, v in nilai[kode][1].items()),
                saran=nilai[kode][2],
            )
            for kode, nama, field_bobot in INDIKATOR
        ]
    )
    jumlah_spm = sum(j for t, j in data.dispensasi if t <= sampai)
    pengurang = pengurang_dispensasi(jumlah_spm, param=rincian["dispensasi"])
    catatan = []
    if not deviasi[-1].rpd_per_jenis:
        catatan.append(
            "RPD halaman III belum diisi per jenis belanja: deviasi dihitung dari RPD total bulan."
        )
    for i in indikator:
        if not i.dinilai:
            catatan.append(
                f"{i.nama} tidak dinilai (belum ada data); bobotnya dibagi ke indikator lain."
            )
    return IkpaBulan(
        bulan=bulan,
        indikator=tuple(indikator),
        pengurang=pengurang,
        total=nilai_ikpa_total(indikator, pengurang),
        deviasi=deviasi[-1],
        catatan=tuple(catatan),
    )


@dataclass(frozen=True)
class IkpaTahun:
    dokumen: DokumenAnggaran
    param: ParameterIkpa
    bulan: tuple[IkpaBulan, ...]  # January .. the last month assessed
    bulan_terkini: int

    @property
    def tahun(self) -> int:
        return self.dokumen.tahun

    @property
    def terkini(self) -> IkpaBulan:
        return self.bulan[self.bulan_terkini - 1]

    def pada(self, bulan: int) -> IkpaBulan:
        return self.bulan[min(max(bulan, 1), len(self.bulan)) - 1]


def ikpa_tahun(*, tahun: int, hari_ini: date | None = None) -> IkpaTahun | None:
    """The IKPA of the year's DIPA for every month up to the last month over (all twelve for a
    past year); ``None`` when the year has no DIPA, no parameters, or no month is over yet."""
    dokumen = DokumenAnggaran.objects.filter(jenis=DokumenAnggaran.Jenis.DIPA, tahun=tahun).first()
    param = parameter_ikpa_get(tahun=tahun)
    if dokumen is None or param is None:
        return None
    hari_ini = hari_ini or timezone.localdate()
    if tahun < hari_ini.year:
        terakhir = 12
    elif tahun == hari_ini.year:
        terakhir = max(hari_ini.month - 1, 1)
    else:
        return None
    data = data_ikpa(dokumen=dokumen, param=param)
    return IkpaTahun(
        dokumen=dokumen,
        param=param,
        bulan=tuple(ikpa_bulan(data, b) for b in range(1, terakhir + 1)),
        bulan_terkini=terakhir,
    )
