from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from anggaran import selectors, services
from anggaran.models import Pagu, Pos, Realisasi

from .factories import DokumenAnggaranFactory, pohon_kecil

pytestmark = pytest.mark.django_db


@pytest.fixture
def dipa():
    return DokumenAnggaranFactory()


@pytest.fixture
def pohon(dipa, sekretaris):
    return pohon_kecil(dipa, sekretaris)


def test_serapan_hitung_is_exactly_99_56_for_the_demo_totals():
    assert selectors.serapan_compute(Decimal("20415736000"), Decimal("20326861888")) == Decimal(
        "99.56"
    )
    assert selectors.sisa_compute(Decimal("20415736000"), Decimal("20326861888")) == Decimal(
        "88874112"
    )
    assert selectors.serapan_compute(Decimal("0"), Decimal("5")) is None


def test_jumlah_ke_atas_sums_every_level():
    induk = {1: None, 2: 1, 3: 2, 4: 2, 5: 1}
    total = selectors.jumlah_ke_atas(induk, {3: Decimal("10"), 4: Decimal("5"), 5: Decimal("1")})
    assert total == {
        1: Decimal("16"),
        2: Decimal("15"),
        3: Decimal("10"),
        4: Decimal("5"),
        5: Decimal("1"),
    }


def test_pohon_pagu_is_entered_at_leaves_and_summed_up(dipa, pohon, staf_keuangan):
    services.realisasi_create(
        pengguna=staf_keuangan,
        akun=pohon["akun"][0],
        tanggal=date(2023, 3, 1),
        nomor_sp2d="230001",
        nilai=Decimal("250000"),
    )
    tree = selectors.pohon_anggaran(dokumen=dipa)
    assert tree.pagu == Decimal("1500000")
    assert tree.realisasi == Decimal("250000")
    assert tree.serapan == Decimal("16.67")
    prog = tree.akar[0]
    assert prog.pos.tingkat == Pos.Tingkat.PROGRAM
    for simpul in tree.urut:
        if simpul.anak:
            assert simpul.pagu == sum(a.pagu for a in simpul.anak)
            assert simpul.realisasi == sum(a.realisasi for a in simpul.anak) or (
                simpul.pos.tingkat == Pos.Tingkat.AKUN
            )


def test_pos_create_rejects_negative_pagu_and_wrong_levels(dipa, pohon, sekretaris):
    akun = pohon["akun"][0]
    with pytest.raises(ValidationError) as exc:
        services.pos_create(
            pengguna=sekretaris,
            dokumen=dipa,
            induk=akun,
            tingkat=Pos.Tingkat.DETAIL,
            kode="2",
            uraian="x",
            volume=Decimal("1"),
            harga=Decimal("-5"),
        )
    assert "negatif" in str(exc.value)
    with pytest.raises(ValidationError):
        services.pos_create(
            pengguna=sekretaris,
            dokumen=dipa,
            induk=pohon["program"],
            tingkat=Pos.Tingkat.DETAIL,
            kode="9",
            uraian="x",
            volume=Decimal("1"),
            harga=Decimal("1"),
        )
    with pytest.raises(ValidationError):
        services.pos_create(
            pengguna=sekretaris,
            dokumen=dipa,
            induk=pohon["sub"],
            tingkat=Pos.Tingkat.KEGIATAN,
            kode="6710",
            uraian="x",
        )


def test_revisi_create_is_a_new_version_never_an_overwrite(dipa, pohon, kasubag_keuangan):
    detail = Pos.objects.get(induk=pohon["akun"][0])
    detail2 = Pos.objects.get(induk=pohon["akun"][1])
    rev = services.revisi_create(
        pengguna=kasubag_keuangan,
        dokumen=dipa,
        tanggal=date(2023, 6, 1),
        alasan="Pergeseran antar-akun",
        perubahan=[
            services.PerubahanPagu(pos=detail, volume=Decimal("1"), harga=Decimal("800000")),
            services.PerubahanPagu(pos=detail2, volume=Decimal("2"), harga=Decimal("350000")),
        ],
        rpd={6: Decimal("100000")},
    )
    assert rev.nomor == 1
    awal = selectors.revisi_pilih(dokumen=dipa, nomor=0)
    assert selectors.pohon_anggaran(dokumen=dipa, revisi=awal).pagu == Decimal("1500000")
    assert selectors.pohon_anggaran(dokumen=dipa).pagu == Decimal("1500000")
    assert selectors.pohon_anggaran(dokumen=dipa).per_id[pohon["akun"][1].pk].pagu == Decimal(
        "700000"
    )
    assert Pagu.objects.filter(revisi=awal).count() == 2
    changes = selectors.revisi_perubahan(revisi=rev)
    assert [c["selisih"] for c in changes] == [Decimal("-200000"), Decimal("200000")]


