"""The demo's IKPA 2023, month by month for March and September, against a hand calculation.

The demo data the calculation starts from (pinned first, so a change of the demo shows here):
pagu belanja barang (52) Rp 20.046.111.000 and belanja modal (53) Rp 369.625.000; the RPD per
jenis belanja in force and the realisasi per month below; the contracts, invoices, UP/TUP and
RO reports of ``anggaran/demo_ikpa.py``. The 2023 rules (PER-5/PB/2022) average the deviation
of the expenditure types plainly; 2024 weighs it by the pagu (tested below on June).
"""

import io
from decimal import Decimal as D

import pytest

from anggaran import demo
from anggaran.models import DokumenAnggaran
from anggaran.selectors import ikpa

pytestmark = pytest.mark.django_db

PAGU = {"52": D(20_046_111_000), "53": D(369_625_000)}
# bulan: (RPD in force {jenis: nilai}, realisasi {jenis: nilai})
BULAN = {
    1: ({"52": 663_218_515, "53": 0}, {"52": 614_091_218}),
    2: ({"52": 421_261_288, "53": 153_099_863}, {"52": 471_205_736, "53": 153_099_863}),
    3: ({"52": 1_045_881_753, "53": 0}, {"52": 1_100_928_162}),
    4: ({"52": 4_328_758_363, "53": 0}, {"52": 4_083_734_305}),
    5: ({"52": 2_506_443_909, "53": 94_215_300}, {"52": 2_586_876_669, "53": 94_215_300}),
    6: ({"52": 1_199_072_320, "53": 117_769_126}, {"52": 1_266_193_699}),
    7: ({"52": 493_969_271, "53": 0}, {"52": 361_812_691, "53": 117_769_126}),
    8: ({"52": 1_507_461_609, "53": 0}, {"52": 1_522_688_494}),
    9: ({"52": 4_614_334_809, "53": 0}, {"52": 4_568_648_326}),
}


@pytest.fixture
def data_demo(unit_demo):
    demo.muat(stdout=io.StringIO())
    dokumen = DokumenAnggaran.objects.get(nomor=demo.NOMOR_DIPA)
    return ikpa.data_ikpa(dokumen=dokumen, param=ikpa.parameter_ikpa_get(tahun=2023))


def _nilai(bulan) -> dict:
    return {i.kode: i.nilai for i in bulan.indikator}


def test_the_demo_data_the_hand_calculation_starts_from(data_demo):
    for revisi_id, pagu in data_demo.pagu_jenis.items():
        assert pagu == PAGU, revisi_id
    for bulan, (rpd, realisasi) in BULAN.items():
        revisi_id = data_demo.revisi_berlaku(bulan)
        assert data_demo.rpd_jenis[revisi_id][bulan] == {j: D(v) for j, v in rpd.items()}
        assert data_demo.realisasi[bulan] == {j: D(v) for j, v in realisasi.items()}
    # revisions: ke-0 DIPA awal, ke-1 POK (20 Jul, not counted), ke-2 and ke-3 Kanwil (8 and
    # 26 Sep, counted)
    assert [(n, t.isoformat(), d) for _id, n, t, d in data_demo.revisi] == [
        (0, "2022-12-05", True),
        (1, "2023-07-20", False),
        (2, "2023-09-08", True),
        (3, "2023-09-26", True),
    ]


