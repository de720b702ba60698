"""Sample arguments of the publication pages and API (a publication of the demo: the
Renstra, kinerja/demo_publikasi.py) and of the Renstra PDF."""

from kinerja.model_publikasi import Publikasi
from kinerja.models import Renstra


def _publikasi():
    return Publikasi.objects.filter(ditarik=False).order_by("pk")[0]


CONTOH = {
    "publik:dokumen_unduh": lambda: {"pk": _publikasi().pk, "slug": "dokumen"},
    "kinerja:publikasi_tarik": lambda: {"pk": _publikasi().pk},
    "kinerja-publikasi-detail": lambda: {"pk": _publikasi().pk},
    "kinerja-publikasi-tarik": lambda: {"pk": _publikasi().pk},
    "publik-dokumen-detail": lambda: {"pk": _publikasi().pk},
    "kinerja:renstra_pdf": lambda: {"pk": Renstra.objects.order_by("pk")[0].pk},
}
