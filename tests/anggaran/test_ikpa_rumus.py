"""The IKPA formulas one by one, each against a calculation written out by hand."""

from datetime import date, timedelta
from decimal import Decimal as D

from anggaran.selectors.ikpa import (
    KontrakIkpa,
    NilaiIndikator,
    RoIkpa,
    TagihanIkpa,
    TupIkpa,
    bobot_efektif,
    deviasi_bulan_compute,
    komponen_kontraktual,
    komponen_output,
    komponen_up_tup,
    nilai_belanja_kontraktual,
    nilai_capaian_output,
    nilai_deviasi,
    nilai_ikpa_total,
    nilai_penyelesaian_tagihan,
    nilai_penyerapan,
    nilai_penyerapan_triwulan,
    nilai_revisi_dipa,
    nilai_up_tup,
    pengurang_dispensasi,
    predikat_ikpa,
    rasio_revisi_triwulan,
    tagihan_tepat_waktu,
    tambah_hari_kerja,
)

KONTRAKTUAL = {
    "batas_nilai": 50000000,
    "bobot_kontrak_dini": 40,
    "bobot_akselerasi_modal": 40,
    "bobot_distribusi": 20,
    "poin_kontrak_dini": 120,
    "poin_kontrak_tw1": 110,
    "modal_batas_atas": 200000000,
    "poin_modal_per_triwulan": [120, 110, 100, 90],
}
UP_TUP = {
    "bobot_ketepatan": 50,
    "bobot_besaran_gup": 25,
    "bobot_setoran_tup": 25,
    "batas_gup_persen": 50,
}
OUTPUT = {"bobot_ketepatan_lapor": 30, "bobot_capaian": 70, "batas_tanggal_lapor": 5}
DISPENSASI = {"pengurang_per_spm": "0.25", "pengurang_maks": "1.00"}


def test_revisi_one_per_quarter_is_optimal_and_each_extra_divides_the_quarter():
    assert [rasio_revisi_triwulan(n) for n in (0, 1, 2, 3)] == [D(100), D(100), D(50), D("33.33")]
    # TW I: 10 and 20 February (2 → 50); TW II: 5 May (1 → 100); TW III none (100)
    revisi = [date(2023, 2, 10), date(2023, 2, 20), date(2023, 5, 5)]
    assert nilai_revisi_dipa(revisi, tahun=2023, bulan=1) == D(100)  # 20 Feb not yet made
    assert nilai_revisi_dipa(revisi, tahun=2023, bulan=3) == D(50)  # (50) / 1
    assert nilai_revisi_dipa(revisi, tahun=2023, bulan=5) == D(75)  # (50 + 100) / 2
    assert nilai_revisi_dipa(revisi, tahun=2023, bulan=9) == D("83.33")  # (50+100+100) / 3
    assert nilai_revisi_dipa([date(2022, 12, 1)], tahun=2023, bulan=3) == D(100)


def test_weighted_deviation_differs_from_the_plain_average():
    # belanja barang: RPD 100, realisasi 90 → |90−100|/100 = 10%
    # belanja modal: RPD 50, realisasi 100 → |100−50|/50 = 100%
    rpd = {"52": D(100), "53": D(50)}
    realisasi = {"52": D(90), "53": D(100)}
    pagu = {"52": D(900), "53": D(100)}
    # weighted by pagu: (10 × 900 + 100 × 100) / 1000 = 19
    assert deviasi_bulan_compute(rpd=rpd, realisasi=realisasi, pagu=pagu, tertimbang=True) == D(19)
    # plain: (10 + 100) / 2 = 55
    assert deviasi_bulan_compute(rpd=rpd, realisasi=realisasi, pagu=pagu, tertimbang=False) == D(55)
    # a type without plan or payment does not count in the plain average
    assert deviasi_bulan_compute(
        rpd={"52": D(100)}, realisasi={"52": D(90)}, pagu=pagu, tertimbang=False
    ) == D(10)
    # a deviation above 100% counts 100: RPD 10, realisasi 100 → 900% → 100
    assert deviasi_bulan_compute(
        rpd={"52": D(10)}, realisasi={"52": D(100)}, pagu={"52": D(1)}, tertimbang=True
    ) == D(100)
    # value = 100 − average of the months: (10 + 20 + 0) / 3 = 10 → 90
    assert nilai_deviasi([D(10), D(20), D(0)]) == D(90)
    assert nilai_deviasi([D(100), D(100)]) == D(0)


def test_penyerapan_against_the_quarter_target_weighted_by_pagu():
    # barang: 100 of 800 = 12,50% against 15% → 83,33; modal: 10 of 200 = 5% against 10% → 50
    # (83,33 × 800 + 50 × 200) / 1000 = 76,664 → 76,66
    nilai = nilai_penyerapan_triwulan(
        pagu={"52": D(800), "53": D(200)},
        realisasi_kumulatif={"52": D(100), "53": D(10)},
        target={"52": D(15), "53": D(10), "51": D(20)},
    )
    assert nilai == D("76.66")
    # above the target counts 100, never more
    assert nilai_penyerapan_triwulan(
        pagu={"52": D(800)}, realisasi_kumulatif={"52": D(400)}, target={"52": D(15)}
    ) == D(100)
    assert nilai_penyerapan([D("76.66"), D(100)]) == D("88.33")


