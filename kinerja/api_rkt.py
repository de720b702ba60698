"""API of the Rencana Kinerja Tahunan: read by every role with the model's view permission;
writes go through ``kinerja.services.rkt`` (Sekretaris, Admin and Sub Bagian Perencanaan; only
the Sekretaris sets an RKT; the year lock)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from kpu_site.akses import IzinModelApi
from kpu_site.api import ModelSerializer, TahunField

from .model_rkt import RencanaKinerjaTahunan, RKTBaris
from .services import rkt as layanan


def _angka_masuk(**kwargs) -> serializers.CharField:
    return serializers.CharField(allow_null=True, allow_blank=True, **kwargs)


class RKTBarisOutputSerializer(ModelSerializer):
    class Meta:
        model = RKTBaris
        ref_name = "RKTBaris"
        fields = [
            "id",
            "rkt",
            "indikator",
            "target",
            "target_atas",
            "target_renstra",
            "target_renstra_atas",
            "alasan_perubahan",
        ]


class RKTViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The RKT of each year with its rows. POST composes the draft of a year from the Renstra;
    ``tetapkan`` (Sekretaris) freezes it; ``perubahan`` starts a revision with a reason."""

    queryset = RencanaKinerjaTahunan.objects.prefetch_related("baris").order_by("-tahun", "-revisi")
    permission_classes = [IsAuthenticated, IzinModelApi]

    class InputSerializer(serializers.Serializer):
        tahun = TahunField()

        class Meta:
            ref_name = "RKTBuat"

    class TetapkanInputSerializer(serializers.Serializer):
        nomor = serializers.CharField(max_length=150)
        tanggal = serializers.DateField()
        tempat = serializers.CharField(max_length=100)

        class Meta:
            ref_name = "RKTTetapkan"

    class PerubahanInputSerializer(serializers.Serializer):
        alasan = serializers.CharField(max_length=2000)

        class Meta:
            ref_name = "AlasanPerubahanRKT"

    class OutputSerializer(ModelSerializer):
        baris = RKTBarisOutputSerializer(many=True, read_only=True)
        # draft / ditetapkan / diganti (a plain string keeps the schema's enum names unambiguous)
        status = serializers.CharField(read_only=True)

        class Meta:
            model = RencanaKinerjaTahunan
            ref_name = "RencanaKinerjaTahunan"
            fields = [
                "id",
                "tahun",
                "revisi",
                "status",
                "alasan_perubahan",
                "nomor",
                "tanggal",
                "tempat",
                "ditetapkan_pada",
                "baris",
            ]

    serializer_class = OutputSerializer

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def create(self, request, *args, **kwargs):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = layanan.rkt_create(pengguna=request.user, **masuk.validated_data)
        return Response(self.OutputSerializer(obj).data, status=201)

    @extend_schema(request=TetapkanInputSerializer, responses=OutputSerializer)
    @action(detail=True, methods=["post"])
    def tetapkan(self, request, pk=None):
        masuk = self.TetapkanInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        d = masuk.validated_data
        obj = layanan.rkt_tetapkan(
            rkt=self.get_object(),
            pengguna=request.user,
            nomor=d["nomor"],
            tanggal_penetapan=d["tanggal"],
            tempat=d["tempat"],
        )
        return Response(self.OutputSerializer(obj).data)

    @extend_schema(request=PerubahanInputSerializer, responses={201: OutputSerializer})
    @action(detail=True, methods=["post"])
    def perubahan(self, request, pk=None):
        masuk = self.PerubahanInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = layanan.rkt_perubahan_create(
            rkt=self.get_object(), pengguna=request.user, alasan=masuk.validated_data["alasan"]
        )
        return Response(self.OutputSerializer(obj).data, status=201)


class RKTBarisViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Rows of the RKT; PATCH changes the target of a draft's row (a target other than the
    Renstra's needs ``alasan_perubahan``)."""

    queryset = RKTBaris.objects.order_by("pk")
    permission_classes = [IsAuthenticated, IzinModelApi]
    serializer_class = RKTBarisOutputSerializer

    class InputSerializer(serializers.Serializer):
        target = _angka_masuk()
        target_atas = _angka_masuk(required=False)
        alasan_perubahan = serializers.CharField(required=False, allow_blank=True, max_length=2000)

        class Meta:
            ref_name = "RKTBarisUbah"

    @extend_schema(request=InputSerializer, responses=RKTBarisOutputSerializer)
    def partial_update(self, request, *args, **kwargs):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = layanan.rkt_baris_update(
            baris=self.get_object(), pengguna=request.user, **masuk.validated_data
        )
        return Response(RKTBarisOutputSerializer(obj).data)


def register(router) -> None:
    router.register("kinerja/rkt", RKTViewSet, basename="kinerja-rkt")
    router.register("kinerja/rkt-baris", RKTBarisViewSet, basename="kinerja-rktbaris")
