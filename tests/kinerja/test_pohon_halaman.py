"""Performance tree: the demo tree, the page (drawing, table, findings), the A3 PDF (no text
outside the page), the forms (a refused form keeps the input, message at the field), the API,
and the LKj pre-flight's findings."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from kinerja.grafik_pohon import pohon_svg, pohon_svg_bagian
from kinerja.lkj.preflight import lkj_preflight
from kinerja.model_pohon import IndikatorUnit, SasaranUnit, TargetIndikatorUnit
from kinerja.models import KunciTahun, TargetTahunan
from kinerja.selectors_pohon import pohon_tahun, pohon_temuan
from kinerja.services import pohon as svc
from kpu_site.peran import Peran
from tests.conftest import demo_inti_muat
from tests.lkj.halaman_pdf import teks_di_luar
from tests.lkj.label_svg import kotak_label, label_bertumpuk

from .factories import RenstraFactory, SasaranFactory, TujuanFactory


@pytest.mark.django_db
def test_demo_pohon_halaman_dan_pdf(client, sekretaris):
    demo_inti_muat()
    demo_inti_muat()  # idempotent
    pohon = pohon_tahun(tahun=2023)
    assert len(pohon.cabang) == 13
    unit = set()
    for c in pohon.cabang:
        assert c.anak, f"Sasaran {c.sasaran.nomor} tanpa sasaran sub bagian"
        for s in c.anak:
            assert s.obj.unit == c.sasaran.unit
            unit.add(s.obj.unit.kode)
            induk = TargetTahunan.objects.get(indikator__sasaran=c.sasaran, tahun=2023).target
            persen = s.indikator[0]
            assert persen.satuan == "persen"
            assert persen.target_tahunan.get().target == induk
    assert unit == {"hukum_sdm", "keuangan", "perencanaan", "teknis"}
    assert SasaranUnit.objects.filter(tingkat="kegiatan_staf").count() >= 5
    assert not pohon_temuan(tahun=2023)
    for node in SasaranUnit.objects.filter(tingkat="sub_bagian"):
        assert TargetIndikatorUnit.objects.filter(indikator__sasaran_unit=node, tahun=2022).exists()

    # the drawing: no label overlaps another, every label inside its box column
    svg = str(pohon_svg(pohon))
    assert not label_bertumpuk(svg)
    for teks, (x0, _y0, x1, _y1) in kotak_label(svg):
        kolom = int(x0 // 364)
        assert x1 <= 10 + kolom * 364 + 300 + 0.5, teks

    client.force_login(sekretaris)
    r = client.get(reverse("kinerja:pohon_tahun", args=[2023]))
    assert r.status_code == 200
    html = r.content.decode()
    assert "<svg" in html and "SSB 1.1" in html and 'class="table' in html
    assert reverse("kinerja:pohon_simpul_tambah", args=[2023]) in html

    r = client.get(reverse("kinerja:pohon_pdf", args=[2023]))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert teks_di_luar(r.content, kiri_mm=10, kanan_mm=10) == []
    import pdfplumber

    with pdfplumber.open(io.BytesIO(r.content)) as pdf:
        halaman = pdf.pages[0]
        assert round(halaman.width / 72 * 25.4) == 420  # A3 landscape
        assert round(halaman.height / 72 * 25.4) == 297
        teks = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert "POHON KINERJA TAHUN 2023" in teks
    assert "SSB 13.1" in teks
    assert len(pohon_svg_bagian(pohon)) >= 2  # the tree is cut between sasaran strategis


@pytest.fixture
def pohon_kecil(unit_demo, sekretaris):
    renstra = RenstraFactory()
    tujuan = TujuanFactory(renstra=renstra)
    s1 = SasaranFactory(tujuan=tujuan, nomor=1, unit=unit_demo["keuangan"])
    simpul = svc.sasaran_unit_simpan(
        pengguna=sekretaris,
        renstra=renstra,
        tingkat="sub_bagian",
        unit=unit_demo["keuangan"],
        kode="SSB 1.1",
        uraian="Tersusunnya laporan keuangan",
        mendukung_sasaran=s1,
        tahun_mulai=2022,
        tahun_selesai=2024,
    )
    ind = svc.indikator_unit_simpan(
        pengguna=sekretaris, sasaran_unit=simpul, kode="IK 1", uraian="Persen", satuan="persen"
    )
    return {"renstra": renstra, "sasaran": s1, "simpul": simpul, "indikator": ind}


def test_form_ditolak_menyimpan_isian_dan_pesan_di_field(
    client, kasubag_keuangan, pohon_kecil, unit_demo
):
    client.force_login(kasubag_keuangan)
    url = reverse("kinerja:pohon_simpul_tambah", args=[2023])
    data = {
        "tingkat": "sub_bagian",
        "unit": unit_demo["keuangan"].pk,
        "kode": "SSB 1.2",
        "uraian": "Uraian yang diketik",
        "mendukung_sasaran": pohon_kecil["sasaran"].pk,
        "tahun_mulai": "2019",
        "tahun_selesai": "2024",
    }
    r = client.post(url, data)
    assert r.status_code == 400
    html = r.content.decode()
    assert "Uraian yang diketik" in html
    assert "Tahun 2019 di luar periode" in html
    assert SasaranUnit.objects.count() == 1
    data["tahun_mulai"] = "2022"
    r = client.post(url, data)
    assert r.status_code == 302
    assert SasaranUnit.objects.filter(kode="SSB 1.2", unit__kode="keuangan").exists()


def test_halaman_ubah_kasubag_unit_lain_ditolak(client, pengguna_buat, pohon_kecil):
    hukum = pengguna_buat("kasubag.hukum", Peran.KASUBAG, "hukum_sdm")
    client.force_login(hukum)
    simpul = pohon_kecil["simpul"]
    r = client.get(reverse("kinerja:pohon_simpul_ubah", args=[simpul.pk]))
    assert r.status_code == 403
    r = client.post(
        reverse("kinerja:pohon_target_ubah", args=[simpul.pk, 2023]),
        {f"target_{pohon_kecil['indikator'].pk}": "90"},
    )
    assert r.status_code == 403
    assert not TargetIndikatorUnit.objects.exists()


def test_form_target_tahun_terkunci(client, kasubag_keuangan, pohon_kecil):
    client.force_login(kasubag_keuangan)
    ind = pohon_kecil["indikator"]
    url = reverse("kinerja:pohon_target_ubah", args=[pohon_kecil["simpul"].pk, 2023])
    r = client.post(url, {f"target_{ind.pk}": "1,234"})
    assert r.status_code == 400
    assert "3 angka desimal" in r.content.decode()
    r = client.post(url, {f"target_{ind.pk}": "95"})
    assert r.status_code == 302
    KunciTahun.objects.create(tahun=2023)
    r = client.post(url, {f"target_{ind.pk}": "97"})
    assert r.status_code == 400
    assert "Tahun 2023 sudah dikunci" in r.content.decode()
    assert ind.target_tahunan.get().target == 95


def test_api_pohon(client, komisioner, kasubag_keuangan, kasubag, pohon_kecil, unit_demo):
    client.force_login(komisioner)
    r = client.get("/api/kinerja/sasaran-unit/?tahun=2023")
    assert r.status_code == 200
    assert [s["kode"] for s in r.json()["results"]] == ["SSB 1.1"]
    assert client.get("/api/kinerja/indikator-unit/").status_code == 200
    assert client.get("/api/kinerja/target-indikator-unit/?tahun=2023").status_code == 200

    client.force_login(kasubag_keuangan)
    simpul = pohon_kecil["simpul"]
    body = {
        "renstra": pohon_kecil["renstra"].pk,
        "tingkat": "kegiatan_staf",
        "unit": unit_demo["keuangan"].pk,
        "kode": "KS 1.1.1",
        "uraian": "Rekonsiliasi bulanan",
        "mendukung_unit": simpul.pk,
        "tahun_mulai": 2022,
        "tahun_selesai": 2024,
    }
    r = client.post("/api/kinerja/sasaran-unit/", body, content_type="application/json")
    assert r.status_code == 201, r.json()
    ks = SasaranUnit.objects.get(kode="KS 1.1.1")
    # the sub-bagian node may not support its own activity: a cycle / wrong level
    r = client.patch(
        f"/api/kinerja/sasaran-unit/{ks.pk}/",
        {"mendukung_unit": ks.pk},
        content_type="application/json",
    )
    assert r.status_code == 400
    assert "membuat siklus" in r.json()["mendukung_unit"][0]
    r = client.post(
        "/api/kinerja/target-indikator-unit/",
        {"indikator": pohon_kecil["indikator"].pk, "tahun": 2025, "target": "90"},
        content_type="application/json",
    )
    assert r.status_code == 400
    assert "di luar periode" in r.json()["tahun"][0]

    client.force_login(kasubag)  # Perencanaan writes every node
    r = client.post(
        "/api/kinerja/indikator-unit/",
        {"sasaran_unit": ks.pk, "kode": "IK 9", "uraian": "Jumlah", "satuan": "laporan"},
        content_type="application/json",
    )
    assert r.status_code == 201
    assert IndikatorUnit.objects.filter(kode="IK 9").exists()


def test_api_kasubag_unit_lain_ditolak(client, pengguna_buat, pohon_kecil):
    client.force_login(pengguna_buat("kasubag.teknis", Peran.KASUBAG, "teknis"))
    r = client.post(
        "/api/kinerja/target-indikator-unit/",
        {"indikator": pohon_kecil["indikator"].pk, "tahun": 2023, "target": "90"},
        content_type="application/json",
    )
    assert r.status_code == 403
    assert not TargetIndikatorUnit.objects.exists()


def test_preflight_memuat_temuan_pohon(pohon_kecil, unit_demo):
    SasaranFactory(tujuan=pohon_kecil["sasaran"].tujuan, nomor=2, unit=unit_demo["teknis"])
    temuan = [t for t in lkj_preflight(tahun=2023) if t.jenis == "pohon_kinerja"]
    pesan = [t.pesan for t in temuan]
    assert any(p.startswith("Sasaran strategis 2 ") for p in pesan), pesan
    assert any("IK 1" in p and "belum memiliki target tahun 2023" in p for p in pesan), pesan
    assert all(not t.wajib for t in temuan)


def test_preflight_tanpa_pohon_tidak_bertemuan(db):
    SasaranFactory(tujuan=TujuanFactory(renstra=RenstraFactory()), nomor=1)
    assert not [t for t in lkj_preflight(tahun=2023) if t.jenis == "pohon_kinerja"]
    # the page itself still says what is missing
    assert pohon_temuan(tahun=2023)[0].pesan.startswith("Sasaran strategis 1 ")


def test_tombol_hanya_untuk_penulis(
    client, komisioner, kasubag_keuangan, pengguna_buat, pohon_kecil
):
    url = reverse("kinerja:pohon_tahun", args=[2023])
    ubah = reverse("kinerja:pohon_simpul_ubah", args=[pohon_kecil["simpul"].pk])
    tambah = reverse("kinerja:pohon_simpul_tambah", args=[2023])
    client.force_login(kasubag_keuangan)
    html = client.get(url).content.decode()
    assert ubah in html and tambah in html
    for orang in (komisioner, pengguna_buat("kasubag.teknis", Peran.KASUBAG, "teknis")):
        client.force_login(orang)
        r = client.get(url)
        assert r.status_code == 200
        assert ubah not in r.content.decode()
    client.force_login(komisioner)
    assert tambah not in client.get(url).content.decode()


def test_tombol_target_mengikuti_kunci_tahun(client, kasubag_keuangan, pohon_kecil):
    """The target button follows the rule of the service: none on a locked year."""
    url = reverse("kinerja:pohon_tahun", args=[2023])
    target = reverse("kinerja:pohon_target_ubah", args=[pohon_kecil["simpul"].pk, 2023])
    client.force_login(kasubag_keuangan)
    assert target in client.get(url).content.decode()
    KunciTahun.objects.create(tahun=2023)
    html = client.get(url).content.decode()
    assert target not in html
    assert "Tahun 2023 sudah dikunci" in html
    assert not svc.target_terbuka(2023) and svc.target_terbuka(2024)


def test_halaman_pohon_jumlah_query_tetap(client, kasubag_keuangan, pohon_kecil, unit_demo):
    """The page's query count does not grow with the nodes, indikator and targets."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("kinerja:pohon_tahun", args=[2023])
    client.force_login(kasubag_keuangan)
    client.get(url)  # warm caches (session, permissions)

    def hitung():
        with CaptureQueriesContext(connection) as q:
            assert client.get(url).status_code == 200
        return len(q)

    satu = hitung()
    induk = pohon_kecil["simpul"]
    for n in range(4):
        induk = svc.sasaran_unit_simpan(
            pengguna=kasubag_keuangan,
            renstra=pohon_kecil["renstra"],
            tingkat="kegiatan_staf",
            unit=unit_demo["keuangan"],
            kode=f"KS {n}",
            uraian=f"Kegiatan {n}",
            mendukung_unit=induk,
            tahun_mulai=2022,
            tahun_selesai=2024,
        )
        ind = svc.indikator_unit_simpan(
            pengguna=kasubag_keuangan,
            sasaran_unit=induk,
            kode="IK 1",
            uraian="Jumlah",
            satuan="laporan",
        )
        svc.target_unit_simpan(pengguna=kasubag_keuangan, indikator=ind, tahun=2023, target="4")
    assert hitung() == satu