def _kontrak(nomor, tanggal, jenis, nilai, lunas=None):
    return KontrakIkpa(
        nomor=nomor, tanggal=tanggal, jenis_belanja=jenis, nilai=D(nilai), tanggal_lunas=lunas
    )


def test_belanja_kontraktual_components_and_composite():
    kontrak = [
        _kontrak("A", date(2022, 12, 20), "52", 96_000_000),  # kontrak dini: 120
        _kontrak("B", date(2023, 1, 16), "53", 148_500_000, date(2023, 11, 23)),  # TW I: 110
        _kontrak("C", date(2023, 6, 12), "52", 185_000_000),  # after TW I
        _kontrak("D", date(2023, 1, 10), "52", 30_000_000),  # below Rp 50 juta: not counted
    ]
    k = komponen_kontraktual(kontrak, tahun=2023, sampai=date(2023, 12, 31), param=KONTRAKTUAL)
    # dini: (120 + 110) / 2 = 115; modal B paid in full in TW IV: 90; distribusi 2 of 3 = 66,67
    assert k == {"kontrak_dini": D(115), "akselerasi_modal": D(90), "distribusi": D("66.67")}
    # (115 × 40 + 90 × 40 + 66,67 × 20) / 100 = 95,334 → 95,33
    assert nilai_belanja_kontraktual(k, param=KONTRAKTUAL) == D("95.33")
    # as of May: C not signed yet (distribusi 2 of 2), B not paid (modal not assessed):
    # (115 × 40 + 100 × 20) / 60 = 110 → at most 100
    mei = komponen_kontraktual(kontrak, tahun=2023, sampai=date(2023, 5, 31), param=KONTRAKTUAL)
    assert mei["akselerasi_modal"] is None
    assert nilai_belanja_kontraktual(mei, param=KONTRAKTUAL) == D(100)
    kosong = komponen_kontraktual([], tahun=2023, sampai=date(2023, 12, 31), param=KONTRAKTUAL)
    assert nilai_belanja_kontraktual(kosong, param=KONTRAKTUAL) is None


def test_tagihan_deadline_in_working_days():
    # Friday 3 March 2023 + 17 working days = Tuesday 28 March 2023
    assert tambah_hari_kerja(date(2023, 3, 3), 17) == date(2023, 3, 28)
    # Friday 30 June 2023 + 17 working days = Tuesday 25 July 2023
    assert tambah_hari_kerja(date(2023, 6, 30), 17) == date(2023, 7, 25)
    telat = TagihanIkpa(
        nomor="T2", kontrak="K", tanggal_bast=date(2023, 6, 30), tanggal_spm=date(2023, 7, 27)
    )
    assert tagihan_tepat_waktu(telat, batas_hari_kerja=17, per_tanggal=date(2023, 7, 31)) is False
    # on 20 July the SPM is not made yet and the deadline has not passed: not yet assessed
    assert tagihan_tepat_waktu(telat, batas_hari_kerja=17, per_tanggal=date(2023, 7, 20)) is None
    belum = TagihanIkpa(nomor="T5", kontrak="K", tanggal_bast=date(2023, 6, 30), tanggal_spm=None)
    assert tagihan_tepat_waktu(belum, batas_hari_kerja=17, per_tanggal=date(2023, 7, 31)) is False
    tepat = [
        TagihanIkpa(
            nomor=f"T{i}", kontrak="K", tanggal_bast=date(2023, 3, 3), tanggal_spm=date(2023, 3, 28)
        )
        for i in range(3)
    ]
    # 3 on time of 4 due = 75
    assert nilai_penyelesaian_tagihan(
        [*tepat, telat], sampai=date(2023, 7, 31), batas_hari_kerja=17
    ) == D(75)
    assert nilai_penyelesaian_tagihan([], sampai=date(2023, 7, 31), batas_hari_kerja=17) is None


