"""Pages of the organisation. Thin: querysets from selectors, writes through services.

Reads: every role holding ``view_<model>`` (all six roles). Writes: the model's add/change
permission (Admin, Sekretaris; Kasubag/Staf only where the role policy allows), and for pegawai
and riwayat jabatan additionally ``selectors.pegawai_boleh_ubah`` (Kasubag/Staf of Sub Bagian
Hukum dan SDM only): other users get 403.
"""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView, UpdateView

from kpu_site.akses import IzinMixin
from kpu_site.excel import xlsx_response
from kpu_site.formatting import angka, tanggal_valid
from kpu_site.formulir import LayananFormMixin
from kpu_site.halaman import HalamanMixin
from kpu_site.impor_langkah import ImporDuaLangkahMixin
from kpu_site.services import unduhan_record

from . import forms, grafik, impor, selectors, services
from .models import Divisi, Jabatan, Komisioner, Pegawai, RiwayatJabatan, Satker, UnitOrganisasi


def _tanggal_param(request) -> date:
    return tanggal_valid(request.GET.get("tanggal")) or timezone.localdate()


class PegawaiTulisMixin:
    """Writes of pegawai/riwayat jabatan: only Admin, Sekretaris and Hukum dan SDM staff."""

    def has_permission(self) -> bool:
        return super().has_permission() and selectors.pegawai_boleh_ubah(self.request.user)


# --- Organisasi overview ---------------------------------------------------------------------


class OrganisasiView(IzinMixin, TemplateView):
    permission_required = "sekretariat.view_unitorganisasi"
    template_name = "sekretariat/organisasi.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tanggal = _tanggal_param(self.request)
        # each figure read once, then drawn as a chart and listed in a table
        satker = selectors.satker_get()
        akar = selectors.struktur_organisasi(tanggal=tanggal)
        pendidikan_pns = selectors.pegawai_hitung_pendidikan(status="pns", tanggal=tanggal)
        pendidikan_ppnpn = selectors.pegawai_hitung_pendidikan(status="ppnpn", tanggal=tanggal)
        komisioner = list(selectors.komisioner_list(tanggal=tanggal))
        context.update(
            tanggal=tanggal,
            satker=satker,
            bagan_svg=mark_safe(  # noqa: S308 - drawn and escaped by grafik
                grafik.bagan_organisasi_svg(tanggal=tanggal, akar=akar, satker=satker)
            ),
            pendidikan_pns_svg=mark_safe(  # noqa: S308
                grafik.pendidikan_svg(status="pns", rows=pendidikan_pns)
            ),
            pendidikan_ppnpn_svg=mark_safe(  # noqa: S308
                grafik.pendidikan_svg(status="ppnpn", rows=pendidikan_ppnpn)
            ),
            hitung_status=selectors.pegawai_hitung_status(tanggal=tanggal),
            hitung_jabatan=selectors.pegawai_hitung_jenis_jabatan(tanggal=tanggal),
            hitung_ppnpn=selectors.pegawai_hitung_jenis_ppnpn(tanggal=tanggal),
            hitung_unit=selectors.pegawai_hitung_unit(tanggal=tanggal),
            hitung_pendidikan_pns=pendidikan_pns,
            hitung_pendidikan_ppnpn=pendidikan_ppnpn,
            komisioner=komisioner,
            peringatan_komisioner=selectors.komisioner_peringatan(
                tanggal=tanggal, aktif=komisioner
            ),
            struktur=selectors.struktur_baris(akar=akar),
        )
        return context


# --- Generic create/update through a service -------------------------------------------------


