"""API of the anggaran app: read by every role, written by Sekretaris and Sub Bagian Keuangan.

Writes go through the same services as the pages (a broken rule is a 400 with the Indonesian
message; a user outside Keuangan gets 403).
"""

from __future__ import annotations

from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_serializer,
)
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from kpu_site.akses import IzinModelApi
from kpu_site.api import (
    IdField,
    KesalahanImporSerializer,
    ModelSerializer,
    TahunField,
    impor_berkas_api,
    saring_id,
)
from kpu_site.impor_halaman import profil_serializer_field
from kpu_site.parsers import ObjekJSONParser

from . import selectors, services
from .akses import IzinTulisAnggaranApi
from .impor import realisasi_impor, realisasi_impor_periksa
from .impor_dipa import dipa_impor, dipa_impor_periksa, revisi_impor, revisi_impor_periksa
from .models import DokumenAnggaran, Pos, Realisasi, Revisi

IZIN = [IsAuthenticated, IzinModelApi, IzinTulisAnggaranApi]


def _lembar_rpd_field() -> serializers.CharField:
    return serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=100,
        help_text="Lembar RPD (KODE dan kolom JAN … DES) di berkas yang sama; kosong: kolom "
        "bulan di lembar POK, bila ada.",
    )


def _uang(**kwargs) -> serializers.DecimalField:
    """An amount or a percentage as text with two decimals (``"0.00"``, not ``"0"``)."""
    return serializers.DecimalField(max_digits=None, decimal_places=2, allow_null=True, **kwargs)


def _rpd_data(rpd: dict) -> list[dict]:
    """The RPD read from a sheet, month by month (empty: the sheet gives none)."""
    return [{"bulan": b, "nilai": v} for b, v in sorted(rpd.items())]


class RpdImporSerializer(serializers.Serializer):
    """One month of the RPD (halaman III) read from the sheet."""

    bulan = serializers.IntegerField()
    nilai = _uang()

    class Meta:
        ref_name = "AnggaranRpdImpor"


# --- shared output serializers ------------------------------------------------------------


class AnggaranDokumenSerializer(ModelSerializer):
    class Meta:
        model = DokumenAnggaran
        fields = [
            "id",
            "jenis",
            "tahun",
            "nomor",
            "tanggal",
            "uraian",
            "pemberi",
            "terkunci",
            "dikunci_pada",
        ]
        read_only_fields = ["terkunci", "dikunci_pada"]


class _TabelSerializer(serializers.Serializer):
    """The lines and totals of a ``tabel_3_1``/``laporan_hibah`` table."""

    class BarisSerializer(serializers.Serializer):
        nomor = serializers.CharField()
        tingkat = serializers.CharField()
        kode = serializers.CharField()
        uraian = serializers.CharField()
        pagu = _uang()
        realisasi = _uang()
        sisa = _uang()
        serapan = _uang()
        pos_id = serializers.IntegerField()

        class Meta:
            ref_name = "AnggaranLaporanBaris"

    baris = BarisSerializer(many=True)
    total_pagu = _uang()
    total_realisasi = _uang()
    total_sisa = _uang()
    serapan = _uang()


# --- viewsets -----------------------------------------------------------------------------


class DokumenViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """DIPA and hibah documents. ``pohon``: the tree with figures (``?revisi=N``);
    ``bulanan``: monthly realisasi vs RPD; ``kunci`` (POST, Sekretaris); ``impor`` (POST file)."""

    queryset = DokumenAnggaran.objects.all().order_by("-tahun", "jenis", "nomor")
    permission_classes = IZIN
    OutputSerializer = AnggaranDokumenSerializer
    serializer_class = OutputSerializer

    class InputSerializer(ModelSerializer):
        tahun = TahunField()

        class Meta:
            model = DokumenAnggaran
            ref_name = "AnggaranDokumen"
            fields = ["jenis", "tahun", "nomor", "tanggal", "uraian", "pemberi"]

    class UbahInputSerializer(serializers.Serializer):
        nomor = serializers.CharField(max_length=100)
        tanggal = serializers.DateField()
        uraian = serializers.CharField(max_length=300)
        pemberi = serializers.CharField(
            max_length=200, required=False, allow_blank=True, default=""
        )

        class Meta:
            ref_name = "AnggaranDokumenUbah"

    class PohonOutputSerializer(serializers.Serializer):
        class SimpulSerializer(serializers.Serializer):
            id = serializers.IntegerField(source="pos.id")
            induk = serializers.IntegerField(source="pos.induk_id", allow_null=True)
            tingkat = serializers.CharField(source="pos.tingkat")
            kode = serializers.CharField(source="pos.kode")
            kode_lengkap = serializers.CharField(source="pos.kode_lengkap")
            uraian = serializers.CharField(source="pos.uraian")
            kedalaman = serializers.IntegerField()
            volume = _uang()
            satuan = serializers.CharField(source="pos.satuan")
            harga = _uang()
            pagu = _uang()
            realisasi = _uang()
            sisa = _uang()
            serapan = _uang()

            class Meta:
                ref_name = "AnggaranPohonPos"

        dokumen = AnggaranDokumenSerializer()
        revisi = serializers.IntegerField(source="revisi.nomor", allow_null=True)
        pagu = _uang(source="pohon.pagu")
        realisasi = _uang(source="pohon.realisasi")
        sisa = _uang(source="pohon.sisa")
        serapan = _uang(source="pohon.serapan")
        pos = SimpulSerializer(source="pohon.urut", many=True)

        class Meta:
            ref_name = "AnggaranPohon"

    class BulananOutputSerializer(serializers.Serializer):
        class BulanSerializer(serializers.Serializer):
            bulan = serializers.IntegerField()
            rpd = _uang()
            realisasi = _uang()
            deviasi = _uang()
            rpd_kumulatif = _uang()
            realisasi_kumulatif = _uang()
            serapan_kumulatif = _uang()

            class Meta:
                ref_name = "AnggaranBulan"

        pagu = _uang()
        rata_rata_deviasi = _uang()
        nilai_ikpa_deviasi = _uang()
        bulan = BulanSerializer(source="baris", many=True)

        class Meta:
            ref_name = "AnggaranBulanan"

    class ImporInputSerializer(serializers.Serializer):
        berkas = serializers.FileField()
        profil = profil_serializer_field()
        pratinjau = serializers.BooleanField(
            default=False, help_text="Hanya periksa (tidak menyimpan apa pun)."
        )

        class Meta:
            ref_name = "AnggaranImpor"

    class ImporOutputSerializer(serializers.Serializer):
        disimpan = serializers.SerializerMethodField()
        jumlah_baris = serializers.SerializerMethodField()
        jumlah_dilewati = serializers.SerializerMethodField()
        total_nilai = _uang()
        kesalahan = KesalahanImporSerializer(many=True)

        class Meta:
            ref_name = "AnggaranImporHasil"

        def get_disimpan(self, hasil) -> bool:
            return hasil.impor is not None

        def get_jumlah_baris(self, hasil) -> int:
            return len(hasil.baris)

        def get_jumlah_dilewati(self, hasil) -> int:
            return len(hasil.dilewati)

    class ImporDipaInputSerializer(serializers.Serializer):
        tahun = TahunField()
        nomor = serializers.CharField(max_length=100)
        tanggal = serializers.DateField()
        uraian = serializers.CharField(max_length=300, required=False, default="")
        berkas = serializers.FileField(help_text="POK/DIPA dari SAKTI (XLSX atau CSV).")
        pratinjau = serializers.BooleanField(
            default=False, help_text="Hanya periksa (tidak menyimpan apa pun)."
        )
        profil = profil_serializer_field()
        lembar_rpd = _lembar_rpd_field()

        class Meta:
            ref_name = "AnggaranImporDipa"

    class ImporDipaOutputSerializer(serializers.Serializer):
        class ProgramSerializer(serializers.Serializer):
            kode = serializers.CharField()
            uraian = serializers.CharField()
            pagu = _uang()

            class Meta:
                ref_name = "AnggaranImporDipaProgram"

        dokumen = serializers.SerializerMethodField()
        jumlah_baris = serializers.SerializerMethodField()
        jumlah_detail = serializers.SerializerMethodField()
        total_pagu = _uang(source="total")
        program = serializers.SerializerMethodField()
        rpd = serializers.SerializerMethodField()
        kesalahan = KesalahanImporSerializer(many=True)

        class Meta:
            ref_name = "AnggaranImporDipaHasil"

        @extend_schema_field(RpdImporSerializer(many=True))
        def get_rpd(self, hasil):
            return RpdImporSerializer(_rpd_data(hasil.rpd), many=True).data

        def get_dokumen(self, hasil) -> int | None:
            return hasil.dokumen.pk if hasil.dokumen else None

        def get_jumlah_baris(self, hasil) -> int:
            return len(hasil.baris)

        def get_jumlah_detail(self, hasil) -> int:
            return len(hasil.detail)

        @extend_schema_field(ProgramSerializer(many=True))
        def get_program(self, hasil):
            if hasil.kesalahan:
                return []
            program = [
                {"kode": b.kode_lengkap, "uraian": b.uraian, "pagu": pagu}
                for b, pagu in hasil.ringkasan("program")
            ]
            return self.ProgramSerializer(program, many=True).data

    class RevisiImporInputSerializer(serializers.Serializer):
        berkas = serializers.FileField(help_text="POK/DIPA revisi seluruhnya (XLSX atau CSV).")
        tanggal = serializers.DateField()
        alasan = serializers.CharField(max_length=500)
        dihitung_ikpa = serializers.BooleanField(
            default=True, help_text="Dihitung dalam indikator IKPA revisi DIPA."
        )
        profil = profil_serializer_field()
        lembar_rpd = _lembar_rpd_field()
        pratinjau = serializers.BooleanField(
            default=False, help_text="Hanya tampilkan bedanya (tidak menyimpan apa pun)."
        )

        class Meta:
            ref_name = "AnggaranRevisiImpor"

    class RevisiImporOutputSerializer(serializers.Serializer):
        class BedaSerializer(serializers.Serializer):
            kode_lengkap = serializers.CharField()
            status = serializers.ChoiceField(choices=["tambah", "hapus", "ubah", "uraian"])
            uraian = serializers.CharField()
            uraian_lama = serializers.CharField(help_text="Kosong: uraian tidak berubah.")
            volume_lama = _uang()
            harga_lama = _uang()
            pagu_lama = _uang()
            volume_baru = _uang()
            harga_baru = _uang()
            pagu_baru = _uang()
            selisih = _uang()

            class Meta:
                ref_name = "AnggaranRevisiImporBeda"

        revisi = serializers.SerializerMethodField()
        nomor_revisi = serializers.SerializerMethodField()
        revisi_lalu = serializers.SerializerMethodField()
        total_pagu = _uang(source="total")
        beda = BedaSerializer(many=True)
        rpd = serializers.SerializerMethodField()
        rpd_berubah = serializers.BooleanField()
        kesalahan = KesalahanImporSerializer(many=True)

        class Meta:
            ref_name = "AnggaranRevisiImporHasil"

        @extend_schema_field(RpdImporSerializer(many=True))
        def get_rpd(self, hasil):
            return RpdImporSerializer(_rpd_data(hasil.rpd), many=True).data

        def get_revisi(self, hasil) -> int | None:
            return hasil.revisi.pk if hasil.revisi else None

        def get_nomor_revisi(self, hasil) -> int | None:
            return hasil.revisi.nomor if hasil.revisi else None

        def get_revisi_lalu(self, hasil) -> int | None:
            return hasil.revisi_lalu.nomor if hasil.revisi_lalu else None

    def get_queryset(self):
        qs = super().get_queryset()
        tahun = self.request.query_params.get("tahun")
        if tahun and tahun.isdigit():
            qs = qs.filter(tahun=int(tahun))
        return qs

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def create(self, request, *args, **kwargs):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        dokumen = services.dokumen_create(pengguna=request.user, **masuk.validated_data)
        return Response(self.OutputSerializer(dokumen).data, status=201)

    @extend_schema(request=UbahInputSerializer, responses=OutputSerializer)
    def update(self, request, *args, **kwargs):
        dokumen = self.get_object()
        data = {
            "nomor": dokumen.nomor,
            "tanggal": dokumen.tanggal,
            "uraian": dokumen.uraian,
            "pemberi": dokumen.pemberi,
        }
        masuk = self.UbahInputSerializer(data={**data, **request.data})
        masuk.is_valid(raise_exception=True)
        dokumen = services.dokumen_update(
            pengguna=request.user, dokumen=dokumen, **masuk.validated_data
        )
        return Response(self.OutputSerializer(dokumen).data)

    @extend_schema(request=UbahInputSerializer, responses=OutputSerializer)
    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, **kwargs)

    def _revisi(self, dokumen):
        return selectors.revisi_pilih(
            dokumen=dokumen, nomor=self.request.query_params.get("revisi")
        )

    @extend_schema(
        parameters=[OpenApiParameter("revisi", int, description="Nomor revisi (default terakhir)")],
        responses=PohonOutputSerializer,
    )
    @action(detail=True, methods=["get"])
    def pohon(self, request, pk=None):
        dokumen = self.get_object()
        revisi = self._revisi(dokumen)
        pohon = selectors.pohon_anggaran(dokumen=dokumen, revisi=revisi)
        data = {"dokumen": dokumen, "revisi": revisi, "pohon": pohon}
        return Response(self.PohonOutputSerializer(data).data)

    @extend_schema(
        parameters=[OpenApiParameter("revisi", int, description="Nomor revisi (default terakhir)")],
        responses=BulananOutputSerializer,
    )
    @action(detail=True, methods=["get"])
    def bulanan(self, request, pk=None):
        dokumen = self.get_object()
        bulanan = selectors.realisasi_bulanan(dokumen=dokumen, revisi=self._revisi(dokumen))
        return Response(self.BulananOutputSerializer(bulanan).data)

    @extend_schema(request=None, responses=OutputSerializer)
    @action(detail=True, methods=["post"])
    def kunci(self, request, pk=None):
        dokumen = services.dokumen_lock(dokumen=self.get_object(), pengguna=request.user)
        return Response(self.OutputSerializer(dokumen).data)

    @extend_schema(request=ImporInputSerializer, responses=ImporOutputSerializer)
    @action(
        detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser, ObjekJSONParser]
    )
    def impor(self, request, pk=None):
        dokumen = self.get_object()
        masuk = self.ImporInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        hasil = impor_api(
            pengguna=request.user,
            dokumen=dokumen,
            berkas=masuk.validated_data["berkas"],
            pratinjau=masuk.validated_data["pratinjau"],
            periksa=realisasi_impor_periksa,
            impor=realisasi_impor,
            jenis="realisasi",
            profil=masuk.validated_data["profil"],
        )
        return Response(self.ImporOutputSerializer(hasil).data)

    @extend_schema(
        request=ImporDipaInputSerializer,
        responses={200: ImporDipaOutputSerializer, 201: ImporDipaOutputSerializer},
    )
    @action(
        detail=False,
        methods=["post"],
        url_path="impor-dipa",
        parser_classes=[MultiPartParser, FormParser, ObjekJSONParser],
    )
    def impor_dipa(self, request):
        """A new DIPA from a SAKTI POK sheet (``anggaran.impor_dipa``); ``pratinjau`` only
        checks (200 with the totals per program and every problem); a bad file or row is a 400
        listing every one, nothing written."""
        masuk = self.ImporDipaInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        data = dict(masuk.validated_data)
        berkas, pratinjau, profil = data.pop("berkas"), data.pop("pratinjau"), data.pop("profil")
        if pratinjau:
            hasil = impor_berkas_api(
                berkas,
                jenis="dipa",
                profil=profil,
                jalankan=lambda **kw: dipa_impor_periksa(
                    tahun=data["tahun"], lembar_rpd=data["lembar_rpd"], **kw
                ),
            )
            return Response(self.ImporDipaOutputSerializer(hasil).data)
        hasil = impor_berkas_api(
            berkas,
            jenis="dipa",
            profil=profil,
            jalankan=lambda **kw: dipa_impor(pengguna=request.user, **kw, **data),
        )
        return Response(self.ImporDipaOutputSerializer(hasil).data, status=201)

    @extend_schema(
        request=RevisiImporInputSerializer,
        responses={200: RevisiImporOutputSerializer, 201: RevisiImporOutputSerializer},
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="revisi-impor",
        parser_classes=[MultiPartParser, FormParser, ObjekJSONParser],
    )
    def revisi_impor(self, request, pk=None):
        """The next revision from the whole revised POK sheet (``anggaran.impor_dipa``):
        ``pratinjau`` returns the difference from the revision in force (lines added, removed,
        changed with pagu before and after, uraian changed) and every problem, nothing written
        (200); otherwise 201 with the revision written, or 400 listing every problem."""
        dokumen = self.get_object()
        masuk = self.RevisiImporInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        data = dict(masuk.validated_data)
        berkas, pratinjau, profil = data.pop("berkas"), data.pop("pratinjau"), data.pop("profil")
        lembar_rpd = data.pop("lembar_rpd")
        if pratinjau:
            hasil = impor_berkas_api(
                berkas,
                jenis="dipa",
                profil=profil,
                jalankan=lambda **kw: revisi_impor_periksa(
                    dokumen=dokumen, lembar_rpd=lembar_rpd, **kw
                ),
            )
            return Response(self.RevisiImporOutputSerializer(hasil).data)
        hasil = impor_berkas_api(
            berkas,
            jenis="dipa",
            profil=profil,
            jalankan=lambda **kw: revisi_impor(
                pengguna=request.user, dokumen=dokumen, lembar_rpd=lembar_rpd, **kw, **data
            ),
        )
        return Response(self.RevisiImporOutputSerializer(hasil).data, status=201)


