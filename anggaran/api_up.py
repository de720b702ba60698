"""API of the UP/TUP register and the SPM dispensations: read by every role, written by the
Sekretaris and Sub Bagian Keuangan through the same services as the pages.

- ``/api/anggaran/mutasi-up/?dokumen=<id>``: movements (list, create; ``{id}``: read, PUT/PATCH,
  DELETE); every movement says whether it is ``terlambat`` and a create/change answers its
  ``peringatan`` (a late PTUP/return is accepted and flagged);
  ``tup/?dokumen=<id>&sampai=2023-05-31``: every TUP with its settlement (``tup_list``);
  ``besaran/?dokumen=<id>&sampai=…``: the UP in force and each GUP against it (``up_besaran``);
  ``impor/`` (POST ``dokumen``, ``berkas``, ``pratinjau``);
- ``/api/anggaran/dispensasi-spm/?dokumen=<id>``: the same operations and ``impor/``.

Without ``?dokumen`` the reports take the DIPA of the latest year.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_serializer,
    extend_schema_view,
)
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from kpu_site.akses import IzinModelApi
from kpu_site.api import (
    IdField,
    KesalahanImporSerializer,
    LayananViewSet,
    ModelSerializer,
    saring_id,
)
from kpu_site.batas import id_param
from kpu_site.formatting import tanggal_valid
from kpu_site.impor_halaman import profil_serializer_field
from kpu_site.parsers import ObjekJSONParser

from . import services_up
from .akses import IzinTulisAnggaranApi
from .api import _uang, impor_api
from .impor_up import (
    dispensasi_impor,
    dispensasi_impor_periksa,
    mutasi_up_impor,
    mutasi_up_impor_periksa,
)
from .models import DispensasiSpm, DokumenAnggaran, MutasiUp
from .selectors.up import (
    JENIS_PENYELESAIAN,
    mutasi_up_peringatan,
    penyelesaian_terlambat,
    tup_list,
    up_besaran,
)
from .services_verifikasi import verifikasi_set


class _IzinUbahHapus(IzinModelApi):
    """Deleting a movement or a dispensation is a change of the register (as on the page):
    the Staf/Kasubag Keuangan hold ``change``, not ``delete``."""

    perms_map = IzinModelApi.perms_map | {"DELETE": ["%(app_label)s.change_%(model_name)s"]}


IZIN = [IsAuthenticated, _IzinUbahHapus, IzinTulisAnggaranApi]
PARAMETER_LAPORAN = [
    OpenApiParameter("dokumen", int, description="id dokumen (default: DIPA tahun terakhir)"),
    OpenApiParameter("sampai", str, description="Tanggal acuan TTTT-BB-HH (default: semua)"),
]


def _dokumen_laporan(params) -> DokumenAnggaran:
    """The document of a report: ``?dokumen=<id>``, else the DIPA of the latest year."""
    if "dokumen" in params:
        return get_object_or_404(DokumenAnggaran, pk=id_param(params["dokumen"]) or 0)
    dokumen = DokumenAnggaran.objects.filter(jenis=DokumenAnggaran.Jenis.DIPA).first()
    if dokumen is None:
        raise Http404("Belum ada DIPA.")
    return dokumen


class ImporInputSerializer(serializers.Serializer):
    dokumen = IdField(queryset=DokumenAnggaran.objects.all())
    berkas = serializers.FileField()
    profil = profil_serializer_field()
    pratinjau = serializers.BooleanField(
        default=False, help_text="Hanya periksa (tidak menyimpan apa pun)."
    )

    class Meta:
        ref_name = "AnggaranImporRegister"


class ImporOutputSerializer(serializers.Serializer):
    disimpan = serializers.BooleanField()
    jumlah_baris = serializers.SerializerMethodField()
    jumlah_dilewati = serializers.SerializerMethodField()
    kesalahan = KesalahanImporSerializer(many=True)
    peringatan = KesalahanImporSerializer(many=True, help_text="PTUP/setoran TUP terlambat")

    class Meta:
        ref_name = "AnggaranImporRegisterHasil"

    def get_jumlah_baris(self, hasil) -> int:
        return len(hasil.baris)

    def get_jumlah_dilewati(self, hasil) -> int:
        return len(hasil.dilewati)


class VerifikasiInputSerializer(serializers.Serializer):
    verifikasi = serializers.BooleanField(
        default=True, help_text="true: tandai diverifikasi; false: batalkan verifikasi."
    )

    class Meta:
        ref_name = "AnggaranVerifikasiMasuk"


class VerifikasiFields(serializers.Serializer):
    """The Kasubag's verification of an entry, read-only (``model_ikpa.DataTerverifikasi``)."""

    terverifikasi = serializers.BooleanField(read_only=True)
    diverifikasi_oleh = serializers.StringRelatedField(read_only=True, allow_null=True)
    diverifikasi_pada = serializers.DateTimeField(read_only=True, allow_null=True)


