"""Importing a DIPA (and a revision) from a SAKTI-like POK sheet (CSV or XLSX).

The sheet may have title rows above its header; the header row is the first row (of the first
``BATAS_CARI_JUDUL``) where at least three cells are known column names, compared without case,
spaces or punctuation:

- ``KODE`` (the full code, ``076.01.CQ.6705.QGE.005.051.A.532111``) or one column per level
  (``PROGRAM``, ``KEGIATAN``, ``KRO``, ``RO``, ``KOMPONEN``, ``SUBKOMPONEN``, ``AKUN``,
  ``DETAIL``), ``URAIAN`` (or SAKTI's ``PROGRAM/KEGIATAN/OUTPUT/...``), ``VOLUME``,
  ``SATUAN`` (optional), ``HARGA SATUAN``, ``JUMLAH BIAYA`` / ``JUMLAH``.

A row's level is given by its code (program = 3 segments ``076.01.CQ``, then one segment per
level). A row with a volume or a harga satuan is a detail line: with no code (or an akun's code)
it is numbered under the akun above it. The parent of every line must be a line of the sheet. A
parent line with a JUMLAH is a subtotal, checked against the sum of its detail lines; a row with
no code and only a JUMLAH is the grand total, checked against all detail lines; each detail's
volume × harga satuan must equal its JUMLAH when one is given. Amounts in Indonesian notation
(``1.500.000,50``).

Twelve month columns (``JAN`` .. ``DES``) on the lines, or a sheet of their own
(``lembar_rpd``), are the RPD (halaman III): each line's months add up to its pagu.

``dipa_impor_periksa``/``dipa_impor`` make a new DIPA (revisi ke-0 = the sheet);
``revisi_impor_periksa``/``revisi_impor`` compare the sheet with the revision in force and write
the difference as the next revision through ``services.revisi_create`` (its rules: no akun below
its realisasi), a changed uraian through ``services.pos_update``. Each takes ``pemetaan`` (a
column-mapping profile, import ``dipa``): the header row is renamed by it before the detection
above. Nothing is written when any row is wrong; every problem names its row and column.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import chain

from django.core.exceptions import ValidationError
from django.db import transaction

from kpu_site.audit import jejak_catat, jejak_gabung
from kpu_site.berkas import nama_berkas_periksa
from kpu_site.formatting import angka, rupiah
from kpu_site.formatting import bulan as nama_bulan
from kpu_site.impor import (
    ImporGagal,
    Kesalahan,
    Pemetaan,
    baca_lembar,
    baca_tabel,
    batas_baris_periksa,
    kesalahan_asal,
    normalisasi_kolom,
    parse_angka_id,
)

from . import selectors, services
from .akses import pastikan_boleh_tulis
from .impor import sel_nilai
from .models import DokumenAnggaran, Pagu, Pos, RencanaPenarikan, Revisi

NOL = Decimal("0")
BATAS_CARI_JUDUL = 30
SEGMEN_PROGRAM = 3  # 076.01.CQ: bagian anggaran . eselon I . program
TINGKAT = list(Pos.Tingkat.values)  # program ... detail
AKUN = TINGKAT.index(Pos.Tingkat.AKUN)
DETAIL = TINGKAT.index(Pos.Tingkat.DETAIL)

# field -> (label shown in messages, accepted header names after ``normalisasi_kolom``)
KOLOM = {
    "kode": ("KODE", ("kode", "kode_lengkap", "kd", "kode_anggaran")),
    "uraian": ("URAIAN", ("uraian", "nama", "uraian_kegiatan")),
    "volume": ("VOLUME", ("volume", "vol")),
    "satuan": ("SATUAN", ("satuan", "sat")),
    "harga": ("HARGA SATUAN", ("harga_satuan", "harga")),
    "jumlah": ("JUMLAH", ("jumlah_biaya", "jumlah", "jumlah_rp", "jumlah_biaya_rp", "pagu")),
}
KOLOM_TINGKAT = {
    "program": ("program", "kode_program"),
    "kegiatan": ("kegiatan", "kode_kegiatan"),
    "kro": ("kro", "output", "kode_kro"),
    "ro": ("ro", "suboutput", "sub_output", "kode_ro"),
    "komponen": ("komponen", "kode_komponen"),
    "subkomponen": ("subkomponen", "sub_komponen", "subkomp", "kode_subkomponen"),
    "akun": ("akun", "kode_akun", "mak"),
    "detail": ("detail", "detil", "kode_detail"),
}
# RPD (halaman III): one column per month, ``JAN`` .. ``DES`` or ``RPD Januari`` ..
NAMA_BULAN = (
    ("jan", "januari"),
    ("feb", "februari", "peb", "pebruari"),
    ("mar", "maret"),
    ("apr", "april"),
    ("mei", "may"),
    ("jun", "juni"),
    ("jul", "juli"),
    ("ags", "agu", "agt", "agust", "agustus", "aug"),
    ("sep", "sept", "september"),
    ("okt", "oktober", "oct"),
    ("nov", "nop", "november", "nopember"),
    ("des", "desember", "dec"),
)
KOLOM_BULAN = {
    f"bulan_{n}": tuple(p + nama for nama in daftar for p in ("", "rpd_"))
    for n, daftar in enumerate(NAMA_BULAN, start=1)
}
BULAN = tuple(KOLOM_BULAN)
_NOMOR_KOLOM = re.compile(r"^\(\d+\)$")
WAJIB = ("uraian", "volume", "harga", "jumlah")


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


# --- reading the sheet --------------------------------------------------------------------------


@dataclass
class _Judul:
    nomor: int
    indeks: dict[str, int]  # field -> cell index
    label: dict[str, str]  # field -> the header text as in the file
    per_tingkat: bool

    @property
    def ada_rpd(self) -> bool:
        return any(b in self.indeks for b in BULAN)

    @property
    def label_rpd(self) -> str:
        """The month columns as the file names them: ``JAN–DES``."""
        return f"{self.label.get(BULAN[0], 'JAN')}–{self.label.get(BULAN[-1], 'DES')}"


def _cocok(nama: str) -> str | None:
    for kunci, (_label, nama_nama) in KOLOM.items():
        if nama in nama_nama:
            return kunci
    if nama.startswith("program_kegiatan"):  # SAKTI: PROGRAM/ KEGIATAN/ OUTPUT/ ... / DETIL
        return "uraian"
    for tingkat, nama_nama in KOLOM_TINGKAT.items():
        if nama in nama_nama:
            return f"tingkat_{tingkat}"
    for bulan, nama_nama in KOLOM_BULAN.items():
        if nama in nama_nama:
            return bulan
    return None


def _judul_cari(nomor: int, sel: list[str]) -> _Judul | None:
    indeks: dict[str, int] = {}
    label: dict[str, str] = {}
    for i, teks in enumerate(sel):
        kunci = _cocok(normalisasi_kolom(teks))
        if kunci and kunci not in indeks:
            indeks[kunci] = i
            label[kunci] = " ".join(teks.split()) or KOLOM.get(kunci, (kunci,))[0]
    if len(indeks) < 3:
        return None
    per_tingkat = "kode" not in indeks and "tingkat_program" in indeks
    return _Judul(nomor=nomor, indeks=indeks, label=label, per_tingkat=per_tingkat)


def _judul_periksa(judul: _Judul) -> list[Kesalahan]:
    hilang = [KOLOM[k][0] for k in WAJIB if k not in judul.indeks]
    if "kode" not in judul.indeks and not judul.per_tingkat:
        hilang.insert(0, "KODE")
    if judul.per_tingkat:
        hilang += [
            t.upper()
            for t in TINGKAT[: AKUN + 1]
            if f"tingkat_{t}" not in judul.indeks and t != "detail"
        ]
    return [
        Kesalahan(judul.nomor, k, "kolom wajib tidak ada di baris judul.") for k in hilang
    ] + _bulan_periksa(judul)


def _bulan_periksa(judul: _Judul) -> list[Kesalahan]:
    """RPD columns: none, or all twelve months."""
    if not judul.ada_rpd:
        return []
    return [
        Kesalahan(judul.nomor, nama[0].upper(), "kolom bulan RPD tidak ada (perlu 12 bulan).")
        for b, nama in zip(BULAN, NAMA_BULAN, strict=True)
        if b not in judul.indeks
    ]


def _sel(judul: _Judul, sel: list[str], kunci: str) -> str:
    i = judul.indeks.get(kunci)
    return sel[i].strip() if i is not None and i < len(sel) else ""


def _kode_baris(judul: _Judul, sel: list[str]) -> str:
    if not judul.per_tingkat:
        return _sel(judul, sel, "kode").replace(" ", "")
    bagian = [_sel(judul, sel, f"tingkat_{t}").replace(" ", "") for t in TINGKAT]
    while bagian and not bagian[-1]:
        bagian.pop()
    return ".".join(bagian)


class _Pembaca:
    """Reads the rows after the header into ``hasil.baris``, each problem into
    ``hasil.kesalahan``; subtotals are checked once every detail line is known."""

    def __init__(self, hasil: HasilDipa, judul: _Judul):
        self.hasil = hasil
        self.judul = judul
        self.label = {k: judul.label.get(k, KOLOM.get(k, (k,))[0]) for k in KOLOM}
        self.label["kode"] = judul.label.get("kode", "KODE")
        self.dilihat: dict[str, int] = {}
        self.akun_terakhir: str | None = None
        self.nomor_detail: dict[str, int] = defaultdict(int)
        self.subtotal: list[tuple[int, str, Decimal]] = []
        self.total_berkas: list[tuple[int, Decimal]] = []
        self.rpd = _RpdBaris(hasil, judul) if judul.ada_rpd else None

    def salah(self, nomor: int, kunci: str, alasan: str) -> None:
        self.hasil.kesalahan.append(Kesalahan(nomor, self.label.get(kunci, kunci), alasan))

    def baca(self, nomor: int, sel: list[str]) -> None:
        if all(_NOMOR_KOLOM.match(t.strip()) for t in sel if t.strip()):
            return  # SAKTI numbers its columns under the header: (1) (2) (3) ...
        teks = {k: _sel(self.judul, sel, k) for k in KOLOM}
        kode = _kode_baris(self.judul, sel)
        rinci = bool(teks["volume"] or teks["harga"])
        if not kode and not rinci:
            if teks["jumlah"]:
                nilai = self._angka(nomor, "jumlah", teks["jumlah"])
                if nilai is not None:
                    self.total_berkas.append((nomor, nilai))
            return  # a title or note line without a code
        if rinci and (not kode or kode.count(".") == AKUN + SEGMEN_PROGRAM - 1):
            akun = kode or self.akun_terakhir
            if akun is None:
                self.salah(
                    nomor, "kode", "baris detail tanpa kode dan tanpa baris akun di atasnya."
                )
                return
            self.nomor_detail[akun] += 1
            kode = f"{akun}.{self.nomor_detail[akun]}"
        bagian = kode.split(".")
        tingkat_ke = len(bagian) - SEGMEN_PROGRAM
        if tingkat_ke < 0 or tingkat_ke > DETAIL or not all(bagian):
            self.salah(
                nomor,
                "kode",
                f"kode {kode} tidak dikenal (program 3 bagian, mis. 076.01.CQ, lalu satu bagian "
                "per tingkat sampai detail).",
            )
            return
        tingkat = TINGKAT[tingkat_ke]
        if tingkat == Pos.Tingkat.AKUN:
            self.akun_terakhir = kode
        if kode in self.dilihat:
            self.salah(
                nomor, "kode", f"kode {kode} ganda (sama dengan baris {self.dilihat[kode]})."
            )
            return
        self.dilihat[kode] = nomor
        salah_sebelum = len(self.hasil.kesalahan)
        baris = BarisPos(
            nomor_baris=nomor, kode_lengkap=kode, tingkat=tingkat, uraian=teks["uraian"]
        )
        if not baris.uraian:
            self.salah(nomor, "uraian", "kosong.")
        if tingkat == Pos.Tingkat.DETAIL:
            self._detail(nomor, baris, teks)
        elif teks["jumlah"]:
            nilai = self._angka(nomor, "jumlah", teks["jumlah"])
            if nilai is not None:
                self.subtotal.append((nomor, kode, nilai))
        for kolom, pesan in batas_baris_periksa(
            Pos,
            nomor,
            {
                "kode": baris.kode,
                "kode_lengkap": kode,
                "uraian": baris.uraian,
                "satuan": baris.satuan,
            },
        ):
            self.salah(nomor, "kode" if kolom.startswith("kode") else kolom, pesan)
        if len(self.hasil.kesalahan) == salah_sebelum:
            self.hasil.baris.append(baris)
            if self.rpd is not None:
                self.rpd.baca(nomor, kode, sel)

    def _angka(self, nomor: int, kunci: str, teks: str) -> Decimal | None:
        try:
            return parse_angka_id(teks)
        except ValueError as exc:
            self.salah(nomor, kunci, str(exc))
            return None

    def _detail(self, nomor: int, baris: BarisPos, teks: dict[str, str]) -> None:
        kesalahan: list[Kesalahan] = []
        baris.volume = sel_nilai(nomor, self.label["volume"], teks["volume"], kesalahan=kesalahan)
        baris.harga = sel_nilai(nomor, self.label["harga"], teks["harga"], kesalahan=kesalahan)
        baris.satuan = teks["satuan"]
        self.hasil.kesalahan.extend(kesalahan)
        if kesalahan or not teks["jumlah"]:
            return
        jumlah = self._angka(nomor, "jumlah", teks["jumlah"])
        if jumlah is not None and jumlah != baris.jumlah:
            self.salah(
                nomor,
                "jumlah",
                f"volume × harga satuan = {rupiah(baris.jumlah)}, tidak sama dengan jumlah "
                f"{rupiah(jumlah)}.",
            )

    def selesai(self) -> None:
        hasil = self.hasil
        for b in hasil.baris:
            if b.induk is not None and b.induk not in self.dilihat:
                tingkat = TINGKAT[TINGKAT.index(b.tingkat) - 1]
                self.salah(
                    b.nomor_baris,
                    "kode",
                    f"induk {b.induk} ({Pos.Tingkat(tingkat).label}) tidak ada di berkas.",
                )
        if not hasil.detail:
            if not hasil.kesalahan:
                hasil.kesalahan.append(Kesalahan(None, "", "berkas tidak berisi baris detail."))
            return
        jumlah = hasil.jumlah_per_kode()
        for nomor, kode, nilai in self.subtotal:
            if nilai != jumlah.get(kode, NOL):
                self.salah(
                    nomor,
                    "jumlah",
                    f"subtotal {rupiah(nilai)} tidak sama dengan jumlah rinciannya "
                    f"{rupiah(jumlah.get(kode, NOL))}.",
                )
        if self.rpd is not None:
            self.rpd.selesai(jumlah)
        for nomor, nilai in self.total_berkas:
            if nilai != hasil.total:
                self.salah(
                    nomor,
                    "jumlah",
                    f"jumlah seluruhnya {rupiah(nilai)} tidak sama dengan jumlah semua detail "
                    f"{rupiah(hasil.total)}.",
                )


def _induk_semua(kode: str):
    while kode.count(".") >= SEGMEN_PROGRAM:
        kode = kode.rsplit(".", 1)[0]
        yield kode


def _rpd_lembar_baca(hasil: HasilDipa, *, berkas, lembar: str) -> _RpdBaris | None:
    """The RPD from a sheet of its own: a header with KODE (or one column per level) and the
    twelve months; each row with a code is a line of the POK sheet (rows without one, titles
    and totals, are skipped)."""
    rpd = None
    for nomor, sel in baca_lembar(berkas, nama_berkas=hasil.nama_berkas, lembar=lembar):
        if rpd is not None:
            kode = _kode_baris(rpd.judul, sel)
            if kode:
                rpd.baca(nomor, kode, sel)
            continue
        judul = _judul_cari(nomor, sel)
        if judul is None or not judul.ada_rpd:
            if nomor >= BATAS_CARI_JUDUL:
                break
            continue
        salah = _bulan_periksa(judul)
        if "kode" not in judul.indeks and not judul.per_tingkat:
            salah.insert(0, Kesalahan(nomor, "KODE", "kolom wajib tidak ada di baris judul."))
        if salah:
            hasil.kesalahan.extend(salah)
            return None
        rpd = _RpdBaris(hasil, judul, lembar)
    if rpd is None:
        hasil.kesalahan.append(
            Kesalahan(
                None,
                "",
                f"lembar {lembar}: baris judul RPD tidak ditemukan (perlu KODE dan 12 kolom "
                "bulan JAN … DES).",
            )
        )
    return rpd


class _RpdBaris:
    """The RPD month cells of the lines (of the POK sheet or of a sheet of its own): each
    line's twelve months must add up to its pagu; the DIPA's RPD per month is the sum over
    the highest lines that carry months (a line under another that has them is only checked),
    and must add up to the whole pagu."""

    def __init__(self, hasil: HasilDipa, judul: _Judul, lembar: str = ""):
        self.hasil = hasil
        self.judul = judul
        self.kolom = judul.label_rpd + (f" (lembar {lembar})" if lembar else "")
        self.baris: dict[str, tuple[int, list[Decimal]]] = {}

    def baca(self, nomor: int, kode: str, sel: list[str]) -> None:
        teks = [_sel(self.judul, sel, b) for b in BULAN]
        if not any(teks):
            return
        nilai = []
        for b, t in zip(BULAN, teks, strict=True):
            try:
                v = parse_angka_id(t) if t else NOL
            except ValueError as exc:
                self.hasil.kesalahan.append(Kesalahan(nomor, self.judul.label[b], str(exc)))
                return
            if v < 0:
                self.hasil.kesalahan.append(
                    Kesalahan(nomor, self.judul.label[b], "RPD tidak boleh negatif.")
                )
                return
            nilai.append(v)
        if kode in self.baris:
            self.hasil.kesalahan.append(
                Kesalahan(
                    nomor,
                    self.kolom,
                    f"RPD {kode} ganda (sama dengan baris {self.baris[kode][0]}).",
                )
            )
            return
        self.baris[kode] = (nomor, nilai)

    def selesai(self, jumlah: dict[str, Decimal]) -> None:
        if not self.baris:
            return
        rpd = [NOL] * 12
        kode_pok = {b.kode_lengkap for b in self.hasil.baris}
        for kode, (nomor, nilai) in self.baris.items():
            if kode not in kode_pok:
                self.hasil.kesalahan.append(
                    Kesalahan(nomor, self.kolom, f"kode {kode} tidak ada di lembar POK.")
                )
                continue
            pagu = jumlah.get(kode, NOL)
            if sum(nilai, NOL) != pagu:
                self.hasil.kesalahan.append(
                    Kesalahan(
                        nomor,
                        self.kolom,
                        f"RPD 12 bulan {rupiah(sum(nilai, NOL))} tidak sama dengan pagu "
                        f"{kode} {rupiah(pagu)}.",
                    )
                )
            if not any(i in self.baris for i in _induk_semua(kode)):
                rpd = [a + b for a, b in zip(rpd, nilai, strict=True)]
        total = sum(rpd, NOL)
        if total != self.hasil.total and not self.hasil.kesalahan:
            self.hasil.kesalahan.append(
                Kesalahan(
                    None,
                    self.kolom,
                    f"RPD seluruhnya {rupiah(total)} tidak sama dengan pagu {rupiah(self.hasil.total)}"
                    " (setiap baris berpagu perlu RPD pada baris itu atau baris induknya).",
                )
            )
        self.hasil.rpd = {n: v for n, v in enumerate(rpd, start=1)}


def _baris_berkas(berkas, *, nama_berkas: str, pemetaan: Pemetaan | None):
    """The sheet's numbered rows and, under a profile, its mapped column -> the file's own
    header text. Under ``pemetaan`` the header row (the profile's ``baris_judul``, or the first
    holding every mapped column, on its ``lembar``) comes first with its cells renamed to the
    columns this import reads, and the value rules are applied to the cells while streaming;
    the DIPA's own header detection then runs on it as on any sheet."""
    if pemetaan is None:
        return baca_lembar(berkas, nama_berkas=nama_berkas), {}
    tabel = baca_tabel(berkas, nama_berkas=nama_berkas, kolom_wajib=(), pemetaan=pemetaan)
    return chain([(tabel.nomor_judul, tabel.kolom)], tabel.baris_list()), tabel.asal


