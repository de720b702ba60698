"""Forms of the LHE pages: the report, a finding, a follow-up, the Sekretaris' acceptance.
They check the shape of the input; ``kinerja.services.lhe`` checks the rules."""

from __future__ import annotations

from django import forms

from kpu_site.formulir import TANGGAL, kelas_bootstrap
from sekretariat.models import UnitOrganisasi

from .model_lhe import LaporanHasilEvaluasi, TemuanEvaluasi, TindakLanjut


class LheForm(forms.ModelForm):
    berkas = forms.FileField(
        label="Dokumen LHE (PDF, opsional)",
        required=False,
        help_text="Biarkan kosong untuk mempertahankan dokumen yang sudah diunggah.",
    )

    class Meta:
        model = LaporanHasilEvaluasi
        fields = ["tahun", "nomor", "tanggal", "evaluator", "nilai", "ringkasan"]
        widgets = {"tanggal": TANGGAL, "ringkasan": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "tahun": "Tahun kinerja yang dievaluasi (LHE biasanya bertanggal tahun berikutnya).",
            "nilai": "Nilai total dari evaluator, 0–100; predikat dihitung dari nilai ini.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


class TemuanForm(forms.ModelForm):
    class Meta:
        model = TemuanEvaluasi
        fields = ["nomor", "uraian", "rekomendasi", "komponen", "unit", "batas_waktu"]
        widgets = {
            "batas_waktu": TANGGAL,
            "uraian": forms.Textarea(attrs={"rows": 3}),
            "rekomendasi": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"nomor": "Kosongkan untuk nomor berikutnya."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nomor"].required = False
        self.fields["unit"].queryset = UnitOrganisasi.objects.order_by("urutan", "nama")
        kelas_bootstrap(self)


class TindakLanjutForm(forms.ModelForm):
    berkas = forms.FileField(label="Berkas bukti", required=False)
    tautan = forms.URLField(
        label="Tautan bukti",
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text="Isi tautan atau unggah berkas bukti (salah satu).",
    )

    class Meta:
        model = TindakLanjut
        fields = ["tanggal", "uraian", "tautan"]
        widgets = {"tanggal": TANGGAL, "uraian": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


class TerimaForm(forms.Form):
    catatan = forms.CharField(
        label="Catatan penerimaan", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)
