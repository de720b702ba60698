from django.urls import path

from . import views

app_name = "sekretariat"

urlpatterns = [
    path("", views.OrganisasiView.as_view(), name="organisasi"),
    path("satker/", views.SatkerDetailView.as_view(), name="satker_detail"),
    path("satker/ubah/", views.SatkerUbahView.as_view(), name="satker_update"),
    path("unit/", views.UnitListView.as_view(), name="unit_list"),
    path("unit/tambah/", views.UnitSimpanView.as_view(), name="unit_create"),
    path("unit/<int:pk>/", views.UnitDetailView.as_view(), name="unit_detail"),
    path("unit/<int:pk>/ubah/", views.UnitSimpanView.as_view(), name="unit_update"),
    path("divisi/", views.DivisiListView.as_view(), name="divisi_list"),
    path("divisi/tambah/", views.DivisiSimpanView.as_view(), name="divisi_create"),
    path("divisi/<int:pk>/", views.DivisiDetailView.as_view(), name="divisi_detail"),
    path("divisi/<int:pk>/ubah/", views.DivisiSimpanView.as_view(), name="divisi_update"),
    path("jabatan/", views.JabatanListView.as_view(), name="jabatan_list"),
    path("jabatan/tambah/", views.JabatanSimpanView.as_view(), name="jabatan_create"),
    path("jabatan/<int:pk>/", views.JabatanDetailView.as_view(), name="jabatan_detail"),
    path("jabatan/<int:pk>/ubah/", views.JabatanSimpanView.as_view(), name="jabatan_update"),
    path("pegawai/", views.PegawaiListView.as_view(), name="pegawai_list"),
    path("pegawai/unduh/", views.PegawaiExportView.as_view(), name="pegawai_export"),
    path("pegawai/impor/", views.PegawaiImporView.as_view(), name="pegawai_impor"),
    path("pegawai/tambah/", views.PegawaiSimpanView.as_view(), name="pegawai_create"),
    path("pegawai/<int:pk>/", views.PegawaiDetailView.as_view(), name="pegawai_detail"),
    path("pegawai/<int:pk>/ubah/", views.PegawaiSimpanView.as_view(), name="pegawai_update"),
    path(
        "pegawai/<int:pk>/pendidikan/tambah/",
        views.RiwayatPendidikanTambahView.as_view(),
        name="riwayat_pendidikan_create",
    ),
    path("riwayat-jabatan/", views.RiwayatListView.as_view(), name="riwayat_list"),
    path("riwayat-jabatan/tambah/", views.RiwayatSimpanView.as_view(), name="riwayat_create"),
    path("riwayat-jabatan/<int:pk>/", views.RiwayatDetailView.as_view(), name="riwayat_detail"),
    path(
        "riwayat-jabatan/<int:pk>/ubah/", views.RiwayatSimpanView.as_view(), name="riwayat_update"
    ),
    path("komisioner/", views.KomisionerListView.as_view(), name="komisioner_list"),
    path("komisioner/tambah/", views.KomisionerSimpanView.as_view(), name="komisioner_create"),
    path("komisioner/<int:pk>/", views.KomisionerDetailView.as_view(), name="komisioner_detail"),
    path(
        "komisioner/<int:pk>/ubah/",
        views.KomisionerSimpanView.as_view(),
        name="komisioner_update",
    ),
]
