from __future__ import annotations

import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from sekretariat.models import Komisioner, Pegawai, RiwayatJabatan, Satker

from .factories import PegawaiFactory

pytestmark = pytest.mark.django_db

PEGAWAI_BARU = {
    "nama": "Nia Kurniasih, S.E.",
    "status": "pns",
    "nip": "199203142020122001",
    "jenis_ppnpn": "",
    "jenis_kelamin": "P",
    "tanggal_lahir": "1992-03-14",
    "tmt": "2020-12-01",
    "golongan": "Penata Muda (III/a)",
    "pendidikan": "s1",
    "aktif": "on",
}


def _pegawai_data(unit_demo, **kw):
    return {**PEGAWAI_BARU, "unit": unit_demo["keuangan"].pk, **kw}


def test_pages_send_anonymous_to_login(client, demo_organisasi):
    for name in (
        "sekretariat:organisasi",
        "sekretariat:pegawai_list",
        "sekretariat:pegawai_create",
    ):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert "/masuk/" in response["Location"]


def test_organisasi_page_shows_chart_and_demo_counts(masuk, komisioner, demo_organisasi):
    response = masuk(komisioner).get(reverse("sekretariat:organisasi") + "?tanggal=2023-12-31")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<svg") == 3  # structure + two education grafik
    assert "Andrie Minggon Munggaran, S.E." in html
    assert "Strata 1 (70%)" in html
    counts = response.context
    assert counts["hitung_status"] == {"pns": 10, "ppnpn": 12, "total": 22}
    assert dict(counts["hitung_jabatan"])["Kepala Sub Bagian"] == 4


def test_organisasi_page_structure_on_an_earlier_date(masuk, auditor, demo_organisasi):
    html = (
        masuk(auditor)
        .get(reverse("sekretariat:organisasi") + "?tanggal=2023-06-30")
        .content.decode()
    )
    assert "Rina Herlina, S.E." in html


def test_organisasi_page_with_an_impossible_date_shows_today(masuk, auditor, demo_organisasi):
    response = masuk(auditor).get(reverse("sekretariat:organisasi") + "?tanggal=2023-02-30")
    assert response.status_code == 200
    assert response.context["tanggal"] == timezone.localdate()


def test_pegawai_list_filters_and_search(masuk, staf, demo_organisasi):
    client = masuk(staf)
    url = reverse("sekretariat:pegawai_list")
    assert client.get(url).context["paginator"].count == 22
    assert client.get(url + "?status=ppnpn").context["paginator"].count == 12
    assert client.get(url + "?aktif=0").context["paginator"].count == 3
    assert client.get(url + "?aktif=semua").context["paginator"].count == 25
    unit = demo_organisasi["keuangan"].pk
    assert client.get(url + f"?unit={unit}&status=pns").context["paginator"].count == 2
    page = client.get(url + "?q=198702172011012005")
    assert [p.nama for p in page.context["pegawai_list"]] == ["Ratih Permata WM, S.H."]


def test_pegawai_list_queries_do_not_grow_with_rows(masuk, staf, demo_organisasi):
    client = masuk(staf)
    url = reverse("sekretariat:pegawai_list")
    client.get(url)  # warm up session/permission caches
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    PegawaiFactory.create_batch(25, unit=demo_organisasi["teknis"])
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.context["paginator"].count == 47
    assert len(many) == len(few)


def test_pegawai_list_query_budget(masuk, staf, demo_organisasi, django_assert_max_num_queries):
    client = masuk(staf)
    with django_assert_max_num_queries(20):
        client.get(reverse("sekretariat:pegawai_list"))


def test_pegawai_export_is_an_xlsx_of_the_filtered_list(masuk, auditor, demo_organisasi):
    response = masuk(auditor).get(reverse("sekretariat:pegawai_export") + "?status=pns")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(response.getvalue())).active
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert len(rows) == 10
    assert rows[0][1] == "Hendro Sulistyo, S.Sos., M.Si."
    assert rows[0][2] == "197205141998031001"  # NIP kept as text, not a number
    assert rows[0][5] == "Sekretaris"


def test_pegawai_create_by_sekretaris(masuk, sekretaris, demo_organisasi):
    response = masuk(sekretaris).post(
        reverse("sekretariat:pegawai_create"), _pegawai_data(demo_organisasi)
    )
    assert response.status_code == 302
    p = Pegawai.objects.get(nip="199203142020122001")
    assert response["Location"] == reverse("sekretariat:pegawai_detail", kwargs={"pk": p.pk})


def test_pegawai_create_bad_nip_rerenders_with_message(masuk, sekretaris, demo_organisasi):
    data = _pegawai_data(demo_organisasi, tanggal_lahir="1992-03-15", jenis_kelamin="L")
    response = masuk(sekretaris).post(reverse("sekretariat:pegawai_create"), data)
    assert response.status_code == 200
    html = response.content.decode()
    errors = response.context["form"].errors["nip"]
    assert any("Tanggal lahir di NIP (14 Maret 1992)" in e for e in errors)
    assert any("berarti perempuan" in e for e in errors)
    assert 'value="Nia Kurniasih, S.E."' in html  # what the user typed is kept
    assert not Pegawai.objects.filter(nama="Nia Kurniasih, S.E.").exists()


