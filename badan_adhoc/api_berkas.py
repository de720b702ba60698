"""API of the applicant's file: ``GET /api/adhoc/berkas-pendaftar/<id>/`` (the checklist of one
applicant), ``POST /api/adhoc/berkas-pendaftar/<id>/simpan/`` (record statuses, staff of the
recruitment only), ``GET /api/adhoc/berkas-rekrutmen/<id>/`` (the checklist counts)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from .api import IZIN
from .model_berkas import StatusBerkas
from .models import Pendaftar, Rekrutmen
from .selectors.berkas import berkas_pendaftar, berkas_ringkasan
from .services.berkas import berkas_status_set


class BarisBerkasSerializer(serializers.Serializer):
    kode = serializers.CharField(source="item.kode")
    nama = serializers.CharField(source="item.nama")
    wajib = serializers.BooleanField(source="item.wajib")
    status = serializers.SerializerMethodField()
    alasan = serializers.SerializerMethodField()
    dicatat_pada = serializers.SerializerMethodField()

    class Meta:
        ref_name = "BarisBerkas"

    def get_status(self, obj) -> str:
        return obj.status.status if obj.status else ""

    def get_alasan(self, obj) -> str:
        return obj.status.alasan if obj.status else ""

    def get_dicatat_pada(self, obj) -> str | None:
        return obj.status.dicatat_pada.isoformat() if obj.status else None


class StatusItemSerializer(serializers.Serializer):
    status = serializers.CharField(allow_blank=True, help_text="ada, tidak ada, tidak sah; kosong")
    alasan = serializers.CharField(allow_blank=True, required=False, default="")

    class Meta:
        ref_name = "StatusBerkasMasuk"


class BerkasPendaftarViewSet(viewsets.ViewSet):
    """The document checklist of one applicant (``<pk>``: the applicant)."""

    permission_classes = IZIN
    queryset = StatusBerkas.objects.none()  # for the model permissions (badan_adhoc)
    lookup_value_regex = r"[0-9]+"  # the applicant's id; anything else is a 404

    class InputSerializer(serializers.Serializer):
        status = serializers.DictField(child=StatusItemSerializer(), help_text="per kode item")

        class Meta:
            ref_name = "BerkasMasuk"

    @extend_schema(responses=BarisBerkasSerializer(many=True))
    def retrieve(self, request, pk=None):
        pendaftar = get_object_or_404(Pendaftar, pk=pk)
        return Response(BarisBerkasSerializer(berkas_pendaftar(pendaftar), many=True).data)

    @extend_schema(request=InputSerializer, responses=BarisBerkasSerializer(many=True))
    @action(detail=True, methods=["post"])
    def simpan(self, request, pk=None):
        """Record statuses: ``{"status": {"ktp": {"status": "tidak sah", "alasan": "…"}}}``;
        an empty status removes the record. Staff of the recruitment only."""
        pendaftar = get_object_or_404(Pendaftar, pk=pk)
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        status = {
            kode: (v["status"], v.get("alasan", ""))
            for kode, v in masuk.validated_data["status"].items()
        }
        berkas_status_set(pendaftar=pendaftar, status=status, pengguna=request.user)
        return Response(BarisBerkasSerializer(berkas_pendaftar(pendaftar), many=True).data)


class ItemRingkasanSerializer(serializers.Serializer):
    kode = serializers.CharField()
    nama = serializers.CharField()
    wajib = serializers.BooleanField()
    ada = serializers.IntegerField()
    tidak_ada = serializers.IntegerField()
    tidak_sah = serializers.IntegerField()
    belum = serializers.IntegerField(help_text="belum diperiksa")


class BerkasRingkasanSerializer(serializers.Serializer):
    item = ItemRingkasanSerializer(many=True)
    pendaftar = serializers.IntegerField()
    lengkap = serializers.IntegerField(help_text="setiap item wajib ada")
    tidak_lengkap = serializers.IntegerField(help_text="item wajib tidak ada atau tidak sah")
    belum_lengkap = serializers.IntegerField(help_text="item wajib belum diperiksa")


class BerkasRekrutmenViewSet(viewsets.ViewSet):
    """The checklist counts of a recruitment (``<pk>``: the recruitment), as
    ``selectors.berkas.berkas_ringkasan``."""

    permission_classes = IZIN
    queryset = StatusBerkas.objects.none()
    lookup_value_regex = r"[0-9]+"  # the recruitment's id; anything else is a 404

    @extend_schema(responses=BerkasRingkasanSerializer)
    def retrieve(self, request, pk=None):
        ringkasan = berkas_ringkasan(get_object_or_404(Rekrutmen, pk=pk))
        return Response(BerkasRingkasanSerializer(ringkasan).data)


def register(router) -> None:
    router.register(
        "adhoc/berkas-pendaftar", BerkasPendaftarViewSet, basename="badan_adhoc-berkaspendaftar"
    )
    router.register(
        "adhoc/berkas-rekrutmen", BerkasRekrutmenViewSet, basename="badan_adhoc-berkasrekrutmen"
    )
