"""Importing UP/TUP movements and SPM dispensations (CSV or XLSX), as the realisasi import does:
the same reading (``kpu_site.impor``: encodings, size and row limits, XLSX checks), the same
steps (``impor.berkas_periksa``, ``impor.impor_jalankan``), every problem as "Baris N, kolom K",
and every row written or none.

UP/TUP columns (by name): ``jenis`` (UP, GUP, TUP, PTUP, SETOR_TUP, SETOR_UP; any case),
``nomor``, ``tanggal``, ``nilai``; optional ``nomor_tup`` (or ``tup``) (the TUP a PTUP/SETOR_TUP settles:
its nomor, in the same file or already recorded), ``batas_waktu`` (TUP only; empty: one month
after its date) and ``keterangan``. Each row is checked on its own
(``services_up.mutasi_isian_periksa``), then the register's rules run over the recorded
movements and the file's rows together, in date order (``services_up.register_periksa``), so a
PTUP may follow its TUP in the same file, whatever the order of the rows.

Dispensation columns: ``nomor`` (or ``nomor_surat``), ``tanggal``, ``jumlah_spm``, ``alasan``.

The register's and the dispensation list's own Excel downloads go back in unchanged (the title
row skipped, "Setoran TUP" read as SETOR_TUP, the computed columns ignored).

A row already recorded (same jenis and nomor) with the same values is skipped, so importing a
file again changes nothing; with other values it is an error naming the column. A PTUP/return
after its TUP's deadline is imported and listed as a warning ("terlambat"). One audit entry per
import; each row keeps its history row.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from kpu_site.audit import jejak_catat, jejak_gabung
from kpu_site.formatting import angka, rupiah
from kpu_site.impor import Kesalahan, batas_baris_periksa, parse_angka_id

from .impor import BERKAS_TANPA_BARIS, berkas_periksa, impor_jalankan, sel_nilai, sel_tanggal
from .models import DispensasiSpm, DokumenAnggaran, MutasiUp
from .selectors.up import (
    JENIS_PENYELESAIAN,
    SINGKAT,
    URUTAN_JENIS,
    batas_tup_compute,
    jenis_singkat,
    penyelesaian_terlambat,
    pesan_terlambat,
    tanggal_dmy,
)
from .services_up import (
    Gerak,
    dispensasi_isian_periksa,
    mutasi_isian_periksa,
    register_periksa,
)

J = MutasiUp.Jenis
KOLOM_UP = ("jenis", "nomor", "tanggal", "nilai")
KOLOM_DISPENSASI = ("nomor", "tanggal", "jumlah_spm", "alasan")
# a service's field -> the import's column
KOLOM_DARI_FIELD = {"tup": "nomor_tup"}
# The register's and the dispensation list's Excel columns (views/up.py) that name an import
# column differently: the export goes back into the import unchanged
ALIAS_UP = {"tup": "nomor_tup"}
ALIAS_DISPENSASI = {"nomor_surat": "nomor"}
# The register writes the short names ("Setoran TUP"): read back as the kinds they are
JENIS_DARI_SINGKAT = {str(s).lower(): j for j, s in SINGKAT.items()}


@dataclass(slots=True)
class BarisMutasi:
    nomor_baris: int
    jenis: str
    nomor: str
    tanggal: date
    nilai: Decimal
    nomor_tup: str
    batas_waktu: date | None
    keterangan: str

    @property
    def jenis_teks(self) -> str:
        return jenis_singkat(self.jenis)


@dataclass(slots=True)
class BarisDispensasi:
    nomor_baris: int
    nomor: str
    tanggal: date
    jumlah_spm: int
    alasan: str


@dataclass
class HasilImporUp:
    """What an import found: the rows to write, the rows already recorded (skipped), the
    problems (nothing is written while there is one) and the warnings (late PTUP/returns)."""

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
    def total_nilai(self) -> Decimal | None:
        """The amounts of the rows to write (UP/TUP; ``None`` for dispensations)."""
        if self.baris and not isinstance(self.baris[0], BarisMutasi):
            return None
        return sum((b.nilai for b in self.baris), Decimal("0"))


def _beda(nomor: int, kolom: str, nama: str, lama, baru, teks=str) -> Kesalahan:
    return Kesalahan(
        nomor,
        kolom,
        f"{nama} sudah tercatat dengan {kolom} {teks(lama)}, berbeda dari {teks(baru)}.",
    )


# --- UP/TUP -----------------------------------------------------------------------------------


def mutasi_up_impor_periksa(
    *, dokumen: DokumenAnggaran, berkas, nama_berkas: str, pemetaan=None
) -> HasilImporUp:
    """Read and check every row; nothing is written."""
    hasil = HasilImporUp(dokumen=dokumen, nama_berkas=nama_berkas)
    berkas_periksa(
        hasil,
        berkas=berkas,
        pemetaan=pemetaan,
        kolom_wajib=KOLOM_UP,
        periksa_baris=_periksa_mutasi,
        alias=ALIAS_UP,
    )
    return hasil


def _mutasi_baris(nomor: int, data: dict, tahun: int, kesalahan: list) -> BarisMutasi | None:
    """One row on its own, or ``None`` with its problems appended."""
    salah_sebelum = len(kesalahan)
    teks_jenis = data.get("jenis", "").strip()
    jenis = JENIS_DARI_SINGKAT.get(teks_jenis.lower(), teks_jenis.lower())
    if jenis not in J.values:
        kesalahan.append(
            Kesalahan(
                nomor,
                "jenis",
                f"'{teks_jenis}' tidak dikenal: tulis UP, GUP, TUP, PTUP, SETOR_TUP atau SETOR_UP."
                if teks_jenis
                else "kosong.",
            )
        )
    nomor_mutasi = data.get("nomor", "").strip()
    if not nomor_mutasi:
        kesalahan.append(Kesalahan(nomor, "nomor", "kosong."))
    tanggal = sel_tanggal(
        nomor, "tanggal", data.get("tanggal", ""), tahun=tahun, kesalahan=kesalahan
    )
    nilai = sel_nilai(nomor, "nilai", data.get("nilai", ""), kesalahan=kesalahan)
    teks_batas = data.get("batas_waktu", "").strip()
    batas = (
        sel_tanggal(nomor, "batas_waktu", teks_batas, tahun=None, kesalahan=kesalahan)
        if teks_batas
        else None
    )
    nomor_tup = data.get("nomor_tup", "").strip()
    keterangan = data.get("keterangan", "").strip()
    kesalahan.extend(
        batas_baris_periksa(
            MutasiUp, nomor, {"nomor": nomor_mutasi, "keterangan": keterangan, "nilai": nilai}
        )
    )
    if len(kesalahan) != salah_sebelum:
        return None
    galat = mutasi_isian_periksa(
        tahun=tahun,
        jenis=jenis,
        tanggal=tanggal,
        nilai=nilai,
        batas_waktu=batas,
        ada_tup=bool(nomor_tup),
    )
    if galat:
        kesalahan.extend(
            Kesalahan(nomor, KOLOM_DARI_FIELD.get(f, f), pesan) for f, pesan in galat.items()
        )
        return None
    return BarisMutasi(nomor, jenis, nomor_mutasi, tanggal, nilai, nomor_tup, batas, keterangan)


def _sama_dengan_tersimpan(b: BarisMutasi, lama: MutasiUp) -> Kesalahan | None:
    """``None`` when row ``b`` is the recorded ``lama`` again, else the first difference."""
    nama = f"{b.jenis_teks} {b.nomor}"
    if lama.tanggal != b.tanggal:
        return _beda(b.nomor_baris, "tanggal", nama, lama.tanggal, b.tanggal, tanggal_dmy)
    if lama.nilai != b.nilai:
        return _beda(b.nomor_baris, "nilai", nama, lama.nilai, b.nilai, rupiah)
    nomor_tup_lama = lama.tup.nomor if lama.tup_id else ""
    if nomor_tup_lama != b.nomor_tup:
        return _beda(b.nomor_baris, "nomor_tup", nama, nomor_tup_lama or "kosong", b.nomor_tup)
    if b.batas_waktu is not None and lama.batas_waktu != b.batas_waktu:
        return _beda(
            b.nomor_baris, "batas_waktu", nama, lama.batas_waktu, b.batas_waktu, tanggal_dmy
        )
    return None


def _periksa_mutasi(hasil: HasilImporUp, rows) -> None:
    dokumen = hasil.dokumen
    kesalahan = hasil.kesalahan
    tersimpan = {
        (m.jenis, m.nomor): m
        for m in MutasiUp.objects.filter(dokumen=dokumen).select_related("tup").order_by("pk")
    }
    dilihat: dict[tuple[str, str], int] = {}
    ada_baris = False
    for nomor, data in rows:
        ada_baris = True
        b = _mutasi_baris(nomor, data, dokumen.tahun, kesalahan)
        if b is None:
            continue
        kunci = (b.jenis, b.nomor)
        if kunci in dilihat:
            kesalahan.append(
                Kesalahan(
                    nomor,
                    "nomor",
                    f"{b.jenis_teks} {b.nomor} ganda (sama dengan baris {dilihat[kunci]}).",
                )
            )
            continue
        dilihat[kunci] = nomor
        lama = tersimpan.get(kunci)
        if lama is None:
            hasil.baris.append(b)
        elif (beda := _sama_dengan_tersimpan(b, lama)) is not None:
            kesalahan.append(beda)
        else:
            hasil.dilewati.append((nomor, f"{b.jenis_teks} {b.nomor}"))
    if not ada_baris:
        kesalahan.append(Kesalahan(None, "", BERKAS_TANPA_BARIS))
    if not kesalahan:  # rows with problems left out, the register would show false ones
        _periksa_register(hasil, list(tersimpan.values()))


def _periksa_register(hasil: HasilImporUp, tersimpan: list[MutasiUp]) -> None:
    """The register's rules over the recorded movements and the file's rows together; the late
    PTUP/returns of the file as warnings."""
    tup_berkas = {b.nomor: b for b in hasil.baris if b.jenis == J.TUP}
    tup_lama = {m.nomor: m for m in tersimpan if m.jenis == J.TUP}
    lama = [Gerak.dari(m) for m in tersimpan]
    baru: list[Gerak] = []
    for b in hasil.baris:
        tup: Hashable | None = None
        if b.jenis in JENIS_PENYELESAIAN:
            if b.nomor_tup in tup_berkas:
                tup = ("baris", tup_berkas[b.nomor_tup].nomor_baris)
            elif b.nomor_tup in tup_lama:
                tup = tup_lama[b.nomor_tup].pk
            else:
                hasil.kesalahan.append(
                    Kesalahan(
                        b.nomor_baris,
                        "nomor_tup",
                        f"TUP {b.nomor_tup} tidak ada di berkas ini maupun di register dokumen.",
                    )
                )
                continue
            acuan = _tup_acuan(tup_berkas.get(b.nomor_tup)) or tup_lama[b.nomor_tup]
            if penyelesaian_terlambat(tanggal=b.tanggal, tup=acuan):
                hasil.peringatan.append(Kesalahan(b.nomor_baris, "tanggal", pesan_terlambat(acuan)))
        baru.append(Gerak(("baris", b.nomor_baris), b.jenis, b.nomor, b.tanggal, b.nilai, tup))
    if hasil.kesalahan:
        return
    sebelum = set(register_periksa(lama))
    nama = {g.kunci: g.nama for g in lama}
    for p in register_periksa(lama + baru):
        if isinstance(p.kunci, tuple):
            hasil.kesalahan.append(
                Kesalahan(p.kunci[1], KOLOM_DARI_FIELD.get(p.field, p.field), p.pesan)
            )
        elif p not in sebelum:
            hasil.kesalahan.append(
                Kesalahan(None, "", f"{nama[p.kunci]} yang sudah tercatat: {p.pesan}")
            )
    hasil.kesalahan.sort(key=lambda k: k.baris or 0)


def _tup_acuan(b: BarisMutasi | None) -> MutasiUp | None:
    """A TUP row of the file as an (unsaved) movement, for the deadline rules."""
    if b is None:
        return None
    return MutasiUp(
        jenis=J.TUP,
        nomor=b.nomor,
        tanggal=b.tanggal,
        nilai=b.nilai,
        batas_waktu=b.batas_waktu or batas_tup_compute(b.tanggal),
    )


def mutasi_up_impor(
    *, pengguna, dokumen: DokumenAnggaran, berkas, nama_berkas: str, pemetaan=None
) -> HasilImporUp:
    """Check then write every row in one transaction (a TUP before the PTUP that names it);
    ``ImporGagal`` (nothing written) when any row is bad."""

    def tulis(hasil: HasilImporUp) -> None:
        dibuat: dict[str, MutasiUp] = {}
        tup_lama = {m.nomor: m for m in MutasiUp.objects.filter(dokumen=hasil.dokumen, jenis=J.TUP)}
        urut = sorted(hasil.baris, key=lambda b: (b.tanggal, URUTAN_JENIS[b.jenis], b.nomor_baris))
        with jejak_gabung():  # the rows' history; the import is the one entry below
            for b in urut:
                obj = MutasiUp(
                    dokumen=hasil.dokumen,
                    jenis=b.jenis,
                    nomor=b.nomor,
                    tanggal=b.tanggal,
                    nilai=b.nilai,
                    tup=(dibuat.get(b.nomor_tup) or tup_lama.get(b.nomor_tup))
                    if b.jenis in JENIS_PENYELESAIAN
                    else None,
                    batas_waktu=(b.batas_waktu or batas_tup_compute(b.tanggal))
                    if b.jenis == J.TUP
                    else None,
                    keterangan=b.keterangan,
                    dibuat_oleh=pengguna if getattr(pengguna, "pk", None) else None,
                )
                _simpan(obj, pengguna)
                if b.jenis == J.TUP:
                    dibuat[b.nomor] = obj
        _catat_impor(
            hasil,
            pengguna,
            f"Impor UP/TUP {hasil.nama_berkas}: {angka(len(hasil.baris))} baris, "
            f"{rupiah(hasil.total_nilai)}; {angka(len(hasil.dilewati))} baris sudah ada "
            f"dilewati; {angka(len(hasil.peringatan))} terlambat.",
        )

    return impor_jalankan(
        pengguna=pengguna,
        pemetaan=pemetaan,
        dokumen=dokumen,
        berkas=berkas,
        nama_berkas=nama_berkas,
        periksa=mutasi_up_impor_periksa,
        tulis=tulis,
    )


def _simpan(obj, pengguna) -> None:
    if pengguna is not None:
        obj._history_user = pengguna
    obj.save()


def _catat_impor(hasil: HasilImporUp, pengguna, ringkasan: str) -> None:
    jejak_catat(pengguna=pengguna, aksi="impor", objek=hasil.dokumen, ringkasan=ringkasan)
    hasil.disimpan = True


# --- SPM dispensations ------------------------------------------------------------------------


def dispensasi_impor_periksa(
    *, dokumen: DokumenAnggaran, berkas, nama_berkas: str, pemetaan=None
) -> HasilImporUp:
    """Read and check every row; nothing is written."""
    hasil = HasilImporUp(dokumen=dokumen, nama_berkas=nama_berkas)
    berkas_periksa(
        hasil,
        berkas=berkas,
        pemetaan=pemetaan,
        kolom_wajib=KOLOM_DISPENSASI,
        periksa_baris=_periksa_dispensasi,
        alias=ALIAS_DISPENSASI,
    )
    return hasil


def _jumlah_spm(nomor: int, teks: str, kesalahan: list) -> int | None:
    try:
        jumlah = parse_angka_id(teks)
    except ValueError as exc:
        kesalahan.append(Kesalahan(nomor, "jumlah_spm", str(exc)))
        return None
    if jumlah != jumlah.to_integral_value():
        kesalahan.append(Kesalahan(nomor, "jumlah_spm", "harus bilangan bulat."))
        return None
    return int(jumlah)


def _dispensasi_baris(nomor: int, data: dict, tahun: int, kesalahan: list):
    salah_sebelum = len(kesalahan)
    nomor_surat = data.get("nomor", "").strip()
    if not nomor_surat:
        kesalahan.append(Kesalahan(nomor, "nomor", "kosong."))
    tanggal = sel_tanggal(
        nomor, "tanggal", data.get("tanggal", ""), tahun=tahun, kesalahan=kesalahan
    )
    jumlah = _jumlah_spm(nomor, data.get("jumlah_spm", ""), kesalahan)
    alasan = data.get("alasan", "").strip()
    isian = {"nomor": nomor_surat, "alasan": alasan, "jumlah_spm": jumlah}
    kesalahan.extend(batas_baris_periksa(DispensasiSpm, nomor, isian))
    if len(kesalahan) != salah_sebelum:
        return None
    galat = dispensasi_isian_periksa(tahun=tahun, tanggal=tanggal, jumlah_spm=jumlah, alasan=alasan)
    kesalahan.extend(Kesalahan(nomor, f, pesan) for f, pesan in galat.items())
    return None if galat else BarisDispensasi(nomor, nomor_surat, tanggal, jumlah, alasan)


def _periksa_dispensasi(hasil: HasilImporUp, rows) -> None:
    dokumen = hasil.dokumen
    kesalahan = hasil.kesalahan
    tersimpan = {d.nomor: d for d in DispensasiSpm.objects.filter(dokumen=dokumen)}
    dilihat: dict[str, int] = {}
    ada_baris = False
    for nomor, data in rows:
        ada_baris = True
        b = _dispensasi_baris(nomor, data, dokumen.tahun, kesalahan)
        if b is None:
            continue
        if b.nomor in dilihat:
            kesalahan.append(
                Kesalahan(
                    nomor,
                    "nomor",
                    f"dispensasi {b.nomor} ganda (sama dengan baris {dilihat[b.nomor]}).",
                )
            )
            continue
        dilihat[b.nomor] = nomor
        lama = tersimpan.get(b.nomor)
        if lama is None:
            hasil.baris.append(b)
            continue
        beda = _dispensasi_beda(b, lama)
        if beda is None:
            hasil.dilewati.append((nomor, b.nomor))
        else:
            kesalahan.append(beda)
    if not ada_baris:
        kesalahan.append(Kesalahan(None, "", BERKAS_TANPA_BARIS))


def _dispensasi_beda(b: BarisDispensasi, lama: DispensasiSpm) -> Kesalahan | None:
    nama = f"Dispensasi {b.nomor}"
    banding: list[tuple[str, object, object, Callable]] = [
        ("tanggal", lama.tanggal, b.tanggal, tanggal_dmy),
        ("jumlah_spm", lama.jumlah_spm, b.jumlah_spm, str),
        ("alasan", lama.alasan, b.alasan, str),
    ]
    for kolom, nilai_lama, nilai_baru, teks in banding:
        if nilai_lama != nilai_baru:
            return _beda(b.nomor_baris, kolom, nama, nilai_lama, nilai_baru, teks)
    return None


def dispensasi_impor(
    *, pengguna, dokumen: DokumenAnggaran, berkas, nama_berkas: str, pemetaan=None
) -> HasilImporUp:
    """Check then write every row in one transaction; ``ImporGagal`` (nothing written) when
    any row is bad."""

    def tulis(hasil: HasilImporUp) -> None:
        with jejak_gabung():
            for b in hasil.baris:
                _simpan(
                    DispensasiSpm(
                        dokumen=hasil.dokumen,
                        nomor=b.nomor,
                        tanggal=b.tanggal,
                        jumlah_spm=b.jumlah_spm,
                        alasan=b.alasan,
                        dibuat_oleh=pengguna if getattr(pengguna, "pk", None) else None,
                    ),
                    pengguna,
                )
        _catat_impor(
            hasil,
            pengguna,
            f"Impor dispensasi SPM {hasil.nama_berkas}: {angka(len(hasil.baris))} baris; "
            f"{angka(len(hasil.dilewati))} baris sudah ada dilewati.",
        )

    return impor_jalankan(
        pengguna=pengguna,
        pemetaan=pemetaan,
        dokumen=dokumen,
        berkas=berkas,
        nama_berkas=nama_berkas,
        periksa=dispensasi_impor_periksa,
        tulis=tulis,
    )
