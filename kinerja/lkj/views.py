"""Pages of the LKj: versions per year, pre-flight, web preview, request, progress (htmx),
download, finalise, and the yearly narratives."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views import View
from django.views.generic import DetailView, FormView, TemplateView

from kpu_site.akses import IzinMixin
from kpu_site.berkas import berkas_buka
from kpu_site.formulir import LayananFormMixin, kesalahan_ke_pesan
from kpu_site.peran import PERAN_PIMPINAN, is_pimpinan, peran_of
from kpu_site.tahun import tahun_aktif, tahun_kosong, tahun_pilihan

from . import selectors, services
from .forms import NaskahLkjForm
from .konten import lkj_konten_kumpulkan
from .models import LaporanKinerja
from .naskah import DAFTAR_ISIAN, NASKAH_BAWAAN
from .pratinjau import naskah_bertaut
from .preflight import lkj_preflight, temuan_menghalangi
from .services import PERAN_PENYUSUN
from .views_reviu import reviu_konteks

LIHAT = "kinerja.view_laporankinerja"


class LaporanListView(IzinMixin, TemplateView):
    permission_required = LIHAT
    template_name = "kinerja/lkj/laporan_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["laporan"] = selectors.laporan_list(user=user)
        context["hanya_tersusun"] = selectors.laporan_hanya_tersusun(user)
        context["tahun_lkj"] = tahun_pilihan()
        context["boleh_susun"] = peran_of(user) in PERAN_PENYUSUN
        # "Susun laporan" for the working year when it has data but no version yet.
        tahun = tahun_aktif(self.request)
        context["susun_tahun"] = (
            tahun
            if context["boleh_susun"]
            and not selectors.laporan_list(user=user, tahun=tahun).exists()
            and selectors.lkj_data_ada(tahun=tahun)
            else None
        )
        return context


class LaporanTahunView(IzinMixin, TemplateView):
    permission_required = LIHAT
    template_name = "kinerja/lkj/laporan_tahun.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tahun = self.kwargs["tahun"]
        user = self.request.user
        context["tahun"] = tahun
        context["laporan"] = selectors.laporan_list(user=user, tahun=tahun)
        context["boleh_susun"] = peran_of(user) in PERAN_PENYUSUN
        context["hanya_tersusun"] = selectors.laporan_hanya_tersusun(user)
        temuan = [] if context["hanya_tersusun"] else lkj_preflight(tahun=tahun)
        context["temuan"] = temuan
        context["temuan_wajib"] = temuan_menghalangi(temuan)
        context["temuan_catatan"] = [t for t in temuan if not t.wajib]
        context["boleh_jelaskan"] = is_pimpinan(user)
        context["naskah"] = selectors.naskah_get(tahun=tahun)
        kosong = not context["laporan"].exists() and not selectors.lkj_data_ada(tahun=tahun)
        context["tahun_kosong"] = (
            tahun_kosong(self.request, tahun, app="kinerja") if kosong else None
        )
        return context


class LaporanPratinjauView(IzinMixin, TemplateView):
    """The LKj as a web page: the PDF's own template (``kinerja/pdf/lkj.html``) inside the site
    layout, every figure a link to the page it comes from (``tautan``)."""

    permission_required = LIHAT
    template_name = "kinerja/pdf/lkj.html"

    def get(self, request, *args, **kwargs):
        tahun = self.kwargs["tahun"]
        try:
            naskah = selectors.naskah_get(tahun=tahun)
            self.konten = lkj_konten_kumpulkan(tahun=tahun, naskah=naskah)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("kinerja:lkj_tahun", tahun=tahun)
        self.konten["naskah"] = naskah_bertaut(konten=self.konten, naskah=naskah)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(k=self.konten, basis="kinerja/lkj/pratinjau.html", tautan=True, draf=False)
        return context


class LaporanMintaView(IzinMixin, View):
    permission_required = LIHAT
    peran_diizinkan = PERAN_PENYUSUN
    http_method_names = ["post"]

    def post(self, request, tahun: int):
        laporan = None
        with kesalahan_ke_pesan(request):
            laporan = services.laporan_request(tahun=tahun, pengguna=request.user)
        if laporan is None:  # refused: its message is shown on the year page
            return redirect("kinerja:lkj_tahun", tahun=tahun)
        # No broker: rendered when the request's block committed. A render still running is
        # shown by the version page's progress panel (updated live), not by a message that
        # would still say "sedang disusun" after it ended.
        laporan.refresh_from_db()
        draf = " sebagai DRAF" if laporan.draf else ""
        if laporan.status == LaporanKinerja.Status.SELESAI:
            messages.success(request, f"{laporan} selesai disusun{draf}.")
        elif laporan.status == LaporanKinerja.Status.GAGAL:
            messages.error(request, f"{laporan} gagal disusun: {laporan.pesan_galat}")
        return redirect("kinerja:lkj_detail", pk=laporan.pk)


class TemuanJelaskanView(IzinMixin, View):
    """The Sekretaris marks a capaian/serapan finding of the pre-flight as explained."""

    permission_required = LIHAT
    peran_diizinkan = PERAN_PIMPINAN
    http_method_names = ["post"]

    def post(self, request, tahun: int):
        try:
            with kesalahan_ke_pesan(request):
                services.temuan_jelaskan(
                    tahun=tahun, kunci=request.POST.get("kunci", ""), pengguna=request.user
                )
                messages.success(request, "Temuan ditandai sudah dijelaskan.")
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        return redirect("kinerja:lkj_tahun", tahun=tahun)


class LaporanDetailView(IzinMixin, DetailView):
    permission_required = LIHAT
    template_name = "kinerja/lkj/laporan_detail.html"
    context_object_name = "laporan"

    def get_object(self, queryset=None):
        return selectors.laporan_get(user=self.request.user, pk=self.kwargs["pk"])

    def get_template_names(self):
        if self.request.htmx:
            return ["kinerja/lkj/_progres.html"]
        return [self.template_name]

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if (
            self.request.htmx
            and self.request.GET.get("berjalan")
            and not self.object.sedang_berjalan
        ):
            # The render just ended: reload the whole page so the side panel (finalise button,
            # times, attempts) shows the result too.
            response["HX-Refresh"] = "true"
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["dapat_difinalkan"] = services.laporan_dapat_difinalkan(
            laporan=self.object, pengguna=self.request.user
        )
        if not self.request.htmx:  # the progress poll shows the progress panel only
            context.update(reviu_konteks(self.request, laporan=self.object))
        return context


class LaporanUnduhView(IzinMixin, View):
    permission_required = LIHAT

    def get(self, request, pk: int):
        laporan = selectors.laporan_get(user=request.user, pk=pk)
        if not laporan.dapat_diunduh:
            raise Http404("Berkas laporan belum tersedia.")
        services.laporan_unduhan_record(laporan=laporan, pengguna=request.user)
        nama = f"LKj-{laporan.tahun}-v{laporan.versi}{'-final' if laporan.status == 'final' else ''}.pdf"
        return FileResponse(
            berkas_buka(laporan.berkas),
            as_attachment=True,
            filename=nama,
            content_type="application/pdf",
        )


class LaporanFinalkanView(IzinMixin, View):
    permission_required = "kinerja.finalisasi_laporan"
    peran_diizinkan = PERAN_PIMPINAN
    http_method_names = ["post"]

    def post(self, request, pk: int):
        laporan = selectors.laporan_get(user=request.user, pk=pk)
        try:
            with kesalahan_ke_pesan(request):
                services.laporan_finalise(laporan=laporan, pengguna=request.user)
                messages.success(
                    request,
                    f"{laporan} difinalkan; data kinerja dan anggaran tahun {laporan.tahun} dikunci.",
                )
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        return redirect("kinerja:lkj_detail", pk=pk)


class NaskahView(IzinMixin, LayananFormMixin, FormView):
    permission_required = "kinerja.change_naskahlkj"
    peran_diizinkan = PERAN_PENYUSUN
    template_name = "kinerja/lkj/naskah_form.html"
    form_class = NaskahLkjForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        naskah = selectors.naskah_get(tahun=self.kwargs["tahun"])
        kwargs["instance"] = naskah
        if naskah is None:
            kwargs["initial"] = dict(NASKAH_BAWAAN)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tahun"] = self.kwargs["tahun"]
        context["daftar_isian"] = DAFTAR_ISIAN
        return context

    def layanan(self, form):
        services.naskah_save(
            tahun=self.kwargs["tahun"], pengguna=self.request.user, **form.cleaned_data
        )
        messages.success(self.request, f"Naskah LKj {self.kwargs['tahun']} disimpan.")
        return redirect(reverse("kinerja:lkj_tahun", args=[self.kwargs["tahun"]]))
