"""Importing a DIPA and a revision from a SAKTI-like POK sheet (``anggaran.impor_dipa``)."""

import io
import math
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from anggaran import selectors, services
from anggaran.impor_dipa import (
    dipa_impor,
    dipa_impor_periksa,
    revisi_impor,
    revisi_impor_periksa,
)
from anggaran.models import DokumenAnggaran, Pagu, Pos, Revisi
from kpu_site.impor import ImporGagal
from kpu_site.models import JejakAudit
from tests.data.buat_dipa_sakti import baris_dipa, xlsx_tulis

pytestmark = pytest.mark.django_db

CONTOH = Path(__file__).parent.parent / "data" / "dipa_sakti_2024.xlsx"
AKUN_BAHAN = "076.01.CQ.6701.QGE.001.051.A.521211"
AKUN_PROFESI_WA = "076.01.WA.6722.EBA.962.051.A.522151"
AKUN_PAKET = "076.01.CQ.6705.QGE.005.051.A.524114"
JUDUL = "KODE;URAIAN;VOLUME;SATUAN;HARGA SATUAN;JUMLAH\n"
# a small tree: program, kegiatan ... akun, then its detail lines
INDUK = [
    "076.01.CQ;Penyelenggaraan Pemilu;;;;",
    "076.01.CQ.6701;Perencanaan;;;;",
    "076.01.CQ.6701.QGE;Layanan;;;;",
    "076.01.CQ.6701.QGE.001;Dokumen;;;;",
    "076.01.CQ.6701.QGE.001.051;Persiapan;;;;",
    "076.01.CQ.6701.QGE.001.051.A;Rapat;;;;",
    f"{AKUN_BAHAN};Belanja Bahan;;;;",
]


def csv_kecil(*baris: str, judul: str = JUDUL) -> bytes:
    return (judul + "\n".join([*INDUK, *baris]) + "\n").encode()


def periksa(data: bytes, nama: str = "pok.csv"):
    return dipa_impor_periksa(tahun=2024, berkas=data, nama_berkas=nama)


def impor(pengguna, data: bytes, nama: str = "pok.xlsx", tahun: int = 2024):
    return dipa_impor(
        pengguna=pengguna,
        tahun=tahun,
        nomor=f"SP DIPA-076.01.2.670714/{tahun}",
        tanggal=date(2024, 1, 2),
        berkas=data,
        nama_berkas=nama,
    )


def xlsx(rows) -> bytes:
    buf = io.BytesIO()
    xlsx_tulis(rows, buf)
    return buf.getvalue()


def test_dipa_impor_periksa_sample_totals_per_program_and_kegiatan():
    hasil = periksa(CONTOH.read_bytes(), "dipa_sakti_2024.xlsx")
    assert hasil.kesalahan == []
    assert len(hasil.detail) == 560
    assert hasil.total == Decimal("7749000000")
    program = {b.kode_lengkap: j for b, j in hasil.ringkasan("program")}
    assert program == {
        "076.01.CQ": Decimal("6457500000"),
        "076.01.WA": Decimal("1291500000"),
    }
    kegiatan = {b.kode_lengkap: j for b, j in hasil.ringkasan("kegiatan")}
    assert kegiatan["076.01.CQ.6701"] == Decimal("430500000")
    assert kegiatan["076.01.CQ.6705"] == Decimal("2152500000")
    assert kegiatan["076.01.WA.6722"] == Decimal("861000000")
    assert DokumenAnggaran.objects.count() == 0


def test_dipa_impor_writes_document_tree_pagu_and_one_audit_entry(staf_keuangan):
    hasil = impor(staf_keuangan, CONTOH.read_bytes())
    dokumen = hasil.dokumen
    assert dokumen.jenis == "dipa" and dokumen.tahun == 2024
    assert list(dokumen.revisi.values_list("nomor", flat=True)) == [0]
    # 2 program, 7 kegiatan/KRO/RO/komponen/subkomponen, 28 akun, 560 detail
    assert Pos.objects.filter(dokumen=dokumen).count() == 2 + 7 * 5 + 28 + 560
    pohon = selectors.pohon_anggaran(dokumen=dokumen)
    assert pohon.pagu == Decimal("7749000000")
    detail = Pos.objects.get(dokumen=dokumen, kode_lengkap=f"{AKUN_PAKET}.20")
    assert detail.induk.kode_lengkap == AKUN_PAKET and detail.satuan == "OH"
    pagu = Pagu.objects.get(pos=detail)
    assert (pagu.volume, pagu.harga) == (Decimal("20"), Decimal("2250000"))
    assert JejakAudit.objects.filter(aksi="impor").count() == 1


