"""Imports: wilayah, TPS, applicants and the party-member list.

Every import reads the whole file, checks every row and collects every problem as
``Kesalahan(baris, kolom, alasan)``; if there is any, it raises ``ImporGagal`` and writes
nothing. Otherwise it writes inside one transaction. Applicants and party members are written
in bulk (PostgreSQL ``COPY``; other databases batched ``executemany``), so a 200,000-row
applicant file or a 1,000,000-row SIPOL export takes seconds, not minutes.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from kpu_site.audit import jejak_catat
from kpu_site.impor import (
    ImporGagal,
    Kesalahan,
    _dekode,
    baca_tabel,
    parse_angka_id,
    parse_tanggal,
)

from ..models import TPS, AnggotaParpol, JenisBadan, Pendaftar, Pendidikan, Rekrutmen, Wilayah

KOLOM_WILAYAH = ("kode", "nama", "jenis", "kode_induk")
KOLOM_TPS = ("kode_kelurahan", "nomor", "jumlah_dpt")
KOLOM_PENDAFTAR = (
    "nik",
    "nama",
    "jenis_kelamin",
    "tempat_lahir",
    "tanggal_lahir",
    "pendidikan",
    "kode_domisili",
    "alamat",
    "no_hp",
    "email",
    "kode_wilayah_tujuan",
)
KOLOM_PARPOL = ("nik", "nama", "partai")

JENIS_KELAMIN = {"L": "L", "P": "P", "LAKI-LAKI": "L", "LAKI LAKI": "L", "PEREMPUAN": "P"}
PENDIDIKAN = frozenset(Pendidikan.values)


@dataclass(frozen=True)
class HasilImpor:
    baru: int
    diperbarui: int = 0

    @property
    def jumlah(self) -> int:
        return self.baru + self.diperbarui


def _buka(berkas, nama_berkas, kolom_wajib):
    tabel = baca_tabel(berkas, nama_berkas=nama_berkas, kolom_wajib=kolom_wajib)
    posisi = [tabel.kolom.index(k) for k in kolom_wajib]
    return tabel, posisi


def _ambil(values: list[str], posisi: Sequence[int]) -> list[str]:
    n = len(values)
    return [values[i].strip() if i < n else "" for i in posisi]


def _isi_berkas(berkas) -> bytes:
    if isinstance(berkas, bytes):
        return berkas
    if hasattr(berkas, "read"):
        berkas.seek(0)
        return berkas.read()
    with open(berkas, "rb") as fh:
        return fh.read()


def _baris_mentah(data: bytes, nama_berkas: str, tabel):
    """Rows as ``(nomor, cells)`` for a large import. For a CSV this reads the text again with
    the same decoding, separator and numbering as ``kpu_site.impor`` but leaves the cells
    unstripped (the caller strips the cells it uses: half the work on 200,000 rows); an XLSX
    goes through ``tabel`` as usual."""
    if data.startswith(b"PK\x03\x04") or nama_berkas.lower().endswith((".xlsx", ".xlsm")):
        return tabel.baris_list()
    text = _dekode(data)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    next(reader, None)

    def rows():
        for nomor, row in enumerate(reader, start=2):
            if not "".join(row).strip():
                continue
            yield nomor, row

    return rows()


def _gagal_bila_ada(kesalahan: list[Kesalahan], jumlah_baris: int) -> None:
    if not kesalahan and jumlah_baris == 0:
        kesalahan.append(Kesalahan(None, "", "berkas tidak berisi satu pun baris data."))
    if kesalahan:
        raise ImporGagal(kesalahan)


def kode_lahir(tanggal: date, jenis_kelamin: str) -> str:
    """NIK digits 7–12 for a birth date and sex: DD (+40 for women), MM, YY."""
    hari = tanggal.day + (40 if jenis_kelamin == "P" else 0)
    return f"{hari:02d}{tanggal.month:02d}{tanggal.year % 100:02d}"


def _tanggal(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return parse_tanggal(text)


# --------------------------------------------------------------------------- bulk writer


NULL_COPY = r"\N"


def _teks_copy(value) -> str:
    if value is None:
        return NULL_COPY
    if value is True:
        return "t"
    if value is False:
        return "f"
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = (
            text.replace("\\", "\\\\")
            .replace("\t", "\\t")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
    return text


class _Aliran:
    """A read-only text file over an iterator of ``COPY`` lines (for ``copy_expert``)."""

    def __init__(self, rows: Iterable):
        self._it = iter(rows)
        self._sisa = ""
        self.jumlah = 0

    def iterator(self):
        for row in self._it:
            self.jumlah += 1
            yield row

    def read(self, size: int = -1) -> str:
        parts = [self._sisa]
        n = len(self._sisa)
        for line in self._it:
            self.jumlah += 1
            parts.append(line)
            n += len(line)
            if 0 < size <= n:
                break
        data = "".join(parts)
        if 0 < size < len(data):
            self._sisa = data[size:]
            return data[:size]
        self._sisa = ""
        return data

    def readline(self, size: int = -1) -> str:  # pragma: no cover - psycopg2 uses read()
        return self.read(size)


class PenulisMassal:
    """Collects rows for one table and writes them in bulk: ``COPY`` on PostgreSQL (rows kept
    as a compact text buffer), batched ``executemany`` elsewhere."""

    BATCH = 5000

    def __init__(self, model, kolom: Sequence[str]):
        self.table = model._meta.db_table
        self.kolom = list(kolom)
        self.postgres = connection.vendor == "postgresql"
        self.jumlah = 0
        self._buffer = io.StringIO() if self.postgres else None
        self._rows: list[tuple] = []

    def tambah_teks(self, line: str) -> None:
        """A ready ``COPY`` text line (PostgreSQL only; values already escaped)."""
        self.jumlah += 1
        self._buffer.write(line)

    def tambah(self, row: Sequence) -> None:
        self.jumlah += 1
        if self.postgres:
            self._buffer.write("\t".join(_teks_copy(v) for v in row))
            self._buffer.write("\n")
        else:
            self._rows.append(tuple(row))

    def tulis_aliran(self, rows: Iterable) -> int:
        """Write rows while they are produced: on PostgreSQL the ``COPY`` consumes text lines
        as the caller's generator yields them, so the server inserts on one core while Python
        parses the next rows on the other. The caller raises inside its transaction if the
        input turns out bad, which rolls the rows back."""
        qn = connection.ops.quote_name
        cols = ", ".join(qn(k) for k in self.kolom)
        aliran = _Aliran(rows)
        with connection.cursor() as cursor:
            if self.postgres:
                cursor.cursor.copy_expert(
                    f"COPY {qn(self.table)} ({cols}) FROM STDIN", aliran, size=1 << 16
                )
                # Fresh planner statistics: the set-based screening right after an import must
                # not be planned for the table as it was before thousands of rows arrived.
                cursor.execute(f"ANALYZE {qn(self.table)}")
            else:
                marks = ", ".join(["%s"] * len(self.kolom))
                sql = f"INSERT INTO {qn(self.table)} ({cols}) VALUES ({marks})"  # noqa: S608
                rows_iter = aliran.iterator()
                while batch := list(itertools.islice(rows_iter, self.BATCH)):
                    cursor.executemany(sql, batch)
        self.jumlah += aliran.jumlah
        return self.jumlah

    def tulis(self) -> int:
        qn = connection.ops.quote_name
        cols = ", ".join(qn(k) for k in self.kolom)
        with connection.cursor() as cursor:
            if self.postgres:
                self._buffer.seek(0)
                cursor.cursor.copy_expert(
                    f"COPY {qn(self.table)} ({cols}) FROM STDIN", self._buffer
                )
                cursor.execute(f"ANALYZE {qn(self.table)}")
                self._buffer = io.StringIO()
            else:
                marks = ", ".join(["%s"] * len(self.kolom))
                sql = f"INSERT INTO {qn(self.table)} ({cols}) VALUES ({marks})"  # noqa: S608
                for start in range(0, len(self._rows), self.BATCH):
                    cursor.executemany(sql, self._rows[start : start + self.BATCH])
                self._rows = []
        return self.jumlah


# --------------------------------------------------------------------------- wilayah / TPS


@transaction.atomic
def wilayah_import(*, berkas, nama_berkas: str, pengguna=None) -> HasilImpor:
    """Kecamatan and desa/kelurahan from ``kode,nama,jenis,kode_induk``; existing codes are
    updated. A kecamatan's ``kode_induk`` (the regency/city) is kept as given."""
    tabel, posisi = _buka(berkas, nama_berkas, KOLOM_WILAYAH)
    kesalahan: list[Kesalahan] = []
    rows: dict[str, tuple[int, str, str, str]] = {}
    jenis_sah = set(Wilayah.Jenis.values)
    n = 0
    for nomor, values in tabel.baris_list():
        n += 1
        kode, nama, jenis, induk = _ambil(values, posisi)
        jenis = jenis.lower()
        if not kode:
            kesalahan.append(Kesalahan(nomor, "kode", "kosong."))
        elif len(kode) > 20:
            kesalahan.append(Kesalahan(nomor, "kode", "lebih dari 20 karakter."))
        elif kode in rows:
            kesalahan.append(
                Kesalahan(nomor, "kode", f"{kode} sudah ada di baris {rows[kode][0]}.")
            )
        if not nama:
            kesalahan.append(Kesalahan(nomor, "nama", "kosong."))
        if jenis not in jenis_sah:
            kesalahan.append(
                Kesalahan(nomor, "jenis", f"'{jenis}' bukan kecamatan, kelurahan, atau desa.")
            )
        if not induk:
            kesalahan.append(Kesalahan(nomor, "kode_induk", "kosong."))
        if kode and kode not in rows:
            rows[kode] = (nomor, nama[:100], jenis, induk)
    ada = {w.kode: w for w in Wilayah.objects.all()}
    kecamatan_kode = {k for k, r in rows.items() if r[2] == "kecamatan"} | {
        k for k, w in ada.items() if w.jenis == "kecamatan" and k not in rows
    }
    for nomor, _nama, jenis, induk in rows.values():
        if jenis in ("kelurahan", "desa") and induk and induk not in kecamatan_kode:
            kesalahan.append(
                Kesalahan(
                    nomor, "kode_induk", f"kecamatan {induk} tidak ada di berkas maupun data."
                )
            )
    _gagal_bila_ada(kesalahan, n)

    baru = diperbarui = 0
    for tingkat in (("kecamatan",), ("kelurahan", "desa")):
        ids = {w.kode: w.pk for w in Wilayah.objects.filter(jenis="kecamatan")}
        buat, ubah = [], []
        for kode, (_nomor, nama, jenis, induk) in rows.items():
            if jenis not in tingkat:
                continue
            induk_id = None if jenis == "kecamatan" else ids[induk]
            if kode in ada:
                w = ada[kode]
                if (w.nama, w.jenis, w.kode_induk, w.induk_id) != (nama, jenis, induk, induk_id):
                    w.nama, w.jenis, w.kode_induk, w.induk_id = nama, jenis, induk, induk_id
                    ubah.append(w)
            else:
                buat.append(
                    Wilayah(kode=kode, nama=nama, jenis=jenis, kode_induk=induk, induk_id=induk_id)
                )
        Wilayah.objects.bulk_create(buat, batch_size=2000)
        Wilayah.objects.bulk_update(ubah, ["nama", "jenis", "kode_induk", "induk"], batch_size=2000)
        baru += len(buat)
        diperbarui += len(ubah)
    jejak_catat(
        pengguna=pengguna,
        aksi="impor",
        ringkasan=f"Impor wilayah {nama_berkas}: {baru} baru, {diperbarui} diperbarui",
    )
    return HasilImpor(baru=baru, diperbarui=diperbarui)


