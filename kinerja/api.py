"""API of the kinerja app: read by every role; writes go through the services, so they follow
the same rules as the pages (planning units for Renstra/PK, the workflow for realisasi).

Each viewset nests its ``OutputSerializer`` (what it answers) and, per write, an
``InputSerializer``: the view validates the input, calls a service or selector and serialises
the result; ``extend_schema`` documents both (HackSoft's style guide, ``users/apis.py``).
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_serializer,
)
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response

from kpu_site.akses import IzinModelApi
from kpu_site.api import (
    IdField,
    LayananViewSet,
    ModelSerializer,
    TahunField,
    saring_id,
    skema_layanan,
)
from kpu_site.batas import rentang_bilangan
from kpu_site.parsers import ObjekJSONParser

from . import (
    api_iku,
    api_impor,
    api_lhe,
    api_publikasi,
    api_rencana_aksi,
    api_reviu,
    api_rkt,
    selectors,
    services,
)
from .api_pohon import register as pohon_register
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

# --------------------------------------------------------------------------- shared serializers

#: The largest ``versi`` the column holds (PostgreSQL's integer).
BATAS_VERSI = rentang_bilangan(Realisasi._meta.get_field("versi"))[1]


class HasilCapaianSerializer(serializers.Serializer):
    nilai = serializers.DecimalField(max_digits=30, decimal_places=10, allow_null=True)
    nilai_dibatasi = serializers.DecimalField(max_digits=30, decimal_places=10, allow_null=True)
    status = serializers.CharField()
    alasan = serializers.CharField()


class PengaturanCapaianSerializer(ModelSerializer):
    class Meta:
        model = PengaturanCapaian
        fields = ["batas_atas", "ambang_tercapai", "ambang_hampir"]


def _angka_masuk(**kwargs) -> serializers.CharField:
    """A target/value as typed (``"97.5"`` or ``97.5``); the service checks it against the
    indikator's unit and precision, with the Indonesian message naming the field."""
    return serializers.CharField(allow_null=True, allow_blank=True, **kwargs)


# --------------------------------------------------------------------------- Renstra tree


class _RenstraStrukturApi(LayananViewSet):
    """A piece of the Renstra tree: read by every role; writes call the ``buat``/``ubah``
    service with the user (planning units only, see ``kinerja.services.renstra``)."""

    buat = None
    ubah = None
    nama_objek = ""

    def buat_objek(self, data: dict):
        return type(self).buat(pengguna=self.request.user, **data)

    def ubah_objek(self, obj, data: dict):
        return type(self).ubah(pengguna=self.request.user, **{self.nama_objek: obj}, **data)


@skema_layanan
class RenstraViewSet(_RenstraStrukturApi):
    queryset = Renstra.objects.order_by("-tahun_mulai")
    buat = staticmethod(services.renstra_create)
    ubah = staticmethod(services.renstra_update)
    nama_objek = "renstra"

    class InputSerializer(ModelSerializer):
        tahun_mulai = TahunField()
        tahun_selesai = TahunField()

        class Meta:
            model = Renstra
            ref_name = "Renstra"
            fields = list(services.RENSTRA_KOLOM)

    class OutputSerializer(ModelSerializer):
        class Meta:
            model = Renstra
            ref_name = "Renstra"
            fields = ["id", *services.RENSTRA_KOLOM]


@skema_layanan
class MisiViewSet(_RenstraStrukturApi):
    queryset = Misi.objects.order_by("renstra", "urutan")
    buat = staticmethod(services.misi_create)
    ubah = staticmethod(services.misi_update)
    nama_objek = "misi"

    class InputSerializer(ModelSerializer):
        class Meta:
            model = Misi
            ref_name = "Misi"
            fields = list(services.MISI_KOLOM)
            validators = []

    class OutputSerializer(ModelSerializer):
        class Meta:
            model = Misi
            ref_name = "Misi"
            fields = ["id", *services.MISI_KOLOM]


