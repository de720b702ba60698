"""API of the LKj review (reviu APIP): comments (list, create, answer, close) and the year's
statement (list, retrieve, create). Read by every role that sees the LKj; writes call
``kinerja.lkj.services_reviu``, which decides who may (Auditor/Admin comment, close and record;
the preparers answer): a refusal is a 403, a broken rule a 400 naming the field."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response

from kpu_site.api import IdField, saring_id

from .lkj import selectors_reviu, services_reviu
from .lkj.model_reviu import BabLkj, KomentarReviu, PernyataanReviu
from .lkj.models import LaporanKinerja


class LihatLkj(BasePermission):
    """Every role that sees the LKj pages (``kinerja.view_laporankinerja``)."""

    def has_permission(self, request, view) -> bool:
        return request.user.has_perm("kinerja.view_laporankinerja")


class KomentarReviuViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Review comments, ``?laporan=<id>`` for one version."""

    permission_classes = [IsAuthenticated, LihatLkj]
    queryset = KomentarReviu.objects.order_by("pk")  # narrowed in get_queryset

    class InputSerializer(serializers.Serializer):
        laporan = IdField(queryset=LaporanKinerja.objects.all())
        bab = serializers.ChoiceField(choices=BabLkj.choices)
        teks = serializers.CharField(max_length=4000)

        class Meta:
            ref_name = "KomentarReviuMasuk"

    class JawabSerializer(serializers.Serializer):
        jawaban = serializers.CharField(max_length=4000)

        class Meta:
            ref_name = "KomentarReviuJawab"

    class OutputSerializer(serializers.ModelSerializer):
        bab_label = serializers.CharField(source="get_bab_display", read_only=True)
        status_label = serializers.CharField(source="get_status_display", read_only=True)
        dibuat_oleh = serializers.StringRelatedField()
        dijawab_oleh = serializers.StringRelatedField(allow_null=True)
        ditutup_oleh = serializers.StringRelatedField(allow_null=True)

        class Meta:
            model = KomentarReviu
            ref_name = "KomentarReviu"
            fields = [
                "id", "laporan", "bab", "bab_label", "teks", "status", "status_label",
                "dibuat_oleh", "dibuat_pada", "jawaban", "dijawab_oleh", "dijawab_pada",
                "ditutup_oleh", "ditutup_pada",
            ]  # fmt: skip
            read_only_fields = fields

    serializer_class = OutputSerializer

    def get_queryset(self):
        return saring_id(selectors_reviu.komentar_list(), self.request.query_params, "laporan")

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def create(self, request):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        komentar = services_reviu.komentar_create(pengguna=request.user, **masuk.validated_data)
        return Response(self.OutputSerializer(komentar).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=JawabSerializer, responses={200: OutputSerializer})
    @action(detail=True, methods=["post"])
    def jawab(self, request, pk=None):
        masuk = self.JawabSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        komentar = services_reviu.komentar_answer(
            komentar=self.get_object(), pengguna=request.user, **masuk.validated_data
        )
        return Response(self.OutputSerializer(komentar).data)

    @extend_schema(request=None, responses={200: OutputSerializer})
    @action(detail=True, methods=["post"])
    def tutup(self, request, pk=None):
        komentar = services_reviu.komentar_close(komentar=self.get_object(), pengguna=request.user)
        return Response(self.OutputSerializer(komentar).data)


class PernyataanReviuViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """The "Pernyataan Telah Direviu" of each year (``?tahun=``)."""

    permission_classes = [IsAuthenticated, LihatLkj]
    queryset = PernyataanReviu.objects.order_by("pk")  # narrowed in get_queryset

    class InputSerializer(serializers.Serializer):
        laporan = IdField(queryset=LaporanKinerja.objects.all())
        nomor = serializers.CharField(max_length=100)
        tanggal = serializers.DateField()
        tempat = serializers.CharField(max_length=100)
        nama_pereviu = serializers.CharField(max_length=150)
        nip_pereviu = serializers.CharField(max_length=18, required=False, allow_blank=True)
        jabatan_pereviu = serializers.CharField(max_length=150)

        class Meta:
            ref_name = "PernyataanReviuMasuk"

    class OutputSerializer(serializers.ModelSerializer):
        dicatat_oleh = serializers.StringRelatedField()

        class Meta:
            model = PernyataanReviu
            ref_name = "PernyataanReviu"
            fields = [
                "id", "tahun", "laporan", "nomor", "tanggal", "tempat", "nama_pereviu",
                "nip_pereviu", "jabatan_pereviu", "teks", "dicatat_oleh", "dicatat_pada",
            ]  # fmt: skip
            read_only_fields = fields

    serializer_class = OutputSerializer

    def get_queryset(self):
        qs = PernyataanReviu.objects.select_related("dicatat_oleh").order_by("-tahun")
        tahun = (self.request.query_params.get("tahun") or "").strip()
        return qs.filter(tahun=int(tahun)) if tahun.isdigit() and len(tahun) == 4 else qs

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def create(self, request):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        pernyataan = services_reviu.pernyataan_record(pengguna=request.user, **masuk.validated_data)
        return Response(self.OutputSerializer(pernyataan).data, status=status.HTTP_201_CREATED)


def register(router) -> None:
    router.register(
        "kinerja/reviu/komentar", KomentarReviuViewSet, basename="kinerja-komentarreviu"
    )
    router.register(
        "kinerja/reviu/pernyataan", PernyataanReviuViewSet, basename="kinerja-pernyataanreviu"
    )
