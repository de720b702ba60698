"""API of the Rencana Aksi and its quarterly monitoring: read by every role with the model's view
permission; writes go through ``kinerja.services.rencana_aksi`` (the same rules as the pages:
the Kasubag of the unit, Perencanaan or the Sekretaris write; only the Sekretaris signs)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from kpu_site.akses import IzinModelApi
from kpu_site.api import IdField, ModelSerializer, TahunField
from sekretariat.models import UnitOrganisasi

from .model_rencana_aksi import Triwulan
from .models import AksiRencana, MonitoringBaris, MonitoringRencanaAksi, PKBaris, RencanaAksi
from .services import rencana_aksi as layanan


def _angka_masuk(**kwargs) -> serializers.CharField:
    return serializers.CharField(allow_null=True, allow_blank=True, **kwargs)


class AksiRencanaOutputSerializer(ModelSerializer):
    class Meta:
        model = AksiRencana
        ref_name = "AksiRencana"
        fields = ["id", "rencana", "triwulan", "uraian"]


class RencanaAksiViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Per PK line: quarterly targets and unit responsible. POST creates or replaces the Rencana
    Aksi of a line; PATCH changes it; ``aksi`` adds an action."""

    queryset = RencanaAksi.objects.select_related("baris__perjanjian").prefetch_related("aksi")
    permission_classes = [IsAuthenticated, IzinModelApi]

    class UbahInputSerializer(serializers.Serializer):
        unit = IdField(
            queryset=UnitOrganisasi.objects.all(), required=False, allow_null=True, default=None
        )
        target_tw1 = _angka_masuk(required=False, default=None)
        target_tw2 = _angka_masuk(required=False, default=None)
        target_tw3 = _angka_masuk(required=False, default=None)
        target_tw4 = _angka_masuk(required=False, default=None)

        class Meta:
            ref_name = "RencanaAksiUbah"

    class InputSerializer(UbahInputSerializer):
        baris = IdField(queryset=PKBaris.objects.all())

        class Meta:
            ref_name = "RencanaAksiSimpan"

    class AksiInputSerializer(serializers.Serializer):
        triwulan = serializers.ChoiceField(choices=Triwulan.choices)
        uraian = serializers.CharField()

        class Meta:
            ref_name = "AksiRencanaTambah"

    class OutputSerializer(ModelSerializer):
        aksi = AksiRencanaOutputSerializer(many=True, read_only=True)

        class Meta:
            model = RencanaAksi
            ref_name = "RencanaAksi"
            fields = [
                "id",
                "baris",
                "unit",
                "target_tw1",
                "target_tw2",
                "target_tw3",
                "target_tw4",
                "aksi",
            ]

    serializer_class = OutputSerializer

    def get_queryset(self):
        qs = super().get_queryset().order_by("pk")
        tahun = self.request.query_params.get("tahun", "")
        return qs.filter(baris__perjanjian__tahun=tahun) if tahun.isdigit() else qs

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def create(self, request, *args, **kwargs):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = layanan.rencana_aksi_simpan(pengguna=request.user, **masuk.validated_data)
        return Response(self.OutputSerializer(obj).data, status=201)

    @extend_schema(request=UbahInputSerializer, responses=OutputSerializer)
    def partial_update(self, request, *args, **kwargs):
        obj = self.get_object()
        masuk = self.UbahInputSerializer(data=request.data, partial=True)
        masuk.is_valid(raise_exception=True)
        data = {f"target_{tw}": getattr(obj, f"target_{tw}") for tw in ("tw1", "tw2", "tw3", "tw4")}
        data |= masuk.validated_data
        obj = layanan.rencana_aksi_simpan(baris=obj.baris, pengguna=request.user, **data)
        return Response(self.OutputSerializer(obj).data)

    @extend_schema(request=AksiInputSerializer, responses={201: AksiRencanaOutputSerializer})
    @action(detail=True, methods=["post"])
    def aksi(self, request, pk=None):
        masuk = self.AksiInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = layanan.aksi_tambah(
            rencana=self.get_object(), pengguna=request.user, **masuk.validated_data
        )
        return Response(AksiRencanaOutputSerializer(obj).data, status=201)


class IzinHapusAksi(IzinModelApi):
    """Removing an action is part of drafting the Rencana Aksi: it needs the change permission
    (the Kasubag and Staf have no delete permission); the service applies the unit rule."""

    perms_map = IzinModelApi.perms_map | {"DELETE": ["%(app_label)s.change_%(model_name)s"]}


class AksiRencanaViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """The actions of the Rencana Aksi; DELETE removes one (same rules as writing)."""

    queryset = AksiRencana.objects.order_by("pk")
    permission_classes = [IsAuthenticated, IzinHapusAksi]
    serializer_class = AksiRencanaOutputSerializer

    def perform_destroy(self, instance):
        layanan.aksi_hapus(aksi=instance, pengguna=self.request.user)


class MonitoringBarisOutputSerializer(ModelSerializer):
    class Meta:
        model = MonitoringBaris
        ref_name = "MonitoringBaris"
        fields = [
            "id",
            "monitoring",
            "indikator",
            "aksi_terlaksana",
            "kendala",
            "tindak_lanjut",
            "target",
            "realisasi",
        ]


class MonitoringRencanaAksiViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Quarterly monitoring reports. POST creates a draft for a year and quarter;
    ``tandatangani`` (Sekretaris) freezes it; ``perubahan`` starts a revision with a reason."""

    queryset = MonitoringRencanaAksi.objects.prefetch_related("baris").order_by("pk")
    permission_classes = [IsAuthenticated, IzinModelApi]

    class InputSerializer(serializers.Serializer):
        tahun = TahunField()
        triwulan = serializers.ChoiceField(choices=Triwulan.choices)

        class Meta:
            ref_name = "MonitoringRencanaAksiBuat"

    class PerubahanInputSerializer(serializers.Serializer):
        alasan = serializers.CharField()

        class Meta:
            ref_name = "AlasanPerubahanMonitoring"

    class OutputSerializer(ModelSerializer):
        baris = MonitoringBarisOutputSerializer(many=True, read_only=True)
        # draft / ditandatangani / diganti, as the PK (a plain string keeps the schema's enum
        # names unambiguous)
        status = serializers.CharField(read_only=True)

        class Meta:
            model = MonitoringRencanaAksi
            ref_name = "MonitoringRencanaAksi"
            fields = [
                "id",
                "tahun",
                "triwulan",
                "revisi",
                "status",
                "alasan_perubahan",
                "ditandatangani_pada",
                "baris",
            ]

    serializer_class = OutputSerializer

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def create(self, request, *args, **kwargs):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = layanan.monitoring_buat(pengguna=request.user, **masuk.validated_data)
        return Response(self.OutputSerializer(obj).data, status=201)

    @extend_schema(request=None, responses=OutputSerializer)
    @action(detail=True, methods=["post"])
    def tandatangani(self, request, pk=None):
        obj = layanan.monitoring_tandatangani(monitoring=self.get_object(), pengguna=request.user)
        return Response(self.OutputSerializer(obj).data)

    @extend_schema(request=PerubahanInputSerializer, responses={201: OutputSerializer})
    @action(detail=True, methods=["post"])
    def perubahan(self, request, pk=None):
        masuk = self.PerubahanInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = layanan.monitoring_perubahan(
            monitoring=self.get_object(),
            pengguna=request.user,
            alasan=masuk.validated_data["alasan"],
        )
        return Response(self.OutputSerializer(obj).data, status=201)


class MonitoringBarisViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Lines of the monitoring reports; PATCH edits actions done, kendala, tindak lanjut of a
    draft."""

    queryset = MonitoringBaris.objects.order_by("pk")
    permission_classes = [IsAuthenticated, IzinModelApi]
    serializer_class = MonitoringBarisOutputSerializer

    class InputSerializer(serializers.Serializer):
        aksi_terlaksana = serializers.CharField(required=False, allow_blank=True)
        kendala = serializers.CharField(required=False, allow_blank=True)
        tindak_lanjut = serializers.CharField(required=False, allow_blank=True)

        class Meta:
            ref_name = "MonitoringBarisUbah"

    @extend_schema(request=InputSerializer, responses=MonitoringBarisOutputSerializer)
    def partial_update(self, request, *args, **kwargs):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = layanan.monitoring_baris_update(
            baris=self.get_object(), pengguna=request.user, **masuk.validated_data
        )
        return Response(MonitoringBarisOutputSerializer(obj).data)


def register(router) -> None:
    router.register("kinerja/rencana-aksi", RencanaAksiViewSet, basename="kinerja-rencanaaksi")
    router.register("kinerja/aksi", AksiRencanaViewSet, basename="kinerja-aksirencana")
    router.register(
        "kinerja/monitoring-ra", MonitoringRencanaAksiViewSet, basename="kinerja-monitoring-ra"
    )
    router.register(
        "kinerja/monitoring-ra-baris", MonitoringBarisViewSet, basename="kinerja-monitoringbaris"
    )
