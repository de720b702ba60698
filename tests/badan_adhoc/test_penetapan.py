"""Interview call, ranking with the tie rule, appointment, PAW and honorarium."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from badan_adhoc.models import AnggotaBadan, Pendaftar, Wilayah
from badan_adhoc.selectors import honor_rekap
from badan_adhoc.services import (
    nilai_import,
    paw_create,
    pendaftar_import,
    pendaftar_screen,
    penetapan_create,
    peringkat_compute,
    wawancara_select,
)
from kpu_site.impor import ImporGagal
from kpu_site.models import JejakAudit

KEPALA = (
    "nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan,kode_domisili,alamat,"
    "no_hp,email,kode_wilayah_tujuan\n"
)
KEL = "36.73.01.1001"  # PPS: 3 seats -> up to 9 to interview, 6 ranked


def _lahir(i):
    return date(1980 + i, 3, 10)


@pytest.fixture
def pps_diseleksi(rekrutmen_pps):
    rows = [
        f"3673011003{(80 + i) % 100:02d}{i:04d},Calon {i:02d},L,Serang,{_lahir(i).isoformat()},SMA,{KEL},x,1,,{KEL}\n"
        for i in range(11)
    ]
    pendaftar_import(
        rekrutmen=rekrutmen_pps, berkas=(KEPALA + "".join(rows)).encode(), nama_berkas="p.csv"
    )
    pendaftar_screen(rekrutmen=rekrutmen_pps)
    assert Pendaftar.objects.filter(status_administrasi="ms").count() == 11
    return rekrutmen_pps


def _nilai(rekrutmen, user, kolom, nilai: dict):
    isi = f"nik,{kolom}\n" + "".join(
        f"{Pendaftar.objects.get(nama=f'Calon {i:02d}').nik},{v}\n" for i, v in nilai.items()
    )
    return nilai_import(
        rekrutmen=rekrutmen, berkas=isi.encode(), nama_berkas="n.csv", pengguna=user
    )


def test_ranking_calls_3x_seats_ranks_2x_and_breaks_ties(pps_diseleksi, staf_teknis):
    r = pps_diseleksi
    # CAT: Calon 00..10; Calon 09 and 10 are the two lowest and are not called (9 = 3 x 3 seats)
    cat = {i: 90 - i for i in range(9)} | {9: 50, 10: 40}
    assert _nilai(r, staf_teknis, "nilai_cat", cat) == 11
    assert wawancara_select(rekrutmen=r, pengguna=staf_teknis) == 9
    assert not Pendaftar.objects.get(nama="Calon 09").dipanggil_wawancara
    # interview: Calon 03 and 04 tie on the total (87+80 = 86+81 = 167): interview score
    # decides (04 has 81); Calon 05 and 06 tie on total, interview and CAT? no: set equal
    # totals and interview for 07/08 -> CAT decides (07 has 83 > 82).
    wawancara = {0: 70, 1: 70, 2: 70, 3: 80, 4: 81, 5: 60, 6: 61, 7: 75, 8: 76}
    _nilai(r, staf_teknis, "nilai_wawancara", wawancara)
    hasil = peringkat_compute(rekrutmen=r, pengguna=staf_teknis)
    assert hasil == {"terpilih": 3, "cadangan": 3}
    urut = list(
        Pendaftar.objects.filter(peringkat__isnull=False)
        .order_by("peringkat")
        .values_list("nama", "hasil_akhir")
    )
    # totals: 00 160, 01 159, 02 158, 03 167, 04 167, 05 145, 06 145, 07 158, 08 158
    assert urut == [
        ("Calon 04", "terpilih"),  # 167, interview 81
        ("Calon 03", "terpilih"),  # 167, interview 80
        ("Calon 00", "terpilih"),  # 160
        ("Calon 01", "cadangan"),  # 159
        ("Calon 08", "cadangan"),  # 158, interview 76
        ("Calon 07", "cadangan"),  # 158, interview 75 (02: 158, interview 70 -> 7th)
    ]
    assert Pendaftar.objects.get(nama="Calon 02").hasil_akhir == "tidak"


def test_nilai_import_refuses_unknown_nik_and_out_of_range(pps_diseleksi, staf_teknis):
    with pytest.raises(ImporGagal) as exc:
        nilai_import(
            rekrutmen=pps_diseleksi,
            berkas=b"nik,nilai_cat\n9999999999999999,80\n"
            + f"{Pendaftar.objects.first().nik},120\n".encode(),
            nama_berkas="n.csv",
            pengguna=staf_teknis,
        )
    pesan = [str(k) for k in exc.value.kesalahan]
    assert pesan[0].startswith("Baris 2, kolom nik")
    assert pesan[1].startswith("Baris 3, kolom nilai_cat")
    assert not Pendaftar.objects.filter(nilai_cat__isnull=False).exists()


def test_nilai_set_refuses_out_of_range_naming_the_field_and_keeps_two_decimals(
    pps_diseleksi, staf_teknis
):
    from badan_adhoc.services import nilai_set

    p = Pendaftar.objects.first()
    with pytest.raises(ValidationError) as exc:
        nilai_set(pendaftar=p, nilai_wawancara=Decimal("100.5"), pengguna=staf_teknis)
    assert exc.value.message_dict == {"nilai_wawancara": ["100.5 di luar rentang 0–100."]}
    nilai_set(pendaftar=p, nilai_cat=Decimal("87.456"), pengguna=staf_teknis)
    p.refresh_from_db()
    assert p.nilai_cat == Decimal("87.46") and p.nilai_wawancara is None


@pytest.fixture
def ditetapkan(pps_diseleksi, staf_teknis):
    r = pps_diseleksi
    _nilai(r, staf_teknis, "nilai_cat", {i: 90 - i for i in range(11)})
    wawancara_select(rekrutmen=r, pengguna=staf_teknis)
    _nilai(r, staf_teknis, "nilai_wawancara", {i: 80 for i in range(9)})
    peringkat_compute(rekrutmen=r, pengguna=staf_teknis)
    n = penetapan_create(
        rekrutmen=r,
        nomor_sk="12/PP.04-Kpt/3673/2023",
        tanggal_sk=date(2023, 1, 16),
        pengguna=staf_teknis,
    )
    assert n == 3
    return r


def test_paw_takes_the_next_reserve_of_the_same_wilayah(ditetapkan, staf_teknis):
    keluar = AnggotaBadan.objects.get(nama="Calon 01")
    pengganti = paw_create(
        anggota=keluar,
        alasan="mengundurkan_diri",
        tanggal_berhenti=date(2023, 6, 20),
        keterangan="Diterima bekerja di luar kota",
        nomor_sk="55/PP.04-Kpt/3673/2023",
        tanggal_sk=date(2023, 6, 21),
        pengguna=staf_teknis,
    )
    assert pengganti.nama == "Calon 03"  # rank 4 = first reserve
    assert pengganti.menggantikan == keluar and pengganti.mulai == date(2023, 6, 21)
    keluar.refresh_from_db()
    assert keluar.status == "berhenti" and keluar.alasan_berhenti == "mengundurkan_diri"
    kedua = paw_create(
        anggota=AnggotaBadan.objects.get(nama="Calon 00"),
        alasan="meninggal",
        tanggal_berhenti=date(2023, 8, 1),
        nomor_sk="60/PP.04-Kpt/3673/2023",
        tanggal_sk=date(2023, 8, 2),
        pengguna=staf_teknis,
    )
    assert kedua.nama == "Calon 04"
    with pytest.raises(ValidationError):
        paw_create(
            anggota=keluar,
            alasan="meninggal",
            tanggal_berhenti=date(2023, 8, 1),
            nomor_sk="x",
            tanggal_sk=date(2023, 8, 2),
            pengguna=staf_teknis,
        )


def test_honor_projection_and_actual_per_month(ditetapkan, staf_teknis):
    # PPS term 17 Jan 2023 – 4 Apr 2024 = 15 paid months; 3 anggota at Rp 1.300.000
    rows = honor_rekap(ditetapkan)
    assert len(rows) == 15
    assert rows[0].honor_proyeksi == Decimal("3900000")
    assert sum(r.honor_proyeksi for r in rows) == Decimal("3900000") * 15
    paw_create(
        anggota=AnggotaBadan.objects.get(nama="Calon 01"),
        alasan="diberhentikan",
        tanggal_berhenti=date(2023, 6, 20),
        nomor_sk="55",
        tanggal_sk=date(2023, 6, 21),
        pengguna=staf_teknis,
    )
    rows = honor_rekap(ditetapkan)
    # the leaver is paid for the month starting 17 Jun; the replacement from 17 Jul
    juni = next(r for r in rows if r.periode == date(2023, 6, 17))
    juli = next(r for r in rows if r.periode == date(2023, 7, 17))
    assert juni.anggota_aktual == 3 and juli.anggota_aktual == 3
    assert sum(r.honor_aktual for r in rows) == Decimal("3900000") * 15
    # a ketua costs more: Rp 1.500.000 from then on
    from badan_adhoc.services import anggota_jabatan_set

    anggota_jabatan_set(
        anggota=AnggotaBadan.objects.get(nama="Calon 00"), jabatan="ketua", pengguna=staf_teknis
    )
    rows = honor_rekap(ditetapkan)
    assert rows[0].honor_aktual == Decimal("1500000") + 2 * Decimal("1300000")


def test_kpps_ranking_is_administrative_only(rekrutmen_kpps, staf_teknis):
    kel = Wilayah.objects.get(kode="36.73.02.1001")  # 1 TPS = 7 seats
    rows = [
        f"367302100{i:03d}0{i:04d},K {i:02d},L,Serang,{date(1990, 1, 1).isoformat()},SMA,{kel.kode},x,1,,{kel.kode}\n"
        for i in range(16)
    ]
    pendaftar_import(
        rekrutmen=rekrutmen_kpps, berkas=(KEPALA + "".join(rows)).encode(), nama_berkas="k.csv"
    )
    Pendaftar.objects.update(status_administrasi="ms")
    with pytest.raises(ValidationError):
        wawancara_select(rekrutmen=rekrutmen_kpps, pengguna=staf_teknis)
    assert peringkat_compute(rekrutmen=rekrutmen_kpps, pengguna=staf_teknis) == {
        "terpilih": 7,
        "cadangan": 7,
    }


def test_api_scores_ranking_penetapan_and_paw(client, pps_diseleksi, sekretaris, komisioner):
    from django.urls import reverse

    client.force_login(sekretaris)
    for i, p in enumerate(Pendaftar.objects.order_by("pk")):
        response = client.post(
            reverse("badan_adhoc-pendaftar-nilai", args=[p.pk]),
            {"nilai_cat": 90 - i, "nilai_wawancara": 80},
            content_type="application/json",
        )
        assert response.status_code == 200, response.content
    r = pps_diseleksi
    assert client.post(reverse("badan_adhoc-rekrutmen-wawancara", args=[r.pk])).json() == {
        "dipanggil": 9
    }
    assert client.post(reverse("badan_adhoc-rekrutmen-peringkat", args=[r.pk])).json() == {
        "terpilih": 3,
        "cadangan": 3,
    }
    response = client.post(
        reverse("badan_adhoc-rekrutmen-penetapan", args=[r.pk]),
        {"nomor_sk": "12/PP.04-Kpt/3673/2023", "tanggal_sk": "2023-01-16"},
        content_type="application/json",
    )
    assert response.json() == {"ditetapkan": 3}
    anggota = AnggotaBadan.objects.order_by("pk").first()
    data = {
        "alasan_berhenti": "meninggal",
        "tanggal_berhenti": "2023-05-01",
        "nomor_sk": "40/PP.04-Kpt/3673/2023",
        "tanggal_sk": "2023-05-03",
    }
    client.force_login(komisioner)
    url = reverse("badan_adhoc-anggotabadan-paw", args=[anggota.pk])
    assert client.post(url, data, content_type="application/json").status_code == 403
    client.force_login(sekretaris)
    response = client.post(url, data, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["menggantikan"] == anggota.pk
    # a second PAW of the same member is a 400 with the message
    response = client.post(url, data, content_type="application/json")
    assert response.status_code == 400
    assert "sudah berhenti" in str(response.json())


def test_peringkat_page_shows_the_funnel_from_one_scan(
    client, pps_diseleksi, staf_teknis, komisioner
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    r = pps_diseleksi
    _nilai(r, staf_teknis, "nilai_cat", {i: 90 - i for i in range(10)})  # Calon 10: no score
    wawancara_select(rekrutmen=r, pengguna=staf_teknis)
    _nilai(r, staf_teknis, "nilai_wawancara", {i: 80 for i in range(9)})
    peringkat_compute(rekrutmen=r, pengguna=staf_teknis)
    client.force_login(komisioner)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("badan_adhoc:peringkat", args=[r.pk]))
    assert response.context["corong"] == {
        "ms": 11,
        "nilai_cat": 10,
        "wawancara": 9,
        "terpilih": 3,
        "cadangan": 3,
    }
    baca_pendaftar = [q for q in ctx.captured_queries if "badan_adhoc_pendaftar" in q["sql"]]
    assert len(baca_pendaftar) == 2  # the funnel and the chosen wilayah's ranking


def test_anggota_page_counts_active_stopped_and_terpilih_not_yet_appointed(
    client, ditetapkan, staf_teknis, komisioner
):
    from django.urls import reverse

    paw_create(
        anggota=AnggotaBadan.objects.get(nama="Calon 01"),
        alasan="mengundurkan_diri",
        tanggal_berhenti=date(2023, 6, 20),
        nomor_sk="55/PP.04-Kpt/3673/2023",
        tanggal_sk=date(2023, 6, 21),
        pengguna=staf_teknis,
    )
    Pendaftar.objects.filter(nama="Calon 04").update(hasil_akhir="terpilih")
    client.force_login(komisioner)
    context = client.get(reverse("badan_adhoc:anggota_list", args=[ditetapkan.pk])).context
    assert (context["jumlah_aktif"], context["jumlah_berhenti"]) == (3, 1)
    assert context["jumlah_terpilih_belum"] == 1 and context["kursi"] == 9


def test_anggota_jabatan_with_an_unknown_role_says_why(client, ditetapkan, staf_teknis):
    from django.urls import reverse

    anggota = AnggotaBadan.objects.get(nama="Calon 00")
    client.force_login(staf_teknis)
    response = client.post(
        reverse("badan_adhoc:anggota_jabatan", args=[anggota.pk]),
        {"jabatan": "bendahara"},
        follow=True,
    )
    pesan = [str(m) for m in response.context["messages"]]
    assert any(m.startswith("Jabatan: ") for m in pesan), pesan
    anggota.refresh_from_db()
    assert anggota.jabatan == "anggota"


def test_paw_and_score_import_audit_name_things_not_codes(ditetapkan, staf_teknis):
    """Issue 16: the audit trail says \"mengundurkan diri\" and \"CAT\", not the codes."""
    assert JejakAudit.objects.filter(keterangan="Impor nilai CAT n.csv: 11 pendaftar").exists()
    keluar = AnggotaBadan.objects.get(nama="Calon 01")
    pengganti = paw_create(
        anggota=keluar,
        alasan="mengundurkan_diri",
        tanggal_berhenti=date(2023, 6, 20),
        nomor_sk="55/PP.04-Kpt/3673/2023",
        tanggal_sk=date(2023, 6, 21),
        pengguna=staf_teknis,
    )
    jejak = JejakAudit.objects.filter(keterangan__startswith="PAW:").get()
    assert jejak.keterangan == (
        f"PAW: {pengganti.nama} menggantikan {keluar.nama} (mengundurkan diri)"
    )