def test_march_2023_by_hand(data_demo):
    maret = ikpa.ikpa_bulan(data_demo, 3)
    nilai = _nilai(maret)
    # Revisi DIPA: no counted revision in TW I → 100
    assert nilai["revisi"] == D("100.00")
    # Deviasi (plain average of the types that planned or spent):
    #   Jan 52: |614.091.218 − 663.218.515| / 663.218.515 = 7,4074% → 7,41 (53: nothing) → 7,41
    #   Feb 52: |471.205.736 − 421.261.288| / 421.261.288 = 11,8559% → 11,86;
    #       53: RPD = realisasi 153.099.863 → 0 → (11,86 + 0) / 2 = 5,93
    #   Mar 52: |1.100.928.162 − 1.045.881.753| / 1.045.881.753 = 5,2632% → 5,26
    #   value = 100 − (7,41 + 5,93 + 5,26) / 3 = 100 − 6,20 = 93,80
    assert [ikpa.deviasi_bulan(data_demo, b).deviasi for b in (1, 2, 3)] == [
        D("7.41"),
        D("5.93"),
        D("5.26"),
    ]
    assert nilai["deviasi"] == D("93.80")
    # Penyerapan TW I (target 52: 15%, 53: 10%):
    #   52: 2.186.225.116 / 20.046.111.000 = 10,91% → 10,91 / 15 × 100 = 72,73
    #   53: 153.099.863 / 369.625.000 = 41,42% → above 10% → 100
    #   (72,73 × 20.046.111.000 + 100 × 369.625.000) / 20.415.736.000 = 73,2237 → 73,22
    assert nilai["penyerapan"] == D("73.22")
    # Belanja kontraktual (contracts above Rp 50 juta signed by 31 March):
    #   sewa gudang 20 Dec 2022 → 120; laptop 16 Jan → 110; cetak 3 Feb → 110 → dini 113,33
    #   laptop (modal, Rp 148,5 juta) paid in full 23 Mar (TW I) → 120
    #   distribusi 3 of 3 = 100
    #   (113,33 × 40 + 120 × 40 + 100 × 20) / 100 = 113,33 → at most 100
    assert dict(ikpa.ikpa_bulan(data_demo, 3).indikator[3].komponen) == {
        "Akselerasi kontrak dini": D("113.33"),
        "Akselerasi belanja modal": D("120.00"),
        "Distribusi akselerasi kontrak": D("100.00"),
    }
    assert nilai["kontraktual"] == D("100.00")
    # Penyelesaian tagihan (SPM within 17 working days of the BAST):
    #   laptop BAST 10 Mar, SPM 20 Mar (deadline 4 Apr) ✓; cetak BAST 28 Feb, SPM 6 Mar
    #   (deadline 23 Mar) ✓; sewa TW I BAST 31 Mar, no SPM yet, not due → 2 of 2 = 100
    assert nilai["tagihan"] == D("100.00")
    # UP/TUP: UP Rp 100 juta; GUP 62 and 71 juta ≥ 50% → 100 each; no TUP yet → 100
    assert nilai["up_tup"] == D("100.00")
    # Capaian output: the 10 RO with a projection above 0 are at their projection → 100;
    #   reports 13 RO × 3 months = 39, one late (RO 6707 March, reported 11 April) → 97,44
    #   (100 × 70 + 97,44 × 30) / 100 = 99,232 → 99,23
    assert nilai["output"] == D("99.23")
    # IKPA = (100×10 + 93,80×15 + 73,22×20 + 100×10 + 100×10 + 100×10 + 99,23×25) / 100
    #      = (1000 + 1407 + 1464,4 + 1000 + 1000 + 1000 + 2480,75) / 100 = 93,5215 → 93,52
    assert maret.pengurang == D("0.00")
    assert maret.total == D("93.52")
    assert maret.predikat == "Baik"
    assert maret.terlemah.kode == "penyerapan"


