"""Pages of the Rencana Aksi and of the quarterly monitoring on the demo: HTML, PDF with no
text outside its pages, the link from the PK page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import demo_inti_muat
from tests.lkj.halaman_pdf import teks_di_luar


@pytest.fixture
def demo(db):
    demo_inti_muat()


def test_pk_page_links_the_rencana_aksi(demo, client, sekretaris):
    client.force_login(sekretaris)
    response = client.get(reverse("kinerja:pk_detail", args=[2023]))
    assert reverse("kinerja:rencana_aksi", args=[2023]).encode() in response.content


def test_rencana_aksi_page_and_pdf(demo, client, komisioner):
    client.force_login(komisioner)
    url = reverse("kinerja:rencana_aksi", args=[2023])
    response = client.get(url)
    assert response.status_code == 200
    teks = response.content.decode()
    assert "RENCANA AKSI TAHUN 2023" in teks and "IKSS 13" in teks
    pdf = client.get(url + "?format=pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert teks_di_luar(pdf.content, kiri_mm=15, kanan_mm=15) == []


def test_monitoring_page_and_pdf(demo, client, sekretaris):
    client.force_login(sekretaris)
    url = reverse("kinerja:monitoring_ra", args=[2023, "tw4"])
    response = client.get(url)
    assert response.status_code == 200
    assert "MONITORING RENCANA AKSI TW IV TAHUN 2023" in response.content.decode()
    assert "belum lengkap" not in response.content.decode()
    pdf = client.get(url + "?format=pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert teks_di_luar(pdf.content, kiri_mm=15, kanan_mm=15) == []
    assert client.get(reverse("kinerja:monitoring_ra", args=[2023, "tw5"])).status_code == 404


def test_signed_monitoring_names_the_sekretaris_of_the_pk_and_the_date(demo, client, sekretaris):
    from kinerja.selectors import pk_berlaku

    pk = pk_berlaku(tahun=2023)
    client.force_login(sekretaris)
    html = client.get(reverse("kinerja:monitoring_ra", args=[2023, "tw4"])).content.decode()
    ttd = html.split('<div class="ttd">', 1)[1].split("</div>", 1)[0]
    assert f"{pk.pihak_pertama_jabatan},<br><br><br><strong>{pk.pihak_pertama_nama}</strong>" in ttd
    assert pk.pihak_pertama_nama and "(ditandatangani)" in ttd
    assert ttd.startswith("10 Januari 2024<br>")  # the demo's TW IV signed after the quarter


def test_monitoring_of_a_quarter_without_verified_realisasi_names_the_indikator(
    demo, client, sekretaris
):
    from kinerja.models import Realisasi

    Realisasi.objects.filter(tahun=2023, periode="tw2", indikator__kode="IKSS 3").update(
        status="diajukan"
    )
    from kinerja.models import MonitoringRencanaAksi

    MonitoringRencanaAksi.objects.filter(tahun=2023, triwulan="tw2").delete()
    client.force_login(sekretaris)
    response = client.get(reverse("kinerja:monitoring_ra", args=[2023, "tw2"]))
    assert "Belum lengkap: realisasi TW II IKSS 3 belum diisi atau belum diverifikasi." in (
        response.content.decode()
    )
