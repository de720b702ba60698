"""API of the LKE: the worksheet of a year with its structure, answers, scores and grades (read by
every role with the view permission); the answer of a criterion (PATCH), the confirmation of a
proposal and the evaluator's answer (POST actions). Writes go through ``kinerja.services.lke``
(the same rules as the pages)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response

from kpu_site.akses import IzinModelApi
from kpu_site.api import ModelSerializer

from . import selectors_lke as sel
from .model_lke import JawabanLke, KomponenLke, KriteriaLke, LembarKerjaEvaluasi, SubKomponenLke
from .services import lke as layanan

_PASANGAN = serializers.ListField(child=serializers.CharField(), min_length=2, max_length=2)


def _angka(nilai) -> str | None:
    return None if nilai is None else str(nilai.quantize(sel.SEN))


class JawabanLkeSerializer(ModelSerializer):
    kode = serializers.CharField(source="kriteria.__str__", read_only=True)
    usulan_bukti = serializers.ListField(
        child=serializers.ListField(child=serializers.CharField()),
        read_only=True,
        help_text="[label, url] halaman aplikasi asal usulan.",
    )

    class Meta:
        model = JawabanLke
        ref_name = "JawabanLke"
        fields = [
            "id",
            "kriteria",
            "kode",
            "jawaban",
            "catatan",
            "tautan",
            "nama_asli",
            "usulan",
            "usulan_alasan",
            "usulan_bukti",
            "dikonfirmasi_pada",
            "jawaban_evaluator",
            "catatan_evaluator",
            "dinilai_pada",
        ]


class KriteriaLkeSerializer(ModelSerializer):
    jawaban = JawabanLkeSerializer(read_only=True)

    class Meta:
        model = KriteriaLke
        ref_name = "KriteriaLke"
        fields = ["id", "nomor", "uraian", "aturan", "jawaban"]


class SubKomponenLkeSerializer(ModelSerializer):
    kriteria = KriteriaLkeSerializer(many=True, read_only=True)
    skor = serializers.SerializerMethodField()
    skor_evaluator = serializers.SerializerMethodField()

    class Meta:
        model = SubKomponenLke
        ref_name = "SubKomponenLke"
        fields = ["id", "kode", "nama", "bobot", "jenis", "skor", "skor_evaluator", "kriteria"]

    def get_skor(self, obj) -> str:
        return _angka(sel.sub_komponen_skor(self.context["lke"], obj, sel.MANDIRI))

    def get_skor_evaluator(self, obj) -> str | None:
        if not self.context["dinilai"]:
            return None
        return _angka(sel.sub_komponen_skor(self.context["lke"], obj, sel.EVALUATOR))


class KomponenLkeSerializer(ModelSerializer):
    sub = SubKomponenLkeSerializer(many=True, read_only=True)
    skor = serializers.SerializerMethodField()
    skor_evaluator = serializers.SerializerMethodField()
    selisih = serializers.SerializerMethodField()

    class Meta:
        model = KomponenLke
        ref_name = "KomponenLke"
        fields = ["id", "kode", "nama", "bobot", "skor", "skor_evaluator", "selisih", "sub"]

    def get_skor(self, obj) -> str:
        return _angka(sel.komponen_skor(self.context["lke"], obj, sel.MANDIRI))

    def get_skor_evaluator(self, obj) -> str | None:
        if not self.context["dinilai"]:
            return None
        return _angka(sel.komponen_skor(self.context["lke"], obj, sel.EVALUATOR))

    def get_selisih(self, obj) -> str | None:
        return _angka(sel.komponen_selisih(self.context["lke"], obj, self.context["pohon"]))


class LkeSerializer(ModelSerializer):
    skala = serializers.DictField(
        child=serializers.DictField(child=serializers.CharField()), read_only=True
    )
    predikat = serializers.ListField(child=_PASANGAN, read_only=True)
    total = serializers.SerializerMethodField()
    predikat_mandiri = serializers.SerializerMethodField()
    total_evaluator = serializers.SerializerMethodField()
    predikat_evaluator = serializers.SerializerMethodField()
    komponen = serializers.SerializerMethodField()

    class Meta:
        model = LembarKerjaEvaluasi
        ref_name = "LembarKerjaEvaluasi"
        fields = [
            "id",
            "tahun",
            "dasar",
            "status",
            "skala",
            "predikat",
            "total",
            "predikat_mandiri",
            "total_evaluator",
            "predikat_evaluator",
            "komponen",
        ]

    def _pohon(self, obj):
        cache = self.context.setdefault("_pohon", {})
        if obj.pk not in cache:
            cache[obj.pk] = sel.lke_pohon(lke=obj)
        return cache[obj.pk]

    def get_total(self, obj) -> str:
        return _angka(sel.lke_total(obj, self._pohon(obj), sel.MANDIRI))

    def get_predikat_mandiri(self, obj) -> str:
        return sel.lke_predikat(obj, sel.lke_total(obj, self._pohon(obj), sel.MANDIRI))

    def get_total_evaluator(self, obj) -> str | None:
        return _angka(sel.lke_total(obj, self._pohon(obj), sel.EVALUATOR))

    def get_predikat_evaluator(self, obj) -> str:
        return sel.lke_predikat(obj, sel.lke_total(obj, self._pohon(obj), sel.EVALUATOR))

    @extend_schema_field(KomponenLkeSerializer(many=True))
    def get_komponen(self, obj):
        pohon = self._pohon(obj)
        konteks = {"lke": obj, "pohon": pohon, "dinilai": sel.evaluator_sudah_menilai(pohon)}
        return KomponenLkeSerializer(pohon, many=True, context=konteks).data


class LembarKerjaEvaluasiViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """The worksheets (LKE) per evaluated year: structure, answers, proposals, scores, grades."""

    queryset = LembarKerjaEvaluasi.objects.order_by("tahun")
    permission_classes = [IsAuthenticated, IzinModelApi]
    serializer_class = LkeSerializer


class IzinEvaluator(BasePermission):
    message = "Jawaban evaluator hanya dapat diisi oleh Auditor (evaluator)."

    def has_permission(self, request, view) -> bool:
        return layanan.boleh_nilai_evaluator(request.user)


class JawabanLkeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The answers of the criteria. PATCH answers (self-assessment); ``konfirmasi`` takes the
    proposal (or ``jawaban`` instead of it); ``evaluator`` is the evaluator's answer (Auditor)."""

    queryset = JawabanLke.objects.select_related("kriteria__sub__komponen__lke").order_by("pk")
    permission_classes = [IsAuthenticated, IzinModelApi]
    serializer_class = JawabanLkeSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]

    class JawabanInputSerializer(serializers.Serializer):
        jawaban = serializers.CharField(allow_blank=True, max_length=2)
        catatan = serializers.CharField(allow_blank=True, required=False, max_length=2000)
        tautan = serializers.CharField(allow_blank=True, required=False, max_length=500)

        class Meta:
            ref_name = "JawabanLkeUbah"

    class KonfirmasiInputSerializer(serializers.Serializer):
        jawaban = serializers.CharField(allow_blank=True, required=False, max_length=2)
        catatan = serializers.CharField(allow_blank=True, required=False, max_length=2000)

        class Meta:
            ref_name = "JawabanLkeKonfirmasi"

    class EvaluatorInputSerializer(serializers.Serializer):
        jawaban_evaluator = serializers.CharField(allow_blank=True, max_length=2)
        catatan_evaluator = serializers.CharField(allow_blank=True, required=False, max_length=2000)

        class Meta:
            ref_name = "JawabanLkeEvaluator"

    def get_permissions(self):
        if self.action == "evaluator":
            return [IsAuthenticated(), IzinEvaluator()]
        return super().get_permissions()

    @extend_schema(request=JawabanInputSerializer, responses=JawabanLkeSerializer)
    def partial_update(self, request, *args, **kwargs):
        obj = self.get_object()
        masuk = self.JawabanInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        d = masuk.validated_data
        obj = layanan.jawaban_isi(
            pengguna=request.user,
            jawaban=obj,
            nilai=d["jawaban"],
            catatan=d.get("catatan", obj.catatan),
            tautan=d.get("tautan", obj.tautan),
        )
        return Response(JawabanLkeSerializer(obj).data)

    @extend_schema(request=KonfirmasiInputSerializer, responses=JawabanLkeSerializer)
    @action(detail=True, methods=["post"])
    def konfirmasi(self, request, pk=None):
        obj = self.get_object()
        masuk = self.KonfirmasiInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        d = masuk.validated_data
        obj = layanan.usulan_konfirmasi(
            pengguna=request.user, jawaban=obj, nilai=d.get("jawaban"), catatan=d.get("catatan")
        )
        return Response(JawabanLkeSerializer(obj).data)

    @extend_schema(request=EvaluatorInputSerializer, responses=JawabanLkeSerializer)
    @action(detail=True, methods=["post"])
    def evaluator(self, request, pk=None):
        obj = self.get_object()
        masuk = self.EvaluatorInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        d = masuk.validated_data
        obj = layanan.jawaban_evaluator_isi(
            pengguna=request.user,
            jawaban=obj,
            nilai=d["jawaban_evaluator"],
            catatan=d.get("catatan_evaluator", ""),
        )
        return Response(JawabanLkeSerializer(obj).data)


def register(router) -> None:
    router.register("kinerja/lke", LembarKerjaEvaluasiViewSet, basename="kinerja-lke")
    router.register("kinerja/lke-jawaban", JawabanLkeViewSet, basename="kinerja-jawabanlke")
