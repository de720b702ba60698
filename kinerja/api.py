"""API of the kinerja app: read by every role; writes go through the services, so they follow
the same rules as the pages (planning units for Renstra/PK, the workflow for realisasi)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response

from kpu_site.akses import IzinModelApi

from . import selectors, services
from .lkj import api as lkj_api
from .models import (
    BuktiDukung,
    Indikator,
    Misi,
    PengaturanCapaian,
    PerjanjianKinerja,
    PKBaris,
    Realisasi,
    Renstra,
    Sasaran,
    TargetTahunan,
    Tujuan,
)

# --------------------------------------------------------------------------- serializers


class HasilCapaianSerializer(serializers.Serializer):
    nilai = serializers.DecimalField(max_digits=30, decimal_places=10, allow_null=True)
    nilai_dibatasi = serializers.DecimalField(max_digits=30, decimal_places=10, allow_null=True)
    status = serializers.CharField()
    alasan = serializers.CharField()


class RenstraSerializer(serializers.ModelSerializer):
    class Meta:
        model = Renstra
        fields = ["id", "nama", "tahun_mulai", "tahun_selesai", "visi", "dasar_hukum"]


class MisiSerializer(serializers.ModelSerializer):
    class Meta:
        model = Misi
        fields = ["id", "renstra", "urutan", "uraian"]


class TujuanSerializer(serializers.ModelSerializer):
    class Meta:
        model = Tujuan
        fields = ["id", "renstra", "urutan", "uraian"]


class SasaranSerializer(serializers.ModelSerializer):
    class Meta:
        model = Sasaran
        fields = ["id", "tujuan", "nomor", "uraian", "unit"]


class IndikatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indikator
        fields = ["id", "sasaran", "kode", "uraian", "satuan", "arah", "presisi", "agregasi"]

    def validate_presisi(self, value):
        if value > 4:
            raise serializers.ValidationError("Jumlah desimal paling banyak 4.")
        return value


class TargetTahunanSerializer(serializers.ModelSerializer):
    class Meta:
        model = TargetTahunan
        fields = ["id", "indikator", "tahun", "target", "target_atas"]


class PKBarisSerializer(serializers.ModelSerializer):
    class Meta:
        model = PKBaris
        fields = ["id", "perjanjian", "indikator", "target", "target_atas"]
        read_only_fields = ["perjanjian", "indikator"]


class PerjanjianKinerjaSerializer(serializers.ModelSerializer):
    baris = PKBarisSerializer(many=True, read_only=True)

    class Meta:
        model = PerjanjianKinerja
        fields = [
            "id",
            "tahun",
            "revisi",
            "status",
            "alasan_perubahan",
            "pihak_pertama_nama",
            "pihak_pertama_jabatan",
            "pihak_kedua_nama",
            "pihak_kedua_jabatan",
            "tempat",
            "tanggal",
            "ditandatangani_pada",
            "baris",
        ]
        read_only_fields = ["revisi", "status", "ditandatangani_pada"]


class BuktiDukungSerializer(serializers.ModelSerializer):
    unduh = serializers.SerializerMethodField()

    class Meta:
        model = BuktiDukung
        fields = [
            "id",
            "realisasi",
            "nama_asli",
            "jenis_berkas",
            "ukuran",
            "tautan",
            "keterangan",
            "diunggah_pada",
            "unduh",
        ]

    def get_unduh(self, obj) -> str:
        return reverse("kinerja:bukti_unduh", kwargs={"pk": obj.pk})


class BuktiTambahSerializer(serializers.Serializer):
    realisasi = serializers.PrimaryKeyRelatedField(queryset=Realisasi.objects.all())
    berkas = serializers.FileField(required=False)
    tautan = serializers.CharField(required=False, allow_blank=True)
    keterangan = serializers.CharField(required=False, allow_blank=True, default="")


class RealisasiKinerjaSerializer(serializers.ModelSerializer):
    capaian = serializers.SerializerMethodField()

    class Meta:
        model = Realisasi
        fields = [
            "id",
            "indikator",
            "tahun",
            "periode",
            "target_periode",
            "nilai",
            "analisis",
            "kendala",
            "solusi",
            "program_pendukung",
            "status",
            "catatan_verifikasi",
            "versi",
            "diubah_pada",
            "capaian",
        ]
        read_only_fields = ["status", "catatan_verifikasi", "diubah_pada"]

    def get_capaian(self, obj) -> dict:
        target = self.context.setdefault("_target", {}).get(obj.tahun)
        if target is None:
            target = selectors.target_tahun_map(tahun=obj.tahun)
            self.context["_target"][obj.tahun] = target
        if "_pengaturan" not in self.context:
            self.context["_pengaturan"] = selectors.pengaturan_capaian_get()
        hasil = selectors.capaian_periode(
            indikator=obj.indikator,
            realisasi=obj,
            target=target.get(obj.indikator_id),
            pengaturan=self.context["_pengaturan"],
        )
        return HasilCapaianSerializer(hasil).data


class RealisasiKinerjaSimpanSerializer(serializers.Serializer):
    indikator = serializers.PrimaryKeyRelatedField(queryset=Indikator.objects.all())
    tahun = serializers.IntegerField()
    periode = serializers.ChoiceField(choices=Realisasi.Periode.choices)
    versi = serializers.IntegerField(required=False, allow_null=True)
    nilai = serializers.DecimalField(
        max_digits=18, decimal_places=4, required=False, allow_null=True
    )
    target_periode = serializers.DecimalField(
        max_digits=18, decimal_places=4, required=False, allow_null=True
    )
    analisis = serializers.CharField(required=False, allow_blank=True, default="")
    kendala = serializers.CharField(required=False, allow_blank=True, default="")
    solusi = serializers.CharField(required=False, allow_blank=True, default="")
    program_pendukung = serializers.CharField(required=False, allow_blank=True, default="")


class CatatanVerifikasiSerializer(serializers.Serializer):
    catatan = serializers.CharField(required=False, allow_blank=True, default="")


class AlasanPerubahanPKSerializer(serializers.Serializer):
    alasan = serializers.CharField()


class PengaturanCapaianSerializer(serializers.ModelSerializer):
    class Meta:
        model = PengaturanCapaian
        fields = ["batas_atas", "ambang_tercapai", "ambang_hampir"]


# --------------------------------------------------------------------------- viewsets


class RenstraStrukturViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Renstra pieces: writes only for the Sekretaris and the planning sub-bagian."""

    permission_classes = [IsAuthenticated, IzinModelApi]

    def perform_create(self, serializer):
        services.pastikan_perencana(self.request.user)
        serializer.save()

    def perform_update(self, serializer):
        services.pastikan_perencana(self.request.user)
        serializer.save()


