from django.urls import path

from . import views

app_name = "badan_adhoc"

urlpatterns = [
    path("", views.RekrutmenListView.as_view(), name="rekrutmen_list"),
    path("rekrutmen/baru/", views.RekrutmenCreateView.as_view(), name="rekrutmen_create"),
    path("rekrutmen/<int:pk>/", views.RekrutmenDetailView.as_view(), name="rekrutmen_detail"),
    path("rekrutmen/<int:pk>/tahapan/", views.TahapanView.as_view(), name="rekrutmen_tahapan"),
    path(
        "rekrutmen/<int:pk>/seleksi/",
        views.RekrutmenSeleksiView.as_view(),
        name="rekrutmen_seleksi",
    ),
    path(
        "rekrutmen/<int:pk>/pendaftar/",
        views.PendaftarListView.as_view(),
        name="pendaftar_list",
    ),
    path(
        "rekrutmen/<int:pk>/pendaftar/excel/",
        views.PendaftarExportView.as_view(),
        name="pendaftar_export",
    ),
    path(
        "rekrutmen/<int:pk>/pendaftar/unduh-impor/",
        views.PendaftarImporUlangView.as_view(),
        name="pendaftar_export_impor",
    ),
    path(
        "rekrutmen/<int:pk>/pendaftar/baru/",
        views.PendaftarCreateView.as_view(),
        name="pendaftar_create",
    ),
    path(
        "rekrutmen/<int:pk>/pendaftar/impor/",
        views.PendaftarImporView.as_view(),
        name="pendaftar_import",
    ),
    path("pendaftar/<int:pk>/", views.PendaftarDetailView.as_view(), name="pendaftar_detail"),
    path("pendaftar/<int:pk>/ubah/", views.PendaftarUpdateView.as_view(), name="pendaftar_update"),
    path(
        "pendaftar/<int:pk>/koreksi/",
        views.PendaftarKoreksiView.as_view(),
        name="pendaftar_override",
    ),
    path("pendaftar/<int:pk>/nilai/", views.PendaftarNilaiView.as_view(), name="pendaftar_nilai"),
    path(
        "pendaftar/<int:pk>/klarifikasi/",
        views.KlarifikasiUploadView.as_view(),
        name="klarifikasi_upload",
    ),
    path(
        "pendaftar/<int:pk>/dokumen/",
        views.DokumenUploadView.as_view(),
        name="dokumen_upload",
    ),
    path(
        "pendaftar/<int:pk>/berkas/", views.PendaftarBerkasView.as_view(), name="pendaftar_berkas"
    ),
    path("rekrutmen/<int:pk>/berkas-item/", views.ItemBerkasView.as_view(), name="item_berkas"),
    path(
        "klarifikasi/<int:pk>/putus/",
        views.KlarifikasiPutusView.as_view(),
        name="klarifikasi_decide",
    ),
    path(
        "klarifikasi/<int:pk>/unduh/",
        views.BerkasUnduhView.as_view(jenis="klarifikasi"),
        name="klarifikasi_download",
    ),
    path(
        "dokumen/<int:pk>/unduh/",
        views.BerkasUnduhView.as_view(jenis="dokumen"),
        name="dokumen_download",
    ),
    path("rekrutmen/<int:pk>/peringkat/", views.PeringkatView.as_view(), name="peringkat"),
    path("rekrutmen/<int:pk>/tahap/", views.TahapView.as_view(), name="rekrutmen_tahap"),
    path("rekrutmen/<int:pk>/nilai/impor/", views.NilaiImporView.as_view(), name="nilai_import"),
    path("rekrutmen/<int:pk>/nilai/unduh/", views.NilaiEksporView.as_view(), name="nilai_export"),
    path(
        "rekrutmen/<int:pk>/pengumuman.pdf",
        views.PengumumanView.as_view(format="pdf"),
        name="pengumuman_pdf",
    ),
    path(
        "rekrutmen/<int:pk>/pengumuman.xlsx",
        views.PengumumanView.as_view(format="excel"),
        name="pengumuman_excel",
    ),
    path("rekrutmen/<int:pk>/dokumen/", views.DokumenListView.as_view(), name="rekrutmen_dokumen"),
    path(
        "rekrutmen/<int:pk>/dokumen/minta/",
        views.DokumenMintaView.as_view(),
        name="rekrutmen_dokumen_minta",
    ),
    path(
        "dokumen-rekrutmen/<int:pk>/",
        views.DokumenDetailView.as_view(),
        name="dokumen_rekrutmen_detail",
    ),
    path(
        "dokumen-rekrutmen/<int:pk>/unduh/",
        views.DokumenUnduhView.as_view(),
        name="dokumen_rekrutmen_unduh",
    ),
    path(
        "dokumen-rekrutmen/<int:pk>/terbitkan/",
        views.DokumenTerbitkanView.as_view(),
        name="dokumen_rekrutmen_terbitkan",
    ),
    path(
        "dokumen-rekrutmen/<int:pk>/nomori/",
        views.DokumenNomoriView.as_view(),
        name="dokumen_rekrutmen_nomori",
    ),
    path("rekrutmen/<int:pk>/anggota/", views.AnggotaListView.as_view(), name="anggota_list"),
    path("rekrutmen/<int:pk>/penetapan/", views.PenetapanView.as_view(), name="penetapan"),
    path("rekrutmen/<int:pk>/honor/", views.HonorView.as_view(), name="honor"),
    path("anggota/<int:pk>/paw/", views.PAWView.as_view(), name="paw"),
    path("anggota/<int:pk>/jabatan/", views.AnggotaJabatanView.as_view(), name="anggota_jabatan"),
    path(
        "tanggapan/<int:pk>/tindak-lanjut/",
        views.TanggapanTindakLanjutView.as_view(),
        name="tanggapan_tindak_lanjut",
    ),
    path(
        "tanggapan/<int:pk>/lampiran/",
        views.TanggapanLampiranView.as_view(),
        name="tanggapan_lampiran",
    ),
    path("pola-nomor/", views.PolaNomorListView.as_view(), name="pola_nomor_list"),
    path("pola-nomor/<str:jenis>/", views.PolaNomorUbahView.as_view(), name="pola_nomor_ubah"),
    path("wilayah/", views.WilayahListView.as_view(), name="wilayah_list"),
    path("wilayah/impor/", views.WilayahImporView.as_view(), name="wilayah_import"),
    path("tps/impor/", views.TPSImporView.as_view(), name="tps_import"),
    path("parpol/impor/", views.AnggotaParpolImporView.as_view(), name="parpol_import"),
    path("wilayah/unduh/", views.WilayahEksporView.as_view(), name="wilayah_export"),
    path("tps/unduh/", views.TPSEksporView.as_view(), name="tps_export"),
    path("parpol/unduh/", views.AnggotaParpolEksporView.as_view(), name="parpol_export"),
]
