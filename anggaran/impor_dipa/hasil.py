"""The lines and the result of a DIPA/POK sheet (``BarisPos``, ``HasilDipa``) and the diff of a
revision (``Beda``)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from kpu_site.formatting import bulan as nama_bulan
from kpu_site.impor import Kesalahan

from ..models import DokumenAnggaran, Pos, Revisi

NOL = Decimal("0")
SEGMEN_PROGRAM = 3  # 076.01.CQ: bagian anggaran . eselon I . program
TINGKAT = list(Pos.Tingkat.values)  # program ... detail
AKUN = TINGKAT.index(Pos.Tingkat.AKUN)
DETAIL = TINGKAT.index(Pos.Tingkat.DETAIL)


@dataclass(slots=True)
class BarisPos:
    """One line of the sheet: a node of the tree (a detail line carries its pagu)."""

    nomor_baris: int
    kode_lengkap: str
    tingkat: str
    uraian: str
    satuan: str = ""
    volume: Decimal | None = None
    harga: Decimal | None = None

    @property
    def kode(self) -> str:
        return self.kode_lengkap if self.tingkat == "program" else self.kode_lengkap.rsplit(".")[-1]

    @property
    def induk(self) -> str | None:
        return None if self.tingkat == "program" else self.kode_lengkap.rsplit(".", 1)[0]

    @property
    def jumlah(self) -> Decimal:
        if self.volume is None or self.harga is None:
            return NOL
        return pagu_compute(self.volume, self.harga)


def pagu_compute(volume: Decimal, harga: Decimal) -> Decimal:
    """A detail line's pagu: volume × harga satuan, in whole sen."""
    return (volume * harga).quantize(Decimal("0.01"))


@dataclass
class Beda:
    """One line that a revision sheet adds, removes or changes: a detail's pagu (``tambah``,
    ``hapus``, ``ubah``) or only a line's uraian (``uraian``: any level, pagu unchanged).
    ``uraian_lama``: the uraian in force when the sheet gives another one."""

    kode_lengkap: str
    uraian: str
    status: str  # "tambah" / "hapus" / "ubah" / "uraian"
    volume_lama: Decimal = NOL
    harga_lama: Decimal = NOL
    volume_baru: Decimal = NOL
    harga_baru: Decimal = NOL
    uraian_lama: str = ""

    @property
    def pagu_lama(self) -> Decimal:
        return pagu_compute(self.volume_lama, self.harga_lama)

    @property
    def pagu_baru(self) -> Decimal:
        return pagu_compute(self.volume_baru, self.harga_baru)

    @property
    def selisih(self) -> Decimal:
        return self.pagu_baru - self.pagu_lama

    @property
    def status_label(self) -> str:
        return {
            "tambah": "Ditambah",
            "hapus": "Dihapus",
            "ubah": "Diubah",
            "uraian": "Uraian berubah",
        }[self.status]

    @property
    def ubah_pagu(self) -> bool:
        return self.status != "uraian"


@dataclass
class HasilDipa:
    nama_berkas: str
    tahun: int
    dokumen: DokumenAnggaran | None = None
    baris: list[BarisPos] = field(default_factory=list)
    kesalahan: list[Kesalahan] = field(default_factory=list)
    beda: list[Beda] = field(default_factory=list)
    revisi_lalu: Revisi | None = None
    revisi: Revisi | None = None  # the revision written (none when only uraian changed)
    rpd: dict[int, Decimal] = field(default_factory=dict)  # month -> RPD; empty: none given
    rpd_lama: dict[int, Decimal] = field(default_factory=dict)  # of the revision in force

    @property
    def ok(self) -> bool:
        return not self.kesalahan

    @property
    def detail(self) -> list[BarisPos]:
        return [b for b in self.baris if b.tingkat == Pos.Tingkat.DETAIL]

    @property
    def total(self) -> Decimal:
        return sum((b.jumlah for b in self.detail), NOL)

    def jumlah_per_kode(self) -> dict[str, Decimal]:
        """The pagu of every line of the sheet: the sum of the detail lines under it."""
        return jumlah_ke_atas(self.baris)

    @property
    def rpd_berubah(self) -> bool:
        """The sheet gives an RPD other than the one of the revision in force."""
        return bool(self.rpd) and any(
            self.rpd[b] != self.rpd_lama.get(b, NOL) for b in range(1, 13)
        )

    def rpd_bulan(self) -> list[tuple[str, Decimal, Decimal]]:
        """(month's name, RPD in force, RPD of the sheet) for the preview."""
        return [
            (nama_bulan(b), self.rpd_lama.get(b, NOL), self.rpd.get(b, NOL)) for b in range(1, 13)
        ]

    @property
    def beda_pagu(self) -> list[Beda]:
        return [b for b in self.beda if b.ubah_pagu]

    @property
    def beda_uraian(self) -> list[Beda]:
        return [b for b in self.beda if b.uraian_lama]

    def ringkasan(self, *tingkat: str) -> list[tuple[BarisPos, Decimal]]:
        """The lines of ``tingkat`` (program, kegiatan) with their pagu, in sheet order."""
        jumlah = self.jumlah_per_kode()
        return [(b, jumlah.get(b.kode_lengkap, NOL)) for b in self.baris if b.tingkat in tingkat]


def jumlah_ke_atas(baris: list[BarisPos]) -> dict[str, Decimal]:
    """Each code's pagu: its detail lines' volume × harga summed up every level."""
    jumlah: dict[str, Decimal] = defaultdict(lambda: NOL)
    for b in baris:
        if b.tingkat != Pos.Tingkat.DETAIL:
            continue
        nilai = b.jumlah
        kode = b.kode_lengkap
        jumlah[kode] += nilai
        while "." in kode and kode.count(".") >= SEGMEN_PROGRAM:
            kode = kode.rsplit(".", 1)[0]
            jumlah[kode] += nilai
    return jumlah
