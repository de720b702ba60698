import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from anggaran import selectors, services
from anggaran.impor import realisasi_impor, realisasi_impor_periksa
from anggaran.models import ImporRealisasi, Pos, Realisasi
from kpu_site.impor import ImporGagal
from kpu_site.models import JejakAudit

from .factories import DokumenAnggaranFactory, pohon_kecil

pytestmark = pytest.mark.django_db

AKUN1 = "076.01.CQ.6709.QGE.001.051.A.521211"
AKUN2 = "076.01.CQ.6709.QGE.001.051.A.521213"
HEADER = "tanggal;nomor_sp2d;kode_akun;uraian;nilai\n"


@pytest.fixture
def dipa(sekretaris):
    dokumen = DokumenAnggaranFactory()
    pohon_kecil(dokumen, sekretaris)
    return dokumen


def csv_bytes(*rows, encoding="utf-8"):
    return (HEADER + "".join(r + "\n" for r in rows)).encode(encoding)


def test_impor_reads_indonesian_amounts_and_windows_1252(dipa, staf_keuangan):
    data = csv_bytes(
        f"2023-03-01;230001;{AKUN1};Honor narasumber – café;1.500,50",
        f"17/10/2023;230002;{AKUN1};Belanja bahan;250.000",
        f"2023-10-18;230002;{AKUN2};Belanja bahan;1.000,25",
        encoding="cp1252",
    )
    hasil = realisasi_impor(
        pengguna=staf_keuangan, dokumen=dipa, berkas=data, nama_berkas="sakti.csv"
    )
    assert len(hasil.baris) == 3
    assert hasil.total_nilai == Decimal("252500.75")
    r = Realisasi.objects.get(nomor_sp2d="230001")
    assert r.uraian == "Honor narasumber – café"
    assert r.nilai == Decimal("1500.50")
    assert selectors.pohon_anggaran(dokumen=dipa).realisasi == Decimal("252500.75")
    assert JejakAudit.objects.filter(aksi="impor").count() == 1


def test_impor_same_file_twice_does_not_double(dipa, staf_keuangan):
    data = csv_bytes(f"2023-03-01;1;{AKUN1};a;100", f"2023-03-02;2;{AKUN1};b;200")
    realisasi_impor(pengguna=staf_keuangan, dokumen=dipa, berkas=data, nama_berkas="a.csv")
    hasil = realisasi_impor(pengguna=staf_keuangan, dokumen=dipa, berkas=data, nama_berkas="a.csv")
    assert len(hasil.baris) == 0 and len(hasil.dilewati) == 2
    assert selectors.pohon_anggaran(dokumen=dipa).realisasi == Decimal("300")


def test_impor_reports_every_bad_row_and_writes_nothing(dipa, staf_keuangan):
    data = csv_bytes(
        f"2023-03-01;1;{AKUN1};ok;100",
        f"2023-03-01;2;{AKUN1};teks;seratus ribu",
        "2023-03-01;3;076.01.CQ.9999.521211;kode salah;100",
        f"2023-03-01;1;{AKUN1};ganda;100",
        f"2023-13-01;4;{AKUN1};tanggal salah;100",
        f"2023-03-01;5;{AKUN1};negatif;-100",
        "2023-03-01;6;076.01.CQ.6709;bukan akun;100",
        f"2023-03-01;7;{AKUN2};di atas pagu;500.000,01",
    )
    with pytest.raises(ImporGagal) as exc:
        realisasi_impor(pengguna=staf_keuangan, dokumen=dipa, berkas=data, nama_berkas="x.csv")
    pesan = [str(k) for k in exc.value.kesalahan]
    assert pesan[0].startswith("Baris 3, kolom nilai: 'seratus ribu' bukan angka")
    assert (
        pesan[1]
        == "Baris 4, kolom kode_akun: kode 076.01.CQ.9999.521211 tidak ada di pohon anggaran."
    )
    assert pesan[2].startswith("Baris 5, kolom nomor_sp2d: SP2D 1 untuk akun")
    assert "sama dengan baris 2" in pesan[2]
    assert pesan[3].startswith("Baris 6, kolom tanggal:")
    assert pesan[4] == "Baris 7, kolom nilai: harus lebih dari 0."
    assert "bukan baris akun" in pesan[5]
    assert pesan[6] == (
        f"Baris 9, kolom nilai: Realisasi Rp 500.000,01 melebihi sisa pagu akun {AKUN2} "
        "(Rp 500.000 dari pagu Rp 500.000). Pelampauan hanya lewat formulir dengan persetujuan "
        "Sekretaris."
    )
    assert len(pesan) == 7
    assert not Realisasi.objects.exists()
    assert not ImporRealisasi.objects.exists()


