"""The UP/TUP register and the SPM dispensations of a budget document (list, entry, change,
delete, import), and the revision's IKPA flag.

Reading: every role (``BacaMixin``). Writing: Sekretaris/Admin and Staf/Kasubag Keuangan; a
delete is a change of the register (``change_*``: a Kasubag/Staf holds no delete permission, as
for the kinerja evidence), and the services check the unit and the locks again.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import FormView, TemplateView

from kpu_site.akses import IzinMixin
from kpu_site.excel import xlsx_response
from kpu_site.formatting import angka
from kpu_site.formulir import LayananFormMixin, kesalahan_ke_pesan
from kpu_site.services import unduhan_record

from .. import services, services_up
from ..akses import TulisAnggaranMixin
from ..forms_up import (
    DispensasiForm,
    ImporDispensasiForm,
    ImporUpForm,
    MutasiUpForm,
    RevisiIkpaForm,
)
from ..impor_up import (
    dispensasi_impor,
    dispensasi_impor_periksa,
    mutasi_up_impor,
    mutasi_up_impor_periksa,
)
from ..models import DispensasiSpm, MutasiUp, Revisi
from ..selectors.up import (
    KeadaanTup,
    dispensasi_get,
    dispensasi_list,
    jenis_singkat,
    jumlah_spm_compute,
    mutasi_up_get,
    mutasi_up_peringatan,
    register_up,
)
from ._dasar import BacaMixin, DokumenMixin, TulisMixin
from ._impor import ImporBerkasView

# --- the UP/TUP register ------------------------------------------------------------------------


class MutasiUpListView(BacaMixin, DokumenMixin, TemplateView):
    """Movements in date order with the running balances, the TUP table and the GUP against
    the UP (``selectors.up.register_up``, one query)."""

    template_name = "anggaran/up/mutasiup_list.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("unduh") == "xlsx":
            return self._unduh()
        return super().get(request, *args, **kwargs)

    def _unduh(self):
        dokumen = self.get_dokumen()
        unduhan_record(
            pengguna=self.request.user, ringkasan=f"Unduh Excel: Register UP/TUP {dokumen}"
        )
        return xlsx_response(
            nama_berkas=f"register-up-tup-{dokumen.tahun}",
            judul=f"Register UP/TUP {dokumen}",
            kolom=[
                "Tanggal",
                "Jenis",
                "Nomor",
                "TUP",
                "Nilai",
                "Saldo UP",
                "Saldo TUP ini",
                "TUP belum dipertanggungjawabkan",
                "Terlambat",
                "Keterangan",
                "Diverifikasi oleh",
            ],
            baris=(
                [
                    b.mutasi.tanggal,
                    jenis_singkat(b.mutasi.jenis),
                    b.mutasi.nomor,
                    b.mutasi.tup.nomor if b.mutasi.tup_id else "",
                    b.mutasi.nilai,
                    b.saldo_up,
                    b.saldo_tup,
                    b.tup_terbuka,
                    "ya" if b.terlambat else "",
                    b.mutasi.keterangan,
                    b.mutasi.verifikator,
                ]
                for b in register_up(dokumen=dokumen).baris
            ),
            format_kolom={0: "tanggal", 4: "rupiah", 5: "rupiah", 6: "rupiah", 7: "rupiah"},
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["register"] = register_up(dokumen=self.get_dokumen())
        context["terlambat"] = KeadaanTup.TERLAMBAT
        return context


class _MutasiMixin:
    """Views under ``up/<pk>/`` of one movement (its document for the page's header)."""

    model = MutasiUp

    def get_mutasi(self) -> MutasiUp:
        if not hasattr(self, "_mutasi"):
            self._mutasi = mutasi_up_get(pk=self.kwargs["pk"])
        return self._mutasi

    def get_dokumen(self):
        return self.get_mutasi().dokumen


def _peringatan_tampil(request, form, mutasi: MutasiUp) -> None:
    """The warnings of an accepted movement (a late PTUP/return), each naming its field."""
    for field, pesan in mutasi_up_peringatan(mutasi=mutasi).items():
        messages.warning(request, f"{form.fields[field].label}: {pesan}")


class MutasiUpCreateView(TulisMixin, DokumenMixin, LayananFormMixin, FormView):
    permission_required = "anggaran.add_mutasiup"
    template_name = "anggaran/up/mutasiup_form.html"
    form_class = MutasiUpForm

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"dokumen": self.get_dokumen()}

    def get_initial(self):
        jenis, tup = self.request.GET.get("jenis"), self.request.GET.get("tup")
        return {k: v for k, v in (("jenis", jenis), ("tup", tup)) if v}

    def layanan(self, form):
        mutasi = services_up.mutasi_up_create(
            pengguna=self.request.user, dokumen=self.get_dokumen(), **form.cleaned_data
        )
        messages.success(
            self.request, f"{jenis_singkat(mutasi.jenis)} {mutasi.nomor} dicatat di register."
        )
        _peringatan_tampil(self.request, form, mutasi)
        return redirect("anggaran:mutasi_up_list", pk=mutasi.dokumen_id)


