"""Sample URL arguments of the PK-at-every-level pages and API: the demo's first sub-bagian PK.

Until the performance-tree demo is on the branch, the demo makes no sub-bagian PK; then one
node of Sub Bagian Perencanaan with a 2023 target and its signed PK are made here (as
``kinerja.demo_pk_unit`` would make them)."""

from __future__ import annotations

import io
from decimal import Decimal


def _pk():
    from kinerja import demo_pk_unit
    from kinerja.models import (
        IndikatorUnit,
        PerjanjianKinerjaUnit,
        Sasaran,
        SasaranUnit,
        TargetIndikatorUnit,
    )

    pk = PerjanjianKinerjaUnit.objects.order_by("pk").first()
    if pk is None:
        sasaran = (
            Sasaran.objects.select_related("tujuan__renstra", "unit").order_by("nomor").first()
        )
        node = SasaranUnit.objects.create(
            renstra=sasaran.tujuan.renstra,
            tingkat=SasaranUnit.Tingkat.SUB_BAGIAN,
            unit=sasaran.unit,
            kode="SSB CONTOH",
            uraian="Sasaran contoh",
            mendukung_sasaran=sasaran,
            tahun_mulai=2023,
            tahun_selesai=2023,
        )
        ind = IndikatorUnit.objects.create(
            sasaran_unit=node, kode="IKSB CONTOH", uraian="Indikator contoh", satuan="persen"
        )
        TargetIndikatorUnit.objects.create(indikator=ind, tahun=2023, target=Decimal("100"))
        demo_pk_unit.muat(stdout=io.StringIO())
        pk = PerjanjianKinerjaUnit.objects.order_by("pk").first()
    return pk


def _dokumen():
    return {"pk": _pk().pk}


def _unit():
    pk = _pk()
    return {"tahun": pk.tahun, "unit_pk": pk.unit_id}


CONTOH = {
    "kinerja:pk_unit_daftar": lambda: {"tahun": 2023},
    "kinerja:pk_unit_sekretaris_cetak": lambda: {"tahun": 2023},
    "kinerja:pk_unit_detail": _unit,
    "kinerja:pk_unit_buat": _unit,
    "kinerja:pk_unit_ubah": _dokumen,
    "kinerja:pk_unit_tandatangani": _dokumen,
    "kinerja:pk_unit_perubahan": _dokumen,
    "kinerja:pk_unit_cetak": _dokumen,
    "kinerja:pk_unit_baris_ubah": lambda: {"pk": _pk().baris.order_by("pk").first().pk},
    "kinerja-pkunit-detail": _dokumen,
    "kinerja-pkunit-tandatangani": _dokumen,
    "kinerja-pkunit-perubahan": _dokumen,
}
