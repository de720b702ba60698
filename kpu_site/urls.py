from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import views, views_impor
from .api import router
from .api_impor import ProfilImporViewSet
from .registri import modul_app

# Each app registers its API routes (``<app>/api.py``); its pages are included by name below.
for _app, _api in modul_app("api"):
    _api.register(router)
router.register("profil-impor", ProfilImporViewSet, basename="profil-impor")

# The pages without login of every app (``<app>/urls_publik.py``), in one ``publik`` namespace.
urls_publik = [p for _app, modul in modul_app("urls_publik") for p in modul.urlpatterns]

admin.site.site_header = "Administrasi Sekretariat KPU"
admin.site.site_title = "Sekretariat KPU"

urlpatterns = [
    path("", views.BerandaView.as_view(), name="beranda"),
    path("masuk/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("sandi/ubah/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "sandi/ubah/selesai/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("tahun/", views.TahunPilihView.as_view(), name="tahun_pilih"),
    path("audit/", views.JejakAuditListView.as_view(), name="audit_list"),
    path("status/", views.StatusLayananView.as_view(), name="status_layanan"),
    path(
        "status/periksa-worker/",
        views.PemeriksaanWorkerKirimView.as_view(),
        name="pemeriksaan_worker_kirim",
    ),
    path("impor/profil/", views_impor.ProfilImporListView.as_view(), name="profil_impor_list"),
    path(
        "impor/profil/<str:jenis>/baru/",
        views_impor.ProfilImporFormView.as_view(),
        name="profil_impor_baru",
    ),
    path(
        "impor/profil/<int:pk>/ubah/",
        views_impor.ProfilImporFormView.as_view(),
        name="profil_impor_ubah",
    ),
    path(
        "impor/profil/<int:pk>/hapus/",
        views_impor.ProfilImporHapusView.as_view(),
        name="profil_impor_hapus",
    ),
    path(
        "impor/templat/<str:jenis>/<str:isi>.xlsx",
        views_impor.TemplatImporView.as_view(),
        name="templat_impor",
    ),
    path("organisasi/", include("sekretariat.urls")),
    path("kinerja/", include("kinerja.urls")),
    path("anggaran/", include("anggaran.urls")),
    path("adhoc/", include("badan_adhoc.urls")),
    # no login: the satker's published documents and the published announcements
    path("publik/", include((urls_publik, "publik"))),
    path("api/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api_schema"), name="api_docs"),
    path("admin/", admin.site.urls),
]
