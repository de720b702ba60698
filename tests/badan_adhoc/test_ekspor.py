"""The applicant Excel export (issue 15, "downloads of any size"): the same cells as before,
computed here independently from the database; every applicant (no 50,000-row cap); a number
of queries that does not grow with the rows; served from a file, not held in memory."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime, time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from badan_adhoc.akses import nik_samarkan
from badan_adhoc.models import ALASAN_TMS, Pendaftar, Wilayah
from badan_adhoc.services import pendaftar_override

pytestmark = pytest.mark.django_db

KOLOM = (
    "NIK",
    "Nama",
    "L/P",
    "Tanggal lahir",
    "Pendidikan",
    "Kecamatan",
    "Wilayah tujuan",
    "Hasil",
    "Alasan TMS",
)


def _url(rekrutmen, **saring) -> str:
    return reverse("badan_adhoc:pendaftar_export", args=[rekrutmen.pk]), saring


def _unduh(client, rekrutmen, **saring) -> bytes:
    url, data = _url(rekrutmen, **saring)
    response = client.get(url, data)
    assert response.status_code == 200
    return response.getvalue()


def _isi(data: bytes) -> list[tuple]:
    """The rows of every sheet, an empty text read as an empty cell."""
    wb = load_workbook(io.BytesIO(data), read_only=True)
    return [
        tuple(None if v == "" else v for v in row)
        for ws in wb.worksheets
        for row in ws.iter_rows(values_only=True)
    ]


def _harapan(rekrutmen, *, staf: bool, saring=lambda p: True) -> list[tuple]:
    """What the export must hold, read row by row through the model (the export itself reads
    values in bulk): NIK masked for a reader, the birth date for staff only."""
    rows = []
    qs = Pendaftar.objects.filter(rekrutmen=rekrutmen).order_by("pk")
    for p in qs.select_related("wilayah_tujuan__induk"):
        if not saring(p):
            continue
        tujuan = p.wilayah_tujuan
        alasan = ", ".join(
            str(label) for kode, label in ALASAN_TMS.items() if getattr(p, f"tms_{kode}")
        )
        rows.append(
            (
                p.nik if staf else nik_samarkan(p.nik),
                p.nama,
                p.jenis_kelamin,
                datetime.combine(p.tanggal_lahir, time()) if staf else None,
                p.pendidikan,
                (tujuan.induk or tujuan).nama,
                tujuan.nama,
                str(Pendaftar.Status(p.status_administrasi).label),
                alasan or None,
            )
        )
    return rows


@pytest.fixture
def dikoreksi(diseleksi, staf_teknis):
    """The screened recruitment with one result overridden by staff (its label changes)."""
    p = Pendaftar.objects.filter(rekrutmen=diseleksi, status_administrasi="tms").first()
    pendaftar_override(pendaftar=p, status="ms", alasan="Dokumen susulan", pengguna=staf_teknis)
    return diseleksi


def test_pendaftar_export_holds_every_applicant_as_the_database_has_them(
    masuk, dikoreksi, staf_teknis, komisioner
):
    judul = (f"Pendaftar {dikoreksi}", *([None] * (len(KOLOM) - 1)))
    for user, staf in ((staf_teknis, True), (komisioner, False)):
        rows = _isi(_unduh(masuk(user), dikoreksi))
        assert rows[0][0] == judul[0]
        assert rows[1] == KOLOM
        harapan = _harapan(dikoreksi, staf=staf)
        assert len(harapan) == Pendaftar.objects.filter(rekrutmen=dikoreksi).count() > 10
        assert rows[2:] == harapan
        assert any(r[8] for r in harapan) and any(r[7] == "Memenuhi syarat" for r in harapan)


def test_pendaftar_export_of_a_filter_holds_the_filtered_applicants(masuk, dikoreksi, staf_teknis):
    client = masuk(staf_teknis)
    serang = Wilayah.objects.get(kode="36.73.01")
    rows = _isi(_unduh(client, dikoreksi, status="tms", kecamatan=serang.pk))
    harapan = _harapan(
        dikoreksi,
        staf=True,
        saring=lambda p: p.status_administrasi == "tms" and p.wilayah_tujuan.induk_id == serang.pk,
    )
    assert 0 < len(harapan) < Pendaftar.objects.filter(rekrutmen=dikoreksi).count()
    assert rows[2:] == harapan
    rows = _isi(_unduh(client, dikoreksi, q="siti"))
    assert rows[2:] == _harapan(dikoreksi, staf=True, saring=lambda p: "siti" in p.nama.lower())
    assert rows[2:]
    rows = _isi(_unduh(client, dikoreksi, alasan="nik_ganda"))
    assert rows[2:] == _harapan(dikoreksi, staf=True, saring=lambda p: p.tms_nik_ganda)


def pendaftar_gandakan(contoh: Pendaftar, n: int) -> None:
    """``n`` copies of one applicant in one INSERT … SELECT (SQLite and PostgreSQL)."""
    q = connection.ops.quote_name
    kolom = ", ".join(q(f.column) for f in Pendaftar._meta.concrete_fields if not f.primary_key)
    tabel = q(Pendaftar._meta.db_table)
    with connection.cursor() as cur:
        urut = "WITH RECURSIVE urut(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM urut WHERE i < %s)"
        salin = f"INSERT INTO {tabel} ({kolom}) SELECT {kolom} FROM {tabel}, urut"  # noqa: S608
        sql = f"{urut} {salin} WHERE {tabel}.{q('id')} = %s"  # names: the model's own, quoted
        cur.execute(sql, [n, contoh.pk])


def _jumlah_baris(data: bytes) -> int:
    """Rows of every sheet, counted in the sheet XML (quicker than reading the cells)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return sum(
            len(re.findall(rb"<row[ >]", z.read(n)))
            for n in z.namelist()
            if n.startswith("xl/worksheets/sheet")
        )