def test_revisi_cannot_drop_pagu_below_realisasi(dipa, pohon, sekretaris):
    services.realisasi_create(
        pengguna=sekretaris,
        akun=pohon["akun"][0],
        tanggal=date(2023, 3, 1),
        nomor_sp2d="1",
        nilai=Decimal("900000"),
    )
    detail = Pos.objects.get(induk=pohon["akun"][0])
    with pytest.raises(ValidationError) as exc:
        services.revisi_create(
            pengguna=sekretaris,
            dokumen=dipa,
            tanggal=date(2023, 6, 1),
            alasan="x",
            perubahan=[services.PerubahanPagu(pos=detail, volume=Decimal("1"), harga=Decimal("1"))],
        )
    assert "di bawah realisasi" in str(exc.value)
    assert dipa.revisi.count() == 1


def test_realisasi_record_rejects_amount_over_pagu(dipa, pohon, staf_keuangan, sekretaris):
    akun = pohon["akun"][1]
    services.realisasi_create(
        pengguna=staf_keuangan,
        akun=akun,
        tanggal=date(2023, 2, 1),
        nomor_sp2d="A1",
        nilai=Decimal("400000"),
    )
    with pytest.raises(ValidationError) as exc:
        services.realisasi_create(
            pengguna=staf_keuangan,
            akun=akun,
            tanggal=date(2023, 2, 2),
            nomor_sp2d="A2",
            nilai=Decimal("100000.01"),
            pelampauan_alasan="ingin",
        )
    assert "melebihi sisa pagu" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        services.realisasi_create(
            pengguna=sekretaris,
            akun=akun,
            tanggal=date(2023, 2, 2),
            nomor_sp2d="A2",
            nilai=Decimal("100000.01"),
        )
    assert "alasan" in str(exc.value)
    r = services.realisasi_create(
        pengguna=sekretaris,
        akun=akun,
        tanggal=date(2023, 2, 2),
        nomor_sp2d="A2",
        nilai=Decimal("100000.01"),
        pelampauan_alasan="Tagihan tahap akhir sudah jatuh tempo",
    )
    assert r.pelampauan_disetujui_oleh == sekretaris
    assert selectors.pohon_anggaran(dokumen=dipa).per_id[akun.pk].sisa == Decimal("-0.01")


def test_realisasi_record_rejects_duplicate_sp2d_and_non_akun(dipa, pohon, staf_keuangan):
    akun = pohon["akun"][0]
    services.realisasi_create(
        pengguna=staf_keuangan,
        akun=akun,
        tanggal=date(2023, 2, 1),
        nomor_sp2d="X",
        nilai=Decimal("1"),
    )
    with pytest.raises(ValidationError, match="sudah tercatat"):
        services.realisasi_create(
            pengguna=staf_keuangan,
            akun=akun,
            tanggal=date(2023, 2, 1),
            nomor_sp2d="X",
            nilai=Decimal("1"),
        )
    with pytest.raises(ValidationError, match="baris akun"):
        services.realisasi_create(
            pengguna=staf_keuangan,
            akun=pohon["sub"],
            tanggal=date(2023, 2, 1),
            nomor_sp2d="Y",
            nilai=Decimal("1"),
        )
    with pytest.raises(ValidationError, match="tahun anggaran"):
        services.realisasi_create(
            pengguna=staf_keuangan,
            akun=akun,
            tanggal=date(2024, 1, 1),
            nomor_sp2d="Z",
            nilai=Decimal("1"),
        )


def test_write_refused_for_other_sub_bagian_and_read_only_roles(
    dipa, pohon, staf, kasubag, komisioner
):
    for user in (staf, kasubag, komisioner):
        with pytest.raises(PermissionDenied):
            services.realisasi_create(
                pengguna=user,
                akun=pohon["akun"][0],
                tanggal=date(2023, 2, 1),
                nomor_sp2d="Q",
                nilai=Decimal("1"),
            )
    assert not Realisasi.objects.exists()


def test_dokumen_kunci_refuses_every_write(dipa, pohon, sekretaris, staf_keuangan):
    with pytest.raises(PermissionDenied):
        services.dokumen_lock(dokumen=dipa, pengguna=staf_keuangan)
    services.dokumen_lock(dokumen=dipa, pengguna=sekretaris)
    dipa.refresh_from_db()
    assert dipa.terkunci
    with pytest.raises(ValidationError, match="dikunci"):
        services.realisasi_create(
            pengguna=sekretaris,
            akun=pohon["akun"][0],
            tanggal=date(2023, 2, 1),
            nomor_sp2d="Q",
            nilai=Decimal("1"),
        )
    with pytest.raises(ValidationError, match="dikunci"):
        services.pos_create(
            pengguna=sekretaris,
            dokumen=dipa,
            induk=None,
            tingkat=Pos.Tingkat.PROGRAM,
            kode="076.01.WA",
            uraian="x",
        )


