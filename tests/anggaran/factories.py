"""Factories for the anggaran tests: a DIPA with a small tree built through the services."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import factory

from anggaran import services
from anggaran.models import DokumenAnggaran, Pos, Revisi


class DokumenAnggaranFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DokumenAnggaran
        skip_postgeneration_save = True

    jenis = DokumenAnggaran.Jenis.DIPA
    tahun = 2023
    nomor = factory.Sequence(lambda n: f"SP DIPA-076.01.2.67071{n % 10}/{2023 + n}")
    tanggal = date(2022, 11, 30)
    uraian = "DIPA Satker KPU Kota Uji"

    @factory.post_generation
    def revisi_awal(obj, create, extracted, **kwargs):
        if create:
            Revisi.objects.create(dokumen=obj, nomor=0, tanggal=obj.tanggal, alasan="Pagu awal")


def pohon_kecil(dokumen, pengguna, *, pagu_akun=(Decimal("1000000"), Decimal("500000"))):
    """program 076.01.CQ > kegiatan 6709 > KRO QGE > RO 001 > komponen 051 > sub A >
    akun 521211 (pagu_akun[0]) and 521213 (pagu_akun[1]), each with one detail line."""
    p = services.pos_create(
        pengguna=pengguna,
        dokumen=dokumen,
        induk=None,
        tingkat=Pos.Tingkat.PROGRAM,
        kode="076.01.CQ",
        uraian="Program Penyelenggaraan Pemilu",
    )
    node = p
    for tingkat, kode in [
        (Pos.Tingkat.KEGIATAN, "6709"),
        (Pos.Tingkat.KRO, "QGE"),
        (Pos.Tingkat.RO, "001"),
        (Pos.Tingkat.KOMPONEN, "051"),
        (Pos.Tingkat.SUBKOMPONEN, "A"),
    ]:
        node = services.pos_create(
            pengguna=pengguna,
            dokumen=dokumen,
            induk=node,
            tingkat=tingkat,
            kode=kode,
            uraian=f"{tingkat} {kode}",
        )
    akun = []
    for kode, jumlah in zip(["521211", "521213"], pagu_akun, strict=True):
        a = services.pos_create(
            pengguna=pengguna,
            dokumen=dokumen,
            induk=node,
            tingkat=Pos.Tingkat.AKUN,
            kode=kode,
            uraian=f"Akun {kode}",
        )
        services.pos_create(
            pengguna=pengguna,
            dokumen=dokumen,
            induk=a,
            tingkat=Pos.Tingkat.DETAIL,
            kode="1",
            uraian="Detail",
            satuan="PKT",
            volume=Decimal("1"),
            harga=jumlah,
        )
        akun.append(a)
    return {"program": p, "sub": node, "akun": akun}


JUTA = Decimal("1000000")


def mutasi_up_catat(dokumen, jenis, nomor, tanggal, juta, tup=None, pengguna=None, **kwargs):
    """One movement of the UP/TUP register through the service, ``juta`` in millions."""
    from anggaran import services_up

    return services_up.mutasi_up_create(
        pengguna=pengguna,
        dokumen=dokumen,
        jenis=jenis,
        nomor=nomor,
        tanggal=tanggal,
        nilai=Decimal(juta) * JUTA,
        tup=tup,
        **kwargs,
    )
