"""The demo's PKs 2023 at every level: the Sekretaris's and one signed PK per sub-bagian
(made from the performance-tree nodes, created here through the ORM as the tree's demo does),
and the budget attachments with the demo DIPA's numbers."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest

from kinerja import demo_pk_unit
from kinerja.models import (
    IndikatorUnit,
    PerjanjianKinerja,
    PerjanjianKinerjaUnit,
    Sasaran,
    SasaranUnit,
    TargetIndikatorUnit,
)
from kinerja.selectors_pk_unit import (
    pk_lampiran_anggaran,
    pk_sasaran_ids,
    pk_unit_sasaran_ids,
)
from sekretariat.models import UnitOrganisasi
from tests.conftest import demo_inti_muat


def _pohon_seperti_demo():
    """One ``sub_bagian`` node per sub-bagian, supporting the first sasaran strategis the
    sub-bagian is responsible for, with one indikator and its 2023 target."""
    sasaran = Sasaran.objects.select_related("tujuan__renstra").order_by("nomor")
    for i, unit in enumerate(
        UnitOrganisasi.objects.filter(jenis="sub_bagian").order_by("urutan"), start=1
    ):
        induk = sasaran.filter(unit=unit).first()
        node = SasaranUnit.objects.create(
            renstra=induk.tujuan.renstra,
            tingkat="sub_bagian",
            unit=unit,
            kode=f"SSB {i}",
            uraian=f"Sasaran {unit.nama}",
            mendukung_sasaran=induk,
            tahun_mulai=2020,
            tahun_selesai=2024,
        )
        ind = IndikatorUnit.objects.create(
            sasaran_unit=node, kode=f"IKSB {i}.1", uraian="Indikator uji", satuan="persen"
        )
        TargetIndikatorUnit.objects.create(indikator=ind, tahun=2023, target=Decimal("100"))


@pytest.mark.django_db
def test_demo_signs_four_kasubag_pks_and_the_attachments_carry_the_dipa(client, sekretaris):
    demo_inti_muat()  # the kinerja demo loads the performance tree, then these PKs
    demo_pk_unit.muat(stdout=io.StringIO())  # idempotent
    pks = PerjanjianKinerjaUnit.objects.select_related("unit").order_by("unit__urutan")
    assert [(p.status, p.tanggal, p.tempat) for p in pks] == [
        ("ditandatangani", date(2023, 1, 2), "Serang")
    ] * 4
    assert [p.pihak_pertama_nama for p in pks] == [
        "Rina Herlina, S.E.",
        "Tomi Irawan, S.IP.",
        "Erlin Herlina, S.Kom.",
        "Encep Supriyadi, S.H.",
    ]
    assert {p.pihak_kedua_nama for p in pks} == {"Hendro Sulistyo, S.Sos., M.Si."}
    client.force_login(sekretaris)
    html = client.get("/kinerja/pk-unit/2023/").content.decode()
    assert html.count(">Ditandatangani<") == 5 and "belum ada PK" not in html

    pk_sek = PerjanjianKinerja.objects.get(tahun=2023)
    lampiran = pk_lampiran_anggaran(
        tahun=2023, tanggal=pk_sek.tanggal, sasaran_ids=pk_sasaran_ids(perjanjian=pk_sek)
    )
    assert lampiran["revisi"].nomor == 0  # revisi ke-1 is dated 20 Juli 2023
    assert lampiran["total"] == Decimal("20415736000")
    per_unit = {
        p.unit.kode: pk_lampiran_anggaran(
            tahun=2023, tanggal=p.tanggal, sasaran_ids=pk_unit_sasaran_ids(perjanjian=p)
        )
        for p in pks
    }
    # the pagu of the lines funding the sasaran strategis each sub-bagian's nodes support (the
    # demo tree has a node of the owning sub-bagian under every one of the 13)
    assert {k: v["total"] for k, v in per_unit.items()} == {
        "keuangan": Decimal("4739222000"),  # sasaran 2, 4, 5
        "teknis": Decimal("13850414000"),  # sasaran 8, 9, 10, 11, 13
        "perencanaan": Decimal("1366550000"),  # sasaran 1, 3, 7
        "hukum_sdm": Decimal("459550000"),  # sasaran 6 (6709 + 6710); 12 is funded by no line
    }
    # every line funds exactly one sub-bagian's sasaran: the four add up to the Sekretaris's
    assert sum(v["total"] for v in per_unit.values()) == lampiran["total"]
    assert [(b["kode"], b["pagu"]) for b in per_unit["hukum_sdm"]["baris"]] == [
        ("076.01.CQ", Decimal("459550000")),
        ("076.01.CQ.6709", Decimal("149725000")),
        ("076.01.CQ.6710", Decimal("309825000")),
    ]