def lembar_baca(
    hasil: HasilDipa, *, berkas, pemetaan: Pemetaan | None = None, lembar_rpd: str = ""
) -> None:
    """Read the sheet into ``hasil`` (lines, RPD and every problem); nothing is written. Under
    a profile every problem names the file's own column (``kesalahan_asal``). ``lembar_rpd``:
    the RPD from that sheet of the same file instead of the POK sheet's month columns."""
    try:
        nama_berkas_periksa(hasil.nama_berkas)
    except ValidationError as exc:
        hasil.kesalahan.append(Kesalahan(None, "", exc.messages[0]))
        return
    asal: dict[str, str] = {}
    try:
        baris, asal = _baris_berkas(berkas, nama_berkas=hasil.nama_berkas, pemetaan=pemetaan)
        pembaca = _lembar_urai(hasil, baris)
        if pembaca is not None and lembar_rpd:
            if pembaca.rpd is not None:
                hasil.kesalahan.append(
                    Kesalahan(
                        None,
                        "",
                        f"RPD ada di lembar POK dan di lembar {lembar_rpd}; pilih salah satu.",
                    )
                )
                return
            pembaca.rpd = _rpd_lembar_baca(hasil, berkas=berkas, lembar=lembar_rpd)
        if pembaca is not None:
            pembaca.selesai()
    except ImporGagal as exc:
        hasil.kesalahan.extend(exc.kesalahan)
    if asal:
        hasil.kesalahan[:] = kesalahan_asal(hasil.kesalahan, asal)


