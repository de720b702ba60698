"""The ad hoc imports' filled examples (issue 21, item 4) import into the crafted regency of
``conftest.py`` (2 kecamatan, 3 kelurahan): wilayah, TPS, party members, applicants of a PPS
recruitment, then their scores; the empty template is refused only for having no rows."""

from __future__ import annotations

from decimal import Decimal

import pytest

from badan_adhoc.models import AnggotaParpol, Pendaftar, Wilayah
from badan_adhoc.services import (
    anggota_parpol_import,
    nilai_import,
    pendaftar_import,
    pendaftar_screen,
    tps_import,
    wilayah_import,
)
from kpu_site.impor import ImporGagal
from tests.test_templat_impor import berkas

pytestmark = pytest.mark.django_db


def test_ad_hoc_examples_import_into_the_crafted_regency(rekrutmen_pps):
    wilayah_import(berkas=berkas("wilayah"), nama_berkas="c.xlsx")
    assert Wilayah.objects.get(kode="36.73.01.1001").nama == "Cimuncang"
    assert tps_import(berkas=berkas("tps"), nama_berkas="c.xlsx").jumlah == 1
    assert anggota_parpol_import(berkas=berkas("anggota_parpol"), nama_berkas="c.xlsx").baru == 1
    assert AnggotaParpol.objects.count() == 1
    hasil = pendaftar_import(
        rekrutmen=rekrutmen_pps, berkas=berkas("pendaftar"), nama_berkas="c.xlsx"
    )
    assert hasil.baru == 2
    siti = Pendaftar.objects.get(nik="3673016002950001")
    assert (siti.jenis_kelamin, str(siti.tanggal_lahir)) == ("P", "1995-02-20")
    pendaftar_screen(rekrutmen=rekrutmen_pps)
    assert (
        nilai_import(
            rekrutmen=rekrutmen_pps, berkas=berkas("nilai"), nama_berkas="c.xlsx", pengguna=None
        )
        == 1
    )
    siti.refresh_from_db()
    assert (siti.nilai_cat, siti.nilai_wawancara) == (Decimal("78.50"), Decimal("80.00"))
    with pytest.raises(ImporGagal) as exc:
        wilayah_import(berkas=berkas("wilayah", contoh=False), nama_berkas="k.xlsx")
    assert [str(k) for k in exc.value.kesalahan] == [
        "Berkas: berkas tidak berisi satu pun baris data."
    ]
