from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import connection
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.generic import ListView, TemplateView

from . import dasbor, selectors, services
from .akses import IzinMixin
from .formatting import tanggal_valid
from .halaman import HalamanMixin
from .models import JejakAudit
from .peran import DOMAIN_APPS, PERAN_BERUNIT, Peran, peran_of
from .tahun import KUNCI_SESI, tahun_aktif, tahun_pilihan, tahun_valid, url_ganti_tahun

PERAN_DASBOR = frozenset({Peran.KOMISIONER, Peran.SEKRETARIS, Peran.ADMIN})


class BerandaView(LoginRequiredMixin, TemplateView):
    """Home: the Dasbor pimpinan for Komisioner, Sekretaris and Admin; for a Staf or Kasubag
    the open work of their sub-bagian in the working year (``dasbor.tugas_unit``); for the
    other roles what waits for them and their menu."""

    template_name = "kpu_site/beranda.html"

    def get_template_names(self):
        peran = peran_of(self.request.user)
        if peran in PERAN_DASBOR:
            return ["kpu_site/dasbor.html"]
        if peran in PERAN_BERUNIT:
            return ["kpu_site/beranda_unit.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        peran = peran_of(user)
        tahun = tahun_aktif(self.request)
        context["peran"] = peran
        context["tahun"] = tahun
        if peran in (Peran.AUDITOR, None):
            return context
        if peran in PERAN_BERUNIT:
            context["tugas_unit"] = dasbor.tugas_unit(
                user=user, tahun=tahun, hari_ini=timezone.localdate()
            )
            return context
        context["tugas"] = dasbor.dasbor_tugas(user=user)
        if peran in PERAN_DASBOR:
            segar = self.request.GET.get("segar") == "1"
            context["dasbor"] = dasbor.dasbor_tahun(tahun=tahun, segar=segar)
        return context


class TahunPilihView(LoginRequiredMixin, View):
    """The year switcher: keeps the chosen year in the session and goes to the same page for
    that year (``kpu_site.tahun.url_ganti_tahun``)."""

    http_method_names = ["post"]

    def post(self, request):
        kembali = request.POST.get("next") or "/"
        if not url_has_allowed_host_and_scheme(kembali, allowed_hosts={request.get_host()}):
            kembali = "/"
        tahun = tahun_valid(request.POST.get("tahun", ""))
        if tahun is None or tahun not in tahun_pilihan():
            messages.error(request, "Tahun yang dipilih tidak tersedia.")
            return redirect(kembali)
        request.session[KUNCI_SESI] = tahun
        return redirect(url_ganti_tahun(kembali, tahun))


class JejakAuditListView(IzinMixin, HalamanMixin, ListView):
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
            dari=tanggal_valid(params.get("dari")),
            sampai=tanggal_valid(params.get("sampai")),
            q=params.get("q", ""),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pilihan_aksi"] = JejakAudit.Aksi.choices
        context["pilihan_aplikasi"] = [
            (app, apps.get_app_config(app).verbose_name) for app in DOMAIN_APPS
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
        probe = services.pemeriksaan_worker_send()
        messages.success(request, f"Pemeriksaan #{probe.pk} dikirim ke antrean.")
        return redirect("status_layanan")
