"""The Kasubag's verification of one IKPA entry (UP/TUP movement, SPM dispensation, contract,
invoice): a POST button on the list pages (``services_verifikasi.verifikasi_set``)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views import View

from kpu_site.akses import IzinMixin
from kpu_site.formulir import kesalahan_ke_pesan

from ..akses import boleh_verifikasi_output
from ..services_verifikasi import (
    JENIS_VERIFIKASI,
    dokumen_id_dari,
    nama_data,
    verifikasi_set,
)
from .output import _kembali

# The list page each kind of entry is shown on (its document's pk).
_HALAMAN = {
    "mutasi-up": "anggaran:mutasi_up_list",
    "dispensasi": "anggaran:dispensasi_list",
    "kontrak": "anggaran:kontrak_list",
    "tagihan": "anggaran:kontrak_list",
}


class VerifikasiView(IzinMixin, View):
    """``POST verifikasi=1`` marks the entry verified, ``verifikasi=0`` takes the mark back."""

    permission_required = "anggaran.verifikasi_output"
    http_method_names = ["post"]

    def has_permission(self) -> bool:
        return super().has_permission() and boleh_verifikasi_output(self.request.user)

    def post(self, request, jenis: str, pk: int):
        model = JENIS_VERIFIKASI.get(jenis)
        if model is None:
            raise Http404
        obj = get_object_or_404(model, pk=pk)
        verifikasi = request.POST.get("verifikasi", "1") != "0"
        with kesalahan_ke_pesan(request):
            verifikasi_set(pengguna=request.user, obj=obj, verifikasi=verifikasi)
            messages.success(
                request,
                f"{nama_data(obj)}: "
                + ("diverifikasi." if verifikasi else "verifikasi dibatalkan."),
            )
        return _kembali(request, reverse(_HALAMAN[jenis], args=[dokumen_id_dari(obj)]))
