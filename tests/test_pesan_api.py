"""The API answers in Indonesian (issue 16, "Words a person understands"): DRF's own Indonesian
catalogue leaves about half of its messages in English; ``locale/id`` translates the rest."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from django.utils import translation
from rest_framework.exceptions import Throttled

from tests.kinerja.factories import IndikatorFactory, SasaranFactory

pytestmark = pytest.mark.django_db

LOCALE = Path(__file__).resolve().parent.parent / "locale" / "id" / "LC_MESSAGES"


def _post(client, url, data, metode="post"):
    return getattr(client, metode)(url, data, content_type="application/json")


def test_api_number_and_boolean_messages_are_indonesian(client, unit_demo, admin_user):
    ind = IndikatorFactory(sasaran=SasaranFactory(unit=unit_demo["perencanaan"]))
    client.force_login(admin_user)
    body = {"indikator": ind.pk, "tahun": 2023, "periode": "tw1", "nilai": "banyak", "target": "1"}
    r = _post(client, "/api/kinerja/realisasi/", body)
    assert r.status_code == 400, r.content
    assert r.json() == {"nilai": ["Harus berupa angka."]}


def test_api_method_not_allowed_is_indonesian(client, admin_user):
    client.force_login(admin_user)
    r = client.delete("/api/adhoc/wilayah/")
    assert r.status_code == 405
    assert r.json() == {"detail": 'Metode "DELETE" tidak diizinkan.'}


def test_api_required_and_not_found_are_indonesian(client, admin_user):
    client.force_login(admin_user)
    r = _post(client, "/api/kinerja/renstra/", {"nama": "R"})
    assert r.status_code == 400
    assert r.json()["tahun_mulai"] == ["Bidang ini harus diisi."]
    r = client.get("/api/kinerja/renstra/99999/")
    assert r.status_code == 404
    assert r.json() == {"detail": "Data tidak ditemukan."}


def test_api_anonymous_and_throttled_are_indonesian(client):
    r = client.get("/api/kinerja/renstra/")
    assert r.status_code in (401, 403)
    assert r.json() == {"detail": "Data autentikasi tidak diberikan."}
    with translation.override("id"):
        assert str(Throttled(wait=30).detail) == (
            "Permintaan ini telah dibatasi. Coba lagi dalam 30 detik."
        )


def test_locale_mo_is_compiled_from_the_po():
    """``django.mo`` (what Django reads) says what ``django.po`` (what we edit) says."""
    po = (LOCALE / "django.po").read_text(encoding="utf-8")
    pasangan = re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', po, re.M)
    with (LOCALE / "django.mo").open("rb") as mo:
        katalog = gettext.GNUTranslations(mo)._catalog
    assert len(pasangan) > 40
    for msgid, msgstr in pasangan:
        kunci = msgid.replace('\\"', '"')
        assert katalog.get(kunci) == msgstr.replace('\\"', '"'), msgid
