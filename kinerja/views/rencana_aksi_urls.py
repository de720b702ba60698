"""Routes of the Rencana Aksi pages (added to ``kinerja.urls`` in one line)."""

from django.urls import path

from .rencana_aksi import MonitoringRencanaAksiView, RencanaAksiView

urlpatterns = [
    path("rencana-aksi/<tahun:tahun>/", RencanaAksiView.as_view(), name="rencana_aksi"),
    path(
        "rencana-aksi/<tahun:tahun>/monitoring/<str:triwulan>/",
        MonitoringRencanaAksiView.as_view(),
        name="monitoring_ra",
    ),
]
