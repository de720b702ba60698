"""The LKj pre-flight's consistency checks: what a reviewer would find, each with a link that
fixes it, on crafted data and on the demo."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from anggaran import services as ang_services
from anggaran.models import Pos
from kinerja.lkj import services
from kinerja.lkj.models import NaskahLkj, TemuanDijelaskan
from kinerja.lkj.preflight import (
    angka_bertentangan,
    angka_tertulis,
    capaian_serapan_janggal,
    lkj_preflight,
    pendidikan_tidak_cocok,
    sebulan_setelah,
)
from kinerja.models import PerjanjianKinerja, Realisasi
from kpu_site.models import JejakAudit
from tests.anggaran.factories import DokumenAnggaranFactory, pohon_kecil
from tests.conftest import demo_inti_muat
from tests.kinerja import factories as kf


def _ringkas(temuan):
    return [(t.jenis, t.subjek) for t in temuan]


@pytest.fixture
def tahun_uji(db, admin_user):
    """2023 with one sasaran and one indikator (target 100, realisasi 100, approved), a signed
    PK of 2 January 2023, a DIPA of 5 December 2022 whose only kegiatan funds that sasaran
    with a pagu of Rp 1.500.000 of which Rp 300.000 is spent (serapan 20%)."""
    indikator = kf.IndikatorFactory(kode="IKSS 1", sasaran__nomor=1, sasaran__uraian="Sasaran A")
    kf.TargetTahunanFactory(indikator=indikator, tahun=2023, target=Decimal("100"))
    pk = kf.PerjanjianKinerjaFactory(status=PerjanjianKinerja.Status.DITANDATANGANI)
    kf.PKBarisFactory(perjanjian=pk, indikator=indikator, target=Decimal("100"))
    realisasi = kf.RealisasiFactory(
        indikator=indikator, nilai=Decimal("100"), status=Realisasi.Status.DISETUJUI
    )
    dipa = DokumenAnggaranFactory(tanggal=date(2022, 12, 5))
    pohon = pohon_kecil(dipa, admin_user)
    ang_services.realisasi_create(
        pengguna=admin_user,
        akun=pohon["akun"][0],
        tanggal=date(2023, 6, 1),
        nomor_sp2d="SP2D-1",
        nilai=Decimal("300000"),
    )
    kegiatan = Pos.objects.get(dokumen=dipa, tingkat=Pos.Tingkat.KEGIATAN)
    ang_services.pos_sasaran_set(pengguna=admin_user, pos=kegiatan, sasaran=[indikator.sasaran])
    return {
        "indikator": indikator,
        "pk": pk,
        "realisasi": realisasi,
        "dipa": dipa,
        "kegiatan": kegiatan,
        "admin": admin_user,
    }


# --------------------------------------------------------------------------- capaian vs serapan


def test_capaian_100_with_serapan_20_owes_an_explanation(tahun_uji, client, sekretaris):
    temuan = lkj_preflight(tahun=2023)
    assert _ringkas(temuan) == [("capaian_serapan", "IKSS 1")]
    (t,) = temuan
    assert t.wajib and t.kunci
    assert "capaian 100,00% dengan serapan anggaran sasaran 20,00%" in t.pesan
    client.force_login(sekretaris)
    assert client.get(t.tautan).status_code == 200


def test_the_finding_stays_until_the_analysis_is_longer_than_200_characters(tahun_uji):
    realisasi = tahun_uji["realisasi"]
    realisasi.analisis = "x" * 200
    realisasi.save()
    assert _ringkas(lkj_preflight(tahun=2023)) == [("capaian_serapan", "IKSS 1")]
    realisasi.analisis = "x" * 201
    realisasi.save()
    assert lkj_preflight(tahun=2023) == []


def test_the_sekretaris_marks_the_finding_explained_on_the_lkj_page(
    tahun_uji, client, sekretaris, kasubag
):
    halaman = reverse("kinerja:lkj_tahun", args=[2023])
    client.force_login(kasubag)
    assert "Tandai sudah dijelaskan" not in client.get(halaman).content.decode()
    (t,) = lkj_preflight(tahun=2023)
    aksi = reverse("kinerja:lkj_temuan_jelaskan", args=[2023])
    assert client.post(aksi, {"kunci": t.kunci}).status_code == 403
    with pytest.raises(PermissionDenied):
        services.temuan_jelaskan(tahun=2023, kunci=t.kunci, pengguna=kasubag)

    client.force_login(sekretaris)
    html = client.get(halaman).content.decode()
    assert "Tandai sudah dijelaskan" in html and "Susun laporan (DRAF)" in html
    client.post(aksi, {"kunci": t.kunci})
    assert lkj_preflight(tahun=2023) == []
    catatan = TemuanDijelaskan.objects.get(tahun=2023, kunci=t.kunci)
    assert catatan.dijelaskan_oleh == sekretaris
    assert JejakAudit.objects.filter(
        pengguna=sekretaris, keterangan__contains="IKSS 1) ditandai sudah dijelaskan"
    ).exists()
    html = client.get(halaman).content.decode()
    assert "Pemeriksaan bersih" in html and "Susun laporan (DRAF)" not in html
    # a key that names no current finding is refused
    with pytest.raises(ValidationError, match="kunci 'serapan:999'"):
        services.temuan_jelaskan(tahun=2023, kunci="serapan:999", pengguna=sekretaris)


def test_capaian_serapan_rule_both_ways():
    d = Decimal
    assert capaian_serapan_janggal(d(100), d("49.99"))
    assert not capaian_serapan_janggal(d(100), d(50))
    assert not capaian_serapan_janggal(d("99.99"), d(10))
    # the reverse: under half the target with the budget (practically) all spent
    assert capaian_serapan_janggal(d("49.99"), d(90))
    assert not capaian_serapan_janggal(d(50), d(100))
    assert not capaian_serapan_janggal(d(40), d("89.99"))
    assert not capaian_serapan_janggal(None, d(10))


def test_reverse_case_low_capaian_with_the_budget_spent(tahun_uji):
    tahun_uji["realisasi"].nilai = Decimal("40")
    tahun_uji["realisasi"].save()
    for nomor, kode, nilai in (("SP2D-2", "521211", "600000"), ("SP2D-3", "521213", "500000")):
        ang_services.realisasi_create(
            pengguna=tahun_uji["admin"],
            akun=Pos.objects.get(kode=kode),
            tanggal=date(2023, 7, 1),
            nomor_sp2d=nomor,
            nilai=Decimal(nilai),
        )
    (t,) = lkj_preflight(tahun=2023)
    assert t.jenis == "capaian_serapan"
    assert "capaian 40,00% dengan serapan anggaran sasaran 93,33%" in t.pesan


# --------------------------------------------------------------------------- the PK date


def test_pk_signed_more_than_a_month_after_the_dipa(tahun_uji, client, sekretaris):
    assert sebulan_setelah(date(2022, 12, 5)) == date(2023, 1, 5)
    assert sebulan_setelah(date(2023, 1, 31)) == date(2023, 2, 28)
    tahun_uji["realisasi"].analisis = "x" * 201
    tahun_uji["realisasi"].save()
    PerjanjianKinerja.objects.filter(pk=tahun_uji["pk"].pk).update(tanggal=date(2023, 1, 5))
    assert lkj_preflight(tahun=2023) == []
    PerjanjianKinerja.objects.filter(pk=tahun_uji["pk"].pk).update(tanggal=date(2023, 1, 6))
    (t,) = lkj_preflight(tahun=2023)
    assert (t.jenis, t.subjek, t.wajib) == ("pk_terlambat", "PK 2023", False)
    assert "ditandatangani 6 Januari 2023" in t.pesan and "5 Desember 2022" in t.pesan
    client.force_login(sekretaris)
    assert client.get(t.tautan).status_code == 200
    # a reviewer's note: the version is not a draft
    laporan = services.laporan_request(tahun=2023, pengguna=sekretaris, antrekan=False)
    assert laporan.draf is False


# --------------------------------------------------------------------------- staff counts


def test_pendidikan_counts_must_add_up_to_the_staff_count():
    assert (
        pendidikan_tidak_cocok(
            tahun=2023, status="pns", label="PNS", jumlah=10, per_pendidikan={"S1": 6, "S2": 4}
        )
        is None
    )
    t = pendidikan_tidak_cocok(
        tahun=2023, status="pns", label="PNS", jumlah=10, per_pendidikan={"S1": 6, "S2": 3}
    )
    assert (t.jenis, t.subjek, t.wajib) == ("pegawai", "PNS", True)
    assert "PNS menurut pendidikan (9 orang)" in t.pesan
    assert "pada 31 Desember 2023 (10 orang)" in t.pesan
    assert t.tautan == reverse("sekretariat:pegawai_list") + "?status=pns&tanggal=2023-12-31"


def test_a_pegawai_without_a_known_education_is_a_finding(tahun_uji, client, sekretaris):
    from sekretariat.models import RiwayatPendidikan
    from tests.sekretariat.factories import PegawaiFactory

    tahun_uji["realisasi"].analisis = "x" * 201
    tahun_uji["realisasi"].save()
    PegawaiFactory()
    lain = PegawaiFactory()
    assert lkj_preflight(tahun=2023) == []
    # a diploma recorded with a date after the year end: on 31 December the pegawai counts
    # as staff but in no education level
    RiwayatPendidikan.objects.create(
        pegawai=lain, jenjang=lain.pendidikan, tanggal_ijazah=date(2024, 3, 1)
    )
    (t,) = lkj_preflight(tahun=2023)
    assert (t.jenis, t.subjek) == ("pegawai", "PNS")
    assert "(1 orang)" in t.pesan and "(2 orang)" in t.pesan
    client.force_login(sekretaris)
    assert client.get(t.tautan).status_code == 200


# --------------------------------------------------------------------------- budget links


def test_sasaran_without_budget_and_kegiatan_without_sasaran(tahun_uji, client, sekretaris):
    tahun_uji["realisasi"].analisis = "x" * 201
    tahun_uji["realisasi"].save()
    lain = kf.IndikatorFactory(
        kode="IKSS 2", sasaran__nomor=2, sasaran__tujuan=tahun_uji["indikator"].sasaran.tujuan
    )
    kf.TargetTahunanFactory(indikator=lain, tahun=2023, target=Decimal("100"))
    kf.RealisasiFactory(
        indikator=lain, nilai=Decimal("100"), status=Realisasi.Status.DISETUJUI, analisis="x" * 201
    )
    assert _ringkas(lkj_preflight(tahun=2023)) == [("sasaran_tanpa_anggaran", "Sasaran 2")]

    ang_services.pos_sasaran_set(
        pengguna=tahun_uji["admin"], pos=tahun_uji["kegiatan"], sasaran=[lain.sasaran]
    )
    # the kegiatan still funds a sasaran; sasaran 1 now has no line (and so no serapan)
    assert _ringkas(lkj_preflight(tahun=2023)) == [("sasaran_tanpa_anggaran", "Sasaran 1")]

    ang_services.pos_sasaran_set(pengguna=tahun_uji["admin"], pos=tahun_uji["kegiatan"], sasaran=[])
    temuan = lkj_preflight(tahun=2023)
    assert _ringkas(temuan) == [
        ("sasaran_tanpa_anggaran", "Sasaran 1"),
        ("sasaran_tanpa_anggaran", "Sasaran 2"),
        ("kegiatan_tanpa_sasaran", "076.01.CQ.6709"),
    ]
    assert not any(t.wajib for t in temuan)
    assert temuan[2].tautan == reverse("anggaran:pos_update", args=[tahun_uji["kegiatan"].pk])
    client.force_login(sekretaris)
    for t in temuan:
        assert client.get(t.tautan).status_code == 200, t

    # an RO under the kegiatan linked to the sasaran counts for the kegiatan
    ro = Pos.objects.get(dokumen=tahun_uji["dipa"], tingkat=Pos.Tingkat.RO)
    ang_services.pos_sasaran_set(
        pengguna=tahun_uji["admin"], pos=ro, sasaran=[tahun_uji["indikator"].sasaran]
    )
    assert ("kegiatan_tanpa_sasaran", "076.01.CQ.6709") not in _ringkas(lkj_preflight(tahun=2023))


# --------------------------------------------------------------------------- typed figures


def test_typed_figures_are_read_with_the_label_before_them():
    teks = (
        "Realisasi anggaran DIPA sebesar Rp 16.000.000.000 dari pagu Rp 17.000.000.000,50 "
        "(94,12%). Sisa anggaran: Rp 77.381.112. Serapan 99,6 %, rata-rata capaian 101%.\n"
        "Capaian IKSS 10 sebesar 100%."
    )
    tertulis = [(a.isian, a.teks, a.nilai, a.desimal) for a in angka_tertulis(teks)]
    assert tertulis == [
        ("realisasi_dipa", "Rp 16.000.000.000", Decimal("16000000000"), 0),
        ("pagu_dipa", "Rp 17.000.000.000,50", Decimal("17000000000.50"), 2),
        ("sisa_dipa", "Rp 77.381.112", Decimal("77381112"), 0),
        ("serapan_dipa", "99,6 %", Decimal("99.6"), 1),
        ("rata_rata_capaian", "101%", Decimal("101"), 0),
    ]
    isian = {
        "realisasi_dipa": "Rp 16.000.000.000",
        "pagu_dipa": "Rp 17.000.000.000",
        "sisa_dipa": "Rp 88.874.112",
        "serapan_dipa": "99,56%",
        "rata_rata_capaian": "101,12%",
    }
    beda = [(a.teks, dihitung) for a, dihitung in angka_bertentangan(angka_tertulis(teks), isian)]
    # 99,56% read at one decimal is 99,6%; 101,12% at none is 101%
    assert beda == [
        ("Rp 17.000.000.000,50", "Rp 17.000.000.000"),
        ("Rp 77.381.112", "Rp 88.874.112"),
    ]


# --------------------------------------------------------------------------- the demo


@pytest.fixture
def demo(db):
    demo_inti_muat()


def test_demo_findings_2023_and_2022(demo, client):
    from django.contrib.auth import get_user_model

    temuan = lkj_preflight(tahun=2023)
    assert [(t.jenis, t.subjek, t.wajib) for t in temuan] == [
        ("temuan_evaluasi", "Temuan 2022 no. 2", False),  # the demo LHE 2022, still open
        ("temuan_evaluasi", "Temuan 2022 no. 3", False),
        ("sasaran_tanpa_anggaran", "Sasaran 12", False),
        ("capaian_serapan", "IKSS 10", True),
    ]
    assert "(Sub Bagian Keuangan, Umum dan Logistik) belum selesai" in temuan[0].pesan
    assert "Sasaran 12 (Terwujudnya Reformasi Birokrasi di KPU Kota Serang)" in temuan[2].pesan
    assert "Terlaksananya Masa Kampanye Pemilu" in temuan[3].pesan
    assert "capaian 100,00% dengan serapan anggaran sasaran 22,75%" in temuan[3].pesan
    assert _ringkas(lkj_preflight(tahun=2022)) == [("target", "IKSS 11"), ("anggaran", "DIPA 2022")]
    client.force_login(get_user_model().objects.get(username="sekretaris"))
    for t in temuan:
        assert client.get(t.tautan).status_code == 200, t
    html = client.get(reverse("kinerja:lkj_tahun", args=[2023])).content.decode()
    assert "1 hal perlu diperbaiki" in html and "Susun laporan (DRAF)" in html
    catatan = html.split("Catatan pemeriksa")[1]
    assert "Sasaran 12 (Terwujudnya Reformasi Birokrasi" in catatan
    assert "IKSS 10" not in catatan

    # A narrative that types the sisa anggaran wrong is a finding quoting both figures.
    NaskahLkj.objects.create(
        tahun=2023,
        penutup="Serapan anggaran 99,56% dengan sisa anggaran Rp 77.381.112.",
    )
    baru = lkj_preflight(tahun=2023)[4:]
    assert [(t.jenis, t.subjek, t.wajib) for t in baru] == [("naskah_angka", "penutup", True)]
    assert "“Rp 77.381.112”" in baru[0].pesan and "Rp 88.874.112" in baru[0].pesan
    assert client.get(baru[0].tautan).status_code == 200
