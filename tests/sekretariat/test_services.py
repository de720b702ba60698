from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from sekretariat import services
from sekretariat.models import Jabatan, Komisioner, Pegawai, RiwayatJabatan, Satker

from .factories import (
    JabatanFactory,
    KomisionerFactory,
    PegawaiFactory,
    PpnpnFactory,
    RiwayatJabatanFactory,
)

pytestmark = pytest.mark.django_db


def _pns(unit, **kw):
    data = {
        "nama": "Dede Kusmana, S.T.",
        "status": Pegawai.Status.PNS,
        "nip": "198511232010121002",
        "jenis_kelamin": Pegawai.JenisKelamin.LAKI_LAKI,
        "tanggal_lahir": date(1985, 11, 23),
        "tmt": date(2010, 12, 1),
        "pendidikan": Pegawai.Pendidikan.S1,
        "unit": unit,
    }
    data.update(kw)
    return services.pegawai_save(**data)


def _pesan(exc_info, field):
    return " ".join(exc_info.value.message_dict.get(field, []))


# --- NIP -------------------------------------------------------------------------------------


def test_pegawai_save_accepts_consistent_nip_with_spaces(unit_demo):
    p = _pns(unit_demo["perencanaan"], nip="19851123 201012 1 002")
    assert p.nip == "198511232010121002"


def test_pegawai_save_rejects_nip_of_wrong_length(unit_demo):
    with pytest.raises(ValidationError) as e:
        _pns(unit_demo["perencanaan"], nip="19851123201012100")
    assert "NIP harus 18 digit angka" in _pesan(e, "nip")
    assert not Pegawai.objects.exists()


def test_pegawai_save_names_the_birth_date_that_disagrees(unit_demo):
    with pytest.raises(ValidationError) as e:
        _pns(unit_demo["perencanaan"], tanggal_lahir=date(1985, 11, 24))
    pesan = _pesan(e, "nip")
    assert "Tanggal lahir di NIP (23 November 1985)" in pesan
    assert "(24 November 1985)" in pesan


def test_pegawai_save_names_the_sex_that_disagrees(unit_demo):
    with pytest.raises(ValidationError) as e:
        _pns(unit_demo["perencanaan"], jenis_kelamin=Pegawai.JenisKelamin.PEREMPUAN)
    pesan = _pesan(e, "nip")
    assert "Digit ke-15 NIP (1) berarti laki-laki" in pesan
    assert "perempuan" in pesan


def test_pegawai_save_names_the_tmt_that_disagrees(unit_demo):
    with pytest.raises(ValidationError) as e:
        _pns(unit_demo["perencanaan"], tmt=date(2011, 1, 1))
    assert "TMT CPNS di NIP (Desember 2010)" in _pesan(e, "nip")


def test_pegawai_save_rejects_invalid_birth_date_digits(unit_demo):
    with pytest.raises(ValidationError) as e:
        _pns(unit_demo["perencanaan"], nip="198513232010121002")
    assert "bukan tanggal lahir yang sah" in _pesan(e, "nip")


def test_pegawai_save_rejects_duplicate_nip(unit_demo):
    _pns(unit_demo["perencanaan"])
    with pytest.raises(ValidationError) as e:
        _pns(unit_demo["keuangan"], nama="Orang Lain")
    assert "sudah terdaftar atas nama Dede Kusmana" in _pesan(e, "nip")


def test_pegawai_save_ppnpn_needs_kind_and_no_nip(unit_demo):
    with pytest.raises(ValidationError) as e:
        services.pegawai_save(
            nama="Sarinah",
            status=Pegawai.Status.PPNPN,
            nip="198511232010121002",
            jenis_kelamin=Pegawai.JenisKelamin.PEREMPUAN,
            tanggal_lahir=date(1983, 2, 22),
            pendidikan=Pegawai.Pendidikan.SLTA,
            unit=unit_demo["keuangan"],
        )
    assert "PPNPN tidak memiliki NIP" in _pesan(e, "nip")
    assert "Pilih jenis PPNPN" in _pesan(e, "jenis_ppnpn")


# --- Riwayat jabatan -------------------------------------------------------------------------


@pytest.fixture
def kasubag_keuangan_jabatan(unit_demo):
    return JabatanFactory(
        nama="Kepala Sub Bagian Keuangan, Umum dan Logistik",
        jenis=Jabatan.Jenis.STRUKTURAL,
        unit=unit_demo["keuangan"],
    )


