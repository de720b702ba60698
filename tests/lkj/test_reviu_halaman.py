"""The review of the LKj (reviu APIP) through the pages: the "Reviu APIP" section of a draft
version's page, its forms (comment, answer, close, statement), who sees which button
(``services_reviu.reviu_aksi_boleh``), and the setting "reviu wajib" on the Pengaturan page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from kinerja.lkj import services_reviu
from kinerja.lkj.model_reviu import KomentarReviu, PengaturanReviu, PernyataanReviu
from kpu_site.models import JejakAudit
from tests.lkj.test_lkj import _laporan

TOMBOL = {
    "komentar": "Tambah komentar",
    "tutup": "Tutup komentar",
    "jawab": "Simpan jawaban",
    "pernyataan": "Catat pernyataan",
}


@pytest.fixture
def draf(db):
    """A finished DRAF version of the LKj 2022 (not final): the one under review."""
    return _laporan(tahun=2022, status="selesai", draf=True)


@pytest.fixture
def komentar(draf, auditor):
    return services_reviu.komentar_create(
        laporan=draf, bab="bab-3", teks="Analisis IKSS 10 kurang.", pengguna=auditor
    )


def _halaman(client, laporan) -> str:
    response = client.get(reverse("kinerja:lkj_detail", args=[laporan.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _snapshot():
    return (
        list(KomentarReviu.objects.order_by("pk").values_list()),
        list(PernyataanReviu.objects.order_by("pk").values_list()),
    )


# --------------------------------------------------------------------------- the page


def test_auditor_opens_the_draft_version_page_with_its_review_section(
    draf, komentar, masuk, auditor
):
    halaman = _halaman(masuk(auditor), draf)
    assert "Reviu APIP" in halaman
    assert "Bab III Akuntabilitas Kinerja" in halaman
    assert "Analisis IKSS 10 kurang." in halaman
    assert "Terbuka" in halaman  # the status badge
    assert "Belum dicatat." not in halaman  # the Auditor gets the statement form instead
    response = masuk(auditor).get(reverse("kinerja:lkj_unduh", args=[draf.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("persona", "tombol"),
    [
        ("auditor", {"komentar", "tutup", "pernyataan"}),
        ("sekretaris", {"jawab"}),
        ("staf", {"jawab"}),  # Staf of Sub Bagian Perencanaan
        ("kasubag_keuangan", set()),  # Kasubag of another unit
        ("komisioner", set()),
    ],
)
def test_buttons_follow_reviu_aksi_boleh(draf, komentar, masuk, request, persona, tombol):
    user = request.getfixturevalue(persona)
    assert services_reviu.reviu_aksi_boleh(laporan=draf, pengguna=user) == tombol
    halaman = _halaman(masuk(user), draf)
    for aksi, teks in TOMBOL.items():
        assert (teks in halaman) == (aksi in tombol), (persona, aksi)


def test_no_review_buttons_on_a_final_version(db, masuk, auditor, sekretaris):
    final = _laporan(tahun=2022, status="final")
    assert services_reviu.reviu_aksi_boleh(laporan=final, pengguna=auditor) == frozenset()
    halaman = _halaman(masuk(auditor), final)
    assert not any(teks in halaman for teks in TOMBOL.values())


def test_statement_form_gone_once_recorded(draf, masuk, auditor):
    services_reviu.pernyataan_record(
        laporan=draf, nomor="1/R", tanggal=dt.date(2026, 2, 1), tempat="Serang",
        nama_pereviu="Dewi", jabatan_pereviu="Auditor", pengguna=auditor,
    )  # fmt: skip
    assert "pernyataan" not in services_reviu.reviu_aksi_boleh(laporan=draf, pengguna=auditor)
    halaman = _halaman(masuk(auditor), draf)
    assert "Catat pernyataan" not in halaman and "1/R" in halaman


# --------------------------------------------------------------------------- comment


def test_comment_form_records_the_comment(draf, masuk, auditor):
    client = masuk(auditor)
    response = client.post(
        reverse("kinerja:lkj_reviu_komentar", args=[draf.pk]),
        {"bab": "lampiran", "teks": "Lampiran PK belum ditandatangani."},
    )
    assert response.status_code == 302 and response["Location"].endswith("#reviu")
    k = KomentarReviu.objects.get()
    assert (k.laporan, k.bab, k.dibuat_oleh, k.status) == (draf, "lampiran", auditor, "terbuka")
    assert JejakAudit.objects.filter(aksi="alur", pengguna=auditor).exists()
    halaman = client.get(response["Location"]).content.decode()
    assert "Komentar pada Lampiran dicatat." in halaman


def test_comment_form_refused_keeps_the_text_and_shows_the_message_at_the_field(
    draf, masuk, auditor
):
    client = masuk(auditor)
    sebelum = _snapshot()
    client.post(
        reverse("kinerja:lkj_reviu_komentar", args=[draf.pk]),
        {"bab": "bab-9", "teks": "Teks yang diketik"},
    )
    assert _snapshot() == sebelum
    halaman = _halaman(client, draf)
    assert "Bab bab-9 tidak dikenal; pilih salah satu bab Laporan Kinerja." in halaman
    assert "Teks yang diketik" in halaman
    client.post(reverse("kinerja:lkj_reviu_komentar", args=[draf.pk]), {"bab": "bab-1"})
    assert _snapshot() == sebelum
    assert "Komentar wajib diisi." in _halaman(client, draf)


def test_comment_refused_for_a_preparer_with_403(draf, masuk, sekretaris):
    sebelum = _snapshot()
    response = masuk(sekretaris).post(
        reverse("kinerja:lkj_reviu_komentar", args=[draf.pk]), {"bab": "bab-1", "teks": "x"}
    )
    assert response.status_code == 403
    assert _snapshot() == sebelum


# --------------------------------------------------------------------------- answer


def test_answer_form_records_the_answer(komentar, masuk, staf):
    response = masuk(staf).post(
        reverse("kinerja:lkj_reviu_jawab", args=[komentar.pk]),
        {"jawaban": "Analisis sudah dilengkapi."},
    )
    assert response.status_code == 302
    komentar.refresh_from_db()
    assert (komentar.status, komentar.jawaban, komentar.dijawab_oleh) == (
        "dijawab",
        "Analisis sudah dilengkapi.",
        staf,
    )
    halaman = _halaman(masuk(staf), komentar.laporan)
    assert "Analisis sudah dilengkapi." in halaman and "Dijawab" in halaman


def test_answer_form_refused_shows_the_message_at_the_field(komentar, masuk, sekretaris):
    client = masuk(sekretaris)
    sebelum = _snapshot()
    client.post(reverse("kinerja:lkj_reviu_jawab", args=[komentar.pk]), {"jawaban": "  "})
    assert _snapshot() == sebelum
    halaman = _halaman(client, komentar.laporan)
    assert "Jawaban wajib diisi." in halaman and "is-invalid" in halaman


def test_answer_on_a_closed_comment_refused_with_a_message(komentar, masuk, sekretaris, auditor):
    services_reviu.komentar_close(komentar=komentar, pengguna=auditor)
    client = masuk(sekretaris)
    sebelum = _snapshot()
    client.post(reverse("kinerja:lkj_reviu_jawab", args=[komentar.pk]), {"jawaban": "Terlambat"})
    assert _snapshot() == sebelum
    # a closed comment has no answer form any more: the service's message is shown as a banner
    assert "Komentar ini sudah ditutup Auditor; tidak dapat dijawab." in _halaman(
        client, komentar.laporan
    )


def test_answer_refused_for_another_unit_and_the_komisioner(komentar, masuk, staf_lain, komisioner):
    sebelum = _snapshot()
    for user in (staf_lain, komisioner):
        response = masuk(user).post(
            reverse("kinerja:lkj_reviu_jawab", args=[komentar.pk]), {"jawaban": "x"}
        )
        assert response.status_code == 403
    assert _snapshot() == sebelum


# --------------------------------------------------------------------------- close


def test_close_button_closes_the_comment(komentar, masuk, auditor):
    response = masuk(auditor).post(reverse("kinerja:lkj_reviu_tutup", args=[komentar.pk]))
    assert response.status_code == 302
    komentar.refresh_from_db()
    assert komentar.status == "ditutup" and komentar.ditutup_oleh == auditor
    halaman = _halaman(masuk(auditor), komentar.laporan)
    assert "Ditutup" in halaman and "Tutup komentar" not in halaman


def test_close_refused_twice_and_for_a_preparer(komentar, masuk, auditor, sekretaris):
    assert (
        masuk(sekretaris).post(reverse("kinerja:lkj_reviu_tutup", args=[komentar.pk])).status_code
        == 403
    )
    services_reviu.komentar_close(komentar=komentar, pengguna=auditor)
    sebelum = _snapshot()
    client = masuk(auditor)
    client.post(reverse("kinerja:lkj_reviu_tutup", args=[komentar.pk]))
    assert _snapshot() == sebelum
    assert "Komentar ini sudah ditutup." in _halaman(client, komentar.laporan)


# --------------------------------------------------------------------------- statement

PERNYATAAN = {
    "nomor": "01/REVIU/2026",
    "tanggal": "2026-02-20",
    "tempat": "Serang",
    "nama_pereviu": "Dewi Auditor",
    "nip_pereviu": "198001012005012001",
    "jabatan_pereviu": "Auditor Ahli Madya",
}


def test_statement_form_records_the_statement_with_the_composed_text(draf, masuk, auditor):
    response = masuk(auditor).post(
        reverse("kinerja:lkj_reviu_pernyataan", args=[draf.pk]), PERNYATAAN
    )
    assert response.status_code == 302
    p = PernyataanReviu.objects.get()
    assert (p.tahun, p.laporan, p.nomor, p.tanggal) == (
        2022,
        draf,
        "01/REVIU/2026",
        dt.date(2026, 2, 20),
    )
    assert p.teks.startswith("Kami telah mereviu Laporan Kinerja ")
    assert "Tahun 2022" in p.teks
    halaman = _halaman(masuk(auditor), draf)
    assert "01/REVIU/2026" in halaman and "Kami telah mereviu" in halaman


def test_statement_refused_while_a_comment_is_open_keeps_what_was_typed(komentar, masuk, auditor):
    client = masuk(auditor)
    sebelum = _snapshot()
    client.post(reverse("kinerja:lkj_reviu_pernyataan", args=[komentar.laporan.pk]), PERNYATAAN)
    assert _snapshot() == sebelum
    halaman = _halaman(client, komentar.laporan)
    assert "Pernyataan dicatat setelah semua komentar reviu ditutup." in halaman
    assert 'value="01/REVIU/2026"' in halaman and 'value="Dewi Auditor"' in halaman


def test_statement_refused_at_each_field(draf, masuk, auditor):
    client = masuk(auditor)
    sebelum = _snapshot()
    client.post(
        reverse("kinerja:lkj_reviu_pernyataan", args=[draf.pk]),
        PERNYATAAN | {"tanggal": "2027-01-05", "nip_pereviu": "12345"},
    )
    assert _snapshot() == sebelum
    halaman = _halaman(client, draf)
    assert (
        "Tanggal pernyataan harus setelah awal tahun 2022 dan tidak melewati hari ini." in halaman
    )
    assert "NIP pereviu harus 18 angka." in halaman
    client.post(
        reverse("kinerja:lkj_reviu_pernyataan", args=[draf.pk]), PERNYATAAN | {"tempat": ""}
    )
    assert _snapshot() == sebelum
    assert "Tempat wajib diisi." in _halaman(client, draf)


def test_statement_refused_for_the_sekretaris(draf, masuk, sekretaris):
    response = masuk(sekretaris).post(
        reverse("kinerja:lkj_reviu_pernyataan", args=[draf.pk]), PERNYATAAN
    )
    assert response.status_code == 403
    assert not PernyataanReviu.objects.exists()


# --------------------------------------------------------------------------- setting


def test_setting_form_turns_the_review_optional_and_is_audited(db, masuk, sekretaris):
    client = masuk(sekretaris)
    halaman = client.get(reverse("kinerja:pengaturan")).content.decode()
    assert "Reviu Laporan Kinerja (APIP)" in halaman
    response = client.post(reverse("kinerja:lkj_reviu_pengaturan"), {})  # box unticked
    assert response.status_code == 302
    assert PengaturanReviu.objects.get().reviu_wajib is False
    assert JejakAudit.objects.filter(
        aksi="ubah", pengguna=sekretaris, keterangan__contains="Reviu LKj tidak wajib."
    ).exists()
    client.post(reverse("kinerja:lkj_reviu_pengaturan"), {"reviu_wajib": "on"})
    assert PengaturanReviu.objects.get().reviu_wajib is True


def test_setting_form_refused_for_others(db, masuk, staf, auditor, komisioner):
    for user in (staf, auditor, komisioner):
        response = masuk(user).post(reverse("kinerja:lkj_reviu_pengaturan"), {})
        assert response.status_code == 403
    assert not PengaturanReviu.objects.exists()


def test_review_section_queries_do_not_grow_with_the_comments(
    draf, komentar, masuk, auditor, sekretaris
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = masuk(sekretaris)
    _halaman(client, draf)  # warm the per-process caches (content types)
    with CaptureQueriesContext(connection) as satu:
        _halaman(client, draf)
    for i, bab in enumerate(["bab-1", "bab-2", "bab-4", "lampiran"] * 3):
        k = services_reviu.komentar_create(
            laporan=draf, bab=bab, teks=f"Komentar {i}", pengguna=auditor
        )
        services_reviu.komentar_answer(komentar=k, jawaban=f"Jawaban {i}", pengguna=sekretaris)
    with CaptureQueriesContext(connection) as banyak:
        halaman = _halaman(client, draf)
    assert "Jawaban 11" in halaman
    assert len(banyak) == len(satu)
