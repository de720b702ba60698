"""Pages of the kinerja app: Renstra tree, PK (printable), realisasi input (htmx), the
verification queue, the capaian table and the LKj analyses. Thin: selectors read, services write.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from kpu_site.akses import IzinMixin, boleh_ubah_unit
from kpu_site.audit import jejak_catat
from kpu_site.excel import xlsx_response
from kpu_site.peran import Peran, peran_of
from kpu_site.svg import bar_chart
from kpu_site.tahun import tahun_aktif, tahun_pilihan

from . import selectors, services
from .capaian import StatusCapaian
from .forms import (
    BuktiForm,
    CatatanForm,
    KunciTahunForm,
    PengaturanCapaianForm,
    PKBarisForm,
    PKBuatForm,
    PKHeaderForm,
    PKPerubahanForm,
    RealisasiForm,
    kesalahan_tempel,
)
from .models import BuktiDukung, PerjanjianKinerja, PKBaris, Realisasi, Renstra


def _boleh_kelola_perencanaan(user) -> bool:
    peran = peran_of(user)
    if peran in (Peran.ADMIN, Peran.SEKRETARIS):
        return True
    return peran in (Peran.KASUBAG, Peran.STAF) and getattr(user.unit, "kode", "") == "perencanaan"


def _kembali(request, default: str) -> HttpResponseRedirect:
    tujuan = request.POST.get("next") or request.GET.get("next") or ""
    if tujuan and url_has_allowed_host_and_scheme(tujuan, allowed_hosts={request.get_host()}):
        return HttpResponseRedirect(tujuan)
    return HttpResponseRedirect(default)


class TahunMixin:
    """Adds ``tahun`` and the year switcher to the context."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tahun"] = self.kwargs.get("tahun")
        context["daftar_tahun"] = tahun_pilihan()
        context["tahun_terkunci"] = (
            selectors.kinerja_tahun_kunci(self.kwargs["tahun"]) if "tahun" in self.kwargs else False
        )
        return context


# --------------------------------------------------------------------------- entry points


class KinerjaIndexView(IzinMixin, View):
    permission_required = "kinerja.view_realisasi"
    target = "kinerja:capaian"

    def get(self, request):
        return redirect(self.target, tahun=tahun_aktif(request))


class RealisasiIndexView(KinerjaIndexView):
    target = "kinerja:realisasi_list"


class AnalisisIndexView(KinerjaIndexView):
    target = "kinerja:analisis"


# --------------------------------------------------------------------------- Renstra


class RenstraListView(IzinMixin, ListView):
    permission_required = "kinerja.view_renstra"
    template_name = "kinerja/renstra_list.html"
    context_object_name = "daftar_renstra"

    def get_queryset(self):
        return selectors.renstra_list()


class RenstraDetailView(IzinMixin, DetailView):
    permission_required = "kinerja.view_renstra"
    model = Renstra
    template_name = "kinerja/renstra_detail.html"
    context_object_name = "renstra"

    def get_object(self, queryset=None):
        return selectors.renstra_tree(renstra=get_object_or_404(Renstra, pk=self.kwargs["pk"]))


# --------------------------------------------------------------------------- PK


class PKListView(IzinMixin, TemplateView):
    permission_required = "kinerja.view_perjanjiankinerja"
    template_name = "kinerja/perjanjiankinerja_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["daftar_pk"] = PerjanjianKinerja.objects.select_related(
            "ditandatangani_oleh"
        ).order_by("-tahun", "-revisi")
        context["boleh_kelola"] = _boleh_kelola_perencanaan(self.request.user)
        context["form_buat"] = PKBuatForm(
            initial={"tahun": timezone.localdate().year, "tempat": "Serang"}
        )
        return context


class PKBuatView(IzinMixin, View):
    permission_required = "kinerja.add_perjanjiankinerja"
    http_method_names = ["post"]

    def post(self, request):
        form = PKBuatForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Isian tahun PK tidak valid.")
            return redirect("kinerja:pk_list")
        try:
            pk = services.pk_create(
                tahun=form.cleaned_data["tahun"],
                pengguna=request.user,
                tempat=form.cleaned_data["tempat"] or "",
                tanggal_pk=form.cleaned_data["tanggal"],
            )
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
            return redirect("kinerja:pk_list")
        messages.success(
            request, f"Draft {pk} dibuat dari target Renstra; periksa lalu tandatangani."
        )
        return redirect("kinerja:pk_detail", tahun=pk.tahun)