def test_september_2023_by_hand(data_demo):
    september = ikpa.ikpa_bulan(data_demo, 9)
    nilai = _nilai(september)
    # Revisi DIPA: TW I 0 → 100, TW II 0 → 100, TW III 2 counted (8 and 26 Sep) → 1/2 = 50
    #   (100 + 100 + 50) / 3 = 83,33
    assert nilai["revisi"] == D("83.33")
    # Deviasi, April–September:
    #   Apr 52: |4.083.734.305 − 4.328.758.363| / 4.328.758.363 = 5,66
    #   May 52: |2.586.876.669 − 2.506.443.909| / 2.506.443.909 = 3,21; 53: 0 → 1,605 → 1,61
    #   Jun 52: |1.266.193.699 − 1.199.072.320| / 1.199.072.320 = 5,60;
    #       53: RPD 117.769.126, nothing paid → 100 → (5,60 + 100) / 2 = 52,80
    #   Jul 52: |361.812.691 − 493.969.271| / 493.969.271 = 26,75;
    #       53: no RPD, 117.769.126 paid → 100 → (26,75 + 100) / 2 = 63,375 → 63,38
    #   Aug 52: |1.522.688.494 − 1.507.461.609| / 1.507.461.609 = 1,01
    #   Sep 52: |4.568.648.326 − 4.614.334.809| / 4.614.334.809 = 0,99
    #   Σ (7,41 + 5,93 + 5,26 + 5,66 + 1,61 + 52,80 + 63,38 + 1,01 + 0,99) = 144,05
    #   value = 100 − 144,05 / 9 = 100 − 16,01 = 83,99
    assert [ikpa.deviasi_bulan(data_demo, b).deviasi for b in range(4, 10)] == [
        D("5.66"),
        D("1.61"),
        D("52.80"),
        D("63.38"),
        D("1.01"),
        D("0.99"),
    ]
    assert nilai["deviasi"] == D("83.99")
    # Penyerapan: TW I 73,22 (March);
    #   TW II (June, target 50/40): 52 10.123.029.789 / 20.046.111.000 = 50,50% → 100;
    #       53 247.315.163 / 369.625.000 = 66,91% → 100 → 100
    #   TW III (Sep, target 70/70): 52 82,69% → 100; 53 98,77% → 100 → 100
    #   (73,22 + 100 + 100) / 3 = 91,07
    assert nilai["penyerapan"] == D("91.07")
    # Kontraktual: + pemeliharaan gedung 12 Jun (after TW I): distribusi 3 of 4 = 75
    #   (113,33 × 40 + 120 × 40 + 75 × 20) / 100 = 108,33 → at most 100
    assert nilai["kontraktual"] == D("100.00")
    # Tagihan: laptop ✓, cetak ✓, sewa TW I (BAST 31 Mar, SPM 11 Apr, deadline 25 Apr) ✓,
    #   sewa TW II (BAST 30 Jun, SPM 27 Jul, deadline 25 Jul) ✗, pemeliharaan (BAST 15 Sep,
    #   SPM 25 Sep) ✓; sewa TW III (BAST 29 Sep) not due → 4 of 5 = 80
    assert nilai["tagihan"] == D("80.00")
    # UP/TUP: GUP 62, 71, 55, 40, 66, 58, 73, 61 juta against UP 100 juta: 40 → 80, the rest
    #   ≥ 50% → 100 → 780 / 8 = 97,5; TUP-01 settled 10 May (deadline 12 May) ✓, TUP-02 settled
    #   18 Sep (deadline 14 Sep) ✗ → 50; returned 8.750.000 of 350.000.000 → 100 − 2,5 = 97,5
    #   (50 × 50 + 97,5 × 25 + 97,5 × 25) / 100 = 73,75
    assert nilai["up_tup"] == D("73.75")
    # Output: every RO with a projection at it → 100; reports 13 × 9 = 117, late 2 (6707
    #   March, 6723 July) → 115 / 117 = 98,29 → (100 × 70 + 98,29 × 30) / 100 = 99,487 → 99,49
    assert nilai["output"] == D("99.49")
    # IKPA = (83,33×10 + 83,99×15 + 91,07×20 + 100×10 + 80×10 + 73,75×10 + 99,49×25) / 100
    #      = (833,3 + 1259,85 + 1821,4 + 1000 + 800 + 737,5 + 2487,25) / 100 = 89,393 → 89,39
    assert september.total == D("89.39")
    assert september.predikat == "Baik"
    assert september.terlemah.kode == "up_tup"
    assert "TUP TUP-02 dipertanggungjawabkan setelah batas 14/09/2023" in september.terlemah.saran


def test_december_deducts_the_spm_dispensation(data_demo):
    desember = ikpa.ikpa_bulan(data_demo, 12)
    # one dispensation letter for 2 SPM on 27 December: 2 × 0,25 = 0,50
    assert desember.pengurang == D("0.50")
    tanpa = ikpa.nilai_ikpa_total(desember.indikator, D(0))
    assert desember.total == tanpa - D("0.50")


def test_weighted_deviation_of_june_differs_from_the_plain_average(data_demo):
    juni = ikpa.deviasi_bulan(data_demo, 6)
    assert juni.deviasi == D("52.80")  # 2023: plain
    data_demo.param.deviasi_tertimbang = True  # the 2024 rule on the same month
    # (5,60 × 20.046.111.000 + 100 × 369.625.000) / 20.415.736.000 = 7,3091 → 7,31
    assert ikpa.deviasi_bulan(data_demo, 6).deviasi == D("7.31")
    # March: belanja modal planned and spent nothing (0%) and still weighs its share:
    # 5,26 × 20.046.111.000 / 20.415.736.000 = 5,1648 → 5,16 (plain: 5,26)
    assert ikpa.deviasi_bulan(data_demo, 3).deviasi == D("5.16")
