from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .admin_forms import PenggunaChangeForm
from .models import Pengguna, Satker, UnitOrganisasi


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
