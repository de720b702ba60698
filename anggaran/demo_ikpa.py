"""Demo data of the IKPA 2023: RPD per jenis belanja, the RO volume targets and their monthly
output realisasi, contracts and invoices, UP/TUP movements, an SPM dispensation and two
revisions counted by the revisi DIPA indicator.

INVENTED: none of this is in the source report (seed 002 reports neither RO volumes nor IKPA
data). The volumes follow the 2023 stages the LKj narrates (badan ad hoc formed in January and
February, dapil in February, candidacy DCS/DCT in August and November, the campaign from 28
November: the Kampanye RO reaches 1 of its 3 reports, its budget 22,75%); the amounts of
contracts, invoices and UP/TUP are plausible for a Kota KPU, not real.

Written with the ORM in one transaction by ``muat`` (idempotent: nothing is written when the
DIPA already has contracts).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from .models import (
    DispensasiSpm,
    DokumenAnggaran,
    Kontrak,
    MutasiUp,
    Pos,
    Realisasi,
    RealisasiOutput,
    RencanaPenarikan,
    Revisi,
    RpdJenisBelanja,
    Tagihan,
    VolumeRo,
    jenis_belanja_dari_akun,
)


def _tiap_bulan(hari_lapor: dict[int, int] | None = None) -> dict[int, tuple[int, date]]:
    """One unit each month, reported on the 3rd of the next month (or the day given)."""
    hari_lapor = hari_lapor or {}
    hasil = {}
    for b in range(1, 13):
        lapor = date(2023, b + 1, hari_lapor.get(b, 3)) if b < 12 else date(2024, 1, 3)
        hasil[b] = (1, lapor)
    return hasil


def _lapor(b: int, hari: int = 4) -> date:
    return date(2023, b + 1, hari) if b < 12 else date(2024, 1, hari)


def _bertahap(volume: dict[int, int], hari_lapor: dict[int, int] | None = None):
    """Every month reported (0 where nothing was produced), on the 4th of the next month."""
    hari_lapor = hari_lapor or {}
    return {b: (volume.get(b, 0), _lapor(b, hari_lapor.get(b, 4))) for b in range(1, 13)}


def _proyeksi(per_bulan: dict[int, int]) -> list[int]:
    jumlah, hasil = 0, []
    for b in range(1, 13):
        jumlah += per_bulan.get(b, 0)
        hasil.append(jumlah)
    return hasil


# RO (end of its kode_lengkap) -> (satuan, target volume, unit pengampu, volume per month or None
# for one each month; the projection is the same months unless PROYEKSI_LAIN says otherwise)
OUTPUT = {
    ".6701.QGE.001": ("Dokumen", 6, "perencanaan", {2: 1, 4: 1, 6: 1, 8: 1, 10: 1, 12: 1}),
    ".6702.QGE.002": ("Laporan", 2, "teknis", {3: 1, 6: 1}),
    ".6703.QGE.003": ("Laporan", 3, "teknis", {1: 1, 2: 1, 12: 1}),
    ".6704.QGE.004": ("Laporan", 3, "teknis", {11: 1}),
    ".6705.QGE.005": ("Laporan", 4, "keuangan", {3: 1, 6: 1, 9: 1, 12: 1}),
    ".6706.QGE.006": ("Laporan", 2, "teknis", {9: 1, 12: 1}),
    ".6707.QGE.007": ("Laporan", 12, "perencanaan", None),
    ".6708.QGE.008": ("Dokumen", 1, "teknis", {2: 1}),
    ".6709.QGE.009": ("Dokumen", 1, "teknis", {2: 1}),
    ".6710.QGE.010": ("Dokumen", 2, "teknis", {8: 1, 11: 1}),
    ".6721.EBA.994": ("Bulan Layanan", 12, "keuangan", None),
    ".6722.EBA.962": ("Bulan Layanan", 12, "keuangan", None),
    ".6723.EBD.953": ("Bulan Layanan", 12, "perencanaan", None),
}
# the projection of the Kampanye RO: all three reports were planned for November–December
PROYEKSI_LAIN = {".6704.QGE.004": {11: 1, 12: 2}}
# reports made after the 5th of the following month (the ketepatan component)
LAPOR_TERLAMBAT = {".6707.QGE.007": {3: 11}, ".6723.EBD.953": {7: 9}}


def _output(dipa: DokumenAnggaran) -> None:
    from sekretariat.models import UnitOrganisasi

    unit = {u.kode: u for u in UnitOrganisasi.objects.all()}
    revisi = list(dipa.revisi.order_by("nomor"))
    ro_semua = {p.kode_lengkap: p for p in Pos.objects.filter(dokumen=dipa, tingkat="ro")}
    diverifikasi = timezone.make_aware(datetime.combine(date(2024, 1, 8), time(10)))
    for akhiran, (satuan, target, kode_unit, per_bulan) in OUTPUT.items():
        ro = next(p for k, p in ro_semua.items() if k.endswith(akhiran))
        ro.satuan = satuan
        ro.unit = unit.get(kode_unit)
        ro.save(update_fields=["satuan", "unit"])
        proyeksi_bulan = PROYEKSI_LAIN.get(akhiran, per_bulan)
        rencana = _proyeksi(proyeksi_bulan) if proyeksi_bulan else []
        VolumeRo.objects.bulk_create(
            [VolumeRo(revisi=r, ro=ro, volume=Decimal(target), rencana=rencana) for r in revisi]
        )
        if per_bulan is None:
            laporan = _tiap_bulan(LAPOR_TERLAMBAT.get(akhiran))
        else:
            laporan = _bertahap(per_bulan, LAPOR_TERLAMBAT.get(akhiran))
        RealisasiOutput.objects.bulk_create(
            [
                RealisasiOutput(
                    ro=ro,
                    bulan=b,
                    volume=Decimal(v),
                    tanggal_lapor=lapor,
                    keterangan="Data contoh (rekaan).",
                    status=RealisasiOutput.Status.DIVERIFIKASI,
                    diverifikasi_pada=diverifikasi,
                )
                for b, (v, lapor) in sorted(laporan.items())
            ]
        )


def _rpd_jenis(dipa: DokumenAnggaran) -> None:
    """Halaman III per jenis belanja for every revision: belanja modal planned in the months it
    was paid, except the July payment, planned for June (belanja modal then deviates 100% in
    June and in July, which the plain average of 2023 counts as much as belanja barang and the
    weighted deviation of 2024 by its 1,81% share of the pagu); belanja barang is the rest of
    each month's total RPD."""
    modal = defaultdict(lambda: Decimal(0))
    for kode, tanggal, nilai in Realisasi.objects.filter(dokumen=dipa).values_list(
        "akun__kode", "tanggal", "nilai"
    ):
        if jenis_belanja_dari_akun(kode) == "53":
            modal[tanggal.month] += nilai
    rencana_modal = dict(modal)
    rencana_modal[6] = rencana_modal.get(6, Decimal(0)) + rencana_modal.pop(7, Decimal(0))
    for revisi in dipa.revisi.order_by("nomor"):
        total = dict(RencanaPenarikan.objects.filter(revisi=revisi).values_list("bulan", "nilai"))
        baris = []
        for bulan, nilai in sorted(total.items()):
            m = min(rencana_modal.get(bulan, Decimal(0)), nilai)
            baris.append(RpdJenisBelanja(revisi=revisi, bulan=bulan, jenis_belanja="53", nilai=m))
            baris.append(
                RpdJenisBelanja(revisi=revisi, bulan=bulan, jenis_belanja="52", nilai=nilai - m)
            )
        RpdJenisBelanja.objects.bulk_create(baris)