def test_up_tup_components():
    up = [(date(2023, 1, 6), D(100_000_000))]
    gup = [(date(2023, 2, 3), D(62_000_000)), (date(2023, 5, 8), D(40_000_000))]
    tup = [
        TupIkpa(
            nomor="TUP-01",
            tanggal=date(2023, 4, 12),
            nilai=D(150_000_000),
            batas_waktu=date(2023, 5, 12),
            penyelesaian=(
                (date(2023, 5, 8), "ptup", D(141_250_000)),
                (date(2023, 5, 10), "setor_tup", D(8_750_000)),
            ),
        ),
        TupIkpa(
            nomor="TUP-02",
            tanggal=date(2023, 8, 14),
            nilai=D(200_000_000),
            batas_waktu=date(2023, 9, 14),
            penyelesaian=((date(2023, 9, 18), "ptup", D(200_000_000)),),
        ),
    ]
    k = komponen_up_tup(up=up, gup=gup, tup=tup, sampai=date(2023, 12, 31), param=UP_TUP)
    # ketepatan: TUP-01 settled 10 May ≤ 12 May, TUP-02 on 18 Sep > 14 Sep → 1 of 2 = 50
    # besaran: 62% of UP ≥ 50% → 100; 40% → 40/50 × 100 = 80; (100 + 80) / 2 = 90
    # setoran: 100 − 8.750.000 / 350.000.000 × 100 = 100 − 2,5 = 97,5
    assert k == {"ketepatan": D(50), "besaran_gup": D(90), "setoran_tup": D("97.5")}
    # (50 × 50 + 90 × 25 + 97,5 × 25) / 100 = 71,875 → 71,88
    assert nilai_up_tup(k, param=UP_TUP) == D("71.88")
    # at the end of April: no TUP due or settled yet, only the GUP of February
    april = komponen_up_tup(up=up, gup=gup, tup=tup, sampai=date(2023, 4, 30), param=UP_TUP)
    assert april == {"ketepatan": None, "besaran_gup": D(100), "setoran_tup": None}
    assert nilai_up_tup(april, param=UP_TUP) == D(100)


def test_capaian_output_against_projection_and_reporting_on_time():
    laporan_a = {2: (D(1), date(2023, 3, 4))}  # January and March not reported
    a = RoIkpa(
        kode="A",
        uraian="Dokumen perencanaan",
        satuan="Dokumen",
        target=D(6),
        rencana=(),
        laporan=laporan_a,
    )
    b = RoIkpa(
        kode="B",
        uraian="Layanan",
        satuan="Bulan Layanan",
        target=D(12),
        rencana=(),
        laporan={m: (D(1), date(2023, m + 1, 3)) for m in (1, 2, 3)},
    )
    k = komponen_output([a, b], tahun=2023, bulan=3, param=OUTPUT)
    # A: 1 against 6 × 3/12 = 1,5 → 66,67; B: 3 against 3 → 100; (66,67 + 100) / 2 = 83,335 → 83,34
    # on time: A 1 of 3 months, B 3 of 3 → 4 of 6 = 66,67
    assert k == {"capaian": D("83.34"), "ketepatan": D("66.67")}
    # (83,34 × 70 + 66,67 × 30) / 100 = 78,339 → 78,34
    assert nilai_capaian_output(k, param=OUTPUT) == D("78.34")
    terlambat = RoIkpa(
        kode="C",
        uraian="x",
        satuan="Laporan",
        target=D(1),
        rencana=tuple(D(1) for _ in range(12)),
        laporan={1: (D(1), date(2023, 2, 6))},  # after the 5th of February
    )
    assert komponen_output([terlambat], tahun=2023, bulan=1, param=OUTPUT) == {
        "capaian": D(100),
        "ketepatan": D(0),
    }


def test_total_shares_the_weight_of_an_indicator_without_data_and_deducts_dispensations():
    assert pengurang_dispensasi(2, param=DISPENSASI) == D("0.50")
    assert pengurang_dispensasi(5, param=DISPENSASI) == D("1.00")
    indikator = bobot_efektif(
        [
            NilaiIndikator("revisi", "Revisi DIPA", D(10), D(100)),
            NilaiIndikator("deviasi", "Deviasi", D(15), D(90)),
            NilaiIndikator("penyerapan", "Penyerapan", D(20), D(80)),
            NilaiIndikator("kontraktual", "Kontraktual", D(10), None),
            NilaiIndikator("tagihan", "Tagihan", D(10), D(75)),
            NilaiIndikator("up_tup", "UP/TUP", D(10), D("71.88")),
            NilaiIndikator("output", "Output", D(25), D("78.34")),
        ]
    )
    # Σ nilai × bobot = 1000 + 1350 + 1600 + 750 + 718,8 + 1958,5 = 7377,3 over 90 → 81,97
    assert nilai_ikpa_total(indikator, D(0)) == D("81.97")
    assert nilai_ikpa_total(indikator, D("0.50")) == D("81.47")
    # effective weights: 10/90 = 11,11%; the indicator without data 0
    assert [i.bobot_efektif for i in indikator] == [
        D("11.11"),
        D("16.67"),
        D("22.22"),
        D(0),
        D("11.11"),
        D("11.11"),
        D("27.78"),
    ]
    assert indikator[0].kontribusi == D("11.11")
    assert [predikat_ikpa(D(n)) for n in (95, "94.99", 89, 70, "69.99")] == [
        "Sangat Baik",
        "Baik",
        "Baik",
        "Cukup",
        "Kurang",
    ]


def test_working_days_match_counting_day_by_day():
    def hitung_satu_satu(awal, hari):
        tanggal = awal
        while hari:
            tanggal += timedelta(days=1)
            hari -= tanggal.weekday() < 5
        return tanggal

    for geser in range(14):  # every weekday and weekend start
        awal = date(2023, 1, 1) + timedelta(days=geser)
        for hari in range(45):
            assert tambah_hari_kerja(awal, hari) == hitung_satu_satu(awal, hari), (awal, hari)
