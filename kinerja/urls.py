from django.urls import path

from . import urls_iku, urls_lhe, urls_lke, urls_pk_unit, urls_publikasi, urls_rkt, views
from .lkj import urls as lkj_urls
from .urls_pohon import urlpatterns as pohon_urls
from .views.rencana_aksi_urls import urlpatterns as rencana_aksi_urls

app_name = "kinerja"

urlpatterns = [
    path("", views.KinerjaIndexView.as_view(), name="beranda"),
    path("renstra/", views.RenstraListView.as_view(), name="renstra_list"),
    path("renstra/<int:pk>/", views.RenstraDetailView.as_view(), name="renstra_detail"),
    path("renstra/<int:pk>/pdf/", views.RenstraPdfView.as_view(), name="renstra_pdf"),
    path("pk/", views.PKListView.as_view(), name="pk_list"),
    path("pk/buat/", views.PKBuatView.as_view(), name="pk_buat"),
    path("pk/<tahun:tahun>/", views.PKDetailView.as_view(), name="pk_detail"),
    path("pk/<tahun:tahun>/cetak/", views.PKCetakView.as_view(), name="pk_cetak"),
    path("pk/<tahun:tahun>/impor/", views.PKTargetImporView.as_view(), name="pk_target_impor"),
    path("pk/dokumen/<int:pk>/ubah/", views.PKUbahView.as_view(), name="pk_ubah"),
    path(
        "pk/dokumen/<int:pk>/tandatangani/",
        views.PKTandatanganiView.as_view(),
        name="pk_tandatangani",
    ),
    path("pk/dokumen/<int:pk>/perubahan/", views.PKPerubahanView.as_view(), name="pk_perubahan"),
    path("pk/baris/<int:pk>/ubah/", views.PKBarisUbahView.as_view(), name="pk_baris_ubah"),
    path("realisasi/", views.RealisasiIndexView.as_view(), name="realisasi_index"),
    path("realisasi/<tahun:tahun>/", views.RealisasiListView.as_view(), name="realisasi_list"),
    path(
        "realisasi/<tahun:tahun>/impor/",
        views.RealisasiImporView.as_view(),
        name="realisasi_impor",
    ),
    path(
        "realisasi/<tahun:tahun>/<int:indikator_pk>/<str:periode>/",
        views.RealisasiIsiView.as_view(),
        name="realisasi_isi",
    ),
    path(
        "realisasi/<tahun:tahun>/<int:indikator_pk>/<str:periode>/validasi/",
        views.RealisasiValidasiView.as_view(),
        name="realisasi_validasi",
    ),
    path("realisasi/data/<int:pk>/", views.RealisasiDetailView.as_view(), name="realisasi_detail"),
    path("realisasi/data/<int:pk>/aksi/", views.RealisasiAksiView.as_view(), name="realisasi_aksi"),
    path("realisasi/data/<int:pk>/bukti/", views.BuktiTambahView.as_view(), name="bukti_tambah"),
    path("bukti/<int:pk>/unduh/", views.BuktiUnduhView.as_view(), name="bukti_unduh"),
    path("bukti/<int:pk>/hapus/", views.BuktiHapusView.as_view(), name="bukti_hapus"),
    path("verifikasi/", views.AntreanView.as_view(), name="antrean"),
    path("capaian/<tahun:tahun>/", views.CapaianView.as_view(), name="capaian"),
    path("analisis/", views.AnalisisIndexView.as_view(), name="analisis_index"),
    path("analisis/<tahun:tahun>/", views.AnalisisView.as_view(), name="analisis"),
    path("pengaturan/", views.PengaturanView.as_view(), name="pengaturan"),
]
urlpatterns += rencana_aksi_urls  # Rencana Aksi and its quarterly monitoring

urlpatterns += lkj_urls.urlpatterns  # the LKj pages share the namespace
urlpatterns += urls_iku.urlpatterns  # IKU and Manual IKU
urlpatterns += urls_rkt.urlpatterns  # Rencana Kinerja Tahunan
urlpatterns += pohon_urls  # the performance tree (pohon kinerja)
urlpatterns += urls_pk_unit.urlpatterns  # PK at every level (the sub-bagian PKs)
urlpatterns += urls_lke.urlpatterns  # LKE (evaluasi SAKIP)
urlpatterns += urls_lhe.urlpatterns  # LHE, findings and follow-up
urlpatterns += urls_publikasi.urlpatterns  # publication on the public page
