"""The IKU decree of a Renstra period and the manual of each indikator.

Written by the Sekretaris, Admin or the planning sub-bagian (``pastikan_perencana``, like the
Renstra). The year lock covers them: a decree dated in a locked year is frozen, and a manual is
frozen once every year of its Renstra period is locked. Every write goes into the history and
the audit trail (who and why); a refused write changes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from kpu_site.audit import jejak_catat
from kpu_site.batas import tahun_pastikan

from ..model_iku import IkuIndikator, KeputusanIku, ManualIndikator
from ..models import Indikator, Renstra
from ..selectors import kinerja_tahun_lock
from ._dasar import pastikan_perencana
from ._dasar import tulis as _tulis

KEPUTUSAN_KOLOM = ("nomor", "tanggal", "tentang")
MANUAL_KOLOM = (
    "definisi",
    "tujuan",
    "formula",
    "sumber_data",
    "unit_penanggung_jawab",
    "frekuensi",
    "jenis",
)


# --------------------------------------------------------------------------- the IKU decree


def _pastikan_keputusan_terbuka(tanggal: dt.date | None, *, field: str = "tanggal") -> None:
    if tanggal is not None and kinerja_tahun_lock(tanggal.year):
        raise ValidationError(
            {
                field: f"Tahun {tanggal.year} sudah dikunci; keputusan IKU bertanggal tahun itu "
                "tidak dapat diubah."
            }
        )


def _indikator_periksa(renstra: Renstra, indikator) -> list[Indikator]:
    daftar = list(indikator or [])
    if not daftar:
        raise ValidationError({"indikator": "Pilih paling sedikit satu indikator sebagai IKU."})
    terlihat = set()
    for ind in daftar:
        if not isinstance(ind, Indikator):
            raise ValidationError({"indikator": f"Indikator '{ind}' tidak dikenal."})
        if ind.pk in terlihat:
            raise ValidationError({"indikator": f"Indikator {ind.kode} tercantum dua kali."})
        terlihat.add(ind.pk)
        if ind.sasaran.tujuan.renstra_id != renstra.pk:
            raise ValidationError({"indikator": f"Indikator {ind.kode} bukan indikator {renstra}."})
    return daftar


def _keputusan_berubah(keputusan: KeputusanIku, nomor, tanggal, tentang, daftar) -> bool:
    """Whether saving these values would change the issued decree."""
    return (
        keputusan.nomor != (nomor or "").strip()
        or keputusan.tanggal != tanggal
        or keputusan.tentang != (tentang or "").strip()
        or set(keputusan.baris.values_list("indikator_id", flat=True)) != {i.pk for i in daftar}
    )


@transaction.atomic
def keputusan_iku_set(
    *,
    pengguna,
    renstra: Renstra,
    nomor: str,
    tanggal: dt.date | None,
    tentang: str,
    indikator,
    alasan: str = "",
) -> KeputusanIku:
    """Set (create or change) the IKU decree of ``renstra`` and the indikator it names.

    A decree once issued is changed only with its reason (``alasan``): the reason is the
    history row's change reason and part of the audit-trail entry, so every version of the
    decree is kept with why it changed. Saving it unchanged needs no reason."""
    pastikan_perencana(pengguna)
    renstra = Renstra.objects.select_for_update().get(pk=renstra.pk)
    keputusan = KeputusanIku.objects.filter(renstra=renstra).first()
    if keputusan is not None:
        _pastikan_keputusan_terbuka(keputusan.tanggal)
    if not (nomor or "").strip():
        raise ValidationError({"nomor": "Nomor keputusan wajib diisi."})
    if not (tentang or "").strip():
        raise ValidationError({"tentang": "Isian 'tentang' keputusan wajib diisi."})
    if tanggal is None:
        raise ValidationError({"tanggal": "Tanggal keputusan wajib diisi."})
    tahun_pastikan(tanggal.year, "tanggal")
    if tanggal.year > renstra.tahun_selesai:
        raise ValidationError(
            {"tanggal": f"Tanggal keputusan {tanggal:%d-%m-%Y} sesudah periode {renstra} berakhir."}
        )
    _pastikan_keputusan_terbuka(tanggal)
    daftar = _indikator_periksa(renstra, indikator)
    baru = keputusan is None
    alasan = (alasan or "").strip()
    if not baru and not alasan and _keputusan_berubah(keputusan, nomor, tanggal, tentang, daftar):
        raise ValidationError(
            {
                "alasan_perubahan": "Keputusan IKU yang sudah ditetapkan hanya dapat diubah "
                "dengan alasan perubahan (mis. keputusan pengganti, IKU ditinjau ulang)."
            }
        )
    keputusan = keputusan or KeputusanIku(renstra=renstra)
    keputusan.nomor = (nomor or "").strip()
    keputusan.tanggal = tanggal
    keputusan.tentang = (tentang or "").strip()
    _tulis(
        keputusan,
        pengguna=pengguna,
        alasan="Keputusan IKU dibuat"
        if baru
        else f"Keputusan IKU diubah: {alasan or 'tanpa perubahan isi'}",
    )
    lama = {r.indikator_id: r for r in keputusan.baris.select_related("indikator")}
    pilih = {ind.pk: ind for ind in daftar}
    for pk, baris in lama.items():
        if pk not in pilih:
            baris._history_user = pengguna
            baris._change_reason = "Dikeluarkan dari IKU"
            baris.delete()
    for pk, ind in pilih.items():
        if pk not in lama:
            _tulis(
                IkuIndikator(keputusan=keputusan, indikator=ind),
                pengguna=pengguna,
                alasan="Ditetapkan sebagai IKU",
            )
    ditambah = sorted(pilih[pk].kode for pk in pilih.keys() - lama.keys())
    dikeluarkan = sorted(lama[pk].indikator.kode for pk in lama.keys() - pilih.keys())
    jejak_catat(
        pengguna=pengguna,
        aksi="buat" if baru else "ubah",
        objek=keputusan,
        ringkasan=f"{keputusan} ({keputusan.nomor}) menetapkan {len(pilih)} IKU."
        + (f" Alasan perubahan: {alasan}" if alasan else ""),
        perubahan={
            "IKU ditambah": ", ".join(ditambah) or "–",
            "IKU dikeluarkan": ", ".join(dikeluarkan) or "–",
        },
    )
    return keputusan


# --------------------------------------------------------------------------- the manual


def _pastikan_manual_terbuka(indikator: Indikator) -> None:
    renstra = indikator.sasaran.tujuan.renstra
    if all(kinerja_tahun_lock(t) for t in renstra.daftar_tahun):
        raise ValidationError(
            f"Seluruh tahun {renstra} sudah dikunci; manual indikator {indikator.kode} tidak "
            "dapat diubah."
        )


@transaction.atomic
def manual_simpan(*, pengguna, indikator: Indikator, **data) -> ManualIndikator:
    """Create or change the manual of ``indikator`` (``MANUAL_KOLOM``). A manual may be saved
    incomplete (a draft); ``selectors_iku.manual_kurang`` says what it lacks."""
    pastikan_perencana(pengguna)
    indikator = Indikator.objects.select_related("sasaran__tujuan__renstra").get(pk=indikator.pk)
    _pastikan_manual_terbuka(indikator)
    manual = ManualIndikator.objects.select_for_update().filter(
        indikator=indikator
    ).first() or ManualIndikator(indikator=indikator)
    baru = manual.pk is None
    for kunci, nilai in data.items():
        if kunci not in MANUAL_KOLOM:
            raise ValidationError({kunci: "Kolom ini tidak dapat diubah."})
        if kunci == "unit_penanggung_jawab":
            setattr(manual, kunci, nilai or None)
        else:
            setattr(manual, kunci, str(nilai or "").strip())
    _tulis(
        manual,
        pengguna=pengguna,
        alasan=f"Manual {indikator.kode} {'dibuat' if baru else 'diubah'}",
    )
    return manual
