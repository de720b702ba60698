"""Writes of the LKj review by the internal auditor (reviu APIP, issue 18 item 5).

- The **Auditor** (and the Admin) comments per chapter on a version that is not final, closes
  comments and records the "Pernyataan Telah Direviu" of the year (``pastikan_pereviu``).
- The **preparers** (Sekretaris, Admin, Sub Bagian Perencanaan: ``boleh_kelola_perencanaan``)
  answer the comments.
- ``reviu_finalisasi_periksa`` is called by ``laporan_finalise``: while the setting "reviu
  wajib" is on, a version is not finalised while a comment of its year is open (not closed by
  the Auditor) nor without the statement, nor when the version was composed before the
  statement (it would not print it).

Every write goes into the model history (who) and, through it, one audit-trail entry marked
``alur`` with its summary (``kpu_site.audit.jejak_tandai``); a refused write changes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kpu_site.audit import jejak_tandai
from kpu_site.batas import batas_model_pastikan
from kpu_site.formatting import angka
from kpu_site.peran import Peran, is_pimpinan, peran_of

from ..services._dasar import boleh_kelola_perencanaan
from .model_reviu import BabLkj, KomentarReviu, PengaturanReviu, PernyataanReviu
from .models import LaporanKinerja
from .selectors_reviu import komentar_terbuka, pernyataan_get, reviu_wajib

PERAN_PEREVIU = frozenset({Peran.AUDITOR, Peran.ADMIN})


def boleh_reviu(pengguna) -> bool:
    """May ``pengguna`` comment, close comments and record the statement? Auditor and Admin."""
    return peran_of(pengguna) in PERAN_PEREVIU


def pastikan_pereviu(pengguna) -> None:
    if not boleh_reviu(pengguna):
        raise PermissionDenied(
            "Komentar reviu dan pernyataan telah direviu hanya dicatat oleh Auditor (APIP)."
        )


def boleh_jawab(pengguna) -> bool:
    """May ``pengguna`` answer a review comment? The preparers of the LKj."""
    return boleh_kelola_perencanaan(pengguna)


def pastikan_penjawab(pengguna) -> None:
    if not boleh_jawab(pengguna):
        raise PermissionDenied(
            "Komentar reviu dijawab oleh Sekretaris atau Sub Bagian Perencanaan, Data dan "
            "Informasi."
        )


def reviu_aksi_boleh(*, laporan: LaporanKinerja, pengguna) -> frozenset[str]:
    """What ``pengguna`` may do in the review of version ``laporan`` now, as the services
    below decide it (the version page shows these forms): ``komentar`` and ``tutup`` (Auditor,
    Admin), ``jawab`` (the preparers), ``pernyataan`` (Auditor, Admin, while the year has no
    statement). Nothing on a final version or in a year that has one; ``jawab``/``tutup``
    apply to the comments not yet closed."""
    pereviu = boleh_reviu(pengguna)
    penjawab = boleh_jawab(pengguna)
    if not (pereviu or penjawab) or laporan.status == LaporanKinerja.Status.FINAL:
        return frozenset()
    if LaporanKinerja.objects.filter(
        tahun=laporan.tahun, status=LaporanKinerja.Status.FINAL
    ).exists():
        return frozenset()
    aksi = set()
    if pereviu:
        aksi |= {"komentar", "tutup"}
        if pernyataan_get(tahun=laporan.tahun) is None:
            aksi.add("pernyataan")
    if penjawab:
        aksi.add("jawab")
    return frozenset(aksi)


def pengaturan_reviu_boleh(pengguna) -> bool:
    """May ``pengguna`` change the setting "reviu wajib"? The Sekretaris and the Admin."""
    return is_pimpinan(pengguna)


def _pastikan_belum_final(laporan: LaporanKinerja, *, field: str = "laporan") -> None:
    """Review happens on a version that is not final, in a year without a final version."""
    if laporan.status == LaporanKinerja.Status.FINAL:
        raise ValidationError(
            {field: f"{laporan} sudah final; reviu dilakukan atas versi yang belum final."}
        )
    final = (
        LaporanKinerja.objects.filter(tahun=laporan.tahun, status=LaporanKinerja.Status.FINAL)
        .exclude(pk=laporan.pk)
        .first()
    )
    if final is not None:
        raise ValidationError(
            {field: f"Laporan Kinerja {laporan.tahun} sudah memiliki versi final ({final})."}
        )


def _teks_wajib(nilai: str, *, field: str, label: str) -> str:
    nilai = (nilai or "").strip()
    if not nilai:
        raise ValidationError({field: f"{label} wajib diisi."})
    batas_model_pastikan(KomentarReviu, {field: nilai})
    return nilai


def _simpan(
    obj,
    *,
    pengguna,
    alasan: str,
    ringkasan: str,
    aksi: str = "alur",
    fields: list[str] | None = None,
) -> None:
    """Save with its history row (who, ``alasan``) as the one audit entry: ``aksi`` and
    ``ringkasan``."""
    obj._history_user = pengguna
    obj._change_reason = alasan[:100]
    jejak_tandai(obj, aksi=aksi, ringkasan=ringkasan)
    obj.save(update_fields=fields)


# --------------------------------------------------------------------------- comments


@transaction.atomic
def komentar_create(*, laporan: LaporanKinerja, bab: str, teks: str, pengguna) -> KomentarReviu:
    """The Auditor's comment on chapter ``bab`` of a version that is not final."""
    pastikan_pereviu(pengguna)
    laporan = LaporanKinerja.objects.select_for_update().get(pk=laporan.pk)
    _pastikan_belum_final(laporan)
    if bab not in BabLkj.values:
        raise ValidationError(
            {"bab": f"Bab {bab!r} tidak dikenal; pilih salah satu bab Laporan Kinerja."}
        )
    teks = _teks_wajib(teks, field="teks", label="Komentar")
    komentar = KomentarReviu(
        laporan=laporan, bab=bab, teks=teks, dibuat_oleh=pengguna, dibuat_pada=timezone.now()
    )
    _simpan(
        komentar,
        pengguna=pengguna,
        alasan="Komentar reviu",
        ringkasan=f"Komentar reviu {laporan}, {komentar.get_bab_display()}: {teks[:200]}",
    )
    return komentar


