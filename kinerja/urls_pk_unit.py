"""The pages of the PK at every level (``kinerja:pk_unit_*``), added to the kinerja namespace
by ``kinerja.urls``."""

from django.urls import path

from .views import pk_unit as v

urlpatterns = [
    path("pk-unit/", v.PKUnitIndexView.as_view(), name="pk_unit_index"),
    path("pk-unit/<tahun:tahun>/", v.PKUnitDaftarView.as_view(), name="pk_unit_daftar"),
    path(
        "pk-unit/<tahun:tahun>/sekretaris/cetak/",
        v.PKSekretarisCetakView.as_view(),
        name="pk_unit_sekretaris_cetak",
    ),
    path(
        "pk-unit/<tahun:tahun>/<int:unit_pk>/", v.PKUnitDetailView.as_view(), name="pk_unit_detail"
    ),
    path(
        "pk-unit/<tahun:tahun>/<int:unit_pk>/buat/", v.PKUnitBuatView.as_view(), name="pk_unit_buat"
    ),
    path("pk-unit/dokumen/<int:pk>/ubah/", v.PKUnitUbahView.as_view(), name="pk_unit_ubah"),
    path(
        "pk-unit/dokumen/<int:pk>/tandatangani/",
        v.PKUnitTandatanganiView.as_view(),
        name="pk_unit_tandatangani",
    ),
    path(
        "pk-unit/dokumen/<int:pk>/perubahan/",
        v.PKUnitPerubahanView.as_view(),
        name="pk_unit_perubahan",
    ),
    path("pk-unit/dokumen/<int:pk>/cetak/", v.PKUnitCetakView.as_view(), name="pk_unit_cetak"),
    path(
        "pk-unit/baris/<int:pk>/ubah/", v.PKUnitBarisUbahView.as_view(), name="pk_unit_baris_ubah"
    ),
]