def _akun(dipa, akhiran: str) -> Pos:
    return Pos.objects.get(dokumen=dipa, tingkat="akun", kode_lengkap__endswith=akhiran)


KONTRAK = [
    # (akun, nomor, signed, registered, end, supplier, work, value,
    #  [(invoice, BAST, SPM, SP2D, value)])
    (
        ".6705.QGE.005.051.A.532111",
        "01/KONTRAK/PPK-670714/I/2023",
        date(2023, 1, 16),
        date(2023, 1, 18),
        date(2023, 3, 15),
        "CV Mitra Komputindo",
        "Pengadaan laptop dan printer pendukung logistik",
        Decimal("148500000"),
        [("BAST-01/III/2023", date(2023, 3, 10), date(2023, 3, 20), date(2023, 3, 23), None)],
    ),
    (
        ".6705.QGE.005.051.A.521211",
        "12/KONTRAK/PPK-670714/XII/2022",
        date(2022, 12, 20),
        date(2023, 1, 5),
        date(2023, 12, 31),
        "PT Gudang Banten Sejahtera",
        "Sewa gudang logistik Pemilu 2024 (12 bulan)",
        Decimal("96000000"),
        [
            ("BAST-SEWA/TW1", date(2023, 3, 31), date(2023, 4, 11), date(2023, 4, 13), "24000000"),
            ("BAST-SEWA/TW2", date(2023, 6, 30), date(2023, 7, 27), date(2023, 7, 31), "24000000"),
            (
                "BAST-SEWA/TW3",
                date(2023, 9, 29),
                date(2023, 10, 10),
                date(2023, 10, 12),
                "24000000",
            ),
            (
                "BAST-SEWA/TW4",
                date(2023, 12, 15),
                date(2023, 12, 20),
                date(2023, 12, 22),
                "24000000",
            ),
        ],
    ),
    (
        ".6703.QGE.003.051.A.521211",
        "03/KONTRAK/PPK-670714/II/2023",
        date(2023, 2, 3),
        date(2023, 2, 6),
        date(2023, 2, 28),
        "CV Serang Grafika",
        "Pencetakan bahan seleksi PPK dan PPS",
        Decimal("62500000"),
        [("BAST-03/II/2023", date(2023, 2, 28), date(2023, 3, 6), date(2023, 3, 8), None)],
    ),
    (
        ".6721.EBA.994.051.A.523111",
        "07/KONTRAK/PPK-670714/VI/2023",
        date(2023, 6, 12),
        date(2023, 6, 14),
        date(2023, 9, 15),
        "CV Karya Bangun Serang",
        "Pemeliharaan gedung kantor KPU Kota Serang",
        Decimal("185000000"),
        [("BAST-07/IX/2023", date(2023, 9, 15), date(2023, 9, 25), date(2023, 9, 28), None)],
    ),
]

