"""Fixtures of the anggaran tests."""

import pytest

from .factories import DokumenAnggaranFactory


@pytest.fixture
def dipa():
    """A DIPA 2023 without a tree (modules that need one define their own ``dipa``)."""
    return DokumenAnggaranFactory(tahun=2023)


from .belanja_dasar import belanja, dipa_belanja  # noqa: E402, F401  (contracts and invoices)
