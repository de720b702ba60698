"""Imports of applicants and the party-member list, and what every import shares (columns,
reading, row checks). Wilayah and TPS: ``impor_wilayah``; the bulk writer: ``penulis``.

Every import reads the whole file, checks every row and collects every problem as
``Kesalahan(baris, kolom, alasan)``; if there is any, it raises ``ImporGagal`` and writes
nothing. Otherwise it writes inside one transaction. Applicants and party members are written
in bulk (PostgreSQL ``COPY``; other databases batched ``executemany``), so a 200,000-row
applicant file or a 1,000,000-row SIPOL export takes seconds, not minutes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db import connection, transaction
from django.utils import timezone

from kpu_site.audit import jejak_catat
from kpu_site.formatting import angka
from kpu_site.impor import (
    ImporGagal,
    Kesalahan,
    baca_tabel,
    batas_baris_periksa,
    kesalahan_asal,
    parse_tanggal,
)

from ..models import AnggotaParpol, JenisBadan, Pendaftar, Pendidikan, Rekrutmen, Wilayah
from .impor_berkas import KolomBerkas
from .penulis import NULL_COPY, PenulisMassal, _teks_copy
from .versi import pendaftar_versi_naik

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
    sama: int = 0  # rows already stored with the same values: skipped ("sama, dilewati")

    @property
    def jumlah(self) -> int:
        return self.baru + self.diperbarui


def _buka(berkas, nama_berkas, kolom_wajib, *, rapikan: bool = True, pemetaan=None):
    tabel = baca_tabel(
        berkas,
        nama_berkas=nama_berkas,
        kolom_wajib=kolom_wajib,
        rapikan=rapikan,
        pemetaan=pemetaan,
    )
    posisi = [tabel.kolom.index(k) for k in kolom_wajib]
    return tabel, posisi


def _ambil(values: list[str], posisi: Sequence[int]) -> list[str]:
    n = len(values)
    return [values[i].strip() if i < n else "" for i in posisi]


def _gagal_bila_ada(kesalahan: list[Kesalahan], jumlah_baris: int, tabel=None) -> None:
    """``ImporGagal`` with every problem (named by the file's own columns under a profile)."""
    if not kesalahan and jumlah_baris == 0:
        kesalahan.append(Kesalahan(None, "", "berkas tidak berisi satu pun baris data."))
    if kesalahan:
        raise ImporGagal(kesalahan_asal(kesalahan, tabel.asal) if tabel else kesalahan)


def kode_lahir(tanggal: date, jenis_kelamin: str) -> str:
    """NIK digits 7–12 for a birth date and sex: DD (+40 for women), MM, YY."""
    hari = tanggal.day + (40 if jenis_kelamin == "P" else 0)
    return f"{hari:02d}{tanggal.month:02d}{tanggal.year % 100:02d}"


def _tanggal(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return parse_tanggal(text)


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
# The column lengths the fast path checks (from the model, like the slow path's messages).
_BATAS = {
    k: Pendaftar._meta.get_field(k).max_length
    for k in ("nik", "nama", "tempat_lahir", "kode_domisili", "alamat", "no_hp", "email")
}


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
    teks = {
        "nik": nik,
        "nama": nama,
        "tempat_lahir": tempat,
        "kode_domisili": kode_dom,
        "alamat": alamat,
        "no_hp": hp,
        "email": email,
    }
    salah.extend(batas_baris_periksa(Pendaftar, nomor, teks))
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
    if kode_tujuan not in tujuan:
        salah.append(
            Kesalahan(
                nomor,
                "kode_wilayah_tujuan",
                f"'{kode_tujuan}' bukan kode {tingkat} yang dikenal.",
            )
        )
    return salah


# The values a re-imported row is compared on, in this order (``_pendaftar_lama``).
_KOLOM_BANDING = (
    ("nama", "nama"),
    ("jenis_kelamin", "jenis kelamin"),
    ("tempat_lahir", "tempat lahir"),
    ("tanggal_lahir", "tanggal lahir"),
    ("pendidikan", "pendidikan"),
    ("kode_domisili", "kode domisili"),
    ("alamat", "alamat"),
    ("no_hp", "nomor HP"),
    ("email", "email"),
    ("kode_wilayah_tujuan", "wilayah tujuan"),
)


def _pendaftar_lama(rekrutmen: Rekrutmen, cek_berkas: KolomBerkas) -> dict[str, list[tuple]]:
    """The applicants already in ``rekrutmen``: NIK -> ``[(values, checklist), ...]`` with
    the values in ``_KOLOM_BANDING`` order as the import normalises a row (the wilayah as its
    id in text) and the checklist as ``KolomBerkas.baca`` reads the file's checklist columns
    (``(letters, reasons)``; empty when the file has none). Two queries (one without checklist
    columns), whatever the number of applicants."""
    lama: dict[str, list[tuple]] = {}
    rows = Pendaftar.objects.filter(rekrutmen=rekrutmen).values_list(
        "pk", "nik", "nama", "jenis_kelamin", "tempat_lahir", "tanggal_lahir", "pendidikan",
        "kode_domisili", "alamat", "no_hp", "email", "wilayah_tujuan_id",
    )  # fmt: skip
    daftar = cek_berkas.status_lama(rekrutmen_id=rekrutmen.pk) if cek_berkas else {}
    kosong = cek_berkas.kosong() if cek_berkas else ("", {})
    for pk, nik, *nilai, tujuan_id in rows:
        lama.setdefault(nik, []).append(((*nilai, str(tujuan_id)), daftar.get(pk, kosong)))
    return lama


def _pendaftar_banding(nomor, nik, nilai, berkas, lama, cek_berkas) -> Kesalahan | None:
    """``None`` when one stored applicant with ``nik`` has the row's values and checklist
    (the row is skipped); otherwise the error naming the first column that differs from the
    first stored one."""
    for nilai_lama, berkas_lama in lama:
        if nilai_lama == nilai and (not cek_berkas or berkas_lama == berkas):
            return None
    nilai_lama, berkas_lama = lama[0]
    if nilai_lama != nilai:
        kolom, label = next(
            k for k, a, b in zip(_KOLOM_BANDING, nilai, nilai_lama, strict=True) if a != b
        )
    else:
        kolom = label = cek_berkas.kolom_beda(berkas, berkas_lama)
    return Kesalahan(
        nomor,
        kolom,
        f"NIK {nik} sudah terdaftar di rekrutmen ini dengan {label} lain; "
        "pakai Ganti untuk mengganti.",
    )


def pendaftar_import(
    *,
    rekrutmen: Rekrutmen,
    berkas,
    nama_berkas: str,
    pengguna=None,
    ganti: bool = False,
    pemetaan=None,
) -> HasilImpor:
    """Applicants of ``rekrutmen`` from a CSV/XLSX with ``KOLOM_PENDAFTAR``.

    The NIK is stored as given (its validity is a screening result, not an import error);
    the wilayah applied for must be a kecamatan (PPK) or a desa/kelurahan (PPS, KPPS) of the
    imported wilayah; ``ganti`` replaces the recruitment's applicants instead of adding.
    Without ``ganti``, a row whose NIK is already an applicant of the recruitment with the same
    values (and checklist) is skipped (counted in ``sama``): re-importing a file, e.g. the
    "Unduh untuk impor ulang" export, changes nothing; with other values it is an error naming
    the row and column. A NIK twice inside one file is a screening result, as always.
    Optional checklist columns (one per item code, ``impor_berkas.KolomBerkas``) record the
    applicant's documents.

    Each row takes a fast path (a handful of dict look-ups and length checks, then one
    tab-separated line for ``COPY``); only a row that fails it goes through
    ``_pendaftar_periksa`` to name every column and reason.
    """
    # CSV cells unstripped: the fast path strips the cells it uses (half the work on
    # 200,000 rows)
    tabel, posisi = _buka(berkas, nama_berkas, KOLOM_PENDAFTAR, rapikan=False, pemetaan=pemetaan)
    baris_mentah = tabel.baris_list()
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
    b_nik, b_nama, b_tempat, b_dom, b_alamat, b_hp, b_email = _BATAS.values()
    i_nik, i_nama, i_jk, i_tmp, i_tgl, i_pend, i_dom, i_alm, i_hp, i_mail, i_tuj = posisi
    lebar = max(posisi) + 1
    dibaca = [0]
    cek_berkas = KolomBerkas(rekrutmen=rekrutmen, kolom=tabel.kolom)
    ada_berkas = bool(cek_berkas)  # a local flag: checked once per row
    # one query for the applicants already there; a dict look-up per row (none when empty)
    lama = {} if ganti else _pendaftar_lama(rekrutmen, cek_berkas)
    ada_lama = bool(lama)
    sama = [0]

    def baris():
        b_huruf, b_alasan, b_salah = "", {}, []
        for nomor, values in baris_mentah:
            dibaca[0] += 1
            if len(values) < lebar:
                values = values + [""] * (lebar - len(values))
            if ada_berkas:
                b_huruf, b_alasan, b_salah = cek_berkas.baca(nomor, values)
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
                and len(nik) <= b_nik
                and len(nama) <= b_nama
                and len(tempat) <= b_tempat
                and len(kode_dom) <= b_dom
                and len(alamat) <= b_alamat
                and len(hp) <= b_hp
                and len(email) <= b_email
            ):
                row = _ambil(values, posisi)
                salah = _pendaftar_periksa(nomor, row, tujuan=tujuan, tingkat=tingkat)
                if salah:
                    kesalahan.extend(salah)
                    kesalahan.extend(b_salah)
                    continue
                # a form the fast path does not take (e.g. 17/10/1990, "Laki-laki"): normalise
                jk = JENIS_KELAMIN[row[2].upper()]
                pend = row[5].upper()
                lahir = _tanggal(row[4])
                tujuan_id = tujuan_teks[row[10]]
            if b_salah:
                kesalahan.extend(b_salah)
                continue
            if ada_lama and nik in lama:
                beda = _pendaftar_banding(
                    nomor,
                    nik,
                    (nama, jk, tempat, lahir, pend, kode_dom, alamat, hp, email, tujuan_id),
                    (b_huruf, b_alasan),
                    lama[nik],
                    cek_berkas,
                )
                if beda is None:
                    sama[0] += 1
                else:
                    kesalahan.append(beda)
                continue
            if kesalahan:
                continue  # nothing will be written: only keep checking
            if ada_berkas:
                cek_berkas.simpan(b_huruf, b_alasan)
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
        if cek_berkas:  # no other import of this recruitment between our ids
            Rekrutmen.objects.select_for_update().filter(pk=rid).first()
        if ganti:
            Pendaftar.objects.filter(rekrutmen=rekrutmen).delete()
        id_terakhir = cek_berkas.id_terakhir() if cek_berkas else 0
        jumlah = penulis.tulis_aliran(baris())
        _gagal_bila_ada(kesalahan, dibaca[0], tabel)  # raises inside the transaction: rolled back
        if cek_berkas:
            cek_berkas.tulis(
                rekrutmen_id=rid, setelah_id=id_terakhir, pengguna=pengguna, sekarang=sekarang
            )
        if jumlah or ganti:  # every row already there: the screening stays as it is
            Rekrutmen.objects.filter(pk=rid).update(diseleksi_pada=None)
            pendaftar_versi_naik(rekrutmen_ids=[rid])
        jejak_catat(
            pengguna=pengguna,
            aksi="impor",
            objek=rekrutmen,
            ringkasan=f"Impor pendaftar {nama_berkas}: {angka(jumlah)} baris"
            + (f", {angka(sama[0])} sama, dilewati" if sama[0] else "")
            + (" (mengganti data lama)" if ganti else ""),
        )
    return HasilImpor(baru=jumlah, sama=sama[0])


def _parpol_periksa(nomor, nik, nama, partai) -> list[Kesalahan]:
    """Every problem of one party-member row (the slow, detailed path)."""
    salah = []
    if not nik:
        salah.append(Kesalahan(nomor, "nik", "kosong."))
    if not partai:
        salah.append(Kesalahan(nomor, "partai", "kosong."))
    salah.extend(
        batas_baris_periksa(AnggotaParpol, nomor, {"nik": nik, "nama": nama, "partai": partai})
    )
    return salah


def anggota_parpol_import(*, berkas, nama_berkas: str, pengguna=None, pemetaan=None) -> HasilImpor:
    """Replace the party-member list with a SIPOL export (``nik,nama,partai``).

    Each row takes a fast path (three strips and length checks, one ``COPY`` line with its id);
    only a row that fails it goes through ``_parpol_periksa`` to name every column and reason.
    PostgreSQL loads the table without its indexes and rebuilds them (``ganti_semua``)."""
    tabel, posisi = _buka(berkas, nama_berkas, KOLOM_PARPOL, rapikan=False, pemetaan=pemetaan)
    kesalahan: list[Kesalahan] = []
    postgres = connection.vendor == "postgresql"
    penulis = PenulisMassal(
        AnggotaParpol, ("id", "nik", "nama", "partai") if postgres else ("nik", "nama", "partai")
    )
    b_nik, b_nama, b_partai = (
        AnggotaParpol._meta.get_field(k).max_length for k in ("nik", "nama", "partai")
    )
    i_nik, i_nama, i_partai = posisi
    lebar = max(posisi) + 1
    dibaca = [0]

    def baris():
        n = 0
        for nomor, values in tabel.baris_list():
            n += 1
            if len(values) < lebar:
                values = values + [""] * (lebar - len(values))
            nik = values[i_nik].strip()
            nama = values[i_nama].strip()
            partai = values[i_partai].strip()
            if not (
                nik and partai and len(nik) <= b_nik and len(nama) <= b_nama
                and len(partai) <= b_partai
            ):  # fmt: skip
                salah = _parpol_periksa(nomor, nik, nama, partai)
                if salah:
                    kesalahan.extend(salah)
                    continue
            if kesalahan:
                continue  # nothing will be written: only keep checking
            if postgres:
                teks = nik + nama + partai
                if "\\" in teks or "\t" in teks or "\n" in teks or "\r" in teks:
                    nik, nama, partai = _teks_copy(nik), _teks_copy(nama), _teks_copy(partai)
                yield f"{n}\t{nik}\t{nama}\t{partai}\n"
            else:
                yield (nik, nama, partai)
        dibaca[0] = n

    with transaction.atomic():
        jumlah = penulis.ganti_semua(baris())
        _gagal_bila_ada(kesalahan, dibaca[0], tabel)  # raises inside the transaction: rolled back
        jejak_catat(
            pengguna=pengguna,
            aksi="impor",
            ringkasan=f"Impor anggota parpol (SIPOL) {nama_berkas}: {angka(jumlah)} baris",
        )
    return HasilImpor(baru=jumlah)
