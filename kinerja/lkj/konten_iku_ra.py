"""The LKj's Bab II references to the IKU and the Rencana Aksi of the year (issue 17):

- the IKU decree of the Renstra covering the year (nomor, tanggal, tentang) and which indikator
  it names, so the tables of Bab II mark them "(IKU)", and the Manual IKU;
- the Rencana Aksi of the year and, per quarter, whether its monitoring report is signed and
  when.

The template (``kinerja/pdf/lkj.html``, Bab II) words them, and says plainly when a document
does not exist; the web preview links each document to its page."""

from __future__ import annotations

from kpu_site import formatting

from ..model_rencana_aksi import Triwulan
from ..models import MonitoringRencanaAksi, RencanaAksi
from ..selectors_iku import iku_baris_list, keputusan_iku_get
from ..selectors_rencana_aksi import monitoring_list


def lkj_iku_kumpulkan(*, renstra) -> dict:
    """The IKU decree of ``renstra`` as the LKj cites it (``None`` without one), the ids of
    the indikator it names, and the IKU whose manual is missing or incomplete."""
    keputusan = keputusan_iku_get(renstra=renstra)
    if keputusan is None:
        return {"keputusan": None, "indikator_ids": frozenset(), "jumlah": 0, "manual_kurang": []}
    iku = [b for b in iku_baris_list(renstra=renstra) if b["iku"]]
    return {
        "keputusan": {
            "nomor": keputusan.nomor,
            "tanggal": formatting.tanggal(keputusan.tanggal),
            "tentang": keputusan.tentang,
        },
        "indikator_ids": frozenset(b["indikator"].pk for b in iku),
        "jumlah": len(iku),
        "manual_kurang": [b["indikator"].kode for b in iku if b["kurang"]],
    }


def lkj_rencana_aksi_kumpulkan(*, tahun: int) -> dict:
    """Does the year have a Rencana Aksi; per quarter, its signed monitoring report's date
    (``""`` when none is signed) and revision."""
    ttd = {
        m.triwulan: m
        for m in monitoring_list(tahun=tahun).filter(
            status=MonitoringRencanaAksi.Status.DITANDATANGANI
        )
    }
    triwulan = []
    for kode, label in Triwulan.choices:
        m = ttd.get(kode)
        pada = m.ditandatangani_pada if m else None
        triwulan.append(
            {
                "kode": kode,
                "judul": f"Monitoring Rencana Aksi {label} Tahun {tahun}",
                "tanggal": formatting.tanggal(pada) if pada else "",
                "revisi": m.revisi if m else 0,
            }
        )
    return {
        "ada": RencanaAksi.objects.filter(baris__perjanjian__tahun=tahun).exists(),
        "judul": f"Rencana Aksi Tahun {tahun}",
        "triwulan": triwulan,
        "ada_monitoring": any(t["tanggal"] for t in triwulan),
    }
