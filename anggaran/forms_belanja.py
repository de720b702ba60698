"""Forms of the contracts and invoices: the shape of the input only; ``services_belanja``
applies the rules."""

from __future__ import annotations

from django import forms

from kpu_site.formulir import TANGGAL

from .forms import AngkaField, ImporForm, _Bootstrap
from .models import DokumenAnggaran, Pos
from .selectors.belanja import akun_kontrak_pilihan


class KontrakForm(_Bootstrap, forms.Form):
    nomor = forms.CharField(label="Nomor kontrak", max_length=100)
    akun = forms.ModelChoiceField(
        label="Akun",
        queryset=Pos.objects.none(),
        help_text="Baris akun belanja barang (52) atau modal (53) dari DIPA ini.",
    )
    tanggal = forms.DateField(
        label="Tanggal tanda tangan",
        widget=TANGGAL,
        help_text="Kontrak dini: ditandatangani sebelum 1 Januari tahun anggaran.",
    )
    tanggal_daftar = forms.DateField(
        label="Tanggal didaftarkan ke KPPN", widget=TANGGAL, required=False
    )
    tanggal_selesai = forms.DateField(label="Tanggal akhir pekerjaan", widget=TANGGAL)
    penyedia = forms.CharField(label="Penyedia", max_length=200)
    uraian = forms.CharField(
        label="Uraian pekerjaan", max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    nilai = AngkaField(
        label="Nilai kontrak (Rp)",
        help_text="Mis. 148.500.000. Kontrak-kontrak pada satu akun tidak boleh melebihi "
        "pagu akun itu.",
    )

    def __init__(self, *args, dokumen: DokumenAnggaran, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["akun"].queryset = akun_kontrak_pilihan(dokumen=dokumen)
        self.fields["akun"].label_from_instance = lambda a: f"{a.kode_lengkap} {a.uraian}"


class TagihanForm(_Bootstrap, forms.Form):
    nomor = forms.CharField(label="Nomor tagihan / BAST", max_length=100)
    tanggal_bast = forms.DateField(label="Tanggal BAST/BAPP", widget=TANGGAL)
    tanggal_spm = forms.DateField(
        label="Tanggal SPM",
        widget=TANGGAL,
        required=False,
        help_text="Kosong bila SPM belum diajukan.",
    )
    tanggal_sp2d = forms.DateField(
        label="Tanggal SP2D (dibayar)",
        widget=TANGGAL,
        required=False,
        help_text="Kosong bila belum dibayar.",
    )
    nilai = AngkaField(label="Nilai tagihan (Rp)", help_text="Mis. 24.000.000.")


class ImporKontrakForm(ImporForm):
    KOLOM = (
        "Kolom: nomor, kode_akun (kode lengkap baris akun 52/53), tanggal, tanggal_selesai, "
        "penyedia, uraian, nilai; opsional tanggal_daftar."
    )
    LABEL = "Berkas kontrak (CSV atau XLSX)"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berkas"].label = self.LABEL
        self.fields["berkas"].help_text = self.KOLOM


class ImporTagihanForm(ImporKontrakForm):
    KOLOM = "Kolom: nomor_kontrak, nomor, tanggal_bast, nilai; opsional tanggal_spm, tanggal_sp2d."
    LABEL = "Berkas tagihan (CSV atau XLSX)"
