"""API of the organisation (under ``/api/organisasi/``), registered on the project router.

Reads: every authenticated role holding ``view_<model>``. Writes (POST/PUT/PATCH) go through
the services (a broken rule is a 400 with the Indonesian message on the field): Admin and
Sekretaris for all; pegawai and riwayat jabatan also Kasubag/Staf of Sub Bagian Hukum dan SDM
(others 403). No DELETE: records are closed (end date, ``aktif=false``), not removed.
"""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import permissions, serializers, viewsets
from rest_framework.response import Response

from kpu_site.akses import IzinModelApi
from kpu_site.formatting import tanggal_valid

from . import selectors, services
from .models import Divisi, Jabatan, Komisioner, Pegawai, RiwayatJabatan, Satker, UnitOrganisasi

TANPA_HAPUS = ["get", "post", "put", "patch", "head", "options"]


class _LayananSerializer(serializers.ModelSerializer):
    """Creates/updates through ``layanan(<nama_objek>=instance_or_None, **validated_data)``."""

    layanan = None
    nama_objek = ""

    def create(self, validated_data):
        return type(self).layanan(**{self.nama_objek: None}, **validated_data)

    def update(self, instance, validated_data):
        return type(self).layanan(**{self.nama_objek: instance}, **validated_data)


class SatkerSerializer(_LayananSerializer):
    layanan = staticmethod(services.satker_save)
    nama_objek = "satker"

    class Meta:
        model = Satker
        fields = [
            "id",
            "nama",
            "tingkat",
            "nama_wilayah",
            "kode_satker",
            "kode_wilayah",
            "alamat",
            "logo",
        ]
        read_only_fields = ["logo"]
        validators = []


class UnitSerializer(_LayananSerializer):
    layanan = staticmethod(services.unit_save)
    nama_objek = "unit"

    class Meta:
        model = UnitOrganisasi
        fields = ["id", "kode", "nama", "jenis", "induk", "urutan", "tugas"]
        validators = []


class DivisiSerializer(_LayananSerializer):
    layanan = staticmethod(services.divisi_save)
    nama_objek = "divisi"

    class Meta:
        model = Divisi
        fields = ["id", "nama", "mitra", "urutan"]
        validators = []


class JabatanSerializer(_LayananSerializer):
    layanan = staticmethod(services.jabatan_save)
    nama_objek = "jabatan"

    class Meta:
        model = Jabatan
        fields = ["id", "nama", "jenis", "unit", "urutan"]
        validators = []


class PegawaiSerializer(_LayananSerializer):
    layanan = staticmethod(services.pegawai_save)
    nama_objek = "pegawai"
    nip = serializers.CharField(max_length=30, required=False, allow_blank=True)
    jabatan = serializers.CharField(source="jabatan_display", read_only=True)
    unit_nama = serializers.CharField(source="unit.nama", read_only=True)

    class Meta:
        model = Pegawai
        fields = [
            "id",
            "nama",
            "status",
            "nip",
            "jenis_ppnpn",
            "jenis_kelamin",
            "tanggal_lahir",
            "tmt",
            "golongan",
            "pendidikan",
            "unit",
            "unit_nama",
            "jabatan",
            "aktif",
            "pengguna",
        ]
        validators = []


class RiwayatJabatanSerializer(_LayananSerializer):
    layanan = staticmethod(services.riwayat_jabatan_save)
    nama_objek = "riwayat"
    tutup_sebelumnya = serializers.BooleanField(
        write_only=True,
        required=False,
        default=False,
        help_text="Tutup jabatan terbuka yang menghalangi (pejabat lama) pada tanggal mulai.",
    )
    pegawai_nama = serializers.CharField(source="pegawai.nama", read_only=True)
    jabatan_nama = serializers.CharField(source="jabatan.nama", read_only=True)

    class Meta:
        model = RiwayatJabatan
        fields = [
            "id",
            "pegawai",
            "pegawai_nama",
            "jabatan",
            "jabatan_nama",
            "nomor_sk",
            "tanggal_sk",
            "penerbit_sk",
            "tanggal_mulai",
            "tanggal_selesai",
            "tutup_sebelumnya",
        ]
        validators = []


class KomisionerSerializer(_LayananSerializer):
    layanan = staticmethod(services.komisioner_save)
    nama_objek = "komisioner"
    gantikan_ketua = serializers.BooleanField(
        write_only=True,
        required=False,
        default=False,
        help_text="Akhiri masa ketua yang masih terbuka pada tanggal mulai ketua baru.",
    )
    jabatan = serializers.CharField(source="jabatan_display", read_only=True)

    class Meta:
        model = Komisioner
        fields = [
            "id",
            "nama",
            "jenis_kelamin",
            "ketua",
            "divisi",
            "jabatan",
            "tanggal_mulai",
            "tanggal_selesai",
            "nomor_sk",
            "tanggal_sk",
            "gantikan_ketua",
        ]
        validators = []