def _bilangan_bulat(text: str) -> int:
    nilai = parse_angka_id(text)
    if nilai != nilai.to_integral_value() or nilai < 0:
        raise ValueError(f"'{text}' harus bilangan bulat tidak negatif.")
    return int(nilai)


@transaction.atomic
def tps_import(*, berkas, nama_berkas: str, pengguna=None) -> HasilImpor:
    """TPS from ``kode_kelurahan,nomor,jumlah_dpt``; an existing TPS gets its DPT updated."""
    tabel, posisi = _buka(berkas, nama_berkas, KOLOM_TPS)
    kelurahan = dict(Wilayah.objects.exclude(jenis="kecamatan").values_list("kode", "pk"))
    kesalahan: list[Kesalahan] = []
    rows: dict[tuple[int, int], tuple[int, int]] = {}
    n = 0
    for nomor_baris, values in tabel.baris_list():
        n += 1
        kode, nomor_txt, dpt_txt = _ambil(values, posisi)
        kel_id = kelurahan.get(kode)
        if kel_id is None:
            kesalahan.append(
                Kesalahan(nomor_baris, "kode_kelurahan", f"desa/kelurahan {kode!r} tidak dikenal.")
            )
        try:
            nomor = _bilangan_bulat(nomor_txt)
            if nomor == 0:
                raise ValueError("nomor TPS dimulai dari 1.")
        except ValueError as exc:
            kesalahan.append(Kesalahan(nomor_baris, "nomor", str(exc)))
            nomor = None
        try:
            dpt = _bilangan_bulat(dpt_txt)
        except ValueError as exc:
            kesalahan.append(Kesalahan(nomor_baris, "jumlah_dpt", str(exc)))
            dpt = None
        if kel_id is not None and nomor is not None and dpt is not None:
            if (kel_id, nomor) in rows:
                kesalahan.append(
                    Kesalahan(
                        nomor_baris,
                        "nomor",
                        f"TPS {nomor} di {kode} sudah ada di baris {rows[(kel_id, nomor)][0]}.",
                    )
                )
            else:
                rows[(kel_id, nomor)] = (nomor_baris, dpt)
    _gagal_bila_ada(kesalahan, n)
    ada = {(t.kelurahan_id, t.nomor): t for t in TPS.objects.all()}
    buat, ubah = [], []
    for (kel_id, nomor), (_b, dpt) in rows.items():
        tps = ada.get((kel_id, nomor))
        if tps is None:
            buat.append(TPS(kelurahan_id=kel_id, nomor=nomor, jumlah_dpt=dpt))
        elif tps.jumlah_dpt != dpt:
            tps.jumlah_dpt = dpt
            ubah.append(tps)
    TPS.objects.bulk_create(buat, batch_size=5000)
    TPS.objects.bulk_update(ubah, ["jumlah_dpt"], batch_size=5000)
    jejak_catat(
        pengguna=pengguna,
        aksi="impor",
        ringkasan=f"Impor TPS {nama_berkas}: {len(buat)} baru, {len(ubah)} diperbarui",
    )
    return HasilImpor(baru=len(buat), diperbarui=len(ubah))


