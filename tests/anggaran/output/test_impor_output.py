"""The import of monthly output realisasi (CSV and XLSX): what it writes, every row error as
"Baris N, kolom K", atomicity, re-importing the same file, and who may import which RO."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from anggaran import selectors, services, services_output
from anggaran.impor_output import realisasi_output_impor, realisasi_output_impor_periksa
from anggaran.models import RealisasiOutput
from kpu_site.impor import ImporGagal
from kpu_site.models import JejakAudit
from tests.berkas_uji import xlsx_dari_baris

from .dunia import KODE_RO, bulan_isi, target_set

pytestmark = pytest.mark.django_db

HEADER = "kode_ro;bulan;volume;tanggal_lapor;keterangan\n"


def _csv(*rows: str) -> bytes:
    return (HEADER + "".join(r + "\n" for r in rows)).encode()


def _impor(pengguna, dipa, data, nama="output.csv", **kwargs):
    return realisasi_output_impor(
        pengguna=pengguna, dokumen=dipa, berkas=data, nama_berkas=nama, **kwargs
    )


def _pesan(exc_info) -> list[str]:
    return [str(k) for k in exc_info.value.kesalahan]


def _tabel():
    return list(
        RealisasiOutput.objects.order_by("bulan").values_list(
            "bulan", "volume", "tanggal_lapor", "keterangan", "status"
        )
    )


TIGA_BULAN = (
    f"{KODE_RO};1;1;2023-02-03;Laporan Januari",
    f"{KODE_RO};Februari;2;03/03/2023;",
    f"{KODE_RO};03;1;2023-04-05;Laporan Maret",
)


def test_impor_writes_drafts_and_the_capaian_follows_once_submitted(
    dipa, ro, sekretaris, staf_keuangan
):
    target_set(ro, sekretaris)
    hasil = _impor(staf_keuangan, dipa, _csv(*TIGA_BULAN))
    assert (len(hasil.baris), hasil.jumlah_baru, hasil.dilewati) == (3, 3, [])
    assert _tabel() == [
        (1, Decimal("1"), date(2023, 2, 3), "Laporan Januari", "draft"),
        (2, Decimal("2"), date(2023, 3, 3), "", "draft"),
        (3, Decimal("1"), date(2023, 4, 5), "Laporan Maret", "draft"),
    ]
    (baris,) = selectors.output_ro_list(dokumen=dipa)
    assert baris.capaian == Decimal("0.00")  # drafts do not count
    jejak = JejakAudit.objects.get(aksi="impor")
    assert jejak.keterangan == (
        "Impor realisasi output RO output.csv: 3 baris (3 baru, draft); 0 baris sama dilewati."
    )
    # the same months, submitted this time: the drafts are replaced
    hasil = _impor(staf_keuangan, dipa, _csv(*TIGA_BULAN), ajukan=True)
    assert hasil.dilewati == [(2, KODE_RO, 1), (3, KODE_RO, 2), (4, KODE_RO, 3)]
    assert len(hasil.baris) == 0


def test_impor_with_ajukan_submits_and_gives_66_67(dipa, ro, sekretaris, staf_keuangan):
    target_set(ro, sekretaris)
    _impor(staf_keuangan, dipa, _csv(*TIGA_BULAN), ajukan=True)
    assert {s for *_, s in _tabel()} == {"diajukan"}
    (baris,) = selectors.output_ro_list(dokumen=dipa)
    assert (baris.kumulatif, baris.capaian) == (Decimal("4"), Decimal("66.67"))


def test_reimporting_the_same_file_changes_nothing(dipa, ro, sekretaris, staf_keuangan):
    target_set(ro, sekretaris)
    _impor(staf_keuangan, dipa, _csv(*TIGA_BULAN), ajukan=True)
    r = RealisasiOutput.objects.get(bulan=1)
    services_output.realisasi_output_verify(pengguna=sekretaris, realisasi=r)
    sebelum = _tabel()
    riwayat = RealisasiOutput.history.count()
    hasil = _impor(staf_keuangan, dipa, _csv(*TIGA_BULAN), ajukan=True)
    assert (len(hasil.baris), len(hasil.dilewati)) == (0, 3)
    assert _tabel() == sebelum
    assert RealisasiOutput.history.count() == riwayat


def test_a_changed_row_replaces_a_draft_or_returned_month(dipa, ro, sekretaris, staf_keuangan):
    target_set(ro, sekretaris)
    bulan_isi(ro, staf_keuangan, 1, "1", ajukan=False)
    r = bulan_isi(ro, staf_keuangan, 2, "1")
    services_output.realisasi_output_return(pengguna=sekretaris, realisasi=r, catatan="Salah")
    hasil = _impor(
        staf_keuangan,
        dipa,
        _csv(f"{KODE_RO};1;2;2023-02-03;", f"{KODE_RO};2;3;2023-03-03;"),
        nama="koreksi.csv",
    )
    assert [b.realisasi_id is not None for b in hasil.baris] == [True, True]
    assert [(b, v, s) for b, v, _t, _k, s in _tabel()] == [
        (1, Decimal("2"), "draft"),
        (2, Decimal("3"), "draft"),
    ]


def test_impor_reads_xlsx(dipa, ro, sekretaris, staf_keuangan):
    target_set(ro, sekretaris)
    berkas = xlsx_dari_baris(
        [
            ["Kode RO", "Bulan", "Volume", "Tanggal lapor", "Keterangan"],
            [KODE_RO, 1, 1, date(2023, 2, 3), "Laporan Januari"],
            [KODE_RO, "Februari", 2.5, "2023-03-03", None],
        ]
    )
    hasil = _impor(staf_keuangan, dipa, berkas, nama="output.xlsx")
    assert [(b.bulan, b.volume, b.tanggal_lapor) for b in hasil.baris] == [
        (1, Decimal("1"), date(2023, 2, 3)),
        (2, Decimal("2.5"), date(2023, 3, 3)),
    ]


def test_impor_reports_every_bad_row_and_writes_nothing(dipa, ro, sekretaris, staf_keuangan):
    target_set(ro, sekretaris)
    bulan_isi(ro, staf_keuangan, 12, "1")
    services_output.realisasi_output_verify(
        pengguna=sekretaris, realisasi=RealisasiOutput.objects.get()
    )
    data = _csv(
        f"{KODE_RO};1;1;2023-02-03;baik",  # 2: a good row, not written either
        "076.01.CQ.9999.QGE.001;2;1;2023-03-03;",  # 3
        "076.01.CQ.6709;2;1;2023-03-03;",  # 4
        ";2;1;2023-03-03;",  # 5
        f"{KODE_RO};13;1;2023-03-03;",  # 6
        f"{KODE_RO};;1;2023-03-03;",  # 7
        f"{KODE_RO};4;satu;2023-05-03;",  # 8
        f"{KODE_RO};5;1;31/02/2023;",  # 9
        f"{KODE_RO};6;1;2026-12-01;",  # 10
        f"{KODE_RO};7;1;2023-06-30;",  # 11
        f"{KODE_RO};1;1;2023-02-03;",  # 12
        f"{KODE_RO};8;-1;2023-09-03;",  # 13
        f"{KODE_RO};12;2;2024-01-05;",  # 14
        f"{KODE_RO};9;0,125;2023-10-03;",  # 15
    )
    with pytest.raises(ImporGagal) as exc:
        _impor(staf_keuangan, dipa, data)
    assert _pesan(exc) == [
        "Baris 3, kolom kode_ro: kode 076.01.CQ.9999.QGE.001 tidak ada di pohon anggaran.",
        "Baris 4, kolom kode_ro: 076.01.CQ.6709 adalah Kegiatan, bukan baris RO.",
        "Baris 5, kolom kode_ro: kosong.",
        "Baris 6, kolom bulan: '13' bukan bulan (isi 1–12 atau nama bulan, mis. 3 atau Maret).",
        "Baris 7, kolom bulan: kosong.",
        "Baris 8, kolom volume: 'satu' bukan angka (contoh yang benar: 1.500.000 atau "
        "1.500.000,50).",
        "Baris 9, kolom tanggal_lapor: '31/02/2023' bukan tanggal yang sah (gunakan TTTT-BB-HH, "
        "mis. 2023-10-17).",
        "Baris 10, kolom tanggal_lapor: Tanggal lapor 1 Desember 2026 belum terjadi (hari ini "
        "2 November 2026).",
        "Baris 11, kolom tanggal_lapor: Tanggal lapor tidak boleh sebelum 1 Juli 2023, awal "
        "bulan yang dilaporkan.",
        f"Baris 12, kolom bulan: RO {KODE_RO} bulan Januari ganda (sama dengan baris 2).",
        "Baris 13, kolom volume: Volume tidak boleh negatif.",
        f"Baris 14, kolom bulan: realisasi output RO {KODE_RO} bulan Desember sudah berstatus "
        "'Diverifikasi Kasubag'; tidak dapat diubah lewat impor.",
        "Baris 15, kolom volume: Volume paling banyak 2 angka desimal.",
    ]
    assert RealisasiOutput.objects.count() == 1
    assert not JejakAudit.objects.filter(aksi="impor").exists()


def test_the_bound_counts_the_whole_file_with_the_stored_months(
    dipa, ro, sekretaris, staf_keuangan
):
    """Stored: January 4 (its row in the file replaces nothing else). The file brings March 2
    and July 2: 8 Laporan against 7,2."""
    target_set(ro, sekretaris)
    bulan_isi(ro, staf_keuangan, 1, "4")
    data = _csv(f"{KODE_RO};3;2;2023-04-03;", f"{KODE_RO};7;2;2023-08-03;")
    with pytest.raises(ImporGagal) as exc:
        _impor(staf_keuangan, dipa, data)
    batas = (
        "Realisasi kumulatif menjadi 8 Laporan, melebihi batas wajar 7,2 Laporan (120% dari "
        "target 6 Laporan)."
    )
    assert _pesan(exc) == [f"Baris 2, kolom volume: {batas}", f"Baris 3, kolom volume: {batas}"]
    # one of the two fits
    hasil = _impor(staf_keuangan, dipa, _csv(f"{KODE_RO};3;2;2023-04-03;"))
    assert len(hasil.baris) == 1


def test_an_ro_without_target_is_a_row_error(dipa, ro, staf_keuangan):
    with pytest.raises(ImporGagal) as exc:
        _impor(staf_keuangan, dipa, _csv(f"{KODE_RO};1;1;2023-02-03;"))
    assert _pesan(exc) == [
        f"Baris 2, kolom kode_ro: RO {KODE_RO} belum memiliki target volume; isi target volume "
        "RO terlebih dahulu."
    ]


def test_a_unit_imports_only_the_ro_it_owns(dipa, ro, sekretaris, staf, staf_teknis, unit_demo):
    target_set(ro, sekretaris, unit=unit_demo["perencanaan"])
    with pytest.raises(ImporGagal) as exc:
        _impor(staf_teknis, dipa, _csv(f"{KODE_RO};1;1;2023-02-03;"))
    assert _pesan(exc) == [
        f"Baris 2, kolom kode_ro: realisasi output RO {KODE_RO} diisi oleh Sub Bagian Keuangan "
        "atau Sub Bagian Perencanaan, Data dan Informasi."
    ]
    hasil = _impor(staf, dipa, _csv(f"{KODE_RO};1;1;2023-02-03;"))
    assert RealisasiOutput.objects.get().dibuat_oleh == staf and hasil.disimpan


def test_a_locked_document_and_an_empty_file_are_file_errors(dipa, ro, sekretaris, staf_keuangan):
    target_set(ro, sekretaris)
    hasil = realisasi_output_impor_periksa(
        pengguna=staf_keuangan, dokumen=dipa, berkas=_csv(), nama_berkas="kosong.csv"
    )
    assert [str(k) for k in hasil.kesalahan] == ["Berkas: berkas tidak berisi baris data."]
    hasil = realisasi_output_impor_periksa(
        pengguna=staf_keuangan, dokumen=dipa, berkas=b"bulan;volume\n1;1\n", nama_berkas="a.csv"
    )
    assert [str(k) for k in hasil.kesalahan] == [
        "Baris 1, kolom kode_ro: kolom wajib tidak ada di baris judul.",
        "Baris 1, kolom tanggal_lapor: kolom wajib tidak ada di baris judul.",
    ]
    services.dokumen_lock(dokumen=dipa, pengguna=sekretaris)
    dipa.refresh_from_db()
    hasil = realisasi_output_impor_periksa(
        pengguna=staf_keuangan, dokumen=dipa, berkas=_csv(*TIGA_BULAN), nama_berkas="a.csv"
    )
    assert str(hasil.kesalahan[0]).startswith("Berkas: Impor tidak diizinkan: DIPA (APBN)")
