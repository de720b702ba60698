"""The applicant's file: recording the document checklist of one applicant (staff of the
recruitment); the page that shows it is the applicant's page."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import TemplateView

from kpu_site.batas import id_param
from kpu_site.formulir import kelas_bootstrap, kesalahan_ke_form, kesalahan_ke_pesan

from ..akses import boleh_kelola
from ..model_berkas import ItemBerkas
from ..models import Pendaftar
from ..selectors.berkas import item_berkas_kelola_list, item_berkas_list
from ..services.berkas import berkas_status_set, item_berkas_hapus, item_berkas_simpan
from .rekrutmen import BacaMixin, KelolaMixin, _RekrutmenMixin

__all__ = ["ItemBerkasView", "PendaftarBerkasView"]


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


class ItemBerkasForm(forms.Form):
    kode = forms.CharField(
        label="Kode",
        max_length=30,
        help_text="Huruf kecil, angka, garis bawah; juga nama kolomnya pada berkas impor.",
    )
    nama = forms.CharField(label="Nama dokumen", max_length=150)
    wajib = forms.BooleanField(label="Wajib", required=False)
    urutan = forms.IntegerField(label="Urutan", min_value=0, max_value=32767)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


def _awal(item: ItemBerkas) -> dict:
    return {"kode": item.kode, "nama": item.nama, "wajib": item.wajib, "urutan": item.urutan}


class ItemBerkasView(_RekrutmenMixin, BacaMixin, TemplateView):
    """The checklist of a recruitment: a list for everyone who may see the recruitment; for
    its staff an edit form and a delete button per item and an add form. POST ``item`` (empty:
    a new item) with the fields prefixed ``item-<id>`` / ``baru``, or ``hapus`` = the item's id.
    A refused form comes back with what was typed and the message on its field."""

    template_name = "badan_adhoc/item_berkas_list.html"

    def get_context_data(self, form_salah=None, item_salah=None, **kwargs):
        items = item_berkas_kelola_list(self.rekrutmen)
        kelola = boleh_kelola(self.request.user)
        if kelola:
            for i in items:
                i.form = (
                    form_salah
                    if item_salah == i.pk
                    else ItemBerkasForm(initial=_awal(i), prefix=f"item-{i.pk}")
                )
        baru = form_salah if form_salah is not None and item_salah is None else None
        urutan = max((i.urutan for i in items), default=0) + 1
        return super().get_context_data(**kwargs) | {
            "items": items,
            "item_salah": item_salah,
            "form_baru": baru
            or ItemBerkasForm(initial={"wajib": True, "urutan": urutan}, prefix="baru"),
        }

    def _item(self, raw) -> ItemBerkas:
        return get_object_or_404(ItemBerkas, pk=id_param(raw) or 0, rekrutmen=self.rekrutmen)

    def post(self, request, pk):
        if not boleh_kelola(request.user):
            raise PermissionDenied
        if "hapus" in request.POST:
            item = self._item(request.POST["hapus"])
            with kesalahan_ke_pesan(request):
                item_berkas_hapus(item=item, pengguna=request.user)
                messages.success(request, f"Dokumen {item.nama} dihapus dari daftar.")
            return redirect("badan_adhoc:item_berkas", pk=pk)
        item = self._item(request.POST["item"]) if request.POST.get("item") else None
        form = ItemBerkasForm(request.POST, prefix=f"item-{item.pk}" if item else "baru")
        if form.is_valid():
            with kesalahan_ke_form(form):
                obj = item_berkas_simpan(
                    rekrutmen=self.rekrutmen, item=item, **form.cleaned_data, pengguna=request.user
                )
        if form.is_valid():
            messages.success(request, f"Dokumen {obj.nama} disimpan.")
            return redirect("badan_adhoc:item_berkas", pk=pk)
        return self.render_to_response(
            self.get_context_data(form_salah=form, item_salah=item.pk if item else None)
        )
