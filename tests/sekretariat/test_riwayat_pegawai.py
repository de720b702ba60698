"""Staff history: TMT masuk/keluar and the education history, and every count read on a date.

The demo (sekretariat/demo.py) differs between the two year ends: Iwan Kurniawan (security)
joined on 2 Januari 2023, Rina, Erlin and Encep moved out (pindah) and Andrie, Dede and Ratih
came in on 17 Oktober 2023, and Mahpudin finished his S2 on 26 Agustus 2023.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from sekretariat import selectors, services
from sekretariat.models import Pegawai, RiwayatPendidikan
from tests.sekretariat.factories import PegawaiFactory, RiwayatJabatanFactory

pytestmark = pytest.mark.django_db

AKHIR_2022 = date(2022, 12, 31)
AKHIR_2023 = date(2023, 12, 31)


def _pesan(e: ValidationError, field: str) -> str:
    return " ".join(e.message_dict[field])


# --- the demo on two dates ---------------------------------------------------------------------


def test_demo_counts_at_the_end_of_2022(demo_organisasi):
    assert selectors.pegawai_hitung_status(tanggal=AKHIR_2022) == {
        "pns": 10,
        "ppnpn": 11,
        "total": 21,
    }
    assert selectors.pegawai_hitung_pendidikan(status="pns", tanggal=AKHIR_2022) == [
        ("Diploma III", 1),
        ("Strata 1", 8),
        ("Strata 2", 1),
    ]
    assert selectors.pegawai_hitung_pendidikan(status="ppnpn", tanggal=AKHIR_2022) == [
        ("SLTA/SMA/SMK", 4),
        ("Strata 1", 7),
    ]
    assert [n for _, n in selectors.pegawai_hitung_jenis_ppnpn(tanggal=AKHIR_2022)] == [
        6,
        2,
        2,
        1,
    ]
    # the Kasubag of 2023 were appointed from 2 Januari 2023: none on 31 Desember 2022
    assert selectors.pegawai_hitung_jenis_jabatan(tanggal=AKHIR_2022) == [
        ("Sekretaris", 1),
        ("Kepala Sub Bagian", 0),
        ("Jabatan Fungsional", 1),
        ("Staf Pelaksana", 4),
        ("Belum ada jabatan", 4),
    ]
    per_unit = {
        r["unit"].kode: (r["pns"], r["ppnpn"])
        for r in selectors.pegawai_hitung_unit(tanggal=AKHIR_2022)
    }
    assert per_unit == {
        "sekretariat": (1, 1),
        "keuangan": (2, 6),
        "teknis": (2, 2),
        "perencanaan": (2, 1),
        "hukum_sdm": (2, 1),
        "jf": (1, 0),
    }


def test_demo_counts_at_the_end_of_2023_are_the_reports(demo_organisasi):
    assert selectors.pegawai_hitung_status(tanggal=AKHIR_2023) == {
        "pns": 10,
        "ppnpn": 12,
        "total": 22,
    }
    assert selectors.pegawai_hitung_pendidikan(status="pns", tanggal=AKHIR_2023) == [
        ("Diploma III", 1),
        ("Strata 1", 7),
        ("Strata 2", 2),
    ]
    assert [n for _, n in selectors.pegawai_hitung_jenis_ppnpn(tanggal=AKHIR_2023)] == [
        6,
        3,
        2,
        1,
    ]


def test_a_pegawai_counts_from_tmt_masuk_up_to_the_day_before_tmt_keluar(demo_organisasi):
    rina = Pegawai.objects.get(nama__startswith="Rina Herlina")
    andrie = Pegawai.objects.get(nama__startswith="Andrie")
    assert (rina.tmt_keluar, rina.alasan_keluar) == (date(2023, 10, 17), "pindah")
    assert andrie.tmt_masuk == date(2023, 10, 17)
    keuangan = demo_organisasi["keuangan"]

    def pns_keuangan(tanggal):
        return [
            p.nama
            for p in selectors.pegawai_list(
                unit=keuangan, status="pns", aktif=True, tanggal=tanggal
            )
        ]

    assert pns_keuangan(date(2023, 10, 16)) == ["Rina Herlina, S.E.", "Siti Nurhasanah, A.Md."]
    assert pns_keuangan(date(2023, 10, 17)) == [
        "Andrie Minggon Munggaran, S.E.",
        "Siti Nurhasanah, A.Md.",
    ]


def test_ringkasan_gives_the_total_and_the_education_split_of_a_date(demo_organisasi):
    r = selectors.pegawai_ringkasan(tanggal=AKHIR_2022)
    assert (r["total"], r["pns"], r["ppnpn"]) == (21, 10, 11)
    assert (r["total_pendidikan"], r["tanpa_pendidikan"]) == (21, 0)
    # a diploma dated after the pegawai joined leaves them out of every level before it
    p = PegawaiFactory(unit=demo_organisasi["teknis"], tmt_masuk=date(2022, 1, 3))
    RiwayatPendidikan.objects.create(pegawai=p, jenjang="s1", tanggal_ijazah=date(2023, 3, 1))
    r = selectors.pegawai_ringkasan(tanggal=AKHIR_2022)
    assert (r["total"], r["total_pendidikan"], r["tanpa_pendidikan"]) == (22, 21, 1)


def test_organisasi_page_shows_each_dates_counts(masuk, auditor, demo_organisasi):
    client = masuk(auditor)
    url = reverse("sekretariat:organisasi")
    r22 = client.get(url + "?tanggal=2022-12-31")
    r23 = client.get(url + "?tanggal=2023-12-31")
    assert r22.context["hitung_status"] == {"pns": 10, "ppnpn": 11, "total": 21}
    assert r23.context["hitung_status"] == {"pns": 10, "ppnpn": 12, "total": 22}
    assert r22.context["hitung_pendidikan_pns"] == [
        ("Diploma III", 1),
        ("Strata 1", 8),
        ("Strata 2", 1),
    ]
    html22, html23 = r22.content.decode(), r23.content.decode()
    assert "Pegawai per 31 Desember 2022" in html22
    assert "Strata 2 1 orang" in html22 and "Strata 2 2 orang" in html23
    assert "SLTA/SMA/SMK 4 orang · Strata 1 7 orang" in html22
    assert "SLTA/SMA/SMK 4 orang · Strata 1 8 orang" in html23
    # the structure chart's staff counts are those of the date too
    assert "Rina Herlina" not in html23 and "Andrie Minggon Munggaran" in html23


def test_api_ringkasan_reads_the_date(masuk, komisioner, demo_organisasi):
    data = (
        masuk(komisioner).get(reverse("sekretariat-ringkasan-list") + "?tanggal=2022-12-31").json()
    )
    assert data["status"] == {"pns": 10, "ppnpn": 11, "total": 21}
    assert {r["label"]: r["jumlah"] for r in data["jenis_ppnpn"]}[
        "Petugas keamanan (security)"
    ] == 2
    assert {r["unit"]: r["ppnpn"] for r in data["unit"]}["keuangan"] == 6


# --- rules -------------------------------------------------------------------------------------


def test_tmt_keluar_must_be_after_tmt_masuk_and_have_a_reason(unit_demo):
    p = services.pegawai_save(
        nama="Uji Keluar",
        status="ppnpn",
        jenis_ppnpn="pengemudi",
        jenis_kelamin="L",
        tanggal_lahir=date(1990, 1, 1),
        tmt=date(2020, 1, 2),
        pendidikan="slta",
        unit=unit_demo["keuangan"],
    )
    assert p.tmt_masuk == date(2020, 1, 2)  # the TMT when left empty
    with pytest.raises(ValidationError) as e:
        services.pegawai_save(pegawai=p, tmt_keluar=date(2020, 1, 2), alasan_keluar="berhenti")
    assert "TMT keluar (2 Januari 2020) harus setelah TMT masuk (2 Januari 2020)" in _pesan(
        e.value, "tmt_keluar"
    )
    p = Pegawai.objects.get(pk=p.pk)
    with pytest.raises(ValidationError) as e:
        services.pegawai_save(pegawai=p, tmt_keluar=date(2024, 1, 2))
    assert "Alasan keluar wajib diisi" in _pesan(e.value, "alasan_keluar")
    p = Pegawai.objects.get(pk=p.pk)
    with pytest.raises(ValidationError) as e:
        services.pegawai_save(pegawai=p, alasan_keluar="pensiun")
    assert "TMT keluar wajib diisi bila alasan keluar diisi" in _pesan(e.value, "tmt_keluar")
    p = Pegawai.objects.get(pk=p.pk)
    services.pegawai_save(pegawai=p, tmt_keluar=date(2024, 1, 2), alasan_keluar="pensiun")
    assert not Pegawai.objects.get(pk=p.pk).aktif


def test_the_database_refuses_keluar_before_masuk_or_without_reason(unit_demo):
    p = PegawaiFactory(unit=unit_demo["keuangan"])
    for ubah in (
        {"tmt_keluar": date(2009, 1, 1), "alasan_keluar": "pindah"},
        {"tmt_keluar": date(2024, 1, 1), "alasan_keluar": ""},
        {"alasan_keluar": "pindah"},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            Pegawai.objects.filter(pk=p.pk).update(**ubah)


def test_tmt_keluar_refused_while_a_jabatan_is_open(unit_demo):
    riwayat = RiwayatJabatanFactory(pegawai=PegawaiFactory(unit=unit_demo["keuangan"]))
    with pytest.raises(ValidationError) as e:
        services.pegawai_save(
            pegawai=riwayat.pegawai, tmt_keluar=date(2024, 1, 2), alasan_keluar="pindah"
        )
    assert "belum berakhir pada TMT keluar" in _pesan(e.value, "tmt_keluar")
    with pytest.raises(ValidationError) as e:
        services.pegawai_save(pegawai=riwayat.pegawai, tmt_masuk=date(2023, 6, 1))
    assert "sesudah mulai jabatan" in _pesan(e.value, "tmt_masuk")


# --- education history -------------------------------------------------------------------------


def test_a_diploma_counts_from_its_date_and_raises_pendidikan_terakhir(unit_demo):
    p = services.pegawai_save(
        nama="Uji Ijazah",
        status="ppnpn",
        jenis_ppnpn="administrasi",
        jenis_kelamin="P",
        tanggal_lahir=date(1995, 1, 1),
        tmt=date(2020, 1, 2),
        pendidikan="slta",
        unit=unit_demo["teknis"],
    )
    assert list(p.riwayat_pendidikan.values_list("jenjang", "tanggal_ijazah")) == [
        ("slta", date(2020, 1, 2))
    ]
    services.riwayat_pendidikan_create(
        pegawai=p, jenjang="s1", tanggal_ijazah=date(2023, 9, 1), institusi="UNTIRTA"
    )
    p.refresh_from_db()
    assert p.pendidikan == "s1"
    assert (p.pendidikan_pada(date(2023, 8, 31)), p.pendidikan_pada(date(2023, 9, 1))) == (
        "slta",
        "s1",
    )
    assert selectors.pegawai_hitung_pendidikan(status="ppnpn", tanggal=date(2023, 8, 31)) == [
        ("SLTA/SMA/SMK", 1)
    ]
    assert selectors.pegawai_hitung_pendidikan(status="ppnpn", tanggal=date(2023, 9, 1)) == [
        ("Strata 1", 1)
    ]
    # an older, lower diploma does not lower pendidikan terakhir
    services.riwayat_pendidikan_create(pegawai=p, jenjang="d3", tanggal_ijazah=date(2021, 9, 1))
    p.refresh_from_db()
    assert p.pendidikan == "s1"
    with pytest.raises(ValidationError) as e:
        services.riwayat_pendidikan_create(pegawai=p, jenjang="s2", tanggal_ijazah=date(2027, 1, 1))
    assert "Tanggal ijazah (1 Januari 2027) belum terjadi" in _pesan(e.value, "tanggal_ijazah")


def test_pegawai_detail_shows_history_and_adds_a_diploma(
    masuk, kasubag_sdm, staf_keuangan, demo_organisasi
):
    p = Pegawai.objects.get(nama__startswith="Mahpudin")
    detail = reverse("sekretariat:pegawai_detail", args=[p.pk])
    html = masuk(kasubag_sdm).get(detail).content.decode()
    assert "Riwayat pendidikan" in html and "26 Agustus 2023" in html
    assert "Magister Ilmu Administrasi" in html and "Tambah ijazah" in html
    url = reverse("sekretariat:riwayat_pendidikan_create", args=[p.pk])
    # a sub-bagian other than Hukum dan SDM may not write pegawai data
    body = {"jenjang": "s3", "tanggal_ijazah": "2025-03-01", "institusi": "UI"}
    assert masuk(staf_keuangan).post(url, body).status_code == 403
    response = masuk(kasubag_sdm).post(url, {**body, "tanggal_ijazah": "1970-01-01"})
    assert response.status_code == 200
    assert (
        "Tanggal ijazah harus setelah tanggal lahir."
        in response.context["form"].errors["tanggal_ijazah"]
    )
    response = masuk(kasubag_sdm).post(url, body)
    assert response.status_code == 302 and response["Location"] == detail
    p.refresh_from_db()
    assert p.pendidikan == "s3"
    riwayat = p.riwayat_pendidikan.get(jenjang="s3")
    assert riwayat.history.get().history_user == kasubag_sdm  # the audit trail


def test_pegawai_form_takes_tmt_keluar_and_its_reason(masuk, kasubag_sdm, demo_organisasi):
    p = Pegawai.objects.get(nama__startswith="Dadang")
    url = reverse("sekretariat:pegawai_update", args=[p.pk])
    form = masuk(kasubag_sdm).get(url).context["form"]
    assert {"tmt_masuk", "tmt_keluar", "alasan_keluar"} <= set(form.fields)
    assert form.fields["pendidikan"].disabled
    body = {
        k: v
        for k, v in form.initial.items()
        if v is not None and k not in ("pengguna", "tmt_keluar")
    }
    body |= {"unit": p.unit_id, "tmt_keluar": "2024-03-01", "alasan_keluar": ""}
    response = masuk(kasubag_sdm).post(url, body)
    assert response.status_code == 200
    assert "Alasan keluar wajib diisi" in response.context["form"].errors["alasan_keluar"][0]
    response = masuk(kasubag_sdm).post(url, body | {"alasan_keluar": "meninggal"})
    assert response.status_code == 302
    p.refresh_from_db()
    assert (p.tmt_keluar, p.get_alasan_keluar_display()) == (date(2024, 3, 1), "Meninggal dunia")
    assert selectors.pegawai_hitung_status(tanggal=date(2024, 2, 29))["ppnpn"] == 12
    assert selectors.pegawai_hitung_status(tanggal=date(2024, 3, 1))["ppnpn"] == 11


def test_pegawai_list_on_a_date_lists_who_served_then(masuk, auditor, demo_organisasi):
    client = masuk(auditor)
    url = reverse("sekretariat:pegawai_list")
    assert client.get(url + "?tanggal=2022-12-31").context["paginator"].count == 21
    response = client.get(url + "?tanggal=2022-12-31&status=pns&aktif=0")
    # on 31 Desember 2022 the three incoming Kasubag had not joined yet
    assert [p.nama for p in response.context["pegawai_list"]] == [
        "Andrie Minggon Munggaran, S.E.",
        "Dede Kusmana, S.T.",
        "Ratih Permata WM, S.H.",
    ]
    assert "aktif dihitung per 31 Desember 2022" in response.content.decode()


def test_an_appointment_lies_within_the_time_served(unit_demo):
    from tests.sekretariat.factories import JabatanFactory

    p = PegawaiFactory(unit=unit_demo["keuangan"], tmt_masuk=date(2021, 1, 4))
    jabatan = JabatanFactory(unit=unit_demo["keuangan"])
    sk = {"nomor_sk": "1/2020", "tanggal_sk": date(2020, 1, 2), "penerbit_sk": "Sekretaris"}
    with pytest.raises(ValidationError) as e:
        services.riwayat_jabatan_save(
            pegawai=p, jabatan=jabatan, tanggal_mulai=date(2020, 1, 6), **sk
        )
    assert "sebelum Pegawai Uji" in _pesan(e.value, "tanggal_mulai")
    assert "(TMT masuk 4 Januari 2021)" in _pesan(e.value, "tanggal_mulai")
