"""Importing the Perjanjian Kinerja targets and the quarterly realisasi (CSV or XLSX).

Two imports (declared in ``kinerja/impor_jenis.py``), each a pair: ``*_impor_periksa`` reads and
checks every row without writing (the preview), ``*_impor`` writes every changed row in one
transaction or nothing at all when any row is bad. The indikator is matched by its ``kode``
among the indikator of the year (the rows of the year's PK; the Renstra covering the year).

Each row is checked by the rules of the services the forms use (``nilai_periksa`` and
``target_pasangan_periksa`` for values, the year lock, the PK draft state, who may enter which
indikator) and written through those services (``pk_baris_update``, ``realisasi_save``), so the
import and the form cannot disagree. A row equal to what is stored is skipped: importing the
same file again changes nothing. One ``jejak_catat(aksi="impor")`` entry per import.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kpu_site.audit import jejak_catat
from kpu_site.berkas import nama_berkas_periksa
from kpu_site.formatting import angka
from kpu_site.impor import (
    ImporGagal,
    Kesalahan,
    Pemetaan,
    Tabel,
    baca_tabel,
    batas_baris_periksa,
    kolom_asal,
    parse_angka_id,
)
from kpu_site.peran import PERAN_BERUNIT, PERAN_PIMPINAN, peran_of

from .models import Indikator, PerjanjianKinerja, PKBaris, Realisasi
from .selectors import kinerja_tahun_lock, renstra_untuk_tahun
from .services import (
    nilai_periksa,
    pastikan_perencana,
    pk_baris_update,
    realisasi_save,
    target_pasangan_periksa,
)
from .services.realisasi import realisasi_penginput_tolak

KOLOM_TARGET = ("kode_indikator", "target")
KOLOM_REALISASI = ("kode_indikator", "triwulan", "realisasi")
BERKAS_TANPA_BARIS = "berkas tidak berisi baris data."


@dataclass(slots=True)
class BarisTarget:
    nomor_baris: int
    baris_pk: PKBaris
    target: Decimal
    target_atas: Decimal | None

    @property
    def indikator(self) -> Indikator:
        return self.baris_pk.indikator


@dataclass(slots=True)
class BarisRealisasi:
    nomor_baris: int
    indikator: Indikator
    periode: str
    nilai: Decimal | None
    analisis: str
    lama: Realisasi | None

    @property
    def periode_label(self) -> str:
        return Realisasi.Periode(self.periode).label


@dataclass
class HasilImpor:
    """What an import found: the rows that change something (``baris``), the row numbers equal
    to what is stored (``dilewati``), every problem (``kesalahan``); ``disimpan`` once written."""

    tahun: int
    nama_berkas: str
    baris: list = field(default_factory=list)
    dilewati: list[int] = field(default_factory=list)
    kesalahan: list[Kesalahan] = field(default_factory=list)
    perjanjian: PerjanjianKinerja | None = None
    disimpan: bool = False

    @property
    def ok(self) -> bool:
        return not self.kesalahan


def _kode(teks: str) -> str:
    """An indikator code compared the way users type it: case and spacing ignored."""
    return " ".join(str(teks or "").split()).casefold()


def _berkas_periksa(
    hasil: HasilImpor, *, berkas, kolom_wajib, pemetaan, periksa_baris: Callable
) -> None:
    """Name, table, required columns, then ``periksa_baris(tabel, kesalahan)`` over the rows;
    every problem lands in ``hasil.kesalahan``, named by the file's own columns."""
    try:
        nama_berkas_periksa(hasil.nama_berkas)
    except ValidationError as exc:
        hasil.kesalahan.append(Kesalahan(None, "", exc.messages[0]))
        return
    try:
        tabel = baca_tabel(
            berkas, nama_berkas=hasil.nama_berkas, kolom_wajib=kolom_wajib, pemetaan=pemetaan
        )
        with kolom_asal(tabel):
            kesalahan: list[Kesalahan] = []
            ada = periksa_baris(tabel, kesalahan)
            if not ada and not kesalahan:
                kesalahan.append(Kesalahan(None, "", BERKAS_TANPA_BARIS))
            if kesalahan:
                raise ImporGagal(kesalahan)
    except ImporGagal as exc:
        hasil.kesalahan.extend(exc.kesalahan)


