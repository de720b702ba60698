"""Forms of the UP/TUP register, the SPM dispensations and the revision's IKPA flag: the shape
of the input only; ``services_up`` and ``services.revisi_ikpa_set`` apply the rules."""

from __future__ import annotations

from django import forms

from kpu_site.formulir import TANGGAL

from .forms import AngkaField, ImporForm, _Bootstrap, ikpa_revisi_field
from .models import DokumenAnggaran, MutasiUp
from .selectors.up import tup_pilihan


class MutasiUpForm(_Bootstrap, forms.Form):
    jenis = forms.ChoiceField(label="Jenis", choices=MutasiUp.Jenis.choices)
    nomor = forms.CharField(
        label="Nomor SP2D / bukti setor",
        max_length=100,
        help_text="Nomor SP2D untuk UP, GUP, TUP dan PTUP; nomor bukti setor (NTPN) untuk setoran.",
    )
    tanggal = forms.DateField(label="Tanggal", widget=TANGGAL)
    nilai = AngkaField(label="Nilai (Rp)", help_text="Mis. 50.000.000 atau 1.500.000,50.")
    tup = forms.ModelChoiceField(
        label="TUP yang diselesaikan",
        queryset=MutasiUp.objects.none(),
        required=False,
        empty_label="— bukan PTUP/setoran TUP —",
        help_text="Hanya untuk PTUP dan setoran sisa TUP.",
    )
    batas_waktu = forms.DateField(
        label="Batas pertanggungjawaban (TUP)",
        widget=TANGGAL,
        required=False,
        help_text="Hanya untuk TUP. Kosong: satu bulan sejak tanggal TUP (akhir bulan bila "
        "tanggal itu tidak ada di bulan berikutnya).",
    )
    keterangan = forms.CharField(label="Keterangan", max_length=300, required=False)

    def __init__(self, *args, dokumen: DokumenAnggaran, mutasi: MutasiUp | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        pilihan = tup_pilihan(dokumen=dokumen)
        if mutasi is not None:
            pilihan = pilihan.exclude(pk=mutasi.pk)
        self.fields["tup"].queryset = pilihan
        self.fields["tup"].label_from_instance = lambda t: (
            f"{t.nomor} · {t.tanggal:%d/%m/%Y} · batas {t.batas_waktu:%d/%m/%Y}"
            if t.batas_waktu
            else f"{t.nomor} · {t.tanggal:%d/%m/%Y}"
        )


class DispensasiForm(_Bootstrap, forms.Form):
    nomor = forms.CharField(label="Nomor surat dispensasi", max_length=100)
    tanggal = forms.DateField(label="Tanggal", widget=TANGGAL)
    jumlah_spm = forms.IntegerField(
        label="Jumlah SPM", initial=1, help_text="SPM yang diajukan dengan dispensasi ini."
    )
    alasan = forms.CharField(
        label="Alasan", max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class RevisiIkpaForm(_Bootstrap, forms.Form):
    dihitung_ikpa = ikpa_revisi_field()


class ImporUpForm(ImporForm):
    KOLOM = (
        "Kolom: jenis (UP, GUP, TUP, PTUP, SETOR_TUP, SETOR_UP), nomor, tanggal, nilai; "
        "opsional nomor_tup (untuk PTUP/SETOR_TUP), batas_waktu (TUP), keterangan."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berkas"].label = "Berkas register UP/TUP (CSV atau XLSX)"
        self.fields["berkas"].help_text = self.KOLOM


class ImporDispensasiForm(ImporUpForm):
    KOLOM = "Kolom: nomor, tanggal, jumlah_spm, alasan."

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berkas"].label = "Berkas dispensasi SPM (CSV atau XLSX)"
