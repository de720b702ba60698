from django.contrib import admin

from .models import JejakAudit


@admin.register(JejakAudit)
class JejakAuditAdmin(admin.ModelAdmin):
    list_display = ("waktu", "pengguna", "aksi", "content_type", "objek")
    list_filter = ("aksi", "content_type")
    search_fields = ("objek", "keterangan")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
