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
from collections.abc import Iterable, Iterator, Sequence
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


def _baca_xlsx(data: bytes) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    from openpyxl import load_workbook

    _periksa_xlsx(data)
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ImporGagal(
            [Kesalahan(None, "", f"berkas XLSX tidak dapat dibaca ({exc.__class__.__name__}).")]
        ) from None
    ws = wb.worksheets[0]
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


def baca_tabel(
    berkas, *, nama_berkas: str, kolom_wajib: Sequence[str], rapikan: bool = True
) -> Tabel:
    """Open a CSV or XLSX upload (file object, bytes or path) and check its header.

    Raises ``ImporGagal`` when the file cannot be read or lacks a required column. An empty
    table (no data rows) is reported by the caller, which knows what "no rows" means for it.
    ``rapikan=False`` leaves a CSV's cells unstripped, for a large import that strips only
    the cells it uses (XLSX cells are always stripped).
    """
    data = isi_berkas(berkas)
    if not data:
        raise _gagal_berkas("berkas kosong: tidak ada baris judul kolom.")
    lower = nama_berkas.lower()
    if data.startswith(b"PK\x03\x04") or lower.endswith((".xlsx", ".xlsm")):
        header, rows = _baca_xlsx(data)
    elif lower.endswith((".csv", ".txt")) or "." not in lower.rsplit("/", 1)[-1]:
        header, rows = _baca_csv(data, rapikan=rapikan)
    else:
        raise ImporGagal(
            [Kesalahan(None, "", "jenis berkas tidak dikenal: gunakan CSV atau XLSX.")]
        )
    kolom = [normalisasi_kolom(h) for h in header]
    if not any(kolom):
        raise ImporGagal([Kesalahan(None, "", "berkas kosong: tidak ada baris judul kolom.")])
    ganda = sorted({k for k in kolom if k and kolom.count(k) > 1})
    if ganda:
        raise ImporGagal([Kesalahan(1, k, "kolom ganda di baris judul.") for k in ganda])
    hilang = [k for k in kolom_wajib if k not in kolom]
    if hilang:
        raise ImporGagal([Kesalahan(1, k, "kolom wajib tidak ada di baris judul.") for k in hilang])
    return Tabel(kolom=kolom, _rows=rows)


def baca_lembar(berkas, *, nama_berkas: str) -> Iterator[tuple[int, list[str]]]:
    """Every non-blank row of a CSV or XLSX upload, the first included, numbered as the user
    sees them, with the limits of ``baca_tabel`` (size, rows, cells): for a sheet whose header
    row is not the first (title rows above it, as SAKTI prints them); the caller finds it.
    Raises ``ImporGagal`` when the file cannot be read or is empty."""
    data = isi_berkas(berkas)
    if not data:
        raise _gagal_berkas("berkas kosong: tidak ada baris judul kolom.")
    lower = nama_berkas.lower()
    if data.startswith(b"PK\x03\x04") or lower.endswith((".xlsx", ".xlsm")):
        pertama, rows = _baca_xlsx(data)
    elif lower.endswith((".csv", ".txt")) or "." not in lower.rsplit("/", 1)[-1]:
        pertama, rows = _baca_csv(data, rapikan=True, lebar_bebas=True)
        pertama = [cell.strip() for cell in pertama]
    else:
        raise _gagal_berkas("jenis berkas tidak dikenal: gunakan CSV atau XLSX.")
    if any(pertama):
        yield 1, pertama
    yield from rows


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


def parse_tanggal(text) -> date:
    """``2023-10-17`` or ``17/10/2023`` (also ``17-10-2023``); ``ValueError`` in Indonesian."""
    raw = str(text or "").strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(raw, fmt).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    if not raw:
        raise ValueError("kosong, harus berisi tanggal (TTTT-BB-HH).")
    raise ValueError(f"'{raw}' bukan tanggal yang sah (gunakan TTTT-BB-HH, mis. 2023-10-17).")
