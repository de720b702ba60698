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
from .model_berkas import ItemBerkas, StatusBerkas
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


# --------------------------------------------------------------------------- re-import
# "Unduh untuk impor ulang": every applicant of a recruitment in the applicant import's own
# columns (``services.impor.KOLOM_PENDAFTAR``: the labels below read as those names), then the
# checklist columns (``impor_berkas``: the item code, and ``<kode>_alasan``). Personal data in
# full: staff of the recruitment only (``views.ekspor.PendaftarImporUlangView``). Importing the
# file back unchanged skips every row as already there.

KOLOM_IMPOR_ULANG = [
    "NIK",
    "Nama",
    "Jenis kelamin",
    "Tempat lahir",
    "Tanggal lahir",
    "Pendidikan",
    "Kode domisili",
    "Alamat",
    "No HP",
    "Email",
    "Kode wilayah tujuan",
]
FORMAT_IMPOR_ULANG = {4: "tanggal"}
_FIELD_IMPOR_ULANG = (
    *("nik", "nama", "jenis_kelamin", "tempat_lahir", "tanggal_lahir", "pendidikan"),
    *("kode_domisili", "alamat", "no_hp", "email", "wilayah_tujuan__kode"),
)
_STATUS_TEKS = {
    StatusBerkas.Status.ADA: "ada",
    StatusBerkas.Status.TIDAK_ADA: "tidak ada",
    StatusBerkas.Status.TIDAK_SAH: "tidak sah",
}


def pendaftar_impor_ulang_nama_berkas(rekrutmen: Rekrutmen) -> str:
    return f"pendaftar-{rekrutmen.kode}-impor-ulang.xlsx"


def _item_berkas(rekrutmen: Rekrutmen) -> list[tuple[int, str]]:
    return list(
        ItemBerkas.objects.filter(rekrutmen=rekrutmen)
        .order_by("urutan", "pk")
        .values_list("pk", "kode")
    )


def pendaftar_impor_ulang_baris(rekrutmen: Rekrutmen, items: list[tuple[int, str]]):
    """The applicants in pk order, each with its checklist (status, reason per item): two
    queries read in chunks side by side (both ordered by applicant), whatever the number."""
    posisi = {pk: j for j, (pk, _kode) in enumerate(items)}
    rows = (
        Pendaftar.objects.filter(rekrutmen=rekrutmen)
        .order_by("pk")
        .values_list("pk", *_FIELD_IMPOR_ULANG)
        .iterator(chunk_size=UKURAN_POTONGAN)
    )
    status = iter(())
    if items:
        status = (
            StatusBerkas.objects.filter(pendaftar__rekrutmen=rekrutmen, item_id__in=posisi)
            .order_by("pendaftar_id")
            .values_list("pendaftar_id", "item_id", "status", "alasan")
            .iterator(chunk_size=UKURAN_POTONGAN)
        )
    berikut = next(status, None)
    for pk, *nilai in rows:
        berkas = [""] * (2 * len(items))
        while berikut is not None and berikut[0] <= pk:
            if berikut[0] == pk:
                j = posisi[berikut[1]]
                berkas[2 * j] = _STATUS_TEKS.get(berikut[2], "")
                berkas[2 * j + 1] = (
                    berikut[3] if berikut[2] == StatusBerkas.Status.TIDAK_SAH else ""
                )
            berikut = next(status, None)
        yield [*nilai, *berkas]


def pendaftar_impor_ulang_tulis(berkas: IO[bytes], *, rekrutmen: Rekrutmen, progres=None) -> int:
    """Write the re-import file of ``rekrutmen`` into ``berkas``; return the applicants
    written. The caller checks access (staff of the recruitment) and records the download."""
    items = _item_berkas(rekrutmen)
    kolom = [*KOLOM_IMPOR_ULANG, *(k for _pk, kode in items for k in (kode, f"{kode}_alasan"))]
    return xlsx_tulis(
        berkas,
        judul=f"Pendaftar {rekrutmen} (untuk impor ulang)",
        kolom=kolom,
        baris=pendaftar_impor_ulang_baris(rekrutmen, items),
        format_kolom=FORMAT_IMPOR_ULANG,
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
