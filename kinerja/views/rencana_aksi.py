"""Pages of the Rencana Aksi of a year and of the monitoring of a quarter: HTML, and PDF
(``?format=pdf``) through the LKj's engine (``kpu_site.pdf.html_ke_pdf``)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.views import View
from django.views.generic import TemplateView

from kpu_site.akses import IzinMixin
from kpu_site.pdf import html_ke_pdf_respons
from kpu_site.tahun import tahun_aktif

from ..model_rencana_aksi import Triwulan
from ..selectors import pk_berlaku
from ..selectors_rencana_aksi import (
    monitoring_baris_hitung,
    monitoring_belum_lengkap,
    monitoring_berlaku,
    monitoring_draft,
    rencana_aksi_tahun,
)
from ..services import rencana_aksi as layanan

BASIS_HALAMAN = "kinerja/rencana_aksi/halaman.html"


class _DokumenView(IzinMixin, TemplateView):
    """HTML page by default; the same document as a PDF with ``?format=pdf``."""

    nama_berkas = "dokumen"

    def render_to_response(self, context, **kwargs):
        if self.request.GET.get("format") == "pdf":
            html = render_to_string(self.template_name, context | {"basis": None})
            return html_ke_pdf_respons(html, f"{self.nama_berkas}.pdf")
        return super().render_to_response(context | {"basis": BASIS_HALAMAN}, **kwargs)


class RencanaAksiIndexView(IzinMixin, View):
    """The menu's entry: the Rencana Aksi of the year chosen in the year switcher."""

    permission_required = "kinerja.view_rencanaaksi"

    def get(self, request):
        return redirect("kinerja:rencana_aksi", tahun=tahun_aktif(request))


class RencanaAksiView(_DokumenView):
    permission_required = "kinerja.view_rencanaaksi"
    template_name = "kinerja/pdf/rencana_aksi.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tahun = self.kwargs["tahun"]
        perjanjian, baris = rencana_aksi_tahun(tahun=tahun)
        self.nama_berkas = f"rencana-aksi-{tahun}"
        context.update(
            tahun=tahun,
            perjanjian=perjanjian,
            baris=baris,
            judul=f"Rencana Aksi Tahun {tahun}",
            tautan_tw=Triwulan.choices,
            draf=perjanjian is None or perjanjian.status != "ditandatangani",
            # the lines this user may edit (HTML page only: the buttons under the document)
            baris_boleh=layanan.rencana_aksi_baris_boleh(
                perjanjian=perjanjian, baris=baris, pengguna=self.request.user
            ),
        )
        return context


class MonitoringRencanaAksiView(_DokumenView):
    permission_required = "kinerja.view_monitoringrencanaaksi"
    template_name = "kinerja/pdf/monitoring_rencana_aksi.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tahun, triwulan = self.kwargs["tahun"], self.kwargs["triwulan"]
        label = dict(Triwulan.choices).get(triwulan)
        if label is None:
            raise Http404("Triwulan tidak dikenal.")
        monitoring = monitoring_berlaku(tahun=tahun, triwulan=triwulan)
        baris = monitoring_baris_hitung(tahun=tahun, triwulan=triwulan, monitoring=monitoring)
        self.nama_berkas = f"monitoring-rencana-aksi-{tahun}-{triwulan}"
        context.update(
            tahun=tahun,
            triwulan=triwulan,
            label_tw=label,
            monitoring=monitoring,
            baris=baris,
            belum_lengkap=monitoring_belum_lengkap(baris=baris),
            judul=f"Monitoring Rencana Aksi {label} {tahun}",
            tautan_tw=Triwulan.choices,
            # the link to the year's PK; its first party (the Sekretaris) signs the monitoring
            perjanjian=pk_berlaku(tahun=tahun),
            draf=monitoring is None or monitoring.status != "ditandatangani",
        )
        # the buttons under the document (HTML page only): create, the draft's lines, sign,
        # start a revision of the signed report
        draft = monitoring_draft(tahun=tahun, triwulan=triwulan)
        user = self.request.user
        context.update(
            aksi_boleh=layanan.monitoring_aksi_boleh(
                tahun=tahun,
                monitoring=monitoring,
                pengguna=user,
                ada_perjanjian=context["perjanjian"] is not None,
            ),
            draft=draft,
            draft_boleh=layanan.monitoring_aksi_boleh(
                tahun=tahun, monitoring=draft, pengguna=user, ada_perjanjian=True
            )
            if draft
            else frozenset(),
            draft_baris=[
                (b, layanan.monitoring_baris_boleh(baris=b, pengguna=user))
                for b in (draft.baris.all() if draft else [])
            ],
        )
        return context
