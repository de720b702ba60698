"""API of the badan_adhoc app. Reads need the model's view permission; writes need the model
permission and to be staff of the recruitment (403 otherwise). Applicants' NIK is masked for
everyone who is not staff of the recruitment, as on the pages and in the exports.

Each viewset's reads use its ``OutputSerializer``; each write validates a nested input
serializer, calls the service and serialises the result (HackSoft's style guide)."""

from __future__ import annotations

from django.http import FileResponse, Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response

from kpu_site.akses import IzinModelApi
from kpu_site.api import ModelSerializer, saring_id
from kpu_site.berkas import berkas_buka

from . import selectors, services
from .akses import KelolaApi, boleh_kelola, nik_untuk
from .api_impor import RekrutmenImporMixin, SeleksiRingkasanSerializer
from .api_impor import register as api_impor_register
from .dokumen import selectors as dokumen_selectors
from .dokumen import services as dokumen_services
from .models import (
    TPS,
    AnggotaBadan,
    DokumenRekrutmen,
    Pendaftar,
    Rekrutmen,
    TarifHonor,
    Wilayah,
)

IZIN = [permissions.IsAuthenticated, IzinModelApi, KelolaApi]


class WilayahSerializer(ModelSerializer):
    class Meta:
        model = Wilayah
        fields = ["id", "kode", "nama", "jenis", "induk", "kode_induk"]


class TPSSerializer(ModelSerializer):
    kode_kelurahan = serializers.CharField(source="kelurahan.kode", read_only=True)

    class Meta:
        model = TPS
        fields = ["id", "kelurahan", "kode_kelurahan", "nomor", "jumlah_dpt"]


class RekrutmenSerializer(ModelSerializer):
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


class PendaftarSerializer(ModelSerializer):
    """An applicant as the reader may see it: NIK masked and contact data blank for whoever is
    not staff of the recruitment (``nik_untuk``/``boleh_kelola``, as on the pages)."""

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
        # ``null`` for a reader who may not see personal data (``to_representation``).
        extra_kwargs = {"tanggal_lahir": {"allow_null": True}}

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


class AnggotaBadanSerializer(ModelSerializer):
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


