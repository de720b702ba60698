"""The applicant list of a recruitment as an Excel workbook: the download of the applicant
page (``views.pendaftar.PendaftarExportView``) and, written into a stored file, a background
job's. Any number of applicants: rows are read from the database in chunks and streamed by
``kpu_site.excel.xlsx_tulis``; display values come from small lookup tables, not per-row model
methods."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import IO

from django.db.models.functions import Coalesce

from kpu_site.excel import xlsx_tulis

from . import selectors
from .akses import boleh_kelola, nik_samarkan
from .models import ALASAN_TMS, TPS, AnggotaParpol, Pendaftar, Rekrutmen, Wilayah

KOLOM = [
    "NIK",
    "Nama",
    "L/P",
    "Tanggal lahir",
    "Pendidikan",
    "Kecamatan",
    "Wilayah tujuan",
    "Hasil",
    "Alasan TMS",
]
FORMAT_KOLOM = {3: "tanggal"}
UKURAN_POTONGAN = 2_000  # rows fetched from the database at a time


def pendaftar_xlsx_judul(rekrutmen: Rekrutmen) -> str:
    return f"Pendaftar {rekrutmen}"


def pendaftar_xlsx_nama_berkas(rekrutmen: Rekrutmen) -> str:
    return f"pendaftar-{rekrutmen.kode}.xlsx"


def _alasan_teks() -> Callable[[tuple[bool, ...]], str]:
    """The "Alasan TMS" cell from an applicant's ``tms_*`` flags (in ``ALASAN_TMS`` order):
    the labels joined, computed once per combination of flags (at most 64)."""
    teks: dict[tuple[bool, ...], str] = {}
    labels = [str(label) for label in ALASAN_TMS.values()]

    def alasan(flags: tuple[bool, ...]) -> str:
        try:
            return teks[flags]
        except KeyError:
            hasil = teks[flags] = ", ".join(lb for lb, ya in zip(labels, flags, strict=True) if ya)
            return hasil

    return alasan


def pendaftar_xlsx_baris(
    *,
    rekrutmen: Rekrutmen,
    pengguna,
    status: str = "",
    alasan: str = "",
    kecamatan: int | None = None,
    wilayah: int | None = None,
    q: str = "",
    tanggapan: str = "",
) -> Iterator[list]:
    """The rows of the export, in applicant order, for the filter of the applicant page
    (``selectors.pendaftar_filter``): one query read in chunks of ``UKURAN_POTONGAN`` (values,
    not model instances; the unit names joined in). The full NIK and the birth date for staff
    of the recruitment only (``boleh_kelola``), the NIK masked for everyone else."""
    staf = boleh_kelola(pengguna)
    qs = selectors.pendaftar_filter(
        rekrutmen=rekrutmen,
        user=pengguna,
        status=status,
        alasan=alasan,
        kecamatan=kecamatan,
        wilayah=wilayah,
        q=q,
        tanggapan=tanggapan,
    )
    rows = (
        qs.order_by("pk")
        .annotate(
            kecamatan_nama=Coalesce("wilayah_tujuan__induk__nama", "wilayah_tujuan__nama"),
        )
        .values_list(
            "nik",
            "nama",
            "jenis_kelamin",
            "tanggal_lahir",
            "pendidikan",
            "kecamatan_nama",
            "wilayah_tujuan__nama",
            "status_administrasi",
            *(f"tms_{kode}" for kode in ALASAN_TMS),
        )
        .iterator(chunk_size=UKURAN_POTONGAN)
    )
    hasil = {s.value: str(s.label) for s in Pendaftar.Status}
    alasan_teks = _alasan_teks()
    nik = (lambda n: n) if staf else nik_samarkan
    for r in rows:
        yield [
            nik(r[0]),
            r[1],
            r[2],
            r[3] if staf else None,
            r[4],
            r[5],
            r[6],
            hasil.get(r[7], r[7]),
            alasan_teks(r[8:]),
        ]


def pendaftar_xlsx_tulis(
    berkas: IO[bytes],
    *,
    rekrutmen: Rekrutmen,
    pengguna,
    status: str = "",
    alasan: str = "",
    kecamatan: int | None = None,
    wilayah: int | None = None,
    q: str = "",
    tanggapan: str = "",
    progres: Callable[[int], object] | None = None,
) -> int:
    """Write the applicant export of ``rekrutmen`` as ``pengguna`` sees it (the filters of
    ``pendaftar_xlsx_baris``) into ``berkas``; return the number of applicants written.
    ``progres(rows_written)`` as in ``xlsx_tulis``. The caller records the download
    (``kpu_site.services.unduhan_record``)."""
    return xlsx_tulis(
        berkas,
        judul=pendaftar_xlsx_judul(rekrutmen),
        kolom=KOLOM,
        baris=pendaftar_xlsx_baris(
            rekrutmen=rekrutmen,
            pengguna=pengguna,
            status=status,
            alasan=alasan,
            kecamatan=kecamatan,
            wilayah=wilayah,
            q=q,
            tanggapan=tanggapan,
        ),
        format_kolom=FORMAT_KOLOM,
        progres=progres,
    )


# --------------------------------------------------------------------------- reference tables
# The tables the app imports whole (wilayah, TPS, the SIPOL party members) and the scores, each
# as a download in its import's own columns (``services.impor.KOLOM_*``, ``KOLOM_NILAI``):
# the file goes back into the import unchanged (``views.ekspor``).

KOLOM_WILAYAH = ["Kode", "Nama", "Jenis", "Kode induk"]
KOLOM_TPS = ["Kode kelurahan", "Nomor", "Jumlah DPT"]
KOLOM_PARPOL = ["NIK", "Nama", "Partai"]
KOLOM_NILAI = ["NIK", "Nama", "Nilai CAT", "Nilai wawancara"]


def wilayah_ekspor_baris() -> Iterator[tuple]:
    """Every kecamatan and desa/kelurahan by code: ``kode, nama, jenis, kode_induk``."""
    return (
        Wilayah.objects.order_by("kode")
        .values_list("kode", "nama", "jenis", "kode_induk")
        .iterator(chunk_size=UKURAN_POTONGAN)
    )


def tps_ekspor_baris() -> Iterator[tuple]:
    """Every TPS by desa/kelurahan code and number: ``kode_kelurahan, nomor, jumlah_dpt``."""
    return (
        TPS.objects.order_by("kelurahan__kode", "nomor")
        .values_list("kelurahan__kode", "nomor", "jumlah_dpt")
        .iterator(chunk_size=UKURAN_POTONGAN)
    )


def anggota_parpol_ekspor_baris() -> Iterator[tuple]:
    """The party-member list in its import order: ``nik, nama, partai``."""
    return (
        AnggotaParpol.objects.order_by("pk")
        .values_list("nik", "nama", "partai")
        .iterator(chunk_size=UKURAN_POTONGAN)
    )


def nilai_ekspor_baris(rekrutmen: Rekrutmen) -> Iterator[tuple]:
    """The MS applicants of ``rekrutmen`` (those the score import takes) with their scores:
    ``nik, nama, nilai_cat, nilai_wawancara`` (an empty score stays empty)."""
    return (
        Pendaftar.objects.filter(rekrutmen=rekrutmen, status_administrasi=Pendaftar.Status.MS)
        .order_by("pk")
        .values_list("nik", "nama", "nilai_cat", "nilai_wawancara")
        .iterator(chunk_size=UKURAN_POTONGAN)
    )