def _lembar_urai(hasil: HasilDipa, baris) -> _Pembaca | None:
    """The POK sheet's rows read; the caller finishes (``_Pembaca.selesai``)."""
    pembaca = None
    for nomor, sel in baris:
        if pembaca is not None:
            pembaca.baca(nomor, sel)
            continue
        judul = _judul_cari(nomor, sel)
        if judul is None:
            if nomor >= BATAS_CARI_JUDUL:
                break
            continue
        salah = _judul_periksa(judul)
        if salah:
            hasil.kesalahan.extend(salah)
            return None
        pembaca = _Pembaca(hasil, judul)
    if pembaca is None:
        hasil.kesalahan.append(
            Kesalahan(
                None,
                "",
                "baris judul kolom tidak ditemukan (perlu KODE, URAIAN, VOLUME, SATUAN, "
                "HARGA SATUAN, JUMLAH).",
            )
        )
    return pembaca


# --- a new DIPA ---------------------------------------------------------------------------------


def dipa_impor_periksa(
    *,
    tahun: int,
    berkas,
    nama_berkas: str,
    pemetaan: Pemetaan | None = None,
    lembar_rpd: str = "",
) -> HasilDipa:
    """Read and check the sheet for a new DIPA of ``tahun`` (through a column-mapping profile
    when ``pemetaan`` is given); nothing is written."""
    hasil = HasilDipa(nama_berkas=nama_berkas, tahun=tahun)
    try:
        services.pastikan_tahun_terbuka(tahun)
    except ValidationError as exc:
        hasil.kesalahan.append(Kesalahan(None, "", f"Impor tidak diizinkan: {exc.messages[0]}"))
        return hasil
    if selectors.dipa_of_tahun(tahun=tahun) is not None:
        hasil.kesalahan.append(
            Kesalahan(None, "", f"DIPA tahun {tahun} sudah ada; impor sebagai revisi DIPA.")
        )
        return hasil
    lembar_baca(hasil, berkas=berkas, pemetaan=pemetaan, lembar_rpd=lembar_rpd)
    return hasil


