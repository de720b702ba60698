"""Reads of the public comments on applicants (tanggapan masyarakat)."""

from __future__ import annotations

from django.db.models import Count, Q

from ..model_tanggapan import TanggapanMasyarakat
from ..models import Pendaftar, Rekrutmen, TahapanRekrutmen
from .rekrutmen import rekrutmen_list, rekrutmen_tahun_list

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
    stage in ``per_tahap`` (``{"tanggapan": {...}}``). The berita acara reads this function,
    the dashboard ``tanggapan_hitung_banyak`` (the same counts)."""
    return tanggapan_hitung_banyak([rekrutmen])[rekrutmen.pk]


def tanggapan_hitung_banyak(daftar_rekrutmen) -> dict[int, dict]:
    """``tanggapan_hitung`` of each recruitment of ``daftar_rekrutmen``, by its id, in one
    aggregate query for all of them."""
    hasil = {r.pk: _kosong() | {"per_tahap": {}} for r in daftar_rekrutmen}
    baris = (
        TanggapanMasyarakat.objects.filter(rekrutmen__in=list(hasil))
        .order_by()
        .values("rekrutmen", "tahap", "hasil")
        .annotate(n=Count("pk"))
    )
    for b in baris:
        satu = hasil[b["rekrutmen"]]
        tahap = satu["per_tahap"].setdefault(b["tahap"], _kosong())
        for d in (satu, tahap):
            d["jumlah"] += b["n"]
            d[HASIL_KUNCI.get(b["hasil"], "belum")] += b["n"]
    return hasil


def tanggapan_tahap_list(hitung: dict) -> list[tuple[str, dict]]:
    """The per-stage counts of ``tanggapan_hitung`` as ``[(stage label, counts with
    ``ditangani``)]`` in the order of the stages."""
    urutan = {kode: i for i, kode in enumerate(TahapanRekrutmen.Tahap.values)}
    label = dict(TahapanRekrutmen.Tahap.choices)
    return [
        (str(label.get(kode, kode)), {**n, "ditangani": n["jumlah"] - n["belum"]})
        for kode, n in sorted(hitung["per_tahap"].items(), key=lambda b: urutan.get(b[0], 99))
    ]


def tanggapan_belum_per_rekrutmen(*, tahun: int | None = None) -> list[tuple[Rekrutmen, int]]:
    """The recruitments (running in ``tahun``; every one when ``None``) with public comments
    not followed up yet (``hasil`` empty), each with how many, in the order of the
    recruitment list; recruitments with none are left out. One query however many
    recruitments (the home page's task "Tanggapan masyarakat belum ditindaklanjuti")."""
    qs = rekrutmen_list() if tahun is None else rekrutmen_tahun_list(tahun=tahun)
    qs = qs.annotate(
        tanggapan_belum=Count(
            "tanggapan", filter=Q(tanggapan__hasil=TanggapanMasyarakat.Hasil.BELUM)
        )
    ).filter(tanggapan_belum__gt=0)
    return [(r, r.tanggapan_belum) for r in qs]


def tanggapan_pendaftar_list(pendaftar: Pendaftar) -> list[TanggapanMasyarakat]:
    """The comments on one applicant, newest first (staff's view on the applicant's page)."""
    return list(
        TanggapanMasyarakat.objects.filter(pendaftar=pendaftar).select_related("ditangani_oleh")
    )
