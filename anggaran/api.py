"""API of the anggaran app: read by every role, written by Sekretaris and Sub Bagian Keuangan.

Writes go through the same services as the pages (a broken rule is a 400 with the Indonesian
message; a user outside Keuangan gets 403).
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from kpu_site.akses import IzinModelApi
from kpu_site.impor import ImporGagal

from . import selectors, services
from .akses import IzinTulisAnggaranApi
from .impor import realisasi_impor, realisasi_impor_periksa
from .models import DokumenAnggaran, Pos, Realisasi, Revisi

IZIN = [IsAuthenticated, IzinModelApi, IzinTulisAnggaranApi]


def _uang(value):
    """An amount or a percentage as text with two decimals (``"0.00"``, not ``"0"``)."""
    return None if value is None else f"{value:.2f}"


# --- serializers --------------------------------------------------------------------------


class AnggaranDokumenSerializer(serializers.ModelSerializer):
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


class AnggaranDokumenUbahSerializer(serializers.Serializer):
    nomor = serializers.CharField(max_length=100)
    tanggal = serializers.DateField()
    uraian = serializers.CharField(max_length=300)
    pemberi = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class AnggaranPerubahanSerializer(serializers.Serializer):
    pos = serializers.PrimaryKeyRelatedField(queryset=Pos.objects.all())
    volume = serializers.DecimalField(max_digits=18, decimal_places=2)
    harga = serializers.DecimalField(max_digits=18, decimal_places=2)


class AnggaranRevisiSerializer(serializers.ModelSerializer):
    perubahan = AnggaranPerubahanSerializer(many=True, write_only=True, required=False)
    rpd = serializers.DictField(
        child=serializers.DecimalField(max_digits=18, decimal_places=2),
        write_only=True,
        required=False,
        help_text='Bulan -> nilai, mis. {"1": "1500000.00"}.',
    )

    class Meta:
        model = Revisi
        fields = ["id", "dokumen", "nomor", "tanggal", "alasan", "dibuat_pada", "perubahan", "rpd"]
        read_only_fields = ["nomor", "dibuat_pada"]


class AnggaranPosSerializer(serializers.ModelSerializer):
    volume = serializers.DecimalField(
        max_digits=18, decimal_places=2, write_only=True, required=False, allow_null=True
    )
    harga = serializers.DecimalField(
        max_digits=18, decimal_places=2, write_only=True, required=False, allow_null=True
    )

    class Meta:
        model = Pos
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
            "volume",
            "harga",
        ]
        read_only_fields = ["kode_lengkap", "urutan"]
        extra_kwargs = {"sasaran": {"required": False}}


class AnggaranRealisasiSerializer(serializers.ModelSerializer):
    kode_akun = serializers.CharField(source="akun.kode_lengkap", read_only=True)

    class Meta:
        model = Realisasi
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
        read_only_fields = ["dokumen", "asal", "impor"]
        extra_kwargs = {"pelampauan_alasan": {"required": False}}


class AnggaranImporSerializer(serializers.Serializer):
    berkas = serializers.FileField()
    pratinjau = serializers.BooleanField(
        default=False, help_text="Hanya periksa (tidak menyimpan apa pun)."
    )


class AnggaranLaporanSerializer(serializers.Serializer):
    tahun = serializers.IntegerField()
    tabel_3_1 = serializers.JSONField(allow_null=True)
    sumber_dana = serializers.JSONField()
    hibah = serializers.JSONField()


# --- viewsets -----------------------------------------------------------------------------


def _kesalahan_json(k) -> dict:
    return {"baris": k.baris, "kolom": k.kolom, "alasan": k.alasan, "pesan": str(k)}


def _simpul_json(s) -> dict:
    return {
        "id": s.pos.id,
        "induk": s.pos.induk_id,
        "tingkat": s.pos.tingkat,
        "kode": s.pos.kode,
        "kode_lengkap": s.pos.kode_lengkap,
        "uraian": s.pos.uraian,
        "kedalaman": s.kedalaman,
        "volume": _uang(s.volume),
        "satuan": s.pos.satuan,
        "harga": _uang(s.harga),
        "pagu": _uang(s.pagu),
        "realisasi": _uang(s.realisasi),
        "sisa": _uang(s.sisa),
        "serapan": _uang(s.serapan),
    }


class DokumenViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """DIPA and hibah documents. ``pohon``: the tree with figures (``?revisi=N``);
    ``bulanan``: monthly realisasi vs RPD; ``kunci`` (POST, Sekretaris); ``impor`` (POST file)."""

    queryset = DokumenAnggaran.objects.all().order_by("-tahun", "jenis", "nomor")
    serializer_class = AnggaranDokumenSerializer
    permission_classes = IZIN

    def get_queryset(self):
        qs = super().get_queryset()
        tahun = self.request.query_params.get("tahun")
        if tahun and tahun.isdigit():
            qs = qs.filter(tahun=int(tahun))
        return qs

    def get_serializer_class(self):
        if self.action in ("update", "partial_update"):
            return AnggaranDokumenUbahSerializer
        if self.action == "impor":
            return AnggaranImporSerializer
        return AnggaranDokumenSerializer

    def perform_create(self, serializer):
        serializer.instance = services.dokumen_create(
            pengguna=self.request.user, **serializer.validated_data
        )

    def update(self, request, *args, **kwargs):
        dokumen = self.get_object()
        data = {
            "nomor": dokumen.nomor,
            "tanggal": dokumen.tanggal,
            "uraian": dokumen.uraian,
            "pemberi": dokumen.pemberi,
        }
        serializer = AnggaranDokumenUbahSerializer(data={**data, **request.data})
        serializer.is_valid(raise_exception=True)
        dokumen = services.dokumen_update(
            pengguna=request.user, dokumen=dokumen, **serializer.validated_data
        )
        return Response(AnggaranDokumenSerializer(dokumen).data)

    @extend_schema(responses=OpenApiTypes.OBJECT)
    @action(detail=True, methods=["get"])
    def pohon(self, request, pk=None):
        dokumen = self.get_object()
        revisi = selectors.revisi_pilih(dokumen=dokumen, nomor=request.query_params.get("revisi"))
        pohon = selectors.pohon_anggaran(dokumen=dokumen, revisi=revisi)
        return Response(
            {
                "dokumen": AnggaranDokumenSerializer(dokumen).data,
                "revisi": revisi.nomor if revisi else None,
                "pagu": _uang(pohon.pagu),
                "realisasi": _uang(pohon.realisasi),
                "sisa": _uang(pohon.sisa),
                "serapan": _uang(pohon.serapan),
                "pos": [_simpul_json(s) for s in pohon.urut],
            }
        )

    @extend_schema(responses=OpenApiTypes.OBJECT)
    @action(detail=True, methods=["get"])
    def bulanan(self, request, pk=None):
        dokumen = self.get_object()
        revisi = selectors.revisi_pilih(dokumen=dokumen, nomor=request.query_params.get("revisi"))
        bulanan = selectors.realisasi_bulanan(dokumen=dokumen, revisi=revisi)
        return Response(
            {
                "pagu": _uang(bulanan.pagu),
                "rata_rata_deviasi": _uang(bulanan.rata_rata_deviasi),
                "nilai_ikpa_deviasi": _uang(bulanan.nilai_ikpa_deviasi),
                "bulan": [
                    {
                        "bulan": b.bulan,
                        "rpd": _uang(b.rpd),
                        "realisasi": _uang(b.realisasi),
                        "deviasi": _uang(b.deviasi),
                        "rpd_kumulatif": _uang(b.rpd_kumulatif),
                        "realisasi_kumulatif": _uang(b.realisasi_kumulatif),
                        "serapan_kumulatif": _uang(b.serapan_kumulatif),
                    }
                    for b in bulanan.baris
                ],
            }
        )

    @extend_schema(request=None, responses=AnggaranDokumenSerializer)
    @action(detail=True, methods=["post"])
    def kunci(self, request, pk=None):
        dokumen = services.dokumen_kunci(dokumen=self.get_object(), pengguna=request.user)
        return Response(AnggaranDokumenSerializer(dokumen).data)

    @extend_schema(request=AnggaranImporSerializer, responses=OpenApiTypes.OBJECT)
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser, JSONParser])
    def impor(self, request, pk=None):
        dokumen = self.get_object()
        serializer = AnggaranImporSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        berkas = serializer.validated_data["berkas"]
        data = berkas.read()
        if serializer.validated_data["pratinjau"]:
            hasil = realisasi_impor_periksa(dokumen=dokumen, berkas=data, nama_berkas=berkas.name)
        else:
            try:
                hasil = realisasi_impor(
                    pengguna=request.user, dokumen=dokumen, berkas=data, nama_berkas=berkas.name
                )
            except ImporGagal as exc:
                raise ApiValidationError(
                    {"kesalahan": [_kesalahan_json(k) for k in exc.kesalahan]}
                ) from None
        return Response(
            {
                "disimpan": hasil.impor is not None,
                "jumlah_baris": len(hasil.baris),
                "jumlah_dilewati": len(hasil.dilewati),
                "total_nilai": _uang(hasil.total_nilai),
                "kesalahan": [_kesalahan_json(k) for k in hasil.kesalahan],
            }
        )


class RevisiViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Revisions of a document (``?dokumen=<id>``); POST creates revisi ke-(N+1)."""

    queryset = Revisi.objects.select_related("dokumen").order_by("dokumen", "nomor")
    serializer_class = AnggaranRevisiSerializer
    permission_classes = IZIN

    def get_queryset(self):
        qs = super().get_queryset()
        dokumen = self.request.query_params.get("dokumen")
        if dokumen and dokumen.isdigit():
            qs = qs.filter(dokumen_id=int(dokumen))
        return qs

    def retrieve(self, request, *args, **kwargs):
        revisi = self.get_object()
        data = self.get_serializer(revisi).data
        data["perubahan"] = [
            {
                "pos": r["pos"].id,
                "kode_lengkap": r["pos"].kode_lengkap,
                "jumlah_lama": _uang(r["jumlah_lama"]),
                "jumlah_baru": _uang(r["jumlah_baru"]),
                "selisih": _uang(r["selisih"]),
            }
            for r in selectors.revisi_perubahan(revisi=revisi)
        ]
        data["rpd"] = {r.bulan: _uang(r.nilai) for r in revisi.rpd.all()}
        return Response(data)

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = services.revisi_create(
            pengguna=self.request.user,
            dokumen=data["dokumen"],
            tanggal=data["tanggal"],
            alasan=data["alasan"],
            perubahan=[
                services.PerubahanPagu(pos=p["pos"], volume=p["volume"], harga=p["harga"])
                for p in data.get("perubahan", [])
            ],
            rpd={int(k): v for k, v in data.get("rpd", {}).items() if str(k).isdigit()},
        )


class PosViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """Lines of the budget tree (``?dokumen=<id>&tingkat=akun``). Figures: ``dokumen/{id}/pohon``.
    PATCH changes ``uraian``/``satuan`` and the linked ``sasaran``."""

    queryset = Pos.objects.prefetch_related("sasaran").order_by("dokumen", "urutan", "kode_lengkap")
    serializer_class = AnggaranPosSerializer
    permission_classes = IZIN

    def get_queryset(self):
        qs = super().get_queryset()
        params = self.request.query_params
        if (d := params.get("dokumen")) and d.isdigit():
            qs = qs.filter(dokumen_id=int(d))
        if t := params.get("tingkat"):
            qs = qs.filter(tingkat=t)
        return qs

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        sasaran = data.pop("sasaran", [])
        pos = services.pos_create(pengguna=self.request.user, **data)
        if sasaran:
            services.pos_sasaran_set(pengguna=self.request.user, pos=pos, sasaran=sasaran)
        serializer.instance = pos

    def update(self, request, *args, **kwargs):
        pos = self.get_object()
        serializer = AnggaranPosSerializer(pos, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if "uraian" in data or "satuan" in data:
            services.pos_update(
                pengguna=request.user,
                pos=pos,
                uraian=data.get("uraian", pos.uraian),
                satuan=data.get("satuan", pos.satuan),
            )
        if "sasaran" in data:
            services.pos_sasaran_set(pengguna=request.user, pos=pos, sasaran=data["sasaran"])
        return Response(AnggaranPosSerializer(pos).data)


class RealisasiViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Transactions (``?dokumen=<id>&akun=<id>``). POST books one SP2D on an akun line."""

    queryset = Realisasi.objects.select_related("akun").order_by("-tanggal", "-id")
    serializer_class = AnggaranRealisasiSerializer
    permission_classes = IZIN

    def get_queryset(self):
        qs = super().get_queryset()
        params = self.request.query_params
        if (d := params.get("dokumen")) and d.isdigit():
            qs = qs.filter(dokumen_id=int(d))
        if (a := params.get("akun")) and a.isdigit():
            qs = qs.filter(akun_id=int(a))
        return qs

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = services.realisasi_create(
            pengguna=self.request.user,
            akun=data["akun"],
            tanggal=data["tanggal"],
            nomor_sp2d=data["nomor_sp2d"],
            nilai=data["nilai"],
            uraian=data.get("uraian", ""),
            nomor_spm=data.get("nomor_spm", ""),
            pelampauan_alasan=data.get("pelampauan_alasan", ""),
        )


class LaporanViewSet(viewsets.GenericViewSet):
    """LKj Bab III B of a year (``?tahun=2023``): table 3.1, sources of funds, hibah."""

    queryset = DokumenAnggaran.objects.all()
    serializer_class = AnggaranLaporanSerializer
    permission_classes = IZIN

    def _tabel(self, tabel: dict) -> dict:
        """The lines and totals of a ``tabel_3_1``/``laporan_hibah`` table, amounts as text."""
        return {
            "baris": [
                {
                    k: (_uang(v) if k in ("pagu", "realisasi", "sisa", "serapan") else v)
                    for k, v in r.items()
                }
                for r in tabel["baris"]
            ],
            "total_pagu": _uang(tabel["total_pagu"]),
            "total_realisasi": _uang(tabel["total_realisasi"]),
            "total_sisa": _uang(tabel["total_sisa"]),
            "serapan": _uang(tabel["serapan"]),
        }

    def list(self, request):
        tahun = request.query_params.get("tahun", "")
        if not tahun.isdigit():
            dokumen = selectors.dokumen_list().first()
            tahun = str(dokumen.tahun) if dokumen else "0"
        tahun = int(tahun)
        laporan = selectors.laporan_keuangan(tahun=tahun)
        tabel = laporan["tabel_3_1"]
        return Response(
            {
                "tahun": tahun,
                "tabel_3_1": None
                if tabel is None
                else {
                    "dokumen": tabel["dokumen"].nomor,
                    "revisi": tabel["revisi"].nomor if tabel["revisi"] else None,
                    **self._tabel(tabel),
                },
                "sumber_dana": [
                    {
                        "jenis": s["jenis"],
                        "label": str(s["label"]),
                        "pagu": _uang(s["pagu"]),
                        "realisasi": _uang(s["realisasi"]),
                        "sisa": _uang(s["sisa"]),
                        "serapan": _uang(s["serapan"]),
                    }
                    for s in laporan["sumber_dana"]
                ],
                "hibah": [
                    {
                        "nomor_nphd": h["dokumen"].nomor,
                        "tanggal": h["dokumen"].tanggal,
                        "pemberi": h["dokumen"].pemberi,
                        "uraian": h["dokumen"].uraian,
                        **self._tabel(h),
                    }
                    for h in laporan["hibah"]
                ],
            }
        )


def register(router) -> None:
    """Register this app's viewsets on ``router``."""
    router.register("anggaran/dokumen", DokumenViewSet, basename="anggaran-dokumen")
    router.register("anggaran/revisi", RevisiViewSet, basename="anggaran-revisi")
    router.register("anggaran/pos", PosViewSet, basename="anggaran-pos")
    router.register("anggaran/realisasi", RealisasiViewSet, basename="anggaran-realisasi")
    router.register("anggaran/laporan", LaporanViewSet, basename="anggaran-laporan")