def _angkat(pegawai, jabatan, mulai, **kw):
    return services.riwayat_jabatan_save(
        pegawai=pegawai,
        jabatan=jabatan,
        nomor_sk="1921 Tahun 2023",
        tanggal_sk=date(2023, 10, 17),
        penerbit_sk="Sekretaris Jenderal KPU RI",
        tanggal_mulai=mulai,
        **kw,
    )


def test_riwayat_save_refuses_second_active_holder_of_struktural(
    unit_demo, kasubag_keuangan_jabatan
):
    rina = PegawaiFactory(nama="Rina Herlina", unit=unit_demo["keuangan"])
    andrie = PegawaiFactory(nama="Andrie Minggon Munggaran", unit=unit_demo["keuangan"])
    _angkat(rina, kasubag_keuangan_jabatan, date(2023, 1, 2))
    with pytest.raises(ValidationError) as e:
        _angkat(andrie, kasubag_keuangan_jabatan, date(2023, 10, 17))
    pesan = _pesan(e, "jabatan")
    assert "masih dijabat oleh Rina Herlina sejak 2 Januari 2023" in pesan
    assert "Tutup jabatan sebelumnya" in pesan
    assert RiwayatJabatan.objects.count() == 1
    assert RiwayatJabatan.objects.get().tanggal_selesai is None


def test_riwayat_save_replacement_closes_previous_on_new_start(unit_demo, kasubag_keuangan_jabatan):
    rina = PegawaiFactory(nama="Rina Herlina", unit=unit_demo["keuangan"])
    andrie = PegawaiFactory(nama="Andrie Minggon Munggaran", unit=unit_demo["keuangan"])
    lama = _angkat(rina, kasubag_keuangan_jabatan, date(2023, 1, 2))
    baru = _angkat(andrie, kasubag_keuangan_jabatan, date(2023, 10, 17), tutup_sebelumnya=True)
    lama.refresh_from_db()
    assert lama.tanggal_selesai == date(2023, 10, 17)
    assert baru.tanggal_selesai is None


def test_riwayat_save_refuses_holder_inside_a_closed_period(unit_demo, kasubag_keuangan_jabatan):
    rina = PegawaiFactory(nama="Rina Herlina", unit=unit_demo["keuangan"])
    lain = PegawaiFactory(nama="Pegawai Lain", unit=unit_demo["keuangan"])
    RiwayatJabatanFactory(
        pegawai=rina,
        jabatan=kasubag_keuangan_jabatan,
        tanggal_mulai=date(2023, 1, 2),
        tanggal_selesai=date(2023, 10, 17),
    )
    with pytest.raises(ValidationError) as e:
        _angkat(lain, kasubag_keuangan_jabatan, date(2023, 5, 1), tutup_sebelumnya=True)
    assert "dijabat oleh Rina Herlina (2 Januari 2023 – 17 Oktober 2023)" in _pesan(e, "jabatan")


def test_riwayat_save_rejects_end_before_start(unit_demo, kasubag_keuangan_jabatan):
    rina = PegawaiFactory(nama="Rina Herlina", unit=unit_demo["keuangan"])
    with pytest.raises(ValidationError) as e:
        _angkat(
            rina,
            kasubag_keuangan_jabatan,
            date(2023, 10, 17),
            tanggal_selesai=date(2023, 1, 2),
        )
    assert (
        "Tanggal selesai (2 Januari 2023) harus setelah tanggal mulai (17 Oktober 2023)"
        in _pesan(e, "tanggal_selesai")
    )
    assert not RiwayatJabatan.objects.exists()


def test_riwayat_save_rejects_overlap_of_same_person(unit_demo, kasubag_keuangan_jabatan):
    dede = PegawaiFactory(nama="Dede Kusmana", unit=unit_demo["perencanaan"])
    pelaksana = JabatanFactory(nama="Pengelola Data", unit=unit_demo["perencanaan"])
    RiwayatJabatanFactory(
        pegawai=dede,
        jabatan=pelaksana,
        tanggal_mulai=date(2020, 3, 2),
        tanggal_selesai=date(2023, 12, 1),
    )
    with pytest.raises(ValidationError) as e:
        _angkat(dede, kasubag_keuangan_jabatan, date(2023, 10, 17))
    pesan = _pesan(e, "tanggal_mulai")
    assert "Dede Kusmana pada periode itu menjabat Pengelola Data" in pesan
    assert "satu jabatan dalam satu waktu" in pesan


