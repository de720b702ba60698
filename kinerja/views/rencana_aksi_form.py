"""The forms of the Rencana Aksi and its quarterly monitoring: each view checks the shape of
the input (``kinerja.forms_rencana_aksi``) and calls one service of
``kinerja.services.rencana_aksi``; a refusal goes back to the form, at its field, with what was
typed (status 400), or — for a button — to the page as a message."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from kpu_site.akses import IzinMixin
from kpu_site.formulir import kesalahan_ke_form, kesalahan_ke_pesan
from sekretariat.models import UnitOrganisasi

from ..forms_rencana_aksi import (
    AksiForm,
    MonitoringBarisForm,
    MonitoringPerubahanForm,
    RencanaAksiForm,
    angka_isian,
)
from ..model_rencana_aksi import Triwulan
from ..models import AksiRencana, MonitoringBaris, MonitoringRencanaAksi, PKBaris, RencanaAksi
from ..selectors_rencana_aksi import rencana_aksi_baris_get
from ..services import rencana_aksi as layanan

# --------------------------------------------------------------------------- Rencana Aksi


def _baris_atau_404(pk: int):
    try:
        return rencana_aksi_baris_get(pk=pk)
    except PKBaris.DoesNotExist as e:
        raise Http404("Baris perjanjian kinerja tidak ditemukan.") from e


def _unit_boleh(pengguna) -> list[UnitOrganisasi]:
    """The units ``pengguna`` may hand a line to: the service's rule (a Kasubag: their own)."""
    return [
        u for u in UnitOrganisasi.objects.all() if layanan.boleh_tulis_rencana_aksi(pengguna, u)
    ]


def _baris_render(request, rb, *, form=None, form_aksi=None, status=200):
    aksi_boleh = layanan.rencana_aksi_aksi_boleh(
        perjanjian=rb.baris.perjanjian, unit=rb.unit, pengguna=request.user
    )
    if "ubah" not in aksi_boleh:
        raise PermissionDenied(
            f"Rencana aksi {rb.indikator.kode} tidak dapat Anda ubah (PK diganti, tahun "
            "dikunci, atau bukan sub bagian Anda)."
        )
    if form is None:
        r = rb.rencana
        form = RencanaAksiForm(
            unit_boleh=_unit_boleh(request.user),
            initial={
                "unit": rb.unit.pk,
                **{
                    f"target_{tw}": angka_isian(r.target_triwulan(tw) if r else None)
                    for tw in Triwulan.values
                },
            },
        )
    return render(
        request,
        "kinerja/rencana_aksi/baris_form.html",
        {
            "rb": rb,
            "tahun": rb.baris.perjanjian.tahun,
            "form": form,
            "form_aksi": form_aksi or AksiForm(),
            "aksi_boleh": aksi_boleh,
        },
        status=status,
    )


class RencanaAksiBarisView(IzinMixin, View):
    """A PK line's quarterly targets and unit responsible (``rencana_aksi_simpan``), its actions
    (added and deleted by the two views below)."""

    permission_required = "kinerja.change_rencanaaksi"

    def get(self, request, pk):
        return _baris_render(request, _baris_atau_404(pk))

    def post(self, request, pk):
        rb = _baris_atau_404(pk)
        form = RencanaAksiForm(request.POST, unit_boleh=_unit_boleh(request.user))
        if form.is_valid():
            with kesalahan_ke_form(form):
                layanan.rencana_aksi_simpan(
                    baris=rb.baris,
                    pengguna=request.user,
                    unit=form.cleaned_data["unit"],
                    **{f"target_{tw}": form.cleaned_data[f"target_{tw}"] for tw in Triwulan.values},
                )
                messages.success(request, f"Rencana aksi {rb.indikator.kode} disimpan.")
                return redirect("kinerja:rencana_aksi_baris", pk=rb.baris.pk)
        return _baris_render(request, rb, form=form, status=400)


class AksiTambahView(IzinMixin, View):
    permission_required = "kinerja.add_aksirencana"

    def post(self, request, pk):
        rencana = get_object_or_404(RencanaAksi, pk=pk)
        rb = _baris_atau_404(rencana.baris_id)
        form = AksiForm(request.POST)
        if form.is_valid():
            with kesalahan_ke_form(form):
                layanan.aksi_tambah(
                    rencana=rencana,
                    pengguna=request.user,
                    triwulan=form.cleaned_data["triwulan"],
                    uraian=form.cleaned_data["uraian"],
                )
                messages.success(request, f"Aksi ditambahkan pada {rencana}.")
                return redirect("kinerja:rencana_aksi_baris", pk=rb.baris.pk)
        return _baris_render(request, rb, form_aksi=form, status=400)


class AksiHapusView(IzinMixin, View):
    # deleting an action changes the Rencana Aksi (a Kasubag holds no delete permissions)
    permission_required = "kinerja.change_rencanaaksi"

    def post(self, request, pk):
        aksi = get_object_or_404(AksiRencana.objects.select_related("rencana"), pk=pk)
        baris_pk = aksi.rencana.baris_id
        with kesalahan_ke_pesan(request):
            layanan.aksi_hapus(aksi=aksi, pengguna=request.user)
            messages.success(request, f"Aksi dihapus: {aksi}.")
        return redirect("kinerja:rencana_aksi_baris", pk=baris_pk)


