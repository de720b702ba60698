"""RKT pages, PDF, API and demo (issue 17, item 3)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.model_rkt import RencanaKinerjaTahunan, RKTBaris
from kinerja.models import PerjanjianKinerja
from tests.conftest import demo_inti_muat

from .test_rkt import dunia  # noqa: F401

pytestmark = pytest.mark.django_db


def test_rkt_page_compose_edit_rejected_keeps_input(client, dunia, kasubag):  # noqa: F811
    client.force_login(kasubag)
    r = client.get("/kinerja/rkt/2023/")
    assert r.status_code == 200 and "Susun draft RKT 2023" in r.content.decode()
    r = client.post("/kinerja/rkt/2023/susun/")
    assert r.status_code == 302
    baris = RKTBaris.objects.get(indikator=dunia["a"])
    r = client.post(f"/kinerja/rkt/baris/{baris.pk}/ubah/", {"target": "97,5"})
    assert r.status_code == 400
    teks = r.content.decode()
    assert 'value="97,5"' in teks
    assert "berbeda dari target Renstra (95,00%); alasan perubahan wajib diisi." in teks
    baris.refresh_from_db()
    assert baris.target == Decimal("95")
    r = client.post(
        f"/kinerja/rkt/baris/{baris.pk}/ubah/", {"target": "97,5", "alasan_perubahan": "Pemilu"}
    )
    assert r.status_code == 302
    teks = client.get("/kinerja/rkt/2023/").content.decode()
    assert "97,50" in teks and "Pemilu" in teks


def test_rkt_tetapkan_page_only_sekretaris_and_errors_at_field(
    client,
    dunia,  # noqa: F811
    kasubag,
    sekretaris,
):
    client.force_login(kasubag)
    client.post("/kinerja/rkt/2023/susun/")
    rkt = RencanaKinerjaTahunan.objects.get()
    assert client.post(f"/kinerja/rkt/dokumen/{rkt.pk}/tetapkan/", {}).status_code == 403
    client.force_login(sekretaris)
    r = client.post(
        f"/kinerja/rkt/dokumen/{rkt.pk}/tetapkan/",
        {"nomor": "1/2023", "tanggal": "2024-01-02", "tempat": "Serang"},
    )
    assert r.status_code == 400
    assert "Tanggal penetapan 02-01-2024 sesudah tahun 2023." in r.content.decode()
    assert 'value="1/2023"' in r.content.decode()
    r = client.post(
        f"/kinerja/rkt/dokumen/{rkt.pk}/tetapkan/",
        {"nomor": "1/2023", "tanggal": "2023-01-02", "tempat": "Serang"},
    )
    assert r.status_code == 302
    rkt.refresh_from_db()
    assert rkt.status == "ditetapkan"


def test_rkt_api(client, dunia, kasubag, sekretaris):  # noqa: F811
    client.force_login(kasubag)
    r = client.post("/api/kinerja/rkt/", {"tahun": 2023}, content_type="application/json")
    assert r.status_code == 201
    data = r.json()
    assert len(data["baris"]) == 2
    baris = next(b for b in data["baris"] if b["indikator"] == dunia["a"].pk)
    r = client.patch(
        f"/api/kinerja/rkt-baris/{baris['id']}/", {"target": "90"}, content_type="application/json"
    )
    assert r.status_code == 400
    assert "alasan perubahan wajib diisi" in r.json()["alasan_perubahan"][0]
    r = client.patch(
        f"/api/kinerja/rkt-baris/{baris['id']}/",
        {"target": "90", "alasan_perubahan": "Refocusing"},
        content_type="application/json",
    )
    assert r.status_code == 200 and Decimal(r.json()["target"]) == 90
    body = {"nomor": "1/2023", "tanggal": "2023-01-02", "tempat": "Serang"}
    url = f"/api/kinerja/rkt/{data['id']}/tetapkan/"
    assert client.post(url, body, content_type="application/json").status_code == 403
    client.force_login(sekretaris)
    assert client.post(url, body, content_type="application/json").status_code == 200
    r = client.post(
        f"/api/kinerja/rkt/{data['id']}/perubahan/",
        {"alasan": "Refocusing"},
        content_type="application/json",
    )
    assert r.status_code == 201 and r.json()["revisi"] == 1
    assert client.get("/api/kinerja/rkt/").status_code == 200


def test_demo_rkt_agrees_with_pk_and_pdf_inside_pages(client, sekretaris):

    from kinerja.lkj.preflight import rkt_temuan
    from tests.lkj.halaman_pdf import teks_di_luar

    demo_inti_muat()
    for tahun in (2022, 2023):
        rkt = RencanaKinerjaTahunan.objects.get(tahun=tahun)
        assert rkt.status == "ditetapkan"
        pk = PerjanjianKinerja.objects.get(tahun=tahun, status="ditandatangani")
        assert {b.indikator_id: b.target for b in pk.baris.all()} == {
            b.indikator_id: b.target for b in rkt.baris.all()
        }
        assert rkt_temuan(tahun) == []
    beda = RKTBaris.objects.get(rkt__tahun=2022, indikator__kode="IKSS 11")
    assert (beda.target_renstra, beda.target) == (Decimal("95"), Decimal("98"))
    assert beda.alasan_perubahan
    client.force_login(sekretaris)
    halaman = client.get("/kinerja/rkt/2022/")
    assert halaman.status_code == 200 and beda.alasan_perubahan in halaman.content.decode()
    r = client.get("/kinerja/rkt/2023/rkt.pdf")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert teks_di_luar(r.content, kiri_mm=28, kanan_mm=22) == []


def test_pk_page_says_its_targets_come_from_the_rkt(client, sekretaris):
    demo_inti_muat()
    client.force_login(sekretaris)
    html = client.get("/kinerja/pk/2023/").content.decode()
    assert "Target PK disalin dari RKT 2023" in html and "yang ditetapkan (sama)." in html
