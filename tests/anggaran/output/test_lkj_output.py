"""LKj Bab III B gains Tabel 3.2, the target and realised volume of each RO next to its pagu
and realisasi anggaran: in the PDF (listed in the Daftar Tabel, every RO a row, "Belum ada
target volume" where there is none, no text outside the pages) and in the web preview."""

from __future__ import annotations

import io
import re
from types import SimpleNamespace

import pytest
import time_machine
from django.db import transaction

from tests.conftest import HARI_UJI, demo_inti_muat
from tests.lkj.halaman_pdf import teks_di_luar

pytestmark = pytest.mark.django_db

KIRI_MM, KANAN_MM = 28, 22  # the @page margins of pdf/base_cetak.html
JUDUL = "Tabel 3.2 Target dan Realisasi Volume Rincian Output (RO) Tahun 2023"
# The demo's RO targets and months (anggaran/demo_ikpa.py): three RO and what Tabel 3.2 shows.
DEMO = {
    "076.01.CQ.6703.QGE.003": ["3 Laporan", "3 Laporan", "100,00%", "13.740.458.000"],
    "076.01.CQ.6704.QGE.004": ["3 Laporan", "1 Laporan", "33,33%", "50.958.000", "11.593.100"],
    "076.01.WA.6722.EBA.962": ["12 Bulan Layanan", "12 Bulan Layanan", "100,00%"],
}
KOSONG_RO = "076.01.CQ.6702.QGE.002"  # its target is taken away here: "Belum ada target volume"


def _hapus_target():
    from anggaran.models import RealisasiOutput, VolumeRo

    RealisasiOutput.objects.filter(ro__kode_lengkap=KOSONG_RO).delete()
    VolumeRo.objects.filter(ro__kode_lengkap=KOSONG_RO).delete()


@pytest.fixture(scope="module")
def lkj(django_db_setup, django_db_blocker):
    """The demo LKj 2023 with its RO targets and months, one RO's taken away (rolled back)."""
    from anggaran.models import Pos
    from kinerja.lkj.render import lkj_render

    with (
        django_db_blocker.unblock(),
        time_machine.travel(HARI_UJI, tick=True),
        transaction.atomic(),
    ):
        demo_inti_muat()
        kode_ro = list(
            Pos.objects.filter(dokumen__tahun=2023, dokumen__jenis="dipa", tingkat="ro")
            .order_by("urutan", "kode_lengkap")
            .values_list("kode_lengkap", flat=True)
        )
        _hapus_target()
        hasil = lkj_render(tahun=2023, draf=False)
        transaction.set_rollback(True)
    return SimpleNamespace(pdf=hasil.pdf, html=hasil.html, kode_ro=kode_ro)


def _halaman(data: bytes) -> list[str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


def test_the_demo_dipa_has_the_ro_lines_the_test_names(lkj):
    assert len(lkj.kode_ro) == 13
    assert set(DEMO) | {KOSONG_RO} <= set(lkj.kode_ro)


def test_tabel_3_2_lists_every_ro_with_its_figures(lkj):
    bab = lkj.html.split('id="bab-3-b"', 1)[1].split('id="bab-4"', 1)[0]
    assert bab.index('id="tabel-3-1"') < bab.index('id="tabel-3-2"')
    tabel = bab.split('id="tabel-3-2"', 1)[1].split("</table>", 1)[0]
    baris = re.findall(r"<tr><td>(.*?)</tr>", tabel, re.S)
    assert len(baris) == 13
    sel = {
        re.search(r'class="kode-ro">([^<]*)<', b).group(1): [
            re.sub(r"<[^>]+>", "", s).strip() for s in re.findall(r"<td[^>]*>(.*?)</td>", b, re.S)
        ]
        for b in baris
    }
    for kode, awal in DEMO.items():
        assert sel[kode][: len(awal)] == awal, kode
    # the Kampanye RO: 1 of its 3 reports, its budget 22,75% absorbed (seed 002)
    assert sel["076.01.CQ.6704.QGE.004"][5] == "22,75%"
    tanpa = [kode for kode, s in sel.items() if s[0] == "Belum ada target volume"]
    assert tanpa == [KOSONG_RO]
    assert 'href="#tabel-3-2"' in lkj.html  # the Daftar Tabel


def test_tabel_3_2_is_in_the_pdf_inside_its_pages(lkj):
    halaman = _halaman(lkj.pdf)
    # the last mention is the table's own caption (the first is the Daftar Tabel)
    tempat = [i for i, t in enumerate(halaman) if JUDUL in " ".join(t.split())]
    assert len(tempat) == 1, tempat
    teks = " ".join(" ".join(halaman[tempat[0] : tempat[0] + 2]).split())
    # the RO's name wraps in its column; its figures sit on its first line, its code under it
    assert "3 Laporan 3 Laporan 100,00% 13.740.458.000 13.735.022.330 99,96%" in teks
    assert "076.01.CQ.6703.QGE.003" in teks
    assert "Belum ada target volume" in teks
    assert teks_di_luar(lkj.pdf, kiri_mm=KIRI_MM, kanan_mm=KANAN_MM) == []
