"""The figures of LKj 2023 Bab I (Kota Serang), pinned from the selectors on the demo data."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
import time_machine

from sekretariat import demo, selectors
from sekretariat.models import Komisioner, Pegawai, RiwayatJabatan

from .factories import JabatanFactory, PegawaiFactory, RiwayatJabatanFactory

pytestmark = pytest.mark.django_db

AKHIR_2023 = date(2023, 12, 31)
PERTENGAHAN_2023 = date(2023, 6, 30)


def test_demo_staff_by_status_is_10_pns_and_12_ppnpn(demo_organisasi):
    assert selectors.pegawai_hitung_status() == {"pns": 10, "ppnpn": 12, "total": 22}


def test_demo_pns_by_position_kind(demo_organisasi):
    assert selectors.pegawai_hitung_jenis_jabatan(tanggal=AKHIR_2023) == [
        ("Sekretaris", 1),
        ("Kepala Sub Bagian", 4),
        ("Jabatan Fungsional", 1),
        ("Staf Pelaksana", 4),
    ]


def test_demo_ppnpn_by_kind(demo_organisasi):
    assert [n for _, n in selectors.pegawai_hitung_jenis_ppnpn()] == [6, 3, 2, 1]


def test_demo_pns_by_education(demo_organisasi):
    assert selectors.pegawai_hitung_pendidikan(status="pns") == [
        ("Diploma III", 1),
        ("Strata 1", 7),
        ("Strata 2", 2),
    ]


def test_demo_ppnpn_by_education(demo_organisasi):
    assert selectors.pegawai_hitung_pendidikan(status="ppnpn") == [
        ("SLTA/SMA/SMK", 4),
        ("Strata 1", 8),
    ]


def test_pendidikan_semua_lists_every_level(demo_organisasi):
    rows = selectors.pegawai_hitung_pendidikan(status="pns", semua=True)
    assert len(rows) == len(Pegawai.Pendidikan)
    assert sum(n for _, n in rows) == 10


def test_demo_staff_per_unit_adds_up(demo_organisasi):
    rows = {b["unit"].kode: (b["pns"], b["ppnpn"]) for b in selectors.pegawai_hitung_unit()}
    assert rows["sekretariat"] == (1, 1)
    assert rows["keuangan"] == (2, 7)
    assert rows["jf"] == (1, 0)
    assert sum(p for p, _ in rows.values()) == 10
    assert sum(q for _, q in rows.values()) == 12


def test_struktur_shows_holders_before_and_after_17_oktober_2023(demo_organisasi):
    def kepala(tanggal):
        return {
            node.unit.kode: node.kepala.pegawai.nama if node.kepala else None
            for _, node in selectors.struktur_baris(tanggal=tanggal)
        }

    sebelum, sesudah = kepala(PERTENGAHAN_2023), kepala(AKHIR_2023)
    assert sebelum["keuangan"] == "Rina Herlina, S.E."
    assert sesudah["keuangan"] == "Andrie Minggon Munggaran, S.E."
    assert sebelum["perencanaan"] == "Erlin Herlina, S.Kom."
    assert sesudah["perencanaan"] == "Dede Kusmana, S.T."
    assert sebelum["hukum_sdm"] == "Encep Supriyadi, S.H."
    assert sesudah["hukum_sdm"] == "Ratih Permata WM, S.H."
    assert sebelum["teknis"] == sesudah["teknis"] == "Tomi Irawan, S.IP."
    # the day of the replacement belongs to the new holder (half-open periods)
    assert kepala(date(2023, 10, 17))["keuangan"] == "Andrie Minggon Munggaran, S.E."
    assert kepala(date(2023, 10, 16))["keuangan"] == "Rina Herlina, S.E."


def test_struktur_tree_has_sekretariat_root_with_five_children(demo_organisasi):
    akar = selectors.struktur_organisasi(tanggal=AKHIR_2023)
    assert [n.unit.kode for n in akar] == ["sekretariat"]
    assert [n.unit.kode for n in akar[0].anak] == [
        "keuangan",
        "teknis",
        "perencanaan",
        "hukum_sdm",
        "jf",
    ]
    jf = akar[0].anak[-1]
    assert [r.pegawai.nama for r in jf.anggota] == ["Mahpudin, S.Ag., M.Si."]


def test_pejabat_sekretaris_and_ketua(demo_organisasi):
    sekretaris = selectors.pejabat_sekretaris(tanggal=AKHIR_2023)
    assert sekretaris.nama == "Hendro Sulistyo, S.Sos., M.Si."
    assert sekretaris.nip == "197205141998031001"
    assert sekretaris.jabatan_display == "Sekretaris"
    assert selectors.pejabat_sekretaris(tanggal=date(2019, 1, 1)) is None
    ketua = selectors.ketua_komisioner(tanggal=AKHIR_2023)
    assert ketua.nama == "Muhammad Ridwan Fauzi, S.Sos."
    assert ketua.jabatan_display.startswith("Ketua, Divisi Keuangan")
    assert selectors.komisioner_peringatan(tanggal=AKHIR_2023) == []


def test_sk_1921_replaced_three_kasubag(demo_organisasi):
    baru = RiwayatJabatan.objects.filter(nomor_sk="1921 Tahun 2023")
    assert baru.count() == 3
    ditutup = RiwayatJabatan.objects.filter(tanggal_selesai=date(2023, 10, 17))
    assert sorted(r.pegawai.nama.split(",")[0] for r in ditutup) == [
        "Encep Supriyadi",
        "Erlin Herlina",
        "Rina Herlina",
    ]
    assert not any(r.pegawai.aktif for r in ditutup)


def test_demo_is_idempotent(demo_organisasi):
    counts = (
        Pegawai.objects.count(),
        RiwayatJabatan.objects.count(),
        Komisioner.objects.count(),
        Pegawai.history.count(),
        RiwayatJabatan.history.count(),
    )
    demo.muat(stdout=io.StringIO())
    assert counts == (
        Pegawai.objects.count(),
        RiwayatJabatan.objects.count(),
        Komisioner.objects.count(),
        Pegawai.history.count(),
        RiwayatJabatan.history.count(),
    )


def test_pegawai_list_search_by_name_and_nip(demo_organisasi):
    assert [p.nama for p in selectors.pegawai_list(q="kusmana")] == ["Dede Kusmana, S.T."]
    assert [p.nama for p in selectors.pegawai_list(q="1987 0217")] == ["Ratih Permata WM, S.H."]
    assert selectors.pegawai_list(aktif=False).count() == 3


@time_machine.travel(datetime(2024, 3, 1, 5, 0, tzinfo=UTC), tick=False)  # 1 Maret 2024, WIB
def test_jabatan_kini_is_the_same_with_and_without_the_selectors_prefetch(
    db, django_assert_num_queries
):
    """A pegawai whose old appointment ended today, whose current one began today and whose
    next one (SK already signed) begins next month holds the current one, whether or not a
    selector prefetched ``riwayat_aktif``."""
    p = PegawaiFactory()
    RiwayatJabatanFactory(
        pegawai=p,
        jabatan=JabatanFactory(nama="Penata Laporan Keuangan"),
        tanggal_mulai=date(2020, 1, 2),
        tanggal_selesai=date(2024, 3, 1),
    )
    RiwayatJabatanFactory(
        pegawai=p, jabatan=JabatanFactory(nama="Analis Kebijakan"), tanggal_mulai=date(2024, 3, 1)
    )
    RiwayatJabatanFactory(
        pegawai=p,
        jabatan=JabatanFactory(nama="Kepala Sub Bagian Uji"),
        tanggal_mulai=date(2024, 4, 1),
    )
    tanpa_prefetch = Pegawai.objects.get(pk=p.pk)
    with django_assert_num_queries(1):
        assert tanpa_prefetch.jabatan_display == "Analis Kebijakan"
    dengan_prefetch = selectors.pegawai_detail(pk=p.pk)
    with django_assert_num_queries(0):
        assert dengan_prefetch.jabatan_display == "Analis Kebijakan"
    assert dengan_prefetch.jabatan_kini == tanpa_prefetch.jabatan_kini
    assert [x.jabatan_display for x in selectors.pegawai_list()] == ["Analis Kebijakan"]
