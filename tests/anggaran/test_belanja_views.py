"""The contract and invoice pages: the figures a user reads (sums, working days, on-time
counts), the refusals on their fields with what was typed kept, who may open what, the year
lock, the import's two steps, the Excel download and the query count."""

import io
import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from anggaran.models import Kontrak, Tagihan
from kinerja.models import KunciTahun
from kpu_site.excel import XLSX_MIME

from .belanja_dasar import kontrak_catat, tagihan_catat
from .factories import JUTA

pytestmark = pytest.mark.django_db


def teks(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def bersih(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", s)).strip()


def baris_tagihan(html: str, nomor: str) -> str:
    pk = Tagihan.objects.get(nomor=nomor).pk
    return bersih(html.split(f'id="tagihan-{pk}"', 1)[1].split("</tr>", 1)[0].split(">", 1)[1])


def test_list_page_shows_sums_working_days_and_on_time(belanja, komisioner, masuk):
    response = masuk(komisioner).get(reverse("anggaran:kontrak_list", args=[belanja.pk]))
    assert response.status_code == 200
    html = teks(response)
    assert 'id="total-kontrak">Rp 284.500.000<' in html
    assert 'id="total-ditagih">Rp 220.500.000<' in html
    assert 'id="total-dibayar">Rp 196.500.000<' in html
    assert 'id="tepat-waktu">2 dari 4<' in html
    assert 'id="terlambat">2 terlambat<' in html
    assert "batas 17 hari kerja" in html
    assert baris_tagihan(html, "BAST-01") == (
        "BAST-01 Belum diverifikasi 10 Maret 2023 20 Maret 2023 23 Maret 2023 Rp 148.500.000 6 Tepat waktu "
        "batas SPM 4 April 2023"
    )
    assert baris_tagihan(html, "SEWA-TW1") == (
        "SEWA-TW1 Belum diverifikasi 31 Maret 2023 11 April 2023 13 April 2023 Rp 24.000.000 7 Tepat waktu "
        "batas SPM 25 April 2023"
    )
    assert baris_tagihan(html, "SEWA-TW2").endswith(
        "Rp 24.000.000 19 Terlambat batas SPM 25 Juli 2023"
    )
    assert baris_tagihan(html, "SEWA-TW3").endswith(
        "Rp 24.000.000 – Terlambat batas SPM 24 Oktober 2023"
    )
    # contract K-12: Rp 96.000.000, invoiced Rp 72.000.000, Rp 24.000.000 left
    kontrak = html.split(f'id="kontrak-{Kontrak.objects.get(nomor="K-12").pk}"', 1)[1]
    assert 'ditagih Rp 72.000.000 · sisa <span class="sisa-kontrak">Rp 24.000.000<' in kontrak
    assert "Akun 521211 (pagu Rp 200.000.000)" in kontrak
    # the order: signing date (the kontrak dini of 2022 first)
    assert html.index("K-12") < html.index("K-01") < html.index("K-03")
    assert "+ Kontrak" not in html and "Hapus" not in html  # read-only role
    assert "Kontrak &amp; tagihan</a>" in html  # the document's tab


def test_list_page_constant_queries(dipa_belanja, sekretaris, masuk, django_assert_max_num_queries):
    client = masuk(sekretaris)
    k = kontrak_catat(dipa_belanja, "521211", "K-0", date(2023, 1, 2), 1)
    tagihan_catat(k, "T-0", date(2023, 2, 1), 1, date(2023, 2, 3))
    url = reverse("anggaran:kontrak_list", args=[dipa_belanja.pk])
    client.get(url)
    with django_assert_max_num_queries(14) as sedikit:
        assert client.get(url).status_code == 200
    for i in range(1, 21):
        k = kontrak_catat(dipa_belanja, "532111", f"K-{i}", date(2023, 1, 2 + i), 10)
        for j in range(3):
            tagihan_catat(k, f"T-{j}", date(2023, 3, 1 + j), 1, date(2023, 3, 10 + j))
    with django_assert_max_num_queries(len(sedikit.captured_queries)):
        response = client.get(url)
    assert response.content.count(b'id="tagihan-') == 61


def test_excel_download(belanja, auditor, masuk):
    response = masuk(auditor).get(
        reverse("anggaran:kontrak_list", args=[belanja.pk]), {"unduh": "xlsx"}
    )
    assert response["Content-Type"] == XLSX_MIME
    ws = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    baris = [[c.value for c in r] for r in ws.iter_rows()]
    judul = next(i for i, r in enumerate(baris) if r[0] == "Nomor kontrak")
    data = baris[judul + 1 :]
    assert [r[0] for r in data] == ["K-12", "K-12", "K-12", "K-01", "K-03"]
    assert data[1][7] == "SEWA-TW2" and data[1][11] == 24000000 and data[1][12] == 19
    assert data[1][14] == "Terlambat"
    assert data[1][6] == data[1][15] == "belum diverifikasi"
    assert data[4][7] in ("", None) and data[4][5] == 40000000  # a contract without invoices


# --- entry ------------------------------------------------------------------------------------


def test_create_kontrak_above_pagu_keeps_what_was_typed(dipa_belanja, staf_keuangan, masuk):
    client = masuk(staf_keuangan)
    url = reverse("anggaran:kontrak_create", args=[dipa_belanja.pk])
    form = teks(client.get(url))
    assert "521211" in form and "511111" not in form  # only akun 52/53 offered
    data = {
        "nomor": "K-9",
        "akun": dipa_belanja.akun["521213"].pk,
        "tanggal": "2023-02-01",
        "tanggal_selesai": "2023-03-01",
        "penyedia": "CV Sembilan",
        "uraian": "Cetak",
        "nilai": "60.000.000",
    }
    html = teks(client.post(url, data))
    assert "Nilai kontrak Rp 60.000.000 melebihi pagu akun 521213 (Rp 50.000.000)." in html
    assert (
        'name="nilai" value="60.000.000"' in html and 'name="penyedia" value="CV Sembilan"' in html
    )
    assert not Kontrak.objects.exists()
    response = client.post(url, data | {"nilai": "50.000.000"})
    assert response.status_code == 302
    assert Kontrak.objects.get(nomor="K-9").nilai == 50 * JUTA


def test_tagihan_paid_before_contract_refused_on_the_form(belanja, kasubag_keuangan, masuk):
    client = masuk(kasubag_keuangan)
    kontrak = Kontrak.objects.get(nomor="K-03")
    url = reverse("anggaran:tagihan_create", args=[kontrak.pk])
    data = {
        "nomor": "BAST-03",
        "tanggal_bast": "2023-02-28",
        "tanggal_spm": "2023-03-06",
        "tanggal_sp2d": "2023-01-30",
        "nilai": "40.000.000",
    }
    html = teks(client.post(url, data))
    assert (
        "Tagihan dibayar sebelum kontrak: tanggal SP2D sebelum tanggal tanda tangan kontrak "
        "(03/02/2023)." in html
    )
    assert 'value="2023-01-30"' in html and 'name="nomor" value="BAST-03"' in html
    response = client.post(url, data | {"tanggal_sp2d": "2023-03-08"}, follow=True)
    assert "Tagihan BAST-03 (kontrak K-03) dicatat." in teks(response)


def test_update_shows_stored_values_and_saves(belanja, sekretaris, masuk):
    client = masuk(sekretaris)
    tw3 = Tagihan.objects.get(nomor="SEWA-TW3")
    url = reverse("anggaran:tagihan_update", args=[tw3.pk])
    html = teks(client.get(url))
    assert 'name="nilai" value="24.000.000"' in html and 'value="2023-09-29"' in html
    data = {
        "nomor": "SEWA-TW3",
        "tanggal_bast": "2023-09-29",
        "tanggal_spm": "2023-10-05",
        "nilai": "24.000.000",
    }
    assert client.post(url, data).status_code == 302
    tw3.refresh_from_db()
    assert tw3.tanggal_spm == date(2023, 10, 5)
    k12 = Kontrak.objects.get(nomor="K-12")
    url = reverse("anggaran:kontrak_update", args=[k12.pk])
    html = teks(client.get(url))
    assert 'name="nilai" value="96.000.000"' in html
    data = {
        "nomor": "K-12",
        "akun": k12.akun_id,
        "tanggal": "2022-12-20",
        "tanggal_selesai": "2023-12-31",
        "penyedia": "PT Gudang",
        "uraian": "Sewa",
        "nilai": "70.000.000",
    }
    html = teks(client.post(url, data))
    assert "Nilai kontrak Rp 70.000.000 lebih kecil dari jumlah tagihannya Rp 72.000.000." in html


def test_delete_refused_then_done(belanja, kasubag_keuangan, masuk):
    client = masuk(kasubag_keuangan)
    k12 = Kontrak.objects.get(nomor="K-12")
    response = client.post(reverse("anggaran:kontrak_delete", args=[k12.pk]), follow=True)
    assert "Kontrak K-12 tidak dapat dihapus: sudah ada tagihan" in teks(response)
    tw1 = Tagihan.objects.get(nomor="SEWA-TW1")
    response = client.post(reverse("anggaran:tagihan_delete", args=[tw1.pk]), follow=True)
    assert "Tagihan SEWA-TW1 (kontrak K-12) dihapus." in teks(response)
    k3 = Kontrak.objects.get(nomor="K-03")
    response = client.post(reverse("anggaran:kontrak_delete", args=[k3.pk]), follow=True)
    assert "Kontrak K-03 dihapus." in teks(response)
    assert client.get(reverse("anggaran:kontrak_delete", args=[k12.pk])).status_code == 405


def test_write_pages_only_for_sekretaris_and_keuangan(
    belanja, client, masuk, staf, kasubag, komisioner, auditor, staf_keuangan
):
    kontrak = Kontrak.objects.get(nomor="K-12")
    tagihan = Tagihan.objects.get(nomor="SEWA-TW1")
    halaman = [
        reverse("anggaran:kontrak_create", args=[belanja.pk]),
        reverse("anggaran:kontrak_update", args=[kontrak.pk]),
        reverse("anggaran:kontrak_impor", args=[belanja.pk]),
        reverse("anggaran:tagihan_create", args=[kontrak.pk]),
        reverse("anggaran:tagihan_update", args=[tagihan.pk]),
        reverse("anggaran:tagihan_impor", args=[belanja.pk]),
    ]
    baca = reverse("anggaran:kontrak_list", args=[belanja.pk])
    for url in [*halaman, baca]:
        assert client.get(url).status_code == 302  # anonymous -> login
    for user in (staf, kasubag, komisioner, auditor):
        for url in halaman:
            assert masuk(user).get(url).status_code == 403, url
        assert masuk(user).get(baca).status_code == 200
    for url in [*halaman, baca]:
        assert masuk(staf_keuangan).get(url).status_code == 200, url
    response = masuk(staf).post(reverse("anggaran:tagihan_delete", args=[tagihan.pk]))
    assert response.status_code == 403
    assert Tagihan.objects.filter(pk=tagihan.pk).exists()


def test_locked_year_hides_the_buttons_and_refuses_on_the_form(belanja, sekretaris, masuk):
    KunciTahun.objects.create(tahun=2023)
    client = masuk(sekretaris)
    html = teks(client.get(reverse("anggaran:kontrak_list", args=[belanja.pk])))
    assert "+ Kontrak" not in html and "+ Tagihan" not in html and "Tahun 2023 dikunci" in html
    kontrak = Kontrak.objects.get(nomor="K-03")
    response = client.post(
        reverse("anggaran:tagihan_create", args=[kontrak.pk]),
        {"nomor": "T-9", "tanggal_bast": "2023-03-01", "nilai": "1.000"},
    )
    assert "Tahun 2023 sudah dikunci" in teks(response)
    assert 'name="nomor" value="T-9"' in teks(response)


# --- import ------------------------------------------------------------------------------------


def test_import_two_steps(dipa_belanja, staf_keuangan, masuk):
    client = masuk(staf_keuangan)
    kode = dipa_belanja.akun["532111"].kode_lengkap
    isi = (
        "nomor,kode_akun,tanggal,tanggal_selesai,penyedia,uraian,nilai\n"
        f"K-1,{kode},2023-01-16,2023-03-15,CV Satu,Laptop,148.500.000\n"
    ).encode()
    url = reverse("anggaran:kontrak_impor", args=[dipa_belanja.pk])
    html = teks(client.post(url, {"berkas": SimpleUploadedFile("k.csv", isi)}))
    assert "1 baris siap diimpor, total Rp 148.500.000" in html
    token = re.search(r'name="token" value="(\w+)"', html).group(1)
    assert not Kontrak.objects.exists()
    response = client.post(url, {"token": token}, follow=True)
    assert "1 kontrak diimpor; 0 baris sudah ada dilewati." in teks(response)
    isi = b"nomor_kontrak,nomor,tanggal_bast,tanggal_spm,nilai\nK-1,B-1,2023-03-10,2023-03-01,1\n"
    url = reverse("anggaran:tagihan_impor", args=[dipa_belanja.pk])
    html = teks(client.post(url, {"berkas": SimpleUploadedFile("t.csv", isi)}))
    assert (
        "Baris 2, kolom tanggal_spm: Tanggal SPM tidak boleh sebelum tanggal BAST (10/03/2023)."
        in html
    )
    assert 'name="token"' not in html
