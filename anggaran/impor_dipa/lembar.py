"""Reading a DIPA/POK sheet into a ``HasilDipa``: the header row, the lines, the subtotals and
the RPD (see the package's docstring); nothing is written."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain

from django.core.exceptions import ValidationError

from kpu_site.berkas import nama_berkas_periksa
from kpu_site.formatting import rupiah
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

from ..impor import sel_nilai
from ..models import Pos
from .hasil import AKUN, DETAIL, NOL, SEGMEN_PROGRAM, TINGKAT, BarisPos, HasilDipa

BATAS_CARI_JUDUL = 30

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
