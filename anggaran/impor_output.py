"""Importing the monthly output realisasi of a document's RO lines (CSV or XLSX).

Columns are matched by name: ``kode_ro`` (the RO line's full code, e.g.
``076.01.CQ.6703.QGE.003``), ``bulan`` (1–12 or the month's name), ``volume`` (the month's own
addition, ``2`` or ``2,5``), ``tanggal_lapor``, optional ``keterangan``.
``realisasi_output_impor_periksa`` reads and checks every row without writing (the preview);
``realisasi_output_impor`` writes all rows in one transaction, or nothing when any row is wrong.

Each row follows the rules of the form (``services_output.realisasi_output_periksa``: the RO's
target first, the sensible bound of the year's total counting the file's months with the
stored ones, the report date) and the user must be allowed to enter that RO
(``akses.boleh_isi_output``). A row equal to what is stored for its RO and month (volume,
date, note) is skipped, so importing the same file again changes nothing; a different row
replaces a draft or a returned month; a submitted or verified month is never changed by an
import. Written rows are drafts, or submitted to the Kasubag with ``ajukan``. One audit entry
records the import.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import partial

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from kpu_site.audit import jejak_catat, jejak_gabung
from kpu_site.formatting import angka
from kpu_site.formatting import bulan as nama_bulan
from kpu_site.impor import ImporGagal, Kesalahan, parse_angka_id, parse_tanggal

from . import selectors
from .akses import boleh_isi_output
from .impor import impor_tabel_periksa
from .models import DokumenAnggaran, Pos, RealisasiOutput, VolumeRo
from .services import pastikan_terbuka
from .services_output import realisasi_output_periksa

KOLOM_WAJIB = ("kode_ro", "bulan", "volume", "tanggal_lapor")
# the field a rule names -> the column of the file
KOLOM = {"ro": "kode_ro", "bulan": "bulan", "volume": "volume", "tanggal_lapor": "tanggal_lapor"}
NOL = Decimal("0")


@dataclass(slots=True)
class BarisOutput:
    nomor_baris: int
    ro_id: int
    kode_ro: str
    satuan: str
    bulan: int
    volume: Decimal
    tanggal_lapor: date
    keterangan: str
    realisasi_id: int | None  # the stored month it replaces

    @property
    def nama_bulan(self) -> str:
        return nama_bulan(self.bulan)

    @property
    def volume_teks(self) -> str:
        return f"{selectors.volume_teks(self.volume)} {self.satuan}".strip()


@dataclass
class HasilImporOutput:
    dokumen: DokumenAnggaran
    nama_berkas: str
    baris: list[BarisOutput] = field(default_factory=list)
    dilewati: list[tuple[int, str, int]] = field(default_factory=list)  # row, kode_ro, bulan
    kesalahan: list[Kesalahan] = field(default_factory=list)
    disimpan: bool = False

    @property
    def ok(self) -> bool:
        return not self.kesalahan

    @property
    def jumlah_baru(self) -> int:
        return sum(1 for b in self.baris if b.realisasi_id is None)


def bulan_baca(teks: str) -> int | None:
    """``3``, ``03`` or ``Maret`` -> 3; ``None`` for anything else."""
    t = (teks or "").strip().lower()
    if t.isdigit():
        return int(t) if 1 <= int(t) <= 12 else None
    return next((b for b in range(1, 13) if nama_bulan(b).lower() == t), None)


def realisasi_output_impor_periksa(
    *, pengguna, dokumen: DokumenAnggaran, berkas, nama_berkas: str, pemetaan=None
) -> HasilImporOutput:
    """Read and check every row as ``pengguna`` would enter it; nothing is written."""
    hasil = HasilImporOutput(dokumen=dokumen, nama_berkas=nama_berkas)
    impor_tabel_periksa(
        hasil,
        berkas=berkas,
        pemetaan=pemetaan,
        kolom_wajib=KOLOM_WAJIB,
        periksa_baris=partial(_periksa_baris, hasil, pengguna=pengguna),
    )
    hasil.kesalahan.sort(key=lambda k: k.baris or 0)  # the two passes, in the file's order
    return hasil


@dataclass(slots=True)
class _Calon:
    nomor: int
    ro: Pos
    bulan: int
    volume: Decimal
    tanggal_lapor: date
    keterangan: str
    lama: RealisasiOutput | None


def _sama(lama: RealisasiOutput | None, c: _Calon) -> bool:
    return lama is not None and (lama.volume, lama.tanggal_lapor, lama.keterangan) == (
        c.volume,
        c.tanggal_lapor,
        c.keterangan,
    )


def _periksa_baris(hasil: HasilImporOutput, rows, *, pengguna) -> None:
    dokumen = hasil.dokumen
    kesalahan = hasil.kesalahan
    daftar_ro = {}
    for p in Pos.objects.filter(dokumen=dokumen, tingkat=Pos.Tingkat.RO).select_related("unit"):
        p.dokumen = dokumen
        daftar_ro[p.kode_lengkap] = p
    tingkat_lain = dict(
        Pos.objects.filter(dokumen=dokumen)
        .exclude(tingkat=Pos.Tingkat.RO)
        .values_list("kode_lengkap", "tingkat")
    )
    label_tingkat = dict(Pos.Tingkat.choices)
    revisi = selectors.revisi_terakhir(dokumen=dokumen)
    target = {v.ro_id: v for v in VolumeRo.objects.filter(revisi=revisi)}
    tersimpan = {(r.ro_id, r.bulan): r for r in RealisasiOutput.objects.filter(ro__dokumen=dokumen)}
    dilihat: dict[tuple[int, int], int] = {}
    calon: list[_Calon] = []
    ada_baris = False

    for nomor, data in rows:
        ada_baris = True
        salah_sebelum = len(kesalahan)
        kode = data.get("kode_ro", "").strip()
        ro = daftar_ro.get(kode)
        if ro is None:
            if not kode:
                alasan = "kosong."
            elif kode in tingkat_lain:
                alasan = f"{kode} adalah {label_tingkat[tingkat_lain[kode]]}, bukan baris RO."
            else:
                alasan = f"kode {kode} tidak ada di pohon anggaran."
            kesalahan.append(Kesalahan(nomor, "kode_ro", alasan))
        elif pengguna is not None and not boleh_isi_output(pengguna, ro):
            oleh = f" atau {ro.unit}" if ro.unit_id else ""
            kesalahan.append(
                Kesalahan(
                    nomor,
                    "kode_ro",
                    f"realisasi output RO {kode} diisi oleh Sub Bagian Keuangan{oleh}.",
                )
            )
        teks_bulan = data.get("bulan", "")
        bulan = bulan_baca(teks_bulan)
        if bulan is None:
            kesalahan.append(
                Kesalahan(
                    nomor,
                    "bulan",
                    f"'{teks_bulan.strip()}' bukan bulan (isi 1–12 atau nama bulan, mis. 3 atau "
                    "Maret)."
                    if teks_bulan.strip()
                    else "kosong.",
                )
            )
        try:
            volume = parse_angka_id(data.get("volume", ""))
        except ValueError as exc:
            volume = None
            kesalahan.append(Kesalahan(nomor, "volume", str(exc)))
        try:
            tanggal_lapor = parse_tanggal(data.get("tanggal_lapor", ""))
        except ValueError as exc:
            tanggal_lapor = None
            kesalahan.append(Kesalahan(nomor, "tanggal_lapor", str(exc)))
        if len(kesalahan) != salah_sebelum:
            continue
        kunci = (ro.pk, bulan)
        if kunci in dilihat:
            kesalahan.append(
                Kesalahan(
                    nomor,
                    "bulan",
                    f"RO {kode} bulan {nama_bulan(bulan)} ganda (sama dengan baris "
                    f"{dilihat[kunci]}).",
                )
            )
            continue
        dilihat[kunci] = nomor
        c = _Calon(
            nomor=nomor,
            ro=ro,
            bulan=bulan,
            volume=volume,
            tanggal_lapor=tanggal_lapor,
            keterangan=data.get("keterangan", "").strip(),
            lama=tersimpan.get(kunci),
        )
        if c.lama is not None and not _sama(c.lama, c) and not c.lama.dapat_diubah:
            kesalahan.append(
                Kesalahan(
                    nomor,
                    "bulan",
                    f"realisasi output RO {kode} bulan {nama_bulan(bulan)} sudah berstatus "
                    f"'{c.lama.get_status_display()}'; tidak dapat diubah lewat impor.",
                )
            )
            continue
        calon.append(c)
    if not ada_baris:
        kesalahan.append(Kesalahan(None, "", "berkas tidak berisi baris data."))
        return

    # The year's total of each RO: its stored months, the file's months in their place.
    dari_berkas: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for c in calon:
        dari_berkas[c.ro.pk][c.bulan] = c.volume
    hari_ini = timezone.localdate()
    for c in calon:
        if _sama(c.lama, c):
            hasil.dilewati.append((c.nomor, c.ro.kode_lengkap, c.bulan))
            continue
        berkas_ro = dari_berkas[c.ro.pk]
        lain = sum(
            (
                r.volume
                for (ro_id, b), r in tersimpan.items()
                if ro_id == c.ro.pk and b not in berkas_ro
            ),
            NOL,
        ) + sum((v for b, v in berkas_ro.items() if b != c.bulan), NOL)
        volume, salah = realisasi_output_periksa(
            ro=c.ro,
            target=target.get(c.ro.pk),
            bulan=c.bulan,
            volume=c.volume,
            tanggal_lapor=c.tanggal_lapor,
            volume_bulan_lain=lain,
            hari_ini=hari_ini,
        )
        if salah:
            kesalahan.extend(Kesalahan(c.nomor, KOLOM[f], pesan) for f, pesan in salah.items())
            continue
        hasil.baris.append(
            BarisOutput(
                nomor_baris=c.nomor,
                ro_id=c.ro.pk,
                kode_ro=c.ro.kode_lengkap,
                satuan=c.ro.satuan,
                bulan=c.bulan,
                volume=volume,
                tanggal_lapor=c.tanggal_lapor,
                keterangan=c.keterangan,
                realisasi_id=c.lama.pk if c.lama else None,
            )
        )


def realisasi_output_impor(
    *,
    pengguna,
    dokumen: DokumenAnggaran,
    berkas,
    nama_berkas: str,
    ajukan: bool = False,
    pemetaan=None,
) -> HasilImporOutput:
    """Check then write every row in one transaction (drafts, or submitted with ``ajukan``);
    raise ``ImporGagal`` (nothing written) when any row is wrong."""
    if pengguna is not None and not pengguna.has_perm("anggaran.add_realisasioutput"):
        raise PermissionDenied("Anda tidak berhak mengisi realisasi output RO.")
    with transaction.atomic():
        dokumen = DokumenAnggaran.objects.select_for_update().get(pk=dokumen.pk)
        pastikan_terbuka(dokumen)
        hasil = realisasi_output_impor_periksa(
            pengguna=pengguna,
            dokumen=dokumen,
            berkas=berkas,
            nama_berkas=nama_berkas,
            pemetaan=pemetaan,
        )
        if hasil.kesalahan:
            raise ImporGagal(hasil.kesalahan)
        status = RealisasiOutput.Status.DIAJUKAN if ajukan else RealisasiOutput.Status.DRAFT
        lama = RealisasiOutput.objects.select_for_update().in_bulk(
            [b.realisasi_id for b in hasil.baris if b.realisasi_id]
        )
        user = pengguna if getattr(pengguna, "pk", None) else None
        with jejak_gabung():  # each month keeps its history row; the import is one entry
            for b in hasil.baris:
                obj = lama.get(b.realisasi_id) or RealisasiOutput(
                    ro_id=b.ro_id, bulan=b.bulan, dibuat_oleh=user
                )
                obj.volume = b.volume
                obj.tanggal_lapor = b.tanggal_lapor
                obj.keterangan = b.keterangan
                obj.status = status
                obj._history_user = user
                obj._change_reason = f"Impor {nama_berkas}"
                obj.save()
        hasil.disimpan = True
        jejak_catat(
            pengguna=pengguna,
            aksi="impor",
            objek=dokumen,
            ringkasan=(
                f"Impor realisasi output RO {nama_berkas}: {angka(len(hasil.baris))} baris "
                f"({angka(hasil.jumlah_baru)} baru"
                + (", diajukan ke Kasubag" if ajukan else ", draft")
                + f"); {angka(len(hasil.dilewati))} baris sama dilewati."
            ),
        )
    return hasil
