"""Writes of the output side of the DIPA: the volume target of each RO and its monthly output
realisasi with evidence and verification (issue 20, part 1).

Rules (a broken rule is a ``ValidationError`` naming the field; a user who may not act gets
``PermissionDenied``):

- an RO's target volume, satuan, unit pengampu and projection are written by those who write
  budget data (``akses.pastikan_boleh_tulis``), on the document's latest revision
  (``revisi_create`` copies them into the next one);
- a month's output realisasi is entered and submitted by those, or by the Kasubag/Staf of the
  RO's unit pengampu (``akses.boleh_isi_output``), while it is a draft or returned; it is
  verified or returned by the Kasubag Keuangan or the Sekretaris
  (``akses.boleh_verifikasi_output``); a verified one is returned only by the Sekretaris;
- a locked year or document refuses every write (``services.pastikan_terbuka``);
- a month needs the RO's target first; its volume is checked against a sensible bound for the
  RO's unit (``batas_wajar_periksa``); it is reported no earlier than the first day of the
  month and not in the future;
- evidence files follow the kinerja evidence rules (``kpu_site.berkas``: type read from the
  content, size limit, a generated name).

Each write is one audit entry (``jejak_tandai``: the save itself carries the event).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import File
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from kpu_site.audit import jejak_gabung, jejak_tandai
from kpu_site.batas import batas_field_periksa
from kpu_site.berkas import berkas_periksa, nama_acak
from kpu_site.formatting import bulan as nama_bulan
from kpu_site.formatting import tanggal as tanggal_teks
from kpu_site.peran import is_pimpinan
from sekretariat.models import UnitOrganisasi

from . import selectors
from .akses import boleh_isi_output, boleh_verifikasi_output, pastikan_boleh_tulis
from .models import Pos, RealisasiOutput, VolumeRo
from .selectors import volume_teks
from .services import pastikan_terbuka

NOL = Decimal("0")

# --- the sensible bound of an RO's output realisasi -----------------------------------------

#: Units counted in percent: the cumulative realisation is at most 100.
SATUAN_PERSEN = frozenset({"persen", "%"})
#: Units counted in months of service: at most 1 a month and 12 in the year.
SATUAN_BULAN = frozenset({"bulan layanan", "bln", "bulan"})
#: Any other unit (Laporan, Dokumen, Orang …): the cumulative realisation is at most this
#: percentage of the target volume.
BATAS_WAJAR_PERSEN_TARGET = Decimal("120")
SERATUS = Decimal("100")
DUA_BELAS = Decimal("12")
SATU = Decimal("1")


def satuan_jenis(satuan: str) -> str:
    """``"persen"``, ``"bulan"`` (months of service) or ``"cacah"`` (anything counted)."""
    kunci = " ".join((satuan or "").lower().split())
    if kunci in SATUAN_PERSEN:
        return "persen"
    if kunci in SATUAN_BULAN:
        return "bulan"
    return "cacah"


@dataclass(frozen=True)
class BatasWajar:
    """The largest output realisation that makes sense for an RO of unit ``satuan`` and target
    ``target``: ``kumulatif`` for the year so far, ``per_bulan`` for a single month (months of
    service only)."""

    satuan: str
    target: Decimal

    @property
    def jenis(self) -> str:
        return satuan_jenis(self.satuan)

    @property
    def kumulatif(self) -> Decimal:
        if self.jenis == "persen":
            return SERATUS
        if self.jenis == "bulan":
            return DUA_BELAS
        return self.target * BATAS_WAJAR_PERSEN_TARGET / SERATUS

    @property
    def per_bulan(self) -> Decimal | None:
        return SATU if self.jenis == "bulan" else None

    def _v(self, nilai: Decimal) -> str:
        return f"{volume_teks(nilai)} {self.satuan}".strip()

    def pesan(self, *, volume: Decimal, kumulatif: Decimal) -> str | None:
        """Why a month of ``volume`` that makes the year's realisation ``kumulatif`` is refused;
        ``None`` when it is within the bound."""
        if self.per_bulan is not None and volume > self.per_bulan:
            return (
                f"Volume {self._v(volume)} dalam satu bulan melebihi batas wajar "
                f"{self._v(self.per_bulan)} per bulan."
            )
        if kumulatif > self.kumulatif:
            if self.jenis == "cacah":
                alasan = (
                    f"{self._v(self.kumulatif)} ({volume_teks(BATAS_WAJAR_PERSEN_TARGET)}% dari "
                    f"target {self._v(self.target)})"
                )
            elif self.jenis == "bulan":
                alasan = f"{self._v(self.kumulatif)} dalam setahun"
            else:
                alasan = f"{self._v(self.kumulatif)}"
            return (
                f"Realisasi kumulatif menjadi {self._v(kumulatif)}, melebihi batas wajar {alasan}."
            )
        return None


def batas_wajar_periksa(
    *, satuan: str, target: Decimal, volume: Decimal, kumulatif: Decimal
) -> str | None:
    """The one check of an output realisation against its sensible bound (service, import)."""
    return BatasWajar(satuan=satuan, target=target).pesan(volume=volume, kumulatif=kumulatif)


# --- values -----------------------------------------------------------------------------------


def _volume_periksa(nilai, *, label: str, positif: bool) -> tuple[Decimal | None, str | None]:
    """``(value, None)`` or ``(None, message)``: a number, not negative (``positif``: above 0),
    at most two decimals and as many digits as the column holds."""
    if nilai is None or nilai == "":
        return None, f"{label} wajib diisi."
    try:
        nilai = nilai if isinstance(nilai, Decimal) else Decimal(str(nilai))
    except InvalidOperation:
        return None, f"{label} harus berupa angka."
    if not nilai.is_finite():
        return None, f"{label} harus berupa angka."
    if positif and nilai <= 0:
        return None, f"{label} harus lebih dari 0."
    if nilai < 0:
        return None, f"{label} tidak boleh negatif."
    if nilai != nilai.quantize(Decimal("0.01")):
        return None, f"{label} paling banyak 2 angka desimal."
    if pesan := batas_field_periksa(VolumeRo._meta.get_field("volume"), nilai):
        return None, f"{label} {pesan}"
    return nilai, None


def rencana_periksa(rencana, *, target: Decimal | None) -> tuple[list[Decimal], list[str]]:
    """The optional projection: empty, or 12 cumulative volumes (January … December), each at
    least 0, none below the month before and none above ``target``. Returns the values and the
    messages (each naming its month)."""
    if not rencana:
        return [], []
    if len(rencana) != 12:
        return [], ["Proyeksi harus berisi 12 angka (Januari–Desember) atau dikosongkan."]
    nilai, pesan = [], []
    for b, v in enumerate(rencana, start=1):
        label = f"Proyeksi {nama_bulan(b)}"
        if v is None or v == "":
            pesan.append(f"{label} kosong: isi proyeksi ke-12 bulan atau kosongkan semuanya.")
            continue
        angka, salah = _volume_periksa(v, label=label, positif=False)
        if salah:
            pesan.append(salah)
            continue
        if target is not None and angka > target:
            pesan.append(
                f"{label} ({volume_teks(angka)}) melebihi target volume ({volume_teks(target)})."
            )
        if nilai and angka < nilai[-1]:
            pesan.append(
                f"{label} ({volume_teks(angka)}) lebih kecil dari proyeksi {nama_bulan(b - 1)} "
                f"({volume_teks(nilai[-1])}): proyeksi kumulatif tidak boleh turun."
            )
        nilai.append(angka)
    return nilai, pesan


def _teks_json(nilai: Decimal) -> str:
    """A volume as it is kept in ``VolumeRo.rencana`` (exact text: ``"6"``, ``"7.5"``)."""
    return format(nilai.normalize(), "f")


# --- volume target ------------------------------------------------------------------------------


def _ro_kunci(ro: Pos) -> Pos:
    """The RO line as stored now, locked until the transaction ends, with its document and
    unit: the lock every write of its target and months takes first."""
    return (
        Pos.objects.select_for_update(of=("self",)).select_related("dokumen", "unit").get(pk=ro.pk)
    )


def _pastikan_ro(ro: Pos, field: str = "ro") -> None:
    if ro.tingkat != Pos.Tingkat.RO:
        raise ValidationError(
            {field: f"{ro.kode_lengkap} adalah {ro.get_tingkat_display()}, bukan baris RO."}
        )


@transaction.atomic
def volume_ro_set(
    *,
    pengguna,
    ro: Pos,
    volume: Decimal,
    satuan: str,
    unit: UnitOrganisasi | None = None,
    rencana: list | None = None,
) -> VolumeRo:
    """Set the target volume (e.g. 6), satuan (``Laporan``), unit pengampu and the optional
    12-month cumulative projection of an RO line in its document's latest revision."""
    pastikan_boleh_tulis(pengguna)
    ro = _ro_kunci(ro)
    pastikan_terbuka(ro.dokumen)
    _pastikan_ro(ro)
    revisi = selectors.revisi_terakhir(dokumen=ro.dokumen)
    if revisi is None:
        raise ValidationError("Dokumen ini belum memiliki pagu awal (revisi ke-0).")
    errors: dict[str, list[str]] = {}
    satuan = " ".join((satuan or "").split())
    if not satuan:
        errors["satuan"] = ["Satuan wajib diisi (mis. Laporan, Dokumen, Bulan Layanan)."]
    elif pesan := batas_field_periksa(Pos._meta.get_field("satuan"), satuan):
        errors["satuan"] = [f"Satuan {pesan}"]
    volume, salah = _volume_periksa(volume, label="Target volume", positif=True)
    if salah:
        errors["volume"] = [salah]
    elif satuan and volume > (maks := BatasWajar(satuan=satuan, target=volume).kumulatif):
        errors["volume"] = [
            f"Target volume {volume_teks(volume)} {satuan} melebihi {volume_teks(maks)} "
            f"{satuan}, batas satuan ini dalam setahun."
        ]
    if unit is not None and unit.jenis != UnitOrganisasi.Jenis.SUB_BAGIAN:
        errors["unit"] = ["Unit pengampu harus sub bagian (yang melaporkan realisasi outputnya)."]
    nilai_rencana, pesan_rencana = rencana_periksa(rencana, target=volume)
    if pesan_rencana:
        errors["rencana"] = pesan_rencana
    if not errors:
        tercatat = sum(RealisasiOutput.objects.filter(ro=ro).values_list("volume", flat=True), NOL)
        if salah := batas_wajar_periksa(
            satuan=satuan, target=volume, volume=NOL, kumulatif=tercatat
        ):
            errors["volume"] = [
                f"Realisasi output yang sudah tercatat ({volume_teks(tercatat)} {satuan}) "
                f"tidak sesuai target ini: {salah}"
            ]
    if errors:
        raise ValidationError(errors)

    with jejak_gabung():  # the line's history row; the event is the target's entry below
        ro.satuan = satuan
        ro.unit = unit
        ro._history_user = pengguna
        ro.save()
    obj = VolumeRo.objects.filter(revisi=revisi, ro=ro).first() or VolumeRo(revisi=revisi, ro=ro)
    baru = obj.pk is None
    obj.volume = volume
    obj.rencana = [_teks_json(v) for v in nilai_rencana]
    ringkasan = (
        f"Target volume RO {ro.kode_lengkap} ({revisi}): {volume_teks(volume)} {satuan}"
        + (f"; unit pengampu {unit}" if unit else "; tanpa unit pengampu")
        + ("; dengan proyeksi bulanan" if nilai_rencana else "")
    )
    jejak_tandai(obj, aksi="buat" if baru else "ubah", ringkasan=ringkasan, pengguna=pengguna)
    obj.save()
    return obj


