"""The writes of the UP/TUP register, the SPM dispensations and the revision's IKPA flag: every
refusal with its message on its field, the late-TUP warning, who may write, the year and
document locks, and the audit entries."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from anggaran import services, services_up
from anggaran.models import DispensasiSpm, MutasiUp, Revisi
from anggaran.selectors.up import mutasi_up_peringatan
from kinerja.models import KunciTahun
from kpu_site.models import JejakAudit

from .factories import JUTA, DokumenAnggaranFactory
from .factories import mutasi_up_catat as catat

pytestmark = pytest.mark.django_db

J = MutasiUp.Jenis


def ubah(mutasi, **kwargs):
    data = {
        "jenis": mutasi.jenis,
        "nomor": mutasi.nomor,
        "tanggal": mutasi.tanggal,
        "nilai": mutasi.nilai,
        "tup": mutasi.tup,
        "batas_waktu": mutasi.batas_waktu,
        "keterangan": mutasi.keterangan,
    } | kwargs
    return services_up.mutasi_up_update(pengguna=None, mutasi=mutasi, **data)


def galat(exc) -> dict:
    return exc.value.message_dict


@pytest.fixture
def up(dipa):
    return catat(dipa, J.UP, "UP-01", date(2023, 1, 16), 100)


@pytest.fixture
def tup(dipa):
    return catat(dipa, J.TUP, "TUP-01", date(2023, 4, 10), 50, batas_waktu=date(2023, 5, 15))


# --- one movement -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("isian", "field", "pesan"),
    [
        ({"nilai": Decimal("0")}, "nilai", "Nilai harus lebih dari 0."),
        ({"nilai": Decimal("-5")}, "nilai", "Nilai harus lebih dari 0."),
        ({"nilai": Decimal("1.005")}, "nilai", "Nilai paling banyak 2 angka desimal (sen)."),
        ({"tanggal": date(2024, 1, 2)}, "tanggal", "Tanggal harus dalam tahun anggaran 2023."),
        ({"nomor": "  "}, "nomor", "Nomor SP2D/bukti setor wajib diisi."),
        ({"jenis": "lain"}, "jenis", "Jenis 'lain' tidak dikenal"),
        (
            {"batas_waktu": date(2023, 3, 1)},
            "batas_waktu",
            "Batas pertanggungjawaban hanya diisi untuk TUP.",
        ),
    ],
)
def test_mutasi_up_create_refuses_a_bad_field(dipa, isian, field, pesan):
    data = {"jenis": J.UP, "nomor": "UP-01", "tanggal": date(2023, 1, 16), "nilai": 100 * JUTA}
    with pytest.raises(ValidationError) as exc:
        services_up.mutasi_up_create(pengguna=None, dokumen=dipa, **(data | isian))
    assert galat(exc)[field][0].startswith(pesan)
    assert not MutasiUp.objects.exists()


def test_mutasi_up_create_nomor_unique_per_document_and_jenis(dipa, up):
    with pytest.raises(ValidationError) as exc:
        catat(dipa, J.UP, "UP-01", date(2023, 2, 1), 10)
    assert galat(exc) == {"nomor": ["UP nomor UP-01 sudah tercatat di dokumen ini."]}
    # the same number for another jenis, or in another year's DIPA, is fine
    catat(dipa, J.TUP, "UP-01", date(2023, 2, 1), 10)
    catat(DokumenAnggaranFactory(tahun=2024), J.UP, "UP-01", date(2024, 1, 10), 10)


def test_gup_needs_an_earlier_up(dipa):
    with pytest.raises(ValidationError) as exc:
        catat(dipa, J.GUP, "GUP-01", date(2023, 2, 20), 10)
    assert galat(exc) == {"jenis": ["GUP memerlukan UP: belum ada UP tercatat tahun ini."]}
    catat(dipa, J.UP, "UP-01", date(2023, 2, 20), 100)
    with pytest.raises(ValidationError) as exc:
        catat(dipa, J.GUP, "GUP-01", date(2023, 2, 20), 10)
    assert galat(exc) == {
        "tanggal": ["GUP memerlukan UP yang diterima sebelumnya: UP pertama bertanggal 20/02/2023."]
    }
    assert catat(dipa, J.GUP, "GUP-01", date(2023, 2, 21), 10).pk


def test_gup_above_the_up_in_force_refused(dipa, up):
    with pytest.raises(ValidationError) as exc:
        catat(dipa, J.GUP, "GUP-01", date(2023, 2, 20), Decimal("100.5"))
    assert galat(exc) == {
        "nilai": [
            "GUP Rp 100.500.000 melebihi besaran UP yang berlaku pada 20/02/2023 (Rp 100.000.000)."
        ]
    }
    assert catat(dipa, J.GUP, "GUP-01", date(2023, 2, 20), 100).nilai == 100 * JUTA


def test_setoran_up_above_the_up_in_force_refused(dipa, up):
    with pytest.raises(ValidationError) as exc:
        catat(dipa, J.SETOR_UP, "STS-UP", date(2023, 12, 20), 101)
    assert galat(exc) == {
        "nilai": [
            "Setoran sisa UP Rp 101.000.000 melebihi UP yang berlaku pada 20/12/2023 "
            "(Rp 100.000.000)."
        ]
    }


def test_tup_deadline_default_and_not_before_its_date(dipa):
    tup = catat(dipa, J.TUP, "TUP-01", date(2023, 1, 31), 10)
    assert tup.batas_waktu == date(2023, 2, 28)
    with pytest.raises(ValidationError) as exc:
        catat(dipa, J.TUP, "TUP-02", date(2023, 4, 10), 10, batas_waktu=date(2023, 4, 9))
    assert galat(exc) == {
        "batas_waktu": ["Batas pertanggungjawaban tidak boleh sebelum tanggal TUP (10/04/2023)."]
    }


def test_ptup_must_name_a_tup_of_this_document(dipa, up, tup):
    with pytest.raises(ValidationError) as exc:
        catat(dipa, J.PTUP, "PTUP-01", date(2023, 5, 8), 45)
    assert galat(exc) == {"tup": ["PTUP harus menyebut TUP yang diselesaikan."]}
    with pytest.raises(ValidationError) as exc:
        catat(dipa, J.SETOR_TUP, "STS-01", date(2023, 5, 8), 5, tup=up)
    assert galat(exc) == {"tup": ["Pilih TUP dari dokumen ini yang diselesaikan."]}
    lain = DokumenAnggaranFactory(tahun=2024)
    tup_lain = catat(lain, J.TUP, "TUP-01", date(2024, 4, 10), 50)
    with pytest.raises(ValidationError) as exc:
        catat(dipa, J.PTUP, "PTUP-01", date(2023, 5, 8), 45, tup=tup_lain)
    assert galat(exc) == {"tup": ["Pilih TUP dari dokumen ini yang diselesaikan."]}
    with pytest.raises(ValidationError) as exc:
        catat(dipa, J.GUP, "GUP-01", date(2023, 5, 8), 45, tup=tup)
    assert galat(exc) == {"tup": ["Hanya PTUP dan setoran sisa TUP yang menyebut TUP."]}


def test_ptup_dated_before_its_tup_refused(dipa, tup):
    with pytest.raises(ValidationError) as exc:
        catat(dipa, J.PTUP, "PTUP-01", date(2023, 4, 9), 45, tup=tup)
    assert galat(exc) == {
        "tanggal": ["Tanggal PTUP tidak boleh sebelum tanggal TUP TUP-01 (10/04/2023)."]
    }
    assert catat(dipa, J.PTUP, "PTUP-01", date(2023, 4, 10), 45, tup=tup).pk  # the same day


def test_ptup_and_returns_may_not_exceed_the_tup(dipa, tup):
    catat(dipa, J.PTUP, "PTUP-01", date(2023, 5, 8), 45, tup=tup)
    with pytest.raises(ValidationError) as exc:
        catat(dipa, J.SETOR_TUP, "STS-01", date(2023, 5, 12), 6, tup=tup)
    assert galat(exc) == {
        "nilai": [
            "PTUP dan setoran TUP TUP-01 menjadi Rp 51.000.000, melebihi nilai TUP "
            "Rp 50.000.000 (sisa Rp 5.000.000)."
        ]
    }
    catat(dipa, J.SETOR_TUP, "STS-01", date(2023, 5, 12), 5, tup=tup)


def test_late_ptup_accepted_and_flagged(dipa, tup):
    tepat = catat(dipa, J.PTUP, "PTUP-01", date(2023, 5, 15), 45, tup=tup)
    assert mutasi_up_peringatan(mutasi=tepat) == {}
    telat = catat(dipa, J.SETOR_TUP, "STS-01", date(2023, 5, 16), 5, tup=tup)
    assert telat.pk
    assert mutasi_up_peringatan(mutasi=telat) == {
        "tanggal": "Tanggal melewati batas pertanggungjawaban TUP 15/05/2023 (TUP TUP-01): "
        "dicatat sebagai terlambat."
    }


# --- changes that break the rule for another movement -------------------------------------------


def test_update_up_under_an_existing_gup_refused_naming_the_gup(dipa, up):
    catat(dipa, J.GUP, "GUP-01", date(2023, 2, 20), Decimal("62.5"))
    with pytest.raises(ValidationError) as exc:
        ubah(up, nilai=60 * JUTA)
    assert galat(exc) == {
        "nilai": [
            "GUP GUP-01 (20/02/2023): GUP Rp 62.500.000 melebihi besaran UP yang berlaku pada "
            "20/02/2023 (Rp 60.000.000)."
        ]
    }
    assert ubah(up, nilai=70 * JUTA).nilai == 70 * JUTA
    up.refresh_from_db()
    assert up.nilai == 70 * JUTA


def test_update_tup_after_its_ptup_refused(dipa, tup):
    catat(dipa, J.PTUP, "PTUP-01", date(2023, 5, 8), 45, tup=tup)
    with pytest.raises(ValidationError) as exc:
        ubah(tup, tanggal=date(2023, 5, 9))
    assert galat(exc) == {
        "tanggal": [
            "PTUP PTUP-01 (08/05/2023): Tanggal PTUP tidak boleh sebelum tanggal TUP TUP-01 "
            "(09/05/2023)."
        ]
    }
    with pytest.raises(ValidationError) as exc:
        ubah(tup, jenis=J.UP, batas_waktu=None)
    assert galat(exc) == {
        "jenis": [
            "TUP TUP-01 sudah diselesaikan oleh PTUP PTUP-01 (08/05/2023): jenisnya tidak "
            "dapat diubah."
        ]
    }


def test_update_tup_without_deadline_gets_the_default_again(dipa, tup):
    tup = ubah(tup, tanggal=date(2023, 3, 31), batas_waktu=None)
    assert tup.batas_waktu == date(2023, 4, 30)


def test_delete_tup_with_ptup_refused_then_allowed(dipa, tup):
    ptup = catat(dipa, J.PTUP, "PTUP-01", date(2023, 5, 8), 45, tup=tup)
    with pytest.raises(ValidationError) as exc:
        services_up.mutasi_up_delete(pengguna=None, mutasi=tup)
    assert exc.value.messages == [
        "TUP TUP-01 (10/04/2023) tidak dapat dihapus: sudah diselesaikan oleh PTUP PTUP-01 "
        "(08/05/2023); hapus itu lebih dahulu."
    ]
    services_up.mutasi_up_delete(pengguna=None, mutasi=ptup)
    services_up.mutasi_up_delete(pengguna=None, mutasi=tup)
    assert not MutasiUp.objects.exists()


def test_delete_up_a_gup_needs_refused(dipa, up):
    catat(dipa, J.GUP, "GUP-01", date(2023, 2, 20), 50)
    with pytest.raises(ValidationError) as exc:
        services_up.mutasi_up_delete(pengguna=None, mutasi=up)
    assert exc.value.messages == [
        "UP UP-01 (16/01/2023) tidak dapat dihapus: GUP GUP-01 (20/02/2023): GUP memerlukan UP: "
        "belum ada UP tercatat tahun ini."
    ]
    assert MutasiUp.objects.count() == 2


# --- who, when, audit -------------------------------------------------------------------------


def test_only_sekretaris_and_keuangan_write(
    dipa, staf, komisioner, staf_keuangan, kasubag_keuangan
):
    for pengguna in (staf, komisioner):
        with pytest.raises(PermissionDenied):
            catat(dipa, J.UP, "UP-01", date(2023, 1, 16), 100, pengguna=pengguna)
        with pytest.raises(PermissionDenied):
            services_up.dispensasi_create(
                pengguna=pengguna,
                dokumen=dipa,
                nomor="S-1",
                tanggal=date(2023, 3, 1),
                jumlah_spm=1,
                alasan="x",
            )
    up = catat(dipa, J.UP, "UP-01", date(2023, 1, 16), 100, pengguna=staf_keuangan)
    assert up.dibuat_oleh == staf_keuangan
    with pytest.raises(PermissionDenied):
        services_up.mutasi_up_delete(pengguna=staf, mutasi=up)
    services_up.mutasi_up_delete(pengguna=kasubag_keuangan, mutasi=up)


def test_locked_year_and_locked_document_refuse_every_write(dipa, up, sekretaris):
    dispensasi = services_up.dispensasi_create(
        pengguna=None,
        dokumen=dipa,
        nomor="S-1",
        tanggal=date(2023, 3, 1),
        jumlah_spm=1,
        alasan="Terlambat",
    )
    KunciTahun.objects.create(tahun=2023)
    tulis = [
        lambda: catat(dipa, J.UP, "UP-02", date(2023, 2, 16), 10),
        lambda: ubah(up, nilai=90 * JUTA),
        lambda: services_up.mutasi_up_delete(pengguna=None, mutasi=up),
        lambda: services_up.dispensasi_update(
            pengguna=None,
            dispensasi=dispensasi,
            nomor="S-1",
            tanggal=date(2023, 3, 1),
            jumlah_spm=2,
            alasan="Terlambat",
        ),
        lambda: services_up.dispensasi_delete(pengguna=None, dispensasi=dispensasi),
    ]
    for fungsi in tulis:
        with pytest.raises(ValidationError, match="Tahun 2023 sudah dikunci"):
            fungsi()
    KunciTahun.objects.all().delete()
    services.dokumen_lock(dokumen=dipa, pengguna=sekretaris)
    for fungsi in tulis:
        with pytest.raises(ValidationError, match="dikunci oleh Sekretaris"):
            fungsi()
    assert MutasiUp.objects.get().nilai == 100 * JUTA
    assert DispensasiSpm.objects.get().jumlah_spm == 1


def test_every_write_is_one_audit_entry(dipa, staf_keuangan):
    up = catat(dipa, J.UP, "UP-01", date(2023, 1, 16), 100, pengguna=staf_keuangan)
    ubah(up, nilai=90 * JUTA)
    services_up.mutasi_up_delete(pengguna=staf_keuangan, mutasi=up)
    jejak = list(
        JejakAudit.objects.filter(content_type__model="mutasiup")
        .order_by("pk")
        .values_list("aksi", "keterangan")
    )
    assert jejak == [
        ("buat", "Register UP/TUP 2023: catat UP UP-01 Rp 100.000.000"),
        ("ubah", "Register UP/TUP 2023: ubah UP UP-01 Rp 90.000.000"),
        ("hapus", "Register UP/TUP 2023: hapus UP UP-01 (16/01/2023) Rp 90.000.000"),
    ]
    assert JejakAudit.objects.get(aksi="ubah", content_type__model="mutasiup").perubahan == {
        "nilai": ["100000000.00", "90000000.00"]
    }
    assert JejakAudit.objects.get(aksi="buat", content_type__model="mutasiup").pengguna == (
        staf_keuangan
    )


# --- SPM dispensations ------------------------------------------------------------------------


def dispensasi(dokumen, **isian):
    data = {
        "nomor": "S-12/WPB.15/KP.0103/2023",
        "tanggal": date(2023, 3, 6),
        "jumlah_spm": 2,
        "alasan": "SPM honor KPPS diajukan setelah batas akhir",
    } | isian
    return services_up.dispensasi_create(pengguna=None, dokumen=dokumen, **data)


@pytest.mark.parametrize(
    ("isian", "field", "pesan"),
    [
        ({"jumlah_spm": 0}, "jumlah_spm", "Jumlah SPM paling sedikit 1."),
        ({"tanggal": date(2022, 12, 30)}, "tanggal", "Tanggal harus dalam tahun anggaran 2023."),
        ({"alasan": " "}, "alasan", "Alasan dispensasi wajib diisi."),
        ({"nomor": ""}, "nomor", "Nomor surat dispensasi wajib diisi."),
        ({"nomor": "x" * 101}, "nomor", "terlalu panjang: paling banyak 100 karakter"),
    ],
)
def test_dispensasi_create_refuses_a_bad_field(dipa, isian, field, pesan):
    with pytest.raises(ValidationError) as exc:
        dispensasi(dipa, **isian)
    assert galat(exc)[field][0].startswith(pesan)
    assert not DispensasiSpm.objects.exists()


def test_dispensasi_nomor_unique_per_document(dipa):
    pertama = dispensasi(dipa)
    with pytest.raises(ValidationError) as exc:
        dispensasi(dipa, tanggal=date(2023, 4, 1))
    assert galat(exc) == {
        "nomor": ["Dispensasi nomor S-12/WPB.15/KP.0103/2023 sudah tercatat di dokumen ini."]
    }
    # changing the record itself keeps its own number
    diubah = services_up.dispensasi_update(
        pengguna=None,
        dispensasi=pertama,
        nomor=pertama.nomor,
        tanggal=pertama.tanggal,
        jumlah_spm=3,
        alasan=pertama.alasan,
    )
    assert diubah.jumlah_spm == 3
    services_up.dispensasi_delete(pengguna=None, dispensasi=diubah)
    assert not DispensasiSpm.objects.exists()


# --- the revision's IKPA flag -------------------------------------------------------------------


def test_revisi_create_stores_the_flag_and_revisi_ikpa_set_changes_it(
    dipa, sekretaris, staf_keuangan, staf
):
    from .factories import pohon_kecil

    detail = pohon_kecil(dipa, sekretaris)["akun"][0].anak.get()
    revisi = services.revisi_create(
        pengguna=staf_keuangan,
        dokumen=dipa,
        tanggal=date(2023, 6, 1),
        alasan="Revisi POK",
        perubahan=[services.PerubahanPagu(pos=detail, volume=Decimal("2"), harga=JUTA)],
        dihitung_ikpa=False,
    )
    assert revisi.dihitung_ikpa is False
    assert "tidak dihitung dalam IKPA revisi DIPA" in JejakAudit.objects.latest("pk").keterangan
    with pytest.raises(PermissionDenied):
        services.revisi_ikpa_set(pengguna=staf, revisi=revisi, dihitung_ikpa=True)
    services.revisi_ikpa_set(pengguna=staf_keuangan, revisi=revisi, dihitung_ikpa=True)
    revisi.refresh_from_db()
    assert revisi.dihitung_ikpa is True
    jejak = JejakAudit.objects.latest("pk")
    assert (jejak.aksi, jejak.keterangan, jejak.perubahan) == (
        "ubah",
        "Revisi ke-1: dihitung dalam IKPA revisi DIPA",
        {"dihitung_ikpa": [False, True]},
    )
    awal = Revisi.objects.get(dokumen=dipa, nomor=0)
    with pytest.raises(ValidationError) as exc:
        services.revisi_ikpa_set(pengguna=staf_keuangan, revisi=awal, dihitung_ikpa=False)
    assert list(galat(exc)) == ["dihitung_ikpa"]
    KunciTahun.objects.create(tahun=2023)
    with pytest.raises(ValidationError, match="Tahun 2023 sudah dikunci"):
        services.revisi_ikpa_set(pengguna=staf_keuangan, revisi=revisi, dihitung_ikpa=False)