def test_pendaftar_export_is_not_capped_at_50000_rows(masuk, diseleksi, staf_teknis):
    pendaftar_gandakan(Pendaftar.objects.filter(rekrutmen=diseleksi).first(), 50_001)
    jumlah = Pendaftar.objects.filter(rekrutmen=diseleksi).count()
    assert jumlah > 50_001
    data = _unduh(masuk(staf_teknis), diseleksi)
    assert _jumlah_baris(data) == 2 + jumlah


def test_pendaftar_export_query_count_does_not_grow_with_rows(masuk, diseleksi, staf_teknis):
    client = masuk(staf_teknis)
    serang = Wilayah.objects.get(kode="36.73.01").pk
    _unduh(client, diseleksi)  # the session and the cached summaries are warm
    with CaptureQueriesContext(connection) as sedikit:
        _unduh(client, diseleksi, kecamatan=serang)
    pendaftar_gandakan(Pendaftar.objects.filter(rekrutmen=diseleksi).first(), 2_500)
    with CaptureQueriesContext(connection) as banyak:
        data = _unduh(client, diseleksi, kecamatan=serang)
    assert _jumlah_baris(data) > 2_500
    assert len(banyak) == len(sedikit) <= 12, [q["sql"][:200] for q in banyak]


def test_pendaftar_export_is_served_from_a_file(masuk, diseleksi, staf_teknis):
    url, _ = _url(diseleksi)
    response = masuk(staf_teknis).get(url)
    assert response.streaming
    assert response["Content-Disposition"] == 'attachment; filename="pendaftar-kpps-2024.xlsx"'
    assert int(response["Content-Length"]) == len(response.getvalue())


def test_pendaftar_xlsx_tulis_writes_the_view_export_into_a_file(diseleksi, staf_teknis):
    """The function a background job calls: the same workbook as the download, its row count,
    and progress while it writes."""
    from badan_adhoc.ekspor import pendaftar_xlsx_tulis

    berkas = io.BytesIO()
    progres = []
    n = pendaftar_xlsx_tulis(
        berkas, rekrutmen=diseleksi, pengguna=staf_teknis, status="tms", progres=progres.append
    )
    harapan = _harapan(diseleksi, staf=True, saring=lambda p: p.status_administrasi == "tms")
    assert n == len(harapan) > 0
    assert _isi(berkas.getvalue())[2:] == harapan
    assert progres[-1] == n
