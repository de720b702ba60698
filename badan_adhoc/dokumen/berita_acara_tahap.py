"""The berita acara of the stages after the administrative selection (issue 19 item 2):
hasil tes tertulis (``ba_tes_tertulis``), hasil wawancara dan akhir (``ba_akhir``) and
tanggapan masyarakat (``ba_tanggapan``). Numbered documents; each set of figures is computed by
one selector here (one query each, however many applicants).

The public comments: every berita acara issued once comments exist prints their counts
(received, handled, no effect, changed a result), as ``tanggapan_hitung`` gives them at that
moment (``berita_acara.ba_tanggapan_hitung``), so the minutes of each later stage state what the comments changed; the tanggapan
stage has its own berita acara with the counts per stage. Comments do not raise the
applicants' data version, so these kinds carry a ``sidik`` of the comment counts in their
parameters (``sk.sidik``)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Count, Q

from ..models import Pendaftar
from .berita_acara import ba_tanggapan_hitung, ba_tulis, parameter_tanggapan
from .jenis import dokumen_jenis


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


def _perlu_tes(rekrutmen, data: dict) -> dict:
    if rekrutmen.per_tps:
        raise ValidationError(
            {
                "jenis": f"{rekrutmen.get_jenis_badan_display()} hanya melalui seleksi "
                "administrasi: tidak ada berita acara tes tertulis."
            }
        )
    return parameter_tanggapan(rekrutmen, data)


def ba_tes_tertulis_judul(rekrutmen, parameter: dict) -> str:
    return f"Berita Acara Hasil Tes Tertulis {rekrutmen.nama}"


def ba_akhir_judul(rekrutmen, parameter: dict) -> str:
    if rekrutmen.per_tps:
        return f"Berita Acara Hasil Akhir Seleksi {rekrutmen.nama}"
    return f"Berita Acara Hasil Wawancara dan Hasil Akhir {rekrutmen.nama}"


def ba_tanggapan_judul(rekrutmen, parameter: dict) -> str:
    return f"Berita Acara Tanggapan Masyarakat {rekrutmen.nama}"


# kind, label, template, parameters, counts, title
for _kode, _label, _template, _parameter, _hitung, _judul in (
    ("ba_tes_tertulis", "hasil tes tertulis", "tes", _perlu_tes, ba_tes_tertulis_hitung,
     ba_tes_tertulis_judul),
    ("ba_akhir", "hasil wawancara dan akhir", "akhir", parameter_tanggapan, ba_akhir_hitung,
     ba_akhir_judul),
    ("ba_tanggapan", "tanggapan masyarakat", "tanggapan", parameter_tanggapan,
     ba_tanggapan_hitung, ba_tanggapan_judul),
):  # fmt: skip
    dokumen_jenis(
        _kode,
        label=f"Berita acara {_label} (PDF)",
        ekstensi="pdf",
        publik=True,
        parameter=_parameter,
        judul=_judul,
    )(ba_tulis(f"badan_adhoc/pdf/berita_acara_{_template}.html", _hitung, _judul))
