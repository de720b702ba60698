"""Reading imported tables (CSV or XLSX) the way Indonesian offices save them.

- CSV in UTF-8 (with or without BOM) or Windows-1252 (Excel's "CSV" on Windows), separated by
  ``,`` or ``;`` (the header line decides);
- XLSX read with openpyxl in read-only mode, after checking it really is an xlsx and not a
  zip bomb;
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
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

# An xlsx whose parts would expand beyond this is refused (a "zip bomb").
BATAS_XLSX_TERURAI = 300 * 1024 * 1024
BATAS_RASIO_KOMPRESI = 200


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
        teks.append(f"... dan {len(daftar) - batas} kesalahan lain.")
    return teks


class ImporGagal(Exception):
    def __init__(self, kesalahan: list[Kesalahan]):
        self.kesalahan = kesalahan
        super().__init__("; ".join(str(k) for k in kesalahan[:5]))


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


def isi_berkas(berkas) -> bytes:
    """The bytes of an upload: a file object (read from the start), bytes, or a path."""
    if isinstance(berkas, bytes):
        return berkas
    if hasattr(berkas, "read"):
        berkas.seek(0)
        return berkas.read()
    with open(berkas, "rb") as fh:
        return fh.read()


def teks_csv(data: bytes) -> str:
    """A CSV's text: UTF-8 (a BOM dropped), else Windows-1252 (Excel's "CSV" on Windows)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def pemisah_csv(teks: str) -> str:
    """``;`` when the header line has more of them than commas (Excel with Indonesian
    regional settings), else ``,``."""
    first = teks.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def _baca_csv(data: bytes, *, rapikan: bool) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    text = teks_csv(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=pemisah_csv(text))
    try:
        header = next(reader)
    except StopIteration:
        return [], iter(())

    def rows():
        for nomor, row in enumerate(reader, start=2):
            if not "".join(row).strip():
                continue
            yield nomor, [cell.strip() for cell in row] if rapikan else row

    return header, rows()


def _periksa_xlsx(data: bytes) -> None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ImporGagal(
            [Kesalahan(None, "", "berkas bukan XLSX yang sah (bukan arsip Excel).")]
        ) from None
    with zf:
        names = zf.namelist()
        if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
            raise ImporGagal(
                [Kesalahan(None, "", "berkas bukan XLSX yang sah (tidak ada lembar kerja Excel).")]
            )
        total = 0
        for info in zf.infolist():
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if total > BATAS_XLSX_TERURAI or (
                info.file_size > 10 * 1024 * 1024 and ratio > BATAS_RASIO_KOMPRESI
            ):
                raise ImporGagal(
                    [
                        Kesalahan(
                            None,
                            "",
                            "berkas XLSX terlalu besar setelah diurai (kemungkinan zip bomb); ditolak.",
                        )
                    ]
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

    def rows():
        for nomor, row in enumerate(it, start=2):
            values = [_teks_sel(v) for v in row]
            if not any(values):
                continue
            yield nomor, values
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
    hilang = [k for k in kolom_wajib if k not in kolom]
    if hilang:
        raise ImporGagal([Kesalahan(1, k, "kolom wajib tidak ada di baris judul.") for k in hilang])
    return Tabel(kolom=kolom, _rows=rows)


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
