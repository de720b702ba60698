"""URLs of the LKj pages, included in ``kinerja.urls`` (namespace ``kinerja``)."""

from django.urls import path

from . import urls_reviu, views

urlpatterns = [
    path("lkj/", views.LaporanListView.as_view(), name="lkj_list"),
    path("lkj/<tahun:tahun>/", views.LaporanTahunView.as_view(), name="lkj_tahun"),
    path("lkj/<tahun:tahun>/susun/", views.LaporanMintaView.as_view(), name="lkj_minta"),
    path(
        "lkj/<tahun:tahun>/temuan/jelaskan/",
        views.TemuanJelaskanView.as_view(),
        name="lkj_temuan_jelaskan",
    ),
    path("lkj/<tahun:tahun>/naskah/", views.NaskahView.as_view(), name="lkj_naskah"),
    path(
        "lkj/<tahun:tahun>/pratinjau/", views.LaporanPratinjauView.as_view(), name="lkj_pratinjau"
    ),
    path("lkj/versi/<int:pk>/", views.LaporanDetailView.as_view(), name="lkj_detail"),
    path("lkj/versi/<int:pk>/unduh/", views.LaporanUnduhView.as_view(), name="lkj_unduh"),
    path("lkj/versi/<int:pk>/finalkan/", views.LaporanFinalkanView.as_view(), name="lkj_finalkan"),
]
urlpatterns += urls_reviu.urlpatterns  # the review (reviu APIP) of a version
