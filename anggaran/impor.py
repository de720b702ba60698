"""Importing realisasi from the finance system's export (CSV or XLSX).

Columns are matched by name (``tanggal``, ``nomor_sp2d``, ``kode_akun`` = the full code path
of the akun line, ``uraian``, ``nilai``; optional ``nomor_spm``). ``realisasi_impor_periksa``
reads and checks every row without writing (the preview); ``realisasi_impor`` writes all rows
in one transaction or nothing at all when any row is bad.

A row whose SP2D number + akun line is already stored with the same amount is skipped, so
importing the same file again does not double the amounts; with a different amount it is an
error. On PostgreSQL the rows are written with ``COPY`` (one round trip per import), elsewhere
with ``bulk_create``; a single ``JejakAudit`` entry records the import.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import partial

from django.core.exceptions import ValidationError
from django.db import connection, transaction

from kpu_site.audit import jejak_catat
from kpu_site.berkas import nama_berkas_periksa
from kpu_site.formatting import angka, rupiah
from kpu_site.impor import (
    ImporGagal,
    Kesalahan,
    baca_tabel,
    batas_baris_periksa,
    kesalahan_asal,
    parse_angka_id,
    parse_tanggal,
)

from . import selectors
from .akses import pastikan_boleh_tulis
from .models import DokumenAnggaran, ImporRealisasi, Pos, Realisasi
from .services import pastikan_terbuka

KOLOM_WAJIB = ("tanggal", "nomor_sp2d", "kode_akun", "uraian", "nilai")
NOL = Decimal("0")


@dataclass(slots=True)
class BarisImpor:
    nomor_baris: int
    tanggal: date
    nomor_sp2d: str
    nomor_spm: str
    akun_id: int
    kode_akun: str
    uraian: str
    nilai: Decimal


@dataclass
class HasilImpor:
    dokumen: DokumenAnggaran
    nama_berkas: str
    baris: list[BarisImpor] = field(default_factory=list)
    dilewati: list[tuple[int, str]] = field(default_factory=list)
    kesalahan: list[Kesalahan] = field(default_factory=list)
    impor: ImporRealisasi | None = None

    @property
    def ok(self) -> bool:
        return not self.kesalahan

    @property
    def total_nilai(self) -> Decimal:
        return sum((b.nilai for b in self.baris), NOL)


def impor_tabel_periksa(
    hasil,
    *,
    berkas,
    kolom_wajib: tuple[str, ...],
    periksa_baris: Callable[[Iterator[tuple[int, dict[str, str]]]], None],
    pemetaan=None,
) -> None:
    """``berkas_periksa`` for a row checker that takes only the rows (``hasil`` bound)."""
    berkas_periksa(
        hasil,
        berkas=berkas,
        pemetaan=pemetaan,
        kolom_wajib=kolom_wajib,
        periksa_baris=lambda _h, rows: periksa_baris(rows),
    )


def realisasi_impor_periksa(
    *, dokumen: DokumenAnggaran, berkas, nama_berkas: str, pemetaan=None
) -> HasilImpor:
    """Read and check every row; nothing is written. File-level problems (not a CSV/XLSX,
    missing columns, locked document) are returned as errors without a row number."""
    hasil = HasilImpor(dokumen=dokumen, nama_berkas=nama_berkas)
    periksa = partial(_periksa_baris, hasil)
    impor_tabel_periksa(
        hasil, berkas=berkas, pemetaan=pemetaan, kolom_wajib=KOLOM_WAJIB, periksa_baris=periksa
    )
    return hasil


# --- shared by every import of a budget document (realisasi, UP/TUP, dispensasi SPM) ----------

BERKAS_TANPA_BARIS = "berkas tidak berisi baris data."


def berkas_periksa(hasil, *, berkas, kolom_wajib, periksa_baris, pemetaan=None, alias=None) -> None:
    """The steps every import of a budget document shares, each problem appended to
    ``hasil.kesalahan`` (``hasil`` has ``dokumen``, ``nama_berkas`` and ``kesalahan``): the
    document open for writing, the file's name (stored or shown, so refused, never cut), the
    table and its required columns, then ``periksa_baris(hasil, rows)`` over its numbered rows
    (a file-level problem met while reading them, e.g. too many rows, lands there too).
    ``alias``: the export's column names the import takes too (``kpu_site.impor.baca_tabel``)."""
    try:
        pastikan_terbuka(hasil.dokumen)
    except ValidationError as exc:
        hasil.kesalahan.append(Kesalahan(None, "", f"Impor tidak diizinkan: {exc.messages[0]}"))
        return
    try:
        nama_berkas_periksa(hasil.nama_berkas)
    except ValidationError as exc:
        hasil.kesalahan.append(Kesalahan(None, "", exc.messages[0]))
        return
    try:
        tabel = baca_tabel(
            berkas,
            nama_berkas=hasil.nama_berkas,
            kolom_wajib=kolom_wajib,
            pemetaan=pemetaan,
            alias=alias,
        )
        periksa_baris(hasil, tabel.baris)
    except ImporGagal as exc:
        hasil.kesalahan.extend(exc.kesalahan)
    else:
        if tabel.asal:  # under a profile: the file's own column names
            hasil.kesalahan[:] = kesalahan_asal(hasil.kesalahan, tabel.asal)


