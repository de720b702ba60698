"""Absorption against the RPD and the LKj Bab III B report."""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from kpu_site.excel import xlsx_response
from kpu_site.formatting import bulan as nama_bulan
from kpu_site.services import unduhan_record
from kpu_site.tahun import tahun_aktif, tahun_kosong

from .. import grafik, selectors
from ._dasar import BacaMixin, DokumenMixin

# --- absorption and reports ---------------------------------------------------------------


class SerapanView(BacaMixin, DokumenMixin, TemplateView):
    """Monthly absorption against the RPD (halaman III) with the IKPA deviation."""

    template_name = "anggaran/serapan.html"

    def _bulanan(self):
        dokumen = self.get_dokumen()
        revisi = selectors.revisi_pilih(dokumen=dokumen, nomor=self.request.GET.get("revisi"))
        return revisi, selectors.realisasi_bulanan(dokumen=dokumen, revisi=revisi)

    def get(self, request, *args, **kwargs):
        if request.GET.get("unduh") == "xlsx":
            _revisi, bulanan = self._bulanan()
            unduhan_record(
                pengguna=request.user,
                ringkasan=f"Unduh Excel: Serapan bulanan {self.get_dokumen()}",
            )
            return xlsx_response(
                nama_berkas=f"serapan-bulanan-{self.get_dokumen().tahun}",
                judul=f"Serapan bulanan {self.get_dokumen()}",
                kolom=[
                    "Bulan",
                    "RPD",
                    "Realisasi",
                    "Deviasi %",
                    "RPD kumulatif",
                    "Realisasi kumulatif",
                    "Serapan kumulatif %",
                ],
                baris=[
                    [
                        nama_bulan(b.bulan),
                        b.rpd,
                        b.realisasi,
                        b.deviasi,
                        b.rpd_kumulatif,
                        b.realisasi_kumulatif,
                        b.serapan_kumulatif,
                    ]
                    for b in bulanan.baris
                ],
                format_kolom={
                    1: "rupiah",
                    2: "rupiah",
                    3: "persen",
                    4: "rupiah",
                    5: "rupiah",
                    6: "persen",
                },
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        revisi, bulanan = self._bulanan()
        context.update(
            revisi=revisi,
            revisi_semua=selectors.revisi_list(dokumen=self.get_dokumen()),
            bulanan=bulanan,
            grafik_kumulatif=grafik.grafik_serapan_kumulatif(
                bulanan, judul="RPD dan realisasi kumulatif (juta Rp)"
            ),
            grafik_bulanan=grafik.grafik_bulanan(
                bulanan, judul="RPD dan realisasi per bulan (juta Rp)"
            ),
        )
        return context


class LaporanView(BacaMixin, TemplateView):
    """LKj Bab III B: table 3.1 of the year's DIPA, the sources of funds and the hibah report."""

    template_name = "anggaran/laporan.html"

    def _revisi(self) -> int | None:
        nomor = self.request.GET.get("revisi", "")
        return int(nomor) if nomor.isdigit() else None

    def get(self, request, *args, **kwargs):
        if request.GET.get("unduh") == "xlsx":
            tabel = selectors.tabel_3_1(tahun=self.kwargs["tahun"], revisi_nomor=self._revisi())
            if tabel is None:
                return redirect("anggaran:laporan", tahun=self.kwargs["tahun"])
            rows = [
                [r["nomor"], r["uraian"], r["pagu"], r["realisasi"], r["serapan"]]
                for r in tabel["baris"]
            ]
            rows.append(
                ["", "Jumlah", tabel["total_pagu"], tabel["total_realisasi"], tabel["serapan"]]
            )
            rows.append(["", "Sisa anggaran", tabel["total_sisa"], None, None])
            unduhan_record(
                pengguna=request.user,
                ringkasan=f"Unduh Excel: Tabel 3.1 Laporan Akuntabilitas Keuangan {self.kwargs['tahun']}",
            )
            return xlsx_response(
                nama_berkas=f"tabel-3-1-{self.kwargs['tahun']}",
                judul=f"Tabel 3.1 Laporan Akuntabilitas Keuangan {self.kwargs['tahun']}",
                kolom=["No", "Uraian", "Pagu", "Realisasi", "%"],
                baris=rows,
                format_kolom={2: "rupiah", 3: "rupiah", 4: "persen"},
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tahun = self.kwargs["tahun"]
        laporan = selectors.laporan_keuangan(tahun=tahun, revisi_nomor=self._revisi())
        tabel = laporan["tabel_3_1"]
        context.update(
            tahun=tahun,
            tabel=tabel,
            revisi_semua=selectors.revisi_list(dokumen=tabel["dokumen"]) if tabel else [],
            sumber_dana=laporan["sumber_dana"],
            hibah=laporan["hibah"],
            tahun_kosong=None
            if tabel or laporan["hibah"]
            else tahun_kosong(self.request, tahun, app="anggaran"),
        )
        return context


class LaporanTerbaruView(BacaMixin, View):
    """``/anggaran/laporan/`` → the report of the working year (``kpu_site.tahun``)."""

    def get(self, request):
        return redirect(reverse("anggaran:laporan", kwargs={"tahun": tahun_aktif(request)}))
