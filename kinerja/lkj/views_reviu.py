"""Pages of the LKj review (reviu APIP): the "Reviu APIP" section of a version's page and the
POST-only actions its forms send (comment, answer, close, statement) and the setting "reviu
wajib" on the Pengaturan page. Each action calls its service (``services_reviu``), which
decides who may: a refusal is a 403; a broken rule goes back to the version page, kept at its
field with what was typed (``kesalahan_ke_field``)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views import View

from kpu_site.akses import IzinMixin
from kpu_site.formulir import form_dengan_galat, galat_form_simpan, kesalahan_ke_field

from . import selectors, selectors_reviu, services_reviu
from .forms_reviu import (
    JawabanReviuForm,
    KomentarReviuForm,
    PengaturanReviuForm,
    PernyataanReviuForm,
)
from .model_reviu import KomentarReviu

LIHAT = "kinerja.view_laporankinerja"


def _formulir(nama: str, pk: int) -> str:
    return f"reviu-{nama}-{pk}"


def reviu_konteks(request, *, laporan) -> dict:
    """The version page's "Reviu APIP" section: the comments per chapter (each with its answer
    form when it is still open), the year's statement, the forms ``pengguna`` may use
    (``services_reviu.reviu_aksi_boleh``), a refused form bound to what was typed."""
    aksi = services_reviu.reviu_aksi_boleh(laporan=laporan, pengguna=request.user)
    per_bab = selectors_reviu.komentar_per_bab(laporan=laporan)
    if "jawab" in aksi:
        for bab in per_bab:
            for k in bab["komentar"]:
                if k.terbuka:
                    id_form = f"id_jawaban_{k.pk}_%s"  # one answer form per comment
                    k.form_jawab = form_dengan_galat(
                        request, _formulir("jawab", k.pk), JawabanReviuForm, auto_id=id_form
                    ) or JawabanReviuForm(initial={"jawaban": k.jawaban}, auto_id=id_form)
    konteks = {
        "reviu_aksi": aksi,
        "reviu_bab": per_bab,
        "reviu_pernyataan": selectors_reviu.pernyataan_get(tahun=laporan.tahun),
        "reviu_wajib": selectors_reviu.reviu_wajib(),
    }
    if "komentar" in aksi:
        konteks["form_komentar"] = form_dengan_galat(
            request, _formulir("komentar", laporan.pk), KomentarReviuForm
        ) or KomentarReviuForm(initial={"bab": request.GET.get("bab", "")})
    if "pernyataan" in aksi:
        konteks["form_pernyataan"] = (
            form_dengan_galat(request, _formulir("pernyataan", laporan.pk), PernyataanReviuForm)
            or PernyataanReviuForm()
        )
    return konteks


def _ke_versi(laporan_pk: int):
    return redirect(reverse("kinerja:lkj_detail", args=[laporan_pk]) + "#reviu")


def _data(request, form) -> dict:
    """What was typed, kept for the page the refused form goes back to."""
    return {nama: request.POST.get(nama, "") for nama in form.fields}


class _AksiReviuView(IzinMixin, View):
    permission_required = LIHAT
    http_method_names = ["post"]


class KomentarTambahView(_AksiReviuView):
    """The Auditor comments on a chapter of the version."""

    def post(self, request, pk: int):
        laporan = selectors.laporan_get(user=request.user, pk=pk)
        services_reviu.pastikan_pereviu(request.user)
        form = KomentarReviuForm(request.POST)
        formulir = _formulir("komentar", laporan.pk)
        if not form.is_valid():
            galat_form_simpan(request, formulir=formulir, form=form)
            return _ke_versi(laporan.pk)
        with kesalahan_ke_field(request, formulir=formulir, data=_data(request, form)):
            komentar = services_reviu.komentar_create(
                laporan=laporan, pengguna=request.user, **form.cleaned_data
            )
            messages.success(request, f"Komentar pada {komentar.get_bab_display()} dicatat.")
        return _ke_versi(laporan.pk)


def _komentar(request, pk: int) -> KomentarReviu:
    """A comment on a version the user may see (another one is a 404)."""
    return get_object_or_404(
        selectors_reviu.komentar_list().filter(
            laporan__in=selectors.laporan_list(user=request.user)
        ),
        pk=pk,
    )


class KomentarJawabView(_AksiReviuView):
    """The preparers answer a comment."""

    def post(self, request, pk: int):
        komentar = _komentar(request, pk)
        services_reviu.pastikan_penjawab(request.user)
        form = JawabanReviuForm(request.POST)
        formulir = _formulir("jawab", komentar.pk)
        if not form.is_valid():
            galat_form_simpan(request, formulir=formulir, form=form)
            return _ke_versi(komentar.laporan_id)
        # a closed comment shows no answer form: its refusal is then a message on the page
        data = _data(request, form) if komentar.terbuka else {}
        with kesalahan_ke_field(request, formulir=formulir, data=data):
            services_reviu.komentar_answer(
                komentar=komentar, pengguna=request.user, **form.cleaned_data
            )
            messages.success(
                request, f"Jawaban atas komentar {komentar.get_bab_display()} dicatat."
            )
        return _ke_versi(komentar.laporan_id)


class KomentarTutupView(_AksiReviuView):
    """The Auditor closes a comment."""

    def post(self, request, pk: int):
        komentar = _komentar(request, pk)
        with kesalahan_ke_field(request, formulir=_formulir("tutup", komentar.pk), data={}):
            services_reviu.komentar_close(komentar=komentar, pengguna=request.user)
            messages.success(request, f"Komentar {komentar.get_bab_display()} ditutup.")
        return _ke_versi(komentar.laporan_id)


class PernyataanCatatView(_AksiReviuView):
    """The Auditor records the year's "Pernyataan Telah Direviu"."""

    def post(self, request, pk: int):
        laporan = selectors.laporan_get(user=request.user, pk=pk)
        services_reviu.pastikan_pereviu(request.user)
        form = PernyataanReviuForm(request.POST)
        formulir = _formulir("pernyataan", laporan.pk)
        if not form.is_valid():
            galat_form_simpan(request, formulir=formulir, form=form)
            return _ke_versi(laporan.pk)
        with kesalahan_ke_field(request, formulir=formulir, data=_data(request, form)):
            services_reviu.pernyataan_record(
                laporan=laporan, pengguna=request.user, **form.cleaned_data
            )
            messages.success(
                request,
                f"Pernyataan telah direviu LKj {laporan.tahun} dicatat; versi yang disusun "
                "setelah ini memuatnya.",
            )
        return _ke_versi(laporan.pk)


