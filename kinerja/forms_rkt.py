"""Forms of the RKT pages: a row's target, setting the RKT, starting a revision."""

from __future__ import annotations

from django import forms

from kpu_site.formulir import TANGGAL, kelas_bootstrap

from .forms import AngkaField


class _Form(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


class RKTBarisForm(_Form):
    target = AngkaField(label="Target RKT", required=True)
    target_atas = AngkaField(label="Batas atas")
    alasan_perubahan = forms.CharField(
        label="Alasan perubahan target",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Wajib bila target berbeda dari target Renstra.",
    )


class RKTTetapkanForm(_Form):
    nomor = forms.CharField(label="Nomor penetapan", max_length=150)
    tanggal = forms.DateField(label="Tanggal penetapan", widget=TANGGAL)
    tempat = forms.CharField(label="Tempat", max_length=100)


class RKTPerubahanForm(_Form):
    alasan_perubahan = forms.CharField(
        label="Alasan perubahan", max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