def _pohon_tulis(
    *, dokumen: DokumenAnggaran, baris: list[BarisPos], ada: dict[str, int], urutan_awal: int = 0
) -> dict[str, int]:
    """Create the lines of ``baris`` not in ``ada`` (code -> id), one bulk insert per level;
    returns every code's id."""
    ids = dict(ada)
    urutan = {b.kode_lengkap: urutan_awal + (i + 1) * 10 for i, b in enumerate(baris)}
    for tingkat in TINGKAT:
        baru = [
            Pos(
                dokumen=dokumen,
                induk_id=ids[b.induk] if b.induk else None,
                tingkat=tingkat,
                kode=b.kode,
                kode_lengkap=b.kode_lengkap,
                uraian=b.uraian,
                satuan=b.satuan,
                urutan=urutan[b.kode_lengkap],
            )
            for b in baris
            if b.tingkat == tingkat and b.kode_lengkap not in ids
        ]
        if baru:
            Pos.objects.bulk_create(baru, batch_size=2000)
            ids.update({p.kode_lengkap: p.pk for p in baru})
    return ids


@transaction.atomic
def dipa_impor(
    *,
    pengguna,
    tahun: int,
    nomor: str,
    tanggal: date,
    berkas,
    nama_berkas: str,
    uraian: str = "",
    pemetaan: Pemetaan | None = None,
    lembar_rpd: str = "",
) -> HasilDipa:
    """A new DIPA of ``tahun`` whose pagu awal (revisi ke-0) is the sheet: the document, its
    tree and its pagu in one transaction; ``ImporGagal`` (nothing written) when any row is
    wrong."""
    pastikan_boleh_tulis(pengguna)
    hasil = dipa_impor_periksa(
        tahun=tahun,
        berkas=berkas,
        nama_berkas=nama_berkas,
        pemetaan=pemetaan,
        lembar_rpd=lembar_rpd,
    )
    if hasil.kesalahan:
        raise ImporGagal(hasil.kesalahan)
    dokumen = services.dokumen_create(
        pengguna=pengguna,
        jenis=DokumenAnggaran.Jenis.DIPA,
        tahun=tahun,
        nomor=nomor,
        tanggal=tanggal,
        uraian=uraian or f"DIPA Tahun Anggaran {tahun}",
        alasan_awal=f"Pagu awal (impor {nama_berkas})",
    )
    revisi = Revisi.objects.get(dokumen=dokumen, nomor=0)
    ids = _pohon_tulis(dokumen=dokumen, baris=hasil.baris, ada={})
    Pagu.objects.bulk_create(
        [
            Pagu(revisi=revisi, pos_id=ids[b.kode_lengkap], volume=b.volume, harga=b.harga)
            for b in hasil.detail
        ],
        batch_size=2000,
    )
    if hasil.rpd:
        with jejak_gabung():  # the months' history; the import is the one audit entry
            services.rpd_set(pengguna=pengguna, revisi=revisi, nilai=hasil.rpd)
    hasil.dokumen = dokumen
    jejak_catat(
        pengguna=pengguna,
        aksi="impor",
        objek=dokumen,
        ringkasan=(
            f"Impor DIPA {nama_berkas}: {angka(len(hasil.baris))} baris pos, "
            f"{angka(len(hasil.detail))} detail, pagu {rupiah(hasil.total)}"
            f"{', RPD 12 bulan' if hasil.rpd else ''}."
        ),
    )
    return hasil


