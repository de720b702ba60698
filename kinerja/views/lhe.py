"""Pages of the evaluator's report (LHE): list by year, detail with findings and their
follow-up, forms (LHE, finding, follow-up, acceptance), documents, and the printable
"Rekap tindak lanjut" (HTML page, and PDF through the LKj engine with ``?format=pdf``)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from kpu_site.akses import IzinMixin
from kpu_site.berkas import berkas_response
from kpu_site.formulir import kesalahan_ke_form
from kpu_site.pdf import html_ke_pdf_respons
from kpu_site.peran import Peran
from kpu_site.services import unduhan_record

from .. import selectors_lhe
from ..forms_lhe import LheForm, TemuanForm, TerimaForm, TindakLanjutForm
from ..model_lhe import LaporanHasilEvaluasi, TemuanEvaluasi, TindakLanjut
from ..services import lhe as svc

BACA = "kinerja.view_laporanhasilevaluasi"


class LheListView(IzinMixin, TemplateView):
    permission_required = BACA
    template_name = "kinerja/lhe/lhe_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            daftar=selectors_lhe.lhe_list(),
            per_status=selectors_lhe.jumlah_per_status(),
            terlambat=selectors_lhe.jumlah_terlambat(),
            boleh_isi=svc.boleh_isi_lhe(self.request.user),
        )
        return context


class LheDetailView(IzinMixin, TemplateView):
    permission_required = BACA
    template_name = "kinerja/lhe/lhe_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lhe = get_object_or_404(LaporanHasilEvaluasi, pk=self.kwargs["pk"])
        konten = selectors_lhe.rekap_konten(lhe=lhe)
        user = self.request.user
        for t in konten["temuan"]:
            t.boleh_tindak_lanjut = t.status != "selesai" and svc.boleh_tindak_lanjut(user, t)
        context.update(
            k=konten,
            lhe=lhe,
            boleh_isi=svc.boleh_isi_lhe(user),
            boleh_terima=svc.boleh_terima_temuan(user),
        )
        return context


class _FormView(IzinMixin, View):
    """GET shows the form; POST calls the service, a refusal re-renders the form with the
    input kept and the message at its field (status 400)."""

    permission_required = BACA
    template_name = "kinerja/lhe/form.html"
    form_class = None
    judul = ""

    def objek(self):
        raise NotImplementedError

    def pastikan(self, objek) -> None:
        svc.pastikan_pengisi_lhe(self.request.user)

    def form_awal(self, objek):
        return self.form_class()

    def form_kirim(self, objek):
        return self.form_class(self.request.POST, self.request.FILES)

    def simpan(self, objek, form):
        raise NotImplementedError

    def kembali(self, objek) -> str:
        raise NotImplementedError

    def _render(self, objek, form, status=200):
        return render(
            self.request,
            self.template_name,
            {
                "form": form,
                "judul": self.judul_untuk(objek),
                "kembali": self.kembali(objek),
                "multipart": "berkas" in form.fields,
            },
            status=status,
        )

    def judul_untuk(self, objek) -> str:
        return self.judul

    def get(self, request, **kwargs):
        objek = self.objek()
        self.pastikan(objek)
        return self._render(objek, self.form_awal(objek))

    def post(self, request, **kwargs):
        objek = self.objek()
        self.pastikan(objek)
        form = self.form_kirim(objek)
        if form.is_valid():
            with kesalahan_ke_form(form):
                hasil = self.simpan(objek, form)
                return redirect(hasil)
        return self._render(objek, form, status=400)


class LheBuatView(_FormView):
    form_class = LheForm
    judul = "Catat laporan hasil evaluasi"

    def objek(self):
        return None

    def kembali(self, objek):
        return reverse("kinerja:lhe_list")

    def simpan(self, objek, form):
        data = dict(form.cleaned_data)
        berkas = data.pop("berkas", None)
        lhe = svc.lhe_simpan(pengguna=self.request.user, berkas=berkas, **data)
        messages.success(
            self.request, f"{lhe} disimpan: nilai {lhe.nilai}, predikat {lhe.predikat}."
        )
        return lhe_url(lhe)


class LheUbahView(LheBuatView):
    def objek(self):
        return get_object_or_404(LaporanHasilEvaluasi, pk=self.kwargs["pk"])

    def judul_untuk(self, objek):
        return f"Ubah {objek}"

    def form_awal(self, objek):
        return LheForm(instance=objek)

    def form_kirim(self, objek):
        return LheForm(self.request.POST, self.request.FILES, instance=objek)

    def kembali(self, objek):
        return lhe_url(objek)

    def simpan(self, objek, form):
        data = dict(form.cleaned_data)
        berkas = data.pop("berkas", None)
        lhe = svc.lhe_simpan(pengguna=self.request.user, lhe=objek, berkas=berkas, **data)
        messages.success(self.request, f"{lhe} diubah.")
        return lhe_url(lhe)


class TemuanBuatView(_FormView):
    form_class = TemuanForm

    def objek(self):
        return get_object_or_404(LaporanHasilEvaluasi, pk=self.kwargs["pk"])

    def judul_untuk(self, objek):
        return f"Tambah temuan {objek}"

    def kembali(self, objek):
        return lhe_url(objek)

    def simpan(self, objek, form):
        temuan = svc.temuan_simpan(pengguna=self.request.user, lhe=objek, **form.cleaned_data)
        messages.success(self.request, f"{temuan} disimpan.")
        return lhe_url(objek)


class TemuanUbahView(_FormView):
    form_class = TemuanForm

    def objek(self):
        return get_object_or_404(TemuanEvaluasi.objects.select_related("lhe"), pk=self.kwargs["pk"])

    def judul_untuk(self, objek):
        return f"Ubah {objek}"

    def form_awal(self, objek):
        return TemuanForm(instance=objek)

    def kembali(self, objek):
        return lhe_url(objek.lhe)

    def simpan(self, objek, form):
        temuan = svc.temuan_simpan(pengguna=self.request.user, temuan=objek, **form.cleaned_data)
        messages.success(self.request, f"{temuan} diubah.")
        return lhe_url(objek.lhe)


class TindakLanjutTambahView(_FormView):
    form_class = TindakLanjutForm

    def objek(self):
        return get_object_or_404(
            TemuanEvaluasi.objects.select_related("lhe", "unit"), pk=self.kwargs["pk"]
        )

    def pastikan(self, objek):
        if not svc.boleh_tindak_lanjut(self.request.user, objek):
            raise PermissionDenied(
                f"Tindak lanjut {objek} hanya dapat dicatat oleh {objek.unit}, Sub Bagian "
                "Perencanaan, Data dan Informasi, atau Sekretaris."
            )

    def judul_untuk(self, objek):
        return f"Catat tindak lanjut {objek}"

    def kembali(self, objek):
        return lhe_url(objek.lhe)

    def simpan(self, objek, form):
        d = form.cleaned_data
        svc.tindak_lanjut_tambah(
            pengguna=self.request.user,
            temuan=objek,
            tanggal=d["tanggal"],
            uraian=d["uraian"],
            berkas=d.get("berkas"),
            tautan=d.get("tautan") or "",
        )
        messages.success(self.request, f"Tindak lanjut {objek} dicatat.")
        return lhe_url(objek.lhe)


class TemuanTerimaView(TindakLanjutTambahView):
    form_class = TerimaForm
    peran_diizinkan = frozenset({Peran.SEKRETARIS})

    def pastikan(self, objek):
        if not svc.boleh_terima_temuan(self.request.user):
            raise PermissionDenied("Tindak lanjut temuan hanya dapat diterima oleh Sekretaris.")

    def judul_untuk(self, objek):
        return f"Terima tindak lanjut {objek} sebagai selesai"

    def simpan(self, objek, form):
        svc.temuan_terima(
            pengguna=self.request.user, temuan=objek, catatan=form.cleaned_data["catatan"]
        )
        messages.success(self.request, f"{objek} diterima selesai.")
        return lhe_url(objek.lhe)


def lhe_url(lhe) -> str:
    return reverse("kinerja:lhe_detail", args=[lhe.pk])


class _UnduhView(IzinMixin, View):
    permission_required = BACA
    model = None

    def get(self, request, pk):
        objek = get_object_or_404(self.model, pk=pk)
        if getattr(objek, "tautan", ""):
            return HttpResponseRedirect(objek.tautan)
        if not objek.berkas:
            raise Http404("Tidak ada berkas.")
        response = berkas_response(
            objek.berkas, jenis=objek.jenis_berkas, nama=objek.nama_asli or objek.berkas.name
        )
        unduhan_record(pengguna=request.user, objek=objek, ringkasan=f"Unduh {objek.nama_asli}")
        return response


class LheUnduhView(_UnduhView):
    model = LaporanHasilEvaluasi


class TindakLanjutUnduhView(_UnduhView):
    model = TindakLanjut


BASIS_REKAP = "kinerja/lhe/rekap_halaman.html"


def rekap_html(*, lhe: LaporanHasilEvaluasi, basis: str | None = None) -> str:
    konten = selectors_lhe.rekap_konten(lhe=lhe)
    return render_to_string("kinerja/pdf/rekap_tindak_lanjut.html", {"k": konten, "basis": basis})


class RekapView(IzinMixin, TemplateView):
    """The "Rekap tindak lanjut" of an LHE as a page, or as a PDF with ``?format=pdf``."""

    permission_required = BACA
    template_name = "kinerja/pdf/rekap_tindak_lanjut.html"

    def get(self, request, *args, **kwargs):
        lhe = get_object_or_404(LaporanHasilEvaluasi, pk=self.kwargs["pk"])
        if request.GET.get("format") == "pdf":
            nama = f"rekap-tindak-lanjut-lhe-{lhe.tahun}.pdf"
            return html_ke_pdf_respons(rekap_html(lhe=lhe), nama)
        return self.render_to_response(
            {"k": selectors_lhe.rekap_konten(lhe=lhe), "basis": BASIS_REKAP}
        )
