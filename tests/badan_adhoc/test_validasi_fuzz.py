"""What the schemathesis run over ``/api/schema/`` (``tests/fuzz/``) found, each kept as a plain
test with the test client so it cannot come back unnoticed."""

from __future__ import annotations

import pytest
from drf_spectacular.generators import SchemaGenerator

from badan_adhoc.models import Pendaftar
from badan_adhoc.services import pendaftar_import
from tests.badan_adhoc.conftest import berkas


@pytest.fixture
def pendaftar(rekrutmen_kpps) -> Pendaftar:
    pendaftar_import(
        rekrutmen=rekrutmen_kpps, berkas=berkas("pendaftar_kpps.csv"), nama_berkas="p.csv"
    )
    return Pendaftar.objects.order_by("pk").first()


def test_pendaftar_birth_date_hidden_from_a_reader_is_a_documented_null(
    client, komisioner, pendaftar
):
    """A Komisioner reads an applicant without the birth date (``null``); the schema said the
    field is always a date string, so a generated client would fail on the answer."""
    client.force_login(komisioner)
    response = client.get(f"/api/adhoc/pendaftar/{pendaftar.pk}/")
    assert response.status_code == 200
    assert response.json()["tanggal_lahir"] is None
    schema = SchemaGenerator().get_schema(request=None, public=True)
    tanggal_lahir = schema["components"]["schemas"]["Pendaftar"]["properties"]["tanggal_lahir"]
    assert tanggal_lahir.get("nullable") is True