def test_riwayat_save_promotion_closes_own_previous_jabatan(unit_demo, kasubag_keuangan_jabatan):
    dede = PegawaiFactory(nama="Dede Kusmana", unit=unit_demo["keuangan"])
    pelaksana = JabatanFactory(nama="Bendahara", unit=unit_demo["keuangan"])
    lama = RiwayatJabatanFactory(pegawai=dede, jabatan=pelaksana, tanggal_mulai=date(2020, 3, 2))
    _angkat(dede, kasubag_keuangan_jabatan, date(2023, 10, 17), tutup_sebelumnya=True)
    lama.refresh_from_db()
    assert lama.tanggal_selesai == date(2023, 10, 17)


def test_riwayat_save_refuses_ppnpn(unit_demo, kasubag_keuangan_jabatan):
    sarinah = PpnpnFactory(nama="Sarinah", unit=unit_demo["keuangan"])
    with pytest.raises(ValidationError) as e:
        _angkat(sarinah, kasubag_keuangan_jabatan, date(2023, 1, 2))
    assert "Sarinah adalah PPNPN" in _pesan(e, "pegawai")


def test_jabatan_save_one_struktural_per_unit(unit_demo, kasubag_keuangan_jabatan):
    with pytest.raises(ValidationError) as e:
        services.jabatan_save(
            nama="Kasubag Kedua", jenis=Jabatan.Jenis.STRUKTURAL, unit=unit_demo["keuangan"]
        )
    assert "sudah memiliki jabatan struktural" in str(e.value)


# --- Komisioner ------------------------------------------------------------------------------


def _komisioner(nama, mulai, **kw):
    data = {
        "nama": nama,
        "jenis_kelamin": Pegawai.JenisKelamin.LAKI_LAKI,
        "tanggal_mulai": mulai,
        "nomor_sk": "1/PP.06-Kpt/KPU/2024",
        "tanggal_sk": mulai,
    }
    data.update(kw)
    return services.komisioner_save(**data)


def test_komisioner_save_refuses_second_active_ketua():
    KomisionerFactory(nama="Ketua Lama", ketua=True)
    with pytest.raises(ValidationError) as e:
        _komisioner("Ketua Baru", date(2024, 1, 1), ketua=True)
    pesan = _pesan(e, "ketua")
    assert "Ketua Lama adalah ketua" in pesan
    assert "hanya boleh ada satu ketua aktif" in pesan
    assert Komisioner.objects.count() == 1


def test_komisioner_save_gantikan_ketua_closes_previous():
    lama = KomisionerFactory(nama="Ketua Lama", ketua=True)
    _komisioner("Ketua Baru", date(2024, 1, 1), ketua=True, gantikan_ketua=True)
    lama.refresh_from_db()
    assert lama.tanggal_selesai == date(2024, 1, 1)


def test_komisioner_save_refuses_sixth_member():
    KomisionerFactory.create_batch(5)
    with pytest.raises(ValidationError) as e:
        _komisioner("Anggota Keenam", date(2023, 1, 1))
    assert "sudah ada 5 anggota aktif" in _pesan(e, "tanggal_mulai")


def test_komisioner_save_rejects_end_before_start():
    with pytest.raises(ValidationError) as e:
        _komisioner("Anggota", date(2024, 1, 1), tanggal_selesai=date(2023, 1, 1))
    assert "harus setelah awalnya" in _pesan(e, "tanggal_selesai")


# --- Satker ----------------------------------------------------------------------------------


def test_satker_save_only_one_per_installation():
    data = {
        "nama": "Sekretariat KPU Kota Serang",
        "tingkat": Satker.Tingkat.KOTA,
        "nama_wilayah": "Kota Serang",
        "kode_satker": "670714",
        "kode_wilayah": "36.73",
    }
    services.satker_save(**data)
    with pytest.raises(ValidationError) as e:
        services.satker_save(**{**data, "kode_satker": "670715"})
    assert "satu instalasi hanya melayani satu satker" in str(e.value)


def test_satker_save_checks_kode_satker_digits():
    with pytest.raises(ValidationError) as e:
        services.satker_save(
            nama="X",
            tingkat=Satker.Tingkat.KOTA,
            nama_wilayah="Kota Serang",
            kode_satker="67071A",
            kode_wilayah="36.73",
        )
    assert "6 digit" in _pesan(e, "kode_satker")


def test_komisioner_save_keeps_exactly_one_active_ketua():
    ketua = KomisionerFactory(nama="Ketua", ketua=True)
    KomisionerFactory(nama="Anggota")
    with pytest.raises(ValidationError) as e:
        services.komisioner_save(komisioner=ketua, ketua=False)
    assert "satu-satunya ketua aktif" in _pesan(e, "ketua")
    ketua.refresh_from_db()
    assert ketua.ketua is True
