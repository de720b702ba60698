"""The IKPA page, its Excel download, the API, the year's parameters and the dashboard card,
on the demo DIPA 2023."""

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from anggaran import demo, services
from anggaran.models import DokumenAnggaran, ParameterIkpa, Pos, Realisasi
from anggaran.selectors import ikpa
from kpu_site.excel import XLSX_MIME
from kpu_site.models import JejakAudit

pytestmark = pytest.mark.django_db
URL = reverse("anggaran:ikpa", args=[2023])
URL_PARAMETER = reverse("anggaran:ikpa_parameter", args=[2023])


@pytest.fixture
def demo_anggaran(unit_demo):
    demo.muat(stdout=io.StringIO())
    return DokumenAnggaran.objects.get(nomor=demo.NOMOR_DIPA)


def _teks(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_page_shows_the_month_indicators_weights_total_and_advice(demo_anggaran, masuk, komisioner):
    hasil = ikpa.ikpa_tahun(tahun=2023)
    desember = hasil.terkini
    html = masuk(komisioner).get(URL).content.decode()
    teks = _teks(html)
    assert "IKPA 2023" in teks
    assert f'id="ikpa-total">{desember.total:.2f}'.replace(".", ",") in html
    for i in desember.indikator:
        assert i.nama in teks
    assert "Indikator terendah" in teks and desember.terlemah.saran in html
    assert "Pengurang dispensasi SPM" in teks and "−0,50" in teks  # 2 SPM × 0,25
    assert html.count("<tr") >= 12 + 7  # the trend (12 months) and the indicators
    maret = hasil.pada(3)
    html_maret = masuk(komisioner).get(URL, {"bulan": 3}).content.decode()
    assert f'id="ikpa-total">{maret.total:.2f}'.replace(".", ",") in html_maret
    assert "Nilai per indikator, Maret 2023" in _teks(html_maret)


def test_page_access_every_role_reads_anonymous_goes_to_login(
    demo_anggaran, client, personas, masuk
):
    assert client.get(URL).status_code == 302
    for user in personas.values():
        assert masuk(user).get(URL).status_code == 200


def test_parameter_page_only_for_finance_and_sekretaris(
    demo_anggaran,
    client,
    masuk,
    staf_keuangan,
    kasubag_keuangan,
    sekretaris,
    staf,
    kasubag,
    komisioner,
    auditor,
):
    assert client.get(URL_PARAMETER).status_code == 302
    for user in (staf_keuangan, kasubag_keuangan, sekretaris):
        assert masuk(user).get(URL_PARAMETER).status_code == 200
    for user in (staf, kasubag, komisioner, auditor):
        assert masuk(user).get(URL_PARAMETER).status_code == 403


def _data_parameter(**ganti) -> dict:
    data = {
        "dasar_hukum": "PER-5/PB/2022",
        "bobot_revisi": "10",
        "bobot_deviasi": "15",
        "bobot_penyerapan": "20",
        "bobot_kontraktual": "10",
        "bobot_tagihan": "10",
        "bobot_up_tup": "10",
        "bobot_output": "25",
    }
    for jenis, target in {"52": (15, 50, 70, 90), "53": (10, 40, 70, 90)}.items():
        for q, t in enumerate(target, start=1):
            data[f"target_{jenis}_{q}"] = str(t)
    data.update(ganti)
    return data


def test_parameter_form_refuses_weights_not_summing_100_and_keeps_the_input(
    demo_anggaran, masuk, staf_keuangan
):
    client = masuk(staf_keuangan)
    response = client.post(URL_PARAMETER, _data_parameter(bobot_output="30"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Jumlah bobot tujuh indikator harus 100%, sekarang 105%." in html
    assert 'value="30"' in html  # what the user typed stays
    response = client.post(URL_PARAMETER, _data_parameter(target_52_2="10"))
    assert "tidak boleh turun dari triwulan ke triwulan berikutnya" in response.content.decode()
    assert ParameterIkpa.objects.get(tahun=2023).bobot_output == Decimal("25")


def test_parameter_form_switches_the_deviation_to_weighted_and_the_page_follows(
    demo_anggaran, masuk, staf_keuangan
):
    sebelum = ikpa.ikpa_tahun(tahun=2023).terkini
    client = masuk(staf_keuangan)
    response = client.post(URL_PARAMETER, _data_parameter(deviasi_tertimbang="on"))
    assert response.status_code == 302
    param = ParameterIkpa.objects.get(tahun=2023)
    assert param.deviasi_tertimbang is True
    assert param.target_penyerapan["53"] == [10.0, 40.0, 70.0, 90.0]
    assert param.rincian["tagihan"]["batas_hari_kerja"] == 17  # component parameters kept
    assert JejakAudit.objects.filter(objek__contains="Parameter IKPA 2023").exists()
    sesudah = ikpa.ikpa_tahun(tahun=2023).terkini
    nilai = {i.kode: i.nilai for i in sesudah.indikator}
    assert nilai["deviasi"] != {i.kode: i.nilai for i in sebelum.indikator}["deviasi"]
    assert "deviasi ditimbang porsi pagu jenis belanja" in client.get(URL).content.decode()


def test_parameter_of_a_locked_year_is_refused(demo_anggaran, sekretaris):
    from kinerja.models import KunciTahun

    KunciTahun.objects.create(tahun=2023, dikunci_oleh=sekretaris)
    with pytest.raises(Exception, match="Tahun 2023 sudah dikunci"):
        services.parameter_ikpa_simpan(
            pengguna=sekretaris,
            tahun=2023,
            bobot=dict.fromkeys(services.BOBOT_IKPA, Decimal(0)) | {"bobot_output": Decimal(100)},
            deviasi_tertimbang=True,
            target_penyerapan={},
        )


def test_excel_download_has_every_month_and_indicator(demo_anggaran, masuk, auditor):
    response = masuk(auditor).get(URL, {"unduh": "xlsx"})
    assert response["Content-Type"] == XLSX_MIME
    lembar = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    baris = [r for r in lembar.iter_rows(values_only=True) if r and r[1] == "Nilai IKPA"]
    hasil = ikpa.ikpa_tahun(tahun=2023)
    assert len(baris) == 12
    assert [Decimal(str(r[2])).quantize(Decimal("0.01")) for r in baris] == [
        b.total for b in hasil.bulan
    ]


def test_api_returns_the_month_and_the_trend(demo_anggaran, client, masuk, komisioner):
    url = "/api/anggaran/ikpa/"
    assert client.get(url, {"tahun": 2023}).status_code in (401, 403)
    data = masuk(komisioner).get(url, {"tahun": 2023, "bulan": 3}).json()
    hasil = ikpa.ikpa_tahun(tahun=2023)
    assert data["pilih"]["bulan"] == 3
    assert Decimal(data["pilih"]["total"]) == hasil.pada(3).total
    assert [i["kode"] for i in data["pilih"]["indikator"]] == [
        "revisi",
        "deviasi",
        "penyerapan",
        "kontraktual",
        "tagihan",
        "up_tup",
        "output",
    ]
    assert len(data["tren"]) == 12
    assert data["dasar_hukum"] == "PER-5/PB/2022"
    galat = masuk(komisioner).get(url, {"tahun": 2019})
    assert galat.status_code == 400 and "Belum ada DIPA tahun 2019" in str(galat.json())


def test_dashboard_shows_the_current_ikpa_and_the_weakest_indicator(
    demo_anggaran, masuk, sekretaris
):
    terkini = ikpa.ikpa_tahun(tahun=2023).terkini
    html = masuk(sekretaris).get(reverse("beranda"), {"tahun": 2023}).content.decode()
    kartu = html[html.index('id="kartu-ikpa"') :][:800]
    assert "IKPA s.d. Desember" in kartu
    assert f"{terkini.total:.2f}".replace(".", ",") in kartu
    assert f"terendah: {terkini.terlemah.nama}" in kartu


def test_ikpa_queries_do_not_grow_with_the_number_of_sp2d(demo_anggaran):
    with CaptureQueriesContext(connection) as awal:
        ikpa.ikpa_tahun(tahun=2023)
    akun = Pos.objects.filter(dokumen=demo_anggaran, tingkat="akun").first()
    Realisasi.objects.bulk_create(
        [
            Realisasi(
                dokumen=demo_anggaran,
                akun=akun,
                tanggal=date(2023, 1 + i % 12, 10),
                nomor_sp2d=f"X{i:05d}",
                nilai=Decimal("1000"),
            )
            for i in range(600)
        ]
    )
    with CaptureQueriesContext(connection) as banyak:
        ikpa.ikpa_tahun(tahun=2023)
    assert len(banyak) == len(awal) <= 15