# --- monthly output realisasi -------------------------------------------------------------------


def _pastikan_penginput(pengguna, ro: Pos) -> None:
    """``pengguna=None`` is the system itself (demo data, commands), as in ``akses``."""
    if pengguna is not None and not boleh_isi_output(pengguna, ro):
        oleh = f" atau {ro.unit}" if ro.unit_id else ""
        raise PermissionDenied(
            f"Realisasi output RO {ro.kode_lengkap} diisi oleh Sub Bagian Keuangan{oleh}."
        )


def _pastikan_verifikator(pengguna) -> None:
    if pengguna is not None and not boleh_verifikasi_output(pengguna):
        raise PermissionDenied(
            "Realisasi output RO diverifikasi oleh Kasubag Keuangan atau Sekretaris."
        )


def realisasi_output_periksa(
    *,
    ro: Pos,
    target: VolumeRo | None,
    bulan,
    volume,
    tanggal_lapor,
    volume_bulan_lain: Decimal,
    hari_ini: date,
) -> tuple[Decimal | None, dict[str, str]]:
    """The rules of one month's output realisasi of ``ro`` (the form, the API and the import):
    the volume as a number and ``{field: message}`` (``ro``, ``bulan``, ``volume``,
    ``tanggal_lapor``). ``volume_bulan_lain``: what the RO's other months hold (any status),
    for the sensible bound of the year's total."""
    errors: dict[str, str] = {}
    tahun = ro.dokumen.tahun
    if not isinstance(bulan, int) or not 1 <= bulan <= 12:
        errors["bulan"] = "Bulan harus 1 (Januari) sampai 12 (Desember)."
    if target is None:
        errors["ro"] = (
            f"RO {ro.kode_lengkap} belum memiliki target volume; isi target volume RO "
            "terlebih dahulu."
        )
    volume, salah = _volume_periksa(volume, label="Volume", positif=False)
    if salah is None and target is not None:
        salah = batas_wajar_periksa(
            satuan=ro.satuan,
            target=target.volume,
            volume=volume,
            kumulatif=volume_bulan_lain + volume,
        )
    if salah:
        errors["volume"] = salah
    if tanggal_lapor is None:
        errors["tanggal_lapor"] = "Tanggal lapor wajib diisi."
    elif tanggal_lapor > hari_ini:
        errors["tanggal_lapor"] = (
            f"Tanggal lapor {tanggal_teks(tanggal_lapor)} belum terjadi "
            f"(hari ini {tanggal_teks(hari_ini)})."
        )
    elif "bulan" not in errors and tanggal_lapor < (awal := date(tahun, bulan, 1)):
        errors["tanggal_lapor"] = (
            f"Tanggal lapor tidak boleh sebelum {tanggal_teks(awal)}, awal bulan yang dilaporkan."
        )
    return volume, errors


