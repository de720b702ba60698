"""The IKU pages (``kinerja:iku_*``), added to the kinerja namespace by ``kinerja.urls``."""

from django.urls import path

from .views import iku

urlpatterns = [
    path("iku/", iku.IkuIndexView.as_view(), name="iku_index"),
    path("iku/<int:renstra_pk>/", iku.IkuDetailView.as_view(), name="iku_detail"),
    path(
        "iku/<int:renstra_pk>/keputusan/",
        iku.IkuKeputusanUbahView.as_view(),
        name="iku_keputusan_ubah",
    ),
    path("iku/manual/<int:pk>/ubah/", iku.IkuManualUbahView.as_view(), name="iku_manual_ubah"),
    path("iku/<int:renstra_pk>/manual/", iku.IkuManualCetakView.as_view(), name="iku_manual_cetak"),
    path("iku/<int:renstra_pk>/manual.pdf", iku.IkuManualPdfView.as_view(), name="iku_manual_pdf"),
]
