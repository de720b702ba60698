"""Forms of the anggaran pages: shape of the input only; the services apply the rules."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from kpu_site.formatting import bulan as nama_bulan
from kpu_site.formulir import TANGGAL, kelas_bootstrap
from kpu_site.impor import parse_angka_id
from kpu_site.impor_langkah import BerkasImporForm

from . import selectors
from .models import DokumenAnggaran, Pos, Revisi


class AngkaField(forms.CharField):
    """An amount typed the Indonesian way (``1.500.000`` or ``1.500.000,50``) -> ``Decimal``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return parse_angka_id(value)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None


class _Bootstrap:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)


class DokumenForm(_Bootstrap, forms.Form):
    jenis = forms.ChoiceField(label="Jenis", choices=DokumenAnggaran.Jenis.choices)
    tahun = forms.IntegerField(label="Tahun anggaran", min_value=2000, max_value=2100)
    nomor = forms.CharField(
        label="Nomor DIPA / NPHD",
        max_length=100,
        help_text="Mis. SP DIPA-076.01.2.670714/2023, atau nomor NPHD untuk hibah.",
    )
    tanggal = forms.DateField(label="Tanggal", widget=TANGGAL)
    uraian = forms.CharField(label="Uraian", max_length=300)
    pemberi = forms.CharField(
        label="Pemberi hibah", max_length=200, required=False, help_text="Hanya untuk hibah."
    )


class DokumenUbahForm(_Bootstrap, forms.Form):
    nomor = forms.CharField(label="Nomor DIPA / NPHD", max_length=100)
    tanggal = forms.DateField(label="Tanggal", widget=TANGGAL)
    uraian = forms.CharField(label="Uraian", max_length=300)
    pemberi = forms.CharField(label="Pemberi hibah", max_length=200, required=False)


