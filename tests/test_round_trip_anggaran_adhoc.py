"""Export ↔ import round trip (issue 21, item 3) for the anggaran and badan_adhoc tables.

Each table's Excel download, fetched through its page by a user allowed to see it, goes back
into the matching import unchanged: nothing changes (the rows are skipped as already stored).
One cell edited with openpyxl, as a user fixing a row in Excel would, then either reaches the
database or is refused with the import's own message naming the row and column.
"""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from anggaran import selectors
from anggaran.impor import realisasi_impor
from anggaran.impor_belanja import kontrak_impor, tagihan_impor
from anggaran.impor_dipa import dipa_impor_periksa, revisi_impor_periksa
from anggaran.impor_output import realisasi_output_impor
from anggaran.impor_up import dispensasi_impor, mutasi_up_impor
from anggaran.models import (
    DispensasiSpm,
    Kontrak,
    MutasiUp,
    Pos,
    Realisasi,
    RealisasiOutput,
    Tagihan,
)
from badan_adhoc.models import TPS, AnggotaParpol, Pendaftar, Wilayah
from badan_adhoc.services import (
    anggota_parpol_import,
    nilai_import,
    pendaftar_import,
    pendaftar_screen,
    tps_import,
    wilayah_import,
)
from kpu_site.excel import XLSX_MIME
from kpu_site.impor import ImporGagal
from tests.anggaran.belanja_dasar import belanja, dipa_belanja  # noqa: F401 (fixtures)
from tests.anggaran.factories import DokumenAnggaranFactory, pohon_kecil
from tests.anggaran.output.dunia import KODE_RO, target_set
from tests.badan_adhoc.conftest import berkas as berkas_uji
from tests.badan_adhoc.conftest import (  # noqa: F401 (fixtures)
    rekrutmen_pps,
    staf_teknis,
    wilayah_uji,
)

pytestmark = pytest.mark.django_db

AKUN1 = "076.01.CQ.6709.QGE.001.051.A.521211"
AKUN2 = "076.01.CQ.6709.QGE.001.051.A.521213"


