"""API of the badan_adhoc app. Reads need the model's view permission; writes need the model
permission and to be staff of the recruitment (403 otherwise). Applicants' NIK is masked for
everyone who is not staff of the recruitment, as on the pages and in the exports."""

from __future__ import annotations

from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response

from kpu_site.akses import IzinModelApi

from . import selectors, services
from .akses import boleh_kelola, nik_untuk
from .models import TPS, AnggotaBadan, Pendaftar, Rekrutmen, TarifHonor, Wilayah


class KelolaApi(permissions.BasePermission):
    message = "Hanya Sekretaris, Admin, dan Sub Bagian Teknis yang dapat mengelola rekrutmen."

    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS or boleh_kelola(request.user)


IZIN = [permissions.IsAuthenticated, IzinModelApi, KelolaApi]


class WilayahSerializer(serializers.ModelSerializer):
    class Meta:
        model = Wilayah
        fields = ["id", "kode", "nama", "jenis", "induk", "kode_induk"]


class TPSSerializer(serializers.ModelSerializer):
    kode_kelurahan = serializers.CharField(source="kelurahan.kode", read_only=True)

    class Meta:
        model = TPS
        fields = ["id", "kelurahan", "kode_kelurahan", "nomor", "jumlah_dpt"]


class RekrutmenSerializer(serializers.ModelSerializer):
    class Meta:
        model = Rekrutmen
        fields = [
            "id",
            "kode",
            "nama",
            "jenis_badan",
            "pemilihan",
            "tanggal_acuan",
            "masa_kerja_mulai",
            "masa_kerja_selesai",
            "kursi_per_satuan",
            "diseleksi_pada",
        ]
        read_only_fields = ["kursi_per_satuan", "diseleksi_pada"]


class PendaftarSerializer(serializers.ModelSerializer):
    nik = serializers.CharField(max_length=32)
    alasan_tms = serializers.SerializerMethodField()
    peringatan = serializers.SerializerMethodField()

    class Meta:
        model = Pendaftar
        fields = [
            "id",
            "rekrutmen",
            "nik",
            "nama",
            "jenis_kelamin",
            "tempat_lahir",
            "tanggal_lahir",
            "pendidikan",
            "kode_domisili",
            "alamat",
            "no_hp",
            "email",
            "wilayah_tujuan",
            "status_administrasi",
            "alasan_tms",
            "peringatan",
            "koreksi_status",
            "koreksi_alasan",
            "nilai_cat",
            "nilai_wawancara",
            "peringkat",
            "hasil_akhir",
        ]
        read_only_fields = [
            "status_administrasi",
            "koreksi_status",
            "koreksi_alasan",
            "nilai_cat",
            "nilai_wawancara",
            "peringkat",
            "hasil_akhir",
        ]

    def get_alasan_tms(self, obj) -> list[str]:
        return [k for k, _ in obj.alasan_list()]

    def get_peringatan(self, obj) -> list[str]:
        return [k for k, _ in obj.peringatan_list()]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        user = self.context["request"].user
        data["nik"] = nik_untuk(user, instance.nik)
        if not boleh_kelola(user):
            data["no_hp"] = data["email"] = data["alamat"] = ""
            data["tanggal_lahir"] = None
        return data


class KoreksiSerializer(serializers.Serializer):
    koreksi_status = serializers.ChoiceField(
        choices=Pendaftar.Koreksi.choices, allow_blank=True, help_text="kosong = batalkan koreksi"
    )
    alasan = serializers.CharField()


class KosongSerializer(serializers.Serializer):
    """No input."""


class NilaiSerializer(serializers.Serializer):
    nilai_cat = serializers.DecimalField(
        max_digits=5, decimal_places=2, min_value=0, max_value=100, required=False, allow_null=True
    )
    nilai_wawancara = serializers.DecimalField(
        max_digits=5, decimal_places=2, min_value=0, max_value=100, required=False, allow_null=True
    )


class PenetapanSerializer(serializers.Serializer):
    nomor_sk = serializers.CharField(max_length=100)
    tanggal_sk = serializers.DateField()
    mulai = serializers.DateField(required=False, allow_null=True)
    selesai = serializers.DateField(required=False, allow_null=True)


class PAWSerializer(serializers.Serializer):
    alasan_berhenti = serializers.ChoiceField(choices=AnggotaBadan.AlasanBerhenti.choices)
    tanggal_berhenti = serializers.DateField()
    keterangan = serializers.CharField(required=False, allow_blank=True, default="")
    nomor_sk = serializers.CharField(max_length=100)
    tanggal_sk = serializers.DateField()


class PendaftarPagination(CursorPagination):
    ordering = "id"
    page_size = 50


class WilayahViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Wilayah.objects.order_by("kode")
    serializer_class = WilayahSerializer
    permission_classes = IZIN


class TPSViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = TPS.objects.select_related("kelurahan").order_by("kelurahan__kode", "nomor")
    serializer_class = TPSSerializer
    permission_classes = IZIN


class RekrutmenViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Rekrutmen.objects.order_by("-tanggal_acuan", "kode")
    serializer_class = RekrutmenSerializer
    permission_classes = IZIN

    def perform_create(self, serializer):
        serializer.instance = services.rekrutmen_create(
            **serializer.validated_data, pengguna=self.request.user
        )

    @action(detail=True, methods=["get"])
    def ringkasan(self, request, pk=None):
        """Screening summary: ``{"jumlah", "ms", "tms", "alasan", "peringatan"}`` and seats
        (the dashboard's cached figures, exact: the cache follows every applicant write)."""
        rekrutmen = self.get_object()
        ringkasan = selectors.seleksi_ringkasan_tersimpan(rekrutmen)["data"]
        return Response(ringkasan | {"kursi": selectors.kursi_total(rekrutmen)})

    @action(detail=True, methods=["post"], serializer_class=KosongSerializer)
    def wawancara(self, request, pk=None):
        """Call up to 3× the seats of each wilayah to interview (PPK/PPS)."""
        n = services.wawancara_select(rekrutmen=self.get_object(), pengguna=request.user)
        return Response({"dipanggil": n})

    @action(detail=True, methods=["post"], serializer_class=KosongSerializer)
    def peringkat(self, request, pk=None):
        """Rank every wilayah: ``{"terpilih": n, "cadangan": n}``."""
        return Response(
            services.peringkat_compute(rekrutmen=self.get_object(), pengguna=request.user)
        )

    @action(detail=True, methods=["post"], serializer_class=PenetapanSerializer)
    def penetapan(self, request, pk=None):
        """Appoint every *terpilih* applicant not yet appointed, with the SK."""
        masuk = PenetapanSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        n = services.penetapan_create(
            rekrutmen=self.get_object(), **masuk.validated_data, pengguna=request.user
        )
        return Response({"ditetapkan": n})

    @action(detail=True, methods=["post"], serializer_class=KosongSerializer)
    def seleksi(self, request, pk=None):
        """Run the administrative screening; returns the summary."""
        rekrutmen = self.get_object()
        return Response(services.pendaftar_screen(rekrutmen=rekrutmen, pengguna=request.user))


class PendaftarViewSet(
    mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet
):
    """Applicants; filter with ``?rekrutmen=<id>&status=ms|tms|belum&alasan=<kode>`` (a TMS
    reason or the warning ``usia_lebih_55``, as on the list page)."""

    serializer_class = PendaftarSerializer
    permission_classes = IZIN
    pagination_class = PendaftarPagination
    queryset = Pendaftar.objects.all()

    def get_queryset(self):
        qs = Pendaftar.objects.all()
        params = self.request.query_params
        if params.get("rekrutmen", "").isdigit():
            qs = qs.filter(rekrutmen_id=int(params["rekrutmen"]))
        return selectors.pendaftar_saring_hasil(
            qs, status=params.get("status", ""), alasan=params.get("alasan", "")
        )

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        rekrutmen = data.pop("rekrutmen")
        serializer.instance = services.pendaftar_create(
            rekrutmen=rekrutmen, data=data, pengguna=self.request.user
        )

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        data.pop("rekrutmen", None)
        serializer.instance = services.pendaftar_update(
            pendaftar=serializer.instance, data=data, pengguna=self.request.user
        )

    @action(detail=True, methods=["post"], serializer_class=KoreksiSerializer)
    def koreksi(self, request, pk=None):
        """Staff override of the screening result, with a written reason (audited)."""
        pendaftar = self.get_object()
        masuk = KoreksiSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        pendaftar = services.pendaftar_override(
            pendaftar=pendaftar,
            status=masuk.validated_data["koreksi_status"],
            alasan=masuk.validated_data["alasan"],
            pengguna=request.user,
        )
        return Response(PendaftarSerializer(pendaftar, context={"request": request}).data)

    @action(detail=True, methods=["post"], serializer_class=NilaiSerializer)
    def nilai(self, request, pk=None):
        """Enter the CAT and/or interview score of one applicant."""
        masuk = NilaiSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        pendaftar = services.nilai_set(
            pendaftar=self.get_object(), **masuk.validated_data, pengguna=request.user
        )
        return Response(PendaftarSerializer(pendaftar, context={"request": request}).data)


class AnggotaBadanSerializer(serializers.ModelSerializer):
    class Meta:
        model = AnggotaBadan
        fields = [
            "id",
            "rekrutmen",
            "pendaftar",
            "nama",
            "wilayah",
            "jabatan",
            "nomor_sk",
            "tanggal_sk",
            "mulai",
            "selesai",
            "status",
            "alasan_berhenti",
            "tanggal_berhenti",
            "menggantikan",
        ]


class AnggotaBadanViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = AnggotaBadan.objects.order_by("rekrutmen", "wilayah__kode", "jabatan", "nama")
    serializer_class = AnggotaBadanSerializer
    permission_classes = IZIN

    @action(detail=True, methods=["post"], serializer_class=PAWSerializer)
    def paw(self, request, pk=None):
        """PAW: the member stops and the next reserve of the same wilayah takes the seat."""
        masuk = PAWSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        data = dict(masuk.validated_data)
        pengganti = services.paw_create(
            anggota=self.get_object(),
            alasan=data.pop("alasan_berhenti"),
            **data,
            pengguna=request.user,
        )
        return Response(AnggotaBadanSerializer(pengganti).data)


class TarifHonorSerializer(serializers.ModelSerializer):
    class Meta:
        model = TarifHonor
        fields = ["id", "jenis_badan", "jabatan", "tahun", "besaran", "dasar"]


class TarifHonorViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = TarifHonor.objects.all()
    serializer_class = TarifHonorSerializer
    permission_classes = IZIN


def register(router) -> None:
    """Register this app's viewsets on ``router``."""
    router.register("adhoc/wilayah", WilayahViewSet, basename="badan_adhoc-wilayah")
    router.register("adhoc/tps", TPSViewSet, basename="badan_adhoc-tps")
    router.register("adhoc/rekrutmen", RekrutmenViewSet, basename="badan_adhoc-rekrutmen")
    router.register("adhoc/pendaftar", PendaftarViewSet, basename="badan_adhoc-pendaftar")
    router.register("adhoc/anggota", AnggotaBadanViewSet, basename="badan_adhoc-anggotabadan")
    router.register("adhoc/tarif-honor", TarifHonorViewSet, basename="badan_adhoc-tarifhonor")
