"""Routes of the Rencana Aksi pages (added to ``kinerja.urls`` in one line)."""

from django.urls import path

from . import rencana_aksi_form as form
from .rencana_aksi import MonitoringRencanaAksiView, RencanaAksiIndexView, RencanaAksiView

urlpatterns = [
    path("rencana-aksi/", RencanaAksiIndexView.as_view(), name="rencana_aksi_index"),
    path("rencana-aksi/<tahun:tahun>/", RencanaAksiView.as_view(), name="rencana_aksi"),
    path(
        "rencana-aksi/<tahun:tahun>/monitoring/<str:triwulan>/",
        MonitoringRencanaAksiView.as_view(),
        name="monitoring_ra",
    ),
    # forms (kinerja.views.rencana_aksi_form)
    path(
        "rencana-aksi/baris/<int:pk>/",
        form.RencanaAksiBarisView.as_view(),
        name="rencana_aksi_baris",
    ),
    path(
        "rencana-aksi/rencana/<int:pk>/aksi/",
        form.AksiTambahView.as_view(),
        name="rencana_aksi_aksi_tambah",
    ),
    path(
        "rencana-aksi/aksi/<int:pk>/hapus/",
        form.AksiHapusView.as_view(),
        name="rencana_aksi_aksi_hapus",
    ),
    path(
        "rencana-aksi/<tahun:tahun>/monitoring/<str:triwulan>/buat/",
        form.MonitoringBuatView.as_view(),
        name="monitoring_ra_buat",
    ),
    path(
        "rencana-aksi/monitoring/baris/<int:pk>/",
        form.MonitoringBarisUbahView.as_view(),
        name="monitoring_ra_baris_ubah",
    ),
    path(
        "rencana-aksi/monitoring/<int:pk>/tandatangani/",
        form.MonitoringTandatanganiView.as_view(),
        name="monitoring_ra_tandatangani",
    ),
    path(
        "rencana-aksi/monitoring/<int:pk>/perubahan/",
        form.MonitoringPerubahanView.as_view(),
        name="monitoring_ra_perubahan",
    ),
]
