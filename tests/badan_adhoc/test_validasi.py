"""Query parameters of the ad hoc pages that used to overflow the database (issue 14, item 4)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

BESAR = "99999999999999999999"


@pytest.mark.parametrize("param", ["wilayah", "kecamatan", "setelah"])
def test_pendaftar_list_with_overflowing_id_param_is_not_a_server_error(
    client, admin_user, diseleksi, param
):
    client.force_login(admin_user)
    r = client.get(f"/adhoc/rekrutmen/{diseleksi.pk}/pendaftar/?{param}={BESAR}")
    assert r.status_code == 200


def test_pendaftar_api_filter_by_overflowing_rekrutmen_is_empty(client, komisioner, diseleksi):
    client.force_login(komisioner)
    r = client.get(f"/api/adhoc/pendaftar/?rekrutmen={BESAR}")
    assert r.status_code == 200
    assert r.json()["results"] == []
    assert client.get(f"/api/adhoc/pendaftar/?rekrutmen={diseleksi.pk}").json()["results"]
