from django.urls import path

from . import urls_up, views

app_name = "anggaran"

urlpatterns = [
    path("", views.DokumenListView.as_view(), name="dokumen_list"),
    path("tambah/", views.DokumenCreateView.as_view(), name="dokumen_create"),
    path("<int:pk>/", views.DokumenDetailView.as_view(), name="dokumen_detail"),
    path("<int:pk>/ubah/", views.DokumenUpdateView.as_view(), name="dokumen_update"),
    path("<int:pk>/kunci/", views.DokumenKunciView.as_view(), name="dokumen_kunci"),
    path("<int:pk>/buka-kunci/", views.DokumenBukaView.as_view(), name="dokumen_buka"),
    path("<int:pk>/revisi/tambah/", views.RevisiCreateView.as_view(), name="revisi_create"),
    path("<int:pk>/rpd/", views.RpdUpdateView.as_view(), name="rpd_update"),
    path("<int:pk>/pos/tambah/", views.PosCreateView.as_view(), name="pos_create"),
    path("<int:pk>/realisasi/", views.RealisasiListView.as_view(), name="realisasi_list"),
    path(
        "<int:pk>/realisasi/tambah/", views.RealisasiCreateView.as_view(), name="realisasi_create"
    ),
    path("<int:pk>/impor/", views.RealisasiImporView.as_view(), name="realisasi_impor"),
    path("<int:pk>/serapan/", views.SerapanView.as_view(), name="serapan"),
    path("revisi/<int:pk>/", views.RevisiDetailView.as_view(), name="revisi_detail"),
    path("pos/<int:pk>/", views.PosDetailView.as_view(), name="pos_detail"),
    path("pos/<int:pk>/ubah/", views.PosUpdateView.as_view(), name="pos_update"),
    path("laporan/", views.LaporanTerbaruView.as_view(), name="laporan_terbaru"),
    path("laporan/<tahun:tahun>/", views.LaporanView.as_view(), name="laporan"),
]
urlpatterns += urls_up.urlpatterns