class PKDetailView(IzinMixin, TemplateView):
    permission_required = "kinerja.view_perjanjiankinerja"
    template_name = "kinerja/perjanjiankinerja_detail.html"
    cetak = False

    def get(self, request, *args, **kwargs):
        if not selectors.pk_riwayat(tahun=kwargs["tahun"]).exists():
            messages.info(request, f"Belum ada Perjanjian Kinerja untuk tahun {kwargs['tahun']}.")
            return redirect("kinerja:pk_list")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tahun = self.kwargs["tahun"]
        riwayat = list(selectors.pk_riwayat(tahun=tahun))
        revisi = self.request.GET.get("revisi")
        if revisi is not None and revisi.isdigit():
            perjanjian = next((p for p in riwayat if p.revisi == int(revisi)), None)
            if perjanjian is None:
                raise Http404("Revisi tidak ditemukan.")
        else:
            perjanjian = selectors.pk_berlaku(tahun=tahun)
        draft = next((p for p in riwayat if p.status == PerjanjianKinerja.Status.DRAFT), None)
        context.update(
            tahun=tahun,
            perjanjian=perjanjian,
            baris=selectors.pk_baris_list(perjanjian=perjanjian),
            riwayat=riwayat,
            draft=draft,
            boleh_kelola=_boleh_kelola_perencanaan(self.request.user),
            boleh_tandatangani=peran_of(self.request.user) in (Peran.SEKRETARIS, Peran.ADMIN),
            form_perubahan=PKPerubahanForm(),
            renstra=selectors.renstra_untuk_tahun(tahun),
            beda={b.indikator.pk for b in selectors.pk_beda_renstra_list(tahun=tahun)}
            if perjanjian == selectors.pk_berlaku(tahun=tahun)
            else set(),
        )
        return context


class PKCetakView(PKDetailView):
    template_name = "kinerja/perjanjiankinerja_cetak.html"


class PKUbahView(IzinMixin, View):
    """Edit the header of a draft PK (signatories, place, date, reason)."""

    permission_required = "kinerja.change_perjanjiankinerja"
    template_name = "kinerja/perjanjiankinerja_form.html"

    def _obj(self):
        obj = get_object_or_404(PerjanjianKinerja, pk=self.kwargs["pk"])
        if not _boleh_kelola_perencanaan(self.request.user):
            raise PermissionDenied(
                "Perjanjian Kinerja diubah oleh Sekretaris atau Sub Bagian Perencanaan."
            )
        return obj

    def get(self, request, pk):
        obj = self._obj()
        if obj.status != PerjanjianKinerja.Status.DRAFT:
            messages.info(request, f"{obj} sudah dibekukan; buat PK perubahan untuk mengubahnya.")
            return redirect("kinerja:pk_detail", tahun=obj.tahun)
        return render(
            request, self.template_name, {"form": PKHeaderForm(instance=obj), "perjanjian": obj}
        )

    def post(self, request, pk):
        obj = self._obj()
        form = PKHeaderForm(request.POST, instance=PerjanjianKinerja.objects.get(pk=obj.pk))
        if form.is_valid():
            try:
                services.pk_update(
                    perjanjian=obj,
                    pengguna=request.user,
                    **{k: form.cleaned_data[k] for k in form.fields},
                )
            except ValidationError as e:
                kesalahan_tempel(form, e)
            else:
                messages.success(request, f"{obj} disimpan.")
                return redirect("kinerja:pk_detail", tahun=obj.tahun)
        return render(request, self.template_name, {"form": form, "perjanjian": obj}, status=400)


