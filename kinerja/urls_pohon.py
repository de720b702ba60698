"""The performance-tree pages (``kinerja:pohon_*``), added to the kinerja namespace by
``kinerja.urls``."""

from django.urls import path

from .views import pohon

urlpatterns = [
    path("pohon/", pohon.PohonIndexView.as_view(), name="pohon_index"),
    path("pohon/<tahun:tahun>/", pohon.PohonTahunView.as_view(), name="pohon_tahun"),
    path("pohon/<tahun:tahun>/pdf/", pohon.PohonPdfView.as_view(), name="pohon_pdf"),
    path(
        "pohon/<tahun:tahun>/tambah/", pohon.SimpulTambahView.as_view(), name="pohon_simpul_tambah"
    ),
    path("pohon/simpul/<int:pk>/ubah/", pohon.SimpulUbahView.as_view(), name="pohon_simpul_ubah"),
    path(
        "pohon/simpul/<int:pk>/hapus/", pohon.SimpulHapusView.as_view(), name="pohon_simpul_hapus"
    ),
    path(
        "pohon/indikator/<int:pk>/hapus/",
        pohon.IndikatorHapusView.as_view(),
        name="pohon_indikator_hapus",
    ),
    path(
        "pohon/simpul/<int:pk>/indikator/",
        pohon.IndikatorTambahView.as_view(),
        name="pohon_indikator_tambah",
    ),
    path(
        "pohon/indikator/<int:pk>/ubah/",
        pohon.IndikatorUbahView.as_view(),
        name="pohon_indikator_ubah",
    ),
    path(
        "pohon/simpul/<int:pk>/target/<tahun:tahun>/",
        pohon.TargetUbahView.as_view(),
        name="pohon_target_ubah",
    ),
]
