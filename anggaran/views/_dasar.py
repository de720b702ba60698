"""Shared pieces of the anggaran pages: access mixins, form errors, Excel downloads."""

from __future__ import annotations

from kpu_site.akses import IzinMixin

from .. import selectors
from ..akses import TulisAnggaranMixin, boleh_tulis, boleh_verifikasi_output
from ..models import DokumenAnggaran


class BacaMixin(IzinMixin):
    permission_required = "anggaran.view_dokumenanggaran"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["boleh_tulis"] = boleh_tulis(self.request.user)
        return context


class TulisMixin(TulisAnggaranMixin, IzinMixin):
    pass


class DokumenMixin:
    """Views under ``<pk>/`` of a document."""

    model = DokumenAnggaran

    def get_dokumen(self) -> DokumenAnggaran:
        if not hasattr(self, "_dokumen"):
            self._dokumen = selectors.dokumen_get(pk=self.kwargs["pk"])
        return self._dokumen

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["dokumen"] = self.get_dokumen()
        context.setdefault("boleh_tulis", boleh_tulis(self.request.user))
        context.setdefault("boleh_verifikasi", boleh_verifikasi_output(self.request.user))
        return context