def test_impor_existing_sp2d_with_other_amount_is_an_error(dipa, staf_keuangan):
    realisasi_impor(
        pengguna=staf_keuangan,
        dokumen=dipa,
        berkas=csv_bytes(f"2023-03-01;1;{AKUN1};a;100"),
        nama_berkas="a.csv",
    )
    with pytest.raises(ImporGagal, match="sudah tercatat dengan nilai"):
        realisasi_impor(
            pengguna=staf_keuangan,
            dokumen=dipa,
            berkas=csv_bytes(f"2023-03-01;1;{AKUN1};a;150"),
            nama_berkas="a.csv",
        )


def test_impor_xlsx_and_fake_xlsx(dipa, staf_keuangan):
    wb = Workbook()
    ws = wb.active
    ws.append(["Tanggal", "Nomor SP2D", "Kode Akun", "Uraian", "Nilai"])
    ws.append(["2023-05-02", "99", AKUN2, "Honor", 125000])
    buf = io.BytesIO()
    wb.save(buf)
    hasil = realisasi_impor(
        pengguna=staf_keuangan, dokumen=dipa, berkas=buf.getvalue(), nama_berkas="e.xlsx"
    )
    assert hasil.total_nilai == Decimal("125000")
    palsu = realisasi_impor_periksa(dokumen=dipa, berkas=b"bukan excel", nama_berkas="p.xlsx")
    assert not palsu.ok
    assert "bukan XLSX" in str(palsu.kesalahan[0])


def test_impor_missing_column_and_empty_file(dipa):
    hasil = realisasi_impor_periksa(
        dokumen=dipa, berkas=b"tanggal;nilai\n2023-01-01;5\n", nama_berkas="k.csv"
    )
    assert {k.kolom for k in hasil.kesalahan} == {"nomor_sp2d", "kode_akun", "uraian"}
    kosong = realisasi_impor_periksa(dokumen=dipa, berkas=csv_bytes(), nama_berkas="k.csv")
    assert "tidak berisi baris" in str(kosong.kesalahan[0])


