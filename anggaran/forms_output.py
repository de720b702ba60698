"""Forms of the RO output pages: the shape of the input only; ``services_output`` applies the
rules."""

from __future__ import annotations

from django import forms

from kpu_site.formatting import bulan as nama_bulan
from kpu_site.formulir import TANGGAL
from sekretariat.models import UnitOrganisasi

from .forms import AngkaField, ImporForm, _Bootstrap


class VolumeRoForm(_Bootstrap, forms.Form):
    """Target volume, satuan, unit pengampu and the optional 12-month cumulative projection
    (``rencana_1`` … ``rencana_12``) of an RO line."""

    volume = AngkaField(label="Target volume", help_text="Volume RO dari DIPA, mis. 6.")
    satuan = forms.CharField(
        label="Satuan",
        max_length=30,
        help_text="Mis. Laporan, Dokumen, Bulan Layanan, Persen.",
    )
    unit = forms.ModelChoiceField(
        label="Unit pengampu",
        queryset=UnitOrganisasi.objects.filter(jenis=UnitOrganisasi.Jenis.SUB_BAGIAN),
        required=False,
        empty_label="— hanya Sub Bagian Keuangan —",
        help_text="Sub bagian yang melaporkan realisasi output RO ini (Sub Bagian Keuangan "
        "selalu dapat mengisinya).",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for b in range(1, 13):
            self.fields[f"rencana_{b}"] = AngkaField(label=nama_bulan(b), required=False)
            self.fields[f"rencana_{b}"].widget.attrs["class"] = "form-control"

    @property
    def kolom_rencana(self):
        return [self[f"rencana_{b}"] for b in range(1, 13)]

    @property
    def kolom_utama(self):
        return [self[nama] for nama in ("volume", "satuan", "unit")]

    def rencana(self) -> list:
        """The 12 months as typed (``None`` where empty), or ``[]`` when none is filled."""
        nilai = [self.cleaned_data.get(f"rencana_{b}") for b in range(1, 13)]
        return [] if all(v is None for v in nilai) else nilai


class RealisasiOutputForm(_Bootstrap, forms.Form):
    volume = AngkaField(
        label="Realisasi volume bulan ini",
        help_text="Tambahan bulan ini saja, bukan kumulatif (mis. 1 atau 2,5).",
    )
    tanggal_lapor = forms.DateField(label="Tanggal lapor", widget=TANGGAL)
    keterangan = forms.CharField(
        label="Keterangan", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    bukti = forms.FileField(
        label="Berkas bukti dukung",
        required=False,
        help_text="PDF, gambar (PNG/JPEG), Excel (.xlsx) atau Word (.docx).",
    )
    tautan_bukti = forms.URLField(
        label="atau tautan bukti", required=False, assume_scheme="https", max_length=200
    )
    hapus_bukti = forms.BooleanField(label="Hapus berkas bukti yang tersimpan", required=False)

    def __init__(self, *args, ada_bukti: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not ada_bukti:
            del self.fields["hapus_bukti"]


class OutputAksiForm(forms.Form):
    aksi = forms.ChoiceField(
        choices=[("ajukan", "Ajukan"), ("verifikasi", "Verifikasi"), ("kembalikan", "Kembalikan")]
    )
    catatan = forms.CharField(required=False, max_length=2000)


class ImporOutputForm(ImporForm):
    """The file (size checked as every import) and whether the months are submitted at once."""

    ajukan = forms.BooleanField(
        label="Langsung ajukan ke Kasubag Keuangan untuk diverifikasi",
        required=False,
        help_text="Tanpa centang, baris yang diimpor menjadi draft.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berkas"].label = "Berkas realisasi output (CSV atau XLSX)"
        self.fields[
            "berkas"
        ].help_text = (
            "Kolom: kode_ro (kode lengkap RO), bulan, volume, tanggal_lapor; opsional keterangan."
        )