def _tahun_sel(nomor: int, teks: str, tahun: int, kesalahan: list[Kesalahan]) -> None:
    """The optional ``tahun`` column: blank, or the year being imported."""
    teks = (teks or "").strip()
    if teks and teks != str(tahun):
        kesalahan.append(Kesalahan(nomor, "tahun", f"'{teks}' bukan tahun yang diimpor ({tahun})."))


def _angka_sel(
    nomor: int,
    kolom: str,
    teks: str,
    kesalahan: list[Kesalahan],
) -> Decimal | bool | None:
    """A number in a cell (``99,56``, ``1.500``, ``99.56``); ``None`` when blank, ``False``
    (and a ``Kesalahan``) when it is no number. A profile's number rule has already written
    it with the decimal comma (``kpu_site.impor.ATURAN``), which reads the same here."""
    teks = (teks or "").strip()
    if not teks:
        return None
    try:
        return parse_angka_id(teks)
    except ValueError as exc:
        kesalahan.append(Kesalahan(nomor, kolom, str(exc)))
        return False


def _pesan(exc: ValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return {k: [m for e in v for m in e.messages] for k, v in exc.error_dict.items()}
    return {"": exc.messages}


# --------------------------------------------------------------------------- PK targets


def _pk_sasaran(tahun: int) -> PerjanjianKinerja | None:
    """The PK the targets go to: the draft of the year, else the one in force."""
    qs = PerjanjianKinerja.objects.filter(tahun=tahun)
    return (
        qs.filter(status=PerjanjianKinerja.Status.DRAFT).first()
        or qs.filter(status=PerjanjianKinerja.Status.DITANDATANGANI).first()
    )


def target_impor_periksa(
    *, tahun: int, berkas, nama_berkas: str, pemetaan: Pemetaan | None = None
) -> HasilImpor:
    """Read and check the target of every row against the year's PK; nothing is written.

    A row equal to the PK's target is skipped; a changed row needs a draft PK (a signed PK is
    frozen: the row names it); the year must not be locked."""
    hasil = HasilImpor(tahun=tahun, nama_berkas=nama_berkas)
    perjanjian = _pk_sasaran(tahun)
    if perjanjian is None:
        hasil.kesalahan.append(
            Kesalahan(None, "", f"Belum ada Perjanjian Kinerja {tahun}; buat draft PK dulu.")
        )
        return hasil
    if kinerja_tahun_lock(tahun):
        hasil.kesalahan.append(
            Kesalahan(
                None, "", f"Tahun {tahun} sudah dikunci; Perjanjian Kinerja tidak dapat diubah."
            )
        )
        return hasil
    hasil.perjanjian = perjanjian
    baris_pk: dict[str, list[PKBaris]] = {}
    for b in perjanjian.baris.select_related("indikator", "indikator__sasaran"):
        baris_pk.setdefault(_kode(b.indikator.kode), []).append(b)
    draft = perjanjian.status == PerjanjianKinerja.Status.DRAFT

    def periksa(tabel: Tabel, kesalahan: list[Kesalahan]) -> bool:
        dilihat: dict[int, int] = {}
        ada = False
        for nomor, row in tabel.baris:
            ada = True
            salah = len(kesalahan)
            kode = (row.get("kode_indikator") or "").strip()
            _tahun_sel(nomor, row.get("tahun", ""), tahun, kesalahan)
            target = _angka_sel(nomor, "target", row.get("target", ""), kesalahan)
            atas = _angka_sel(nomor, "batas_atas", row.get("batas_atas", ""), kesalahan)
            if not kode:
                kesalahan.append(Kesalahan(nomor, "kode_indikator", "wajib diisi."))
                continue
            cocok = baris_pk.get(_kode(kode), [])
            if not cocok:
                kesalahan.append(
                    Kesalahan(
                        nomor, "kode_indikator", f"indikator '{kode}' tidak ada di {perjanjian}."
                    )
                )
                continue
            if len(cocok) > 1:
                kesalahan.append(
                    Kesalahan(
                        nomor,
                        "kode_indikator",
                        f"kode '{kode}' dipakai {len(cocok)} indikator di {perjanjian}; "
                        "bedakan kodenya di Renstra.",
                    )
                )
                continue
            b = cocok[0]
            if b.pk in dilihat:
                kesalahan.append(
                    Kesalahan(
                        nomor,
                        "kode_indikator",
                        f"indikator '{kode}' sudah ada di baris {dilihat[b.pk]}.",
                    )
                )
                continue
            dilihat[b.pk] = nomor
            if len(kesalahan) > salah or target is False or atas is False:
                continue
            try:
                target, atas = target_pasangan_periksa(
                    indikator=b.indikator, target=target, target_atas=atas
                )
            except ValidationError as exc:
                for isian, pesan in _pesan(exc).items():
                    kolom = "batas_atas" if isian == "target_atas" else "target"
                    kesalahan.extend(Kesalahan(nomor, kolom, p) for p in pesan)
                continue
            if target == b.target and atas == b.target_atas:
                hasil.dilewati.append(nomor)
                continue
            if not draft:
                kesalahan.append(
                    Kesalahan(
                        nomor,
                        "target",
                        f"{perjanjian} sudah {perjanjian.get_status_display().lower()} dan "
                        "dibekukan; buat PK perubahan untuk mengubah targetnya.",
                    )
                )
                continue
            hasil.baris.append(BarisTarget(nomor, b, target, atas))
        return ada

    _berkas_periksa(
        hasil, berkas=berkas, kolom_wajib=KOLOM_TARGET, pemetaan=pemetaan, periksa_baris=periksa
    )
    return hasil


@transaction.atomic
def target_impor(
    *, pengguna, tahun: int, berkas, nama_berkas: str, pemetaan: Pemetaan | None = None
) -> HasilImpor:
    """Write every changed target through ``pk_baris_update``, all or nothing; ``ImporGagal``
    listing every problem. Only who keeps the PK (``pastikan_perencana``) may; ``pengguna=None``
    is the system (the management command)."""
    if pengguna is not None:
        pastikan_perencana(pengguna)
    hasil = target_impor_periksa(
        tahun=tahun, berkas=berkas, nama_berkas=nama_berkas, pemetaan=pemetaan
    )
    if not hasil.ok:
        raise ImporGagal(hasil.kesalahan)
    PerjanjianKinerja.objects.select_for_update().filter(pk=hasil.perjanjian.pk).first()
    for b in hasil.baris:
        try:
            pk_baris_update(
                baris=b.baris_pk, pengguna=pengguna, target=b.target, target_atas=b.target_atas
            )
        except (ValidationError, PermissionDenied) as exc:
            pesan = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
            raise ImporGagal([Kesalahan(b.nomor_baris, "target", p) for p in pesan]) from None
    jejak_catat(
        pengguna=pengguna,
        aksi="impor",
        objek=hasil.perjanjian,
        ringkasan=f"Impor target {hasil.perjanjian} dari {nama_berkas}: "
        f"{angka(len(hasil.baris))} target diubah, {angka(len(hasil.dilewati))} baris sama "
        "dilewati.",
        perubahan={"diubah": len(hasil.baris), "dilewati": len(hasil.dilewati)},
    )
    hasil.disimpan = True
    return hasil


# --------------------------------------------------------------------------- realisasi TW I–IV

_ROMAWI = {"i": "tw1", "ii": "tw2", "iii": "tw3", "iv": "tw4"}


def triwulan_baca(teks: str) -> str | None:
    """``1``–``4``, ``TW I``–``TW IV``, ``tw1``, ``Triwulan II`` -> ``tw1``…``tw4``."""
    t = re.sub(r"^(triwulan|tw|trw|q)\s*", "", (teks or "").strip().casefold()).strip()
    if t in ("1", "2", "3", "4"):
        return f"tw{t}"
    return _ROMAWI.get(t)


def realisasi_impor_boleh(pengguna) -> bool:
    """May ``pengguna`` run the realisasi import? Who may enter realisasi: the Sekretaris and
    Admin, and a Kasubag/Staf of a sub-bagian (each row then only for their indikator)."""
    if not pengguna.has_perm("kinerja.change_realisasi"):
        return False
    peran = peran_of(pengguna)
    return peran in PERAN_PIMPINAN or (peran in PERAN_BERUNIT and pengguna.unit_id is not None)


def realisasi_impor_periksa(
    *, pengguna, tahun: int, berkas, nama_berkas: str, pemetaan: Pemetaan | None = None
) -> HasilImpor:
    """Read and check the quarterly realisasi of every row; nothing is written.

    A row equal to what is stored (value and, when the file has the column, ``analisis``) is
    skipped, whoever's indikator it is; a changed row must be one ``pengguna`` may enter (their
    sub-bagian's indikator) whose realisasi is still a draft or returned."""
    hasil = HasilImpor(tahun=tahun, nama_berkas=nama_berkas)
    if kinerja_tahun_lock(tahun):
        hasil.kesalahan.append(
            Kesalahan(
                None,
                "",
                f"Tahun {tahun} sudah dikunci (Laporan Kinerja difinalisasi); realisasi tahun "
                "ini tidak dapat diubah.",
            )
        )
        return hasil
    renstra = renstra_untuk_tahun(tahun)
    if renstra is None:
        hasil.kesalahan.append(
            Kesalahan(None, "", f"Belum ada Renstra yang mencakup tahun {tahun}.")
        )
        return hasil
    indikator: dict[str, list[Indikator]] = {}
    for ind in Indikator.objects.filter(sasaran__tujuan__renstra=renstra).select_related(
        "sasaran", "sasaran__unit", "sasaran__tujuan__renstra"
    ):
        indikator.setdefault(_kode(ind.kode), []).append(ind)
    tersimpan = {
        (r.indikator_id, r.periode): r
        for r in Realisasi.objects.filter(
            tahun=tahun, periode__in=Realisasi.TRIWULAN, indikator__sasaran__tujuan__renstra=renstra
        )
    }

    def periksa(tabel: Tabel, kesalahan: list[Kesalahan]) -> bool:
        ada_analisis = "analisis" in tabel.kolom
        dilihat: dict[tuple[int, str], int] = {}
        ada = False
        for nomor, row in tabel.baris:
            ada = True
            salah = len(kesalahan)
            kode = (row.get("kode_indikator") or "").strip()
            _tahun_sel(nomor, row.get("tahun", ""), tahun, kesalahan)
            teks_tw = (row.get("triwulan") or "").strip()
            periode = triwulan_baca(teks_tw)
            if periode is None:
                kesalahan.append(
                    Kesalahan(
                        nomor,
                        "triwulan",
                        f"'{teks_tw}' bukan triwulan: isi 1, 2, 3 atau 4 (atau TW I–TW IV)."
                        if teks_tw
                        else "wajib diisi (1, 2, 3 atau 4).",
                    )
                )
            nilai = _angka_sel(nomor, "realisasi", row.get("realisasi", ""), kesalahan)
            analisis = (row.get("analisis") or "").strip() if ada_analisis else None
            if analisis:
                kesalahan.extend(batas_baris_periksa(Realisasi, nomor, {"analisis": analisis}))
            if not kode:
                kesalahan.append(Kesalahan(nomor, "kode_indikator", "wajib diisi."))
                continue
            cocok = indikator.get(_kode(kode), [])
            if len(cocok) != 1:
                kesalahan.append(
                    Kesalahan(
                        nomor,
                        "kode_indikator",
                        f"indikator '{kode}' tidak ada di {renstra}."
                        if not cocok
                        else f"kode '{kode}' dipakai {len(cocok)} indikator di {renstra}.",
                    )
                )
                continue
            ind = cocok[0]
            if periode is None:
                continue
            if (ind.pk, periode) in dilihat:
                kesalahan.append(
                    Kesalahan(
                        nomor,
                        "triwulan",
                        f"realisasi {ind.kode} {Realisasi.Periode(periode).label} sudah ada di "
                        f"baris {dilihat[(ind.pk, periode)]}.",
                    )
                )
                continue
            dilihat[(ind.pk, periode)] = nomor
            if len(kesalahan) > salah or nilai is False:
                continue
            try:
                nilai = nilai_periksa(indikator=ind, nilai=nilai, label="realisasi")
            except ValidationError as exc:
                kesalahan.extend(Kesalahan(nomor, "realisasi", p) for p in exc.messages)
                continue
            lama = tersimpan.get((ind.pk, periode))
            if analisis is None:
                analisis = lama.analisis if lama else ""
            if (lama.nilai if lama else None) == nilai and (
                lama.analisis if lama else ""
            ) == analisis:
                hasil.dilewati.append(nomor)
                continue
            if tolak := realisasi_penginput_tolak(pengguna, ind):
                kesalahan.append(Kesalahan(nomor, "kode_indikator", tolak))
                continue
            if lama is not None and not lama.dapat_diubah:
                kesalahan.append(
                    Kesalahan(
                        nomor,
                        "realisasi",
                        f"realisasi {ind.kode} {lama.get_periode_display()} berstatus "
                        f"'{lama.get_status_display()}' tidak dapat diubah; minta verifikator "
                        "mengembalikannya bila perlu diperbaiki.",
                    )
                )
                continue
            hasil.baris.append(BarisRealisasi(nomor, ind, periode, nilai, analisis, lama))
        return ada

    _berkas_periksa(
        hasil, berkas=berkas, kolom_wajib=KOLOM_REALISASI, pemetaan=pemetaan, periksa_baris=periksa
    )
    return hasil


@transaction.atomic
def realisasi_impor(
    *, pengguna, tahun: int, berkas, nama_berkas: str, pemetaan: Pemetaan | None = None
) -> HasilImpor:
    """Write every changed quarterly realisasi through ``realisasi_save`` (target periode,
    kendala, solusi and program pendukung kept as stored), all or nothing; ``ImporGagal``
    listing every problem. ``pengguna=None`` is the system (the management command)."""
    hasil = realisasi_impor_periksa(
        pengguna=pengguna, tahun=tahun, berkas=berkas, nama_berkas=nama_berkas, pemetaan=pemetaan
    )
    if not hasil.ok:
        raise ImporGagal(hasil.kesalahan)
    for b in hasil.baris:
        lama = b.lama
        try:
            realisasi_save(
                indikator=b.indikator,
                tahun=tahun,
                periode=b.periode,
                pengguna=pengguna,
                versi=lama.versi if lama else None,
                nilai=b.nilai,
                target_periode=lama.target_periode if lama else None,
                analisis=b.analisis,
                kendala=lama.kendala if lama else "",
                solusi=lama.solusi if lama else "",
                program_pendukung=lama.program_pendukung if lama else "",
            )
        except (ValidationError, PermissionDenied) as exc:
            pesan = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
            raise ImporGagal([Kesalahan(b.nomor_baris, "realisasi", p) for p in pesan]) from None
    jejak_catat(
        pengguna=pengguna,
        aksi="impor",
        ringkasan=f"Impor realisasi kinerja {tahun} (TW I–IV) dari {nama_berkas}: "
        f"{angka(len(hasil.baris))} realisasi disimpan, {angka(len(hasil.dilewati))} baris sama "
        "dilewati.",
        perubahan={"disimpan": len(hasil.baris), "dilewati": len(hasil.dilewati)},
    )
    hasil.disimpan = True
    return hasil
