"""API of the public comments on applicants: staff read them and record the follow-up
(``POST …/<id>/tindak-lanjut/``). The public submits through the form only (no API)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from kpu_site.api import ModelSerializer, saring_id

from .akses import boleh_kelola
from .api import IZIN
from .model_tanggapan import TanggapanMasyarakat
from .services import tanggapan as layanan

#: the commenter's identity: for the staff of the recruitment only
PRIBADI = ("nama", "kontak")


class TanggapanSerializer(ModelSerializer):
    class Meta:
        model = TanggapanMasyarakat
        fields = [
            "id",
            "rekrutmen",
            "pendaftar",
            "tahap",
            "nama",
            "kontak",
            "isi",
            "lampiran_nama",
            "lampiran_jenis",
            "diterima_pada",
            "klarifikasi",
            "hasil",
            "hasil_alasan",
            "ditangani_oleh",
            "ditangani_pada",
        ]
        # null for a role that may not see who commented (``to_representation``)
        extra_kwargs = {f: {"allow_null": True} for f in PRIBADI}

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is not None and not boleh_kelola(request.user):
            for f in PRIBADI:
                data[f] = None
        return data


class TindakLanjutSerializer(serializers.Serializer):
    klarifikasi = serializers.CharField(max_length=5000)
    hasil = serializers.ChoiceField(
        choices=[
            TanggapanMasyarakat.Hasil.TIDAK_BERPENGARUH,
            TanggapanMasyarakat.Hasil.MENGUBAH_HASIL,
        ]
    )
    status_baru = serializers.ChoiceField(
        choices=["", "ms", "tms"], required=False, allow_blank=True, default=""
    )
    alasan = serializers.CharField(max_length=5000)


class TanggapanViewSet(viewsets.ReadOnlyModelViewSet):
    """``?rekrutmen=<id>``, ``?pendaftar=<id>`` filter the list."""

    permission_classes = IZIN
    serializer_class = TanggapanSerializer
    queryset = TanggapanMasyarakat.objects.all()  # narrowed by get_queryset

    def get_queryset(self):
        qs = TanggapanMasyarakat.objects.order_by("-diterima_pada", "-pk")
        qs = saring_id(qs, self.request.query_params, "rekrutmen")
        return saring_id(qs, self.request.query_params, "pendaftar")

    @extend_schema(request=TindakLanjutSerializer, responses=TanggapanSerializer)
    @action(detail=True, methods=["post"], url_path="tindak-lanjut")
    def tindak_lanjut(self, request, pk=None):
        masuk = TindakLanjutSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        t = layanan.tanggapan_tindak_lanjut(
            tanggapan=self.get_object(), **masuk.validated_data, pengguna=request.user
        )
        return Response(self.get_serializer(t).data)
