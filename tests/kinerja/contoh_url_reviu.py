"""Sample URL arguments of the LKj review API (the demo's review of the LKj 2023)."""

from kinerja.lkj.model_reviu import KomentarReviu, PernyataanReviu


def _komentar():
    return {"pk": KomentarReviu.objects.order_by("pk").first().pk}


CONTOH = {
    "kinerja-komentarreviu-detail": _komentar,
    "kinerja-komentarreviu-jawab": _komentar,
    "kinerja-komentarreviu-tutup": _komentar,
    "kinerja-pernyataanreviu-detail": lambda: {
        "pk": PernyataanReviu.objects.order_by("pk").first().pk
    },
}
