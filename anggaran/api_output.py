"""API of the output side of the DIPA: RO volume targets, monthly output realisasi with its
workflow and import, and the RO × month table with capaian.

The same services and rules as the pages: targets are written by the Sekretaris and Sub Bagian
Keuangan (``IzinTulisAnggaranApi``); a month is entered and submitted by them or by the RO's
unit pengampu, verified or returned by the Kasubag Keuangan or the Sekretaris (the services
decide: 403 with the reason); a broken rule is a 400 naming the field.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_serializer
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from kpu_site.akses import IzinModelApi
from kpu_site.api import (
    IdField,
    KesalahanImporSerializer,
    ModelSerializer,
    impor_berkas_api,
    saring_id,
)
from kpu_site.impor_halaman import profil_serializer_field
from sekretariat.models import UnitOrganisasi

from . import selectors, services_output
from .akses import IzinTulisAnggaranApi
from .api import _uang
from .impor_output import realisasi_output_impor, realisasi_output_impor_periksa
from .models import DokumenAnggaran, Pos, RealisasiOutput, VolumeRo

IZIN_TULIS_KEUANGAN = [IsAuthenticated, IzinModelApi, IzinTulisAnggaranApi]
# entry also by the RO's unit pengampu: who may write which row is the services' decision
IZIN_OUTPUT = [IsAuthenticated, IzinModelApi]


def _volume(**kwargs) -> serializers.DecimalField:
    """A volume as text with two decimals (``"6.00"``)."""
    return serializers.DecimalField(max_digits=None, decimal_places=2, allow_null=True, **kwargs)


class VolumeRoViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Volume targets of the RO lines (``?dokumen=<id>``: its latest revision; ``?revisi=<id>``,
    ``?ro=<id>``). POST sets the target, satuan, unit pengampu and projection of one RO in its
    document's latest revision (201 when new, 200 when changed)."""

    queryset = VolumeRo.objects.select_related("ro", "ro__unit", "revisi").order_by(
        "revisi__dokumen_id", "revisi__nomor", "ro__kode_lengkap"
    )
    permission_classes = IZIN_TULIS_KEUANGAN

    class InputSerializer(serializers.Serializer):
        ro = IdField(queryset=Pos.objects.filter(tingkat=Pos.Tingkat.RO))
        volume = serializers.DecimalField(max_digits=18, decimal_places=4)
        satuan = serializers.CharField(max_length=30, allow_blank=True)
        unit = IdField(
            queryset=UnitOrganisasi.objects.all(), required=False, allow_null=True, default=None
        )
        rencana = serializers.ListField(
            child=serializers.DecimalField(max_digits=18, decimal_places=4, allow_null=True),
            required=False,
            default=list,
            help_text="12 volume kumulatif yang direncanakan (Januari … Desember), atau kosong.",
        )

        class Meta:
            ref_name = "AnggaranVolumeRoSimpan"

    class OutputSerializer(ModelSerializer):
        dokumen = serializers.IntegerField(source="revisi.dokumen_id", read_only=True)
        revisi_nomor = serializers.IntegerField(source="revisi.nomor", read_only=True)
        kode_ro = serializers.CharField(source="ro.kode_lengkap", read_only=True)
        uraian = serializers.CharField(source="ro.uraian", read_only=True)
        satuan = serializers.CharField(source="ro.satuan", read_only=True)
        unit = serializers.IntegerField(source="ro.unit_id", read_only=True, allow_null=True)
        rencana = serializers.ListField(child=serializers.CharField(), read_only=True)

        class Meta:
            model = VolumeRo
            ref_name = "AnggaranVolumeRo"
            fields = [
                "id",
                "dokumen",
                "revisi",
                "revisi_nomor",
                "ro",
                "kode_ro",
                "uraian",
                "satuan",
                "unit",
                "volume",
                "rencana",
            ]

    serializer_class = OutputSerializer

    def get_queryset(self):
        qs = super().get_queryset()
        params = self.request.query_params
        dokumen = (params.get("dokumen") or "").strip()
        if dokumen.isdigit() and not params.get("revisi"):
            found = DokumenAnggaran.objects.filter(pk=dokumen).first()
            revisi = selectors.revisi_terakhir(dokumen=found) if found else None
            qs = qs.filter(revisi=revisi) if revisi else qs.none()
        qs = saring_id(qs, params, "revisi")
        return saring_id(qs, params, "ro")

    @extend_schema(
        request=InputSerializer, responses={200: OutputSerializer, 201: OutputSerializer}
    )
    def create(self, request, *args, **kwargs):
        isian = self.InputSerializer(data=request.data)
        isian.is_valid(raise_exception=True)
        sudah_ada = selectors.volume_ro_terakhir(ro=isian.validated_data["ro"]) is not None
        target = services_output.volume_ro_set(pengguna=request.user, **isian.validated_data)
        return Response(self.OutputSerializer(target).data, status=200 if sudah_ada else 201)


class RealisasiOutputViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Monthly output realisasi (``?dokumen=<id>&ro=<id>&bulan=3&status=diajukan``). POST
    records a month (a draft; JSON, or multipart with the evidence file ``bukti``); PUT/PATCH
    change a draft or returned month; ``ajukan``, ``verifikasi`` and ``kembalikan`` are the
    workflow steps; ``impor`` (POST a CSV/XLSX with ``dokumen``) imports months."""

    queryset = RealisasiOutput.objects.select_related("ro", "ro__dokumen", "ro__unit").order_by(
        "ro__dokumen_id", "ro__kode_lengkap", "bulan"
    )
    permission_classes = IZIN_OUTPUT

    class InputSerializer(serializers.Serializer):
        ro = IdField(queryset=Pos.objects.filter(tingkat=Pos.Tingkat.RO))
        bulan = serializers.IntegerField(help_text="1 (Januari) sampai 12 (Desember).")
        volume = serializers.DecimalField(max_digits=18, decimal_places=4)
        tanggal_lapor = serializers.DateField()
        keterangan = serializers.CharField(required=False, allow_blank=True, default="")
        tautan_bukti = serializers.CharField(
            required=False, allow_blank=True, default="", max_length=200
        )
        bukti = serializers.FileField(required=False, allow_null=True, default=None)

        class Meta:
            ref_name = "AnggaranRealisasiOutputBuat"

    class UbahInputSerializer(serializers.Serializer):
        volume = serializers.DecimalField(max_digits=18, decimal_places=4)
        tanggal_lapor = serializers.DateField()
        keterangan = serializers.CharField(required=False, allow_blank=True)
        tautan_bukti = serializers.CharField(required=False, allow_blank=True, max_length=200)
        bukti = serializers.FileField(required=False, allow_null=True, default=None)
        hapus_bukti = serializers.BooleanField(required=False, default=False)

        class Meta:
            ref_name = "AnggaranRealisasiOutputUbah"

    class CatatanInputSerializer(serializers.Serializer):
        catatan = serializers.CharField(required=False, allow_blank=True, default="")

        class Meta:
            ref_name = "AnggaranCatatanVerifikasiOutput"

    class OutputSerializer(ModelSerializer):
        kode_ro = serializers.CharField(source="ro.kode_lengkap", read_only=True)
        satuan = serializers.CharField(source="ro.satuan", read_only=True)
        dokumen = serializers.IntegerField(source="ro.dokumen_id", read_only=True)
        ada_berkas_bukti = serializers.SerializerMethodField()

        class Meta:
            model = RealisasiOutput
            ref_name = "AnggaranRealisasiOutput"
            fields = [
                "id",
                "dokumen",
                "ro",
                "kode_ro",
                "bulan",
                "volume",
                "satuan",
                "tanggal_lapor",
                "keterangan",
                "tautan_bukti",
                "ada_berkas_bukti",
                "status",
                "catatan_verifikasi",
                "dibuat_oleh",
                "diverifikasi_oleh",
                "diverifikasi_pada",
            ]

        def get_ada_berkas_bukti(self, obj) -> bool:
            return bool(obj.bukti)

    class ImporInputSerializer(serializers.Serializer):
        dokumen = IdField(queryset=DokumenAnggaran.objects.all())
        berkas = serializers.FileField()
        profil = profil_serializer_field()
        pratinjau = serializers.BooleanField(
            default=False, help_text="Hanya periksa (tidak menyimpan apa pun)."
        )
        ajukan = serializers.BooleanField(
            default=False, help_text="Baris yang diimpor langsung diajukan ke Kasubag Keuangan."
        )

        class Meta:
            ref_name = "AnggaranImporOutput"

    class ImporOutputSerializer(serializers.Serializer):
        disimpan = serializers.BooleanField()
        jumlah_baris = serializers.SerializerMethodField()
        jumlah_dilewati = serializers.SerializerMethodField()
        kesalahan = KesalahanImporSerializer(many=True)

        class Meta:
            ref_name = "AnggaranImporOutputHasil"

        def get_jumlah_baris(self, hasil) -> int:
            return len(hasil.baris)

        def get_jumlah_dilewati(self, hasil) -> int:
            return len(hasil.dilewati)

    serializer_class = OutputSerializer

    def get_queryset(self):
        qs = super().get_queryset()
        params = self.request.query_params
        qs = saring_id(qs, params, "dokumen", "ro__dokumen_id")
        qs = saring_id(qs, params, "ro")
        if (bulan := params.get("bulan", "")).isdigit():
            qs = qs.filter(bulan=int(bulan))
        if status := params.get("status"):
            qs = qs.filter(status=status)
        return qs

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def create(self, request, *args, **kwargs):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = services_output.realisasi_output_create(pengguna=request.user, **masuk.validated_data)
        return Response(self.OutputSerializer(obj).data, status=201)

    @extend_schema(request=UbahInputSerializer, responses=OutputSerializer)
    def update(self, request, *args, **kwargs):
        obj = self.get_object()
        sekarang = {
            "volume": obj.volume,
            "tanggal_lapor": obj.tanggal_lapor,
            "keterangan": obj.keterangan,
            "tautan_bukti": obj.tautan_bukti,
        }
        masuk = self.UbahInputSerializer(data=request.data, partial=kwargs.get("partial", False))
        masuk.is_valid(raise_exception=True)
        obj = services_output.realisasi_output_update(
            pengguna=request.user, realisasi=obj, **(sekarang | masuk.validated_data)
        )
        return Response(self.OutputSerializer(obj).data)

    @extend_schema(request=UbahInputSerializer, responses=OutputSerializer)
    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    def _alur(self, layanan, *, bercatatan: bool = True):
        """One workflow step: the service ``layanan`` on this month by the user (with the
        verifier's note from the body when the step takes one)."""
        isian = {}
        if bercatatan:
            catatan = self.CatatanInputSerializer(data=self.request.data)
            catatan.is_valid(raise_exception=True)
            isian = catatan.validated_data
        realisasi = layanan(pengguna=self.request.user, realisasi=self.get_object(), **isian)
        return Response(self.OutputSerializer(realisasi).data)

    @extend_schema(request=None, responses=OutputSerializer)
    @action(detail=True, methods=["post"])
    def ajukan(self, request, pk=None):
        return self._alur(services_output.realisasi_output_submit, bercatatan=False)

    @extend_schema(request=CatatanInputSerializer, responses=OutputSerializer)
    @action(detail=True, methods=["post"])
    def verifikasi(self, request, pk=None):
        return self._alur(services_output.realisasi_output_verify)

    @extend_schema(request=CatatanInputSerializer, responses=OutputSerializer)
    @action(detail=True, methods=["post"])
    def kembalikan(self, request, pk=None):
        return self._alur(services_output.realisasi_output_return)

    @extend_schema(request=ImporInputSerializer, responses=ImporOutputSerializer)
    @action(detail=False, methods=["post"])
    def impor(self, request):
        masuk = self.ImporInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        data = masuk.validated_data
        fungsi = realisasi_output_impor_periksa if data["pratinjau"] else realisasi_output_impor
        opsi = {} if data["pratinjau"] else {"ajukan": data["ajukan"]}
        hasil = impor_berkas_api(
            data["berkas"],
            jenis="realisasi_output",
            profil=data["profil"],
            jalankan=lambda **kw: fungsi(
                pengguna=request.user, dokumen=data["dokumen"], **opsi, **kw
            ),
        )
        return Response(self.ImporOutputSerializer(hasil).data)


class OutputRoViewSet(viewsets.GenericViewSet):
    """The RO × month table of a document (``?dokumen=<id>``, default the latest DIPA;
    ``?revisi=N`` the revision number of the targets; ``?sampai_bulan=1..12``): per RO its
    target, the volume of each month that counts (submitted or verified) with its status,
    cumulative volume and capaian, pagu, realisasi anggaran and serapan."""

    queryset = Pos.objects.filter(tingkat=Pos.Tingkat.RO)
    permission_classes = IZIN_TULIS_KEUANGAN
    pagination_class = None

    @extend_schema_serializer(many=False)  # one table, not a list
    class OutputSerializer(serializers.Serializer):
        class BarisSerializer(serializers.Serializer):
            class BulanSerializer(serializers.Serializer):
                bulan = serializers.IntegerField()
                volume = _volume(help_text="Volume yang dihitung (diajukan/diverifikasi).")
                kumulatif = _volume()
                capaian = _uang()
                rencana = _volume()
                status = serializers.CharField(
                    source="realisasi.status", allow_null=True, default=None
                )
                realisasi_id = serializers.IntegerField(
                    source="realisasi.pk", allow_null=True, default=None
                )

                class Meta:
                    ref_name = "AnggaranOutputRoBulan"

            ro = serializers.IntegerField(source="pos.pk")
            kode = serializers.CharField()
            uraian = serializers.CharField()
            satuan = serializers.CharField()
            unit = serializers.IntegerField(source="pos.unit_id", allow_null=True)
            target = _volume()
            kumulatif = _volume()
            capaian = _uang()
            pagu = _uang()
            realisasi = _uang(help_text="Realisasi anggaran sampai akhir bulan yang dipilih.")
            serapan = _uang()
            bulan = BulanSerializer(many=True)

            class Meta:
                ref_name = "AnggaranOutputRoBaris"

        dokumen = serializers.IntegerField(allow_null=True)
        revisi = serializers.IntegerField(allow_null=True)
        sampai_bulan = serializers.IntegerField()
        ro = BarisSerializer(many=True)

        class Meta:
            ref_name = "AnggaranOutputRo"

    serializer_class = OutputSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("dokumen", int, description="Id dokumen (default DIPA terakhir)"),
            OpenApiParameter("revisi", int, description="Nomor revisi target (default terakhir)"),
            OpenApiParameter("sampai_bulan", int, description="1–12 (default 12)"),
        ],
        responses=OutputSerializer,
    )
    def list(self, request):
        params = request.query_params
        qs = selectors.dokumen_list()
        dokumen = (
            saring_id(qs, params, "dokumen", "id").first()
            if params.get("dokumen")
            else (qs.filter(jenis=DokumenAnggaran.Jenis.DIPA).first())
        )
        sampai = params.get("sampai_bulan", "")
        sampai_bulan = int(sampai) if sampai.isdigit() and 1 <= int(sampai) <= 12 else 12
        if dokumen is None:
            data = {"dokumen": None, "revisi": None, "sampai_bulan": sampai_bulan, "ro": []}
            return Response(self.OutputSerializer(data).data)
        revisi = selectors.revisi_pilih(dokumen=dokumen, nomor=params.get("revisi"))
        baris = selectors.output_ro_list(dokumen=dokumen, revisi=revisi, sampai_bulan=sampai_bulan)
        data = {
            "dokumen": dokumen.pk,
            "revisi": revisi.nomor if revisi else None,
            "sampai_bulan": sampai_bulan,
            "ro": baris,
        }
        return Response(self.OutputSerializer(data).data)


def register(router) -> None:
    """Register the output viewsets on ``router`` (called by ``anggaran.api.register``)."""
    router.register("anggaran/volume-ro", VolumeRoViewSet, basename="anggaran-volume-ro")
    router.register(
        "anggaran/realisasi-output", RealisasiOutputViewSet, basename="anggaran-realisasi-output"
    )
    router.register("anggaran/output-ro", OutputRoViewSet, basename="anggaran-output-ro")