class RekrutmenViewSet(RekrutmenImporMixin, viewsets.ReadOnlyModelViewSet):
    """Recruitments; POST creates one; the actions run the selection steps and the imports of
    applicants and scores (``api_impor``)."""

    queryset = Rekrutmen.objects.order_by("-tanggal_acuan", "kode")
    permission_classes = IZIN
    OutputSerializer = RekrutmenSerializer
    serializer_class = OutputSerializer

    class InputSerializer(ModelSerializer):
        class Meta:
            model = Rekrutmen
            ref_name = "Rekrutmen"
            fields = [
                *("kode", "nama", "jenis_badan", "pemilihan", "tanggal_acuan"),
                *("masa_kerja_mulai", "masa_kerja_selesai"),
            ]

    SeleksiOutputSerializer = SeleksiRingkasanSerializer

    class RingkasanOutputSerializer(SeleksiOutputSerializer):
        kursi = serializers.IntegerField()

        class Meta:
            ref_name = "RekrutmenRingkasan"

    class WawancaraOutputSerializer(serializers.Serializer):
        dipanggil = serializers.IntegerField()

        class Meta:
            ref_name = "WawancaraHasil"

    class PeringkatOutputSerializer(serializers.Serializer):
        terpilih = serializers.IntegerField()
        cadangan = serializers.IntegerField()

        class Meta:
            ref_name = "PeringkatHasil"

    class PenetapanInputSerializer(serializers.Serializer):
        nomor_sk = serializers.CharField(max_length=100)
        tanggal_sk = serializers.DateField()
        mulai = serializers.DateField(required=False, allow_null=True)
        selesai = serializers.DateField(required=False, allow_null=True)

        class Meta:
            ref_name = "Penetapan"

    class PenetapanOutputSerializer(serializers.Serializer):
        ditetapkan = serializers.IntegerField()

        class Meta:
            ref_name = "PenetapanHasil"

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def create(self, request, *args, **kwargs):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = services.rekrutmen_create(**masuk.validated_data, pengguna=request.user)
        return Response(self.OutputSerializer(obj).data, status=201)

    @extend_schema(responses=RingkasanOutputSerializer)
    @action(detail=True, methods=["get"])
    def ringkasan(self, request, pk=None):
        """Screening summary: ``{"jumlah", "ms", "tms", "alasan", "peringatan"}`` and seats
        (the dashboard's cached figures, exact: the cache follows every applicant write)."""
        rekrutmen = self.get_object()
        ringkasan = selectors.seleksi_ringkasan_tersimpan(rekrutmen)["data"]
        data = ringkasan | {"kursi": selectors.kursi_total(rekrutmen)}
        return Response(self.RingkasanOutputSerializer(data).data)

    @extend_schema(request=None, responses=WawancaraOutputSerializer)
    @action(detail=True, methods=["post"])
    def wawancara(self, request, pk=None):
        """Call up to 3× the seats of each wilayah to interview (PPK/PPS)."""
        n = services.wawancara_select(rekrutmen=self.get_object(), pengguna=request.user)
        return Response(self.WawancaraOutputSerializer({"dipanggil": n}).data)

    @extend_schema(request=None, responses=PeringkatOutputSerializer)
    @action(detail=True, methods=["post"])
    def peringkat(self, request, pk=None):
        """Rank every wilayah: ``{"terpilih": n, "cadangan": n}``."""
        hasil = services.peringkat_compute(rekrutmen=self.get_object(), pengguna=request.user)
        return Response(self.PeringkatOutputSerializer(hasil).data)

    @extend_schema(request=PenetapanInputSerializer, responses=PenetapanOutputSerializer)
    @action(detail=True, methods=["post"])
    def penetapan(self, request, pk=None):
        """Appoint every *terpilih* applicant not yet appointed, with the SK."""
        masuk = self.PenetapanInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        n = services.penetapan_create(
            rekrutmen=self.get_object(), **masuk.validated_data, pengguna=request.user
        )
        return Response(self.PenetapanOutputSerializer({"ditetapkan": n}).data)

    @extend_schema(request=None, responses=SeleksiOutputSerializer)
    @action(detail=True, methods=["post"])
    def seleksi(self, request, pk=None):
        """Run the administrative screening; returns the summary."""
        hasil = services.pendaftar_screen(rekrutmen=self.get_object(), pengguna=request.user)
        return Response(self.SeleksiOutputSerializer(hasil).data)


