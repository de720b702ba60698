"""Issue 19 item 1: every recruitment document takes its letterhead and signature block from
the data (the satker record, the Ketua in office on the document's date); nothing about Kota
Serang is in a template."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
import pytest
from django.core.exceptions import ValidationError

from badan_adhoc.dokumen.kop import KETUA, SEKRETARIS, penandatangan_tentukan
from badan_adhoc.models import Wilayah
from badan_adhoc.pengumuman import pengumuman_pdf
from tests.lkj.halaman_pdf import teks_di_luar

pytestmark = pytest.mark.django_db


def _teks(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as dok:
        return "\n".join(h.extract_text() or "" for h in dok.pages)


JENIS = [
    ("administrasi", True),
    ("akhir", True),
    ("administrasi", False),  # every wilayah in one document
]


@pytest.mark.parametrize(("tahap", "satu_kecamatan"), JENIS)
def test_dokumen_memakai_kop_dan_ttd_dari_data(diseleksi, lebak, tahap, satu_kecamatan):
    kec = Wilayah.objects.get(kode="36.73.01") if satu_kecamatan else None
    pdf, _halaman = pengumuman_pdf(diseleksi, tahap=tahap, kecamatan_id=kec.pk if kec else None)
    teks = _teks(pdf)
    assert "KABUPATEN LEBAK" in teks
    assert "Rangkasbitung" in teks
    assert "Ketua KPU Kabupaten Lebak" in teks
    assert "Dr. Ahmad Lebak, S.H." in teks
    assert "Lebak, 2 November 2026" in teks
    assert "kota serang" not in teks.casefold()
    assert teks_di_luar(pdf) == []


def test_penandatangan_yang_tidak_menjabat_ditolak_dengan_nama_pejabat(lebak):
    with pytest.raises(ValidationError) as e:
        penandatangan_tentukan(peran=KETUA, tanggal=date(2026, 11, 2), nama="Budi")
    assert e.value.message_dict["penandatangan"] == [
        "Budi bukan Ketua KPU Kabupaten Lebak pada 2 November 2026; yang menjabat pada tanggal "
        "itu: Dr. Ahmad Lebak, S.H."
    ]
    with pytest.raises(ValidationError) as e:
        penandatangan_tentukan(peran=KETUA, tanggal=date(2022, 6, 1))
    assert e.value.message_dict["penandatangan"] == [
        "Tidak ada Ketua KPU Kabupaten Lebak yang menjabat pada 1 Juni 2022: lengkapi data "
        "komisioner sebelum menerbitkan dokumen bertanggal 1 Juni 2022."
    ]
    with pytest.raises(ValidationError) as e:
        penandatangan_tentukan(peran=SEKRETARIS, tanggal=date(2026, 11, 2))
    assert "Tidak ada Sekretaris KPU Kabupaten Lebak" in e.value.messages[0]
    ok = penandatangan_tentukan(
        peran=KETUA, tanggal=date(2026, 11, 2), nama="dr. ahmad lebak, s.h."
    )
    assert ok == {
        "nama": "Dr. Ahmad Lebak, S.H.",
        "nip": "",
        "jabatan": "Ketua KPU Kabupaten Lebak",
    }