def _unduh(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == XLSX_MIME
    return response.getvalue()


def _ubah(data: bytes, kolom: str, baris: int, nilai) -> bytes:
    """The workbook with the cell under header ``kolom`` (row 2) in sheet row ``baris`` set to
    ``nilai``, saved again by openpyxl (as Excel would)."""
    wb = load_workbook(io.BytesIO(data))
    ws = wb.worksheets[0]
    header = [c.value for c in ws[2]]
    ws.cell(row=baris, column=header.index(kolom) + 1, value=nilai)
    keluar = io.BytesIO()
    wb.save(keluar)
    return keluar.getvalue()


def _pesan(exc: pytest.ExceptionInfo) -> list[str]:
    return [str(k) for k in exc.value.kesalahan]


# --------------------------------------------------------------------------- anggaran


@pytest.fixture
def dipa():
    return DokumenAnggaranFactory(tahun=2023)


@pytest.fixture
def dipa_pohon(sekretaris):
    dokumen = DokumenAnggaranFactory()
    pohon_kecil(dokumen, sekretaris)
    return dokumen


def test_realisasi_export_reimports_unchanged_and_edit_is_refused(masuk, dipa_pohon, staf_keuangan):
    csv = (
        "tanggal;nomor_sp2d;nomor_spm;kode_akun;uraian;nilai\n"
        f"2023-03-01;230001;SPM-1;{AKUN1};Honor narasumber;1.500,50\n"
        f"17/10/2023;230002;;{AKUN2};Belanja bahan;250.000\n"
    ).encode()
    realisasi_impor(pengguna=staf_keuangan, dokumen=dipa_pohon, berkas=csv, nama_berkas="a.csv")
    url = reverse("anggaran:realisasi_list", args=[dipa_pohon.pk]) + "?unduh=xlsx"
    data = _unduh(masuk(staf_keuangan), url)

    hasil = realisasi_impor(
        pengguna=staf_keuangan, dokumen=dipa_pohon, berkas=data, nama_berkas="realisasi.xlsx"
    )
    assert hasil.baris == [] and len(hasil.dilewati) == 2
    assert Realisasi.objects.count() == 2
    assert selectors.pohon_anggaran(dokumen=dipa_pohon).realisasi == Decimal("251500.50")

    # a stored SP2D with another amount: the import's rule, its message
    with pytest.raises(ImporGagal) as exc:
        realisasi_impor(
            pengguna=staf_keuangan,
            dokumen=dipa_pohon,
            berkas=_ubah(data, "Nilai", 3, 2000),
            nama_berkas="realisasi.xlsx",
        )
    assert _pesan(exc) == [
        f"Baris 3, kolom nomor_sp2d: SP2D 230002 untuk akun {AKUN2} sudah tercatat dengan "
        "nilai Rp 250.000, berbeda dari Rp 2.000."
    ]
    # the export lists the newest first; a row given a new SP2D number is a new payment
    hasil = realisasi_impor(
        pengguna=staf_keuangan,
        dokumen=dipa_pohon,
        berkas=_ubah(data, "Nomor SP2D", 4, "230003"),
        nama_berkas="realisasi.xlsx",
    )
    assert [(b.nomor_baris, b.nomor_sp2d, b.nilai) for b in hasil.baris] == [
        (4, "230003", Decimal("1500.50"))
    ]
    assert selectors.pohon_anggaran(dokumen=dipa_pohon).realisasi == Decimal("253001.00")


UP_CSV = (
    b"jenis;nomor;tanggal;nilai;nomor_tup;batas_waktu;keterangan\n"
    b"up;UP-01;16/01/2023;100.000.000;;;UP awal tahun\n"
    b"Gup;GUP-01;20/02/2023;62.500.000;;;\n"
    b"TUP;TUP-01;10/04/2023;50.000.000;;15/05/2023;Logistik\n"
    b"PTUP;PTUP-01;08/05/2023;45.000.000;TUP-01;;SPM GUP nihil\n"
    b"setor_tup;STS-01;12/05/2023;5.000.000;TUP-01;;\n"
)


def test_register_up_export_reimports_unchanged_and_edit_is_refused(masuk, dipa, staf_keuangan):
    mutasi_up_impor(pengguna=staf_keuangan, dokumen=dipa, berkas=UP_CSV, nama_berkas="up.csv")
    url = reverse("anggaran:mutasi_up_list", args=[dipa.pk]) + "?unduh=xlsx"
    data = _unduh(masuk(staf_keuangan), url)

    hasil = mutasi_up_impor(
        pengguna=staf_keuangan, dokumen=dipa, berkas=data, nama_berkas="register.xlsx"
    )
    assert hasil.baris == [] and len(hasil.dilewati) == 5
    assert MutasiUp.objects.count() == 5
    assert sum(MutasiUp.objects.values_list("nilai", flat=True)) == Decimal("262500000")

    rows = list(load_workbook(io.BytesIO(data)).worksheets[0].iter_rows(values_only=True))
    assert [r[1] for r in rows[2:]] == ["UP", "GUP", "TUP", "PTUP", "Setoran TUP"]
    with pytest.raises(ImporGagal) as exc:
        mutasi_up_impor(
            pengguna=staf_keuangan,
            dokumen=dipa,
            berkas=_ubah(data, "Nilai", 4, 60_000_000),
            nama_berkas="register.xlsx",
        )
    assert _pesan(exc) == [
        "Baris 4, kolom nilai: GUP GUP-01 sudah tercatat dengan nilai Rp 62.500.000, "
        "berbeda dari Rp 60.000.000."
    ]
    assert MutasiUp.objects.get(nomor="GUP-01").nilai == Decimal("62500000")


def test_dispensasi_export_reimports_unchanged_and_new_row_is_added(masuk, dipa, staf_keuangan):
    csv = (
        b"nomor,tanggal,jumlah_spm,alasan\n"
        b"S-12/2023,06/03/2023,2,SPM honor KPPS terlambat\n"
        b'"S-31/2023",2023-07-14,1,"Tagihan listrik, air"\n'
    )
    dispensasi_impor(pengguna=staf_keuangan, dokumen=dipa, berkas=csv, nama_berkas="d.csv")
    url = reverse("anggaran:dispensasi_list", args=[dipa.pk]) + "?unduh=xlsx"
    data = _unduh(masuk(staf_keuangan), url)

    hasil = dispensasi_impor(
        pengguna=staf_keuangan, dokumen=dipa, berkas=data, nama_berkas="dispensasi.xlsx"
    )
    assert hasil.baris == [] and len(hasil.dilewati) == 2
    assert DispensasiSpm.objects.count() == 2

    with pytest.raises(ImporGagal) as exc:
        dispensasi_impor(
            pengguna=staf_keuangan,
            dokumen=dipa,
            berkas=_ubah(data, "Jumlah SPM", 3, 5),
            nama_berkas="dispensasi.xlsx",
        )
    assert _pesan(exc) == [
        "Baris 3, kolom jumlah_spm: Dispensasi S-12/2023 sudah tercatat dengan jumlah_spm 2, "
        "berbeda dari 5."
    ]
    hasil = dispensasi_impor(
        pengguna=staf_keuangan,
        dokumen=dipa,
        berkas=_ubah(data, "Nomor surat", 4, "S-40/2023"),
        nama_berkas="dispensasi.xlsx",
    )
    assert [(b.nomor_baris, b.nomor) for b in hasil.baris] == [(4, "S-40/2023")]
    assert DispensasiSpm.objects.count() == 3


def test_kontrak_tagihan_export_reimports_into_both_imports(
    masuk,
    belanja,  # noqa: F811
    staf_keuangan,
):
    """The contract page's download (one row per invoice) goes into the contract import and
    the invoice import alike; 3 contracts Rp 284.500.000, 4 invoices Rp 220.500.000
    (tests/anggaran/belanja_dasar.py)."""
    url = reverse("anggaran:kontrak_list", args=[belanja.pk]) + "?unduh=xlsx"
    data = _unduh(masuk(staf_keuangan), url)

    def total():
        return (
            Kontrak.objects.count(),
            sum(Kontrak.objects.values_list("nilai", flat=True)),
            Tagihan.objects.count(),
            sum(Tagihan.objects.values_list("nilai", flat=True)),
        )

    awal = (3, Decimal("284500000"), 4, Decimal("220500000"))
    assert total() == awal
    hasil = kontrak_impor(
        pengguna=staf_keuangan, dokumen=belanja, berkas=data, nama_berkas="k.xlsx"
    )
    assert hasil.baris == [] and len(hasil.dilewati) == 3
    hasil = tagihan_impor(
        pengguna=staf_keuangan, dokumen=belanja, berkas=data, nama_berkas="k.xlsx"
    )
    assert hasil.baris == [] and len(hasil.dilewati) == 4
    assert total() == awal

    # rows 3-5 are K-12's three invoices, 6 K-01's, 7 K-03 without one
    with pytest.raises(ImporGagal) as exc:
        kontrak_impor(
            pengguna=staf_keuangan,
            dokumen=belanja,
            berkas=_ubah(data, "Penyedia", 7, "CV Baru"),
            nama_berkas="k.xlsx",
        )
    assert _pesan(exc) == [
        "Baris 7, kolom penyedia: Kontrak K-03 sudah tercatat dengan penyedia CV Uji, "
        "berbeda dari CV Baru."
    ]
    with pytest.raises(ImporGagal) as exc:
        tagihan_impor(
            pengguna=staf_keuangan,
            dokumen=belanja,
            berkas=_ubah(data, "Nilai tagihan", 6, 100_000_000),
            nama_berkas="k.xlsx",
        )
    assert _pesan(exc) == [
        "Baris 6, kolom nilai: Tagihan BAST-01 (kontrak K-01) sudah tercatat dengan nilai "
        "Rp 148.500.000, berbeda dari Rp 100.000.000."
    ]
    hasil = tagihan_impor(
        pengguna=staf_keuangan,
        dokumen=belanja,
        berkas=_ubah(data, "Nomor tagihan", 5, "SEWA-TW4"),
        nama_berkas="k.xlsx",
    )
    assert [(b.nomor_baris, b.nomor) for b in hasil.baris] == [(5, "SEWA-TW4")]
    assert total() == (3, Decimal("284500000"), 5, Decimal("244500000"))


# --------------------------------------------------------------------------- badan_adhoc


def _wilayah_isi():
    return list(Wilayah.objects.order_by("kode").values_list("kode", "nama", "jenis", "kode_induk"))


def test_wilayah_export_reimports_unchanged_and_edit_updates(
    masuk,
    wilayah_uji,  # noqa: F811
    staf_teknis,  # noqa: F811
):
    awal = _wilayah_isi()
    assert len(awal) == 5
    data = _unduh(masuk(staf_teknis), reverse("badan_adhoc:wilayah_export"))
    hasil = wilayah_import(berkas=data, nama_berkas="wilayah.xlsx")
    assert (hasil.baru, hasil.diperbarui) == (0, 0)
    assert _wilayah_isi() == awal
    # row 3 is the first by code: kecamatan 36.73.01 Serang
    hasil = wilayah_import(berkas=_ubah(data, "Nama", 3, "Serang Kota"), nama_berkas="w.xlsx")
    assert (hasil.baru, hasil.diperbarui) == (0, 1)
    assert Wilayah.objects.get(kode="36.73.01").nama == "Serang Kota"
    with pytest.raises(ImporGagal) as exc:
        wilayah_import(berkas=_ubah(data, "Jenis", 4, "kota"), nama_berkas="w.xlsx")
    assert _pesan(exc) == ["Baris 4, kolom jenis: 'kota' bukan kecamatan, kelurahan, atau desa."]


def _tps_isi():
    return (TPS.objects.count(), sum(TPS.objects.values_list("jumlah_dpt", flat=True)))


def test_tps_export_reimports_unchanged_and_edit_updates(
    masuk,
    wilayah_uji,  # noqa: F811
    staf_teknis,  # noqa: F811
):
    assert _tps_isi() == (6, 1645)
    data = _unduh(masuk(staf_teknis), reverse("badan_adhoc:tps_export"))
    hasil = tps_import(berkas=data, nama_berkas="tps.xlsx")
    assert (hasil.baru, hasil.diperbarui) == (0, 0)
    assert _tps_isi() == (6, 1645)
    # row 3: TPS 1 of 36.73.01.1001, DPT 280
    hasil = tps_import(berkas=_ubah(data, "Jumlah DPT", 3, 281), nama_berkas="tps.xlsx")
    assert (hasil.baru, hasil.diperbarui) == (0, 1)
    assert _tps_isi() == (6, 1646)
    hasil = tps_import(berkas=_ubah(data, "Nomor", 8, 2), nama_berkas="tps.xlsx")
    # TPS 2 of 36.73.02.1001 (DPT 240) is new; TPS 1 of 36.73.01.1001 back to the file's 280
    assert (hasil.baru, hasil.diperbarui) == (1, 1)
    assert _tps_isi() == (7, 1885)


def test_anggota_parpol_export_reimports_unchanged_and_edit_replaces(
    masuk,
    wilayah_uji,  # noqa: F811
    staf_teknis,  # noqa: F811
):
    anggota_parpol_import(berkas=berkas_uji("anggota_parpol.csv"), nama_berkas="sipol.csv")
    awal = list(AnggotaParpol.objects.order_by("pk").values_list("nik", "nama", "partai"))
    assert len(awal) == 3
    data = _unduh(masuk(staf_teknis), reverse("badan_adhoc:parpol_export"))
    assert anggota_parpol_import(berkas=data, nama_berkas="sipol.xlsx").jumlah == 3
    assert list(AnggotaParpol.objects.order_by("pk").values_list("nik", "nama", "partai")) == awal
    anggota_parpol_import(berkas=_ubah(data, "Partai", 4, "Partai Contoh Tiga"), nama_berkas="s")
    assert list(AnggotaParpol.objects.order_by("pk").values_list("partai", flat=True)) == [
        "Partai Contoh Satu",
        "Partai Contoh Tiga",
        "Partai Contoh Satu",
    ]


KEPALA_PENDAFTAR = (
    "nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan,kode_domisili,alamat,"
    "no_hp,email,kode_wilayah_tujuan\n"
)
KEL = "36.73.01.1001"


def _nilai_isi(rekrutmen):
    return list(
        Pendaftar.objects.filter(rekrutmen=rekrutmen)
        .order_by("pk")
        .values_list("nama", "nilai_cat", "nilai_wawancara")
    )


def test_nilai_export_reimports_unchanged_and_edit_updates(
    masuk,
    rekrutmen_pps,  # noqa: F811
    staf_teknis,  # noqa: F811
):
    rows = "".join(
        f"3673011003{80 + i:02d}{i:04d},Calon {i},L,Serang,{1980 + i}-03-10,SMA,{KEL},x,1,,{KEL}\n"
        for i in range(3)
    )
    pendaftar_import(
        rekrutmen=rekrutmen_pps, berkas=(KEPALA_PENDAFTAR + rows).encode(), nama_berkas="p.csv"
    )
    pendaftar_screen(rekrutmen=rekrutmen_pps)
    nik = list(Pendaftar.objects.order_by("pk").values_list("nik", flat=True))
    nilai_import(
        rekrutmen=rekrutmen_pps,
        berkas=f"nik;nilai_cat\n{nik[0]};85,5\n{nik[1]};70\n".encode(),
        nama_berkas="n.csv",
        pengguna=staf_teknis,
    )
    awal = [
        ("Calon 0", Decimal("85.50"), None),
        ("Calon 1", Decimal("70.00"), None),
        ("Calon 2", None, None),
    ]
    assert _nilai_isi(rekrutmen_pps) == awal
    url = reverse("badan_adhoc:nilai_export", args=[rekrutmen_pps.pk])
    data = _unduh(masuk(staf_teknis), url)
    nilai_import(
        rekrutmen=rekrutmen_pps, berkas=data, nama_berkas="nilai.xlsx", pengguna=staf_teknis
    )
    assert _nilai_isi(rekrutmen_pps) == awal

    with pytest.raises(ImporGagal) as exc:
        nilai_import(
            rekrutmen=rekrutmen_pps,
            berkas=_ubah(data, "Nilai CAT", 4, 101),
            nama_berkas="nilai.xlsx",
            pengguna=staf_teknis,
        )
    assert _pesan(exc) == ["Baris 4, kolom nilai_cat: 101 di luar rentang 0–100."]
    nilai_import(
        rekrutmen=rekrutmen_pps,
        berkas=_ubah(data, "Nilai wawancara", 5, 77.25),
        nama_berkas="nilai.xlsx",
        pengguna=staf_teknis,
    )
    assert _nilai_isi(rekrutmen_pps) == [*awal[:2], ("Calon 2", None, Decimal("77.25"))]


def _pendaftar_isi(rekrutmen):
    """Every applicant's imported values, result and checklist, and the recruitment's
    screening time (reset by an import that writes)."""
    from badan_adhoc.model_berkas import StatusBerkas

    rekrutmen.refresh_from_db()
    return (
        list(
            Pendaftar.objects.filter(rekrutmen=rekrutmen)
            .order_by("pk")
            .values_list(
                *("pk", "nik", "nama", "jenis_kelamin", "tempat_lahir", "tanggal_lahir"),
                *("pendidikan", "kode_domisili", "alamat", "no_hp", "email", "wilayah_tujuan"),
                "status_administrasi",
            )
        ),
        list(
            StatusBerkas.objects.filter(pendaftar__rekrutmen=rekrutmen)
            .order_by("pk")
            .values_list("pk", "pendaftar", "item__kode", "status", "alasan")
        ),
        rekrutmen.diseleksi_pada,
    )


PENDAFTAR_LENGKAP = (
    KEPALA_PENDAFTAR.rstrip("\n") + ",ktp,ijazah,ijazah_alasan\n"
    f"3673011710900001,Ahmad Fauzi,Laki-laki,Serang,17/10/1990,s1,{KEL},Jl. Ki Mas Jong 1,"
    f"081200000001,ahmad@contoh.id,{KEL},ada,ada,\n"
    f"3673015703850002,Siti Aminah,P,Cilegon,1985-03-17,SMA,36.73.01.1002,Jl. Diponegoro 2,"
    f"081200000002,,{KEL},ada,tidak sah,tidak dilegalisir\n"
    # the same NIK twice in one file: a screening result (nik_ganda), kept as it is
    f"3673015703850002,Siti A.,P,Cilegon,1985-03-17,SMA,36.73.01.1002,Jl. Diponegoro 2,"
    f"081200000002,,{KEL},,,\n"
    f"3673010101000003,Budi,L,Serang,2000-01-01,SMA,{KEL},,,,{KEL},tidak ada,,\n"
)


def test_pendaftar_export_for_reimport_reimports_unchanged_edit_is_refused_ganti_replaces(
    masuk,
    rekrutmen_pps,  # noqa: F811
    staf_teknis,  # noqa: F811
):
    hasil = pendaftar_import(
        rekrutmen=rekrutmen_pps, berkas=PENDAFTAR_LENGKAP.encode(), nama_berkas="siakba.csv"
    )
    assert (hasil.baru, hasil.sama) == (4, 0)
    pendaftar_screen(rekrutmen=rekrutmen_pps)
    awal = _pendaftar_isi(rekrutmen_pps)
    assert len(awal[0]) == 4 and len(awal[1]) == 5 and awal[2] is not None
    url = reverse("badan_adhoc:pendaftar_export_impor", args=[rekrutmen_pps.pk])
    data = _unduh(masuk(staf_teknis), url)
    header = [c.value for c in load_workbook(io.BytesIO(data)).worksheets[0][2]]
    assert header[:11] == [
        *("NIK", "Nama", "Jenis kelamin", "Tempat lahir", "Tanggal lahir", "Pendidikan"),
        *("Kode domisili", "Alamat", "No HP", "Email", "Kode wilayah tujuan"),
    ]
    assert header[11:15] == ["surat_pendaftaran", "surat_pendaftaran_alasan", "ktp", "ktp_alasan"]

    # unchanged: every row already there, nothing written, the screening kept
    hasil = pendaftar_import(rekrutmen=rekrutmen_pps, berkas=data, nama_berkas="p.xlsx")
    assert (hasil.baru, hasil.diperbarui, hasil.sama) == (0, 0, 4)
    assert _pendaftar_isi(rekrutmen_pps) == awal

    # one cell edited (row 3 = Ahmad): refused, naming the row and column
    with pytest.raises(ImporGagal) as exc:
        pendaftar_import(
            rekrutmen=rekrutmen_pps,
            berkas=_ubah(data, "Nama", 3, "Ahmad Fauzi Rahman"),
            nama_berkas="p.xlsx",
        )
    assert _pesan(exc) == [
        "Baris 3, kolom nama: NIK 3673011710900001 sudah terdaftar di rekrutmen ini dengan "
        "nama lain; pakai Ganti untuk mengganti."
    ]
    with pytest.raises(ImporGagal) as exc:
        pendaftar_import(
            rekrutmen=rekrutmen_pps, berkas=_ubah(data, "ktp", 6, "ada"), nama_berkas="p.xlsx"
        )
    assert _pesan(exc) == [
        "Baris 6, kolom ktp: NIK 3673010101000003 sudah terdaftar di rekrutmen ini dengan ktp "
        "lain; pakai Ganti untuk mengganti."
    ]
    assert _pendaftar_isi(rekrutmen_pps) == awal

    # a new row beside the unchanged ones is added, the others skipped
    wb = load_workbook(io.BytesIO(data))
    wb.worksheets[0].append(
        ["3673010202000004", "Dewi", "P", "Serang", "2000-02-02", "SMA", KEL, "", "", "", KEL]
    )
    tambah = io.BytesIO()
    wb.save(tambah)
    hasil = pendaftar_import(
        rekrutmen=rekrutmen_pps, berkas=tambah.getvalue(), nama_berkas="p.xlsx"
    )
    assert (hasil.baru, hasil.sama) == (1, 4)
    assert Pendaftar.objects.filter(rekrutmen=rekrutmen_pps).count() == 5

    # with Ganti: the edited file replaces the applicants
    hasil = pendaftar_import(
        rekrutmen=rekrutmen_pps,
        berkas=_ubah(data, "Nama", 3, "Ahmad Fauzi Rahman"),
        nama_berkas="p.xlsx",
        ganti=True,
    )
    assert (hasil.baru, hasil.sama) == (4, 0)
    assert sorted(
        Pendaftar.objects.filter(rekrutmen=rekrutmen_pps).values_list("nama", flat=True)
    ) == [
        "Ahmad Fauzi Rahman",
        "Budi",
        "Siti A.",
        "Siti Aminah",
    ]


def test_pendaftar_reimport_page_says_how_many_rows_were_skipped(
    masuk,
    rekrutmen_pps,  # noqa: F811
    staf_teknis,  # noqa: F811
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    pendaftar_import(
        rekrutmen=rekrutmen_pps, berkas=PENDAFTAR_LENGKAP.encode(), nama_berkas="siakba.csv"
    )
    client = masuk(staf_teknis)
    data = _unduh(client, reverse("badan_adhoc:pendaftar_export_impor", args=[rekrutmen_pps.pk]))
    response = client.post(
        reverse("badan_adhoc:pendaftar_import", args=[rekrutmen_pps.pk]),
        {"berkas": SimpleUploadedFile("p.xlsx", data)},
        follow=True,
    )
    assert "Impor selesai: 0 baris, 4 sama, dilewati." in [
        str(m) for m in response.context["messages"]
    ]
    assert Pendaftar.objects.filter(rekrutmen=rekrutmen_pps).count() == 4


def test_pendaftar_reimport_command_says_how_many_rows_were_skipped(
    tmp_path,
    rekrutmen_pps,  # noqa: F811
):
    from django.core.management import call_command

    path = tmp_path / "siakba.csv"
    path.write_text(PENDAFTAR_LENGKAP, encoding="utf-8")
    call_command("impor_pendaftar", rekrutmen_pps.kode, str(path), stdout=io.StringIO())
    out = io.StringIO()
    call_command("impor_pendaftar", rekrutmen_pps.kode, str(path), stdout=out)
    assert out.getvalue().strip() == "Pendaftar diimpor: 0 baris, 4 sama, dilewati."
    assert Pendaftar.objects.filter(rekrutmen=rekrutmen_pps).count() == 4


def test_pendaftar_export_for_reimport_is_for_staff_of_the_recruitment_only(
    client,
    masuk,
    rekrutmen_pps,  # noqa: F811
    staf,
    komisioner,
    auditor,
):
    url = reverse("badan_adhoc:pendaftar_export_impor", args=[rekrutmen_pps.pk])
    response = client.get(url)
    assert response.status_code == 302 and "/masuk/" in response["Location"]
    for user in (staf, komisioner, auditor):
        assert masuk(user).get(url).status_code == 403


def test_dipa_export_reimports_as_revision_without_difference_and_as_new_dipa(
    masuk, dipa_pohon, staf_keuangan
):
    """The budget tree's download (DokumenDetailView): as a revision of the same DIPA no
    difference (the import's "no change" message); as a new DIPA the same lines and total; a
    detail's volume edited is one changed line."""
    url = reverse("anggaran:dokumen_detail", args=[dipa_pohon.pk]) + "?unduh=xlsx"
    data = _unduh(masuk(staf_keuangan), url)
    pohon = selectors.pohon_anggaran(dokumen=dipa_pohon)
    assert pohon.pagu == Decimal("1500000")

    hasil = revisi_impor_periksa(dokumen=dipa_pohon, berkas=data, nama_berkas="pohon.xlsx")
    assert hasil.beda == []
    assert [str(k) for k in hasil.kesalahan] == [
        "Berkas: tidak ada perubahan pagu, uraian atau RPD dibanding revisi yang berlaku."
    ]
    # a new DIPA (of the next year: one DIPA a year)
    baru = dipa_impor_periksa(tahun=dipa_pohon.tahun + 1, berkas=data, nama_berkas="pohon.xlsx")
    assert baru.ok, [str(k) for k in baru.kesalahan]
    assert baru.total == Decimal("1500000")
    assert sorted(b.kode_lengkap for b in baru.baris) == sorted(
        s.pos.kode_lengkap for s in pohon.urut
    )

    # the detail of akun 521211 (1 × Rp 1.000.000) to volume 2: its Pagu must follow (the
    # import checks volume × harga against it), and so must every subtotal above it and the
    # JUMLAH row (checked against their detail lines)
    rows = list(load_workbook(io.BytesIO(data)).worksheets[0].iter_rows(values_only=True))
    detail = next(i for i, r in enumerate(rows) if r[0] == f"{AKUN1}.1") + 1  # sheet row
    hasil = revisi_impor_periksa(
        dokumen=dipa_pohon, berkas=_ubah(data, "Volume", detail, 2), nama_berkas="pohon.xlsx"
    )
    assert str(hasil.kesalahan[0]) == (
        f"Baris {detail}, kolom Pagu: volume × harga satuan = Rp 2.000.000, tidak sama dengan "
        "jumlah Rp 1.000.000."
    )
    diubah = _ubah(data, "Volume", detail, 2)
    kode = f"{AKUN1}.1"
    for i, r in enumerate(rows[2:], start=3):
        if r[0] == kode or kode.startswith(f"{r[0]}.") or r[2] == "JUMLAH":
            diubah = _ubah(diubah, "Pagu", i, r[6] + 1_000_000)
    hasil = revisi_impor_periksa(dokumen=dipa_pohon, berkas=diubah, nama_berkas="pohon.xlsx")
    assert hasil.ok, [str(k) for k in hasil.kesalahan]
    assert [(b.kode_lengkap, b.status, b.pagu_lama, b.pagu_baru) for b in hasil.beda] == [
        (f"{AKUN1}.1", "ubah", Decimal("1000000"), Decimal("2000000"))
    ]


def test_realisasi_output_per_month_export_reimports_unchanged_and_edit_replaces_draft(
    masuk, dipa_pohon, sekretaris, staf_keuangan
):
    """The output page's per-month download (``?unduh=xlsx-bulan``; the twelve-month report
    has no report dates, so it is no import file) goes back into the output import."""
    ro = Pos.objects.get(dokumen=dipa_pohon, kode_lengkap=KODE_RO)
    target_set(ro, sekretaris)
    csv = (
        "kode_ro;bulan;volume;tanggal_lapor;keterangan\n"
        f"{KODE_RO};1;1;2023-02-03;Laporan Januari\n"
        f"{KODE_RO};Februari;2;03/03/2023;\n"
        f"{KODE_RO};03;1,5;2023-04-05;Laporan Maret\n"
    ).encode()
    realisasi_output_impor(
        pengguna=staf_keuangan, dokumen=dipa_pohon, berkas=csv, nama_berkas="o.csv"
    )

    def tabel():
        return list(
            RealisasiOutput.objects.order_by("bulan").values_list(
                "bulan", "volume", "tanggal_lapor", "keterangan"
            )
        )

    awal = tabel()
    assert sum(r[1] for r in awal) == Decimal("4.5")
    url = reverse("anggaran:output_list", args=[dipa_pohon.pk]) + "?unduh=xlsx-bulan"
    data = _unduh(masuk(staf_keuangan), url)
    hasil = realisasi_output_impor(
        pengguna=staf_keuangan, dokumen=dipa_pohon, berkas=data, nama_berkas="o.xlsx"
    )
    assert hasil.baris == [] and len(hasil.dilewati) == 3
    assert tabel() == awal

    # row 4 is February (a draft): its volume replaced
    hasil = realisasi_output_impor(
        pengguna=staf_keuangan,
        dokumen=dipa_pohon,
        berkas=_ubah(data, "Volume", 4, 3),
        nama_berkas="o.xlsx",
    )
    assert [(b.nomor_baris, b.bulan, b.volume) for b in hasil.baris] == [(4, 2, Decimal("3"))]
    assert sum(r[1] for r in tabel()) == Decimal("5.5")