def test_pegawai_forms_forbidden_to_other_sub_bagian(masuk, kasubag, staf_lain, demo_organisasi):
    pk = Pegawai.objects.order_by("pk").first().pk
    for user in (kasubag, staf_lain):
        client = masuk(user)
        assert client.get(reverse("sekretariat:pegawai_create")).status_code == 403
        assert (
            client.post(
                reverse("sekretariat:pegawai_create"), _pegawai_data(demo_organisasi)
            ).status_code
            == 403
        )
        assert client.get(reverse("sekretariat:pegawai_update", args=[pk])).status_code == 403
        assert client.get(reverse("sekretariat:riwayat_create")).status_code == 403
    assert not Pegawai.objects.filter(nama="Nia Kurniasih, S.E.").exists()


def test_pegawai_forms_open_to_hukum_sdm(masuk, staf_sdm, demo_organisasi):
    client = masuk(staf_sdm)
    assert client.get(reverse("sekretariat:pegawai_create")).status_code == 200
    response = client.post(reverse("sekretariat:pegawai_create"), _pegawai_data(demo_organisasi))
    assert response.status_code == 302
    # but not the organisation master data
    assert client.get(reverse("sekretariat:komisioner_create")).status_code == 403
    assert client.get(reverse("sekretariat:jabatan_create")).status_code == 403
    assert client.get(reverse("sekretariat:satker_update")).status_code == 403


def _riwayat_data(pegawai, jabatan, **kw):
    data = {
        "pegawai": pegawai.pk,
        "jabatan": jabatan.pk,
        "nomor_sk": "2001 Tahun 2024",
        "tanggal_sk": "2024-03-01",
        "penerbit_sk": "Sekretaris Jenderal KPU RI",
        "tanggal_mulai": "2024-03-04",
        "tanggal_selesai": "",
    }
    data.update(kw)
    return data


def test_riwayat_create_second_holder_message_on_field(masuk, kasubag_sdm, demo_organisasi):
    agus = Pegawai.objects.get(nama__startswith="Agus Setiawan")
    jabatan = RiwayatJabatan.objects.get(
        pegawai__nama__startswith="Tomi Irawan", tanggal_selesai__isnull=True
    ).jabatan
    client = masuk(kasubag_sdm)
    response = client.post(reverse("sekretariat:riwayat_create"), _riwayat_data(agus, jabatan))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert any("masih dijabat oleh Tomi Irawan" in e for e in errors["jabatan"])
    assert any(
        "Agus Setiawan, S.H. pada periode itu menjabat" in e for e in errors["tanggal_mulai"]
    )
    assert RiwayatJabatan.objects.filter(pegawai=agus).count() == 1

    response = client.post(
        reverse("sekretariat:riwayat_create"),
        _riwayat_data(agus, jabatan, tutup_sebelumnya="on"),
    )
    assert response.status_code == 302
    tomi = RiwayatJabatan.objects.get(pegawai__nama__startswith="Tomi Irawan")
    assert tomi.tanggal_selesai == date(2024, 3, 4)


def test_riwayat_create_end_before_start(masuk, sekretaris, demo_organisasi):
    agus = Pegawai.objects.get(nama__startswith="Agus Setiawan")
    jabatan = RiwayatJabatan.objects.get(pegawai=agus).jabatan
    response = masuk(sekretaris).post(
        reverse("sekretariat:riwayat_create"),
        _riwayat_data(agus, jabatan, tanggal_selesai="2024-01-01"),
    )
    assert response.status_code == 200
    assert "harus setelah tanggal mulai" in response.context["form"].errors["tanggal_selesai"][0]


def test_komisioner_create_second_ketua_message(masuk, sekretaris, demo_organisasi):
    response = masuk(sekretaris).post(
        reverse("sekretariat:komisioner_create"),
        {
            "nama": "Ketua Baru",
            "jenis_kelamin": "L",
            "ketua": "on",
            "tanggal_mulai": "2024-06-01",
            "nomor_sk": "5/2024",
            "tanggal_sk": "2024-05-30",
        },
    )
    assert response.status_code == 200
    assert "hanya boleh ada satu ketua aktif" in response.context["form"].errors["ketua"][0]
    assert not Komisioner.objects.filter(nama="Ketua Baru").exists()


