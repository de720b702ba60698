"""The satker's public page (no login), in the ``publik`` namespace with the announcements
(composed in ``kpu_site.urls``)."""

from django.urls import path

from .views import publikasi as v

urlpatterns = [
    path("", v.PublikBerandaView.as_view(), name="beranda"),
    path(
        "dokumen/<int:pk>/<slug:slug>.pdf",
        v.PublikDokumenUnduhView.as_view(),
        name="dokumen_unduh",
    ),
]