# --- a revision ---------------------------------------------------------------------------------


def revisi_impor_periksa(
    *,
    dokumen: DokumenAnggaran,
    berkas,
    nama_berkas: str,
    pemetaan: Pemetaan | None = None,
    lembar_rpd: str = "",
) -> HasilDipa:
    """Read the sheet of a revision of ``dokumen`` and compare it with the revision in force
    (``hasil.beda``: detail lines added, removed, changed); nothing is written. An akun whose
    new pagu is below its realisasi is an error, as in ``services.revisi_create``."""
    hasil = HasilDipa(nama_berkas=nama_berkas, tahun=dokumen.tahun, dokumen=dokumen)
    try:
        services.pastikan_terbuka(dokumen)
    except ValidationError as exc:
        hasil.kesalahan.append(Kesalahan(None, "", f"Impor tidak diizinkan: {exc.messages[0]}"))
        return hasil
    lembar_baca(hasil, berkas=berkas, pemetaan=pemetaan, lembar_rpd=lembar_rpd)
    if hasil.kesalahan:
        return hasil
    lalu = selectors.revisi_terakhir(dokumen=dokumen)
    hasil.revisi_lalu = lalu
    hasil.rpd_lama = dict(
        RencanaPenarikan.objects.filter(revisi=lalu).values_list("bulan", "nilai")
    )
    pohon = selectors.pohon_anggaran(dokumen=dokumen, revisi=lalu)
    pos = {s.pos.kode_lengkap: s.pos for s in pohon.urut}
    pagu = {
        pos_id: (volume, harga)
        for pos_id, volume, harga in Pagu.objects.filter(revisi=lalu).values_list(
            "pos_id", "volume", "harga"
        )
    }
    for b in hasil.baris:
        lama = pos.get(b.kode_lengkap)
        if lama is not None and lama.tingkat != b.tingkat:
            hasil.kesalahan.append(
                Kesalahan(
                    b.nomor_baris,
                    "KODE",
                    f"kode {b.kode_lengkap} di DIPA adalah {lama.get_tingkat_display()}, di berkas "
                    f"{Pos.Tingkat(b.tingkat).label}.",
                )
            )
    if hasil.kesalahan:
        return hasil
    hasil.beda = _beda_hitung(hasil, pos=pos, pagu=pagu)
    if not hasil.beda and not hasil.rpd_berubah:
        hasil.kesalahan.append(
            Kesalahan(
                None, "", "tidak ada perubahan pagu, uraian atau RPD dibanding revisi yang berlaku."
            )
        )
        return hasil
    jumlah = hasil.jumlah_per_kode()
    baris_akun = {b.kode_lengkap: b.nomor_baris for b in hasil.baris if b.tingkat == "akun"}
    for s in pohon.tingkat(Pos.Tingkat.AKUN):
        baru = jumlah.get(s.pos.kode_lengkap, NOL)
        if s.realisasi > baru:
            hasil.kesalahan.append(
                Kesalahan(
                    baris_akun.get(s.pos.kode_lengkap),
                    "JUMLAH" if s.pos.kode_lengkap in baris_akun else "",
                    f"Akun {s.pos.kode_lengkap}: pagu menjadi {rupiah(baru)}, di bawah realisasi "
                    f"{rupiah(s.realisasi)}.",
                )
            )
    return hasil