# --------------------------------------------------------------------------- monitoring


class MonitoringBuatView(IzinMixin, View):
    permission_required = "kinerja.add_monitoringrencanaaksi"

    def post(self, request, tahun, triwulan):
        if triwulan not in Triwulan.values:
            raise Http404("Triwulan tidak dikenal.")
        with kesalahan_ke_pesan(request):
            monitoring = layanan.monitoring_buat(
                tahun=tahun, triwulan=triwulan, pengguna=request.user
            )
            messages.success(request, f"{monitoring} dibuat sebagai draft.")
        return redirect("kinerja:monitoring_ra", tahun=tahun, triwulan=triwulan)


class MonitoringBarisUbahView(IzinMixin, View):
    """Actions done, kendala and tindak lanjut of one line of a draft report."""

    permission_required = "kinerja.change_monitoringbaris"

    def _baris(self, pk):
        baris = get_object_or_404(
            MonitoringBaris.objects.select_related("monitoring", "indikator__sasaran__unit"),
            pk=pk,
        )
        if not layanan.monitoring_baris_boleh(baris=baris, pengguna=self.request.user):
            raise PermissionDenied(
                f"Baris {baris.indikator.kode} {baris.monitoring} diisi oleh Kasubag "
                f"{baris.indikator.sasaran.unit}, Sub Bagian Perencanaan, atau Sekretaris."
            )
        return baris

    def _render(self, request, baris, form, status=200):
        # a signed (frozen) report or a locked year: the page says so and offers no button;
        # the service refuses a POST anyway
        boleh = layanan.monitoring_aksi_boleh(
            tahun=baris.monitoring.tahun,
            monitoring=baris.monitoring,
            pengguna=request.user,
            ada_perjanjian=True,
        )
        return render(
            request,
            "kinerja/rencana_aksi/monitoring_baris_form.html",
            {
                "baris": baris,
                "form": form,
                "tahun": baris.monitoring.tahun,
                "boleh_simpan": "ubah" in boleh,
            },
            status=status,
        )

    def get(self, request, pk):
        baris = self._baris(pk)
        return self._render(request, baris, MonitoringBarisForm(instance=baris))

    def post(self, request, pk):
        baris = self._baris(pk)
        form = MonitoringBarisForm(request.POST)
        if form.is_valid():
            with kesalahan_ke_form(form):
                layanan.monitoring_baris_update(
                    baris=baris, pengguna=request.user, **form.cleaned_data
                )
                messages.success(request, f"Baris {baris.indikator.kode} disimpan.")
                m = baris.monitoring
                return redirect("kinerja:monitoring_ra", tahun=m.tahun, triwulan=m.triwulan)
        return self._render(request, baris, form, status=400)


class MonitoringTandatanganiView(IzinMixin, View):
    permission_required = "kinerja.change_monitoringrencanaaksi"

    def post(self, request, pk):
        monitoring = get_object_or_404(MonitoringRencanaAksi, pk=pk)
        with kesalahan_ke_pesan(request):
            layanan.monitoring_tandatangani(monitoring=monitoring, pengguna=request.user)
            messages.success(request, f"{monitoring} ditandatangani.")
        return redirect(
            "kinerja:monitoring_ra", tahun=monitoring.tahun, triwulan=monitoring.triwulan
        )


class MonitoringPerubahanView(IzinMixin, View):
    """A revision of a signed report, with its reason (``monitoring_perubahan``)."""

    permission_required = "kinerja.add_monitoringrencanaaksi"

    def _monitoring(self, pk):
        monitoring = get_object_or_404(MonitoringRencanaAksi, pk=pk)
        boleh = layanan.monitoring_aksi_boleh(
            tahun=monitoring.tahun,
            monitoring=monitoring,
            pengguna=self.request.user,
            ada_perjanjian=True,
        )
        if "perubahan" not in boleh and self.request.method == "GET":
            raise PermissionDenied(f"Perubahan {monitoring} tidak dapat Anda buat sekarang.")
        return monitoring

    def _render(self, request, monitoring, form, status=200):
        return render(
            request,
            "kinerja/rencana_aksi/monitoring_perubahan_form.html",
            {"monitoring": monitoring, "form": form, "tahun": monitoring.tahun},
            status=status,
        )

    def get(self, request, pk):
        return self._render(request, self._monitoring(pk), MonitoringPerubahanForm())

    def post(self, request, pk):
        monitoring = self._monitoring(pk)
        form = MonitoringPerubahanForm(request.POST)
        if form.is_valid():
            with kesalahan_ke_form(form):
                baru = layanan.monitoring_perubahan(
                    monitoring=monitoring,
                    pengguna=request.user,
                    alasan=form.cleaned_data["alasan_perubahan"],
                )
                messages.success(request, f"{baru} dibuat sebagai draft.")
                return redirect(
                    "kinerja:monitoring_ra", tahun=monitoring.tahun, triwulan=monitoring.triwulan
                )
        return self._render(request, monitoring, form, status=400)