def _bukti_periksa(*, bukti, tautan_bukti: str, errors: dict) -> str | None:
    """The evidence of a month: the file's kind (``kpu_site.berkas``) or ``None``; a link must
    be a full web address."""
    jenis = None
    if bukti:
        try:
            jenis = berkas_periksa(bukti)
        except ValidationError as e:
            errors["bukti"] = e.messages[0]
    if tautan_bukti:
        try:
            URLValidator(schemes=["http", "https"])(tautan_bukti)
        except ValidationError:
            errors["tautan_bukti"] = "Tautan bukti harus alamat web lengkap (https://…)."
        else:
            if pesan := batas_field_periksa(
                RealisasiOutput._meta.get_field("tautan_bukti"), tautan_bukti
            ):
                errors["tautan_bukti"] = f"Tautan bukti {pesan}"
    return jenis


def _bukti_simpan(obj: RealisasiOutput, *, bukti, jenis: str | None) -> None:
    """Store an uploaded file under a generated name (the old one is deleted after commit)."""
    if not bukti:
        return
    lama = obj.bukti.name if obj.bukti else ""
    bukti.seek(0)
    obj.bukti.save(nama_acak(jenis), File(bukti), save=False)
    if lama:
        storage = obj.bukti.storage
        transaction.on_commit(lambda: storage.delete(lama))