def test_pdf_tabel_tidak_memenggal_kata(client, kasubag_keuangan, pohon_kecil, unit_demo):
    """The A3 table keeps short words and codes whole (a narrow column broke "Mendukung" and
    "KS 1.1.1" inside the word), and still no character leaves the page."""
    import pdfplumber

    svc.sasaran_unit_simpan(
        pengguna=kasubag_keuangan,
        renstra=pohon_kecil["renstra"],
        tingkat="kegiatan_staf",
        unit=unit_demo["keuangan"],
        kode="KS 1.1.1",
        uraian="Rekonsiliasi bulanan " * 8,
        mendukung_unit=pohon_kecil["simpul"],
        tahun_mulai=2022,
        tahun_selesai=2024,
    )
    client.force_login(kasubag_keuangan)
    r = client.get(reverse("kinerja:pohon_pdf", args=[2023]))
    assert r.status_code == 200
    assert teks_di_luar(r.content, kiri_mm=10, kanan_mm=10) == []
    with pdfplumber.open(io.BytesIO(r.content)) as pdf:
        kata = {w["text"] for p in pdf.pages for w in p.extract_words()}
    for utuh in ("Mendukung", "Tingkat", "Sasaran", "1.1.1", "(Kasubag)"):
        assert utuh in kata, utuh