@skema_layanan
class TujuanViewSet(_RenstraStrukturApi):
    queryset = Tujuan.objects.order_by("renstra", "urutan")
    buat = staticmethod(services.tujuan_create)
    ubah = staticmethod(services.tujuan_update)
    nama_objek = "tujuan"

    class InputSerializer(ModelSerializer):
        class Meta:
            model = Tujuan
            ref_name = "Tujuan"
            fields = list(services.TUJUAN_KOLOM)
            validators = []

    class OutputSerializer(ModelSerializer):
        class Meta:
            model = Tujuan
            ref_name = "Tujuan"
            fields = ["id", *services.TUJUAN_KOLOM]


@skema_layanan
class SasaranViewSet(_RenstraStrukturApi):
    """Sasaran; ``unit`` is the sub-bagian that enters its realisasi: a Kasubag/Staf may not
    give a sasaran to, or take one from, another sub-bagian (403)."""

    queryset = Sasaran.objects.order_by("nomor")
    buat = staticmethod(services.sasaran_create)
    ubah = staticmethod(services.sasaran_update)
    nama_objek = "sasaran"

    class InputSerializer(ModelSerializer):
        class Meta:
            model = Sasaran
            ref_name = "Sasaran"
            fields = list(services.SASARAN_KOLOM)

    class OutputSerializer(ModelSerializer):
        class Meta:
            model = Sasaran
            ref_name = "Sasaran"
            fields = ["id", *services.SASARAN_KOLOM]


@skema_layanan
class IndikatorViewSet(_RenstraStrukturApi):
    queryset = Indikator.objects.select_related("sasaran").order_by("sasaran__nomor", "kode")
    buat = staticmethod(services.indikator_create)
    ubah = staticmethod(services.indikator_update)
    nama_objek = "indikator"

    class InputSerializer(ModelSerializer):
        class Meta:
            model = Indikator
            ref_name = "Indikator"
            fields = list(services.INDIKATOR_KOLOM)
            validators = []

    class OutputSerializer(ModelSerializer):
        class Meta:
            model = Indikator
            ref_name = "Indikator"
            fields = ["id", *services.INDIKATOR_KOLOM]


class TargetTahunanViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Renstra yearly targets; POST sets (creates or replaces) the target of a year."""

    queryset = TargetTahunan.objects.select_related("indikator").order_by("indikator", "tahun")
    permission_classes = [IsAuthenticated, IzinModelApi]

    class InputSerializer(serializers.Serializer):
        indikator = IdField(queryset=Indikator.objects.all())
        tahun = TahunField()
        target = _angka_masuk(required=False, default=None)
        target_atas = _angka_masuk(required=False, default=None)

        class Meta:
            ref_name = "TargetTahunan"

    class OutputSerializer(ModelSerializer):
        class Meta:
            model = TargetTahunan
            ref_name = "TargetTahunan"
            fields = ["id", "indikator", "tahun", "target", "target_atas"]

    serializer_class = OutputSerializer

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def create(self, request, *args, **kwargs):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = services.target_tahunan_set(pengguna=request.user, **masuk.validated_data)
        return Response(self.OutputSerializer(obj).data, status=201)


# --------------------------------------------------------------------------- PK


class PKBarisOutputSerializer(ModelSerializer):
    class Meta:
        model = PKBaris
        ref_name = "PKBaris"
        fields = ["id", "perjanjian", "indikator", "target", "target_atas"]


class PerjanjianKinerjaViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """PK per year with its rows. POST creates a draft; PATCH edits a draft's header;
    ``tandatangani`` freezes it; ``perubahan`` starts a new revision with a reason."""

    queryset = PerjanjianKinerja.objects.prefetch_related("baris").order_by("-tahun", "-revisi")
    permission_classes = [IsAuthenticated, IzinModelApi]

    class InputSerializer(serializers.Serializer):
        tahun = TahunField()
        tempat = serializers.CharField(
            required=False,
            allow_blank=True,
            default="",
            max_length=PerjanjianKinerja._meta.get_field("tempat").max_length,
        )
        tanggal = serializers.DateField(required=False, allow_null=True, default=None)

        class Meta:
            ref_name = "PerjanjianKinerjaBuat"

    class UbahInputSerializer(ModelSerializer):
        class Meta:
            model = PerjanjianKinerja
            ref_name = "PerjanjianKinerjaUbah"
            fields = list(services.PK_KOLOM_UBAH)

    class PerubahanInputSerializer(serializers.Serializer):
        alasan = serializers.CharField()

        class Meta:
            ref_name = "AlasanPerubahanPK"

    class OutputSerializer(ModelSerializer):
        baris = PKBarisOutputSerializer(many=True, read_only=True)

        class Meta:
            model = PerjanjianKinerja
            ref_name = "PerjanjianKinerja"
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

    serializer_class = OutputSerializer

    def get_queryset(self):
        qs = super().get_queryset()
        tahun = self.request.query_params.get("tahun")
        return qs.filter(tahun=tahun) if tahun and tahun.isdigit() else qs

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def create(self, request, *args, **kwargs):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = services.pk_create(
            tahun=masuk.validated_data["tahun"],
            pengguna=request.user,
            tempat=masuk.validated_data["tempat"],
            tanggal_pk=masuk.validated_data["tanggal"],
        )
        return Response(self.OutputSerializer(obj).data, status=201)

    @extend_schema(request=UbahInputSerializer, responses=OutputSerializer)
    def partial_update(self, request, *args, **kwargs):
        obj = self.get_object()
        masuk = self.UbahInputSerializer(data=request.data, partial=True)
        masuk.is_valid(raise_exception=True)
        obj = services.pk_update(perjanjian=obj, pengguna=request.user, **masuk.validated_data)
        return Response(self.OutputSerializer(obj).data)

    @extend_schema(request=None, responses=OutputSerializer)
    @action(detail=True, methods=["post"])
    def tandatangani(self, request, pk=None):
        obj = services.pk_sign(perjanjian=self.get_object(), pengguna=request.user)
        return Response(self.OutputSerializer(obj).data)

    @extend_schema(request=PerubahanInputSerializer, responses={201: OutputSerializer})
    @action(detail=True, methods=["post"])
    def perubahan(self, request, pk=None):
        masuk = self.PerubahanInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = services.pk_perubahan_create(
            perjanjian=self.get_object(),
            pengguna=request.user,
            alasan=masuk.validated_data["alasan"],
        )
        return Response(self.OutputSerializer(obj).data, status=201)


class PKBarisViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Rows of the PKs; PATCH changes the target of a draft PK's row."""

    queryset = PKBaris.objects.select_related("perjanjian", "indikator").order_by("pk")
    permission_classes = [IsAuthenticated, IzinModelApi]
    OutputSerializer = PKBarisOutputSerializer
    serializer_class = OutputSerializer

    class InputSerializer(serializers.Serializer):
        target = _angka_masuk(required=False, default=None)
        target_atas = _angka_masuk(required=False, default=None)

        class Meta:
            ref_name = "PKBarisTarget"

    @extend_schema(request=InputSerializer, responses=OutputSerializer)
    def partial_update(self, request, *args, **kwargs):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = services.pk_baris_update(
            baris=self.get_object(), pengguna=request.user, **masuk.validated_data
        )
        return Response(self.OutputSerializer(obj).data)


# --------------------------------------------------------------------------- realisasi


class RealisasiKinerjaOutputSerializer(ModelSerializer):
    capaian = serializers.SerializerMethodField()

    class Meta:
        model = Realisasi
        ref_name = "RealisasiKinerja"
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

    @extend_schema_field(HasilCapaianSerializer)
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


class RealisasiViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Realisasi rows (filter ``?tahun=`` ``&indikator=``) with their computed capaian.

    POST saves one indikator/period (``versi`` = the version read; omit for a new row); the
    workflow steps are the ``ajukan``, ``verifikasi``, ``kembalikan`` and ``setujui`` actions.
    """

    queryset = Realisasi.objects.select_related("indikator").order_by(
        "tahun", "indikator__sasaran__nomor", "indikator__kode", "periode"
    )
    permission_classes = [IsAuthenticated, IzinModelApi]
    OutputSerializer = RealisasiKinerjaOutputSerializer
    serializer_class = OutputSerializer

    class InputSerializer(serializers.Serializer):
        indikator = IdField(queryset=Indikator.objects.all())
        tahun = TahunField()
        periode = serializers.ChoiceField(choices=Realisasi.Periode.choices)
        versi = serializers.IntegerField(
            required=False, allow_null=True, default=None, min_value=0, max_value=BATAS_VERSI
        )
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

        class Meta:
            ref_name = "RealisasiKinerjaSimpan"

    class CatatanInputSerializer(serializers.Serializer):
        catatan = serializers.CharField(required=False, allow_blank=True, default="")

        class Meta:
            ref_name = "CatatanVerifikasi"

    def get_queryset(self):
        qs = super().get_queryset()
        p = self.request.query_params
        if p.get("tahun", "").isdigit():
            qs = qs.filter(tahun=int(p["tahun"]))
        return saring_id(qs, p, "indikator")

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def create(self, request, *args, **kwargs):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = services.realisasi_save(pengguna=request.user, **masuk.validated_data)
        return Response(self.OutputSerializer(obj, context={}).data, status=201)

    def _langkah(self, fungsi, **kwargs):
        obj = fungsi(realisasi=self.get_object(), pengguna=self.request.user, **kwargs)
        return Response(self.OutputSerializer(obj, context={}).data)

    def _catatan(self) -> str:
        masuk = self.CatatanInputSerializer(data=self.request.data)
        masuk.is_valid(raise_exception=True)
        return masuk.validated_data["catatan"]

    @extend_schema(request=None, responses=OutputSerializer)
    @action(detail=True, methods=["post"])
    def ajukan(self, request, pk=None):
        return self._langkah(services.realisasi_submit)

    @extend_schema(request=CatatanInputSerializer, responses=OutputSerializer)
    @action(detail=True, methods=["post"])
    def verifikasi(self, request, pk=None):
        return self._langkah(services.realisasi_verify, catatan=self._catatan())

    @extend_schema(request=CatatanInputSerializer, responses=OutputSerializer)
    @action(detail=True, methods=["post"])
    def kembalikan(self, request, pk=None):
        return self._langkah(services.realisasi_return, catatan=self._catatan())

    @extend_schema(request=None, responses=OutputSerializer)
    @action(detail=True, methods=["post"])
    def setujui(self, request, pk=None):
        return self._langkah(services.realisasi_approve)


class BuktiDukungViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Evidence metadata; the file itself only through the permission-checked ``unduh`` URL.
    POST (multipart) attaches a ``berkas`` or a ``tautan`` to a realisasi."""

    queryset = BuktiDukung.objects.order_by("pk")
    permission_classes = [IsAuthenticated, IzinModelApi]
    parser_classes = [MultiPartParser, FormParser, ObjekJSONParser]

    class InputSerializer(serializers.Serializer):
        realisasi = IdField(queryset=Realisasi.objects.all())
        berkas = serializers.FileField(required=False)
        tautan = serializers.CharField(
            required=False,
            allow_blank=True,
            default="",
            max_length=BuktiDukung._meta.get_field("tautan").max_length,
        )
        keterangan = serializers.CharField(
            required=False,
            allow_blank=True,
            default="",
            max_length=BuktiDukung._meta.get_field("keterangan").max_length,
        )

        class Meta:
            ref_name = "BuktiTambah"

    class OutputSerializer(ModelSerializer):
        unduh = serializers.SerializerMethodField()

        class Meta:
            model = BuktiDukung
            ref_name = "BuktiDukung"
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

    serializer_class = OutputSerializer

    def get_queryset(self):
        qs = super().get_queryset()
        return saring_id(qs, self.request.query_params, "realisasi")

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def create(self, request, *args, **kwargs):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        data = masuk.validated_data
        realisasi = get_object_or_404(
            selectors.realisasi_untuk_pengguna(user=request.user), pk=data["realisasi"].pk
        )
        if data.get("berkas"):
            obj = services.bukti_berkas_add(
                realisasi=realisasi,
                pengguna=request.user,
                berkas=data["berkas"],
                keterangan=data["keterangan"],
            )
        else:
            obj = services.bukti_tautan_add(
                realisasi=realisasi,
                pengguna=request.user,
                tautan=data["tautan"],
                keterangan=data["keterangan"],
            )
        return Response(self.OutputSerializer(obj).data, status=201)


