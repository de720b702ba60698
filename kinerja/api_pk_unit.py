"""API of the sub-bagian PKs (``/api/kinerja/pk-unit/``): read by every role; writes call
``kinerja.services.pk_unit`` (the Kasubag of the unit, Sub Bagian Perencanaan, Sekretaris/Admin;
signing only the Sekretaris/Admin; the year lock). POST creates a draft from the performance
tree; PATCH changes a draft's header and, with ``baris``, its targets, all or nothing;
``tandatangani`` freezes it; ``perubahan`` starts a revision with a reason (the same actions
as the Sekretaris's PK, ``/api/kinerja/pk/``, with its reason serializer)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from kpu_site.api import IdField, LayananViewSet, ModelSerializer, TahunField, skema_layanan
from sekretariat.models import UnitOrganisasi

from .api import PerjanjianKinerjaViewSet, _angka_masuk
from .model_pk_unit import PerjanjianKinerjaUnit, PKUnitBaris
from .services import pk_unit as svc

_KOLOM = PerjanjianKinerjaUnit._meta.get_field


class PKUnitBarisOutputSerializer(ModelSerializer):
    class Meta:
        model = PKUnitBaris
        ref_name = "PKUnitBaris"
        fields = ["id", "indikator", "target", "target_atas"]


class PKUnitBarisInputSerializer(serializers.Serializer):
    id = serializers.IntegerField(min_value=1)
    target = _angka_masuk(required=False, default=None)
    target_atas = _angka_masuk(required=False, default=None)

    class Meta:
        ref_name = "PKUnitBarisTarget"


@skema_layanan
class PKUnitViewSet(LayananViewSet):
    """The PK of each sub-bagian (Kasubag with the Sekretaris) with its rows; ``?tahun=`` and
    ``?unit=`` filter the list."""

    queryset = (
        PerjanjianKinerjaUnit.objects.select_related("unit")
        .prefetch_related("baris")
        .order_by("-tahun", "unit__urutan", "-revisi")
    )

    class InputSerializer(serializers.Serializer):
        unit = IdField(
            queryset=UnitOrganisasi.objects.filter(jenis=UnitOrganisasi.Jenis.SUB_BAGIAN),
            required=False,
            help_text="Sub bagian (hanya saat membuat).",
        )
        tahun = TahunField(required=False, help_text="Hanya saat membuat.")
        tempat = serializers.CharField(
            required=False, allow_blank=True, max_length=_KOLOM("tempat").max_length
        )
        tanggal = serializers.DateField(required=False, allow_null=True)
        pihak_pertama_nama = serializers.CharField(
            required=False, allow_blank=True, max_length=_KOLOM("pihak_pertama_nama").max_length
        )
        pihak_pertama_jabatan = serializers.CharField(
            required=False, allow_blank=True, max_length=_KOLOM("pihak_pertama_jabatan").max_length
        )
        pihak_kedua_nama = serializers.CharField(
            required=False, allow_blank=True, max_length=_KOLOM("pihak_kedua_nama").max_length
        )
        pihak_kedua_jabatan = serializers.CharField(
            required=False, allow_blank=True, max_length=_KOLOM("pihak_kedua_jabatan").max_length
        )
        alasan_perubahan = serializers.CharField(required=False, allow_blank=True, max_length=2000)
        baris = PKUnitBarisInputSerializer(many=True, required=False)

        class Meta:
            ref_name = "PKUnitMasuk"

    class OutputSerializer(ModelSerializer):
        baris = PKUnitBarisOutputSerializer(many=True, read_only=True)
        # draft / ditandatangani / diganti, as the PK (a plain string keeps the schema's enum
        # names unambiguous, as the monitoring's)
        status = serializers.CharField(read_only=True)

        class Meta:
            model = PerjanjianKinerjaUnit
            ref_name = "PerjanjianKinerjaUnit"
            fields = [
                "id",
                "unit",
                "tahun",
                "revisi",
                "status",
                "alasan_perubahan",
                "pihak_pertama_nama",
                "pihak_pertama_jabatan",
                "pihak_kedua_nama",
                "pihak_kedua_jabatan",
                "tempat",
                "tanggal",
                "ditandatangani_pada",
                "baris",
            ]

    def get_queryset(self):
        qs = super().get_queryset()
        for kunci in ("tahun", "unit"):
            nilai = self.request.query_params.get(kunci, "")
            if nilai.isdigit() and len(nilai) <= 9:
                qs = qs.filter(**{kunci: int(nilai)})
        return qs

    def _segar(self, obj):
        return self.get_queryset().model.objects.prefetch_related("baris").get(pk=obj.pk)

    def buat_objek(self, data: dict):
        kurang = {k: "Wajib diisi untuk membuat PK." for k in ("unit", "tahun") if k not in data}
        if kurang:
            raise ValidationError(kurang)
        lain = sorted(set(data) - {"unit", "tahun", "tempat", "tanggal"})
        if lain:
            raise ValidationError({lain[0]: "Isi setelah draft dibuat (PATCH)."})
        obj = svc.pk_unit_create(
            unit=data["unit"],
            tahun=data["tahun"],
            pengguna=self.request.user,
            tempat=data.get("tempat", ""),
            tanggal_pk=data.get("tanggal"),
        )
        return self._segar(obj)

    @transaction.atomic
    def ubah_objek(self, obj, data: dict):
        for kunci in ("unit", "tahun"):
            if kunci in data and getattr(obj, kunci) != data[kunci]:
                raise ValidationError({kunci: "Sub bagian dan tahun PK tidak dapat diubah."})
        baris = data.pop("baris", [])
        kepala = {k: v for k, v in data.items() if k not in ("unit", "tahun")}
        if kepala:
            svc.pk_unit_update(perjanjian=obj, pengguna=self.request.user, **kepala)
        milik = {b.pk: b for b in obj.baris.all()}
        for nomor, isi in enumerate(baris, start=1):
            b = milik.get(isi["id"])
            if b is None:
                raise ValidationError(
                    {"baris": f"Baris {nomor}, kolom id: {isi['id']} bukan baris PK ini."}
                )
            try:
                svc.pk_unit_baris_update(
                    baris=b,
                    pengguna=self.request.user,
                    target=isi.get("target"),
                    target_atas=isi.get("target_atas"),
                )
            except ValidationError as e:
                if not hasattr(e, "error_dict"):
                    raise
                raise ValidationError(
                    {
                        "baris": [
                            f"Baris {nomor}, kolom {kolom}: {pesan}"
                            for kolom, daftar in e.message_dict.items()
                            for pesan in daftar
                        ]
                    }
                ) from None
        return self._segar(obj)

    @extend_schema(request=None, responses=OutputSerializer)
    @action(detail=True, methods=["post"])
    def tandatangani(self, request, pk=None):
        obj = svc.pk_unit_sign(perjanjian=self.get_object(), pengguna=request.user)
        return Response(self.OutputSerializer(self._segar(obj)).data)

    @extend_schema(
        request=PerjanjianKinerjaViewSet.PerubahanInputSerializer, responses={201: OutputSerializer}
    )
    @action(detail=True, methods=["post"])
    def perubahan(self, request, pk=None):
        masuk = PerjanjianKinerjaViewSet.PerubahanInputSerializer(data=request.data)
        masuk.is_valid(raise_exception=True)
        obj = svc.pk_unit_perubahan_create(
            perjanjian=self.get_object(),
            pengguna=request.user,
            alasan=masuk.validated_data["alasan"],
        )
        return Response(self.OutputSerializer(self._segar(obj)).data, status=201)


def register(router) -> None:
    router.register("kinerja/pk-unit", PKUnitViewSet, basename="kinerja-pkunit")
