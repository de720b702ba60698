"""The RKT pages (``kinerja:rkt_*``), added to the kinerja namespace by ``kinerja.urls``."""

from django.urls import path

from .views import rkt

urlpatterns = [
    path("rkt/", rkt.RKTIndexView.as_view(), name="rkt_index"),
    path("rkt/<tahun:tahun>/", rkt.RKTDetailView.as_view(), name="rkt_detail"),
    path("rkt/<tahun:tahun>/rkt.pdf", rkt.RKTPdfView.as_view(), name="rkt_pdf"),
    path("rkt/<tahun:tahun>/susun/", rkt.RKTBuatView.as_view(), name="rkt_buat"),
    path("rkt/dokumen/<int:pk>/tetapkan/", rkt.RKTTetapkanView.as_view(), name="rkt_tetapkan"),
    path("rkt/dokumen/<int:pk>/perubahan/", rkt.RKTPerubahanView.as_view(), name="rkt_perubahan"),
    path("rkt/baris/<int:pk>/ubah/", rkt.RKTBarisUbahView.as_view(), name="rkt_baris_ubah"),
]