def _isian_pastikan(*, ro: Pos, bulan: int, volume, tanggal_lapor, tautan_bukti: str, bukti):
    """The form's/API's month against ``realisasi_output_periksa`` (the RO's other months
    as stored) and its evidence: ``(volume, jenis berkas)`` or a ``ValidationError`` with
    every field's message."""
    lain = RealisasiOutput.objects.filter(ro=ro).exclude(bulan=bulan)
    volume, errors = realisasi_output_periksa(
        ro=ro,
        target=selectors.volume_ro_terakhir(ro=ro),
        bulan=bulan,
        volume=volume,
        tanggal_lapor=tanggal_lapor,
        volume_bulan_lain=sum(lain.values_list("volume", flat=True), NOL),
        hari_ini=timezone.localdate(),
    )
    jenis = _bukti_periksa(bukti=bukti, tautan_bukti=tautan_bukti, errors=errors)
    if errors:
        raise ValidationError(errors)
    return volume, jenis


def _ringkasan(obj: RealisasiOutput) -> str:
    ro = obj.ro
    return (
        f"Realisasi output {ro.kode_lengkap} {nama_bulan(obj.bulan)} {ro.dokumen.tahun}: "
        f"{volume_teks(obj.volume)} {ro.satuan}".strip()
    )


@transaction.atomic
def realisasi_output_create(
    *,
    pengguna,
    ro: Pos,
    bulan: int,
    volume: Decimal,
    tanggal_lapor: date,
    keterangan: str = "",
    tautan_bukti: str = "",
    bukti=None,
) -> RealisasiOutput:
    """Record the output realised by an RO in one month (a draft, to be submitted)."""
    ro = _ro_kunci(ro)
    _pastikan_penginput(pengguna, ro)
    pastikan_terbuka(ro.dokumen)
    _pastikan_ro(ro)
    if RealisasiOutput.objects.filter(ro=ro, bulan=bulan).exists():
        raise ValidationError(
            {
                "bulan": f"Realisasi output {nama_bulan(bulan)} {ro.dokumen.tahun} untuk RO ini "
                "sudah ada; ubah data yang ada."
            }
        )
    tautan_bukti = (tautan_bukti or "").strip()
    volume, jenis = _isian_pastikan(
        ro=ro,
        bulan=bulan,
        volume=volume,
        tanggal_lapor=tanggal_lapor,
        tautan_bukti=tautan_bukti,
        bukti=bukti,
    )
    obj = RealisasiOutput(
        ro=ro,
        bulan=bulan,
        volume=volume,
        tanggal_lapor=tanggal_lapor,
        keterangan=(keterangan or "").strip(),
        tautan_bukti=tautan_bukti,
        dibuat_oleh=pengguna if getattr(pengguna, "pk", None) else None,
    )
    _bukti_simpan(obj, bukti=bukti, jenis=jenis)
    jejak_tandai(obj, aksi="buat", ringkasan=_ringkasan(obj), pengguna=pengguna)
    obj.save()
    return obj


