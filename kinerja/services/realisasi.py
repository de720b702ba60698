"""Realisasi with the verification workflow (Staf → Kasubag → Sekretaris) and optimistic
locking, and its evidence."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import File
from django.db import IntegrityError, transaction
from django.utils import timezone

from kpu_site.akses import boleh_ubah_unit
from kpu_site.audit import jejak_catat
from kpu_site.batas import tahun_pastikan
from kpu_site.berkas import berkas_periksa, nama_acak
from kpu_site.formatting import tanggal

from ..models import (
    BuktiDukung,
    Indikator,
    Realisasi,
)
from ..selectors import (
    kinerja_tahun_lock,
)
from ._dasar import nilai_periksa

# --------------------------------------------------------------------------- realisasi


def _pastikan_tahun_terbuka(tahun: int) -> None:
    if kinerja_tahun_lock(tahun):
        raise ValidationError(
            f"Tahun {tahun} sudah dikunci (Laporan Kinerja difinalisasi); "
            "realisasi tahun ini tidak dapat diubah."
        )


def _pastikan_penginput(pengguna, indikator: Indikator) -> None:
    """Refuse (``PermissionDenied``) a user who may not enter this indikator's realisasi;
    ``pengguna=None`` is the system itself (a management command), always allowed."""
    if pengguna is None:
        return
    if not pengguna.has_perm("kinerja.change_realisasi"):
        raise PermissionDenied("Anda tidak berhak mengisi realisasi kinerja.")
    if not boleh_ubah_unit(pengguna, indikator.sasaran.unit):
        raise PermissionDenied(
            f"Realisasi indikator {indikator.kode} diisi oleh {indikator.sasaran.unit}."
        )


def realisasi_penginput_tolak(pengguna, indikator: Indikator) -> str:
    """Why ``pengguna`` may not enter the realisasi of ``indikator`` ("" when they may): the
    check of ``realisasi_save``, for an import's preview."""
    try:
        _pastikan_penginput(pengguna, indikator)
    except PermissionDenied as e:
        return str(e)
    return ""


def _catat_alur(realisasi: Realisasi, pengguna, ringkasan: str) -> None:
    jejak_catat(pengguna=pengguna, aksi="alur", objek=realisasi, ringkasan=ringkasan)


@transaction.atomic
def realisasi_save(
    *,
    indikator: Indikator,
    tahun: int,
    periode: str,
    pengguna,
    versi: int | None,
    nilai=None,
    target_periode=None,
    analisis: str = "",
    kendala: str = "",
    solusi: str = "",
    program_pendukung: str = "",
) -> Realisasi:
    """Create or update the realisasi of one indikator and period.

    ``versi`` is the version the user started from (``None`` for a new row): if someone saved
    in between, the save is refused instead of silently overwriting their work.
    """
    _pastikan_penginput(pengguna, indikator)
    tahun_pastikan(tahun)
    _pastikan_tahun_terbuka(tahun)
    if periode not in Realisasi.Periode.values:
        raise ValidationError({"periode": f"Periode '{periode}' tidak dikenal."})
    renstra = indikator.sasaran.tujuan.renstra
    if not renstra.tahun_mulai <= tahun <= renstra.tahun_selesai:
        raise ValidationError({"tahun": f"Tahun {tahun} di luar periode {renstra}."})
    kesalahan = {}
    try:
        nilai = nilai_periksa(indikator=indikator, nilai=nilai, label="realisasi")
    except ValidationError as e:
        kesalahan["nilai"] = e.messages
    try:
        target_periode = nilai_periksa(
            indikator=indikator, nilai=target_periode, label="target periode"
        )
    except ValidationError as e:
        kesalahan["target_periode"] = e.messages
    if periode == Realisasi.Periode.TAHUNAN and target_periode is not None:
        kesalahan["target_periode"] = [
            "Target tahunan diambil dari Perjanjian Kinerja; target periode hanya untuk TW I–IV."
        ]
    if kesalahan:
        raise ValidationError(kesalahan)
    obj = (
        Realisasi.objects.select_for_update()
        .filter(indikator=indikator, tahun=tahun, periode=periode)
        .first()
    )
    if obj is None:
        if versi not in (None, 0, 1):
            raise ValidationError(
                "Data realisasi ini sudah dihapus atau belum pernah disimpan; muat ulang halaman."
            )
        obj = Realisasi(indikator=indikator, tahun=tahun, periode=periode, versi=0)
    else:
        if versi is None or int(versi) != obj.versi:
            oleh = obj.diubah_oleh or "pengguna lain"
            raise ValidationError(
                f"Realisasi ini sudah diubah oleh {oleh} pada {tanggal(obj.diubah_pada, True)} "
                "setelah Anda membukanya. Perubahan Anda tidak disimpan; muat ulang halaman, "
                "periksa isinya, lalu simpan kembali."
            )
        if not obj.dapat_diubah:
            raise ValidationError(
                f"Realisasi berstatus '{obj.get_status_display()}' tidak dapat diubah; "
                "minta verifikator mengembalikannya bila perlu diperbaiki."
            )
    obj.nilai = nilai
    obj.target_periode = target_periode
    obj.analisis = analisis or ""
    obj.kendala = kendala or ""
    obj.solusi = solusi or ""
    obj.program_pendukung = program_pendukung or ""
    obj.diubah_oleh = pengguna
    obj.versi += 1
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError:
        raise ValidationError(
            "Realisasi periode ini baru saja dibuat oleh pengguna lain; muat ulang halaman."
        ) from None
    return obj


