"""The staff publication pages (``kinerja:publikasi_*``), added by ``kinerja.urls``."""

from django.urls import path

from .views import publikasi as v

urlpatterns = [
    path("publikasi/", v.PublikasiListView.as_view(), name="publikasi_list"),
    path("publikasi/terbitkan/", v.PublikasiTerbitkanView.as_view(), name="publikasi_terbitkan"),
    path("publikasi/unggah/", v.PublikasiUnggahView.as_view(), name="publikasi_unggah"),
    path("publikasi/<int:pk>/tarik/", v.PublikasiTarikView.as_view(), name="publikasi_tarik"),
]
