from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import JejakAudit


class HanyaLihatMixin:
    """Admin pages that show records without add, change or delete: records written by the
    system (the audit trail) or whose rules live in the services, edited through the
    application's pages and API."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class HanyaLihatAdmin(HanyaLihatMixin, SimpleHistoryAdmin):
    """A read-only admin page with the record's history."""


@admin.register(JejakAudit)
class JejakAuditAdmin(HanyaLihatMixin, admin.ModelAdmin):
    list_display = ("waktu", "pengguna", "aksi", "content_type", "objek")
    list_filter = ("aksi", "content_type")
    search_fields = ("objek", "keterangan")
