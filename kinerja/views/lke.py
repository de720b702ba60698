"""LKE pages: the list of worksheets, the worksheet of a year (scores and grade at the top,
components → sub-components → criteria with the proposal, its reason and evidence links, the
answer, the note and evidence, the evaluator's answer), the answer and evaluator forms, the
weights form, and the printable self-assessment report (page and PDF through the LKj engine)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views import View
from django.views.generic import TemplateView

from kpu_site.akses import IzinMixin
from kpu_site.berkas import berkas_response
from kpu_site.formulir import kesalahan_ke_form, kesalahan_ke_pesan
from kpu_site.pdf import html_ke_pdf_respons

from .. import selectors_lke as sel
from ..forms_lke import (
    BobotForm,
    EvaluatorForm,
    JawabanForm,
    KomponenForm,
    KriteriaForm,
    LkeBuatForm,
)
from ..model_lke import JawabanLke, KomponenLke, KriteriaLke, LembarKerjaEvaluasi
from ..services import lke as svc


def _lke(tahun: int) -> LembarKerjaEvaluasi:
    lke = sel.lke_get(tahun=tahun)
    if lke is None:
        raise Http404(f"LKE {tahun} belum dibuat.")
    return lke


def _jawaban(pk: int) -> JawabanLke:
    return get_object_or_404(
        JawabanLke.objects.select_related("kriteria__sub__komponen__lke"), pk=pk
    )


class LkeListView(IzinMixin, TemplateView):
    permission_required = "kinerja.view_lembarkerjaevaluasi"
    template_name = "kinerja/lke/daftar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        daftar = list(sel.lke_list())
        context.update(
            riwayat=sel.lke_riwayat_total(sampai=daftar[0].tahun) if daftar else [],
            boleh_buat=svc.boleh_kelola_struktur(self.request.user),
            form=kwargs.get("form") or LkeBuatForm(),
        )
        return context


class LkeBuatView(IzinMixin, View):
    permission_required = "kinerja.add_lembarkerjaevaluasi"

    def post(self, request):
        svc.pastikan_pimpinan(request.user)
        form = LkeBuatForm(request.POST)
        if form.is_valid():
            with kesalahan_ke_form(form):
                lke = svc.lke_buat(pengguna=request.user, tahun=form.cleaned_data["tahun"])
                messages.success(request, f"{lke} dibuat.")
                return redirect("kinerja:lke_detail", tahun=lke.tahun)
        view = LkeListView(request=request, kwargs={})
        return render(
            request,
            LkeListView.template_name,
            view.get_context_data(form=form),
            status=400,
        )


class LkeDetailView(IzinMixin, TemplateView):
    permission_required = "kinerja.view_lembarkerjaevaluasi"
    template_name = "kinerja/lke/detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lke = _lke(self.kwargs["tahun"])
        pohon = sel.lke_pohon(lke=lke)
        user = self.request.user
        context.update(
            lke=lke,
            pohon=pohon,
            r=sel.lke_ringkasan(lke=lke, pohon=pohon),
            riwayat=sel.lke_riwayat_total(sampai=lke.tahun),
            boleh_jawab=svc.boleh_isi_jawaban(user) and not lke.terkunci,
            boleh_struktur=svc.boleh_kelola_struktur(user) and not lke.terkunci,
            boleh_evaluator=svc.boleh_nilai_evaluator(user),
        )
        return context


class _AksiLkeView(IzinMixin, View):
    """A POST-only action on a worksheet that returns to it with a message."""

    permission_required = "kinerja.change_jawabanlke"

    def jalankan(self, request, lke):  # pragma: no cover - overridden
        raise NotImplementedError

    def post(self, request, tahun):
        lke = _lke(tahun)
        with kesalahan_ke_pesan(request):
            self.jalankan(request, lke)
        return redirect("kinerja:lke_detail", tahun=tahun)


class LkeUsulanHitungView(_AksiLkeView):
    def jalankan(self, request, lke):
        n = svc.usulan_hitung(pengguna=request.user, lke=lke)
        messages.success(request, f"Usulan jawaban dihitung dari data untuk {n} kriteria.")


class LkeAturanSegarkanView(_AksiLkeView):
    """Give a draft worksheet the proposal rules of the 88/2021 structure it lacks."""

    permission_required = "kinerja.change_lembarkerjaevaluasi"

    def jalankan(self, request, lke):
        diubah = svc.lke_aturan_segarkan(pengguna=request.user, lke=lke)
        if diubah:
            messages.success(
                request,
                f"Aturan usulan ditambahkan pada {len(diubah)} kriteria ({', '.join(diubah)}); "
                "hitung ulang usulan dari data.",
            )
        else:
            messages.info(request, "Semua kriteria sudah memiliki aturan usulan bakunya.")


class LkeFinalkanView(_AksiLkeView):
    permission_required = "kinerja.change_lembarkerjaevaluasi"

    def jalankan(self, request, lke):
        svc.lke_finalkan(pengguna=request.user, lke=lke)
        messages.success(request, f"Penilaian mandiri {lke} difinalkan.")


class LkeBobotView(IzinMixin, View):
    permission_required = "kinerja.change_komponenlke"
    template_name = "kinerja/lke/bobot_form.html"

    def _siap(self, tahun):
        lke = _lke(tahun)
        svc.pastikan_pimpinan(self.request.user)
        return lke, sel.lke_pohon(lke=lke)

    def get(self, request, tahun):
        lke, pohon = self._siap(tahun)
        return render(request, self.template_name, {"lke": lke, "form": BobotForm(pohon=pohon)})

    def post(self, request, tahun):
        lke, pohon = self._siap(tahun)
        form = BobotForm(request.POST, pohon=pohon)
        if form.is_valid():
            with kesalahan_ke_form(form):
                svc.struktur_bobot_set(pengguna=request.user, lke=lke, bobot=form.bobot())
                messages.success(request, f"Bobot {lke} disimpan.")
                return redirect("kinerja:lke_detail", tahun=tahun)
        return render(request, self.template_name, {"lke": lke, "form": form}, status=400)


class _StrukturUbahView(IzinMixin, View):
    """Edit one part of a worksheet's structure (Sekretaris/Admin; the service refuses a final
    worksheet, and the form then shows the refusal with the input kept)."""

    template_name = "kinerja/lke/struktur_form.html"
    model = None
    form_class = None

    def _siap(self, pk):
        obj = get_object_or_404(self.queryset(), pk=pk)
        svc.pastikan_pimpinan(self.request.user)
        return obj

    def _render(self, request, obj, form, status=200):
        return render(
            request,
            self.template_name,
            {"form": form, "obj": obj, "lke": self.lke_of(obj), "judul": self.judul(obj)},
            status=status,
        )

    def get(self, request, pk):
        obj = self._siap(pk)
        return self._render(request, obj, self.form_class(initial=self.initial(obj)))

    def post(self, request, pk):
        obj = self._siap(pk)
        form = self.form_class(request.POST)
        if form.is_valid():
            with kesalahan_ke_form(form):
                self.simpan(request, obj, form.cleaned_data)
                messages.success(request, f"{self.judul(obj)} disimpan.")
                return redirect("kinerja:lke_detail", tahun=self.lke_of(obj).tahun)
        return self._render(request, obj, form, status=400)


class LkeKriteriaUbahView(_StrukturUbahView):
    permission_required = "kinerja.change_kriterialke"
    form_class = KriteriaForm

    def queryset(self):
        return KriteriaLke.objects.select_related("sub__komponen__lke")

    def lke_of(self, obj):
        return obj.sub.komponen.lke

    def judul(self, obj):
        return f"Kriteria {obj}"

    def initial(self, obj):
        return {"uraian": obj.uraian, "aturan": obj.aturan}

    def simpan(self, request, obj, data):
        svc.kriteria_ubah(
            pengguna=request.user, kriteria=obj, uraian=data["uraian"], aturan=data["aturan"]
        )


class LkeKomponenUbahView(_StrukturUbahView):
    permission_required = "kinerja.change_komponenlke"
    form_class = KomponenForm

    def queryset(self):
        return KomponenLke.objects.select_related("lke")

    def lke_of(self, obj):
        return obj.lke

    def judul(self, obj):
        return f"Komponen {obj.kode}"

    def initial(self, obj):
        return {"nama": obj.nama}

    def simpan(self, request, obj, data):
        # the weight stays; weights are changed together on the weights page
        svc.komponen_ubah(pengguna=request.user, komponen=obj, nama=data["nama"], bobot=obj.bobot)


class LkeJawabanView(IzinMixin, View):
    permission_required = "kinerja.change_jawabanlke"
    template_name = "kinerja/lke/jawaban_form.html"

    def _siap(self, pk):
        jawaban = _jawaban(pk)
        svc.pastikan_penjawab(self.request.user)
        lke = jawaban.kriteria.sub.komponen.lke
        return jawaban, lke, svc.skala_kode(lke, jawaban.kriteria.sub)

    def _render(self, request, jawaban, lke, form, status=200):
        return render(
            request,
            self.template_name,
            {"form": form, "jawaban": jawaban, "lke": lke, "kriteria": jawaban.kriteria},
            status=status,
        )

    def get(self, request, pk):
        jawaban, lke, skala = self._siap(pk)
        form = JawabanForm(
            initial={
                "jawaban": jawaban.jawaban,
                "catatan": jawaban.catatan,
                "tautan": jawaban.tautan,
            },
            skala=skala,
        )
        return self._render(request, jawaban, lke, form)

    def post(self, request, pk):
        jawaban, lke, skala = self._siap(pk)
        form = JawabanForm(request.POST, request.FILES, skala=skala)
        if form.is_valid():
            with kesalahan_ke_form(form):
                d = form.cleaned_data
                svc.jawaban_isi(
                    pengguna=request.user,
                    jawaban=jawaban,
                    nilai=d["jawaban"],
                    catatan=d["catatan"],
                    tautan=d["tautan"],
                    berkas=d["berkas"],
                )
                messages.success(request, f"Jawaban kriteria {jawaban.kriteria} disimpan.")
                return redirect("kinerja:lke_detail", tahun=lke.tahun)
        return self._render(request, jawaban, lke, form, status=400)


class LkeKonfirmasiView(IzinMixin, View):
    """Take the proposal as the answer (POST only)."""

    permission_required = "kinerja.change_jawabanlke"

    def post(self, request, pk):
        jawaban = _jawaban(pk)
        lke = jawaban.kriteria.sub.komponen.lke
        with kesalahan_ke_pesan(request):
            svc.usulan_konfirmasi(pengguna=request.user, jawaban=jawaban)
            messages.success(request, f"Usulan kriteria {jawaban.kriteria} dikonfirmasi.")
        return redirect("kinerja:lke_detail", tahun=lke.tahun)


class LkeEvaluatorView(IzinMixin, View):
    permission_required = "kinerja.nilai_evaluator_lke"
    template_name = "kinerja/lke/evaluator_form.html"

    def _siap(self, pk):
        jawaban = _jawaban(pk)
        lke = jawaban.kriteria.sub.komponen.lke
        return jawaban, lke, svc.skala_kode(lke, jawaban.kriteria.sub)

    def _render(self, request, jawaban, lke, form, status=200):
        return render(
            request,
            self.template_name,
            {"form": form, "jawaban": jawaban, "lke": lke, "kriteria": jawaban.kriteria},
            status=status,
        )

    def get(self, request, pk):
        jawaban, lke, skala = self._siap(pk)
        form = EvaluatorForm(
            initial={
                "jawaban_evaluator": jawaban.jawaban_evaluator,
                "catatan_evaluator": jawaban.catatan_evaluator,
            },
            skala=skala,
        )
        return self._render(request, jawaban, lke, form)

    def post(self, request, pk):
        jawaban, lke, skala = self._siap(pk)
        form = EvaluatorForm(request.POST, skala=skala)
        if form.is_valid():
            with kesalahan_ke_form(form):
                svc.jawaban_evaluator_isi(
                    pengguna=request.user,
                    jawaban=jawaban,
                    nilai=form.cleaned_data["jawaban_evaluator"],
                    catatan=form.cleaned_data["catatan_evaluator"],
                )
                messages.success(request, f"Jawaban evaluator {jawaban.kriteria} disimpan.")
                return redirect("kinerja:lke_detail", tahun=lke.tahun)
        return self._render(request, jawaban, lke, form, status=400)


class LkeBerkasView(IzinMixin, View):
    permission_required = "kinerja.view_jawabanlke"

    def get(self, request, pk):
        jawaban = _jawaban(pk)
        if not jawaban.berkas:
            raise Http404("Kriteria ini tidak memiliki berkas bukti.")
        return berkas_response(jawaban.berkas, jenis=jawaban.jenis_berkas, nama=jawaban.nama_asli)


def lke_laporan_konteks(lke: LembarKerjaEvaluasi) -> dict:
    from sekretariat import selectors as org

    pohon = sel.lke_pohon(lke=lke)
    satker = org.satker_get()
    return {
        "lke": lke,
        "pohon": pohon,
        "r": sel.lke_ringkasan(lke=lke, pohon=pohon),
        "riwayat": sel.lke_riwayat_total(sampai=lke.tahun),
        "satker": satker.nama if satker else "Sekretariat KPU",
    }


def lke_laporan_html(lke: LembarKerjaEvaluasi) -> str:
    return render_to_string("kinerja/pdf/lke.html", lke_laporan_konteks(lke) | {"basis": None})


class LkeLaporanView(IzinMixin, TemplateView):
    """The self-assessment report as a page: the PDF's own template inside the site's frame."""

    permission_required = "kinerja.view_lembarkerjaevaluasi"
    template_name = "kinerja/pdf/lke.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(lke_laporan_konteks(_lke(self.kwargs["tahun"])))
        context["basis"] = "kinerja/lke/laporan_halaman.html"
        return context


class LkeLaporanPdfView(IzinMixin, View):
    permission_required = "kinerja.view_lembarkerjaevaluasi"

    def get(self, request, tahun):
        html = lke_laporan_html(_lke(tahun))
        return html_ke_pdf_respons(html, f"penilaian-mandiri-lke-{tahun}.pdf")