def impor_api(
    *, pengguna, dokumen, berkas, pratinjau: bool, periksa, impor, jenis: str, profil: str = ""
):
    """An import of a budget document through the API (``periksa``/``impor``: an import
    module's pair; ``pratinjau`` only checks), by ``kpu_site.api.impor_berkas_api``."""
    if pratinjau:
        return impor_berkas_api(
            berkas, jenis=jenis, profil=profil, jalankan=lambda **kw: periksa(dokumen=dokumen, **kw)
        )
    return impor_berkas_api(
        berkas,
        jenis=jenis,
        profil=profil,
        jalankan=lambda **kw: impor(pengguna=pengguna, dokumen=dokumen, **kw),
    )


class RevisiViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Revisions of a document (``?dokumen=<id>``); POST creates revisi ke-(N+1). One revision
    (GET ``{id}``) also lists what changed against the previous one and its RPD per month.
    PUT/PATCH ``{id}`` changes only ``dihitung_ikpa`` (a revision's pagu is never rewritten)."""

    queryset = Revisi.objects.select_related("dokumen").order_by("dokumen", "nomor")
    permission_classes = IZIN

    class InputSerializer(ModelSerializer):
        class PerubahanSerializer(serializers.Serializer):
            pos = IdField(queryset=Pos.objects.all())
            volume = serializers.DecimalField(max_digits=18, decimal_places=2)
            harga = serializers.DecimalField(max_digits=18, decimal_places=2)

            class Meta:
                ref_name = "AnggaranPerubahan"

        perubahan = PerubahanSerializer(many=True, default=list)
        rpd = serializers.DictField(
            child=serializers.DecimalField(max_digits=18, decimal_places=2),
            default=dict,
            help_text='Bulan -> nilai, mis. {"1": "1500000.00"}.',
        )

        class Meta:
            model = Revisi
            ref_name = "AnggaranRevisi"
            fields = ["dokumen", "tanggal", "alasan", "dihitung_ikpa", "perubahan", "rpd"]

    class IkpaInputSerializer(serializers.Serializer):
        dihitung_ikpa = serializers.BooleanField(
            help_text=Revisi._meta.get_field("dihitung_ikpa").help_text
        )

        class Meta:
            ref_name = "AnggaranRevisiIkpa"

    class OutputSerializer(ModelSerializer):
        class Meta:
            model = Revisi
            ref_name = "AnggaranRevisi"
            fields = ["id", "dokumen", "nomor", "tanggal", "alasan", "dihitung_ikpa", "dibuat_pada"]

    class DetailOutputSerializer(OutputSerializer):
        class PerubahanSerializer(serializers.Serializer):
            pos = serializers.IntegerField(source="pos.id")
            kode_lengkap = serializers.CharField(source="pos.kode_lengkap")
            jumlah_lama = _uang()
            jumlah_baru = _uang()
            selisih = _uang()

            class Meta:
                ref_name = "AnggaranRevisiPerubahan"

        perubahan = serializers.SerializerMethodField()
        rpd = serializers.SerializerMethodField()

        class Meta:
            model = Revisi
            ref_name = "AnggaranRevisiDetail"
            fields = [
                *("id", "dokumen", "nomor", "tanggal", "alasan", "dihitung_ikpa", "dibuat_pada"),
                *("perubahan", "rpd"),
            ]

        @extend_schema_field(PerubahanSerializer(many=True))
        def get_perubahan(self, revisi):
            baris = selectors.revisi_perubahan(revisi=revisi)
            return self.PerubahanSerializer(baris, many=True).data

        @extend_schema_field(serializers.DictField(child=_uang(), help_text="Bulan -> nilai RPD."))
        def get_rpd(self, revisi):
            return serializers.DictField(child=_uang()).to_representation(
                {r.bulan: r.nilai for r in revisi.rpd.all()}
            )

    serializer_class = OutputSerializer

    def get_queryset(self):
        qs = super().get_queryset()
        return saring_id(qs, self.request.query_params, "dokumen")

    @extend_schema(responses=DetailOutputSerializer)
    def retrieve(self, request, *args, **kwargs):
        return Response(self.DetailOutputSerializer(self.get_object()).data)

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def create(self, request, *args, **kwargs):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        data = masuk.validated_data
        revisi = services.revisi_create(
            pengguna=request.user,
            dokumen=data["dokumen"],
            tanggal=data["tanggal"],
            alasan=data["alasan"],
            perubahan=[
                services.PerubahanPagu(pos=p["pos"], volume=p["volume"], harga=p["harga"])
                for p in data["perubahan"]
            ],
            rpd={int(k): v for k, v in data["rpd"].items() if str(k).isdigit()},
            dihitung_ikpa=data.get("dihitung_ikpa", True),
        )
        return Response(self.OutputSerializer(revisi).data, status=201)

    @extend_schema(request=IkpaInputSerializer, responses=OutputSerializer)
    def update(self, request, *args, **kwargs):
        masuk = self.IkpaInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        revisi = services.revisi_ikpa_set(
            pengguna=request.user,
            revisi=self.get_object(),
            dihitung_ikpa=masuk.validated_data["dihitung_ikpa"],
        )
        return Response(self.OutputSerializer(revisi).data)

    @extend_schema(request=IkpaInputSerializer, responses=OutputSerializer)
    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, **kwargs)


class PosViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Lines of the budget tree (``?dokumen=<id>&tingkat=akun``). Figures: ``dokumen/{id}/pohon``.
    PATCH changes ``uraian``/``satuan`` and the linked ``sasaran``."""

    queryset = Pos.objects.prefetch_related("sasaran").order_by("dokumen", "urutan", "kode_lengkap")
    permission_classes = IZIN

    class InputSerializer(ModelSerializer):
        volume = serializers.DecimalField(
            max_digits=18, decimal_places=2, required=False, allow_null=True
        )
        harga = serializers.DecimalField(
            max_digits=18, decimal_places=2, required=False, allow_null=True
        )

        class Meta:
            model = Pos
            ref_name = "AnggaranPos"
            fields = [
                "dokumen",
                "induk",
                "tingkat",
                "kode",
                "uraian",
                "satuan",
                "sasaran",
                "volume",
                "harga",
            ]
            extra_kwargs = {"sasaran": {"required": False}}

    class UbahInputSerializer(ModelSerializer):
        class Meta:
            model = Pos
            ref_name = "AnggaranPosUbah"
            fields = ["uraian", "satuan", "sasaran"]

    class OutputSerializer(ModelSerializer):
        class Meta:
            model = Pos
            ref_name = "AnggaranPos"
            fields = [
                "id",
                "dokumen",
                "induk",
                "tingkat",
                "kode",
                "kode_lengkap",
                "uraian",
                "satuan",
                "urutan",
                "sasaran",
            ]

    serializer_class = OutputSerializer

    def get_queryset(self):
        qs = super().get_queryset()
        params = self.request.query_params
        qs = saring_id(qs, params, "dokumen")
        if t := params.get("tingkat"):
            qs = qs.filter(tingkat=t)
        return qs

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def create(self, request, *args, **kwargs):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        data = dict(masuk.validated_data)
        sasaran = data.pop("sasaran", [])
        pos = services.pos_create(pengguna=request.user, **data)
        if sasaran:
            services.pos_sasaran_set(pengguna=request.user, pos=pos, sasaran=sasaran)
        return Response(self.OutputSerializer(pos).data, status=201)

    @extend_schema(request=UbahInputSerializer, responses=OutputSerializer)
    def update(self, request, *args, **kwargs):
        pos = self.get_object()
        masuk = self.UbahInputSerializer(pos, data=request.data, partial=True)
        masuk.is_valid(raise_exception=True)
        data = masuk.validated_data
        if "uraian" in data or "satuan" in data:
            pos = services.pos_update(
                pengguna=request.user,
                pos=pos,
                uraian=data.get("uraian", pos.uraian),
                satuan=data.get("satuan", pos.satuan),
            )
        if "sasaran" in data:
            pos = services.pos_sasaran_set(pengguna=request.user, pos=pos, sasaran=data["sasaran"])
        return Response(self.OutputSerializer(pos).data)

    @extend_schema(request=UbahInputSerializer, responses=OutputSerializer)
    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, **kwargs)


class RealisasiViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Transactions (``?dokumen=<id>&akun=<id>``). POST books one SP2D on an akun line."""

    queryset = Realisasi.objects.select_related("akun").order_by("-tanggal", "-id")
    permission_classes = IZIN

    class InputSerializer(ModelSerializer):
        class Meta:
            model = Realisasi
            ref_name = "AnggaranRealisasi"
            fields = [
                "akun",
                "tanggal",
                "nomor_sp2d",
                "nomor_spm",
                "uraian",
                "nilai",
                "pelampauan_alasan",
            ]
            extra_kwargs = {"pelampauan_alasan": {"required": False}}

    class OutputSerializer(ModelSerializer):
        kode_akun = serializers.CharField(source="akun.kode_lengkap", read_only=True)

        class Meta:
            model = Realisasi
            ref_name = "AnggaranRealisasi"
            fields = [
                "id",
                "dokumen",
                "akun",
                "kode_akun",
                "tanggal",
                "nomor_sp2d",
                "nomor_spm",
                "uraian",
                "nilai",
                "asal",
                "impor",
                "pelampauan_alasan",
            ]

    serializer_class = OutputSerializer

    def get_queryset(self):
        qs = super().get_queryset()
        params = self.request.query_params
        qs = saring_id(qs, params, "dokumen")
        return saring_id(qs, params, "akun")

    @extend_schema(request=InputSerializer, responses={201: OutputSerializer})
    def create(self, request, *args, **kwargs):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        data = masuk.validated_data
        realisasi = services.realisasi_create(
            pengguna=request.user,
            akun=data["akun"],
            tanggal=data["tanggal"],
            nomor_sp2d=data["nomor_sp2d"],
            nilai=data["nilai"],
            uraian=data.get("uraian", ""),
            nomor_spm=data.get("nomor_spm", ""),
            pelampauan_alasan=data.get("pelampauan_alasan", ""),
        )
        return Response(self.OutputSerializer(realisasi).data, status=201)


