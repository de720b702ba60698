"""Importing a DIPA or a revision from a SAKTI-like POK sheet (``anggaran.impor_dipa``): upload →
preview (totals per program/kegiatan, or the diff from the revision in force) → confirm."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import FormView

from kpu_site.formatting import angka, rupiah

from ..forms import DipaImporForm, RevisiImporForm
from ..impor_dipa import dipa_impor, dipa_impor_periksa, revisi_impor, revisi_impor_periksa
from ._dasar import DokumenMixin, TulisMixin
from ._impor import ImporDuaLangkahMixin


class _PokMixin(ImporDuaLangkahMixin):
    jenis_impor = "dipa"  # the form offers the DIPA's column-mapping profiles

    def form_valid(self, form):
        self.pilihan = self.opsi(form)
        return super().form_valid(form)


class DipaImporView(_PokMixin, TulisMixin, FormView):
    """A new DIPA from the sheet (on the DIPA list page)."""

    permission_required = "anggaran.add_dokumenanggaran"
    template_name = "anggaran/dipa_impor.html"
    form_class = DipaImporForm
    kunci_sesi = "impor_dipa"
    url_ulang = "anggaran:dipa_impor"

    def konteks_pk(self) -> None:
        return None

    def url_ulang_kwargs(self) -> dict:
        return {}

    def opsi(self, form) -> dict:
        data = form.cleaned_data
        return {
            "tahun": data["tahun"],
            "nomor": data["nomor"],
            "tanggal": data["tanggal"].isoformat(),
            "uraian": data.get("uraian") or "",
            "lembar_rpd": data.get("lembar_rpd") or "",
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        hasil = context.get("hasil")
        if hasil is not None and hasil.ok:
            context["ringkasan"] = hasil.ringkasan("program", "kegiatan")
        return context

    def periksa(self, data: bytes, nama: str):
        return dipa_impor_periksa(
            tahun=self.pilihan["tahun"],
            berkas=data,
            nama_berkas=nama,
            pemetaan=self.pemetaan,
            lembar_rpd=self.pilihan["lembar_rpd"],
        )

    def simpan(self, data: bytes, nama: str, opsi: dict):
        return dipa_impor(
            pengguna=self.request.user,
            tahun=opsi["tahun"],
            nomor=opsi["nomor"],
            tanggal=date.fromisoformat(opsi["tanggal"]),
            uraian=opsi["uraian"],
            berkas=data,
            nama_berkas=nama,
            pemetaan=self.pemetaan,
            lembar_rpd=opsi.get("lembar_rpd", ""),
        )

    def selesai(self, hasil):
        messages.success(
            self.request,
            f"DIPA {hasil.dokumen.nomor} diimpor: {angka(len(hasil.detail))} detail, pagu "
            f"{rupiah(hasil.total)}.",
        )
        return redirect("anggaran:dokumen_detail", pk=hasil.dokumen.pk)


class RevisiImporView(_PokMixin, TulisMixin, DokumenMixin, FormView):
    """The next revision of a document from the sheet (on the document's page)."""

    permission_required = "anggaran.add_revisi"
    template_name = "anggaran/revisi_impor.html"
    form_class = RevisiImporForm
    kunci_sesi = "impor_revisi"
    url_ulang = "anggaran:revisi_impor"

    def opsi(self, form) -> dict:
        data = form.cleaned_data
        return {
            "tanggal": data["tanggal"].isoformat(),
            "alasan": data["alasan"],
            "dihitung_ikpa": bool(data.get("dihitung_ikpa")),
            "lembar_rpd": data.get("lembar_rpd") or "",
        }

    def periksa(self, data: bytes, nama: str):
        return revisi_impor_periksa(
            dokumen=self.get_dokumen(),
            berkas=data,
            nama_berkas=nama,
            pemetaan=self.pemetaan,
            lembar_rpd=self.pilihan["lembar_rpd"],
        )

    def simpan(self, data: bytes, nama: str, opsi: dict):
        return revisi_impor(
            pengguna=self.request.user,
            dokumen=self.get_dokumen(),
            tanggal=date.fromisoformat(opsi["tanggal"]),
            alasan=opsi["alasan"],
            dihitung_ikpa=opsi["dihitung_ikpa"],
            berkas=data,
            nama_berkas=nama,
            pemetaan=self.pemetaan,
            lembar_rpd=opsi.get("lembar_rpd", ""),
        )

    def selesai(self, hasil):
        uraian = f", {angka(len(hasil.beda_uraian))} uraian diubah" if hasil.beda_uraian else ""
        uraian += ", RPD diubah" if hasil.rpd_berubah else ""
        messages.success(
            self.request,
            f"Revisi ke-{hasil.revisi.nomor} diimpor: {angka(len(hasil.beda_pagu))} detail "
            f"berubah{uraian}, pagu {rupiah(hasil.total)}."
            if hasil.revisi
            else f"Uraian {angka(len(hasil.beda_uraian))} baris diperbarui; pagu tetap, tanpa "
            "revisi baru.",
        )
        return redirect("anggaran:dokumen_detail", pk=self.get_dokumen().pk)