# --------------------------------------------------------------------------- applicants

_KOLOM_TULIS_PENDAFTAR = (
    "rekrutmen_id",
    "nik",
    "nama",
    "jenis_kelamin",
    "tempat_lahir",
    "tanggal_lahir",
    "pendidikan",
    "kode_domisili",
    "domisili_id",
    "alamat",
    "no_hp",
    "email",
    "wilayah_tujuan_id",
    "kode_lahir",
    "status_administrasi",
    "tms_nik_tidak_valid",
    "tms_nik_ganda",
    "tms_usia_kurang",
    "tms_pendidikan_kurang",
    "tms_domisili_di_luar_wilayah",
    "tms_anggota_parpol",
    "peringatan_usia_lebih_55",
    "koreksi_status",
    "koreksi_alasan",
    "dipanggil_wawancara",
    "hasil_akhir",
    "dibuat_pada",
)
_BATAS = {"nik": 32, "nama": 150, "tempat_lahir": 100, "alamat": 255, "no_hp": 20, "email": 254}


def _wilayah_tujuan_sah(rekrutmen: Rekrutmen) -> dict[str, int]:
    qs = Wilayah.objects.all()
    if rekrutmen.jenis_badan == JenisBadan.PPK:
        qs = qs.filter(jenis="kecamatan")
    else:
        qs = qs.exclude(jenis="kecamatan")
    return dict(qs.values_list("kode", "pk"))


