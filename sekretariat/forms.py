"""Forms of the organisation pages: they check the shape of the input; the services check the
rules (a service's ValidationError lands on the form through
``kpu_site.formulir.LayananFormMixin``)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from kpu_site.formulir import TANGGAL, kelas_bootstrap
from kpu_site.impor_langkah import BerkasImporForm

from .models import (
    Divisi,
    Jabatan,
    Komisioner,
    Pegawai,
    RiwayatJabatan,
    RiwayatPendidikan,
    Satker,
    UnitOrganisasi,
)


class _ModelForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)

    def _post_clean(self):
        # model validation (full_clean) is the service's job; only build the instance here
        opts = self._meta
        try:
            self.instance = forms.models.construct_instance(
                self, self.instance, opts.fields, opts.exclude
            )
        except ValidationError as e:
            self._update_errors(e)

    def service_fields(self) -> dict:
        """The cleaned values of the model fields, for the service."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name in self._meta.fields and name != "logo"
        }


class SatkerForm(_ModelForm):
    class Meta:
        model = Satker
        fields = [
            "nama",
            "tingkat",
            "nama_wilayah",
            "kode_satker",
            "kode_wilayah",
            "alamat",
            "logo",
        ]
        widgets = {"alamat": forms.Textarea(attrs={"rows": 2})}


class UnitForm(_ModelForm):
    class Meta:
        model = UnitOrganisasi
        fields = ["kode", "nama", "jenis", "induk", "urutan", "tugas"]
        widgets = {"tugas": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # the kode is how the application finds a unit (e.g. hukum_sdm): fixed once created
            self.fields["kode"].disabled = True
            self.fields["induk"].queryset = UnitOrganisasi.objects.exclude(pk=self.instance.pk)


class DivisiForm(_ModelForm):
    class Meta:
        model = Divisi
        fields = ["nama", "mitra", "urutan"]


class JabatanForm(_ModelForm):
    class Meta:
        model = Jabatan
        fields = ["nama", "jenis", "unit", "urutan"]


class PegawaiForm(_ModelForm):
    nip = forms.CharField(
        label="NIP",
        max_length=30,
        required=False,
        help_text="18 digit; wajib untuk PNS, kosong untuk PPNPN. Spasi boleh (dibuang).",
    )

    class Meta:
        model = Pegawai
        fields = [
            "nama",
            "status",
            "nip",
            "jenis_ppnpn",
            "jenis_kelamin",
            "tanggal_lahir",
            "tmt",
            "tmt_masuk",
            "tmt_keluar",
            "alasan_keluar",
            "golongan",
            "pendidikan",
            "unit",
            "pengguna",
        ]
        widgets = {
            "tanggal_lahir": TANGGAL,
            "tmt": TANGGAL,
            "tmt_masuk": TANGGAL,
            "tmt_keluar": TANGGAL,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nip"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})
        self.fields["pengguna"].queryset = self.fields["pengguna"].queryset.order_by("username")
        if self.instance.pk:
            # a later diploma is recorded with its date in the education history
            self.fields["pendidikan"].disabled = True
            self.fields[
                "pendidikan"
            ].help_text = "Diubah lewat riwayat pendidikan (tambah ijazah beserta tanggalnya)."


class RiwayatPendidikanForm(_ModelForm):
    """A diploma of one pegawai (the pegawai comes from the URL)."""

    class Meta:
        model = RiwayatPendidikan
        fields = ["jenjang", "tanggal_ijazah", "institusi", "program_studi"]
        widgets = {"tanggal_ijazah": TANGGAL}


class RiwayatJabatanForm(_ModelForm):
    tutup_sebelumnya = forms.BooleanField(
        label="Tutup jabatan sebelumnya pada tanggal mulai",
        required=False,
        help_text=(
            "Untuk penggantian pejabat: jabatan pejabat lama (dan jabatan lama pegawai ini) yang "
            "masih terbuka diakhiri pada tanggal mulai."
        ),
    )

    class Meta:
        model = RiwayatJabatan
        fields = [
            "pegawai",
            "jabatan",
            "nomor_sk",
            "tanggal_sk",
            "penerbit_sk",
            "tanggal_mulai",
            "tanggal_selesai",
        ]
        widgets = {"tanggal_sk": TANGGAL, "tanggal_mulai": TANGGAL, "tanggal_selesai": TANGGAL}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pegawai"].queryset = Pegawai.objects.filter(
            status=Pegawai.Status.PNS
        ).order_by("nama")
        self.fields["jabatan"].queryset = Jabatan.objects.select_related("unit").order_by(
            "unit__urutan", "urutan"
        )


class KomisionerForm(_ModelForm):
    gantikan_ketua = forms.BooleanField(
        label="Gantikan ketua yang sedang menjabat",
        required=False,
        help_text="Masa jabatan ketua sebelumnya yang masih terbuka diakhiri pada tanggal awal.",
    )

    class Meta:
        model = Komisioner
        fields = [
            "nama",
            "jenis_kelamin",
            "ketua",
            "divisi",
            "tanggal_mulai",
            "tanggal_selesai",
            "nomor_sk",
            "tanggal_sk",
        ]
        widgets = {"tanggal_mulai": TANGGAL, "tanggal_selesai": TANGGAL, "tanggal_sk": TANGGAL}


class PegawaiSaringForm(forms.Form):
    """The filters of the staff list (GET)."""

    q = forms.CharField(label="Cari nama atau NIP", required=False)
    unit = forms.ModelChoiceField(
        UnitOrganisasi.objects.order_by("urutan"), required=False, empty_label="Semua unit"
    )
    status = forms.ChoiceField(
        choices=[("", "Semua status"), *Pegawai.Status.choices], required=False
    )
    aktif = forms.ChoiceField(
        choices=[("1", "Aktif"), ("0", "Tidak aktif"), ("semua", "Aktif dan tidak aktif")],
        required=False,
    )
    # read by the view (``_tanggal_param``): the staff serving on that date; shown here
    tanggal = forms.DateField(
        label="Per tanggal",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kelas_bootstrap(self)
        self.fields["q"].widget.attrs.update(
            {"placeholder": "Cari nama atau NIP", "aria-label": "Cari nama atau NIP"}
        )
        for name, label in (
            ("unit", "Unit"),
            ("status", "Status"),
            ("aktif", "Aktif"),
            ("tanggal", "Per tanggal"),
        ):
            self.fields[name].widget.attrs["aria-label"] = label

    def filters(self) -> dict:
        if not self.is_valid():
            return {"aktif": True}
        data = self.cleaned_data
        aktif = {"1": True, "0": False, "semua": None, "": True}[data.get("aktif") or ""]
        return {
            "q": data.get("q") or "",
            "unit": data.get("unit"),
            "status": data.get("status") or "",
            "aktif": aktif,
        }


class PegawaiImporForm(BerkasImporForm):
    """Step 1 of the staff import: the file (its column profile: ``ImporDuaLangkahMixin``)."""

    berkas = forms.FileField(
        label="Berkas pegawai (CSV atau XLSX)",
        help_text="Unduhan Excel daftar pegawai ini, atau ekspor SIMPEG dengan profil kolom.",
    )
