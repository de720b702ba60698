"""Summaries across documents and sources of funds, what the LKj (Bab III B) prints, the
changes of a revision, and the budget per sasaran for kinerja."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from ..models import DokumenAnggaran, Pagu, Pos, Realisasi, Revisi
from .hitung import NOL, SisaSerapan, pagu_detail_compute, serapan_compute, sisa_compute
from .pohon import (
    Pohon,
    dipa_of_tahun,
    dokumen_list,
    pohon_anggaran,
    revisi_pilih,
)

# --- summaries across documents ---------------------------------------------------------------


@dataclass
class Ringkasan(SisaSerapan):
    dokumen: DokumenAnggaran
    revisi: Revisi | None
    pagu: Decimal
    realisasi: Decimal


def ringkasan_dokumen(dokumen_qs: Iterable[DokumenAnggaran]) -> list[Ringkasan]:
    """Pagu (latest revision), realisasi, sisa, serapan for several documents in 3 queries."""
    docs = list(dokumen_qs)
    ids = [d.id for d in docs]
    terakhir: dict[int, Revisi] = {}
    for r in Revisi.objects.filter(dokumen_id__in=ids).order_by("dokumen_id", "nomor"):
        terakhir[r.dokumen_id] = r
    pagu: dict[int, Decimal] = defaultdict(lambda: NOL)
    rev_ke_dok = {r.id: d for d, r in terakhir.items()}
    for revisi_id, volume, harga in Pagu.objects.filter(revisi_id__in=rev_ke_dok).values_list(
        "revisi_id", "volume", "harga"
    ):
        pagu[rev_ke_dok[revisi_id]] += pagu_detail_compute(volume, harga)
    realisasi = dict(
        Realisasi.objects.filter(dokumen_id__in=ids)
        .values("dokumen_id")
        .annotate(total=Sum("nilai"))
        .values_list("dokumen_id", "total")
    )
    return [
        Ringkasan(
            dokumen=d,
            revisi=terakhir.get(d.id),
            pagu=pagu[d.id],
            realisasi=Decimal(realisasi.get(d.id) or 0),
        )
        for d in docs
    ]


def ringkasan_per_sumber_dana(
    *, tahun: int, ringkasan: Iterable[Ringkasan] | None = None
) -> list[dict]:
    """Pagu/realisasi/sisa/serapan per source of funds (DIPA APBN, hibah) for the year; the
    sources are listed side by side and never added together.

    ``ringkasan``: summaries the caller already computed with ``ringkasan_dokumen`` (any years;
    only ``tahun``'s documents are grouped), so a page showing both does not compute them twice.
    """
    if ringkasan is None:
        ringkasan = ringkasan_dokumen(dokumen_list(tahun=tahun))
    hasil: dict[str, dict] = {}
    for r in ringkasan:
        if r.dokumen.tahun != tahun:
            continue
        jenis = r.dokumen.jenis
        row = hasil.setdefault(
            jenis,
            {
                "jenis": jenis,
                "label": r.dokumen.get_jenis_display(),
                "pagu": NOL,
                "realisasi": NOL,
                "dokumen": [],
            },
        )
        row["pagu"] += r.pagu
        row["realisasi"] += r.realisasi
        row["dokumen"].append(r.dokumen)
    for row in hasil.values():
        row["sisa"] = sisa_compute(row["pagu"], row["realisasi"])
        row["serapan"] = serapan_compute(row["pagu"], row["realisasi"])
    return [hasil[j] for j in DokumenAnggaran.Jenis.values if j in hasil]


# --- LKj Bab III B ----------------------------------------------------------------------------


def _baris_laporan(pohon: Pohon) -> list[dict]:
    rows = []
    nomor_program = 0
    huruf = 0
    for simpul in pohon.tingkat(Pos.Tingkat.PROGRAM, Pos.Tingkat.KEGIATAN):
        if simpul.pos.tingkat == Pos.Tingkat.PROGRAM:
            nomor_program += 1
            huruf = 0
            nomor = f"{nomor_program}."
        else:
            nomor = f"{chr(ord('a') + huruf % 26)}."
            huruf += 1
        rows.append(
            {
                "nomor": nomor,
                "tingkat": simpul.pos.tingkat,
                "kode": simpul.pos.kode_lengkap,
                "uraian": simpul.pos.uraian,
                "pagu": simpul.pagu,
                "realisasi": simpul.realisasi,
                "sisa": simpul.sisa,
                "serapan": simpul.serapan,
                "pos_id": simpul.pos.id,
            }
        )
    return rows


def _tabel_laporan(pohon: Pohon) -> dict:
    """A table-3.1 style report of one document: its lines and its totals (also together as
    ``total``: pagu, realisasi, sisa, serapan, the figures the dashboard and the LKj show)."""
    return {
        "dokumen": pohon.dokumen,
        "revisi": pohon.revisi,
        "baris": _baris_laporan(pohon),
        "total_pagu": pohon.pagu,
        "total_realisasi": pohon.realisasi,
        "total_sisa": pohon.sisa,
        "serapan": pohon.serapan,
        "total": {
            "pagu": pohon.pagu,
            "realisasi": pohon.realisasi,
            "sisa": pohon.sisa,
            "serapan": pohon.serapan,
        },
    }


def tabel_3_1(*, tahun: int, revisi_nomor: int | None = None) -> dict | None:
    """LKj table 3.1 (akuntabilitas keuangan): program and kegiatan lines of the year's DIPA
    with pagu, realisasi and %, plus the totals and the sisa. ``None`` when there is no DIPA."""
    dipa = dipa_of_tahun(tahun=tahun)
    if dipa is None:
        return None
    return _tabel_laporan(
        pohon_anggaran(dokumen=dipa, revisi=revisi_pilih(dokumen=dipa, nomor=revisi_nomor))
    )


def laporan_hibah(*, tahun: int) -> list[dict]:
    """One report per hibah of the year: its own lines and totals (not part of DIPA totals)."""
    return [
        _tabel_laporan(pohon_anggaran(dokumen=dokumen))
        for dokumen in dokumen_list(tahun=tahun, jenis=DokumenAnggaran.Jenis.HIBAH)
    ]


def laporan_keuangan(*, tahun: int, revisi_nomor: int | None = None) -> dict:
    """What LKj Bab III B shows for the year, each figure computed once: ``tabel_3_1`` of the
    DIPA (as of ``revisi_nomor``), ``hibah`` (one table per hibah) and ``sumber_dana`` made from
    those same tables, so its DIPA row always matches table 3.1's revision."""
    tabel = tabel_3_1(tahun=tahun, revisi_nomor=revisi_nomor)
    hibah = laporan_hibah(tahun=tahun)
    ringkasan = [
        Ringkasan(
            dokumen=t["dokumen"],
            revisi=t["revisi"],
            pagu=t["total_pagu"],
            realisasi=t["total_realisasi"],
        )
        for t in ([tabel] if tabel else []) + hibah
    ]
    return {
        "tabel_3_1": tabel,
        "hibah": hibah,
        "sumber_dana": ringkasan_per_sumber_dana(tahun=tahun, ringkasan=ringkasan),
    }


# --- revision history ---------------------------------------------------------------------------


def revisi_perubahan(*, revisi: Revisi) -> list[dict]:
    """What changed in ``revisi`` against the previous one: one row per detail line whose
    volume or harga changed (or that appeared/disappeared)."""
    sebelum = (
        Revisi.objects.filter(dokumen_id=revisi.dokumen_id, nomor__lt=revisi.nomor)
        .order_by("-nomor")
        .first()
    )
    lama = (
        {p.pos_id: p for p in Pagu.objects.filter(revisi=sebelum).only("pos_id", "volume", "harga")}
        if sebelum
        else {}
    )
    baru = {
        p.pos_id: p for p in Pagu.objects.filter(revisi=revisi).only("pos_id", "volume", "harga")
    }
    ids = [pid for pid in set(lama) | set(baru)]
    pos_by_id = {p.id: p for p in Pos.objects.filter(id__in=ids)}
    rows = []
    for pid in ids:
        a, b = lama.get(pid), baru.get(pid)
        va = (a.volume, a.harga) if a else (NOL, NOL)
        vb = (b.volume, b.harga) if b else (NOL, NOL)
        if va == vb and (a is None) == (b is None):
            continue
        rows.append(
            {
                "pos": pos_by_id[pid],
                "volume_lama": va[0],
                "harga_lama": va[1],
                "jumlah_lama": pagu_detail_compute(*va),
                "volume_baru": vb[0],
                "harga_baru": vb[1],
                "jumlah_baru": pagu_detail_compute(*vb),
                "selisih": pagu_detail_compute(*vb) - pagu_detail_compute(*va),
            }
        )
    rows.sort(key=lambda r: r["pos"].kode_lengkap)
    return rows


# --- link to kinerja ----------------------------------------------------------------------------


def anggaran_per_sasaran(*, tahun: int) -> dict[int, dict]:
    """sasaran id -> {"pagu", "realisasi", "serapan"} of the DIPA lines that fund it.

    A line counts once per sasaran: when both a kegiatan and one of its RO are linked to the
    same sasaran, only the kegiatan is summed.
    """
    dipa = dipa_of_tahun(tahun=tahun)
    if dipa is None:
        return {}
    links = list(
        Pos.sasaran.through.objects.filter(pos__dokumen=dipa).values_list("sasaran_id", "pos_id")
    )
    if not links:
        return {}
    pohon = pohon_anggaran(dokumen=dipa)
    per_sasaran: dict[int, set[int]] = defaultdict(set)
    for sasaran_id, pos_id in links:
        per_sasaran[sasaran_id].add(pos_id)
    hasil = {}
    for sasaran_id, pos_ids in per_sasaran.items():
        kode = {pohon.per_id[p].pos.kode_lengkap: p for p in pos_ids if p in pohon.per_id}
        teratas = [
            p
            for k, p in kode.items()
            if not any(k.startswith(f"{lain}.") for lain in kode if lain != k)
        ]
        pagu = sum((pohon.per_id[p].pagu for p in teratas), NOL)
        realisasi = sum((pohon.per_id[p].realisasi for p in teratas), NOL)
        hasil[sasaran_id] = {
            "pagu": pagu,
            "realisasi": realisasi,
            "serapan": serapan_compute(pagu, realisasi),
        }
    return hasil


def kegiatan_tanpa_sasaran(*, tahun: int) -> list[Pos]:
    """Kegiatan lines of the year's DIPA that fund no sasaran: neither the line nor a KRO/RO
    under it is linked (``services.pos_sasaran_set``). Empty when there is no DIPA."""
    dipa = dipa_of_tahun(tahun=tahun)
    if dipa is None:
        return []
    tertaut = set(
        Pos.sasaran.through.objects.filter(pos__dokumen=dipa).values_list(
            "pos__kode_lengkap", flat=True
        )
    )
    return [
        k
        for k in Pos.objects.filter(dokumen=dipa, tingkat=Pos.Tingkat.KEGIATAN).order_by(
            "urutan", "kode_lengkap"
        )
        if not any(t == k.kode_lengkap or t.startswith(f"{k.kode_lengkap}.") for t in tertaut)
    ]