FIELD_VERIFIKASI = ("terverifikasi", "diverifikasi_oleh", "diverifikasi_pada")


class _RegisterViewSet(LayananViewSet):
    """``LayananViewSet`` (create through the service) with a change (PUT/PATCH: the fields not
    sent keep their value), a delete and an import through the services; ``?dokumen=<id>``
    filters the list."""

    permission_classes = IZIN
    http_method_names = [*LayananViewSet.http_method_names, "delete"]
    FIELD_UBAH: tuple[str, ...] = ()
    impor_periksa = None
    impor_tulis = None
    jenis_impor = ""  # the import's kode (``impor_jenis.py``), for its profiles

    def get_queryset(self):
        return saring_id(super().get_queryset(), self.request.query_params, "dokumen")

    # (create service, change service, the name the services give the record)
    layanan: tuple = ()
    layanan_hapus = None

    def buat_objek(self, data):
        return self.layanan[0](pengguna=self.request.user, **data)

    def ubah_objek(self, obj, data):
        return self.layanan[1](pengguna=self.request.user, **{self.layanan[2]: obj}, **data)

    def hapus_objek(self, obj) -> None:
        type(self).layanan_hapus(pengguna=self.request.user, **{self.layanan[2]: obj})

    def update(self, request, *args, **kwargs):
        obj = self.get_object()
        # the stored values, a foreign key as its id (``serializable_value``)
        sekarang = {f: obj.serializable_value(f) for f in self.FIELD_UBAH}
        masuk = self.UbahInputSerializer(data={**sekarang, **request.data})
        masuk.is_valid(raise_exception=True)
        obj = self.ubah_objek(obj, masuk.validated_data)
        return Response(self.OutputSerializer(obj).data)

    def destroy(self, request, *args, **kwargs):
        self.hapus_objek(self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=True, methods=["post"])
    def verifikasi(self, request, pk=None):
        """The Kasubag Keuangan (or the Sekretaris) verifies the entry, or takes the mark
        back (``{"verifikasi": false}``); any later change clears it."""
        masuk = VerifikasiInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = verifikasi_set(
            pengguna=request.user,
            obj=self.get_object(),
            verifikasi=masuk.validated_data["verifikasi"],
        )
        return Response(self.OutputSerializer(obj).data)

    @extend_schema(request=ImporInputSerializer, responses=ImporOutputSerializer)
    @action(
        detail=False,
        methods=["post"],
        parser_classes=[MultiPartParser, FormParser, ObjekJSONParser],
    )
    def impor(self, request):
        """A CSV/XLSX file (the import module's columns): every row or none; ``pratinjau``
        only checks."""
        masuk = ImporInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        hasil = impor_api(
            pengguna=request.user,
            dokumen=masuk.validated_data["dokumen"],
            berkas=masuk.validated_data["berkas"],
            pratinjau=masuk.validated_data["pratinjau"],
            periksa=type(self).impor_periksa,
            impor=type(self).impor_tulis,
            jenis=self.jenis_impor,
            profil=masuk.validated_data["profil"],
        )
        return Response(ImporOutputSerializer(hasil).data)