class PKBarisUbahView(IzinMixin, View):
    """htmx: GET the inline editor of a draft PK row, POST saves it and returns the row."""

    permission_required = "kinerja.change_pkbaris"

    def _obj(self):
        baris = get_object_or_404(
            PKBaris.objects.select_related("perjanjian", "indikator", "indikator__sasaran"),
            pk=self.kwargs["pk"],
        )
        if not _boleh_kelola_perencanaan(self.request.user):
            raise PermissionDenied("Target PK diubah oleh Sekretaris atau Sub Bagian Perencanaan.")
        return baris

    def _render(self, request, baris, form=None, status=200):
        template = "kinerja/_pk_baris.html" if form is None else "kinerja/_pk_baris_form.html"
        return render(
            request,
            template,
            {"b": baris, "form": form, "perjanjian": baris.perjanjian, "boleh_kelola": True},
            status=status,
        )

    def get(self, request, pk):
        baris = self._obj()
        if request.GET.get("batal") or baris.perjanjian.status != PerjanjianKinerja.Status.DRAFT:
            return self._render(request, baris)
        return self._render(
            request,
            baris,
            PKBarisForm(
                initial={"target": baris.target.normalize(), "target_atas": baris.target_atas}
            ),
        )

    def post(self, request, pk):
        baris = self._obj()
        form = PKBarisForm(request.POST)
        if form.is_valid():
            try:
                baris = services.pk_baris_update(
                    baris=baris,
                    pengguna=request.user,
                    target=form.cleaned_data["target"],
                    target_atas=form.cleaned_data["target_atas"],
                )
            except ValidationError as e:
                kesalahan_tempel(form, e)
            else:
                return self._render(request, baris)
        return self._render(request, baris, form, status=200 if request.htmx else 400)


class PKTandatanganiView(IzinMixin, View):
    permission_required = "kinerja.change_perjanjiankinerja"
    peran_diizinkan = frozenset({Peran.SEKRETARIS, Peran.ADMIN})
    http_method_names = ["post"]

    def post(self, request, pk):
        obj = get_object_or_404(PerjanjianKinerja, pk=pk)
        try:
            services.pk_tandatangani(perjanjian=obj, pengguna=request.user)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(request, f"{obj} dicatat sudah ditandatangani dan dibekukan.")
        return redirect("kinerja:pk_detail", tahun=obj.tahun)


class PKPerubahanView(IzinMixin, View):
    permission_required = "kinerja.add_perjanjiankinerja"
    http_method_names = ["post"]

    def post(self, request, pk):
        obj = get_object_or_404(PerjanjianKinerja, pk=pk)
        form = PKPerubahanForm(request.POST)
        alasan = form.data.get("alasan", "")
        try:
            baru = services.pk_perubahan_create(
                perjanjian=obj, pengguna=request.user, alasan=alasan
            )
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
            return redirect("kinerja:pk_detail", tahun=obj.tahun)
        messages.success(request, f"Draft {baru} dibuat; ubah targetnya lalu tandatangani.")
        return redirect(
            f"{reverse('kinerja:pk_detail', kwargs={'tahun': obj.tahun})}?revisi={baru.revisi}"
        )


# --------------------------------------------------------------------------- realisasi


