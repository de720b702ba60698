"""The berita acara of a recruitment's administrative selection (issue 19 item 2): a numbered
document with the counts of the stage, each computed by one selector here."""

from __future__ import annotations

from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone

from ..models import ALASAN_TMS, Pendaftar
from .jenis import dokumen_jenis


def ba_administrasi_hitung(rekrutmen) -> dict:
    """Registered, MS, TMS, not yet screened, and TMS per reason (one applicant may have
    several reasons), in one query."""
    agregat = {
        "terdaftar": Count("pk"),
        "ms": Count("pk", filter=Q(status_administrasi=Pendaftar.Status.MS)),
        "tms": Count("pk", filter=Q(status_administrasi=Pendaftar.Status.TMS)),
        "belum": Count("pk", filter=Q(status_administrasi=Pendaftar.Status.BELUM)),
    }
    for kode in ALASAN_TMS:
        agregat[f"tms_{kode}"] = Count(
            "pk", filter=Q(status_administrasi=Pendaftar.Status.TMS, **{f"tms_{kode}": True})
        )
    hasil = Pendaftar.objects.filter(rekrutmen=rekrutmen).aggregate(**agregat)
    return {
        "terdaftar": hasil["terdaftar"],
        "ms": hasil["ms"],
        "tms": hasil["tms"],
        "belum": hasil["belum"],
        "per_alasan": [(str(label), hasil[f"tms_{kode}"]) for kode, label in ALASAN_TMS.items()],
    }


def ba_administrasi_pdf(rekrutmen, *, terbitan: dict | None = None) -> tuple[bytes, int]:
    from kpu_site.pdf import html_ke_pdf

    from ..pengumuman import kop_ttd_konteks
    from ..selectors import tanggapan_hitung

    html = render_to_string(
        "badan_adhoc/pdf/berita_acara_administrasi.html",
        {
            "rekrutmen": rekrutmen,
            "judul": ba_administrasi_judul(rekrutmen, {}),
            "hitung": ba_administrasi_hitung(rekrutmen),
            "tanggapan": tanggapan_hitung(rekrutmen),
            "dicetak": timezone.localtime(),
            **kop_ttd_konteks(terbitan),
        },
    )
    return html_ke_pdf(html)


def ba_administrasi_judul(rekrutmen, parameter: dict) -> str:
    return f"Berita Acara Hasil Seleksi Administrasi {rekrutmen.nama}"


@dokumen_jenis(
    "ba_administrasi",
    label="Berita acara seleksi administrasi (PDF)",
    ekstensi="pdf",
    publik=True,
    judul=ba_administrasi_judul,
)
def ba_administrasi_tulis(dokumen, berkas, progres) -> dict:
    from .penomoran import terbitan_konteks

    progres(10, "data")
    pdf, halaman = ba_administrasi_pdf(dokumen.rekrutmen, terbitan=terbitan_konteks(dokumen))
    berkas.write(pdf)
    return {"jumlah_halaman": halaman}
