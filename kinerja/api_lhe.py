"""API of the evaluator's report (LHE), its findings and their follow-up: read by every role;
writes call ``kinerja.services.lhe``, which decides who may write (the Auditor enters the LHE
and findings; the unit, Perencanaan and the Sekretaris record follow-up; the Sekretaris accepts
a finding with ``terima``)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from kpu_site.akses import IzinModelApi
from kpu_site.api import LayananViewSet, ModelSerializer, skema_layanan

from .model_lhe import LaporanHasilEvaluasi, TemuanEvaluasi, TindakLanjut
from .services import lhe as svc


class IzinLheApi(IzinModelApi):
    """A write needs only the read permission of the model: the Auditor (a reader of every
    other record) writes the LHE, and the service applies the rule of who writes what."""

    BACA = ["%(app_label)s.view_%(model_name)s"]
    perms_map = IzinModelApi.perms_map | {"POST": BACA, "PUT": BACA, "PATCH": BACA}


@skema_layanan
class LaporanHasilEvaluasiViewSet(LayananViewSet):
    """The evaluator's report on the SAKIP of ``tahun``; ``predikat`` is derived from ``nilai``."""

    permission_classes = [IsAuthenticated, IzinLheApi]
    queryset = LaporanHasilEvaluasi.objects.order_by("-tahun")

    class InputSerializer(ModelSerializer):
        class Meta:
            model = LaporanHasilEvaluasi
            ref_name = "LaporanHasilEvaluasiMasuk"
            fields = list(svc.LHE_KOLOM)
            validators = []
            extra_kwargs = {"tahun": {"validators": []}}  # the service names a second LHE

    class OutputSerializer(ModelSerializer):
        predikat = serializers.CharField(read_only=True)

        class Meta:
            model = LaporanHasilEvaluasi
            ref_name = "LaporanHasilEvaluasi"
            fields = ["id", *svc.LHE_KOLOM, "predikat", "nama_asli"]

    def buat_objek(self, data: dict):
        return svc.lhe_simpan(pengguna=self.request.user, **data)

    def ubah_objek(self, obj, data: dict):
        return svc.lhe_simpan(pengguna=self.request.user, lhe=obj, **data)


@skema_layanan
class TemuanEvaluasiViewSet(LayananViewSet):
    """A finding of an LHE; ``status`` changes only through follow-up and ``terima``."""

    permission_classes = [IsAuthenticated, IzinLheApi]
    queryset = TemuanEvaluasi.objects.select_related("lhe").order_by("-lhe__tahun", "nomor")

    class InputSerializer(ModelSerializer):
        nomor = serializers.IntegerField(required=False, min_value=1)

        class Meta:
            model = TemuanEvaluasi
            ref_name = "TemuanEvaluasiMasuk"
            fields = ["lhe", *svc.TEMUAN_KOLOM]
            validators = []

    class OutputSerializer(ModelSerializer):
        class Meta:
            model = TemuanEvaluasi
            ref_name = "TemuanEvaluasi"
            fields = [
                "id",
                "lhe",
                *svc.TEMUAN_KOLOM,
                "status",
                "diterima_oleh",
                "diterima_pada",
                "catatan_penerimaan",
            ]

    class TerimaInputSerializer(serializers.Serializer):
        catatan = serializers.CharField(max_length=2000)

    def buat_objek(self, data: dict):
        return svc.temuan_simpan(pengguna=self.request.user, **data)

    def ubah_objek(self, obj, data: dict):
        if "lhe" in data and data.pop("lhe").pk != obj.lhe_id:
            raise serializers.ValidationError({"lhe": "LHE sebuah temuan tidak dapat diubah."})
        return svc.temuan_simpan(pengguna=self.request.user, temuan=obj, **data)

    @extend_schema(request=TerimaInputSerializer, responses=OutputSerializer)
    @action(detail=True, methods=["post"])
    def terima(self, request, pk=None):
        masuk = self.TerimaInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = svc.temuan_terima(
            pengguna=request.user, temuan=self.get_object(), catatan=masuk.validated_data["catatan"]
        )
        return Response(self.OutputSerializer(obj).data)


class TindakLanjutViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """A follow-up action with its evidence: ``tautan`` or an uploaded ``berkas`` (multipart).
    Follow-ups are not changed once recorded (no PUT/PATCH)."""

    permission_classes = [IsAuthenticated, IzinLheApi]
    queryset = TindakLanjut.objects.select_related("temuan__lhe").order_by("pk")

    class InputSerializer(ModelSerializer):
        berkas = serializers.FileField(required=False)

        class Meta:
            model = TindakLanjut
            ref_name = "TindakLanjutMasuk"
            fields = ["temuan", "tanggal", "uraian", "tautan", "berkas"]
            validators = []

    class OutputSerializer(ModelSerializer):
        class Meta:
            model = TindakLanjut
            ref_name = "TindakLanjut"
            fields = ["id", "temuan", "tanggal", "uraian", "tautan", "nama_asli", "dicatat_pada"]

    def get_serializer_class(self):
        return self.OutputSerializer

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def create(self, request, *args, **kwargs):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = svc.tindak_lanjut_tambah(pengguna=request.user, **masuk.validated_data)
        return Response(self.OutputSerializer(obj).data, status=201)


def register(router) -> None:
    router.register("kinerja/lhe", LaporanHasilEvaluasiViewSet, basename="kinerja-lhe")
    router.register("kinerja/temuan-lhe", TemuanEvaluasiViewSet, basename="kinerja-temuanlhe")
    router.register("kinerja/tindak-lanjut", TindakLanjutViewSet, basename="kinerja-tindaklanjut")
