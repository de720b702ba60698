"""API of the IKU decree and the Manual IKU: read by every role; writes call
``kinerja.services.iku`` (Sekretaris, Admin and Sub Bagian Perencanaan, the year lock)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from rest_framework import serializers

from kpu_site.api import LayananViewSet, ModelSerializer, skema_layanan

from . import selectors_iku
from .model_iku import KeputusanIku, ManualIndikator
from .models import Indikator
from .services import iku


@skema_layanan
class KeputusanIkuViewSet(LayananViewSet):
    """The IKU decree of a Renstra period; ``indikator`` lists the indikator it names."""

    queryset = KeputusanIku.objects.select_related("renstra").prefetch_related("baris")

    class InputSerializer(ModelSerializer):
        indikator = serializers.PrimaryKeyRelatedField(
            queryset=Indikator.objects.select_related("sasaran__tujuan"), many=True
        )
        alasan_perubahan = serializers.CharField(
            required=False, allow_blank=True, max_length=300, write_only=True
        )

        class Meta:
            model = KeputusanIku
            ref_name = "KeputusanIkuMasuk"
            fields = ["renstra", "nomor", "tanggal", "tentang", "indikator", "alasan_perubahan"]
            validators = []

    class OutputSerializer(ModelSerializer):
        indikator = serializers.SerializerMethodField()

        class Meta:
            model = KeputusanIku
            ref_name = "KeputusanIku"
            fields = ["id", "renstra", "nomor", "tanggal", "tentang", "indikator"]

        def get_indikator(self, obj) -> list[int]:
            return sorted(b.indikator_id for b in obj.baris.all())

    def buat_objek(self, data: dict):
        if KeputusanIku.objects.filter(renstra=data["renstra"]).exists():
            raise ValidationError(
                {"renstra": f"Keputusan IKU {data['renstra']} sudah ada; ubah keputusannya."}
            )
        data.pop("alasan_perubahan", None)  # a first decree has nothing to change
        return iku.keputusan_iku_set(pengguna=self.request.user, **data)

    def ubah_objek(self, obj, data: dict):
        if "renstra" in data and data["renstra"].pk != obj.renstra_id:
            raise ValidationError({"renstra": "Renstra sebuah keputusan IKU tidak dapat diubah."})
        isi = {
            "nomor": obj.nomor,
            "tanggal": obj.tanggal,
            "tentang": obj.tentang,
            "indikator": [b.indikator for b in obj.baris.select_related("indikator__sasaran")],
        }
        isi.update({k: v for k, v in data.items() if k not in ("renstra", "alasan_perubahan")})
        isi["alasan"] = data.get("alasan_perubahan", "")
        obj = iku.keputusan_iku_set(pengguna=self.request.user, renstra=obj.renstra, **isi)
        return KeputusanIku.objects.prefetch_related("baris").get(pk=obj.pk)


@skema_layanan
class ManualIndikatorViewSet(LayananViewSet):
    """The manual of an indikator; ``aturan_capaian`` and ``satuan`` are the indikator's own,
    ``kurang`` lists what a complete manual still lacks."""

    queryset = ManualIndikator.objects.select_related("indikator").order_by("pk")

    class InputSerializer(ModelSerializer):
        class Meta:
            model = ManualIndikator
            ref_name = "ManualIndikatorMasuk"
            fields = ["indikator", *iku.MANUAL_KOLOM]
            validators = []

    class OutputSerializer(ModelSerializer):
        satuan = serializers.CharField(source="indikator.satuan", read_only=True)
        aturan_capaian = serializers.SerializerMethodField()
        kurang = serializers.SerializerMethodField()

        class Meta:
            model = ManualIndikator
            ref_name = "ManualIndikator"
            fields = ["id", "indikator", *iku.MANUAL_KOLOM, "satuan", "aturan_capaian", "kurang"]

        def get_aturan_capaian(self, obj) -> str:
            return selectors_iku.aturan_capaian(obj.indikator)

        def get_kurang(self, obj) -> list[str]:
            return selectors_iku.manual_kurang(obj)

    def buat_objek(self, data: dict):
        indikator = data.pop("indikator")
        if ManualIndikator.objects.filter(indikator=indikator).exists():
            raise ValidationError(
                {"indikator": f"Manual indikator {indikator.kode} sudah ada; ubah manualnya."}
            )
        return iku.manual_simpan(pengguna=self.request.user, indikator=indikator, **data)

    def ubah_objek(self, obj, data: dict):
        if "indikator" in data and data.pop("indikator").pk != obj.indikator_id:
            raise ValidationError({"indikator": "Indikator sebuah manual tidak dapat diubah."})
        return iku.manual_simpan(pengguna=self.request.user, indikator=obj.indikator, **data)


def register(router) -> None:
    router.register("kinerja/iku", KeputusanIkuViewSet, basename="kinerja-keputusaniku")
    router.register(
        "kinerja/manual-indikator", ManualIndikatorViewSet, basename="kinerja-manualindikator"
    )
