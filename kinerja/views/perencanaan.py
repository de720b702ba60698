"""Renstra tree and Perjanjian Kinerja pages (list, draft from Renstra, edit, sign, revise,
print)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from kpu_site.akses import IzinMixin
from kpu_site.excel import xlsx_response
from kpu_site.formulir import kesalahan_ke_form, kesalahan_ke_pesan
from kpu_site.pdf import html_ke_pdf_respons
from kpu_site.peran import PERAN_PIMPINAN
from kpu_site.services import unduhan_record
from kpu_site.tahun import tahun_aktif

from .. import selectors, services
from ..forms import (
    PKBarisForm,
    PKBuatForm,
    PKHeaderForm,
    PKPerubahanForm,
)
from ..models import PerjanjianKinerja, PKBaris, Renstra
from ..selectors_rkt import pk_sumber_target

# --------------------------------------------------------------------------- Renstra


class RenstraListView(IzinMixin, ListView):
    permission_required = "kinerja.view_renstra"
    template_name = "kinerja/renstra_list.html"
    context_object_name = "daftar_renstra"

    def get_queryset(self):
        return selectors.renstra_list()


class RenstraDetailView(IzinMixin, DetailView):
    permission_required = "kinerja.view_renstra"
    model = Renstra
    template_name = "kinerja/renstra_detail.html"
    context_object_name = "renstra"

    def get_object(self, queryset=None):
        return selectors.renstra_tree(renstra=get_object_or_404(Renstra, pk=self.kwargs["pk"]))


def renstra_html(*, renstra: Renstra) -> str:
    """The Renstra as an A4 document (period, visi, misi, tujuan, sasaran strategis, indikator
    and the target of every year); the staff PDF and the publication print the same."""
    konten = selectors.renstra_dokumen_konten(renstra=renstra)
    return render_to_string("kinerja/pdf/renstra.html", {"k": konten})


class RenstraPdfView(IzinMixin, View):
    permission_required = "kinerja.view_renstra"

    def get(self, request, pk):
        renstra = get_object_or_404(Renstra, pk=pk)
        nama = f"Renstra-{renstra.tahun_mulai}-{renstra.tahun_selesai}.pdf"
        return html_ke_pdf_respons(renstra_html(renstra=renstra), nama)


# --------------------------------------------------------------------------- PK


class PKListView(IzinMixin, TemplateView):
    permission_required = "kinerja.view_perjanjiankinerja"
    template_name = "kinerja/perjanjiankinerja_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["daftar_pk"] = PerjanjianKinerja.objects.select_related(
            "ditandatangani_oleh"
        ).order_by("-tahun", "-revisi")
        context["boleh_kelola"] = services.boleh_kelola_perencanaan(self.request.user)
        context["form_buat"] = PKBuatForm(
            initial={"tahun": tahun_aktif(self.request), "tempat": selectors.tempat_satker()}
        )
        return context


class PKBuatView(IzinMixin, View):
    permission_required = "kinerja.add_perjanjiankinerja"
    http_method_names = ["post"]

    def post(self, request):
        form = PKBuatForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Isian tahun PK tidak valid.")
            return redirect("kinerja:pk_list")
        with kesalahan_ke_pesan(request):
            pk = services.pk_create(
                tahun=form.cleaned_data["tahun"],
                pengguna=request.user,
                tempat=form.cleaned_data["tempat"] or "",
                tanggal_pk=form.cleaned_data["tanggal"],
            )
            messages.success(
                request, f"Draft {pk} dibuat dari target Renstra; periksa lalu tandatangani."
            )
            return redirect("kinerja:pk_detail", tahun=pk.tahun)
        return redirect("kinerja:pk_list")


class PKDetailView(IzinMixin, TemplateView):
    permission_required = "kinerja.view_perjanjiankinerja"
    template_name = "kinerja/perjanjiankinerja_detail.html"
    cetak = False

    def get(self, request, *args, **kwargs):
        if not selectors.pk_riwayat(tahun=kwargs["tahun"]).exists():
            messages.info(request, f"Belum ada Perjanjian Kinerja untuk tahun {kwargs['tahun']}.")
            return redirect("kinerja:pk_list")
        if request.GET.get("format") == "xlsx" and not self.cetak:
            return self._xlsx(kwargs["tahun"])
        return super().get(request, *args, **kwargs)

    def _perjanjian(self, tahun: int, riwayat) -> PerjanjianKinerja:
        revisi = self.request.GET.get("revisi")
        if revisi is not None and revisi.isdigit():
            perjanjian = next((p for p in riwayat if p.revisi == int(revisi)), None)
            if perjanjian is None:
                raise Http404("Revisi tidak ditemukan.")
            return perjanjian
        return selectors.pk_berlaku(tahun=tahun)

    def _xlsx(self, tahun: int):
        """The targets of the PK shown, with the columns the target import reads back
        (``kinerja/impor.py``: ``kode_indikator``, ``target``, ``batas_atas``, ``tahun``)."""
        perjanjian = self._perjanjian(tahun, list(selectors.pk_riwayat(tahun=tahun)))
        unduhan_record(pengguna=self.request.user, ringkasan=f"Unduh Excel: target {perjanjian}")
        return xlsx_response(
            nama_berkas=f"target-pk-{tahun}-revisi-{perjanjian.revisi}",
            judul=f"Target {perjanjian}",
            kolom=["Kode indikator", "Uraian indikator", "Satuan", "Target", "Batas atas", "Tahun"],
            baris=[
                [
                    b.indikator.kode,
                    b.indikator.uraian,
                    b.indikator.get_satuan_display(),
                    b.target.normalize(),
                    b.target_atas.normalize() if b.target_atas is not None else None,
                    tahun,
                ]
                for b in selectors.pk_baris_list(perjanjian=perjanjian)
            ],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tahun = self.kwargs["tahun"]
        riwayat = list(selectors.pk_riwayat(tahun=tahun))
        perjanjian = self._perjanjian(tahun, riwayat)
        draft = next((p for p in riwayat if p.status == PerjanjianKinerja.Status.DRAFT), None)
        context.update(
            tahun=tahun,
            perjanjian=perjanjian,
            baris=selectors.pk_baris_list(perjanjian=perjanjian),
            riwayat=riwayat,
            draft=draft,
            aksi=services.pk_aksi_boleh(
                perjanjian=perjanjian, pengguna=self.request.user, ada_draft=draft is not None
            ),
            form_perubahan=PKPerubahanForm(),
            sumber_target=pk_sumber_target(perjanjian=perjanjian),
            renstra=selectors.renstra_untuk_tahun(tahun),
            beda={b.indikator.pk for b in selectors.pk_beda_renstra_list(tahun=tahun)}
            if perjanjian == selectors.pk_berlaku(tahun=tahun)
            else set(),
        )
        return context


class PKCetakView(PKDetailView):
    template_name = "kinerja/perjanjiankinerja_cetak.html"


class PKUbahView(IzinMixin, View):
    """Edit the header of a draft PK (signatories, place, date, reason)."""

    permission_required = "kinerja.change_perjanjiankinerja"
    template_name = "kinerja/perjanjiankinerja_form.html"

    def _obj(self):
        obj = get_object_or_404(PerjanjianKinerja, pk=self.kwargs["pk"])
        services.pastikan_perencana(self.request.user)
        return obj

    def get(self, request, pk):
        obj = self._obj()
        if obj.status != PerjanjianKinerja.Status.DRAFT:
            messages.info(request, f"{obj} sudah dibekukan; buat PK perubahan untuk mengubahnya.")
            return redirect("kinerja:pk_detail", tahun=obj.tahun)
        return render(
            request, self.template_name, {"form": PKHeaderForm(instance=obj), "perjanjian": obj}
        )

    def post(self, request, pk):
        obj = self._obj()
        form = PKHeaderForm(request.POST, instance=PerjanjianKinerja.objects.get(pk=obj.pk))
        if form.is_valid():
            with kesalahan_ke_form(form):
                services.pk_update(
                    perjanjian=obj,
                    pengguna=request.user,
                    **{k: form.cleaned_data[k] for k in form.fields},
                )
                messages.success(request, f"{obj} disimpan.")
                return redirect("kinerja:pk_detail", tahun=obj.tahun)
        return render(request, self.template_name, {"form": form, "perjanjian": obj}, status=400)


class PKBarisUbahView(IzinMixin, View):
    """htmx: GET the inline editor of a draft PK row, POST saves it and returns the row."""

    permission_required = "kinerja.change_pkbaris"

    def _obj(self):
        baris = get_object_or_404(
            PKBaris.objects.select_related("perjanjian", "indikator", "indikator__sasaran"),
            pk=self.kwargs["pk"],
        )
        services.pastikan_perencana(self.request.user)
        return baris

    def _render(self, request, baris, form=None, status=200):
        template = "kinerja/_pk_baris.html" if form is None else "kinerja/_pk_baris_form.html"
        return render(
            request,
            template,
            {
                "b": baris,
                "form": form,
                "perjanjian": baris.perjanjian,
                "aksi": services.pk_aksi_boleh(
                    perjanjian=baris.perjanjian, pengguna=request.user, ada_draft=True
                ),
            },
            status=status,
        )

    def get(self, request, pk):
        baris = self._obj()
        if request.GET.get("batal") or baris.perjanjian.status != PerjanjianKinerja.Status.DRAFT:
            return self._render(request, baris)
        return self._render(
            request,
            baris,
            PKBarisForm(
                initial={"target": baris.target.normalize(), "target_atas": baris.target_atas}
            ),
        )

    def post(self, request, pk):
        baris = self._obj()
        form = PKBarisForm(request.POST)
        if form.is_valid():
            with kesalahan_ke_form(form):
                baris = services.pk_baris_update(
                    baris=baris,
                    pengguna=request.user,
                    target=form.cleaned_data["target"],
                    target_atas=form.cleaned_data["target_atas"],
                )
                return self._render(request, baris)
        return self._render(request, baris, form, status=200 if request.htmx else 400)


class PKTandatanganiView(IzinMixin, View):
    permission_required = "kinerja.change_perjanjiankinerja"
    peran_diizinkan = PERAN_PIMPINAN
    http_method_names = ["post"]

    def post(self, request, pk):
        obj = get_object_or_404(PerjanjianKinerja, pk=pk)
        with kesalahan_ke_pesan(request):
            services.pk_sign(perjanjian=obj, pengguna=request.user)
            messages.success(request, f"{obj} dicatat sudah ditandatangani dan dibekukan.")
        return redirect("kinerja:pk_detail", tahun=obj.tahun)


class PKPerubahanView(IzinMixin, View):
    permission_required = "kinerja.add_perjanjiankinerja"
    http_method_names = ["post"]

    def post(self, request, pk):
        obj = get_object_or_404(PerjanjianKinerja, pk=pk)
        form = PKPerubahanForm(request.POST)
        alasan = form.data.get("alasan", "")
        with kesalahan_ke_pesan(request):
            baru = services.pk_perubahan_create(
                perjanjian=obj, pengguna=request.user, alasan=alasan
            )
            messages.success(request, f"Draft {baru} dibuat; ubah targetnya lalu tandatangani.")
            return redirect(
                f"{reverse('kinerja:pk_detail', kwargs={'tahun': obj.tahun})}?revisi={baru.revisi}"
            )
        return redirect("kinerja:pk_detail", tahun=obj.tahun)
