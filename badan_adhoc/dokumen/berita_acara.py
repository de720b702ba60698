"""The berita acara of a recruitment's administrative selection (issue 19 item 2): a numbered
document with the counts of the stage, each computed by one selector here; and what every
berita acara shares (``ba_pdf``, ``ba_tulis``; the later stages: ``berita_acara_tahap``)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone

from ..models import ALASAN_TMS, Pendaftar
from ..selectors.tanggapan import tanggapan_hitung, tanggapan_tahap_list
from .jenis import dokumen_jenis, pdf_resmi


def ba_tanggapan_hitung(rekrutmen) -> dict:
    """The comment counts (``selectors.tanggapan.tanggapan_hitung``) with ``ditangani``
    (handled: received less not yet handled) and the stages named."""
    hasil = tanggapan_hitung(rekrutmen)
    hasil["ditangani"] = hasil["jumlah"] - hasil["belum"]
    hasil["tahap_list"] = tanggapan_tahap_list(hasil)
    return hasil


def parameter_tanggapan(rekrutmen, data: dict) -> dict:
    """Parameters of a berita acara: the fingerprint of the comment counts."""
    from .sk import sidik  # (imported here: the kinds register in the order of apps.py)

    t = tanggapan_hitung(rekrutmen)
    return {"sidik": sidik(sorted((k, sorted(v.items())) for k, v in t["per_tahap"].items()))}


def ba_pdf(template: str, rekrutmen, *, judul: str, hitung: dict, terbitan: dict | None):
    from kpu_site.pdf import html_ke_pdf

    from ..pengumuman import kop_ttd_konteks

    html = render_to_string(
        template,
        {
            "rekrutmen": rekrutmen,
            "judul": judul,
            "hitung": hitung,
            "tanggapan": ba_tanggapan_hitung(rekrutmen),
            "dicetak": timezone.localtime(),
            **kop_ttd_konteks(terbitan),
        },
    )
    return html_ke_pdf(html)


def ba_tulis(template: str, hitung_fn, judul_fn):
    """The writer of a berita acara kind: ``template`` with the counts of ``hitung_fn``."""

    def tulis(dokumen, terbitan):
        r = dokumen.rekrutmen
        judul = judul_fn(r, dokumen.parameter)
        return ba_pdf(template, r, judul=judul, hitung=hitung_fn(r), terbitan=terbitan)

    return pdf_resmi(tulis)


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
    return ba_pdf(
        "badan_adhoc/pdf/berita_acara_administrasi.html",
        rekrutmen,
        judul=ba_administrasi_judul(rekrutmen, {}),
        hitung=ba_administrasi_hitung(rekrutmen),
        terbitan=terbitan,
    )


def ba_administrasi_judul(rekrutmen, parameter: dict) -> str:
    return f"Berita Acara Hasil Seleksi Administrasi {rekrutmen.nama}"


@dokumen_jenis(
    "ba_administrasi",
    label="Berita acara seleksi administrasi (PDF)",
    ekstensi="pdf",
    publik=True,
    parameter=parameter_tanggapan,
    judul=ba_administrasi_judul,
)
@pdf_resmi
def ba_administrasi_tulis(dokumen, terbitan):
    return ba_administrasi_pdf(dokumen.rekrutmen, terbitan=terbitan)