def _beda_hitung(hasil: HasilDipa, *, pos: dict[str, Pos], pagu: dict) -> list[Beda]:
    beda = []
    di_berkas = set()
    for b in hasil.baris:
        di_berkas.add(b.kode_lengkap)
        lama = pos.get(b.kode_lengkap)
        uraian_lama = lama.uraian if lama is not None and lama.uraian != b.uraian else ""
        if b.tingkat != Pos.Tingkat.DETAIL:
            if uraian_lama:
                beda.append(Beda(b.kode_lengkap, b.uraian, "uraian", uraian_lama=uraian_lama))
            continue
        volume, harga = pagu.get(lama.pk, (NOL, NOL)) if lama else (NOL, NOL)
        if not pagu_compute(volume, harga):
            status = "tambah"
            volume = harga = NOL
        elif (volume, harga) != (b.volume, b.harga):
            status = "ubah"
        elif uraian_lama:
            status = "uraian"
        else:
            continue
        beda.append(
            Beda(b.kode_lengkap, b.uraian, status, volume, harga, b.volume, b.harga, uraian_lama)
        )
    for kode, p in pos.items():
        if p.tingkat != Pos.Tingkat.DETAIL or kode in di_berkas:
            continue
        volume, harga = pagu.get(p.pk, (NOL, NOL))
        if pagu_compute(volume, harga):
            beda.append(Beda(kode, p.uraian, "hapus", volume, harga, NOL, NOL))
    return beda


