"""The IKPA page of a year: each indicator's value, weight and contribution for a month, the
trend over the year and what to do to raise the weakest; Excel download; the year's
parameters (weights and targets) for Keuangan to keep."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views import View
from django.views.generic import FormView, TemplateView

from kpu_site.excel import xlsx_response
from kpu_site.formatting import bulan as nama_bulan
from kpu_site.formulir import LayananFormMixin
from kpu_site.services import unduhan_record
from kpu_site.tahun import tahun_aktif, tahun_kosong

from .. import grafik, services
from ..forms import ParameterIkpaForm
from ..selectors import ikpa as ikpa_sel
from ._dasar import BacaMixin, TulisMixin


class IkpaTerbaruView(BacaMixin, View):
    """``/anggaran/ikpa/`` → the IKPA of the working year."""

    def get(self, request):
        return redirect(reverse("anggaran:ikpa", kwargs={"tahun": tahun_aktif(request)}))


def _baris_excel(ikpa) -> list[list]:
    baris = []
    for b in ikpa.bulan:
        for i in b.indikator:
            baris.append(
                [nama_bulan(b.bulan), i.nama, i.nilai, i.bobot, i.bobot_efektif, i.kontribusi]
            )
        baris.append(
            [nama_bulan(b.bulan), "Pengurang dispensasi SPM", b.pengurang, None, None, None]
        )
        baris.append([nama_bulan(b.bulan), "Nilai IKPA", b.total, None, None, None])
    return baris


class IkpaView(BacaMixin, TemplateView):
    """The IKPA of the year's DIPA, month ``?bulan=`` (default: the last month over)."""

    template_name = "anggaran/ikpa.html"

    def _ikpa(self):
        if not hasattr(self, "_hasil"):
            self._hasil = ikpa_sel.ikpa_tahun(tahun=self.kwargs["tahun"])
        return self._hasil

    def get(self, request, *args, **kwargs):
        if request.GET.get("unduh") == "xlsx":
            ikpa = self._ikpa()
            if ikpa is None:
                return redirect("anggaran:ikpa", tahun=self.kwargs["tahun"])
            unduhan_record(pengguna=request.user, ringkasan=f"Unduh Excel: IKPA {ikpa.tahun}")
            return xlsx_response(
                nama_berkas=f"ikpa-{ikpa.tahun}",
                judul=f"IKPA {ikpa.dokumen.nomor} per bulan",
                kolom=["Bulan", "Indikator", "Nilai", "Bobot %", "Bobot efektif %", "Kontribusi"],
                baris=_baris_excel(ikpa),
                format_kolom={2: "persen", 3: "persen", 4: "persen", 5: "persen"},
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tahun = self.kwargs["tahun"]
        ikpa = self._ikpa()
        context["tahun"] = tahun
        context["ikpa"] = ikpa
        if ikpa is None:
            context["tahun_kosong"] = tahun_kosong(self.request, tahun, app="anggaran")
            return context
        raw = self.request.GET.get("bulan", "")
        pilih = ikpa.pada(int(raw)) if raw.isdigit() else ikpa.terkini
        context.update(
            pilih=pilih,
            dokumen=ikpa.dokumen,
            grafik_tren=grafik.grafik_ikpa(ikpa, judul=f"Nilai IKPA {tahun} per bulan"),
            tren=[(i_kode, i_nama) for i_kode, i_nama, _b in ikpa_sel.INDIKATOR],
        )
        return context


class ParameterIkpaView(TulisMixin, LayananFormMixin, FormView):
    """The year's weights, absorption targets and deviation method (Keuangan, Sekretaris)."""

    permission_required = "anggaran.change_parameterikpa"
    template_name = "anggaran/ikpa_parameter.html"
    form_class = ParameterIkpaForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = ikpa_sel.parameter_ikpa_get(tahun=self.kwargs["tahun"])
        kwargs["tahun"] = self.kwargs["tahun"]
        return kwargs

    def layanan(self, form):
        services.parameter_ikpa_simpan(
            pengguna=self.request.user, tahun=self.kwargs["tahun"], **form.data_bersih()
        )
        messages.success(self.request, f"Parameter IKPA {self.kwargs['tahun']} disimpan.")
        return redirect("anggaran:ikpa", tahun=self.kwargs["tahun"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tahun"] = self.kwargs["tahun"]
        return context
