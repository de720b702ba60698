"""The applicant's file: recording the document checklist of one applicant (staff of the
recruitment); the page that shows it is the applicant's page."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views import View

from kpu_site.formulir import kesalahan_ke_pesan

from ..models import Pendaftar
from ..selectors.berkas import item_berkas_list
from ..services.berkas import berkas_status_set
from .rekrutmen import KelolaMixin

__all__ = ["PendaftarBerkasView"]


class PendaftarBerkasView(KelolaMixin, View):
    """POST ``status_<kode>`` (ada, tidak_ada, tidak_sah or empty) and ``alasan_<kode>`` for
    each item of the recruitment's checklist; back to the applicant's page."""

    def post(self, request, pk):
        pendaftar = get_object_or_404(Pendaftar, pk=pk)
        status = {
            i.kode: (
                request.POST.get(f"status_{i.kode}", ""),
                request.POST.get(f"alasan_{i.kode}", ""),
            )
            for i in item_berkas_list(pendaftar.rekrutmen_id)
            if f"status_{i.kode}" in request.POST
        }
        with kesalahan_ke_pesan(request):
            berkas_status_set(pendaftar=pendaftar, status=status, pengguna=request.user)
            messages.success(request, "Berkas pendaftaran disimpan.")
        return redirect("badan_adhoc:pendaftar_detail", pk=pendaftar.pk)
