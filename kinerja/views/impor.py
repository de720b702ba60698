"""The import pages of the PK targets and of the quarterly realisasi: upload → preview (every
row checked, every error, nothing written) → confirm (all rows or none), through the shared two
steps of ``kpu_site.impor_langkah`` (a token is accepted only by the page and year that
issued it)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.views.generic import FormView

from kpu_site.akses import IzinMixin
from kpu_site.impor_langkah import BerkasImporForm, ImporDuaLangkahMixin

from .. import impor, services
from ._dasar import TahunMixin


class _ImporKinerjaView(ImporDuaLangkahMixin, IzinMixin, TahunMixin, FormView):
    """A subclass names its import (``jenis_impor``: the ``JenisImpor`` kode), the page to go
    back to after the import (``url_selesai``), who may open it (``boleh``), and calls the
    import module's pair (``periksa``/``simpan``, with ``self.pemetaan``). The two steps and
    the token bound to the page's year: ``kpu_site.impor_langkah``."""

    template_name = "kinerja/impor.html"
    form_class = BerkasImporForm
    url_selesai = ""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.has_permission() and not self.boleh():
            raise PermissionDenied("Anda tidak berhak menjalankan impor ini.")
        return super().dispatch(request, *args, **kwargs)

    def boleh(self) -> bool:
        raise NotImplementedError

    @property
    def kunci_sesi(self) -> str:
        return f"impor_{self.jenis_impor}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(url_selesai=self.url_selesai, kode=self.jenis_impor)
        return context

    def selesai(self, hasil):
        messages.success(
            self.request,
            f"{len(hasil.baris)} baris diimpor; {len(hasil.dilewati)} baris sama dengan data "
            "tersimpan dilewati.",
        )
        return redirect(self.url_selesai, tahun=self.kwargs["tahun"])


class PKTargetImporView(_ImporKinerjaView):
    """Import the targets of the year's draft PK (Perencanaan, the Sekretaris, Admin)."""

    permission_required = "kinerja.change_pkbaris"
    jenis_impor = "target_kinerja"
    url_selesai = "kinerja:pk_detail"

    def boleh(self) -> bool:
        return services.boleh_kelola_perencanaan(self.request.user)

    def periksa(self, data, nama):
        return impor.target_impor_periksa(
            tahun=self.kwargs["tahun"], berkas=data, nama_berkas=nama, pemetaan=self.pemetaan
        )

    def simpan(self, data, nama, opsi):
        return impor.target_impor(
            pengguna=self.request.user,
            tahun=self.kwargs["tahun"],
            berkas=data,
            nama_berkas=nama,
            pemetaan=self.pemetaan,
        )


class RealisasiImporView(_ImporKinerjaView):
    """Import quarterly realisasi: every Kasubag/Staf for their sub-bagian's indikator (each
    row checked), the Sekretaris and Admin for any."""

    permission_required = "kinerja.change_realisasi"
    jenis_impor = "realisasi_kinerja"
    url_selesai = "kinerja:realisasi_list"

    def boleh(self) -> bool:
        return impor.realisasi_impor_boleh(self.request.user)

    def periksa(self, data, nama):
        return impor.realisasi_impor_periksa(
            pengguna=self.request.user,
            tahun=self.kwargs["tahun"],
            berkas=data,
            nama_berkas=nama,
            pemetaan=self.pemetaan,
        )

    def simpan(self, data, nama, opsi):
        return impor.realisasi_impor(
            pengguna=self.request.user,
            tahun=self.kwargs["tahun"],
            berkas=data,
            nama_berkas=nama,
            pemetaan=self.pemetaan,
        )
