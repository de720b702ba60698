"""The import pages of the PK targets and of the quarterly realisasi: upload → preview (every
row checked, every error, nothing written) → confirm (all rows or none). The file waits between
the steps in a temporary folder under a random token kept in the user's session, with the
profile chosen; a token is accepted only by the page and year that issued it."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.views.generic import FormView

from kpu_site.akses import IzinMixin
from kpu_site.formulir import kelas_bootstrap
from kpu_site.impor import ImporGagal, kesalahan_teks, ukuran_pastikan
from kpu_site.impor_halaman import pemetaan_form, profil_field
from kpu_site.impor_jenis import jenis_get

from .. import impor, services
from ._dasar import TahunMixin


class ImporKinerjaForm(forms.Form):
    berkas = forms.FileField(label="Berkas (CSV atau XLSX)")

    def __init__(self, *args, jenis: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["profil"] = profil_field(jenis)
        kelas_bootstrap(self)

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        try:
            ukuran_pastikan(berkas.size)
        except ImporGagal as exc:
            raise forms.ValidationError([str(k) for k in exc.kesalahan]) from None
        return berkas


def _folder_sementara() -> Path:
    """Uploaded files waiting for confirmation; ones older than a day are removed."""
    folder = Path(settings.MEDIA_ROOT) / "impor_sementara"
    folder.mkdir(parents=True, exist_ok=True)
    batas = time.time() - 24 * 3600
    for lama in folder.iterdir():
        if lama.is_file() and lama.stat().st_mtime < batas:
            lama.unlink(missing_ok=True)
    return folder


class _ImporKinerjaView(IzinMixin, TahunMixin, FormView):
    """A subclass names its import (``jenis``: the ``JenisImpor`` kode), the page to go back to
    after the import (``url_selesai``), who may open it (``boleh``), and calls the import
    module's pair (``periksa``/``simpan``)."""

    template_name = "kinerja/impor.html"
    form_class = ImporKinerjaForm
    jenis = ""
    url_selesai = ""
    BATAS_PRATINJAU = 100
    BATAS_KESALAHAN = 500

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.has_permission() and not self.boleh():
            raise PermissionDenied("Anda tidak berhak menjalankan impor ini.")
        return super().dispatch(request, *args, **kwargs)

    def boleh(self) -> bool:
        raise NotImplementedError

    def periksa(self, data: bytes, nama: str, pemetaan):
        raise NotImplementedError

    def simpan(self, data: bytes, nama: str, pemetaan):
        raise NotImplementedError

    @property
    def kunci_sesi(self) -> str:
        return f"impor_{self.jenis}_{self.kwargs['tahun']}"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "jenis": self.jenis}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            jenis_impor=jenis_get(self.jenis), url_selesai=self.url_selesai, kode=self.jenis
        )
        return context

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self._konfirmasi(request)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        berkas = form.cleaned_data["berkas"]
        data = berkas.read()
        profil = form.cleaned_data.get("profil") or ""
        try:
            hasil = self.periksa(data, berkas.name, pemetaan_form(self.jenis, form.cleaned_data))
        except ImporGagal as exc:  # no such profile
            hasil = impor.HasilImpor(tahun=self.kwargs["tahun"], nama_berkas=berkas.name)
            hasil.kesalahan.extend(exc.kesalahan)
        token = ""
        if hasil.ok and hasil.baris:
            token = uuid.uuid4().hex
            (_folder_sementara() / token).write_bytes(data)
            self.request.session[f"{self.kunci_sesi}_{token}"] = {
                "nama": berkas.name,
                "profil": profil,
            }
        return self.render_to_response(
            self.get_context_data(
                form=form,
                hasil=hasil,
                pratinjau=hasil.baris[: self.BATAS_PRATINJAU],
                kesalahan=hasil.kesalahan[: self.BATAS_KESALAHAN],
                kesalahan_lain=max(0, len(hasil.kesalahan) - self.BATAS_KESALAHAN),
                token=token,
            )
        )

    def _ulang(self):
        return redirect(self.request.path)

    def _konfirmasi(self, request):
        token = request.POST.get("token", "")
        info = request.session.pop(f"{self.kunci_sesi}_{token}", None)
        path = _folder_sementara() / token if token.isalnum() else None
        if not info or path is None or not path.is_file():
            messages.error(request, "Pratinjau sudah kedaluwarsa; unggah berkas sekali lagi.")
            return self._ulang()
        try:
            pemetaan = pemetaan_form(self.jenis, {"profil": info.get("profil", "")})
            hasil = self.simpan(path.read_bytes(), info["nama"], pemetaan)
        except ImporGagal as exc:
            messages.error(
                request,
                "Impor dibatalkan, tidak ada yang disimpan: "
                + "; ".join(kesalahan_teks(exc.kesalahan, batas=20)),
            )
            return self._ulang()
        finally:
            path.unlink(missing_ok=True)
        messages.success(
            request,
            f"{len(hasil.baris)} baris diimpor; {len(hasil.dilewati)} baris sama dengan data "
            "tersimpan dilewati.",
        )
        return redirect(self.url_selesai, tahun=self.kwargs["tahun"])


class PKTargetImporView(_ImporKinerjaView):
    """Import the targets of the year's draft PK (Perencanaan, the Sekretaris, Admin)."""

    permission_required = "kinerja.change_pkbaris"
    jenis = "target_kinerja"
    url_selesai = "kinerja:pk_detail"

    def boleh(self) -> bool:
        return services.boleh_kelola_perencanaan(self.request.user)

    def periksa(self, data, nama, pemetaan):
        return impor.target_impor_periksa(
            tahun=self.kwargs["tahun"], berkas=data, nama_berkas=nama, pemetaan=pemetaan
        )

    def simpan(self, data, nama, pemetaan):
        return impor.target_impor(
            pengguna=self.request.user,
            tahun=self.kwargs["tahun"],
            berkas=data,
            nama_berkas=nama,
            pemetaan=pemetaan,
        )


class RealisasiImporView(_ImporKinerjaView):
    """Import quarterly realisasi: every Kasubag/Staf for their sub-bagian's indikator (each
    row checked), the Sekretaris and Admin for any."""

    permission_required = "kinerja.change_realisasi"
    jenis = "realisasi_kinerja"
    url_selesai = "kinerja:realisasi_list"

    def boleh(self) -> bool:
        return impor.realisasi_impor_boleh(self.request.user)

    def periksa(self, data, nama, pemetaan):
        return impor.realisasi_impor_periksa(
            pengguna=self.request.user,
            tahun=self.kwargs["tahun"],
            berkas=data,
            nama_berkas=nama,
            pemetaan=pemetaan,
        )

    def simpan(self, data, nama, pemetaan):
        return impor.realisasi_impor(
            pengguna=self.request.user,
            tahun=self.kwargs["tahun"],
            berkas=data,
            nama_berkas=nama,
            pemetaan=pemetaan,
        )