# --------------------------------------------------------------------------- setting

FORMULIR_PENGATURAN = "reviu-pengaturan"


def pengaturan_reviu_konteks(request) -> dict:
    """The setting's card on the Pengaturan page (shown to who may change it)."""
    if not services_reviu.pengaturan_reviu_boleh(request.user):
        return {}
    form = form_dengan_galat(request, FORMULIR_PENGATURAN, PengaturanReviuForm)
    return {
        "form_reviu": form
        or PengaturanReviuForm(initial={"reviu_wajib": selectors_reviu.reviu_wajib()})
    }


class PengaturanReviuView(IzinMixin, View):
    """The Sekretaris/Admin turns the review requirement on or off."""

    permission_required = LIHAT
    http_method_names = ["post"]

    def post(self, request):
        form = PengaturanReviuForm(request.POST)
        if not form.is_valid():
            galat_form_simpan(request, formulir=FORMULIR_PENGATURAN, form=form)
            return redirect("kinerja:pengaturan")
        wajib = form.cleaned_data["reviu_wajib"]
        with kesalahan_ke_field(request, formulir=FORMULIR_PENGATURAN, data={}):
            services_reviu.pengaturan_reviu_set(reviu_wajib=wajib, pengguna=request.user)
            messages.success(
                request,
                "Reviu LKj "
                + ("wajib sebelum finalisasi." if wajib else "tidak wajib sebelum finalisasi."),
            )
        return redirect("kinerja:pengaturan")
