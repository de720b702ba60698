"""Publication: the public page of the satker (no login) with its downloads, and the staff
page that publishes and withdraws (Sekretaris/Admin)."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.views import View
from django.views.generic import TemplateView

from kpu_site.akses import IzinMixin
from kpu_site.batas import id_param
from kpu_site.batas_laju import BatasLajuMixin
from kpu_site.berkas import berkas_buka
from kpu_site.formulir import kesalahan_ke_form, kesalahan_ke_pesan
from kpu_site.peran import PERAN_PIMPINAN
from kpu_site.tahun import tahun_aktif
from sekretariat.selectors import satker_get

from .. import selectors_publikasi as sel
from ..forms_publikasi import PublikasiTarikForm, PublikasiUnggahForm
from ..model_publikasi import Publikasi
from ..services import publikasi as svc


def _slug(obj) -> str:
    return slugify(obj["judul"] if isinstance(obj, dict) else obj.judul)[:80] or "dokumen"


# --------------------------------------------------------------------------- public (no login)


class PublikBerandaView(BatasLajuMixin, TemplateView):
    """``/publik/``: the satker's identity and its published documents, grouped. Cached on the
    server until the next publication or withdrawal (``selectors_publikasi``)."""

    template_name = "kinerja/publikasi/publik.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        grup = sel.publikasi_publik_grup()
        for g in grup:
            for d in g["dokumen"]:
                d["slug"] = _slug(d)
        context.update(satker=satker_get(), grup=grup)
        return context


class PublikDokumenUnduhView(BatasLajuMixin, View):
    """The frozen file of a non-withdrawn publication (404 otherwise); ETag = its SHA-256."""

    def get(self, request, pk, slug):
        obj = sel.publikasi_publik_get(pk)
        etag = f'"{obj.sha256}"'
        if etag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
            response = HttpResponseNotModified()
        else:
            response = FileResponse(
                berkas_buka(obj.berkas),
                as_attachment=False,
                filename=f"{_slug(obj)}.pdf",
                content_type="application/pdf",
            )
            response["X-Content-Type-Options"] = "nosniff"
        response["ETag"] = etag
        patch_cache_control(response, public=True, max_age=300)
        return response


# --------------------------------------------------------------------------- staff


class PublikasiListView(IzinMixin, TemplateView):
    """``/kinerja/publikasi/``: every publication, and the documents of the working year ready
    to publish with their buttons (Sekretaris/Admin)."""

    permission_required = "kinerja.view_publikasi"
    template_name = "kinerja/publikasi/daftar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tahun = tahun_aktif(self.request)
        context.update(
            tahun=tahun,
            publikasi=sel.publikasi_list(),
            calon=sel.publikasi_calon(tahun=tahun),
            boleh=svc.boleh_publikasi(self.request.user),
            form_unggah=kwargs.get("form_unggah") or PublikasiUnggahForm(initial={"tahun": tahun}),
            form_tarik=kwargs.get("form_tarik"),
            tarik_id=kwargs.get("tarik_id"),
        )
        return context


class _TulisView(IzinMixin, View):
    permission_required = "kinerja.add_publikasi"
    peran_diizinkan = PERAN_PIMPINAN
    http_method_names = ["post"]

    def _halaman(self, request, **forms):
        context = PublikasiListView(request=request, kwargs={}).get_context_data(**forms)
        return render(request, PublikasiListView.template_name, context, status=400)


class PublikasiTerbitkanView(_TulisView):
    """POST ``model`` + ``id``: publish a document of the app (refused for a draft)."""

    def post(self, request):
        sumber = sel.sumber_get(
            model=request.POST.get("model", ""), pk=id_param(request.POST.get("id"))
        )
        with kesalahan_ke_pesan(request):
            obj = svc.publikasi_terbitkan(sumber=sumber, pengguna=request.user)
            messages.success(request, f"{obj.judul} diterbitkan di halaman publik.")
        return redirect("kinerja:publikasi_list")


class PublikasiUnggahView(_TulisView):
    """POST an uploaded PDF (Renstra, announcement, other); the form keeps its input on a
    rejection."""

    def post(self, request):
        form = PublikasiUnggahForm(request.POST, request.FILES)
        if form.is_valid():
            with kesalahan_ke_form(form):
                obj = svc.publikasi_unggah(pengguna=request.user, **form.cleaned_data)
                messages.success(request, f"{obj.judul} diterbitkan di halaman publik.")
                return redirect("kinerja:publikasi_list")
        return self._halaman(request, form_unggah=form)


class PublikasiTarikView(_TulisView):
    """POST ``alasan``: withdraw a publication from the public page."""

    def post(self, request, pk):
        obj = get_object_or_404(Publikasi, pk=pk)
        form = PublikasiTarikForm(request.POST)
        if form.is_valid():
            with kesalahan_ke_form(form):
                svc.publikasi_tarik(
                    publikasi=obj, alasan=form.cleaned_data["alasan"], pengguna=request.user
                )
                messages.success(request, f"{obj.judul} ditarik dari halaman publik.")
                return redirect("kinerja:publikasi_list")
        return self._halaman(request, form_tarik=form, tarik_id=obj.pk)
