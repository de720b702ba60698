"""Reading imported tables (CSV or XLSX) the way Indonesian offices save them.

- CSV in UTF-8 (with or without BOM) or Windows-1252 (Excel's "CSV" on Windows), separated by
  ``,`` or ``;`` (the header line decides);
- UTF-16 with a BOM (Excel's "Unicode Text", tab-separated) too;
- XLSX read with openpyxl in read-only mode, after checking it really is an xlsx and not a
  zip bomb (a part that expands more than ``BATAS_RASIO_KOMPRESI`` times: real sheets measure
  9–19 times, a bomb about 1,000);
- the limits of ``settings.IMPOR_BATAS_UKURAN`` (bytes) and ``settings.IMPOR_BATAS_BARIS``
  (rows, the header included) for every import, page, API and command alike; a cell over
  ``BATAS_SEL`` characters, a NUL character or a row with more cells than the header is an
  error naming the row and column, never a 500;
- headers normalised (``Nomor SP2D`` -> ``nomor_sp2d``), rows numbered as the user sees them in
  the file (header = row 1).

The public API every app's import uses: ``baca_tabel`` (an upload to a header and numbered
rows), and its parts ``isi_berkas`` (the upload's bytes), ``teks_csv`` (bytes to text) and
``pemisah_csv`` (the separator); ``parse_angka_id``/``parse_tanggal`` for the cells.

Errors are ``Kesalahan(baris, kolom, alasan)``; problems with the whole file raise
``ImporGagal`` carrying the list. Callers validate every row, collect every ``Kesalahan`` and
write nothing when there is any.
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings

from .batas import batas_model_periksa
from .formatting import angka

# The longest cell read (the csv module's default limit): a longer one is a row/column error.
BATAS_SEL = 131_072
# An xlsx part that expands more than this many times is a "zip bomb". Measured on sheets
# written by openpyxl: 9× (50,000 applicants), 13× (TPS rows), 19× (the same row 50,000
# times); a bomb of zeros 1,029×. Parts under BATAS_BAGIAN_KECIL are not checked (harmless).
BATAS_RASIO_KOMPRESI = 50
BATAS_BAGIAN_KECIL = 1024 * 1024
# The csv module refuses a field over its limit with an error that names no row or column:
# read any length and check it against BATAS_SEL here instead.
csv.field_size_limit(2**31 - 1)


@dataclass(frozen=True)
class Kesalahan:
    baris: int | None
    kolom: str
    alasan: str

    def __str__(self) -> str:
        tempat = f"Baris {self.baris}" if self.baris else "Berkas"
        return (
            f"{tempat}, kolom {self.kolom}: {self.alasan}"
            if self.kolom
            else f"{tempat}: {self.alasan}"
        )


def kesalahan_teks(kesalahan: Iterable[Kesalahan], batas: int = 50) -> list[str]:
    """The first ``batas`` problems as text, then "... dan N kesalahan lain." when there are
    more (for messages and command output)."""
    daftar = list(kesalahan)
    teks = [str(k) for k in daftar[:batas]]
    if len(daftar) > batas:
        teks.append(f"... dan {angka(len(daftar) - batas)} kesalahan lain.")
    return teks


class ImporGagal(Exception):
    def __init__(self, kesalahan: list[Kesalahan]):
        self.kesalahan = kesalahan
        super().__init__("; ".join(str(k) for k in kesalahan[:5]))


def _gagal_berkas(alasan: str) -> ImporGagal:
    return ImporGagal([Kesalahan(None, "", alasan)])


def _mb(n: int) -> str:
    """Bytes as megabytes to one decimal, without a trailing ``,0`` (``12,4``, ``10``)."""
    return angka(Decimal(n) / 1048576, 1).removesuffix(",0")


def ukuran_pastikan(ukuran: int) -> None:
    """``ImporGagal`` naming the limit when an upload of ``ukuran`` bytes is over
    ``settings.IMPOR_BATAS_UKURAN`` (the same for every import page, API and command)."""
    batas = settings.IMPOR_BATAS_UKURAN
    if ukuran > batas:
        raise _gagal_berkas(
            f"berkas {_mb(ukuran)} MB melebihi batas {_mb(batas)} MB (IMPOR_BATAS_UKURAN)."
        )


def _terlalu_banyak_baris(batas: int) -> ImporGagal:
    return _gagal_berkas(
        f"lebih dari {angka(batas)} baris (IMPOR_BATAS_BARIS); pecah berkas menjadi "
        "beberapa bagian."
    )


def _sel_pastikan(nomor: int, kolom: list[str], values: list[str]) -> None:
    """The row's cells against ``BATAS_SEL`` and NUL characters (PostgreSQL cannot store
    them); called only for a row whose total length or content calls for it."""
    for i, value in enumerate(values):
        nama = kolom[i] if i < len(kolom) and kolom[i] else f"ke-{i + 1}"
        if len(value) > BATAS_SEL:
            raise ImporGagal(
                [
                    Kesalahan(
                        nomor,
                        nama,
                        f"isian terlalu panjang: lebih dari {angka(BATAS_SEL)} karakter.",
                    )
                ]
            )
        if "\x00" in value:
            raise ImporGagal(
                [Kesalahan(nomor, nama, "berisi karakter NUL (berkas rusak atau bukan teks).")]
            )


def batas_baris_periksa(model, nomor: int, data: dict) -> list[Kesalahan]:
    """The values one import row writes to ``model`` (field name -> value) against the
    database's limits (``kpu_site.batas``): one ``Kesalahan`` per column that does not fit."""
    return [
        Kesalahan(nomor, kolom, pesan) for kolom, pesan in batas_model_periksa(model, data).items()
    ]