class PegawaiTulisApi(permissions.BasePermission):
    """Writes of pegawai/riwayat jabatan: Admin, Sekretaris, Hukum dan SDM staff only."""

    message = "Hanya Sekretaris dan Sub Bagian Hukum dan SDM yang dapat mengubah data pegawai."

    def has_permission(self, request, view) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        return selectors.pegawai_boleh_ubah(request.user)


class _Dasar(viewsets.ModelViewSet):
    permission_classes = [permissions.IsAuthenticated, IzinModelApi]
    http_method_names = TANPA_HAPUS


class SatkerViewSet(_Dasar):
    queryset = Satker.objects.order_by("pk")
    serializer_class = SatkerSerializer


class UnitViewSet(_Dasar):
    queryset = UnitOrganisasi.objects.order_by("urutan", "nama")
    serializer_class = UnitSerializer


class DivisiViewSet(_Dasar):
    queryset = Divisi.objects.order_by("urutan", "nama")
    serializer_class = DivisiSerializer


class JabatanViewSet(_Dasar):
    queryset = Jabatan.objects.order_by("unit__urutan", "urutan", "nama")
    serializer_class = JabatanSerializer


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
    serializer_class = PegawaiSerializer
    permission_classes = [*_Dasar.permission_classes, PegawaiTulisApi]

    def get_queryset(self):
        params = self.request.query_params
        aktif = {"true": True, "1": True, "false": False, "0": False}.get(
            params.get("aktif", "").lower()
        )
        unit = params.get("unit", "")
        return selectors.pegawai_list(
            unit=int(unit) if unit.isdigit() else None,
            status=params.get("status", "") if params.get("status") in Pegawai.Status else "",
            aktif=aktif,
            q=params.get("q", ""),
        )


class RiwayatJabatanViewSet(_Dasar):
    queryset = RiwayatJabatan.objects.all()
    serializer_class = RiwayatJabatanSerializer
    permission_classes = [*_Dasar.permission_classes, PegawaiTulisApi]

    def get_queryset(self):
        return selectors.riwayat_jabatan_list()


class KomisionerViewSet(_Dasar):
    queryset = Komisioner.objects.all()
    serializer_class = KomisionerSerializer

    def get_queryset(self):
        return selectors.komisioner_list()


class LihatOrganisasi(permissions.BasePermission):
    def has_permission(self, request, view) -> bool:
        return request.user.has_perm("sekretariat.view_unitorganisasi")


class _Hitung(serializers.Serializer):
    label = serializers.CharField()
    jumlah = serializers.IntegerField()


class RingkasanViewSet(viewsets.ViewSet):
    """The computed figures of the organisation (the same selectors as the Organisasi page)."""

    permission_classes = [permissions.IsAuthenticated, LihatOrganisasi]

    @extend_schema(
        parameters=[OpenApiParameter("tanggal", str, description="YYYY-MM-DD (default hari ini)")],
        responses=inline_serializer(
            "RingkasanOrganisasi",
            fields={
                "tanggal": serializers.DateField(),
                "status": serializers.DictField(child=serializers.IntegerField()),
                "jenis_jabatan_pns": _Hitung(many=True),
                "jenis_ppnpn": _Hitung(many=True),
                "pendidikan_pns": _Hitung(many=True),
                "pendidikan_ppnpn": _Hitung(many=True),
                "unit": serializers.ListField(child=serializers.DictField()),
                "sekretaris": serializers.CharField(allow_null=True),
                "ketua": serializers.CharField(allow_null=True),
            },
        ),
    )
    def list(self, request):
        tanggal = tanggal_valid(request.query_params.get("tanggal")) or timezone.localdate()

        def pasangan(rows):
            return [{"label": label, "jumlah": n} for label, n in rows]

        sekretaris = selectors.pejabat_sekretaris(tanggal=tanggal)
        ketua = selectors.ketua_komisioner(tanggal=tanggal)
        return Response(
            {
                "tanggal": tanggal,
                "status": selectors.pegawai_hitung_status(),
                "jenis_jabatan_pns": pasangan(
                    selectors.pegawai_hitung_jenis_jabatan(tanggal=tanggal)
                ),
                "jenis_ppnpn": pasangan(selectors.pegawai_hitung_jenis_ppnpn()),
                "pendidikan_pns": pasangan(selectors.pegawai_hitung_pendidikan(status="pns")),
                "pendidikan_ppnpn": pasangan(selectors.pegawai_hitung_pendidikan(status="ppnpn")),
                "unit": [
                    {
                        "unit": b["unit"].kode,
                        "nama": b["unit"].nama,
                        "pns": b["pns"],
                        "ppnpn": b["ppnpn"],
                        "total": b["total"],
                    }
                    for b in selectors.pegawai_hitung_unit()
                ],
                "sekretaris": sekretaris.nama if sekretaris else None,
                "ketua": ketua.nama if ketua else None,
            }
        )


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