def _komentar_kunci(komentar: KomentarReviu) -> KomentarReviu:
    return KomentarReviu.objects.select_for_update().select_related("laporan").get(pk=komentar.pk)


@transaction.atomic
def komentar_answer(*, komentar: KomentarReviu, jawaban: str, pengguna) -> KomentarReviu:
    """The preparers' answer to an open comment (an answer may be rewritten until closed)."""
    pastikan_penjawab(pengguna)
    komentar = _komentar_kunci(komentar)
    if komentar.status == KomentarReviu.Status.DITUTUP:
        raise ValidationError(
            {"jawaban": "Komentar ini sudah ditutup Auditor; tidak dapat dijawab."}
        )
    _pastikan_belum_final(komentar.laporan, field="jawaban")
    jawaban = _teks_wajib(jawaban, field="jawaban", label="Jawaban")
    komentar.jawaban = jawaban
    komentar.status = KomentarReviu.Status.DIJAWAB
    komentar.dijawab_oleh = pengguna
    komentar.dijawab_pada = timezone.now()
    _simpan(
        komentar,
        pengguna=pengguna,
        alasan="Jawaban komentar reviu",
        ringkasan=f"Jawaban atas {komentar}: {jawaban[:200]}",
        fields=["jawaban", "status", "dijawab_oleh", "dijawab_pada"],
    )
    return komentar


@transaction.atomic
def komentar_close(*, komentar: KomentarReviu, pengguna) -> KomentarReviu:
    """The Auditor closes a comment (answered, or withdrawn while still open)."""
    pastikan_pereviu(pengguna)
    komentar = _komentar_kunci(komentar)
    if komentar.status == KomentarReviu.Status.DITUTUP:
        raise ValidationError({"status": "Komentar ini sudah ditutup."})
    _pastikan_belum_final(komentar.laporan, field="status")
    komentar.status = KomentarReviu.Status.DITUTUP
    komentar.ditutup_oleh = pengguna
    komentar.ditutup_pada = timezone.now()
    _simpan(
        komentar,
        pengguna=pengguna,
        alasan="Komentar reviu ditutup",
        ringkasan=f"{komentar} ditutup.",
        fields=["status", "ditutup_oleh", "ditutup_pada"],
    )
    return komentar


# --------------------------------------------------------------------------- statement


def pernyataan_teks(*, tahun: int) -> str:
    """The statement's text (PermenPANRB 53/2014's reviu statement), with the satker's name
    from its record."""
    from sekretariat import selectors as org

    satker = org.satker_get()
    nama = satker.nama if satker else "Sekretariat KPU"
    return (
        f"Kami telah mereviu Laporan Kinerja {nama} Tahun {tahun} sesuai Pedoman Reviu atas "
        "Laporan Kinerja. Substansi informasi yang dimuat dalam Laporan Kinerja menjadi "
        f"tanggung jawab manajemen {nama}. Reviu bertujuan untuk memberikan keyakinan terbatas "
        "bahwa laporan kinerja telah disajikan secara akurat, andal, dan valid. Berdasarkan "
        "reviu kami, tidak terdapat kondisi atau hal-hal yang menimbulkan perbedaan dalam "
        "meyakini keandalan informasi yang disajikan di dalam laporan kinerja ini."
    )


