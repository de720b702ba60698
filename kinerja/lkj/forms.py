from django import forms

from kpu_site.formulir import kelas_bootstrap

from .models import NaskahLkj
from .naskah import isian_tak_dikenal


class NaskahLkjForm(forms.ModelForm):
    class Meta:
        model = NaskahLkj
        fields = ["kata_pengantar", "ikhtisar", "latar_belakang", "penutup", "tempat_tanggal"]
        widgets = {
            "kata_pengantar": forms.Textarea(attrs={"rows": 8}),
            "ikhtisar": forms.Textarea(attrs={"rows": 6}),
            "latar_belakang": forms.Textarea(attrs={"rows": 8}),
            "penutup": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)

    def clean(self):
        cleaned = super().clean()
        for field in ("kata_pengantar", "ikhtisar", "latar_belakang", "penutup"):
            salah = isian_tak_dikenal(cleaned.get(field) or "")
            if salah:
                self.add_error(
                    field,
                    "Isian tidak dikenal: "
                    + ", ".join(f"[{s}]" for s in salah)
                    + ". Lihat daftar isian yang tersedia.",
                )
        return cleaned
