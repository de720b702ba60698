"""The LKE proposal rules whose data came with issue 17/18 part 2 (PK of every level, the
performance tree, the RKT, the DIPA linked to sasaran, efficiency, the LKj review, findings
followed up): each met / partly / absent with real objects, and ``lke_aturan_segarkan`` giving
an older worksheet the new rule keys."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from anggaran.models import Pos
from anggaran.models import Realisasi as RealisasiAnggaran
from kinerja import lke_usulan as u
from kinerja.lkj.model_reviu import KomentarReviu, PernyataanReviu
from kinerja.lkj.models import LaporanKinerja
from kinerja.model_lhe import LaporanHasilEvaluasi, TemuanEvaluasi, TindakLanjut
from kinerja.model_lke import KriteriaLke, LembarKerjaEvaluasi
from kinerja.model_pk_unit import PerjanjianKinerjaUnit
from kinerja.model_rkt import RencanaKinerjaTahunan
from kinerja.models import PerjanjianKinerja, Realisasi, SasaranUnit
from kinerja.services import lke as svc
from kpu_site.models import JejakAudit

from .pk_unit_dunia import SUB_BAGIAN, dunia_pk_buat

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def dunia(unit_demo):
    """Renstra with one sasaran per sub-bagian, the tree under each of them (indikator and 2023
    target), the Sekretaris's PK 2023 signed, a DIPA 2023 with kegiatan 6701 and 6702 linked to
    a sasaran and 6703 linked to none."""
    return dunia_pk_buat(unit_demo)


def _pk_unit(d, kode, status=PerjanjianKinerjaUnit.Status.DITANDATANGANI):
    return PerjanjianKinerjaUnit.objects.create(unit=d.units[kode], tahun=2023, status=status)


# --------------------------------------------------------------------------- 1.b.10


def test_pk_every_level_signed(dunia):
    d = dunia
    d.pk_sekretaris.status = PerjanjianKinerja.Status.DRAFT
    d.pk_sekretaris.save()
    jawaban, alasan, bukti = u.pk_semua_tingkat(2023)
    assert jawaban == "E"
    nama = [d.units[kode].nama for kode in SUB_BAGIAN]
    assert alasan == (
        "0 dari 5 PK 2023 (Sekretaris dan setiap sub bagian) ditandatangani; belum "
        f"ditandatangani: Sekretaris (masih draft), {', '.join(nama)}."
    )
    assert bukti == [("PK semua tingkat 2023", "/kinerja/pk-unit/2023/")]
    # partly: the Sekretaris signed, one sub-bagian signed, one only a draft
    d.pk_sekretaris.status = PerjanjianKinerja.Status.DITANDATANGANI
    d.pk_sekretaris.save()
    _pk_unit(d, "keuangan")
    _pk_unit(d, "teknis", PerjanjianKinerjaUnit.Status.DRAFT)
    jawaban, alasan, _ = u.pk_semua_tingkat(2023)
    assert jawaban == "C"
    assert alasan.startswith("2 dari 5 PK 2023 (Sekretaris dan setiap sub bagian) ditandatangani")
    assert f"{d.units['teknis'].nama} (masih draft)" in alasan
    assert d.units["perencanaan"].nama in alasan and "Sekretaris" not in alasan.split(":")[1]
    assert d.units["keuangan"].nama not in alasan
    # met
    PerjanjianKinerjaUnit.objects.filter(unit=d.units["teknis"]).update(status="ditandatangani")
    for kode in SUB_BAGIAN[2:]:
        _pk_unit(d, kode)
    jawaban, alasan, _ = u.pk_semua_tingkat(2023)
    assert (jawaban, alasan) == (
        "A",
        "5 dari 5 PK 2023 (Sekretaris dan setiap sub bagian) ditandatangani.",
    )


# --------------------------------------------------------------------------- 1.b.8


def test_tree_without_findings(dunia):
    d = dunia
    jawaban, alasan, bukti = u.pohon_tanpa_temuan(2023)
    assert jawaban == "A", alasan
    assert alasan == (
        "Pohon kinerja 2023: seluruh 4 sasaran strategis didukung sasaran sub bagian yang "
        "berindikator dan bertarget, tanpa temuan."
    )
    assert bukti == [("Pohon kinerja 2023", "/kinerja/pohon/2023/")]
    # partly: a sasaran strategis left without a node under it
    SasaranUnit.objects.filter(pk=d.node["hukum_sdm"].pk).update(tahun_selesai=2022)
    jawaban, alasan, _ = u.pohon_tanpa_temuan(2023)
    assert jawaban == "C"
    assert alasan.startswith(
        "Pohon kinerja 2023 memiliki 1 temuan, antara lain: Sasaran strategis 4"
    )
    # absent: no node valid in 2023
    SasaranUnit.objects.update(tahun_selesai=2022)
    assert u.pohon_tanpa_temuan(2023) == (
        "E",
        "Belum ada pohon kinerja (cascading) tahun 2023.",
        [],
    )


def test_tree_absent_without_renstra(db):
    assert u.pohon_tanpa_temuan(2023)[0] == "E"


# --------------------------------------------------------------------------- 1.a.4


def test_rkt_decreed_and_pk_signed(dunia):
    d = dunia
    jawaban, alasan, bukti = u.rkt_ditetapkan(2023)
    assert (jawaban, alasan) == ("T", "RKT 2023 belum ditetapkan.")
    assert bukti == [("PK 2023", "/kinerja/pk/2023/")]
    RencanaKinerjaTahunan.objects.create(
        tahun=2023, status=RencanaKinerjaTahunan.Status.DITETAPKAN, nomor="1/2023"
    )
    jawaban, alasan, bukti = u.rkt_ditetapkan(2023)
    assert (jawaban, alasan) == ("Y", "RKT 2023 ditetapkan dan PK 2023 ditandatangani.")
    assert bukti == [("RKT 2023", "/kinerja/rkt/2023/"), ("PK 2023", "/kinerja/pk/2023/")]
    d.pk_sekretaris.status = PerjanjianKinerja.Status.DRAFT
    d.pk_sekretaris.save()
    assert u.rkt_ditetapkan(2023)[:2] == ("T", "PK 2023 belum ditandatangani.")
    assert u.rkt_ditetapkan(2024)[:2] == (
        "T",
        "RKT 2024 belum ditetapkan; PK 2024 belum ditandatangani.",
    )


# --------------------------------------------------------------------------- 1.c.1


def test_dipa_kegiatan_linked_to_sasaran(dunia):
    d = dunia
    # 2 of 3 kegiatan linked: at least half
    jawaban, alasan, bukti = u.anggaran_tertaut_sasaran(2023)
    assert (jawaban, alasan) == (
        "C",
        "2 dari 3 kegiatan DIPA 2023 tertaut ke sasaran kinerja; belum tertaut: "
        "076.01.CQ.6703 Pembentukan Badan Ad Hoc.",
    )
    assert bukti == [("DIPA 2023", f"/anggaran/{d.dipa.pk}/")]
    k3 = Pos.objects.get(dokumen=d.dipa, kode="6703")
    k3.sasaran.add(d.sasaran["teknis"])
    assert u.anggaran_tertaut_sasaran(2023)[:2] == (
        "A",
        "3 dari 3 kegiatan DIPA 2023 tertaut ke sasaran kinerja.",
    )
    Pos.sasaran.through.objects.filter(pos__dokumen=d.dipa).exclude(pos=k3).delete()
    assert u.anggaran_tertaut_sasaran(2023)[0] == "E"  # 1 of 3
    assert u.anggaran_tertaut_sasaran(2024) is None  # no DIPA: the data cannot tell


# --------------------------------------------------------------------------- 2.c.8


def _bayar(d, kode, juta):
    pos = Pos.objects.get(dokumen=d.dipa, kode=kode)
    RealisasiAnggaran.objects.create(
        dokumen=d.dipa,
        akun=pos,
        tanggal=dt.date(2023, 11, 1),
        nomor_sp2d=f"SP2D-{kode}",
        nilai=D(juta * 1_000_000),
    )


def _capaian(d, kode, nilai):
    Realisasi.objects.create(
        indikator=d.sasaran[kode].indikator.get(), tahun=2023, periode="tahunan", nilai=D(nilai)
    )


def test_budget_efficiency(dunia):
    d = dunia
    assert u.efisiensi_anggaran(2023) is None  # no capaian yet
    # keuangan: pagu 350 jt, paid 315 jt = 90,00%; perencanaan: pagu 200 jt, paid 190 jt = 95,00%
    _bayar(d, "6701", 315)
    _bayar(d, "6702", 190)
    _capaian(d, "keuangan", 95)  # target 95 -> capaian 100%
    _capaian(d, "perencanaan", 95)
    jawaban, alasan, bukti = u.efisiensi_anggaran(2023)
    assert (jawaban, alasan) == (
        "A",
        "2 dari 2 sasaran capaiannya sama dengan atau melebihi serapan anggarannya.",
    )
    assert bukti == [("Capaian kinerja dan anggaran 2023", "/kinerja/capaian/2023/")]
    # one of two below: not most
    Realisasi.objects.filter(indikator=d.sasaran["perencanaan"].indikator.get()).update(
        nilai=D("76")
    )
    jawaban, alasan, _ = u.efisiensi_anggaran(2023)
    assert jawaban == "E"
    assert alasan == (
        "1 dari 2 sasaran capaiannya sama dengan atau melebihi serapan anggarannya; capaian di "
        "bawah serapan: Sasaran 3 (capaian 80,00%, serapan 95,00%)."
    )
    # a third sasaran funded and efficient: 2 of 3 is most
    k3 = Pos.objects.get(dokumen=d.dipa, kode="6703")
    k3.sasaran.add(d.sasaran["teknis"])
    _bayar(d, "6703", 25)  # pagu 50 jt: 50,00%
    _capaian(d, "teknis", 95)
    assert u.efisiensi_anggaran(2023)[0] == "C"


# --------------------------------------------------------------------------- 3.a.4


def _lkj():
    return LaporanKinerja.objects.create(tahun=2023, versi=1, status=LaporanKinerja.Status.SELESAI)


def test_lkj_reviewed(db, auditor):
    assert u.lkj_direviu(2023)[:2] == ("T", "Pernyataan telah direviu LKj 2023 belum dicatat.")
    laporan = _lkj()
    sekarang = timezone.now()
    komentar = [
        KomentarReviu.objects.create(
            laporan=laporan, bab="bab1", teks=f"K{i}", dibuat_oleh=auditor, dibuat_pada=sekarang
        )
        for i in range(2)
    ]
    assert u.lkj_direviu(2023)[:2] == ("T", "2 komentar reviu LKj 2023 belum ditutup pereviu.")
    pernyataan = PernyataanReviu.objects.create(
        tahun=2023,
        laporan=laporan,
        nomor="R-1/2024",
        tanggal=dt.date(2024, 3, 1),
        tempat="Serang",
        nama_pereviu="Auditor Uji",
        jabatan_pereviu="Auditor",
        teks="Telah direviu.",
        dicatat_oleh=auditor,
        dicatat_pada=sekarang,
    )
    KomentarReviu.objects.filter(pk=komentar[0].pk).update(status="ditutup", ditutup_pada=sekarang)
    jawaban, alasan, _ = u.lkj_direviu(2023)
    assert (jawaban, alasan) == (
        "T",
        "1 komentar reviu LKj 2023 belum ditutup pereviu, walaupun Pernyataan telah direviu "
        "LKj 2023 (R-1/2024) sudah dicatat.",
    )
    KomentarReviu.objects.update(status="ditutup", ditutup_pada=sekarang)
    jawaban, alasan, bukti = u.lkj_direviu(2023)
    assert jawaban == "Y"
    assert alasan == (
        f"{pernyataan} dicatat tanggal 1 Maret 2024 oleh Auditor Uji; tidak ada komentar reviu "
        "yang terbuka."
    )
    assert bukti == [
        ("LKj 2023", "/kinerja/lkj/2023/"),
        ("LKj 2023 versi 1", f"/kinerja/lkj/versi/{laporan.pk}/"),
    ]


# --------------------------------------------------------------------------- 4.c.1


def _temuan(lhe, nomor, unit, batas, status=TemuanEvaluasi.Status.BELUM):
    return TemuanEvaluasi.objects.create(
        lhe=lhe,
        nomor=nomor,
        uraian=f"Temuan {nomor}",
        rekomendasi="Perbaiki",
        unit=unit,
        batas_waktu=batas,
        status=status,
        diterima_pada=timezone.now() if status == TemuanEvaluasi.Status.SELESAI else None,
    )


def test_findings_followed_up(unit_demo):
    assert u.temuan_ditindaklanjuti(2023) is None  # no earlier LHE
    lhe = LaporanHasilEvaluasi.objects.create(
        tahun=2022, nomor="1/LHE", tanggal=dt.date(2023, 4, 1), evaluator="Inspektorat", nilai=70
    )
    LaporanHasilEvaluasi.objects.create(  # the evaluation of 2023 itself: not "earlier"
        tahun=2023, nomor="2/LHE", tanggal=dt.date(2024, 4, 1), evaluator="Inspektorat", nilai=72
    )
    unit = unit_demo["perencanaan"]
    assert u.temuan_ditindaklanjuti(2023)[:2] == (
        "A",
        "Seluruh 0 temuan LHE SAKIP 2022 telah selesai ditindaklanjuti.",
    )
    _temuan(lhe, 1, unit, dt.date(2023, 7, 31), TemuanEvaluasi.Status.SELESAI)
    t2 = _temuan(lhe, 2, unit, dt.date(2023, 9, 30), TemuanEvaluasi.Status.PROSES)
    TindakLanjut.objects.create(
        temuan=t2, tanggal=dt.date(2023, 9, 1), uraian="Sudah mulai", tautan="https://x.go.id/a"
    )
    _temuan(lhe, 3, unit, dt.date(2027, 1, 31))  # open, not yet due (today: 2 Nov 2026)
    jawaban, alasan, bukti = u.temuan_ditindaklanjuti(2023)
    assert (jawaban, alasan) == (
        "C",
        "2 dari 3 temuan LHE SAKIP 2022 belum selesai (1 dalam proses tindak lanjut).",
    )
    assert bukti == [("LHE SAKIP 2022", f"/kinerja/lhe/{lhe.pk}/")]
    TemuanEvaluasi.objects.filter(nomor=3).update(batas_waktu=dt.date(2023, 12, 31))
    jawaban, alasan, _ = u.temuan_ditindaklanjuti(2023)
    assert jawaban == "E"
    assert alasan == (
        "2 dari 3 temuan LHE SAKIP 2022 belum selesai; melewati batas waktu tanpa tindak lanjut: "
        "Temuan evaluasi 2022 no. 3 (batas 31 Desember 2023)."
    )
    TemuanEvaluasi.objects.exclude(nomor=1).update(
        status=TemuanEvaluasi.Status.SELESAI, diterima_pada=timezone.now()
    )
    assert u.temuan_ditindaklanjuti(2023)[0] == "A"


# --------------------------------------------------------------------------- older worksheets


def _hapus_aturan_baru(lke):
    KriteriaLke.objects.filter(
        sub__komponen__lke=lke,
        aturan__in=["anggaran_tertaut_sasaran", "efisiensi_anggaran"],
    ).update(aturan="")


def test_new_rules_keyed_in_the_8821_structure(sekretaris):
    lke = svc.lke_buat(pengguna=sekretaris, tahun=2023)
    aturan = {
        str(k): k.aturan for k in KriteriaLke.objects.filter(sub__komponen__lke=lke) if k.aturan
    }
    assert aturan["1.c.1"] == "anggaran_tertaut_sasaran"
    assert aturan["2.c.8"] == "efisiensi_anggaran"
    assert set(aturan.values()) <= set(u.ATURAN)


def test_refresh_gives_an_older_draft_worksheet_the_new_keys(sekretaris, kasubag):
    lke = svc.lke_buat(pengguna=sekretaris, tahun=2023)
    _hapus_aturan_baru(lke)  # as a worksheet created before these rules existed
    # a criterion a person set to another rule keeps it
    k = KriteriaLke.objects.get(sub__komponen__lke=lke, sub__kode="1.b", nomor=2)
    svc.kriteria_ubah(pengguna=sekretaris, kriteria=k, uraian=k.uraian, aturan="lkj_final")
    with pytest.raises(PermissionDenied):
        svc.lke_aturan_segarkan(pengguna=kasubag, lke=lke)
    assert svc.lke_aturan_segarkan(pengguna=sekretaris, lke=lke) == ["1.c.1", "2.c.8"]
    assert KriteriaLke.objects.get(sub__komponen__lke=lke, sub__kode="1.c", nomor=1).aturan == (
        "anggaran_tertaut_sasaran"
    )
    assert KriteriaLke.objects.get(pk=k.pk).aturan == "lkj_final"
    jejak = JejakAudit.objects.filter(keterangan__contains="aturan usulan ditambahkan").get()
    assert jejak.keterangan == "LKE 2023: aturan usulan ditambahkan pada 2 kriteria."
    assert svc.lke_aturan_segarkan(pengguna=sekretaris, lke=lke) == []  # nothing left


def test_refresh_refuses_a_final_worksheet(sekretaris):
    lke = svc.lke_buat(pengguna=sekretaris, tahun=2023)
    _hapus_aturan_baru(lke)
    LembarKerjaEvaluasi.objects.filter(pk=lke.pk).update(status="final")
    with pytest.raises(ValidationError) as e:
        svc.lke_aturan_segarkan(pengguna=sekretaris, lke=lke)
    assert e.value.messages == [
        "Penilaian mandiri LKE 2023 sudah final; lembar kerja tidak dapat diubah lagi."
    ]
    assert not KriteriaLke.objects.filter(aturan="efisiensi_anggaran").exists()


def test_refresh_button_on_the_worksheet_page(client, sekretaris, kasubag):
    lke = svc.lke_buat(pengguna=sekretaris, tahun=2023)
    _hapus_aturan_baru(lke)
    client.force_login(kasubag)
    assert "Lengkapi aturan usulan" not in client.get("/kinerja/lke/2023/").content.decode()
    assert client.post("/kinerja/lke/2023/aturan/").status_code == 403
    assert not KriteriaLke.objects.filter(aturan="efisiensi_anggaran").exists()
    client.force_login(sekretaris)
    assert "Lengkapi aturan usulan" in client.get("/kinerja/lke/2023/").content.decode()
    html = client.post("/kinerja/lke/2023/aturan/", follow=True).content.decode()
    assert "Aturan usulan ditambahkan pada 2 kriteria (1.c.1, 2.c.8)" in html
    html = client.post("/kinerja/lke/2023/aturan/", follow=True).content.decode()
    assert "Semua kriteria sudah memiliki aturan usulan bakunya." in html
