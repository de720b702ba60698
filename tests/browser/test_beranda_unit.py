"""In a real browser: a Kasubag's home page lists their sub-bagian's open work and fits a
390 px phone (no sideways scrolling), a long verifier's note included."""

from __future__ import annotations

from decimal import Decimal

import pytest

pytestmark = pytest.mark.browser

CATATAN = (
    "Bukti dukung belum dilampirkan: unggah notulen rapat pleno penetapan dan daftar hadir, "
    "lalu ajukan kembali sebelum 10 Oktober."
)


def test_kasubag_home_lists_the_units_work_and_fits_a_phone(demo_live, masuk_peramban):
    from kinerja.models import Indikator, Realisasi

    indikator = Indikator.objects.filter(sasaran__unit__kode="perencanaan").first()
    Realisasi.objects.create(
        indikator=indikator,
        tahun=2024,
        periode="tw3",
        nilai=Decimal("75"),
        status=Realisasi.Status.DIKEMBALIKAN,
        catatan_verifikasi=CATATAN,
    )
    kasubag = masuk_peramban("kasubag.perencanaan")
    page = kasubag.page
    for lebar, tinggi in [(1366, 900), (390, 844)]:
        page.set_viewport_size({"width": lebar, "height": tinggi})
        kasubag.buka("/?tahun=2024")
        page.get_by_role("heading", name="Pekerjaan Anda").wait_for()
        page.get_by_role("heading", name="Realisasi dikembalikan untuk diperbaiki").wait_for()
        assert page.get_by_text(CATATAN).is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= lebar
        kasubag.foto(f"beranda-{lebar}")
    page.get_by_role("link", name=indikator.kode, exact=False).first.click()
    page.get_by_text("TW III", exact=False).first.wait_for()