def _kunci(realisasi: RealisasiOutput) -> RealisasiOutput:
    """The month as stored now, locked (after its RO line, the lock of all its months)."""
    _ro_kunci(realisasi.ro)
    return (
        RealisasiOutput.objects.select_for_update(of=("self",))
        .select_related("ro", "ro__dokumen", "ro__unit")
        .get(pk=realisasi.pk)
    )


@transaction.atomic
def realisasi_output_update(
    *,
    pengguna,
    realisasi: RealisasiOutput,
    volume: Decimal,
    tanggal_lapor: date,
    keterangan: str = "",
    tautan_bukti: str = "",
    bukti=None,
    hapus_bukti: bool = False,
) -> RealisasiOutput:
    """Change a month still a draft or returned (its volume, date, note and evidence)."""
    obj = _kunci(realisasi)
    ro = obj.ro
    _pastikan_penginput(pengguna, ro)
    pastikan_terbuka(ro.dokumen)
    if not obj.dapat_diubah:
        raise ValidationError(
            f"Realisasi output berstatus '{obj.get_status_display()}' tidak dapat diubah; minta "
            "verifikator mengembalikannya bila perlu diperbaiki."
        )
    tautan_bukti = (tautan_bukti or "").strip()
    obj.volume, jenis = _isian_pastikan(
        ro=ro,
        bulan=obj.bulan,
        volume=volume,
        tanggal_lapor=tanggal_lapor,
        tautan_bukti=tautan_bukti,
        bukti=bukti,
    )
    obj.tanggal_lapor = tanggal_lapor
    obj.keterangan = (keterangan or "").strip()
    obj.tautan_bukti = tautan_bukti
    if hapus_bukti and not bukti and obj.bukti:
        lama, storage = obj.bukti.name, obj.bukti.storage
        obj.bukti = ""
        transaction.on_commit(lambda: storage.delete(lama))
    _bukti_simpan(obj, bukti=bukti, jenis=jenis)
    jejak_tandai(obj, aksi="ubah", ringkasan=_ringkasan(obj), pengguna=pengguna)
    obj.save()
    return obj


def _langkah(obj: RealisasiOutput, pengguna, ringkasan: str) -> RealisasiOutput:
    jejak_tandai(obj, aksi="alur", ringkasan=f"{_ringkasan(obj)}. {ringkasan}", pengguna=pengguna)
    obj.save()
    return obj


