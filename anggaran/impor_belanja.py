"""Importing contracts and invoices (CSV or XLSX), as the UP/TUP import does: the same reading
(``kpu_site.impor``), the same steps (``impor.berkas_periksa``, ``impor.impor_jalankan``), every
problem as "Baris N, kolom K", and every row written or none.

Contract columns (by name): ``nomor``, ``kode_akun`` (the full code of an akun line of the
document, belanja barang 52 or modal 53), ``tanggal`` (signing), ``tanggal_selesai``,
``penyedia``, ``uraian``, ``nilai``; optional ``tanggal_daftar`` (registered at the KPPN). Each
row is checked with the services' rules (``services_belanja.kontrak_isian_periksa``,
``akun_periksa``), then the contracts of each akun, recorded and in the file together, against
the akun's pagu (``pagu_pesan``).

Invoice columns: ``nomor_kontrak`` (a contract already recorded in the document: import the
contracts first), ``nomor``, ``tanggal_bast``, ``nilai``; optional ``tanggal_spm`` and
``tanggal_sp2d``. Each row is checked with ``tagihan_isian_periksa`` against its contract's
signing date, then the invoices of each contract, recorded and in the file together, against its
value (``tagihan_jumlah_pesan``).

The contract page's Excel download (one row per invoice, the contract's columns repeated on
each, under a title row) goes into both imports unchanged: its labels are read as the columns
above (``ALIAS_KONTRAK``, ``ALIAS_TAGIHAN``); in a file with the invoice column
``nomor_tagihan`` a contract repeated with the same values is read once (elsewhere a repeat is
an error), and the invoice import passes over a contract's row that has no invoice.

A row already recorded (same nomor; for an invoice, same contract and nomor) with the same values
is skipped, so importing a file again changes nothing; with other values it is an error naming
the column. One audit entry per import; each row keeps its history row.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Sum

from kpu_site.audit import jejak_gabung
from kpu_site.formatting import angka, rupiah
from kpu_site.impor import Kesalahan, batas_baris_periksa

from .impor import BERKAS_TANPA_BARIS, berkas_periksa, impor_jalankan, sel_nilai, sel_tanggal
from .impor_up import _beda, _catat_impor, _simpan
from .models import DokumenAnggaran, Kontrak, Pos, Tagihan
from .selectors.belanja import pagu_akun_map, tanggal_dmy
from .selectors.hitung import NOL
from .services_belanja import (
    akun_periksa,
    kontrak_isian_periksa,
    pagu_pesan,
    tagihan_isian_periksa,
    tagihan_jumlah_pesan,
)

KOLOM_KONTRAK = ("nomor", "kode_akun", "tanggal", "tanggal_selesai", "penyedia", "uraian", "nilai")
KOLOM_TAGIHAN = ("nomor_kontrak", "nomor", "tanggal_bast", "nilai")
# a service's field -> the import's column
KOLOM_DARI_FIELD = {"akun": "kode_akun"}
# The contract page's Excel download (views/belanja.py: one row per invoice, the contract's
# columns on each) goes back into either import unchanged: its labels read as these columns
ALIAS_KONTRAK = {
    "nomor_kontrak": "nomor",
    "tanggal_tanda_tangan": "tanggal",
    "akun": "kode_akun",
    "nilai_kontrak": "nilai",
}
ALIAS_TAGIHAN = {"nomor_tagihan": "nomor", "nilai_tagihan": "nilai"}
KOLOM_ISI_TAGIHAN = ("nomor", "tanggal_bast", "tanggal_spm", "tanggal_sp2d", "nilai")


@dataclass(slots=True)
class BarisKontrak:
    nomor_baris: int
    nomor: str
    akun: Pos
    tanggal: date
    tanggal_daftar: date | None
    tanggal_selesai: date
    penyedia: str
    uraian: str
    nilai: Decimal


@dataclass(slots=True)
class BarisTagihan:
    nomor_baris: int
    kontrak: Kontrak
    nomor: str
    tanggal_bast: date
    tanggal_spm: date | None
    tanggal_sp2d: date | None
    nilai: Decimal

    @property
    def nomor_kontrak(self) -> str:
        return self.kontrak.nomor


@dataclass
class HasilImporBelanja:
    """What an import found: the rows to write, the rows already recorded (skipped) and the
    problems (nothing is written while there is one). ``peringatan`` stays empty (no rule of
    contracts or invoices is a warning), kept for the shared import page and API."""

    dokumen: DokumenAnggaran
    nama_berkas: str
    baris: list = field(default_factory=list)
    dilewati: list[tuple[int, str]] = field(default_factory=list)
    kesalahan: list[Kesalahan] = field(default_factory=list)
    peringatan: list[Kesalahan] = field(default_factory=list)
    disimpan: bool = False

    @property
    def ok(self) -> bool:
        return not self.kesalahan

    @property
    def total_nilai(self) -> Decimal:
        return sum((b.nilai for b in self.baris), NOL)


def _tanggal_opsional(nomor: int, kolom: str, data: dict, tahun, kesalahan) -> date | None:
    teks = data.get(kolom, "").strip()
    if not teks:
        return None
    return sel_tanggal(nomor, kolom, teks, tahun=tahun, kesalahan=kesalahan)


def _wajib(nomor: int, kolom: str, data: dict, kesalahan: list) -> str:
    teks = data.get(kolom, "").strip()
    if not teks:
        kesalahan.append(Kesalahan(nomor, kolom, "kosong."))
    return teks


def _galat_ke_kesalahan(nomor: int, galat: dict[str, str]) -> list[Kesalahan]:
    return [Kesalahan(nomor, KOLOM_DARI_FIELD.get(f, f), pesan) for f, pesan in galat.items()]


def _pertama_beda(b, nama: str, banding) -> Kesalahan | None:
    """The first column whose recorded value differs from the row's, else ``None``."""
    for kolom, nilai_lama, nilai_baru, teks in banding:
        if nilai_lama != nilai_baru:
            return _beda(b.nomor_baris, kolom, nama, nilai_lama, nilai_baru, teks)
    return None