def _skema_register(cls):
    """The schema of a ``_RegisterViewSet`` from its nested serializers (``skema_layanan``
    with the change's own input and the delete's empty answer)."""
    ubah = extend_schema(request=cls.UbahInputSerializer, responses=cls.OutputSerializer)
    return extend_schema_view(
        create=extend_schema(request=cls.InputSerializer, responses={201: cls.OutputSerializer}),
        update=ubah,
        partial_update=ubah,
        destroy=extend_schema(responses={204: None}),
    )(cls)


# --- UP/TUP -----------------------------------------------------------------------------------


@_skema_register
class MutasiUpViewSet(_RegisterViewSet):
    """UP/TUP movements of a document (``?dokumen=<id>``) in date order."""

    queryset = MutasiUp.objects.select_related("tup", "diverifikasi_oleh").order_by(
        "dokumen", "tanggal", "pk"
    )
    FIELD_UBAH = ("jenis", "nomor", "tanggal", "nilai", "tup", "batas_waktu", "keterangan")
    layanan = (services_up.mutasi_up_create, services_up.mutasi_up_update, "mutasi")
    layanan_hapus = services_up.mutasi_up_delete
    impor_periksa = mutasi_up_impor_periksa
    impor_tulis = mutasi_up_impor
    jenis_impor = "mutasi_up"

    class UbahInputSerializer(ModelSerializer):
        class Meta:
            model = MutasiUp
            ref_name = "AnggaranMutasiUpUbah"
            fields = ["jenis", "nomor", "tanggal", "nilai", "tup", "batas_waktu", "keterangan"]
            validators = []  # the service says which rule, in its own words
            extra_kwargs = {
                "tup": {"help_text": "id TUP yang diselesaikan (PTUP, setoran sisa TUP)"},
                "batas_waktu": {"help_text": "TUP: kosong = satu bulan sejak tanggalnya"},
            }

    class InputSerializer(UbahInputSerializer):
        class Meta:
            model = MutasiUp
            ref_name = "AnggaranMutasiUp"
            fields = [
                "dokumen",
                *("jenis", "nomor", "tanggal", "nilai", "tup", "batas_waktu", "keterangan"),
            ]
            validators = []
            extra_kwargs = {
                "tup": {"help_text": "id TUP yang diselesaikan (PTUP, setoran sisa TUP)"},
                "batas_waktu": {"help_text": "TUP: kosong = satu bulan sejak tanggalnya"},
            }

    class OutputSerializer(VerifikasiFields, ModelSerializer):
        nomor_tup = serializers.CharField(source="tup.nomor", read_only=True, allow_null=True)
        terlambat = serializers.SerializerMethodField(
            help_text="PTUP/setoran sisa TUP setelah batas pertanggungjawaban TUP-nya"
        )
        peringatan = serializers.SerializerMethodField(help_text="per field")

        class Meta:
            model = MutasiUp
            ref_name = "AnggaranMutasiUpKeluar"
            fields = [
                *("id", "dokumen", "jenis", "nomor", "tanggal", "nilai", "tup", "nomor_tup"),
                *("batas_waktu", "keterangan", "terlambat", "peringatan"),
                *FIELD_VERIFIKASI,
            ]

        def get_terlambat(self, obj) -> bool:
            return obj.jenis in JENIS_PENYELESAIAN and penyelesaian_terlambat(
                tanggal=obj.tanggal, tup=obj.tup
            )

        def get_peringatan(self, obj) -> dict[str, str]:
            return mutasi_up_peringatan(mutasi=obj)

    class TupSerializer(serializers.Serializer):
        tup = serializers.IntegerField(source="tup.pk")
        nomor = serializers.CharField(source="tup.nomor")
        tanggal = serializers.DateField(source="tup.tanggal")
        nilai = _uang()
        batas_waktu = serializers.DateField()
        ptup = _uang()
        setoran = _uang()
        terselesaikan_nilai = _uang()
        sisa = _uang()
        tanggal_selesai = serializers.DateField(allow_null=True)
        tepat_waktu = serializers.BooleanField(
            allow_null=True, help_text="null: belum selesai dan batas belum lewat"
        )
        keadaan = serializers.CharField(source="keadaan.value")

        class Meta:
            ref_name = "AnggaranTupStatus"

    @extend_schema_serializer(many=False)
    class BesaranSerializer(serializers.Serializer):
        class GupSerializer(serializers.Serializer):
            gup = serializers.IntegerField(source="gup.pk")
            nomor = serializers.CharField(source="gup.nomor")
            tanggal = serializers.DateField(source="gup.tanggal")
            nilai = _uang()
            up_berlaku = _uang(help_text="UP yang berlaku pada tanggal GUP")
            persen = _uang(help_text="GUP ÷ UP × 100")

            class Meta:
                ref_name = "AnggaranGup"

        nilai = _uang(help_text="UP yang berlaku (UP − setoran sisa UP)")
        gup = GupSerializer(many=True)

        class Meta:
            ref_name = "AnggaranBesaranUp"

    @extend_schema(parameters=PARAMETER_LAPORAN, responses=TupSerializer(many=True))
    @action(detail=False, methods=["get"], pagination_class=None)
    def tup(self, request):
        """Every TUP of the document with its settlement as of ``sampai``."""
        daftar = tup_list(
            dokumen=_dokumen_laporan(request.query_params),
            sampai=tanggal_valid(request.query_params.get("sampai")),
        )
        return Response(self.TupSerializer(daftar, many=True).data)

    @extend_schema(parameters=PARAMETER_LAPORAN, responses=BesaranSerializer)
    @action(detail=False, methods=["get"], pagination_class=None)
    def besaran(self, request):
        """The UP in force as of ``sampai`` and every GUP against the UP on its date."""
        besaran = up_besaran(
            dokumen=_dokumen_laporan(request.query_params),
            sampai=tanggal_valid(request.query_params.get("sampai")),
        )
        return Response(self.BesaranSerializer(besaran).data)


