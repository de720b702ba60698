"""The API root: one DRF router that every app registers its viewsets on.

Each app's ``api.py`` defines ``register(router)``; ``kpu_site.urls`` calls them. A Django
``ValidationError`` raised by a service becomes a 400 with its (Indonesian) messages; a
database still busy with another user's save a 503 with ``Retry-After`` (``kpu_site.konkuren``).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, serializers, viewsets
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter
from rest_framework.views import exception_handler as drf_exception_handler

from .akses import IzinModelApi
from .konkuren import DETIK_COBA_LAGI, PESAN_SIBUK, basis_data_sibuk


def validation_detail(error: DjangoValidationError):
    if hasattr(error, "error_dict"):
        return {
            (field if field != "__all__" else "non_field_errors"): [str(m) for m in msgs]
            for field, msgs in error.message_dict.items()
        }
    return {"non_field_errors": [str(m) for m in error.messages]}


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