def _tgl(t: date | None) -> str:
    return tanggal_dmy(t) if t else "kosong"


# --- contracts ----------------------------------------------------------------------------------


def kontrak_impor_periksa(
    *, dokumen: DokumenAnggaran, berkas, nama_berkas: str, pemetaan=None
) -> HasilImporBelanja:
    """Read and check every row; nothing is written."""
    hasil = HasilImporBelanja(dokumen=dokumen, nama_berkas=nama_berkas)
    berkas_periksa(
        hasil,
        berkas=berkas,
        pemetaan=pemetaan,
        kolom_wajib=KOLOM_KONTRAK,
        periksa_baris=_periksa_kontrak,
        alias=ALIAS_KONTRAK,
    )
    return hasil


def _kontrak_baris(nomor: int, data: dict, dokumen, akun_map, kesalahan) -> BarisKontrak | None:
    """One row on its own, or ``None`` with its problems appended."""
    salah_sebelum = len(kesalahan)
    tahun = dokumen.tahun
    nomor_kontrak = _wajib(nomor, "nomor", data, kesalahan)
    kode = _wajib(nomor, "kode_akun", data, kesalahan)
    akun = akun_map.get(kode)
    if kode and akun is None:
        kesalahan.append(
            Kesalahan(nomor, "kode_akun", f"kode {kode} bukan baris akun di pohon anggaran.")
        )
    tanggal = sel_tanggal(
        nomor, "tanggal", data.get("tanggal", ""), tahun=None, kesalahan=kesalahan
    )
    selesai = sel_tanggal(
        nomor, "tanggal_selesai", data.get("tanggal_selesai", ""), tahun=None, kesalahan=kesalahan
    )
    daftar = _tanggal_opsional(nomor, "tanggal_daftar", data, None, kesalahan)
    nilai = sel_nilai(nomor, "nilai", data.get("nilai", ""), kesalahan=kesalahan)
    penyedia = data.get("penyedia", "").strip()
    uraian = data.get("uraian", "").strip()
    isian = {"nomor": nomor_kontrak, "penyedia": penyedia, "uraian": uraian, "nilai": nilai}
    kesalahan.extend(batas_baris_periksa(Kontrak, nomor, isian))
    if len(kesalahan) != salah_sebelum:
        return None
    galat = kontrak_isian_periksa(
        tahun=tahun,
        tanggal=tanggal,
        tanggal_daftar=daftar,
        tanggal_selesai=selesai,
        penyedia=penyedia,
        uraian=uraian,
        nilai=nilai,
    )
    if (pesan := akun_periksa(dokumen=dokumen, akun=akun)) is not None:
        galat["akun"] = pesan
    if galat:
        kesalahan.extend(_galat_ke_kesalahan(nomor, galat))
        return None
    return BarisKontrak(
        nomor, nomor_kontrak, akun, tanggal, daftar, selesai, penyedia, uraian, nilai
    )


