"""API of the organisation (under ``/api/organisasi/``), registered on the project router.

Reads: every authenticated role holding ``view_<model>``. Writes (POST/PUT/PATCH) go through
the services (a broken rule is a 400 with the Indonesian message on the field): Admin and
Sekretaris for all; pegawai and riwayat jabatan also Kasubag/Staf of Sub Bagian Hukum dan SDM
(others 403). No DELETE: records are closed (an end date; a pegawai's ``tmt_keluar`` with its
``alasan_keluar``), not removed. A pegawai's ``aktif`` is read-only: serving today, from the
dates. ``ringkasan?tanggal=`` gives every count on that date.

Each viewset nests an ``InputSerializer`` (what a write accepts) and an ``OutputSerializer`` (what
it answers); the view validates, calls the service, serialises (HackSoft's style guide).
"""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_serializer,
    extend_schema_view,
)
from rest_framework import permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from kpu_site.api import (
    LayananViewSet,
    ModelSerializer,
    impor_berkas_api,
    saring_id,
    skema_layanan,
)
from kpu_site.formatting import tanggal_valid
from kpu_site.impor import ImporGagal
from kpu_site.impor_halaman import profil_serializer_field

from . import impor, selectors, services
from .models import Divisi, Jabatan, Komisioner, Pegawai, RiwayatJabatan, Satker, UnitOrganisasi


class PegawaiTulisApi(permissions.BasePermission):
    """Writes of pegawai/riwayat jabatan: Admin, Sekretaris, Hukum dan SDM staff only."""

    message = "Hanya Sekretaris dan Sub Bagian Hukum dan SDM yang dapat mengubah data pegawai."

    def has_permission(self, request, view) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        return selectors.pegawai_boleh_ubah(request.user)


class _Dasar(LayananViewSet):
    """Writes call ``layanan(<nama_objek>=instance_or_None, **validated_data)`` (the
    sekretariat services create or update)."""

    layanan = None
    nama_objek = ""

    def buat_objek(self, data: dict):
        return type(self).layanan(**{self.nama_objek: None}, **data)

    def ubah_objek(self, obj, data: dict):
        return type(self).layanan(**{self.nama_objek: obj}, **data)


@skema_layanan
class SatkerViewSet(_Dasar):
    queryset = Satker.objects.order_by("pk")
    layanan = staticmethod(services.satker_save)
    nama_objek = "satker"

    class InputSerializer(ModelSerializer):
        class Meta:
            model = Satker
            ref_name = "Satker"
            fields = ["nama", "tingkat", "nama_wilayah", "kode_satker", "kode_wilayah", "alamat"]
            validators = []

    class OutputSerializer(ModelSerializer):
        class Meta:
            model = Satker
            ref_name = "Satker"
            fields = [
                *("id", "nama", "tingkat", "nama_wilayah"),
                *("kode_satker", "kode_wilayah", "alamat", "logo"),
            ]


@skema_layanan
class UnitViewSet(_Dasar):
    queryset = UnitOrganisasi.objects.order_by("urutan", "nama")
    layanan = staticmethod(services.unit_save)
    nama_objek = "unit"

    class InputSerializer(ModelSerializer):
        class Meta:
            model = UnitOrganisasi
            ref_name = "Unit"
            fields = ["kode", "nama", "jenis", "induk", "urutan", "tugas"]
            validators = []

    class OutputSerializer(ModelSerializer):
        class Meta:
            model = UnitOrganisasi
            ref_name = "Unit"
            fields = ["id", "kode", "nama", "jenis", "induk", "urutan", "tugas"]


@skema_layanan
class DivisiViewSet(_Dasar):
    queryset = Divisi.objects.order_by("urutan", "nama")
    layanan = staticmethod(services.divisi_save)
    nama_objek = "divisi"

    class InputSerializer(ModelSerializer):
        class Meta:
            model = Divisi
            ref_name = "Divisi"
            fields = ["nama", "mitra", "urutan"]
            validators = []

    class OutputSerializer(ModelSerializer):
        class Meta:
            model = Divisi
            ref_name = "Divisi"
            fields = ["id", "nama", "mitra", "urutan"]


