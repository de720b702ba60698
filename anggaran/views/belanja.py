"""The contracts and invoices of a budget document (list with each invoice's working days and
on-time status, entry, change, delete, import, Excel).

Reading: every role (``BacaMixin``). Writing: Sekretaris/Admin and Staf/Kasubag Keuangan; a
delete is a change (``change_*``, as for the UP/TUP register), and the services check the unit
and the locks again.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import FormView, TemplateView

from kpu_site.excel import xlsx_response
from kpu_site.formatting import angka
from kpu_site.formulir import LayananFormMixin, kesalahan_ke_pesan
from kpu_site.services import unduhan_record

from .. import services_belanja
from ..forms_belanja import ImporKontrakForm, ImporTagihanForm, KontrakForm, TagihanForm
from ..impor_belanja import (
    kontrak_impor,
    kontrak_impor_periksa,
    tagihan_impor,
    tagihan_impor_periksa,
)
from ..models import Kontrak, Tagihan
from ..selectors.belanja import kontrak_get, kontrak_list, tagihan_get
from ._dasar import BacaMixin, DokumenMixin, TulisMixin
from ._impor import ImporBerkasView
from .up import _HapusView


def _rupiah_isian(nilai) -> str:
    """An amount as the form shows it again (``148.500.000`` or ``1.500,50``)."""
    return angka(nilai, 0 if nilai == nilai.to_integral_value() else 2)


class KontrakListView(BacaMixin, DokumenMixin, TemplateView):
    """Contracts in signing order, each with its invoices (working days BAST→SPM, deadline,
    on time or not: ``selectors.belanja.kontrak_list``, constant queries) and the sums."""

    template_name = "anggaran/belanja/kontrak_list.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("unduh") == "xlsx":
            return self._unduh()
        return super().get(request, *args, **kwargs)

    def _unduh(self):
        dokumen = self.get_dokumen()
        unduhan_record(
            pengguna=self.request.user, ringkasan=f"Unduh Excel: Kontrak dan tagihan {dokumen}"
        )
        daftar = kontrak_list(dokumen=dokumen)

        def baris():
            # the contract's end and KPPN registration dates close each row (the contract
            # import needs them: the download goes back into it unchanged)
            for k in daftar.kontrak:
                akhir = [k.kontrak.tanggal_selesai, k.kontrak.tanggal_daftar]
                kontrak = [
                    k.kontrak.nomor,
                    k.kontrak.tanggal,
                    k.kontrak.akun.kode_lengkap,
                    k.kontrak.penyedia,
                    k.kontrak.uraian,
                    k.kontrak.nilai,
                    k.kontrak.verifikator,
                ]
                if not k.tagihan:
                    yield [*kontrak, "", None, None, None, None, None, None, "", "", *akhir]
                for t in k.tagihan:
                    yield [
                        *kontrak,
                        t.tagihan.nomor,
                        t.tagihan.tanggal_bast,
                        t.tagihan.tanggal_spm,
                        t.tagihan.tanggal_sp2d,
                        t.tagihan.nilai,
                        t.hari_kerja,
                        t.batas_spm,
                        str(t.keadaan.label),
                        t.tagihan.verifikator,
                        *akhir,
                    ]

        return xlsx_response(
            nama_berkas=f"kontrak-tagihan-{dokumen.tahun}",
            judul=f"Kontrak dan tagihan {dokumen}",
            kolom=[
                "Nomor kontrak",
                "Tanggal tanda tangan",
                "Akun",
                "Penyedia",
                "Uraian",
                "Nilai kontrak",
                "Kontrak diverifikasi oleh",
                "Nomor tagihan",
                "Tanggal BAST",
                "Tanggal SPM",
                "Tanggal SP2D",
                "Nilai tagihan",
                "Hari kerja BAST–SPM",
                "Batas SPM",
                "Status",
                "Tagihan diverifikasi oleh",
                "Tanggal selesai",
                "Tanggal daftar",
            ],
            baris=baris(),
            format_kolom={
                1: "tanggal",
                5: "rupiah",
                8: "tanggal",
                9: "tanggal",
                10: "tanggal",
                11: "rupiah",
                12: "angka",
                13: "tanggal",
                16: "tanggal",
                17: "tanggal",
            },
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        dokumen = self.get_dokumen()
        context["daftar"] = kontrak_list(dokumen=dokumen)
        context["tulis"] = context["boleh_tulis"] and dokumen.dapat_diubah
        return context


# --- contracts ----------------------------------------------------------------------------------


class _KontrakMixin:
    model = Kontrak

    def get_kontrak(self) -> Kontrak:
        if not hasattr(self, "_kontrak"):
            self._kontrak = kontrak_get(pk=self.kwargs["pk"])
        return self._kontrak

    def get_dokumen(self):
        return self.get_kontrak().dokumen


class KontrakCreateView(TulisMixin, DokumenMixin, LayananFormMixin, FormView):
    permission_required = "anggaran.add_kontrak"
    template_name = "anggaran/belanja/kontrak_form.html"
    form_class = KontrakForm

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"dokumen": self.get_dokumen()}

    def layanan(self, form):
        kontrak = services_belanja.kontrak_create(
            pengguna=self.request.user, dokumen=self.get_dokumen(), **form.cleaned_data
        )
        messages.success(self.request, f"Kontrak {kontrak.nomor} dicatat.")
        return redirect("anggaran:kontrak_list", pk=kontrak.dokumen_id)


class KontrakUpdateView(TulisMixin, _KontrakMixin, DokumenMixin, LayananFormMixin, FormView):
    permission_required = "anggaran.change_kontrak"
    template_name = "anggaran/belanja/kontrak_form.html"
    form_class = KontrakForm

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"dokumen": self.get_dokumen()}

    def get_initial(self):
        k = self.get_kontrak()
        return {
            "nomor": k.nomor,
            "akun": k.akun_id,
            "tanggal": k.tanggal,
            "tanggal_daftar": k.tanggal_daftar,
            "tanggal_selesai": k.tanggal_selesai,
            "penyedia": k.penyedia,
            "uraian": k.uraian,
            "nilai": _rupiah_isian(k.nilai),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"kontrak": self.get_kontrak()}

    def layanan(self, form):
        kontrak = services_belanja.kontrak_update(
            pengguna=self.request.user, kontrak=self.get_kontrak(), **form.cleaned_data
        )
        messages.success(self.request, f"Kontrak {kontrak.nomor} disimpan.")
        return redirect("anggaran:kontrak_list", pk=kontrak.dokumen_id)


class KontrakDeleteView(_HapusView):
    permission_required = "anggaran.change_kontrak"
    url_daftar = "anggaran:kontrak_list"

    def ambil(self, pk):
        return kontrak_get(pk=pk)

    def hapus(self, obj) -> str:
        services_belanja.kontrak_delete(pengguna=self.request.user, kontrak=obj)
        return f"Kontrak {obj.nomor} dihapus."


# --- invoices -----------------------------------------------------------------------------------


class TagihanCreateView(TulisMixin, _KontrakMixin, DokumenMixin, LayananFormMixin, FormView):
    """A new invoice of the contract ``pk``."""

    permission_required = "anggaran.add_tagihan"
    template_name = "anggaran/belanja/tagihan_form.html"
    form_class = TagihanForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"kontrak": self.get_kontrak()}

    def layanan(self, form):
        tagihan = services_belanja.tagihan_create(
            pengguna=self.request.user, kontrak=self.get_kontrak(), **form.cleaned_data
        )
        messages.success(
            self.request, f"Tagihan {tagihan.nomor} (kontrak {tagihan.kontrak.nomor}) dicatat."
        )
        return redirect("anggaran:kontrak_list", pk=self.get_dokumen().pk)


class _TagihanMixin:
    model = Tagihan

    def get_tagihan(self) -> Tagihan:
        if not hasattr(self, "_tagihan"):
            self._tagihan = tagihan_get(pk=self.kwargs["pk"])
        return self._tagihan

    def get_dokumen(self):
        return self.get_tagihan().kontrak.dokumen


class TagihanUpdateView(TulisMixin, _TagihanMixin, DokumenMixin, LayananFormMixin, FormView):
    permission_required = "anggaran.change_tagihan"
    template_name = "anggaran/belanja/tagihan_form.html"
    form_class = TagihanForm

    def get_initial(self):
        t = self.get_tagihan()
        return {
            "nomor": t.nomor,
            "tanggal_bast": t.tanggal_bast,
            "tanggal_spm": t.tanggal_spm,
            "tanggal_sp2d": t.tanggal_sp2d,
            "nilai": _rupiah_isian(t.nilai),
        }

    def get_context_data(self, **kwargs):
        t = self.get_tagihan()
        return super().get_context_data(**kwargs) | {"tagihan": t, "kontrak": t.kontrak}

    def layanan(self, form):
        tagihan = services_belanja.tagihan_update(
            pengguna=self.request.user, tagihan=self.get_tagihan(), **form.cleaned_data
        )
        messages.success(self.request, f"Tagihan {tagihan.nomor} disimpan.")
        return redirect("anggaran:kontrak_list", pk=self.get_dokumen().pk)


class TagihanDeleteView(_HapusView):
    permission_required = "anggaran.change_tagihan"
    url_daftar = "anggaran:kontrak_list"

    def ambil(self, pk):
        return tagihan_get(pk=pk)

    def hapus(self, obj) -> str:
        services_belanja.tagihan_delete(pengguna=self.request.user, tagihan=obj)
        return f"Tagihan {obj.nomor} (kontrak {obj.kontrak.nomor}) dihapus."

    def post(self, request, pk):
        obj = self.ambil(pk)
        with kesalahan_ke_pesan(request):
            messages.success(request, self.hapus(obj))
        return redirect(self.url_daftar, pk=obj.kontrak.dokumen_id)


# --- imports ------------------------------------------------------------------------------------


class KontrakImporView(ImporBerkasView):
    permission_required = "anggaran.add_kontrak"
    template_name = "anggaran/belanja/impor.html"
    form_class = ImporKontrakForm
    fungsi_periksa = kontrak_impor_periksa
    fungsi_impor = kontrak_impor
    url_impor = "anggaran:kontrak_impor"
    jenis_impor = "kontrak"
    url_selesai = "anggaran:kontrak_list"

    def pesan_selesai(self, hasil) -> str:
        return (
            f"{angka(len(hasil.baris))} kontrak diimpor; "
            f"{angka(len(hasil.dilewati))} baris sudah ada dilewati."
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"judul": "Impor kontrak", "jenis": "kontrak"}


class TagihanImporView(ImporBerkasView):
    permission_required = "anggaran.add_tagihan"
    template_name = "anggaran/belanja/impor.html"
    form_class = ImporTagihanForm
    fungsi_periksa = tagihan_impor_periksa
    fungsi_impor = tagihan_impor
    url_impor = "anggaran:tagihan_impor"
    jenis_impor = "tagihan"
    url_selesai = "anggaran:kontrak_list"

    def pesan_selesai(self, hasil) -> str:
        return (
            f"{angka(len(hasil.baris))} tagihan diimpor; "
            f"{angka(len(hasil.dilewati))} baris sudah ada dilewati."
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"judul": "Impor tagihan", "jenis": "tagihan"}