def _kontrak_beda(b: BarisKontrak, lama: Kontrak) -> Kesalahan | None:
    return _pertama_beda(
        b,
        f"Kontrak {lama.nomor}",
        [
            ("kode_akun", lama.akun.kode_lengkap, b.akun.kode_lengkap, str),
            ("tanggal", lama.tanggal, b.tanggal, tanggal_dmy),
            ("tanggal_selesai", lama.tanggal_selesai, b.tanggal_selesai, tanggal_dmy),
            ("tanggal_daftar", lama.tanggal_daftar, b.tanggal_daftar, _tgl),
            ("penyedia", lama.penyedia, b.penyedia, str),
            ("uraian", lama.uraian, b.uraian, str),
            ("nilai", lama.nilai, b.nilai, rupiah),
        ],
    )


def _kontrak_isi(b: BarisKontrak) -> tuple:
    return (
        b.akun.pk,
        b.tanggal,
        b.tanggal_selesai,
        b.tanggal_daftar,
        b.penyedia,
        b.uraian,
        b.nilai,
    )


def _periksa_kontrak(hasil: HasilImporBelanja, rows) -> None:
    dokumen = hasil.dokumen
    kesalahan = hasil.kesalahan
    akun_map = {
        a.kode_lengkap: a for a in Pos.objects.filter(dokumen=dokumen, tingkat=Pos.Tingkat.AKUN)
    }
    tersimpan = {k.nomor: k for k in Kontrak.objects.filter(dokumen=dokumen).select_related("akun")}
    dilihat: dict[str, int] = {}
    isi_dilihat: dict[str, tuple] = {}
    ada_baris = False
    for nomor, data in rows:
        ada_baris = True
        b = _kontrak_baris(nomor, data, dokumen, akun_map, kesalahan)
        if b is None:
            continue
        if "nomor_tagihan" in data and isi_dilihat.get(b.nomor) == _kontrak_isi(b):
            # one row per invoice (the contract page's download): the same contract again
            continue
        isi_dilihat[b.nomor] = _kontrak_isi(b)
        if b.nomor in dilihat:
            kesalahan.append(
                Kesalahan(
                    nomor,
                    "nomor",
                    f"kontrak {b.nomor} ganda (sama dengan baris {dilihat[b.nomor]}).",
                )
            )
            continue
        dilihat[b.nomor] = nomor
        lama = tersimpan.get(b.nomor)
        if lama is None:
            hasil.baris.append(b)
        elif (beda := _kontrak_beda(b, lama)) is not None:
            kesalahan.append(beda)
        else:
            hasil.dilewati.append((nomor, b.nomor))
    if not ada_baris:
        kesalahan.append(Kesalahan(None, "", BERKAS_TANPA_BARIS))
    if not kesalahan:
        _periksa_pagu(hasil)


def _periksa_pagu(hasil: HasilImporBelanja) -> None:
    """The contracts of each akun, recorded and in the file (file order), within its pagu."""
    pagu = pagu_akun_map(dokumen=hasil.dokumen)
    terpakai: dict[int, Decimal] = defaultdict(lambda: NOL)
    for akun_id, total in (
        Kontrak.objects.filter(dokumen=hasil.dokumen)
        .values("akun_id")
        .annotate(t=Sum("nilai"))
        .values_list("akun_id", "t")
    ):
        terpakai[akun_id] = total
    for b in hasil.baris:
        pesan = pagu_pesan(
            kode_akun=b.akun.kode,
            nilai=b.nilai,
            lain=terpakai[b.akun.pk],
            pagu=pagu.get(b.akun.pk, NOL),
        )
        if pesan is not None:
            hasil.kesalahan.append(Kesalahan(b.nomor_baris, "nilai", pesan))
        terpakai[b.akun.pk] += b.nilai


