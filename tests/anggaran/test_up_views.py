"""The pages of the UP/TUP register, the SPM dispensations and the revision's IKPA flag: the
figures a user reads, the refusals on their fields with what was typed kept, the late-TUP
warning, who may open what, the year lock, the import's two steps and the query counts."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from anggaran import services, services_up
from anggaran.models import DispensasiSpm, MutasiUp, Revisi
from kinerja.models import KunciTahun
from kpu_site.excel import XLSX_MIME

from .factories import JUTA, pohon_kecil
from .factories import mutasi_up_catat as catat

pytestmark = pytest.mark.django_db

J = MutasiUp.Jenis


@pytest.fixture
def register(dipa):
    """UP Rp 100.000.000 (16/01), GUP Rp 62.500.000 (20/02), TUP-01 Rp 50.000.000 (10/04,
    deadline 15/05) settled on time, TUP-02 Rp 20.000.000 (10/04, deadline 10/05) settled late
    on 16/05, TUP-03 Rp 10.000.000 (01/06) still open."""
    catat(dipa, J.UP, "UP-01", date(2023, 1, 16), 100)
    catat(dipa, J.GUP, "GUP-01", date(2023, 2, 20), Decimal("62.5"))
    tup1 = catat(dipa, J.TUP, "TUP-01", date(2023, 4, 10), 50, batas_waktu=date(2023, 5, 15))
    tup2 = catat(dipa, J.TUP, "TUP-02", date(2023, 4, 10), 20)
    catat(dipa, J.PTUP, "PTUP-01", date(2023, 5, 8), 45, tup=tup1)
    catat(dipa, J.SETOR_TUP, "STS-01", date(2023, 5, 12), 5, tup=tup1)
    catat(dipa, J.PTUP, "PTUP-02", date(2023, 5, 16), 20, tup=tup2)
    catat(dipa, J.TUP, "TUP-03", date(2023, 6, 1), 10)
    return dipa


def teks(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def baris_tabel(html: str, id_tabel: str) -> list[str]:
    tabel = html.split(f'id="{id_tabel}"', 1)[1].split("</table>", 1)[0]
    tbody = tabel.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [re.sub(r"<[^>]+>", " ", tr.split(">", 1)[1]) for tr in tbody.split("<tr")[1:]]


def bersih(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


# --- the register page ------------------------------------------------------------------------


def test_register_page_shows_running_balances(register, komisioner, masuk):
    response = masuk(komisioner).get(reverse("anggaran:mutasi_up_list", args=[register.pk]))
    assert response.status_code == 200
    html = teks(response)
    assert 'id="saldo-up">Rp 100.000.000<' in html
    assert 'id="total-gup">Rp 62.500.000<' in html
    assert 'id="tup-terbuka">Rp 10.000.000<' in html
    mutasi = [bersih(b) for b in baris_tabel(html, "mutasi")]
    assert [b.split(" Rp ")[0] for b in mutasi] == [
        "16 Januari 2023 UP UP-01 Belum diverifikasi",
        "20 Februari 2023 GUP GUP-01 Belum diverifikasi",
        "10 April 2023 TUP TUP-01 batas pertanggungjawaban 15 Mei 2023 Belum diverifikasi",
        "10 April 2023 TUP TUP-02 batas pertanggungjawaban 10 Mei 2023 Belum diverifikasi",
        "8 Mei 2023 PTUP PTUP-01 TUP TUP-01 · batas 15 Mei 2023 Belum diverifikasi",
        "12 Mei 2023 Setoran TUP STS-01 TUP TUP-01 · batas 15 Mei 2023 Belum diverifikasi",
        "16 Mei 2023 PTUP PTUP-02 TUP TUP-02 · batas 10 Mei 2023 Terlambat Belum diverifikasi",
        "1 Juni 2023 TUP TUP-03 batas pertanggungjawaban 1 Juli 2023 Belum diverifikasi",
    ]
    # nilai, saldo UP, saldo of this TUP, TUP still to account for
    assert mutasi[4].endswith("Rp 45.000.000 Rp 100.000.000 Rp 5.000.000 Rp 25.000.000"), mutasi[4]
    assert mutasi[6].endswith("Rp 20.000.000 Rp 100.000.000 Rp 0 Rp 0"), mutasi[6]
    assert mutasi[7].endswith("Rp 10.000.000 Rp 100.000.000 Rp 10.000.000 Rp 10.000.000")
    tup = [bersih(b) for b in baris_tabel(html, "tup")]
    assert tup == [
        "TUP-01 10 April 2023 Rp 50.000.000 15 Mei 2023 Rp 45.000.000 Rp 5.000.000 Rp 0 "
        "12 Mei 2023 Selesai tepat waktu",
        "TUP-02 10 April 2023 Rp 20.000.000 10 Mei 2023 Rp 20.000.000 Rp 0 Rp 0 16 Mei 2023 "
        "Terlambat",
        # viewed long after its deadline, still open
        "TUP-03 1 Juni 2023 Rp 10.000.000 1 Juli 2023 Rp 0 Rp 0 Rp 10.000.000 – Lewat batas, "
        "belum selesai",
    ]
    assert [bersih(b) for b in baris_tabel(html, "gup")] == [
        "GUP-01 20 Februari 2023 Rp 62.500.000 Rp 100.000.000 62,50%"
    ]
    # read-only roles get no write buttons
    assert "+ Mutasi" not in html and "Hapus" not in html


def test_register_page_constant_queries(dipa, sekretaris, masuk, django_assert_max_num_queries):
    client = masuk(sekretaris)
    catat(dipa, J.UP, "UP-01", date(2023, 1, 2), 100)
    url = reverse("anggaran:mutasi_up_list", args=[dipa.pk])
    client.get(url)
    with django_assert_max_num_queries(12) as sedikit:
        assert client.get(url).status_code == 200
    for i in range(1, 26):
        tup = catat(dipa, J.TUP, f"TUP-{i}", date(2023, 3, i), 1)
        catat(dipa, J.PTUP, f"PTUP-{i}", date(2023, 4, i), 1, tup=tup)
        catat(dipa, J.GUP, f"GUP-{i}", date(2023, 5, i), 1)
    with django_assert_max_num_queries(len(sedikit.captured_queries)):
        response = client.get(url)
    assert response.content.count(b'id="mutasi-') == 76


def test_dispensasi_page_constant_queries(dipa, auditor, masuk, django_assert_max_num_queries):
    client = masuk(auditor)
    url = reverse("anggaran:dispensasi_list", args=[dipa.pk])
    services_up.dispensasi_create(
        pengguna=None, dokumen=dipa, nomor="S-0", tanggal=date(2023, 2, 1), jumlah_spm=1, alasan="a"
    )
    client.get(url)
    with django_assert_max_num_queries(12) as sedikit:
        assert client.get(url).status_code == 200
    for i in range(1, 30):
        services_up.dispensasi_create(
            pengguna=None,
            dokumen=dipa,
            nomor=f"S-{i}",
            tanggal=date(2023, 3, 1),
            jumlah_spm=2,
            alasan="b",
        )
    with django_assert_max_num_queries(len(sedikit.captured_queries)):
        response = client.get(url)
    assert 'id="jumlah-spm">59<' in teks(response)


def test_register_excel_download(register, auditor, masuk):
    MutasiUp.objects.filter(nomor="UP-01").update(keterangan="=HYPERLINK(1)")
    response = masuk(auditor).get(
        reverse("anggaran:mutasi_up_list", args=[register.pk]), {"unduh": "xlsx"}
    )
    assert response["Content-Type"] == XLSX_MIME
    from openpyxl import load_workbook

    isi = b"".join(response.streaming_content)
    import io

    ws = load_workbook(io.BytesIO(isi)).worksheets[0]
    baris = [[c.value for c in r] for r in ws.iter_rows()]
    judul = next(i for i, r in enumerate(baris) if r[0] == "Tanggal")
    assert baris[judul + 1][1:6] == ["UP", "UP-01", None, 100000000, 100000000]
    assert baris[judul + 1][9] == "=HYPERLINK(1)"
    assert ws.cell(judul + 2, 10).data_type == "s"  # text, never a formula
    response = masuk(auditor).get(
        reverse("anggaran:dispensasi_list", args=[register.pk]), {"unduh": "xlsx"}
    )
    assert response["Content-Type"] == XLSX_MIME


# --- entry ------------------------------------------------------------------------------------


def test_create_gup_above_up_keeps_what_was_typed(register, staf_keuangan, masuk):
    client = masuk(staf_keuangan)
    url = reverse("anggaran:mutasi_up_create", args=[register.pk])
    data = {"jenis": "gup", "nomor": "GUP-02", "tanggal": "2023-03-27", "nilai": "120.000.000"}
    response = client.post(url, data)
    assert response.status_code == 200
    html = teks(response)
    assert (
        "GUP Rp 120.000.000 melebihi besaran UP yang berlaku pada 27/03/2023 "
        "(Rp 100.000.000)." in html
    )
    assert 'name="nilai" value="120.000.000"' in html
    assert 'name="nomor" value="GUP-02"' in html
    assert not MutasiUp.objects.filter(nomor="GUP-02").exists()


def test_create_late_ptup_saved_with_a_warning_naming_the_field(register, staf_keuangan, masuk):
    client = masuk(staf_keuangan)
    tup3 = MutasiUp.objects.get(nomor="TUP-03")
    url = reverse("anggaran:mutasi_up_create", args=[register.pk])
    form = client.get(url, {"jenis": "ptup", "tup": tup3.pk})
    assert f'<option value="{tup3.pk}" selected>TUP-03 · 01/06/2023 · batas 01/07/2023' in teks(
        form
    )
    data = {
        "jenis": "ptup",
        "nomor": "PTUP-03",
        "tanggal": "2023-07-03",
        "nilai": "10.000.000",
        "tup": tup3.pk,
    }
    response = client.post(url, data, follow=True)
    html = teks(response)
    assert "PTUP PTUP-03 dicatat di register." in html
    assert (
        "Tanggal: Tanggal melewati batas pertanggungjawaban TUP 01/07/2023 (TUP TUP-03): "
        "dicatat sebagai terlambat." in html
    )
    assert MutasiUp.objects.get(nomor="PTUP-03").tup == tup3


def test_create_tup_gets_the_default_deadline(dipa, sekretaris, masuk):
    response = masuk(sekretaris).post(
        reverse("anggaran:mutasi_up_create", args=[dipa.pk]),
        {"jenis": "tup", "nomor": "TUP-9", "tanggal": "2023-01-31", "nilai": "5.000.000"},
    )
    assert response.status_code == 302
    assert MutasiUp.objects.get(nomor="TUP-9").batas_waktu == date(2023, 2, 28)


def test_update_shows_the_stored_values_and_refuses_naming_the_other_movement(
    register, staf_keuangan, masuk
):
    client = masuk(staf_keuangan)
    up = MutasiUp.objects.get(nomor="UP-01")
    url = reverse("anggaran:mutasi_up_update", args=[up.pk])
    html = teks(client.get(url))
    assert 'name="nilai" value="100.000.000"' in html and 'value="2023-01-16"' in html
    data = {"jenis": "up", "nomor": "UP-01", "tanggal": "2023-01-16", "nilai": "60.000.000"}
    html = teks(client.post(url, data))
    assert (
        "GUP GUP-01 (20/02/2023): GUP Rp 62.500.000 melebihi besaran UP yang berlaku pada "
        "20/02/2023 (Rp 60.000.000)." in html
    )
    assert 'name="nilai" value="60.000.000"' in html
    response = client.post(url, data | {"nilai": "70.000.000"})
    assert response.status_code == 302
    up.refresh_from_db()
    assert up.nilai == 70 * JUTA


def test_delete_refused_then_done(register, kasubag_keuangan, masuk):
    client = masuk(kasubag_keuangan)
    tup1 = MutasiUp.objects.get(nomor="TUP-01")
    response = client.post(reverse("anggaran:mutasi_up_delete", args=[tup1.pk]), follow=True)
    assert (
        "TUP TUP-01 (10/04/2023) tidak dapat dihapus: sudah diselesaikan oleh PTUP PTUP-01 "
        "(08/05/2023), Setoran TUP STS-01 (12/05/2023); hapus itu lebih dahulu." in teks(response)
    )
    tup3 = MutasiUp.objects.get(nomor="TUP-03")
    response = client.post(reverse("anggaran:mutasi_up_delete", args=[tup3.pk]), follow=True)
    assert "TUP TUP-03 dihapus dari register." in teks(response)
    assert not MutasiUp.objects.filter(nomor="TUP-03").exists()
    assert client.get(reverse("anggaran:mutasi_up_delete", args=[tup1.pk])).status_code == 405


def test_write_pages_only_for_sekretaris_and_keuangan(
    register, client, masuk, staf, kasubag, komisioner, auditor, staf_keuangan
):
    up = MutasiUp.objects.get(nomor="UP-01")
    dispensasi = services_up.dispensasi_create(
        pengguna=None,
        dokumen=register,
        nomor="S-1",
        tanggal=date(2023, 3, 1),
        jumlah_spm=1,
        alasan="a",
    )
    halaman = [
        reverse("anggaran:mutasi_up_create", args=[register.pk]),
        reverse("anggaran:mutasi_up_update", args=[up.pk]),
        reverse("anggaran:mutasi_up_impor", args=[register.pk]),
        reverse("anggaran:dispensasi_create", args=[register.pk]),
        reverse("anggaran:dispensasi_update", args=[dispensasi.pk]),
        reverse("anggaran:dispensasi_impor", args=[register.pk]),
    ]
    baca = [
        reverse("anggaran:mutasi_up_list", args=[register.pk]),
        reverse("anggaran:dispensasi_list", args=[register.pk]),
    ]
    for url in halaman + baca:
        assert client.get(url).status_code == 302  # anonymous -> login
    for user in (staf, kasubag, komisioner, auditor):
        for url in halaman:
            assert masuk(user).get(url).status_code == 403, url
        for url in baca:
            assert masuk(user).get(url).status_code == 200, url
    for url in halaman + baca:
        assert masuk(staf_keuangan).get(url).status_code == 200, url
    # a POST of another unit's Staf writes nothing
    response = masuk(staf).post(reverse("anggaran:mutasi_up_delete", args=[up.pk]))
    assert response.status_code == 403
    assert MutasiUp.objects.filter(pk=up.pk).exists()


def test_locked_year_hides_the_buttons_and_refuses_on_the_form(register, sekretaris, masuk):
    KunciTahun.objects.create(tahun=2023)
    client = masuk(sekretaris)
    html = teks(client.get(reverse("anggaran:mutasi_up_list", args=[register.pk])))
    assert "+ Mutasi" not in html and "Tahun 2023 dikunci" in html
    response = client.post(
        reverse("anggaran:mutasi_up_create", args=[register.pk]),
        {"jenis": "up", "nomor": "UP-02", "tanggal": "2023-03-01", "nilai": "1.000"},
    )
    assert "Tahun 2023 sudah dikunci" in teks(response)
    assert 'name="nomor" value="UP-02"' in teks(response)
    assert not MutasiUp.objects.filter(nomor="UP-02").exists()


# --- import -----------------------------------------------------------------------------------


def test_import_preview_then_confirm_with_the_late_row_flagged(dipa, staf_keuangan, masuk):
    client = masuk(staf_keuangan)
    url = reverse("anggaran:mutasi_up_impor", args=[dipa.pk])
    isi = (
        b"jenis,nomor,tanggal,nilai,nomor_tup\n"
        b"PTUP,PTUP-01,16/05/2023,20.000.000,TUP-01\n"
        b"TUP,TUP-01,10/04/2023,20.000.000,\n"
    )
    response = client.post(url, {"berkas": SimpleUploadedFile("up.csv", isi)})
    html = teks(response)
    assert "2 baris siap diimpor, total Rp 40.000.000." in html
    assert (
        "Baris 2, kolom tanggal: Tanggal melewati batas pertanggungjawaban TUP 10/05/2023 "
        "(TUP TUP-01): dicatat sebagai terlambat." in html
    )
    assert not MutasiUp.objects.exists()
    token = re.search(r'name="token" value="([0-9a-f]+)"', html).group(1)
    response = client.post(url, {"token": token}, follow=True)
    html = teks(response)
    assert "2 baris UP/TUP diimpor; 0 baris sudah ada dilewati." in html
    assert "Baris 2, kolom tanggal: Tanggal melewati batas" in html  # the warning again
    assert MutasiUp.objects.count() == 2


def test_import_errors_listed_and_nothing_written(dipa, staf_keuangan, masuk):
    client = masuk(staf_keuangan)
    isi = b"jenis;nomor;tanggal;nilai\nGUP;G-1;2023-02-01;10\nUP;U-1;2023-13-01;5\n"
    response = client.post(
        reverse("anggaran:mutasi_up_impor", args=[dipa.pk]),
        {"berkas": SimpleUploadedFile("up.csv", isi)},
    )
    html = teks(response)
    assert "1 kesalahan — tidak ada yang akan diimpor." in html
    assert "Baris 3, kolom tanggal: &#x27;2023-13-01&#x27; bukan tanggal yang sah" in html
    assert 'name="token"' not in html
    assert not MutasiUp.objects.exists()


def test_a_preview_token_confirms_only_its_own_import(dipa, staf_keuangan, masuk):
    client = masuk(staf_keuangan)
    isi = b"nomor,tanggal,jumlah_spm,alasan\nS-1,2023-03-01,1,terlambat\n"
    response = client.post(
        reverse("anggaran:dispensasi_impor", args=[dipa.pk]),
        {"berkas": SimpleUploadedFile("d.csv", isi)},
    )
    token = re.search(r'name="token" value="([0-9a-f]+)"', teks(response)).group(1)
    response = client.post(
        reverse("anggaran:mutasi_up_impor", args=[dipa.pk]), {"token": token}, follow=True
    )
    assert "Pratinjau sudah kedaluwarsa" in teks(response)
    assert not DispensasiSpm.objects.exists() and not MutasiUp.objects.exists()


# --- SPM dispensations ------------------------------------------------------------------------


def test_dispensasi_pages(dipa, staf_keuangan, masuk):
    client = masuk(staf_keuangan)
    url = reverse("anggaran:dispensasi_create", args=[dipa.pk])
    data = {"nomor": "S-12", "tanggal": "2023-03-06", "jumlah_spm": "0", "alasan": "Honor KPPS"}
    html = teks(client.post(url, data))
    assert "Jumlah SPM paling sedikit 1." in html
    assert 'id="id_alasan"> Honor KPPS</textarea>' in html
    response = client.post(url, data | {"jumlah_spm": "2"}, follow=True)
    assert "Dispensasi SPM S-12 dicatat." in teks(response)
    html = teks(client.get(reverse("anggaran:dispensasi_list", args=[dipa.pk])))
    assert [bersih(b) for b in baris_tabel(html, "dispensasi")] == [
        "6 Maret 2023 S-12 Belum diverifikasi 2 Honor KPPS Ubah Hapus"
    ]
    d = DispensasiSpm.objects.get()
    html = teks(
        client.post(
            reverse("anggaran:dispensasi_create", args=[dipa.pk]), data | {"jumlah_spm": "1"}
        )
    )
    assert "Dispensasi nomor S-12 sudah tercatat di dokumen ini." in html
    response = client.post(
        reverse("anggaran:dispensasi_update", args=[d.pk]), data | {"jumlah_spm": "3"}
    )
    assert response.status_code == 302
    d.refresh_from_db()
    assert d.jumlah_spm == 3
    client.post(reverse("anggaran:dispensasi_delete", args=[d.pk]))
    assert not DispensasiSpm.objects.exists()


# --- the revision's IKPA flag -------------------------------------------------------------------


def test_revision_form_flag_list_and_its_own_form(dipa, sekretaris, staf_keuangan, masuk):
    detail = pohon_kecil(dipa, sekretaris)["akun"][0].anak.get()
    client = masuk(staf_keuangan)
    url = reverse("anggaran:revisi_create", args=[dipa.pk])
    html = teks(client.get(url))
    assert 'id="id_dihitung_ikpa" checked>' in html
    assert "Revisi dalam hal pagu anggaran tetap yang disahkan Kanwil DJPb/DJA." in html
    data = {
        "tanggal": "2023-06-01",
        "alasan": "Revisi POK",
        "perubahan": f"{detail.kode_lengkap}; 2; 1.000.000",
    }
    # a rejected form keeps the box as the user left it (unticked)
    html = teks(client.post(url, data | {"tanggal": "2022-01-01"}))
    assert "Tanggal revisi tidak boleh sebelum revisi sebelumnya" in html
    assert 'id="id_dihitung_ikpa" checked' not in html
    assert client.post(url, data).status_code == 302  # unticked: not counted
    revisi = Revisi.objects.get(dokumen=dipa, nomor=1)
    assert revisi.dihitung_ikpa is False
    html = teks(client.get(reverse("anggaran:dokumen_detail", args=[dipa.pk])))
    assert "Revisi ke-1</a> · 1 Juni 2023 · Revisi POK" in html
    assert "tidak dihitung IKPA</span>" in html
    assert html.count("dihitung IKPA</span>") == 1  # the pagu awal has no flag
    detail_html = teks(client.get(reverse("anggaran:revisi_detail", args=[revisi.pk])))
    ubah = reverse("anggaran:revisi_ikpa_update", args=[revisi.pk])
    assert f'href="{ubah}"' in detail_html
    response = client.post(ubah, {"dihitung_ikpa": "on"}, follow=True)
    assert "Revisi ke-1 dihitung dalam IKPA revisi DIPA." in teks(response)
    revisi.refresh_from_db()
    assert revisi.dihitung_ikpa is True
    # locked with the year: the form says so, nothing changes
    KunciTahun.objects.create(tahun=2023)
    html = teks(client.post(ubah, {}))
    assert "Tahun 2023 sudah dikunci" in html
    revisi.refresh_from_db()
    assert revisi.dihitung_ikpa is True
    pagu_awal = Revisi.objects.get(dokumen=dipa, nomor=0)
    KunciTahun.objects.all().delete()
    html = teks(client.post(reverse("anggaran:revisi_ikpa_update", args=[pagu_awal.pk]), {}))
    assert "Pagu awal bukan revisi" in html


def test_revision_flag_page_refused_to_other_units(dipa, sekretaris, staf, komisioner, masuk):
    services.revisi_create(
        pengguna=sekretaris,
        dokumen=dipa,
        tanggal=date(2023, 6, 1),
        alasan="RPD",
        perubahan=[],
        rpd={1: Decimal("1")},
    )
    revisi = Revisi.objects.get(dokumen=dipa, nomor=1)
    url = reverse("anggaran:revisi_ikpa_update", args=[revisi.pk])
    for user in (staf, komisioner):
        assert masuk(user).post(url, {}).status_code == 403
    revisi.refresh_from_db()
    assert revisi.dihitung_ikpa is True
    html = teks(masuk(komisioner).get(reverse("anggaran:revisi_detail", args=[revisi.pk])))
    assert "dihitung IKPA</span>" in html and f'href="{url}"' not in html


def test_dipa_tabs_link_the_new_pages(dipa, auditor, masuk):
    html = teks(masuk(auditor).get(reverse("anggaran:dokumen_detail", args=[dipa.pk])))
    assert f'href="{reverse("anggaran:mutasi_up_list", args=[dipa.pk])}">UP/TUP</a>' in html
    assert (
        f'href="{reverse("anggaran:dispensasi_list", args=[dipa.pk])}">Dispensasi SPM</a>' in html
    )