def _pendaftar_periksa(nomor, row, *, tujuan, tingkat) -> list[Kesalahan]:
    """Every problem of one applicant row (the slow, detailed path)."""
    nik, nama, jk, tempat, tgl, pend, kode_dom, alamat, hp, email, kode_tujuan = row
    salah = []
    for kolom, nilai in (("nik", nik), ("nama", nama), ("tempat_lahir", tempat)):
        if not nilai:
            salah.append(Kesalahan(nomor, kolom, "kosong."))
    for kolom, nilai in (
        ("nik", nik),
        ("nama", nama),
        ("tempat_lahir", tempat),
        ("alamat", alamat),
        ("no_hp", hp),
        ("email", email),
    ):
        if len(nilai) > _BATAS[kolom]:
            salah.append(Kesalahan(nomor, kolom, f"lebih dari {_BATAS[kolom]} karakter."))
    if JENIS_KELAMIN.get(jk.upper()) is None:
        salah.append(Kesalahan(nomor, "jenis_kelamin", f"'{jk}' bukan L atau P."))
    try:
        _tanggal(tgl)
    except ValueError as exc:
        salah.append(Kesalahan(nomor, "tanggal_lahir", str(exc)))
    if pend.upper() not in PENDIDIKAN:
        salah.append(
            Kesalahan(
                nomor,
                "pendidikan",
                f"'{pend}' bukan salah satu dari SD, SMP, SMA, D1, D2, D3, S1, S2, S3.",
            )
        )
    if not kode_dom:
        salah.append(Kesalahan(nomor, "kode_domisili", "kosong."))
    elif len(kode_dom) > 20:
        salah.append(Kesalahan(nomor, "kode_domisili", "lebih dari 20 karakter."))
    if kode_tujuan not in tujuan:
        salah.append(
            Kesalahan(
                nomor,
                "kode_wilayah_tujuan",
                f"'{kode_tujuan}' bukan kode {tingkat} yang dikenal.",
            )
        )
    return salah


