"""The number pattern and the signatory of each numbered document type (issue 19 item 2): a
list and an edit form for the staff of the recruitment (Sekretaris, Admin, Sub Bagian Teknis),
written through ``penomoran.pola_simpan`` (refused, on the field, for a pattern without
``{urut}`` or with an unknown field; audited)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import FormView, TemplateView

from kpu_site.formulir import LayananFormMixin

from ..dokumen.model_nomor import ISIAN_POLA, JenisNomor, Penandatangan
from ..dokumen.penomoran import pola_get, pola_list, pola_simpan
from .rekrutmen import KelolaMixin

__all__ = ["PolaNomorListView", "PolaNomorUbahView"]


class PolaNomorForm(forms.Form):
    pola = forms.CharField(label="Pola nomor", max_length=120)
    penandatangan = forms.ChoiceField(label="Penandatangan", choices=Penandatangan.choices)


class PolaNomorListView(KelolaMixin, TemplateView):
    template_name = "badan_adhoc/pola_nomor_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {
            "pola_list": pola_list(),
            "isian": [f"{{{f}}}" for f in ISIAN_POLA],
        }


class PolaNomorUbahView(KelolaMixin, LayananFormMixin, FormView):
    form_class = PolaNomorForm
    template_name = "badan_adhoc/pola_nomor_form.html"

    def dispatch(self, request, *args, **kwargs):
        if kwargs["jenis"] not in JenisNomor.values:
            raise Http404("Jenis dokumen bernomor tidak dikenal.")
        self.jenis = kwargs["jenis"]
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        pola = pola_get(self.jenis)
        return {"pola": pola.pola, "penandatangan": pola.penandatangan}

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {
            "jenis_label": JenisNomor(self.jenis).label,
            "isian": [f"{{{f}}}" for f in ISIAN_POLA],
        }

    def layanan(self, form):
        obj = pola_simpan(jenis_nomor=self.jenis, **form.cleaned_data, pengguna=self.request.user)
        messages.success(self.request, f"Pola nomor {obj.get_jenis_nomor_display()} disimpan.")
        return redirect("badan_adhoc:pola_nomor_list")
