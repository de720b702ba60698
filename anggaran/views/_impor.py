"""The import pages of a budget document: the shared two steps
(``kpu_site.impor_langkah``) bound to the document, and the page of one kind of budget data
written by Keuangan (``ImporBerkasView``)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import FormView

from kpu_site.impor_langkah import ImporDuaLangkahMixin as _ImporDuaLangkah

from ..forms import ImporForm
from ._dasar import DokumenMixin, TulisMixin


class ImporDuaLangkahMixin(_ImporDuaLangkah):
    """``kpu_site.impor_langkah.ImporDuaLangkahMixin`` under a document (``DokumenMixin``):
    a token is accepted only for the document that issued it."""

    def konteks_pk(self) -> int | None:
        """The record the import belongs to; ``None`` for an import that makes its own
        record (a new DIPA)."""
        return self.get_dokumen().pk

    def url_ulang_kwargs(self) -> dict:
        return {"pk": self.get_dokumen().pk}


class ImporBerkasView(ImporDuaLangkahMixin, TulisMixin, DokumenMixin, FormView):
    """The import page of one kind of budget data written by Keuangan (realisasi, UP/TUP,
    dispensations, contracts, invoices): a subclass names the import module's pair
    (``fungsi_periksa``, ``fungsi_impor``: ``*_impor_periksa``/``*_impor``), the page itself
    (``url_impor``), the page after a successful import (``url_selesai``) and says what was
    imported (``pesan_selesai``)."""

    form_class = ImporForm
    fungsi_periksa = None
    fungsi_impor = None
    url_impor = ""
    url_selesai = ""

    @property
    def url_ulang(self) -> str:
        return self.url_impor

    @property
    def kunci_sesi(self) -> str:
        """A token of one import page is not accepted by another."""
        return f"impor_anggaran_{self.url_impor}"

    def pesan_selesai(self, hasil) -> str:
        raise NotImplementedError

    def periksa(self, data: bytes, nama: str):
        return type(self).fungsi_periksa(
            dokumen=self.get_dokumen(), berkas=data, nama_berkas=nama, pemetaan=self.pemetaan
        )

    def simpan(self, data: bytes, nama: str, opsi: dict):
        return type(self).fungsi_impor(
            pengguna=self.request.user,
            dokumen=self.get_dokumen(),
            berkas=data,
            nama_berkas=nama,
            pemetaan=self.pemetaan,
        )

    def selesai(self, hasil):
        messages.success(self.request, self.pesan_selesai(hasil))
        for peringatan in getattr(hasil, "peringatan", ()):  # accepted, flagged (a late PTUP)
            messages.warning(self.request, str(peringatan))
        return redirect(self.url_selesai, pk=self.get_dokumen().pk)
