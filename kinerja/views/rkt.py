"""Rencana Kinerja Tahunan pages: the document of a year (Tujuan → sasaran → indikator, target
Renstra vs RKT, the reason of each change), its revisions, the buttons the user may use
(compose, edit a row, set, start a revision), and the PDF through the LKj engine."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views import View

from kpu_site.akses import IzinMixin
from kpu_site.formulir import kesalahan_ke_form, kesalahan_ke_pesan
from kpu_site.pdf import html_ke_pdf_respons
from kpu_site.peran import PERAN_PIMPINAN

from .. import selectors, selectors_rkt
from ..forms_rkt import RKTBarisForm, RKTPerubahanForm, RKTTetapkanForm
from ..model_rkt import RencanaKinerjaTahunan, RKTBaris
from ..services import boleh_kelola_perencanaan, pastikan_perencana
from ..services import rkt as layanan
from .capaian import KinerjaIndexView


class RKTIndexView(KinerjaIndexView):
    """The menu entry: the RKT of the working year."""

    permission_required = "kinerja.view_rencanakinerjatahunan"
    target = "kinerja:rkt_detail"


def _url_rkt(rkt: RencanaKinerjaTahunan) -> str:
    return f"{reverse('kinerja:rkt_detail', kwargs={'tahun': rkt.tahun})}?revisi={rkt.revisi}"


def rkt_konten(*, tahun: int, revisi: str | None = None) -> dict:
    """What the page and the PDF show: the RKT asked for (``?revisi=``) or the one in force."""
    riwayat = list(selectors_rkt.rkt_riwayat(tahun=tahun))
    if revisi is not None and str(revisi).isdigit():
        rkt = next((r for r in riwayat if r.revisi == int(revisi)), None)
        if rkt is None:
            raise Http404("Revisi RKT tidak ditemukan.")
    else:
        rkt = selectors_rkt.rkt_berlaku(tahun=tahun)
    from sekretariat import selectors as org

    return {
        "tahun": tahun,
        "rkt": rkt,
        "riwayat": riwayat,
        "draft": next((r for r in riwayat if r.status == "draft"), None),
        "dokumen": selectors_rkt.rkt_dokumen(rkt=rkt) if rkt else [],
        "renstra": selectors.renstra_untuk_tahun(tahun),
        "satker": org.satker_get(),
    }


class RKTDetailView(IzinMixin, View):
    permission_required = "kinerja.view_rencanakinerjatahunan"
    template_name = "kinerja/rkt/rkt_detail.html"

    def render_halaman(self, request, tahun, status=200, **forms):
        k = rkt_konten(tahun=tahun, revisi=request.GET.get("revisi"))
        rkt = k["rkt"]
        k.update(
            aksi=layanan.rkt_aksi_boleh(
                rkt=rkt, pengguna=request.user, ada_draft=k["draft"] is not None
            )
            if rkt
            else frozenset(),
            boleh_susun=rkt is None
            and boleh_kelola_perencanaan(request.user)
            and not selectors.kinerja_tahun_lock(tahun),
            boleh_ubah_baris=rkt is not None
            and rkt.status == "draft"
            and boleh_kelola_perencanaan(request.user)
            and not selectors.kinerja_tahun_lock(tahun),
            form_tetapkan=forms.get("form_tetapkan") or RKTTetapkanForm(),
            form_perubahan=forms.get("form_perubahan") or RKTPerubahanForm(),
        )
        return render(request, self.template_name, k, status=status)

    def get(self, request, tahun):
        return self.render_halaman(request, tahun)


class RKTBuatView(IzinMixin, View):
    permission_required = "kinerja.add_rencanakinerjatahunan"
    http_method_names = ["post"]

    def post(self, request, tahun):
        with kesalahan_ke_pesan(request):
            rkt = layanan.rkt_create(tahun=tahun, pengguna=request.user)
            messages.success(request, f"Draft {rkt} disusun dari Renstra.")
        return redirect("kinerja:rkt_detail", tahun=tahun)


class RKTTetapkanView(IzinMixin, View):
    permission_required = "kinerja.change_rencanakinerjatahunan"
    peran_diizinkan = PERAN_PIMPINAN
    http_method_names = ["post"]

    def post(self, request, pk):
        rkt = get_object_or_404(RencanaKinerjaTahunan, pk=pk)
        form = RKTTetapkanForm(request.POST)
        if form.is_valid():
            with kesalahan_ke_form(form):
                layanan.rkt_tetapkan(
                    rkt=rkt,
                    pengguna=request.user,
                    nomor=form.cleaned_data["nomor"],
                    tanggal_penetapan=form.cleaned_data["tanggal"],
                    tempat=form.cleaned_data["tempat"],
                )
                messages.success(request, f"{rkt} ditetapkan dan dibekukan.")
                return redirect(_url_rkt(rkt))
        request.GET = request.GET.copy()
        request.GET["revisi"] = str(rkt.revisi)
        return RKTDetailView().render_halaman(request, rkt.tahun, 400, form_tetapkan=form)


class RKTPerubahanView(IzinMixin, View):
    permission_required = "kinerja.add_rencanakinerjatahunan"
    http_method_names = ["post"]

    def post(self, request, pk):
        rkt = get_object_or_404(RencanaKinerjaTahunan, pk=pk)
        form = RKTPerubahanForm(request.POST)
        if form.is_valid():
            with kesalahan_ke_form(form):
                baru = layanan.rkt_perubahan_create(
                    rkt=rkt, pengguna=request.user, alasan=form.cleaned_data["alasan_perubahan"]
                )
                messages.success(request, f"Draft {baru} dibuat; ubah targetnya lalu tetapkan.")
                return redirect(_url_rkt(baru))
        request.GET = request.GET.copy()
        request.GET["revisi"] = str(rkt.revisi)
        return RKTDetailView().render_halaman(request, rkt.tahun, 400, form_perubahan=form)


class RKTBarisUbahView(IzinMixin, View):
    permission_required = "kinerja.change_rktbaris"
    template_name = "kinerja/rkt/rktbaris_form.html"

    def _baris(self):
        baris = get_object_or_404(
            RKTBaris.objects.select_related("rkt", "indikator__sasaran"), pk=self.kwargs["pk"]
        )
        pastikan_perencana(self.request.user)
        return baris

    def _render(self, request, baris, form, status=200):
        return render(request, self.template_name, {"b": baris, "form": form}, status=status)

    def get(self, request, pk):
        baris = self._baris()
        if baris.rkt.status != RencanaKinerjaTahunan.Status.DRAFT:
            messages.info(request, f"{baris.rkt} sudah dibekukan; buat RKT perubahan.")
            return redirect(_url_rkt(baris.rkt))
        form = RKTBarisForm(
            initial={
                "target": baris.target.normalize(),
                "target_atas": baris.target_atas.normalize() if baris.target_atas else None,
                "alasan_perubahan": baris.alasan_perubahan,
            }
        )
        return self._render(request, baris, form)

    def post(self, request, pk):
        baris = self._baris()
        form = RKTBarisForm(request.POST)
        if form.is_valid():
            with kesalahan_ke_form(form):
                layanan.rkt_baris_update(baris=baris, pengguna=request.user, **form.cleaned_data)
                messages.success(request, f"Target {baris.indikator.kode} disimpan.")
                return redirect(_url_rkt(baris.rkt))
        return self._render(request, baris, form, status=400)


def rkt_html(*, tahun: int, revisi: str | None = None) -> str:
    return render_to_string("kinerja/pdf/rkt.html", rkt_konten(tahun=tahun, revisi=revisi))


class RKTPdfView(IzinMixin, View):
    permission_required = "kinerja.view_rencanakinerjatahunan"

    def get(self, request, tahun):
        html = rkt_html(tahun=tahun, revisi=request.GET.get("revisi"))
        return html_ke_pdf_respons(html, f"RKT-{tahun}.pdf")
