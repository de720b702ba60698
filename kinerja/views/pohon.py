"""Performance-tree pages: the tree of a year (drawing, table, findings), its PDF on A3
landscape pages, and the forms of a node, an indikator and the targets of a year."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from kpu_site.akses import IzinMixin
from kpu_site.formulir import kesalahan_ke_form, kesalahan_ke_pesan
from kpu_site.pdf import html_ke_pdf_respons
from kpu_site.peran import Peran, peran_of
from kpu_site.tahun import tahun_pilihan
from sekretariat.models import UnitOrganisasi

from .. import selectors, selectors_pohon
from ..forms_pohon import IndikatorUnitForm, SasaranUnitForm, TargetTahunForm
from ..grafik_pohon import pohon_svg, pohon_svg_bagian
from ..model_pohon import IndikatorUnit, SasaranUnit
from ..services import boleh_kelola_perencanaan
from ..services import pohon as svc


def _boleh_menyusun(user) -> bool:
    """May ``user`` write some node (the add buttons): planners and every Kasubag."""
    return boleh_kelola_perencanaan(user) or peran_of(user) == Peran.KASUBAG


def pohon_konteks(tahun: int) -> dict:
    pohon = selectors_pohon.pohon_tahun(tahun=tahun)
    return {
        "tahun": tahun,
        "pohon": pohon,
        "baris": selectors_pohon.pohon_baris_list(pohon),
        "temuan": selectors_pohon.pohon_temuan(tahun=tahun, pohon=pohon),
    }


class PohonIndexView(IzinMixin, View):
    """The tree of the current year (or of the last year the Renstra covers)."""

    permission_required = "kinerja.view_sasaranunit"

    def get(self, request):
        tahun = timezone.localdate().year
        if selectors.renstra_untuk_tahun(tahun) is None:
            terakhir = selectors.renstra_list().order_by("-tahun_selesai").first()
            if terakhir is not None:
                tahun = terakhir.tahun_selesai
        return redirect("kinerja:pohon_tahun", tahun=tahun)


class PohonTahunView(IzinMixin, TemplateView):
    permission_required = "kinerja.view_sasaranunit"
    template_name = "kinerja/pohon/pohon_tahun.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tahun = self.kwargs["tahun"]
        context.update(pohon_konteks(tahun))
        context.update(
            svg=pohon_svg(context["pohon"]),
            daftar_tahun=tahun_pilihan(),
            target_terbuka=svc.target_terbuka(tahun),
            boleh_susun=_boleh_menyusun(self.request.user),
            boleh_unit=[
                u
                for u in UnitOrganisasi.objects.filter(jenis=UnitOrganisasi.Jenis.SUB_BAGIAN)
                if svc.boleh_tulis_pohon(self.request.user, u)
            ],
        )
        return context


def pohon_html(*, tahun: int) -> str:
    konteks = pohon_konteks(tahun)
    konteks["gambar"] = pohon_svg_bagian(konteks["pohon"])
    return render_to_string("kinerja/pdf/pohon_kinerja.html", konteks)


class PohonPdfView(IzinMixin, View):
    permission_required = "kinerja.view_sasaranunit"

    def get(self, request, tahun):
        if selectors.renstra_untuk_tahun(tahun) is None:
            raise Http404(f"Tidak ada Renstra yang mencakup tahun {tahun}.")
        return html_ke_pdf_respons(pohon_html(tahun=tahun), f"Pohon-Kinerja-{tahun}.pdf")


# --------------------------------------------------------------------------- forms


def _data_simpul(form) -> dict:
    return {k: form.cleaned_data.get(k) for k in SasaranUnitForm.Meta.fields}


class SimpulTambahView(IzinMixin, View):
    permission_required = "kinerja.add_sasaranunit"
    template_name = "kinerja/pohon/simpul_form.html"

    def _renstra(self, tahun):
        renstra = selectors.renstra_untuk_tahun(tahun)
        if renstra is None:
            raise Http404(f"Tidak ada Renstra yang mencakup tahun {tahun}.")
        if not _boleh_menyusun(self.request.user):
            raise PermissionDenied(
                "Pohon kinerja disusun oleh Kasubag, Sub Bagian Perencanaan, atau Sekretaris."
            )
        return renstra

    def _render(self, request, form, tahun, status=200):
        konteks = {"form": form, "tahun": tahun, "obj": None}
        return render(request, self.template_name, konteks, status=status)

    def get(self, request, tahun):
        renstra = self._renstra(tahun)
        awal = {"tahun_mulai": tahun, "tahun_selesai": renstra.tahun_selesai}
        for kunci in ("mendukung_sasaran", "mendukung_unit"):
            if request.GET.get(kunci, "").isdigit():
                awal[kunci] = request.GET[kunci]
        tingkat = request.GET.get("tingkat", "")
        awal["tingkat"] = tingkat if tingkat in SasaranUnit.Tingkat.values else "sub_bagian"
        if request.user.unit_id and peran_of(request.user) == Peran.KASUBAG:
            awal["unit"] = request.user.unit_id
        return self._render(request, SasaranUnitForm(initial=awal, renstra=renstra), tahun)

    def post(self, request, tahun):
        renstra = self._renstra(tahun)
        form = SasaranUnitForm(request.POST, renstra=renstra)
        if form.is_valid():
            with kesalahan_ke_form(form):
                obj = svc.sasaran_unit_simpan(
                    pengguna=request.user, renstra=renstra, **_data_simpul(form)
                )
                messages.success(request, f"{obj.kode} ditambahkan ke pohon kinerja.")
                return redirect("kinerja:pohon_tahun", tahun=tahun)
        return self._render(request, form, tahun, status=400)


class _SimpulMixin:
    def _simpul(self, pk) -> SasaranUnit:
        obj = get_object_or_404(SasaranUnit.objects.select_related("renstra", "unit"), pk=pk)
        svc._pastikan_penulis(self.request.user, obj.unit, obj.kode)
        return obj

    def _indikator(self, pk) -> IndikatorUnit:
        ind = get_object_or_404(IndikatorUnit, pk=pk)
        self._simpul(ind.sasaran_unit_id)
        return IndikatorUnit.objects.select_related("sasaran_unit__unit").get(pk=pk)

    def _tahun(self, obj) -> int:
        raw = self.request.GET.get("tahun", "")
        tahun = int(raw) if raw.isdigit() and len(raw) == 4 else obj.tahun_mulai
        return min(max(tahun, obj.tahun_mulai), obj.tahun_selesai)


class SimpulUbahView(_SimpulMixin, IzinMixin, View):
    permission_required = "kinerja.change_sasaranunit"
    template_name = "kinerja/pohon/simpul_form.html"

    def _render(self, request, form, obj, status=200):
        konteks = {"form": form, "tahun": self._tahun(obj), "obj": obj}
        return render(request, self.template_name, konteks, status=status)

    def get(self, request, pk):
        obj = self._simpul(pk)
        return self._render(request, SasaranUnitForm(instance=obj, renstra=obj.renstra), obj)

    def post(self, request, pk):
        obj = self._simpul(pk)
        form = SasaranUnitForm(request.POST, instance=obj, renstra=obj.renstra)
        if form.is_valid():
            with kesalahan_ke_form(form):
                svc.sasaran_unit_simpan(pengguna=request.user, obj=obj, **_data_simpul(form))
                messages.success(request, f"{obj.kode} disimpan.")
                return redirect("kinerja:pohon_tahun", tahun=self._tahun(obj))
        obj.refresh_from_db()
        return self._render(request, form, obj, status=400)


class IndikatorTambahView(_SimpulMixin, IzinMixin, View):
    permission_required = "kinerja.add_indikatorunit"
    template_name = "kinerja/pohon/indikator_form.html"

    def _render(self, request, form, simpul, status=200):
        konteks = {"form": form, "simpul": simpul, "tahun": self._tahun(simpul), "obj": None}
        return render(request, self.template_name, konteks, status=status)

    def get(self, request, pk):
        simpul = self._simpul(pk)
        return self._render(request, IndikatorUnitForm(initial={"presisi": 2}), simpul)

    def post(self, request, pk):
        simpul = self._simpul(pk)
        form = IndikatorUnitForm(request.POST)
        if form.is_valid():
            with kesalahan_ke_form(form):
                ind = svc.indikator_unit_simpan(
                    pengguna=request.user, sasaran_unit=simpul, **form.cleaned_data
                )
                messages.success(request, f"Indikator {ind.kode} ditambahkan pada {simpul.kode}.")
                return redirect("kinerja:pohon_tahun", tahun=self._tahun(simpul))
        return self._render(request, form, simpul, status=400)


class IndikatorUbahView(_SimpulMixin, IzinMixin, View):
    permission_required = "kinerja.change_indikatorunit"
    template_name = "kinerja/pohon/indikator_form.html"

    def _render(self, request, form, ind, status=200):
        simpul = ind.sasaran_unit
        konteks = {"form": form, "simpul": simpul, "tahun": self._tahun(simpul), "obj": ind}
        return render(request, self.template_name, konteks, status=status)

    def get(self, request, pk):
        ind = self._indikator(pk)
        return self._render(request, IndikatorUnitForm(instance=ind), ind)

    def post(self, request, pk):
        ind = self._indikator(pk)
        form = IndikatorUnitForm(request.POST, instance=ind)
        if form.is_valid():
            with kesalahan_ke_form(form):
                svc.indikator_unit_simpan(pengguna=request.user, obj=ind, **form.cleaned_data)
                messages.success(request, f"Indikator {ind.kode} disimpan.")
                return redirect("kinerja:pohon_tahun", tahun=self._tahun(ind.sasaran_unit))
        ind.refresh_from_db()
        return self._render(request, form, ind, status=400)


class TargetUbahView(_SimpulMixin, IzinMixin, View):
    """The targets of every indikator of a node for one year."""

    permission_required = "kinerja.change_targetindikatorunit"
    template_name = "kinerja/pohon/target_form.html"

    def _render(self, request, form, simpul, tahun, status=200):
        konteks = {"form": form, "simpul": simpul, "tahun": tahun}
        return render(request, self.template_name, konteks, status=status)

    def _indikator(self, simpul, tahun):
        return list(
            simpul.indikator.order_by("kode").prefetch_related(
                selectors_pohon._target_tahun(selectors_pohon.TargetIndikatorUnit, tahun)
            )
        )

    def get(self, request, pk, tahun):
        simpul = self._simpul(pk)
        indikator = self._indikator(simpul, tahun)
        awal = {}
        for ind in indikator:
            for t in ind.target_tahunan.all():
                awal[f"target_{ind.pk}"] = t.target
                awal[f"target_atas_{ind.pk}"] = t.target_atas
        form = TargetTahunForm(initial=awal, indikator=indikator, tahun=tahun)
        return self._render(request, form, simpul, tahun)

    def post(self, request, pk, tahun):
        simpul = self._simpul(pk)
        indikator = self._indikator(simpul, tahun)
        form = TargetTahunForm(request.POST, indikator=indikator, tahun=tahun)
        if form.is_valid():
            with kesalahan_ke_form(form):
                for ind in indikator:
                    nilai = form.cleaned_data.get(f"target_{ind.pk}")
                    if nilai in (None, ""):
                        continue  # an empty field leaves the target as it is
                    try:
                        svc.target_unit_simpan(
                            pengguna=request.user,
                            indikator=ind,
                            tahun=tahun,
                            target=nilai,
                            target_atas=form.cleaned_data.get(f"target_atas_{ind.pk}") or None,
                        )
                    except ValidationError as e:
                        raise ValidationError(
                            {
                                (f"{k}_{ind.pk}" if k in ("target", "target_atas") else k): v
                                for k, v in e.message_dict.items()
                            }
                        ) from None
                messages.success(request, f"Target {tahun} {simpul.kode} disimpan.")
                return redirect("kinerja:pohon_tahun", tahun=tahun)
        return self._render(request, form, simpul, tahun, status=400)


class SimpulHapusView(_SimpulMixin, IzinMixin, View):
    """Delete a node that supports nothing and has no indikator (the service says why not)."""

    permission_required = "kinerja.change_sasaranunit"  # the owning unit, as for edits

    def post(self, request, pk):
        obj = self._simpul(pk)
        tahun = self._tahun(obj)
        with kesalahan_ke_pesan(request):
            svc.sasaran_unit_hapus(pengguna=request.user, obj=obj)
            messages.success(request, f"{obj.kode} dihapus dari pohon kinerja.")
            return redirect("kinerja:pohon_tahun", tahun=tahun)
        return redirect("kinerja:pohon_simpul_ubah", pk=pk)


class IndikatorHapusView(_SimpulMixin, IzinMixin, View):
    """Delete an indikator without targets (the service says why not)."""

    permission_required = "kinerja.change_indikatorunit"

    def post(self, request, pk):
        ind = self._indikator(pk)
        tahun = self._tahun(ind.sasaran_unit)
        with kesalahan_ke_pesan(request):
            svc.indikator_unit_hapus(pengguna=request.user, obj=ind)
            messages.success(request, f"Indikator {ind.kode} dihapus dari {ind.sasaran_unit.kode}.")
            return redirect("kinerja:pohon_tahun", tahun=tahun)
        return redirect("kinerja:pohon_indikator_ubah", pk=pk)