def sel_tanggal(
    nomor: int,
    kolom: str,
    teks: str,
    *,
    tahun: int | None,
    kesalahan: list[Kesalahan],
    cache: dict[str, date | str] | None = None,
) -> date | None:
    """The date in a cell, within ``tahun`` when given; ``None`` and a ``Kesalahan`` otherwise.
    ``cache``: the texts already parsed (a year has 365 dates and strptime is the costliest
    step of a large import)."""
    tanggal = cache.get(teks) if cache is not None else None
    if tanggal is None:
        try:
            tanggal = parse_tanggal(teks)
        except ValueError as exc:
            tanggal = str(exc)
        if cache is not None:
            cache[teks] = tanggal
    if isinstance(tanggal, str):
        kesalahan.append(Kesalahan(nomor, kolom, tanggal))
        return None
    if tahun is not None and tanggal.year != tahun:
        kesalahan.append(Kesalahan(nomor, kolom, f"{teks} di luar tahun anggaran {tahun}."))
        return None
    return tanggal


def sel_nilai(nomor: int, kolom: str, teks: str, *, kesalahan: list[Kesalahan]) -> Decimal | None:
    """An amount in a cell (``1.500.000,50``): more than 0, at most 2 decimals; ``None`` and a
    ``Kesalahan`` otherwise."""
    try:
        nilai = parse_angka_id(teks)
    except ValueError as exc:
        kesalahan.append(Kesalahan(nomor, kolom, str(exc)))
        return None
    if nilai <= 0:
        kesalahan.append(Kesalahan(nomor, kolom, "harus lebih dari 0."))
        return None
    if nilai != nilai.quantize(Decimal("0.01")):
        kesalahan.append(Kesalahan(nomor, kolom, "paling banyak 2 angka desimal."))
        return None
    return nilai


