"""Forms of the sub-bagian PK pages: shape only; the rules are in ``services.pk_unit``."""

from __future__ import annotations

from django import forms

from kpu_site.formulir import TANGGAL, kelas_bootstrap

from .forms import AngkaField
from .model_pk_unit import PerjanjianKinerjaUnit
from .services.pk_unit import PK_UNIT_KOLOM_UBAH


class PKUnitBuatForm(forms.Form):
    tempat = forms.CharField(label="Tempat", required=False, max_length=100)
    tanggal = forms.DateField(
        label="Tanggal PK",
        required=False,
        widget=TANGGAL,
        help_text="Kosongkan untuk 2 Januari tahun PK. Pihak pertama dan kedua diambil dari "
        "pemegang jabatan pada tanggal ini.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


class PKUnitHeaderForm(forms.ModelForm):
    class Meta:
        model = PerjanjianKinerjaUnit
        fields = list(PK_UNIT_KOLOM_UBAH)  # what the service lets a draft's header change
        widgets = {"tanggal": TANGGAL, "alasan_perubahan": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.revisi:
            del self.fields["alasan_perubahan"]
        kelas_bootstrap(self)


class PKUnitBarisForm(forms.Form):
    target = AngkaField(label="Target", required=True)
    target_atas = AngkaField(label="Batas atas")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


class PKUnitPerubahanForm(forms.Form):
    alasan_perubahan = forms.CharField(
        label="Alasan perubahan", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)
