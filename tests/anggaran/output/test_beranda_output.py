"""The home page of a Staf/Kasubag: the Kasubag Keuangan sees how many output realisasi wait
for the verification; whoever entered a month sees it when it is returned, with the note."""

from __future__ import annotations

import pytest
from django.urls import reverse

from anggaran import services_output
from tests.anggaran.test_beranda_unit import _tugas  # the home page's kinds of work

from .dunia import KODE_RO, bulan_isi, target_set

pytestmark = pytest.mark.django_db


def _beranda(client) -> str:
    return client.get(reverse("beranda"), {"tahun": 2023}).content.decode()


def test_kasubag_keuangan_sees_the_months_waiting_for_verification(
    ro, sekretaris, staf, kasubag, kasubag_keuangan, masuk, unit_demo
):
    target_set(ro, sekretaris, unit=unit_demo["perencanaan"])
    bulan_isi(ro, staf, 1, "1")
    bulan_isi(ro, staf, 2, "1")
    bulan_isi(ro, staf, 3, "1", ajukan=False)
    html = _beranda(masuk(kasubag_keuangan))
    assert _tugas(html).get("output_verifikasi") == 2
    assert reverse("anggaran:output_isi", args=[ro.pk, 2]) in html
    assert f"{KODE_RO} ro 001" in html and "Februari 2023" in html
    # the Kasubag of another sub-bagian does not verify RO output
    assert "output_verifikasi" not in _tugas(_beranda(masuk(kasubag)))


def test_a_returned_month_is_on_the_home_page_of_the_unit_pengampu(
    ro, sekretaris, staf, staf_teknis, kasubag_keuangan, masuk, unit_demo
):
    target_set(ro, sekretaris, unit=unit_demo["perencanaan"])
    r = bulan_isi(ro, staf, 4, "1")
    services_output.realisasi_output_return(
        pengguna=kasubag_keuangan, realisasi=r, catatan="Lampirkan notulen rapat"
    )
    html = _beranda(masuk(staf))
    assert _tugas(html).get("output_dikembalikan") == 1
    assert "Lampirkan notulen rapat" in html and "April 2023" in html
    assert "output_dikembalikan" not in _tugas(_beranda(masuk(staf_teknis)))
    # nothing waits for verification once it is returned
    assert "output_verifikasi" not in _tugas(_beranda(masuk(kasubag_keuangan)))


def test_the_home_page_reads_the_same_queries_for_one_month_or_many(
    dipa, ro, sekretaris, staf_keuangan, kasubag_keuangan, masuk, django_assert_max_num_queries
):
    from .dunia import ro_tambah

    target_set(ro, sekretaris)
    bulan_isi(ro, staf_keuangan, 1, "1")
    client = masuk(kasubag_keuangan)
    _beranda(client)  # warm the session, the year and menu caches
    with django_assert_max_num_queries(30) as sedikit:
        _beranda(client)
    ro_tambah(dipa, sekretaris, 6)  # 12 more months waiting
    with django_assert_max_num_queries(len(sedikit.captured_queries)):
        html = _beranda(client)
    assert _tugas(html)["output_verifikasi"] == 13
    assert "dan 3 lainnya" in html