def test_hapus_indikator_lalu_simpul_dari_halaman_ubah(client, kasubag_keuangan, pohon_kecil):
    from kpu_site.models import JejakAudit

    client.force_login(kasubag_keuangan)
    simpul, ind = pohon_kecil["simpul"], pohon_kecil["indikator"]
    halaman = client.get(reverse("kinerja:pohon_simpul_ubah", args=[simpul.pk])).content.decode()
    assert "Hapus SSB 1.1" in halaman
    # a node with an indikator is refused, with the reason, and stays
    r = client.post(reverse("kinerja:pohon_simpul_hapus", args=[simpul.pk]), follow=True)
    assert "masih memiliki indikator; hapus indikatornya dulu" in r.content.decode()
    assert SasaranUnit.objects.filter(pk=simpul.pk).exists()
    r = client.post(reverse("kinerja:pohon_indikator_hapus", args=[ind.pk]) + "?tahun=2023")
    assert r.status_code == 302 and r["Location"] == reverse("kinerja:pohon_tahun", args=[2023])
    assert not IndikatorUnit.objects.filter(pk=ind.pk).exists()
    r = client.post(reverse("kinerja:pohon_simpul_hapus", args=[simpul.pk]), follow=True)
    assert "SSB 1.1 dihapus dari pohon kinerja." in r.content.decode()
    assert not SasaranUnit.objects.exists()
    dihapus = JejakAudit.objects.filter(aksi="hapus").values_list("objek", flat=True)
    assert len(dihapus) == 2
