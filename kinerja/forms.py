"""Forms of the kinerja pages: they check the shape of input; the services check the rules."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from kpu_site.formulir import TANGGAL, kelas_bootstrap, label_aria
from kpu_site.impor import parse_angka_id

from .models import PengaturanCapaian, PerjanjianKinerja
from .services.perencanaan import PK_KOLOM_UBAH


class AngkaField(forms.CharField):
    """A number typed the Indonesian way (``97,5`` or ``1.250``) or plainly (``97.5``)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("maxlength", "30")
        self.widget.attrs.setdefault("inputmode", "decimal")

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        text = str(value).strip().rstrip("%").strip()
        try:
            return parse_angka_id(text)
        except ValueError as e:
            raise ValidationError(f"{self.label}: {e}") from None


class RealisasiForm(forms.Form):
    nilai = AngkaField(label="Realisasi")
    target_periode = AngkaField(
        label="Target triwulan (rencana aksi)",
        help_text="Target kumulatif/periode dari rencana aksi; kosongkan untuk realisasi tahunan.",
    )
    analisis = forms.CharField(
        label="Analisis capaian", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    kendala = forms.CharField(
        label="Penyebab keberhasilan/kegagalan (kendala)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    solusi = forms.CharField(
        label="Solusi / langkah perbaikan", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    program_pendukung = forms.CharField(
        label="Program/kegiatan pendukung", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    versi = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, indikator=None, periode: str = "tahunan", **kwargs):
        super().__init__(*args, **kwargs)
        self.indikator = indikator
        if periode == "tahunan":
            del self.fields["target_periode"]
        if indikator is not None:
            satuan = indikator.get_satuan_display()
            self.fields["nilai"].label = f"Realisasi ({satuan})"
            self.fields["nilai"].help_text = (
                f"Paling banyak {indikator.presisi} angka desimal; koma atau titik sebagai "
                "pemisah desimal."
            )
        kelas_bootstrap(self)

    def _periksa(self, nama: str):
        from .services import nilai_periksa

        nilai = self.cleaned_data.get(nama)
        if self.indikator is None or nilai is None:
            return nilai
        try:
            return nilai_periksa(
                indikator=self.indikator, nilai=nilai, label=self.fields[nama].label
            )
        except ValidationError as e:
            raise ValidationError(e.messages) from None

    def clean_nilai(self):
        return self._periksa("nilai")

    def clean_target_periode(self):
        return self._periksa("target_periode")


class CatatanForm(forms.Form):
    aksi = forms.ChoiceField(
        choices=[
            ("ajukan", "Ajukan"),
            ("verifikasi", "Verifikasi"),
            ("kembalikan", "Kembalikan"),
            ("setujui", "Setujui"),
        ]
    )
    catatan = forms.CharField(required=False, max_length=2000)


class BuktiForm(forms.Form):
    berkas = forms.FileField(
        label="Berkas",
        required=False,
        help_text="PDF, gambar (PNG/JPEG), Excel (.xlsx) atau Word (.docx).",
    )
    tautan = forms.URLField(label="atau tautan", required=False, assume_scheme="https")
    keterangan = forms.CharField(label="Keterangan", required=False, max_length=255)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)

    def clean(self):
        data = super().clean()
        if bool(data.get("berkas")) == bool(data.get("tautan")):
            raise ValidationError("Unggah satu berkas atau isi satu tautan.")
        return data


class PKHeaderForm(forms.ModelForm):
    class Meta:
        model = PerjanjianKinerja
        fields = list(PK_KOLOM_UBAH)  # what the service lets a draft's header change
        widgets = {
            "tanggal": TANGGAL,
            "alasan_perubahan": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.revisi:
            del self.fields["alasan_perubahan"]
        kelas_bootstrap(self)


class PKBarisForm(forms.Form):
    target = AngkaField(label="Target", required=True)
    target_atas = AngkaField(label="Batas atas")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


class PKPerubahanForm(forms.Form):
    alasan = forms.CharField(
        label="Alasan perubahan",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


class PKBuatForm(forms.Form):
    tahun = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100)
    tempat = forms.CharField(label="Tempat", required=False, max_length=100)
    tanggal = forms.DateField(label="Tanggal", required=False, widget=TANGGAL)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


class PengaturanCapaianForm(forms.Form):
    batas_atas = forms.TypedChoiceField(
        label="Batas atas capaian yang ditampilkan",
        choices=PengaturanCapaian.Batas.choices,
        coerce=int,
        help_text="PermenPANRB 53/2014 tidak menetapkan batas; nilai mentah selalu disimpan.",
    )
    ambang_tercapai = forms.DecimalField(
        label="Tercapai bila capaian ≥ (%)", max_digits=6, decimal_places=2
    )
    ambang_hampir = forms.DecimalField(
        label="Hampir tercapai bila capaian ≥ (%)", max_digits=6, decimal_places=2
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


class KunciTahunForm(forms.Form):
    tahun = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100)
    aksi = forms.ChoiceField(label="Aksi", choices=[("kunci", "Kunci"), ("buka", "Buka kunci")])
    keterangan = forms.CharField(label="Keterangan", required=False, max_length=255)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)
        label_aria(self)  # rendered bare in one row on the Pengaturan page
        self.fields["keterangan"].widget.attrs["placeholder"] = "Keterangan (mis. LKj difinalisasi)"
