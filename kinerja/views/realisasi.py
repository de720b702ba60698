"""Quarterly realisasi: the year list, input and validation (htmx), workflow actions, evidence
and the verification queue."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View
from django.views.generic import DetailView, TemplateView

from kpu_site.akses import IzinMixin, boleh_ubah_unit
from kpu_site.berkas import berkas_response
from kpu_site.excel import xlsx_response
from kpu_site.formulir import (
    kesalahan_ke_field,
    kesalahan_ke_form,
    kesalahan_ke_pesan,
    pesan_form_salah,
)
from kpu_site.services import unduhan_record

from .. import selectors, services
from ..forms import (
    BuktiForm,
    CatatanForm,
    RealisasiForm,
)
from ..impor import realisasi_impor_boleh
from ..models import BuktiDukung, Realisasi
from ._dasar import TahunMixin, kembali_ke, tahun_kosong_kinerja

# --------------------------------------------------------------------------- realisasi


class RealisasiListView(IzinMixin, TahunMixin, TemplateView):
    """Where each indikator stands for the year: the status of TW I–IV and the year."""

    permission_required = "kinerja.view_realisasi"
    template_name = "kinerja/realisasi_list.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "xlsx":
            return self._xlsx(kwargs["tahun"])
        return super().get(request, *args, **kwargs)

    def _xlsx(self, tahun: int):
        """TW I–IV of every indikator, with the columns the realisasi import reads back
        (``kinerja/impor.py``: ``kode_indikator``, ``triwulan``, ``realisasi``, ``analisis``,
        ``tahun``); a quarter without realisasi is a blank row to fill in."""
        unduhan_record(
            pengguna=self.request.user, ringkasan=f"Unduh Excel: realisasi kinerja TW {tahun}"
        )
        return xlsx_response(
            nama_berkas=f"realisasi-kinerja-tw-{tahun}",
            judul=f"Realisasi Kinerja Triwulanan {tahun}",
            kolom=[
                "Kode indikator",
                "Uraian indikator",
                "Sub bagian",
                "Tahun",
                "Triwulan",
                "Realisasi",
                "Analisis",
                "Status",
            ],
            baris=[
                [
                    ind.kode,
                    ind.uraian,
                    str(ind.sasaran.unit),
                    tahun,
                    Realisasi.Periode(periode).label,
                    r.nilai.normalize() if r and r.nilai is not None else None,
                    r.analisis if r else "",
                    r.get_status_display() if r else "",
                ]
                for ind, periode, r in selectors.realisasi_triwulan_list(tahun=tahun)
            ],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tahun = self.kwargs["tahun"]
        user = self.request.user
        unit_saya = self.request.GET.get("unit") == "saya" and user.unit_id
        baris = selectors.capaian_tahun_list(tahun=tahun, unit=user.unit_id if unit_saya else None)
        boleh_isi = user.has_perm("kinerja.change_realisasi")
        context.update(
            baris=[
                (
                    b,
                    boleh_isi and boleh_ubah_unit(user, b.indikator.sasaran.unit),
                    [(v, label, b.periode.get(v)) for v, label in Realisasi.Periode.choices],
                )
                for b in baris
            ],
            periode=Realisasi.Periode.choices,
            tahun_kosong=tahun_kosong_kinerja(self.request, tahun),
            boleh_impor=realisasi_impor_boleh(user),
        )
        return context


def _realisasi_konteks(request, indikator, tahun, periode, form=None, aksi_form=None):
    realisasi = Realisasi.objects.filter(indikator=indikator, tahun=tahun, periode=periode).first()
    target = selectors.target_tahun_map(tahun=tahun).get(indikator.pk)
    if form is None:
        initial = {"versi": realisasi.versi if realisasi else 0}
        if realisasi:
            initial.update(
                nilai=_angka_awal(realisasi.nilai),
                target_periode=_angka_awal(realisasi.target_periode),
                analisis=realisasi.analisis,
                kendala=realisasi.kendala,
                solusi=realisasi.solusi,
                program_pendukung=realisasi.program_pendukung,
            )
        form = RealisasiForm(initial=initial, indikator=indikator, periode=periode)
    terkunci = selectors.kinerja_tahun_lock(tahun)
    dapat_diubah = not terkunci and (realisasi is None or realisasi.dapat_diubah)
    user = request.user
    return {
        "indikator": indikator,
        "tahun": tahun,
        "periode": periode,
        "periode_label": dict(Realisasi.Periode.choices)[periode],
        "daftar_periode": Realisasi.Periode.choices,
        "realisasi": realisasi,
        "target": target,
        "hasil": selectors.capaian_periode(indikator=indikator, realisasi=realisasi, target=target),
        "form": form,
        "form_bukti": BuktiForm(),
        "terkunci": terkunci,
        "dapat_diubah": dapat_diubah,
        "aksi": services.realisasi_aksi_boleh(realisasi=realisasi, pengguna=user),
        "bukti": list(realisasi.bukti.select_related("diunggah_oleh")) if realisasi else [],
        "riwayat": list(selectors.realisasi_riwayat(realisasi=realisasi)[:20]) if realisasi else [],
    }


def _url_isi(realisasi: Realisasi) -> str:
    """The input page of the realisasi's indikator and period (where its actions return)."""
    return reverse(
        "kinerja:realisasi_isi",
        kwargs={
            "tahun": realisasi.tahun,
            "indikator_pk": realisasi.indikator_id,
            "periode": realisasi.periode,
        },
    )