MUTASI_UP = [
    ("up", "UP-2023/01", date(2023, 1, 6), "100000000", None, None),
    ("gup", "GUP-01", date(2023, 2, 3), "62000000", None, None),
    ("gup", "GUP-02", date(2023, 3, 6), "71000000", None, None),
    ("gup", "GUP-03", date(2023, 4, 5), "55000000", None, None),
    ("gup", "GUP-04", date(2023, 5, 8), "40000000", None, None),
    ("tup", "TUP-01", date(2023, 4, 12), "150000000", None, date(2023, 5, 12)),
    ("ptup", "PTUP-01", date(2023, 5, 8), "141250000", "TUP-01", None),
    ("setor_tup", "STS-TUP-01", date(2023, 5, 10), "8750000", "TUP-01", None),
    ("gup", "GUP-05", date(2023, 6, 7), "66000000", None, None),
    ("gup", "GUP-06", date(2023, 7, 6), "58000000", None, None),
    ("gup", "GUP-07", date(2023, 8, 4), "73000000", None, None),
    ("tup", "TUP-02", date(2023, 8, 14), "200000000", None, date(2023, 9, 14)),
    ("gup", "GUP-08", date(2023, 9, 6), "61000000", None, None),
    ("ptup", "PTUP-02", date(2023, 9, 18), "200000000", "TUP-02", None),
    ("gup", "GUP-09", date(2023, 10, 5), "69000000", None, None),
    ("gup", "GUP-10", date(2023, 11, 6), "52000000", None, None),
    ("gup", "GUP-11", date(2023, 12, 6), "64000000", None, None),
    ("setor_up", "STS-UP-2023", date(2023, 12, 20), "100000000", None, None),
]


