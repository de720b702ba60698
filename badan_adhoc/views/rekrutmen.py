"""Pages of the ad hoc recruitment. Views stay thin: selectors read, services write.

Reading needs ``badan_adhoc.view_*`` (every role); writing needs to be staff of the
recruitment (``akses.boleh_kelola``: Admin, Sekretaris, Sub Bagian Teknis), else 403.
NIK is shown in full only to staff of the recruitment, masked for everyone else.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView

from kpu_site.akses import IzinMixin
from kpu_site.formatting import angka
from kpu_site.formulir import LayananFormMixin
from kpu_site.impor import ImporGagal, kesalahan_teks
from kpu_site.impor_halaman import pemetaan_form, profil_field
from kpu_site.impor_jenis import jenis_get
from kpu_site.svg import grafik_batang
from kpu_site.tahun import tahun_aktif

from .. import selectors, services
from ..akses import boleh_kelola
from ..forms import (
    ImporForm,
    RekrutmenForm,
    TahapanFormSet,
)
from ..models import (
    ALASAN_TMS,
    PERINGATAN,
    JenisBadan,
    Rekrutmen,
)
from ..selectors.berkas import berkas_ringkasan_tersimpan


class BacaMixin(IzinMixin):
    permission_required = "badan_adhoc.view_rekrutmen"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["boleh_kelola"] = boleh_kelola(self.request.user)
        return context


class KelolaMixin(BacaMixin):
    """Writes: staff of the recruitment only (403 for every other role)."""

    permission_required = "badan_adhoc.change_rekrutmen"

    def has_permission(self) -> bool:
        return super().has_permission() and boleh_kelola(self.request.user)


class _RekrutmenMixin:
    """A page of one recruitment (``<int:pk>`` in the URL): ``self.rekrutmen`` (404 if none),
    and ``rekrutmen`` in the template context."""

    def dispatch(self, request, *args, **kwargs):
        self.rekrutmen = get_object_or_404(Rekrutmen, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"rekrutmen": self.rekrutmen}


# --------------------------------------------------------------------------- rekrutmen


class RekrutmenListView(BacaMixin, ListView):
    model = Rekrutmen
    template_name = "badan_adhoc/rekrutmen_list.html"

    def get_queryset(self):
        self.tahun = tahun_aktif(self.request)
        self.semua = self.request.GET.get("semua") == "1"
        if self.semua:
            return selectors.rekrutmen_list()
        return selectors.rekrutmen_tahun_list(tahun=self.tahun)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        satuan = selectors.satuan_jumlah()
        for r in context["object_list"]:
            r.kursi = selectors.kursi_total(r, satuan=satuan)
            ringkasan = selectors.seleksi_ringkasan_tersimpan(r)["data"]
            r.jumlah_pendaftar, r.jumlah_ms = ringkasan["jumlah"], ringkasan["ms"]
            r.jumlah_tms = ringkasan["tms"]
        context["jumlah_kecamatan"] = satuan[JenisBadan.PPK]
        context["jumlah_kelurahan"] = satuan[JenisBadan.PPS]
        context["jumlah_tps"] = satuan[JenisBadan.KPPS]
        context["tahun"], context["semua"] = self.tahun, self.semua
        return context


class RekrutmenCreateView(KelolaMixin, LayananFormMixin, FormView):
    form_class = RekrutmenForm
    template_name = "badan_adhoc/rekrutmen_form.html"

    def layanan(self, form):
        rekrutmen = services.rekrutmen_create(
            **{k: form.cleaned_data[k] for k in form.Meta.fields}, pengguna=self.request.user
        )
        messages.success(self.request, f"Rekrutmen {rekrutmen} dibuat.")
        return redirect("badan_adhoc:rekrutmen_detail", pk=rekrutmen.pk)


class RekrutmenDetailView(BacaMixin, DetailView):
    """The recruitment dashboard (what a Kasubag Teknis keeps open all day)."""

    model = Rekrutmen
    template_name = "badan_adhoc/rekrutmen_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rekrutmen = self.object
        # The two scans of the applicants are cached per version of the applicant data (so
        # they are never older than it) and for 5 minutes at most (seats follow wilayah/TPS).
        segar = self.request.GET.get("segar") == "1"
        ringkasan_tersimpan = selectors.seleksi_ringkasan_tersimpan(rekrutmen, segar=segar)
        wilayah_tersimpan = selectors.rekap_per_wilayah_tersimpan(rekrutmen, segar=segar)
        ringkasan = ringkasan_tersimpan["data"]
        context["berkas"] = berkas_ringkasan_tersimpan(
            rekrutmen, jumlah=ringkasan["jumlah"], segar=segar
        )["data"]
        rows = wilayah_tersimpan["data"]
        per_kecamatan = selectors.rekap_per_kecamatan(rekrutmen, rows)
        kursi = sum(r.kursi for r in rows)
        celah = sorted(
            (r for r in rows if r.pendaftar < r.kursi),
            key=lambda r: (-r.kekurangan, r.wilayah.kode),
        )
        alasan = [(kode, label, ringkasan["alasan"][kode]) for kode, label in ALASAN_TMS.items()]
        context.update(
            data_per=min(ringkasan_tersimpan["per"], wilayah_tersimpan["per"]),
            ringkasan=ringkasan,
            kursi=kursi,
            belum=ringkasan["jumlah"] - ringkasan["ms"] - ringkasan["tms"],
            rasio=(ringkasan["jumlah"] / kursi) if kursi else 0,
            rasio_ms=(ringkasan["ms"] / kursi) if kursi else 0,
            per_kecamatan=per_kecamatan,
            celah=celah[:25],
            jumlah_celah=len(celah),
            kursi_celah=sum(r.kekurangan for r in celah),
            alasan=alasan,
            peringatan=[
                (kode, label, ringkasan["peringatan"][kode]) for kode, label in PERINGATAN.items()
            ],
            tahapan=rekrutmen.tahapan.all(),
            grafik_alasan=mark_safe(  # noqa: S308 - svg.grafik_batang escapes its labels
                grafik_batang(
                    kategori=[str(label) for _, label, _ in alasan],
                    seri=[("Pendaftar", [n for _, _, n in alasan])],
                    judul="Pendaftar TMS per alasan",
                    horizontal=True,
                    lebar=560,
                    tinggi=260,
                )
            ),
        )
        return context


class TahapanView(_RekrutmenMixin, KelolaMixin, TemplateView):
    """Edit the recruitment's stage schedule."""

    template_name = "badan_adhoc/tahapan_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("formset", TahapanFormSet(instance=self.rekrutmen))
        return context

    def post(self, request, pk):
        formset = TahapanFormSet(request.POST, instance=self.rekrutmen)
        if formset.is_valid():
            try:
                services.tahapan_save(
                    rekrutmen=self.rekrutmen, formset=formset, pengguna=request.user
                )
            except ValidationError as exc:
                formset._non_form_errors = formset.error_class(exc.messages)
                return self.render_to_response(self.get_context_data(formset=formset))
            messages.success(request, "Jadwal tahapan disimpan.")
            return redirect("badan_adhoc:rekrutmen_detail", pk=pk)
        return self.render_to_response(self.get_context_data(formset=formset))


