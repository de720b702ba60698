"""Downloads are audited by a service the view calls (``kpu_site.services.unduhan_record``); the
Excel response helper writes nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from kpu_site.excel import XLSX_MIME, xlsx_response
from kpu_site.models import JejakAudit
from kpu_site.services import unduhan_record
from tests.anggaran.factories import DokumenAnggaranFactory, pohon_kecil

pytestmark = pytest.mark.django_db


def test_xlsx_response_writes_no_audit_row():
    response = xlsx_response(nama_berkas="uji", judul="Uji", kolom=["A"], baris=[[1]])
    assert response["Content-Type"] == XLSX_MIME
    assert response["Content-Disposition"] == 'attachment; filename="uji.xlsx"'
    assert not JejakAudit.objects.exists()


def test_unduhan_catat_records_who_and_what(sekretaris):
    dokumen = DokumenAnggaranFactory()
    jejak = unduhan_record(pengguna=sekretaris, objek=dokumen, ringkasan="Unduh Excel: DIPA")
    assert JejakAudit.objects.get(aksi="unduh") == jejak
    assert (jejak.pengguna, jejak.aksi, jejak.object_id, jejak.keterangan) == (
        sekretaris,
        "unduh",
        str(dokumen.pk),
        "Unduh Excel: DIPA",
    )


def test_each_anggaran_excel_download_is_audited_once(sekretaris, auditor, masuk):
    dipa = DokumenAnggaranFactory()
    pohon_kecil(dipa, sekretaris, pagu_akun=(Decimal("100000000"), Decimal("500000")))
    client = masuk(auditor)
    for name, kwargs in [
        ("anggaran:dokumen_detail", {"pk": dipa.pk}),
        ("anggaran:realisasi_list", {"pk": dipa.pk}),
        ("anggaran:serapan", {"pk": dipa.pk}),
        ("anggaran:laporan", {"tahun": dipa.tahun}),
    ]:
        assert client.get(reverse(name, kwargs=kwargs), {"unduh": "xlsx"}).status_code == 200
    jejak = JejakAudit.objects.filter(aksi="unduh", pengguna=auditor).order_by("pk")
    assert [j.keterangan.split(":")[0] for j in jejak] == ["Unduh Excel"] * 4
    assert jejak[3].keterangan == (
        f"Unduh Excel: Tabel 3.1 Laporan Akuntabilitas Keuangan {dipa.tahun}"
    )
