"""Interview call, ranking and penetapan as set-based statements: the tie order, seats per
wilayah, reserves, missing scores, reruns, and results equal to an independent ranking.

Fixture regency (tests/badan_adhoc/data): PPS has 3 seats per desa/kelurahan; KPPS 7 per TPS,
so 36.73.01.1001 has 21 seats (3 TPS), 36.73.01.1002 14 (2 TPS) and 36.73.02.1001 7 (1 TPS).
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from itertools import count

import pytest
from django.core.exceptions import ValidationError

from badan_adhoc.models import TPS, AnggotaBadan, Pendaftar, Rekrutmen, Wilayah
from badan_adhoc.selectors import kursi_per_wilayah
from badan_adhoc.services import (
    nilai_import,
    penetapan_create,
    peringkat_compute,
    wawancara_select,
)
from kpu_site.models import JejakAudit

CIMUNCANG, KOTABARU, KASEMEN = "36.73.01.1001", "36.73.01.1002", "36.73.02.1001"
_NOMOR = count(1)


@pytest.fixture(params=["update_from", "korelasi"])
def bentuk_update(request, monkeypatch):
    """Run a test with both forms of the set-based UPDATE: ``UPDATE … FROM`` (PostgreSQL,
    SQLite ≥ 3.33) and the correlated form kept for older SQLite."""
    if request.param == "korelasi":
        from badan_adhoc.services import sql as sql_himpunan

        monkeypatch.setattr(sql_himpunan, "update_from_didukung", lambda connection: False)
    return request.param


def _pendaftar(rekrutmen, kode, nama, **kolom) -> Pendaftar:
    """An applicant of ``kode`` (wilayah tujuan and domicile), MS unless ``status_administrasi``
    says otherwise; ``kolom`` sets scores, birth date, flags."""
    data = {
        "tanggal_lahir": date(1990, 1, 1),
        "status_administrasi": Pendaftar.Status.MS,
        **kolom,
    }
    wilayah = Wilayah.objects.get(kode=kode)
    return Pendaftar.objects.create(
        rekrutmen=rekrutmen,
        nik=f"{next(_NOMOR):016d}",
        nama=nama,
        jenis_kelamin="L",
        tempat_lahir="Serang",
        pendidikan="SMA",
        kode_domisili=kode,
        domisili=wilayah,
        wilayah_tujuan=wilayah,
        **data,
    )


def _urutan(rekrutmen, kode=None) -> list[tuple[str, int | None, str]]:
    qs = Pendaftar.objects.filter(rekrutmen=rekrutmen, peringkat__isnull=False)
    if kode:
        qs = qs.filter(wilayah_tujuan__kode=kode)
    return list(qs.order_by("peringkat").values_list("nama", "peringkat", "hasil_akhir"))


def _hasil(rekrutmen) -> dict[int, tuple]:
    return {
        pk: tuple(rest)
        for pk, *rest in Pendaftar.objects.filter(rekrutmen=rekrutmen).values_list(
            "pk", "dipanggil_wawancara", "peringkat", "hasil_akhir"
        )
    }


# --- tie order ---------------------------------------------------------------------------------


def test_peringkat_pps_ties_final_score_then_interview_then_older_then_lower_id(
    rekrutmen_pps, staf_teknis, bentuk_update
):
    r = rekrutmen_pps
    dinilai = {"dipanggil_wawancara": True}
    _pendaftar(r, CIMUNCANG, "P7", nilai_cat=70, nilai_wawancara=70, **dinilai)  # 140, id first
    _pendaftar(r, CIMUNCANG, "P1", nilai_cat=70, nilai_wawancara=90, **dinilai)  # 160, wwc 90
    _pendaftar(r, CIMUNCANG, "P3", nilai_cat=81, nilai_wawancara=79, **dinilai)  # 160, wwc 79
    _pendaftar(r, CIMUNCANG, "P2", nilai_cat=80, nilai_wawancara=80, **dinilai)  # 160, wwc 80
    muda = {"tanggal_lahir": date(1995, 6, 1)}
    _pendaftar(r, CIMUNCANG, "P5 muda", nilai_cat=75, nilai_wawancara=75, **dinilai, **muda)
    _pendaftar(r, CIMUNCANG, "P4 tua", nilai_cat=75, nilai_wawancara=75, **dinilai)
    _pendaftar(r, CIMUNCANG, "P8", nilai_cat=70, nilai_wawancara=70, **dinilai)  # 140, id later
    # The same final score in hundredths (120,58) is equal, however a float would add it up:
    # the interview score decides (60,29 > 60,27).
    _pendaftar(r, KOTABARU, "Q2", nilai_cat=Decimal("60.31"), nilai_wawancara=Decimal("60.27"))
    _pendaftar(r, KOTABARU, "Q1", nilai_cat=Decimal("60.29"), nilai_wawancara=Decimal("60.29"))
    Pendaftar.objects.filter(nama__startswith="Q").update(dipanggil_wawancara=True)

    assert peringkat_compute(rekrutmen=r, pengguna=staf_teknis) == {
        "terpilih": 5,
        "cadangan": 3,
    }
    assert _urutan(r, CIMUNCANG) == [
        ("P1", 1, "terpilih"),
        ("P2", 2, "terpilih"),
        ("P3", 3, "terpilih"),
        ("P4 tua", 4, "cadangan"),
        ("P5 muda", 5, "cadangan"),
        ("P7", 6, "cadangan"),  # registered before P8
    ]
    assert Pendaftar.objects.get(nama="P8").hasil_akhir == "tidak"
    assert _urutan(r, KOTABARU) == [("Q1", 1, "terpilih"), ("Q2", 2, "terpilih")]


def test_wawancara_select_calls_3x_seats_by_cat_then_older_then_lower_id(
    rekrutmen_pps, staf_teknis, bentuk_update
):
    r = rekrutmen_pps  # 3 seats per desa: 9 called
    for i in range(8):
        _pendaftar(r, CIMUNCANG, f"C{i}", nilai_cat=90 - i)  # 90 .. 83
    _pendaftar(r, CIMUNCANG, "muda", nilai_cat=80, tanggal_lahir=date(1999, 1, 1))
    _pendaftar(r, CIMUNCANG, "tua", nilai_cat=80, tanggal_lahir=date(1980, 1, 1))
    _pendaftar(r, CIMUNCANG, "sama-1", nilai_cat=80, tanggal_lahir=date(1980, 1, 1))
    _pendaftar(r, CIMUNCANG, "tanpa CAT", dipanggil_wawancara=True)  # a stale call is undone
    _pendaftar(r, CIMUNCANG, "TMS", nilai_cat=99, status_administrasi=Pendaftar.Status.TMS)
    _pendaftar(r, KOTABARU, "K", nilai_cat=10)

    assert wawancara_select(rekrutmen=r, pengguna=staf_teknis) == 10
    dipanggil = set(
        Pendaftar.objects.filter(dipanggil_wawancara=True).values_list("nama", flat=True)
    )
    assert dipanggil == {*(f"C{i}" for i in range(8)), "tua", "K"}


def test_peringkat_kpps_puts_the_55_plus_warning_last_then_registration_order(
    rekrutmen_kpps, staf_teknis, bentuk_update
):
    r = rekrutmen_kpps  # Kasemen: 1 TPS = 7 seats, 14 ranked
    for i in range(16):
        _pendaftar(r, KASEMEN, f"K{i:02d}", peringatan_usia_lebih_55=i in (0, 3, 15))
    _pendaftar(r, KASEMEN, "TMS", status_administrasi=Pendaftar.Status.TMS)

    assert peringkat_compute(rekrutmen=r, pengguna=staf_teknis) == {
        "terpilih": 7,
        "cadangan": 7,
    }
    tanpa_peringatan = [f"K{i:02d}" for i in range(16) if i not in (0, 3, 15)]
    assert [nama for nama, _, _ in _urutan(r)] == [*tanpa_peringatan, "K00"]
    assert [h for _, _, h in _urutan(r)] == ["terpilih"] * 7 + ["cadangan"] * 7
    for nama in ("K03", "K15", "TMS"):
        p = Pendaftar.objects.get(nama=nama)
        assert (p.peringkat, p.hasil_akhir) == (None, "tidak")


# --- seats, reserves, missing scores, zero seats ------------------------------------------------


def test_peringkat_kpps_seats_per_wilayah_and_reserves_up_to_twice_the_seats(
    rekrutmen_kpps, staf_teknis, bentuk_update
):
    r = rekrutmen_kpps
    for kode, n in ((CIMUNCANG, 30), (KOTABARU, 40), (KASEMEN, 3)):
        for i in range(n):
            _pendaftar(r, kode, f"{kode}-{i:02d}")
    assert kursi_per_wilayah(r) == {
        w.pk: n
        for w, n in (
            (Wilayah.objects.get(kode=CIMUNCANG), 21),
            (Wilayah.objects.get(kode=KOTABARU), 14),
            (Wilayah.objects.get(kode=KASEMEN), 7),
        )
    }

    assert peringkat_compute(rekrutmen=r, pengguna=staf_teknis) == {
        "terpilih": 21 + 14 + 3,
        "cadangan": 9 + 14,
    }
    for kode, terpilih, cadangan, tidak in (
        (CIMUNCANG, 21, 9, 0),
        (KOTABARU, 14, 14, 12),
        (KASEMEN, 3, 0, 0),
    ):
        qs = Pendaftar.objects.filter(wilayah_tujuan__kode=kode)
        assert qs.filter(hasil_akhir="terpilih").count() == terpilih, kode
        assert qs.filter(hasil_akhir="cadangan").count() == cadangan, kode
        assert qs.filter(hasil_akhir="tidak").count() == tidak, kode
        peringkat = sorted(qs.filter(peringkat__isnull=False).values_list("peringkat", flat=True))
        assert peringkat == list(range(1, terpilih + cadangan + 1)), kode


def test_peringkat_pps_leaves_out_applicants_with_a_missing_score_or_not_called(
    rekrutmen_pps, staf_teknis, bentuk_update
):
    r = rekrutmen_pps
    _pendaftar(r, CIMUNCANG, "lengkap", nilai_cat=50, nilai_wawancara=50, dipanggil_wawancara=True)
    _pendaftar(r, CIMUNCANG, "tanpa wawancara", nilai_cat=99, dipanggil_wawancara=True)
    _pendaftar(r, CIMUNCANG, "tanpa CAT", nilai_wawancara=99, dipanggil_wawancara=True)
    _pendaftar(r, CIMUNCANG, "tidak dipanggil", nilai_cat=99, nilai_wawancara=99)
    _pendaftar(
        r,
        CIMUNCANG,
        "TMS",
        nilai_cat=99,
        nilai_wawancara=99,
        dipanggil_wawancara=True,
        status_administrasi=Pendaftar.Status.TMS,
    )
    assert peringkat_compute(rekrutmen=r, pengguna=staf_teknis) == {
        "terpilih": 1,
        "cadangan": 0,
    }
    assert _urutan(r) == [("lengkap", 1, "terpilih")]
    assert set(Pendaftar.objects.filter(hasil_akhir="tidak").values_list("nama", flat=True)) == {
        "tanpa wawancara",
        "tanpa CAT",
        "tidak dipanggil",
        "TMS",
    }


def test_peringkat_wilayah_with_zero_seats_ranks_nobody(rekrutmen_kpps, staf_teknis, bentuk_update):
    r = rekrutmen_kpps
    tanpa_tps = Wilayah.objects.create(
        kode="36.73.02.1002",
        nama="Kasemen Baru",
        jenis=Wilayah.Jenis.KELURAHAN,
        induk=Wilayah.objects.get(kode="36.73.02"),
        kode_induk="36.73.02",
    )
    for i in range(4):
        _pendaftar(r, tanpa_tps.kode, f"T{i}")
    _pendaftar(r, KASEMEN, "ada kursi")
    assert kursi_per_wilayah(r)[tanpa_tps.pk] == 0

    assert peringkat_compute(rekrutmen=r, pengguna=staf_teknis) == {
        "terpilih": 1,
        "cadangan": 0,
    }
    baru = Pendaftar.objects.filter(wilayah_tujuan=tanpa_tps)
    assert list(baru.order_by().values_list("peringkat", "hasil_akhir").distinct()) == [
        (None, "tidak")
    ]


# --- reruns, versions, audit --------------------------------------------------------------------


def test_peringkat_rerun_is_idempotent_and_clears_earlier_results(
    rekrutmen_kpps, staf_teknis, bentuk_update
):
    r = rekrutmen_kpps
    for i in range(10):
        _pendaftar(r, KASEMEN, f"K{i}")
    peringkat_compute(rekrutmen=r, pengguna=staf_teknis)
    pertama = _hasil(r)
    assert peringkat_compute(rekrutmen=r, pengguna=staf_teknis) == {
        "terpilih": 7,
        "cadangan": 3,
    }
    assert _hasil(r) == pertama

    Pendaftar.objects.filter(nama="K0").update(status_administrasi=Pendaftar.Status.TMS)
    assert peringkat_compute(rekrutmen=r, pengguna=staf_teknis) == {
        "terpilih": 7,
        "cadangan": 2,
    }
    k0 = Pendaftar.objects.get(nama="K0")
    assert (k0.peringkat, k0.hasil_akhir) == (None, "tidak")
    assert _urutan(r)[0] == ("K1", 1, "terpilih")
    assert _urutan(r)[6] == ("K7", 7, "terpilih")


def test_wawancara_and_peringkat_raise_the_applicant_data_version_and_log_one_audit_entry(
    rekrutmen_pps, staf_teknis
):
    r = rekrutmen_pps
    for i in range(4):
        _pendaftar(r, CIMUNCANG, f"C{i}", nilai_cat=80 + i, nilai_wawancara=70)
    versi = Rekrutmen.objects.get(pk=r.pk).pendaftar_versi
    riwayat = Pendaftar.history.count()
    jejak = JejakAudit.objects.count()

    wawancara_select(rekrutmen=r, pengguna=staf_teknis)
    assert Rekrutmen.objects.get(pk=r.pk).pendaftar_versi == versi + 1
    peringkat_compute(rekrutmen=r, pengguna=staf_teknis)
    assert Rekrutmen.objects.get(pk=r.pk).pendaftar_versi == versi + 2
    peringkat_compute(rekrutmen=r, pengguna=staf_teknis)  # nothing changes: caches stay
    assert Rekrutmen.objects.get(pk=r.pk).pendaftar_versi == versi + 2
    isi = f"nik,nilai_wawancara\n{Pendaftar.objects.get(nama='C0').nik},75\n"
    nilai_import(rekrutmen=r, berkas=isi.encode(), nama_berkas="n.csv", pengguna=staf_teknis)
    assert Rekrutmen.objects.get(pk=r.pk).pendaftar_versi == versi + 3

    # as before: one audit entry per step, no per-applicant history rows (batch writes)
    assert Pendaftar.history.count() == riwayat
    ringkasan = list(JejakAudit.objects.order_by("pk")[jejak:].values_list("keterangan", flat=True))
    assert ringkasan[:3] == [
        "Penetapan peserta wawancara: 4 pendaftar",
        "Perankingan: 3 terpilih, 1 cadangan",
        "Perankingan: 3 terpilih, 1 cadangan",
    ]


# --- penetapan ----------------------------------------------------------------------------------


def test_penetapan_appoints_each_terpilih_once_with_the_sk_and_the_term(
    rekrutmen_kpps, staf_teknis, bentuk_update
):
    r = rekrutmen_kpps
    for i in range(10):
        _pendaftar(r, KASEMEN, f"K{i}")
    peringkat_compute(rekrutmen=r, pengguna=staf_teknis)
    jejak = JejakAudit.objects.count()

    n = penetapan_create(
        rekrutmen=r,
        nomor_sk="  7/PP.05-Kpt/3673/2024 ",
        tanggal_sk=date(2024, 1, 20),
        pengguna=staf_teknis,
    )
    assert n == 7
    anggota = list(AnggotaBadan.objects.filter(rekrutmen=r).order_by("pk"))
    assert [a.nama for a in anggota] == [f"K{i}" for i in range(7)]  # by rank
    kasemen = Wilayah.objects.get(kode=KASEMEN)
    for a in anggota:
        assert a.pendaftar.nama == a.nama and a.wilayah == kasemen
        assert (a.jabatan, a.status, a.alasan_berhenti, a.keterangan_berhenti) == (
            "anggota",
            "aktif",
            "",
            "",
        )
        assert (a.nomor_sk, a.tanggal_sk) == ("7/PP.05-Kpt/3673/2024", date(2024, 1, 20))
        assert (a.mulai, a.selesai) == (r.masa_kerja_mulai, r.masa_kerja_selesai)
        assert a.tanggal_berhenti is None and a.menggantikan is None
    assert JejakAudit.objects.count() == jejak + 1
    assert AnggotaBadan.history.count() == 0  # as before: a batch, one audit entry

    with pytest.raises(ValidationError) as exc:
        penetapan_create(
            rekrutmen=r, nomor_sk="8", tanggal_sk=date(2024, 1, 21), pengguna=staf_teknis
        )
    assert exc.value.messages == ["Tidak ada pendaftar terpilih yang belum ditetapkan."]

    Pendaftar.objects.filter(nama="K7").update(hasil_akhir="terpilih")
    assert (
        penetapan_create(
            rekrutmen=r, nomor_sk="8", tanggal_sk=date(2024, 1, 21), pengguna=staf_teknis
        )
        == 1
    )
    ditetapkan = list(AnggotaBadan.objects.values_list("pendaftar__nama", flat=True))
    assert sorted(ditetapkan) == [f"K{i}" for i in range(8)]
    assert AnggotaBadan.objects.get(nama="K7").nomor_sk == "8"


def test_penetapan_refuses_an_sk_number_longer_than_its_column_naming_the_field(
    rekrutmen_kpps, staf_teknis
):
    r = rekrutmen_kpps
    _pendaftar(r, KASEMEN, "K0")
    peringkat_compute(rekrutmen=r, pengguna=staf_teknis)
    with pytest.raises(ValidationError) as exc:
        penetapan_create(
            rekrutmen=r, nomor_sk="9" * 101, tanggal_sk=date(2024, 1, 20), pengguna=staf_teknis
        )
    assert exc.value.message_dict == {
        "nomor_sk": ["terlalu panjang: paling banyak 100 karakter (tertulis 101)."]
    }
    assert not AnggotaBadan.objects.exists()


# --- query counts -------------------------------------------------------------------------------


@pytest.mark.parametrize("jumlah", [12, 2_400])
def test_wawancara_peringkat_penetapan_query_counts_do_not_grow_with_applicants(
    rekrutmen_pps, staf_teknis, jumlah, django_assert_max_num_queries
):
    r = rekrutmen_pps
    Rekrutmen.objects.filter(pk=r.pk).update(kursi_per_satuan=1_000)  # all called and chosen
    r.refresh_from_db()
    # the same statements for 12 and 2,400 applicants (the savepoint, the user's groups, the
    # UPDATE or INSERT … SELECT, the version, the count, the audit entry; on PostgreSQL the
    # ranking's SET LOCAL work_mem)
    wilayah = list(Wilayah.objects.exclude(jenis="kecamatan").order_by("kode"))
    Pendaftar.objects.bulk_create(
        Pendaftar(
            rekrutmen=r,
            nik=f"{i:016d}",
            nama=f"Calon {i}",
            jenis_kelamin="L",
            tempat_lahir="Serang",
            tanggal_lahir=date(1990, 1, 1),
            pendidikan="SMA",
            kode_domisili=wilayah[i % 3].kode,
            wilayah_tujuan=wilayah[i % 3],
            status_administrasi="ms",
            nilai_cat=50 + i % 50,
            nilai_wawancara=40 + i % 60,
        )
        for i in range(jumlah)
    )
    with django_assert_max_num_queries(8):
        assert wawancara_select(rekrutmen=r, pengguna=staf_teknis) == jumlah
    with django_assert_max_num_queries(7):
        assert peringkat_compute(rekrutmen=r, pengguna=staf_teknis)["terpilih"] == jumlah
    with django_assert_max_num_queries(4):
        assert (
            penetapan_create(
                rekrutmen=r, nomor_sk="1", tanggal_sk=date(2023, 1, 16), pengguna=staf_teknis
            )
            == jumlah
        )


# --- against an independent ranking -------------------------------------------------------------


def _acuan_pps(rows: list[dict], kursi: dict[int, int]) -> dict[int, tuple]:
    """The funnel by hand: per wilayah, MS with a CAT score by (CAT desc, birth, id), the first
    3× seats called; the called with both scores by (total desc, interview desc, CAT desc,
    birth, id), the first seats terpilih, as many again cadangan."""
    hasil = {p["pk"]: [False, None, "tidak"] for p in rows}
    for w, k in kursi.items():
        calon = [
            p for p in rows if p["wilayah_tujuan_id"] == w and p["status_administrasi"] == "ms"
        ]
        dinilai = sorted(
            (p for p in calon if p["nilai_cat"] is not None),
            key=lambda p: (-p["nilai_cat"], p["tanggal_lahir"], p["pk"]),
        )
        dipanggil = dinilai[: 3 * k]
        for p in dipanggil:
            hasil[p["pk"]][0] = True
        berperingkat = sorted(
            (p for p in dipanggil if p["nilai_wawancara"] is not None),
            key=lambda p: (
                -(p["nilai_cat"] + p["nilai_wawancara"]),
                -p["nilai_wawancara"],
                -p["nilai_cat"],
                p["tanggal_lahir"],
                p["pk"],
            ),
        )
        for i, p in enumerate(berperingkat[: 2 * k], start=1):
            hasil[p["pk"]][1:] = [i, "terpilih" if i <= k else "cadangan"]
    return {pk: tuple(v) for pk, v in hasil.items()}


def test_pps_funnel_equals_an_independent_ranking_on_random_scores_with_many_ties(
    rekrutmen_pps, staf_teknis, bentuk_update
):
    r = rekrutmen_pps
    rng = random.Random(15)
    skor = [None, Decimal("60"), Decimal("70.5"), Decimal("70.25"), Decimal("80"), Decimal("80")]
    for i in range(60):
        _pendaftar(
            r,
            rng.choice([CIMUNCANG, KOTABARU, KASEMEN]),
            f"R{i}",
            tanggal_lahir=rng.choice([date(1980, 1, 1), date(1985, 5, 5), date(1990, 9, 9)]),
            status_administrasi=rng.choice(["ms"] * 5 + ["tms"]),
            nilai_cat=rng.choice(skor),
            nilai_wawancara=rng.choice(skor),
        )
    kursi = {w.pk: r.kursi_per_satuan for w in Wilayah.objects.exclude(jenis="kecamatan")}
    rows = list(
        Pendaftar.objects.filter(rekrutmen=r).values(
            "pk",
            "wilayah_tujuan_id",
            "status_administrasi",
            "nilai_cat",
            "nilai_wawancara",
            "tanggal_lahir",
        )
    )
    acuan = _acuan_pps(rows, kursi)
    wawancara_select(rekrutmen=r, pengguna=staf_teknis)
    peringkat_compute(rekrutmen=r, pengguna=staf_teknis)
    assert _hasil(r) == acuan
    assert sum(1 for v in acuan.values() if v[2] == "cadangan") > 0


def test_kpps_ranking_of_the_screened_fixture_equals_an_independent_ranking(
    diseleksi, staf_teknis, bentuk_update
):
    r = diseleksi
    # a tight regency, 1 seat per TPS, so that reserves and rejections show up
    Rekrutmen.objects.filter(pk=r.pk).update(kursi_per_satuan=1)
    r.refresh_from_db()
    kursi = {
        w.pk: r.kursi_per_satuan * TPS.objects.filter(kelurahan=w).count()
        for w in Wilayah.objects.exclude(jenis="kecamatan")
    }
    rows = list(
        Pendaftar.objects.filter(rekrutmen=r)
        .order_by("pk")
        .values("pk", "wilayah_tujuan_id", "status_administrasi", "peringatan_usia_lebih_55")
    )
    acuan = {p["pk"]: (False, None, "tidak") for p in rows}
    for w, k in kursi.items():
        calon = sorted(
            (p for p in rows if p["wilayah_tujuan_id"] == w and p["status_administrasi"] == "ms"),
            key=lambda p: (p["peringatan_usia_lebih_55"], p["pk"]),
        )
        for i, p in enumerate(calon[: 2 * k], start=1):
            acuan[p["pk"]] = (False, i, "terpilih" if i <= k else "cadangan")
    peringkat_compute(rekrutmen=r, pengguna=staf_teknis)
    assert _hasil(r) == acuan
    hasil = [v[2] for v in acuan.values()]
    assert {"terpilih", "cadangan", "tidak"} <= set(hasil)


def test_pendaftar_pages_are_half_full_on_postgresql_so_full_rewrites_stay_on_their_page(db):
    """Migration 0008: the screening and ranking UPDATEs of every applicant are HOT updates on
    PostgreSQL (no index touched); SQLite has no fillfactor and is left as it is."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SELECT reloptions FROM pg_class WHERE relname = 'badan_adhoc_pendaftar'")
            assert cur.fetchone()[0] == ["fillfactor=50"]
    else:
        assert connection.vendor == "sqlite"
