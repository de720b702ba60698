"""The small world of the RO output tests: a DIPA 2023 with the small tree of
``tests.anggaran.factories.pohon_kecil`` (one RO, ``076.01.CQ.6709.QGE.001``)."""

from __future__ import annotations

import pytest

from anggaran.models import Pos
from kpu_site.peran import Peran
from tests.anggaran.factories import DokumenAnggaranFactory, pohon_kecil

from .dunia import KODE_RO


@pytest.fixture
def dipa(db):
    return DokumenAnggaranFactory(tahun=2023)


@pytest.fixture
def ro(dipa, sekretaris):
    pohon_kecil(dipa, sekretaris)
    return Pos.objects.get(dokumen=dipa, kode_lengkap=KODE_RO)


@pytest.fixture
def staf_teknis(pengguna_buat):
    """A Staf of a sub-bagian that neither writes budget data nor owns the RO."""
    return pengguna_buat("staf.teknis", Peran.STAF, "teknis")