class PendaftarViewSet(viewsets.ReadOnlyModelViewSet):
    """Applicants; filter with ``?rekrutmen=<id>&status=ms|tms|belum&alasan=<kode>`` (a TMS
    reason or the warning ``usia_lebih_55``, as on the list page)."""

    permission_classes = IZIN
    pagination_class = PendaftarPagination
    queryset = Pendaftar.objects.all()
    OutputSerializer = PendaftarSerializer
    serializer_class = OutputSerializer

    class InputSerializer(ModelSerializer):
        nik = serializers.CharField(max_length=32)

        class Meta:
            model = Pendaftar
            ref_name = "Pendaftar"
            fields = [
                *("rekrutmen", "nik", "nama", "jenis_kelamin", "tempat_lahir", "tanggal_lahir"),
                *("pendidikan", "kode_domisili", "alamat", "no_hp", "email", "wilayah_tujuan"),
            ]

    class KoreksiInputSerializer(serializers.Serializer):
        koreksi_status = serializers.ChoiceField(
            choices=Pendaftar.Koreksi.choices,
            allow_blank=True,
            help_text="kosong = batalkan koreksi",
        )
        alasan = serializers.CharField()

        class Meta:
            ref_name = "Koreksi"

    class NilaiInputSerializer(serializers.Serializer):
        nilai_cat = serializers.DecimalField(
            max_digits=5,
            decimal_places=2,
            min_value=0,
            max_value=100,
            required=False,
            allow_null=True,
        )
        nilai_wawancara = serializers.DecimalField(
            max_digits=5,
            decimal_places=2,
            min_value=0,
            max_value=100,
            required=False,
            allow_null=True,
        )

        class Meta:
            ref_name = "Nilai"

    def get_queryset(self):
        qs = Pendaftar.objects.all()
        params = self.request.query_params
        qs = saring_id(qs, params, "rekrutmen")
        return selectors.pendaftar_saring_hasil(
            qs, status=params.get("status", ""), alasan=params.get("alasan", "")
        )

    def _keluar(self, pendaftar, **kwargs) -> Response:
        return Response(
            self.OutputSerializer(pendaftar, context={"request": self.request}).data, **kwargs
        )

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def create(self, request, *args, **kwargs):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        data = dict(masuk.validated_data)
        rekrutmen = data.pop("rekrutmen")
        pendaftar = services.pendaftar_create(rekrutmen=rekrutmen, data=data, pengguna=request.user)
        return self._keluar(pendaftar, status=201)

    @extend_schema(request=InputSerializer, responses=OutputSerializer)
    def update(self, request, *args, partial: bool = False, **kwargs):
        pendaftar = self.get_object()
        masuk = self.InputSerializer(pendaftar, data=request.data, partial=partial)
        masuk.is_valid(raise_exception=True)
        data = dict(masuk.validated_data)
        data.pop("rekrutmen", None)
        pendaftar = services.pendaftar_update(pendaftar=pendaftar, data=data, pengguna=request.user)
        return self._keluar(pendaftar)

    @extend_schema(request=InputSerializer, responses=OutputSerializer)
    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    @extend_schema(request=KoreksiInputSerializer, responses=OutputSerializer)
    @action(detail=True, methods=["post"])
    def koreksi(self, request, pk=None):
        """Staff override of the screening result, with a written reason (audited)."""
        pendaftar = self.get_object()
        masuk = self.KoreksiInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        pendaftar = services.pendaftar_override(
            pendaftar=pendaftar,
            status=masuk.validated_data["koreksi_status"],
            alasan=masuk.validated_data["alasan"],
            pengguna=request.user,
        )
        return self._keluar(pendaftar)

    @extend_schema(request=NilaiInputSerializer, responses=OutputSerializer)
    @action(detail=True, methods=["post"])
    def nilai(self, request, pk=None):
        """Enter the CAT and/or interview score of one applicant."""
        masuk = self.NilaiInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        pendaftar = services.nilai_set(
            pendaftar=self.get_object(), **masuk.validated_data, pengguna=request.user
        )
        return self._keluar(pendaftar)


class AnggotaBadanViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = AnggotaBadan.objects.order_by("rekrutmen", "wilayah__kode", "jabatan", "nama")
    permission_classes = IZIN
    OutputSerializer = AnggotaBadanSerializer
    serializer_class = OutputSerializer

    class PAWInputSerializer(serializers.Serializer):
        alasan_berhenti = serializers.ChoiceField(choices=AnggotaBadan.AlasanBerhenti.choices)
        tanggal_berhenti = serializers.DateField()
        keterangan = serializers.CharField(required=False, allow_blank=True, default="")
        nomor_sk = serializers.CharField(max_length=100)
        tanggal_sk = serializers.DateField()

        class Meta:
            ref_name = "PAW"

    @extend_schema(request=PAWInputSerializer, responses=OutputSerializer)
    @action(detail=True, methods=["post"])
    def paw(self, request, pk=None):
        """PAW: the member stops and the next reserve of the same wilayah takes the seat."""
        masuk = self.PAWInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        data = dict(masuk.validated_data)
        pengganti = services.paw_create(
            anggota=self.get_object(),
            alasan=data.pop("alasan_berhenti"),
            **data,
            pengguna=request.user,
        )
        return Response(self.OutputSerializer(pengganti).data)


class TarifHonorSerializer(ModelSerializer):
    class Meta:
        model = TarifHonor
        fields = ["id", "jenis_badan", "jabatan", "tahun", "besaran", "dasar"]


class TarifHonorViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = TarifHonor.objects.all()
    serializer_class = TarifHonorSerializer
    permission_classes = IZIN


class DokumenParameterSerializer(serializers.Serializer):
    tahap = serializers.CharField(required=False, help_text="administrasi | akhir")
    kecamatan = serializers.IntegerField(
        required=False, allow_null=True, help_text="id kecamatan; kosong = semua wilayah"
    )

    class Meta:
        ref_name = "DokumenRekrutmenParameter"


class DokumenIsiZipSerializer(serializers.Serializer):
    nama = serializers.CharField()
    kecamatan = serializers.CharField()
    halaman = serializers.IntegerField()

    class Meta:
        ref_name = "DokumenRekrutmenIsiZip"


class DokumenMetaSerializer(serializers.Serializer):
    baris = serializers.IntegerField(required=False, help_text="baris pendaftar (Excel)")
    isi = serializers.ListField(
        child=DokumenIsiZipSerializer(), required=False, help_text="berkas dalam ZIP"
    )

    class Meta:
        ref_name = "DokumenRekrutmenMeta"


class DokumenRekrutmenViewSet(viewsets.ReadOnlyModelViewSet):
    """A recruitment's documents rendered in the background (``?rekrutmen=``): read them and
    their progress, request one (POST; the same document over unchanged data gives back the
    existing job with 200 instead of 201), publish an announcement, download the stored file
    (audited). Kinds with NIK are listed for the recruitment's staff only."""

    permission_classes = IZIN
    queryset = DokumenRekrutmen.objects.none()

    class InputSerializer(serializers.Serializer):
        rekrutmen = serializers.PrimaryKeyRelatedField(queryset=Rekrutmen.objects.all())
        jenis = serializers.CharField(
            max_length=40, help_text="pengumuman_pdf | pengumuman_xlsx | pengumuman_zip"
        )
        tahap = serializers.ChoiceField(
            choices=["administrasi", "tes", "akhir"], required=False, default="administrasi"
        )
        kecamatan = serializers.IntegerField(
            required=False, allow_null=True, min_value=1, max_value=2**63 - 1
        )
        anggota = serializers.IntegerField(
            required=False, min_value=1, max_value=2**63 - 1, help_text="sk_paw: id pengganti"
        )

        class Meta:
            ref_name = "MintaDokumenRekrutmen"

    class OutputSerializer(serializers.ModelSerializer):
        status = serializers.CharField(
            read_only=True, help_text="antri | diproses | selesai | gagal"
        )
        status_label = serializers.CharField(source="get_status_display", read_only=True)
        diminta_oleh = serializers.StringRelatedField(allow_null=True)
        diterbitkan_oleh = serializers.StringRelatedField(allow_null=True)
        parameter = DokumenParameterSerializer(read_only=True)
        meta = DokumenMetaSerializer(read_only=True)

        class Meta:
            model = DokumenRekrutmen
            ref_name = "DokumenRekrutmen"
            fields = [
                "id", "rekrutmen", "jenis", "parameter", "judul", "status", "status_label",
                "progres", "tahap", "diminta_oleh", "diminta_pada", "selesai_pada", "percobaan",
                "sha256", "ukuran", "jumlah_halaman", "meta", "pesan_galat", "pendaftar_versi",
                "diterbitkan_pada", "diterbitkan_oleh", "diganti_oleh",
            ]  # fmt: skip
            read_only_fields = fields

    class ProgresOutputSerializer(serializers.ModelSerializer):
        status = serializers.CharField(
            read_only=True, help_text="antri | diproses | selesai | gagal"
        )

        class Meta:
            model = DokumenRekrutmen
            ref_name = "DokumenRekrutmenProgres"
            fields = ["id", "status", "progres", "tahap", "pesan_galat", "sha256"]
            read_only_fields = fields

    serializer_class = OutputSerializer

    def get_queryset(self):
        qs = dokumen_selectors.dokumen_qs(self.request.user).order_by("-diminta_pada", "-pk")
        return saring_id(qs, self.request.query_params, "rekrutmen")

    @extend_schema(
        request=InputSerializer, responses={200: OutputSerializer, 201: OutputSerializer}
    )
    def create(self, request, *args, **kwargs):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        data = masuk.validated_data
        dokumen, baru = dokumen_services.dokumen_request(
            rekrutmen=data["rekrutmen"],
            jenis=data["jenis"],
            parameter={"tahap": data["tahap"], "kecamatan": data.get("kecamatan")}
            | ({"anggota": data["anggota"]} if "anggota" in data else {}),
            pengguna=request.user,
        )
        dokumen.refresh_from_db()
        return Response(self.OutputSerializer(dokumen).data, status=201 if baru else 200)

    @extend_schema(responses=ProgresOutputSerializer)
    @action(detail=True, methods=["get"])
    def progres(self, request, pk=None):
        return Response(self.ProgresOutputSerializer(self.get_object()).data)

    @extend_schema(request=None, responses=OutputSerializer)
    @action(detail=True, methods=["post"])
    def terbitkan(self, request, pk=None):
        dokumen = dokumen_services.dokumen_publish(dokumen=self.get_object(), pengguna=request.user)
        return Response(self.OutputSerializer(dokumen).data)

    class NomoriInputSerializer(serializers.Serializer):
        tanggal = serializers.DateField(required=False, allow_null=True)
        penandatangan = serializers.CharField(required=False, allow_blank=True, max_length=200)

    @extend_schema(request=NomoriInputSerializer, responses={201: OutputSerializer})
    @action(detail=True, methods=["post"])
    def nomori(self, request, pk=None):
        """Issue the document with its official number (``dokumen.penomoran``): 201 with the
        new issue (rendered in the background)."""
        from .dokumen.penomoran import dokumen_terbitkan_bernomor

        data = self.NomoriInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        terbit = dokumen_terbitkan_bernomor(
            dokumen=self.get_object(),
            pengguna=request.user,
            tanggal=data.validated_data.get("tanggal"),
            penandatangan=data.validated_data.get("penandatangan", ""),
        )
        return Response(self.OutputSerializer(terbit).data, status=201)

    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def unduh(self, request, pk=None):
        dokumen = self.get_object()
        if not dokumen.dapat_diunduh:
            raise Http404("Berkas dokumen belum tersedia.")
        berkas = berkas_buka(dokumen.berkas)
        dokumen_services.dokumen_unduhan_record(dokumen=dokumen, pengguna=request.user)
        return FileResponse(
            berkas,
            as_attachment=True,
            filename=dokumen_services.nama_berkas(dokumen),
        )


