"""Forms of the public comments (shape of the input only; rules in ``services/tanggapan.py``)."""

from __future__ import annotations

from django import forms

from kpu_site.batas import BIGINT_MAX
from kpu_site.formulir import kelas_bootstrap

from .model_tanggapan import TanggapanMasyarakat


class TanggapanPublikForm(forms.Form):
    nama = forms.CharField(label="Nama Anda", max_length=150)
    kontak = forms.CharField(label="Nomor HP atau email Anda", max_length=254)
    nomor_pendaftaran = forms.IntegerField(
        label="Nomor pendaftaran pendaftar",
        required=False,
        min_value=1,
        max_value=BIGINT_MAX,
        help_text="Nomor pendaftaran yang diberikan KPU kepada pendaftar, bukan nomor urut pada "
        "pengumuman. Bila tidak tahu, isi nama pendaftar dan wilayah tujuannya.",
    )
    nama_pendaftar = forms.CharField(label="Nama pendaftar", max_length=150, required=False)
    wilayah = forms.ModelChoiceField(
        label="Wilayah tujuan pendaftar",
        queryset=None,
        required=False,
        empty_label="– Pilih wilayah tujuan –",
    )
    isi = forms.CharField(
        label="Tanggapan", max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    lampiran = forms.FileField(label="Lampiran (PDF, JPEG atau PNG; tidak wajib)", required=False)
    kode = forms.CharField(
        label="Kode konfirmasi",
        max_length=12,
        required=False,
        help_text="Ketik kode yang tertera di atas (tidak perlu bila peramban menghitung "
        "konfirmasi otomatis).",
    )
    tantangan = forms.CharField(widget=forms.HiddenInput, required=False, max_length=500)
    nonce = forms.CharField(widget=forms.HiddenInput, required=False, max_length=32)

    def __init__(self, *args, wilayah_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wilayah"].queryset = wilayah_qs
        kelas_bootstrap(self)


class TindakLanjutForm(forms.Form):
    klarifikasi = forms.CharField(
        label="Klarifikasi", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    hasil = forms.ChoiceField(
        label="Hasil",
        choices=[
            (TanggapanMasyarakat.Hasil.TIDAK_BERPENGARUH, "Tidak berpengaruh"),
            (TanggapanMasyarakat.Hasil.MENGUBAH_HASIL, "Mengubah hasil seleksi"),
        ],
    )
    status_baru = forms.ChoiceField(
        label="Hasil seleksi yang baru (bila mengubah hasil)",
        choices=[("", "–"), ("ms", "Memenuhi syarat"), ("tms", "Tidak memenuhi syarat")],
        required=False,
    )
    alasan = forms.CharField(
        label="Alasan", widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)