def _kunci_baris(realisasi: Realisasi) -> Realisasi:
    return (
        Realisasi.objects.select_for_update()
        .select_related("indikator", "indikator__sasaran", "indikator__sasaran__unit")
        .get(pk=realisasi.pk)
    )


@transaction.atomic
def realisasi_submit(*, realisasi: Realisasi, pengguna) -> Realisasi:
    """Staf submits the realisasi to the Kasubag of the sub-bagian."""
    realisasi = _kunci_baris(realisasi)
    _pastikan_penginput(pengguna, realisasi.indikator)
    _pastikan_tahun_terbuka(realisasi.tahun)
    if not realisasi.dapat_diubah:
        raise ValidationError(
            f"Realisasi berstatus '{realisasi.get_status_display()}' tidak dapat diajukan lagi."
        )
    if realisasi.nilai is None:
        raise ValidationError({"nilai": "Isi nilai realisasi sebelum mengajukan."})
    realisasi.status = Realisasi.Status.DIAJUKAN
    realisasi.diajukan_oleh = pengguna
    realisasi.diajukan_pada = timezone.now()
    realisasi.versi += 1
    realisasi.save()
    _catat_alur(realisasi, pengguna, f"Diajukan untuk diverifikasi oleh {pengguna}.")
    return realisasi


def _pastikan_verifikator(pengguna, realisasi: Realisasi) -> None:
    if not pengguna.has_perm("kinerja.verifikasi_realisasi"):
        raise PermissionDenied("Hanya Kasubag atau Sekretaris yang dapat memverifikasi realisasi.")
    if not boleh_ubah_unit(pengguna, realisasi.indikator.sasaran.unit):
        raise PermissionDenied(
            f"Realisasi ini diverifikasi oleh Kasubag {realisasi.indikator.sasaran.unit}."
        )


@transaction.atomic
def realisasi_verify(*, realisasi: Realisasi, pengguna, catatan: str = "") -> Realisasi:
    """Kasubag of the owning sub-bagian verifies a submitted realisasi."""
    realisasi = _kunci_baris(realisasi)
    _pastikan_verifikator(pengguna, realisasi)
    _pastikan_tahun_terbuka(realisasi.tahun)
    if realisasi.status != Realisasi.Status.DIAJUKAN:
        raise ValidationError(
            f"Hanya realisasi yang diajukan yang dapat diverifikasi (status sekarang: "
            f"{realisasi.get_status_display()})."
        )
    realisasi.status = Realisasi.Status.DIVERIFIKASI
    realisasi.diverifikasi_oleh = pengguna
    realisasi.diverifikasi_pada = timezone.now()
    realisasi.catatan_verifikasi = catatan or ""
    realisasi.versi += 1
    realisasi.save()
    _catat_alur(realisasi, pengguna, f"Diverifikasi oleh {pengguna}.")
    return realisasi


@transaction.atomic
def realisasi_return(*, realisasi: Realisasi, pengguna, catatan: str) -> Realisasi:
    """Return a submitted (Kasubag) or verified (Sekretaris) realisasi with a comment."""
    realisasi = _kunci_baris(realisasi)
    _pastikan_tahun_terbuka(realisasi.tahun)
    if realisasi.status == Realisasi.Status.DIAJUKAN:
        _pastikan_verifikator(pengguna, realisasi)
    elif realisasi.status == Realisasi.Status.DIVERIFIKASI:
        if not pengguna.has_perm("kinerja.setujui_realisasi"):
            raise PermissionDenied(
                "Realisasi yang sudah diverifikasi hanya dapat dikembalikan oleh Sekretaris."
            )
    else:
        raise ValidationError(
            f"Realisasi berstatus '{realisasi.get_status_display()}' tidak dapat dikembalikan."
        )
    if not (catatan or "").strip():
        raise ValidationError({"catatan": "Tulis catatan alasan pengembalian."})
    realisasi.status = Realisasi.Status.DIKEMBALIKAN
    realisasi.catatan_verifikasi = catatan.strip()
    realisasi.versi += 1
    realisasi.save()
    _catat_alur(realisasi, pengguna, f"Dikembalikan oleh {pengguna}: {catatan.strip()}")
    return realisasi