def _lot_insert(model, n: int) -> int:
    """How many INSERTs ``bulk_create`` needs for ``n`` rows (1 on PostgreSQL; SQLite caps the
    parameters of one statement)."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    return math.ceil(n / min(2000, connection.ops.bulk_batch_size(fields, [None] * n)))


def test_dipa_impor_query_count_same_for_one_line_and_560(staf_keuangan):
    def segar():  # no cached permissions or content types from the other import
        ContentType.objects.clear_cache()
        return type(staf_keuangan).objects.get(pk=staf_keuangan.pk)

    kecil = csv_kecil(";Kertas;1;RIM;50.000;50.000")
    pengguna = segar()
    with CaptureQueriesContext(connection) as satu:
        impor(pengguna, kecil, "kecil.csv", tahun=2025)
    pengguna = segar()
    with CaptureQueriesContext(connection) as banyak:
        impor(pengguna, CONTOH.read_bytes())
    # the same queries; only the statement limit of SQLite splits the detail lines' INSERTs
    lot_tambahan = _lot_insert(Pos, 560) - 1 + _lot_insert(Pagu, 560) - 1
    assert len(banyak) == len(satu) + lot_tambahan


def test_dipa_impor_reads_indonesian_numbers_and_columns_per_level(staf_keuangan):
    judul = "Program;Kegiatan;KRO;RO;Komponen;Sub Komponen;Akun;Uraian;Volume;Satuan;"
    judul += "Harga Satuan;Jumlah Biaya\n"
    lv = ["076.01.CQ", "6701", "QGE", "001", "051", "A", "521211"]
    baris = [
        ";".join(lv[: i + 1] + [""] * (6 - i) + [f"Pos {i}", "", "", "", ""]) for i in range(7)
    ]
    baris.append(";".join([*lv, "Honor", "1,5", "OJ", "1.000.000,50", "1.500.000,75"]))
    hasil = periksa(("Judul POK\n" + judul + "\n".join(baris) + "\n").encode())
    assert hasil.kesalahan == []
    assert [(b.kode_lengkap, b.volume, b.harga) for b in hasil.detail] == [
        (f"{AKUN_BAHAN}.1", Decimal("1.5"), Decimal("1000000.50"))
    ]
    assert hasil.total == Decimal("1500000.75")


def _gagal(pengguna, data: bytes, nama: str = "pok.csv") -> list[str]:
    with pytest.raises(ImporGagal) as exc:
        impor(pengguna, data, nama)
    assert DokumenAnggaran.objects.count() == 0
    assert Pos.objects.count() == 0
    return [str(k) for k in exc.value.kesalahan]


def test_dipa_impor_subtotal_mismatch_names_row_and_column(staf_keuangan):
    data = csv_kecil(";Kertas;2;RIM;50.000;100.000", ";Tinta;1;BH;25.000;25.000")
    data = data.replace(b"Belanja Bahan;;;;", b"Belanja Bahan;;;;120.000")
    assert _gagal(staf_keuangan, data) == [
        "Baris 8, kolom JUMLAH: subtotal Rp 120.000 tidak sama dengan jumlah rinciannya Rp 125.000."
    ]


def test_dipa_impor_volume_times_harga_must_equal_jumlah(staf_keuangan):
    data = csv_kecil(";Kertas;2;RIM;50.000;110.000")
    assert _gagal(staf_keuangan, data) == [
        "Baris 9, kolom JUMLAH: volume × harga satuan = Rp 100.000, tidak sama dengan jumlah "
        "Rp 110.000."
    ]


def test_dipa_impor_code_whose_parent_is_missing(staf_keuangan):
    data = csv_kecil("076.01.CQ.6701.QGE.001.051.B.521211;Bahan;;;;", ";Kertas;1;RIM;5;5")
    assert _gagal(staf_keuangan, data) == [
        "Baris 9, kolom KODE: induk 076.01.CQ.6701.QGE.001.051.B (Subkomponen) tidak ada di berkas."
    ]


def test_dipa_impor_duplicate_detail(staf_keuangan):
    data = csv_kecil(f"{AKUN_BAHAN}.1;Kertas;1;RIM;5;5", f"{AKUN_BAHAN}.1;Tinta;1;BH;5;5")
    assert _gagal(staf_keuangan, data) == [
        f"Baris 10, kolom KODE: kode {AKUN_BAHAN}.1 ganda (sama dengan baris 9)."
    ]


def test_dipa_impor_missing_required_column(staf_keuangan):
    judul = "KODE;URAIAN;VOLUME;SATUAN;JUMLAH\n"
    data = (judul + f"{AKUN_BAHAN}.1;Kertas;1;RIM;5\n").encode()
    assert _gagal(staf_keuangan, data) == [
        "Baris 1, kolom HARGA SATUAN: kolom wajib tidak ada di baris judul."
    ]


def test_dipa_impor_empty_file_and_sheet_without_details(staf_keuangan):
    assert _gagal(staf_keuangan, b"") == ["Berkas: berkas kosong: tidak ada baris judul kolom."]
    assert _gagal(staf_keuangan, JUDUL.encode()) == ["Berkas: berkas tidak berisi baris detail."]


def test_dipa_impor_bad_numbers_and_grand_total(staf_keuangan):
    data = csv_kecil(";Kertas;dua;RIM;5;", ";Tinta;1;BH;0;", ";JUMLAH SELURUHNYA;;;;9")
    pesan = _gagal(staf_keuangan, data)
    assert pesan[0].startswith("Baris 9, kolom VOLUME: 'dua' bukan angka")
    assert pesan[1] == "Baris 10, kolom HARGA SATUAN: harus lebih dari 0."


def test_dipa_impor_refused_when_year_has_a_dipa(staf_keuangan):
    impor(staf_keuangan, CONTOH.read_bytes())
    hasil = periksa(CONTOH.read_bytes(), "lagi.xlsx")
    assert [str(k) for k in hasil.kesalahan] == [
        "Berkas: DIPA tahun 2024 sudah ada; impor sebagai revisi DIPA."
    ]


# --- revision ---------------------------------------------------------------------------------


def _ubah(kode_akun, i, vol, harga):
    if kode_akun == AKUN_BAHAN and i == 1:
        return 2, harga  # 50.000 -> 100.000
    if kode_akun == AKUN_PROFESI_WA and i == 20:
        return None  # 20 × 2.500.000 = 50.000.000 removed
    return vol, harga


def _lembar_revisi() -> bytes:
    return xlsx(_baris_revisi())


def _baris_revisi() -> list[list]:
    rows = baris_dipa(_ubah)
    # one detail added under an akun (numbered 21 after its 20 lines), its subtotals raised
    for n, row in enumerate(rows):
        if row and row[0] == AKUN_PAKET:
            akhir = n + 21
            rows.insert(akhir, ["", "Paket meeting tambahan", 3, "OH", 2_250_000, 6_750_000])
    tambah = {"076.01.CQ", "076.01.CQ.6705", "076.01.CQ.6705.QGE", "076.01.CQ.6705.QGE.005"}
    tambah |= {"076.01.CQ.6705.QGE.005.051", "076.01.CQ.6705.QGE.005.051.A", AKUN_PAKET}
    for row in rows:
        if row and row[0] in tambah:
            row[5] += 6_750_000
    rows[-1][5] = 7_749_000_000 + 50_000 - 50_000_000 + 6_750_000
    return rows


def test_revisi_impor_periksa_pins_the_diff(staf_keuangan):
    dokumen = impor(staf_keuangan, CONTOH.read_bytes()).dokumen
    hasil = revisi_impor_periksa(dokumen=dokumen, berkas=_lembar_revisi(), nama_berkas="r1.xlsx")
    assert hasil.kesalahan == []
    assert hasil.total == Decimal("7705800000")
    beda = [
        (b.status, b.kode_lengkap, b.pagu_lama, b.pagu_baru, b.selisih)
        for b in sorted(hasil.beda, key=lambda b: b.kode_lengkap)
    ]
    assert beda == [
        ("ubah", f"{AKUN_BAHAN}.1", Decimal("50000"), Decimal("100000"), Decimal("50000")),
        ("tambah", f"{AKUN_PAKET}.21", Decimal("0"), Decimal("6750000"), Decimal("6750000")),
        ("hapus", f"{AKUN_PROFESI_WA}.20", Decimal("50000000"), Decimal("0"), Decimal("-50000000")),
    ]
    assert Revisi.objects.filter(dokumen=dokumen).count() == 1


def test_revisi_impor_writes_next_revision(staf_keuangan):
    dokumen = impor(staf_keuangan, CONTOH.read_bytes()).dokumen
    revisi_impor(
        pengguna=staf_keuangan,
        dokumen=dokumen,
        tanggal=date(2024, 5, 2),
        alasan="Revisi POK",
        berkas=_lembar_revisi(),
        nama_berkas="r1.xlsx",
    )
    r0, r1 = Revisi.objects.filter(dokumen=dokumen).order_by("nomor")
    assert r1.nomor == 1
    assert selectors.pohon_anggaran(dokumen=dokumen, revisi=r0).pagu == Decimal("7749000000")
    assert selectors.pohon_anggaran(dokumen=dokumen, revisi=r1).pagu == Decimal("7705800000")
    baru = Pos.objects.get(dokumen=dokumen, kode_lengkap=f"{AKUN_PAKET}.21")
    assert Pagu.objects.get(revisi=r1, pos=baru).volume == 3
    assert not Pagu.objects.filter(revisi=r0, pos=baru).exists()
    assert JejakAudit.objects.filter(aksi="impor").count() == 2


def test_revisi_impor_refuses_akun_below_its_realisasi(staf_keuangan):
    dokumen = impor(staf_keuangan, CONTOH.read_bytes()).dokumen
    akun = Pos.objects.get(dokumen=dokumen, kode_lengkap=AKUN_PROFESI_WA)
    services.realisasi_create(
        pengguna=staf_keuangan,
        akun=akun,
        tanggal=date(2024, 3, 1),
        nomor_sp2d="240001",
        nilai=Decimal("500000000"),
    )
    # the sheet's row number (1-based; blank rows keep their number)
    nomor_akun = 1 + next(i for i, r in enumerate(_baris_revisi()) if r and r[0] == AKUN_PROFESI_WA)
    with pytest.raises(ImporGagal) as exc:
        revisi_impor(
            pengguna=staf_keuangan,
            dokumen=dokumen,
            tanggal=date(2024, 5, 2),
            alasan="Revisi POK",
            berkas=_lembar_revisi(),
            nama_berkas="r1.xlsx",
        )
    assert [str(k) for k in exc.value.kesalahan] == [
        f"Baris {nomor_akun}, kolom JUMLAH: Akun {AKUN_PROFESI_WA}: pagu "
        "menjadi Rp 475.000.000, di bawah realisasi Rp 500.000.000."
    ]
    assert Revisi.objects.filter(dokumen=dokumen).count() == 1
    assert not Pos.objects.filter(kode_lengkap=f"{AKUN_PAKET}.21").exists()


def test_revisi_impor_on_a_dipa_without_lines_adds_the_tree(staf_keuangan):
    dokumen = services.dokumen_create(
        pengguna=staf_keuangan,
        jenis="dipa",
        tahun=2024,
        nomor="SP DIPA-KOSONG/2024",
        tanggal=date(2024, 1, 2),
        uraian="DIPA 2024",
    )
    data = csv_kecil(";Kertas;2;RIM;50.000;100.000")
    hasil = revisi_impor(
        pengguna=staf_keuangan,
        dokumen=dokumen,
        tanggal=date(2024, 2, 1),
        alasan="Pagu dari POK",
        berkas=data,
        nama_berkas="pok.csv",
    )
    assert [(b.status, b.kode_lengkap, b.pagu_baru) for b in hasil.beda] == [
        ("tambah", f"{AKUN_BAHAN}.1", Decimal("100000"))
    ]
    revisi = Revisi.objects.get(dokumen=dokumen, nomor=1)
    assert selectors.pohon_anggaran(dokumen=dokumen, revisi=revisi).pagu == Decimal("100000")