def _angka_awal(nilai):
    if nilai is None:
        return None
    text = format(nilai.normalize(), "f")
    return text.replace(".", ",")


class RealisasiIsiView(IzinMixin, View):
    """The input form of one indikator and period (htmx: the form swaps itself on save).

    A Kasubag/Staf only reaches the indikator of their own sub-bagian (another unit: 404)."""

    permission_required = "kinerja.change_realisasi"
    template_name = "kinerja/realisasi_form.html"

    def _indikator(self):
        if self.kwargs["periode"] not in Realisasi.Periode.values:
            raise Http404("Periode tidak dikenal.")
        return get_object_or_404(
            selectors.indikator_untuk_pengguna(user=self.request.user),
            pk=self.kwargs["indikator_pk"],
        )

    def _render(self, request, context, status=200):
        template = "kinerja/_realisasi_form.html" if request.htmx else self.template_name
        return render(request, template, context, status=status)

    def get(self, request, tahun, indikator_pk, periode):
        indikator = self._indikator()
        return self._render(request, _realisasi_konteks(request, indikator, tahun, periode))

    def post(self, request, tahun, indikator_pk, periode):
        indikator = self._indikator()
        form = RealisasiForm(request.POST, indikator=indikator, periode=periode)
        if form.is_valid():
            data = form.cleaned_data
            with kesalahan_ke_form(form):
                services.realisasi_save(
                    indikator=indikator,
                    tahun=tahun,
                    periode=periode,
                    pengguna=request.user,
                    versi=data.get("versi"),
                    nilai=data.get("nilai"),
                    target_periode=data.get("target_periode"),
                    analisis=data["analisis"],
                    kendala=data["kendala"],
                    solusi=data["solusi"],
                    program_pendukung=data["program_pendukung"],
                )
                messages.success(request, "Realisasi disimpan.")
                if not request.htmx:
                    return redirect(request.path)
                return self._render(request, _realisasi_konteks(request, indikator, tahun, periode))
        context = _realisasi_konteks(request, indikator, tahun, periode, form=form)
        return self._render(request, context, status=200 if request.htmx else 400)


class RealisasiValidasiView(RealisasiIsiView):
    """htmx inline validation of one field of the realisasi form (returns the error text)."""

    http_method_names = ["post"]

    def post(self, request, tahun, indikator_pk, periode):
        indikator = self._indikator()
        nama = request.POST.get("_field", "nilai")
        form = RealisasiForm(request.POST, indikator=indikator, periode=periode)
        form.is_valid()
        errors = form.errors.get(nama, []) if nama in form.fields else []
        return render(request, "kinerja/_kesalahan_field.html", {"errors": errors})


class RealisasiAksiView(IzinMixin, View):
    """Workflow steps: ajukan (Staf), verifikasi/kembalikan (Kasubag), setujui (Sekretaris)."""

    permission_required = "kinerja.view_realisasi"
    http_method_names = ["post"]

    def post(self, request, pk):
        realisasi = get_object_or_404(
            Realisasi.objects.select_related("indikator", "indikator__sasaran"), pk=pk
        )
        form = CatatanForm(request.POST)
        default = _url_isi(realisasi)
        if not form.is_valid():
            messages.error(request, "Aksi tidak dikenal.")
            return kembali_ke(request, default)
        aksi = form.cleaned_data["aksi"]
        catatan = form.cleaned_data["catatan"]
        # a refused note is marked on its field on the page the form sits on (issue 16)
        with kesalahan_ke_field(
            request, formulir=f"{aksi}-{realisasi.pk}", data={"catatan": catatan}
        ):
            if aksi == "ajukan":
                services.realisasi_submit(realisasi=realisasi, pengguna=request.user)
                pesan = "Realisasi diajukan ke Kasubag untuk diverifikasi."
            elif aksi == "verifikasi":
                services.realisasi_verify(
                    realisasi=realisasi, pengguna=request.user, catatan=catatan
                )
                pesan = "Realisasi diverifikasi dan diteruskan ke Sekretaris."
            elif aksi == "kembalikan":
                services.realisasi_return(
                    realisasi=realisasi, pengguna=request.user, catatan=catatan
                )
                pesan = "Realisasi dikembalikan dengan catatan."
            else:
                services.realisasi_approve(realisasi=realisasi, pengguna=request.user)
                pesan = "Realisasi disetujui dan dikunci."
            messages.success(request, pesan)
        return kembali_ke(request, default)


