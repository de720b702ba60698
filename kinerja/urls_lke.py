"""The LKE pages (``kinerja:lke_*``), added to the kinerja namespace by ``kinerja.urls``."""

from django.urls import path

from .views import lke

urlpatterns = [
    path("lke/", lke.LkeListView.as_view(), name="lke_list"),
    path("lke/buat/", lke.LkeBuatView.as_view(), name="lke_buat"),
    path("lke/<tahun:tahun>/", lke.LkeDetailView.as_view(), name="lke_detail"),
    path("lke/<tahun:tahun>/usulan/", lke.LkeUsulanHitungView.as_view(), name="lke_usulan_hitung"),
    path(
        "lke/<tahun:tahun>/aturan/",
        lke.LkeAturanSegarkanView.as_view(),
        name="lke_aturan_segarkan",
    ),
    path("lke/<tahun:tahun>/finalkan/", lke.LkeFinalkanView.as_view(), name="lke_finalkan"),
    path("lke/<tahun:tahun>/bobot/", lke.LkeBobotView.as_view(), name="lke_bobot"),
    path("lke/<tahun:tahun>/laporan/", lke.LkeLaporanView.as_view(), name="lke_laporan"),
    path("lke/<tahun:tahun>/laporan.pdf", lke.LkeLaporanPdfView.as_view(), name="lke_laporan_pdf"),
    path(
        "lke/kriteria/<int:pk>/ubah/", lke.LkeKriteriaUbahView.as_view(), name="lke_kriteria_ubah"
    ),
    path(
        "lke/komponen/<int:pk>/ubah/", lke.LkeKomponenUbahView.as_view(), name="lke_komponen_ubah"
    ),
    path("lke/jawaban/<int:pk>/", lke.LkeJawabanView.as_view(), name="lke_jawaban"),
    path(
        "lke/jawaban/<int:pk>/konfirmasi/",
        lke.LkeKonfirmasiView.as_view(),
        name="lke_usulan_konfirmasi",
    ),
    path("lke/jawaban/<int:pk>/evaluator/", lke.LkeEvaluatorView.as_view(), name="lke_evaluator"),
    path("lke/jawaban/<int:pk>/berkas/", lke.LkeBerkasView.as_view(), name="lke_berkas"),
]
