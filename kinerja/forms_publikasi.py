"""Forms of the staff publication page: upload a PDF, withdraw a publication."""

from __future__ import annotations

from django import forms

from kpu_site.formulir import kelas_bootstrap

from .model_publikasi import Publikasi
from .services.publikasi import JENIS_UNGGAH


class PublikasiUnggahForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)

    jenis = forms.ChoiceField(
        label="Jenis",
        choices=[(j.value, j.label) for j in JENIS_UNGGAH],
    )
    judul = forms.CharField(label="Judul", max_length=200)
    tahun = forms.IntegerField(label="Tahun")
    berkas = forms.FileField(label="Berkas PDF")


class PublikasiTarikForm(forms.Form):
    alasan = forms.CharField(
        label="Alasan penarikan",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=Publikasi._meta.get_field("ditarik_alasan").max_length,
    )
