"""IKU pages: the IKU and manuals of a Renstra, the decree form, an indikator's manual form,
and the Manual IKU as one printable document (HTML page and PDF through the LKj engine)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views import View
from django.views.generic import TemplateView

from kpu_site.akses import IzinMixin
from kpu_site.formulir import kesalahan_ke_form
from kpu_site.pdf import html_ke_pdf_respons
from kpu_site.tahun import tahun_aktif

from .. import selectors_iku
from ..forms_iku import KeputusanIkuForm, ManualIndikatorForm
from ..models import Indikator, Renstra
from ..selectors import renstra_list, renstra_untuk_tahun
from ..services import boleh_kelola_perencanaan, pastikan_perencana
from ..services.iku import keputusan_iku_set, manual_simpan


class IkuIndexView(IzinMixin, View):
    """The menu's entry: the IKU of the Renstra covering the chosen year (else the latest)."""

    permission_required = "kinerja.view_renstra"

    def get(self, request):
        renstra = renstra_untuk_tahun(tahun_aktif(request)) or renstra_list().first()
        if renstra is None:
            messages.info(request, "Belum ada Renstra; IKU ditetapkan untuk sebuah Renstra.")
            return redirect("kinerja:renstra_list")
        return redirect("kinerja:iku_detail", renstra_pk=renstra.pk)


class IkuDetailView(IzinMixin, TemplateView):
    permission_required = "kinerja.view_renstra"
    template_name = "kinerja/iku_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        renstra = get_object_or_404(Renstra, pk=self.kwargs["renstra_pk"])
        context.update(
            renstra=renstra,
            keputusan=selectors_iku.keputusan_iku_get(renstra=renstra),
            baris=selectors_iku.iku_baris_list(renstra=renstra),
            boleh_kelola=boleh_kelola_perencanaan(self.request.user),
        )
        return context


class IkuKeputusanUbahView(IzinMixin, View):
    permission_required = "kinerja.change_keputusaniku"
    template_name = "kinerja/keputusaniku_form.html"

    def _renstra(self):
        renstra = get_object_or_404(Renstra, pk=self.kwargs["renstra_pk"])
        pastikan_perencana(self.request.user)
        return renstra

    def _render(self, request, renstra, form, status=200):
        return render(
            request, self.template_name, {"form": form, "renstra": renstra}, status=status
        )

    def get(self, request, renstra_pk):
        renstra = self._renstra()
        keputusan = selectors_iku.keputusan_iku_get(renstra=renstra)
        initial = {}
        if keputusan is not None:
            initial["indikator"] = [b.indikator_id for b in keputusan.baris.all()]
        form = KeputusanIkuForm(instance=keputusan, initial=initial, renstra=renstra)
        return self._render(request, renstra, form)

    def post(self, request, renstra_pk):
        renstra = self._renstra()
        form = KeputusanIkuForm(request.POST, renstra=renstra)
        if form.is_valid():
            with kesalahan_ke_form(form):
                keputusan_iku_set(
                    pengguna=request.user,
                    renstra=renstra,
                    nomor=form.cleaned_data["nomor"],
                    tanggal=form.cleaned_data["tanggal"],
                    tentang=form.cleaned_data["tentang"],
                    indikator=list(form.cleaned_data["indikator"]),
                    alasan=form.cleaned_data.get("alasan_perubahan", ""),
                )
                messages.success(request, f"Keputusan IKU {renstra} disimpan.")
                return redirect("kinerja:iku_detail", renstra_pk=renstra.pk)
        return self._render(request, renstra, form, status=400)


class IkuManualUbahView(IzinMixin, View):
    permission_required = "kinerja.change_manualindikator"
    template_name = "kinerja/manualindikator_form.html"

    def _indikator(self):
        indikator = get_object_or_404(
            Indikator.objects.select_related("sasaran__tujuan__renstra"), pk=self.kwargs["pk"]
        )
        pastikan_perencana(self.request.user)
        return indikator

    def _render(self, request, indikator, form, status=200):
        return render(
            request,
            self.template_name,
            {
                "form": form,
                "indikator": indikator,
                "renstra": indikator.sasaran.tujuan.renstra,
                "aturan": selectors_iku.aturan_capaian(indikator),
            },
            status=status,
        )

    def get(self, request, pk):
        indikator = self._indikator()
        form = ManualIndikatorForm(instance=selectors_iku.manual_get(indikator=indikator))
        return self._render(request, indikator, form)

    def post(self, request, pk):
        indikator = self._indikator()
        form = ManualIndikatorForm(request.POST)
        if form.is_valid():
            with kesalahan_ke_form(form):
                manual = manual_simpan(
                    pengguna=request.user, indikator=indikator, **form.cleaned_data
                )
                kurang = selectors_iku.manual_kurang(manual)
                if kurang:
                    messages.warning(
                        request,
                        f"Manual {indikator.kode} disimpan, belum lengkap: {', '.join(kurang)}.",
                    )
                else:
                    messages.success(request, f"Manual {indikator.kode} disimpan dan lengkap.")
                return redirect(
                    "kinerja:iku_detail", renstra_pk=indikator.sasaran.tujuan.renstra_id
                )
        return self._render(request, indikator, form, status=400)


def manual_iku_html(*, renstra: Renstra, basis: str | None = None) -> str:
    konten = selectors_iku.manual_iku_konten(renstra=renstra)
    return render_to_string("kinerja/pdf/manual_iku.html", {"k": konten, "basis": basis})


class IkuManualCetakView(IzinMixin, TemplateView):
    """The Manual IKU as a page: the PDF's own template inside the site's frame."""

    permission_required = "kinerja.view_renstra"
    template_name = "kinerja/pdf/manual_iku.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        renstra = get_object_or_404(Renstra, pk=self.kwargs["renstra_pk"])
        context.update(
            k=selectors_iku.manual_iku_konten(renstra=renstra),
            basis="kinerja/manual_iku_halaman.html",
        )
        return context


class IkuManualPdfView(IzinMixin, View):
    permission_required = "kinerja.view_renstra"

    def get(self, request, renstra_pk):
        renstra = get_object_or_404(Renstra, pk=renstra_pk)
        nama = f"Manual-IKU-{renstra.tahun_mulai}-{renstra.tahun_selesai}.pdf"
        return html_ke_pdf_respons(manual_iku_html(renstra=renstra), nama)
