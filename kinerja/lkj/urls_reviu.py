"""URLs of the LKj review pages (reviu APIP), added to ``kinerja.lkj.urls``."""

from django.urls import path

from . import views_reviu

urlpatterns = [
    path(
        "lkj/versi/<int:pk>/reviu/komentar/",
        views_reviu.KomentarTambahView.as_view(),
        name="lkj_reviu_komentar",
    ),
    path(
        "lkj/reviu/komentar/<int:pk>/jawab/",
        views_reviu.KomentarJawabView.as_view(),
        name="lkj_reviu_jawab",
    ),
    path(
        "lkj/reviu/komentar/<int:pk>/tutup/",
        views_reviu.KomentarTutupView.as_view(),
        name="lkj_reviu_tutup",
    ),
    path(
        "lkj/versi/<int:pk>/reviu/pernyataan/",
        views_reviu.PernyataanCatatView.as_view(),
        name="lkj_reviu_pernyataan",
    ),
    path(
        "lkj/reviu/pengaturan/",
        views_reviu.PengaturanReviuView.as_view(),
        name="lkj_reviu_pengaturan",
    ),
]
