"""Forms of the Rencana Aksi pages: a line's quarterly targets and unit, an action, a
monitoring line, the reason of a revision. They check the shape of the input;
``kinerja.services.rencana_aksi`` checks the rules (numbers, who writes, frozen reports)."""

from __future__ import annotations

from django import forms

from kpu_site.formulir import kelas_bootstrap
from sekretariat.models import UnitOrganisasi

from .model_rencana_aksi import AksiRencana, MonitoringBaris, Triwulan


def angka_isian(nilai) -> str:
    """A stored number as a user types it: ``12,5`` (no trailing zeros, decimal comma)."""
    if nilai is None:
        return ""
    return format(nilai.normalize(), "f").replace(".", ",")


class RencanaAksiForm(forms.Form):
    unit = forms.ModelChoiceField(
        label="Sub bagian penanggung jawab",
        queryset=UnitOrganisasi.objects.none(),
        required=False,
        empty_label="(sub bagian sasaran)",
    )
    # text, not DecimalField: the service reads the number as the indikator's unit says
    target_tw1 = forms.CharField(label="Target TW I", required=False)
    target_tw2 = forms.CharField(label="Target TW II", required=False)
    target_tw3 = forms.CharField(label="Target TW III", required=False)
    target_tw4 = forms.CharField(label="Target TW IV", required=False)

    def __init__(self, *args, unit_boleh=None, **kwargs):
        """``unit_boleh``: the units the user may hand the line to (default: all)."""
        super().__init__(*args, **kwargs)
        unit = UnitOrganisasi.objects.order_by("urutan", "nama")
        if unit_boleh is not None:
            unit = unit.filter(pk__in=[u.pk for u in unit_boleh])
        self.fields["unit"].queryset = unit
        kelas_bootstrap(self)


class AksiForm(forms.ModelForm):
    class Meta:
        model = AksiRencana
        fields = ["triwulan", "uraian"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 2})}
        labels = {"triwulan": "Triwulan", "uraian": "Uraian aksi"}
        error_messages = {"uraian": {"required": "Uraian aksi wajib diisi."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["triwulan"].choices = Triwulan.choices
        kelas_bootstrap(self)


class MonitoringBarisForm(forms.ModelForm):
    class Meta:
        model = MonitoringBaris
        fields = ["aksi_terlaksana", "kendala", "tindak_lanjut"]
        widgets = {k: forms.Textarea(attrs={"rows": 3}) for k in fields}
        labels = {
            "aksi_terlaksana": "Aksi yang terlaksana",
            "kendala": "Kendala",
            "tindak_lanjut": "Tindak lanjut",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


class MonitoringPerubahanForm(forms.Form):
    alasan_perubahan = forms.CharField(
        label="Alasan perubahan",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Alasan perubahan monitoring wajib diisi."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)
