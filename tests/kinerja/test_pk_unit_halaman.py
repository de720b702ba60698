"""The pages of the PK at every level: the list of a year, a sub-bagian's PK (create, edit,
sign, revise through HTML forms) and the printed PKs with the budget attachment (A4 PDF)."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja.models import PerjanjianKinerjaUnit
from kinerja.services import pk_unit as svc
from tests.lkj.halaman_pdf import teks_di_luar

from .pk_unit_dunia import SUB_BAGIAN, dunia_pk_buat

pytestmark = pytest.mark.django_db


@pytest.fixture
def dunia(unit_demo):
    return dunia_pk_buat(unit_demo)


def _semua_ditandatangani(d, sekretaris, kecuali=()):
    for kode in SUB_BAGIAN:
        if kode in kecuali:
            continue
        pk = svc.pk_unit_create(
            unit=d.units[kode], tahun=2023, pengguna=sekretaris, tempat="Serang"
        )
        svc.pk_unit_sign(perjanjian=pk, pengguna=sekretaris)


def test_list_shows_five_signed_pks_and_units_without_one(dunia, sekretaris, client):
    _semua_ditandatangani(dunia, sekretaris, kecuali=("hukum_sdm",))
    client.force_login(sekretaris)
    r = client.get("/kinerja/pk-unit/2023/")
    html = r.content.decode()
    assert r.status_code == 200
    assert html.count(">Ditandatangani<") == 4  # the Sekretaris's + three Kasubag
    assert html.count("belum ada PK") == 1
    svc.pk_unit_sign(
        perjanjian=svc.pk_unit_create(
            unit=dunia.units["hukum_sdm"], tahun=2023, pengguna=sekretaris, tempat="Serang"
        ),
        pengguna=sekretaris,
    )
    html = client.get("/kinerja/pk-unit/2023/").content.decode()
    assert html.count(">Ditandatangani<") == 5 and "belum ada PK" not in html
    assert "Kasubag Keuangan Uji" in html and "Hendro Uji" in html


def test_index_goes_to_the_working_year(dunia, sekretaris, client):
    client.force_login(sekretaris)
    r = client.get("/kinerja/pk-unit/")
    assert r.status_code == 302 and r["Location"].startswith("/kinerja/pk-unit/20")


def test_create_form_refused_keeps_what_was_typed_and_names_the_field(
    unit_demo, sekretaris, client
):
    d = dunia_pk_buat(unit_demo, kosong=("teknis",), dengan_dipa=False)
    client.force_login(sekretaris)
    url = f"/kinerja/pk-unit/2023/{d.units['teknis'].pk}/buat/"
    r = client.post(url, {"tempat": "Serang Kota", "tanggal": "2023-01-02"})
    assert r.status_code == 400
    form = r.context["form"]
    assert "kosong pada 2 Januari 2023" in form.errors["tanggal"][0]
    assert 'value="Serang Kota"' in r.content.decode()
    assert PerjanjianKinerjaUnit.objects.count() == 0


def test_kasubag_creates_edits_and_the_sekretaris_signs(dunia, kasubag, sekretaris, client):
    unit = dunia.units["perencanaan"]
    client.force_login(kasubag)
    r = client.post(f"/kinerja/pk-unit/2023/{unit.pk}/buat/", {"tempat": "Serang"})
    assert r.status_code == 302
    pk = PerjanjianKinerjaUnit.objects.get()
    baris = pk.baris.get()
    r = client.post(f"/kinerja/pk-unit/baris/{baris.pk}/ubah/", {"target": "95,5"})
    assert r.status_code == 302
    r = client.post(f"/kinerja/pk-unit/baris/{baris.pk}/ubah/", {"target": "95,555"})
    assert r.status_code == 400 and "3 angka desimal" in r.context["form"].errors["target"][0]
    detail = client.get(f"/kinerja/pk-unit/2023/{unit.pk}/").content.decode()
    assert "Ubah kepala PK" in detail and "Catat ditandatangani" not in detail
    assert client.post(f"/kinerja/pk-unit/dokumen/{pk.pk}/tandatangani/").status_code == 403
    client.force_login(sekretaris)
    detail = client.get(f"/kinerja/pk-unit/2023/{unit.pk}/").content.decode()
    assert "Catat ditandatangani" in detail
    assert "Rp 200.000.000" in detail  # 6702 funds the sasaran this sub-bagian supports
    client.post(f"/kinerja/pk-unit/dokumen/{pk.pk}/tandatangani/")
    pk.refresh_from_db()
    assert pk.status == "ditandatangani"


def test_revision_form_without_a_reason_stays_with_the_message(dunia, sekretaris, client):
    pk = svc.pk_unit_create(
        unit=dunia.units["keuangan"], tahun=2023, pengguna=sekretaris, tempat="Serang"
    )
    svc.pk_unit_sign(perjanjian=pk, pengguna=sekretaris)
    client.force_login(sekretaris)
    r = client.post(f"/kinerja/pk-unit/dokumen/{pk.pk}/perubahan/", {"alasan_perubahan": ""})
    assert r.status_code == 400 and r.context["form"].errors["alasan_perubahan"]
    r = client.post(
        f"/kinerja/pk-unit/dokumen/{pk.pk}/perubahan/", {"alasan_perubahan": "Pergantian Kasubag"}
    )
    assert r.status_code == 302
    assert PerjanjianKinerjaUnit.objects.filter(revisi=1, status="draft").count() == 1


def test_kasubag_of_another_unit_cannot_open_the_edit_form(
    dunia, kasubag, kasubag_keuangan, client
):
    pk = svc.pk_unit_create(unit=dunia.units["perencanaan"], tahun=2023, pengguna=kasubag)
    client.force_login(kasubag_keuangan)
    assert client.get(f"/kinerja/pk-unit/dokumen/{pk.pk}/ubah/").status_code == 403
    r = client.post(f"/kinerja/pk-unit/dokumen/{pk.pk}/ubah/", {"tempat": "X"})
    assert r.status_code == 403


def test_kasubag_pdf_is_a4_with_the_budget_attachment_and_no_text_outside(
    dunia, sekretaris, client
):
    pk = svc.pk_unit_create(
        unit=dunia.units["keuangan"], tahun=2023, pengguna=sekretaris, tempat="Serang"
    )
    client.force_login(sekretaris)
    assert client.get(f"/kinerja/pk-unit/dokumen/{pk.pk}/cetak/").status_code == 200
    r = client.get(f"/kinerja/pk-unit/dokumen/{pk.pk}/cetak/?format=pdf")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert teks_di_luar(r.content, kiri_mm=28, kanan_mm=22) == []
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(r.content)) as pdf:
        assert {(round(p.width), round(p.height)) for p in pdf.pages} == {(595, 842)}
        teks = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert "Lampiran II. Program, kegiatan dan anggaran" in teks
    assert "Rp 300.000.000" in teks and "Kasubag Keuangan Uji" in teks


def test_sekretaris_pk_pdf_with_budget_attachment(dunia, sekretaris, client):
    client.force_login(sekretaris)
    assert client.get("/kinerja/pk-unit/2023/sekretaris/cetak/").status_code == 200
    r = client.get("/kinerja/pk-unit/2023/sekretaris/cetak/?format=pdf")
    assert r.status_code == 200
    assert teks_di_luar(r.content, kiri_mm=28, kanan_mm=22) == []
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(r.content)) as pdf:
        teks = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert "Rp 500.000.000" in teks  # 6701 + 6702 in force on 2 Januari 2023
    assert client.get("/kinerja/pk-unit/2022/sekretaris/cetak/").status_code == 404
    assert date(2023, 1, 2) == dunia.pk_sekretaris.tanggal


def test_list_queries_do_not_grow_with_the_sub_bagian(dunia, sekretaris, client):
    """The list of a year reads each kind of thing once: more sub-bagian (with or without a PK)
    add no query."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sekretariat.models import UnitOrganisasi

    _semua_ditandatangani(dunia, sekretaris, kecuali=("hukum_sdm",))
    client.force_login(sekretaris)
    client.get("/kinerja/pk-unit/2023/")  # warm the per-request caches
    with CaptureQueriesContext(connection) as sedikit:
        assert client.get("/kinerja/pk-unit/2023/").status_code == 200
    induk = dunia.units["hukum_sdm"].induk
    for i in range(3):
        UnitOrganisasi.objects.create(
            kode=f"sub-tambahan-{i}",
            nama=f"Sub Bagian Tambahan {i}",
            jenis=UnitOrganisasi.Jenis.SUB_BAGIAN,
            induk=induk,
            urutan=50 + i,
        )
    with CaptureQueriesContext(connection) as banyak:
        r = client.get("/kinerja/pk-unit/2023/")
    assert r.content.decode().count("belum ada PK") == 4
    assert len(banyak) == len(sedikit), "\n".join(q["sql"][:300] for q in banyak.captured_queries)
