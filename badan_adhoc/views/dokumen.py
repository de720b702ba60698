"""Pages of a recruitment's documents: the list with progress (htmx polls it while a job
runs), request, one document's page, download (audited), publish; the old direct links
``rekrutmen/<pk>/pengumuman.pdf|.xlsx``; and the public announcement page (no login)."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.views import View
from django.views.generic import TemplateView

from kpu_site.berkas import berkas_buka
from kpu_site.formulir import kesalahan_ke_pesan
from sekretariat.selectors import satker_get

from .. import selectors as adhoc_selectors
from ..akses import boleh_kelola
from ..dokumen import selectors, services
from ..dokumen.jenis import jenis_get
from ..dokumen.penomoran import jenis_nomor_dokumen
from ..dokumen.render import TAHAP
from .rekrutmen import BacaMixin, KelolaMixin, _RekrutmenMixin

__all__ = [
    "DokumenDetailView",
    "DokumenListView",
    "DokumenMintaView",
    "DokumenNomoriView",
    "DokumenTerbitkanView",
    "DokumenUnduhView",
    "PengumumanPublikListView",
    "PengumumanPublikUnduhView",
    "PengumumanView",
]


def _berkas_response(dokumen, *, lampiran: bool = True) -> FileResponse:
    kind = jenis_get(dokumen.jenis)
    response = FileResponse(
        berkas_buka(dokumen.berkas),
        as_attachment=lampiran,
        filename=services.nama_berkas(dokumen),
        content_type=kind.content_type,
    )
    response["ETag"] = f'"{dokumen.sha256}"'
    return response


class DokumenListView(_RekrutmenMixin, BacaMixin, TemplateView):
    """The recruitment's documents; the table polls itself every 2 s while a job runs."""

    template_name = "badan_adhoc/dokumen_list.html"

    def get_template_names(self):
        if self.request.htmx:
            return ["badan_adhoc/_dokumen_tabel.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        dokumen = selectors.dokumen_list(rekrutmen=self.rekrutmen, user=user)
        context.update(
            dokumen_list=dokumen,
            berjalan=any(d.sedang_berjalan for d in dokumen),
            jenis_list=selectors.jenis_pilihan(user),
            tahap_list=TAHAP,
            kecamatan_list=adhoc_selectors.kecamatan_list(),
            kpps=self.rekrutmen.per_tps,  # KPPS, Pantarlih
        )
        return context


class DokumenMintaView(_RekrutmenMixin, KelolaMixin, View):
    """POST ``jenis``, ``tahap``, ``kecamatan`` (``anggota`` for an SK PAW): request (or reuse) a document."""

    http_method_names = ["post"]

    def post(self, request, pk):
        kunci = ("tahap", "kecamatan", "anggota")  # anggota: the PAW replacement of an SK PAW
        parameter = {k: request.POST.get(k) for k in kunci if k in request.POST}
        dokumen = None
        with kesalahan_ke_pesan(request):
            dokumen, baru = services.dokumen_request(
                rekrutmen=self.rekrutmen,
                jenis=request.POST.get("jenis", ""),
                parameter=parameter,
                pengguna=request.user,
            )
        if dokumen is None:  # refused: its message is shown on the list
            return redirect("badan_adhoc:rekrutmen_dokumen", pk=pk)
        dokumen.refresh_from_db()  # no broker: rendered when the block above committed
        if not baru:
            pesan = f"{dokumen.judul} dengan data yang sama sudah ada; tidak disusun ulang."
        elif dokumen.dapat_diunduh:
            pesan = f"{dokumen.judul} selesai disusun."
        else:
            pesan = f"{dokumen.judul} sedang disusun."
        messages.success(request, pesan)
        return redirect("badan_adhoc:dokumen_rekrutmen_detail", pk=dokumen.pk)


class DokumenDetailView(BacaMixin, TemplateView):
    template_name = "badan_adhoc/dokumen_detail.html"

    def get(self, request, *args, **kwargs):
        self.dokumen = selectors.dokumen_get(pk=kwargs["pk"], user=request.user)
        return super().get(request, *args, **kwargs)

    def get_template_names(self):
        if self.request.htmx:
            return ["badan_adhoc/_dokumen_progres.html"]
        return [self.template_name]

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if (
            self.request.htmx
            and self.request.GET.get("berjalan")
            and not self.dokumen.sedang_berjalan
        ):
            response["HX-Refresh"] = "true"  # ended: reload so the side panel shows it too
        return response

    def get_context_data(self, **kwargs):
        d = self.dokumen
        context = super().get_context_data(**kwargs)
        context.update(
            dokumen=d,
            rekrutmen=d.rekrutmen,
            jenis=jenis_get(d.jenis),
            data_berubah=d.pendaftar_versi != d.rekrutmen.pendaftar_versi,
            nomor=getattr(d, "nomor_terbit", None),
            boleh_nomori=(
                boleh_kelola(self.request.user)
                and jenis_nomor_dokumen(d) is not None
                and d.dapat_diunduh
                and d.diganti_oleh_id is None
            ),
            boleh_terbitkan=(
                boleh_kelola(self.request.user)
                and jenis_get(d.jenis).publik
                and d.dapat_diunduh
                and getattr(d, "nomor_terbit", None) is not None
                and not d.terbit
            ),
        )
        return context


class DokumenUnduhView(BacaMixin, View):
    def get(self, request, pk):
        dokumen = selectors.dokumen_get(pk=pk, user=request.user)
        if not dokumen.dapat_diunduh:
            raise Http404("Berkas dokumen belum tersedia.")
        response = _berkas_response(dokumen)  # a file missing from the storage: 404 first
        services.dokumen_unduhan_record(dokumen=dokumen, pengguna=request.user)
        return response


class DokumenTerbitkanView(KelolaMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        dokumen = selectors.dokumen_get(pk=pk, user=request.user)
        with kesalahan_ke_pesan(request):
            services.dokumen_publish(dokumen=dokumen, pengguna=request.user)
            messages.success(request, f"{dokumen.judul} diterbitkan di halaman pengumuman publik.")
        return redirect("badan_adhoc:dokumen_rekrutmen_detail", pk=pk)


class DokumenNomoriView(KelolaMixin, View):
    """Issue a checked draft with its official number (``dokumen.penomoran``): fields
    ``tanggal`` (the document's date, default today) and ``penandatangan`` (optional name,
    checked against who holds the post on that date)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        from kpu_site.formatting import tanggal_valid

        from ..dokumen.penomoran import dokumen_terbitkan_bernomor

        dokumen = selectors.dokumen_get(pk=pk, user=request.user)
        raw = request.POST.get("tanggal", "")
        tanggal = tanggal_valid(raw)
        if raw and tanggal is None:
            messages.error(request, f"Tanggal dokumen: {raw!r} bukan tanggal yang sah.")
            return redirect("badan_adhoc:dokumen_rekrutmen_detail", pk=pk)
        with kesalahan_ke_pesan(request):
            terbit = dokumen_terbitkan_bernomor(
                dokumen=dokumen,
                pengguna=request.user,
                tanggal=tanggal,
                penandatangan=request.POST.get("penandatangan", "")[:200],
            )
            messages.success(
                request, f"Diterbitkan dengan nomor {terbit.nomor_terbit.nomor}; berkasnya disusun."
            )
            return redirect("badan_adhoc:dokumen_rekrutmen_detail", pk=terbit.pk)
        return redirect("badan_adhoc:dokumen_rekrutmen_detail", pk=pk)


class PengumumanView(_RekrutmenMixin, BacaMixin, View):
    """The old direct links ``pengumuman.pdf|.xlsx?tahap=&kecamatan=``: request-or-reuse the
    background job. A finished identical document (same data) is served at once (and, with no
    broker, a new one is rendered in-process during the request and served); one still being
    rendered opens its page with the progress bar. A reader who may not request documents gets
    the finished one or the recruitment's document list."""

    format = "pdf"

    def get(self, request, pk):
        jenis = "pengumuman_xlsx" if self.format == "excel" else "pengumuman_pdf"
        parameter = {k: request.GET.get(k) for k in ("tahap", "kecamatan")}
        if not boleh_kelola(request.user):
            dokumen = selectors.dokumen_yang_sama(
                rekrutmen=self.rekrutmen, jenis=jenis, parameter=parameter
            )
            if dokumen is None:
                messages.info(
                    request,
                    "Dokumen ini belum disusun dari data terbaru; staf Sub Bagian Teknis dapat "
                    "memintanya di halaman dokumen.",
                )
                return redirect("badan_adhoc:rekrutmen_dokumen", pk=pk)
        else:
            dokumen = None
            with kesalahan_ke_pesan(request):
                dokumen, _baru = services.dokumen_request(
                    rekrutmen=self.rekrutmen,
                    jenis=jenis,
                    parameter=parameter,
                    pengguna=request.user,
                )
            if dokumen is None:  # a bad parameter: its message is shown on the list
                return redirect("badan_adhoc:rekrutmen_dokumen", pk=pk)
            dokumen.refresh_from_db()  # in-process: rendered when the request's block committed
        if dokumen.dapat_diunduh:
            response = _berkas_response(dokumen, lampiran=self.format == "excel")
            services.dokumen_unduhan_record(dokumen=dokumen, pengguna=request.user)
            return response
        return redirect("badan_adhoc:dokumen_rekrutmen_detail", pk=dokumen.pk)


# --------------------------------------------------------------------------- public (no login)


class PengumumanPublikListView(TemplateView):
    """``/publik/pengumuman/``: the published announcements, grouped by recruitment
    (``?rekrutmen=<id>``); one aggregate query plus, after a publication, one list query.
    Cached on the server, not marked public: the page carries the visitor's CSRF cookie."""

    template_name = "badan_adhoc/publik/pengumuman_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            rid = int(self.request.GET.get("rekrutmen") or 0)
        except ValueError:
            rid = 0
        context["grup"] = selectors.pengumuman_publik_list(rekrutmen_id=rid or None)
        context["rekrutmen_id"] = rid
        context["satker"] = satker_get()  # the public layout's identity
        return context


class PengumumanPublikUnduhView(View):
    """The stored file of a published announcement, never rendered again: ETag = its SHA-256,
    ``If-None-Match`` answers 304, cacheable by browsers and proxies."""

    def get(self, request, pk):
        dokumen = selectors.pengumuman_publik_get(pk)
        etag = f'"{dokumen.sha256}"'
        if etag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
            response = HttpResponseNotModified()
            response["ETag"] = etag
        else:
            response = _berkas_response(dokumen, lampiran=False)
        patch_cache_control(response, public=True, max_age=3600)
        return response