def kontrak_impor(
    *, pengguna, dokumen: DokumenAnggaran, berkas, nama_berkas: str, pemetaan=None
) -> HasilImporBelanja:
    """Check then write every row in one transaction; ``ImporGagal`` (nothing written) when any
    row is bad."""

    def tulis(hasil: HasilImporBelanja) -> None:
        with jejak_gabung():  # the rows' history; the import is the one entry below
            for b in hasil.baris:
                _simpan(
                    Kontrak(
                        dokumen=hasil.dokumen,
                        akun=b.akun,
                        nomor=b.nomor,
                        tanggal=b.tanggal,
                        tanggal_daftar=b.tanggal_daftar,
                        tanggal_selesai=b.tanggal_selesai,
                        penyedia=b.penyedia,
                        uraian=b.uraian,
                        nilai=b.nilai,
                        dibuat_oleh=pengguna if getattr(pengguna, "pk", None) else None,
                    ),
                    pengguna,
                )
        _catat_impor(
            hasil,
            pengguna,
            f"Impor kontrak {hasil.nama_berkas}: {angka(len(hasil.baris))} baris, "
            f"{rupiah(hasil.total_nilai)}; {angka(len(hasil.dilewati))} baris sudah ada dilewati.",
        )

    return impor_jalankan(
        pengguna=pengguna,
        pemetaan=pemetaan,
        dokumen=dokumen,
        berkas=berkas,
        nama_berkas=nama_berkas,
        periksa=kontrak_impor_periksa,
        tulis=tulis,
    )


# --- invoices -----------------------------------------------------------------------------------


def tagihan_impor_periksa(
    *, dokumen: DokumenAnggaran, berkas, nama_berkas: str, pemetaan=None
) -> HasilImporBelanja:
    """Read and check every row; nothing is written."""
    hasil = HasilImporBelanja(dokumen=dokumen, nama_berkas=nama_berkas)
    berkas_periksa(
        hasil,
        berkas=berkas,
        pemetaan=pemetaan,
        kolom_wajib=KOLOM_TAGIHAN,
        periksa_baris=_periksa_tagihan,
        alias=ALIAS_TAGIHAN,
    )
    return hasil


def _tagihan_baris(nomor: int, data: dict, tahun: int, kontrak_map, kesalahan):
    salah_sebelum = len(kesalahan)
    nomor_kontrak = _wajib(nomor, "nomor_kontrak", data, kesalahan)
    kontrak = kontrak_map.get(nomor_kontrak)
    if nomor_kontrak and kontrak is None:
        kesalahan.append(
            Kesalahan(
                nomor,
                "nomor_kontrak",
                f"kontrak {nomor_kontrak} belum tercatat di dokumen ini (impor kontraknya "
                "lebih dahulu).",
            )
        )
    nomor_tagihan = _wajib(nomor, "nomor", data, kesalahan)
    bast = sel_tanggal(
        nomor, "tanggal_bast", data.get("tanggal_bast", ""), tahun=None, kesalahan=kesalahan
    )
    spm = _tanggal_opsional(nomor, "tanggal_spm", data, None, kesalahan)
    sp2d = _tanggal_opsional(nomor, "tanggal_sp2d", data, None, kesalahan)
    nilai = sel_nilai(nomor, "nilai", data.get("nilai", ""), kesalahan=kesalahan)
    kesalahan.extend(batas_baris_periksa(Tagihan, nomor, {"nomor": nomor_tagihan, "nilai": nilai}))
    if len(kesalahan) != salah_sebelum:
        return None
    galat = tagihan_isian_periksa(
        tahun=tahun,
        tanggal_kontrak=kontrak.tanggal,
        tanggal_bast=bast,
        tanggal_spm=spm,
        tanggal_sp2d=sp2d,
        nilai=nilai,
    )
    if galat:
        kesalahan.extend(_galat_ke_kesalahan(nomor, galat))
        return None
    return BarisTagihan(nomor, kontrak, nomor_tagihan, bast, spm, sp2d, nilai)


def _tagihan_beda(b: BarisTagihan, lama: Tagihan) -> Kesalahan | None:
    return _pertama_beda(
        b,
        f"Tagihan {lama.nomor} (kontrak {b.nomor_kontrak})",
        [
            ("tanggal_bast", lama.tanggal_bast, b.tanggal_bast, tanggal_dmy),
            ("tanggal_spm", lama.tanggal_spm, b.tanggal_spm, _tgl),
            ("tanggal_sp2d", lama.tanggal_sp2d, b.tanggal_sp2d, _tgl),
            ("nilai", lama.nilai, b.nilai, rupiah),
        ],
    )


