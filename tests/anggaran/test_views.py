import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from anggaran import services
from anggaran.models import Pos, Realisasi, Revisi
from kpu_site.excel import XLSX_MIME

from .factories import DokumenAnggaranFactory, pohon_kecil

pytestmark = pytest.mark.django_db
AKUN1 = "076.01.CQ.6709.QGE.001.051.A.521211"


@pytest.fixture
def dipa(sekretaris):
    dokumen = DokumenAnggaranFactory()
    pohon = pohon_kecil(dokumen, sekretaris, pagu_akun=(Decimal("100000000"), Decimal("500000")))
    dokumen.pohon = pohon
    return dokumen


def _tambah_baris(dokumen, pengguna, n_akun: int, n_transaksi: int, awalan: str = "5299"):
    """``n_akun`` more akun lines (codes ``<awalan>00``…) under the sub-komponen, each with one
    detail line of Rp 2.000.000 and ``n_transaksi`` realisasi of Rp 1.000."""
    sub = Pos.objects.get(dokumen=dokumen, tingkat=Pos.Tingkat.SUBKOMPONEN)
    for i in range(n_akun):
        akun = services.pos_create(
            pengguna=pengguna,
            dokumen=dokumen,
            induk=sub,
            tingkat=Pos.Tingkat.AKUN,
            kode=f"{awalan}{i:02d}",
            uraian="Akun tambahan",
        )
        services.pos_create(
            pengguna=pengguna,
            dokumen=dokumen,
            induk=akun,
            tingkat=Pos.Tingkat.DETAIL,
            kode="1",
            uraian="d",
            satuan="PKT",
            volume=Decimal("2"),
            harga=Decimal("1000000"),
        )
        for t in range(n_transaksi):
            services.realisasi_create(
                pengguna=pengguna,
                akun=akun,
                tanggal=date(2023, 1 + t % 12, 5),
                nomor_sp2d=f"{awalan}{i}-{t}",
                nilai=Decimal("1000"),
            )


def test_tree_page_query_count_does_not_grow_with_lines_or_transactions(
    dipa, sekretaris, masuk, django_assert_max_num_queries
):
    client = masuk(sekretaris)
    url = reverse("anggaran:dokumen_detail", args=[dipa.pk])
    client.get(url)  # warm the session/permission caches
    with django_assert_max_num_queries(12) as small:
        assert client.get(url).status_code == 200
    _tambah_baris(dipa, sekretaris, n_akun=25, n_transaksi=4)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.count(b'class="tree-row"') == 6 + 2 * 2 + 25 * 2


def test_tree_page_shows_totals_and_depth(dipa, komisioner, masuk):
    client = masuk(komisioner)
    url = reverse("anggaran:dokumen_detail", args=[dipa.pk])
    response = client.get(url)
    assert "Rp 100.500.000" in response.content.decode()
    assert "+ Realisasi" not in response.content.decode()
    response = client.get(url, {"kedalaman": 1})
    assert response.content.count(b'class="tree-row"') == 2


def test_excel_exports(dipa, auditor, masuk):
    client = masuk(auditor)
    for name, kwargs in [
        ("anggaran:dokumen_detail", {"pk": dipa.pk}),
        ("anggaran:realisasi_list", {"pk": dipa.pk}),
        ("anggaran:serapan", {"pk": dipa.pk}),
        ("anggaran:laporan", {"tahun": 2023}),
    ]:
        response = client.get(reverse(name, kwargs=kwargs), {"unduh": "xlsx"})
        assert response.status_code == 200, name
        assert response["Content-Type"] == XLSX_MIME


def test_serapan_page_has_server_side_svg(dipa, staf, masuk):
    response = masuk(staf).get(reverse("anggaran:serapan", args=[dipa.pk]))
    assert response.status_code == 200
    assert (
        b"<svg" in response.content and b"<script" not in response.content.split(b"<svg")[1][:5000]
    )


def test_write_pages_only_for_sekretaris_and_keuangan(
    dipa, client, masuk, staf, kasubag, staf_keuangan, kasubag_keuangan
):
    url = reverse("anggaran:realisasi_create", args=[dipa.pk])
    assert client.get(url).status_code == 302  # anonymous -> login
    for user in (staf, kasubag):
        assert masuk(user).get(url).status_code == 403
    for user in (staf_keuangan, kasubag_keuangan):
        assert masuk(user).get(url).status_code == 200


