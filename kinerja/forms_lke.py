"""Forms of the LKE pages. They check the shape of the input; ``kinerja.services.lke`` checks
the rules (the scale of the sub-component, the weights, who may write)."""

from __future__ import annotations

from django import forms

from kpu_site.formulir import kelas_bootstrap
from kpu_site.tahun import TAHUN_MAX, TAHUN_MIN


def _pilihan(kode: list[str]) -> list[tuple[str, str]]:
    return [("", "— belum dijawab —"), *((k, k) for k in kode)]


class LkeBuatForm(forms.Form):
    tahun = forms.IntegerField(
        label="Tahun yang dievaluasi", min_value=TAHUN_MIN, max_value=TAHUN_MAX
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


class JawabanForm(forms.Form):
    jawaban = forms.ChoiceField(label="Jawaban", required=False)
    catatan = forms.CharField(
        label="Catatan", required=False, widget=forms.Textarea, max_length=2000
    )
    tautan = forms.CharField(label="Tautan bukti", required=False, max_length=500)
    berkas = forms.FileField(
        label="Berkas bukti",
        required=False,
        help_text="PDF, gambar, Word atau Excel; diperiksa dari isinya.",
    )

    def __init__(self, *args, skala: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        # the service names an answer outside the scale; the form lets it through to it
        self.fields["jawaban"] = forms.CharField(
            label="Jawaban",
            required=False,
            max_length=2,
            widget=forms.Select(choices=_pilihan(skala)),
            help_text=f"Skala: {', '.join(skala)}.",
        )
        kelas_bootstrap(self)


class EvaluatorForm(forms.Form):
    jawaban_evaluator = forms.CharField(label="Jawaban evaluator", required=False, max_length=2)
    catatan_evaluator = forms.CharField(
        label="Catatan evaluator", required=False, widget=forms.Textarea, max_length=2000
    )

    def __init__(self, *args, skala: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jawaban_evaluator"].widget = forms.Select(choices=_pilihan(skala))
        self.fields["jawaban_evaluator"].help_text = f"Skala: {', '.join(skala)}."
        kelas_bootstrap(self)


class BobotForm(forms.Form):
    """One weight field per component and sub-component of a worksheet (``bobot_<kode>``)."""

    def __init__(self, *args, pohon, **kwargs):
        super().__init__(*args, **kwargs)
        for k in pohon:
            self.fields[f"bobot_{k.kode}"] = forms.DecimalField(
                label=f"Komponen {k.kode} {k.nama}", max_digits=6, decimal_places=2, initial=k.bobot
            )
            for s in k.sub.all():
                self.fields[f"bobot_{s.kode}"] = forms.DecimalField(
                    label=f"{s.kode} {s.nama}", max_digits=6, decimal_places=2, initial=s.bobot
                )
        kelas_bootstrap(self)

    def bobot(self) -> dict:
        return {k.removeprefix("bobot_"): v for k, v in self.cleaned_data.items()}


class KriteriaForm(forms.Form):
    """A criterion's text and the key of its proposal rule (``""``: answered from documents)."""

    uraian = forms.CharField(label="Uraian kriteria", widget=forms.Textarea, max_length=1000)
    aturan = forms.CharField(label="Aturan usulan dari data", required=False, max_length=50)

    def __init__(self, *args, **kwargs):
        from .lke_usulan import ATURAN

        super().__init__(*args, **kwargs)
        # an unknown key goes through to the service, which names it (``kriteria_ubah``)
        self.fields["aturan"].widget = forms.Select(
            choices=[("", "— tanpa aturan (dijawab dari dokumen) —"), *((k, k) for k in ATURAN)]
        )
        kelas_bootstrap(self)


class KomponenForm(forms.Form):
    nama = forms.CharField(label="Nama komponen", max_length=300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)
