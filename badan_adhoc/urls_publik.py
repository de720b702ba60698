"""Public pages (no login), under ``/publik/``: the published announcements."""

from django.urls import path

from . import views

app_name = "publik"

urlpatterns = [
    path("pengumuman/", views.PengumumanPublikListView.as_view(), name="pengumuman_list"),
    path(
        "pengumuman/<int:pk>/unduh/",
        views.PengumumanPublikUnduhView.as_view(),
        name="pengumuman_unduh",
    ),
    path(
        "rekrutmen/<int:pk>/tanggapan/",
        views.TanggapanPublikView.as_view(),
        name="tanggapan_form",
    ),
]
