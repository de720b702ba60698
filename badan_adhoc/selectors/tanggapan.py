"""Reads of the public comments on applicants (tanggapan masyarakat)."""

from __future__ import annotations

from django.db.models import Count

from ..model_tanggapan import TanggapanMasyarakat
from ..models import Pendaftar, Rekrutmen

HASIL_KUNCI = {
    TanggapanMasyarakat.Hasil.BELUM: "belum",
    TanggapanMasyarakat.Hasil.TIDAK_BERPENGARUH: "tidak_berpengaruh",
    TanggapanMasyarakat.Hasil.MENGUBAH_HASIL: "mengubah_hasil",
}


def _kosong() -> dict[str, int]:
    return {"jumlah": 0, "belum": 0, "tidak_berpengaruh": 0, "mengubah_hasil": 0}


def tanggapan_hitung(rekrutmen: Rekrutmen) -> dict:
    """The counts of public comments of ``rekrutmen`` (one aggregate query): ``jumlah``,
    ``belum`` (not handled yet), ``tidak_berpengaruh``, ``mengubah_hasil``, and the same per
    stage in ``per_tahap`` (``{"tanggapan": {...}}``). The dashboard and the berita acara read
    this one function."""
    hasil = _kosong() | {"per_tahap": {}}
    baris = (
        TanggapanMasyarakat.objects.filter(rekrutmen=rekrutmen)
        .order_by()
        .values("tahap", "hasil")
        .annotate(n=Count("pk"))
    )
    for b in baris:
        tahap = hasil["per_tahap"].setdefault(b["tahap"], _kosong())
        for d in (hasil, tahap):
            d["jumlah"] += b["n"]
            d[HASIL_KUNCI.get(b["hasil"], "belum")] += b["n"]
    return hasil


def tanggapan_pendaftar_list(pendaftar: Pendaftar) -> list[TanggapanMasyarakat]:
    """The comments on one applicant, newest first (staff's view on the applicant's page)."""
    return list(
        TanggapanMasyarakat.objects.filter(pendaftar=pendaftar).select_related("ditangani_oleh")
    )