class PosForm(_Bootstrap, forms.Form):
    induk = forms.ModelChoiceField(
        label="Induk", queryset=Pos.objects.none(), required=False, empty_label="— tanpa induk —"
    )
    tingkat = forms.ChoiceField(label="Tingkat", choices=Pos.Tingkat.choices)
    kode = forms.CharField(
        label="Kode", max_length=40, help_text="Kode satu tingkat: 076.01.CQ, 6709, QGE, 521211…"
    )
    uraian = forms.CharField(label="Uraian", max_length=500)
    satuan = forms.CharField(label="Satuan (detail)", max_length=30, required=False)
    volume = AngkaField(label="Volume (detail)", required=False)
    harga = AngkaField(label="Harga satuan (detail)", required=False)

    def __init__(self, *args, dokumen: DokumenAnggaran, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["induk"].queryset = Pos.objects.filter(dokumen=dokumen).exclude(
            tingkat=Pos.Tingkat.DETAIL
        )
        self.fields["induk"].label_from_instance = lambda p: f"{p.kode_lengkap} – {p.uraian}"


class PosUbahForm(_Bootstrap, forms.Form):
    uraian = forms.CharField(label="Uraian", max_length=500)
    satuan = forms.CharField(label="Satuan (detail)", max_length=30, required=False)
    sasaran = forms.ModelMultipleChoiceField(
        label="Sasaran strategis yang didanai",
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args, pos: Pos, **kwargs):
        super().__init__(*args, **kwargs)
        if pos.tingkat in Pos.TINGKAT_BERSASARAN:
            from kinerja.models import Sasaran

            self.fields["sasaran"].queryset = Sasaran.objects.order_by("nomor")
            self.fields["sasaran"].label_from_instance = lambda s: f"{s.nomor}. {s.uraian}"[:150]
        else:
            del self.fields["sasaran"]
        if pos.tingkat != Pos.Tingkat.DETAIL:
            del self.fields["satuan"]


class RealisasiForm(_Bootstrap, forms.Form):
    akun = forms.ModelChoiceField(label="Akun", queryset=Pos.objects.none())
    tanggal = forms.DateField(label="Tanggal SP2D", widget=TANGGAL)
    nomor_sp2d = forms.CharField(label="Nomor SP2D", max_length=60)
    nomor_spm = forms.CharField(label="Nomor SPM", max_length=60, required=False)
    nilai = AngkaField(label="Nilai (Rp)", help_text="Mis. 1.500.000 atau 1.500.000,50.")
    uraian = forms.CharField(label="Uraian", max_length=500, required=False)
    pelampauan_alasan = forms.CharField(
        label="Alasan persetujuan pelampauan pagu",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Hanya Sekretaris: diisi bila realisasi melebihi sisa pagu akun.",
    )

    def __init__(self, *args, dokumen: DokumenAnggaran, boleh_lampaui: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["akun"].queryset = selectors.akun_pilihan(dokumen=dokumen)
        self.fields["akun"].label_from_instance = lambda p: f"{p.kode_lengkap} – {p.uraian}"
        if not boleh_lampaui:
            del self.fields["pelampauan_alasan"]


class _RpdMixin:
    """Twelve optional RPD fields (``rpd_1`` … ``rpd_12``) and ``rpd()``: month -> amount."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for b in range(1, 13):
            self.fields[f"rpd_{b}"] = AngkaField(label=f"RPD {nama_bulan(b)}", required=False)
            self.fields[f"rpd_{b}"].widget.attrs["class"] = "form-control"

    def rpd(self) -> dict[int, Decimal]:
        return {
            b: self.cleaned_data[f"rpd_{b}"]
            for b in range(1, 13)
            if self.cleaned_data.get(f"rpd_{b}") is not None
        }


def ikpa_revisi_field(**kwargs) -> forms.BooleanField:
    """The revision's "dihitung dalam IKPA revisi DIPA" checkbox, with the model's help text."""
    return forms.BooleanField(
        label="Dihitung dalam IKPA revisi DIPA",
        required=False,
        help_text=Revisi._meta.get_field("dihitung_ikpa").help_text,
        **kwargs,
    )


class RevisiForm(_RpdMixin, _Bootstrap, forms.Form):
    tanggal = forms.DateField(label="Tanggal revisi", widget=TANGGAL)
    alasan = forms.CharField(label="Alasan revisi", widget=forms.Textarea(attrs={"rows": 2}))
    dihitung_ikpa = ikpa_revisi_field(initial=True)
    perubahan = forms.CharField(
        label="Perubahan pagu detail",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "class": "font-monospace"}),
        help_text=(
            "Satu baris per detail: kode lengkap; volume; harga satuan. Mis. "
            "076.01.CQ.6709.QGE.001.051.A.521211.1; 12; 1.500.000"
        ),
    )

    def __init__(self, *args, dokumen: DokumenAnggaran, **kwargs):
        super().__init__(*args, **kwargs)
        self.dokumen = dokumen

    def clean_perubahan(self):
        text = self.cleaned_data.get("perubahan") or ""
        rows, errors = [], []
        details = {p.kode_lengkap: p for p in selectors.detail_pilihan(dokumen=self.dokumen)}
        for i, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split(";")]
            if len(parts) != 3:
                errors.append(f"Baris {i}: tulis kode; volume; harga (dipisah titik koma).")
                continue
            kode, volume, harga = parts
            pos = details.get(kode)
            if pos is None:
                errors.append(f"Baris {i}: kode detail {kode} tidak ada di pohon anggaran.")
                continue
            try:
                v, h = parse_angka_id(volume), parse_angka_id(harga)
            except ValueError as exc:
                errors.append(f"Baris {i}: {exc}")
                continue
            if v < 0 or h < 0:
                errors.append(f"Baris {i}: volume dan harga tidak boleh negatif.")
                continue
            rows.append((pos, v, h))
        if errors:
            raise forms.ValidationError(errors)
        return rows


class RpdForm(_RpdMixin, forms.Form):
    pass


class _BerkasPok(BerkasImporForm):
    berkas = forms.FileField(
        label="Berkas POK/DIPA (XLSX atau CSV)",
        help_text="Ekspor SAKTI (Rincian Kertas Kerja/POK): kolom KODE, URAIAN, VOLUME, SATUAN, "
        "HARGA SATUAN, JUMLAH BIAYA; baris judul di atasnya boleh ada.",
    )


def lembar_rpd_field() -> forms.CharField:
    return forms.CharField(
        label="Lembar RPD",
        max_length=100,
        required=False,
        help_text="Nama lembar RPD (halaman III: KODE dan kolom JAN … DES) di berkas yang sama; "
        "kosong: kolom bulan di lembar POK, bila ada.",
    )


class DipaImporForm(_BerkasPok):
    tahun = forms.IntegerField(label="Tahun anggaran", min_value=2000, max_value=2100)
    nomor = forms.CharField(
        label="Nomor DIPA", max_length=100, help_text="Mis. SP DIPA-076.01.2.670714/2024."
    )
    tanggal = forms.DateField(label="Tanggal DIPA", widget=TANGGAL)
    uraian = forms.CharField(label="Uraian", max_length=300, required=False)
    lembar_rpd = lembar_rpd_field()
    field_order = ["tahun", "nomor", "tanggal", "uraian", "berkas", "lembar_rpd"]


class RevisiImporForm(_BerkasPok):
    tanggal = forms.DateField(label="Tanggal revisi", widget=TANGGAL)
    alasan = forms.CharField(label="Alasan revisi", widget=forms.Textarea(attrs={"rows": 2}))
    dihitung_ikpa = ikpa_revisi_field(initial=True)
    lembar_rpd = lembar_rpd_field()
    field_order = ["tanggal", "alasan", "dihitung_ikpa", "berkas", "lembar_rpd"]


class ImporForm(BerkasImporForm):
    berkas = forms.FileField(
        label="Berkas ekspor (CSV atau XLSX)",
        help_text="Kolom: tanggal, nomor_sp2d, kode_akun (kode lengkap), uraian, nilai; "
        "opsional nomor_spm.",
    )


class ParameterIkpaForm(_Bootstrap, forms.Form):
    """The year's IKPA weights, absorption targets per expenditure type and quarter, and the
    deviation method. Shape only; ``services.parameter_ikpa_simpan`` checks the rules."""

    NAMA_BOBOT = (
        ("bobot_revisi", "Revisi DIPA"),
        ("bobot_deviasi", "Deviasi halaman III DIPA"),
        ("bobot_penyerapan", "Penyerapan anggaran"),
        ("bobot_kontraktual", "Belanja kontraktual"),
        ("bobot_tagihan", "Penyelesaian tagihan"),
        ("bobot_up_tup", "Pengelolaan UP dan TUP"),
        ("bobot_output", "Capaian output"),
    )

    dasar_hukum = forms.CharField(label="Dasar hukum", max_length=200, required=False)
    deviasi_tertimbang = forms.BooleanField(
        label="Deviasi ditimbang dengan porsi pagu tiap jenis belanja (PER-5/PB/2024)",
        required=False,
    )

    def __init__(self, *args, instance=None, tahun: int, **kwargs):
        from .models import JenisBelanja

        self.jenis = list(JenisBelanja.choices)
        initial = kwargs.setdefault("initial", {})
        if instance is not None:
            initial.setdefault("dasar_hukum", instance.dasar_hukum)
            initial.setdefault("deviasi_tertimbang", instance.deviasi_tertimbang)
            for nama, _label in self.NAMA_BOBOT:
                initial.setdefault(nama, angka_form(getattr(instance, nama)))
            for jenis, target in (instance.target_penyerapan or {}).items():
                for q, t in enumerate(target, start=1):
                    initial.setdefault(f"target_{jenis}_{q}", angka_form(Decimal(str(t))))
        super().__init__(*args, **kwargs)
        for nama, label in self.NAMA_BOBOT:
            self.fields[nama] = AngkaField(label=f"Bobot {label} (%)")
        for jenis, label in self.jenis:
            for q in range(1, 5):
                self.fields[f"target_{jenis}_{q}"] = AngkaField(
                    label=f"{label} TW {['I', 'II', 'III', 'IV'][q - 1]} (%)", required=False
                )
        kelas_bootstrap(self)

    def baris_target(self):
        """(label, [4 bound fields]) per expenditure type, for the template's grid."""
        return [
            (label, [self[f"target_{jenis}_{q}"] for q in range(1, 5)])
            for jenis, label in self.jenis
        ]

    def data_bersih(self) -> dict:
        d = self.cleaned_data
        target = {}
        for jenis, _label in self.jenis:
            nilai = [d.get(f"target_{jenis}_{q}") for q in range(1, 5)]
            if any(v is not None for v in nilai):
                target[jenis] = nilai
        return {
            "bobot": {nama: d[nama] for nama, _l in self.NAMA_BOBOT},
            "deviasi_tertimbang": d["deviasi_tertimbang"],
            "target_penyerapan": target,
            "dasar_hukum": d["dasar_hukum"],
        }


def angka_form(nilai: Decimal) -> str:
    """``Decimal("15.00")`` -> ``"15"``, ``Decimal("12.50")`` -> ``"12,5"`` (a form's initial)."""
    teks = format(nilai.normalize(), "f")
    return teks.replace(".", ",")
