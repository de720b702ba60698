"""The berita acara of the stages after the administrative selection (issue 19 item 2):
hasil tes tertulis (``ba_tes_tertulis``), hasil wawancara dan akhir (``ba_akhir``) and
tanggapan masyarakat (``ba_tanggapan``). Numbered documents; each set of figures is computed by
one selector here (one query each, however many applicants).

The public comments: every berita acara issued once comments exist prints their counts
(received, handled, no effect, changed a result), as ``tanggapan_hitung`` gives them at that
moment, so the minutes of each later stage state what the comments changed; the tanggapan
stage has its own berita acara with the counts per stage. Comments do not raise the
applicants' data version, so these kinds carry a ``sidik`` of the comment counts in their
parameters (``sk.sidik``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone

from ..models import Pendaftar, TahapanRekrutmen
from ..selectors.tanggapan import tanggapan_hitung
from .jenis import dokumen_jenis
from .sk import sidik

LABEL_TAHAP = dict(TahapanRekrutmen.Tahap.choices)


def ba_tes_tertulis_hitung(rekrutmen) -> dict:
    """Called to the written test (MS), took it (a CAT score), absent, and called to the
    interview (the best up to 3× the seats of each wilayah), in one query."""
    ms = Q(status_administrasi=Pendaftar.Status.MS)
    hasil = Pendaftar.objects.filter(rekrutmen=rekrutmen).aggregate(
        dipanggil=Count("pk", filter=ms),
        mengikuti=Count("pk", filter=ms & Q(nilai_cat__isnull=False)),
        lolos_wawancara=Count("pk", filter=Q(dipanggil_wawancara=True)),
    )
    hasil["tidak_hadir"] = hasil["dipanggil"] - hasil["mengikuti"]
    return hasil


def ba_akhir_hitung(rekrutmen) -> dict:
    """Per wilayah (by code) and in total: called (to the interview; KPPS/Pantarlih: MS),
    interviewed, ranked, terpilih, cadangan. One query."""
    if rekrutmen.per_tps:
        dipanggil = Q(status_administrasi=Pendaftar.Status.MS)
        mengikuti = dipanggil
    else:
        dipanggil = Q(dipanggil_wawancara=True)
        mengikuti = dipanggil & Q(nilai_wawancara__isnull=False)
    hasil = Pendaftar.HasilAkhir
    baris = list(
        Pendaftar.objects.filter(rekrutmen=rekrutmen)
        .filter(dipanggil | Q(peringkat__isnull=False))
        .order_by()
        .values("wilayah_tujuan__kode", "wilayah_tujuan__nama")
        .annotate(
            dipanggil=Count("pk", filter=dipanggil),
            mengikuti=Count("pk", filter=mengikuti),
            diperingkat=Count("pk", filter=Q(peringkat__isnull=False)),
            terpilih=Count("pk", filter=Q(hasil_akhir=hasil.TERPILIH)),
            cadangan=Count("pk", filter=Q(hasil_akhir=hasil.CADANGAN)),
        )
        .order_by("wilayah_tujuan__kode")
    )
    kunci = ("dipanggil", "mengikuti", "diperingkat", "terpilih", "cadangan")
    jumlah = {k: sum(b[k] for b in baris) for k in kunci}
    per_wilayah = [
        {"wilayah": b["wilayah_tujuan__nama"] or "(tanpa wilayah)", **{k: b[k] for k in kunci}}
        for b in baris
    ]
    return {**jumlah, "wilayah": len(per_wilayah), "per_wilayah": per_wilayah}


def ba_tanggapan_hitung(rekrutmen) -> dict:
    """The comment counts (``selectors.tanggapan.tanggapan_hitung``) with ``ditangani``
    (handled: received less not yet handled) and the stages named."""
    hasil = tanggapan_hitung(rekrutmen)
    hasil["ditangani"] = hasil["jumlah"] - hasil["belum"]
    hasil["tahap_list"] = [
        (str(LABEL_TAHAP.get(kode, kode)), {**n, "ditangani": n["jumlah"] - n["belum"]})
        for kode, n in sorted(hasil["per_tahap"].items())
    ]
    return hasil


def parameter_tanggapan(rekrutmen, data: dict) -> dict:
    """Parameters of a berita acara: the fingerprint of the comment counts."""
    t = tanggapan_hitung(rekrutmen)
    return {"sidik": sidik(sorted((k, sorted(v.items())) for k, v in t["per_tahap"].items()))}


def _perlu_tes(rekrutmen, data: dict) -> dict:
    if rekrutmen.per_tps:
        raise ValidationError(
            {
                "jenis": f"{rekrutmen.get_jenis_badan_display()} hanya melalui seleksi "
                "administrasi: tidak ada berita acara tes tertulis."
            }
        )
    return parameter_tanggapan(rekrutmen, data)


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


def _tulis(template: str, hitung_fn, judul_fn):
    def tulis(dokumen, berkas, progres) -> dict:
        from .penomoran import terbitan_konteks

        progres(10, "data")
        r = dokumen.rekrutmen
        pdf, halaman = ba_pdf(
            template,
            r,
            judul=judul_fn(r, dokumen.parameter),
            hitung=hitung_fn(r),
            terbitan=terbitan_konteks(dokumen),
        )
        berkas.write(pdf)
        return {"jumlah_halaman": halaman}

    return tulis


def ba_tes_tertulis_judul(rekrutmen, parameter: dict) -> str:
    return f"Berita Acara Hasil Tes Tertulis {rekrutmen.nama}"


def ba_akhir_judul(rekrutmen, parameter: dict) -> str:
    if rekrutmen.per_tps:
        return f"Berita Acara Hasil Akhir Seleksi {rekrutmen.nama}"
    return f"Berita Acara Hasil Wawancara dan Hasil Akhir {rekrutmen.nama}"


def ba_tanggapan_judul(rekrutmen, parameter: dict) -> str:
    return f"Berita Acara Tanggapan Masyarakat {rekrutmen.nama}"


dokumen_jenis(
    "ba_tes_tertulis",
    label="Berita acara hasil tes tertulis (PDF)",
    ekstensi="pdf",
    publik=True,
    parameter=_perlu_tes,
    judul=ba_tes_tertulis_judul,
)(_tulis("badan_adhoc/pdf/berita_acara_tes.html", ba_tes_tertulis_hitung, ba_tes_tertulis_judul))

dokumen_jenis(
    "ba_akhir",
    label="Berita acara hasil wawancara dan akhir (PDF)",
    ekstensi="pdf",
    publik=True,
    parameter=parameter_tanggapan,
    judul=ba_akhir_judul,
)(_tulis("badan_adhoc/pdf/berita_acara_akhir.html", ba_akhir_hitung, ba_akhir_judul))

dokumen_jenis(
    "ba_tanggapan",
    label="Berita acara tanggapan masyarakat (PDF)",
    ekstensi="pdf",
    publik=True,
    parameter=parameter_tanggapan,
    judul=ba_tanggapan_judul,
)(_tulis("badan_adhoc/pdf/berita_acara_tanggapan.html", ba_tanggapan_hitung, ba_tanggapan_judul))
