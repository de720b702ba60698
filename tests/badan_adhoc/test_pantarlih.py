"""Pantarlih (Petugas Pemutakhiran Data Pemilih): the fourth ad hoc body, recruited per TPS with
the stages of KPPS (administrative selection only), 1 seat per TPS, Rp 1.000.000 per month.

The crafted regency (conftest): Kel. Cimuncang 3 TPS, Kel. Kotabaru 2 TPS, Kel. Kasemen 1 TPS.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from badan_adhoc.models import AnggotaBadan, JenisBadan, NormaKursi, Pendaftar, TarifHonor, Wilayah
from badan_adhoc.selectors import (
    honor_rekap,
    kursi_per_wilayah,
    kursi_total,
    satuan_jumlah,
    seleksi_ringkasan,
)
from badan_adhoc.services import (
    anggota_jabatan_set,
    nilai_import,
    pendaftar_import,
    pendaftar_screen,
    penetapan_create,
    peringkat_compute,
    rekrutmen_create,
    wawancara_select,
)

KEPALA = (
    "nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan,kode_domisili,alamat,"
    "no_hp,email,kode_wilayah_tujuan\n"
)
CIMUNCANG = "36.73.01.1001"  # 3 TPS -> 3 Pantarlih
KOTABARU = "36.73.01.1002"  # 2 TPS -> 2 Pantarlih
KASEMEN = "36.73.02.1001"  # 1 TPS -> 1 Pantarlih
ACUAN = date(2023, 1, 20)


def _baris(urut: int, nama: str, lahir: date, *, tujuan: str, domisili: str = "", pend="SMA"):
    """A CSV row with a NIK that matches the birth date (a man)."""
    kec = tujuan.split(".")[2]
    nik = f"3673{kec}{lahir:%d%m}{lahir.year % 100:02d}{urut:04d}"
    return f"{nik},{nama},L,Serang,{lahir.isoformat()},{pend},{domisili or tujuan},x,1,,{tujuan}\n"


@pytest.fixture
def rekrutmen_pantarlih(wilayah_uji):
    # a two-month term: 1 Feb – 1 Apr 2023 = the months starting 1 Feb and 1 Mar
    return rekrutmen_create(
        kode="pantarlih-2024",
        jenis_badan="pantarlih",
        nama="Pantarlih Pemilu 2024",
        pemilihan="Pemilu 2024",
        tanggal_acuan=ACUAN,
        masa_kerja_mulai=date(2023, 2, 1),
        masa_kerja_selesai=date(2023, 4, 1),
    )


@pytest.fixture
def pantarlih_diseleksi(rekrutmen_pantarlih):
    rows = [
        # Cimuncang (3 seats): the 60-year-old registers first but is ranked after the others
        _baris(1, "Tua Enampuluh", date(1962, 6, 1), tujuan=CIMUNCANG),
        _baris(2, "Calon Dua", date(1990, 2, 2), tujuan=CIMUNCANG),
        _baris(3, "Calon Tiga", date(1991, 3, 3), tujuan=CIMUNCANG),
        _baris(4, "Calon Empat", date(1992, 4, 4), tujuan=CIMUNCANG),
        _baris(5, "Calon Lima", date(1993, 5, 5), tujuan=CIMUNCANG),
        _baris(6, "Lulus SMP", date(1994, 6, 6), tujuan=CIMUNCANG, pend="SMP"),
        _baris(7, "Baru Enambelas", date(2006, 7, 7), tujuan=CIMUNCANG),
        _baris(8, "Warga Kasemen", date(1995, 8, 8), tujuan=CIMUNCANG, domisili=KASEMEN),
        # Kotabaru (2 seats): one applicant only
        _baris(9, "Satu Satunya", date(1988, 9, 9), tujuan=KOTABARU),
    ]
    pendaftar_import(
        rekrutmen=rekrutmen_pantarlih,
        berkas=(KEPALA + "".join(rows)).encode(),
        nama_berkas="pantarlih.csv",
    )
    pendaftar_screen(rekrutmen=rekrutmen_pantarlih)
    return rekrutmen_pantarlih


def test_pantarlih_needs_one_seat_per_tps(rekrutmen_pantarlih):
    assert NormaKursi.objects.get(jenis_badan=JenisBadan.PANTARLIH).jumlah == 1
    assert rekrutmen_pantarlih.kursi_per_satuan == 1
    assert rekrutmen_pantarlih.per_tps
    kode = dict(Wilayah.objects.values_list("pk", "kode"))
    assert {kode[pk]: n for pk, n in kursi_per_wilayah(rekrutmen_pantarlih).items()} == {
        CIMUNCANG: 3,
        KOTABARU: 2,
        KASEMEN: 1,
    }
    assert satuan_jumlah()[JenisBadan.PANTARLIH] == 6
    assert kursi_total(rekrutmen_pantarlih) == 6


def test_pantarlih_seat_norm_is_data(wilayah_uji):
    NormaKursi.objects.filter(jenis_badan="pantarlih").update(jumlah=2)
    r = rekrutmen_create(
        kode="pantarlih-2", jenis_badan="pantarlih", nama="Pantarlih 2", tanggal_acuan=ACUAN
    )
    assert kursi_total(r) == 12


def test_pantarlih_screening_has_kpps_rules(pantarlih_diseleksi):
    ringkasan = seleksi_ringkasan(pantarlih_diseleksi)
    assert (ringkasan["jumlah"], ringkasan["ms"], ringkasan["tms"]) == (9, 6, 3)
    assert ringkasan["alasan"]["pendidikan_kurang"] == 1
    assert ringkasan["alasan"]["usia_kurang"] == 1
    assert ringkasan["alasan"]["domisili_di_luar_wilayah"] == 1
    assert ringkasan["peringatan"] == {"usia_lebih_55": 1}  # a warning, not a bar
    tua = Pendaftar.objects.get(nama="Tua Enampuluh")
    assert tua.status_administrasi == "ms" and tua.peringatan_usia_lebih_55


def test_pantarlih_has_no_test_nor_interview(pantarlih_diseleksi, staf_teknis):
    pesan = "Pantarlih hanya melalui seleksi administrasi (tanpa tes dan wawancara)."
    with pytest.raises(ValidationError) as galat:
        wawancara_select(rekrutmen=pantarlih_diseleksi, pengguna=staf_teknis)
    assert galat.value.messages == [pesan]
    with pytest.raises(ValidationError) as galat:
        nilai_import(
            rekrutmen=pantarlih_diseleksi,
            berkas=b"nik,nilai_cat\n1,80\n",
            nama_berkas="n.csv",
            pengguna=staf_teknis,
        )
    assert galat.value.messages == [pesan]


def test_pantarlih_ranking_and_appointment_per_tps(pantarlih_diseleksi, staf_teknis):
    assert peringkat_compute(rekrutmen=pantarlih_diseleksi, pengguna=staf_teknis) == {
        "terpilih": 4,  # Cimuncang 3 of 3 seats, Kotabaru 1 of 2
        "cadangan": 2,
    }
    hasil = dict(
        Pendaftar.objects.filter(wilayah_tujuan__kode=CIMUNCANG, peringkat__isnull=False)
        .order_by("peringkat")
        .values_list("nama", "hasil_akhir")
    )
    assert hasil == {
        "Calon Dua": "terpilih",
        "Calon Tiga": "terpilih",
        "Calon Empat": "terpilih",
        "Calon Lima": "cadangan",
        "Tua Enampuluh": "cadangan",
    }
    assert (
        penetapan_create(
            rekrutmen=pantarlih_diseleksi,
            nomor_sk="5/PP.04-Kpt/3673/2023",
            tanggal_sk=date(2023, 1, 31),
            pengguna=staf_teknis,
        )
        == 4
    )
    anggota = AnggotaBadan.objects.filter(rekrutmen=pantarlih_diseleksi)
    per_wilayah = {}
    for a in anggota.select_related("wilayah"):
        per_wilayah[a.wilayah.kode] = per_wilayah.get(a.wilayah.kode, 0) + 1
    assert per_wilayah == {CIMUNCANG: 3, KOTABARU: 1}
    assert set(anggota.values_list("jabatan", flat=True)) == {"anggota"}
    satu = anggota.get(nama="Calon Dua")
    with pytest.raises(ValidationError) as galat:
        anggota_jabatan_set(anggota=satu, jabatan="ketua", pengguna=staf_teknis)
    assert galat.value.message_dict == {
        "jabatan": ["Calon Dua: Pantarlih bertugas per TPS tanpa ketua; jabatannya anggota."]
    }
    assert anggota.filter(jabatan="ketua").count() == 0


def test_pantarlih_honor_is_one_million_per_month(pantarlih_diseleksi, staf_teknis, client):
    assert TarifHonor.objects.get(
        jenis_badan="pantarlih", jabatan="anggota", tahun=2023
    ).besaran == (Decimal("1000000"))
    peringkat_compute(rekrutmen=pantarlih_diseleksi, pengguna=staf_teknis)
    penetapan_create(
        rekrutmen=pantarlih_diseleksi,
        nomor_sk="5/PP.04-Kpt/3673/2023",
        tanggal_sk=date(2023, 1, 31),
        pengguna=staf_teknis,
    )
    rows = honor_rekap(pantarlih_diseleksi)
    # 4 Pantarlih × Rp 1.000.000 × 2 months (1 Feb and 1 Mar 2023) = Rp 8.000.000
    assert [(r.periode, r.anggota_proyeksi, r.honor_proyeksi) for r in rows] == [
        (date(2023, 2, 1), 4, Decimal("4000000")),
        (date(2023, 3, 1), 4, Decimal("4000000")),
    ]
    assert sum(r.honor_aktual for r in rows) == Decimal("8000000")
    client.force_login(staf_teknis)
    html = client.get(f"/adhoc/rekrutmen/{pantarlih_diseleksi.pk}/honor/").content.decode()
    assert "Rp 8.000.000" in html
    assert "Rp 1.000.000" in html  # the rate table


def test_pantarlih_through_the_api(client, wilayah_uji, sekretaris):
    client.force_login(sekretaris)
    r = client.post(
        "/api/adhoc/rekrutmen/",
        {
            "kode": "pantarlih-api",
            "nama": "Pantarlih Pemilu 2024",
            "jenis_badan": "pantarlih",
            "pemilihan": "Pemilu 2024",
            "tanggal_acuan": "2023-01-20",
        },
        content_type="application/json",
    )
    assert r.status_code == 201, r.content
    assert r.json()["kursi_per_satuan"] == 1
    daftar = client.get("/api/adhoc/rekrutmen/").json()
    assert [(x["kode"], x["jenis_badan"]) for x in daftar["results"]] == [
        ("pantarlih-api", "pantarlih")
    ]
    r = client.post(
        "/api/adhoc/rekrutmen/",
        {"kode": "x", "nama": "x", "jenis_badan": "linmas", "tanggal_acuan": "2023-01-20"},
        content_type="application/json",
    )
    assert r.status_code == 400 and "jenis_badan" in r.json()


def test_demo_pantarlih_one_kecamatan_appointed_and_paid(db):
    """The demo's Pantarlih recruitment (Kota Serang's wilayah and generated TPS): applicants
    only in Kec. Cipocok Jaya, appointed per TPS, paid one month at Rp 1.000.000; idempotent."""
    import io

    from badan_adhoc import demo, demo_pantarlih
    from badan_adhoc.models import Rekrutmen

    keluaran = io.StringIO()
    demo._wilayah(keluaran)
    demo_pantarlih.muat(stdout=keluaran)
    demo_pantarlih.muat(stdout=keluaran)  # a second load adds nothing
    r = Rekrutmen.objects.get(kode="pantarlih-pemilu-2024")
    assert r.jenis_badan == "pantarlih" and "contoh" in r.nama
    pendaftar = Pendaftar.objects.filter(rekrutmen=r)
    assert set(pendaftar.values_list("wilayah_tujuan__induk__kode", flat=True)) == {"36.73.05"}
    assert pendaftar.filter(status_administrasi="tms").exists()
    assert pendaftar.filter(peringatan_usia_lebih_55=True).exists()
    kursi = kursi_per_wilayah(r)
    cipocok = Wilayah.objects.filter(induk__kode="36.73.05")
    anggota = AnggotaBadan.objects.filter(rekrutmen=r)
    for w in cipocok:  # each desa/kelurahan: as many Pantarlih as TPS, or all its MS applicants
        ms = pendaftar.filter(wilayah_tujuan=w, status_administrasi="ms").count()
        assert anggota.filter(wilayah=w).count() == min(kursi[w.pk], ms)
    n = anggota.count()
    assert n > 0 and Rekrutmen.objects.filter(kode="pantarlih-pemilu-2024").count() == 1
    rows = honor_rekap(r)
    assert [(x.periode, x.honor_proyeksi) for x in rows] == [
        (date(2023, 2, 12), Decimal(1_000_000) * n)
    ]


def test_pantarlih_pages_for_staff(client, pantarlih_diseleksi, staf_teknis):
    """Created from the form; detail, ranking (administrative only, no score import link),
    applicant page with the 55+ warning, members page after the appointment."""
    client.force_login(staf_teknis)
    r = client.post(
        "/adhoc/rekrutmen/baru/",
        {
            "kode": "pantarlih-form",
            "nama": "Pantarlih dari formulir",
            "jenis_badan": "pantarlih",
            "pemilihan": "Pilkada 2024",
            "tanggal_acuan": "2024-05-01",
        },
    )
    assert r.status_code == 302
    from badan_adhoc.models import Rekrutmen

    assert Rekrutmen.objects.get(kode="pantarlih-form").kursi_per_satuan == 1
    pk = pantarlih_diseleksi.pk
    detail = client.get(f"/adhoc/rekrutmen/{pk}/").content.decode()
    assert "Pantarlih" in detail and "1 kursi per TPS" in detail
    peringkat_compute(rekrutmen=pantarlih_diseleksi, pengguna=staf_teknis)
    kel = Wilayah.objects.get(kode=CIMUNCANG)
    halaman = client.get(f"/adhoc/rekrutmen/{pk}/peringkat/?wilayah={kel.pk}")
    teks = halaman.content.decode()
    assert halaman.status_code == 200
    assert "Pantarlih: seleksi administrasi saja" in teks and "Impor nilai" not in teks
    tua = Pendaftar.objects.get(nama="Tua Enampuluh")
    teks = client.get(f"/adhoc/pendaftar/{tua.pk}/").content.decode()
    assert "Usia lebih dari 55 tahun (KPPS, Pantarlih)" in teks
    penetapan_create(
        rekrutmen=pantarlih_diseleksi, nomor_sk="5", tanggal_sk=date(2023, 1, 31), pengguna=None
    )
    teks = client.get(f"/adhoc/rekrutmen/{pk}/anggota/").content.decode()
    assert "Calon Dua" in teks and "Satu Satunya" in teks


def test_migration_seeds_write_the_reference_data(db):
    """``acuan.py`` is the app's one source of seats and rates; the migrations that seed them
    (0002, 0012 Pantarlih) keep their own copy, being self-contained: the two must agree."""
    from importlib import import_module

    from django.apps import apps

    from badan_adhoc.acuan import NORMA, TAHUN, TARIF

    NormaKursi.objects.all().delete()
    TarifHonor.objects.all().delete()
    for nama in ("0002_norma_tarif", "0012_pantarlih"):
        import_module(f"badan_adhoc.migrations.{nama}").seed(apps, None)
    assert set(NormaKursi.objects.values_list("jenis_badan", "satuan", "jumlah")) == set(NORMA)
    assert {(t.jenis_badan, t.jabatan, t.tahun): t.besaran for t in TarifHonor.objects.all()} == {
        (j, jabatan, tahun): Decimal(b) for tahun in TAHUN for (j, jabatan), b in TARIF.items()
    }


def test_pantarlih_members_page_offers_no_position_the_service_refuses(
    client, pantarlih_diseleksi, staf_teknis
):
    """A Pantarlih member can only be anggota (``anggota_jabatan_set``): the members page
    showed a position select (ketua, sekretaris, ...) whose every other choice failed."""
    peringkat_compute(rekrutmen=pantarlih_diseleksi, pengguna=staf_teknis)
    penetapan_create(
        rekrutmen=pantarlih_diseleksi,
        nomor_sk="5/PP.04-Kpt/3673/2023",
        tanggal_sk=date(2023, 1, 31),
        pengguna=staf_teknis,
    )
    client.force_login(staf_teknis)
    html = client.get(f"/adhoc/rekrutmen/{pantarlih_diseleksi.pk}/anggota/").content.decode()
    assert "Calon Dua" in html and ">PAW</a>" in html
    assert 'name="jabatan"' not in html