def test_impor_realisasi_command(dipa, tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes(csv_bytes(f"2023-03-01;1;{AKUN1};a;1.000"))
    out = io.StringIO()
    call_command("impor_realisasi", "2023", str(path), stdout=out)
    assert "1 baris diimpor" in out.getvalue()
    path.write_bytes(csv_bytes(f"2023-03-01;2;{AKUN1};a;abc"))
    err = io.StringIO()
    with pytest.raises(CommandError, match="tidak ada yang disimpan"):
        call_command("impor_realisasi", "2023", str(path), stderr=err)
    assert "Baris 2, kolom nilai" in err.getvalue()
    assert Realisasi.objects.count() == 1


def test_impor_realisasi_command_into_a_hibah(sekretaris, tmp_path):
    from datetime import date

    from anggaran import services

    hibah = services.dokumen_create(
        pengguna=sekretaris,
        jenis="hibah",
        tahun=2023,
        nomor="NPHD-9/2023",
        tanggal=date(2023, 11, 1),
        uraian="Hibah",
        pemberi="Pemkot",
    )
    pohon_kecil(hibah, sekretaris)
    path = tmp_path / "h.csv"
    path.write_bytes(csv_bytes(f"2023-12-01;H1;{AKUN1};a;2.500"))
    call_command(
        "impor_realisasi", "2023", str(path), "--nomor", "NPHD-9/2023", stdout=io.StringIO()
    )
    assert Realisasi.objects.get().dokumen == hibah
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("impor_realisasi", "2023", str(path), stdout=io.StringIO())


def test_form_and_import_refuse_an_excess_by_the_same_remaining_pagu(dipa, staf_keuangan):
    """One rule (``selectors.sisa_pagu_akun``/``SisaPaguAkun``) for the form service and the
    import: the same remaining pagu, the same refusal, naming the akun line."""
    akun = Pos.objects.get(dokumen=dipa, kode_lengkap=AKUN1)
    services.realisasi_create(
        pengguna=staf_keuangan,
        akun=akun,
        tanggal=date(2023, 2, 1),
        nomor_sp2d="F1",
        nilai=Decimal("400000"),
    )
    sisa = selectors.sisa_pagu_akun(akun=akun)
    assert (sisa.pagu, sisa.terpakai, sisa.sisa) == (
        Decimal("1000000"),
        Decimal("400000"),
        Decimal("600000"),
    )
    pesan = (
        f"Realisasi Rp 700.000 melebihi sisa pagu akun {AKUN1} (Rp 600.000 dari pagu Rp 1.000.000)."
    )
    with pytest.raises(ValidationError) as exc:
        services.realisasi_create(
            pengguna=staf_keuangan,
            akun=akun,
            tanggal=date(2023, 2, 2),
            nomor_sp2d="F2",
            nilai=Decimal("700000"),
        )
    assert exc.value.message_dict["nilai"][0].startswith(pesan)
    with pytest.raises(ImporGagal) as exc:
        realisasi_impor(
            pengguna=staf_keuangan,
            dokumen=dipa,
            berkas=csv_bytes(f"2023-03-01;I1;{AKUN1};a;700.000"),
            nama_berkas="a.csv",
        )
    assert str(exc.value.kesalahan[0]).startswith(f"Baris 2, kolom nilai: {pesan}")
    # Earlier rows of the same file use up the remaining pagu: 350.000 + 250.000 fits exactly,
    # one sen more does not.
    with pytest.raises(ImporGagal) as exc:
        realisasi_impor(
            pengguna=staf_keuangan,
            dokumen=dipa,
            berkas=csv_bytes(
                f"2023-03-01;I1;{AKUN1};a;350.000", f"2023-03-02;I2;{AKUN1};b;250.000,01"
            ),
            nama_berkas="b.csv",
        )
    assert [str(k) for k in exc.value.kesalahan] == [
        f"Baris 3, kolom nilai: Realisasi Rp 250.000,01 melebihi sisa pagu akun {AKUN1} "
        "(Rp 250.000 dari pagu Rp 1.000.000). Pelampauan hanya lewat formulir dengan "
        "persetujuan Sekretaris."
    ]
    hasil = realisasi_impor(
        pengguna=staf_keuangan,
        dokumen=dipa,
        berkas=csv_bytes(f"2023-03-01;I1;{AKUN1};a;350.000", f"2023-03-02;I2;{AKUN1};b;250.000"),
        nama_berkas="c.csv",
    )
    assert len(hasil.baris) == 2
    assert selectors.sisa_pagu_akun(akun=akun).sisa == Decimal("0")


def test_impor_file_name_longer_than_its_column_is_refused_not_cut(dipa, staf_keuangan):
    """Issue 16: the file name stored with the import is refused with the limit, never cut."""
    data = csv_bytes(f"2023-03-01;1;{AKUN1};a;100")
    with pytest.raises(ImporGagal) as galat:
        realisasi_impor(
            pengguna=staf_keuangan, dokumen=dipa, berkas=data, nama_berkas="b" * 296 + ".csv"
        )
    assert [k.alasan for k in galat.value.kesalahan] == [
        "Nama berkas terlalu panjang: paling banyak 255 karakter (tertulis 300). "
        "Ganti nama berkasnya lalu unggah lagi."
    ]
    assert Realisasi.objects.count() == 0
