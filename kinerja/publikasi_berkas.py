"""The file of a document to publish, made by the code that prints it for staff (the PDF views
call the same functions), or, for the final LKj, the stored bytes of that version exactly.

``sumber_berkas(sumber)`` → ``(jenis, judul, tahun, pdf bytes)``; ``sumber_draf_pesan(sumber)``
→ the Indonesian reason a source is still a draft, or ``""``.
"""

from __future__ import annotations

from .lkj.models import LaporanKinerja
from .model_iku import KeputusanIku
from .model_pk_unit import PerjanjianKinerjaUnit
from .model_publikasi import Publikasi
from .model_rkt import RencanaKinerjaTahunan
from .models import Indikator, PerjanjianKinerja, Renstra

Jenis = Publikasi.Jenis

#: The source models a document is published from (the others are uploaded files).
MODEL_SUMBER = (LaporanKinerja, PerjanjianKinerja, PerjanjianKinerjaUnit, RencanaKinerjaTahunan,
                KeputusanIku, Renstra)  # fmt: skip


def sumber_draf_pesan(sumber) -> str:
    """Why ``sumber`` cannot be published yet ("" when it can)."""
    if isinstance(sumber, LaporanKinerja):
        if sumber.status != LaporanKinerja.Status.FINAL or not sumber.berkas:
            return (
                f"{sumber} belum final ({sumber.get_status_display().lower()}); "
                "hanya versi final LKj yang dapat dipublikasikan."
            )
    elif isinstance(sumber, (PerjanjianKinerja, PerjanjianKinerjaUnit)):
        if sumber.status != sumber.Status.DITANDATANGANI:
            return (
                f"{sumber} belum ditandatangani ({sumber.get_status_display().lower()}); "
                "hanya PK yang ditandatangani yang dapat dipublikasikan."
            )
    elif isinstance(sumber, RencanaKinerjaTahunan):
        if sumber.status != RencanaKinerjaTahunan.Status.DITETAPKAN:
            return (
                f"{sumber} belum ditetapkan ({sumber.get_status_display().lower()}); "
                "hanya RKT yang ditetapkan yang dapat dipublikasikan."
            )
    elif isinstance(sumber, KeputusanIku):
        if not (sumber.nomor or "").strip() or sumber.tanggal is None:
            return (
                f"{sumber} belum bernomor dan bertanggal; "
                "isi nomor dan tanggal keputusan IKU sebelum dipublikasikan."
            )
    elif isinstance(sumber, Renstra):
        if not Indikator.objects.filter(sasaran__tujuan__renstra=sumber).exists():
            return f"{sumber} belum memuat sasaran strategis dan indikator."
    else:
        return "Dokumen ini tidak dapat dipublikasikan dari data aplikasi; unggah berkasnya."
    return ""


def sumber_berkas(sumber) -> tuple[str, str, int, bytes]:
    """``(jenis, judul, tahun, pdf)`` of a source that is not a draft."""
    from kpu_site.pdf import html_ke_pdf

    from .views.iku import manual_iku_html
    from .views.perencanaan import renstra_html
    from .views.pk_unit import (
        pk_dokumen_pdf,
        pk_sekretaris_dokumen_konteks,
        pk_unit_dokumen_konteks,
    )
    from .views.rkt import rkt_html

    if isinstance(sumber, LaporanKinerja):
        with sumber.berkas.open("rb") as f:
            isi = f.read()
        return Jenis.LKJ, f"Laporan Kinerja Tahun {sumber.tahun}", sumber.tahun, isi
    if isinstance(sumber, PerjanjianKinerja):
        isi = pk_dokumen_pdf(pk_sekretaris_dokumen_konteks(sumber))
        judul = f"Perjanjian Kinerja {sumber.tahun} Sekretaris (revisi {sumber.revisi})"
        return Jenis.PK, judul, sumber.tahun, isi
    if isinstance(sumber, PerjanjianKinerjaUnit):
        isi = pk_dokumen_pdf(pk_unit_dokumen_konteks(sumber))
        judul = f"Perjanjian Kinerja {sumber.tahun} {sumber.unit.nama} (revisi {sumber.revisi})"
        return Jenis.PK_UNIT, judul, sumber.tahun, isi
    if isinstance(sumber, RencanaKinerjaTahunan):
        isi, _ = html_ke_pdf(rkt_html(tahun=sumber.tahun, revisi=str(sumber.revisi)))
        judul = f"Rencana Kinerja Tahunan {sumber.tahun} (revisi {sumber.revisi})"
        return Jenis.RKT, judul, sumber.tahun, isi
    if isinstance(sumber, KeputusanIku):
        renstra = sumber.renstra
        isi, _ = html_ke_pdf(manual_iku_html(renstra=renstra))
        judul = (
            f"IKU dan Manual IKU {renstra.tahun_mulai}–{renstra.tahun_selesai} "
            f"(Keputusan {sumber.nomor})"
        )
        return Jenis.IKU, judul, renstra.tahun_mulai, isi
    if isinstance(sumber, Renstra):
        isi, _ = html_ke_pdf(renstra_html(renstra=sumber))
        judul = f"Rencana Strategis {sumber.tahun_mulai}–{sumber.tahun_selesai}"
        return Jenis.RENSTRA, judul, sumber.tahun_mulai, isi
    raise TypeError(type(sumber))
