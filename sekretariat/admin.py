from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from kpu_site.admin import HanyaLihatAdmin

from .admin_forms import PenggunaChangeForm
from .models import (
    Divisi,
    Jabatan,
    Komisioner,
    Pegawai,
    Pengguna,
    RiwayatJabatan,
    RiwayatPendidikan,
    Satker,
    UnitOrganisasi,
)


@admin.register(Pengguna)
class PenggunaAdmin(UserAdmin):
    form = PenggunaChangeForm
    fieldsets = (*UserAdmin.fieldsets, ("Sub bagian", {"fields": ("unit",)}))
    list_display = ("username", "first_name", "last_name", "unit", "is_active")
    list_filter = ("groups", "unit", "is_active")


@admin.register(Satker)
class SatkerAdmin(SimpleHistoryAdmin):
    list_display = ("nama", "kode_satker", "kode_wilayah")


@admin.register(UnitOrganisasi)
class UnitOrganisasiAdmin(SimpleHistoryAdmin):
    list_display = ("nama", "kode", "jenis", "urutan")


@admin.register(Divisi)
class DivisiAdmin(SimpleHistoryAdmin):
    list_display = ("nama", "mitra", "urutan")


@admin.register(Pegawai)
class PegawaiAdmin(HanyaLihatAdmin):
    list_display = (
        *("nama", "nip", "status", "jenis_ppnpn", "unit", "pendidikan"),
        *("tmt_masuk", "tmt_keluar", "alasan_keluar"),
    )
    list_filter = ("status", "unit", "alasan_keluar", "pendidikan")
    search_fields = ("nama", "nip")


@admin.register(Jabatan)
class JabatanAdmin(SimpleHistoryAdmin):
    list_display = ("nama", "jenis", "unit", "urutan")
    list_filter = ("jenis", "unit")


@admin.register(RiwayatJabatan)
class RiwayatJabatanAdmin(HanyaLihatAdmin):
    list_display = ("pegawai", "jabatan", "tanggal_mulai", "tanggal_selesai", "nomor_sk")
    list_select_related = ("pegawai", "jabatan")


@admin.register(RiwayatPendidikan)
class RiwayatPendidikanAdmin(HanyaLihatAdmin):
    list_display = ("pegawai", "jenjang", "tanggal_ijazah", "institusi", "program_studi")
    list_select_related = ("pegawai",)


@admin.register(Komisioner)
class KomisionerAdmin(HanyaLihatAdmin):
    list_display = ("nama", "ketua", "divisi", "tanggal_mulai", "tanggal_selesai")
