"""Reads and figures of the contracts (``Kontrak``) and their invoices (``Tagihan``) of a
document: the list page, its Excel download and the API.

Every figure about time comes from the IKPA's own rules in ``selectors.ikpa``, never computed a
second way:

- the deadline of an invoice is ``ikpa.tambah_hari_kerja(BAST, batas_hari_kerja)`` and whether
  it was met is ``ikpa.tagihan_tepat_waktu`` (as known on the reference date), with the
  ``batas_hari_kerja`` of the year's ``ParameterIkpa`` (``ikpa.parameter_ikpa_get``);
- ``hari_kerja_compute`` counts the working days from the BAST to the SPM the way
  ``tambah_hari_kerja`` adds them (Monday–Friday after the BAST, the SPM's day included), so
  ``hari_kerja_compute(a, tambah_hari_kerja(a, n)) == n`` (a test pins it).

Sums (contract values, invoiced, paid, still to invoice) are each one property below. The list
reads a constant number of queries whatever the number of contracts and invoices.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kpu_site.status import PilihanBerwarna, nonmember

from ..models import DokumenAnggaran, Kontrak, Pagu, Pos, Tagihan
from .hitung import NOL, pagu_detail_compute
from .ikpa import TagihanIkpa, parameter_ikpa_get, tagihan_tepat_waktu, tambah_hari_kerja
from .pohon import revisi_terakhir

# the expenditure types a contract may be charged to (akun code starting with them)
JENIS_KONTRAK = ("52", "53")


def tanggal_dmy(tanggal: date) -> str:
    """``15/05/2023``: the date as the messages write it."""
    return tanggal.strftime("%d/%m/%Y")


def hari_kerja_compute(awal: date, akhir: date) -> int:
    """The working days (Monday–Friday) after ``awal`` up to and including ``akhir``, as
    ``ikpa.tambah_hari_kerja`` adds them; 0 when ``akhir`` is not after ``awal``. National
    holidays are not known to the app (as in the IKPA)."""
    if akhir <= awal:
        return 0
    hari = (akhir - awal).days
    minggu, sisa = divmod(hari, 7)
    jumlah = 5 * minggu
    tanggal = awal + timedelta(weeks=minggu)
    for _i in range(sisa):
        tanggal += timedelta(days=1)
        if tanggal.weekday() < 5:
            jumlah += 1
    return jumlah


def batas_hari_kerja_tahun(tahun: int) -> int | None:
    """Working days allowed from BAST to SPM in ``tahun`` (the IKPA parameter of that year or
    the latest earlier one); ``None`` when no parameter is recorded."""
    param = parameter_ikpa_get(tahun=tahun)
    if param is None:
        return None
    try:
        return int(param.rincian["tagihan"]["batas_hari_kerja"])
    except (KeyError, TypeError, ValueError):
        return None


class KeadaanTagihan(PilihanBerwarna):
    """Where an invoice stands against the SPM deadline, label and colour in one place."""

    TEPAT_WAKTU = "tepat_waktu", _("Tepat waktu")
    TERLAMBAT = "terlambat", _("Terlambat")
    BELUM_JATUH_TEMPO = "belum_jatuh_tempo", _("Menunggu SPM, batas belum lewat")
    TANPA_PARAMETER = "tanpa_parameter", _("Batas waktu belum diatur")

    WARNA = nonmember(
        {
            "tepat_waktu": "success",
            "terlambat": "danger",
            "belum_jatuh_tempo": "info",
            "tanpa_parameter": "secondary",
        }
    )


@dataclass(frozen=True)
class BarisTagihan:
    """One invoice with its working days from BAST to SPM (``None`` without SPM), its SPM
    deadline and whether it was met (``ikpa.tagihan_tepat_waktu`` on ``per_tanggal``)."""

    tagihan: Tagihan
    hari_kerja: int | None
    batas_spm: date | None
    tepat_waktu: bool | None
    ada_parameter: bool = True

    @property
    def keadaan(self) -> KeadaanTagihan:
        if not self.ada_parameter:
            return KeadaanTagihan.TANPA_PARAMETER
        if self.tepat_waktu is None:
            return KeadaanTagihan.BELUM_JATUH_TEMPO
        return KeadaanTagihan.TEPAT_WAKTU if self.tepat_waktu else KeadaanTagihan.TERLAMBAT

    @property
    def dibayar(self) -> bool:
        return self.tagihan.tanggal_sp2d is not None


def tagihan_baris(
    tagihan: Tagihan, *, batas_hari_kerja: int | None, per_tanggal: date
) -> BarisTagihan:
    """``tagihan`` with its figures (see ``BarisTagihan``); ``tagihan.kontrak`` is read only
    for its nomor."""
    t = tagihan
    hari = hari_kerja_compute(t.tanggal_bast, t.tanggal_spm) if t.tanggal_spm else None
    if batas_hari_kerja is None:
        return BarisTagihan(t, hari, None, None, ada_parameter=False)
    return BarisTagihan(
        tagihan=t,
        hari_kerja=hari,
        batas_spm=tambah_hari_kerja(t.tanggal_bast, batas_hari_kerja),
        tepat_waktu=tagihan_tepat_waktu(
            TagihanIkpa(
                nomor=t.nomor,
                kontrak=t.kontrak.nomor,
                tanggal_bast=t.tanggal_bast,
                tanggal_spm=t.tanggal_spm,
            ),
            batas_hari_kerja=batas_hari_kerja,
            per_tanggal=per_tanggal,
        ),
    )


@dataclass
class BarisKontrak:
    """One contract with its invoices, the akun's pagu (latest revision) and the sums."""

    kontrak: Kontrak
    tagihan: list[BarisTagihan]
    pagu_akun: Decimal

    @property
    def ditagih(self) -> Decimal:
        return sum((b.tagihan.nilai for b in self.tagihan), NOL)

    @property
    def dibayar(self) -> Decimal:
        return sum((b.tagihan.nilai for b in self.tagihan if b.dibayar), NOL)

    @property
    def sisa_kontrak(self) -> Decimal:
        """What is not invoiced yet (contract value − invoices)."""
        return self.kontrak.nilai - self.ditagih


