"""The figures of the UP/TUP register: a TUP's deadline and settlement, the UP in force and
each GUP against it, the running balances; pinned values a user (and the IKPA) reads."""

from datetime import date
from decimal import Decimal

import pytest

from anggaran.models import MutasiUp
from anggaran.selectors.up import (
    KeadaanTup,
    batas_tup_compute,
    register_up,
    tup_list,
    tup_status,
    up_besaran,
)

from .factories import JUTA
from .factories import mutasi_up_catat as catat

pytestmark = pytest.mark.django_db

J = MutasiUp.Jenis


@pytest.fixture
def dua_tup(dipa):
    """TUP 1: Rp 50.000.000 on 10/04/2023, deadline 15/05/2023, PTUP Rp 45.000.000 on 08/05
    and Rp 5.000.000 returned on 12/05: settled 12/05, on time. TUP 2: Rp 20.000.000 on
    10/04/2023 with the default deadline 10/05/2023, PTUP Rp 20.000.000 on 16/05: late."""
    tup1 = catat(dipa, J.TUP, "TUP-01", date(2023, 4, 10), 50, batas_waktu=date(2023, 5, 15))
    catat(dipa, J.PTUP, "PTUP-01", date(2023, 5, 8), 45, tup=tup1)
    catat(dipa, J.SETOR_TUP, "STS-01", date(2023, 5, 12), 5, tup=tup1)
    tup2 = catat(dipa, J.TUP, "TUP-02", date(2023, 4, 10), 20)
    catat(dipa, J.PTUP, "PTUP-02", date(2023, 5, 16), 20, tup=tup2)
    return tup1, tup2


def test_batas_tup_compute_same_day_next_month_or_month_end():
    assert batas_tup_compute(date(2023, 4, 10)) == date(2023, 5, 10)
    assert batas_tup_compute(date(2023, 1, 31)) == date(2023, 2, 28)
    assert batas_tup_compute(date(2024, 1, 30)) == date(2024, 2, 29)
    assert batas_tup_compute(date(2023, 3, 31)) == date(2023, 4, 30)
    assert batas_tup_compute(date(2023, 12, 15)) == date(2024, 1, 15)


def test_tup_status_settled_on_the_return_date_on_time(dua_tup):
    tup = dua_tup[0]
    status = tup_status(tup)
    assert status.nilai == 50 * JUTA
    assert status.batas_waktu == date(2023, 5, 15)
    assert status.ptup == 45 * JUTA
    assert status.setoran == 5 * JUTA
    assert status.terselesaikan_nilai == 50 * JUTA
    assert status.sisa == 0
    assert status.tanggal_selesai == date(2023, 5, 12)
    assert status.tepat_waktu is True
    assert status.keadaan == KeadaanTup.TEPAT_WAKTU
    # as of 10/05 only the PTUP counts: open, deadline not passed
    awal = tup_status(tup, sampai=date(2023, 5, 10))
    assert (awal.terselesaikan_nilai, awal.tanggal_selesai, awal.tepat_waktu) == (
        45 * JUTA,
        None,
        None,
    )
    assert awal.keadaan == KeadaanTup.TERBUKA


def test_tup_status_late_after_the_deadline(dua_tup):
    tup2 = dua_tup[1]
    assert tup2.batas_waktu == date(2023, 5, 10)  # the default: one month after its SP2D
    status = tup_status(tup2)
    assert (status.ptup, status.setoran) == (20 * JUTA, 0)
    assert (status.tanggal_selesai, status.tepat_waktu) == (date(2023, 5, 16), False)
    assert status.keadaan == KeadaanTup.TERLAMBAT
    # as of 15/05 it is still open and past its deadline: late already
    lewat = tup_status(tup2, sampai=date(2023, 5, 15))
    assert (lewat.tanggal_selesai, lewat.tepat_waktu) == (None, False)
    assert lewat.keadaan == KeadaanTup.LEWAT_BATAS


