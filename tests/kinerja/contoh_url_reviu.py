"""Sample URL arguments of the LKj review API and pages (the demo's review of the LKj 2023)."""

from kinerja.lkj.model_reviu import KomentarReviu, PernyataanReviu


def _komentar():
    return {"pk": KomentarReviu.objects.order_by("pk").first().pk}


def _versi_direviu():
    """The version the demo's statement was recorded on (a DRAF the Auditor reviews)."""
    return {"pk": PernyataanReviu.objects.order_by("pk").first().laporan_id}


CONTOH = {
    # the review forms of the version page (POST-only: a GET is a 405)
    "kinerja:lkj_reviu_komentar": _versi_direviu,
    "kinerja:lkj_reviu_pernyataan": _versi_direviu,
    "kinerja:lkj_reviu_jawab": _komentar,
    "kinerja:lkj_reviu_tutup": _komentar,
    "kinerja-komentarreviu-detail": _komentar,
    "kinerja-komentarreviu-jawab": _komentar,
    "kinerja-komentarreviu-tutup": _komentar,
    "kinerja-pernyataanreviu-detail": lambda: {
        "pk": PernyataanReviu.objects.order_by("pk").first().pk
    },
}
