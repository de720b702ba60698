"""factory_boy factories for the kinerja app."""

from __future__ import annotations

from decimal import Decimal

import factory

from kinerja.models import (
    Indikator,
    Misi,
    PerjanjianKinerja,
    PKBaris,
    Realisasi,
    Renstra,
    Sasaran,
    TargetTahunan,
    Tujuan,
)
from sekretariat.models import UnitOrganisasi


class RenstraFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Renstra
        django_get_or_create = ("tahun_mulai",)

    nama = "Renstra uji"
    tahun_mulai = 2020
    tahun_selesai = 2024
    visi = "Visi uji"


class MisiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Misi

    renstra = factory.SubFactory(RenstraFactory)
    urutan = factory.Sequence(lambda n: n + 1)
    uraian = "Misi uji"


class TujuanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tujuan

    renstra = factory.SubFactory(RenstraFactory)
    urutan = factory.Sequence(lambda n: n + 1)
    uraian = "Tujuan uji"


def _unit(kode="perencanaan"):
    unit, _ = UnitOrganisasi.objects.get_or_create(
        kode=kode, defaults={"nama": kode.title(), "jenis": UnitOrganisasi.Jenis.SUB_BAGIAN}
    )
    return unit


class SasaranFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sasaran

    tujuan = factory.SubFactory(TujuanFactory)
    nomor = factory.Sequence(lambda n: n + 1)
    uraian = factory.Sequence(lambda n: f"Sasaran uji {n}")
    unit = factory.LazyFunction(_unit)


class IndikatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indikator

    sasaran = factory.SubFactory(SasaranFactory)
    kode = factory.Sequence(lambda n: f"IK {n}")
    uraian = "Persentase uji"
    satuan = Indikator.Satuan.PERSEN
    arah = Indikator.Arah.NAIK
    presisi = 2
    agregasi = Indikator.Agregasi.KUMULATIF


class TargetTahunanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetTahunan

    indikator = factory.SubFactory(IndikatorFactory)
    tahun = 2023
    target = Decimal("100")


class PerjanjianKinerjaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PerjanjianKinerja

    tahun = 2023
    pihak_pertama_nama = "Sekretaris Uji"
    pihak_pertama_jabatan = "Sekretaris"
    pihak_kedua_nama = "Ketua Uji"
    pihak_kedua_jabatan = "Ketua"
    tempat = "Serang"
    tanggal = factory.LazyFunction(lambda: __import__("datetime").date(2023, 1, 2))


class PKBarisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PKBaris

    perjanjian = factory.SubFactory(PerjanjianKinerjaFactory)
    indikator = factory.SubFactory(IndikatorFactory)
    target = Decimal("100")


class RealisasiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Realisasi

    indikator = factory.SubFactory(IndikatorFactory)
    tahun = 2023
    periode = Realisasi.Periode.TAHUNAN
    nilai = Decimal("90")
