"""Recruitment, applicants entered by staff, their documents, the party-membership
clarification and the staff override of a screening result."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from kpu_site.audit import jejak_beda, jejak_catat, jejak_gabung, jejak_nilai, jejak_tandai
from kpu_site.berkas import berkas_periksa, nama_acak
from kpu_site.formatting import tanggal

from ..akses import pastikan_boleh_kelola
from ..models import (
    DATA_PRIBADI,
    PESAN_NIK_HURUF,
    DokumenPendaftar,
    JenisBadan,
    KlarifikasiParpol,
    NormaKursi,
    Pendaftar,
    Rekrutmen,
    TahapanRekrutmen,
    Wilayah,
    nik_angka_saja,
)
from ..selectors.pendaftar import klarifikasi_parpol_perlu
from .berkas import item_berkas_baku_buat
from .impor import kode_lahir
from .seleksi import status_ulang
from .versi import pendaftar_versi_naik

JENIS_DOKUMEN = frozenset({"pdf", "png", "jpg"})


def rekrutmen_create(
    *,
    kode: str,
    jenis_badan: str,
    nama: str,
    tanggal_acuan: date,
    pemilihan: str = "",
    masa_kerja_mulai: date | None = None,
    masa_kerja_selesai: date | None = None,
    tahapan: list[tuple[str, date, date]] | None = None,
    pengguna=None,
) -> Rekrutmen:
    """Create a recruitment; seats per unit are copied from ``NormaKursi`` (data)."""
    pastikan_boleh_kelola(pengguna)
    if jenis_badan not in JenisBadan.values:
        raise ValidationError(
            {"jenis_badan": f"'{jenis_badan}' bukan ppk, pps, kpps, atau pantarlih."}
        )
    if Rekrutmen.objects.filter(kode=kode).exists():
        raise ValidationError({"kode": f"Rekrutmen berkode {kode} sudah ada."})
    norma = NormaKursi.objects.filter(jenis_badan=jenis_badan).first()
    if norma is None:
        raise ValidationError({"jenis_badan": "Norma kursi untuk badan ini belum diisi."})
    rekrutmen = Rekrutmen(
        kode=kode,
        nama=nama,
        jenis_badan=jenis_badan,
        pemilihan=pemilihan or nama,
        tanggal_acuan=tanggal_acuan,
        masa_kerja_mulai=masa_kerja_mulai,
        masa_kerja_selesai=masa_kerja_selesai,
        kursi_per_satuan=norma.jumlah,
    )
    rekrutmen.full_clean()
    with transaction.atomic():
        rekrutmen.save()
        for tahap, mulai, selesai in tahapan or []:
            TahapanRekrutmen.objects.create(
                rekrutmen=rekrutmen, tahap=tahap, mulai=mulai, selesai=selesai
            )
        item_berkas_baku_buat(rekrutmen=rekrutmen)
    return rekrutmen


def _isi_pendaftar(pendaftar: Pendaftar, data: dict) -> None:
    """``data`` into ``pendaftar``, checked. A NIK typed in (the form, the API) is digits only;
    the import stores a NIK as the file gives it, the screening then names what is wrong."""
    if "nik" in data and not nik_angka_saja(str(data["nik"] or "")):
        raise ValidationError({"nik": f"{PESAN_NIK_HURUF}."})
    for field, value in data.items():
        setattr(pendaftar, field, value)
    pendaftar.domisili = (
        Wilayah.objects.exclude(jenis="kecamatan").filter(kode=pendaftar.kode_domisili).first()
    )
    tujuan = pendaftar.wilayah_tujuan
    ingin_kecamatan = pendaftar.rekrutmen.jenis_badan == JenisBadan.PPK
    if tujuan is not None and tujuan.is_kecamatan != ingin_kecamatan:
        pesan = "PPK mendaftar ke kecamatan; PPS, KPPS dan Pantarlih ke desa/kelurahan."
        raise ValidationError({"wilayah_tujuan": pesan})
    pendaftar.kode_lahir = kode_lahir(pendaftar.tanggal_lahir, pendaftar.jenis_kelamin)
    pendaftar.full_clean()


@transaction.atomic
def pendaftar_create(*, rekrutmen: Rekrutmen, data: dict, pengguna) -> Pendaftar:
    pastikan_boleh_kelola(pengguna)
    pendaftar = Pendaftar(rekrutmen=rekrutmen)
    _isi_pendaftar(pendaftar, data)
    pendaftar.save()
    pendaftar_versi_naik(rekrutmen_ids=[rekrutmen.pk])
    return pendaftar


@transaction.atomic
def pendaftar_update(*, pendaftar: Pendaftar, data: dict, pengguna) -> Pendaftar:
    pastikan_boleh_kelola(pengguna)
    pendaftar = Pendaftar.objects.select_for_update().get(pk=pendaftar.pk)
    pribadi_lama = {f: getattr(pendaftar, f) for f in DATA_PRIBADI}
    sebelum = jejak_nilai(pendaftar)
    _isi_pendaftar(pendaftar, data)
    pendaftar._change_reason = "Ubah data pendaftar"
    perubahan = jejak_beda(sebelum, pendaftar)
    # personal data is not in the history: the entry names the fields changed, not their values
    pribadi = [f for f, lama in pribadi_lama.items() if getattr(pendaftar, f) != lama]
    if pribadi:
        pendaftar._change_reason += ". Data pribadi diubah: " + ", ".join(
            str(Pendaftar._meta.get_field(f).verbose_name) for f in pribadi
        )
    if perubahan or pribadi:  # one entry, even for an imported applicant (no history row yet)
        jejak_tandai(
            pendaftar,
            aksi="ubah",
            ringkasan=pendaftar._change_reason,
            pengguna=pengguna,
            perubahan=perubahan,
        )
    pendaftar.save()
    pendaftar_versi_naik(rekrutmen_ids=[pendaftar.rekrutmen_id])
    return pendaftar


@transaction.atomic
def pendaftar_override(*, pendaftar: Pendaftar, status: str, alasan: str, pengguna) -> Pendaftar:
    """Staff override of the screening result, with a written reason (audited). An empty
    ``status`` removes the override (the computed result applies again)."""
    pastikan_boleh_kelola(pengguna)
    pendaftar = Pendaftar.objects.select_for_update().get(pk=pendaftar.pk)
    sebelum = jejak_nilai(pendaftar)
    alasan = (alasan or "").strip()
    if status not in ("", Pendaftar.Status.MS, Pendaftar.Status.TMS):
        raise ValidationError({"status": "Pilih MS atau TMS."})
    if len(alasan) < 10:
        raise ValidationError({"alasan": "Tuliskan alasan koreksi (minimal 10 karakter)."})
    pendaftar.koreksi_status = status
    pendaftar.koreksi_alasan = alasan
    pendaftar.koreksi_oleh = pengguna
    pendaftar.koreksi_pada = timezone.now()
    if status:
        pendaftar.status_administrasi = status
    else:
        status_ulang(pendaftar)
    pendaftar._change_reason = f"Koreksi hasil seleksi: {status or 'dibatalkan'} – {alasan}"
    # one entry, also for an imported applicant (no earlier history row to diff against)
    jejak_tandai(
        pendaftar,
        aksi="alur",
        ringkasan=pendaftar._change_reason,
        pengguna=pengguna,
        perubahan=jejak_beda(sebelum, pendaftar),
    )
    pendaftar.save()
    pendaftar_versi_naik(rekrutmen_ids=[pendaftar.rekrutmen_id])
    return pendaftar


def _berkas_save(berkas) -> tuple[str, ContentFile, str]:
    jenis = berkas_periksa(berkas, jenis_diizinkan=JENIS_DOKUMEN)
    berkas.seek(0)
    return jenis, ContentFile(berkas.read(), name=nama_acak(jenis)), getattr(berkas, "name", "")


@transaction.atomic
def dokumen_upload(*, pendaftar: Pendaftar, jenis: str, berkas, pengguna) -> DokumenPendaftar:
    pastikan_boleh_kelola(pengguna)
    if jenis not in DokumenPendaftar.Jenis.values:
        raise ValidationError({"jenis": "Jenis dokumen tidak dikenal."})
    jenis_berkas, isi, nama_asli = _berkas_save(berkas)
    return DokumenPendaftar.objects.create(
        pendaftar=pendaftar,
        jenis=jenis,
        berkas=isi,
        nama_asli=nama_asli,  # berkas_periksa refused a longer name
        jenis_berkas=jenis_berkas,
        diunggah_oleh=pengguna,
    )


@transaction.atomic
def klarifikasi_upload(
    *, pendaftar: Pendaftar, berkas, keterangan: str = "", pengguna
) -> KlarifikasiParpol:
    """Upload the party's letter (or the applicant's statement) for an applicant listed in
    SIPOL; it counts only once staff accept it (``klarifikasi_decide``). Refused for an
    applicant not found in SIPOL (``klarifikasi_parpol_perlu``)."""
    pastikan_boleh_kelola(pengguna)
    if not klarifikasi_parpol_perlu(pendaftar):
        raise ValidationError(
            f"Pendaftar {pendaftar.nama} tidak tercantum dalam daftar anggota partai politik "
            "(SIPOL); klarifikasi keanggotaan partai politik tidak diperlukan."
        )
    jenis_berkas, isi, nama_asli = _berkas_save(berkas)
    return KlarifikasiParpol.objects.create(
        pendaftar=pendaftar,
        berkas=isi,
        nama_asli=nama_asli,  # berkas_periksa refused a longer name
        jenis_berkas=jenis_berkas,
        keterangan=keterangan,
        diunggah_oleh=pengguna,
    )


@transaction.atomic
def klarifikasi_decide(
    *, klarifikasi: KlarifikasiParpol, terima: bool, catatan: str = "", pengguna
) -> KlarifikasiParpol:
    """Accept or reject a clarification; accepting clears ``anggota_parpol`` for the applicant
    right away (and in every later screening), keeping the document and who accepted it.
    Decided once: the row is read again under a lock, so a decision made meanwhile stands."""
    pastikan_boleh_kelola(pengguna)
    klarifikasi = KlarifikasiParpol.objects.select_for_update().get(pk=klarifikasi.pk)
    if not klarifikasi.dapat_diputuskan:
        raise ValidationError("Klarifikasi ini sudah diputuskan.")
    if not terima and not catatan.strip():
        raise ValidationError({"catatan": "Tuliskan alasan penolakan."})
    sebelum = jejak_nilai(klarifikasi)
    klarifikasi.status = (
        KlarifikasiParpol.Status.DITERIMA if terima else KlarifikasiParpol.Status.DITOLAK
    )
    klarifikasi.diputuskan_oleh = pengguna
    klarifikasi.diputuskan_pada = timezone.now()
    klarifikasi.catatan_keputusan = catatan.strip()
    pendaftar = Pendaftar.objects.select_for_update().get(pk=klarifikasi.pendaftar_id)
    ringkasan = f"Klarifikasi parpol {pendaftar.nama} {klarifikasi.get_status_display().lower()}"
    if terima and pendaftar.tms_anggota_parpol:
        pendaftar.tms_anggota_parpol = False
        status_ulang(pendaftar)
        pendaftar._change_reason = "Klarifikasi keanggotaan parpol diterima"
        pendaftar._history_user = pengguna
        with jejak_gabung():  # the applicant's history row; the event is the entry below
            pendaftar.save()
        pendaftar_versi_naik(rekrutmen_ids=[pendaftar.rekrutmen_id])
        ringkasan += ": tidak lagi TMS anggota partai politik"
    elif not terima:
        ringkasan += f": {klarifikasi.catatan_keputusan}"
    jejak_tandai(
        klarifikasi,
        aksi="alur",
        ringkasan=ringkasan,
        pengguna=pengguna,
        perubahan=jejak_beda(sebelum, klarifikasi),
    )
    klarifikasi.save()
    return klarifikasi


def _jadwal(rekrutmen: Rekrutmen) -> dict[str, str]:
    return {
        t.get_tahap_display(): f"{tanggal(t.mulai)} – {tanggal(t.selesai)}"
        for t in rekrutmen.tahapan.order_by("mulai", "pk")
    }


@transaction.atomic
def tahapan_save(*, rekrutmen: Rekrutmen, formset, pengguna) -> None:
    """Save the stage schedule edited in a formset (validated by the caller)."""
    pastikan_boleh_kelola(pengguna)
    formset.instance = rekrutmen
    lama = _jadwal(rekrutmen)
    with jejak_gabung():  # the stages' history rows; the schedule change is one entry
        for obj in formset.save(commit=False):
            obj._history_user = pengguna
            obj.save()
        for obj in formset.deleted_objects:
            obj._history_user = pengguna
            obj.delete()
    baru = _jadwal(rekrutmen)
    perubahan = {
        tahap: [lama.get(tahap), baru.get(tahap)]
        for tahap in [*lama, *(t for t in baru if t not in lama)]
        if lama.get(tahap) != baru.get(tahap)
    }
    if perubahan:
        jejak_catat(
            pengguna=pengguna,
            aksi="ubah",
            objek=rekrutmen,
            ringkasan="Jadwal tahapan diperbarui",
            perubahan=perubahan,
        )
