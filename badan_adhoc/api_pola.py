"""API of the number pattern and signatory per document type (issue 19 item 2):
``GET /api/adhoc/pola-nomor/`` every type (with the default until one is set, the next number,
the count issued), ``GET|PUT /api/adhoc/pola-nomor/<jenis>/``. Reading: every signed-in role;
writing: the recruitment's staff (``penomoran.pola_simpan``: a pattern without ``{urut}`` or
with an unknown field is a 400 on ``pola``; audited)."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from .dokumen.model_nomor import JenisNomor, Penandatangan
from .dokumen.penomoran import pola_list, pola_simpan


class PolaNomorSerializer(serializers.Serializer):
    jenis = serializers.CharField(read_only=True)
    label = serializers.CharField(read_only=True)
    pola = serializers.CharField(max_length=120)
    penandatangan = serializers.ChoiceField(choices=Penandatangan.choices)
    baku = serializers.BooleanField(read_only=True)
    contoh = serializers.CharField(read_only=True)
    terbit = serializers.IntegerField(read_only=True)


def _baris(jenis: str) -> dict:
    for b in pola_list():
        if b["jenis"] == jenis:
            return b
    raise Http404("Jenis dokumen bernomor tidak dikenal.")


class PolaNomorViewSet(viewsets.ViewSet):
    permission_classes = [permissions.IsAuthenticated]
    lookup_field = "jenis"
    lookup_value_regex = "[a-z_]+"
    serializer_class = PolaNomorSerializer

    @extend_schema(responses=PolaNomorSerializer(many=True))
    def list(self, request):
        data = [b | {"penandatangan": _kode_ttd(b)} for b in pola_list()]
        return Response(PolaNomorSerializer(data, many=True).data)

    @extend_schema(responses=PolaNomorSerializer)
    def retrieve(self, request, jenis=None):
        b = _baris(jenis)
        return Response(PolaNomorSerializer(b | {"penandatangan": _kode_ttd(b)}).data)

    @extend_schema(request=PolaNomorSerializer, responses=PolaNomorSerializer)
    def update(self, request, jenis=None):
        if jenis not in JenisNomor.values:
            raise Http404("Jenis dokumen bernomor tidak dikenal.")
        masuk = PolaNomorSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        try:
            pola_simpan(jenis_nomor=jenis, **masuk.validated_data, pengguna=request.user)
        except DjangoValidationError as e:
            raise ValidationError(
                e.message_dict if hasattr(e, "error_dict") else e.messages
            ) from None
        return self.retrieve(request, jenis=jenis)


def _kode_ttd(baris: dict) -> str:
    """The signatory's code from its label (``pola_list`` gives the label for the page)."""
    return {str(label): kode for kode, label in Penandatangan.choices}[str(baris["penandatangan"])]
