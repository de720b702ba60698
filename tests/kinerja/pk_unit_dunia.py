"""A small world for the tests of the sub-bagian PKs, built through the ORM: the demo's units,
their Kasubag posts and holders (from 2 Januari 2023), the Sekretaris, a Renstra with one
sasaran strategis per sub-bagian, one ``sub_bagian`` node per sub-bagian with an indikator and
its 2023 target (what the performance-tree demo creates), the Sekretaris's signed PK 2023, and a
DIPA 2023 whose kegiatan fund the sasaran, with a revision on 20 Juli 2023."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from anggaran.models import DokumenAnggaran, Pagu, Pos, Revisi
from kinerja.models import (
    IndikatorUnit,
    PerjanjianKinerja,
    PKBaris,
    SasaranUnit,
    TargetIndikatorUnit,
)
from sekretariat.models import Jabatan
from tests.sekretariat.factories import PegawaiFactory, RiwayatJabatanFactory

from . import factories as f

SUB_BAGIAN = ("keuangan", "teknis", "perencanaan", "hukum_sdm")


@dataclass
class DuniaPK:
    units: dict
    renstra: object
    sasaran: dict = field(default_factory=dict)
    jabatan: dict = field(default_factory=dict)
    kasubag: dict = field(default_factory=dict)
    node: dict = field(default_factory=dict)
    indikator: dict = field(default_factory=dict)
    pk_sekretaris: object = None
    dipa: object = None


def _pos(dokumen, induk, tingkat, kode, uraian, urutan):
    kode_lengkap = f"{induk.kode_lengkap}.{kode}" if induk else kode
    return Pos.objects.create(
        dokumen=dokumen,
        induk=induk,
        tingkat=tingkat,
        kode=kode,
        kode_lengkap=kode_lengkap,
        uraian=uraian,
        urutan=urutan,
    )


def dunia_pk_buat(units, *, kosong: tuple[str, ...] = (), dengan_dipa: bool = True) -> DuniaPK:
    """``kosong``: sub-bagian whose Kasubag post is held by nobody."""
    renstra = f.RenstraFactory()
    tujuan = f.TujuanFactory(renstra=renstra)
    d = DuniaPK(units=units, renstra=renstra)
    sekretariat = units["sekretariat"]
    jab_sek = Jabatan.objects.create(
        nama="Sekretaris KPU Kota Serang", jenis=Jabatan.Jenis.STRUKTURAL, unit=sekretariat
    )
    RiwayatJabatanFactory(
        jabatan=jab_sek,
        pegawai=PegawaiFactory(nama="Hendro Uji", unit=sekretariat),
        tanggal_mulai=date(2020, 3, 2),
    )
    for nomor, kode in enumerate(SUB_BAGIAN, start=1):
        unit = units[kode]
        d.sasaran[kode] = f.SasaranFactory(tujuan=tujuan, unit=unit, nomor=nomor)
        ind_ss = f.IndikatorFactory(sasaran=d.sasaran[kode], kode=f"IKSS {nomor}")
        f.TargetTahunanFactory(indikator=ind_ss, tahun=2023)
        d.jabatan[kode] = Jabatan.objects.create(
            nama=f"Kepala {unit.nama}", jenis=Jabatan.Jenis.STRUKTURAL, unit=unit
        )
        if kode not in kosong:
            d.kasubag[kode] = PegawaiFactory(nama=f"Kasubag {kode.title()} Uji", unit=unit)
            RiwayatJabatanFactory(jabatan=d.jabatan[kode], pegawai=d.kasubag[kode])
        d.node[kode] = SasaranUnit.objects.create(
            renstra=renstra,
            tingkat=SasaranUnit.Tingkat.SUB_BAGIAN,
            unit=unit,
            kode=f"SSB {nomor}",
            uraian=f"Sasaran {unit.nama} (uji)",
            mendukung_sasaran=d.sasaran[kode],
            tahun_mulai=2020,
            tahun_selesai=2024,
        )
        d.indikator[kode] = IndikatorUnit.objects.create(
            sasaran_unit=d.node[kode],
            kode=f"IKSB {nomor}.1",
            uraian=f"Persentase layanan {unit.nama} tepat waktu",
            satuan="persen",
            arah="naik",
            presisi=2,
        )
        TargetIndikatorUnit.objects.create(
            indikator=d.indikator[kode], tahun=2023, target=Decimal("90")
        )
    d.pk_sekretaris = f.PerjanjianKinerjaFactory(
        tahun=2023, status=PerjanjianKinerja.Status.DITANDATANGANI
    )
    for s in d.sasaran.values():
        PKBaris.objects.create(
            perjanjian=d.pk_sekretaris, indikator=s.indikator.get(), target=Decimal("95")
        )
    if dengan_dipa:
        d.dipa = _dipa(d)
    return d


def _dipa(d: DuniaPK):
    """Program 076.01.CQ with kegiatan 6701 (sasaran 1: keuangan) and 6702 (sasaran 3:
    perencanaan), a KRO under 6701 also linked to sasaran 1 (counted once), and 6703 funding
    nothing. Revisi ke-0 (5 Des 2022): 6701 = 300.000.000, 6702 = 200.000.000; revisi ke-1
    (20 Jul 2023): 6701 = 350.000.000."""
    dipa = DokumenAnggaran.objects.create(
        jenis=DokumenAnggaran.Jenis.DIPA,
        tahun=2023,
        nomor="SP DIPA-UJI/2023",
        tanggal=date(2022, 12, 5),
        uraian="DIPA uji",
    )
    r0 = Revisi.objects.create(dokumen=dipa, nomor=0, tanggal=date(2022, 12, 5), alasan="awal")
    r1 = Revisi.objects.create(dokumen=dipa, nomor=1, tanggal=date(2023, 7, 20), alasan="POK")
    program = _pos(dipa, None, "program", "076.01.CQ", "Penyelenggaraan Pemilu", 1)
    k1 = _pos(dipa, program, "kegiatan", "6701", "Perencanaan Program dan Anggaran", 2)
    kro = _pos(dipa, k1, "kro", "QGE", "Layanan Perkantoran", 3)
    d1 = _pos(dipa, kro, "detail", "A", "Honor", 4)
    k2 = _pos(dipa, program, "kegiatan", "6702", "Pengelolaan Data dan Informasi", 5)
    d2 = _pos(dipa, k2, "detail", "A", "Bahan", 6)
    k3 = _pos(dipa, program, "kegiatan", "6703", "Pembentukan Badan Ad Hoc", 7)
    d3 = _pos(dipa, k3, "detail", "A", "Rapat", 8)
    for revisi, nilai in ((r0, (300, 200, 100)), (r1, (350, 200, 50))):
        for detail, juta in zip((d1, d2, d3), nilai, strict=True):
            Pagu.objects.create(
                revisi=revisi, pos=detail, volume=Decimal(1), harga=Decimal(juta * 1_000_000)
            )
    k1.sasaran.add(d.sasaran["keuangan"])
    kro.sasaran.add(d.sasaran["keuangan"])
    k2.sasaran.add(d.sasaran["perencanaan"])
    return dipa
