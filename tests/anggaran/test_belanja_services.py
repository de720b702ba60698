"""The writes of contracts and invoices: every refusal with its message on its field, who may
write, the year and document locks, and the audit entries."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from anggaran import services, services_belanja
from anggaran.models import Kontrak, Tagihan
from kinerja.models import KunciTahun
from kpu_site.models import JejakAudit

from .belanja_dasar import kontrak_catat, tagihan_catat
from .factories import JUTA, DokumenAnggaranFactory

pytestmark = pytest.mark.django_db


def galat(exc) -> dict:
    return exc.value.message_dict


def isian_kontrak(dipa, **ubah):
    return {
        "akun": dipa.akun["521211"],
        "nomor": "K-BARU",
        "tanggal": date(2023, 2, 1),
        "tanggal_selesai": date(2023, 3, 1),
        "penyedia": "CV Baru",
        "uraian": "Pekerjaan baru",
        "nilai": 10 * JUTA,
    } | ubah


def ubah_kontrak(kontrak, **ubah):
    data = {
        "akun": kontrak.akun,
        "nomor": kontrak.nomor,
        "tanggal": kontrak.tanggal,
        "tanggal_daftar": kontrak.tanggal_daftar,
        "tanggal_selesai": kontrak.tanggal_selesai,
        "penyedia": kontrak.penyedia,
        "uraian": kontrak.uraian,
        "nilai": kontrak.nilai,
    } | ubah
    return services_belanja.kontrak_update(pengguna=None, kontrak=kontrak, **data)


def ubah_tagihan(tagihan, **ubah):
    data = {
        "nomor": tagihan.nomor,
        "tanggal_bast": tagihan.tanggal_bast,
        "tanggal_spm": tagihan.tanggal_spm,
        "tanggal_sp2d": tagihan.tanggal_sp2d,
        "nilai": tagihan.nilai,
    } | ubah
    return services_belanja.tagihan_update(pengguna=None, tagihan=tagihan, **data)


# --- contracts ----------------------------------------------------------------------------------


def test_kontrak_create_records_and_audits(dipa_belanja, sekretaris):
    kontrak = services_belanja.kontrak_create(
        pengguna=sekretaris, dokumen=dipa_belanja, **isian_kontrak(dipa_belanja)
    )
    assert kontrak.nilai == 10 * JUTA and kontrak.dibuat_oleh == sekretaris
    jejak = JejakAudit.objects.filter(aksi="buat").latest("pk")
    assert "Kontrak 2023: catat K-BARU (CV Baru) Rp 10.000.000" in jejak.keterangan


@pytest.mark.parametrize(
    ("ubah", "field", "pesan"),
    [
        ({"nomor": "  "}, "nomor", "Nomor kontrak wajib diisi."),
        ({"nilai": Decimal("0")}, "nilai", "Nilai kontrak harus lebih dari 0."),
        ({"nilai": Decimal("10.005")}, "nilai", "Nilai kontrak paling banyak 2 angka desimal"),
        (
            {"tanggal": date(2021, 12, 1)},
            "tanggal",
            "Tanggal tanda tangan harus dalam tahun anggaran 2023 atau tahun sebelumnya "
            "(kontrak dini).",
        ),
        (
            {"tanggal_selesai": date(2023, 1, 31)},
            "tanggal_selesai",
            "Tanggal akhir pekerjaan tidak boleh sebelum tanggal tanda tangan (01/02/2023).",
        ),
        (
            {"tanggal_daftar": date(2023, 1, 30)},
            "tanggal_daftar",
            "Tanggal didaftarkan ke KPPN tidak boleh sebelum tanggal tanda tangan (01/02/2023).",
        ),
        ({"penyedia": ""}, "penyedia", "Penyedia wajib diisi."),
        ({"uraian": " "}, "uraian", "Uraian pekerjaan wajib diisi."),
    ],
)
def test_kontrak_create_refuses_a_bad_field(dipa_belanja, ubah, field, pesan):
    with pytest.raises(ValidationError) as exc:
        services_belanja.kontrak_create(
            pengguna=None, dokumen=dipa_belanja, **isian_kontrak(dipa_belanja, **ubah)
        )
    assert galat(exc)[field][0].startswith(pesan)
    assert not Kontrak.objects.exists()


def test_kontrak_akun_must_be_barang_or_modal_of_the_same_dipa(dipa_belanja):
    with pytest.raises(ValidationError) as exc:
        services_belanja.kontrak_create(
            pengguna=None,
            dokumen=dipa_belanja,
            **isian_kontrak(dipa_belanja, akun=dipa_belanja.akun["511111"]),
        )
    assert galat(exc)["akun"] == [
        "Akun 511111 bukan belanja barang (52) atau belanja modal (53): kontrak hanya "
        "dibebankan pada akun belanja barang atau modal."
    ]
    # an akun of another DIPA, and a line that is not an akun
    lain = DokumenAnggaranFactory(tahun=2024)
    from .factories import pohon_kecil

    akun_lain = pohon_kecil(lain, None)["akun"][0]
    for akun in (akun_lain, akun_lain.induk, dipa_belanja.akun["521211"].induk):
        with pytest.raises(ValidationError) as exc:
            services_belanja.kontrak_create(
                pengguna=None, dokumen=dipa_belanja, **isian_kontrak(dipa_belanja, akun=akun)
            )
        assert galat(exc)["akun"] == ["Pilih baris akun dari dokumen ini."]


def test_kontrak_value_above_the_akun_pagu_refused(dipa_belanja):
    # 521213: pagu Rp 50.000.000
    with pytest.raises(ValidationError) as exc:
        services_belanja.kontrak_create(
            pengguna=None,
            dokumen=dipa_belanja,
            **isian_kontrak(dipa_belanja, akun=dipa_belanja.akun["521213"], nilai=51 * JUTA),
        )
    assert galat(exc)["nilai"] == [
        "Nilai kontrak Rp 51.000.000 melebihi pagu akun 521213 (Rp 50.000.000)."
    ]
    kontrak_catat(dipa_belanja, "521213", "K-1", date(2023, 2, 1), 30)
    with pytest.raises(ValidationError) as exc:
        kontrak_catat(dipa_belanja, "521213", "K-2", date(2023, 2, 1), 21)
    assert galat(exc)["nilai"] == [
        "Nilai kontrak Rp 21.000.000 bersama kontrak lain pada akun 521213 (Rp 30.000.000) "
        "menjadi Rp 51.000.000, melebihi pagu akun Rp 50.000.000."
    ]
    assert kontrak_catat(dipa_belanja, "521213", "K-2", date(2023, 2, 1), 20).nilai == 20 * JUTA


def test_kontrak_nomor_unique_per_document(belanja):
    with pytest.raises(ValidationError) as exc:
        kontrak_catat(belanja, "521211", "K-01", date(2023, 2, 1), 1)
    assert galat(exc)["nomor"] == ["Kontrak nomor K-01 sudah tercatat di dokumen ini."]


def test_kontrak_update_refused_when_an_invoice_would_break(belanja):
    k12 = Kontrak.objects.get(nomor="K-12")
    with pytest.raises(ValidationError) as exc:
        ubah_kontrak(k12, tanggal=date(2023, 4, 1))
    assert galat(exc)["tanggal"] == [
        "Tanggal tanda tangan tidak boleh setelah BAST tagihannya: SEWA-TW1 (31/03/2023)."
    ]
    with pytest.raises(ValidationError) as exc:
        ubah_kontrak(k12, nilai=70 * JUTA)
    assert galat(exc)["nilai"] == [
        "Nilai kontrak Rp 70.000.000 lebih kecil dari jumlah tagihannya Rp 72.000.000."
    ]
    # the contract's own value does not count twice against the akun's pagu
    assert ubah_kontrak(k12, nilai=200 * JUTA).nilai == 200 * JUTA
    jejak = JejakAudit.objects.filter(aksi="ubah").latest("pk")
    assert "Kontrak 2023: ubah K-12" in jejak.keterangan


def test_kontrak_delete_with_invoices_refused(belanja):
    k12 = Kontrak.objects.get(nomor="K-12")
    with pytest.raises(ValidationError) as exc:
        services_belanja.kontrak_delete(pengguna=None, kontrak=k12)
    assert exc.value.messages == [
        "Kontrak K-12 tidak dapat dihapus: sudah ada tagihan SEWA-TW1, SEWA-TW2, SEWA-TW3; "
        "hapus tagihannya lebih dahulu."
    ]
    k3 = Kontrak.objects.get(nomor="K-03")
    services_belanja.kontrak_delete(pengguna=None, kontrak=k3)
    assert not Kontrak.objects.filter(nomor="K-03").exists()
    assert JejakAudit.objects.filter(aksi="hapus", keterangan__contains="hapus K-03").exists()


# --- invoices -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("isian", "field", "pesan"),
    [
        (
            {"tanggal_bast": date(2023, 1, 10)},
            "tanggal_bast",
            "Tanggal BAST tidak boleh sebelum tanggal tanda tangan kontrak (16/01/2023).",
        ),
        (
            {"tanggal_bast": date(2024, 1, 10)},
            "tanggal_bast",
            "Tanggal BAST harus dalam tahun anggaran 2023.",
        ),
        (
            {"tanggal_spm": date(2023, 3, 1)},
            "tanggal_spm",
            "Tanggal SPM tidak boleh sebelum tanggal BAST (10/03/2023).",
        ),
        (
            {"tanggal_spm": date(2023, 3, 20), "tanggal_sp2d": date(2023, 3, 17)},
            "tanggal_sp2d",
            "Tanggal SP2D tidak boleh sebelum tanggal SPM (20/03/2023).",
        ),
        (
            {"tanggal_sp2d": date(2023, 3, 17)},
            "tanggal_sp2d",
            "SP2D memerlukan SPM: isi tanggal SPM lebih dahulu.",
        ),
        (
            {"tanggal_spm": date(2023, 3, 20), "tanggal_sp2d": date(2023, 1, 10)},
            "tanggal_sp2d",
            "Tagihan dibayar sebelum kontrak: tanggal SP2D sebelum tanggal tanda tangan kontrak "
            "(16/01/2023).",
        ),
        ({"nilai": Decimal("0")}, "nilai", "Nilai tagihan harus lebih dari 0."),
        ({"nomor": ""}, "nomor", "Nomor tagihan/BAST wajib diisi."),
    ],
)
def test_tagihan_create_refuses_a_bad_field(dipa_belanja, isian, field, pesan):
    kontrak = kontrak_catat(dipa_belanja, "532111", "K-01", date(2023, 1, 16), 100)
    data = {"nomor": "BAST-01", "tanggal_bast": date(2023, 3, 10), "nilai": 10 * JUTA} | isian
    with pytest.raises(ValidationError) as exc:
        services_belanja.tagihan_create(pengguna=None, kontrak=kontrak, **data)
    assert galat(exc)[field] == [pesan]
    assert not Tagihan.objects.exists()


def test_tagihan_sum_above_the_contract_value_refused(belanja):
    k12 = Kontrak.objects.get(nomor="K-12")
    with pytest.raises(ValidationError) as exc:
        tagihan_catat(k12, "SEWA-TW4", date(2023, 12, 15), 25)
    assert galat(exc)["nilai"] == [
        "Jumlah tagihan kontrak K-12 menjadi Rp 97.000.000, melebihi nilai kontrak "
        "Rp 96.000.000 (sisa Rp 24.000.000)."
    ]
    assert tagihan_catat(k12, "SEWA-TW4", date(2023, 12, 15), 24).nilai == 24 * JUTA
    # a change counts the invoice once
    tw1 = Tagihan.objects.get(nomor="SEWA-TW1")
    with pytest.raises(ValidationError) as exc:
        ubah_tagihan(tw1, nilai=25 * JUTA)
    assert "melebihi nilai kontrak Rp 96.000.000 (sisa Rp 24.000.000)" in galat(exc)["nilai"][0]


def test_tagihan_nomor_unique_per_contract(belanja):
    k12 = Kontrak.objects.get(nomor="K-12")
    with pytest.raises(ValidationError) as exc:
        tagihan_catat(k12, "SEWA-TW1", date(2023, 12, 1), 1)
    assert galat(exc)["nomor"] == ["Tagihan nomor SEWA-TW1 sudah tercatat pada kontrak K-12."]
    # the same nomor on another contract is another invoice
    k3 = Kontrak.objects.get(nomor="K-03")
    assert tagihan_catat(k3, "SEWA-TW1", date(2023, 12, 1), 1).kontrak == k3


def test_tagihan_update_and_delete_audited(belanja, kasubag_keuangan):
    tw3 = Tagihan.objects.get(nomor="SEWA-TW3")
    tw3 = ubah_tagihan(tw3, tanggal_spm=date(2023, 10, 2))
    assert tw3.tanggal_spm == date(2023, 10, 2)
    assert JejakAudit.objects.filter(aksi="ubah", keterangan__contains="ubah SEWA-TW3").exists()
    services_belanja.tagihan_delete(pengguna=kasubag_keuangan, tagihan=tw3)
    assert not Tagihan.objects.filter(nomor="SEWA-TW3").exists()
    assert JejakAudit.objects.filter(aksi="hapus", keterangan__contains="SEWA-TW3").exists()


# --- who and when -------------------------------------------------------------------------------


def test_only_sekretaris_and_keuangan_write(belanja, staf, kasubag, komisioner, staf_keuangan):
    kontrak = Kontrak.objects.get(nomor="K-03")
    for user in (staf, kasubag, komisioner):
        with pytest.raises(PermissionDenied):
            services_belanja.kontrak_create(
                pengguna=user, dokumen=belanja, **isian_kontrak(belanja)
            )
        with pytest.raises(PermissionDenied):
            services_belanja.tagihan_create(
                pengguna=user,
                kontrak=kontrak,
                nomor="X",
                tanggal_bast=date(2023, 3, 1),
                nilai=JUTA,
            )
        with pytest.raises(PermissionDenied):
            services_belanja.kontrak_delete(pengguna=user, kontrak=kontrak)
    services_belanja.kontrak_create(
        pengguna=staf_keuangan, dokumen=belanja, **isian_kontrak(belanja)
    )


def test_locked_year_and_document_refuse_every_write(belanja):
    kontrak = Kontrak.objects.get(nomor="K-12")
    tagihan = Tagihan.objects.get(nomor="SEWA-TW1")
    KunciTahun.objects.create(tahun=2023)
    tulis = [
        lambda: services_belanja.kontrak_create(
            pengguna=None, dokumen=belanja, **isian_kontrak(belanja)
        ),
        lambda: ubah_kontrak(kontrak, uraian="Diubah"),
        lambda: services_belanja.kontrak_delete(
            pengguna=None, kontrak=Kontrak.objects.get(nomor="K-03")
        ),
        lambda: tagihan_catat(kontrak, "SEWA-TW4", date(2023, 12, 1), 1),
        lambda: ubah_tagihan(tagihan, nilai=JUTA),
        lambda: services_belanja.tagihan_delete(pengguna=None, tagihan=tagihan),
    ]
    for fungsi in tulis:
        with pytest.raises(ValidationError) as exc:
            fungsi()
        assert "Tahun 2023 sudah dikunci" in exc.value.messages[0]
    KunciTahun.objects.all().delete()
    services.dokumen_lock(dokumen=belanja)
    for fungsi in tulis:
        with pytest.raises(ValidationError):
            fungsi()
    assert Kontrak.objects.count() == 3 and Tagihan.objects.count() == 4