def test_tup_list_per_tup_as_of_a_date(dua_tup, django_assert_num_queries):
    with django_assert_num_queries(1):
        daftar = tup_list(dokumen=dua_tup[0].dokumen, sampai=date(2023, 5, 9))
    assert [(s.tup.nomor, s.nilai, s.ptup, s.setoran, s.batas_waktu) for s in daftar] == [
        ("TUP-01", 50 * JUTA, 45 * JUTA, 0, date(2023, 5, 15)),
        ("TUP-02", 20 * JUTA, 0, 0, date(2023, 5, 10)),
    ]
    assert [s.tepat_waktu for s in daftar] == [None, None]
    daftar = tup_list(dokumen=dua_tup[0].dokumen)
    assert [(s.tanggal_selesai, s.tepat_waktu) for s in daftar] == [
        (date(2023, 5, 12), True),
        (date(2023, 5, 16), False),
    ]
    assert tup_list(dokumen=dua_tup[0].dokumen, sampai=date(2023, 4, 9)) == []


def test_tup_list_constant_queries(dipa, django_assert_num_queries):
    for i in range(1, 21):
        tup = catat(dipa, J.TUP, f"T{i}", date(2023, 3, i), 10)
        catat(dipa, J.PTUP, f"P{i}", date(2023, 4, i), 10, tup=tup)
    with django_assert_num_queries(1):
        daftar = tup_list(dokumen=dipa)
    assert len(daftar) == 20
    assert all(s.tepat_waktu for s in daftar)


def test_up_besaran_each_gup_against_the_up_in_force(dipa, django_assert_num_queries):
    catat(dipa, J.UP, "UP-01", date(2023, 1, 16), 100)
    catat(dipa, J.GUP, "GUP-01", date(2023, 2, 20), 62.5)
    catat(dipa, J.GUP, "GUP-02", date(2023, 3, 27), 40)
    catat(dipa, J.SETOR_UP, "STS-UP", date(2023, 12, 20), 100)
    with django_assert_num_queries(1):
        besaran = up_besaran(dokumen=dipa, sampai=date(2023, 11, 30))
    assert besaran.nilai == 100 * JUTA
    assert [(g.gup.nomor, g.nilai, g.up_berlaku, g.persen) for g in besaran.gup] == [
        ("GUP-01", Decimal("62.5") * JUTA, 100 * JUTA, Decimal("62.50")),
        ("GUP-02", 40 * JUTA, 100 * JUTA, Decimal("40.00")),
    ]
    assert up_besaran(dokumen=dipa).nilai == 0  # returned at year end
    assert up_besaran(dokumen=dipa, sampai=date(2023, 1, 15)).nilai == 0


def test_register_up_running_balances(dua_tup, django_assert_num_queries):
    dipa = dua_tup[0].dokumen
    catat(dipa, J.UP, "UP-01", date(2023, 1, 16), 100)
    catat(dipa, J.GUP, "GUP-01", date(2023, 4, 12), 80)
    with django_assert_num_queries(1):
        register = register_up(dokumen=dipa)
    assert [
        (
            b.mutasi.nomor,
            b.saldo_up / JUTA,
            b.saldo_tup / JUTA if b.saldo_tup is not None else None,
            b.tup_terbuka / JUTA,
            b.terlambat,
        )
        for b in register.baris
    ] == [
        ("UP-01", 100, None, 0, False),
        ("TUP-01", 100, 50, 50, False),
        ("TUP-02", 100, 20, 70, False),
        ("GUP-01", 100, None, 70, False),
        ("PTUP-01", 100, 5, 25, False),
        ("STS-01", 100, 0, 20, False),
        ("PTUP-02", 100, 0, 0, True),
    ]
    assert register.saldo_up == 100 * JUTA
    assert register.total_gup == 80 * JUTA
    assert register.tup_terbuka == 0