class LaporanViewSet(viewsets.GenericViewSet):
    """LKj Bab III B of a year (``?tahun=2023``): table 3.1, sources of funds, hibah."""

    queryset = DokumenAnggaran.objects.all()
    permission_classes = IZIN
    pagination_class = None

    @extend_schema_serializer(many=False)  # one report, not a list
    class OutputSerializer(serializers.Serializer):
        class Tabel31Serializer(_TabelSerializer):
            dokumen = serializers.CharField(source="dokumen.nomor")
            revisi = serializers.IntegerField(source="revisi.nomor", allow_null=True)

            class Meta:
                ref_name = "AnggaranTabel31"

        class SumberDanaSerializer(serializers.Serializer):
            jenis = serializers.CharField()
            label = serializers.CharField()
            pagu = _uang()
            realisasi = _uang()
            sisa = _uang()
            serapan = _uang()

            class Meta:
                ref_name = "AnggaranSumberDana"

        class HibahSerializer(_TabelSerializer):
            nomor_nphd = serializers.CharField(source="dokumen.nomor")
            tanggal = serializers.DateField(source="dokumen.tanggal")
            pemberi = serializers.CharField(source="dokumen.pemberi")
            uraian = serializers.CharField(source="dokumen.uraian")

            class Meta:
                ref_name = "AnggaranHibah"

        tahun = serializers.IntegerField()
        tabel_3_1 = Tabel31Serializer(allow_null=True)
        sumber_dana = SumberDanaSerializer(many=True)
        hibah = HibahSerializer(many=True)

        class Meta:
            ref_name = "AnggaranLaporan"

    serializer_class = OutputSerializer

    @extend_schema(
        parameters=[OpenApiParameter("tahun", int, description="Tahun (default: DIPA terakhir)")],
        responses=OutputSerializer,
    )
    def list(self, request):
        tahun = request.query_params.get("tahun", "")
        if not tahun.isdigit():
            dokumen = selectors.dokumen_list().first()
            tahun = str(dokumen.tahun) if dokumen else "0"
        laporan = selectors.laporan_keuangan(tahun=int(tahun))
        return Response(self.OutputSerializer({"tahun": int(tahun), **laporan}).data)


