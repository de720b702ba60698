"""The two steps of every import page: upload → preview (every row checked, every error,
nothing written) → confirm (all rows written or none).

The file waits between the steps in a temporary folder (``folder_sementara``) under a random
token kept in the user's session with the page's arguments, the chosen column-mapping profile
and the form's other choices; a token is accepted only by the page (and the record or year in
its URL) that issued it. Used by the budget, staff and kinerja import pages and by the profile
page's sample file (``kpu_site.views_impor``)."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from .formulir import kelas_bootstrap
from .impor import ImporGagal, kesalahan_teks, ukuran_pastikan
from .impor_halaman import profil_field
from .impor_jenis import jenis_get
from .selectors import pemetaan_profil

BATAS_UMUR = 24 * 3600  # seconds a waiting file is kept


def folder_sementara() -> Path:
    """Uploaded files waiting for confirmation; ones older than a day are removed."""
    folder = Path(settings.MEDIA_ROOT) / "impor_sementara"
    folder.mkdir(parents=True, exist_ok=True)
    batas = time.time() - BATAS_UMUR
    for lama in folder.iterdir():
        if lama.is_file() and lama.stat().st_mtime < batas:
            lama.unlink(missing_ok=True)
    return folder


class BerkasImporForm(forms.Form):
    """The upload of an import page: the file, refused over ``IMPOR_BATAS_UKURAN`` before it
    is read (the message names the limit). A subclass sets the label and help text."""

    berkas = forms.FileField(label="Berkas (CSV atau XLSX)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        try:
            ukuran_pastikan(berkas.size)
        except ImporGagal as exc:
            raise forms.ValidationError([str(k) for k in exc.kesalahan]) from None
        return berkas


class ImporDuaLangkahMixin:
    """For a ``FormView`` whose form has ``berkas``.

    The view defines ``periksa(data, nama)`` (the preview: a result with ``ok``, ``baris`` and
    ``kesalahan``), ``simpan(data, nama, opsi)`` (the import; raises ``ImporGagal``) and
    ``selesai(hasil)`` (the message and redirect after it); ``opsi(form)`` carries the form's
    other choices from the preview to the confirmation. ``jenis_impor`` (the registry's kode,
    ``<app>/impor_jenis.py``): the form offers that import's profiles and the page its
    templates; ``self.pemetaan`` is the chosen profile's mapping while checking and saving.
    After a refusal the page itself is shown again (``url_ulang``/``url_ulang_kwargs`` when it
    is another one)."""

    BATAS_PRATINJAU = 100
    BATAS_KESALAHAN = 500
    kunci_sesi = "impor"
    url_ulang = ""
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

    def konteks_pk(self):
        """What a token is bound to besides the page: the URL's arguments (a document, a
        year) by default; JSON-serialisable."""
        return {k: str(v) for k, v in self.kwargs.items()}

    def ulang(self):
        if self.url_ulang:
            return redirect(self.url_ulang, **self.url_ulang_kwargs())
        return redirect(self.request.path)

    def url_ulang_kwargs(self) -> dict:
        return dict(self.kwargs)

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
            (folder_sementara() / token).write_bytes(data)
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
        path = folder_sementara() / token if token.isalnum() else None
        if not info or info["dokumen"] != self.konteks_pk() or path is None or not path.is_file():
            messages.error(request, "Pratinjau sudah kedaluwarsa; unggah berkas sekali lagi.")
            return self.ulang()
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
            return self.ulang()
        finally:
            path.unlink(missing_ok=True)
        return self.selesai(hasil)
