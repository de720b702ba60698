"""The web preview's own part of the LKj content: the narratives rendered again with every
figure placeholder (``[pagu_dipa]``, ``[jumlah_pns]``, …) a link to the page it comes from. The
rest of the preview is the PDF's content and template (``{% angka_tautan %}``)."""

from __future__ import annotations

from kinerja.templatetags.angka_tautan import angka_bertaut

from .naskah import NASKAH_BAWAAN, naskah_render

# placeholder -> (URL name, takes the year as argument, query)
_TUJUAN_ISIAN = {
    "pagu_dipa": ("anggaran:laporan", True, {}),
    "realisasi_dipa": ("anggaran:laporan", True, {}),
    "serapan_dipa": ("anggaran:laporan", True, {}),
    "sisa_dipa": ("anggaran:laporan", True, {}),
    "pagu_hibah": ("anggaran:laporan", True, {}),
    "jumlah_sasaran": ("kinerja:capaian", True, {}),
    "jumlah_indikator": ("kinerja:capaian", True, {}),
    "jumlah_tercapai": ("kinerja:capaian", True, {}),
    "rata_rata_capaian": ("kinerja:capaian", True, {}),
    "jumlah_pegawai": ("sekretariat:pegawai_list", False, {}),
    "jumlah_pns": ("sekretariat:pegawai_list", False, {"status": "pns"}),
    "jumlah_ppnpn": ("sekretariat:pegawai_list", False, {"status": "ppnpn"}),
}


def naskah_bertaut(*, konten: dict, naskah=None) -> dict:
    """The narratives of ``konten`` (from ``lkj_konten_kumpulkan``) with linked figures; the
    texts are the year's ``naskah`` or the defaults, as in the PDF."""
    tahun = konten["tahun"]
    isian = dict(konten["isian"])
    for kunci, (nama_url, dengan_tahun, query) in _TUJUAN_ISIAN.items():
        if kunci in isian:
            args = (tahun,) if dengan_tahun else ()
            if nama_url == "sekretariat:pegawai_list":
                query = {**query, "tanggal": konten["tanggal_struktur"]}
            isian[kunci] = angka_bertaut(isian[kunci], nama_url, *args, **query)
    return {
        kunci: naskah_render(getattr(naskah, kunci, "") or bawaan, isian)
        for kunci, bawaan in NASKAH_BAWAAN.items()
    }