def _periksa_baris(hasil: HasilImpor, rows) -> None:
    dokumen = hasil.dokumen
    pohon = selectors.pohon_anggaran(dokumen=dokumen)
    akun_map: dict[str, int] = {}
    bukan_akun: dict[str, str] = {}
    for simpul in pohon.urut:
        if simpul.pos.tingkat == Pos.Tingkat.AKUN:
            akun_map[simpul.pos.kode_lengkap] = simpul.pos.id
        else:
            bukan_akun[simpul.pos.kode_lengkap] = simpul.pos.get_tingkat_display()
    tersimpan = {
        (sp2d, akun_id): nilai
        for sp2d, akun_id, nilai in Realisasi.objects.filter(dokumen=dokumen).values_list(
            "nomor_sp2d", "akun_id", "nilai"
        )
    }
    tahun = dokumen.tahun
    dilihat: dict[tuple[str, int], int] = {}
    tambahan: dict[int, Decimal] = defaultdict(lambda: NOL)
    kesalahan = hasil.kesalahan
    baris_ok = hasil.baris
    ada_baris = False
    # A year has 365 dates: parse each distinct text once (strptime is the costliest step).
    tanggal_cache: dict[str, date | str] = {}

    for nomor, data in rows:
        ada_baris = True
        salah_sebelum = len(kesalahan)
        tanggal = sel_tanggal(
            nomor,
            "tanggal",
            data.get("tanggal", ""),
            tahun=tahun,
            kesalahan=kesalahan,
            cache=tanggal_cache,
        )
        nilai = sel_nilai(nomor, "nilai", data.get("nilai", ""), kesalahan=kesalahan)
        kode = data.get("kode_akun", "").strip()
        akun_id = akun_map.get(kode)
        if akun_id is None:
            if not kode:
                kesalahan.append(Kesalahan(nomor, "kode_akun", "kosong."))
            elif kode in bukan_akun:
                kesalahan.append(
                    Kesalahan(
                        nomor,
                        "kode_akun",
                        f"{kode} adalah {bukan_akun[kode]}, bukan baris akun.",
                    )
                )
            else:
                kesalahan.append(
                    Kesalahan(nomor, "kode_akun", f"kode {kode} tidak ada di pohon anggaran.")
                )
        sp2d = data.get("nomor_sp2d", "").strip()
        if not sp2d:
            kesalahan.append(Kesalahan(nomor, "nomor_sp2d", "kosong."))
        kesalahan.extend(
            batas_baris_periksa(
                Realisasi,
                nomor,
                {
                    "nomor_sp2d": sp2d,
                    "nomor_spm": data.get("nomor_spm", "").strip(),
                    "uraian": data.get("uraian", "").strip(),
                    "nilai": nilai,
                },
            )
        )
        if len(kesalahan) != salah_sebelum or akun_id is None or nilai is None:
            continue
        kunci = (sp2d, akun_id)
        if kunci in dilihat:
            kesalahan.append(
                Kesalahan(
                    nomor,
                    "nomor_sp2d",
                    f"SP2D {sp2d} untuk akun {kode} ganda (sama dengan baris {dilihat[kunci]}).",
                )
            )
            continue
        dilihat[kunci] = nomor
        lama = tersimpan.get(kunci)
        if lama is not None:
            if lama == nilai:
                hasil.dilewati.append((nomor, sp2d))
            else:
                kesalahan.append(
                    Kesalahan(
                        nomor,
                        "nomor_sp2d",
                        f"SP2D {sp2d} untuk akun {kode} sudah tercatat dengan nilai "
                        f"{rupiah(lama)}, berbeda dari {rupiah(nilai)}.",
                    )
                )
            continue
        simpul = pohon.per_id[akun_id]
        sisa = selectors.SisaPaguAkun(
            kode_akun=kode, pagu=simpul.pagu, terpakai=simpul.realisasi + tambahan[akun_id]
        )
        if sisa.melebihi(nilai):
            kesalahan.append(
                Kesalahan(
                    nomor,
                    "nilai",
                    f"{sisa.pesan_lampau(nilai)} Pelampauan hanya lewat formulir dengan "
                    "persetujuan Sekretaris.",
                )
            )
            continue
        tambahan[akun_id] += nilai
        baris_ok.append(
            BarisImpor(
                nomor_baris=nomor,
                tanggal=tanggal,
                nomor_sp2d=sp2d,
                nomor_spm=data.get("nomor_spm", "").strip(),
                akun_id=akun_id,
                kode_akun=kode,
                uraian=data.get("uraian", "").strip(),
                nilai=nilai,
            )
        )
    if not ada_baris:
        kesalahan.append(Kesalahan(None, "", BERKAS_TANPA_BARIS))


def impor_jalankan(
    *, pengguna, dokumen: DokumenAnggaran, berkas, nama_berkas: str, periksa, tulis, pemetaan=None
):
    """Check then write in one transaction, the document's row locked (the writes of its data
    one at a time): ``periksa(dokumen=, berkas=, nama_berkas=)`` reads and checks every row
    without writing; any problem raises ``ImporGagal`` and nothing is written; else
    ``tulis(hasil)`` writes it all. Returns the checked result."""
    pastikan_boleh_tulis(pengguna)
    with transaction.atomic():
        dokumen = DokumenAnggaran.objects.select_for_update().get(pk=dokumen.pk)
        pastikan_terbuka(dokumen)
        hasil = periksa(dokumen=dokumen, berkas=berkas, nama_berkas=nama_berkas, pemetaan=pemetaan)
        if hasil.kesalahan:
            raise ImporGagal(hasil.kesalahan)
        tulis(hasil)
    return hasil


