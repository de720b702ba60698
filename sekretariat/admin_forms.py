from django import forms
from django.contrib.auth.forms import UserChangeForm

from kpu_site.peran import Peran, peran_unit_periksa

from .models import Pengguna


class PenggunaChangeForm(UserChangeForm):
    """Admin form for accounts: exactly one role, and a sub-bagian only for Kasubag/Staf."""

    class Meta(UserChangeForm.Meta):
        model = Pengguna
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        groups = list(cleaned.get("groups") or [])
        names = [g.name for g in groups if g.name in Peran.values]
        if len(names) > 1:
            raise forms.ValidationError({"groups": "Pilih satu peran saja untuk setiap pengguna."})
        peran = Peran.ADMIN.value if cleaned.get("is_superuser") else (names[0] if names else None)
        try:
            peran_unit_periksa(peran=peran, unit=cleaned.get("unit"))
        except forms.ValidationError as exc:
            self.add_error(None, exc)
        return cleaned
