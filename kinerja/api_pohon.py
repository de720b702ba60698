"""API of the performance tree: read by every role that reads kinerja; writes go through
``kinerja.services.pohon`` (Sekretaris, Admin and Sub Bagian Perencanaan every node, a Kasubag
the nodes of their unit; the year lock for targets)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from rest_framework import serializers

from kpu_site.api import LayananViewSet, ModelSerializer, TahunField, saring_id, skema_layanan
from kpu_site.batas import id_param

from .model_pohon import IndikatorUnit, SasaranUnit, TargetIndikatorUnit
from .services import pohon as layanan

SIMPUL_KOLOM = [
    "tingkat",
    "unit",
    "kode",
    "uraian",
    "mendukung_sasaran",
    "mendukung_unit",
    "tahun_mulai",
    "tahun_selesai",
]
INDIKATOR_KOLOM = ["kode", "uraian", "satuan", "arah", "presisi"]


def _tahun(params) -> int | None:
    raw = (params.get("tahun") or "").strip()
    return int(raw) if raw.isdigit() and len(raw) == 4 else None


@skema_layanan
class SasaranUnitViewSet(LayananViewSet):
    """The nodes of the performance tree. Filters: ``renstra`` (id), ``tahun`` (valid that
    year), ``unit`` (id)."""

    queryset = SasaranUnit.objects.select_related("unit").order_by("renstra", "kode")

    class InputSerializer(ModelSerializer):
        # a plain string in the schema (no enum name collision with other "tingkat" fields);
        # the service refuses a value other than sub_bagian / kegiatan_staf
        tingkat = serializers.CharField(help_text="sub_bagian atau kegiatan_staf")
        tahun_mulai = TahunField()
        tahun_selesai = TahunField()

        class Meta:
            model = SasaranUnit
            ref_name = "SasaranUnitMasuk"
            fields = ["renstra", *SIMPUL_KOLOM]
            validators = []

    class OutputSerializer(ModelSerializer):
        tingkat = serializers.CharField(help_text="sub_bagian atau kegiatan_staf")

        class Meta:
            model = SasaranUnit
            ref_name = "SasaranUnit"
            fields = ["id", "renstra", *SIMPUL_KOLOM]

    def get_queryset(self):
        qs = saring_id(super().get_queryset(), self.request.query_params, "renstra")
        qs = saring_id(qs, self.request.query_params, "unit")
        tahun = _tahun(self.request.query_params)
        if tahun:
            qs = qs.filter(tahun_mulai__lte=tahun, tahun_selesai__gte=tahun)
        return qs

    def buat_objek(self, data: dict):
        data.setdefault("mendukung_sasaran", None)
        data.setdefault("mendukung_unit", None)
        return layanan.sasaran_unit_simpan(pengguna=self.request.user, **data)

    def ubah_objek(self, obj, data: dict):
        isi = {k: getattr(obj, k) for k in SIMPUL_KOLOM}
        isi.update(data)
        return layanan.sasaran_unit_simpan(pengguna=self.request.user, obj=obj, **isi)


@skema_layanan
class IndikatorUnitViewSet(LayananViewSet):
    """The indikator of the nodes. Filter: ``sasaran_unit`` (id)."""

    queryset = IndikatorUnit.objects.order_by("sasaran_unit__kode", "kode")

    class InputSerializer(ModelSerializer):
        class Meta:
            model = IndikatorUnit
            ref_name = "IndikatorUnitMasuk"
            fields = ["sasaran_unit", *INDIKATOR_KOLOM]
            validators = []

    class OutputSerializer(ModelSerializer):
        class Meta:
            model = IndikatorUnit
            ref_name = "IndikatorUnit"
            fields = ["id", "sasaran_unit", *INDIKATOR_KOLOM]

    def get_queryset(self):
        return saring_id(super().get_queryset(), self.request.query_params, "sasaran_unit")

    def buat_objek(self, data: dict):
        return layanan.indikator_unit_simpan(pengguna=self.request.user, **data)

    def ubah_objek(self, obj, data: dict):
        isi = {k: getattr(obj, k) for k in INDIKATOR_KOLOM}
        isi.update(data)
        return layanan.indikator_unit_simpan(pengguna=self.request.user, obj=obj, **isi)


@skema_layanan
class TargetIndikatorUnitViewSet(LayananViewSet):
    """The yearly targets of the indikator of the nodes. POST sets the target of an indikator
    for a year (creates or replaces it). Filters: ``indikator`` (id), ``tahun``."""

    queryset = TargetIndikatorUnit.objects.order_by("indikator", "tahun")

    class InputSerializer(serializers.Serializer):
        indikator = serializers.IntegerField(min_value=1)
        tahun = TahunField()
        target = serializers.CharField()
        target_atas = serializers.CharField(required=False, allow_null=True, allow_blank=True)

        class Meta:
            ref_name = "TargetIndikatorUnitMasuk"

    class OutputSerializer(ModelSerializer):
        class Meta:
            model = TargetIndikatorUnit
            ref_name = "TargetIndikatorUnit"
            fields = ["id", "indikator", "tahun", "target", "target_atas"]

    def get_queryset(self):
        qs = saring_id(super().get_queryset(), self.request.query_params, "indikator")
        tahun = _tahun(self.request.query_params)
        return qs.filter(tahun=tahun) if tahun else qs

    def _indikator(self, pk) -> IndikatorUnit:
        obj = IndikatorUnit.objects.filter(pk=id_param(pk)).first() if id_param(pk) else None
        if obj is None:
            raise ValidationError({"indikator": f"Indikator dengan id {pk} tidak ditemukan."})
        return obj

    def buat_objek(self, data: dict):
        return layanan.target_unit_simpan(
            pengguna=self.request.user,
            indikator=self._indikator(data["indikator"]),
            tahun=data["tahun"],
            target=data["target"],
            target_atas=data.get("target_atas") or None,
        )

    def ubah_objek(self, obj, data: dict):
        if "indikator" in data and data["indikator"] != obj.indikator_id:
            raise ValidationError({"indikator": "Indikator sebuah target tidak dapat diubah."})
        if "tahun" in data and data["tahun"] != obj.tahun:
            raise ValidationError({"tahun": "Tahun sebuah target tidak dapat diubah."})
        return layanan.target_unit_simpan(
            pengguna=self.request.user,
            indikator=obj.indikator,
            tahun=obj.tahun,
            target=data.get("target", obj.target),
            target_atas=data.get("target_atas", obj.target_atas) or None,
        )


def register(router) -> None:
    router.register("kinerja/sasaran-unit", SasaranUnitViewSet, basename="kinerja-sasaranunit")
    router.register(
        "kinerja/indikator-unit", IndikatorUnitViewSet, basename="kinerja-indikatorunit"
    )
    router.register(
        "kinerja/target-indikator-unit",
        TargetIndikatorUnitViewSet,
        basename="kinerja-targetindikatorunit",
    )
