from django import forms

from .models import NaskahLkj
from .naskah import isian_tak_dikenal


class NaskahLkjForm(forms.ModelForm):
    class Meta:
        model = NaskahLkj
        fields = ["kata_pengantar", "ikhtisar", "latar_belakang", "penutup", "tempat_tanggal"]
        widgets = {
            "kata_pengantar": forms.Textarea(attrs={"rows": 8, "class": "form-control"}),
            "ikhtisar": forms.Textarea(attrs={"rows": 6, "class": "form-control"}),
            "latar_belakang": forms.Textarea(attrs={"rows": 8, "class": "form-control"}),
            "penutup": forms.Textarea(attrs={"rows": 8, "class": "form-control"}),
            "tempat_tanggal": forms.TextInput(attrs={"class": "form-control"}),
        }

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
