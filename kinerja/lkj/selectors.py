from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from kpu_site.peran import Peran, peran_of

from .models import LaporanKinerja, NaskahLkj

#: What the Auditor sees: composed versions. Final ones, and finished drafts, which the
#: Auditor reviews (reviu APIP, issue 18 item 5); not a queued, running or failed render.
STATUS_AUDITOR = (LaporanKinerja.Status.SELESAI, LaporanKinerja.Status.FINAL)


def laporan_hanya_tersusun(user) -> bool:
    """The Auditor sees composed versions only (``STATUS_AUDITOR``: final versions and the
    finished drafts under review) and not the pre-flight of a year in progress."""
    return peran_of(user) == Peran.AUDITOR


def laporan_list(*, user, tahun: int | None = None) -> QuerySet[LaporanKinerja]:
    """Versions the user may see (``laporan_hanya_tersusun``)."""
    qs = LaporanKinerja.objects.select_related("diminta_oleh", "difinalkan_oleh")
    if laporan_hanya_tersusun(user):
        qs = qs.filter(status__in=STATUS_AUDITOR)
    if tahun is not None:
        qs = qs.filter(tahun=tahun)
    return qs.order_by("-tahun", "-versi")


def laporan_get(*, user, pk: int) -> LaporanKinerja:
    return get_object_or_404(laporan_list(user=user), pk=pk)


def laporan_final(*, tahun: int) -> LaporanKinerja | None:
    return LaporanKinerja.objects.filter(tahun=tahun, status=LaporanKinerja.Status.FINAL).first()


def lkj_data_ada(*, tahun: int) -> bool:
    """Has ``tahun`` the performance data an LKj is composed from (a Renstra covering the year
    and a Perjanjian Kinerja)? ``services.laporan_request`` refuses a year without it."""
    from kinerja import selectors as kin

    return kin.renstra_untuk_tahun(tahun) is not None and kin.pk_berlaku(tahun=tahun) is not None


def naskah_get(*, tahun: int) -> NaskahLkj | None:
    return NaskahLkj.objects.filter(tahun=tahun).first()
