"""The RO output pages: the table per RO and month (numbers, "Belum ada target volume", the
month filter, constant queries, Excel), the target form, one month's entry with evidence and
the workflow buttons, the Kasubag Keuangan's queue, the import page and the RO line's card."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from anggaran.models import Pos, RealisasiOutput, VolumeRo

from .dunia import KODE_RO, bulan_isi, ro_tambah, target_set

pytestmark = pytest.mark.django_db


def _teks(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _tiga_bulan(ro, sekretaris, staf_keuangan):
    target_set(ro, sekretaris)
    for bulan, volume in [(1, "1"), (2, "2"), (3, "1")]:
        bulan_isi(ro, staf_keuangan, bulan, volume)


# --- the table ------------------------------------------------------------------------------


def test_output_page_shows_target_months_cumulative_and_capaian(
    dipa, ro, sekretaris, staf_keuangan, komisioner, masuk
):
    _tiga_bulan(ro, sekretaris, staf_keuangan)
    bulan_isi(ro, staf_keuangan, 4, "1", ajukan=False)
    response = masuk(komisioner).get(reverse("anggaran:output_list", args=[dipa.pk]))
    assert response.status_code == 200
    baris = re.search(
        rf'<tr data-ro="{re.escape(KODE_RO)}">(.*?)</tr>', response.content.decode(), re.S
    )
    sel = [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", s)).strip()
        for s in re.findall(r"<td[^>]*>(.*?)</td>", baris.group(1), re.S)
    ]
    assert sel[1] == "6 Laporan"
    assert sel[2:6] == ["1", "2", "1", "(1) Draft"]  # April: a draft, shown in brackets
    assert sel[-5:] == ["4 Laporan", "66,67%", "Rp 1.500.000", "Rp 0", "0,00%"]
    # to February only
    response = masuk(komisioner).get(reverse("anggaran:output_list", args=[dipa.pk]), {"bulan": 2})
    teks = _teks(response)
    assert "Realisasi s.d. Februari" in teks and "3 Laporan 50,00%" in teks


def test_an_ro_without_target_says_so(dipa, ro, staf_keuangan, masuk):
    response = masuk(staf_keuangan).get(reverse("anggaran:output_list", args=[dipa.pk]))
    teks = _teks(response)
    assert "Belum ada target volume" in teks
    assert "1 RO belum ada target volume" in teks
    assert reverse("anggaran:volume_ro_update", args=[ro.pk]) in response.content.decode()


def test_output_page_query_count_does_not_grow_with_ro_lines(
    dipa, ro, sekretaris, staf_keuangan, masuk, django_assert_max_num_queries
):
    _tiga_bulan(ro, sekretaris, staf_keuangan)
    client = masuk(staf_keuangan)
    url = reverse("anggaran:output_list", args=[dipa.pk])
    client.get(url)  # warm the session/permission caches
    with django_assert_max_num_queries(20) as satu:
        assert client.get(url).status_code == 200
    ro_tambah(dipa, sekretaris, 12)
    with django_assert_max_num_queries(len(satu.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("<tr data-ro=") == 13


def test_output_ro_list_reads_seven_queries_for_one_ro_or_many(
    dipa, ro, sekretaris, staf_keuangan, django_assert_num_queries
):
    from anggaran.selectors import output_ro_list

    _tiga_bulan(ro, sekretaris, staf_keuangan)
    with django_assert_num_queries(7):
        assert len(output_ro_list(dokumen=dipa)) == 1
    ro_tambah(dipa, sekretaris, 8)
    with django_assert_num_queries(7):
        baris = output_ro_list(dokumen=dipa, sampai_bulan=3)
    assert [b.capaian for b in baris] == [Decimal("66.67")] + [Decimal("16.67")] * 8


def test_output_page_downloads_as_excel(dipa, ro, sekretaris, staf_keuangan, masuk):
    _tiga_bulan(ro, sekretaris, staf_keuangan)
    response = masuk(sekretaris).get(
        reverse("anggaran:output_list", args=[dipa.pk]), {"unduh": "xlsx", "bulan": 3}
    )
    wb = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(wb.active.iter_rows(values_only=True))
    judul = next(r for r in rows if r and r[0] == "Kode RO")
    data = next(r for r in rows if r and r[0] == KODE_RO)
    assert judul[5:8] == ("Jan", "Feb", "Mar") and judul[17] == "Realisasi s.d. Maret"
    assert data[3:8] == (6, "Laporan", 1, 2, 1)
    assert data[17:19] == (4, 66.67)


# --- the target form ------------------------------------------------------------------------------


def test_target_form_saves_and_a_refusal_keeps_what_was_typed(
    dipa, ro, staf_keuangan, masuk, unit_demo
):
    client = masuk(staf_keuangan)
    url = reverse("anggaran:volume_ro_update", args=[ro.pk])
    data = {"volume": "6", "satuan": "Laporan", "unit": unit_demo["perencanaan"].pk}
    rencana = {
        f"rencana_{b}": str(v) for b, v in enumerate([0, 0, 1, 1, 2, 3, 2, 4, 4, 5, 5, 6], 1)
    }
    response = client.post(url, data | rencana)
    assert response.status_code == 200
    teks = _teks(response)
    assert "Proyeksi Juli (2) lebih kecil dari proyeksi Juni (3)" in teks
    assert 'name="rencana_7" value="2"' in response.content.decode()
    assert 'name="satuan" value="Laporan"' in response.content.decode()
    assert not VolumeRo.objects.exists()
    response = client.post(url, data | {"volume": "0"})
    assert "Target volume harus lebih dari 0." in _teks(response)
    response = client.post(url, data)
    assert response.status_code == 302
    ro.refresh_from_db()
    assert (VolumeRo.objects.get().volume, ro.satuan, ro.unit) == (
        Decimal("6"),
        "Laporan",
        unit_demo["perencanaan"],
    )


def test_target_form_is_for_finance_only(ro, staf, masuk):
    assert masuk(staf).get(reverse("anggaran:volume_ro_update", args=[ro.pk])).status_code == 403


def test_target_form_of_a_line_that_is_not_an_ro_is_a_404(dipa, ro, sekretaris, masuk):
    kro = Pos.objects.get(dokumen=dipa, tingkat="kro")
    response = masuk(sekretaris).get(reverse("anggaran:volume_ro_update", args=[kro.pk]))
    assert response.status_code == 404


# --- one month ------------------------------------------------------------------------------------


def test_month_form_saves_a_draft_then_submits_with_evidence(
    dipa, ro, sekretaris, staf, masuk, unit_demo, settings
):
    target_set(ro, sekretaris, unit=unit_demo["perencanaan"])
    client = masuk(staf)  # the unit pengampu
    url = reverse("anggaran:output_isi", args=[ro.pk, 3])
    response = client.get(url)
    assert 'name="volume"' in response.content.decode()
    bukti = SimpleUploadedFile("laporan-maret.pdf", b"%PDF-1.4 laporan", "application/pdf")
    response = client.post(
        url,
        {
            "volume": "1",
            "tanggal_lapor": "2023-04-03",
            "keterangan": "Laporan Maret",
            "bukti": bukti,
        },
    )
    assert response.status_code == 302
    r = RealisasiOutput.objects.get()
    assert (r.status, r.volume, r.dibuat_oleh) == ("draft", Decimal("1"), staf)
    assert re.fullmatch(r"anggaran/output/2023/[0-9a-f]{32}\.pdf", r.bukti.name)
    # the evidence is served through the checked view, as a PDF
    unduh = client.get(reverse("anggaran:output_bukti", args=[r.pk]))
    assert unduh["Content-Type"] == "application/pdf"
    assert b"".join(unduh.streaming_content) == b"%PDF-1.4 laporan"
    # save and submit
    response = client.post(
        url, {"volume": "2", "tanggal_lapor": "2023-04-03", "keterangan": "", "ajukan": "1"}
    )
    r.refresh_from_db()
    assert (r.status, r.volume, bool(r.bukti)) == ("diajukan", Decimal("2"), True)
    # submitted: no form any more, the values are shown
    teks = _teks(client.get(url))
    assert 'name="volume"' not in client.get(url).content.decode()
    assert "Diajukan ke Kasubag" in teks and "2 Laporan" in teks


def test_month_form_refusal_keeps_what_was_typed(ro, sekretaris, staf_keuangan, masuk):
    target_set(ro, sekretaris)
    client = masuk(staf_keuangan)
    response = client.post(
        reverse("anggaran:output_isi", args=[ro.pk, 5]),
        {"volume": "8", "tanggal_lapor": "2023-04-30", "keterangan": "Lima laporan"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "Realisasi kumulatif menjadi 8 Laporan, melebihi batas wajar 7,2 Laporan (120% dari "
        "target 6 Laporan)." in html
    )
    assert "Tanggal lapor tidak boleh sebelum 1 Mei 2023, awal bulan yang dilaporkan." in html
    assert 'name="volume" value="8"' in html and "Lima laporan</textarea>" in html
    assert not RealisasiOutput.objects.exists()


def test_month_form_evidence_of_the_wrong_kind_is_refused(ro, sekretaris, staf_keuangan, masuk):
    target_set(ro, sekretaris)
    palsu = SimpleUploadedFile("bukti.pdf", b"<html>bukan pdf</html>", "application/pdf")
    response = masuk(staf_keuangan).post(
        reverse("anggaran:output_isi", args=[ro.pk, 1]),
        {"volume": "1", "tanggal_lapor": "2023-02-03", "bukti": palsu},
    )
    assert "Isi berkas bukti.pdf bukan jenis yang diizinkan" in response.content.decode()
    assert not RealisasiOutput.objects.exists()


def test_another_unit_reads_the_month_but_may_not_post(
    ro, sekretaris, staf_teknis, komisioner, masuk, unit_demo
):
    target_set(ro, sekretaris, unit=unit_demo["perencanaan"])
    url = reverse("anggaran:output_isi", args=[ro.pk, 1])
    for user in (staf_teknis, komisioner):
        client = masuk(user)
        response = client.get(url)
        assert response.status_code == 200 and 'name="volume"' not in response.content.decode()
        response = client.post(url, {"volume": "1", "tanggal_lapor": "2023-02-03"})
        assert response.status_code == 403
    assert not RealisasiOutput.objects.exists()


def test_month_of_a_line_that_is_not_an_ro_or_month_13_is_a_404(dipa, ro, sekretaris, masuk):
    client = masuk(sekretaris)
    kro = Pos.objects.get(dokumen=dipa, tingkat="kro")
    assert client.get(reverse("anggaran:output_isi", args=[kro.pk, 1])).status_code == 404
    assert client.get(reverse("anggaran:output_isi", args=[ro.pk, 13])).status_code == 404


def test_verify_and_return_from_the_month_page(
    ro, sekretaris, staf_keuangan, kasubag_keuangan, masuk
):
    target_set(ro, sekretaris)
    r = bulan_isi(ro, staf_keuangan, 1, "1")
    client = masuk(kasubag_keuangan)
    url = reverse("anggaran:output_isi", args=[ro.pk, 1])
    html = client.get(url).content.decode()
    assert ">Verifikasi</button>" in html and ">Kembalikan</button>" in html
    aksi = reverse("anggaran:output_aksi", args=[r.pk])
    # a return without a note: the note field is marked on the page, nothing changes
    response = client.post(aksi, {"aksi": "kembalikan", "catatan": "", "next": url})
    assert response.status_code == 302
    html = client.get(url).content.decode()
    assert (
        'id="catatan-kembalikan-galat" class="invalid-feedback">Tulis catatan alasan pengembalian.'
        in html
    )
    r.refresh_from_db()
    assert r.status == "diajukan"
    client.post(aksi, {"aksi": "verifikasi", "catatan": "Sesuai", "next": url})
    r.refresh_from_db()
    assert (r.status, r.diverifikasi_oleh) == ("diverifikasi", kasubag_keuangan)


def test_aksi_refused_for_a_kasubag_of_another_unit(ro, sekretaris, staf_keuangan, kasubag, masuk):
    target_set(ro, sekretaris)
    r = bulan_isi(ro, staf_keuangan, 1, "1")
    response = masuk(kasubag).post(
        reverse("anggaran:output_aksi", args=[r.pk]), {"aksi": "verifikasi"}
    )
    assert response.status_code == 403
    r.refresh_from_db()
    assert r.status == "diajukan"


def test_evidence_link_redirects_and_no_evidence_is_a_404(
    ro, sekretaris, staf_keuangan, komisioner, masuk
):
    target_set(ro, sekretaris)
    dengan = bulan_isi(ro, staf_keuangan, 1, "1", tautan_bukti="https://drive.kpu.go.id/x")
    tanpa = bulan_isi(ro, staf_keuangan, 2, "1")
    client = masuk(komisioner)
    response = client.get(reverse("anggaran:output_bukti", args=[dengan.pk]))
    assert (response.status_code, response["Location"]) == (302, "https://drive.kpu.go.id/x")
    assert client.get(reverse("anggaran:output_bukti", args=[tanpa.pk])).status_code == 404


# --- the queue ------------------------------------------------------------------------------------


def test_queue_lists_the_submitted_months_for_the_kasubag_keuangan(
    dipa, ro, sekretaris, staf_keuangan, kasubag_keuangan, kasubag, masuk
):
    target_set(ro, sekretaris)
    bulan_isi(ro, staf_keuangan, 1, "1")
    bulan_isi(ro, staf_keuangan, 2, "2")
    bulan_isi(ro, staf_keuangan, 3, "1", ajukan=False)
    url = reverse("anggaran:output_antrean")
    response = masuk(kasubag_keuangan).get(url)
    assert response.status_code == 200
    teks = _teks(response)
    assert "Realisasi output RO menunggu verifikasi 2" in teks
    assert "Januari 2023 1 Laporan" in teks and "Februari 2023 2 Laporan" in teks
    assert "Maret 2023 1 Laporan" not in teks  # March is a draft
    assert masuk(kasubag).get(url).status_code == 403  # Kasubag Perencanaan


# --- the import page ------------------------------------------------------------------------------


def test_import_page_previews_then_imports_and_submits(dipa, ro, sekretaris, staf_keuangan, masuk):
    target_set(ro, sekretaris)
    client = masuk(staf_keuangan)
    url = reverse("anggaran:output_impor", args=[dipa.pk])
    isi = (
        "kode_ro,bulan,volume,tanggal_lapor,keterangan\n"
        f"{KODE_RO},1,1,2023-02-03,Laporan Januari\n"
        f"{KODE_RO},2,2,2023-03-03,\n"
    ).encode()
    response = client.post(url, {"berkas": SimpleUploadedFile("o.csv", isi), "ajukan": "on"})
    assert "2 baris siap diimpor" in _teks(response)
    assert not RealisasiOutput.objects.exists()
    token = response.context["token"]
    response = client.post(url, {"token": token})
    assert response.status_code == 302
    assert list(RealisasiOutput.objects.values_list("bulan", "status")) == [
        (1, "diajukan"),
        (2, "diajukan"),
    ]


def test_import_page_lists_row_errors(dipa, ro, sekretaris, staf_keuangan, masuk):
    target_set(ro, sekretaris)
    isi = f"kode_ro,bulan,volume,tanggal_lapor\n{KODE_RO},14,1,2023-02-03\n".encode()
    response = masuk(staf_keuangan).post(
        reverse("anggaran:output_impor", args=[dipa.pk]),
        {"berkas": SimpleUploadedFile("o.csv", isi)},
    )
    assert "Baris 2, kolom bulan: &#x27;14&#x27; bukan bulan" in response.content.decode()
    assert not response.context["token"]


# --- the RO line and the navigation ---------------------------------------------------------------


def test_ro_line_page_shows_its_output_card(dipa, ro, sekretaris, staf_keuangan, masuk):
    client = masuk(staf_keuangan)
    teks = _teks(client.get(reverse("anggaran:pos_detail", args=[ro.pk])))
    assert "Output RO" in teks and "Target: Belum ada target volume" in teks
    _tiga_bulan(ro, sekretaris, staf_keuangan)
    response = client.get(reverse("anggaran:pos_detail", args=[ro.pk]))
    teks = _teks(response)
    assert "Target: 6 Laporan" in teks and "capaian 66,67%" in teks
    assert "Maret 1 4 66,67%" in teks
    # not on other lines
    akun = Pos.objects.get(dokumen=dipa, kode_lengkap=f"{KODE_RO}.051.A.521211")
    assert (
        'id="output-ro"'
        not in client.get(reverse("anggaran:pos_detail", args=[akun.pk])).content.decode()
    )


def test_dipa_pages_link_to_the_output_page_and_the_menu_to_the_working_year(
    dipa, ro, komisioner, masuk, settings
):
    client = masuk(komisioner)
    html = client.get(reverse("anggaran:dokumen_detail", args=[dipa.pk])).content.decode()
    assert f'href="{reverse("anggaran:output_list", args=[dipa.pk])}">Output RO</a>' in html
    response = client.get(reverse("anggaran:output_terbaru"), {"tahun": 2023})
    assert response.status_code == 302


def test_a_locked_document_hides_the_entry(dipa, ro, sekretaris, staf_keuangan, masuk):
    from anggaran import services

    target_set(ro, sekretaris)
    services.dokumen_lock(dokumen=dipa, pengguna=sekretaris)
    client = masuk(staf_keuangan)
    html = client.get(reverse("anggaran:output_isi", args=[ro.pk, 1])).content.decode()
    assert 'name="volume"' not in html and "Data anggaran dokumen ini terkunci." in html
    response = client.post(
        reverse("anggaran:output_isi", args=[ro.pk, 1]),
        {"volume": "1", "tanggal_lapor": "2023-02-03"},
    )
    assert "dikunci oleh Sekretaris" in response.content.decode()
    assert not RealisasiOutput.objects.exists()