@skema_layanan
class JabatanViewSet(_Dasar):
    queryset = Jabatan.objects.order_by("unit__urutan", "urutan", "nama")
    layanan = staticmethod(services.jabatan_save)
    nama_objek = "jabatan"

    class InputSerializer(ModelSerializer):
        class Meta:
            model = Jabatan
            ref_name = "Jabatan"
            fields = ["nama", "jenis", "unit", "urutan"]
            validators = []

    class OutputSerializer(ModelSerializer):
        class Meta:
            model = Jabatan
            ref_name = "Jabatan"
            fields = ["id", "nama", "jenis", "unit", "urutan"]


class KesalahanImporSerializer(serializers.Serializer):
    """One problem of an imported file: row (``null`` = the file), column, reason, message."""

    baris = serializers.IntegerField(allow_null=True)
    kolom = serializers.CharField()
    alasan = serializers.CharField()
    pesan = serializers.CharField(source="__str__")

    class Meta:
        ref_name = "SekretariatKesalahanImpor"


class ImporDitolak(APIException):
    """400 listing every problem of an import (``{"kesalahan": [...]}``); nothing written."""

    status_code = 400
    default_code = "invalid"

    def __init__(self, kesalahan):
        self.detail = {"kesalahan": KesalahanImporSerializer(kesalahan, many=True).data}


class PegawaiImporInputSerializer(serializers.Serializer):
    berkas = serializers.FileField(help_text="CSV atau XLSX (kolom unduhan daftar pegawai).")
    profil = profil_serializer_field()
    pratinjau = serializers.BooleanField(
        default=False, help_text="Hanya periksa (tidak menyimpan apa pun)."
    )

    class Meta:
        ref_name = "SekretariatPegawaiImpor"


class PegawaiImporOutputSerializer(serializers.Serializer):
    class BarisSerializer(serializers.Serializer):
        nomor_baris = serializers.IntegerField()
        nama = serializers.CharField()
        nip = serializers.CharField()
        status = serializers.CharField()
        unit = serializers.CharField()
        aksi = serializers.ChoiceField(choices=["baru", "ubah"])
        pegawai = serializers.IntegerField(source="pegawai_pk", allow_null=True)

        class Meta:
            ref_name = "SekretariatPegawaiImporBaris"

    disimpan = serializers.BooleanField()
    jumlah_baru = serializers.IntegerField()
    jumlah_ubah = serializers.IntegerField()
    jumlah_dilewati = serializers.SerializerMethodField()
    baris = BarisSerializer(many=True)
    kesalahan = KesalahanImporSerializer(many=True)

    class Meta:
        ref_name = "SekretariatPegawaiImporHasil"

    def get_jumlah_dilewati(self, hasil) -> int:
        return len(hasil.dilewati)