@transaction.atomic
def realisasi_output_submit(*, pengguna, realisasi: RealisasiOutput) -> RealisasiOutput:
    """Submit a draft (or a returned month, corrected) to the Kasubag Keuangan (ajukan)."""
    obj = _kunci(realisasi)
    _pastikan_penginput(pengguna, obj.ro)
    pastikan_terbuka(obj.ro.dokumen)
    if not obj.dapat_diubah:
        raise ValidationError(
            f"Realisasi output berstatus '{obj.get_status_display()}' tidak dapat diajukan lagi."
        )
    obj.status = RealisasiOutput.Status.DIAJUKAN
    return _langkah(obj, pengguna, f"Diajukan untuk diverifikasi oleh {pengguna}.")


@transaction.atomic
def realisasi_output_verify(
    *, pengguna, realisasi: RealisasiOutput, catatan: str = ""
) -> RealisasiOutput:
    """The Kasubag Keuangan (or the Sekretaris) verifies a submitted month."""
    obj = _kunci(realisasi)
    _pastikan_verifikator(pengguna)
    pastikan_terbuka(obj.ro.dokumen)
    if obj.status != RealisasiOutput.Status.DIAJUKAN:
        raise ValidationError(
            "Hanya realisasi output yang diajukan yang dapat diverifikasi (status sekarang: "
            f"{obj.get_status_display()})."
        )
    obj.status = RealisasiOutput.Status.DIVERIFIKASI
    obj.diverifikasi_oleh = pengguna if getattr(pengguna, "pk", None) else None
    obj.diverifikasi_pada = timezone.now()
    obj.catatan_verifikasi = (catatan or "").strip()
    return _langkah(obj, pengguna, f"Diverifikasi oleh {pengguna}.")


@transaction.atomic
def realisasi_output_return(
    *, pengguna, realisasi: RealisasiOutput, catatan: str
) -> RealisasiOutput:
    """Return a submitted month (Kasubag Keuangan, Sekretaris) or a verified one (Sekretaris)
    with a note; it can then be corrected and submitted again."""
    obj = _kunci(realisasi)
    if obj.status == RealisasiOutput.Status.DIAJUKAN:
        _pastikan_verifikator(pengguna)
    elif obj.status == RealisasiOutput.Status.DIVERIFIKASI:
        if pengguna is not None and not is_pimpinan(pengguna):
            raise PermissionDenied(
                "Realisasi output yang sudah diverifikasi hanya dapat dikembalikan oleh Sekretaris."
            )
    else:
        raise ValidationError(
            f"Realisasi output berstatus '{obj.get_status_display()}' tidak dapat dikembalikan."
        )
    pastikan_terbuka(obj.ro.dokumen)
    catatan = (catatan or "").strip()
    if not catatan:
        raise ValidationError({"catatan": "Tulis catatan alasan pengembalian."})
    obj.status = RealisasiOutput.Status.DIKEMBALIKAN
    obj.catatan_verifikasi = catatan
    obj.diverifikasi_oleh = None
    obj.diverifikasi_pada = None
    return _langkah(obj, pengguna, f"Dikembalikan oleh {pengguna}: {catatan}")


def realisasi_output_aksi_boleh(*, pengguna, realisasi: RealisasiOutput | None) -> frozenset[str]:
    """The steps ``pengguna`` may take on ``realisasi`` now (``ubah``, ``ajukan``,
    ``verifikasi``, ``kembalikan``), decided by the same checks as the services; nothing when
    the year or the document is locked."""
    if realisasi is None or not realisasi.ro.dokumen.dapat_diubah:
        return frozenset()
    aksi = set()
    if realisasi.dapat_diubah and boleh_isi_output(pengguna, realisasi.ro):
        aksi |= {"ubah", "ajukan"}
    if realisasi.status == RealisasiOutput.Status.DIAJUKAN and boleh_verifikasi_output(pengguna):
        aksi |= {"verifikasi", "kembalikan"}
    if realisasi.status == RealisasiOutput.Status.DIVERIFIKASI and is_pimpinan(pengguna):
        aksi.add("kembalikan")
    return frozenset(aksi)
