"""LHE, findings and follow-up (issue 18, item 4): who writes, the status flow, the rules and
bad input, the grade derived from the score, the counts, the LKj pre-flight finding."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kinerja import selectors_lhe
from kinerja.lkj.preflight import lkj_preflight
from kinerja.model_lhe import (
    LaporanHasilEvaluasi,
    TemuanEvaluasi,
    TindakLanjut,
    predikat_dari_nilai,
)
from kinerja.models import KunciTahun
from kinerja.services import lhe as svc
from kpu_site.models import JejakAudit
from kpu_site.peran import Peran

from .factories import RenstraFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 bukti tindak lanjut"


@pytest.fixture
def lhe(auditor):
    return svc.lhe_simpan(
        pengguna=auditor,
        tahun=2025,
        nomor="LHE-01/2026",
        tanggal=dt.date(2026, 3, 10),
        evaluator="Inspektorat KPU Provinsi Banten",
        nilai=Decimal("71.25"),
        ringkasan="Ringkasan uji.",
    )


def _temuan(auditor, lhe, unit, **lain):
    data = {
        "uraian": "IKU belum berorientasi hasil.",
        "rekomendasi": "Reviu IKU.",
        "komponen": "perencanaan",
        "unit": unit,
        "batas_waktu": dt.date(2026, 6, 30),
    } | lain
    return svc.temuan_simpan(pengguna=auditor, lhe=lhe, **data)


@pytest.fixture
def temuan(auditor, lhe, unit_demo):
    return _temuan(auditor, lhe, unit_demo["keuangan"])


def _tl(pengguna, temuan, **lain):
    data = {
        "tanggal": dt.date(2026, 4, 1),
        "uraian": "Rapat reviu IKU.",
        "tautan": "https://contoh.go.id/notulen",
    } | lain
    return svc.tindak_lanjut_tambah(pengguna=pengguna, temuan=temuan, **data)


def _jejak(obj, aksi):
    return list(
        JejakAudit.objects.filter(
            content_type=ContentType.objects.get_for_model(type(obj)),
            object_id=str(obj.pk),
            aksi=aksi,
        ).values_list("keterangan", flat=True)
    )


# --------------------------------------------------------------------------- predikat


@pytest.mark.parametrize(
    ("nilai", "predikat"),
    [
        ("100", "AA"),
        ("90.01", "AA"),
        ("90.00", "A"),
        ("80.01", "A"),
        ("80.00", "BB"),
        ("70.01", "BB"),
        ("70.00", "B"),
        ("60.01", "B"),
        ("60.00", "CC"),
        ("50.01", "CC"),
        ("50.00", "C"),
        ("30.01", "C"),
        ("30.00", "D"),
        ("0", "D"),
    ],
)
def test_predikat_dari_nilai_boundaries(nilai, predikat):
    assert predikat_dari_nilai(Decimal(nilai)) == predikat


@pytest.mark.parametrize("nilai", ["95", "90.00", "70.01", "70.00", "30.00", "12.5"])
def test_predikat_lhe_same_as_the_lke_worksheet_of_8821(nilai):
    """One grade function and one set of bounds: an LHE score and an LKE total of the same
    value have the same grade."""
    from kinerja.model_lke import LembarKerjaEvaluasi
    from kinerja.selectors_lke import lke_predikat
    from kinerja.services.lke import PREDIKAT_8821

    lke = LembarKerjaEvaluasi(tahun=2025, predikat=PREDIKAT_8821)
    assert predikat_dari_nilai(nilai) == lke_predikat(lke, Decimal(nilai))


def test_lhe_simpan_predikat_follows_the_score(lhe, auditor):
    assert lhe.predikat == "BB"
    lhe = svc.lhe_simpan(pengguna=auditor, lhe=lhe, nilai="70,00")
    assert LaporanHasilEvaluasi.objects.get().predikat == "B"
    assert LaporanHasilEvaluasi.objects.get().nilai == Decimal("70.00")


# --------------------------------------------------------------------------- LHE entry


@pytest.mark.parametrize("peran", ["sekretaris", "kasubag", "staf", "komisioner"])
def test_lhe_simpan_only_auditor_or_admin(request, peran):
    with pytest.raises(PermissionDenied, match="hanya dapat diisi oleh Auditor atau Admin"):
        svc.lhe_simpan(
            pengguna=request.getfixturevalue(peran),
            tahun=2025,
            nomor="1",
            tanggal=dt.date(2026, 3, 1),
            evaluator="Inspektorat",
            nilai="70",
        )
    assert LaporanHasilEvaluasi.objects.count() == 0


def test_lhe_simpan_admin_allowed(admin_user):
    lhe = svc.lhe_simpan(
        pengguna=admin_user,
        tahun=2024,
        nomor="1",
        tanggal=dt.date(2025, 3, 1),
        evaluator="Inspektorat",
        nilai="81",
    )
    assert lhe.predikat == "A"


@pytest.mark.parametrize(
    ("nilai", "pesan"),
    [
        ("100.01", "Nilai evaluasi harus antara 0 dan 100."),
        ("-1", "Nilai evaluasi harus antara 0 dan 100."),
        ("70.123", "Nilai evaluasi paling banyak dua angka desimal."),
        ("tujuh", "Nilai evaluasi 'tujuh' bukan angka."),
    ],
)
def test_lhe_simpan_rejects_bad_score(auditor, nilai, pesan):
    with pytest.raises(ValidationError) as e:
        svc.lhe_simpan(
            pengguna=auditor,
            tahun=2025,
            nomor="1",
            tanggal=dt.date(2026, 3, 1),
            evaluator="Inspektorat",
            nilai=nilai,
        )
    assert e.value.message_dict == {"nilai": [pesan]}
    assert LaporanHasilEvaluasi.objects.count() == 0


def test_lhe_simpan_rejects_second_lhe_of_a_year(lhe, auditor):
    with pytest.raises(ValidationError) as e:
        svc.lhe_simpan(
            pengguna=auditor,
            tahun=2025,
            nomor="2",
            tanggal=dt.date(2026, 4, 1),
            evaluator="Inspektorat",
            nilai="75",
        )
    assert e.value.message_dict == {"tahun": ["LHE atas evaluasi tahun 2025 sudah ada."]}


def test_lhe_simpan_rejects_date_before_year_evaluated(auditor):
    with pytest.raises(ValidationError) as e:
        svc.lhe_simpan(
            pengguna=auditor,
            tahun=2025,
            nomor="1",
            tanggal=dt.date(2024, 12, 1),
            evaluator="Inspektorat",
            nilai="75",
        )
    assert "tanggal" in e.value.message_dict


def test_lhe_simpan_audit_trail_and_history(lhe):
    assert _jejak(lhe, "buat") == ["LHE dicatat: nilai 71.25 (BB)"]
    assert lhe.history.count() == 1


# --------------------------------------------------------------------------- findings


def test_temuan_simpan_numbers_and_audit(temuan, auditor, lhe, unit_demo):
    kedua = _temuan(auditor, lhe, unit_demo["teknis"])
    assert (temuan.nomor, kedua.nomor) == (1, 2)
    assert temuan.status == "belum"
    assert _jejak(temuan, "buat") == ["Temuan dicatat"]


def test_temuan_simpan_rejects_deadline_before_lhe(auditor, lhe, unit_demo):
    with pytest.raises(ValidationError) as e:
        _temuan(auditor, lhe, unit_demo["keuangan"], batas_waktu=dt.date(2026, 3, 9))
    assert e.value.message_dict == {
        "batas_waktu": ["Batas waktu 09-03-2026 sebelum tanggal LHE (10-03-2026)."]
    }
    assert TemuanEvaluasi.objects.count() == 0


def test_temuan_simpan_only_auditor_or_admin(sekretaris, lhe, unit_demo):
    with pytest.raises(PermissionDenied):
        _temuan(sekretaris, lhe, unit_demo["keuangan"])
    assert TemuanEvaluasi.objects.count() == 0


def test_lhe_simpan_rejects_date_after_a_finding_deadline(temuan, auditor, lhe):
    with pytest.raises(ValidationError) as e:
        svc.lhe_simpan(pengguna=auditor, lhe=lhe, tanggal=dt.date(2026, 7, 1))
    assert e.value.message_dict == {
        "tanggal": ["Tanggal LHE 01-07-2026 sesudah batas waktu temuan no. 1 (30-06-2026)."]
    }


# --------------------------------------------------------------------------- follow-up


def test_tindak_lanjut_moves_status_to_proses(temuan, kasubag_keuangan):
    tl = _tl(kasubag_keuangan, temuan)
    temuan.refresh_from_db()
    assert temuan.status == "proses"
    assert tl.dicatat_oleh == kasubag_keuangan
    assert _jejak(tl, "buat") == ["Tindak lanjut dicatat"]
    assert _jejak(temuan, "ubah") == ["Tindak lanjut pertama: dalam proses"]
    assert temuan.history.count() == 2


@pytest.mark.parametrize("peran", ["staf_keuangan", "kasubag", "staf", "sekretaris", "admin_user"])
def test_tindak_lanjut_allowed_for_unit_perencanaan_and_pimpinan(request, temuan, peran):
    _tl(request.getfixturevalue(peran), temuan)
    assert TindakLanjut.objects.count() == 1


def test_tindak_lanjut_kasubag_of_another_unit_refused(temuan, pengguna_buat):
    kasubag_hukum = pengguna_buat("kasubag.hukum", Peran.KASUBAG, "hukum_sdm")
    with pytest.raises(PermissionDenied) as e:
        _tl(kasubag_hukum, temuan)
    assert str(e.value) == (
        "Tindak lanjut Temuan evaluasi 2025 no. 1 hanya dapat dicatat oleh Sub Bagian "
        "Keuangan, Umum dan Logistik, Sub Bagian Perencanaan, Data dan Informasi, atau "
        "Sekretaris."
    )
    temuan.refresh_from_db()
    assert (TindakLanjut.objects.count(), temuan.status) == (0, "belum")


@pytest.mark.parametrize("peran", ["komisioner", "auditor"])
def test_tindak_lanjut_readers_refused(request, temuan, peran):
    with pytest.raises(PermissionDenied):
        _tl(request.getfixturevalue(peran), temuan)


def test_tindak_lanjut_file_checked_by_content(temuan, kasubag_keuangan):
    palsu = SimpleUploadedFile("bukti.pdf", b"bukan pdf sama sekali")
    with pytest.raises(ValidationError) as e:
        _tl(kasubag_keuangan, temuan, tautan="", berkas=palsu)
    assert list(e.value.message_dict) == ["berkas"]
    assert TindakLanjut.objects.count() == 0
    tl = _tl(kasubag_keuangan, temuan, tautan="", berkas=SimpleUploadedFile("notulen.pdf", PDF))
    assert (tl.jenis_berkas, tl.nama_asli) == ("pdf", "notulen.pdf")
    assert tl.berkas.name.endswith(".pdf") and "notulen" not in tl.berkas.name


def test_tindak_lanjut_needs_evidence(temuan, kasubag_keuangan):
    with pytest.raises(ValidationError) as e:
        _tl(kasubag_keuangan, temuan, tautan="")
    assert e.value.message_dict == {"berkas": ["Lampirkan bukti: unggah berkas atau isi tautan."]}


def test_tindak_lanjut_not_blocked_by_year_lock(temuan, kasubag_keuangan):
    KunciTahun.objects.create(tahun=2025)
    KunciTahun.objects.create(tahun=2026)
    _tl(kasubag_keuangan, temuan)
    assert TindakLanjut.objects.count() == 1


# --------------------------------------------------------------------------- accept


def test_temuan_terima_only_sekretaris(temuan, kasubag_keuangan, admin_user, auditor, kasubag):
    _tl(kasubag_keuangan, temuan)
    for pengguna in (admin_user, auditor, kasubag, kasubag_keuangan):
        with pytest.raises(PermissionDenied, match="hanya dapat diterima oleh Sekretaris"):
            svc.temuan_terima(pengguna=pengguna, temuan=temuan, catatan="OK")
    temuan.refresh_from_db()
    assert temuan.status == "proses"


def test_temuan_terima_needs_a_follow_up_and_a_note(temuan, sekretaris, kasubag_keuangan):
    with pytest.raises(ValidationError) as e:
        svc.temuan_terima(pengguna=sekretaris, temuan=temuan, catatan="OK")
    assert list(e.value.message_dict) == ["status"]
    _tl(kasubag_keuangan, temuan)
    with pytest.raises(ValidationError) as e:
        svc.temuan_terima(pengguna=sekretaris, temuan=temuan, catatan="  ")
    assert e.value.message_dict == {"catatan": ["Catatan penerimaan wajib diisi."]}


def test_status_flow_belum_proses_selesai(temuan, sekretaris, kasubag_keuangan, auditor):
    assert temuan.status == "belum"
    _tl(kasubag_keuangan, temuan)
    _tl(kasubag_keuangan, temuan, uraian="Penetapan IKU baru.")
    temuan.refresh_from_db()
    assert temuan.status == "proses"
    svc.temuan_terima(pengguna=sekretaris, temuan=temuan, catatan="IKU baru sudah ditetapkan.")
    temuan.refresh_from_db()
    assert (temuan.status, temuan.diterima_oleh) == ("selesai", sekretaris)
    assert len(_jejak(temuan, "alur")) == 1
    # closed: no further follow-up, no change
    with pytest.raises(ValidationError) as e:
        _tl(kasubag_keuangan, temuan)
    assert e.value.message_dict == {
        "temuan": [
            "Temuan evaluasi 2025 no. 1 sudah selesai (diterima Sekretaris); tidak dapat "
            "ditambah tindak lanjut atau diubah."
        ]
    }
    with pytest.raises(ValidationError):
        svc.temuan_simpan(pengguna=auditor, temuan=temuan, uraian="Ubah")
    assert TindakLanjut.objects.count() == 2


# --------------------------------------------------------------------------- counts


@pytest.fixture
def tiga_temuan(auditor, lhe, unit_demo, kasubag_keuangan, sekretaris):
    """No. 1 keuangan selesai; no. 2 keuangan proses (deadline 31-12-2026); no. 3 teknis belum
    and overdue (deadline 30-06-2026, today is 02-11-2026)."""
    satu = _temuan(auditor, lhe, unit_demo["keuangan"])
    _tl(kasubag_keuangan, satu)
    svc.temuan_terima(pengguna=sekretaris, temuan=satu, catatan="Selesai.")
    dua = _temuan(auditor, lhe, unit_demo["keuangan"], batas_waktu=dt.date(2026, 12, 31))
    _tl(kasubag_keuangan, dua)
    tiga = _temuan(auditor, lhe, unit_demo["teknis"], batas_waktu=dt.date(2026, 6, 30))
    return satu, dua, tiga


def test_counts(tiga_temuan, lhe, unit_demo):
    assert selectors_lhe.jumlah_terbuka() == 2
    assert selectors_lhe.jumlah_terbuka(unit=unit_demo["keuangan"]) == 1
    assert selectors_lhe.jumlah_terbuka(unit=unit_demo["perencanaan"]) == 0
    assert selectors_lhe.jumlah_terlambat() == 1
    assert selectors_lhe.jumlah_terlambat(unit=unit_demo["keuangan"]) == 0
    assert selectors_lhe.jumlah_terlambat(unit=unit_demo["teknis"]) == 1
    assert selectors_lhe.jumlah_per_status() == {"belum": 1, "proses": 1, "selesai": 1}
    assert selectors_lhe.jumlah_per_status(lhe=lhe) == {"belum": 1, "proses": 1, "selesai": 1}
    assert [t.nomor for t in selectors_lhe.temuan_terbuka()] == [3, 2]


# --------------------------------------------------------------------------- LKj pre-flight


def test_lkj_preflight_lists_open_findings_of_earlier_evaluations(tiga_temuan):
    RenstraFactory(tahun_mulai=2025, tahun_selesai=2029)
    temuan_lhe = [t for t in lkj_preflight(tahun=2026) if t.jenis == "temuan_evaluasi"]
    assert [t.pesan for t in temuan_lhe] == [
        "Temuan evaluasi 2025 no. 2 (Sub Bagian Keuangan, Umum dan Logistik) belum selesai "
        "ditindaklanjuti (batas 31-12-2026).",
        "Temuan evaluasi 2025 no. 3 (Sub Bagian Teknis Penyelenggaraan Pemilu, Partisipasi dan "
        "Hubungan Masyarakat) belum selesai ditindaklanjuti (batas 30-06-2026, terlambat).",
    ]
    # the LKj of the evaluated year itself is not concerned
    assert not [t for t in lkj_preflight(tahun=2025) if t.jenis == "temuan_evaluasi"]
    assert not any(t.wajib for t in temuan_lhe)  # a warning, it does not block the LKj


def test_accepting_a_finding_is_one_audit_entry(temuan, sekretaris, kasubag_keuangan):
    _tl(kasubag_keuangan, temuan)
    sebelum = len(_jejak(temuan, "ubah")) + len(_jejak(temuan, "alur"))
    svc.temuan_terima(pengguna=sekretaris, temuan=temuan, catatan="IKU baru sudah ditetapkan.")
    assert len(_jejak(temuan, "ubah")) + len(_jejak(temuan, "alur")) == sebelum + 1
    assert _jejak(temuan, "alur") == [f"{temuan} diterima selesai: IKU baru sudah ditetapkan."]