@transaction.atomic
def revisi_impor(
    *,
    pengguna,
    dokumen: DokumenAnggaran,
    tanggal: date,
    alasan: str,
    berkas,
    nama_berkas: str,
    dihitung_ikpa: bool = True,
    pemetaan: Pemetaan | None = None,
    lembar_rpd: str = "",
) -> HasilDipa:
    """Write the sheet as the next revision of ``dokumen``: the new lines are added to the
    tree, then ``services.revisi_create`` makes the revision with every added, removed (pagu 0)
    and changed detail. ``ImporGagal`` / ``ValidationError``: nothing written."""
    pastikan_boleh_tulis(pengguna)
    dokumen = DokumenAnggaran.objects.select_for_update().get(pk=dokumen.pk)
    hasil = revisi_impor_periksa(
        dokumen=dokumen,
        berkas=berkas,
        nama_berkas=nama_berkas,
        pemetaan=pemetaan,
        lembar_rpd=lembar_rpd,
    )
    if hasil.kesalahan:
        raise ImporGagal(hasil.kesalahan)
    ada = dict(Pos.objects.filter(dokumen=dokumen).values_list("kode_lengkap", "pk"))
    urutan_awal = max(
        Pos.objects.filter(dokumen=dokumen).values_list("urutan", flat=True), default=0
    )
    ids = _pohon_tulis(dokumen=dokumen, baris=hasil.baris, ada=ada, urutan_awal=urutan_awal)
    pos = Pos.objects.in_bulk([ids[b.kode_lengkap] for b in hasil.beda])
    with jejak_gabung():  # each line's history; the import is the one audit entry below
        for b in hasil.beda_uraian:
            services.pos_update(
                pengguna=pengguna,
                pos=pos[ids[b.kode_lengkap]],
                uraian=b.uraian,
                satuan=pos[ids[b.kode_lengkap]].satuan,
            )
    if hasil.beda_pagu or hasil.rpd_berubah:
        hasil.revisi = services.revisi_create(
            pengguna=pengguna,
            dokumen=dokumen,
            tanggal=tanggal,
            alasan=alasan,
            perubahan=[
                services.PerubahanPagu(
                    pos=pos[ids[b.kode_lengkap]], volume=b.volume_baru, harga=b.harga_baru
                )
                for b in hasil.beda_pagu
            ],
            rpd=hasil.rpd if hasil.rpd_berubah else None,
            dihitung_ikpa=dihitung_ikpa,
        )
    hitung = {s: sum(1 for b in hasil.beda if b.status == s) for s in ("tambah", "hapus", "ubah")}
    ringkasan = (
        f"{angka(hitung['tambah'])} detail ditambah, {angka(hitung['hapus'])} dihapus, "
        f"{angka(hitung['ubah'])} diubah, {angka(len(hasil.beda_uraian))} uraian diubah; "
        f"pagu {rupiah(hasil.total)}{'; RPD diubah' if hasil.rpd_berubah else ''}."
    )
    jejak_catat(
        pengguna=pengguna,
        aksi="impor",
        objek=hasil.revisi or dokumen,
        ringkasan=(
            f"Impor revisi ke-{hasil.revisi.nomor} {nama_berkas}: {ringkasan}"
            if hasil.revisi
            else f"Impor POK {nama_berkas} (pagu tetap, tanpa revisi baru): {ringkasan}"
        ),
        perubahan={
            f"Uraian {b.kode_lengkap}": [b.uraian_lama, b.uraian] for b in hasil.beda_uraian
        },
    )
    return hasil
