"""API of the ad hoc bodies' imports: the same services as the import pages
(``views.rekrutmen._ImporView``). POST multipart ``berkas`` (CSV/XLSX) and optionally ``profil``
(a saved column-mapping profile of that import, ``kpu_site.impor_halaman``).

- ``POST /api/adhoc/impor/wilayah/``, ``.../tps/``, ``.../anggota-parpol/``;
- ``POST /api/adhoc/rekrutmen/<id>/impor-pendaftar/`` (``ganti``, ``seleksi`` as on the page)
  and ``.../impor-nilai/`` (actions of ``api.RekrutmenViewSet``, from ``RekrutmenImporMixin``).

Success is 200 with the counts; a bad file or row (or an unknown profile) is a 400 listing every
problem (``{"kesalahan": [{"baris", "kolom", "alasan", "pesan"}, ...]}``), nothing written. Who
may: as on the pages, staff of the recruitment (Admin, Sekretaris, Kasubag/Staf Teknis); every
other role gets 403."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from kpu_site.api import impor_berkas_api
from kpu_site.impor_halaman import profil_serializer_field

from . import services
from .akses import KelolaApi

PARSER = [MultiPartParser, FormParser]


class ImporInputSerializer(serializers.Serializer):
    berkas = serializers.FileField(help_text="Berkas CSV atau XLSX.")
    profil = profil_serializer_field()

    class Meta:
        ref_name = "AdhocImpor"


class HasilImporSerializer(serializers.Serializer):
    """The counts of an import (``services.impor.HasilImpor``)."""

    baru = serializers.IntegerField(help_text="Baris yang ditambahkan.")
    diperbarui = serializers.IntegerField(help_text="Baris yang mengubah data yang sudah ada.")
    sama = serializers.IntegerField(
        help_text="Baris yang sudah tersimpan dengan nilai yang sama: dilewati (pendaftar)."
    )
    jumlah = serializers.IntegerField(help_text="baru + diperbarui.")

    class Meta:
        ref_name = "AdhocImporHasil"


class SeleksiRingkasanSerializer(serializers.Serializer):
    """The summary of the administrative screening (``services.pendaftar_screen``)."""

    jumlah = serializers.IntegerField()
    ms = serializers.IntegerField()
    tms = serializers.IntegerField()
    alasan = serializers.DictField(
        child=serializers.IntegerField(), help_text="Kode alasan TMS -> jumlah pendaftar."
    )
    peringatan = serializers.DictField(
        child=serializers.IntegerField(), help_text="Kode peringatan -> jumlah pendaftar."
    )

    class Meta:
        ref_name = "SeleksiRingkasan"


def impor_jalankan(request, *, jenis: str, jalankan, masuk_kelas=ImporInputSerializer):
    """Validate the request, resolve the profile, check the size, read the file and call
    ``jalankan(berkas=, nama_berkas=, pemetaan=, data=)``; an ``ImporGagal`` becomes the 400
    listing every problem."""
    masuk = masuk_kelas(data=request.data)
    masuk.is_valid(raise_exception=True)
    data = masuk.validated_data
    return impor_berkas_api(
        data["berkas"],
        jenis=jenis,
        profil=data["profil"],
        jalankan=lambda **kw: jalankan(data=data, **kw),
    )


class ImporAdhocViewSet(viewsets.ViewSet):
    """The regency's reference tables: wilayah, TPS (both update what is there) and the SIPOL
    party members (replaces the list)."""

    permission_classes = [permissions.IsAuthenticated, KelolaApi]
    parser_classes = PARSER

    def _impor(self, request, jenis: str, fungsi) -> Response:
        def jalankan(*, data, **kw):
            return fungsi(pengguna=request.user, **kw)

        hasil = impor_jalankan(request, jenis=jenis, jalankan=jalankan)
        return Response(HasilImporSerializer(hasil).data)

    @extend_schema(request=ImporInputSerializer, responses=HasilImporSerializer)
    @action(detail=False, methods=["post"])
    def wilayah(self, request):
        """Kecamatan and desa/kelurahan (``kode,nama,jenis,kode_induk``)."""
        return self._impor(request, "wilayah", services.wilayah_import)

    @extend_schema(request=ImporInputSerializer, responses=HasilImporSerializer)
    @action(detail=False, methods=["post"])
    def tps(self, request):
        """TPS per desa/kelurahan (``kode_kelurahan,nomor,jumlah_dpt``)."""
        return self._impor(request, "tps", services.tps_import)

    @extend_schema(request=ImporInputSerializer, responses=HasilImporSerializer)
    @action(detail=False, methods=["post"], url_path="anggota-parpol")
    def anggota_parpol(self, request):
        """The SIPOL party-member list (``nik,nama,partai``), replacing the previous one."""
        return self._impor(request, "anggota_parpol", services.anggota_parpol_import)


class RekrutmenImporMixin:
    """The imports of one recruitment, as actions of ``api.RekrutmenViewSet`` (its
    ``get_object`` and permissions)."""

    class PendaftarImporInputSerializer(ImporInputSerializer):
        ganti = serializers.BooleanField(
            default=False, help_text="Ganti semua pendaftar lama rekrutmen ini."
        )
        seleksi = serializers.BooleanField(
            default=False, help_text="Langsung jalankan seleksi administrasi sesudahnya."
        )

        class Meta:
            ref_name = "AdhocImporPendaftar"

    class PendaftarImporOutputSerializer(HasilImporSerializer):
        seleksi = SeleksiRingkasanSerializer(
            allow_null=True,
            help_text="Ringkasan seleksi administrasi bila ``seleksi``; ``null`` bila tidak.",
        )

        class Meta:
            ref_name = "AdhocImporPendaftarHasil"

    class NilaiImporOutputSerializer(serializers.Serializer):
        diperbarui = serializers.IntegerField(help_text="Pendaftar yang nilainya ditulis.")

        class Meta:
            ref_name = "AdhocImporNilaiHasil"

    @extend_schema(request=PendaftarImporInputSerializer, responses=PendaftarImporOutputSerializer)
    @action(detail=True, methods=["post"], url_path="impor-pendaftar", parser_classes=PARSER)
    def impor_pendaftar(self, request, pk=None):
        """Applicants (``services.impor.KOLOM_PENDAFTAR`` and the checklist columns)."""
        rekrutmen = self.get_object()

        def jalankan(*, data, **kw):
            hasil = services.pendaftar_import(
                rekrutmen=rekrutmen, pengguna=request.user, ganti=data["ganti"], **kw
            )
            seleksi = None
            if data["seleksi"]:
                seleksi = services.pendaftar_screen(rekrutmen=rekrutmen, pengguna=request.user)
            return hasil, seleksi

        hasil, seleksi = impor_jalankan(
            request,
            jenis="pendaftar",
            jalankan=jalankan,
            masuk_kelas=self.PendaftarImporInputSerializer,
        )
        keluar = HasilImporSerializer(hasil).data | {"seleksi": seleksi}
        return Response(self.PendaftarImporOutputSerializer(keluar).data)

    @extend_schema(request=ImporInputSerializer, responses=NilaiImporOutputSerializer)
    @action(detail=True, methods=["post"], url_path="impor-nilai", parser_classes=PARSER)
    def impor_nilai(self, request, pk=None):
        """CAT and/or interview scores (``nik,nilai_cat,nilai_wawancara``; PPK and PPS)."""
        rekrutmen = self.get_object()

        def jalankan(*, data, **kw):
            return services.nilai_import(rekrutmen=rekrutmen, pengguna=request.user, **kw)

        n = impor_jalankan(request, jenis="nilai", jalankan=jalankan)
        return Response(self.NilaiImporOutputSerializer({"diperbarui": n}).data)


def register(router) -> None:
    router.register("adhoc/impor", ImporAdhocViewSet, basename="badan_adhoc-impor")
