"""Realisasi of a budget document: list, entry and the atomic file import."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import FormView, ListView

from kpu_site.excel import xlsx_response
from kpu_site.formatting import angka
from kpu_site.formatting import bulan as nama_bulan
from kpu_site.formulir import LayananFormMixin
from kpu_site.halaman import HalamanMixin
from kpu_site.services import unduhan_record

from .. import forms, selectors, services
from ..impor import realisasi_impor, realisasi_impor_periksa
from ._dasar import BacaMixin, DokumenMixin, TulisMixin
from ._impor import ImporBerkasView

# --- realisasi -------------------------------------------------------------------------------


class RealisasiListView(BacaMixin, DokumenMixin, HalamanMixin, ListView):
    template_name = "anggaran/realisasi_list.html"
    paginate_by = 50
    context_object_name = "transaksi"

    def get_queryset(self):
        try:
            bulan = int(self.request.GET.get("bulan") or 0) or None
        except ValueError:
            bulan = None
        return selectors.realisasi_list(
            dokumen=self.get_dokumen(), q=self.request.GET.get("q", "").strip(), bulan=bulan
        )

    def get(self, request, *args, **kwargs):
        if request.GET.get("unduh") == "xlsx":
            dokumen = self.get_dokumen()
            unduhan_record(
                pengguna=request.user,
                ringkasan=f"Unduh Excel: Realisasi {dokumen}",
            )
            return xlsx_response(
                nama_berkas=f"realisasi-{dokumen.tahun}-{dokumen.jenis}",
                judul=f"Realisasi {dokumen}",
                kolom=[
                    "Tanggal",
                    "Nomor SP2D",
                    "Nomor SPM",
                    "Kode akun",
                    "Uraian",
                    "Nilai",
                    "Asal",
                ],
                baris=(
                    [
                        r.tanggal,
                        r.nomor_sp2d,
                        r.nomor_spm,
                        r.akun.kode_lengkap,
                        r.uraian,
                        r.nilai,
                        r.get_asal_display(),
                    ]
                    for r in self.get_queryset().iterator(chunk_size=2000)
                ),
                format_kolom={0: "tanggal", 5: "rupiah"},
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pilihan_bulan"] = [(b, nama_bulan(b)) for b in range(1, 13)]
        context["impor_terakhir"] = selectors.impor_list(dokumen=self.get_dokumen())[:5]
        return context


class RealisasiCreateView(TulisMixin, DokumenMixin, LayananFormMixin, FormView):
    permission_required = "anggaran.add_realisasi"
    template_name = "anggaran/realisasi_form.html"
    form_class = forms.RealisasiForm

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {
            "dokumen": self.get_dokumen(),
            "boleh_lampaui": self.request.user.has_perm("anggaran.setujui_pelampauan"),
        }

    def get_initial(self):
        akun = self.request.GET.get("akun")
        return {"akun": akun} if akun else {}

    def layanan(self, form):
        realisasi = services.realisasi_create(pengguna=self.request.user, **form.cleaned_data)
        messages.success(self.request, f"Realisasi SP2D {realisasi.nomor_sp2d} dicatat.")
        return redirect("anggaran:pos_detail", pk=realisasi.akun_id)


class RealisasiImporView(ImporBerkasView):
    permission_required = "anggaran.add_realisasi"
    template_name = "anggaran/realisasi_impor.html"
    fungsi_periksa = realisasi_impor_periksa
    fungsi_impor = realisasi_impor
    url_impor = "anggaran:realisasi_impor"
    jenis_impor = "realisasi"
    url_selesai = "anggaran:realisasi_list"

    def pesan_selesai(self, hasil) -> str:
        return (
            f"{angka(len(hasil.baris))} baris realisasi diimpor; "
            f"{angka(len(hasil.dilewati))} baris sudah ada dilewati."
        )