@transaction.atomic
def realisasi_approve(*, realisasi: Realisasi, pengguna) -> Realisasi:
    """The Sekretaris approves a verified realisasi; it is locked from then on."""
    realisasi = _kunci_baris(realisasi)
    if not pengguna.has_perm("kinerja.setujui_realisasi"):
        raise PermissionDenied("Hanya Sekretaris yang dapat menyetujui realisasi kinerja.")
    _pastikan_tahun_terbuka(realisasi.tahun)
    if realisasi.status != Realisasi.Status.DIVERIFIKASI:
        raise ValidationError(
            f"Hanya realisasi yang sudah diverifikasi Kasubag yang dapat disetujui (status "
            f"sekarang: {realisasi.get_status_display()})."
        )
    realisasi.status = Realisasi.Status.DISETUJUI
    realisasi.disetujui_oleh = pengguna
    realisasi.disetujui_pada = timezone.now()
    realisasi.versi += 1
    realisasi.save()
    _catat_alur(realisasi, pengguna, f"Disetujui oleh {pengguna}; data dikunci.")
    return realisasi


def realisasi_aksi_boleh(*, realisasi: Realisasi | None, pengguna) -> frozenset[str]:
    """The workflow steps ``pengguna`` may take on ``realisasi`` now, decided by the same checks
    as the services above: ``ajukan``, ``verifikasi``, ``setujui``, ``kembalikan``. The pages
    show these buttons; nothing when the year is locked."""
    if realisasi is None:
        return frozenset()
    try:
        _pastikan_tahun_terbuka(realisasi.tahun)
    except ValidationError:
        return frozenset()

    def lolos(periksa, *args) -> bool:
        try:
            periksa(*args)
        except PermissionDenied:
            return False
        return True

    aksi = set()
    if realisasi.dapat_diubah and lolos(_pastikan_penginput, pengguna, realisasi.indikator):
        aksi.add("ajukan")
    if realisasi.status == Realisasi.Status.DIAJUKAN and lolos(
        _pastikan_verifikator, pengguna, realisasi
    ):
        aksi |= {"verifikasi", "kembalikan"}
    if realisasi.status == Realisasi.Status.DIVERIFIKASI and pengguna.has_perm(
        "kinerja.setujui_realisasi"
    ):
        aksi |= {"setujui", "kembalikan"}
    return frozenset(aksi)


# --------------------------------------------------------------------------- evidence


def _pastikan_bukti_dapat_diubah(realisasi: Realisasi, pengguna) -> None:
    _pastikan_penginput(pengguna, realisasi.indikator)
    _pastikan_tahun_terbuka(realisasi.tahun)
    if not realisasi.dapat_diubah:
        raise ValidationError(
            f"Bukti dukung realisasi berstatus '{realisasi.get_status_display()}' tidak dapat "
            "diubah."
        )


@transaction.atomic
def bukti_berkas_add(
    *, realisasi: Realisasi, pengguna, berkas, keterangan: str = ""
) -> BuktiDukung:
    """Attach an evidence file: type checked from its content, stored under a generated name."""
    realisasi = _kunci_baris(realisasi)
    _pastikan_bukti_dapat_diubah(realisasi, pengguna)
    try:
        jenis = berkas_periksa(berkas)
    except ValidationError as e:
        raise ValidationError({"berkas": e.messages}) from None
    bukti = BuktiDukung(
        realisasi=realisasi,
        nama_asli=getattr(berkas, "name", "") or "",  # berkas_periksa refused a longer name
        jenis_berkas=jenis,
        ukuran=berkas.size,
        keterangan=keterangan or "",
        diunggah_oleh=pengguna,
    )
    berkas.seek(0)
    bukti.berkas.save(nama_acak(jenis), File(berkas), save=False)
    bukti.save()
    return bukti


@transaction.atomic
def bukti_tautan_add(
    *, realisasi: Realisasi, pengguna, tautan: str, keterangan: str = ""
) -> BuktiDukung:
    """Attach a link (e.g. to a document in the office drive) as evidence."""
    from django.core.validators import URLValidator

    realisasi = _kunci_baris(realisasi)
    _pastikan_bukti_dapat_diubah(realisasi, pengguna)
    tautan = (tautan or "").strip()
    try:
        URLValidator(schemes=["http", "https"])(tautan)
    except ValidationError:
        raise ValidationError({"tautan": "Tautan harus alamat web lengkap (https://…)."}) from None
    return BuktiDukung.objects.create(
        realisasi=realisasi, tautan=tautan, keterangan=keterangan or "", diunggah_oleh=pengguna
    )


@transaction.atomic
def bukti_delete(*, bukti: BuktiDukung, pengguna) -> None:
    realisasi = _kunci_baris(bukti.realisasi)
    _pastikan_bukti_dapat_diubah(realisasi, pengguna)
    berkas = bukti.berkas
    bukti.delete()
    if berkas:
        transaction.on_commit(lambda: berkas.storage.delete(berkas.name))
