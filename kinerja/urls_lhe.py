"""The LHE pages (``kinerja:lhe_*``, ``kinerja:temuan_*``, ``kinerja:tindak_lanjut_*``), added
to the kinerja namespace by ``kinerja.urls``."""

from django.urls import path

from .views import lhe

urlpatterns = [
    path("lhe/", lhe.LheListView.as_view(), name="lhe_list"),
    path("lhe/baru/", lhe.LheBuatView.as_view(), name="lhe_buat"),
    path("lhe/<int:pk>/", lhe.LheDetailView.as_view(), name="lhe_detail"),
    path("lhe/<int:pk>/ubah/", lhe.LheUbahView.as_view(), name="lhe_ubah"),
    path("lhe/<int:pk>/unduh/", lhe.LheUnduhView.as_view(), name="lhe_unduh"),
    path("lhe/<int:pk>/rekap/", lhe.RekapView.as_view(), name="lhe_rekap"),
    path("lhe/<int:pk>/temuan/baru/", lhe.TemuanBuatView.as_view(), name="temuan_lhe_buat"),
    path("lhe/temuan/<int:pk>/ubah/", lhe.TemuanUbahView.as_view(), name="temuan_lhe_ubah"),
    path(
        "lhe/temuan/<int:pk>/tindak-lanjut/",
        lhe.TindakLanjutTambahView.as_view(),
        name="tindak_lanjut_tambah",
    ),
    path("lhe/temuan/<int:pk>/terima/", lhe.TemuanTerimaView.as_view(), name="temuan_lhe_terima"),
    path(
        "lhe/tindak-lanjut/<int:pk>/unduh/",
        lhe.TindakLanjutUnduhView.as_view(),
        name="tindak_lanjut_unduh",
    ),
]