@dataclass
class Tabel:
    kolom: list[str]
    _rows: Iterator[tuple[int, list[str]]] = field(repr=False)
    # under a mapping: the column an import reads -> the file's own header text
    asal: dict[str, str] = field(default_factory=dict)
    nomor_judul: int = 1  # the header's row number in the file

    def baris_list(self) -> Iterator[tuple[int, list[str]]]:
        """``(nomor_baris, [values in the order of self.kolom])``; blank rows skipped."""
        return self._rows

    @property
    def baris(self) -> Iterator[tuple[int, dict[str, str]]]:
        """``(nomor_baris, {kolom: value})``; blank rows skipped."""
        names = self.kolom
        for nomor, values in self._rows:
            yield nomor, dict(zip(names, values, strict=False))


def normalisasi_kolom(name) -> str:
    text = str(name or "").strip().lower().lstrip("\ufeff")
    return re.sub(r"[^0-9a-z]+", "_", text).strip("_")


def _teks_sel(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


def ukuran_berkas(berkas) -> int:
    """The size in bytes of an upload (file object, bytes or path) without reading it."""
    if isinstance(berkas, bytes):
        return len(berkas)
    if hasattr(berkas, "read"):
        ukuran = getattr(berkas, "size", None)
        if ukuran is None:
            berkas.seek(0, os.SEEK_END)
            ukuran = berkas.tell()
        return ukuran
    return os.path.getsize(berkas)


def isi_berkas(berkas) -> bytes:
    """The bytes of an upload: a file object (read from the start), bytes, or a path;
    ``ImporGagal`` when it is over ``settings.IMPOR_BATAS_UKURAN`` (checked before reading)."""
    ukuran_pastikan(ukuran_berkas(berkas))
    if isinstance(berkas, bytes):
        return berkas
    if hasattr(berkas, "read"):
        berkas.seek(0)
        return berkas.read()
    with open(berkas, "rb") as fh:
        return fh.read()


def teks_csv(data: bytes) -> str:
    """A CSV's text: UTF-16 with a BOM (Excel's "Unicode Text"), UTF-8 (a BOM dropped), else
    Windows-1252 (Excel's "CSV" on Windows; Latin-1 reads the same)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _gagal_berkas(
                "berkas UTF-16 rusak; simpan ulang sebagai CSV UTF-8 atau XLSX."
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def pemisah_csv(teks: str) -> str:
    """The separator the header line uses most: ``;`` (Excel with Indonesian regional
    settings), a tab (Excel's "Unicode Text"), else ``,``."""
    first = teks.split("\n", 1)[0]
    koma, titik_koma, tab = first.count(","), first.count(";"), first.count("\t")
    if max(titik_koma, tab) <= koma:
        return ","
    return ";" if titik_koma >= tab else "\t"


_KENDALI = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _baca_csv(
    data: bytes, *, rapikan: bool, lebar_bebas: bool = False
) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    text = teks_csv(data)
    if _KENDALI.search(text.split("\n", 1)[0]):
        raise _gagal_berkas("bukan berkas CSV atau XLSX (isinya data biner).")
    # a sheet with title rows above its header: the separator of its widest early line
    pemisah = (
        pemisah_csv(max(text.split("\n", 30)[:30], key=lambda b: max(map(b.count, ",;\t"))))
        if lebar_bebas
        else pemisah_csv(text)
    )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=pemisah)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise _gagal_berkas(f"baris judul tidak dapat dibaca sebagai CSV ({exc}).") from None
    except StopIteration:
        return [], iter(())
    if len("".join(header)) > BATAS_SEL:
        _sel_pastikan(1, [""] * len(header), header)
    ada_nul = "\x00" in text
    kolom = [normalisasi_kolom(h) for h in header]
    lebar = len(header)

    def rows():
        batas = settings.IMPOR_BATAS_BARIS
        nomor = 1
        try:
            for nomor, row in enumerate(reader, start=2):
                if nomor > batas:
                    raise _terlalu_banyak_baris(batas)
                gabung = "".join(row)
                if not gabung.strip():
                    continue
                if len(gabung) > BATAS_SEL or (ada_nul and "\x00" in gabung):
                    _sel_pastikan(nomor, kolom, row)
                if (
                    not lebar_bebas
                    and len(row) > lebar
                    and any(cell.strip() for cell in row[lebar:])
                ):
                    raise ImporGagal(
                        [
                            Kesalahan(
                                nomor,
                                f"ke-{lebar + 1}",
                                f"isian di luar {lebar} kolom baris judul (ada pemisah di "
                                "dalam isian? apit isian itu dengan tanda kutip).",
                            )
                        ]
                    )
                yield nomor, [cell.strip() for cell in row] if rapikan else row
        except csv.Error as exc:
            raise ImporGagal(
                [Kesalahan(nomor + 1, "", f"tidak dapat dibaca sebagai CSV ({exc}).")]
            ) from None

    return header, rows()


def _periksa_xlsx(data: bytes) -> None:
    """An xlsx, and no zip bomb: every part of over ``BATAS_BAGIAN_KECIL`` bytes expands at most
    ``BATAS_RASIO_KOMPRESI`` times (a genuine sheet of a million rows expands about 10 times and
    passes; its rows are then counted against ``IMPOR_BATAS_BARIS`` while reading), and all
    parts together stay under ``IMPOR_BATAS_UKURAN`` × that ratio."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise _gagal_berkas("berkas bukan XLSX yang sah (bukan arsip Excel).") from None
    with zf:
        names = zf.namelist()
        if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
            raise _gagal_berkas("berkas bukan XLSX yang sah (tidak ada lembar kerja Excel).")
        batas_total = settings.IMPOR_BATAS_UKURAN * BATAS_RASIO_KOMPRESI
        total = 0
        for info in zf.infolist():
            total += info.file_size
            rasio = info.file_size / max(info.compress_size, 1)
            if info.file_size > BATAS_BAGIAN_KECIL and rasio > BATAS_RASIO_KOMPRESI:
                raise _gagal_berkas(
                    f"berkas XLSX tidak wajar: bagian {info.filename} memuai "
                    f"{angka(int(rasio))} kali setelah diurai (lembar kerja asli paling "
                    f"banyak {BATAS_RASIO_KOMPRESI} kali); kemungkinan zip bomb, ditolak."
                )
            if total > batas_total:
                raise _gagal_berkas(
                    f"berkas XLSX terlalu besar setelah diurai: lebih dari {_mb(batas_total)} MB "
                    f"(IMPOR_BATAS_UKURAN × {BATAS_RASIO_KOMPRESI}); ditolak."
                )


def _buka_xlsx(data: bytes):
    from openpyxl import load_workbook

    _periksa_xlsx(data)
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ImporGagal(
            [Kesalahan(None, "", f"berkas XLSX tidak dapat dibaca ({exc.__class__.__name__}).")]
        ) from None


def lembar_nama(data: bytes) -> list[str]:
    """The sheet names of an XLSX (empty for a CSV), for the "pick the sheet" step."""
    if not data.startswith(b"PK\x03\x04"):
        return []
    wb = _buka_xlsx(data)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def _baca_xlsx(data: bytes, lembar: str = "") -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    wb = _buka_xlsx(data)
    if lembar and lembar not in wb.sheetnames:
        ada = ", ".join(wb.sheetnames)
        wb.close()
        raise _gagal_berkas(f"lembar '{lembar}' tidak ada di berkas (lembar yang ada: {ada}).")
    ws = wb[lembar] if lembar else wb.worksheets[0]
    it = ws.iter_rows(values_only=True)
    try:
        header = [_teks_sel(v) for v in next(it)]
    except StopIteration:
        return [], iter(())

    kolom = [normalisasi_kolom(h) for h in header]

    def rows():
        batas = settings.IMPOR_BATAS_BARIS
        try:
            for nomor, row in enumerate(it, start=2):
                if nomor > batas:
                    raise _terlalu_banyak_baris(batas)
                values = [_teks_sel(v) for v in row]
                if not any(values):
                    continue
                if any(len(v) > BATAS_SEL for v in values):
                    _sel_pastikan(nomor, kolom, values)
                yield nomor, values
        finally:
            wb.close()

    return header, rows()


# How many rows from the top a header row is looked for in (title rows above it).
BATAS_CARI_JUDUL = 30


@dataclass(frozen=True)
class Pemetaan:
    """How a file's columns become the columns an import reads (a saved ``ProfilImpor``).

    - ``kolom``: target column (the name the import reads, e.g. ``tanggal``) -> the file's
      column(s) as written in its header (matched normalised: ``Tgl SP2D`` = ``tgl_sp2d``);
      several columns are joined with ``.`` (per-level codes into one full code);
    - ``aturan``: target column -> value rule (``ATURAN``), applied while the rows stream;
    - ``baris_judul``: the header's row number (1 = the first row); ``None`` = the first of
      the top ``BATAS_CARI_JUDUL`` rows that holds every mapped column;
    - ``lembar``: the XLSX sheet; empty = the first.

    A target not in ``kolom`` is read from a column of its own name, as without a profile."""

    kolom: dict[str, tuple[str, ...]] = field(default_factory=dict)
    aturan: dict[str, str] = field(default_factory=dict)
    baris_judul: int | None = None
    lembar: str = ""
    nama: str = ""

    def sumber(self, target: str) -> tuple[str, ...]:
        return self.kolom.get(target, ())


def _jenis_berkas(data: bytes, nama_berkas: str) -> str:
    lower = nama_berkas.lower()
    if data.startswith(b"PK\x03\x04") or lower.endswith((".xlsx", ".xlsm")):
        return "xlsx"
    if lower.endswith((".csv", ".txt")) or "." not in lower.rsplit("/", 1)[-1]:
        return "csv"
    raise _gagal_berkas("jenis berkas tidak dikenal: gunakan CSV atau XLSX.")


def _semua_baris(
    data: bytes, jenis: str, *, lembar: str = "", rapikan: bool = True
) -> Iterator[tuple[int, list[str]]]:
    """Every non-blank row, the first included, numbered as the user sees them; a CSV's rows
    may be of any width (title rows above the header)."""
    if jenis == "xlsx":
        pertama, rows = _baca_xlsx(data, lembar)
    else:
        if lembar:
            raise _gagal_berkas("berkas CSV tidak punya lembar; kosongkan pilihan lembar.")
        pertama, rows = _baca_csv(data, rapikan=rapikan, lebar_bebas=True)
        pertama = [cell.strip() for cell in pertama]
    if any(pertama):
        yield 1, pertama
    yield from rows


def _kolom_periksa(kolom: list[str], nomor_judul: int, kolom_wajib: Sequence[str]) -> None:
    if not any(kolom):
        raise _gagal_berkas("berkas kosong: tidak ada baris judul kolom.")
    ganda = sorted({k for k in kolom if k and kolom.count(k) > 1})
    if ganda:
        raise ImporGagal([Kesalahan(nomor_judul, k, "kolom ganda di baris judul.") for k in ganda])
    hilang = [k for k in kolom_wajib if k not in kolom]
    if hilang:
        raise ImporGagal(
            [Kesalahan(nomor_judul, k, "kolom wajib tidak ada di baris judul.") for k in hilang]
        )


def baca_tabel(
    berkas,
    *,
    nama_berkas: str,
    kolom_wajib: Sequence[str],
    rapikan: bool = True,
    pemetaan: Pemetaan | None = None,
    alias: dict[str, str] | None = None,
) -> Tabel:
    """Open a CSV or XLSX upload (file object, bytes or path) and check its header.

    The header is the first row; when that row lacks a required column, the first of the top
    ``BATAS_CARI_JUDUL`` rows that has them all (title rows above the header, as this app's
    own Excel exports and SAKTI print them). With ``pemetaan`` (a saved column-mapping
    profile) the file's columns are renamed to the ones the import reads and its value rules
    applied while the rows stream (``_terapkan_pemetaan``).

    Raises ``ImporGagal`` when the file cannot be read or lacks a required column. An empty
    table (no data rows) is reported by the caller, which knows what "no rows" means for it.
    ``rapikan=False`` leaves a CSV's cells unstripped, for a large import that strips only
    the cells it uses (XLSX cells are always stripped). ``alias`` (without ``pemetaan``): a
    normalised column name -> the column it stands for, when the header lacks that column
    (the label an import's own Excel export writes: ``nomor_surat`` -> ``nomor``), so the
    export goes back into the import unchanged.
    """
    data = isi_berkas(berkas)
    if not data:
        raise _gagal_berkas("berkas kosong: tidak ada baris judul kolom.")
    jenis = _jenis_berkas(data, nama_berkas)
    if pemetaan is not None:
        return _terapkan_pemetaan(
            data, jenis, pemetaan=pemetaan, kolom_wajib=kolom_wajib, rapikan=rapikan
        )
    if jenis == "xlsx":
        header, rows = _baca_xlsx(data)
    else:
        header, rows = _baca_csv(data, rapikan=rapikan)
    kolom = _alias_terapkan([normalisasi_kolom(h) for h in header], alias)
    if any(k not in kolom for k in kolom_wajib):
        temuan = _judul_cari(
            _semua_baris(data, jenis, rapikan=rapikan),
            lambda kol: all(k in _alias_terapkan(kol, alias) for k in kolom_wajib),
        )
        if temuan is not None:
            nomor, header, rows = temuan
            kolom = _alias_terapkan([normalisasi_kolom(h) for h in header], alias)
            _kolom_periksa(kolom, nomor, kolom_wajib)
            return Tabel(
                kolom=kolom, _rows=_lebar_periksa(rows, len(kolom), kolom), nomor_judul=nomor
            )
    _kolom_periksa(kolom, 1, kolom_wajib)
    return Tabel(kolom=kolom, _rows=rows)


def _alias_terapkan(kolom: list[str], alias: dict[str, str] | None) -> list[str]:
    """Normalised column names with ``alias`` applied where the header lacks the target
    (``baca_tabel``)."""
    if not alias:
        return kolom
    return [alias[k] if k in alias and alias[k] not in kolom else k for k in kolom]


def _judul_cari(baris, cocok, *, nomor_judul: int | None = None):
    """``(nomor, header, remaining rows)`` of the header row among ``baris`` (numbered rows):
    row ``nomor_judul`` when given, else the first of the top ``BATAS_CARI_JUDUL`` rows whose
    normalised cells satisfy ``cocok``; ``None`` when there is none."""
    it = iter(baris)
    for nomor, values in it:
        if nomor_judul is not None:
            if nomor == nomor_judul:
                return nomor, values, it
            if nomor > nomor_judul:
                return None
            continue
        if nomor > BATAS_CARI_JUDUL:
            return None
        if cocok([normalisasi_kolom(v) for v in values]):
            return nomor, values, it
    return None


def _lebar_periksa(rows, lebar: int, kolom: list[str]):
    """A CSV row read without a fixed width whose cells go past the header's: the same error
    as for a header in the first row (an unquoted separator inside a value)."""
    for nomor, values in rows:
        if len(values) > lebar and any(v.strip() for v in values[lebar:]):
            raise ImporGagal(
                [
                    Kesalahan(
                        nomor,
                        f"ke-{lebar + 1}",
                        f"isian di luar {lebar} kolom baris judul (ada pemisah di dalam isian? "
                        "apit isian itu dengan tanda kutip).",
                    )
                ]
            )
        yield nomor, values


def _terapkan_pemetaan(
    data: bytes, jenis: str, *, pemetaan: Pemetaan, kolom_wajib: Sequence[str], rapikan: bool
) -> Tabel:
    """The table of ``baca_tabel`` through a mapping. Renaming costs nothing per row; only the
    targets with a value rule or built from several columns (or one column shared by several
    targets) are computed per row, in the stream."""
    dicari = {normalisasi_kolom(s) for sumber in pemetaan.kolom.values() for s in sumber}
    dicari |= {k for k in kolom_wajib if not pemetaan.sumber(k)}
    temuan = _judul_cari(
        _semua_baris(data, jenis, lembar=pemetaan.lembar, rapikan=rapikan),
        lambda kol: dicari <= set(kol),
        nomor_judul=pemetaan.baris_judul,
    )
    label = f"profil '{pemetaan.nama}'" if pemetaan.nama else "pemetaan kolom"
    if temuan is None:
        if pemetaan.baris_judul:
            raise _gagal_berkas(
                f"baris judul {pemetaan.baris_judul} ({label}) kosong atau tidak ada di berkas."
            )
        contoh = ", ".join(sorted(dicari)[:6])
        raise _gagal_berkas(
            f"baris judul tidak ditemukan: tidak ada baris di {BATAS_CARI_JUDUL} baris pertama "
            f"yang memuat semua kolom {label} ({contoh}). Periksa lembar dan pemetaan kolomnya."
        )
    nomor_judul, header, rows = temuan
    kolom_file = [normalisasi_kolom(h) for h in header]
    posisi = {k: i for i, k in enumerate(kolom_file) if k}
    kesalahan = []
    target_sumber: dict[str, list[int]] = {}
    for target, sumber in pemetaan.kolom.items():
        idx = []
        for s in sumber:
            i = posisi.get(normalisasi_kolom(s))
            if i is None:
                kesalahan.append(
                    Kesalahan(
                        nomor_judul,
                        s,
                        f"kolom ini ({label}, untuk {target}) tidak ada di baris judul.",
                    )
                )
            else:
                idx.append(i)
        target_sumber[target] = idx
    if kesalahan:
        raise ImporGagal(kesalahan)
    pemakai: dict[int, int] = {}
    for idx in target_sumber.values():
        for i in idx:
            pemakai[i] = pemakai.get(i, 0) + 1
    kolom = list(kolom_file)
    # a file column named like a target that the profile takes from elsewhere: hidden
    for target in target_sumber:
        i = posisi.get(target)
        if i is not None and target_sumber[target] != [i]:
            kolom[i] = ""
    asal: dict[str, str] = {}
    di_tempat: list[tuple[int, Callable[[str], str]]] = []
    tambahan: list[Callable[[list[str]], str]] = []
    for target, idx in target_sumber.items():
        aturan = ATURAN.get(pemetaan.aturan.get(target, ""))
        asal[target] = " + ".join(header[i] for i in idx)
        if len(idx) == 1 and pemakai[idx[0]] == 1:
            kolom[idx[0]] = target
            if aturan is not None:
                di_tempat.append((idx[0], aturan.ubah))
            continue
        kolom.append(target)
        tambahan.append(_nilai_gabung(idx, aturan.ubah if aturan else None))
    _kolom_periksa(kolom, nomor_judul, kolom_wajib)
    lebar = len(kolom_file)
    if jenis == "csv":
        rows = _lebar_periksa(rows, lebar, kolom_file)
    if di_tempat or tambahan:
        rows = _baris_ubah(rows, lebar, di_tempat, tambahan)
    return Tabel(kolom=kolom, _rows=rows, asal=asal, nomor_judul=nomor_judul)


def _nilai_gabung(idx: list[int], ubah):
    def nilai(values: list[str]) -> str:
        teks = ".".join(v.strip() for v in (values[i] for i in idx) if v.strip())
        return ubah(teks) if ubah else teks

    return nilai


def _baris_ubah(rows, lebar, di_tempat, tambahan):
    for nomor, values in rows:
        values = list(values)
        if len(values) < lebar:
            values.extend([""] * (lebar - len(values)))
        elif len(values) > lebar:
            del values[lebar:]
        for i, ubah in di_tempat:
            values[i] = ubah(values[i])
        asli = values[:] if tambahan else values
        values.extend(f(asli) for f in tambahan)
        yield nomor, values


def kesalahan_asal(kesalahan: Iterable[Kesalahan], asal: dict[str, str]) -> list[Kesalahan]:
    """Errors named by the file's own header under a mapping: ``kolom Tgl SP2D (tanggal)``
    instead of ``kolom tanggal``."""
    hasil = []
    for k in kesalahan:
        sumber = asal.get(k.kolom)
        if sumber and normalisasi_kolom(sumber) != k.kolom:
            k = Kesalahan(k.baris, f"{sumber} ({k.kolom})", k.alasan)
        hasil.append(k)
    return hasil


@contextmanager
def kolom_asal(tabel: Tabel):
    """Re-raise an ``ImporGagal`` met inside with its columns named as in the file
    (``kesalahan_asal``); nothing changes for a table read without a mapping."""
    try:
        yield
    except ImporGagal as exc:
        if not tabel.asal:
            raise
        raise ImporGagal(kesalahan_asal(exc.kesalahan, tabel.asal)) from None


def baca_lembar(berkas, *, nama_berkas: str, lembar: str = "") -> Iterator[tuple[int, list[str]]]:
    """Every non-blank row of a CSV or XLSX upload, the first included, numbered as the user
    sees them, with the limits of ``baca_tabel`` (size, rows, cells): for a sheet whose header
    row is not the first (title rows above it, as SAKTI prints them); the caller finds it.
    Raises ``ImporGagal`` when the file cannot be read or is empty."""
    data = isi_berkas(berkas)
    if not data:
        raise _gagal_berkas("berkas kosong: tidak ada baris judul kolom.")
    yield from _semua_baris(data, _jenis_berkas(data, nama_berkas), lembar=lembar)


_ANGKA_ID = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")
_ANGKA_KOMA = re.compile(r"^-?\d+,\d+$")
_ANGKA_BIASA = re.compile(r"^-?\d+(\.\d+)?$")


def parse_angka_id(text) -> Decimal:
    """``1.500.000`` / ``1.500.000,50`` / ``1500000,5`` / ``1500000.50`` / ``Rp 1.500.000``.

    Raises ``ValueError`` with an Indonesian message for anything else.
    """
    raw = str(text if text is not None else "").strip()
    cleaned = re.sub(r"^(-?)\s*rp\.?\s*", r"\1", raw, flags=re.IGNORECASE).replace(" ", "")
    if not cleaned:
        raise ValueError("kosong, harus berisi angka.")
    try:
        if _ANGKA_ID.match(cleaned):
            return Decimal(cleaned.replace(".", "").replace(",", "."))
        if _ANGKA_KOMA.match(cleaned):
            return Decimal(cleaned.replace(",", "."))
        if _ANGKA_BIASA.match(cleaned):
            return Decimal(cleaned)
    except InvalidOperation:
        pass
    raise ValueError(f"'{raw}' bukan angka (contoh yang benar: 1.500.000 atau 1.500.000,50).")


_BULAN_NAMA = {
    nama: nomor
    for nomor, daftar in enumerate(
        (
            ("januari", "jan"),
            ("februari", "feb", "pebruari", "peb"),
            ("maret", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "jun"),
            ("juli", "jul"),
            ("agustus", "agu", "agt", "aug", "agust"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct"),
            ("november", "nov", "nop", "nopember"),
            ("desember", "des", "dec"),
        ),
        start=1,
    )
    for nama in daftar
}
_TANGGAL_NAMA = re.compile(r"^(\d{1,2})[\s\-/.]+([a-z]+)\.?[\s\-/.]+(\d{4})$")


def parse_tanggal(text) -> date:
    """``2023-10-17``, ``17/10/2023`` (also ``17-10-2023``, ``17.10.2023``) or with the
    month's name, ``17 Oktober 2023`` / ``17-Okt-2023``; ``ValueError`` in Indonesian."""
    raw = str(text or "").strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(raw, fmt).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    cocok = _TANGGAL_NAMA.match(raw.lower())
    if cocok and cocok.group(2) in _BULAN_NAMA:
        try:
            return date(int(cocok.group(3)), _BULAN_NAMA[cocok.group(2)], int(cocok.group(1)))
        except ValueError:
            pass
    if not raw:
        raise ValueError("kosong, harus berisi tanggal (TTTT-BB-HH).")
    raise ValueError(f"'{raw}' bukan tanggal yang sah (gunakan TTTT-BB-HH, mis. 2023-10-17).")


# --------------------------------------------------------------------------- value rules


@dataclass(frozen=True)
class Aturan:
    """A value rule of a column mapping: ``ubah`` turns a cell into what the import reads, or
    returns it unchanged when it cannot (the import then names the row and column)."""

    kode: str
    label: str
    ubah: Callable[[str], str]


def _angka_teks(nilai: Decimal) -> str:
    """A number as text every import reads the same: the decimal comma (``99,560`` is 99,56,
    where ``99.560`` would read as ninety-nine thousand), no thousands dots."""
    return format(nilai, "f").replace(".", ",")


def _angka_id(teks: str) -> str:
    try:
        return _angka_teks(parse_angka_id(teks))
    except ValueError:
        return teks


_ANGKA_EN = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")


def _angka_en(teks: str) -> str:
    bersih = re.sub(r"^(-?)\s*rp\.?\s*", r"\1", teks.strip(), flags=re.IGNORECASE).replace(" ", "")
    if _ANGKA_EN.match(bersih) or re.fullmatch(r"-?\d+\.\d+", bersih):
        return _angka_teks(Decimal(bersih.replace(",", "")))
    return teks


def _tanggal(teks: str) -> str:
    try:
        return parse_tanggal(teks).isoformat()
    except ValueError:
        return teks


_JENIS_KELAMIN = {
    "l": "L",
    "laki-laki": "L",
    "laki laki": "L",
    "lakilaki": "L",
    "pria": "L",
    "p": "P",
    "perempuan": "P",
    "wanita": "P",
}


def _jenis_kelamin(teks: str) -> str:
    return _JENIS_KELAMIN.get(teks.strip().lower(), teks)


def _segmen(n: int | None):
    def ubah(teks: str) -> str:
        bagian = [b for b in teks.strip().split(".") if b]
        if not bagian:
            return teks
        if n is None:
            return bagian[-1]
        return bagian[n - 1] if n <= len(bagian) else ""

    return ubah


ATURAN: dict[str, Aturan] = {
    a.kode: a
    for a in (
        Aturan("angka_id", "Angka Indonesia (1.500.000,50)", _angka_id),
        Aturan("angka_en", "Angka bergaya Inggris (1,500,000.50)", _angka_en),
        Aturan("tanggal", "Tanggal (17/10/2023 atau 17 Oktober 2023)", _tanggal),
        Aturan("jenis_kelamin", "L/P dari Laki-laki/Perempuan", _jenis_kelamin),
        *(Aturan(f"kode_{n}", f"Bagian ke-{n} kode berjenjang", _segmen(n)) for n in range(1, 10)),
        Aturan("kode_akhir", "Bagian terakhir kode berjenjang", _segmen(None)),
    )
}
# A file column may feed several targets only when each takes a part of a code.
ATURAN_BERBAGI = frozenset(k for k in ATURAN if k.startswith("kode_"))
