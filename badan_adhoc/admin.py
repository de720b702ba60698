"""Django admin of the recruitment documents' numbering: the number pattern per document type
is edited here (checked by ``pola_periksa``); the numbers given are read-only."""

from django.contrib import admin

from .dokumen.model_nomor import NomorDokumen, PolaNomorDokumen


@admin.register(PolaNomorDokumen)
class PolaNomorDokumenAdmin(admin.ModelAdmin):
    list_display = ["jenis_nomor", "pola", "penandatangan"]


@admin.register(NomorDokumen)
class NomorDokumenAdmin(admin.ModelAdmin):
    list_display = ["nomor", "jenis_nomor", "tanggal", "penandatangan_nama", "sha256"]
    list_filter = ["jenis_nomor", "tahun"]
    search_fields = ["nomor"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
