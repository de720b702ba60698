"""In a real browser: a Komisioner switches the working year in the navigation bar; the
dashboard and then the kinerja pages follow, and switching on a year page keeps the page."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_year_switcher_moves_the_dashboard_and_keeps_the_page(demo_live, masuk_peramban):
    komisioner = masuk_peramban("komisioner")
    page = komisioner.page
    page.get_by_text("Dasbor Pimpinan · Tahun 2023").wait_for()
    komisioner.foto("dasbor-2023")

    page.select_option("select[name=tahun]", "2022")
    page.get_by_text("Dasbor Pimpinan · Tahun 2022").wait_for()
    komisioner.foto("dasbor-2022")

    page.get_by_role("button", name="Kinerja").click()
    page.get_by_role("link", name="Capaian Kinerja").click()
    page.wait_for_url(re.compile(r"/kinerja/capaian/2022/$"))
    page.get_by_role("heading", name="Capaian kinerja 2022").wait_for()

    page.select_option("select[name=tahun]", "2023")
    page.wait_for_url(re.compile(r"/kinerja/capaian/2023/$"))
    page.get_by_role("heading", name="Capaian kinerja 2023").wait_for()
    assert page.locator("select[name=tahun]").input_value() == "2023"
    komisioner.foto("capaian-2023")
