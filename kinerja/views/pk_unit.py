"""The Perjanjian Kinerja at every level: the list of a year (the Sekretaris's PK and one row
per sub-bagian), a sub-bagian's PK (create, edit, sign, revise), and the printed PKs with their
budget attachment (HTML page, PDF with ``?format=pdf`` through ``kpu_site.pdf``)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from kpu_site.akses import IzinMixin
from kpu_site.formulir import kesalahan_ke_form, kesalahan_ke_pesan
from kpu_site.pdf import html_ke_pdf, pdf_respons
from kpu_site.peran import PERAN_PIMPINAN
from kpu_site.tahun import tahun_aktif
from sekretariat.models import UnitOrganisasi

from .. import selectors
from .. import selectors_pk_unit as sel
from ..forms_pk_unit import PKUnitBarisForm, PKUnitBuatForm, PKUnitHeaderForm, PKUnitPerubahanForm
from ..model_pk_unit import PerjanjianKinerjaUnit, PKUnitBaris
from ..services import pk_unit as svc

BASIS_HALAMAN = "kinerja/pk_unit/halaman.html"


def _url_detail(p: PerjanjianKinerjaUnit) -> str:
    url = reverse("kinerja:pk_unit_detail", kwargs={"tahun": p.tahun, "unit_pk": p.unit_id})
    return f"{url}?revisi={p.revisi}"


def _sub_bagian(pk) -> UnitOrganisasi:
    return get_object_or_404(UnitOrganisasi, pk=pk, jenis=UnitOrganisasi.Jenis.SUB_BAGIAN)


class PKUnitIndexView(IzinMixin, View):
    permission_required = "kinerja.view_perjanjiankinerjaunit"

    def get(self, request):
        return redirect("kinerja:pk_unit_daftar", tahun=tahun_aktif(request))


class PKUnitDaftarView(IzinMixin, TemplateView):
    """Every PK of the year: the Sekretaris's with the Ketua, each Kasubag's with the
    Sekretaris, and the sub-bagian that have none yet."""

    permission_required = "kinerja.view_perjanjiankinerjaunit"
    template_name = "kinerja/pk_unit/daftar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tahun = self.kwargs["tahun"]
        baris = sel.pk_semua_tingkat(tahun=tahun)
        pengguna = self.request.user
        terkunci = selectors.kinerja_tahun_lock(tahun)
        for b in baris[1:]:
            b.boleh_buat = b.perjanjian is None and svc.pk_unit_boleh_buat(
                unit=b.unit, tahun=tahun, pengguna=pengguna, terkunci=terkunci, sudah_ada=False
            )
        context.update(tahun=tahun, baris=baris)
        return context


class PKUnitDetailView(IzinMixin, TemplateView):
    permission_required = "kinerja.view_perjanjiankinerjaunit"
    template_name = "kinerja/pk_unit/detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tahun, unit = self.kwargs["tahun"], _sub_bagian(self.kwargs["unit_pk"])
        riwayat = list(sel.pk_unit_riwayat(unit=unit, tahun=tahun))
        revisi = self.request.GET.get("revisi", "")
        if revisi.isdigit():
            perjanjian = next((p for p in riwayat if p.revisi == int(revisi)), None)
            if perjanjian is None:
                raise Http404("Revisi tidak ditemukan.")
        else:
            perjanjian = sel.pk_unit_berlaku(unit=unit, tahun=tahun)
        draft = next((p for p in riwayat if p.status == PerjanjianKinerjaUnit.Status.DRAFT), None)
        context.update(tahun=tahun, unit=unit, perjanjian=perjanjian, riwayat=riwayat, draft=draft)
        if perjanjian is None:
            context.update(
                boleh_buat=svc.pk_unit_boleh_buat(
                    unit=unit, tahun=tahun, pengguna=self.request.user
                ),
                form_buat=PKUnitBuatForm(initial={"tempat": selectors.tempat_satker()}),
                sumber=sel.pk_unit_target_sumber(unit=unit, tahun=tahun),
            )
            return context
        context.update(
            baris=sel.pk_unit_baris_list(perjanjian=perjanjian),
            lampiran=sel.pk_lampiran_anggaran(
                tahun=tahun,
                tanggal=perjanjian.tanggal,
                sasaran_ids=sel.pk_unit_sasaran_ids(perjanjian=perjanjian),
            ),
            aksi=svc.pk_unit_aksi_boleh(
                perjanjian=perjanjian, pengguna=self.request.user, ada_draft=draft is not None
            ),
            form_perubahan=PKUnitPerubahanForm(),
        )
        return context


class PKUnitBuatView(IzinMixin, View):
    """GET the form to create a sub-bagian's draft PK; POST creates it (a rejected form is shown
    again with what was typed and the message at its field)."""

    permission_required = "kinerja.add_perjanjiankinerjaunit"
    template_name = "kinerja/pk_unit/form_buat.html"

    def _unit(self):
        unit = _sub_bagian(self.kwargs["unit_pk"])
        if not svc.boleh_tulis_pk_unit(self.request.user, unit):
            raise PermissionDenied("Anda tidak dapat membuat PK sub bagian ini.")
        return unit

    def _render(self, request, unit, form, status=200):
        konteks = {"form": form, "unit": unit, "tahun": self.kwargs["tahun"]}
        return render(request, self.template_name, konteks, status=status)

    def get(self, request, tahun, unit_pk):
        unit = self._unit()
        return self._render(
            request, unit, PKUnitBuatForm(initial={"tempat": selectors.tempat_satker()})
        )

    def post(self, request, tahun, unit_pk):
        unit = self._unit()
        form = PKUnitBuatForm(request.POST)
        if form.is_valid():
            with kesalahan_ke_form(form):
                pk = svc.pk_unit_create(
                    unit=unit,
                    tahun=tahun,
                    pengguna=request.user,
                    tempat=form.cleaned_data["tempat"] or "",
                    tanggal_pk=form.cleaned_data["tanggal"],
                )
                messages.success(
                    request, f"Draft {pk} dibuat dari pohon kinerja; periksa lalu tandatangani."
                )
                return redirect(_url_detail(pk))
        return self._render(request, unit, form, status=400)


class PKUnitUbahView(IzinMixin, View):
    """Edit the header of a draft (signatories, place, date, reason)."""

    permission_required = "kinerja.change_perjanjiankinerjaunit"
    template_name = "kinerja/pk_unit/form.html"

    def _obj(self):
        obj = get_object_or_404(
            PerjanjianKinerjaUnit.objects.select_related("unit"), pk=self.kwargs["pk"]
        )
        if not svc.boleh_tulis_pk_unit(self.request.user, obj.unit):
            raise PermissionDenied("Anda tidak dapat mengubah PK sub bagian ini.")
        return obj

    def _render(self, request, obj, form, status=200):
        konteks = {"form": form, "perjanjian": obj, "judul": f"Ubah {obj}"}
        return render(request, self.template_name, konteks, status=status)

    def get(self, request, pk):
        obj = self._obj()
        if obj.terkunci:
            messages.info(request, f"{obj} sudah dibekukan; buat PK perubahan untuk mengubahnya.")
            return redirect(_url_detail(obj))
        return self._render(request, obj, PKUnitHeaderForm(instance=obj))

    def post(self, request, pk):
        obj = self._obj()
        form = PKUnitHeaderForm(request.POST, instance=PerjanjianKinerjaUnit.objects.get(pk=obj.pk))
        if form.is_valid():
            with kesalahan_ke_form(form):
                svc.pk_unit_update(
                    perjanjian=obj,
                    pengguna=request.user,
                    **{k: form.cleaned_data[k] for k in form.fields},
                )
                messages.success(request, f"{obj} disimpan.")
                return redirect(_url_detail(obj))
        return self._render(request, obj, form, status=400)


class PKUnitBarisUbahView(IzinMixin, View):
    permission_required = "kinerja.change_pkunitbaris"
    template_name = "kinerja/pk_unit/form.html"

    def _obj(self):
        baris = get_object_or_404(
            PKUnitBaris.objects.select_related("perjanjian", "perjanjian__unit", "indikator"),
            pk=self.kwargs["pk"],
        )
        if not svc.boleh_tulis_pk_unit(self.request.user, baris.perjanjian.unit):
            raise PermissionDenied("Anda tidak dapat mengubah PK sub bagian ini.")
        return baris

    def _render(self, request, baris, form, status=200):
        konteks = {
            "form": form,
            "perjanjian": baris.perjanjian,
            "judul": f"Target {baris.indikator.kode} · {baris.perjanjian}",
            "keterangan": baris.indikator.uraian,
        }
        return render(request, self.template_name, konteks, status=status)

    def get(self, request, pk):
        baris = self._obj()
        if baris.perjanjian.terkunci:
            messages.info(request, f"{baris.perjanjian} sudah dibekukan.")
            return redirect(_url_detail(baris.perjanjian))
        initial = {"target": baris.target.normalize(), "target_atas": baris.target_atas}
        return self._render(request, baris, PKUnitBarisForm(initial=initial))

    def post(self, request, pk):
        baris = self._obj()
        form = PKUnitBarisForm(request.POST)
        if form.is_valid():
            with kesalahan_ke_form(form):
                svc.pk_unit_baris_update(baris=baris, pengguna=request.user, **form.cleaned_data)
                messages.success(request, f"Target {baris.indikator.kode} disimpan.")
                return redirect(_url_detail(baris.perjanjian))
        return self._render(request, baris, form, status=400)


class PKUnitTandatanganiView(IzinMixin, View):
    permission_required = "kinerja.change_perjanjiankinerjaunit"
    peran_diizinkan = PERAN_PIMPINAN
    http_method_names = ["post"]

    def post(self, request, pk):
        obj = get_object_or_404(PerjanjianKinerjaUnit, pk=pk)
        with kesalahan_ke_pesan(request):
            svc.pk_unit_sign(perjanjian=obj, pengguna=request.user)
            messages.success(request, f"{obj} dicatat sudah ditandatangani dan dibekukan.")
        return redirect(_url_detail(obj))


class PKUnitPerubahanView(IzinMixin, View):
    """GET the reason form; POST starts the revision (a missing reason stays on the form)."""

    permission_required = "kinerja.add_perjanjiankinerjaunit"
    template_name = "kinerja/pk_unit/form.html"

    def _obj(self):
        obj = get_object_or_404(
            PerjanjianKinerjaUnit.objects.select_related("unit"), pk=self.kwargs["pk"]
        )
        if not svc.boleh_tulis_pk_unit(self.request.user, obj.unit):
            raise PermissionDenied("Anda tidak dapat mengubah PK sub bagian ini.")
        return obj

    def _render(self, request, obj, form, status=200):
        konteks = {"form": form, "perjanjian": obj, "judul": f"PK perubahan dari {obj}"}
        return render(request, self.template_name, konteks, status=status)

    def get(self, request, pk):
        return self._render(request, self._obj(), PKUnitPerubahanForm())

    def post(self, request, pk):
        obj = self._obj()
        form = PKUnitPerubahanForm(request.POST)
        if form.is_valid():
            with kesalahan_ke_form(form):
                baru = svc.pk_unit_perubahan_create(
                    perjanjian=obj,
                    pengguna=request.user,
                    alasan=form.cleaned_data["alasan_perubahan"],
                )
                messages.success(request, f"Draft {baru} dibuat; ubah targetnya lalu tandatangani.")
                return redirect(_url_detail(baru))
        return self._render(request, obj, form, status=400)


# --------------------------------------------------------------------------- printed PKs


class _DokumenView(IzinMixin, TemplateView):
    """HTML page by default; the same document as an A4 PDF with ``?format=pdf``."""

    template_name = "kinerja/pk_unit/pdf.html"

    def render_to_response(self, context, **kwargs):
        if self.request.GET.get("format") == "pdf":
            return pdf_respons(pk_dokumen_pdf(context), f"{context['nama_berkas']}.pdf")
        return super().render_to_response(context | {"basis": BASIS_HALAMAN}, **kwargs)


def pk_unit_dokumen_konteks(p: PerjanjianKinerjaUnit) -> dict:
    """What the printed PK of a sub-bagian shows (page, PDF and its publication)."""
    baris = [
        {"sasaran": b.indikator.sasaran_unit, "indikator": b.indikator, "target": b.target,
         "target_atas": b.target_atas}
        for b in sel.pk_unit_baris_list(perjanjian=p)
    ]  # fmt: skip
    return {
        "perjanjian": p,
        "judul": str(p),
        "kembali": _url_detail(p),
        "baris": baris,
        "lampiran": sel.pk_lampiran_anggaran(
            tahun=p.tahun, tanggal=p.tanggal, sasaran_ids=sel.pk_unit_sasaran_ids(perjanjian=p)
        ),
        "nama_berkas": f"PK-{p.unit.kode}-{p.tahun}-r{p.revisi}",
    }


def pk_sekretaris_dokumen_konteks(p) -> dict:
    """What the printed PK of the Sekretaris shows (page, PDF and its publication)."""
    baris = [
        {"sasaran": b.indikator.sasaran, "indikator": b.indikator, "target": b.target,
         "target_atas": b.target_atas}
        for b in selectors.pk_baris_list(perjanjian=p)
    ]  # fmt: skip
    kembali = reverse("kinerja:pk_detail", kwargs={"tahun": p.tahun})
    return {
        "perjanjian": p,
        "judul": str(p),
        "kembali": f"{kembali}?revisi={p.revisi}",
        "baris": baris,
        "lampiran": sel.pk_lampiran_anggaran(
            tahun=p.tahun, tanggal=p.tanggal, sasaran_ids=sel.pk_sasaran_ids(perjanjian=p)
        ),
        "nama_berkas": f"PK-sekretaris-{p.tahun}-r{p.revisi}",
    }


def pk_dokumen_pdf(konteks: dict) -> bytes:
    """The printed PK (either level) as an A4 PDF."""
    pdf, _halaman = html_ke_pdf(
        render_to_string(_DokumenView.template_name, konteks | {"basis": None})
    )
    return pdf


class PKUnitCetakView(_DokumenView):
    permission_required = "kinerja.view_perjanjiankinerjaunit"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        p = get_object_or_404(
            PerjanjianKinerjaUnit.objects.select_related("unit"), pk=self.kwargs["pk"]
        )
        context.update(pk_unit_dokumen_konteks(p))
        return context


class PKSekretarisCetakView(_DokumenView):
    """The Sekretaris's PK (with the Ketua) printed with its budget attachment."""

    permission_required = "kinerja.view_perjanjiankinerja"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tahun = self.kwargs["tahun"]
        riwayat = list(selectors.pk_riwayat(tahun=tahun))
        revisi = self.request.GET.get("revisi", "")
        if revisi.isdigit():
            p = next((x for x in riwayat if x.revisi == int(revisi)), None)
        else:
            p = selectors.pk_berlaku(tahun=tahun)
        if p is None:
            raise Http404("Belum ada Perjanjian Kinerja tahun ini.")
        context.update(pk_sekretaris_dokumen_konteks(p))
        return context