class RenstraViewSet(RenstraStrukturViewSet):
    queryset = Renstra.objects.order_by("-tahun_mulai")
    serializer_class = RenstraSerializer


class MisiViewSet(RenstraStrukturViewSet):
    queryset = Misi.objects.order_by("renstra", "urutan")
    serializer_class = MisiSerializer


class TujuanViewSet(RenstraStrukturViewSet):
    queryset = Tujuan.objects.order_by("renstra", "urutan")
    serializer_class = TujuanSerializer


class SasaranViewSet(RenstraStrukturViewSet):
    queryset = Sasaran.objects.order_by("nomor")
    serializer_class = SasaranSerializer


class IndikatorViewSet(RenstraStrukturViewSet):
    queryset = Indikator.objects.select_related("sasaran").order_by("sasaran__nomor", "kode")
    serializer_class = IndikatorSerializer


class TargetTahunanViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Renstra yearly targets; POST sets (creates or replaces) the target of a year."""

    queryset = TargetTahunan.objects.select_related("indikator").order_by("indikator", "tahun")
    serializer_class = TargetTahunanSerializer
    permission_classes = [IsAuthenticated, IzinModelApi]

    def create(self, request, *args, **kwargs):
        data = request.data
        indikator = get_object_or_404(Indikator, pk=data.get("indikator"))
        try:
            tahun = int(data.get("tahun"))
        except (TypeError, ValueError):
            raise ValidationError({"tahun": "Tahun wajib berupa angka."}) from None
        obj = services.target_tahunan_set(
            indikator=indikator,
            tahun=tahun,
            target=data.get("target"),
            target_atas=data.get("target_atas"),
            pengguna=request.user,
        )
        return Response(TargetTahunanSerializer(obj).data, status=201)


class PerjanjianKinerjaViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """PK per year with its rows. POST creates a draft; PATCH edits a draft's header;
    ``tandatangani`` freezes it; ``perubahan`` starts a new revision with a reason."""

    queryset = PerjanjianKinerja.objects.prefetch_related("baris").order_by("-tahun", "-revisi")
    serializer_class = PerjanjianKinerjaSerializer
    permission_classes = [IsAuthenticated, IzinModelApi]

    def get_queryset(self):
        qs = super().get_queryset()
        tahun = self.request.query_params.get("tahun")
        return qs.filter(tahun=tahun) if tahun and tahun.isdigit() else qs

    def create(self, request, *args, **kwargs):
        s = PerjanjianKinerjaSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        obj = services.pk_create(
            tahun=s.validated_data["tahun"],
            pengguna=request.user,
            tempat=s.validated_data.get("tempat", ""),
            tanggal_pk=s.validated_data.get("tanggal"),
        )
        return Response(PerjanjianKinerjaSerializer(obj).data, status=201)

    def partial_update(self, request, *args, **kwargs):
        obj = self.get_object()
        s = PerjanjianKinerjaSerializer(obj, data=request.data, partial=True)
        s.is_valid(raise_exception=True)
        data = {k: v for k, v in s.validated_data.items() if k in services.PK_KOLOM_UBAH}
        obj = services.pk_update(perjanjian=obj, pengguna=request.user, **data)
        return Response(PerjanjianKinerjaSerializer(obj).data)

    @action(detail=True, methods=["post"])
    def tandatangani(self, request, pk=None):
        obj = services.pk_tandatangani(perjanjian=self.get_object(), pengguna=request.user)
        return Response(PerjanjianKinerjaSerializer(obj).data)

    @action(detail=True, methods=["post"], serializer_class=AlasanPerubahanPKSerializer)
    def perubahan(self, request, pk=None):
        s = AlasanPerubahanPKSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        obj = services.pk_perubahan_create(
            perjanjian=self.get_object(), pengguna=request.user, alasan=s.validated_data["alasan"]
        )
        return Response(PerjanjianKinerjaSerializer(obj).data, status=201)


class PKBarisViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Rows of the PKs; PATCH changes the target of a draft PK's row."""

    queryset = PKBaris.objects.select_related("perjanjian", "indikator").order_by("pk")
    serializer_class = PKBarisSerializer
    permission_classes = [IsAuthenticated, IzinModelApi]

    def partial_update(self, request, *args, **kwargs):
        obj = services.pk_baris_update(
            baris=self.get_object(),
            pengguna=request.user,
            target=request.data.get("target"),
            target_atas=request.data.get("target_atas"),
        )
        return Response(PKBarisSerializer(obj).data)


class RealisasiViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Realisasi rows (filter ``?tahun=`` ``&indikator=``) with their computed capaian.

    POST saves one indikator/period (``versi`` = the version read; omit for a new row); the
    workflow steps are the ``ajukan``, ``verifikasi``, ``kembalikan`` and ``setujui`` actions.
    """

    queryset = Realisasi.objects.select_related("indikator").order_by(
        "tahun", "indikator__sasaran__nomor", "indikator__kode", "periode"
    )
    serializer_class = RealisasiKinerjaSerializer
    permission_classes = [IsAuthenticated, IzinModelApi]

    def get_queryset(self):
        qs = super().get_queryset()
        p = self.request.query_params
        if p.get("tahun", "").isdigit():
            qs = qs.filter(tahun=int(p["tahun"]))
        if p.get("indikator", "").isdigit():
            qs = qs.filter(indikator_id=int(p["indikator"]))
        return qs

    def create(self, request, *args, **kwargs):
        s = RealisasiKinerjaSimpanSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        data = {"versi": None, **s.validated_data}
        obj = services.realisasi_simpan(pengguna=request.user, **data)
        return Response(RealisasiKinerjaSerializer(obj, context={}).data, status=201)

    def _langkah(self, fungsi, **kwargs):
        obj = fungsi(realisasi=self.get_object(), pengguna=self.request.user, **kwargs)
        return Response(RealisasiKinerjaSerializer(obj, context={}).data)

    @action(detail=True, methods=["post"])
    def ajukan(self, request, pk=None):
        return self._langkah(services.realisasi_ajukan)

    @action(detail=True, methods=["post"], serializer_class=CatatanVerifikasiSerializer)
    def verifikasi(self, request, pk=None):
        return self._langkah(services.realisasi_verifikasi, catatan=request.data.get("catatan", ""))

    @action(detail=True, methods=["post"], serializer_class=CatatanVerifikasiSerializer)
    def kembalikan(self, request, pk=None):
        return self._langkah(services.realisasi_kembalikan, catatan=request.data.get("catatan", ""))

    @action(detail=True, methods=["post"])
    def setujui(self, request, pk=None):
        return self._langkah(services.realisasi_setujui)


class BuktiDukungViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Evidence metadata; the file itself only through the permission-checked ``unduh`` URL.
    POST (multipart) attaches a ``berkas`` or a ``tautan`` to a realisasi."""

    queryset = BuktiDukung.objects.order_by("pk")
    serializer_class = BuktiDukungSerializer
    permission_classes = [IsAuthenticated, IzinModelApi]
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    def get_queryset(self):
        qs = super().get_queryset()
        r = self.request.query_params.get("realisasi", "")
        return qs.filter(realisasi_id=int(r)) if r.isdigit() else qs

    def create(self, request, *args, **kwargs):
        s = BuktiTambahSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        realisasi = get_object_or_404(
            selectors.realisasi_untuk_pengguna(user=request.user),
            pk=s.validated_data["realisasi"].pk,
        )
        if s.validated_data.get("berkas"):
            obj = services.bukti_berkas_tambah(
                realisasi=realisasi,
                pengguna=request.user,
                berkas=s.validated_data["berkas"],
                keterangan=s.validated_data["keterangan"],
            )
        else:
            obj = services.bukti_tautan_tambah(
                realisasi=realisasi,
                pengguna=request.user,
                tautan=s.validated_data.get("tautan", ""),
                keterangan=s.validated_data["keterangan"],
            )
        return Response(BuktiDukungSerializer(obj).data, status=201)


