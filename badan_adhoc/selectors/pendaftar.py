"""Applicants: the list's filters, its count and keyset pages, the detail page, the
announcement rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, F, OuterRef

from sekretariat.selectors import satker_get

from ..akses import boleh_kelola
from ..model_tanggapan import TanggapanMasyarakat
from ..models import (
    ALASAN_TMS,
    PERINGATAN,
    SYARAT,
    SYARAT_PERINGATAN,
    AnggotaParpol,
    JenisBadan,
    KlarifikasiParpol,
    Pendaftar,
    Rekrutmen,
)
from .rekrutmen import rekrutmen_tahun_list, seleksi_ringkasan_tersimpan

#: ``pendaftar_filter(tanggapan=...)``: applicants with a public comment not followed up yet.
TANGGAPAN_BELUM = "belum"


def pendaftar_qs(rekrutmen: Rekrutmen):
    return Pendaftar.objects.filter(rekrutmen=rekrutmen)


def pendaftar_saring_hasil(qs, *, status: str = "", alasan: str = ""):
    """``qs`` narrowed to one screening result and/or one TMS reason or warning code (the list
    page and the API); unknown values are ignored."""
    if status in Pendaftar.Status.values:
        qs = qs.filter(status_administrasi=status)
    if alasan in ALASAN_TMS:
        qs = qs.filter(**{f"tms_{alasan}": True})
    elif alasan in PERINGATAN:
        qs = qs.filter(**{f"peringatan_{alasan}": True})
    return qs


def pendaftar_di_kecamatan(qs, *, rekrutmen: Rekrutmen, kecamatan: int):
    """Applicants for a unit in ``kecamatan``: the kecamatan itself (PPK) or one of its
    desa/kelurahan (PPS, KPPS)."""
    if rekrutmen.jenis_badan == JenisBadan.PPK:
        return qs.filter(wilayah_tujuan_id=kecamatan)
    return qs.filter(wilayah_tujuan__induk_id=kecamatan)


def pengumuman_grup(rekrutmen: Rekrutmen, *, tahap: str, kecamatan: int | None = None):
    """Rows of an announcement per unit, ``[{"wilayah", "rows"}]``: screened applicants by
    name (``tahap="administrasi"``), those called to the written test by score (``"tes"``) or
    ranked ones by rank (``"akhir"``), optionally of one
    kecamatan; each row's ``domisili_nama`` is its domicile as printed (``domisili_luar``
    when outside the wilayah)."""
    qs = pendaftar_qs(rekrutmen).select_related(
        "wilayah_tujuan", "wilayah_tujuan__induk", "domisili"
    )
    if kecamatan:
        qs = pendaftar_di_kecamatan(qs, rekrutmen=rekrutmen, kecamatan=kecamatan)
    if tahap == "akhir":
        qs = qs.filter(peringkat__isnull=False).order_by("wilayah_tujuan__kode", "peringkat")
    elif tahap == "tes":  # called to the written test (MS), best score first, absent last
        qs = qs.filter(status_administrasi=Pendaftar.Status.MS).order_by(
            "wilayah_tujuan__kode", F("nilai_cat").desc(nulls_last=True), "nama", "pk"
        )
    else:
        qs = qs.exclude(status_administrasi=Pendaftar.Status.BELUM).order_by(
            "wilayah_tujuan__kode", "nama", "pk"
        )
    grup: dict[int, dict] = {}
    luar = domisili_luar()
    for p in qs:
        # the domicile as printed: the desa/kelurahan's name, never the code (issue 16)
        p.domisili_nama = p.domisili.nama if p.domisili is not None else luar
        g = grup.setdefault(p.wilayah_tujuan_id, {"wilayah": p.wilayah_tujuan, "rows": []})
        g["rows"].append(p)
    return list(grup.values())


def pendaftar_filter(
    *,
    rekrutmen: Rekrutmen,
    user,
    status: str = "",
    alasan: str = "",
    kecamatan: int | None = None,
    wilayah: int | None = None,
    q: str = "",
    tanggapan: str = "",
):
    """Applicants of a recruitment, filtered. Search: digits = NIK prefix (only for staff of
    the recruitment: others may not probe NIKs), anything else = part of the name.
    ``tanggapan="belum"``: only those with a public comment not followed up yet."""
    qs = pendaftar_saring_hasil(pendaftar_qs(rekrutmen), status=status, alasan=alasan)
    if tanggapan == TANGGAPAN_BELUM:
        qs = qs.filter(
            Exists(
                TanggapanMasyarakat.objects.filter(
                    pendaftar=OuterRef("pk"), hasil=TanggapanMasyarakat.Hasil.BELUM
                )
            )
        )
    if wilayah:
        qs = qs.filter(wilayah_tujuan_id=wilayah)
    elif kecamatan:
        qs = pendaftar_di_kecamatan(qs, rekrutmen=rekrutmen, kecamatan=kecamatan)
    q = (q or "").strip()
    if q:
        if q.isdigit():
            qs = qs.filter(nik__startswith=q) if boleh_kelola(user) else qs.none()
        else:
            qs = qs.filter(nama__icontains=q)
    return qs


def pendaftar_jumlah_dari_ringkasan(
    *,
    rekrutmen: Rekrutmen,
    status: str = "",
    alasan: str = "",
    kecamatan: int | None = None,
    wilayah: int | None = None,
    q: str = "",
    tanggapan: str = "",
) -> int | None:
    """The exact number of applicants for a filter that is at most one status or one reason,
    read from ``seleksi_ringkasan_tersimpan`` (no scan of the applicants); ``None`` for any
    other filter. Invalid values count as absent, as in ``pendaftar_filter``."""
    status = status if status in Pendaftar.Status.values else ""
    alasan = alasan if alasan in ALASAN_TMS or alasan in PERINGATAN else ""
    tanggapan = tanggapan if tanggapan == TANGGAPAN_BELUM else ""
    if kecamatan or wilayah or (q or "").strip() or (status and alasan) or tanggapan:
        return None
    ringkasan = seleksi_ringkasan_tersimpan(rekrutmen)["data"]
    if alasan in ALASAN_TMS:
        return ringkasan["alasan"][alasan]
    if alasan:
        return ringkasan["peringatan"][alasan]
    if status == Pendaftar.Status.BELUM:
        return ringkasan["jumlah"] - ringkasan["ms"] - ringkasan["tms"]
    if status:
        return ringkasan[status]
    return ringkasan["jumlah"]


BATAS_HITUNG_CARI = 1_000


@dataclass(frozen=True)
class JumlahPendaftar:
    nilai: int
    lebih_dari: bool = False  # a search with more matches than it counts: "lebih dari <nilai>"


def pendaftar_jumlah(qs, *, cari: bool = False, baris_semua: list | None = None) -> JumlahPendaftar:
    """The number of applicants matching a filter ``pendaftar_jumlah_dari_ringkasan`` cannot
    answer. ``baris_semua``: the rows when the first page already holds all of them (exact, no
    query). A name/NIK search (``cari``) counts up to ``BATAS_HITUNG_CARI`` and beyond that says
    "lebih dari 1.000": ``ILIKE '%…%'`` uses no index, so an exact count would read every
    applicant while a capped one stops early (the planner's estimate was tried and is off by
    20–100× for names). Everything else (kecamatan, wilayah, status with a reason) is an exact
    ``count()``."""
    if baris_semua is not None:
        return JumlahPendaftar(len(baris_semua))
    if cari:
        n = qs.order_by()[: BATAS_HITUNG_CARI + 1].count()
        if n > BATAS_HITUNG_CARI:
            return JumlahPendaftar(BATAS_HITUNG_CARI, lebih_dari=True)
        return JumlahPendaftar(n)
    return JumlahPendaftar(qs.count())


def pendaftar_halaman_qs(qs):
    """``qs`` as the list shows it: in id order, with the wilayah its rows name."""
    return qs.select_related("wilayah_tujuan", "wilayah_tujuan__induk").order_by("pk")


def pendaftar_halaman(
    qs, *, setelah: int | None = None, sebelum: int | None = None, ukuran: int = 50
):
    """Keyset page: ``ukuran`` applicants with id > ``setelah`` (or the last ``ukuran`` with
    id < ``sebelum``: the page before), and whether more follow. No OFFSET, so page 6,000 of
    300,000 rows costs the same as page 1."""
    if sebelum:
        rows = list(pendaftar_halaman_qs(qs.filter(pk__lt=sebelum)).reverse()[:ukuran])
        return rows[::-1], True
    if setelah:
        qs = qs.filter(pk__gt=setelah)
    rows = list(pendaftar_halaman_qs(qs)[: ukuran + 1])
    ada_lagi = len(rows) > ukuran
    return rows[:ukuran], ada_lagi


def pendaftar_halaman_nomor(qs, *, nomor: int, jumlah: int | None, ukuran: int = 50):
    """Page ``nomor`` (from 1) of ``qs``, for a page asked by its number (a numbered link,
    the jump): one OFFSET over the ids only (an index scan, no row read) finds the key next to
    the page, counted from the nearer end when ``jumlah`` (the exact number of rows) is
    known, then ``pendaftar_halaman`` reads the page. The last page needs no OFFSET."""
    awal = (nomor - 1) * ukuran
    if awal <= 0:
        return pendaftar_halaman(qs, ukuran=ukuran)
    ids = qs.order_by("pk").values_list("pk", flat=True)
    sesudah = None if jumlah is None else jumlah - awal - ukuran  # rows after the page
    if sesudah is None or awal <= sesudah:
        kunci = list(ids[awal - 1 : awal])
        return pendaftar_halaman(qs, setelah=kunci[0], ukuran=ukuran) if kunci else ([], False)
    if sesudah <= 0:  # the last page: the last rows
        rows = list(pendaftar_halaman_qs(qs).reverse()[: jumlah - awal])
        return rows[::-1], False
    kunci = list(ids.reverse()[sesudah - 1 : sesudah])  # the first row after the page
    return pendaftar_halaman(qs, sebelum=kunci[0], ukuran=ukuran) if kunci else ([], False)


def pendaftar_nomor_halaman(qs, *, setelah: int, ukuran: int = 50) -> int:
    """The number of the page that follows id ``setelah`` (an old ``?setelah=`` link without
    its page number)."""
    return qs.filter(pk__lte=setelah).count() // ukuran + 1


def usia_pada(tanggal_lahir: date, acuan: date) -> int:
    """Age in whole years on ``acuan`` (the recruitment's reference date)."""
    return (
        acuan.year
        - tanggal_lahir.year
        - ((acuan.month, acuan.day) < (tanggal_lahir.month, tanggal_lahir.day))
    )


def pendaftar_detail_qs():
    return Pendaftar.objects.select_related(
        "rekrutmen", "wilayah_tujuan", "wilayah_tujuan__induk", "domisili", "koreksi_oleh"
    )


@dataclass(frozen=True)
class BarisPemeriksaan:
    """One requirement on the applicant's page: ``hasil`` is ``belum`` (screening not run),
    ``memenuhi``, ``gagal`` (a TMS reason) or ``peringatan`` (a warning, not a reason)."""

    kode: str
    syarat: str
    keterangan: str
    hasil: str

    @property
    def tanda(self) -> str:
        return {"memenuhi": "✓", "gagal": "✗", "peringatan": "!"}.get(self.hasil, "·")

    @property
    def kelas(self) -> str:
        return {
            "memenuhi": "status-tercapai",
            "gagal": "status-tidak",
            "peringatan": "status-hampir",
        }.get(self.hasil, "")


def pemeriksaan_administrasi(p: Pendaftar, *, rinci: bool) -> list[BarisPemeriksaan]:
    """The screening of ``p``, one row per requirement (``SYARAT``; the KPPS age warning
    ``SYARAT_PERINGATAN`` for KPPS), with what the screening stored. ``rinci``: show the
    NIK digits that should match (the recruitment's staff only)."""
    rekrutmen = p.rekrutmen
    diperiksa = p.status_administrasi != Pendaftar.Status.BELUM
    usia = usia_pada(p.tanggal_lahir, rekrutmen.tanggal_acuan)
    lingkup = "kecamatan" if rekrutmen.jenis_badan == JenisBadan.PPK else "desa/kelurahan"
    keterangan = {
        "nik_tidak_valid": p.nik_masalah if rinci else "",
        "usia_kurang": f"usia {usia} tahun pada {rekrutmen.tanggal_acuan:%d-%m-%Y}",
        "pendidikan_kurang": p.get_pendidikan_display(),
        "domisili_di_luar_wilayah": f"domisili {domisili_teks(p)}, tujuan {p.wilayah_tujuan}",
        "usia_lebih_55": f"usia {usia} tahun",
    }

    def hasil(ada: bool, jika_ada: str) -> str:
        return "belum" if not diperiksa else (jika_ada if ada else "memenuhi")

    baris = [
        BarisPemeriksaan(
            kode,
            str(syarat).format(lingkup=lingkup),
            keterangan.get(kode, ""),
            hasil(getattr(p, f"tms_{kode}"), "gagal"),
        )
        for kode, syarat in SYARAT.items()
    ]
    if rekrutmen.per_tps:  # KPPS, Pantarlih
        baris += [
            BarisPemeriksaan(
                kode,
                str(syarat),
                keterangan.get(kode, ""),
                hasil(getattr(p, f"peringatan_{kode}"), "peringatan"),
            )
            for kode, syarat in SYARAT_PERINGATAN.items()
        ]
    return baris


def domisili_teks(p: Pendaftar) -> str:
    """The applicant's domicile in words: the desa/kelurahan and its kecamatan (``Kelurahan
    Cimuncang, Kec. Serang``), or ``di luar Kota Serang`` (the satker's kabupaten/kota) when
    its code is not in the imported wilayah; never the code."""
    if p.domisili is not None:
        induk = p.domisili.induk
        return f"{p.domisili}, Kec. {induk.nama}" if induk else str(p.domisili)
    return domisili_luar()


def domisili_luar() -> str:
    """A domicile outside the imported wilayah: ``di luar Kota Serang`` (the satker's
    kabupaten/kota; ``di luar wilayah kerja`` before the satker is set up)."""
    satker = satker_get()
    return f"di luar {satker.nama_wilayah}" if satker else "di luar wilayah kerja"


def di_sipol(nik: str) -> bool:
    """Whether the NIK is in the imported party-member list (SIPOL)."""
    return AnggotaParpol.objects.filter(nik=nik).exists()


def klarifikasi_parpol_perlu(p: Pendaftar) -> bool:
    """Whether ``p`` may need a party-membership clarification: found in SIPOL (screened as a
    party member, or its NIK in the imported list now)."""
    return p.tms_anggota_parpol or di_sipol(p.nik)


# --- open work of the sub-bagian Teknis (home page) ------------------------------------------


def pendaftar_belum_diperiksa_jumlah(rekrutmen: Rekrutmen) -> int:
    """Applicants of ``rekrutmen`` not screened yet (neither MS nor TMS), from the cached
    screening summary (``seleksi_ringkasan_tersimpan``, never older than the data)."""
    ringkas = seleksi_ringkasan_tersimpan(rekrutmen)["data"]
    return ringkas["jumlah"] - ringkas["ms"] - ringkas["tms"]


def klarifikasi_menunggu_list(*, tahun: int) -> list[KlarifikasiParpol]:
    """Party-membership clarifications of the recruitments running in ``tahun`` still waiting
    for a decision, oldest first (one query)."""
    return list(
        KlarifikasiParpol.objects.filter(
            status=KlarifikasiParpol.Status.DIAJUKAN,
            pendaftar__rekrutmen__in=rekrutmen_tahun_list(tahun=tahun).values("pk"),
        )
        .select_related("pendaftar", "pendaftar__rekrutmen")
        .order_by("diunggah_pada", "pk")
    )
