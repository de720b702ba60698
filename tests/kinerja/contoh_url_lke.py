"""Sample URL arguments of the LKE pages (the demo's LKE 2023 and its first criterion; the
evidence download: the criterion the demo gives an uploaded file; the structure edits: its
first criterion and component)."""

from kinerja.model_lke import JawabanLke, KomponenLke, KriteriaLke


def _tahun():
    return {"tahun": 2023}


def _jawaban():
    return {"pk": JawabanLke.objects.filter(kriteria__sub__komponen__lke__tahun=2023).first().pk}


def _kriteria():
    return {"pk": KriteriaLke.objects.filter(sub__komponen__lke__tahun=2023).first().pk}


def _komponen():
    return {"pk": KomponenLke.objects.filter(lke__tahun=2023).first().pk}


def _berkas():
    return {"pk": JawabanLke.objects.exclude(berkas="").order_by("pk").first().pk}


CONTOH = {
    "kinerja:lke_detail": _tahun,
    "kinerja:lke_usulan_hitung": _tahun,
    "kinerja:lke_finalkan": _tahun,
    "kinerja:lke_aturan_segarkan": _tahun,
    "kinerja:lke_bobot": _tahun,
    "kinerja:lke_laporan": _tahun,
    "kinerja:lke_laporan_pdf": _tahun,
    "kinerja:lke_kriteria_ubah": _kriteria,
    "kinerja:lke_komponen_ubah": _komponen,
    "kinerja:lke_jawaban": _jawaban,
    "kinerja:lke_usulan_konfirmasi": _jawaban,
    "kinerja:lke_evaluator": _jawaban,
    "kinerja:lke_berkas": _berkas,
}