@skema_layanan
@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("unit", int, description="id unit"),
            OpenApiParameter("status", str, enum=Pegawai.Status.values),
            OpenApiParameter("aktif", bool),
            OpenApiParameter("q", str, description="cari nama atau NIP"),
        ]
    )
)
class PegawaiViewSet(_Dasar):
    queryset = Pegawai.objects.all()
    permission_classes = [*_Dasar.permission_classes, PegawaiTulisApi]
    layanan = staticmethod(services.pegawai_save)
    nama_objek = "pegawai"

    class InputSerializer(ModelSerializer):
        nip = serializers.CharField(max_length=30, required=False, allow_blank=True)

        class Meta:
            model = Pegawai
            ref_name = "Pegawai"
            fields = [
                *("nama", "status", "nip", "jenis_ppnpn", "jenis_kelamin", "tanggal_lahir"),
                *("tmt", "tmt_masuk", "tmt_keluar", "alasan_keluar"),
                *("golongan", "pendidikan", "unit", "pengguna"),
            ]
            validators = []

    class OutputSerializer(ModelSerializer):
        jabatan = serializers.CharField(source="jabatan_display", read_only=True)
        unit_nama = serializers.CharField(source="unit.nama", read_only=True)
        aktif = serializers.BooleanField(read_only=True, help_text="Bertugas hari ini.")

        class Meta:
            model = Pegawai
            ref_name = "Pegawai"
            fields = [
                *("id", "nama", "status", "nip", "jenis_ppnpn", "jenis_kelamin"),
                *("tanggal_lahir", "tmt", "tmt_masuk", "tmt_keluar", "alasan_keluar"),
                *("golongan", "pendidikan", "unit", "unit_nama"),
                *("jabatan", "aktif", "pengguna"),
            ]

    def get_queryset(self):
        params = self.request.query_params
        aktif = {"true": True, "1": True, "false": False, "0": False}.get(
            params.get("aktif", "").lower()
        )
        qs = selectors.pegawai_list(
            status=params.get("status", "") if params.get("status") in Pegawai.Status else "",
            aktif=aktif,
            q=params.get("q", ""),
        )
        return saring_id(qs, params, "unit")

    @extend_schema(request=PegawaiImporInputSerializer, responses=PegawaiImporOutputSerializer)
    @action(detail=False, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def impor(self, request):
        """Staff from a CSV/XLSX (``sekretariat/impor.py``): every row or none; ``profil``
        names a saved column profile (SIMPEG); ``pratinjau`` only checks. A refused file is a
        400 listing every problem."""
        masuk = PegawaiImporInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        if masuk.validated_data["pratinjau"]:

            def jalankan(**kw):
                hasil = impor.pegawai_impor_periksa(**kw)
                if not hasil.ok:
                    raise ImporGagal(hasil.kesalahan)
                return hasil
        else:

            def jalankan(**kw):
                return impor.pegawai_impor(pengguna=request.user, **kw)

        hasil = impor_berkas_api(
            masuk.validated_data["berkas"],
            jenis=impor.KODE_JENIS,
            profil=masuk.validated_data["profil"],
            jalankan=jalankan,
        )
        return Response(PegawaiImporOutputSerializer(hasil).data)


@skema_layanan
class RiwayatJabatanViewSet(_Dasar):
    queryset = RiwayatJabatan.objects.all()
    permission_classes = [*_Dasar.permission_classes, PegawaiTulisApi]
    layanan = staticmethod(services.riwayat_jabatan_save)
    nama_objek = "riwayat"

    class InputSerializer(ModelSerializer):
        tutup_sebelumnya = serializers.BooleanField(
            required=False,
            default=False,
            help_text="Tutup jabatan terbuka yang menghalangi (pejabat lama) pada tanggal mulai.",
        )

        class Meta:
            model = RiwayatJabatan
            ref_name = "RiwayatJabatan"
            fields = [
                *("pegawai", "jabatan", "nomor_sk", "tanggal_sk", "penerbit_sk"),
                *("tanggal_mulai", "tanggal_selesai", "tutup_sebelumnya"),
            ]
            validators = []

    class OutputSerializer(ModelSerializer):
        pegawai_nama = serializers.CharField(source="pegawai.nama", read_only=True)
        jabatan_nama = serializers.CharField(source="jabatan.nama", read_only=True)

        class Meta:
            model = RiwayatJabatan
            ref_name = "RiwayatJabatan"
            fields = [
                *("id", "pegawai", "pegawai_nama", "jabatan", "jabatan_nama", "nomor_sk"),
                *("tanggal_sk", "penerbit_sk", "tanggal_mulai", "tanggal_selesai"),
            ]

    def get_queryset(self):
        return selectors.riwayat_jabatan_list()


@skema_layanan
class KomisionerViewSet(_Dasar):
    queryset = Komisioner.objects.all()
    layanan = staticmethod(services.komisioner_save)
    nama_objek = "komisioner"

    class InputSerializer(ModelSerializer):
        gantikan_ketua = serializers.BooleanField(
            required=False,
            default=False,
            help_text="Akhiri masa ketua yang masih terbuka pada tanggal mulai ketua baru.",
        )

        class Meta:
            model = Komisioner
            ref_name = "Komisioner"
            fields = [
                *("nama", "jenis_kelamin", "ketua", "divisi", "tanggal_mulai"),
                *("tanggal_selesai", "nomor_sk", "tanggal_sk", "gantikan_ketua"),
            ]
            validators = []

    class OutputSerializer(ModelSerializer):
        jabatan = serializers.CharField(source="jabatan_display", read_only=True)

        class Meta:
            model = Komisioner
            ref_name = "Komisioner"
            fields = [
                *("id", "nama", "jenis_kelamin", "ketua", "divisi", "jabatan"),
                *("tanggal_mulai", "tanggal_selesai", "nomor_sk", "tanggal_sk"),
            ]

    def get_queryset(self):
        return selectors.komisioner_list()


class LihatOrganisasi(permissions.BasePermission):
    def has_permission(self, request, view) -> bool:
        return request.user.has_perm("sekretariat.view_unitorganisasi")


class RingkasanViewSet(viewsets.ViewSet):
    """The computed figures of the organisation (the same selectors as the Organisasi page)."""

    permission_classes = [permissions.IsAuthenticated, LihatOrganisasi]

    @extend_schema_serializer(many=False)  # one summary, not a list
    class OutputSerializer(serializers.Serializer):
        class HitungSerializer(serializers.Serializer):
            label = serializers.CharField()
            jumlah = serializers.IntegerField()

            class Meta:
                ref_name = "_Hitung"

        class UnitSerializer(serializers.Serializer):
            unit = serializers.CharField(source="unit.kode")
            nama = serializers.CharField(source="unit.nama")
            pns = serializers.IntegerField()
            ppnpn = serializers.IntegerField()
            total = serializers.IntegerField()

            class Meta:
                ref_name = "RingkasanUnit"

        tanggal = serializers.DateField()
        status = serializers.DictField(child=serializers.IntegerField())
        jenis_jabatan_pns = HitungSerializer(many=True)
        jenis_ppnpn = HitungSerializer(many=True)
        pendidikan_pns = HitungSerializer(many=True)
        pendidikan_ppnpn = HitungSerializer(many=True)
        unit = UnitSerializer(many=True)
        sekretaris = serializers.CharField(source="sekretaris.nama", allow_null=True)
        ketua = serializers.CharField(source="ketua.nama", allow_null=True)

        class Meta:
            ref_name = "RingkasanOrganisasi"

    @extend_schema(
        parameters=[OpenApiParameter("tanggal", str, description="YYYY-MM-DD (default hari ini)")],
        responses=OutputSerializer,
    )
    def list(self, request):
        tanggal = tanggal_valid(request.query_params.get("tanggal")) or timezone.localdate()

        def pasangan(rows):
            return [{"label": label, "jumlah": n} for label, n in rows]

        data = {
            "tanggal": tanggal,
            "status": selectors.pegawai_hitung_status(tanggal=tanggal),
            "jenis_jabatan_pns": pasangan(selectors.pegawai_hitung_jenis_jabatan(tanggal=tanggal)),
            "jenis_ppnpn": pasangan(selectors.pegawai_hitung_jenis_ppnpn(tanggal=tanggal)),
            "pendidikan_pns": pasangan(
                selectors.pegawai_hitung_pendidikan(status="pns", tanggal=tanggal)
            ),
            "pendidikan_ppnpn": pasangan(
                selectors.pegawai_hitung_pendidikan(status="ppnpn", tanggal=tanggal)
            ),
            "unit": selectors.pegawai_hitung_unit(tanggal=tanggal),
            "sekretaris": selectors.pejabat_sekretaris(tanggal=tanggal),
            "ketua": selectors.ketua_komisioner(tanggal=tanggal),
        }
        return Response(self.OutputSerializer(data).data)


def register(router) -> None:
    """Register this app's viewsets on ``router``."""
    router.register("organisasi/satker", SatkerViewSet, basename="sekretariat-satker")
    router.register("organisasi/unit", UnitViewSet, basename="sekretariat-unitorganisasi")
    router.register("organisasi/divisi", DivisiViewSet, basename="sekretariat-divisi")
    router.register("organisasi/jabatan", JabatanViewSet, basename="sekretariat-jabatan")
    router.register("organisasi/pegawai", PegawaiViewSet, basename="sekretariat-pegawai")
    router.register(
        "organisasi/riwayat-jabatan",
        RiwayatJabatanViewSet,
        basename="sekretariat-riwayatjabatan",
    )
    router.register("organisasi/komisioner", KomisionerViewSet, basename="sekretariat-komisioner")
    router.register("organisasi/ringkasan", RingkasanViewSet, basename="sekretariat-ringkasan")
