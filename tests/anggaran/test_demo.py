import io
from decimal import Decimal

import pytest

from anggaran import demo, selectors
from anggaran.models import DokumenAnggaran, Pos, Realisasi, Revisi

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_anggaran():
    demo.muat(stdout=io.StringIO())
    return DokumenAnggaran.objects.get(nomor=demo.NOMOR_DIPA)


def test_demo_tree_totals_match_the_lkj_2023(demo_anggaran):
    pohon = selectors.pohon_anggaran(dokumen=demo_anggaran)
    assert pohon.pagu == Decimal("20415736000")
    assert pohon.realisasi == Decimal("20326861888")
    assert pohon.serapan == Decimal("99.56")
    assert pohon.sisa == Decimal("88874112")
    program = {s.pos.kode: s for s in pohon.akar}
    assert program["076.01.CQ"].pagu == Decimal("18256293000")
    assert program["076.01.CQ"].realisasi == Decimal("18168826339")
    assert program["076.01.WA"].pagu == Decimal("2159443000")
    assert program["076.01.WA"].realisasi == Decimal("2158035549")


def test_demo_every_subtotal_equals_the_sum_of_its_children(demo_anggaran):
    for dokumen in DokumenAnggaran.objects.all():
        for revisi in dokumen.revisi.all():
            pohon = selectors.pohon_anggaran(dokumen=dokumen, revisi=revisi)
            checked = 0
            for simpul in pohon.urut:
                if not simpul.anak:
                    continue
                assert simpul.pagu == sum((a.pagu for a in simpul.anak), Decimal(0)), simpul.pos
                own = sum((r.nilai for r in Realisasi.objects.filter(akun=simpul.pos)), Decimal(0))
                assert simpul.realisasi == own + sum(
                    (a.realisasi for a in simpul.anak), Decimal(0)
                ), simpul.pos
                checked += 1
            assert checked > 10


def test_demo_table_3_1_lines_and_hibah(demo_anggaran):
    tabel = selectors.tabel_3_1(tahun=2023)
    baris = {r["kode"]: r for r in tabel["baris"]}
    assert len([r for r in tabel["baris"] if r["tingkat"] == "kegiatan"]) == 13
    assert baris["076.01.CQ.6703"]["pagu"] == Decimal("13740458000")
    assert baris["076.01.CQ.6703"]["realisasi"] == Decimal("13735022330")
    assert baris["076.01.CQ.6704"]["serapan"] == Decimal("22.75")
    assert tabel["serapan"] == Decimal("99.56")
    [hibah] = selectors.laporan_hibah(tahun=2023)
    assert hibah["total_pagu"] == Decimal("11199970000")
    assert hibah["dokumen"].pemberi == "Pemerintah Kota Serang"
    assert [s["pagu"] for s in selectors.ringkasan_per_sumber_dana(tahun=2023)] == [
        Decimal("20415736000"),
        Decimal("11199970000"),
    ]


def test_demo_has_one_revision_that_moved_pagu_between_akun(demo_anggaran):
    revisi = Revisi.objects.get(dokumen=demo_anggaran, nomor=1)
    perubahan = selectors.revisi_perubahan(revisi=revisi)
    assert sorted(p["selisih"] for p in perubahan) == [Decimal("-50000000"), Decimal("50000000")]
    awal = selectors.pohon_anggaran(dokumen=demo_anggaran, revisi=demo_anggaran.revisi.get(nomor=0))
    assert awal.pagu == Decimal("20415736000")
    bulan = {r.tanggal.month for r in Realisasi.objects.filter(dokumen=demo_anggaran)}
    assert bulan == set(range(1, 13))


def test_demo_is_idempotent(demo_anggaran):
    before = (Pos.objects.count(), Realisasi.objects.count(), Revisi.objects.count())
    demo.muat(stdout=io.StringIO())
    assert (Pos.objects.count(), Realisasi.objects.count(), Revisi.objects.count()) == before