class RekrutmenSeleksiView(KelolaMixin, View):
    """POST: run the administrative screening (the button on the dashboard)."""

    def post(self, request, pk):
        rekrutmen = get_object_or_404(Rekrutmen, pk=pk)
        hasil = services.pendaftar_screen(rekrutmen=rekrutmen, pengguna=request.user)
        messages.success(
            request,
            f"Seleksi administrasi selesai: {angka(hasil['jumlah'])} pendaftar, "
            f"{angka(hasil['ms'])} MS, {angka(hasil['tms'])} TMS.",
        )
        return redirect("badan_adhoc:rekrutmen_detail", pk=pk)


# --------------------------------------------------------------------------- imports


class _ImporView(KelolaMixin, LayananFormMixin, FormView):
    """An import page: the file, a column-mapping profile of the import ``jenis_impor``
    (``kpu_site.impor_halaman``), its template downloads; every row written or none."""

    form_class = ImporForm
    template_name = "badan_adhoc/impor_form.html"
    judul = ""
    kolom = ()
    fungsi = None
    jenis_impor = ""
    pemetaan = None

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["profil"] = profil_field(self.jenis_impor)
        form.fields["profil"].widget.attrs["class"] = "form-select"
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(judul=self.judul, kolom=self.kolom, jenis_impor=jenis_get(self.jenis_impor))
        return context

    def jalankan(self, form, berkas):
        return type(self).fungsi(
            berkas=berkas,
            nama_berkas=berkas.name,
            pengguna=self.request.user,
            pemetaan=self.pemetaan,
        )

    def sukses_url(self):
        return reverse("badan_adhoc:wilayah_list")

    def layanan(self, form):
        berkas = form.cleaned_data["berkas"]
        try:
            self.pemetaan = pemetaan_form(self.jenis_impor, form.cleaned_data)
        except ImporGagal as exc:
            raise ValidationError({"profil": [str(k) for k in exc.kesalahan]}) from None
        try:
            hasil = self.jalankan(form, berkas)
        except ImporGagal as exc:
            raise ValidationError(
                {
                    "berkas": kesalahan_teks(exc.kesalahan, batas=100),
                    NON_FIELD_ERRORS: "Tidak ada data yang ditulis. Perbaiki berkas lalu unggah lagi.",
                }
            ) from None
        sama = f", {angka(hasil.sama)} sama, dilewati" if hasil.sama else ""
        messages.success(self.request, f"Impor selesai: {angka(hasil.jumlah)} baris{sama}.")
        return redirect(self.sukses_url())


