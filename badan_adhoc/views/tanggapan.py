"""Public comments on applicants: the public form (no login) and the staff's follow-up."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from kpu_site.batas_laju import BatasLajuMixin
from kpu_site.berkas import berkas_response
from kpu_site.formulir import kesalahan_ke_form
from kpu_site.klien import alamat_klien
from kpu_site.services import unduhan_record
from sekretariat.selectors import satker_get

from .. import selectors
from ..forms_tanggapan import TanggapanPublikForm, TindakLanjutForm
from ..model_tanggapan import TanggapanMasyarakat
from ..models import Rekrutmen
from ..services import tanggapan as layanan
from .pendaftar import AksiView
from .rekrutmen import KelolaMixin

__all__ = ["TanggapanLampiranView", "TanggapanPublikView", "TanggapanTindakLanjutView"]


class TanggapanPublikView(BatasLajuMixin, View):
    """``/publik/rekrutmen/<id>/tanggapan/``: the comment form of one recruitment, open during
    its "tanggapan" stage; never shows any stored comment. A refused form is shown again with
    what was typed (but the file) and a new confirmation code."""

    template_name = "badan_adhoc/publik/tanggapan_form.html"
    batas_laju_nama = "publik_tanggapan"

    def dispatch(self, request, *args, **kwargs):
        self.rekrutmen = get_object_or_404(Rekrutmen, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def _form(self, data=None, files=None):
        return TanggapanPublikForm(
            data,
            files,
            wilayah_qs=selectors.wilayah_tujuan_qs(self.rekrutmen).order_by("kode"),
        )

    def _tampil(self, form, *, status=200, terkirim=False):
        tantangan = layanan.tanggapan_tantangan_buat(self.rekrutmen)
        if form.is_bound:
            form.data = form.data.copy()
            form.data["tantangan"], form.data["kode"], form.data["nonce"] = (
                tantangan["tantangan"],
                "",
                "",
            )
        else:
            form.initial["tantangan"] = tantangan["tantangan"]
        context = {
            "rekrutmen": self.rekrutmen,
            "tahap": layanan.tanggapan_jendela(self.rekrutmen),
            "form": form,
            "konfirmasi": tantangan,
            "terkirim": terkirim,
            "satker": satker_get(),
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, pk):
        return self._tampil(self._form(), terkirim=request.GET.get("terkirim") == "1")

    def post(self, request, pk):
        form = self._form(request.POST, request.FILES)
        if form.is_valid():
            d = form.cleaned_data
            with kesalahan_ke_form(form):
                layanan.tanggapan_kirim(
                    rekrutmen=self.rekrutmen,
                    data=d,
                    lampiran=d.get("lampiran"),
                    alamat=alamat_klien(request),
                    tantangan=d.get("tantangan", ""),
                    nonce=d.get("nonce", ""),
                    kode=d.get("kode", ""),
                )
        if form.is_valid():
            return redirect(f"{request.path}?terkirim=1")
        return self._tampil(form, status=400)


class TanggapanTindakLanjutView(AksiView):
    """Staff record the clarification and the outcome of one comment (back to the applicant)."""

    model = TanggapanMasyarakat
    form_class = TindakLanjutForm

    def formulir(self, tanggapan):
        return f"tanggapan-{tanggapan.pk}"

    def aksi(self, tanggapan, data):
        layanan.tanggapan_tindak_lanjut(tanggapan=tanggapan, **data, pengguna=self.request.user)
        messages.success(self.request, "Tindak lanjut tanggapan disimpan.")

    def kembali(self, tanggapan):
        return redirect("badan_adhoc:pendaftar_detail", pk=tanggapan.pendaftar_id)


class TanggapanLampiranView(KelolaMixin, View):
    """A comment's attachment: staff of the recruitment only (it may carry personal data);
    served like every stored upload (``berkas_response``: type from the checked content,
    sandboxed)."""

    def get(self, request, pk):
        obj = get_object_or_404(TanggapanMasyarakat, pk=pk)
        if not obj.lampiran:
            raise Http404
        # a file missing from the storage: 404 before any audit entry
        response = berkas_response(obj.lampiran, jenis=obj.lampiran_jenis, nama=obj.lampiran_nama)
        unduhan_record(pengguna=request.user, objek=obj, ringkasan=f"Unduh lampiran {obj}")
        return response