class BolehBacaKinerja(BasePermission):
    def has_permission(self, request, view) -> bool:
        return request.user.has_perm("kinerja.view_realisasi")


class CapaianBarisSerializer(serializers.Serializer):
    sasaran = serializers.IntegerField()
    indikator = serializers.IntegerField()
    kode = serializers.CharField()
    uraian = serializers.CharField()
    satuan = serializers.CharField()
    arah = serializers.CharField()
    presisi = serializers.IntegerField()
    target = serializers.DecimalField(max_digits=18, decimal_places=4, allow_null=True)
    target_atas = serializers.DecimalField(max_digits=18, decimal_places=4, allow_null=True)
    sumber_target = serializers.CharField(allow_null=True)
    realisasi = serializers.DecimalField(max_digits=30, decimal_places=10, allow_null=True)
    status_alur = serializers.CharField(allow_null=True)
    capaian = HasilCapaianSerializer()


class CapaianTahunSerializer(serializers.Serializer):
    tahun = serializers.IntegerField()
    pengaturan = PengaturanCapaianSerializer()
    baris = CapaianBarisSerializer(many=True)


class CapaianViewSet(viewsets.GenericViewSet):
    """Capaian per indikator for ``?tahun=`` (default: the latest year with realisasi),
    computed by ``capaian_compute`` from the stored target and realisasi."""

    permission_classes = [IsAuthenticated, BolehBacaKinerja]
    serializer_class = CapaianTahunSerializer
    pagination_class = None

    @extend_schema(
        parameters=[OpenApiParameter("tahun", int, description="Tahun kinerja")],
        responses=CapaianTahunSerializer,
    )
    def list(self, request):
        tahun = request.query_params.get("tahun", "")
        if not tahun.isdigit():
            tahun = (
                Realisasi.objects.order_by("-tahun").values_list("tahun", flat=True).first() or 0
            )
        tahun = int(tahun)
        data = {
            "tahun": tahun,
            "pengaturan": selectors.pengaturan_capaian_get(),
            "baris": [
                {
                    "sasaran": b.sasaran.nomor,
                    "indikator": b.indikator.pk,
                    "kode": b.indikator.kode,
                    "uraian": b.indikator.uraian,
                    "satuan": b.indikator.satuan,
                    "arah": b.indikator.arah,
                    "presisi": b.indikator.presisi,
                    "target": b.target.nilai if b.target else None,
                    "target_atas": b.target.atas if b.target else None,
                    "sumber_target": b.target.sumber if b.target else None,
                    "realisasi": b.realisasi,
                    "status_alur": b.tahunan.status if b.tahunan else None,
                    "capaian": b.hasil,
                }
                for b in selectors.capaian_tahun_list(tahun=tahun)
            ],
        }
        return Response(CapaianTahunSerializer(data).data)


def register(router) -> None:
    """Register this app's viewsets on ``router``."""
    router.register("kinerja/renstra", RenstraViewSet, basename="kinerja-renstra")
    router.register("kinerja/misi", MisiViewSet, basename="kinerja-misi")
    router.register("kinerja/tujuan", TujuanViewSet, basename="kinerja-tujuan")
    router.register("kinerja/sasaran", SasaranViewSet, basename="kinerja-sasaran")
    router.register("kinerja/indikator", IndikatorViewSet, basename="kinerja-indikator")
    router.register("kinerja/target", TargetTahunanViewSet, basename="kinerja-targettahunan")
    router.register("kinerja/pk", PerjanjianKinerjaViewSet, basename="kinerja-perjanjiankinerja")
    router.register("kinerja/pk-baris", PKBarisViewSet, basename="kinerja-pkbaris")
    router.register("kinerja/realisasi", RealisasiViewSet, basename="kinerja-realisasi")
    router.register("kinerja/bukti", BuktiDukungViewSet, basename="kinerja-buktidukung")
    router.register("kinerja/capaian", CapaianViewSet, basename="kinerja-capaian")
    lkj_api.register(router)