def realisasi_impor(
    *, pengguna, dokumen: DokumenAnggaran, berkas, nama_berkas: str, pemetaan=None
) -> HasilImpor:
    """Check then write every row in one transaction; raise ``ImporGagal`` (nothing written)
    when any row is bad."""

    def tulis(hasil: HasilImpor) -> None:
        impor = ImporRealisasi.objects.create(
            dokumen=hasil.dokumen,
            nama_berkas=nama_berkas,
            jumlah_baris=len(hasil.baris),
            jumlah_dilewati=len(hasil.dilewati),
            total_nilai=hasil.total_nilai,
            diimpor_oleh=pengguna if getattr(pengguna, "pk", None) else None,
        )
        _tulis_massal(impor=impor, baris=hasil.baris, pengguna=pengguna)
        hasil.impor = impor
        jejak_catat(
            pengguna=pengguna,
            aksi="impor",
            objek=impor,
            ringkasan=(
                f"Impor realisasi {nama_berkas}: {angka(len(hasil.baris))} baris, "
                f"{rupiah(hasil.total_nilai)}; {angka(len(hasil.dilewati))} baris sudah ada dilewati."
            ),
        )

    return impor_jalankan(
        pengguna=pengguna,
        pemetaan=pemetaan,
        dokumen=dokumen,
        berkas=berkas,
        nama_berkas=nama_berkas,
        periksa=realisasi_impor_periksa,
        tulis=tulis,
    )


_KOLOM_TULIS = (
    "dokumen_id",
    "akun_id",
    "tanggal",
    "nomor_sp2d",
    "nomor_spm",
    "uraian",
    "nilai",
    "asal",
    "impor_id",
    "pelampauan_alasan",
)


def _tulis_massal(*, impor: ImporRealisasi, baris: list[BarisImpor], pengguna) -> None:
    if not baris:
        return
    user_id = getattr(pengguna, "pk", None)
    if connection.vendor == "postgresql":
        kolom = list(_KOLOM_TULIS) + (["dibuat_oleh_id"] if user_id else [])
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        tambahan = [user_id] if user_id else []
        for b in baris:
            writer.writerow(
                [
                    impor.dokumen_id,
                    b.akun_id,
                    b.tanggal.isoformat(),
                    b.nomor_sp2d,
                    b.nomor_spm,
                    b.uraian,
                    str(b.nilai),
                    Realisasi.Asal.IMPOR.value,
                    impor.pk,
                    "",
                    *tambahan,
                ]
            )
        buffer.seek(0)
        tabel = connection.ops.quote_name(Realisasi._meta.db_table)
        daftar = ", ".join(connection.ops.quote_name(k) for k in kolom)
        with connection.cursor() as cursor:
            # Empty strings are written quoted by csv only when needed; FORCE_NOT_NULL keeps
            # the text columns '' instead of NULL.
            cursor.copy_expert(
                f"COPY {tabel} ({daftar}) FROM STDIN WITH (FORMAT csv, "
                "FORCE_NOT_NULL (nomor_spm, uraian, pelampauan_alasan))",
                buffer,
            )
        return
    Realisasi.objects.bulk_create(
        [
            Realisasi(
                dokumen_id=impor.dokumen_id,
                akun_id=b.akun_id,
                tanggal=b.tanggal,
                nomor_sp2d=b.nomor_sp2d,
                nomor_spm=b.nomor_spm,
                uraian=b.uraian,
                nilai=b.nilai,
                asal=Realisasi.Asal.IMPOR,
                impor=impor,
                dibuat_oleh_id=user_id,
            )
            for b in baris
        ],
        batch_size=1000,
    )