class MutasiUpUpdateView(TulisMixin, _MutasiMixin, DokumenMixin, LayananFormMixin, FormView):
    permission_required = "anggaran.change_mutasiup"
    template_name = "anggaran/up/mutasiup_form.html"
    form_class = MutasiUpForm

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {
            "dokumen": self.get_dokumen(),
            "mutasi": self.get_mutasi(),
        }

    def get_initial(self):
        m = self.get_mutasi()
        return {
            "jenis": m.jenis,
            "nomor": m.nomor,
            "tanggal": m.tanggal,
            "nilai": angka(m.nilai, 0 if m.nilai == m.nilai.to_integral_value() else 2),
            "tup": m.tup_id,
            "batas_waktu": m.batas_waktu,
            "keterangan": m.keterangan,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"mutasi": self.get_mutasi()}

    def layanan(self, form):
        mutasi = services_up.mutasi_up_update(
            pengguna=self.request.user, mutasi=self.get_mutasi(), **form.cleaned_data
        )
        messages.success(self.request, f"{jenis_singkat(mutasi.jenis)} {mutasi.nomor} disimpan.")
        _peringatan_tampil(self.request, form, mutasi)
        return redirect("anggaran:mutasi_up_list", pk=mutasi.dokumen_id)


class _HapusView(TulisAnggaranMixin, IzinMixin, View):
    """POST: delete one record through its service; a refusal is a message on the list."""

    http_method_names = ["post"]
    url_daftar = ""

    def ambil(self, pk):
        raise NotImplementedError

    def hapus(self, obj) -> str:
        raise NotImplementedError

    def post(self, request, pk):
        obj = self.ambil(pk)
        with kesalahan_ke_pesan(request):
            messages.success(request, self.hapus(obj))
        return redirect(self.url_daftar, pk=obj.dokumen_id)


class MutasiUpDeleteView(_HapusView):
    permission_required = "anggaran.change_mutasiup"
    url_daftar = "anggaran:mutasi_up_list"

    def ambil(self, pk):
        return mutasi_up_get(pk=pk)

    def hapus(self, obj) -> str:
        services_up.mutasi_up_delete(pengguna=self.request.user, mutasi=obj)
        return f"{jenis_singkat(obj.jenis)} {obj.nomor} dihapus dari register."


class MutasiUpImporView(ImporBerkasView):
    permission_required = "anggaran.add_mutasiup"
    template_name = "anggaran/up/impor.html"
    form_class = ImporUpForm
    fungsi_periksa = mutasi_up_impor_periksa
    fungsi_impor = mutasi_up_impor
    url_impor = "anggaran:mutasi_up_impor"
    jenis_impor = "mutasi_up"
    url_selesai = "anggaran:mutasi_up_list"
    judul = "Impor register UP/TUP"

    def pesan_selesai(self, hasil) -> str:
        return (
            f"{angka(len(hasil.baris))} baris UP/TUP diimpor; "
            f"{angka(len(hasil.dilewati))} baris sudah ada dilewati."
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"judul": self.judul, "tab": "up"}


# --- SPM dispensations ------------------------------------------------------------------------


