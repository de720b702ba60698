"""The API root: one DRF router that every app registers its viewsets on.

Each app's ``api.py`` defines ``register(router)``; ``kpu_site.urls`` calls them. A Django
``ValidationError`` raised by a service becomes a 400 with its (Indonesian) messages; a
database still busy with another user's save a 503 with ``Retry-After`` (``kpu_site.konkuren``).

Every JSON body is an object (``kpu_site.parsers.ObjekJSONParser``, the default parser).
"""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, serializers, viewsets
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter
from rest_framework.views import exception_handler as drf_exception_handler

from .akses import IzinModelApi
from .batas import id_param, tahun_periksa
from .konkuren import DETIK_COBA_LAGI, PESAN_SIBUK, basis_data_sibuk
from .tahun import TAHUN_MAX, TAHUN_MIN


class IdField(serializers.PrimaryKeyRelatedField):
    """A reference by id that is a whole number: ``1.5`` is refused, not read as row 1 (Django
    turns ``1.5`` into ``1``), and an id beyond the database's bigint is "not found" instead of
    an overflow. Messages in Indonesian."""

    default_error_messages = {
        "does_not_exist": "Data dengan id {pk_value} tidak ditemukan.",
        "incorrect_type": "Harus berupa id (bilangan bulat), bukan {data_type}.",
    }

    def to_internal_value(self, data):
        bulat = isinstance(data, int) and not isinstance(data, bool)
        if not bulat and not (isinstance(data, str) and data.strip().isdigit()):
            self.fail("incorrect_type", data_type=repr(data))
        pk = id_param(data)
        if pk is None:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(pk)


class ModelSerializer(serializers.ModelSerializer):
    """DRF's ``ModelSerializer`` whose foreign keys are ``IdField``s (every API input)."""

    serializer_related_field = IdField


class TahunField(serializers.IntegerField):
    """A year of the app (2000–2100), with ``tahun_periksa``'s message (the schema says the
    range)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", TAHUN_MIN)
        kwargs.setdefault("max_value", TAHUN_MAX)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        nilai = super().to_internal_value(data)
        pesan = tahun_periksa(nilai)
        if pesan:
            raise serializers.ValidationError(pesan)
        return nilai


def saring_id(qs, params, nama: str, field: str | None = None):
    """``qs`` filtered by the id in query parameter ``nama`` (on ``field``, default
    ``<nama>_id``): no filter when the parameter is absent or not a number, no rows when it is
    a number no row can have (0, or beyond the database's bigint) instead of an overflow."""
    raw = (params.get(nama) or "").strip()
    if not raw.isdigit():
        return qs
    pk = id_param(raw)
    return qs.filter(**{field or f"{nama}_id": pk}) if pk else qs.none()


class KesalahanImporSerializer(serializers.Serializer):
    """One problem of an imported file: row (``null`` = the file), column, reason, message."""

    baris = serializers.IntegerField(allow_null=True)
    kolom = serializers.CharField()
    alasan = serializers.CharField()
    pesan = serializers.CharField(source="__str__")


class ImporDitolak(exceptions.APIException):
    """400 listing every problem of an import (``{"kesalahan": [...]}``) as the preview's
    ``KesalahanImporSerializer`` gives them, rows as numbers (a DRF ``ValidationError`` would
    turn every value into text). Raised by every import endpoint for an ``ImporGagal``."""

    status_code = 400
    default_code = "invalid"

    def __init__(self, kesalahan):
        self.detail = {"kesalahan": KesalahanImporSerializer(kesalahan, many=True).data}


def impor_berkas_api(berkas, *, jenis: str, profil: str, jalankan):
    """The steps every import endpoint shares: the saved column-mapping profile ``profil`` of
    import ``jenis`` (empty: the template's columns), the size checked before reading, then
    ``jalankan(berkas=<bytes>, nama_berkas=, pemetaan=)``; an ``ImporGagal`` on the way (no
    such profile, a bad file or row) is the 400 listing every problem (``ImporDitolak``),
    nothing written."""
    from .impor import ImporGagal, ukuran_pastikan
    from .selectors import pemetaan_profil

    try:
        pemetaan = pemetaan_profil(jenis=jenis, nama=profil)
        ukuran_pastikan(berkas.size)
        return jalankan(berkas=berkas.read(), nama_berkas=berkas.name, pemetaan=pemetaan)
    except ImporGagal as exc:
        raise ImporDitolak(exc.kesalahan) from None


def validation_detail(error: DjangoValidationError):
    if hasattr(error, "error_dict"):
        return {
            (field if field != "__all__" else "non_field_errors"): [str(m) for m in msgs]
            for field, msgs in error.message_dict.items()
        }
    return {"non_field_errors": [str(m) for m in error.messages]}


_PESAN_404_DJANGO = re.compile(r"No .+ matches the given query\.")


def exception_handler(exc, context):
    if basis_data_sibuk(exc):
        # Another user's save still holds the lock: nothing was written, send it again.
        return Response(
            {"detail": PESAN_SIBUK}, status=503, headers={"Retry-After": str(DETIK_COBA_LAGI)}
        )
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(validation_detail(exc))
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    elif isinstance(exc, Http404) and (not str(exc) or _PESAN_404_DJANGO.fullmatch(str(exc))):
        # get_object_or_404's English "No Renstra matches the given query." -> DRF's own text
        exc = exceptions.NotFound()
    return drf_exception_handler(exc, context)


class Router(DefaultRouter):
    pass


router = Router()


class LayananViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Records written only through services (HackSoft's style): reads answer with the
    ``OutputSerializer``; POST/PUT/PATCH validate the ``InputSerializer``, call
    ``buat_objek``/``ubah_objek`` (each app's base class says which service and how) and answer
    with the ``OutputSerializer``. No DELETE. Decorate each concrete viewset with
    ``skema_layanan`` so the schema documents both serializers."""

    permission_classes = [IsAuthenticated, IzinModelApi]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    InputSerializer: type[serializers.Serializer]
    OutputSerializer: type[serializers.Serializer]

    def get_serializer_class(self):
        return self.OutputSerializer

    def buat_objek(self, data: dict):
        raise NotImplementedError

    def ubah_objek(self, obj, data: dict):
        raise NotImplementedError

    def create(self, request, *args, **kwargs):
        masuk = self.InputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = self.buat_objek(masuk.validated_data)
        return Response(self.OutputSerializer(obj).data, status=201)

    def update(self, request, *args, partial: bool = False, **kwargs):
        obj = self.get_object()
        masuk = self.InputSerializer(obj, data=request.data, partial=partial)
        masuk.is_valid(raise_exception=True)
        obj = self.ubah_objek(obj, masuk.validated_data)
        return Response(self.OutputSerializer(obj).data)

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)


def skema_layanan(cls):
    """``extend_schema`` of a ``LayananViewSet`` from its nested serializers."""
    tulis = extend_schema(request=cls.InputSerializer, responses=cls.OutputSerializer)
    return extend_schema_view(
        create=extend_schema(request=cls.InputSerializer, responses={201: cls.OutputSerializer}),
        update=tulis,
        partial_update=tulis,
    )(cls)
