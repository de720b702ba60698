"""API of the contracts and invoices: read by every role, written by the Sekretaris and Sub
Bagian Keuangan through the same services as the pages (``services_belanja``).

- ``/api/anggaran/kontrak/?dokumen=<id>``: contracts (list, create; ``{id}``: read, PUT/PATCH,
  DELETE — refused while it has invoices); ``impor/`` (POST ``dokumen``, ``berkas``,
  ``pratinjau``; the columns of ``impor_belanja``);
- ``/api/anggaran/tagihan/?dokumen=<id>&kontrak=<id>``: invoices, the same operations and
  ``impor/``; each says its working days from BAST to SPM, its SPM deadline and whether it was
  on time (``selectors.belanja.tagihan_baris``: the IKPA's own rule, as known today).

Built on the UP/TUP register's viewset (``api_up._RegisterViewSet``): same permissions (a delete
is a change), same import endpoint, same schema.
"""

from __future__ import annotations

from django.utils import timezone
from rest_framework import serializers

from kpu_site.api import ModelSerializer, saring_id

from . import services_belanja
from .api_up import FIELD_VERIFIKASI, VerifikasiFields, _RegisterViewSet, _skema_register
from .impor_belanja import (
    kontrak_impor,
    kontrak_impor_periksa,
    tagihan_impor,
    tagihan_impor_periksa,
)
from .models import Kontrak, Tagihan
from .selectors.belanja import BarisTagihan, batas_hari_kerja_tahun, tagihan_baris

FIELD_KONTRAK = (
    "akun",
    "nomor",
    "tanggal",
    "tanggal_daftar",
    "tanggal_selesai",
    "penyedia",
    "uraian",
    "nilai",
)
FIELD_TAGIHAN = ("nomor", "tanggal_bast", "tanggal_spm", "tanggal_sp2d", "nilai")


@_skema_register
class KontrakViewSet(_RegisterViewSet):
    """Contracts of a document (``?dokumen=<id>``) in signing order."""

    queryset = Kontrak.objects.select_related("akun", "diverifikasi_oleh").order_by(
        "dokumen", "tanggal", "nomor", "pk"
    )
    FIELD_UBAH = FIELD_KONTRAK
    layanan = (services_belanja.kontrak_create, services_belanja.kontrak_update, "kontrak")
    layanan_hapus = services_belanja.kontrak_delete
    impor_periksa = kontrak_impor_periksa
    impor_tulis = kontrak_impor
    jenis_impor = "kontrak"

    class UbahInputSerializer(ModelSerializer):
        class Meta:
            model = Kontrak
            ref_name = "AnggaranKontrakUbah"
            fields = list(FIELD_KONTRAK)
            validators = []  # the service says which rule, in its own words
            extra_kwargs = {"akun": {"help_text": "id baris akun 52/53 dari dokumen yang sama"}}

    class InputSerializer(ModelSerializer):
        class Meta:
            model = Kontrak
            ref_name = "AnggaranKontrak"
            fields = ["dokumen", *FIELD_KONTRAK]
            validators = []
            extra_kwargs = {"akun": {"help_text": "id baris akun 52/53 dari dokumen yang sama"}}

    class OutputSerializer(VerifikasiFields, ModelSerializer):
        kode_akun = serializers.CharField(source="akun.kode_lengkap", read_only=True)

        class Meta:
            model = Kontrak
            ref_name = "AnggaranKontrakKeluar"
            fields = ["id", "dokumen", "kode_akun", *FIELD_KONTRAK, *FIELD_VERIFIKASI]


class TagihanKeluarSerializer(VerifikasiFields, ModelSerializer):
    nomor_kontrak = serializers.CharField(source="kontrak.nomor", read_only=True)
    hari_kerja = serializers.SerializerMethodField(help_text="hari kerja dari BAST ke SPM")
    batas_spm = serializers.SerializerMethodField(help_text="batas SPM menurut parameter IKPA")
    tepat_waktu = serializers.SerializerMethodField(
        help_text="null: belum ada SPM dan batas belum lewat (atau parameter IKPA belum ada)"
    )

    class Meta:
        model = Tagihan
        ref_name = "AnggaranTagihanKeluar"
        fields = [
            *("id", "kontrak", "nomor_kontrak", *FIELD_TAGIHAN),
            *("hari_kerja", "batas_spm", "tepat_waktu"),
            *FIELD_VERIFIKASI,
        ]

    def _baris(self, obj) -> BarisTagihan:
        """The invoice's figures, the year's limit read once per year for a whole list."""
        batas = self.__dict__.setdefault("_batas", {})
        tahun = obj.kontrak.dokumen.tahun
        if tahun not in batas:
            batas[tahun] = batas_hari_kerja_tahun(tahun)
        return tagihan_baris(obj, batas_hari_kerja=batas[tahun], per_tanggal=timezone.localdate())

    def get_hari_kerja(self, obj) -> int | None:
        return self._baris(obj).hari_kerja

    def get_batas_spm(self, obj) -> str | None:
        batas = self._baris(obj).batas_spm
        return batas.isoformat() if batas else None

    def get_tepat_waktu(self, obj) -> bool | None:
        return self._baris(obj).tepat_waktu


@_skema_register
class TagihanViewSet(_RegisterViewSet):
    """Invoices of a document (``?dokumen=<id>``) or of a contract (``?kontrak=<id>``)."""

    queryset = Tagihan.objects.select_related(
        "kontrak", "kontrak__dokumen", "diverifikasi_oleh"
    ).order_by("kontrak__dokumen", "tanggal_bast", "nomor", "pk")
    FIELD_UBAH = FIELD_TAGIHAN
    layanan = (services_belanja.tagihan_create, services_belanja.tagihan_update, "tagihan")
    layanan_hapus = services_belanja.tagihan_delete
    impor_periksa = tagihan_impor_periksa
    impor_tulis = tagihan_impor
    jenis_impor = "tagihan"
    OutputSerializer = TagihanKeluarSerializer

    def get_queryset(self):
        qs = saring_id(
            self.queryset.all(), self.request.query_params, "dokumen", "kontrak__dokumen_id"
        )
        return saring_id(qs, self.request.query_params, "kontrak")

    class UbahInputSerializer(ModelSerializer):
        class Meta:
            model = Tagihan
            ref_name = "AnggaranTagihanUbah"
            fields = list(FIELD_TAGIHAN)
            validators = []

    class InputSerializer(ModelSerializer):
        class Meta:
            model = Tagihan
            ref_name = "AnggaranTagihan"
            fields = ["kontrak", *FIELD_TAGIHAN]
            validators = []


def register(router) -> None:
    router.register("anggaran/kontrak", KontrakViewSet, basename="anggaran-kontrak")
    router.register("anggaran/tagihan", TagihanViewSet, basename="anggaran-tagihan")