def _kontrak(dipa: DokumenAnggaran) -> None:
    for akun, nomor, tanggal, daftar, selesai, penyedia, uraian, nilai, tagihan in KONTRAK:
        kontrak = Kontrak.objects.create(
            dokumen=dipa,
            akun=_akun(dipa, akun),
            nomor=nomor,
            tanggal=tanggal,
            tanggal_daftar=daftar,
            tanggal_selesai=selesai,
            penyedia=penyedia,
            uraian=uraian,
            nilai=nilai,
        )
        for no, bast, spm, sp2d, jumlah in tagihan:
            Tagihan.objects.create(
                kontrak=kontrak,
                nomor=no,
                tanggal_bast=bast,
                tanggal_spm=spm,
                tanggal_sp2d=sp2d,
                nilai=Decimal(jumlah) if jumlah else nilai,
            )


def _up(dipa: DokumenAnggaran) -> None:
    tup = {}
    for jenis, nomor, tanggal, nilai, nomor_tup, batas in MUTASI_UP:
        m = MutasiUp.objects.create(
            dokumen=dipa,
            jenis=jenis,
            nomor=nomor,
            tanggal=tanggal,
            nilai=Decimal(nilai),
            tup=tup.get(nomor_tup),
            batas_waktu=batas,
            keterangan="Data contoh (rekaan).",
        )
        if jenis == "tup":
            tup[nomor] = m


def verifikasi_muat(dipa: DokumenAnggaran) -> None:
    """The Kasubag Keuangan (the demo account, made after ``muat``) verified each entry three
    days after its date (the last ones of December in January 2024, before the year closed).
    Entries verified already are left as they are."""
    from django.contrib.auth import get_user_model

    kasubag = get_user_model().objects.filter(username="kasubag.keuangan").first()
    for qs, field in (
        (MutasiUp.objects.filter(dokumen=dipa), "tanggal"),
        (DispensasiSpm.objects.filter(dokumen=dipa), "tanggal"),
        (Kontrak.objects.filter(dokumen=dipa), "tanggal"),
        (Tagihan.objects.filter(kontrak__dokumen=dipa), "tanggal_bast"),
    ):
        for obj in qs.filter(diverifikasi_pada__isnull=True):
            hari = date.fromordinal(getattr(obj, field).toordinal() + 3)
            type(obj).objects.filter(pk=obj.pk).update(
                diverifikasi_oleh=kasubag,
                diverifikasi_pada=timezone.make_aware(datetime.combine(hari, time(10))),
            )


@transaction.atomic
def muat(*, dipa: DokumenAnggaran, stdout) -> None:
    """Add the IKPA data to the demo DIPA (once; the two counted revisions are made with the
    DIPA by ``anggaran.demo``)."""
    if Kontrak.objects.filter(dokumen=dipa).exists():
        return
    Revisi.objects.filter(dokumen=dipa, nomor=1).update(dihitung_ikpa=False)  # a POK revision
    _rpd_jenis(dipa)
    _output(dipa)
    _kontrak(dipa)
    _up(dipa)
    DispensasiSpm.objects.create(
        dokumen=dipa,
        nomor="S-1187/KPPN.0701/2023",
        tanggal=date(2023, 12, 27),
        jumlah_spm=2,
        alasan="Pengajuan SPM-LS honorarium badan ad hoc setelah batas akhir tahun anggaran.",
    )
    stdout.write("  anggaran: data IKPA 2023 (RO, kontrak, tagihan, UP/TUP) — contoh rekaan")