def test_satker_update_by_sekretaris_only(masuk, sekretaris, kasubag, demo_organisasi):
    satker = Satker.objects.get()
    data = {
        "nama": satker.nama,
        "tingkat": "kota",
        "nama_wilayah": "Kota Serang",
        "kode_satker": "670714",
        "kode_wilayah": "36.73",
        "alamat": "Jl. Ayip Usman No. 61, Serang",
    }
    assert masuk(kasubag).post(reverse("sekretariat:satker_update"), data).status_code == 403
    response = masuk(sekretaris).post(reverse("sekretariat:satker_update"), data)
    assert response.status_code == 302
    satker.refresh_from_db()
    assert satker.alamat == "Jl. Ayip Usman No. 61, Serang"


def test_satker_update_rejects_bad_codes(masuk, sekretaris, demo_organisasi):
    response = masuk(sekretaris).post(
        reverse("sekretariat:satker_update"),
        {
            "nama": "Sekretariat",
            "tingkat": "kota",
            "nama_wilayah": "Kota Serang",
            "kode_satker": "6707",
            "kode_wilayah": "3673",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "6 digit" in errors["kode_satker"][0]
    assert "36.73" in errors["kode_wilayah"][0]


def test_detail_pages_render(masuk, komisioner, demo_organisasi):
    client = masuk(komisioner)
    p = Pegawai.objects.get(nip="197205141998031001")
    html = client.get(reverse("sekretariat:pegawai_detail", args=[p.pk])).content.decode()
    assert "245 Tahun 2020" in html
    for name, model in (
        ("sekretariat:jabatan_detail", RiwayatJabatan.objects.first().jabatan),
        ("sekretariat:komisioner_detail", Komisioner.objects.first()),
        ("sekretariat:unit_detail", demo_organisasi["hukum_sdm"]),
        ("sekretariat:riwayat_detail", RiwayatJabatan.objects.first()),
    ):
        assert client.get(reverse(name, args=[model.pk])).status_code == 200


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "#8b1a1a").save(buffer, format="PNG")
    return buffer.getvalue()


def test_satker_logo_upload_checks_content(masuk, sekretaris, demo_organisasi, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    data = {
        "nama": "Sekretariat KPU Kota Serang",
        "tingkat": "kota",
        "nama_wilayah": "Kota Serang",
        "kode_satker": "670714",
        "kode_wilayah": "36.73",
    }
    client = masuk(sekretaris)
    palsu = SimpleUploadedFile("logo.png", b"%PDF-1.4 bukan gambar", content_type="image/png")
    response = client.post(reverse("sekretariat:satker_update"), {**data, "logo": palsu})
    assert response.status_code == 200
    assert response.context["form"].errors["logo"]
    logo = SimpleUploadedFile("logo.png", _png(), content_type="image/png")
    response = client.post(reverse("sekretariat:satker_update"), {**data, "logo": logo})
    assert response.status_code == 302
    satker = Satker.objects.get()
    assert satker.logo.name.startswith("satker/") and satker.logo.name.endswith(".png")
    assert "logo" not in satker.logo.name  # stored under a generated name


def test_organisasi_page_query_budget(masuk, staf, demo_organisasi, django_assert_max_num_queries):
    client = masuk(staf)
    client.get(reverse("sekretariat:organisasi"))
    # the structure, the education counts and the commission are read once each and feed
    # both a chart and a table (27 queries when the grafik read them again)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("sekretariat:organisasi")).status_code == 200


def test_unit_update_keeps_kode(masuk, sekretaris, demo_organisasi):
    unit = demo_organisasi["hukum_sdm"]
    response = masuk(sekretaris).post(
        reverse("sekretariat:unit_update", args=[unit.pk]),
        {
            "kode": "sdm_baru",
            "nama": "Sub Bagian Hukum dan SDM",
            "jenis": "sub_bagian",
            "induk": demo_organisasi["sekretariat"].pk,
            "urutan": 4,
            "tugas": "Pengelolaan SDM\nProduk hukum",
        },
    )
    assert response.status_code == 302
    unit.refresh_from_db()
    assert unit.kode == "hukum_sdm"
    assert unit.tugas_list == ["Pengelolaan SDM", "Produk hukum"]


def test_pegawai_detail_query_count_constant(
    masuk, staf_sdm, demo_organisasi, django_assert_max_num_queries
):
    """The staff detail page reads a fixed number of queries however long the history."""
    from .factories import JabatanFactory, RiwayatJabatanFactory

    pegawai = PegawaiFactory(unit=demo_organisasi["teknis"])
    client = masuk(staf_sdm)
    url = reverse("sekretariat:pegawai_detail", args=[pegawai.pk])
    client.get(url)
    with django_assert_max_num_queries(12) as ctx:
        client.get(url)
    sedikit = len(ctx.captured_queries)
    for tahun in range(2010, 2022):
        RiwayatJabatanFactory(
            pegawai=pegawai,
            jabatan=JabatanFactory(),
            tanggal_mulai=date(tahun, 1, 2),
            tanggal_selesai=date(tahun + 1, 1, 2),
        )
    with django_assert_max_num_queries(sedikit):
        response = client.get(url)
    assert len(response.context["riwayat"]) == 12
