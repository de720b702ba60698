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


def test_running_header_names_the_wilayah_at_the_top_of_the_page(diseleksi, lebak):
    """A wilayah's list that runs onto the next page: that page's running header names the
    wilayah its first rows belong to, not the next wilayah whose heading is lower on it."""
    from badan_adhoc import selectors
    from badan_adhoc.models import Pendaftar

    grup = selectors.pengumuman_grup(diseleksi, tahap="administrasi", kecamatan=None)
    assert len(grup) >= 2
    pertama, kedua = grup[0]["wilayah"], grup[1]["wilayah"]
    contoh = Pendaftar.objects.filter(rekrutmen=diseleksi, wilayah_tujuan=pertama).first()
    salinan = []
    for i in range(40):  # the first wilayah ends in the middle of page 2 for the first wilayah
        p = Pendaftar.objects.get(pk=contoh.pk)
        p.pk = None
        p.nik = f"36{i:014d}"
        p.nama = f"Salinan {i:02d}"
        salinan.append(p)
    Pendaftar.objects.bulk_create(salinan)
    pdf, _ = pengumuman_pdf(diseleksi, tahap="administrasi", kecamatan_id=None)
    with pdfplumber.open(io.BytesIO(pdf)) as dok:
        # each later page: its running header (first line), then its body
        halaman = [(h.extract_text() or "").splitlines() for h in dok.pages[1:]]
    lanjutan = [  # the page where the first wilayah ends and the second begins
        baris
        for baris in halaman
        if pertama.nama in baris[2] and any(kedua.nama in b for b in baris[3:])
    ]
    assert len(lanjutan) == 1, halaman
    assert pertama.nama in lanjutan[0][0] and kedua.nama not in lanjutan[0][0], lanjutan[0][:3]
    assert teks_di_luar(pdf) == []
