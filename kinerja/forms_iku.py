"""Forms of the IKU pages: the decree (with the indikator it names) and an indikator's manual.
They check the shape of the input; ``kinerja.services.iku`` checks the rules."""

from __future__ import annotations

from django import forms

from kpu_site.formulir import TANGGAL, kelas_bootstrap

from .model_iku import KeputusanIku, ManualIndikator
from .models import Indikator
from .services.iku import MANUAL_KOLOM


class KeputusanIkuForm(forms.ModelForm):
    indikator = forms.ModelMultipleChoiceField(
        label="Indikator yang ditetapkan sebagai IKU",
        queryset=Indikator.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    alasan_perubahan = forms.CharField(
        label="Alasan perubahan",
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Wajib bila keputusan yang sudah ada diubah.",
    )

    class Meta:
        model = KeputusanIku
        fields = ["nomor", "tanggal", "tentang"]
        widgets = {"tanggal": TANGGAL}

    def __init__(self, *args, renstra, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indikator"].queryset = Indikator.objects.filter(
            sasaran__tujuan__renstra=renstra
        ).order_by("sasaran__nomor", "kode")
        self.fields["indikator"].label_from_instance = lambda i: f"{i.kode} — {i.uraian}"
        if not self.instance.pk and not self.is_bound:
            del self.fields["alasan_perubahan"]  # a first decree has nothing to change
        kelas_bootstrap(self)
        self.fields["indikator"].widget.attrs.pop("class", None)


class ManualIndikatorForm(forms.ModelForm):
    class Meta:
        model = ManualIndikator
        fields = list(MANUAL_KOLOM)
        widgets = {
            "definisi": forms.Textarea(attrs={"rows": 3}),
            "tujuan": forms.Textarea(attrs={"rows": 3}),
            "formula": forms.Textarea(attrs={"rows": 3}),
            "sumber_data": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "formula": "Rumus dalam kata-kata; aturan capaian (arah) mengikuti indikator.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)
