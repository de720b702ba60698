"""Writes of the anggaran app: documents, the tree, revisions, RPD, realisasi, locking (the RO
volume targets and output realisasi: ``services_output``).

Rules enforced here (a broken rule raises ``ValidationError`` with an Indonesian message; a user
who may not write gets ``PermissionDenied``):

- only the Sekretaris/Admin and the Staf/Kasubag of Sub Bagian Keuangan write (``akses``);
- a locked year refuses every write: the one year lock (``kpu_site.tahun.tahun_terkunci``, set
  when the year's LKj is finalised, removed when the Sekretaris unlocks the year in Pengaturan
  Kinerja);
- a document the Sekretaris locked on its own page (``terkunci``) refuses every write until
  the Sekretaris unlocks it there;
- pagu lives on detail lines; after the first revision pagu changes only through a new
  revision (a full new version of the pagu, never an overwrite);
- a realisasi above its akun line's remaining pagu is refused unless the user holds
  ``anggaran.setujui_pelampauan`` and gives a reason;
- a revision may not bring an akun line's pagu below what was already spent on it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kpu_site.audit import jejak_beda, jejak_catat, jejak_nilai, jejak_tandai
from kpu_site.batas import tahun_pastikan
from kpu_site.formatting import angka, rupiah
from kpu_site.tahun import tahun_terkunci

from . import selectors
from .akses import boleh_kunci, pastikan_boleh_tulis
from .models import DokumenAnggaran, Pagu, Pos, Realisasi, RencanaPenarikan, Revisi, VolumeRo

NOL = Decimal("0")


def pastikan_tahun_terbuka(tahun: int) -> None:
    if tahun_terkunci(tahun, segar=True):
        raise ValidationError(
            f"Tahun {tahun} sudah dikunci (Laporan Kinerja difinalisasi atau dikunci Sekretaris "
            "di Pengaturan Kinerja); data anggaran tahun ini tidak dapat diubah."
        )


def pastikan_terbuka(dokumen: DokumenAnggaran) -> None:
    """Refuse a write on ``dokumen``: its year is locked, or the document itself is."""
    pastikan_tahun_terbuka(dokumen.tahun)
    if dokumen.terkunci:
        raise ValidationError(
            f"{dokumen.get_jenis_display()} {dokumen.nomor} tahun {dokumen.tahun} dikunci oleh "
            "Sekretaris; data anggarannya tidak dapat diubah sampai kuncinya dibuka di halaman "
            "dokumen."
        )


# --- documents --------------------------------------------------------------------------------


@transaction.atomic
def dokumen_create(
    *,
    pengguna,
    jenis: str,
    tahun: int,
    nomor: str,
    tanggal: date,
    uraian: str,
    pemberi: str = "",
    alasan_awal: str = "",
) -> DokumenAnggaran:
    """A DIPA or hibah with its revisi ke-0 (the original pagu)."""
    pastikan_boleh_tulis(pengguna)
    tahun_pastikan(tahun)
    pastikan_tahun_terbuka(tahun)
    if (
        jenis == DokumenAnggaran.Jenis.DIPA
        and DokumenAnggaran.objects.filter(tahun=tahun, jenis=jenis).exists()
    ):
        raise ValidationError({"tahun": f"DIPA tahun {tahun} sudah ada; gunakan revisi DIPA."})
    if jenis == DokumenAnggaran.Jenis.HIBAH and not pemberi.strip():
        raise ValidationError({"pemberi": "Hibah harus menyebut pemberi hibah."})
    dokumen = DokumenAnggaran(
        jenis=jenis,
        tahun=tahun,
        nomor=nomor.strip(),
        tanggal=tanggal,
        uraian=uraian.strip(),
        pemberi=pemberi.strip(),
    )
    dokumen.full_clean()
    dokumen.save()
    Revisi.objects.create(
        dokumen=dokumen,
        nomor=0,
        tanggal=tanggal,
        alasan=alasan_awal or "Pagu awal",
        dibuat_oleh=pengguna if getattr(pengguna, "pk", None) else None,
    )
    return dokumen


@transaction.atomic
def dokumen_update(
    *, pengguna, dokumen: DokumenAnggaran, nomor: str, tanggal: date, uraian: str, pemberi: str = ""
) -> DokumenAnggaran:
    pastikan_boleh_tulis(pengguna)
    dokumen = DokumenAnggaran.objects.select_for_update().get(pk=dokumen.pk)
    pastikan_terbuka(dokumen)
    dokumen.nomor = nomor.strip()
    dokumen.tanggal = tanggal
    dokumen.uraian = uraian.strip()
    dokumen.pemberi = pemberi.strip()
    dokumen.full_clean()
    dokumen.save()
    return dokumen


@transaction.atomic
def dokumen_lock(*, dokumen: DokumenAnggaran, pengguna=None) -> DokumenAnggaran:
    """Lock one document on its own (Sekretaris/Admin): every later write on it is refused
    until ``dokumen_unlock``. Separate from the year lock, which finalising the LKj sets."""
    if pengguna is not None and not boleh_kunci(pengguna):
        raise PermissionDenied("Hanya Sekretaris yang dapat mengunci data anggaran.")
    dokumen = DokumenAnggaran.objects.select_for_update().get(pk=dokumen.pk)
    if dokumen.terkunci:
        return dokumen
    dokumen.terkunci = True
    dokumen.dikunci_pada = timezone.now()
    dokumen.dikunci_oleh = pengguna if getattr(pengguna, "pk", None) else None
    dokumen.save()
    jejak_catat(pengguna=pengguna, aksi="alur", objek=dokumen, ringkasan=f"{dokumen} dikunci.")
    return dokumen


@transaction.atomic
def dokumen_unlock(*, dokumen: DokumenAnggaran, pengguna=None) -> DokumenAnggaran:
    """Unlock a document locked by ``dokumen_lock`` (Sekretaris/Admin). A locked year stays
    locked: that lock is opened in Pengaturan Kinerja."""
    if pengguna is not None and not boleh_kunci(pengguna):
        raise PermissionDenied("Hanya Sekretaris yang dapat membuka kunci data anggaran.")
    dokumen = DokumenAnggaran.objects.select_for_update().get(pk=dokumen.pk)
    if not dokumen.terkunci:
        return dokumen
    dokumen.terkunci = False
    dokumen.dikunci_pada = None
    dokumen.dikunci_oleh = None
    dokumen.save()
    jejak_catat(pengguna=pengguna, aksi="alur", objek=dokumen, ringkasan=f"Kunci {dokumen} dibuka.")
    return dokumen


# --- the tree ---------------------------------------------------------------------------------


def _periksa_induk(*, dokumen: DokumenAnggaran, induk: Pos | None, tingkat: str) -> None:
    if tingkat not in Pos.Tingkat.values:
        raise ValidationError({"tingkat": "Tingkat tidak dikenal."})
    if tingkat == Pos.Tingkat.PROGRAM:
        if induk is not None:
            raise ValidationError({"induk": "Program adalah tingkat teratas: tanpa induk."})
        return
    if induk is None:
        raise ValidationError({"induk": "Pilih induk (pos di atasnya)."})
    if induk.dokumen_id != dokumen.pk:
        raise ValidationError({"induk": "Induk harus dari dokumen anggaran yang sama."})
    if tingkat == Pos.Tingkat.DETAIL and induk.tingkat != Pos.Tingkat.AKUN:
        raise ValidationError({"induk": "Detail harus berada di bawah akun."})
    if induk.tingkat == Pos.Tingkat.DETAIL:
        raise ValidationError({"induk": "Detail adalah tingkat terbawah; tidak dapat berinduk."})
    if Pos.URUTAN_TINGKAT[tingkat] <= Pos.URUTAN_TINGKAT[induk.tingkat]:
        raise ValidationError(
            {
                "tingkat": f"{Pos.Tingkat(tingkat).label} tidak dapat berada di bawah "
                f"{Pos.Tingkat(induk.tingkat).label}."
            }
        )


def _periksa_pagu(volume, harga) -> None:
    errors = {}
    if volume is None:
        errors["volume"] = "Volume wajib diisi untuk detail."
    elif volume < 0:
        errors["volume"] = "Volume tidak boleh negatif."
    if harga is None:
        errors["harga"] = "Harga satuan wajib diisi untuk detail."
    elif harga < 0:
        errors["harga"] = "Harga satuan tidak boleh negatif (pagu negatif ditolak)."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def pos_create(
    *,
    pengguna,
    dokumen: DokumenAnggaran,
    induk: Pos | None,
    tingkat: str,
    kode: str,
    uraian: str,
    satuan: str = "",
    volume: Decimal | None = None,
    harga: Decimal | None = None,
    urutan: int | None = None,
) -> Pos:
    """Add a node to the tree. A detail line takes its pagu (volume × harga) into the pagu
    awal while the document has no revision yet; afterwards a new line starts at 0 and gets
    its pagu through ``revisi_create``."""
    pastikan_boleh_tulis(pengguna)
    pastikan_terbuka(dokumen)
    kode = (kode or "").strip()
    if not kode:
        raise ValidationError({"kode": "Kode wajib diisi."})
    if tingkat != Pos.Tingkat.PROGRAM and "." in kode:
        raise ValidationError({"kode": "Kode satu tingkat tidak memuat titik (mis. 521211)."})
    _periksa_induk(dokumen=dokumen, induk=induk, tingkat=tingkat)
    kode_lengkap = kode if induk is None else f"{induk.kode_lengkap}.{kode}"
    if Pos.objects.filter(dokumen=dokumen, kode_lengkap=kode_lengkap).exists():
        raise ValidationError({"kode": f"Kode {kode_lengkap} sudah ada di dokumen ini."})
    revisi = selectors.revisi_terakhir(dokumen=dokumen)
    if tingkat == Pos.Tingkat.DETAIL:
        if revisi is not None and revisi.nomor == 0:
            _periksa_pagu(volume, harga)
        elif volume or harga:
            raise ValidationError(
                {
                    "volume": "DIPA ini sudah direvisi: pagu detail baru dimasukkan lewat "
                    "revisi berikutnya (kosongkan volume dan harga)."
                }
            )
    if urutan is None:
        last = Pos.objects.filter(dokumen=dokumen).order_by("-urutan").first()
        urutan = (last.urutan + 10) if last else 10
    pos = Pos(
        dokumen=dokumen,
        induk=induk,
        tingkat=tingkat,
        kode=kode,
        kode_lengkap=kode_lengkap,
        uraian=(uraian or "").strip(),
        satuan=(satuan or "").strip() if tingkat == Pos.Tingkat.DETAIL else "",
        urutan=urutan,
    )
    pos.full_clean()
    pos.save()
    if tingkat == Pos.Tingkat.DETAIL and revisi is not None and revisi.nomor == 0:
        Pagu.objects.create(revisi=revisi, pos=pos, volume=volume, harga=harga)
    return pos


def _pos_kunci(pos: Pos) -> Pos:
    """The line as stored now, its row locked until the transaction ends (PostgreSQL; SQLite
    writes one transaction at a time), with its document as stored now."""
    return Pos.objects.select_for_update(of=("self",)).select_related("dokumen").get(pk=pos.pk)


@transaction.atomic
def pos_update(*, pengguna, pos: Pos, uraian: str, satuan: str = "") -> Pos:
    """Rename a line (codes are not changed: realisasi and imports refer to them)."""
    pastikan_boleh_tulis(pengguna)
    pos = _pos_kunci(pos)
    pastikan_terbuka(pos.dokumen)
    pos.uraian = uraian.strip()
    if pos.tingkat == Pos.Tingkat.DETAIL:
        pos.satuan = satuan.strip()
    pos.full_clean()
    pos.save()
    return pos


@transaction.atomic
def pos_sasaran_set(*, pengguna, pos: Pos, sasaran: list) -> Pos:
    """Link a kegiatan/KRO/RO line to the sasaran strategis it funds (replaces the links)."""
    pastikan_boleh_tulis(pengguna)
    pos = _pos_kunci(pos)
    pastikan_terbuka(pos.dokumen)
    if sasaran and pos.tingkat not in Pos.TINGKAT_BERSASARAN:
        raise ValidationError(
            {"sasaran": "Sasaran hanya dapat ditautkan pada baris kegiatan, KRO atau RO."}
        )
    pos.sasaran.set(sasaran)
    jejak_catat(
        pengguna=pengguna,
        aksi="ubah",
        objek=pos,
        ringkasan="Tautan sasaran: " + (", ".join(str(s) for s in sasaran) or "dihapus"),
    )
    return pos


# --- revisions and RPD ------------------------------------------------------------------------


@dataclass(frozen=True)
class PerubahanPagu:
    pos: Pos
    volume: Decimal
    harga: Decimal


def _periksa_rpd(nilai: dict[int, Decimal]) -> None:
    errors = []
    for bulan, v in nilai.items():
        if not 1 <= int(bulan) <= 12:
            errors.append(f"Bulan {bulan} tidak sah (1–12).")
        elif v is None or v < 0:
            errors.append(f"RPD bulan {bulan} tidak boleh negatif.")
    if errors:
        raise ValidationError({"rpd": errors})


@transaction.atomic
def revisi_create(
    *,
    pengguna,
    dokumen: DokumenAnggaran,
    tanggal: date,
    alasan: str,
    perubahan: list[PerubahanPagu],
    rpd: dict[int, Decimal] | None = None,
    dihitung_ikpa: bool = True,
) -> Revisi:
    """Revisi ke-(N+1): a full copy of the latest pagu with ``perubahan`` applied (and the RPD
    copied, with ``rpd`` months replaced). Nothing of the earlier revision is changed.
    ``dihitung_ikpa``: counted by the IKPA "revisi DIPA" indicator (a revision with a fixed pagu
    approved by Kanwil DJPb/DJA)."""
    pastikan_boleh_tulis(pengguna)
    dokumen = DokumenAnggaran.objects.select_for_update().get(pk=dokumen.pk)
    pastikan_terbuka(dokumen)
    if not (alasan or "").strip():
        raise ValidationError({"alasan": "Alasan revisi wajib diisi."})
    lalu = selectors.revisi_terakhir(dokumen=dokumen)
    if lalu is not None and tanggal < lalu.tanggal:
        raise ValidationError(
            {"tanggal": f"Tanggal revisi tidak boleh sebelum revisi sebelumnya ({lalu.tanggal})."}
        )
    errors = []
    for p in perubahan:
        if p.pos.dokumen_id != dokumen.pk or p.pos.tingkat != Pos.Tingkat.DETAIL:
            errors.append(f"{p.pos.kode_lengkap}: bukan detail dari dokumen ini.")
        if p.volume is None or p.volume < 0 or p.harga is None or p.harga < 0:
            errors.append(f"{p.pos.kode_lengkap}: volume dan harga tidak boleh negatif.")
    if errors:
        raise ValidationError({"perubahan": errors})
    if rpd:
        _periksa_rpd(rpd)
    if not perubahan and not rpd:
        raise ValidationError({"perubahan": "Revisi harus mengubah pagu atau RPD."})

    revisi = Revisi.objects.create(
        dokumen=dokumen,
        nomor=(lalu.nomor + 1) if lalu else 0,
        tanggal=tanggal,
        alasan=alasan.strip(),
        dibuat_oleh=pengguna if getattr(pengguna, "pk", None) else None,
        dihitung_ikpa=dihitung_ikpa,
    )
    nilai = {
        pos_id: (volume, harga)
        for pos_id, volume, harga in Pagu.objects.filter(revisi=lalu).values_list(
            "pos_id", "volume", "harga"
        )
    }
    for p in perubahan:
        nilai[p.pos.pk] = (p.volume, p.harga)
    Pagu.objects.bulk_create(
        [Pagu(revisi=revisi, pos_id=pid, volume=v, harga=h) for pid, (v, h) in nilai.items()]
    )
    rencana = dict(RencanaPenarikan.objects.filter(revisi=lalu).values_list("bulan", "nilai"))
    rencana.update({int(b): v for b, v in (rpd or {}).items()})
    RencanaPenarikan.objects.bulk_create(
        [RencanaPenarikan(revisi=revisi, bulan=b, nilai=v) for b, v in sorted(rencana.items())]
    )
    # the RO volume targets carry over unchanged (``services_output.volume_ro_set`` changes them)
    VolumeRo.objects.bulk_create(
        [
            VolumeRo(revisi=revisi, ro_id=ro_id, volume=volume, rencana=rencana_ro)
            for ro_id, volume, rencana_ro in VolumeRo.objects.filter(revisi=lalu).values_list(
                "ro_id", "volume", "rencana"
            )
        ]
    )

    # A revision may not bring an akun line below what has already been spent on it.
    pohon = selectors.pohon_anggaran(dokumen=dokumen, revisi=revisi)
    kurang = [
        f"Akun {s.pos.kode_lengkap}: pagu menjadi {rupiah(s.pagu)}, di bawah realisasi "
        f"{rupiah(s.realisasi)}."
        for s in pohon.tingkat(Pos.Tingkat.AKUN)
        if s.realisasi > s.pagu
    ]
    if kurang:
        raise ValidationError({"perubahan": kurang})
    jejak_catat(
        pengguna=pengguna,
        aksi="ubah",
        objek=revisi,
        ringkasan=f"Revisi ke-{revisi.nomor}: {angka(len(perubahan))} detail diubah; "
        f"{_ikpa_teks(dihitung_ikpa)}; {alasan.strip()}",
    )
    return revisi


def _ikpa_teks(dihitung_ikpa: bool) -> str:
    return f"{'' if dihitung_ikpa else 'tidak '}dihitung dalam IKPA revisi DIPA"


@transaction.atomic
def revisi_ikpa_set(*, pengguna, revisi: Revisi, dihitung_ikpa: bool) -> Revisi:
    """Whether a revision counts in the IKPA "revisi DIPA" indicator (only that flag changes:
    a revision's pagu is never rewritten). Not for the pagu awal (no revision); locked with
    the year and the document."""
    pastikan_boleh_tulis(pengguna)
    dokumen = DokumenAnggaran.objects.select_for_update().get(pk=revisi.dokumen_id)
    pastikan_terbuka(dokumen)
    revisi = Revisi.objects.get(pk=revisi.pk)
    if revisi.nomor == 0:
        raise ValidationError(
            {
                "dihitung_ikpa": "Pagu awal bukan revisi: tidak dihitung dalam IKPA revisi "
                "DIPA dan tandanya tidak dapat diubah."
            }
        )
    if revisi.dihitung_ikpa == dihitung_ikpa:
        return revisi
    sebelum = jejak_nilai(revisi)
    revisi.dihitung_ikpa = dihitung_ikpa
    jejak_tandai(
        revisi,
        aksi="ubah",
        ringkasan=f"Revisi ke-{revisi.nomor}: {_ikpa_teks(dihitung_ikpa)}",
        pengguna=pengguna,
        perubahan=jejak_beda(sebelum, revisi),
    )
    revisi.save(update_fields=["dihitung_ikpa"])
    return revisi


@transaction.atomic
def rpd_set(*, pengguna, revisi: Revisi, nilai: dict[int, Decimal]) -> list[RencanaPenarikan]:
    """Set the RPD (halaman III) months of the latest revision."""
    pastikan_boleh_tulis(pengguna)
    # The document row is the lock of its revisions (``revisi_create`` takes it too).
    pastikan_terbuka(DokumenAnggaran.objects.select_for_update().get(pk=revisi.dokumen_id))
    terakhir = selectors.revisi_terakhir(dokumen=revisi.dokumen)
    if terakhir is None or terakhir.pk != revisi.pk:
        raise ValidationError(
            "RPD hanya dapat diisi pada revisi terakhir; revisi lama tetap seperti adanya."
        )
    _periksa_rpd(nilai)
    rows = []
    for bulan, v in sorted(nilai.items()):
        row, _ = RencanaPenarikan.objects.update_or_create(
            revisi=revisi, bulan=int(bulan), defaults={"nilai": v}
        )
        rows.append(row)
    return rows


# --- realisasi --------------------------------------------------------------------------------


@transaction.atomic
def realisasi_create(
    *,
    pengguna,
    akun: Pos,
    tanggal: date,
    nomor_sp2d: str,
    nilai: Decimal,
    uraian: str = "",
    nomor_spm: str = "",
    pelampauan_alasan: str = "",
) -> Realisasi:
    """Book one payment on an akun line (see the module rules on pagu excess)."""
    pastikan_boleh_tulis(pengguna)
    akun = Pos.objects.select_for_update().select_related("dokumen").get(pk=akun.pk)
    dokumen = akun.dokumen
    pastikan_terbuka(dokumen)
    errors = {}
    if akun.tingkat != Pos.Tingkat.AKUN:
        errors["akun"] = "Realisasi dicatat pada baris akun (6 digit), bukan pada tingkat lain."
    nomor_sp2d = (nomor_sp2d or "").strip()
    if not nomor_sp2d:
        errors["nomor_sp2d"] = "Nomor SP2D wajib diisi."
    if nilai is None or nilai <= 0:
        errors["nilai"] = "Nilai realisasi harus lebih dari 0."
    if tanggal is None or tanggal.year != dokumen.tahun:
        errors["tanggal"] = f"Tanggal harus dalam tahun anggaran {dokumen.tahun}."
    if errors:
        raise ValidationError(errors)
    if Realisasi.objects.filter(dokumen=dokumen, nomor_sp2d=nomor_sp2d, akun=akun).exists():
        raise ValidationError(
            {"nomor_sp2d": f"SP2D {nomor_sp2d} untuk akun {akun.kode_lengkap} sudah tercatat."}
        )
    sisa = selectors.sisa_pagu_akun(akun=akun)
    disetujui_oleh = None
    alasan = (pelampauan_alasan or "").strip()
    if sisa.melebihi(nilai):
        if not pengguna or not pengguna.has_perm("anggaran.setujui_pelampauan"):
            raise ValidationError(
                {
                    "nilai": f"{sisa.pesan_lampau(nilai)} Pelampauan hanya dengan persetujuan "
                    "Sekretaris dan alasannya."
                }
            )
        if not alasan:
            raise ValidationError(
                {
                    "pelampauan_alasan": f"{sisa.pesan_lampau(nilai)} Tuliskan alasan "
                    "persetujuan pelampauan."
                }
            )
        disetujui_oleh = pengguna
    realisasi = Realisasi(
        dokumen=dokumen,
        akun=akun,
        tanggal=tanggal,
        nomor_sp2d=nomor_sp2d,
        nomor_spm=(nomor_spm or "").strip(),
        uraian=(uraian or "").strip(),
        nilai=nilai,
        asal=Realisasi.Asal.FORMULIR,
        pelampauan_alasan=alasan if disetujui_oleh else "",
        pelampauan_disetujui_oleh=disetujui_oleh,
        dibuat_oleh=pengguna if getattr(pengguna, "pk", None) else None,
    )
    realisasi.full_clean(exclude=["dokumen", "akun"])
    realisasi.save()
    return realisasi


# --- IKPA parameters ----------------------------------------------------------------------------

BOBOT_IKPA = (
    "bobot_revisi",
    "bobot_deviasi",
    "bobot_penyerapan",
    "bobot_kontraktual",
    "bobot_tagihan",
    "bobot_up_tup",
    "bobot_output",
)


@transaction.atomic
def parameter_ikpa_simpan(
    *,
    pengguna,
    tahun: int,
    bobot: dict[str, Decimal],
    deviasi_tertimbang: bool,
    target_penyerapan: dict[str, list[Decimal]],
    dasar_hukum: str = "",
):
    """Set the IKPA weights, the quarterly absorption targets and the deviation method of
    ``tahun`` (a year without its own parameters starts from the latest earlier year's
    component parameters). The weights must sum to 100; each type's targets rise from TW I to
    TW IV within 0–100."""
    from .models import ParameterIkpa

    pastikan_boleh_tulis(pengguna)
    pastikan_tahun_terbuka(tahun)
    galat = {}
    total = sum((Decimal(bobot[k]) for k in BOBOT_IKPA), NOL)
    if total != 100:
        galat["bobot_output"] = (
            "Jumlah bobot tujuh indikator harus 100%, sekarang "
            f"{angka(total, 0 if total == total.to_integral_value() else 2)}%."
        )
    for k in BOBOT_IKPA:
        if Decimal(bobot[k]) < 0:
            galat[k] = "Bobot tidak boleh negatif."
    for jenis, target in target_penyerapan.items():
        if len(target) != 4 or any(t is None for t in target):
            galat[f"target_{jenis}_1"] = f"Target jenis belanja {jenis} harus diisi untuk TW I–IV."
            continue
        if any(not 0 <= Decimal(t) <= 100 for t in target):
            galat[f"target_{jenis}_1"] = f"Target jenis belanja {jenis} harus antara 0 dan 100%."
        elif any(Decimal(a) > Decimal(b) for a, b in itertools.pairwise(target)):
            galat[f"target_{jenis}_1"] = (
                f"Target kumulatif jenis belanja {jenis} tidak boleh turun dari triwulan ke "
                "triwulan berikutnya."
            )
    if galat:
        raise ValidationError(galat)
    dasar = selectors.ikpa.parameter_ikpa_get(tahun=tahun)
    param = ParameterIkpa.objects.filter(tahun=tahun).first() or ParameterIkpa(
        tahun=tahun, rincian=dict(dasar.rincian) if dasar else {}
    )
    sebelum = jejak_nilai(param) if param.pk else None
    for k in BOBOT_IKPA:
        setattr(param, k, Decimal(bobot[k]))
    param.deviasi_tertimbang = deviasi_tertimbang
    param.target_penyerapan = {j: [float(t) for t in v] for j, v in target_penyerapan.items()}
    param.dasar_hukum = dasar_hukum or param.dasar_hukum or (dasar.dasar_hukum if dasar else "")
    if sebelum is not None:
        jejak_tandai(
            param,
            aksi="ubah",
            ringkasan=f"Parameter IKPA {tahun} diubah.",
            pengguna=pengguna,
            perubahan=jejak_beda(sebelum, param),
        )
    param.save()
    return param