@transaction.atomic
def pernyataan_record(
    *,
    laporan: LaporanKinerja,
    nomor: str,
    tanggal: dt.date | None,
    tempat: str,
    nama_pereviu: str,
    nip_pereviu: str = "",
    jabatan_pereviu: str,
    pengguna,
) -> PernyataanReviu:
    """The Auditor records the year's statement, once every comment of the year is closed.
    Versions rendered afterwards print it."""
    pastikan_pereviu(pengguna)
    laporan = LaporanKinerja.objects.select_for_update().get(pk=laporan.pk)
    _pastikan_belum_final(laporan)
    if pernyataan_get(tahun=laporan.tahun) is not None:
        raise ValidationError(
            {"nomor": f"Pernyataan telah direviu LKj {laporan.tahun} sudah dicatat."}
        )
    data = {
        "nomor": (nomor or "").strip(),
        "tempat": (tempat or "").strip(),
        "nama_pereviu": (nama_pereviu or "").strip(),
        "nip_pereviu": (nip_pereviu or "").strip(),
        "jabatan_pereviu": (jabatan_pereviu or "").strip(),
    }
    galat = {}
    label = {
        "nomor": "Nomor",
        "tempat": "Tempat",
        "nama_pereviu": "Nama pereviu",
        "jabatan_pereviu": "Jabatan pereviu",
    }
    for field, nama in label.items():
        if not data[field]:
            galat[field] = f"{nama} wajib diisi."
    if tanggal is None:
        galat["tanggal"] = "Tanggal wajib diisi."
    elif tanggal.year <= laporan.tahun - 1 or tanggal > timezone.localdate():
        galat["tanggal"] = (
            f"Tanggal pernyataan harus setelah awal tahun {laporan.tahun} dan tidak melewati "
            "hari ini."
        )
    if data["nip_pereviu"] and not (
        data["nip_pereviu"].isdigit() and len(data["nip_pereviu"]) == 18
    ):
        galat["nip_pereviu"] = "NIP pereviu harus 18 angka."
    if galat:
        raise ValidationError(galat)
    batas_model_pastikan(PernyataanReviu, data)
    terbuka = list(komentar_terbuka(tahun=laporan.tahun))
    if terbuka:
        raise ValidationError(
            {
                "nomor": "Pernyataan dicatat setelah semua komentar reviu ditutup. "
                + _daftar(terbuka)
            }
        )
    pernyataan = PernyataanReviu(
        tahun=laporan.tahun,
        laporan=laporan,
        tanggal=tanggal,
        teks=pernyataan_teks(tahun=laporan.tahun),
        dicatat_oleh=pengguna,
        dicatat_pada=timezone.now(),
        **data,
    )
    _simpan(
        pernyataan,
        pengguna=pengguna,
        alasan="Pernyataan telah direviu",
        ringkasan=f"{pernyataan} dicatat atas {laporan} oleh {data['nama_pereviu']}.",
    )
    return pernyataan


# --------------------------------------------------------------------------- setting


@transaction.atomic
def pengaturan_reviu_set(*, reviu_wajib: bool, pengguna) -> PengaturanReviu:
    """Sekretaris/Admin: make the review required (default) or optional."""
    if not pengaturan_reviu_boleh(pengguna):
        raise PermissionDenied("Hanya Sekretaris yang dapat mengubah pengaturan reviu LKj.")
    pengaturan, _ = PengaturanReviu.objects.select_for_update().get_or_create(pk=1)
    if pengaturan.reviu_wajib != bool(reviu_wajib):
        pengaturan.reviu_wajib = bool(reviu_wajib)
        _simpan(
            pengaturan,
            pengguna=pengguna,
            alasan="Pengaturan reviu LKj",
            aksi="ubah",
            ringkasan="Reviu LKj " + ("wajib" if reviu_wajib else "tidak wajib") + ".",
        )
    return pengaturan


# --------------------------------------------------------------------------- finalisation


def _daftar(terbuka: list[KomentarReviu]) -> str:
    """ "Masih ada 2 komentar reviu yang belum ditutup: Bab II …: 1 (terbuka); …"."""
    per_bab: dict[str, list[KomentarReviu]] = {}
    for k in terbuka:
        per_bab.setdefault(k.bab, []).append(k)
    bagian = []
    for kunci, label in BabLkj.choices:
        if kunci in per_bab:
            status = ", ".join(k.get_status_display().lower() for k in per_bab[kunci])
            bagian.append(f"{label}: {angka(len(per_bab[kunci]))} ({status})")
    return (
        f"Masih ada {angka(len(terbuka))} komentar reviu yang belum ditutup Auditor — "
        + "; ".join(bagian)
        + "."
    )


def reviu_finalisasi_periksa(*, laporan: LaporanKinerja) -> None:
    """Refuse finalising ``laporan`` while the review (when required) is not done: an open
    comment of the year (listed per chapter), no statement, or a version composed before the
    statement was recorded (so it does not print it)."""
    if not reviu_wajib():
        return
    masalah = []
    terbuka = list(komentar_terbuka(tahun=laporan.tahun))
    if terbuka:
        masalah.append(_daftar(terbuka))
    pernyataan = pernyataan_get(tahun=laporan.tahun)
    if pernyataan is None:
        masalah.append(
            "Reviu LKj wajib: Auditor belum mencatat pernyataan telah direviu tahun "
            f"{laporan.tahun}."
        )
    elif laporan.diminta_pada < pernyataan.dicatat_pada:
        masalah.append(
            f"{laporan} disusun sebelum pernyataan telah direviu dicatat sehingga tidak "
            "memuatnya; susun versi baru lalu finalkan versi itu."
        )
    if masalah:
        raise ValidationError(
            f"Laporan Kinerja {laporan.tahun} belum dapat difinalkan. " + " ".join(masalah)
        )
