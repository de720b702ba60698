"""Performance tree (pohon kinerja): the rules of the services (level, cycle, years, unit,
year lock, who writes), the audit trail, and the selectors (tree of a year, findings)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.model_pohon import IndikatorUnit, SasaranUnit, TargetIndikatorUnit
from kinerja.models import KunciTahun
from kinerja.selectors_pohon import pohon_tahun, pohon_temuan
from kinerja.services import pohon as svc
from kpu_site.models import JejakAudit
from kpu_site.peran import Peran

from .factories import IndikatorFactory, RenstraFactory, SasaranFactory, TujuanFactory

D = Decimal


@pytest.fixture
def renstra(db):
    return RenstraFactory()


@pytest.fixture
def sasaran(renstra, unit_demo):
    tujuan = TujuanFactory(renstra=renstra)
    s1 = SasaranFactory(tujuan=tujuan, nomor=1, unit=unit_demo["perencanaan"])
    s2 = SasaranFactory(tujuan=tujuan, nomor=2, unit=unit_demo["keuangan"])
    IndikatorFactory(sasaran=s1, kode="IKSS 1")
    return {1: s1, 2: s2}


def _simpul(pengguna, renstra, unit, kode="S1.1", **kw):
    data = {
        "tingkat": "sub_bagian",
        "uraian": "Tersusunnya dokumen perencanaan dan anggaran tepat waktu",
        "tahun_mulai": 2022,
        "tahun_selesai": 2024,
    } | kw
    return svc.sasaran_unit_simpan(pengguna=pengguna, renstra=renstra, unit=unit, kode=kode, **data)


@pytest.fixture
def s11(sekretaris, renstra, sasaran, unit_demo):
    return _simpul(sekretaris, renstra, unit_demo["perencanaan"], mendukung_sasaran=sasaran[1])


def _indikator(pengguna, simpul, kode="IK 1", satuan="persen"):
    return svc.indikator_unit_simpan(
        pengguna=pengguna,
        sasaran_unit=simpul,
        kode=kode,
        uraian="Persentase dokumen",
        satuan=satuan,
    )


def _pesan(e, field):
    return " ".join(e.value.message_dict[field])


# --------------------------------------------------------------------------- rules


def test_simpul_dibuat_dengan_jejak_dan_riwayat(s11, sekretaris):
    assert s11.mendukung_sasaran.nomor == 1
    jejak = JejakAudit.objects.get(object_id=str(s11.pk), content_type__model="sasaranunit")
    assert jejak.aksi == "buat" and "S1.1" in jejak.keterangan
    assert s11.history.get().history_user == sekretaris


def test_sub_bagian_mendukung_sasaran_renstra_lain_ditolak(sekretaris, renstra, unit_demo):
    lain = SasaranFactory(
        tujuan=TujuanFactory(renstra=RenstraFactory(tahun_mulai=2025, tahun_selesai=2029))
    )
    with pytest.raises(ValidationError) as e:
        _simpul(sekretaris, renstra, unit_demo["perencanaan"], mendukung_sasaran=lain)
    assert "bukan sasaran strategis" in _pesan(e, "mendukung_sasaran")
    assert not SasaranUnit.objects.exists()


def test_tingkat_salah_ditolak(sekretaris, renstra, sasaran, s11, unit_demo):
    with pytest.raises(ValidationError) as e:
        _simpul(sekretaris, renstra, unit_demo["perencanaan"], "S1.2", mendukung_unit=s11)
    assert "bukan sasaran unit lain" in _pesan(e, "mendukung_unit")
    with pytest.raises(ValidationError) as e:
        _simpul(
            sekretaris,
            renstra,
            unit_demo["perencanaan"],
            "K1",
            tingkat="kegiatan_staf",
            mendukung_sasaran=sasaran[1],
        )
    assert "bukan langsung sasaran strategis" in _pesan(e, "mendukung_sasaran")


def test_siklus_ditolak(sekretaris, renstra, s11, unit_demo):
    unit = unit_demo["perencanaan"]
    k1 = _simpul(sekretaris, renstra, unit, "K1", tingkat="kegiatan_staf", mendukung_unit=s11)
    k2 = _simpul(sekretaris, renstra, unit, "K2", tingkat="kegiatan_staf", mendukung_unit=k1)
    with pytest.raises(ValidationError) as e:
        svc.sasaran_unit_simpan(
            pengguna=sekretaris,
            obj=k1,
            tingkat="kegiatan_staf",
            unit=unit,
            kode="K1",
            uraian=k1.uraian,
            mendukung_unit=k2,
            tahun_mulai=2022,
            tahun_selesai=2024,
        )
    assert "membuat siklus" in _pesan(e, "mendukung_unit")
    k1.refresh_from_db()
    assert k1.mendukung_unit == s11


def test_tahun_di_luar_renstra_dan_terbalik_ditolak(sekretaris, renstra, sasaran, unit_demo):
    with pytest.raises(ValidationError) as e:
        _simpul(sekretaris, renstra, unit_demo["perencanaan"], tahun_mulai=2019)
    assert "di luar periode" in _pesan(e, "tahun_mulai")
    with pytest.raises(ValidationError) as e:
        _simpul(sekretaris, renstra, unit_demo["perencanaan"], tahun_mulai=2024, tahun_selesai=2022)
    assert "sebelum tahun mulai" in _pesan(e, "tahun_selesai")


def test_unit_bukan_sub_bagian_ditolak(sekretaris, renstra, sasaran, unit_demo):
    with pytest.raises(ValidationError) as e:
        _simpul(sekretaris, renstra, unit_demo["sekretariat"], mendukung_sasaran=sasaran[1])
    assert "bukan sub bagian" in _pesan(e, "unit")


def test_target_di_luar_renstra_atau_masa_simpul_ditolak(sekretaris, s11):
    ind = _indikator(sekretaris, s11)
    for tahun, teks in ((2025, "di luar periode"), (2021, "di luar masa berlaku S1.1")):
        with pytest.raises(ValidationError) as e:
            svc.target_unit_simpan(pengguna=sekretaris, indikator=ind, tahun=tahun, target="90")
        assert teks in _pesan(e, "tahun")
    assert not TargetIndikatorUnit.objects.exists()


def test_nilai_target_diperiksa_seperti_renstra(sekretaris, s11):
    ind = _indikator(sekretaris, s11, satuan="dokumen")
    with pytest.raises(ValidationError) as e:
        svc.target_unit_simpan(pengguna=sekretaris, indikator=ind, tahun=2023, target="2.5")
    assert "harus bilangan bulat" in _pesan(e, "target")
    t = svc.target_unit_simpan(pengguna=sekretaris, indikator=ind, tahun=2023, target="3")
    assert t.target == D("3")


def test_tahun_terkunci_menolak_target(sekretaris, s11):
    ind = _indikator(sekretaris, s11)
    t = svc.target_unit_simpan(pengguna=sekretaris, indikator=ind, tahun=2023, target="90")
    KunciTahun.objects.create(tahun=2023)
    with pytest.raises(ValidationError) as e:
        svc.target_unit_simpan(pengguna=sekretaris, indikator=ind, tahun=2023, target="95")
    assert "sudah dikunci" in _pesan(e, "tahun")
    with pytest.raises(ValidationError):
        svc.target_unit_hapus(pengguna=sekretaris, obj=t)
    t.refresh_from_db()
    assert t.target == D("90")


def test_siapa_menulis(
    pengguna_buat, kasubag, kasubag_keuangan, staf, staf_lain, renstra, sasaran, unit_demo
):
    unit = unit_demo["keuangan"]
    # Kasubag Keuangan writes the nodes of Keuangan; Staf Perencanaan (the planners) too
    s = _simpul(kasubag_keuangan, renstra, unit, "S2.1", mendukung_sasaran=sasaran[2])
    _simpul(staf, renstra, unit, "S2.2", mendukung_sasaran=sasaran[2])
    # a Kasubag of another unit, a Staf of Keuangan, Komisioner and Auditor are refused
    hukum = pengguna_buat("kasubag.hukum", Peran.KASUBAG, "hukum_sdm")
    komisioner = pengguna_buat("kom.uji", Peran.KOMISIONER)
    for orang in (hukum, staf_lain, komisioner):
        with pytest.raises(PermissionDenied):
            _simpul(orang, renstra, unit, "S2.9", mendukung_sasaran=sasaran[2])
        with pytest.raises(PermissionDenied):
            _indikator(orang, s)
    # Kasubag Keuangan may not move a node to another unit's
    with pytest.raises(PermissionDenied):
        _simpul(kasubag_keuangan, renstra, unit_demo["perencanaan"], "S1.9")
    assert SasaranUnit.objects.count() == 2
    assert not IndikatorUnit.objects.exists()


def test_hapus_hanya_bila_tak_dirujuk(sekretaris, renstra, s11, unit_demo):
    k1 = _simpul(
        sekretaris,
        renstra,
        unit_demo["perencanaan"],
        "K1",
        tingkat="kegiatan_staf",
        mendukung_unit=s11,
    )
    with pytest.raises(ValidationError, match="masih didukung K1"):
        svc.sasaran_unit_hapus(pengguna=sekretaris, obj=s11)
    ind = _indikator(sekretaris, k1)
    svc.target_unit_simpan(pengguna=sekretaris, indikator=ind, tahun=2023, target="90")
    with pytest.raises(ValidationError, match="masih memiliki target"):
        svc.indikator_unit_hapus(pengguna=sekretaris, obj=ind)
    svc.target_unit_hapus(pengguna=sekretaris, obj=ind.target_tahunan.get())
    svc.indikator_unit_hapus(pengguna=sekretaris, obj=ind)
    svc.sasaran_unit_hapus(pengguna=sekretaris, obj=k1)
    svc.sasaran_unit_hapus(pengguna=sekretaris, obj=s11)
    assert not SasaranUnit.objects.exists()
    assert JejakAudit.objects.filter(aksi="hapus", keterangan__endswith="dihapus").count() == 4


def test_ubah_tahun_simpul_tidak_meninggalkan_target(sekretaris, s11, unit_demo):
    ind = _indikator(sekretaris, s11)
    svc.target_unit_simpan(pengguna=sekretaris, indikator=ind, tahun=2024, target="90")
    with pytest.raises(ValidationError) as e:
        svc.sasaran_unit_simpan(
            pengguna=sekretaris,
            obj=s11,
            tingkat="sub_bagian",
            unit=s11.unit,
            kode="S1.1",
            uraian=s11.uraian,
            mendukung_sasaran=s11.mendukung_sasaran,
            tahun_mulai=2022,
            tahun_selesai=2023,
        )
    assert "target tahun 2024" in _pesan(e, "tahun_selesai")


# --------------------------------------------------------------------------- selectors


def test_pohon_tahun_dan_jumlah_query(sekretaris, renstra, sasaran, s11, unit_demo):
    unit = unit_demo["perencanaan"]
    k1 = _simpul(sekretaris, renstra, unit, "K1", tingkat="kegiatan_staf", mendukung_unit=s11)
    _simpul(
        sekretaris,
        renstra,
        unit,
        "K0",
        tingkat="kegiatan_staf",
        mendukung_unit=s11,
        tahun_mulai=2024,
    )  # not valid in 2023
    for simpul in (s11, k1):
        ind = _indikator(sekretaris, simpul)
        svc.target_unit_simpan(pengguna=sekretaris, indikator=ind, tahun=2023, target="90")
        svc.target_unit_simpan(pengguna=sekretaris, indikator=ind, tahun=2022, target="80")
    with CaptureQueriesContext(connection) as q:
        pohon = pohon_tahun(tahun=2023)
        ringkas = [
            (
                c.sasaran.nomor,
                [
                    (
                        s.obj.kode,
                        [(i.kode, [t.target for t in i.target_tahunan.all()]) for i in s.indikator],
                        [a.obj.kode for a in s.anak],
                    )
                    for s in c.anak
                ],
            )
            for c in pohon.cabang
        ]
    assert len(q) == 7  # renstra; sasaran, indikator, targets; nodes, indikator, targets
    assert ringkas == [
        (1, [("S1.1", [("IK 1", [D("90")])], ["K1"])]),
        (2, []),
    ]


def test_temuan_pohon(sekretaris, renstra, sasaran, s11, unit_demo):
    _simpul(sekretaris, renstra, unit_demo["keuangan"], "S9", uraian="Sasaran lepas")
    pesan = [t.pesan for t in pohon_temuan(tahun=2023)]
    assert (
        "Sasaran unit S9 Sasaran lepas (Sub Bagian Keuangan, Umum dan Logistik) belum mendukung sasaran mana pun."
        in pesan
    )
    assert any(p.startswith("Sasaran strategis 2 ") and "belum didukung" in p for p in pesan)
    assert any(p.startswith("Sasaran unit S1.1") and "belum memiliki indikator" in p for p in pesan)
