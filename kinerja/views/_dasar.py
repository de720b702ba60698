"""Shared pieces of the kinerja pages: safe "back" links, the year context of a year page."""

from __future__ import annotations

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme

from kpu_site.tahun import tahun_kosong, tahun_pilihan

from .. import selectors


def kembali_ke(request, default: str) -> HttpResponseRedirect:
    tujuan = request.POST.get("next") or request.GET.get("next") or ""
    if tujuan and url_has_allowed_host_and_scheme(tujuan, allowed_hosts={request.get_host()}):
        return HttpResponseRedirect(tujuan)
    return HttpResponseRedirect(default)


class TahunMixin:
    """Adds ``tahun`` and the year switcher to the context."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tahun"] = self.kwargs.get("tahun")
        context["daftar_tahun"] = tahun_pilihan()
        context["tahun_terkunci"] = (
            selectors.kinerja_tahun_lock(self.kwargs["tahun"]) if "tahun" in self.kwargs else False
        )
        return context


def tahun_kosong_kinerja(request, tahun: int) -> dict | None:
    """``tahun_kosong`` context when ``tahun`` has no kinerja data (no Renstra covers it), for
    ``includes/_tahun_kosong.html``; None when it has."""
    if selectors.renstra_untuk_tahun(tahun) is not None:
        return None
    return tahun_kosong(request, tahun, app="kinerja")