class RealisasiDetailView(IzinMixin, DetailView):
    """Read-only view of one realisasi: values, narrative, evidence, history."""

    permission_required = "kinerja.view_realisasi"
    model = Realisasi
    template_name = "kinerja/realisasi_detail.html"
    context_object_name = "realisasi"

    def get_queryset(self):
        return Realisasi.objects.select_related(
            "indikator",
            "indikator__sasaran",
            "indikator__sasaran__unit",
            "diajukan_oleh",
            "diverifikasi_oleh",
            "disetujui_oleh",
            "diubah_oleh",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        r = self.object
        target = selectors.target_tahun_map(tahun=r.tahun).get(r.indikator_id)
        context.update(
            target=target,
            hasil=selectors.capaian_periode(indikator=r.indikator, realisasi=r, target=target),
            bukti=list(r.bukti.select_related("diunggah_oleh")),
            riwayat=list(selectors.realisasi_riwayat(realisasi=r)[:30]),
        )
        return context


# --------------------------------------------------------------------------- evidence


class BuktiTambahView(IzinMixin, View):
    permission_required = "kinerja.add_buktidukung"
    http_method_names = ["post"]

    def post(self, request, pk):
        realisasi = get_object_or_404(selectors.realisasi_untuk_pengguna(user=request.user), pk=pk)
        form = BuktiForm(request.POST, request.FILES)
        default = _url_isi(realisasi)
        if not form.is_valid():
            pesan_form_salah(request, form)
            return redirect(default)
        with kesalahan_ke_pesan(request):
            if form.cleaned_data["berkas"]:
                services.bukti_berkas_add(
                    realisasi=realisasi,
                    pengguna=request.user,
                    berkas=form.cleaned_data["berkas"],
                    keterangan=form.cleaned_data["keterangan"],
                )
            else:
                services.bukti_tautan_add(
                    realisasi=realisasi,
                    pengguna=request.user,
                    tautan=form.cleaned_data["tautan"],
                    keterangan=form.cleaned_data["keterangan"],
                )
            messages.success(request, "Bukti dukung ditambahkan.")
        return redirect(default)


class BuktiUnduhView(IzinMixin, View):
    """Evidence is served only through this permission-checked view (never a public URL)."""

    permission_required = "kinerja.view_buktidukung"

    def get(self, request, pk):
        bukti = get_object_or_404(BuktiDukung.objects.select_related("realisasi"), pk=pk)
        if bukti.tautan:
            return HttpResponseRedirect(bukti.tautan)
        response = berkas_response(
            bukti.berkas, jenis=bukti.jenis_berkas, nama=bukti.nama_asli or bukti.berkas.name
        )
        unduhan_record(
            pengguna=request.user,
            objek=bukti,
            ringkasan=f"Unduh bukti {bukti.nama_asli}",
        )
        return response


class BuktiHapusView(IzinMixin, View):
    permission_required = "kinerja.change_buktidukung"
    http_method_names = ["post"]

    def post(self, request, pk):
        bukti = get_object_or_404(
            BuktiDukung.objects.select_related("realisasi", "realisasi__indikator__sasaran"), pk=pk
        )
        if (
            not selectors.realisasi_untuk_pengguna(user=request.user)
            .filter(pk=bukti.realisasi_id)
            .exists()
        ):
            raise Http404
        with kesalahan_ke_pesan(request):
            services.bukti_delete(bukti=bukti, pengguna=request.user)
            messages.success(request, "Bukti dukung dihapus.")
        return redirect(_url_isi(bukti.realisasi))


# --------------------------------------------------------------------------- queue


class AntreanView(IzinMixin, TemplateView):
    """The verification queue: Kasubag sees their unit's submissions, Sekretaris the verified."""

    permission_required = "kinerja.verifikasi_realisasi"
    template_name = "kinerja/antrean.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["antrean"] = selectors.realisasi_antrean(user=self.request.user)
        return context