def pendaftar_import(
    *, rekrutmen: Rekrutmen, berkas, nama_berkas: str, pengguna=None, ganti: bool = False
) -> HasilImpor:
    """Applicants of ``rekrutmen`` from a CSV/XLSX with ``KOLOM_PENDAFTAR``.

    The NIK is stored as given (its validity is a screening result, not an import error);
    the wilayah applied for must be a kecamatan (PPK) or a desa/kelurahan (PPS, KPPS) of the
    imported wilayah; ``ganti`` replaces the recruitment's applicants instead of adding.

    Each row takes a fast path (a handful of dict look-ups and length checks, then one
    tab-separated line for ``COPY``); only a row that fails it goes through
    ``_pendaftar_periksa`` to name every column and reason.
    """
    data = _isi_berkas(berkas)
    tabel, posisi = _buka(data, nama_berkas, KOLOM_PENDAFTAR)
    baris_mentah = _baris_mentah(data, nama_berkas, tabel)
    del data
    tujuan = _wilayah_tujuan_sah(rekrutmen)
    tingkat = "kecamatan" if rekrutmen.jenis_badan == JenisBadan.PPK else "desa/kelurahan"
    domisili = {
        k: str(v) for k, v in Wilayah.objects.exclude(jenis="kecamatan").values_list("kode", "pk")
    }
    tujuan_teks = {k: str(v) for k, v in tujuan.items()}
    jk_map = {k: v for k, v in JENIS_KELAMIN.items()} | {
        k.lower(): v for k, v in JENIS_KELAMIN.items()
    }
    pend_map = {p: p for p in PENDIDIKAN} | {p.lower(): p for p in PENDIDIKAN}
    kesalahan: list[Kesalahan] = []
    penulis = PenulisMassal(Pendaftar, _KOLOM_TULIS_PENDAFTAR)
    postgres = penulis.postgres
    sekarang = timezone.now()
    rid = rekrutmen.pk
    # status, six reasons, warning, koreksi_status, koreksi_alasan, dipanggil, hasil, dibuat
    akhir_copy = "\tbelum\tf\tf\tf\tf\tf\tf\tf\t\t\tf\t\t" + sekarang.isoformat() + "\n"
    akhir_tuple = ("belum", *([False] * 7), "", "", False, "", sekarang)
    fromiso = date.fromisoformat
    i_nik, i_nama, i_jk, i_tmp, i_tgl, i_pend, i_dom, i_alm, i_hp, i_mail, i_tuj = posisi
    lebar = max(posisi) + 1
    dibaca = [0]

    def baris():
        for nomor, values in baris_mentah:
            dibaca[0] += 1
            if len(values) < lebar:
                values = values + [""] * (lebar - len(values))
            nik = values[i_nik].strip()
            nama = values[i_nama].strip()
            tempat = values[i_tmp].strip()
            kode_dom = values[i_dom].strip()
            alamat = values[i_alm].strip()
            hp = values[i_hp].strip()
            email = values[i_mail].strip()
            jk = jk_map.get(values[i_jk].strip())
            pend = pend_map.get(values[i_pend].strip())
            tujuan_id = tujuan_teks.get(values[i_tuj].strip())
            try:
                lahir = fromiso(values[i_tgl].strip())
            except ValueError:
                lahir = None
            if not (
                jk
                and pend
                and tujuan_id
                and lahir
                and nik
                and nama
                and tempat
                and kode_dom
                and len(nik) <= 32
                and len(nama) <= 150
                and len(tempat) <= 100
                and len(kode_dom) <= 20
                and len(alamat) <= 255
                and len(hp) <= 20
                and len(email) <= 254
            ):
                row = _ambil(values, posisi)
                salah = _pendaftar_periksa(nomor, row, tujuan=tujuan, tingkat=tingkat)
                if salah:
                    kesalahan.extend(salah)
                    continue
                # a form the fast path does not take (e.g. 17/10/1990, "Laki-laki"): normalise
                jk = JENIS_KELAMIN[row[2].upper()]
                pend = row[5].upper()
                lahir = _tanggal(row[4])
                tujuan_id = tujuan_teks[row[10]]
            if kesalahan:
                continue  # nothing will be written: only keep checking
            hari = lahir.day + 40 if jk == "P" else lahir.day
            kl = f"{hari:02d}{lahir.month:02d}{lahir.year % 100:02d}"
            if postgres:
                dom_id = domisili.get(kode_dom, NULL_COPY)
                teks = nik + nama + tempat + kode_dom + alamat + hp + email
                if "\\" in teks or "\t" in teks or "\n" in teks or "\r" in teks:
                    nik, nama, tempat, kode_dom, alamat, hp, email = (
                        _teks_copy(v) for v in (nik, nama, tempat, kode_dom, alamat, hp, email)
                    )
                yield (
                    f"{rid}\t{nik}\t{nama}\t{jk}\t{tempat}\t{lahir.isoformat()}\t{pend}\t"
                    f"{kode_dom}\t{dom_id}\t{alamat}\t{hp}\t"
                    f"{email}\t{tujuan_id}\t{kl}{akhir_copy}"
                )
            else:
                dom = domisili.get(kode_dom)
                yield (
                    (
                        rid, nik, nama, jk, tempat, lahir, pend, kode_dom,
                        int(dom) if dom else None,
                        alamat, hp, email, int(tujuan_id), kl, *akhir_tuple,
                    )
                )  # fmt: skip

    with transaction.atomic():
        if ganti:
            Pendaftar.objects.filter(rekrutmen=rekrutmen).delete()
        jumlah = penulis.tulis_aliran(baris())
        _gagal_bila_ada(kesalahan, dibaca[0])  # raises inside the transaction: rolled back
        Rekrutmen.objects.filter(pk=rid).update(
            diseleksi_pada=None, pendaftar_versi=F("pendaftar_versi") + 1
        )
        jejak_catat(
            pengguna=pengguna,
            aksi="impor",
            objek=rekrutmen,
            ringkasan=f"Impor pendaftar {nama_berkas}: {jumlah} baris"
            + (" (mengganti data lama)" if ganti else ""),
        )
    return HasilImpor(baru=jumlah)