class _IkpaIndikatorSerializer(serializers.Serializer):
    kode = serializers.CharField()
    nama = serializers.CharField()
    nilai = _uang()
    bobot = _uang()
    bobot_efektif = _uang()
    kontribusi = _uang()
    saran = serializers.CharField()

    class Meta:
        ref_name = "AnggaranIkpaIndikator"


class _IkpaBulanSerializer(serializers.Serializer):
    bulan = serializers.IntegerField()
    total = _uang()
    pengurang = _uang()
    predikat = serializers.CharField()
    terlemah = serializers.CharField(source="terlemah.kode", allow_null=True, default=None)
    indikator = _IkpaIndikatorSerializer(many=True)
    catatan = serializers.ListField(child=serializers.CharField())

    class Meta:
        ref_name = "AnggaranIkpaBulan"


class _IkpaTrenSerializer(serializers.Serializer):
    bulan = serializers.IntegerField()
    total = _uang()
    predikat = serializers.CharField()

    class Meta:
        ref_name = "AnggaranIkpaTren"


class IkpaViewSet(viewsets.GenericViewSet):
    """IKPA of a year's DIPA (``?tahun=2023``, default the latest DIPA; ``?bulan=`` the month,
    default the last month over): each indicator's value, weight, effective weight and
    contribution, the deduction and the total, and the trend of every month."""

    queryset = DokumenAnggaran.objects.all()
    permission_classes = IZIN
    pagination_class = None

    @extend_schema_serializer(many=False)
    class OutputSerializer(serializers.Serializer):
        tahun = serializers.IntegerField()
        dokumen = serializers.CharField(source="dokumen.nomor")
        dasar_hukum = serializers.CharField(source="param.dasar_hukum")
        deviasi_tertimbang = serializers.BooleanField(source="param.deviasi_tertimbang")
        bulan_terkini = serializers.IntegerField()
        pilih = _IkpaBulanSerializer()
        tren = _IkpaTrenSerializer(many=True, source="bulan")

        class Meta:
            ref_name = "AnggaranIkpa"

    serializer_class = OutputSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("tahun", int, description="Tahun (default: DIPA terakhir)"),
            OpenApiParameter("bulan", int, description="Bulan 1–12 (default: bulan terakhir)"),
        ],
        responses=OutputSerializer,
    )
    def list(self, request):
        tahun = request.query_params.get("tahun", "")
        if not tahun.isdigit():
            dokumen = selectors.dokumen_list(jenis=DokumenAnggaran.Jenis.DIPA).first()
            tahun = str(dokumen.tahun) if dokumen else "0"
        hasil = selectors.ikpa.ikpa_tahun(tahun=int(tahun))
        if hasil is None:
            raise ApiValidationError(
                {"tahun": f"Belum ada DIPA tahun {tahun} atau belum ada bulan yang berakhir."}
            )
        bulan = request.query_params.get("bulan", "")
        data = {
            "tahun": hasil.tahun,
            "dokumen": hasil.dokumen,
            "param": hasil.param,
            "bulan_terkini": hasil.bulan_terkini,
            "bulan": hasil.bulan,
            "pilih": hasil.pada(int(bulan)) if bulan.isdigit() else hasil.terkini,
        }
        return Response(self.OutputSerializer(data).data)


def register(router) -> None:
    """Register this app's viewsets on ``router``."""
    router.register("anggaran/dokumen", DokumenViewSet, basename="anggaran-dokumen")
    router.register("anggaran/revisi", RevisiViewSet, basename="anggaran-revisi")
    router.register("anggaran/pos", PosViewSet, basename="anggaran-pos")
    router.register("anggaran/realisasi", RealisasiViewSet, basename="anggaran-realisasi")
    router.register("anggaran/laporan", LaporanViewSet, basename="anggaran-laporan")
    router.register("anggaran/ikpa", IkpaViewSet, basename="anggaran-ikpa")
    # builds on this module's serializers: imported here, after it has loaded
    from . import api_output

    api_output.register(router)  # RO volume targets and output realisasi
    api_up_register(router)  # the UP/TUP register and the SPM dispensations
    api_belanja_register(router)  # contracts and invoices


from .api_belanja import register as api_belanja_register  # noqa: E402  (built on api_up)
from .api_up import register as api_up_register  # noqa: E402  (its own module, built on this one)
