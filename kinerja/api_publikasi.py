"""API of the publication (issue 18, item 6).

- ``/api/kinerja/publikasi/``: every publication, withdrawn ones too, for the staff roles the
  staff page admits (``view_publikasi``); ``terbitkan`` (a document of the app: ``model`` +
  ``id``), ``unggah`` (multipart PDF) and ``tarik`` (with ``alasan``) for the Sekretaris and
  the Admin, through ``kinerja.services.publikasi`` like the staff page.
- ``/api/publik/dokumen/``: what the public page shows, without login and read-only: the
  documents not withdrawn, with their download address; no personal data (who published is
  not shown). Rate-limited like the public page (429).
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.text import slugify
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from kpu_site.akses import IzinModelApi
from kpu_site.api import ModelSerializer, TahunField
from kpu_site.batas_laju import batas_laju_lewat

from . import selectors_publikasi as sel
from .model_publikasi import Publikasi
from .publikasi_berkas import MODEL_SUMBER
from .services import publikasi as layanan


def _url_unduh(obj: Publikasi) -> str:
    slug = slugify(obj.judul)[:80] or "dokumen"
    return reverse("publik:dokumen_unduh", kwargs={"pk": obj.pk, "slug": slug})


class PublikasiOutputSerializer(ModelSerializer):
    jenis_label = serializers.CharField(source="get_jenis_display", read_only=True)
    sumber_model = serializers.SerializerMethodField()
    url_unduh = serializers.SerializerMethodField()

    class Meta:
        model = Publikasi
        ref_name = "Publikasi"
        fields = [
            "id",
            "jenis",
            "jenis_label",
            "judul",
            "tahun",
            "sumber_model",
            "object_id",
            "sha256",
            "ukuran",
            "diterbitkan_pada",
            "diterbitkan_oleh",
            "ditarik",
            "ditarik_alasan",
            "ditarik_pada",
            "url_unduh",
        ]

    def get_sumber_model(self, obj) -> str | None:
        return obj.content_type.model if obj.content_type_id else None

    def get_url_unduh(self, obj) -> str | None:
        """The public download address; null once withdrawn."""
        return None if obj.ditarik else _url_unduh(obj)


class PublikasiViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Every publication (withdrawn ones too), newest first. ``terbitkan``, ``unggah`` and
    ``tarik``: the Sekretaris and the Admin only."""

    queryset = Publikasi.objects.order_by("-diterbitkan_pada")  # the model (permissions)
    permission_classes = [IsAuthenticated, IzinModelApi]
    serializer_class = PublikasiOutputSerializer

    def get_queryset(self):
        return sel.publikasi_list()

    class TerbitkanInputSerializer(serializers.Serializer):
        model = serializers.ChoiceField(
            choices=[m._meta.model_name for m in MODEL_SUMBER],
            help_text="Jenis data sumber: " + ", ".join(m._meta.model_name for m in MODEL_SUMBER),
        )
        id = serializers.IntegerField(min_value=1, max_value=2**63 - 1)

        class Meta:
            ref_name = "PublikasiTerbitkan"

    class UnggahInputSerializer(serializers.Serializer):
        jenis = serializers.ChoiceField(choices=layanan.JENIS_UNGGAH_PILIHAN)
        judul = serializers.CharField(max_length=200)
        tahun = TahunField()
        berkas = serializers.FileField(help_text="Berkas PDF")

        class Meta:
            ref_name = "PublikasiUnggah"

    class TarikInputSerializer(serializers.Serializer):
        alasan = serializers.CharField(
            max_length=Publikasi._meta.get_field("ditarik_alasan").max_length or 2000
        )

        class Meta:
            ref_name = "PublikasiTarik"

    @extend_schema(request=TerbitkanInputSerializer, responses={201: PublikasiOutputSerializer})
    @action(detail=False, methods=["post"])
    def terbitkan(self, request):
        masuk = self.TerbitkanInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        kelas = {m._meta.model_name: m for m in MODEL_SUMBER}[masuk.validated_data["model"]]
        sumber = kelas.objects.filter(pk=masuk.validated_data["id"]).first()
        if sumber is None:
            raise exceptions.ValidationError({"id": ["Dokumen sumber tidak ditemukan."]})
        obj = layanan.publikasi_terbitkan(sumber=sumber, pengguna=request.user)
        return Response(PublikasiOutputSerializer(obj).data, status=201)

    @extend_schema(
        request={"multipart/form-data": UnggahInputSerializer},
        responses={201: PublikasiOutputSerializer},
    )
    @action(detail=False, methods=["post"])
    def unggah(self, request):
        masuk = self.UnggahInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = layanan.publikasi_unggah(pengguna=request.user, **masuk.validated_data)
        return Response(PublikasiOutputSerializer(obj).data, status=201)

    @extend_schema(request=TarikInputSerializer, responses=PublikasiOutputSerializer)
    @action(detail=True, methods=["post"])
    def tarik(self, request, pk=None):
        masuk = self.TarikInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = layanan.publikasi_tarik(
            publikasi=self.get_object(),
            alasan=masuk.validated_data["alasan"],
            pengguna=request.user,
        )
        return Response(PublikasiOutputSerializer(obj).data)


class PublikDokumenSerializer(ModelSerializer):
    jenis_label = serializers.CharField(source="get_jenis_display", read_only=True)
    url_unduh = serializers.SerializerMethodField()

    class Meta:
        model = Publikasi
        ref_name = "PublikDokumen"
        fields = [
            "id",
            "jenis",
            "jenis_label",
            "judul",
            "tahun",
            "diterbitkan_pada",
            "ukuran",
            "sha256",
            "url_unduh",
        ]

    def get_url_unduh(self, obj) -> str:
        return _url_unduh(obj)


class PublikDokumenViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """The documents of the public page (no login): published and not withdrawn."""

    queryset = Publikasi.objects.filter(ditarik=False)  # the model; get_queryset reads
    permission_classes = [AllowAny]
    authentication_classes: list = []
    serializer_class = PublikDokumenSerializer

    def get_queryset(self):
        return sel.publikasi_publik_qs()

    def initial(self, request, *args, **kwargs):
        if batas_laju_lewat(request, nama="publik"):
            raise exceptions.Throttled(wait=getattr(settings, "PUBLIK_BATAS_LAJU_DETIK", 60))
        super().initial(request, *args, **kwargs)


def register(router) -> None:
    router.register("kinerja/publikasi", PublikasiViewSet, basename="kinerja-publikasi")
    router.register("publik/dokumen", PublikDokumenViewSet, basename="publik-dokumen")