class DispensasiListView(BacaMixin, DokumenMixin, TemplateView):
    template_name = "anggaran/up/dispensasi_list.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("unduh") == "xlsx":
            dokumen = self.get_dokumen()
            unduhan_record(
                pengguna=request.user, ringkasan=f"Unduh Excel: Dispensasi SPM {dokumen}"
            )
            return xlsx_response(
                nama_berkas=f"dispensasi-spm-{dokumen.tahun}",
                judul=f"Dispensasi SPM {dokumen}",
                kolom=["Tanggal", "Nomor surat", "Jumlah SPM", "Alasan", "Diverifikasi oleh"],
                baris=(
                    [d.tanggal, d.nomor, d.jumlah_spm, d.alasan, d.verifikator]
                    for d in dispensasi_list(dokumen=dokumen)
                ),
                format_kolom={0: "tanggal", 2: "angka"},
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        daftar = list(dispensasi_list(dokumen=self.get_dokumen()))
        context["dispensasi"] = daftar
        context["jumlah_spm"] = jumlah_spm_compute(daftar)
        return context


class _DispensasiMixin:
    model = DispensasiSpm

    def get_dispensasi(self) -> DispensasiSpm:
        if not hasattr(self, "_dispensasi"):
            self._dispensasi = dispensasi_get(pk=self.kwargs["pk"])
        return self._dispensasi

    def get_dokumen(self):
        return self.get_dispensasi().dokumen


class DispensasiCreateView(TulisMixin, DokumenMixin, LayananFormMixin, FormView):
    permission_required = "anggaran.add_dispensasispm"
    template_name = "anggaran/up/dispensasi_form.html"
    form_class = DispensasiForm

    def layanan(self, form):
        dispensasi = services_up.dispensasi_create(
            pengguna=self.request.user, dokumen=self.get_dokumen(), **form.cleaned_data
        )
        messages.success(self.request, f"Dispensasi SPM {dispensasi.nomor} dicatat.")
        return redirect("anggaran:dispensasi_list", pk=dispensasi.dokumen_id)


class DispensasiUpdateView(TulisMixin, _DispensasiMixin, DokumenMixin, LayananFormMixin, FormView):
    permission_required = "anggaran.change_dispensasispm"
    template_name = "anggaran/up/dispensasi_form.html"
    form_class = DispensasiForm

    def get_initial(self):
        d = self.get_dispensasi()
        return {
            "nomor": d.nomor,
            "tanggal": d.tanggal,
            "jumlah_spm": d.jumlah_spm,
            "alasan": d.alasan,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"dispensasi": self.get_dispensasi()}

    def layanan(self, form):
        dispensasi = services_up.dispensasi_update(
            pengguna=self.request.user, dispensasi=self.get_dispensasi(), **form.cleaned_data
        )
        messages.success(self.request, f"Dispensasi SPM {dispensasi.nomor} disimpan.")
        return redirect("anggaran:dispensasi_list", pk=dispensasi.dokumen_id)


class DispensasiDeleteView(_HapusView):
    permission_required = "anggaran.change_dispensasispm"
    url_daftar = "anggaran:dispensasi_list"

    def ambil(self, pk):
        return dispensasi_get(pk=pk)

    def hapus(self, obj) -> str:
        services_up.dispensasi_delete(pengguna=self.request.user, dispensasi=obj)
        return f"Dispensasi SPM {obj.nomor} dihapus."


class DispensasiImporView(ImporBerkasView):
    permission_required = "anggaran.add_dispensasispm"
    template_name = "anggaran/up/impor.html"
    form_class = ImporDispensasiForm
    fungsi_periksa = dispensasi_impor_periksa
    fungsi_impor = dispensasi_impor
    url_impor = "anggaran:dispensasi_impor"
    jenis_impor = "dispensasi"
    url_selesai = "anggaran:dispensasi_list"

    def pesan_selesai(self, hasil) -> str:
        return (
            f"{angka(len(hasil.baris))} dispensasi SPM diimpor; "
            f"{angka(len(hasil.dilewati))} baris sudah ada dilewati."
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {
            "judul": "Impor dispensasi SPM",
            "tab": "dispensasi",
        }


# --- the revision's IKPA flag -------------------------------------------------------------------


class RevisiIkpaUpdateView(TulisMixin, LayananFormMixin, FormView):
    """Whether a revision counts in the IKPA "revisi DIPA" indicator."""

    permission_required = "anggaran.change_revisi"
    template_name = "anggaran/up/revisi_ikpa_form.html"
    form_class = RevisiIkpaForm
    model = Revisi

    def get_revisi(self) -> Revisi:
        if not hasattr(self, "_revisi"):
            self._revisi = get_object_or_404(
                Revisi.objects.select_related("dokumen"), pk=self.kwargs["pk"]
            )
        return self._revisi

    def get_initial(self):
        return {"dihitung_ikpa": self.get_revisi().dihitung_ikpa}

    def get_context_data(self, **kwargs):
        revisi = self.get_revisi()
        return super().get_context_data(**kwargs) | {
            "revisi": revisi,
            "dokumen": revisi.dokumen,
            "boleh_tulis": True,  # TulisMixin let the user in
        }

    def layanan(self, form):
        revisi = services.revisi_ikpa_set(
            pengguna=self.request.user,
            revisi=self.get_revisi(),
            dihitung_ikpa=form.cleaned_data["dihitung_ikpa"],
        )
        teks = "dihitung" if revisi.dihitung_ikpa else "tidak dihitung"
        messages.success(self.request, f"Revisi ke-{revisi.nomor} {teks} dalam IKPA revisi DIPA.")
        return redirect("anggaran:revisi_detail", pk=revisi.pk)
