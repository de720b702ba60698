"""Sample URL arguments for the access matrix test (from the demo data)."""


def _dipa():
    from anggaran.models import DokumenAnggaran

    return {"pk": DokumenAnggaran.objects.get(jenis="dipa", tahun=2023).pk}


CONTOH = {
    "anggaran:dokumen_kunci": _dipa,
    "anggaran:dokumen_buka": _dipa,
    "anggaran:laporan": lambda: {"tahun": 2023},
    "anggaran:ikpa": lambda: {"tahun": 2023},
    "anggaran:ikpa_parameter": lambda: {"tahun": 2023},
}
