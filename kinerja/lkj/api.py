"""API of the LKj: list/read versions (Auditor: final only), request a render, finalise,
download the PDF (recorded by the ``laporan_unduhan_record`` service). Nested input/output
serializers as in the other apps' APIs."""

from __future__ import annotations

from django.http import FileResponse, Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from kpu_site.akses import IzinModelApi
from kpu_site.berkas import berkas_buka
from kpu_site.peran import peran_of

from . import selectors, services
from .models import LaporanKinerja
from .services import PERAN_PENYUSUN


class LaporanKinerjaViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    permission_classes = [IzinModelApi]
    queryset = LaporanKinerja.objects.none()

    class InputSerializer(serializers.Serializer):
        tahun = serializers.IntegerField(min_value=2000, max_value=2100)

        class Meta:
            ref_name = "MintaLaporan"

    class OutputSerializer(serializers.ModelSerializer):
        status_label = serializers.CharField(source="get_status_display", read_only=True)
        diminta_oleh = serializers.StringRelatedField(allow_null=True)
        difinalkan_oleh = serializers.StringRelatedField(allow_null=True)

        class Meta:
            model = LaporanKinerja
            ref_name = "LaporanKinerja"
            fields = [
                "id", "tahun", "versi", "status", "status_label", "draf", "progres", "tahap",
                "diminta_oleh", "diminta_pada", "selesai_pada", "percobaan", "sha256",
                "jumlah_halaman", "ukuran", "pesan_galat", "difinalkan_oleh", "difinalkan_pada",
            ]  # fmt: skip
            read_only_fields = fields

    serializer_class = OutputSerializer

    def get_queryset(self):
        tahun = self.request.query_params.get("tahun")
        return selectors.laporan_list(
            user=self.request.user, tahun=int(tahun) if tahun and tahun.isdigit() else None
        )

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def create(self, request):
        if peran_of(request.user) not in PERAN_PENYUSUN:
            raise PermissionDenied("Peran Anda tidak dapat meminta penyusunan Laporan Kinerja.")
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        laporan = services.laporan_request(
            tahun=masuk.validated_data["tahun"], pengguna=request.user
        )
        laporan.refresh_from_db()
        return Response(self.OutputSerializer(laporan).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: OutputSerializer})
    @action(detail=True, methods=["post"])
    def finalkan(self, request, pk=None):
        laporan = services.laporan_finalise(laporan=self.get_object(), pengguna=request.user)
        return Response(self.OutputSerializer(laporan).data)

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def unduh(self, request, pk=None):
        laporan = self.get_object()
        if not laporan.dapat_diunduh:
            raise Http404("Berkas laporan belum tersedia.")
        services.laporan_unduhan_record(laporan=laporan, pengguna=request.user)
        return FileResponse(
            berkas_buka(laporan.berkas),
            as_attachment=True,
            filename=f"LKj-{laporan.tahun}-v{laporan.versi}.pdf",
        )


def register(router) -> None:
    router.register("kinerja/laporan", LaporanKinerjaViewSet, basename="kinerja-laporan")