def anggota_parpol_import(*, berkas, nama_berkas: str, pengguna=None) -> HasilImpor:
    """Replace the party-member list with a SIPOL export (``nik,nama,partai``)."""
    tabel, posisi = _buka(berkas, nama_berkas, KOLOM_PARPOL)
    kesalahan: list[Kesalahan] = []
    penulis = PenulisMassal(AnggotaParpol, ("nik", "nama", "partai"))
    postgres = penulis.postgres
    dibaca = [0]

    def baris():
        for nomor, values in tabel.baris_list():
            dibaca[0] += 1
            nik, nama, partai = _ambil(values, posisi)
            if not nik or len(nik) > 32:
                kesalahan.append(
                    Kesalahan(nomor, "nik", "kosong." if not nik else "lebih dari 32 karakter.")
                )
            if not partai:
                kesalahan.append(Kesalahan(nomor, "partai", "kosong."))
            if kesalahan:
                continue
            nama, partai = nama[:150], partai[:100]
            if postgres:
                teks = nik + nama + partai
                if "\\" in teks or "\t" in teks or "\n" in teks or "\r" in teks:
                    nik, nama, partai = _teks_copy(nik), _teks_copy(nama), _teks_copy(partai)
                yield f"{nik}\t{nama}\t{partai}\n"
            else:
                yield (nik, nama, partai)

    with transaction.atomic():
        if postgres:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"TRUNCATE {connection.ops.quote_name(AnggotaParpol._meta.db_table)}"
                )
        else:
            AnggotaParpol.objects.all().delete()
        jumlah = penulis.tulis_aliran(baris())
        _gagal_bila_ada(kesalahan, dibaca[0])  # raises inside the transaction: rolled back
        jejak_catat(
            pengguna=pengguna,
            aksi="impor",
            ringkasan=f"Impor anggota parpol (SIPOL) {nama_berkas}: {jumlah} baris",
        )
    return HasilImpor(baru=jumlah)


def kesalahan_teks(kesalahan: Iterable[Kesalahan], batas: int = 50) -> list[str]:
    daftar = list(kesalahan)
    teks = [str(k) for k in daftar[:batas]]
    if len(daftar) > batas:
        teks.append(f"... dan {len(daftar) - batas} kesalahan lain.")
    return teks
