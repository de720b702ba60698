from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import connection
from django.shortcuts import redirect
from django.utils.dateparse import parse_date
from django.views import View
from django.views.generic import ListView, TemplateView

from . import selectors, services
from .akses import IzinMixin
from .models import JejakAudit
from .peran import Peran, peran_of


class BerandaView(LoginRequiredMixin, TemplateView):
    template_name = "kpu_site/beranda.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["peran"] = peran_of(self.request.user)
        return context


class JejakAuditListView(IzinMixin, ListView):
    permission_required = "kpu_site.view_jejakaudit"
    template_name = "kpu_site/jejakaudit_list.html"
    paginate_by = 50
    context_object_name = "jejak"

    def get_queryset(self):
        params = self.request.GET
        return selectors.jejak_list(
            aplikasi=params.get("aplikasi", ""),
            aksi=params.get("aksi", ""),
            pengguna=params.get("pengguna", ""),
            dari=parse_date(params.get("dari", "") or "") if params.get("dari") else None,
            sampai=parse_date(params.get("sampai", "") or "") if params.get("sampai") else None,
            q=params.get("q", ""),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pilihan_aksi"] = JejakAudit.Aksi.choices
        context["pilihan_aplikasi"] = [
            ("sekretariat", "Sekretariat"),
            ("kinerja", "Kinerja"),
            ("anggaran", "Anggaran"),
            ("badan_adhoc", "Badan Ad Hoc"),
        ]
        context["login_log"] = selectors.login_log_list(limit=20)
        return context


class StatusLayananView(IzinMixin, TemplateView):
    peran_diizinkan = frozenset({Peran.ADMIN})
    template_name = "kpu_site/status_layanan.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["database"] = connection.vendor
        context["broker"] = settings.CELERY_BROKER_URL or ""
        context["pemeriksaan"] = selectors.pemeriksaan_worker_terakhir()
        return context


class PemeriksaanWorkerKirimView(IzinMixin, View):
    peran_diizinkan = frozenset({Peran.ADMIN})
    http_method_names = ["post"]

    def post(self, request):
        probe = services.pemeriksaan_worker_kirim()
        messages.success(request, f"Pemeriksaan #{probe.pk} dikirim ke antrean.")
        return redirect("status_layanan")
