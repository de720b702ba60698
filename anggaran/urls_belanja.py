"""Pages of the contracts and invoices (included in ``anggaran.urls``, names
``anggaran:<model>_<action>``)."""

from django.urls import path

from .views import belanja

urlpatterns = [
    path("<int:pk>/kontrak/", belanja.KontrakListView.as_view(), name="kontrak_list"),
    path("<int:pk>/kontrak/tambah/", belanja.KontrakCreateView.as_view(), name="kontrak_create"),
    path("<int:pk>/kontrak/impor/", belanja.KontrakImporView.as_view(), name="kontrak_impor"),
    path("<int:pk>/tagihan/impor/", belanja.TagihanImporView.as_view(), name="tagihan_impor"),
    path("kontrak/<int:pk>/ubah/", belanja.KontrakUpdateView.as_view(), name="kontrak_update"),
    path("kontrak/<int:pk>/hapus/", belanja.KontrakDeleteView.as_view(), name="kontrak_delete"),
    path(
        "kontrak/<int:pk>/tagihan/tambah/",
        belanja.TagihanCreateView.as_view(),
        name="tagihan_create",
    ),
    path("tagihan/<int:pk>/ubah/", belanja.TagihanUpdateView.as_view(), name="tagihan_update"),
    path("tagihan/<int:pk>/hapus/", belanja.TagihanDeleteView.as_view(), name="tagihan_delete"),
]
