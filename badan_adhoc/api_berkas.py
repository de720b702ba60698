"""API of the applicant's file: ``GET /api/adhoc/berkas-pendaftar/<id>/`` (the checklist of one
applicant), ``POST /api/adhoc/berkas-pendaftar/<id>/simpan/`` (record statuses, staff of the
recruitment only), ``GET /api/adhoc/berkas-rekrutmen/<id>/`` (the checklist counts), and the
checklist itself: ``/api/adhoc/berkas-item/?rekrutmen=<id>`` (list, create) and
``/api/adhoc/berkas-item/<id>/`` (read, update, delete) through ``item_berkas_simpan`` /
``item_berkas_hapus`` (the same rules as the page)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from kpu_site.akses import IzinModelApi
from kpu_site.batas import id_param

from .api import IZIN, KelolaApi
from .model_berkas import ItemBerkas, StatusBerkas
from .models import Pendaftar, Rekrutmen
from .selectors.berkas import (
    berkas_pendaftar,
    berkas_ringkasan,
    item_berkas_get,
    item_berkas_kelola_list,
)
from .services.berkas import berkas_status_set, item_berkas_hapus, item_berkas_simpan


class BarisBerkasSerializer(serializers.Serializer):
    kode = serializers.CharField(source="item.kode")
    nama = serializers.CharField(source="item.nama")
    wajib = serializers.BooleanField(source="item.wajib")
    status = serializers.SerializerMethodField()
    alasan = serializers.SerializerMethodField()
    dicatat_pada = serializers.SerializerMethodField()

    class Meta:
        ref_name = "BarisBerkas"

    def get_status(self, obj) -> str:
        return obj.status.status if obj.status else ""

    def get_alasan(self, obj) -> str:
        return obj.status.alasan if obj.status else ""

    def get_dicatat_pada(self, obj) -> str | None:
        return obj.status.dicatat_pada.isoformat() if obj.status else None


class StatusItemSerializer(serializers.Serializer):
    status = serializers.CharField(allow_blank=True, help_text="ada, tidak ada, tidak sah; kosong")
    alasan = serializers.CharField(allow_blank=True, required=False, default="")

    class Meta:
        ref_name = "StatusBerkasMasuk"


class BerkasPendaftarViewSet(viewsets.ViewSet):
    """The document checklist of one applicant (``<pk>``: the applicant)."""

    permission_classes = IZIN
    queryset = StatusBerkas.objects.none()  # for the model permissions (badan_adhoc)
    lookup_value_regex = r"[0-9]+"  # the applicant's id; anything else is a 404

    class InputSerializer(serializers.Serializer):
        status = serializers.DictField(child=StatusItemSerializer(), help_text="per kode item")

        class Meta:
            ref_name = "BerkasMasuk"

    @extend_schema(responses=BarisBerkasSerializer(many=True))
    def retrieve(self, request, pk=None):
        pendaftar = get_object_or_404(Pendaftar, pk=pk)
        return Response(BarisBerkasSerializer(berkas_pendaftar(pendaftar), many=True).data)

    @extend_schema(request=InputSerializer, responses=BarisBerkasSerializer(many=True))
    @action(detail=True, methods=["post"])
    def simpan(self, request, pk=None):
        """Record statuses: ``{"status": {"ktp": {"status": "tidak sah", "alasan": "…"}}}``;
        an empty status removes the record. Staff of the recruitment only."""
        pendaftar = get_object_or_404(Pendaftar, pk=pk)
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        status = {
            kode: (v["status"], v.get("alasan", ""))
            for kode, v in masuk.validated_data["status"].items()
        }
        berkas_status_set(pendaftar=pendaftar, status=status, pengguna=request.user)
        return Response(BarisBerkasSerializer(berkas_pendaftar(pendaftar), many=True).data)


class ItemRingkasanSerializer(serializers.Serializer):
    kode = serializers.CharField()
    nama = serializers.CharField()
    wajib = serializers.BooleanField()
    ada = serializers.IntegerField()
    tidak_ada = serializers.IntegerField()
    tidak_sah = serializers.IntegerField()
    belum = serializers.IntegerField(help_text="belum diperiksa")


class BerkasRingkasanSerializer(serializers.Serializer):
    item = ItemRingkasanSerializer(many=True)
    pendaftar = serializers.IntegerField()
    lengkap = serializers.IntegerField(help_text="setiap item wajib ada")
    tidak_lengkap = serializers.IntegerField(help_text="item wajib tidak ada atau tidak sah")
    belum_lengkap = serializers.IntegerField(help_text="item wajib belum diperiksa")


class BerkasRekrutmenViewSet(viewsets.ViewSet):
    """The checklist counts of a recruitment (``<pk>``: the recruitment), as
    ``selectors.berkas.berkas_ringkasan``."""

    permission_classes = IZIN
    queryset = StatusBerkas.objects.none()
    lookup_value_regex = r"[0-9]+"  # the recruitment's id; anything else is a 404

    @extend_schema(responses=BerkasRingkasanSerializer)
    def retrieve(self, request, pk=None):
        ringkasan = berkas_ringkasan(get_object_or_404(Rekrutmen, pk=pk))
        return Response(BerkasRingkasanSerializer(ringkasan).data)


class ItemBerkasSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    rekrutmen = serializers.IntegerField(source="rekrutmen_id", help_text="id rekrutmen")
    kode = serializers.CharField(max_length=30, help_text="juga nama kolomnya pada impor")
    nama = serializers.CharField(max_length=150)
    wajib = serializers.BooleanField(default=True)
    urutan = serializers.IntegerField(min_value=0, max_value=32767, default=0)
    jumlah_status = serializers.IntegerField(read_only=True, help_text="status pendaftar")

    class Meta:
        ref_name = "ItemBerkas"


class ItemBerkasUbahSerializer(ItemBerkasSerializer):
    rekrutmen = serializers.IntegerField(source="rekrutmen_id", read_only=True)

    class Meta:
        ref_name = "ItemBerkasUbah"


class _IzinItem(IzinModelApi):
    """Removing a document from the checklist is a change of the checklist (as on the page):
    the staff of the recruitment hold ``change``, not ``delete`` (Sekretaris, Admin only)."""

    perms_map = IzinModelApi.perms_map | {"DELETE": ["%(app_label)s.change_%(model_name)s"]}


class ItemBerkasViewSet(viewsets.ViewSet):
    """The document checklist of a recruitment: every reader lists it (``?rekrutmen=<id>``;
    without it, the items of every recruitment); the staff of the recruitment add, change and delete items."""

    permission_classes = [permissions.IsAuthenticated, _IzinItem, KelolaApi]
    queryset = ItemBerkas.objects.none()  # for the model permissions (badan_adhoc)
    lookup_value_regex = r"[0-9]+"

    def _item(self, pk) -> ItemBerkas:
        item = item_berkas_get(pk)
        if item is None:
            raise Http404("Dokumen tidak ditemukan.")
        return item

    @extend_schema(
        parameters=[OpenApiParameter("rekrutmen", int, description="id rekrutmen; tanpa: semua")],
        responses=ItemBerkasSerializer(many=True),
    )
    def list(self, request):
        rekrutmen = None
        if "rekrutmen" in request.query_params:
            rekrutmen = get_object_or_404(
                Rekrutmen, pk=id_param(request.query_params["rekrutmen"]) or 0
            )
        return Response(ItemBerkasSerializer(item_berkas_kelola_list(rekrutmen), many=True).data)

    @extend_schema(responses=ItemBerkasSerializer)
    def retrieve(self, request, pk=None):
        return Response(ItemBerkasSerializer(self._item(pk)).data)

    @extend_schema(request=ItemBerkasSerializer, responses=ItemBerkasSerializer)
    def create(self, request):
        masuk = ItemBerkasSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        data = dict(masuk.validated_data)
        rekrutmen = get_object_or_404(Rekrutmen, pk=data.pop("rekrutmen_id"))
        item = item_berkas_simpan(rekrutmen=rekrutmen, **data, pengguna=request.user)
        return Response(
            ItemBerkasSerializer(self._item(item.pk)).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(request=ItemBerkasUbahSerializer, responses=ItemBerkasSerializer)
    def update(self, request, pk=None):
        item = get_object_or_404(ItemBerkas, pk=pk)
        masuk = ItemBerkasUbahSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        item_berkas_simpan(
            rekrutmen=item.rekrutmen, item=item, **masuk.validated_data, pengguna=request.user
        )
        return Response(ItemBerkasSerializer(self._item(pk)).data)

    @extend_schema(responses={204: None})
    def destroy(self, request, pk=None):
        item_berkas_hapus(item=get_object_or_404(ItemBerkas, pk=pk), pengguna=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


def register(router) -> None:
    router.register(
        "adhoc/berkas-pendaftar", BerkasPendaftarViewSet, basename="badan_adhoc-berkaspendaftar"
    )
    router.register(
        "adhoc/berkas-rekrutmen", BerkasRekrutmenViewSet, basename="badan_adhoc-berkasrekrutmen"
    )
    router.register("adhoc/berkas-item", ItemBerkasViewSet, basename="badan_adhoc-itemberkas")
