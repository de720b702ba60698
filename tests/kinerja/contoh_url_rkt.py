"""Sample URL arguments of the RKT pages (the demo's RKT 2023 and its first row)."""

from kinerja.model_rkt import RencanaKinerjaTahunan, RKTBaris


def _tahun():
    return {"tahun": 2023}


CONTOH = {
    "kinerja:rkt_detail": _tahun,
    "kinerja:rkt_pdf": _tahun,
    "kinerja:rkt_buat": _tahun,
    "kinerja:rkt_tetapkan": lambda: {"pk": RencanaKinerjaTahunan.objects.order_by("pk")[0].pk},
    "kinerja:rkt_perubahan": lambda: {"pk": RencanaKinerjaTahunan.objects.order_by("pk")[0].pk},
    "kinerja:rkt_baris_ubah": lambda: {"pk": RKTBaris.objects.order_by("pk")[0].pk},
}
