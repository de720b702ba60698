"""The badan_adhoc fixtures (a crafted regency and recruitments) for the import corpus."""

from tests.badan_adhoc.conftest import (  # noqa: F401 - fixtures
    rekrutmen_kpps,
    rekrutmen_pps,
    staf_teknis,
    wilayah_uji,
)
