"""Writes of the kinerja app: Renstra targets, Perjanjian Kinerja (draft → signed → revision),
realisasi with the verification workflow and optimistic locking, evidence, year lock, settings.

Rules broken raise ``ValidationError`` (Indonesian, naming the field); an action by someone not
allowed raises ``PermissionDenied``. Nothing is partly written (``transaction.atomic``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import File
from django.db import IntegrityError, transaction
from django.utils import timezone

from kpu_site.akses import boleh_ubah_unit
from kpu_site.audit import jejak_catat
from kpu_site.berkas import berkas_periksa, nama_acak
from kpu_site.formatting import angka, tanggal
from kpu_site.peran import Peran, peran_of

from .models import (
    BuktiDukung,
    Indikator,
    KunciTahun,
    PengaturanCapaian,
    PerjanjianKinerja,
    PKBaris,
    Realisasi,
    TargetTahunan,
)
from .selectors import (
    kinerja_tahun_kunci,
    pengaturan_capaian_get,
    pk_penandatangan_default,
    renstra_untuk_tahun,
)

# --------------------------------------------------------------------------- values


def nilai_periksa(*, indikator: Indikator, nilai, label: str = "nilai") -> Decimal | None:
    """Check a target or realisasi against the indikator's unit and precision.

    Returns the value as ``Decimal`` (``None`` stays ``None``); raises ``ValidationError``
    naming ``label``: more decimals than the indikator allows, a fraction for a unit that
    counts things, a negative value, or a percentage above 1000.
    """
    if nilai is None or nilai == "":
        return None
    try:
        nilai = nilai if isinstance(nilai, Decimal) else Decimal(str(nilai).replace(",", "."))
    except InvalidOperation:
        raise ValidationError(f"{label.capitalize()} '{nilai}' bukan angka.") from None
    if not nilai.is_finite():
        raise ValidationError(f"{label.capitalize()} harus berupa angka.")
    satuan = indikator.get_satuan_display()
    exponent = nilai.normalize().as_tuple().exponent
    desimal = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if indikator.satuan in Indikator.SATUAN_CACAH and desimal:
        raise ValidationError(
            f"{label.capitalize()} {angka(nilai, desimal)} tidak sesuai satuan {satuan}: "
            "harus bilangan bulat."
        )
    if desimal > indikator.presisi:
        raise ValidationError(
            f"{label.capitalize()} {angka(nilai, desimal)} memiliki {desimal} angka desimal; "
            f"indikator ini memakai paling banyak {indikator.presisi}."
        )
    if nilai < 0:
        raise ValidationError(f"{label.capitalize()} tidak boleh negatif.")
    if indikator.satuan == Indikator.Satuan.PERSEN and nilai > 1000:
        raise ValidationError(
            f"{label.capitalize()} {angka(nilai, desimal)}% tidak masuk akal untuk satuan persen."
        )
    return nilai


def _target_pasangan_periksa(*, indikator: Indikator, target, target_atas):
    try:
        target = nilai_periksa(indikator=indikator, nilai=target, label="target")
    except ValidationError as e:
        raise ValidationError({"target": e.messages}) from None
    if target is None:
        raise ValidationError({"target": "Target wajib diisi."})
    if indikator.arah == Indikator.Arah.RENTANG:
        try:
            target_atas = nilai_periksa(indikator=indikator, nilai=target_atas, label="batas atas")
        except ValidationError as e:
            raise ValidationError({"target_atas": e.messages}) from None
        if target_atas is None:
            raise ValidationError(
                {"target_atas": "Indikator rentang memerlukan batas atas target."}
            )
        if target_atas < target:
            raise ValidationError(
                {"target_atas": "Batas atas tidak boleh lebih kecil dari batas bawah."}
            )
    elif target_atas not in (None, ""):
        raise ValidationError(
            {"target_atas": "Batas atas hanya dipakai untuk indikator dengan arah rentang."}
        )
    else:
        target_atas = None
    return target, target_atas


def _pastikan_perencana(pengguna) -> None:
    """Renstra and PK are kept by the Sekretaris, Admin, or the planning sub-bagian."""
    peran = peran_of(pengguna)
    if peran in (Peran.ADMIN, Peran.SEKRETARIS):
        return
    if peran in (Peran.KASUBAG, Peran.STAF) and getattr(pengguna.unit, "kode", "") == "perencanaan":
        return
    raise PermissionDenied(
        "Renstra dan Perjanjian Kinerja hanya dapat diubah oleh Sekretaris atau Sub Bagian "
        "Perencanaan, Data dan Informasi."
    )


# --------------------------------------------------------------------------- Renstra targets


@transaction.atomic
def target_tahunan_set(
    *, indikator: Indikator, tahun: int, target, target_atas=None, pengguna=None
) -> TargetTahunan:
    """Set the Renstra target of an indikator for a year inside the Renstra period."""
    if pengguna is not None:
        _pastikan_perencana(pengguna)
    renstra = indikator.sasaran.tujuan.renstra
    if not renstra.tahun_mulai <= tahun <= renstra.tahun_selesai:
        raise ValidationError(
            {"tahun": f"Tahun {tahun} di luar periode {renstra}."},
        )
    target, target_atas = _target_pasangan_periksa(
        indikator=indikator, target=target, target_atas=target_atas
    )
    obj, _ = TargetTahunan.objects.update_or_create(
        indikator=indikator, tahun=tahun, defaults={"target": target, "target_atas": target_atas}
    )
    return obj


# --------------------------------------------------------------------------- PK


@transaction.atomic
def pk_create(
    *, tahun: int, pengguna, tempat: str = "", tanggal_pk: dt.date | None = None
) -> PerjanjianKinerja:
    """A new draft PK for the year (revision 0), rows copied from the Renstra year targets."""
    _pastikan_perencana(pengguna)
    renstra = renstra_untuk_tahun(tahun)
    if renstra is None:
        raise ValidationError({"tahun": f"Belum ada Renstra yang mencakup tahun {tahun}."})
    if PerjanjianKinerja.objects.filter(tahun=tahun).exists():
        raise ValidationError(
            {"tahun": f"Perjanjian Kinerja {tahun} sudah ada; ubah draftnya atau buat perubahan."}
        )
    tanggal_pk = tanggal_pk or dt.date(tahun, 1, 2)
    perjanjian = PerjanjianKinerja.objects.create(
        tahun=tahun,
        revisi=0,
        tempat=tempat,
        tanggal=tanggal_pk,
        dibuat_oleh=pengguna,
        **pk_penandatangan_default(tanggal=tanggal_pk),
    )
    targets = TargetTahunan.objects.filter(
        tahun=tahun, indikator__sasaran__tujuan__renstra=renstra
    ).order_by("indikator__sasaran__nomor", "indikator__kode")
    PKBaris.objects.bulk_create(
        [
            PKBaris(
                perjanjian=perjanjian,
                indikator_id=t.indikator_id,
                target=t.target,
                target_atas=t.target_atas,
            )
            for t in targets
        ]
    )
    jejak_catat(
        pengguna=pengguna,
        aksi="buat",
        objek=perjanjian,
        ringkasan=f"Draft PK {tahun} dibuat dengan {targets.count()} indikator dari Renstra.",
    )
    return perjanjian


def _pastikan_draft(perjanjian: PerjanjianKinerja) -> None:
    if perjanjian.status != PerjanjianKinerja.Status.DRAFT:
        raise ValidationError(
            f"{perjanjian} sudah {perjanjian.get_status_display().lower()} dan dibekukan; "
            "buat PK perubahan untuk mengubahnya."
        )


PK_KOLOM_UBAH = (
    "pihak_pertama_nama",
    "pihak_pertama_jabatan",
    "pihak_kedua_nama",
    "pihak_kedua_jabatan",
    "tempat",
    "tanggal",
    "alasan_perubahan",
)


@transaction.atomic
def pk_update(*, perjanjian: PerjanjianKinerja, pengguna, **data) -> PerjanjianKinerja:
    """Change the header of a draft PK (signatories, place, date, reason)."""
    _pastikan_perencana(pengguna)
    perjanjian = PerjanjianKinerja.objects.select_for_update().get(pk=perjanjian.pk)
    _pastikan_draft(perjanjian)
    for kunci, nilai in data.items():
        if kunci not in PK_KOLOM_UBAH:
            raise ValidationError({kunci: "Kolom ini tidak dapat diubah."})
        setattr(perjanjian, kunci, nilai if nilai is not None or kunci == "tanggal" else "")
    if perjanjian.revisi and not perjanjian.alasan_perubahan.strip():
        raise ValidationError({"alasan_perubahan": "PK perubahan wajib menyebutkan alasannya."})
    perjanjian.save()
    return perjanjian


@transaction.atomic
def pk_baris_update(*, baris: PKBaris, pengguna, target, target_atas=None) -> PKBaris:
    """Edit a target row of a draft PK (checked against the indikator's unit and precision)."""
    _pastikan_perencana(pengguna)
    baris = (
        PKBaris.objects.select_related("perjanjian", "indikator")
        .select_for_update()
        .get(pk=baris.pk)
    )
    _pastikan_draft(baris.perjanjian)
    baris.target, baris.target_atas = _target_pasangan_periksa(
        indikator=baris.indikator, target=target, target_atas=target_atas
    )
    baris.save()
    return baris


@transaction.atomic
def pk_tandatangani(*, perjanjian: PerjanjianKinerja, pengguna) -> PerjanjianKinerja:
    """Record the PK as signed: it is frozen; an earlier signed revision becomes 'diganti'."""
    if peran_of(pengguna) not in (Peran.SEKRETARIS, Peran.ADMIN):
        raise PermissionDenied("Hanya Sekretaris yang dapat mencatat penandatanganan PK.")
    perjanjian = PerjanjianKinerja.objects.select_for_update().get(pk=perjanjian.pk)
    _pastikan_draft(perjanjian)
    kurang = [
        label
        for kolom, label in (
            ("pihak_pertama_nama", "nama pihak pertama"),
            ("pihak_kedua_nama", "nama pihak kedua"),
            ("tempat", "tempat"),
            ("tanggal", "tanggal"),
        )
        if not getattr(perjanjian, kolom)
    ]
    if kurang:
        raise ValidationError(f"PK belum dapat ditandatangani: {', '.join(kurang)} belum diisi.")
    if not perjanjian.baris.exists():
        raise ValidationError("PK belum memiliki baris sasaran/indikator.")
    lama = PerjanjianKinerja.objects.select_for_update().filter(
        tahun=perjanjian.tahun, status=PerjanjianKinerja.Status.DITANDATANGANI
    )
    for pk_lama in lama:
        pk_lama.status = PerjanjianKinerja.Status.DIGANTI
        pk_lama._change_reason = f"Diganti oleh {perjanjian}"
        pk_lama.save()
    perjanjian.status = PerjanjianKinerja.Status.DITANDATANGANI
    perjanjian.ditandatangani_oleh = pengguna
    perjanjian.ditandatangani_pada = timezone.now()
    perjanjian.save()
    jejak_catat(
        pengguna=pengguna,
        aksi="alur",
        objek=perjanjian,
        ringkasan=f"{perjanjian} ditandatangani di {perjanjian.tempat}, {tanggal(perjanjian.tanggal)}.",
    )
    return perjanjian


@transaction.atomic
def pk_perubahan_create(
    *, perjanjian: PerjanjianKinerja, pengguna, alasan: str
) -> PerjanjianKinerja:
    """Start a PK perubahan: a new draft revision copied from the signed one, with a reason."""
    _pastikan_perencana(pengguna)
    if not (alasan or "").strip():
        raise ValidationError({"alasan_perubahan": "Alasan perubahan PK wajib diisi."})
    perjanjian = PerjanjianKinerja.objects.select_for_update().get(pk=perjanjian.pk)
    if perjanjian.status != PerjanjianKinerja.Status.DITANDATANGANI:
        raise ValidationError("PK perubahan hanya dapat dibuat dari PK yang sudah ditandatangani.")
    if PerjanjianKinerja.objects.filter(
        tahun=perjanjian.tahun, status=PerjanjianKinerja.Status.DRAFT
    ).exists():
        raise ValidationError(f"Sudah ada draft perubahan PK {perjanjian.tahun}.")
    revisi_baru = (
        PerjanjianKinerja.objects.filter(tahun=perjanjian.tahun).order_by("-revisi").first().revisi
        + 1
    )
    baru = PerjanjianKinerja.objects.create(
        tahun=perjanjian.tahun,
        revisi=revisi_baru,
        alasan_perubahan=alasan.strip(),
        pihak_pertama_nama=perjanjian.pihak_pertama_nama,
        pihak_pertama_jabatan=perjanjian.pihak_pertama_jabatan,
        pihak_kedua_nama=perjanjian.pihak_kedua_nama,
        pihak_kedua_jabatan=perjanjian.pihak_kedua_jabatan,
        tempat=perjanjian.tempat,
        tanggal=timezone.localdate(),
        dibuat_oleh=pengguna,
    )
    PKBaris.objects.bulk_create(
        [
            PKBaris(
                perjanjian=baru,
                indikator_id=b.indikator_id,
                target=b.target,
                target_atas=b.target_atas,
            )
            for b in perjanjian.baris.all()
        ]
    )
    jejak_catat(
        pengguna=pengguna,
        aksi="buat",
        objek=baru,
        ringkasan=f"Perubahan PK {perjanjian.tahun} ke-{revisi_baru}: {alasan.strip()}",
    )
    return baru


# --------------------------------------------------------------------------- realisasi


def _pastikan_tahun_terbuka(tahun: int) -> None:
    if kinerja_tahun_kunci(tahun):
        raise ValidationError(
            f"Tahun {tahun} sudah dikunci (Laporan Kinerja difinalisasi); "
            "realisasi tahun ini tidak dapat diubah."
        )


def _pastikan_penginput(pengguna, indikator: Indikator) -> None:
    if not pengguna.has_perm("kinerja.change_realisasi"):
        raise PermissionDenied("Anda tidak berhak mengisi realisasi kinerja.")
    if not boleh_ubah_unit(pengguna, indikator.sasaran.unit):
        raise PermissionDenied(
            f"Realisasi indikator {indikator.kode} diisi oleh {indikator.sasaran.unit}."
        )


def _catat_alur(realisasi: Realisasi, pengguna, ringkasan: str) -> None:
    jejak_catat(pengguna=pengguna, aksi="alur", objek=realisasi, ringkasan=ringkasan)


@transaction.atomic
def realisasi_simpan(
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
def realisasi_ajukan(*, realisasi: Realisasi, pengguna) -> Realisasi:
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
def realisasi_verifikasi(*, realisasi: Realisasi, pengguna, catatan: str = "") -> Realisasi:
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
def realisasi_kembalikan(*, realisasi: Realisasi, pengguna, catatan: str) -> Realisasi:
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
def realisasi_setujui(*, realisasi: Realisasi, pengguna) -> Realisasi:
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
def bukti_berkas_tambah(
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
        nama_asli=(getattr(berkas, "name", "") or "")[:255],
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
def bukti_tautan_tambah(
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
def bukti_hapus(*, bukti: BuktiDukung, pengguna) -> None:
    realisasi = _kunci_baris(bukti.realisasi)
    _pastikan_bukti_dapat_diubah(realisasi, pengguna)
    berkas = bukti.berkas
    bukti.delete()
    if berkas:
        transaction.on_commit(lambda: berkas.storage.delete(berkas.name))


# --------------------------------------------------------------------------- lock, settings


@transaction.atomic
def tahun_kunci(*, tahun: int, pengguna, keterangan: str = "") -> KunciTahun:
    """Lock a year's realisasi (used by the LKj finalisation)."""
    if not pengguna.has_perm("kinerja.finalisasi_laporan"):
        raise PermissionDenied("Hanya Sekretaris yang dapat mengunci tahun kinerja.")
    obj, created = KunciTahun.objects.get_or_create(
        tahun=tahun, defaults={"dikunci_oleh": pengguna, "keterangan": keterangan}
    )
    if created:
        jejak_catat(pengguna=pengguna, aksi="alur", objek=obj, ringkasan=f"Tahun {tahun} dikunci.")
    return obj


@transaction.atomic
def tahun_buka(*, tahun: int, pengguna) -> None:
    if not pengguna.has_perm("kinerja.finalisasi_laporan"):
        raise PermissionDenied("Hanya Sekretaris yang dapat membuka kunci tahun kinerja.")
    for obj in KunciTahun.objects.filter(tahun=tahun):
        obj.delete()
        jejak_catat(pengguna=pengguna, aksi="alur", ringkasan=f"Kunci tahun {tahun} dibuka.")


@transaction.atomic
def pengaturan_capaian_update(
    *, pengguna, batas_atas: int, ambang_tercapai, ambang_hampir
) -> PengaturanCapaian:
    """Change the cap and the status bands (Sekretaris/Admin)."""
    if peran_of(pengguna) not in (Peran.SEKRETARIS, Peran.ADMIN):
        raise PermissionDenied("Hanya Sekretaris yang dapat mengubah pengaturan capaian.")
    if int(batas_atas) not in PengaturanCapaian.Batas.values:
        raise ValidationError({"batas_atas": "Pilih tanpa batas, 100%, 110% atau 120%."})
    ambang_tercapai, ambang_hampir = Decimal(str(ambang_tercapai)), Decimal(str(ambang_hampir))
    if not (0 <= ambang_hampir <= ambang_tercapai <= 1000):
        raise ValidationError(
            {"ambang_hampir": "Ambang hampir tercapai harus di antara 0 dan ambang tercapai."}
        )
    obj = pengaturan_capaian_get()
    obj.batas_atas = int(batas_atas)
    obj.ambang_tercapai = ambang_tercapai
    obj.ambang_hampir = ambang_hampir
    obj.save()
    return obj