def register(router) -> None:
    """Register this app's viewsets on ``router``."""
    router.register("adhoc/wilayah", WilayahViewSet, basename="badan_adhoc-wilayah")
    router.register("adhoc/tps", TPSViewSet, basename="badan_adhoc-tps")
    router.register("adhoc/rekrutmen", RekrutmenViewSet, basename="badan_adhoc-rekrutmen")
    router.register("adhoc/pendaftar", PendaftarViewSet, basename="badan_adhoc-pendaftar")
    router.register("adhoc/anggota", AnggotaBadanViewSet, basename="badan_adhoc-anggotabadan")
    router.register("adhoc/tarif-honor", TarifHonorViewSet, basename="badan_adhoc-tarifhonor")
    router.register(
        "adhoc/dokumen", DokumenRekrutmenViewSet, basename="badan_adhoc-dokumenrekrutmen"
    )
    from .api_tanggapan import TanggapanViewSet  # its module imports this one

    router.register("adhoc/tanggapan", TanggapanViewSet, basename="badan_adhoc-tanggapan")
    from .api_pola import PolaNomorViewSet

    router.register("adhoc/pola-nomor", PolaNomorViewSet, basename="badan_adhoc-polanomor")
    api_berkas_register(router)
    api_impor_register(router)


from .api_berkas import register as api_berkas_register  # noqa: E402  (its own module)
