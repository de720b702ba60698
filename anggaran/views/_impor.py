"""The two steps of every import page of a document: upload → preview (every row checked,
nothing written) → confirm (all rows written or none). The file waits between the steps in a
temporary folder under a random token kept in the user's session."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import FormView

from kpu_site.impor import ImporGagal, kesalahan_teks
from kpu_site.impor_halaman import profil_field
from kpu_site.impor_jenis import jenis_get
from kpu_site.selectors import pemetaan_profil

from ..forms import ImporForm
from ._dasar import DokumenMixin, TulisMixin


def _folder_sementara() -> Path:
    """Uploaded files waiting for confirmation; ones older than a day are removed."""
    folder = Path(settings.MEDIA_ROOT) / "impor_sementara"
    folder.mkdir(parents=True, exist_ok=True)
    batas = time.time() - 24 * 3600
    for lama in folder.iterdir():
        if lama.is_file() and lama.stat().st_mtime < batas:
            lama.unlink(missing_ok=True)
    return folder


class ImporDuaLangkahMixin:
    """For a ``FormView`` under a document (``DokumenMixin``) whose form has ``berkas``.

    The view defines ``periksa(data, nama)`` (the preview: a result with ``ok``, ``baris`` and
    ``kesalahan``), ``simpan(data, nama, opsi)`` (the import; raises ``ImporGagal``) and
    ``selesai(hasil)`` (the message and redirect after it); ``opsi(form)`` carries the form's
    other choices from the preview to the confirmation; ``url_ulang`` is the page itself."""

    BATAS_PRATINJAU = 100
    BATAS_KESALAHAN = 500
    kunci_sesi = "impor"
    url_ulang = ""
    # the import's kode in the registry (``<app>/impor_jenis.py``): the form then offers its
    # column-mapping profiles and the page its templates; ``self.pemetaan`` is the chosen
    # profile's mapping (``None``: the template's column names) while checking and saving
    jenis_impor = ""
    pemetaan = None

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.jenis_impor:
            form.fields["profil"] = profil_field(self.jenis_impor)
            form.fields["profil"].widget.attrs["class"] = "form-select"
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.jenis_impor:
            context["jenis_impor"] = jenis_get(self.jenis_impor)
        return context

    def _pemetaan_pasang(self, nama: str) -> None:
        self.pemetaan = pemetaan_profil(jenis=self.jenis_impor, nama=nama) if nama else None

    def opsi(self, form) -> dict:
        return {}

    def konteks_pk(self) -> int | None:
        """The record the import belongs to (a token is accepted only for it); ``None`` for
        an import that makes its own record (a new DIPA)."""
        return self.get_dokumen().pk

    def url_ulang_kwargs(self) -> dict:
        return {"pk": self.get_dokumen().pk}

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self._konfirmasi(request)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        berkas = form.cleaned_data["berkas"]
        profil = form.cleaned_data.get("profil") or ""
        try:
            self._pemetaan_pasang(profil)
        except ImporGagal as exc:
            form.add_error("profil", [str(k) for k in exc.kesalahan])
            return self.form_invalid(form)
        data = berkas.read()
        hasil = self.periksa(data, berkas.name)
        token = ""
        if hasil.ok and hasil.baris:
            token = uuid.uuid4().hex
            (_folder_sementara() / token).write_bytes(data)
            self.request.session[f"{self.kunci_sesi}_{token}"] = {
                "nama": berkas.name,
                "dokumen": self.konteks_pk(),
                "opsi": self.opsi(form) | ({"profil": profil} if profil else {}),
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

    def _konfirmasi(self, request):
        token = request.POST.get("token", "")
        info = request.session.pop(f"{self.kunci_sesi}_{token}", None)
        path = _folder_sementara() / token if token.isalnum() else None
        if not info or info["dokumen"] != self.konteks_pk() or path is None or not path.is_file():
            messages.error(request, "Pratinjau sudah kedaluwarsa; unggah berkas sekali lagi.")
            return redirect(self.url_ulang, **self.url_ulang_kwargs())
        try:
            self._pemetaan_pasang((info.get("opsi") or {}).get("profil", ""))
            hasil = self.simpan(path.read_bytes(), info["nama"], info.get("opsi") or {})
        except (ImporGagal, ValidationError) as exc:
            pesan = (
                kesalahan_teks(exc.kesalahan, batas=20)
                if isinstance(exc, ImporGagal)
                else exc.messages
            )
            messages.error(
                request, "Impor dibatalkan, tidak ada yang disimpan: " + "; ".join(pesan)
            )
            return redirect(self.url_ulang, **self.url_ulang_kwargs())
        finally:
            path.unlink(missing_ok=True)
        return self.selesai(hasil)


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
