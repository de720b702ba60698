"""Entry points that follow the working year, the capaian table, the LKj analyses and the
capaian settings (cap, status bands, year lock)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.views import View
from django.views.generic import TemplateView

from kpu_site.akses import IzinMixin
from kpu_site.excel import xlsx_response
from kpu_site.formulir import kesalahan_ke_form
from kpu_site.peran import PERAN_PIMPINAN
from kpu_site.services import unduhan_record
from kpu_site.tahun import tahun_aktif

from .. import selectors, services
from ..capaian import StatusCapaian
from ..forms import (
    KunciTahunForm,
    PengaturanCapaianForm,
)
from ..grafik import grafik_capaian
from ..lkj.views_reviu import pengaturan_reviu_konteks
from ._dasar import TahunMixin, tahun_kosong_kinerja

# --------------------------------------------------------------------------- entry points


class KinerjaIndexView(IzinMixin, View):
    permission_required = "kinerja.view_realisasi"
    target = "kinerja:capaian"

    def get(self, request):
        return redirect(self.target, tahun=tahun_aktif(request))


class RealisasiIndexView(KinerjaIndexView):
    target = "kinerja:realisasi_list"


class AnalisisIndexView(KinerjaIndexView):
    target = "kinerja:analisis"


# --------------------------------------------------------------------------- capaian


class CapaianView(IzinMixin, TahunMixin, TemplateView):
    permission_required = "kinerja.view_realisasi"
    template_name = "kinerja/capaian.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "xlsx":
            return self._xlsx(kwargs["tahun"])
        return super().get(request, *args, **kwargs)

    def _xlsx(self, tahun):
        baris = selectors.capaian_tahun_list(tahun=tahun)
        unduhan_record(
            pengguna=self.request.user,
            ringkasan=f"Unduh Excel: Capaian Kinerja {tahun}",
        )
        return xlsx_response(
            nama_berkas=f"capaian-kinerja-{tahun}",
            judul=f"Capaian Kinerja {tahun}",
            kolom=[
                "Sasaran",
                "Indikator",
                "Satuan",
                "Target",
                "Realisasi",
                "Capaian (%)",
                "Status",
            ],
            baris=[
                [
                    f"{b.sasaran.nomor}. {b.sasaran.uraian}",
                    b.indikator.uraian,
                    b.indikator.get_satuan_display(),
                    b.target.nilai if b.target else None,
                    b.realisasi,
                    b.hasil.dibulatkan(b.indikator.presisi),
                    b.hasil.status_label
                    if b.hasil.dapat_dihitung
                    else f"Tidak dapat dihitung: {b.hasil.alasan}",
                ]
                for b in baris
            ],
            format_kolom={3: "angka", 4: "angka", 5: "angka"},
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tahun = self.kwargs["tahun"]
        baris = selectors.capaian_tahun_list(tahun=tahun)
        pengaturan = selectors.pengaturan_capaian_get()
        context.update(
            baris=baris,
            ringkasan=selectors.capaian_ringkasan(baris=baris),
            pengaturan=pengaturan,
            perjanjian=selectors.pk_berlaku(tahun=tahun),
            rata_rata=selectors.capaian_rata_rata(baris=baris),
            grafik=grafik_capaian(baris=baris, tahun=tahun, pengaturan=pengaturan, lebar=900),
            status=StatusCapaian,
            tahun_kosong=tahun_kosong_kinerja(self.request, tahun),
        )
        return context


class AnalisisView(IzinMixin, TahunMixin, TemplateView):
    """LKj Bab III A analyses: year on year, against the Renstra end target, PK vs Renstra,
    and (when the anggaran app provides it) capaian against the budget absorbed."""

    permission_required = "kinerja.view_realisasi"
    template_name = "kinerja/analisis.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tahun = self.kwargs["tahun"]
        antar = selectors.capaian_antar_tahun(tahun=tahun)
        daftar = sorted({t for b in antar for (t, *_rest) in b.per_tahun})
        context.update(
            antar_tahun=antar,
            tahun_kolom=daftar,
            target_akhir=selectors.capaian_vs_target_akhir(tahun=tahun),
            renstra=selectors.renstra_untuk_tahun(tahun),
            beda=selectors.pk_beda_renstra_list(tahun=tahun),
            anggaran=[b for b in selectors.capaian_vs_anggaran(tahun=tahun) if b.pagu is not None],
            tahun_kosong=tahun_kosong_kinerja(self.request, tahun),
        )
        return context


# --------------------------------------------------------------------------- settings


class PengaturanView(IzinMixin, TemplateView):
    permission_required = "kinerja.change_pengaturancapaian"
    peran_diizinkan = PERAN_PIMPINAN
    template_name = "kinerja/pengaturan.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        p = selectors.pengaturan_capaian_get()
        context.setdefault(
            "form",
            PengaturanCapaianForm(
                initial={
                    "batas_atas": p.batas_atas,
                    "ambang_tercapai": p.ambang_tercapai,
                    "ambang_hampir": p.ambang_hampir,
                }
            ),
        )
        context.setdefault(
            "form_kunci", KunciTahunForm(initial={"tahun": tahun_aktif(self.request)})
        )
        context["kunci"] = selectors.kunci_tahun_list()
        context.update(pengaturan_reviu_konteks(self.request))  # reviu LKj wajib (card)
        return context

    def post(self, request):
        if "aksi" in request.POST:
            return self._kunci(request)
        form = PengaturanCapaianForm(request.POST)
        if form.is_valid():
            with kesalahan_ke_form(form):
                services.pengaturan_capaian_update(pengguna=request.user, **form.cleaned_data)
                messages.success(request, "Pengaturan capaian disimpan.")
                return redirect("kinerja:pengaturan")
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def _kunci(self, request):
        form = KunciTahunForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form_kunci=form), status=400)
        tahun = form.cleaned_data["tahun"]
        if form.cleaned_data["aksi"] == "kunci":
            services.tahun_lock(
                tahun=tahun, pengguna=request.user, keterangan=form.cleaned_data["keterangan"]
            )
            messages.success(request, f"Data kinerja dan anggaran tahun {tahun} dikunci.")
        else:
            services.tahun_unlock(tahun=tahun, pengguna=request.user)
            messages.success(
                request, f"Kunci tahun {tahun} dibuka: data kinerja dan anggarannya dapat diubah."
            )
        return redirect("kinerja:pengaturan")