# --- SPM dispensations ------------------------------------------------------------------------


@_skema_register
class DispensasiSpmViewSet(_RegisterViewSet):
    """SPM dispensations of a document (``?dokumen=<id>``)."""

    queryset = DispensasiSpm.objects.select_related("diverifikasi_oleh").order_by(
        "dokumen", "tanggal", "nomor", "pk"
    )
    FIELD_UBAH = ("nomor", "tanggal", "jumlah_spm", "alasan")
    layanan = (services_up.dispensasi_create, services_up.dispensasi_update, "dispensasi")
    layanan_hapus = services_up.dispensasi_delete
    impor_periksa = dispensasi_impor_periksa
    impor_tulis = dispensasi_impor
    jenis_impor = "dispensasi"

    class UbahInputSerializer(ModelSerializer):
        class Meta:
            model = DispensasiSpm
            ref_name = "AnggaranDispensasiUbah"
            fields = ["nomor", "tanggal", "jumlah_spm", "alasan"]
            validators = []

    class InputSerializer(ModelSerializer):
        class Meta:
            model = DispensasiSpm
            ref_name = "AnggaranDispensasi"
            fields = ["dokumen", "nomor", "tanggal", "jumlah_spm", "alasan"]
            validators = []

    class OutputSerializer(VerifikasiFields, ModelSerializer):
        class Meta:
            model = DispensasiSpm
            ref_name = "AnggaranDispensasiKeluar"
            fields = [
                "id",
                "dokumen",
                "nomor",
                "tanggal",
                "jumlah_spm",
                "alasan",
                *FIELD_VERIFIKASI,
            ]


def register(router) -> None:
    router.register("anggaran/mutasi-up", MutasiUpViewSet, basename="anggaran-mutasiup")
    router.register(
        "anggaran/dispensasi-spm", DispensasiSpmViewSet, basename="anggaran-dispensasispm"
    )
