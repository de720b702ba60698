"""Pre-flight check of a year's LKj: what is missing or inconsistent, with a link to fix it.

A report with findings can be rendered only as a draft (watermark DRAF); it can be finalised
only when the check is clean.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse

from .naskah import isian_tak_dikenal
from .selectors import naskah_get


@dataclass(frozen=True)
class Temuan:
    jenis: str
    pesan: str
    tautan: str = ""


def _url(name: str, *args, query: str = "") -> str:
    try:
        return reverse(name, args=args) + (f"?{query}" if query else "")
    except NoReverseMatch:
        return ""


def lkj_preflight(*, tahun: int) -> list[Temuan]:
    from anggaran import selectors as ang
    from kinerja import selectors as kin
    from kinerja.models import Realisasi

    temuan: list[Temuan] = []
    if kin.renstra_untuk_tahun(tahun) is None:
        return [
            Temuan(
                "renstra",
                f"Tidak ada Renstra yang mencakup tahun {tahun}.",
                _url("kinerja:renstra_list"),
            )
        ]
    perjanjian = kin.pk_berlaku(tahun=tahun)
    if perjanjian is None:
        temuan.append(
            Temuan(
                "pk",
                f"Perjanjian Kinerja tahun {tahun} belum dibuat.",
                _url("kinerja:pk_list"),
            )
        )
    elif perjanjian.status != perjanjian.Status.DITANDATANGANI:
        temuan.append(
            Temuan(
                "pk",
                f"Perjanjian Kinerja tahun {tahun} belum ditandatangani.",
                _url("kinerja:pk_detail", tahun),
            )
        )
    for baris in kin.capaian_tahun_list(tahun=tahun):
        ind = baris.indikator
        tautan = _url("kinerja:realisasi_isi", tahun, ind.pk, "tahunan")
        if baris.realisasi is None:
            temuan.append(
                Temuan(
                    "realisasi",
                    f"Indikator {ind.kode} belum memiliki realisasi tahun {tahun}.",
                    tautan,
                )
            )
        belum = [r for r in baris.periode.values() if r.status != Realisasi.Status.DISETUJUI]
        if belum:
            temuan.append(
                Temuan(
                    "persetujuan",
                    f"Indikator {ind.kode}: {len(belum)} realisasi belum disetujui Sekretaris "
                    f"({', '.join(sorted(r.get_periode_display() for r in belum))}).",
                    tautan,
                )
            )
    for beda in kin.pk_beda_renstra_list(tahun=tahun):
        temuan.append(
            Temuan(
                "target",
                f"Target PK indikator {beda.indikator.kode} berbeda dari target Renstra tahun {tahun}.",
                _url("kinerja:pk_detail", tahun),
            )
        )
    tabel = ang.tabel_3_1(tahun=tahun)
    if tabel is None:
        temuan.append(
            Temuan("anggaran", f"DIPA tahun {tahun} belum ada.", _url("anggaran:dokumen_list"))
        )
    else:
        dokumen = tabel["dokumen"]
        for b in tabel["baris"]:
            if b["tingkat"] != "program" and b["pagu"] and not b["realisasi"]:
                temuan.append(
                    Temuan(
                        "anggaran",
                        f"Pos {b['kode']} {b['uraian']} memiliki pagu tetapi belum ada realisasi.",
                        _url("anggaran:dokumen_detail", dokumen.pk),
                    )
                )
    naskah = naskah_get(tahun=tahun)
    for field in ("kata_pengantar", "ikhtisar", "latar_belakang", "penutup"):
        salah = isian_tak_dikenal(getattr(naskah, field, "") if naskah else "")
        if salah:
            temuan.append(
                Temuan(
                    "naskah",
                    f"Naskah {field.replace('_', ' ')} memuat isian yang tidak dikenal: "
                    + ", ".join(f"[{s}]" for s in salah),
                    _url("kinerja:lkj_naskah", tahun),
                )
            )
    return temuan
