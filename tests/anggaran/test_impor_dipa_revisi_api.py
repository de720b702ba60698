"""``POST /api/anggaran/dokumen/<id>/revisi-impor/``: the next revision from a revised POK —
the diff as a preview, the revision written, the usual rules, uraian changes, a profile."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from anggaran import selectors, services
from anggaran.models import Pos, Revisi
from kpu_site.models import JejakAudit
from tests.data.buat_dipa_sakti import baris_dipa

from .test_impor_dipa import (
    AKUN_BAHAN,
    AKUN_PAKET,
    AKUN_PROFESI_WA,
    CONTOH,
    _baris_revisi,
    impor,
    xlsx,
)
from .test_impor_dipa_profil import NAMA_PROFIL, pok_lain, profil  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db
KEGIATAN = "076.01.CQ.6701"
DATA = {"tanggal": "2024-05-02", "alasan": "Revisi POK"}


def _url(dokumen) -> str:
    return f"/api/anggaran/dokumen/{dokumen.pk}/revisi-impor/"


def _revisi_berkas(uraian: bool = True) -> bytes:
    """The revision of ``test_impor_dipa`` (one detail changed, one added, one removed) and,
    with ``uraian``, a kegiatan and a detail line renamed."""
    rows = _baris_revisi()
    if uraian:
        for n, row in enumerate(rows):
            if row and row[0] == KEGIATAN:
                row[1] = "Perencanaan, Program dan Anggaran"
            if row and row[0] == AKUN_BAHAN:
                rows[n + 2][1] = "- Kertas HVS A4"  # its detail 2, pagu unchanged
    return xlsx(rows)


def _kirim(client, dokumen, isi: bytes, **lain):
    return client.post(_url(dokumen), DATA | lain | {"berkas": SimpleUploadedFile("r.xlsx", isi)})


@pytest.fixture
def dokumen(staf_keuangan):
    return impor(staf_keuangan, CONTOH.read_bytes()).dokumen


def test_api_revisi_impor_preview_is_the_diff_and_writes_nothing(dokumen, staf_keuangan, masuk):
    r = _kirim(masuk(staf_keuangan), dokumen, _revisi_berkas(), pratinjau="true")
    assert r.status_code == 200, r.content
    data = r.json()
    assert (data["revisi"], data["revisi_lalu"], data["kesalahan"]) == (None, 0, [])
    assert data["total_pagu"] == "7705800000.00"
    beda = {
        b["kode_lengkap"]: (b["status"], b["pagu_lama"], b["pagu_baru"], b["selisih"])
        for b in data["beda"]
    }
    assert beda == {
        KEGIATAN: ("uraian", "0.00", "0.00", "0.00"),
        f"{AKUN_BAHAN}.1": ("ubah", "50000.00", "100000.00", "50000.00"),
        f"{AKUN_BAHAN}.2": ("uraian", "100000.00", "100000.00", "0.00"),
        f"{AKUN_PAKET}.21": ("tambah", "0.00", "6750000.00", "6750000.00"),
        f"{AKUN_PROFESI_WA}.20": ("hapus", "50000000.00", "0.00", "-50000000.00"),
    }
    kegiatan = next(b for b in data["beda"] if b["kode_lengkap"] == KEGIATAN)
    assert (kegiatan["uraian_lama"], kegiatan["uraian"]) == (
        "Perencanaan Program dan Anggaran",
        "Perencanaan, Program dan Anggaran",
    )
    assert Revisi.objects.filter(dokumen=dokumen).count() == 1
    assert Pos.objects.get(kode_lengkap=KEGIATAN).uraian == "Perencanaan Program dan Anggaran"


def test_api_revisi_impor_writes_revision_and_uraian_audited(dokumen, staf_keuangan, masuk):
    r = _kirim(masuk(staf_keuangan), dokumen, _revisi_berkas())
    assert r.status_code == 201, r.content
    revisi = Revisi.objects.get(pk=r.json()["revisi"])
    assert (revisi.nomor, revisi.alasan, r.json()["nomor_revisi"]) == (1, "Revisi POK", 1)
    assert selectors.pohon_anggaran(dokumen=dokumen, revisi=revisi).pagu == Decimal("7705800000")
    assert Pos.objects.get(kode_lengkap=KEGIATAN).uraian == "Perencanaan, Program dan Anggaran"
    assert Pos.objects.get(kode_lengkap=f"{AKUN_BAHAN}.2").uraian == "- Kertas HVS A4"
    jejak = JejakAudit.objects.filter(aksi="impor").latest("pk")
    assert "3 detail" not in jejak.keterangan
    assert "1 detail ditambah, 1 dihapus, 1 diubah, 2 uraian diubah" in jejak.keterangan
    assert jejak.perubahan[f"Uraian {KEGIATAN}"] == [
        "Perencanaan Program dan Anggaran",
        "Perencanaan, Program dan Anggaran",
    ]


def test_api_revisi_impor_only_uraian_changes_no_revision(dokumen, staf_keuangan, masuk):
    rows = baris_dipa()
    for row in rows:
        if row and row[0] == KEGIATAN:
            row[1] = "Perencanaan Anggaran"
    r = _kirim(masuk(staf_keuangan), dokumen, xlsx(rows))
    assert r.status_code == 201, r.content
    assert r.json()["revisi"] is None
    assert [b["status"] for b in r.json()["beda"]] == ["uraian"]
    assert Revisi.objects.filter(dokumen=dokumen).count() == 1
    assert Pos.objects.get(kode_lengkap=KEGIATAN).uraian == "Perencanaan Anggaran"


def test_api_revisi_impor_refuses_akun_below_its_realisasi(dokumen, staf_keuangan, masuk):
    services.realisasi_create(
        pengguna=staf_keuangan,
        akun=Pos.objects.get(dokumen=dokumen, kode_lengkap=AKUN_PROFESI_WA),
        tanggal=date(2024, 3, 1),
        nomor_sp2d="240001",
        nilai=Decimal("500000000"),
    )
    client = masuk(staf_keuangan)
    for pratinjau in ("true", "false"):
        r = _kirim(client, dokumen, _revisi_berkas(), pratinjau=pratinjau)
        assert r.status_code == (200 if pratinjau == "true" else 400)
        assert [k["alasan"] for k in r.json()["kesalahan"]] == [
            f"Akun {AKUN_PROFESI_WA}: pagu menjadi Rp 475.000.000, di bawah realisasi "
            "Rp 500.000.000."
        ]
    assert Revisi.objects.filter(dokumen=dokumen).count() == 1
    assert Pos.objects.get(kode_lengkap=KEGIATAN).uraian == "Perencanaan Program dan Anggaran"


def test_api_revisi_impor_refused_to_anonymous_and_other_units(dokumen, client, staf, masuk):
    assert _kirim(client, dokumen, _revisi_berkas()).status_code in (401, 403)
    assert _kirim(masuk(staf), dokumen, _revisi_berkas()).status_code == 403
    assert Revisi.objects.filter(dokumen=dokumen).count() == 1


def test_api_revisi_impor_through_a_profile(dokumen, staf_keuangan, masuk, profil):  # noqa: F811
    isi = pok_lain(sumber=_baris_revisi())
    client = masuk(staf_keuangan)
    r = _kirim(client, dokumen, isi, profil=NAMA_PROFIL, pratinjau="true")
    assert r.status_code == 200, r.content
    assert (r.json()["kesalahan"], r.json()["total_pagu"]) == ([], "7705800000.00")
    assert len(r.json()["beda"]) == 3
    r = _kirim(client, dokumen, isi, profil=NAMA_PROFIL)
    assert r.status_code == 201, r.content
    revisi = Revisi.objects.get(dokumen=dokumen, nomor=1)
    assert selectors.pohon_anggaran(dokumen=dokumen, revisi=revisi).pagu == Decimal("7705800000")


def test_revisi_impor_page_shows_uraian_changes(dokumen, staf_keuangan, masuk):
    url = reverse("anggaran:revisi_impor", args=[dokumen.pk])
    client = masuk(staf_keuangan)
    berkas = SimpleUploadedFile("r.xlsx", _revisi_berkas())
    teks = client.post(url, DATA | {"berkas": berkas}).content.decode()
    assert "3 detail berubah; pagu menjadi Rp 7.705.800.000" in teks
    assert "2 uraian berubah." in teks
    assert "Uraian berubah" in teks and "<del>Perencanaan Program dan Anggaran</del>" in teks
