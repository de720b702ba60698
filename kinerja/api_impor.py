"""API of the kinerja imports (``kinerja/impor.py``): POST a file (multipart ``berkas``, the
``tahun``, optional ``profil`` = a saved column-mapping profile, ``pratinjau`` = only check).
The preview answers 200 with every problem; an import refused is a 400 listing every one
(``{"kesalahan": [...]}``), nothing written. Who may: as on the pages."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from kpu_site.api import KesalahanImporSerializer, TahunField, impor_berkas_api
from kpu_site.impor_halaman import profil_serializer_field

from . import impor, services


class ImporKinerjaViewSet(viewsets.ViewSet):
    """``target/``: the targets of the year's draft PK (Perencanaan, Sekretaris, Admin);
    ``realisasi/``: quarterly realisasi (each row only for the user's sub-bagian)."""

    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    class InputSerializer(serializers.Serializer):
        berkas = serializers.FileField()
        tahun = TahunField()
        profil = profil_serializer_field()
        pratinjau = serializers.BooleanField(
            default=False, help_text="Hanya periksa (tidak menyimpan apa pun)."
        )

        class Meta:
            ref_name = "KinerjaImpor"

    class OutputSerializer(serializers.Serializer):
        disimpan = serializers.BooleanField()
        tahun = serializers.IntegerField()
        jumlah_baris = serializers.SerializerMethodField()
        jumlah_dilewati = serializers.SerializerMethodField()
        kesalahan = KesalahanImporSerializer(many=True)

        class Meta:
            ref_name = "KinerjaImporHasil"

        def get_jumlah_baris(self, hasil) -> int:
            return len(hasil.baris)

        def get_jumlah_dilewati(self, hasil) -> int:
            return len(hasil.dilewati)

    def _jalankan(self, request, *, periksa, simpan):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        data = masuk.validated_data
        fungsi = periksa if data["pratinjau"] else simpan
        hasil = impor_berkas_api(
            data["berkas"],
            jenis=self.jenis_kode,
            profil=data["profil"],
            jalankan=lambda **kw: fungsi(tahun=data["tahun"], **kw),
        )
        return Response(self.OutputSerializer(hasil).data)

    @extend_schema(request=InputSerializer, responses=OutputSerializer)
    @action(detail=False, methods=["post"])
    def target(self, request):
        if not services.boleh_kelola_perencanaan(request.user):
            raise PermissionDenied("Target PK hanya diimpor oleh Sekretaris atau Perencanaan.")
        self.jenis_kode = "target_kinerja"
        user = request.user
        return self._jalankan(
            request,
            periksa=impor.target_impor_periksa,
            simpan=lambda **kw: impor.target_impor(pengguna=user, **kw),
        )

    @extend_schema(request=InputSerializer, responses=OutputSerializer)
    @action(detail=False, methods=["post"])
    def realisasi(self, request):
        user = request.user
        if not impor.realisasi_impor_boleh(user):
            raise PermissionDenied("Anda tidak berhak mengisi realisasi kinerja.")
        self.jenis_kode = "realisasi_kinerja"
        return self._jalankan(
            request,
            periksa=lambda **kw: impor.realisasi_impor_periksa(pengguna=user, **kw),
            simpan=lambda **kw: impor.realisasi_impor(pengguna=user, **kw),
        )


def register(router) -> None:
    router.register("kinerja/impor", ImporKinerjaViewSet, basename="kinerja-impor")
