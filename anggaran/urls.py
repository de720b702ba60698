from django.urls import path

from . import urls_belanja, urls_up, views

app_name = "anggaran"

urlpatterns = [
    path("", views.DokumenListView.as_view(), name="dokumen_list"),
    path("tambah/", views.DokumenCreateView.as_view(), name="dokumen_create"),
    path("impor-dipa/", views.DipaImporView.as_view(), name="dipa_impor"),
    path("<int:pk>/", views.DokumenDetailView.as_view(), name="dokumen_detail"),
    path("<int:pk>/ubah/", views.DokumenUpdateView.as_view(), name="dokumen_update"),
    path("<int:pk>/kunci/", views.DokumenKunciView.as_view(), name="dokumen_kunci"),
    path("<int:pk>/buka-kunci/", views.DokumenBukaView.as_view(), name="dokumen_buka"),
    path("<int:pk>/revisi/tambah/", views.RevisiCreateView.as_view(), name="revisi_create"),
    path("<int:pk>/revisi/impor/", views.RevisiImporView.as_view(), name="revisi_impor"),
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
    # the output side (volume of each RO): anggaran/views/output.py
    path("output/", views.OutputTerbaruView.as_view(), name="output_terbaru"),
    path("output/antrean/", views.OutputAntreanView.as_view(), name="output_antrean"),
    path("<int:pk>/output/", views.OutputRoListView.as_view(), name="output_list"),
    path("<int:pk>/output/impor/", views.OutputImporView.as_view(), name="output_impor"),
    path("pos/<int:pk>/volume/", views.VolumeRoUpdateView.as_view(), name="volume_ro_update"),
    path(
        "pos/<int:pk>/output/<int:bulan>/",
        views.RealisasiOutputIsiView.as_view(),
        name="output_isi",
    ),
    path("output/<int:pk>/aksi/", views.RealisasiOutputAksiView.as_view(), name="output_aksi"),
    path("output/<int:pk>/bukti/", views.RealisasiOutputBuktiView.as_view(), name="output_bukti"),
    path("laporan/", views.LaporanTerbaruView.as_view(), name="laporan_terbaru"),
    path("ikpa/", views.IkpaTerbaruView.as_view(), name="ikpa_terbaru"),
    path("ikpa/<tahun:tahun>/", views.IkpaView.as_view(), name="ikpa"),
    path("ikpa/<tahun:tahun>/parameter/", views.ParameterIkpaView.as_view(), name="ikpa_parameter"),
    path("laporan/<tahun:tahun>/", views.LaporanView.as_view(), name="laporan"),
]
urlpatterns += urls_up.urlpatterns
urlpatterns += urls_belanja.urlpatterns
