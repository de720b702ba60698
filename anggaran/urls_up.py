"""Pages of the UP/TUP register, the SPM dispensations and the revision's IKPA flag (included
in ``anggaran.urls``, names ``anggaran:<model>_<action>``)."""

from django.urls import path

from .views import up
from .views.verifikasi import VerifikasiView

urlpatterns = [
    path("<int:pk>/up/", up.MutasiUpListView.as_view(), name="mutasi_up_list"),
    path("<int:pk>/up/tambah/", up.MutasiUpCreateView.as_view(), name="mutasi_up_create"),
    path("<int:pk>/up/impor/", up.MutasiUpImporView.as_view(), name="mutasi_up_impor"),
    path("up/<int:pk>/ubah/", up.MutasiUpUpdateView.as_view(), name="mutasi_up_update"),
    path("up/<int:pk>/hapus/", up.MutasiUpDeleteView.as_view(), name="mutasi_up_delete"),
    path("<int:pk>/dispensasi/", up.DispensasiListView.as_view(), name="dispensasi_list"),
    path(
        "<int:pk>/dispensasi/tambah/", up.DispensasiCreateView.as_view(), name="dispensasi_create"
    ),
    path("<int:pk>/dispensasi/impor/", up.DispensasiImporView.as_view(), name="dispensasi_impor"),
    path("dispensasi/<int:pk>/ubah/", up.DispensasiUpdateView.as_view(), name="dispensasi_update"),
    path("dispensasi/<int:pk>/hapus/", up.DispensasiDeleteView.as_view(), name="dispensasi_delete"),
    path("verifikasi/<slug:jenis>/<int:pk>/", VerifikasiView.as_view(), name="verifikasi"),
    path("revisi/<int:pk>/ikpa/", up.RevisiIkpaUpdateView.as_view(), name="revisi_ikpa_update"),
]