def test_realisasi_form_rerenders_with_typed_values_and_message(dipa, staf_keuangan, masuk):
    client = masuk(staf_keuangan)
    akun = dipa.pohon["akun"][1]
    response = client.post(
        reverse("anggaran:realisasi_create", args=[dipa.pk]),
        {"akun": akun.pk, "tanggal": "2023-04-01", "nomor_sp2d": "X1", "nilai": "600.000"},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "melebihi sisa pagu" in text and 'value="600.000"' in text
    assert "pelampauan_alasan" not in text
    response = client.post(
        reverse("anggaran:realisasi_create", args=[dipa.pk]),
        {"akun": akun.pk, "tanggal": "2023-04-01", "nomor_sp2d": "X1", "nilai": "1.500,50"},
    )
    assert response.status_code == 302
    assert Realisasi.objects.get().nilai == Decimal("1500.50")


def test_import_page_preview_then_confirm(dipa, staf_keuangan, masuk, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = masuk(staf_keuangan)
    url = reverse("anggaran:realisasi_impor", args=[dipa.pk])
    assert "Impor realisasi</a>" in client.get(url).content.decode()
    isi = f"tanggal;nomor_sp2d;kode_akun;uraian;nilai\n2023-02-01;9;{AKUN1};Honor;1.250.000\n"
    response = client.post(url, {"berkas": SimpleUploadedFile("r.csv", isi.encode())})
    assert response.status_code == 200
    assert "1 baris siap diimpor" in response.content.decode()
    assert not Realisasi.objects.exists()
    token = response.context["token"]
    response = client.post(url, {"token": token})
    assert response.status_code == 302
    assert Realisasi.objects.get().nilai == Decimal("1250000")
    # the same token cannot be used twice
    response = client.post(url, {"token": token})
    assert Realisasi.objects.count() == 1


def test_import_page_lists_errors_and_offers_no_import(
    dipa, staf_keuangan, masuk, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    url = reverse("anggaran:realisasi_impor", args=[dipa.pk])
    isi = "tanggal;nomor_sp2d;kode_akun;uraian;nilai\n2023-02-01;9;999;Honor;satu\n"
    response = masuk(staf_keuangan).post(url, {"berkas": SimpleUploadedFile("r.csv", isi.encode())})
    text = response.content.decode()
    assert "Baris 2, kolom nilai" in text and "Baris 2, kolom kode_akun" in text
    assert response.context["token"] == ""


def test_kunci_only_sekretaris_and_then_writes_refused(dipa, sekretaris, staf_keuangan, masuk):
    url = reverse("anggaran:dokumen_kunci", args=[dipa.pk])
    assert masuk(staf_keuangan).post(url).status_code == 403
    assert masuk(sekretaris).post(url).status_code == 302
    response = masuk(staf_keuangan).post(
        reverse("anggaran:realisasi_create", args=[dipa.pk]),
        {
            "akun": dipa.pohon["akun"][0].pk,
            "tanggal": "2023-04-01",
            "nomor_sp2d": "K",
            "nilai": "5",
        },
    )
    assert "dikunci" in response.content.decode()


def test_document_lock_is_shown_on_its_page_and_opened_there(
    dipa, sekretaris, staf_keuangan, masuk
):
    detail = reverse("anggaran:dokumen_detail", args=[dipa.pk])
    buka = reverse("anggaran:dokumen_buka", args=[dipa.pk])
    tambah = f'href="{reverse("anggaran:realisasi_create", args=[dipa.pk])}"'
    masuk(sekretaris).post(reverse("anggaran:dokumen_kunci", args=[dipa.pk]))
    html = masuk(sekretaris).get(detail).content.decode()
    assert 'id="kunci-dokumen"' in html and f'action="{buka}"' in html and tambah not in html
    assert 'id="kunci-tahun"' not in html and ">Hanya baca</span>" not in html
    assert masuk(staf_keuangan).post(buka).status_code == 403
    assert masuk(sekretaris).post(buka).status_code == 302
    dipa.refresh_from_db()
    assert (dipa.terkunci, dipa.dikunci_pada) == (False, None)
    html = masuk(staf_keuangan).get(detail).content.decode()
    assert 'id="kunci-dokumen"' not in html and tambah in html
    response = masuk(staf_keuangan).post(
        reverse("anggaran:realisasi_create", args=[dipa.pk]),
        {
            "akun": dipa.pohon["akun"][0].pk,
            "tanggal": "2023-04-01",
            "nomor_sp2d": "B",
            "nilai": "5",
        },
    )
    assert response.status_code == 302
    assert Realisasi.objects.get().nilai == Decimal("5")


def test_pos_detail_and_missing_records_are_404(dipa, komisioner, masuk):
    client = masuk(komisioner)
    akun = dipa.pohon["akun"][0]
    assert client.get(reverse("anggaran:pos_detail", args=[akun.pk])).status_code == 200
    assert client.get(reverse("anggaran:pos_detail", args=[99999])).status_code == 404
    assert client.get(reverse("anggaran:dokumen_detail", args=[99999])).status_code == 404
    assert client.get(reverse("anggaran:laporan", args=[2019])).status_code == 200


def test_pos_update_links_sasaran(dipa, sekretaris, masuk):
    from tests.kinerja.factories import SasaranFactory

    sasaran = SasaranFactory()
    kegiatan = Pos.objects.get(dokumen=dipa, tingkat=Pos.Tingkat.KEGIATAN)
    client = masuk(sekretaris)
    url = reverse("anggaran:pos_update", args=[kegiatan.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"uraian": "Kegiatan baru", "sasaran": [sasaran.pk]})
    assert response.status_code == 302
    assert list(kegiatan.sasaran.all()) == [sasaran]
    page = client.get(reverse("anggaran:pos_detail", args=[kegiatan.pk])).content.decode()
    assert f"Sasaran {sasaran.nomor}" in page


def test_list_pages_query_count_does_not_grow(
    dipa, sekretaris, masuk, django_assert_max_num_queries
):
    client = masuk(sekretaris)
    urls = [
        reverse("anggaran:dokumen_list"),
        reverse("anggaran:realisasi_list", args=[dipa.pk]),
        reverse("anggaran:serapan", args=[dipa.pk]),
        reverse("anggaran:laporan", args=[2023]),
        f"/api/anggaran/realisasi/?dokumen={dipa.pk}",
        f"/api/anggaran/pos/?dokumen={dipa.pk}",
    ]
    _tambah_baris(dipa, sekretaris, n_akun=1, n_transaksi=1)
    counts = {}
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(30) as ctx:
            assert client.get(url).status_code == 200
        counts[url] = len(ctx.captured_queries)
    _tambah_baris(dipa, sekretaris, n_akun=20, n_transaksi=3, awalan="5388")
    for url in urls:
        with django_assert_max_num_queries(counts[url]):
            assert client.get(url).status_code == 200


def test_dokumen_list_reads_the_totals_once_and_sums_only_the_working_year(dipa, sekretaris, masuk):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    lain = DokumenAnggaranFactory(tahun=2024, nomor="SP DIPA-076.01.2.670710/2024")
    lain_pohon = pohon_kecil(lain, sekretaris, pagu_akun=(Decimal("7000000"), Decimal("1000")))
    services.realisasi_create(
        pengguna=sekretaris,
        akun=lain_pohon["akun"][0],
        tanggal=date(2024, 3, 1),
        nomor_sp2d="2024-1",
        nilai=Decimal("3000000"),
    )
    client = masuk(sekretaris)
    for params in ({"tahun": 2023}, {"tahun": 2023, "semua": "1"}):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(reverse("anggaran:dokumen_list"), params)
        assert response.status_code == 200
        realisasi_reads = [q for q in ctx.captured_queries if '"anggaran_realisasi"' in q["sql"]]
        assert len(realisasi_reads) == 1, params
        assert [s["pagu"] for s in response.context["sumber_dana"]] == [Decimal("100500000")]
        assert [s["realisasi"] for s in response.context["sumber_dana"]] == [Decimal("0")]
    assert len(response.context["ringkasan"]) == 2


def test_revisi_detail_names_the_rpd_months(dipa, sekretaris, komisioner, masuk):
    revisi = Revisi.objects.get(dokumen=dipa)
    services.rpd_set(
        pengguna=sekretaris,
        revisi=revisi,
        nilai={1: Decimal("60000000"), 12: Decimal("40500000")},
    )
    page = masuk(komisioner).get(reverse("anggaran:revisi_detail", args=[revisi.pk]))
    text = page.content.decode()
    assert "<td>Januari</td>" in text and "<td>Desember</td>" in text
    assert "<td>1</td>" not in text


def test_revisi_and_rpd_forms_save_the_typed_months(dipa, sekretaris, masuk):
    client = masuk(sekretaris)
    detail = Pos.objects.get(induk=dipa.pohon["akun"][1])
    response = client.post(
        reverse("anggaran:revisi_create", args=[dipa.pk]),
        {
            "tanggal": "2023-06-01",
            "alasan": "Tambah volume",
            "perubahan": f"{detail.kode_lengkap}; 2; 500.000",
            "rpd_3": "1.000.000",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    revisi = Revisi.objects.get(dokumen=dipa, nomor=1)
    assert dict(revisi.rpd.values_list("bulan", "nilai")) == {3: Decimal("1000000")}
    response = client.post(reverse("anggaran:rpd_update", args=[dipa.pk]), {"rpd_12": "2.500,50"})
    assert response.status_code == 302
    assert dict(revisi.rpd.values_list("bulan", "nilai")) == {
        3: Decimal("1000000"),
        12: Decimal("2500.50"),
    }
    response = client.post(
        reverse("anggaran:revisi_create", args=[dipa.pk]),
        {"tanggal": "2023-07-01", "alasan": "Salah", "perubahan": "999; 1; 1"},
    )
    assert "Baris 1: kode detail 999 tidak ada" in response.content.decode()


def test_realisasi_list_says_when_the_filter_matches_nothing(dipa, komisioner, masuk):
    client = masuk(komisioner)
    url = reverse("anggaran:realisasi_list", args=[dipa.pk])
    assert "Belum ada transaksi." in client.get(url).content.decode()
    text = client.get(url, {"bulan": 4}).content.decode()
    assert "Tidak ada transaksi yang cocok dengan saringan." in text
    assert "Belum ada transaksi." not in text


def test_import_page_counts_the_errors_it_does_not_list(
    dipa, staf_keuangan, masuk, settings, tmp_path, monkeypatch
):
    from anggaran.views.realisasi import RealisasiImporView

    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(RealisasiImporView, "BATAS_KESALAHAN", 2)
    baris = "".join(f"2023-02-0{i};{i};999;Honor;1\n" for i in range(1, 4))
    isi = "tanggal;nomor_sp2d;kode_akun;uraian;nilai\n" + baris
    url = reverse("anggaran:realisasi_impor", args=[dipa.pk])
    response = masuk(staf_keuangan).post(url, {"berkas": SimpleUploadedFile("r.csv", isi.encode())})
    text = response.content.decode()
    assert "3 kesalahan — tidak ada yang akan diimpor." in text
    assert len(response.context["kesalahan"]) == 2
    assert "… dan 1 kesalahan lain." in text


def test_laporan_per_source_row_follows_the_revision_of_table_3_1(dipa, sekretaris, auditor, masuk):
    detail = Pos.objects.get(induk=dipa.pohon["akun"][1])
    services.revisi_create(
        pengguna=sekretaris,
        dokumen=dipa,
        tanggal=date(2023, 6, 1),
        alasan="Tambah volume",
        perubahan=[
            services.PerubahanPagu(pos=detail, volume=Decimal("2"), harga=Decimal("500000"))
        ],
    )
    client = masuk(auditor)
    url = reverse("anggaran:laporan", args=[2023])
    for params, pagu in (({"revisi": 0}, Decimal("100500000")), ({}, Decimal("101000000"))):
        context = client.get(url, params).context
        assert context["tabel"]["total_pagu"] == pagu
        assert [s["pagu"] for s in context["sumber_dana"]] == [pagu]


def test_pos_detail_breadcrumbs_run_from_the_program_to_the_parent(dipa, komisioner, masuk):
    akun = dipa.pohon["akun"][0]
    response = masuk(komisioner).get(reverse("anggaran:pos_detail", args=[akun.pk]))
    kode = [p.kode for p in response.context["leluhur"]]
    assert kode == ["076.01.CQ", "6709", "QGE", "001", "051", "A"]
    program = dipa.pohon["program"]
    response = masuk(komisioner).get(reverse("anggaran:pos_detail", args=[program.pk]))
    assert response.context["leluhur"] == []


def test_amounts_with_sen_are_shown_exactly_on_the_realisasi_page(dipa, staf_keuangan, masuk):
    services.realisasi_create(
        pengguna=staf_keuangan,
        akun=dipa.pohon["akun"][0],
        tanggal=date(2023, 5, 2),
        nomor_sp2d="230502",
        nilai=Decimal("200000.50"),
    )
    html = masuk(staf_keuangan).get(reverse("anggaran:realisasi_list", args=[dipa.pk]))
    html = html.content.decode()
    assert "Rp 200.000,50" in html and "Rp 200.001" not in html


def test_import_preview_shows_the_sen_and_a_total_equal_to_its_rows(
    dipa, staf_keuangan, masuk, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    url = reverse("anggaran:realisasi_impor", args=[dipa.pk])
    isi = (
        "tanggal;nomor_sp2d;kode_akun;uraian;nilai\n"
        f"2023-02-01;9;{AKUN1};Honor;200.000,50\n"
        f"2023-02-02;10;{AKUN1};Bahan;1.500.000\n"
    )
    response = masuk(staf_keuangan).post(url, {"berkas": SimpleUploadedFile("r.csv", isi.encode())})
    html = response.content.decode()
    assert "2 baris siap diimpor, total Rp 1.700.000,50" in html
    tabel = html.split("Pratinjau")[1].split("</table>")[0]
    nilai = re.findall(r'<td class="num">(Rp [^<]+)</td>', tabel)
    # rows shown exactly (a whole amount without ",00") and the total row is their sum
    assert nilai == ["Rp 200.000,50", "Rp 1.500.000", "Rp 1.700.000,50"]
    assert "Rp 1.700.001" not in html


def test_table_3_1_rows_with_sen_sum_exactly_to_the_total(dipa, sekretaris, staf_keuangan, masuk):
    """Two programs whose pagu and realisasi have sen: each row shows them and the Jumlah row is
    their exact sum (no row or total rounded to the Rupiah)."""
    induk = None
    for tingkat, kode in [
        (Pos.Tingkat.PROGRAM, "076.01.WA"),
        (Pos.Tingkat.KEGIATAN, "1234"),
        (Pos.Tingkat.KRO, "EBA"),
        (Pos.Tingkat.RO, "994"),
        (Pos.Tingkat.KOMPONEN, "002"),
        (Pos.Tingkat.SUBKOMPONEN, "A"),
        (Pos.Tingkat.AKUN, "521111"),
    ]:
        induk = services.pos_create(
            pengguna=sekretaris, dokumen=dipa, induk=induk, tingkat=tingkat, kode=kode, uraian=kode
        )
    services.pos_create(
        pengguna=sekretaris,
        dokumen=dipa,
        induk=induk,
        tingkat=Pos.Tingkat.DETAIL,
        kode="1",
        uraian="ATK",
        satuan="PKT",
        volume=Decimal("1"),
        harga=Decimal("2000000.25"),
    )
    for akun, sp2d, nilai in [
        (dipa.pohon["akun"][0], "1", "200000.50"),
        (induk, "2", "1500000.25"),
    ]:
        services.realisasi_create(
            pengguna=staf_keuangan,
            akun=akun,
            tanggal=date(2023, 6, 1),
            nomor_sp2d=sp2d,
            nilai=Decimal(nilai),
        )
    html = masuk(sekretaris).get(reverse("anggaran:laporan", args=[2023])).content.decode()
    tabel = html.split("<tbody>")[1].split("</table>")[0]
    baris = [
        re.findall(r'<td class="num">(Rp [^<]+)</td>', b)
        for b in re.split(r"<tr[ >]", tabel)
        if "table-secondary" in b or "Jumlah" in b
    ]
    # program rows (pagu, realisasi, sisa), then the Jumlah row
    assert baris == [
        ["Rp 100.500.000", "Rp 200.000,50", "Rp 100.299.999,50"],
        ["Rp 2.000.000,25", "Rp 1.500.000,25", "Rp 500.000"],
        ["Rp 102.500.000,25", "Rp 1.700.000,75", "Rp 100.799.999,50"],
    ]
