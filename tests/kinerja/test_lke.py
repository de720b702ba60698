"""LKE (issue 18, items 1–4): the worksheet as data, the scoring arithmetic against a
hand-computed example, the grade bounds, weights and scale refused with their messages, who
answers what, the audit trail."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja import selectors_lke as sel
from kinerja.model_lke import JawabanLke, KomponenLke, KriteriaLke, LembarKerjaEvaluasi
from kinerja.services import lke as svc
from kpu_site.models import JejakAudit

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def lke(sekretaris):
    return svc.lke_buat(pengguna=sekretaris, tahun=2023)


def _j(lke, kode: str, nomor: int) -> JawabanLke:
    return JawabanLke.objects.get(
        kriteria__sub__komponen__lke=lke, kriteria__sub__kode=kode, kriteria__nomor=nomor
    )


def _isi(lke, kode: str, jawaban: str, pihak="jawaban") -> None:
    """Answers of one sub-component in order (set directly: the arithmetic under test)."""
    for nomor, nilai in enumerate(jawaban, start=1):
        JawabanLke.objects.filter(
            kriteria__sub__komponen__lke=lke, kriteria__sub__kode=kode, kriteria__nomor=nomor
        ).update(**{pihak: nilai})


CONTOH = {
    "1.a": "YYYYYT",  # 6 × 5/6 = 5,00
    "1.b": "ABCDEAAAAAA",  # (1 + 0,75 + 0,5 + 0,25 + 0 + 6×1) = 8,5; 9 × 8,5/11 = 6,954545…
    "1.c": "BBBBBBBB",  # 15 × 0,75 = 11,25
    "2.a": "YYT",  # 6 × 2/3 = 4,00
    "2.b": "AAAAAAA",  # 9 × 1 = 9,00
    "2.c": "CCCCCCCCCC",  # 15 × 0,5 = 7,50
    "3.a": "YYYYYY",  # 3 × 1 = 3,00
    "3.b": "BBBBBBBBB",  # 4,5 × 0,75 = 3,375
    "3.c": "CCCCCCC",  # 7,5 × 0,5 = 3,75
    "4.a": "YTT",  # 5 × 1/3 = 1,666667
    "4.b": "CCCCC",  # 7,5 × 0,5 = 3,75
    "4.c": "DDDDD",  # 12,5 × 0,25 = 3,125
}
# Komponen 1 = 5 + 6,954545 + 11,25 = 23,204545 → 23,20
# Komponen 2 = 4 + 9 + 7,5 = 20,50
# Komponen 3 = 3 + 3,375 + 3,75 = 10,125 → 10,13
# Komponen 4 = 1,666667 + 3,75 + 3,125 = 8,541667 → 8,54
# Total = 23,204545 + 20,5 + 10,125 + 8,541667 = 62,371212 → 62,37 → B (> 60–70)


def test_seeded_structure_weights_and_scale(lke):
    assert lke.dasar == "PermenPANRB 88/2021"
    komponen = {k.kode: k.bobot for k in lke.komponen.all()}
    assert komponen == {"1": D(30), "2": D(30), "3": D(15), "4": D(25)}
    # 1: 6 + 11 + 8, 2: 3 + 7 + 10, 3: 6 + 9 + 7, 4: 3 + 5 + 5 = 80 criteria, one answer each
    assert KriteriaLke.objects.filter(sub__komponen__lke=lke).count() == 80
    assert JawabanLke.objects.filter(kriteria__sub__komponen__lke=lke).count() == 80
    assert lke.skala["kualitas"]["B"] == "0.75"
    assert _j(lke, "1.a", 3).kriteria.aturan == "renstra_mencakup"


def test_hand_computed_example(lke):
    for kode, jawaban in CONTOH.items():
        _isi(lke, kode, jawaban)
    pohon = sel.lke_pohon(lke=lke)
    subs = {s.kode: s for k in pohon for s in k.sub.all()}
    assert sel.sub_komponen_skor(lke, subs["1.a"]) == D(5)
    assert sel.sub_komponen_skor(lke, subs["1.b"]).quantize(D("0.000001")) == D("6.954545")
    assert sel.sub_komponen_skor(lke, subs["3.b"]) == D("3.375")
    ringkas = sel.lke_ringkasan(lke=lke, pohon=pohon)
    assert [b.mandiri for b in ringkas["komponen"]] == [
        D("23.20"),
        D("20.50"),
        D("10.13"),
        D("8.54"),
    ]
    assert ringkas["total"] == D("62.37")
    assert ringkas["predikat"] == "B"
    assert ringkas["total_evaluator"] is None and ringkas["selisih"] is None


def test_grade_bounds_are_exclusive_below(lke):
    p = sel.lke_predikat
    assert p(lke, D("70.00")) == "B"
    assert p(lke, D("70.01")) == "BB"
    assert p(lke, D("80.00")) == "BB"
    assert p(lke, D("90.01")) == "AA"
    assert p(lke, D("30.00")) == "D"
    assert p(lke, D("30.01")) == "C"
    assert p(lke, D("0")) == "D"
    assert p(lke, D("100")) == "AA"


def test_evaluator_difference_per_component(lke, auditor):
    for kode, jawaban in CONTOH.items():
        _isi(lke, kode, jawaban)
        _isi(lke, kode, jawaban, pihak="jawaban_evaluator")
    # the evaluator finds 1.a.6 fulfilled: 1.a = 6 × 6/6 = 6 → component 1 up by 1,00
    svc.jawaban_evaluator_isi(pengguna=auditor, jawaban=_j(lke, "1.a", 6), nilai="y", catatan="Ok")
    ringkas = sel.lke_ringkasan(lke=lke)
    assert [b.selisih for b in ringkas["komponen"]] == [D("1.00"), D(0), D(0), D(0)]
    assert ringkas["total_evaluator"] == D("63.37")
    assert ringkas["selisih"] == D("1.00")
    assert JejakAudit.objects.filter(keterangan__contains="jawaban evaluator").exists()


def test_weights_not_adding_up_refused_naming_the_component(lke, sekretaris):
    with pytest.raises(ValidationError) as e:
        svc.struktur_bobot_set(pengguna=sekretaris, lke=lke, bobot={"1.a": "7"})
    assert e.value.message_dict["bobot"] == [
        "Komponen 1 Perencanaan Kinerja: jumlah bobot sub-komponen 31,00, harus sama dengan "
        "bobot komponen 30,00."
    ]
    with pytest.raises(ValidationError) as e:
        svc.struktur_bobot_set(pengguna=sekretaris, lke=lke, bobot={"4": "20", "4.c": "7.5"})
    assert "Jumlah bobot komponen LKE 2023 adalah 95,00, harus 100" in str(e.value)
    assert KomponenLke.objects.get(lke=lke, kode="4").bobot == D(25)
    # moving weight consistently is accepted
    svc.struktur_bobot_set(
        pengguna=sekretaris, lke=lke, bobot={"1": "35", "1.c": "20", "4": "20", "4.c": "7.5"}
    )
    assert KomponenLke.objects.get(lke=lke, kode="1").bobot == D(35)


def test_structure_only_by_sekretaris_or_admin(lke, kasubag):
    with pytest.raises(PermissionDenied):
        svc.struktur_bobot_set(pengguna=kasubag, lke=lke, bobot={"1.a": "6"})
    with pytest.raises(PermissionDenied):
        svc.lke_buat(pengguna=kasubag, tahun=2024)
    k = _j(lke, "1.a", 1).kriteria
    with pytest.raises(PermissionDenied):
        svc.kriteria_ubah(pengguna=kasubag, kriteria=k, uraian="x", aturan="")


def test_unknown_rule_refused(lke, sekretaris):
    k = _j(lke, "1.a", 1).kriteria
    with pytest.raises(ValidationError) as e:
        svc.kriteria_ubah(pengguna=sekretaris, kriteria=k, uraian="Pedoman", aturan="ngawur")
    assert e.value.message_dict == {"aturan": ["Aturan usulan 'ngawur' tidak dikenal."]}


def test_answer_outside_scale_refused_naming_jawaban(lke, kasubag):
    with pytest.raises(ValidationError) as e:
        svc.jawaban_isi(pengguna=kasubag, jawaban=_j(lke, "1.a", 1), nilai="A")
    assert e.value.message_dict == {
        "jawaban": ["Jawaban 'A' di luar skala sub-komponen 1.a (Pemenuhan (Y/T)): pilih Y, T."]
    }
    with pytest.raises(ValidationError) as e:
        svc.jawaban_isi(pengguna=kasubag, jawaban=_j(lke, "1.b", 1), nilai="Y")
    assert "jawaban" in e.value.message_dict
    assert _j(lke, "1.a", 1).jawaban == ""
    j = svc.jawaban_isi(
        pengguna=kasubag, jawaban=_j(lke, "1.b", 1), nilai="b", catatan="Ada", tautan=""
    )
    assert j.jawaban == "B" and j.history.count() == 2


def test_who_answers(lke, staf_keuangan, komisioner, auditor, staf):
    for siapa in (staf_keuangan, komisioner, auditor):
        with pytest.raises(PermissionDenied):
            svc.jawaban_isi(pengguna=siapa, jawaban=_j(lke, "1.a", 1), nilai="Y")
    svc.jawaban_isi(pengguna=staf, jawaban=_j(lke, "1.a", 1), nilai="Y")


def test_only_auditor_and_admin_enter_evaluator_answers(
    lke, sekretaris, kasubag, admin_user, auditor
):
    for siapa in (sekretaris, kasubag):
        with pytest.raises(PermissionDenied) as e:
            svc.jawaban_evaluator_isi(pengguna=siapa, jawaban=_j(lke, "1.a", 1), nilai="Y")
        assert str(e.value) == "Jawaban evaluator hanya dapat diisi oleh Auditor (evaluator)."
    assert _j(lke, "1.a", 1).jawaban_evaluator == ""
    with pytest.raises(ValidationError) as e:
        svc.jawaban_evaluator_isi(pengguna=auditor, jawaban=_j(lke, "1.a", 1), nilai="B")
    assert list(e.value.message_dict) == ["jawaban_evaluator"]
    svc.jawaban_evaluator_isi(pengguna=admin_user, jawaban=_j(lke, "1.a", 1), nilai="T")
    assert _j(lke, "1.a", 1).jawaban_evaluator == "T"


def test_evidence_file_checked_by_content(lke, kasubag):
    from django.core.files.uploadedfile import SimpleUploadedFile

    palsu = SimpleUploadedFile("pedoman.pdf", b"bukan pdf sama sekali", "application/pdf")
    with pytest.raises(ValidationError) as e:
        svc.jawaban_isi(pengguna=kasubag, jawaban=_j(lke, "1.a", 1), nilai="Y", berkas=palsu)
    assert list(e.value.message_dict) == ["berkas"]
    assert _j(lke, "1.a", 1).jawaban == ""
    pdf = SimpleUploadedFile("pedoman.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    j = svc.jawaban_isi(
        pengguna=kasubag, jawaban=_j(lke, "1.a", 1), nilai="Y", berkas=pdf, tautan="https://x.id/a"
    )
    assert j.nama_asli == "pedoman.pdf" and j.jenis_berkas == "pdf" and j.berkas
    with pytest.raises(ValidationError) as e:
        svc.jawaban_isi(pengguna=kasubag, jawaban=_j(lke, "1.a", 2), nilai="Y", tautan="x")
    assert list(e.value.message_dict) == ["tautan"]


def test_next_year_copies_previous_structure(lke, sekretaris):
    svc.struktur_bobot_set(
        pengguna=sekretaris, lke=lke, bobot={"1": "35", "1.c": "20", "4": "20", "4.c": "7.5"}
    )
    baru = svc.lke_buat(pengguna=sekretaris, tahun=2024)
    assert KomponenLke.objects.get(lke=baru, kode="1").bobot == D(35)
    assert JawabanLke.objects.filter(kriteria__sub__komponen__lke=baru).count() == 80
    with pytest.raises(ValidationError) as e:
        svc.lke_buat(pengguna=sekretaris, tahun=2024)
    assert e.value.message_dict == {"tahun": ["LKE 2024 sudah ada."]}


def test_finalise_needs_every_answer_then_freezes(lke, sekretaris, kasubag, auditor):
    with pytest.raises(ValidationError) as e:
        svc.lke_finalkan(pengguna=sekretaris, lke=lke)
    assert "80 kriteria LKE 2023 belum dijawab: 1.a.1" in str(e.value)
    for kode, jawaban in CONTOH.items():
        _isi(lke, kode, jawaban)
    with pytest.raises(PermissionDenied):
        svc.lke_finalkan(pengguna=kasubag, lke=lke)
    svc.lke_finalkan(pengguna=sekretaris, lke=lke)
    lke.refresh_from_db()
    assert lke.status == LembarKerjaEvaluasi.Status.FINAL
    with pytest.raises(ValidationError) as e:
        svc.jawaban_isi(pengguna=kasubag, jawaban=_j(lke, "1.a", 1), nilai="T")
    assert "sudah final" in str(e.value)
    # the evaluator still scores a final self-assessment
    svc.jawaban_evaluator_isi(pengguna=auditor, jawaban=_j(lke, "1.a", 1), nilai="Y")


def test_comparison_with_earlier_years(sekretaris):
    lama = svc.lke_buat(pengguna=sekretaris, tahun=2022)
    _isi(lama, "2.b", "AAAAAAA")  # 9,00
    baru = svc.lke_buat(pengguna=sekretaris, tahun=2023)
    for kode, jawaban in CONTOH.items():
        _isi(baru, kode, jawaban)
    riwayat = sel.lke_riwayat_total(sampai=2023)
    assert [(r.tahun, r.mandiri, r.predikat_mandiri) for r in riwayat] == [
        (2022, D("9.00"), "D"),
        (2023, D("62.37"), "B"),
    ]


def test_scale_and_grades_validated():
    with pytest.raises(ValidationError) as e:
        svc.skala_periksa({**svc.SKALA_8821, "kualitas": {"A": "2"}})
    assert e.value.message_dict == {
        "skala": ["Skala kualitas jawaban A: nilai harus antara 0 dan 1."]
    }
    with pytest.raises(ValidationError) as e:
        svc.predikat_periksa([["A", "80"], ["B", "90"], ["D", "0"]])
    assert e.value.message_dict == {
        "predikat": ["Baris 2: batas bawah harus lebih kecil dari baris sebelumnya."]
    }