def _periksa_tagihan(hasil: HasilImporBelanja, rows) -> None:
    dokumen = hasil.dokumen
    kesalahan = hasil.kesalahan
    kontrak_map = {k.nomor: k for k in Kontrak.objects.filter(dokumen=dokumen)}
    tersimpan = {
        (t.kontrak_id, t.nomor): t for t in Tagihan.objects.filter(kontrak__dokumen=dokumen)
    }
    dilihat: dict[tuple[int, str], int] = {}
    ada_baris = False
    for nomor, data in rows:
        if data.get("nomor_kontrak", "").strip() and not any(
            data.get(k, "").strip() for k in KOLOM_ISI_TAGIHAN
        ):
            continue  # a contract without invoices (a row of the contract page's download)
        ada_baris = True
        b = _tagihan_baris(nomor, data, dokumen.tahun, kontrak_map, kesalahan)
        if b is None:
            continue
        kunci = (b.kontrak.pk, b.nomor)
        if kunci in dilihat:
            kesalahan.append(
                Kesalahan(
                    nomor,
                    "nomor",
                    f"tagihan {b.nomor} kontrak {b.nomor_kontrak} ganda (sama dengan baris "
                    f"{dilihat[kunci]}).",
                )
            )
            continue
        dilihat[kunci] = nomor
        lama = tersimpan.get(kunci)
        if lama is None:
            hasil.baris.append(b)
        elif (beda := _tagihan_beda(b, lama)) is not None:
            kesalahan.append(beda)
        else:
            hasil.dilewati.append((nomor, f"{b.nomor} ({b.nomor_kontrak})"))
    if not ada_baris:
        kesalahan.append(Kesalahan(None, "", BERKAS_TANPA_BARIS))
    if not kesalahan:
        _periksa_jumlah_tagihan(hasil)


def _periksa_jumlah_tagihan(hasil: HasilImporBelanja) -> None:
    """The invoices of each contract, recorded and in the file (file order), within its value."""
    ditagih: dict[int, Decimal] = defaultdict(lambda: NOL)
    for kontrak_id, total in (
        Tagihan.objects.filter(kontrak__dokumen=hasil.dokumen)
        .values("kontrak_id")
        .annotate(t=Sum("nilai"))
        .values_list("kontrak_id", "t")
    ):
        ditagih[kontrak_id] = total
    for b in hasil.baris:
        pesan = tagihan_jumlah_pesan(
            nomor_kontrak=b.kontrak.nomor,
            nilai_kontrak=b.kontrak.nilai,
            nilai=b.nilai,
            lain=ditagih[b.kontrak.pk],
        )
        if pesan is not None:
            hasil.kesalahan.append(Kesalahan(b.nomor_baris, "nilai", pesan))
        ditagih[b.kontrak.pk] += b.nilai


def tagihan_impor(
    *, pengguna, dokumen: DokumenAnggaran, berkas, nama_berkas: str, pemetaan=None
) -> HasilImporBelanja:
    """Check then write every row in one transaction; ``ImporGagal`` (nothing written) when any
    row is bad."""

    def tulis(hasil: HasilImporBelanja) -> None:
        with jejak_gabung():
            for b in hasil.baris:
                _simpan(
                    Tagihan(
                        kontrak=b.kontrak,
                        nomor=b.nomor,
                        tanggal_bast=b.tanggal_bast,
                        tanggal_spm=b.tanggal_spm,
                        tanggal_sp2d=b.tanggal_sp2d,
                        nilai=b.nilai,
                        dibuat_oleh=pengguna if getattr(pengguna, "pk", None) else None,
                    ),
                    pengguna,
                )
        _catat_impor(
            hasil,
            pengguna,
            f"Impor tagihan {hasil.nama_berkas}: {angka(len(hasil.baris))} baris, "
            f"{rupiah(hasil.total_nilai)}; {angka(len(hasil.dilewati))} baris sudah ada dilewati.",
        )

    return impor_jalankan(
        pengguna=pengguna,
        pemetaan=pemetaan,
        dokumen=dokumen,
        berkas=berkas,
        nama_berkas=nama_berkas,
        periksa=tagihan_impor_periksa,
        tulis=tulis,
    )