class WilayahImporView(_ImporView):
    jenis_impor = "wilayah"
    judul = "Impor kecamatan dan desa/kelurahan"
    kolom = services.impor.KOLOM_WILAYAH
    fungsi = services.wilayah_import


class TPSImporView(_ImporView):
    jenis_impor = "tps"
    judul = "Impor TPS"
    kolom = services.impor.KOLOM_TPS
    fungsi = services.tps_import


class AnggotaParpolImporView(_ImporView):
    jenis_impor = "anggota_parpol"
    judul = "Impor daftar anggota partai politik (ekspor SIPOL)"
    kolom = services.impor.KOLOM_PARPOL
    fungsi = services.anggota_parpol_import


class PendaftarImporView(_RekrutmenMixin, _ImporView):
    jenis_impor = "pendaftar"
    kolom = services.impor.KOLOM_PENDAFTAR

    @property
    def judul(self):
        return f"Impor pendaftar – {self.rekrutmen}"

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"dengan_ganti": True}

    def jalankan(self, form, berkas):
        hasil = services.pendaftar_import(
            rekrutmen=self.rekrutmen,
            berkas=berkas,
            nama_berkas=berkas.name,
            pengguna=self.request.user,
            ganti=form.cleaned_data.get("ganti", False),
            pemetaan=self.pemetaan,
        )
        if form.cleaned_data.get("seleksi"):
            services.pendaftar_screen(rekrutmen=self.rekrutmen, pengguna=self.request.user)
        return hasil

    def sukses_url(self):
        return reverse("badan_adhoc:rekrutmen_detail", args=[self.rekrutmen.pk])


class WilayahListView(BacaMixin, TemplateView):
    template_name = "badan_adhoc/wilayah_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["kecamatan_list"] = selectors.kecamatan_rekap()
        context["jumlah_parpol"] = selectors.anggota_parpol_jumlah()
        return context
