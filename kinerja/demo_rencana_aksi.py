"""Demo Rencana Aksi 2023 and its four quarterly monitoring reports (Kota Serang).

Invented (the seed, the LKj 2023 of KPU Kota Serang, has no Rencana Aksi and no quarterly
figures), marked as such: the quarterly targets (a quarter, a half, three quarters and all of
the PK target: every demo indikator is cumulative), the one action per quarter of each
indikator, the quarterly realisasi of TW I–III (the same fractions of the year's realisasi),
and the monitoring's "aksi terlaksana". The TW IV realisasi is the year's realisasi of the
demo (Bab III of the LKj), so the TW IV monitoring agrees with it. The kendala and tindak
lanjut of TW IV are the Bab III narrative already in the demo.
"""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone

from .models import (
    AksiRencana,
    MonitoringBaris,
    MonitoringRencanaAksi,
    Realisasi,
    RencanaAksi,
)
from .selectors import pk_baris_list, pk_berlaku
from .selectors_rencana_aksi import monitoring_baris_hitung

TAHUN = 2023
PORSI = {"tw1": Decimal("0.25"), "tw2": Decimal("0.5"), "tw3": Decimal("0.75"), "tw4": Decimal(1)}
# Each quarter's monitoring signed on the 10th of the month after the quarter (invented dates)
TANDA_TANGAN = {
    tw: datetime(tahun, bulan, 10, 10, tzinfo=ZoneInfo("Asia/Jakarta"))
    for tw, (tahun, bulan) in {
        "tw1": (2023, 4), "tw2": (2023, 7), "tw3": (2023, 10), "tw4": (2024, 1)
    }.items()
}  # fmt: skip
AKSI = {
    "tw1": "Menyusun jadwal dan pembagian tugas untuk {s} (contoh).",
    "tw2": "Melaksanakan kegiatan pendukung {s} dan mengumpulkan bukti dukung (contoh).",
    "tw3": "Memantau kemajuan {s} dan membahas kendalanya dalam rapat sub bagian (contoh).",
    "tw4": "Menyelesaikan {s} dan menyusun laporan akhir tahun (contoh).",
}
SERATUS = Decimal("0.01")


def _porsi(nilai: Decimal, tw: str) -> Decimal:
    return (nilai * PORSI[tw]).quantize(SERATUS, rounding=ROUND_HALF_UP)


def muat(*, stdout=None) -> None:
    """Create (idempotently) the Rencana Aksi 2023, the quarterly realisasi of 2023 and the four
    signed monitoring reports."""
    perjanjian = pk_berlaku(tahun=TAHUN)
    if perjanjian is None:
        return
    waktu = timezone.now()
    for baris in pk_baris_list(perjanjian=perjanjian):
        ind = baris.indikator
        rencana, dibuat = RencanaAksi.objects.get_or_create(
            baris=baris,
            defaults={"unit": ind.sasaran.unit}
            | {f"target_{tw}": _porsi(baris.target, tw) for tw in PORSI},
        )
        if dibuat:
            for tw, teks in AKSI.items():
                AksiRencana.objects.create(
                    rencana=rencana,
                    triwulan=tw,
                    uraian=teks.format(s=f"sasaran {ind.sasaran.nomor}"),
                )
        tahunan = Realisasi.objects.filter(indikator=ind, tahun=TAHUN, periode="tahunan").first()
        if tahunan is None or tahunan.nilai is None:
            continue
        for tw in PORSI:
            Realisasi.objects.get_or_create(
                indikator=ind,
                tahun=TAHUN,
                periode=tw,
                defaults={
                    "nilai": _porsi(tahunan.nilai, tw),
                    "target_periode": rencana.target_triwulan(tw),
                    "analisis": "Realisasi triwulan (contoh)." if tw != "tw4" else tahunan.analisis,
                    "kendala": tahunan.kendala if tw == "tw4" else "",
                    "solusi": tahunan.solusi if tw == "tw4" else "",
                    "status": Realisasi.Status.DISETUJUI,
                    "diajukan_pada": waktu,
                    "diverifikasi_pada": waktu,
                    "disetujui_pada": waktu,
                },
            )
    for tw in PORSI:
        if MonitoringRencanaAksi.objects.filter(tahun=TAHUN, triwulan=tw).exists():
            continue
        monitoring = MonitoringRencanaAksi.objects.create(
            tahun=TAHUN,
            triwulan=tw,
            status=MonitoringRencanaAksi.Status.DITANDATANGANI,
            ditandatangani_pada=TANDA_TANGAN[tw],
        )
        for b in monitoring_baris_hitung(tahun=TAHUN, triwulan=tw):
            r = Realisasi.objects.filter(indikator=b.indikator, tahun=TAHUN, periode=tw).first()
            MonitoringBaris.objects.create(
                monitoring=monitoring,
                indikator=b.indikator,
                aksi_terlaksana="\n".join(a.uraian for a in b.aksi_rencana),
                kendala=getattr(r, "kendala", ""),
                tindak_lanjut=getattr(r, "solusi", ""),
                target=b.target,
                realisasi=b.realisasi,
            )
    if stdout is not None:
        stdout.write("  kinerja: Rencana Aksi 2023 dan monitoring TW I–IV")