class SimpanView(IzinMixin, LayananFormMixin, UpdateView):
    """Create (no ``pk``) or update (``pk``) a record by calling ``fungsi_layanan`` (a service
    taking ``<nama_objek>=instance_or_None`` plus the form's fields and ``extra_fields``)."""

    fungsi_layanan = None
    nama_objek = ""
    extra_fields: tuple[str, ...] = ()
    judul_buat = ""
    judul_ubah = ""
    kembali = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not self.permission_required:
            action = "change" if "pk" in kwargs else "add"
            self.permission_required = f"sekretariat.{action}_{self.model._meta.model_name}"

    def get_object(self, queryset=None):
        if "pk" not in self.kwargs:
            return None
        return super().get_object(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["judul"] = (
            f"{self.judul_ubah}: {self.object}" if self.object is not None else self.judul_buat
        )
        context["kembali"] = self.kembali
        return context

    def simpan(self, form):
        fields = form.service_fields()
        for name in self.extra_fields:
            fields[name] = form.cleaned_data.get(name)
        return type(self).fungsi_layanan(**{self.nama_objek: self.object}, **fields)

    def layanan(self, form):
        obj = self.simpan(form)
        messages.success(self.request, f"{self.model._meta.verbose_name.capitalize()} tersimpan.")
        return obj

    def get_success_url(self):
        return self.object.get_absolute_url() if hasattr(self.object, "get_absolute_url") else ""


# --- Satker ----------------------------------------------------------------------------------


class SatkerDetailView(IzinMixin, TemplateView):
    permission_required = "sekretariat.view_satker"
    template_name = "sekretariat/satker_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["satker"] = selectors.satker_get()
        return context


class SatkerUbahView(SimpanView):
    model = Satker
    form_class = forms.SatkerForm
    permission_required = "sekretariat.kelola_satker"
    template_name = "sekretariat/satker_form.html"
    judul_buat = "Isi data satker"
    judul_ubah = "Ubah satker"
    kembali = "sekretariat:satker_detail"

    def get_object(self, queryset=None):
        return selectors.satker_get()

    def simpan(self, form):
        # an upload, False (cleared), the stored file (unchanged) or None
        return services.satker_save(
            satker=self.object, logo=form.cleaned_data.get("logo"), **form.service_fields()
        )

    def get_success_url(self):
        return reverse("sekretariat:satker_detail")


# --- Units -----------------------------------------------------------------------------------


class UnitListView(IzinMixin, ListView):
    permission_required = "sekretariat.view_unitorganisasi"
    template_name = "sekretariat/unitorganisasi_list.html"
    context_object_name = "units"

    def get_queryset(self):
        return selectors.unit_list()


class UnitDetailView(IzinMixin, DetailView):
    model = UnitOrganisasi
    permission_required = "sekretariat.view_unitorganisasi"
    template_name = "sekretariat/unitorganisasi_detail.html"
    context_object_name = "unit"

    def get_queryset(self):
        return selectors.unit_list(tanggal=timezone.localdate())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tanggal = timezone.localdate()
        context["pegawai"] = selectors.pegawai_list(unit=self.object, aktif=True, tanggal=tanggal)
        context["jabatan"] = selectors.jabatan_list(unit=self.object)
        context["tugas"] = self.object.tugas_list
        return context


class UnitSimpanView(SimpanView):
    model = UnitOrganisasi
    form_class = forms.UnitForm
    fungsi_layanan = staticmethod(services.unit_save)
    nama_objek = "unit"
    judul_buat = "Tambah unit organisasi"
    judul_ubah = "Ubah unit"
    kembali = "sekretariat:unit_list"


# --- Divisi ----------------------------------------------------------------------------------


class DivisiListView(IzinMixin, ListView):
    permission_required = "sekretariat.view_divisi"
    template_name = "sekretariat/divisi_list.html"
    context_object_name = "divisi_list"

    def get_queryset(self):
        return selectors.divisi_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        aktif = {}
        for k in selectors.komisioner_list(tanggal=timezone.localdate()):
            aktif.setdefault(k.divisi_id, []).append(k)
        for d in context["divisi_list"]:
            d.komisioner_aktif = aktif.get(d.pk, [])
        return context


class DivisiDetailView(IzinMixin, DetailView):
    model = Divisi
    permission_required = "sekretariat.view_divisi"
    template_name = "sekretariat/divisi_detail.html"
    context_object_name = "divisi"

    def get_queryset(self):
        return selectors.divisi_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["komisioner"] = selectors.komisioner_list().filter(divisi=self.object)
        return context


class DivisiSimpanView(SimpanView):
    model = Divisi
    form_class = forms.DivisiForm
    fungsi_layanan = staticmethod(services.divisi_save)
    nama_objek = "divisi"
    judul_buat = "Tambah divisi"
    judul_ubah = "Ubah divisi"
    kembali = "sekretariat:divisi_list"


# --- Jabatan ---------------------------------------------------------------------------------


class JabatanListView(IzinMixin, ListView):
    permission_required = "sekretariat.view_jabatan"
    template_name = "sekretariat/jabatan_list.html"
    context_object_name = "jabatan_list"

    def get_queryset(self):
        return selectors.jabatan_list(jenis=self.request.GET.get("jenis", ""))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tanggal = timezone.localdate()
        pemegang = selectors.pemegang_jabatan_map(tanggal=tanggal)
        for j in context["jabatan_list"]:
            j.pemegang = pemegang.get(j.pk, [])
        context["pilihan_jenis"] = Jabatan.Jenis.choices
        return context


class JabatanDetailView(IzinMixin, DetailView):
    model = Jabatan
    permission_required = "sekretariat.view_jabatan"
    template_name = "sekretariat/jabatan_detail.html"
    context_object_name = "jabatan"

    def get_queryset(self):
        return selectors.jabatan_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["riwayat"] = selectors.riwayat_jabatan_list(jabatan=self.object)
        return context


class JabatanSimpanView(SimpanView):
    model = Jabatan
    form_class = forms.JabatanForm
    fungsi_layanan = staticmethod(services.jabatan_save)
    nama_objek = "jabatan"
    judul_buat = "Tambah jabatan"
    judul_ubah = "Ubah jabatan"
    kembali = "sekretariat:jabatan_list"


# --- Pegawai ---------------------------------------------------------------------------------


class PegawaiListView(IzinMixin, HalamanMixin, ListView):
    permission_required = "sekretariat.view_pegawai"
    template_name = "sekretariat/pegawai_list.html"
    context_object_name = "pegawai_list"
    paginate_by = 50

    def get_queryset(self):
        self.saring = forms.PegawaiSaringForm(self.request.GET or None)
        # ?tanggal=: the staff serving (aktif) on that date, as counted on the Organisasi page
        self.tanggal = _tanggal_param(self.request)
        return selectors.pegawai_list(**self.saring.filters(), tanggal=self.tanggal)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["saring"] = self.saring
        context["tanggal"] = self.tanggal
        context["boleh_ubah"] = selectors.pegawai_boleh_ubah(self.request.user)
        return context


class PegawaiExportView(IzinMixin, View):
    permission_required = "sekretariat.view_pegawai"

    def get(self, request):
        saring = forms.PegawaiSaringForm(request.GET or None)
        pegawai = list(selectors.pegawai_list(**saring.filters(), tanggal=_tanggal_param(request)))
        satker = selectors.satker_get()
        unduhan_record(
            pengguna=request.user,
            ringkasan=f"Unduh daftar pegawai ({angka(len(pegawai))} baris)",
        )
        return xlsx_response(
            nama_berkas=f"daftar-pegawai-{timezone.localdate():%Y%m%d}",
            judul=f"Daftar Pegawai {satker.nama if satker else ''}".strip(),
            kolom=[
                "No",
                "Nama",
                "NIP",
                "Status",
                "Jenis PPNPN",
                "Jabatan",
                "Pangkat/golongan",
                "Unit",
                "Jenis kelamin",
                "Tanggal lahir",
                "TMT",
                "Pendidikan",
                "Aktif",
            ],
            baris=(
                [
                    i,
                    p.nama,
                    p.nip,
                    p.get_status_display(),
                    p.get_jenis_ppnpn_display(),
                    p.jabatan_display,
                    p.golongan,
                    p.unit.nama,
                    p.get_jenis_kelamin_display(),
                    p.tanggal_lahir,
                    p.tmt,
                    p.get_pendidikan_display(),
                    "Ya" if p.aktif else "Tidak",
                ]
                for i, p in enumerate(pegawai, start=1)
            ),
            format_kolom={9: "tanggal", 10: "tanggal"},
        )


class PegawaiImporView(ImporDuaLangkahMixin, PegawaiTulisMixin, IzinMixin, FormView):
    """Import staff from a CSV/XLSX (the export above, or SIMPEG through a profile) in the
    shared two steps (``kpu_site.impor_langkah``): upload → preview with every error (nothing
    written) → confirm (all rows or none)."""

    permission_required = ("sekretariat.add_pegawai", "sekretariat.change_pegawai")
    form_class = forms.PegawaiImporForm
    template_name = "sekretariat/pegawai_impor.html"
    kunci_sesi = "impor_pegawai"
    jenis_impor = impor.KODE_JENIS

    def periksa(self, data: bytes, nama: str):
        return impor.pegawai_impor_periksa(berkas=data, nama_berkas=nama, pemetaan=self.pemetaan)

    def simpan(self, data: bytes, nama: str, opsi: dict):
        return impor.pegawai_impor(
            pengguna=self.request.user, berkas=data, nama_berkas=nama, pemetaan=self.pemetaan
        )

    def selesai(self, hasil):
        messages.success(
            self.request,
            f"Impor pegawai selesai: {angka(hasil.jumlah_baru)} baru, "
            f"{angka(hasil.jumlah_ubah)} diubah, {angka(len(hasil.dilewati))} sama (dilewati).",
        )
        return redirect("sekretariat:pegawai_list")


class PegawaiDetailView(IzinMixin, DetailView):
    model = Pegawai
    permission_required = "sekretariat.view_pegawai"
    template_name = "sekretariat/pegawai_detail.html"
    context_object_name = "pegawai"

    def get_object(self, queryset=None):
        try:
            return selectors.pegawai_detail(pk=self.kwargs["pk"])
        except Pegawai.DoesNotExist as e:
            raise Http404("Pegawai tidak ditemukan.") from e

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["riwayat"] = selectors.riwayat_jabatan_list(pegawai=self.object)
        context["riwayat_pendidikan"] = selectors.riwayat_pendidikan_list(pegawai=self.object)
        context["boleh_ubah"] = selectors.pegawai_boleh_ubah(self.request.user)
        if context["boleh_ubah"]:
            context["form_pendidikan"] = forms.RiwayatPendidikanForm()
        return context


class PegawaiSimpanView(PegawaiTulisMixin, SimpanView):
    model = Pegawai
    form_class = forms.PegawaiForm
    fungsi_layanan = staticmethod(services.pegawai_save)
    nama_objek = "pegawai"
    template_name = "sekretariat/pegawai_form.html"
    judul_buat = "Tambah pegawai"
    judul_ubah = "Ubah pegawai"
    kembali = "sekretariat:pegawai_list"


class RiwayatPendidikanTambahView(PegawaiTulisMixin, IzinMixin, LayananFormMixin, FormView):
    """Add a diploma to a pegawai's education history (``riwayat_pendidikan_create``)."""

    permission_required = "sekretariat.add_riwayatpendidikan"
    form_class = forms.RiwayatPendidikanForm
    template_name = "sekretariat/riwayatpendidikan_form.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.pegawai = Pegawai.objects.filter(pk=kwargs["pk"]).first()

    def dispatch(self, request, *args, **kwargs):
        if self.pegawai is None:
            raise Http404("Pegawai tidak ditemukan.")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pegawai"] = self.pegawai
        context["judul"] = f"Tambah riwayat pendidikan: {self.pegawai}"
        return context

    def layanan(self, form):
        riwayat = services.riwayat_pendidikan_create(pegawai=self.pegawai, **form.cleaned_data)
        messages.success(
            self.request, f"Ijazah {riwayat.get_jenjang_display()} {self.pegawai} tersimpan."
        )
        return riwayat

    def get_success_url(self):
        return self.pegawai.get_absolute_url()


# --- Riwayat jabatan -------------------------------------------------------------------------


class RiwayatListView(IzinMixin, HalamanMixin, ListView):
    permission_required = "sekretariat.view_riwayatjabatan"
    template_name = "sekretariat/riwayatjabatan_list.html"
    context_object_name = "riwayat_list"
    paginate_by = 50

    def get_queryset(self):
        return selectors.riwayat_jabatan_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["boleh_ubah"] = selectors.pegawai_boleh_ubah(self.request.user)
        return context


class RiwayatDetailView(IzinMixin, DetailView):
    model = RiwayatJabatan
    permission_required = "sekretariat.view_riwayatjabatan"
    template_name = "sekretariat/riwayatjabatan_detail.html"
    context_object_name = "riwayat"

    def get_queryset(self):
        return selectors.riwayat_jabatan_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["boleh_ubah"] = selectors.pegawai_boleh_ubah(self.request.user)
        return context


class RiwayatSimpanView(PegawaiTulisMixin, SimpanView):
    model = RiwayatJabatan
    form_class = forms.RiwayatJabatanForm
    fungsi_layanan = staticmethod(services.riwayat_jabatan_save)
    nama_objek = "riwayat"
    extra_fields = ("tutup_sebelumnya",)
    template_name = "sekretariat/riwayatjabatan_form.html"
    judul_buat = "Catat pengangkatan jabatan"
    judul_ubah = "Ubah riwayat jabatan"
    kembali = "sekretariat:riwayat_list"

    def get_initial(self):
        initial = super().get_initial()
        pegawai = self.request.GET.get("pegawai")
        if pegawai and pegawai.isdigit():
            initial["pegawai"] = pegawai
        return initial

    def get_success_url(self):
        return reverse("sekretariat:pegawai_detail", kwargs={"pk": self.object.pegawai_id})


# --- Komisioner ------------------------------------------------------------------------------


class KomisionerListView(IzinMixin, ListView):
    permission_required = "sekretariat.view_komisioner"
    template_name = "sekretariat/komisioner_list.html"
    context_object_name = "komisioner_list"

    def get_queryset(self):
        if self.request.GET.get("semua"):
            return selectors.komisioner_list()
        return selectors.komisioner_list(tanggal=_tanggal_param(self.request))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tanggal = _tanggal_param(self.request)
        context["tanggal"] = tanggal
        context["peringatan"] = selectors.komisioner_peringatan(tanggal=tanggal)
        return context


class KomisionerDetailView(IzinMixin, DetailView):
    model = Komisioner
    permission_required = "sekretariat.view_komisioner"
    template_name = "sekretariat/komisioner_detail.html"
    context_object_name = "komisioner"

    def get_queryset(self):
        return selectors.komisioner_list()


class KomisionerSimpanView(SimpanView):
    model = Komisioner
    form_class = forms.KomisionerForm
    fungsi_layanan = staticmethod(services.komisioner_save)
    nama_objek = "komisioner"
    extra_fields = ("gantikan_ketua",)
    judul_buat = "Tambah komisioner"
    judul_ubah = "Ubah komisioner"
    kembali = "sekretariat:komisioner_list"