def test_realisasi_bulanan_against_rpd_gives_ikpa_deviation(dipa, pohon, sekretaris):
    services.rpd_set(
        pengguna=sekretaris,
        revisi=selectors.revisi_terakhir(dokumen=dipa),
        nilai={1: Decimal("100000"), 2: Decimal("200000")},
    )
    services.realisasi_create(
        pengguna=sekretaris,
        akun=pohon["akun"][0],
        tanggal=date(2023, 1, 20),
        nomor_sp2d="1",
        nilai=Decimal("104000"),
    )
    services.realisasi_create(
        pengguna=sekretaris,
        akun=pohon["akun"][0],
        tanggal=date(2023, 2, 20),
        nomor_sp2d="2",
        nilai=Decimal("150000"),
    )
    bulanan = selectors.realisasi_bulanan(dokumen=dipa)
    jan, feb = bulanan.baris[0], bulanan.baris[1]
    assert jan.deviasi == Decimal("4.00") and jan.deviasi_wajar
    assert feb.deviasi == Decimal("25.00") and not feb.deviasi_wajar
    assert feb.realisasi_kumulatif == Decimal("254000")
    assert feb.serapan_kumulatif == Decimal("16.93")
    assert bulanan.rata_rata_deviasi == Decimal("14.50")
    per_akun = selectors.realisasi_bulanan(dokumen=dipa, pos=pohon["akun"][0])
    assert per_akun.pagu == Decimal("1000000")
    assert per_akun.baris[11].serapan_kumulatif == Decimal("25.40")


def test_hibah_is_never_mixed_into_dipa_totals(dipa, pohon, sekretaris):
    hibah = services.dokumen_create(
        pengguna=sekretaris,
        jenis="hibah",
        tahun=2023,
        nomor="NPHD 001/2023",
        tanggal=date(2023, 11, 10),
        uraian="Hibah Pilkada",
        pemberi="Pemerintah Kota Uji",
    )
    pohon_kecil(hibah, sekretaris, pagu_akun=(Decimal("7000"), Decimal("3000")))
    tabel = selectors.tabel_3_1(tahun=2023)
    assert tabel["total_pagu"] == Decimal("1500000")
    sumber = selectors.ringkasan_per_sumber_dana(tahun=2023)
    assert [(s["jenis"], s["pagu"]) for s in sumber] == [
        ("dipa", Decimal("1500000")),
        ("hibah", Decimal("10000")),
    ]
    [lap] = selectors.laporan_hibah(tahun=2023)
    assert lap["total_pagu"] == Decimal("10000")


def test_anggaran_per_sasaran_sums_linked_lines_once(dipa, pohon, sekretaris, staf):
    from tests.kinerja.factories import SasaranFactory

    sasaran = SasaranFactory()
    lain = SasaranFactory()
    kegiatan = Pos.objects.get(dokumen=dipa, tingkat=Pos.Tingkat.KEGIATAN)
    ro = Pos.objects.get(dokumen=dipa, tingkat=Pos.Tingkat.RO)
    services.pos_sasaran_set(pengguna=sekretaris, pos=kegiatan, sasaran=[sasaran])
    services.pos_sasaran_set(pengguna=sekretaris, pos=ro, sasaran=[sasaran, lain])
    services.realisasi_create(
        pengguna=sekretaris,
        akun=pohon["akun"][0],
        tanggal=date(2023, 4, 1),
        nomor_sp2d="S1",
        nilai=Decimal("300000"),
    )
    hasil = selectors.anggaran_per_sasaran(tahun=2023)
    assert hasil[sasaran.pk] == {
        "pagu": Decimal("1500000"),
        "realisasi": Decimal("300000"),
        "serapan": Decimal("20.00"),
    }
    assert hasil[lain.pk]["pagu"] == Decimal("1500000")
    assert selectors.anggaran_per_sasaran(tahun=2022) == {}
    with pytest.raises(ValidationError):
        services.pos_sasaran_set(pengguna=sekretaris, pos=pohon["akun"][0], sasaran=[sasaran])
    with pytest.raises(PermissionDenied):
        services.pos_sasaran_set(pengguna=staf, pos=kegiatan, sasaran=[])
