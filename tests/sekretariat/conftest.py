from __future__ import annotations

import io

import pytest


@pytest.fixture
def demo_organisasi(db, unit_demo):
    """The Kota Serang 2023 organisation (sekretariat demo only)."""
    from sekretariat import demo

    demo.muat(stdout=io.StringIO())
    return unit_demo


@pytest.fixture
def staf_sdm(pengguna_buat):
    from kpu_site.peran import Peran

    return pengguna_buat("staf.sdm.uji", Peran.STAF, "hukum_sdm")


@pytest.fixture
def kasubag_sdm(pengguna_buat):
    from kpu_site.peran import Peran

    return pengguna_buat("kasubag.sdm.uji", Peran.KASUBAG, "hukum_sdm")