# --------------------------------------------------------------------------- capaian


class BolehBacaKinerja(BasePermission):
    def has_permission(self, request, view) -> bool:
        return request.user.has_perm("kinerja.view_realisasi")


class CapaianViewSet(viewsets.GenericViewSet):
    """Capaian per indikator for ``?tahun=`` (default: the latest year with realisasi),
    computed by ``capaian_compute`` from the stored target and realisasi."""

    permission_classes = [IsAuthenticated, BolehBacaKinerja]
    pagination_class = None

    @extend_schema_serializer(many=False)  # one year's table, not a list
    class OutputSerializer(serializers.Serializer):
        class BarisSerializer(serializers.Serializer):
            sasaran = serializers.IntegerField(source="sasaran.nomor")
            indikator = serializers.IntegerField(source="indikator.pk")
            kode = serializers.CharField(source="indikator.kode")
            uraian = serializers.CharField(source="indikator.uraian")
            satuan = serializers.CharField(source="indikator.satuan")
            arah = serializers.CharField(source="indikator.arah")
            presisi = serializers.IntegerField(source="indikator.presisi")
            target = serializers.DecimalField(
                max_digits=18, decimal_places=4, allow_null=True, source="target.nilai"
            )
            target_atas = serializers.DecimalField(
                max_digits=18, decimal_places=4, allow_null=True, source="target.atas"
            )
            sumber_target = serializers.CharField(allow_null=True, source="target.sumber")
            realisasi = serializers.DecimalField(max_digits=30, decimal_places=10, allow_null=True)
            status_alur = serializers.CharField(allow_null=True, source="tahunan.status")
            capaian = HasilCapaianSerializer(source="hasil")

            class Meta:
                ref_name = "CapaianBaris"

        tahun = serializers.IntegerField()
        pengaturan = PengaturanCapaianSerializer()
        rata_rata = serializers.DecimalField(
            max_digits=30,
            decimal_places=10,
            allow_null=True,
            help_text="Rata-rata capaian (nilai setelah batas atas) indikator yang dapat dihitung.",
        )
        baris = BarisSerializer(many=True)

        class Meta:
            ref_name = "CapaianTahun"

    serializer_class = OutputSerializer

    @extend_schema(
        parameters=[OpenApiParameter("tahun", int, description="Tahun kinerja")],
        responses=OutputSerializer,
    )
    def list(self, request):
        tahun = request.query_params.get("tahun", "")
        if not tahun.isdigit():
            tahun = (
                Realisasi.objects.order_by("-tahun").values_list("tahun", flat=True).first() or 0
            )
        tahun = int(tahun)
        baris = selectors.capaian_tahun_list(tahun=tahun)
        data = {
            "tahun": tahun,
            "pengaturan": selectors.pengaturan_capaian_get(),
            "rata_rata": selectors.capaian_rata_rata(baris=baris),
            "baris": baris,
        }
        return Response(self.OutputSerializer(data).data)


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
    api_iku.register(router)
    api_rencana_aksi.register(router)
    api_rkt.register(router)
    pohon_register(router)  # the performance tree (kinerja/api_pohon.py)
    # these two build on this module's viewsets: imported here, after it has loaded
    from . import api_lke, api_pk_unit

    api_pk_unit.register(router)  # the sub-bagian PKs
    api_lke.register(router)  # LKE (evaluasi SAKIP)
    api_lhe.register(router)
    api_publikasi.register(router)  # publication (staff) and the public documents
    api_reviu.register(router)
    api_impor.register(router)  # the PK target and realisasi imports
