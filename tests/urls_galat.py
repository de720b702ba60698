"""The site's URLs plus one view that fails, for the 500 page test."""

from django.urls import path

from kpu_site.urls import urlpatterns as urlpatterns_situs


def galat_uji(request):
    raise RuntimeError("galat uji: rahasia-di-traceback")


urlpatterns = [*urlpatterns_situs, path("uji/galat/", galat_uji)]
