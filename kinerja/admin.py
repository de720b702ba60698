"""Admin for the kinerja master data. Records whose rules live in the services (PK, realisasi,
evidence, settings, year locks) are read-only here: they change through the pages and API."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kpu_site.admin import HanyaLihatAdmin

from .models import (
    BuktiDukung,
    Indikator,
    KunciTahun,
    Misi,
    PengaturanCapaian,
    PerjanjianKinerja,
    PKBaris,
    Realisasi,
    Renstra,
    Sasaran,
    TargetTahunan,
    Tujuan,
)


class MisiInline(admin.TabularInline):
    model = Misi
    extra = 0


class TujuanInline(admin.TabularInline):
    model = Tujuan
    extra = 0


@admin.register(Renstra)
class RenstraAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "nama")
    inlines = [MisiInline, TujuanInline]


@admin.register(Sasaran)
class SasaranAdmin(SimpleHistoryAdmin):
    list_display = ("nomor", "uraian", "unit", "tujuan")
    list_filter = ("unit",)


class TargetInline(admin.TabularInline):
    model = TargetTahunan
    extra = 0


@admin.register(Indikator)
class IndikatorAdmin(SimpleHistoryAdmin):
    list_display = ("kode", "uraian", "satuan", "arah", "presisi", "agregasi")
    list_filter = ("satuan", "arah")
    list_select_related = ("sasaran",)
    inlines = [TargetInline]


@admin.register(PerjanjianKinerja)
class PerjanjianKinerjaAdmin(HanyaLihatAdmin):
    list_display = ("__str__", "status", "tempat", "tanggal")


@admin.register(PKBaris)
class PKBarisAdmin(HanyaLihatAdmin):
    list_display = ("__str__", "target", "target_atas")
    list_select_related = ("perjanjian", "indikator")


@admin.register(Realisasi)
class RealisasiAdmin(HanyaLihatAdmin):
    list_display = ("__str__", "nilai", "status", "versi")
    list_filter = ("tahun", "periode", "status")
    list_select_related = ("indikator",)


@admin.register(BuktiDukung)
class BuktiDukungAdmin(HanyaLihatAdmin):
    list_display = ("__str__", "jenis_berkas", "diunggah_pada")
    exclude = ("berkas",)  # files are served only by the permission-checked download view


admin.site.register(PengaturanCapaian, HanyaLihatAdmin)
admin.site.register(KunciTahun, HanyaLihatAdmin)
