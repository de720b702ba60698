"""Forms of the LKj review pages (reviu APIP). They check the shape of the input; the rules
(who, which version, every comment closed, the statement's date) are the services'
(``kinerja.lkj.services_reviu``)."""

from django import forms

from kpu_site.formulir import TANGGAL, kelas_bootstrap

from .model_reviu import BabLkj, KomentarReviu, PengaturanReviu, PernyataanReviu


class _Bootstrap(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


class KomentarReviuForm(_Bootstrap):
    bab = forms.ChoiceField(
        label="Bab",
        choices=BabLkj.choices,
        error_messages={
            "required": "Bab wajib dipilih.",
            "invalid_choice": "Bab %(value)s tidak dikenal; pilih salah satu bab Laporan Kinerja.",
        },
    )
    teks = forms.CharField(
        label="Komentar",
        max_length=KomentarReviu._meta.get_field("teks").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Komentar wajib diisi."},
    )


class JawabanReviuForm(_Bootstrap):
    jawaban = forms.CharField(
        label="Jawaban penyusun",
        max_length=KomentarReviu._meta.get_field("jawaban").max_length,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Jawaban wajib diisi."},
    )


def _teks(field: str, label: str, **kwargs) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=PernyataanReviu._meta.get_field(field).max_length,
        error_messages={"required": f"{label} wajib diisi."},
        **kwargs,
    )


class PernyataanReviuForm(_Bootstrap):
    nomor = _teks("nomor", "Nomor")
    tanggal = forms.DateField(
        label="Tanggal",
        widget=TANGGAL,
        error_messages={
            "required": "Tanggal wajib diisi.",
            "invalid": "Tanggal tidak dikenali; tulis sebagai tanggal (tttt-bb-hh).",
        },
    )
    tempat = _teks("tempat", "Tempat")
    nama_pereviu = _teks("nama_pereviu", "Nama pereviu")
    nip_pereviu = _teks("nip_pereviu", "NIP pereviu", required=False)
    jabatan_pereviu = _teks("jabatan_pereviu", "Jabatan pereviu")


class PengaturanReviuForm(_Bootstrap):
    reviu_wajib = forms.BooleanField(
        label="Reviu wajib sebelum LKj difinalkan",
        required=False,
        help_text=PengaturanReviu._meta.get_field("reviu_wajib").help_text,
    )
