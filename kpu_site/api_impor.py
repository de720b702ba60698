"""The column-mapping profiles through the API: ``/api/profil-impor/``.

List and read the profiles of the imports the user may run; create, change (PUT/PATCH) and
delete them through ``kpu_site.services.profil_impor_simpan``/``profil_impor_hapus`` (the same
checks and refusals as the page, audited). An import endpoint names a profile in its
``profil`` field; a command takes ``--profil "<nama>"``."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from .impor_jenis import jenis_semua
from .models import ProfilImpor
from .selectors import profil_impor_list
from .services import profil_impor_hapus, profil_impor_simpan


class ProfilInputSerializer(serializers.Serializer):
    jenis = serializers.ChoiceField(choices=[], help_text="Kode impor, mis. realisasi, pendaftar.")
    nama = serializers.CharField(max_length=100)
    lembar = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    baris_judul = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=1000
    )
    kolom = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField(max_length=300), max_length=20),
        help_text='Isian -> kolom berkas, mis. {"tanggal": ["Tgl SP2D"]}.',
    )
    aturan = serializers.DictField(
        child=serializers.CharField(max_length=40, allow_blank=True),
        required=False,
        default=dict,
        help_text='Isian -> aturan nilai, mis. {"tanggal": "tanggal"}.',
    )

    class Meta:
        ref_name = "ProfilImporInput"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jenis"].choices = [(k, j.judul) for k, j in jenis_semua().items()]


class ProfilOutputSerializer(serializers.ModelSerializer):
    kolom = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    aturan = serializers.DictField(child=serializers.CharField())

    class Meta:
        model = ProfilImpor
        ref_name = "ProfilImpor"
        fields = ["id", "jenis", "nama", "lembar", "baris_judul", "kolom", "aturan", "diubah_pada"]


@extend_schema_view(
    create=extend_schema(request=ProfilInputSerializer, responses={201: ProfilOutputSerializer}),
    update=extend_schema(request=ProfilInputSerializer, responses=ProfilOutputSerializer),
    partial_update=extend_schema(request=ProfilInputSerializer, responses=ProfilOutputSerializer),
)
class ProfilImporViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [IsAuthenticated]
    serializer_class = ProfilOutputSerializer
    queryset = ProfilImpor.objects.all()

    def get_queryset(self):
        user = self.request.user
        boleh = [k for k, j in jenis_semua().items() if j.boleh(user)]
        return profil_impor_list().filter(jenis__in=boleh)

    def _simpan(self, data, profil=None):
        return profil_impor_simpan(pengguna=self.request.user, profil=profil, **data)

    def create(self, request, *args, **kwargs):
        masuk = ProfilInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = self._simpan(masuk.validated_data)
        return Response(ProfilOutputSerializer(obj).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, partial: bool = False, **kwargs):
        obj = self.get_object()
        sekarang = ProfilOutputSerializer(obj).data
        data = {k: sekarang[k] for k in ("jenis", "nama", "lembar", "baris_judul", "kolom")}
        data["aturan"] = sekarang["aturan"]
        masuk = ProfilInputSerializer(data={**data, **request.data} if partial else request.data)
        masuk.is_valid(raise_exception=True)
        if masuk.validated_data["jenis"] != obj.jenis:
            raise serializers.ValidationError({"jenis": ["Jenis impor profil tidak dapat diubah."]})
        return Response(ProfilOutputSerializer(self._simpan(masuk.validated_data, obj)).data)

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    def destroy(self, request, *args, **kwargs):
        profil_impor_hapus(pengguna=request.user, profil=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)
