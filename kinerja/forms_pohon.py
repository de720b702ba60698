"""Forms of the performance-tree pages: a node, an indikator, the targets of a year. They check
the shape of the input; ``kinerja.services.pohon`` checks the rules."""

from __future__ import annotations

from django import forms

from kpu_site.formulir import kelas_bootstrap
from sekretariat.models import UnitOrganisasi

from .model_pohon import IndikatorUnit, SasaranUnit
from .models import Sasaran


class SasaranUnitForm(forms.ModelForm):
    class Meta:
        model = SasaranUnit
        fields = [
            "tingkat",
            "unit",
            "kode",
            "uraian",
            "mendukung_sasaran",
            "mendukung_unit",
            "tahun_mulai",
            "tahun_selesai",
        ]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "mendukung_sasaran": "Untuk sasaran sub bagian: sasaran strategis yang didukung.",
            "mendukung_unit": "Untuk kegiatan staf: sasaran sub bagian (atau kegiatan) yang "
            "didukung.",
        }

    def __init__(self, *args, renstra, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = UnitOrganisasi.objects.filter(
            jenis=UnitOrganisasi.Jenis.SUB_BAGIAN
        ).order_by("urutan", "nama")
        self.fields["mendukung_sasaran"].queryset = Sasaran.objects.filter(
            tujuan__renstra=renstra
        ).order_by("nomor")
        self.fields["mendukung_sasaran"].label_from_instance = lambda s: (
            f"Sasaran {s.nomor} — {s.uraian}"
        )
        simpul = SasaranUnit.objects.filter(renstra=renstra).order_by("kode")
        if self.instance.pk:
            simpul = simpul.exclude(pk=self.instance.pk)
        self.fields["mendukung_unit"].queryset = simpul
        kelas_bootstrap(self)

    def _post_clean(self):
        # the service checks the rules (level, cycle, years, unit) and names the field
        pass


class IndikatorUnitForm(forms.ModelForm):
    class Meta:
        model = IndikatorUnit
        fields = ["kode", "uraian", "satuan", "arah", "presisi"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)

    def _post_clean(self):
        pass


class TargetTahunForm(forms.Form):
    """The targets of every indikator of a node for one year: ``target_<pk>`` and
    ``target_atas_<pk>`` (the upper bound, for a range indikator)."""

    def __init__(self, *args, indikator, tahun, **kwargs):
        super().__init__(*args, **kwargs)
        self.indikator = list(indikator)
        for ind in self.indikator:
            self.fields[f"target_{ind.pk}"] = forms.CharField(
                label=f"Target {tahun} {ind.kode} ({ind.get_satuan_display()})",
                required=False,
            )
            if ind.arah == "rentang":
                self.fields[f"target_atas_{ind.pk}"] = forms.CharField(
                    label=f"Batas atas {ind.kode}", required=False
                )
        kelas_bootstrap(self)

    def baris(self):
        """(indikator, its target field, its upper-bound field or None) for the template."""
        return [
            (
                ind,
                self[f"target_{ind.pk}"],
                self[f"target_atas_{ind.pk}"] if f"target_atas_{ind.pk}" in self.fields else None,
            )
            for ind in self.indikator
        ]