@dataclass
class DaftarBelanja:
    """The list page: every contract of a document with its invoices, and the totals."""

    dokumen: DokumenAnggaran
    per_tanggal: date
    batas_hari_kerja: int | None
    kontrak: list[BarisKontrak] = field(default_factory=list)

    @property
    def semua_tagihan(self) -> list[BarisTagihan]:
        return [t for k in self.kontrak for t in k.tagihan]

    @property
    def total_kontrak(self) -> Decimal:
        return sum((k.kontrak.nilai for k in self.kontrak), NOL)

    @property
    def total_ditagih(self) -> Decimal:
        return sum((k.ditagih for k in self.kontrak), NOL)

    @property
    def total_dibayar(self) -> Decimal:
        return sum((k.dibayar for k in self.kontrak), NOL)

    @property
    def jumlah_tagihan(self) -> int:
        return len(self.semua_tagihan)

    @property
    def jumlah_tepat_waktu(self) -> int:
        return sum(1 for t in self.semua_tagihan if t.tepat_waktu is True)

    @property
    def jumlah_terlambat(self) -> int:
        return sum(1 for t in self.semua_tagihan if t.tepat_waktu is False)


def pagu_akun_map(*, dokumen: DokumenAnggaran) -> dict[int, Decimal]:
    """akun id -> its pagu in the latest revision (the detail lines under it), one query."""
    revisi = revisi_terakhir(dokumen=dokumen)
    jumlah: dict[int, Decimal] = defaultdict(lambda: NOL)
    if revisi is None:
        return {}
    for akun_id, volume, harga in Pagu.objects.filter(revisi=revisi).values_list(
        "pos__induk_id", "volume", "harga"
    ):
        jumlah[akun_id] += pagu_detail_compute(volume, harga)
    return dict(jumlah)


def kontrak_qs(*, dokumen: DokumenAnggaran | None = None) -> QuerySet[Kontrak]:
    qs = Kontrak.objects.select_related("akun", "dokumen", "diverifikasi_oleh").prefetch_related(
        Prefetch(
            "tagihan",
            queryset=Tagihan.objects.select_related("diverifikasi_oleh").order_by(
                "tanggal_bast", "nomor", "pk"
            ),
        )
    )
    if dokumen is not None:
        qs = qs.filter(dokumen=dokumen)
    return qs.order_by("tanggal", "nomor", "pk")


def kontrak_list(*, dokumen: DokumenAnggaran, per_tanggal: date | None = None) -> DaftarBelanja:
    """Every contract of ``dokumen`` (signing date order) with its invoices (BAST order), each
    invoice's working days and on-time status as known on ``per_tanggal`` (default: today).
    Constant queries."""
    per_tanggal = per_tanggal or timezone.localdate()
    batas = batas_hari_kerja_tahun(dokumen.tahun)
    pagu = pagu_akun_map(dokumen=dokumen)
    daftar = DaftarBelanja(dokumen=dokumen, per_tanggal=per_tanggal, batas_hari_kerja=batas)
    for k in kontrak_qs(dokumen=dokumen):
        tagihan = list(k.tagihan.all())
        for t in tagihan:
            t.kontrak = k  # already read: no query per invoice
        daftar.kontrak.append(
            BarisKontrak(
                kontrak=k,
                tagihan=[
                    tagihan_baris(t, batas_hari_kerja=batas, per_tanggal=per_tanggal)
                    for t in tagihan
                ],
                pagu_akun=pagu.get(k.akun_id, NOL),
            )
        )
    return daftar


def kontrak_get(*, pk: int) -> Kontrak:
    return get_object_or_404(Kontrak.objects.select_related("dokumen", "akun"), pk=pk)


def tagihan_get(*, pk: int) -> Tagihan:
    return get_object_or_404(
        Tagihan.objects.select_related("kontrak", "kontrak__dokumen", "kontrak__akun"), pk=pk
    )


def akun_kontrak_pilihan(*, dokumen: DokumenAnggaran) -> QuerySet[Pos]:
    """The akun lines of ``dokumen`` a contract may be charged to: belanja barang (52) and
    modal (53)."""
    return Pos.objects.filter(
        Q(kode__startswith=JENIS_KONTRAK[0]) | Q(kode__startswith=JENIS_KONTRAK[1]),
        dokumen=dokumen,
        tingkat=Pos.Tingkat.AKUN,
    ).order_by("kode_lengkap")


def kontrak_pilihan(*, dokumen: DokumenAnggaran) -> QuerySet[Kontrak]:
    return Kontrak.objects.filter(dokumen=dokumen).order_by("tanggal", "nomor")
