from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import DokumenAnggaran, ImporRealisasi, Pagu, Pos, Realisasi, RencanaPenarikan, Revisi


@admin.register(DokumenAnggaran)
class DokumenAnggaranAdmin(SimpleHistoryAdmin):
    list_display = ["nomor", "jenis", "tahun", "tanggal", "terkunci"]
    list_filter = ["jenis", "tahun", "terkunci"]


@admin.register(Revisi)
class RevisiAdmin(SimpleHistoryAdmin):
    list_display = ["dokumen", "nomor", "tanggal"]
    list_select_related = ["dokumen"]


@admin.register(Pos)
class PosAdmin(SimpleHistoryAdmin):
    list_display = ["kode_lengkap", "tingkat", "uraian", "dokumen"]
    list_filter = ["tingkat", "dokumen"]
    search_fields = ["kode_lengkap", "uraian"]
    list_select_related = ["dokumen"]
    raw_id_fields = ["induk"]


@admin.register(Pagu)
class PaguAdmin(SimpleHistoryAdmin):
    list_display = ["pos", "revisi", "volume", "harga"]
    list_select_related = ["pos", "revisi__dokumen"]
    raw_id_fields = ["pos", "revisi"]


@admin.register(RencanaPenarikan)
class RencanaPenarikanAdmin(SimpleHistoryAdmin):
    list_display = ["revisi", "bulan", "nilai"]
    list_select_related = ["revisi__dokumen"]


@admin.register(ImporRealisasi)
class ImporRealisasiAdmin(SimpleHistoryAdmin):
    list_display = ["nama_berkas", "dokumen", "jumlah_baris", "total_nilai", "diimpor_pada"]


@admin.register(Realisasi)
class RealisasiAdmin(SimpleHistoryAdmin):
    list_display = ["nomor_sp2d", "tanggal", "akun", "nilai", "asal"]
    list_filter = ["asal", "dokumen"]
    search_fields = ["nomor_sp2d", "uraian"]
    list_select_related = ["akun"]
    raw_id_fields = ["akun", "impor"]