class RealisasiListView(IzinMixin, TahunMixin, TemplateView):
    """Where each indikator stands for the year: the status of TW I–IV and the year."""

    permission_required = "kinerja.view_realisasi"
    template_name = "kinerja/realisasi_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tahun = self.kwargs["tahun"]
        user = self.request.user
        baris = selectors.capaian_tahun_list(tahun=tahun)
        if self.request.GET.get("unit") == "saya" and user.unit_id:
            baris = [b for b in baris if b.indikator.sasaran.unit_id == user.unit_id]
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
    terkunci = selectors.kinerja_tahun_kunci(tahun)
    dapat_diubah = not terkunci and (realisasi is None or realisasi.dapat_diubah)
    user = request.user
    unit = indikator.sasaran.unit
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
        "boleh_verifikasi": realisasi is not None
        and realisasi.status == Realisasi.Status.DIAJUKAN
        and user.has_perm("kinerja.verifikasi_realisasi")
        and boleh_ubah_unit(user, unit),
        "boleh_setujui": realisasi is not None
        and realisasi.status == Realisasi.Status.DIVERIFIKASI
        and user.has_perm("kinerja.setujui_realisasi"),
        "bukti": list(realisasi.bukti.select_related("diunggah_oleh")) if realisasi else [],
        "riwayat": list(selectors.realisasi_riwayat(realisasi=realisasi)[:20]) if realisasi else [],
    }


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
            try:
                services.realisasi_simpan(
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
            except ValidationError as e:
                kesalahan_tempel(form, e)
            else:
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
        default = reverse(
            "kinerja:realisasi_isi",
            kwargs={
                "tahun": realisasi.tahun,
                "indikator_pk": realisasi.indikator_id,
                "periode": realisasi.periode,
            },
        )
        if not form.is_valid():
            messages.error(request, "Aksi tidak dikenal.")
            return _kembali(request, default)
        aksi = form.cleaned_data["aksi"]
        catatan = form.cleaned_data["catatan"]
        try:
            if aksi == "ajukan":
                services.realisasi_ajukan(realisasi=realisasi, pengguna=request.user)
                pesan = "Realisasi diajukan ke Kasubag untuk diverifikasi."
            elif aksi == "verifikasi":
                services.realisasi_verifikasi(
                    realisasi=realisasi, pengguna=request.user, catatan=catatan
                )
                pesan = "Realisasi diverifikasi dan diteruskan ke Sekretaris."
            elif aksi == "kembalikan":
                services.realisasi_kembalikan(
                    realisasi=realisasi, pengguna=request.user, catatan=catatan
                )
                pesan = "Realisasi dikembalikan dengan catatan."
            else:
                services.realisasi_setujui(realisasi=realisasi, pengguna=request.user)
                pesan = "Realisasi disetujui dan dikunci."
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(request, pesan)
        return _kembali(request, default)


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
        default = reverse(
            "kinerja:realisasi_isi",
            kwargs={
                "tahun": realisasi.tahun,
                "indikator_pk": realisasi.indikator_id,
                "periode": realisasi.periode,
            },
        )
        if not form.is_valid():
            for errors in form.errors.values():
                for e in errors:
                    messages.error(request, e)
            return redirect(default)
        try:
            if form.cleaned_data["berkas"]:
                services.bukti_berkas_tambah(
                    realisasi=realisasi,
                    pengguna=request.user,
                    berkas=form.cleaned_data["berkas"],
                    keterangan=form.cleaned_data["keterangan"],
                )
            else:
                services.bukti_tautan_tambah(
                    realisasi=realisasi,
                    pengguna=request.user,
                    tautan=form.cleaned_data["tautan"],
                    keterangan=form.cleaned_data["keterangan"],
                )
        except ValidationError as e:
            for m in e.messages:
                messages.error(request, m)
        else:
            messages.success(request, "Bukti dukung ditambahkan.")
        return redirect(default)


class BuktiUnduhView(IzinMixin, View):
    """Evidence is served only through this permission-checked view (never a public URL)."""

    permission_required = "kinerja.view_buktidukung"

    def get(self, request, pk):
        bukti = get_object_or_404(BuktiDukung.objects.select_related("realisasi"), pk=pk)
        if bukti.tautan:
            return HttpResponseRedirect(bukti.tautan)
        try:
            berkas = bukti.berkas.open("rb")
        except FileNotFoundError:
            raise Http404("Berkas tidak ditemukan di penyimpanan.") from None
        jejak_catat(
            pengguna=request.user,
            aksi="unduh",
            objek=bukti,
            ringkasan=f"Unduh bukti {bukti.nama_asli}",
        )
        return FileResponse(
            berkas, as_attachment=True, filename=bukti.nama_asli or bukti.berkas.name
        )


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
        r = bukti.realisasi
        try:
            services.bukti_hapus(bukti=bukti, pengguna=request.user)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(request, "Bukti dukung dihapus.")
        return redirect(
            "kinerja:realisasi_isi", tahun=r.tahun, indikator_pk=r.indikator_id, periode=r.periode
        )


# --------------------------------------------------------------------------- queue


class AntreanView(IzinMixin, TemplateView):
    """The verification queue: Kasubag sees their unit's submissions, Sekretaris the verified."""

    permission_required = "kinerja.verifikasi_realisasi"
    template_name = "kinerja/antrean.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["antrean"] = selectors.realisasi_antrean(user=self.request.user)
        return context


# --------------------------------------------------------------------------- capaian


class CapaianView(IzinMixin, TahunMixin, TemplateView):
    permission_required = "kinerja.view_realisasi"
    template_name = "kinerja/capaian.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "xlsx":
            return self._xlsx(kwargs["tahun"])
        return super().get(request, *args, **kwargs)

    def _xlsx(self, tahun):
        baris = selectors.capaian_tahun_list(tahun=tahun)
        return xlsx_response(
            nama_berkas=f"capaian-kinerja-{tahun}",
            judul=f"Capaian Kinerja {tahun}",
            kolom=[
                "Sasaran",
                "Indikator",
                "Satuan",
                "Target",
                "Realisasi",
                "Capaian (%)",
                "Status",
            ],
            baris=[
                [
                    f"{b.sasaran.nomor}. {b.sasaran.uraian}",
                    b.indikator.uraian,
                    b.indikator.get_satuan_display(),
                    b.target.nilai if b.target else None,
                    b.realisasi,
                    b.hasil.dibulatkan(b.indikator.presisi),
                    b.hasil.status_label
                    if b.hasil.dapat_dihitung
                    else f"Tidak dapat dihitung: {b.hasil.alasan}",
                ]
                for b in baris
            ],
            format_kolom={3: "angka", 4: "angka", 5: "angka"},
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tahun = self.kwargs["tahun"]
        baris = selectors.capaian_tahun_list(tahun=tahun)
        pengaturan = selectors.pengaturan_capaian_get()
        context.update(
            baris=baris,
            ringkasan=selectors.capaian_ringkasan(baris=baris),
            pengaturan=pengaturan,
            perjanjian=selectors.pk_berlaku(tahun=tahun),
            grafik=mark_safe(  # noqa: S308 - svg.bar_chart escapes every label
                bar_chart(
                    kategori=[f"S{b.sasaran.nomor}" for b in baris],
                    seri=[("Capaian", [b.hasil.nilai_dibatasi for b in baris])],
                    judul=f"Capaian kinerja per sasaran {tahun}",
                    satuan="%",
                    garis_acuan=float(pengaturan.ambang_tercapai),
                    lebar=900,
                    tinggi=300,
                )
            )
            if baris
            else "",
            status=StatusCapaian,
        )
        return context


class AnalisisView(IzinMixin, TahunMixin, TemplateView):
    """LKj Bab III A analyses: year on year, against the Renstra end target, PK vs Renstra,
    and (when the anggaran app provides it) capaian against the budget absorbed."""

    permission_required = "kinerja.view_realisasi"
    template_name = "kinerja/analisis.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tahun = self.kwargs["tahun"]
        antar = selectors.capaian_antar_tahun(tahun=tahun)
        daftar = sorted({t for b in antar for (t, *_rest) in b.per_tahun})
        context.update(
            antar_tahun=antar,
            tahun_kolom=daftar,
            target_akhir=selectors.capaian_vs_target_akhir(tahun=tahun),
            renstra=selectors.renstra_untuk_tahun(tahun),
            beda=selectors.pk_beda_renstra_list(tahun=tahun),
            anggaran=[b for b in selectors.capaian_vs_anggaran(tahun=tahun) if b.pagu is not None],
        )
        return context


# --------------------------------------------------------------------------- settings


class PengaturanView(IzinMixin, TemplateView):
    permission_required = "kinerja.change_pengaturancapaian"
    peran_diizinkan = frozenset({Peran.SEKRETARIS, Peran.ADMIN})
    template_name = "kinerja/pengaturan.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        p = selectors.pengaturan_capaian_get()
        context.setdefault(
            "form",
            PengaturanCapaianForm(
                initial={
                    "batas_atas": p.batas_atas,
                    "ambang_tercapai": p.ambang_tercapai,
                    "ambang_hampir": p.ambang_hampir,
                }
            ),
        )
        context.setdefault(
            "form_kunci", KunciTahunForm(initial={"tahun": tahun_aktif(self.request)})
        )
        context["kunci"] = selectors.kunci_tahun_list()
        return context

    def post(self, request):
        if "aksi" in request.POST:
            return self._kunci(request)
        form = PengaturanCapaianForm(request.POST)
        if form.is_valid():
            try:
                services.pengaturan_capaian_update(pengguna=request.user, **form.cleaned_data)
            except ValidationError as e:
                kesalahan_tempel(form, e)
            else:
                messages.success(request, "Pengaturan capaian disimpan.")
                return redirect("kinerja:pengaturan")
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def _kunci(self, request):
        form = KunciTahunForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form_kunci=form), status=400)
        tahun = form.cleaned_data["tahun"]
        if form.cleaned_data["aksi"] == "kunci":
            services.tahun_kunci(
                tahun=tahun, pengguna=request.user, keterangan=form.cleaned_data["keterangan"]
            )
            messages.success(request, f"Realisasi tahun {tahun} dikunci.")
        else:
            services.tahun_buka(tahun=tahun, pengguna=request.user)
            messages.success(request, f"Kunci tahun {tahun} dibuka.")
        return redirect("kinerja:pengaturan")
