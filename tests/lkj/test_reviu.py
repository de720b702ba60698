"""The review of the LKj by the internal auditor (reviu APIP): comments per chapter on a
version that is not final, answers, closing, the statement, and the finalisation rule."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.lkj import services, services_reviu
from kinerja.lkj.model_reviu import KomentarReviu, PernyataanReviu
from kpu_site.models import JejakAudit
from tests.lkj.test_lkj import _laporan


@pytest.fixture(autouse=True)
def _preflight_bersih(monkeypatch):
    """These tests are about the review rule: the pre-flight check of a year without data is
    taken as clean (its own rules are tested in test_preflight.py)."""
    monkeypatch.setattr(services, "lkj_preflight", lambda *, tahun: [])


def _pernyataan(laporan, auditor, **extra):
    data = {
        "nomor": "01/REVIU/2024",
        "tanggal": dt.date(2024, 2, 20),
        "tempat": "Serang",
        "nama_pereviu": "Dewi Auditor",
        "nip_pereviu": "198001012005012001",
        "jabatan_pereviu": "Auditor Ahli Madya Inspektorat KPU",
    } | extra
    return services_reviu.pernyataan_record(laporan=laporan, pengguna=auditor, **data)


def test_open_comment_blocks_finalisation_and_names_the_chapter(db, sekretaris, auditor):
    laporan = _laporan(tahun=2022)
    services_reviu.komentar_create(
        laporan=laporan, bab="bab-3", teks="Analisis IKSS 10 kurang.", pengguna=auditor
    )
    with pytest.raises(ValidationError) as exc:
        services.laporan_finalise(laporan=laporan, pengguna=sekretaris)
    pesan = " ".join(exc.value.messages)
    assert "Masih ada 1 komentar reviu yang belum ditutup" in pesan
    assert "Bab III Akuntabilitas Kinerja: 1 (terbuka)" in pesan
    assert "belum mencatat pernyataan telah direviu" in pesan
    laporan.refresh_from_db()
    assert laporan.status == "selesai"


def test_answered_but_not_closed_comment_still_blocks(db, sekretaris, auditor, staf):
    laporan = _laporan(tahun=2022)
    k = services_reviu.komentar_create(laporan=laporan, bab="bab-2", teks="x", pengguna=auditor)
    services_reviu.komentar_answer(komentar=k, jawaban="Sudah diperbaiki.", pengguna=staf)
    with pytest.raises(ValidationError, match=r"Bab II Perencanaan .*: 1 \(dijawab\)"):
        services.laporan_finalise(laporan=laporan, pengguna=sekretaris)


def test_review_required_needs_the_statement_in_a_version_composed_after_it(
    db, sekretaris, auditor
):
    v1 = _laporan(tahun=2022)
    k = services_reviu.komentar_create(laporan=v1, bab="bab-1", teks="Typo.", pengguna=auditor)
    services_reviu.komentar_close(komentar=k, pengguna=auditor)
    with pytest.raises(ValidationError, match="belum mencatat pernyataan telah direviu"):
        services.laporan_finalise(laporan=v1, pengguna=sekretaris)
    _pernyataan(v1, auditor)
    with pytest.raises(ValidationError, match="susun versi baru"):
        services.laporan_finalise(laporan=v1, pengguna=sekretaris)
    v2 = _laporan(tahun=2022)
    services.laporan_finalise(laporan=v2, pengguna=sekretaris)
    v2.refresh_from_db()
    assert v2.status == "final"


def test_optional_review_lets_finalisation_through(db, sekretaris, auditor):
    laporan = _laporan(tahun=2022)
    services_reviu.komentar_create(laporan=laporan, bab="bab-4", teks="x", pengguna=auditor)
    services_reviu.pengaturan_reviu_set(reviu_wajib=False, pengguna=sekretaris)
    services.laporan_finalise(laporan=laporan, pengguna=sekretaris)
    laporan.refresh_from_db()
    assert laporan.status == "final"


def test_only_the_auditor_comments_closes_and_records(db, auditor, sekretaris, staf, komisioner):
    laporan = _laporan(tahun=2022)
    for user in (sekretaris, staf, komisioner):
        with pytest.raises(PermissionDenied, match="Auditor"):
            services_reviu.komentar_create(laporan=laporan, bab="bab-1", teks="x", pengguna=user)
        with pytest.raises(PermissionDenied):
            _pernyataan(laporan, user)
    k = services_reviu.komentar_create(laporan=laporan, bab="bab-1", teks="x", pengguna=auditor)
    for user in (sekretaris, staf, komisioner):
        with pytest.raises(PermissionDenied):
            services_reviu.komentar_close(komentar=k, pengguna=user)
    assert KomentarReviu.objects.get().status == "terbuka"
    assert not PernyataanReviu.objects.exists()


def test_preparers_answer_others_do_not(db, auditor, sekretaris, kasubag, staf, staf_lain):
    laporan = _laporan(tahun=2022)
    k = services_reviu.komentar_create(laporan=laporan, bab="lampiran", teks="x", pengguna=auditor)
    for user in (auditor, staf_lain):
        with pytest.raises(PermissionDenied, match="Sub Bagian Perencanaan"):
            services_reviu.komentar_answer(komentar=k, jawaban="y", pengguna=user)
    with pytest.raises(ValidationError, match="Jawaban wajib diisi"):
        services_reviu.komentar_answer(komentar=k, jawaban="  ", pengguna=staf)
    for user in (sekretaris, kasubag, staf):
        services_reviu.komentar_answer(komentar=k, jawaban=f"oleh {user}", pengguna=user)
    k.refresh_from_db()
    assert (k.status, k.dijawab_oleh) == ("dijawab", staf)
    services_reviu.komentar_close(komentar=k, pengguna=auditor)
    with pytest.raises(ValidationError, match="sudah ditutup"):
        services_reviu.komentar_answer(komentar=k, jawaban="z", pengguna=staf)
    assert k.history.count() == 5
    assert JejakAudit.objects.filter(aksi="alur", objek__startswith="Komentar reviu").count() == 5


def test_comment_on_a_final_version_refused(db, auditor):
    final = _laporan(tahun=2022, status="final")
    with pytest.raises(ValidationError, match="sudah final"):
        services_reviu.komentar_create(laporan=final, bab="bab-1", teks="x", pengguna=auditor)
    lain = _laporan(tahun=2022)
    with pytest.raises(ValidationError, match="sudah memiliki versi final"):
        services_reviu.komentar_create(laporan=lain, bab="bab-1", teks="x", pengguna=auditor)
    assert not KomentarReviu.objects.exists()


def test_unknown_chapter_and_empty_text_refused_at_the_field(db, auditor):
    laporan = _laporan(tahun=2022)
    with pytest.raises(ValidationError) as exc:
        services_reviu.komentar_create(laporan=laporan, bab="bab-9", teks="x", pengguna=auditor)
    assert "bab" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services_reviu.komentar_create(laporan=laporan, bab="bab-1", teks=" ", pengguna=auditor)
    assert exc.value.message_dict == {"teks": ["Komentar wajib diisi."]}


def test_statement_refused_while_a_comment_is_open_and_checks_its_fields(db, auditor):
    laporan = _laporan(tahun=2022)
    services_reviu.komentar_create(laporan=laporan, bab="bab-2", teks="x", pengguna=auditor)
    with pytest.raises(ValidationError, match="setelah semua komentar reviu ditutup"):
        _pernyataan(laporan, auditor)
    with pytest.raises(ValidationError) as exc:
        _pernyataan(laporan, auditor, nomor="", nip_pereviu="12", tanggal=dt.date(2030, 1, 1))
    assert set(exc.value.message_dict) == {"nomor", "nip_pereviu", "tanggal"}
    assert exc.value.message_dict["nip_pereviu"] == ["NIP pereviu harus 18 angka."]
    assert not PernyataanReviu.objects.exists()


def test_statement_text_names_the_satker_from_its_record(db, auditor):
    from sekretariat.models import Satker

    satker = Satker.objects.first()
    laporan = _laporan(tahun=2022)
    p = _pernyataan(laporan, auditor)
    nama = satker.nama if satker else "Sekretariat KPU"
    assert p.teks.startswith(f"Kami telah mereviu Laporan Kinerja {nama} Tahun 2022")
    with pytest.raises(ValidationError, match="sudah dicatat"):
        _pernyataan(laporan, auditor)


def test_each_review_write_is_one_audit_entry(db, auditor, sekretaris):
    """The history row of a review write is its one audit entry, marked ``alur`` with the
    summary; no second entry for the same event."""
    from django.contrib.contenttypes.models import ContentType

    def jejak(obj):
        return list(
            JejakAudit.objects.filter(
                content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk)
            )
            .order_by("pk")
            .values_list("aksi", "keterangan")
        )

    laporan = _laporan(tahun=2022)
    k = services_reviu.komentar_create(
        laporan=laporan, bab="bab-2", teks="Tabel capaian kurang.", pengguna=auditor
    )
    services_reviu.komentar_answer(komentar=k, jawaban="Sudah dilengkapi.", pengguna=sekretaris)
    services_reviu.komentar_close(komentar=k, pengguna=auditor)
    baris = jejak(k)
    assert [a for a, _ in baris] == ["alur", "alur", "alur"]
    assert "Tabel capaian kurang." in baris[0][1]
    assert "Sudah dilengkapi." in baris[1][1]
    assert baris[2][1].endswith("ditutup.")
    pengaturan = services_reviu.pengaturan_reviu_set(reviu_wajib=False, pengguna=sekretaris)
    assert [a for a, k in jejak(pengaturan) if "tidak wajib" in k] == ["ubah"]
