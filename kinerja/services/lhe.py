"""The evaluator's report (LHE), its findings and their follow-up.

Who writes what:

- the LHE and its findings: the Auditor (who enters the Inspektorat's report) and Admin
  (``pastikan_pengisi_lhe``);
- a follow-up: the Kasubag and Staf of the unit a finding names, Sub Bagian Perencanaan (which
  coordinates the SAKIP), the Sekretaris and Admin (``boleh_tindak_lanjut``);
- accepting a finding as done (status ``selesai``): the Sekretaris only, with a note.

Status: ``belum`` → ``proses`` (automatically with the first follow-up) → ``selesai`` (accepted
by the Sekretaris). A closed finding takes no further follow-up and no change.

The year lock (``KunciTahun``) does not apply here: the LHE of year N and its follow-up are made
in year N+1 and later, after the LKj of year N has been finalised and its year locked; locking
them would make the follow-up impossible. The locked year's own data (PK, realisasi, LKj) stays
frozen; the LHE only refers to the year.

Every write goes into the history and, through it, the audit trail (``kpu_site.audit``: one
row per history record, with the reason); accepting a finding is that one row marked as a
workflow step (``alur``, ``jejak_tandai``). A refused write changes nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from kpu_site.akses import boleh_ubah_unit
from kpu_site.audit import jejak_tandai
from kpu_site.batas import tahun_pastikan
from kpu_site.berkas import berkas_periksa, nama_acak
from kpu_site.peran import Peran, peran_of

from ..model_lhe import LaporanHasilEvaluasi, TemuanEvaluasi, TindakLanjut
from ._dasar import UNIT_PERENCANAAN
from ._dasar import tulis as _tulis

LHE_KOLOM = ("tahun", "nomor", "tanggal", "evaluator", "nilai", "ringkasan")
TEMUAN_KOLOM = ("nomor", "uraian", "rekomendasi", "komponen", "unit", "batas_waktu")
PERAN_PENGISI_LHE = frozenset({Peran.ADMIN, Peran.AUDITOR})


# --------------------------------------------------------------------------- who


def boleh_isi_lhe(pengguna) -> bool:
    """May ``pengguna`` enter or change an LHE and its findings? Auditor and Admin."""
    return peran_of(pengguna) in PERAN_PENGISI_LHE


def pastikan_pengisi_lhe(pengguna) -> None:
    if not boleh_isi_lhe(pengguna):
        raise PermissionDenied(
            "Laporan hasil evaluasi dan temuannya hanya dapat diisi oleh Auditor atau Admin."
        )


def boleh_tindak_lanjut(pengguna, temuan: TemuanEvaluasi) -> bool:
    """May ``pengguna`` record a follow-up of ``temuan``? The unit it names, Perencanaan, the
    Sekretaris and Admin (``boleh_ubah_unit``)."""
    return boleh_ubah_unit(pengguna, temuan.unit_id) or boleh_ubah_unit(pengguna, UNIT_PERENCANAAN)


def boleh_terima_temuan(pengguna) -> bool:
    """Only the Sekretaris accepts a finding as done."""
    return peran_of(pengguna) == Peran.SEKRETARIS


# --------------------------------------------------------------------------- helpers


def _teks(nilai) -> str:
    return str(nilai or "").strip()


def _wajib(data: dict, kolom: str, label: str) -> None:
    if data.get(kolom) in (None, "") or (isinstance(data[kolom], str) and not data[kolom].strip()):
        raise ValidationError({kolom: f"{label} wajib diisi."})


def _nilai_periksa(nilai) -> Decimal:
    if nilai in (None, ""):
        raise ValidationError({"nilai": "Nilai evaluasi wajib diisi."})
    try:
        angka = nilai if isinstance(nilai, Decimal) else Decimal(str(nilai).replace(",", "."))
    except InvalidOperation:
        raise ValidationError({"nilai": f"Nilai evaluasi '{nilai}' bukan angka."}) from None
    if not angka.is_finite() or angka < 0 or angka > 100:
        raise ValidationError({"nilai": "Nilai evaluasi harus antara 0 dan 100."})
    exponent = angka.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise ValidationError({"nilai": "Nilai evaluasi paling banyak dua angka desimal."})
    return angka.quantize(Decimal("0.01"))


def _berkas_simpan(obj, berkas) -> None:
    """Check an uploaded file by its content and store it under a generated name."""
    try:
        jenis = berkas_periksa(berkas)
    except ValidationError as e:
        raise ValidationError({"berkas": e.messages}) from None
    obj.nama_asli = getattr(berkas, "name", "") or ""
    obj.jenis_berkas = jenis
    berkas.seek(0)
    obj.berkas.save(nama_acak(jenis), File(berkas), save=False)


# --------------------------------------------------------------------------- the LHE


@transaction.atomic
def lhe_simpan(
    *, pengguna, lhe: LaporanHasilEvaluasi | None = None, berkas=None, **data
) -> LaporanHasilEvaluasi:
    """Create (``lhe=None``) or change an LHE: ``LHE_KOLOM`` and an optional document."""
    pastikan_pengisi_lhe(pengguna)
    for kunci in data:
        if kunci not in LHE_KOLOM:
            raise ValidationError({kunci: "Kolom ini tidak dapat diubah."})
    if lhe is not None:
        lhe = LaporanHasilEvaluasi.objects.select_for_update().get(pk=lhe.pk)
        data = {k: getattr(lhe, k) for k in LHE_KOLOM} | data
    _wajib(data, "tahun", "Tahun yang dievaluasi")
    _wajib(data, "nomor", "Nomor LHE")
    _wajib(data, "tanggal", "Tanggal LHE")
    _wajib(data, "evaluator", "Evaluator")
    try:
        tahun = int(data["tahun"])
    except (TypeError, ValueError):
        raise ValidationError({"tahun": f"Tahun '{data['tahun']}' bukan angka."}) from None
    tahun_pastikan(tahun, "tahun")
    tanggal: dt.date = data["tanggal"]
    tahun_pastikan(tanggal.year, "tanggal")
    if tanggal.year < tahun:
        raise ValidationError(
            {"tanggal": f"Tanggal LHE {tanggal:%d-%m-%Y} sebelum tahun yang dievaluasi ({tahun})."}
        )
    lain = LaporanHasilEvaluasi.objects.filter(tahun=tahun)
    if lhe is not None:
        lain = lain.exclude(pk=lhe.pk)
    if lain.exists():
        raise ValidationError({"tahun": f"LHE atas evaluasi tahun {tahun} sudah ada."})
    if lhe is not None:
        terdahulu = lhe.temuan.filter(batas_waktu__lt=tanggal).order_by("nomor").first()
        if terdahulu is not None:
            raise ValidationError(
                {
                    "tanggal": f"Tanggal LHE {tanggal:%d-%m-%Y} sesudah batas waktu temuan "
                    f"no. {terdahulu.nomor} ({terdahulu.batas_waktu:%d-%m-%Y})."
                }
            )
    baru = lhe is None
    lhe = lhe or LaporanHasilEvaluasi(diinput_oleh=pengguna)
    lhe.tahun = tahun
    lhe.nomor = _teks(data["nomor"])
    lhe.tanggal = tanggal
    lhe.evaluator = _teks(data["evaluator"])
    lhe.nilai = _nilai_periksa(data["nilai"])
    lhe.ringkasan = _teks(data.get("ringkasan"))
    if berkas:
        _berkas_simpan(lhe, berkas)
    _tulis(
        lhe,
        pengguna=pengguna,
        alasan=f"LHE {'dicatat' if baru else 'diubah'}: nilai {lhe.nilai} ({lhe.predikat})",
    )
    return lhe


# --------------------------------------------------------------------------- findings


def _pastikan_terbuka(temuan: TemuanEvaluasi, field: str) -> None:
    if temuan.status == TemuanEvaluasi.Status.SELESAI:
        raise ValidationError(
            {
                field: f"{temuan} sudah selesai (diterima Sekretaris); "
                "tidak dapat ditambah tindak lanjut atau diubah."
            }
        )


@transaction.atomic
def temuan_simpan(
    *,
    pengguna,
    lhe: LaporanHasilEvaluasi | None = None,
    temuan: TemuanEvaluasi | None = None,
    **data,
) -> TemuanEvaluasi:
    """Create a finding of ``lhe`` or change ``temuan`` (``TEMUAN_KOLOM``)."""
    pastikan_pengisi_lhe(pengguna)
    for kunci in data:
        if kunci not in TEMUAN_KOLOM:
            raise ValidationError({kunci: "Kolom ini tidak dapat diubah."})
    if temuan is not None:
        temuan = TemuanEvaluasi.objects.select_for_update().get(pk=temuan.pk)
        _pastikan_terbuka(temuan, "status")
        lhe = temuan.lhe
        data = {k: getattr(temuan, k) for k in TEMUAN_KOLOM} | data
    if lhe is None:
        raise ValidationError({"lhe": "Pilih LHE temuan ini."})
    lhe = LaporanHasilEvaluasi.objects.select_for_update().get(pk=lhe.pk)
    if data.get("nomor") in (None, ""):
        terakhir = lhe.temuan.order_by("-nomor").values_list("nomor", flat=True).first() or 0
        data["nomor"] = terakhir + 1
    _wajib(data, "uraian", "Uraian temuan")
    _wajib(data, "rekomendasi", "Rekomendasi")
    _wajib(data, "unit", "Unit penanggung jawab")
    _wajib(data, "batas_waktu", "Batas waktu")
    batas: dt.date = data["batas_waktu"]
    if batas < lhe.tanggal:
        raise ValidationError(
            {
                "batas_waktu": f"Batas waktu {batas:%d-%m-%Y} sebelum tanggal LHE "
                f"({lhe.tanggal:%d-%m-%Y})."
            }
        )
    try:
        nomor = int(data["nomor"])
    except (TypeError, ValueError):
        raise ValidationError({"nomor": f"Nomor temuan '{data['nomor']}' bukan angka."}) from None
    sama = lhe.temuan.filter(nomor=nomor)
    if temuan is not None:
        sama = sama.exclude(pk=temuan.pk)
    if sama.exists():
        raise ValidationError({"nomor": f"Temuan no. {nomor} sudah ada pada {lhe}."})
    baru = temuan is None
    temuan = temuan or TemuanEvaluasi(lhe=lhe)
    temuan.nomor = nomor
    temuan.uraian = _teks(data["uraian"])
    temuan.rekomendasi = _teks(data["rekomendasi"])
    temuan.komponen = _teks(data.get("komponen"))
    temuan.unit = data["unit"]
    temuan.batas_waktu = batas
    _tulis(temuan, pengguna=pengguna, alasan="Temuan dicatat" if baru else "Temuan diubah")
    return temuan


# --------------------------------------------------------------------------- follow-up


@transaction.atomic
def tindak_lanjut_tambah(
    *,
    pengguna,
    temuan: TemuanEvaluasi,
    tanggal: dt.date | None,
    uraian: str,
    berkas=None,
    tautan: str = "",
) -> TindakLanjut:
    """Record a follow-up of ``temuan`` with its evidence (a file or a link, one of them).
    The first follow-up moves the finding from ``belum`` to ``proses``."""
    temuan = (
        TemuanEvaluasi.objects.select_for_update().select_related("lhe", "unit").get(pk=temuan.pk)
    )
    if not boleh_tindak_lanjut(pengguna, temuan):
        raise PermissionDenied(
            f"Tindak lanjut {temuan} hanya dapat dicatat oleh {temuan.unit}, Sub Bagian "
            "Perencanaan, Data dan Informasi, atau Sekretaris."
        )
    _pastikan_terbuka(temuan, "temuan")
    if tanggal is None:
        raise ValidationError({"tanggal": "Tanggal tindak lanjut wajib diisi."})
    tahun_pastikan(tanggal.year, "tanggal")
    if tanggal < temuan.lhe.tanggal:
        raise ValidationError(
            {
                "tanggal": f"Tanggal tindak lanjut {tanggal:%d-%m-%Y} sebelum tanggal LHE "
                f"({temuan.lhe.tanggal:%d-%m-%Y})."
            }
        )
    if tanggal > timezone.localdate():
        raise ValidationError({"tanggal": "Tanggal tindak lanjut tidak boleh di masa depan."})
    if not _teks(uraian):
        raise ValidationError({"uraian": "Uraian tindak lanjut wajib diisi."})
    tautan = _teks(tautan)
    if berkas and tautan:
        raise ValidationError({"tautan": "Pilih salah satu bukti: unggah berkas atau tautan."})
    if not berkas and not tautan:
        raise ValidationError({"berkas": "Lampirkan bukti: unggah berkas atau isi tautan."})
    if tautan:
        try:
            URLValidator(schemes=["http", "https"])(tautan)
        except ValidationError:
            raise ValidationError(
                {"tautan": "Tautan harus alamat web lengkap (https://…)."}
            ) from None
    tl = TindakLanjut(
        temuan=temuan, tanggal=tanggal, uraian=_teks(uraian), tautan=tautan, dicatat_oleh=pengguna
    )
    if berkas:
        _berkas_simpan(tl, berkas)
    _tulis(tl, pengguna=pengguna, alasan="Tindak lanjut dicatat")
    if temuan.status == TemuanEvaluasi.Status.BELUM:
        temuan.status = TemuanEvaluasi.Status.PROSES
        _tulis(temuan, pengguna=pengguna, alasan="Tindak lanjut pertama: dalam proses")
    return tl


@transaction.atomic
def temuan_terima(*, pengguna, temuan: TemuanEvaluasi, catatan: str) -> TemuanEvaluasi:
    """The Sekretaris accepts the follow-up of ``temuan`` as done (status ``selesai``)."""
    if not boleh_terima_temuan(pengguna):
        raise PermissionDenied("Tindak lanjut temuan hanya dapat diterima oleh Sekretaris.")
    temuan = TemuanEvaluasi.objects.select_for_update().select_related("lhe").get(pk=temuan.pk)
    _pastikan_terbuka(temuan, "status")
    if temuan.status == TemuanEvaluasi.Status.BELUM:
        raise ValidationError(
            {"status": f"{temuan} belum memiliki tindak lanjut; belum dapat diterima selesai."}
        )
    if not _teks(catatan):
        raise ValidationError({"catatan": "Catatan penerimaan wajib diisi."})
    temuan.status = TemuanEvaluasi.Status.SELESAI
    temuan.diterima_oleh = pengguna
    temuan.diterima_pada = timezone.now()
    temuan.catatan_penerimaan = _teks(catatan)
    jejak_tandai(
        temuan,
        aksi="alur",
        ringkasan=f"{temuan} diterima selesai: {temuan.catatan_penerimaan[:200]}",
    )
    _tulis(temuan, pengguna=pengguna, alasan="Tindak lanjut diterima selesai")
    return temuan
