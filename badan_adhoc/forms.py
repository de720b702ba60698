"""Forms: shape of the input only; the rules are in the services."""

from __future__ import annotations

from django import forms

from kpu_site.batas import BIGINT_MAX
from kpu_site.formulir import TANGGAL, kelas_bootstrap, label_aria

from .models import (
    ALASAN_TMS,
    PERINGATAN,
    AnggotaBadan,
    DokumenPendaftar,
    Jabatan,
    Pendaftar,
    Rekrutmen,
    TahapanRekrutmen,
)


class RekrutmenForm(forms.ModelForm):
    class Meta:
        model = Rekrutmen
        fields = [
            "kode",
            "nama",
            "jenis_badan",
            "pemilihan",
            "tanggal_acuan",
            "masa_kerja_mulai",
            "masa_kerja_selesai",
        ]
        widgets = {
            "tanggal_acuan": TANGGAL,
            "masa_kerja_mulai": TANGGAL,
            "masa_kerja_selesai": TANGGAL,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


class ImporForm(forms.Form):
    berkas = forms.FileField(label="Berkas CSV atau XLSX")

    def __init__(self, *args, dengan_ganti: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if dengan_ganti:
            self.fields["ganti"] = forms.BooleanField(
                label="Ganti semua pendaftar lama rekrutmen ini", required=False
            )
            self.fields["seleksi"] = forms.BooleanField(
                label="Langsung jalankan seleksi administrasi", required=False, initial=True
            )
        kelas_bootstrap(self)


class PendaftarForm(forms.ModelForm):
    class Meta:
        model = Pendaftar
        fields = [
            "nik",
            "nama",
            "jenis_kelamin",
            "tempat_lahir",
            "tanggal_lahir",
            "pendidikan",
            "kode_domisili",
            "alamat",
            "no_hp",
            "email",
            "wilayah_tujuan",
        ]
        widgets = {"tanggal_lahir": TANGGAL}
        help_texts = {
            "kode_domisili": "Kode Kemendagri desa/kelurahan tempat tinggal, mis. 36.73.01.1001.",
        }

    def __init__(self, *args, wilayah_tujuan_qs=None, **kwargs):
        super().__init__(*args, **kwargs)
        if wilayah_tujuan_qs is not None:
            self.fields["wilayah_tujuan"].queryset = wilayah_tujuan_qs
        self.fields["wilayah_tujuan"].label_from_instance = lambda w: f"{w.kode} {w.nama}"
        kelas_bootstrap(self)


class PendaftarSaringForm(forms.Form):
    q = forms.CharField(required=False, label="Cari")
    status = forms.ChoiceField(
        required=False, label="Hasil", choices=[("", "Semua hasil"), *Pendaftar.Status.choices]
    )
    alasan = forms.ChoiceField(
        required=False,
        label="Alasan",
        choices=[("", "Semua alasan")]
        + [(k, str(v)) for k, v in ALASAN_TMS.items()]
        + [(k, f"Peringatan: {v}") for k, v in PERINGATAN.items()],
    )
    kecamatan = forms.TypedChoiceField(
        required=False, label="Kecamatan", coerce=int, empty_value=None
    )
    wilayah = forms.IntegerField(
        required=False, widget=forms.HiddenInput, min_value=1, max_value=BIGINT_MAX
    )
    tanggapan = forms.ChoiceField(
        required=False,
        label="Tanggapan masyarakat",
        choices=[("", "Semua tanggapan"), ("belum", "Tanggapan belum ditindaklanjuti")],
    )

    def __init__(self, *args, kecamatan_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kecamatan"].choices = [("", "Semua kecamatan"), *kecamatan_choices]
        self.fields["q"].widget.attrs["placeholder"] = "Nama atau NIK"
        kelas_bootstrap(self)
        label_aria(self)


class KoreksiForm(forms.Form):
    status = forms.ChoiceField(
        label="Hasil setelah koreksi",
        choices=[
            ("ms", "Memenuhi syarat"),
            ("tms", "Tidak memenuhi syarat"),
            ("", "Batalkan koreksi (pakai hasil pemeriksaan)"),
        ],
        required=False,
    )
    alasan = forms.CharField(label="Alasan tertulis", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


class KlarifikasiForm(forms.Form):
    berkas = forms.FileField(
        label="Surat keterangan (PDF/JPG/PNG)",
        help_text="Surat dari partai bahwa yang bersangkutan bukan/tidak lagi anggota, atau "
        "surat pernyataan bermeterai.",
    )
    keterangan = forms.CharField(
        label="Keterangan", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


class KeputusanKlarifikasiForm(forms.Form):
    terima = forms.TypedChoiceField(
        label="Keputusan", choices=[("1", "Terima"), ("0", "Tolak")], coerce=lambda v: v == "1"
    )
    catatan = forms.CharField(
        label="Catatan", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class DokumenForm(forms.Form):
    jenis = forms.ChoiceField(label="Jenis dokumen", choices=DokumenPendaftar.Jenis.choices)
    berkas = forms.FileField(label="Berkas (PDF/JPG/PNG)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


class PenetapanForm(forms.Form):
    nomor_sk = forms.CharField(label="Nomor SK", max_length=100)
    tanggal_sk = forms.DateField(label="Tanggal SK", widget=TANGGAL)
    mulai = forms.DateField(label="Mulai bertugas", widget=TANGGAL, required=False)
    selesai = forms.DateField(label="Akhir masa kerja", widget=TANGGAL, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


class PAWForm(forms.Form):
    alasan = forms.ChoiceField(label="Alasan berhenti", choices=AnggotaBadan.AlasanBerhenti.choices)
    tanggal_berhenti = forms.DateField(label="Tanggal berhenti", widget=TANGGAL)
    keterangan = forms.CharField(
        label="Keterangan", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    nomor_sk = forms.CharField(label="Nomor SK PAW", max_length=100)
    tanggal_sk = forms.DateField(label="Tanggal SK PAW", widget=TANGGAL)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


class JabatanForm(forms.Form):
    jabatan = forms.ChoiceField(label="Jabatan", choices=Jabatan.choices)


class NilaiForm(forms.Form):
    nilai_cat = forms.DecimalField(
        label="Nilai tes tertulis (CAT)",
        min_value=0,
        max_value=100,
        decimal_places=2,
        required=False,
    )
    nilai_wawancara = forms.DecimalField(
        label="Nilai wawancara", min_value=0, max_value=100, decimal_places=2, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


class TahapanForm(forms.ModelForm):
    class Meta:
        model = TahapanRekrutmen
        fields = ["tahap", "mulai", "selesai"]
        widgets = {"mulai": TANGGAL, "selesai": TANGGAL}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


TahapanFormSet = forms.inlineformset_factory(
    Rekrutmen, TahapanRekrutmen, form=TahapanForm, extra=2, can_delete=True
)
