"""Sample URL arguments of the IKU pages (the demo's Renstra and its first indikator)."""

from kinerja.models import Indikator, Renstra


def _renstra():
    return {"renstra_pk": Renstra.objects.order_by("pk").first().pk}


CONTOH = {
    "kinerja:iku_detail": _renstra,
    "kinerja:iku_keputusan_ubah": _renstra,
    "kinerja:iku_manual_cetak": _renstra,
    "kinerja:iku_manual_pdf": _renstra,
    "kinerja:iku_manual_ubah": lambda: {"pk": Indikator.objects.order_by("pk").first().pk},
}
