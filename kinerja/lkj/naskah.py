"""Narrative texts of the LKj, edited per year, with the figures the system knows filled in.

A narrative may contain isian (placeholders) in square brackets, e.g. ``[serapan_dipa]``; they
are replaced by the figure computed from the data when the report is rendered, so no number
the system knows is ever typed. The text itself is escaped (HTML or script in a narrative is
shown as text) and split into paragraphs at blank lines.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe

POLA_ISIAN = re.compile(r"\[([a-z_]+)\]")

# isian -> description (shown on the edit page)
DAFTAR_ISIAN = {
    "tahun": "tahun laporan",
    "nama_satker": "nama satker",
    "nomor_dipa": "nomor DIPA",
    "pagu_dipa": "pagu DIPA (Rp)",
    "realisasi_dipa": "realisasi DIPA (Rp)",
    "serapan_dipa": "serapan DIPA (%)",
    "sisa_dipa": "sisa anggaran DIPA (Rp)",
    "pagu_hibah": "jumlah dana hibah (Rp)",
    "jumlah_sasaran": "jumlah sasaran strategis pada PK",
    "jumlah_indikator": "jumlah indikator kinerja",
    "jumlah_tercapai": "jumlah indikator tercapai",
    "rata_rata_capaian": "rata-rata capaian (%)",
    "jumlah_pegawai": "jumlah pegawai",
    "jumlah_pns": "jumlah PNS",
    "jumlah_ppnpn": "jumlah PPNPN",
    "nama_sekretaris": "nama Sekretaris",
}

NASKAH_BAWAAN = {
    "kata_pengantar": (
        "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat-Nya "
        "Laporan Kinerja [nama_satker] Tahun [tahun] dapat diselesaikan.\n\n"
        "Laporan ini disusun sebagai wujud pertanggungjawaban atas pelaksanaan Perjanjian Kinerja "
        "Tahun [tahun] dan penggunaan anggaran, sesuai Peraturan Presiden Nomor 29 Tahun 2014 "
        "tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri PANRB "
        "Nomor 53 Tahun 2014.\n\n"
        "Kami menyadari laporan ini masih memiliki kekurangan; saran dan masukan sangat kami "
        "harapkan untuk perbaikan kinerja di masa mendatang."
    ),
    "ikhtisar": (
        "Laporan Kinerja [nama_satker] Tahun [tahun] memuat capaian [jumlah_indikator] indikator "
        "kinerja dari [jumlah_sasaran] sasaran strategis yang ditetapkan dalam Perjanjian Kinerja."
    ),
    "latar_belakang": (
        "Sistem Akuntabilitas Kinerja Instansi Pemerintah mewajibkan setiap instansi menyusun "
        "laporan kinerja tahunan yang menggambarkan capaian kinerja dibandingkan dengan target "
        "yang diperjanjikan.\n\n"
        "Laporan ini menyajikan capaian kinerja [nama_satker] Tahun [tahun] beserta realisasi "
        "anggaran DIPA sebesar [realisasi_dipa] dari pagu [pagu_dipa] ([serapan_dipa])."
    ),
    "penutup": (
        "Laporan Kinerja Tahun [tahun] ini menggambarkan capaian [jumlah_tercapai] dari "
        "[jumlah_indikator] indikator kinerja yang tercapai, dengan rata-rata capaian "
        "[rata_rata_capaian], serta serapan anggaran [serapan_dipa].\n\n"
        "Capaian ini menjadi bahan evaluasi dan perbaikan perencanaan kinerja tahun berikutnya."
    ),
}


def isian_tak_dikenal(teks: str) -> list[str]:
    """Placeholders in ``teks`` that the system does not know (the pre-flight check lists them)."""
    return sorted({m for m in POLA_ISIAN.findall(teks or "") if m not in DAFTAR_ISIAN})


def naskah_render(teks: str, nilai: Mapping[str, str]) -> SafeString:
    """Escape ``teks``, fill the known placeholders, return ``<p>`` paragraphs."""
    escaped = escape(teks or "")

    def ganti(match: re.Match) -> str:
        if match[1] in nilai:
            return conditional_escape(nilai[match[1]])  # the preview's links stay links
        # a known figure the data does not have yet shows as a dash, never as the raw isian
        return "–" if match[1] in DAFTAR_ISIAN else match[0]

    filled = POLA_ISIAN.sub(ganti, escaped)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", filled) if p.strip()]
    return mark_safe("".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs))  # noqa: S308 - escaped above
