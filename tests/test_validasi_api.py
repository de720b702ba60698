"""Input the API, the forms and the query parameters used to let through to a 500 (issue 14,
items 4 and 5): each is now a 400 (or an empty list, or a 404 for a URL year) with the
Indonesian message naming the field, and nothing is written."""

from __future__ import annotations

from decimal import Decimal

import pytest

from anggaran.models import DokumenAnggaran
from kinerja.models import BuktiDukung, PerjanjianKinerja, Realisasi, Renstra, TargetTahunan
from tests.anggaran.factories import DokumenAnggaranFactory
from tests.kinerja.factories import (
    IndikatorFactory,
    RenstraFactory,
    SasaranFactory,
    TargetTahunanFactory,
)

pytestmark = pytest.mark.django_db

BESAR = "99999999999999999999"
PESAN_TAHUN = "tahun harus antara 2000 dan 2100"
PESAN_BUKAN_OBJEK = "Isi permintaan harus objek JSON."


def _post(client, url, data, metode="post"):
    return getattr(client, metode)(url, data, content_type="application/json")


def _pesan(resp, field) -> str:
    return " ".join(resp.json()[field])


# --------------------------------------------------------------------------- years


def test_renstra_tahun_selesai_sebelum_mulai_is_400(client, admin_user):
    client.force_login(admin_user)
    r = _post(
        client,
        "/api/kinerja/renstra/",
        {"nama": "R", "tahun_mulai": 2030, "tahun_selesai": 2025, "visi": "V"},
    )
    assert r.status_code == 400, r.content
    assert _pesan(r, "tahun_selesai") == "Tahun selesai tidak boleh sebelum tahun mulai."
    assert Renstra.objects.count() == 0


@pytest.mark.parametrize("tahun", [0, 1999, 2101, 9999999999])
@pytest.mark.parametrize("field", ["tahun_mulai", "tahun_selesai"])
def test_renstra_tahun_outside_2000_2100_is_400(client, admin_user, tahun, field):
    client.force_login(admin_user)
    body = {"nama": "R", "tahun_mulai": 2025, "tahun_selesai": 2029, "visi": "V", field: tahun}
    r = _post(client, "/api/kinerja/renstra/", body)
    assert r.status_code == 400, r.content
    assert PESAN_TAHUN in _pesan(r, field)
    assert Renstra.objects.count() == 0


def test_renstra_update_tahun_outside_range_is_400(client, admin_user):
    renstra = RenstraFactory()
    client.force_login(admin_user)
    r = _post(client, f"/api/kinerja/renstra/{renstra.pk}/", {"tahun_selesai": 0}, "patch")
    assert r.status_code == 400, r.content
    assert PESAN_TAHUN in _pesan(r, "tahun_selesai")
    renstra.refresh_from_db()
    assert renstra.tahun_selesai == 2024


@pytest.mark.parametrize("tahun", [0, 9999999999])
def test_pk_tahun_outside_range_is_400(client, admin_user, tahun):
    Renstra.objects.create(nama="Lama", tahun_mulai=0, tahun_selesai=0, visi="V")
    client.force_login(admin_user)
    r = _post(client, "/api/kinerja/pk/", {"tahun": tahun})
    assert r.status_code == 400, r.content
    assert PESAN_TAHUN in _pesan(r, "tahun")
    assert PerjanjianKinerja.objects.count() == 0


def test_pk_service_refuses_year_outside_range(admin_user):
    from django.core.exceptions import ValidationError

    from kinerja.services import pk_create

    Renstra.objects.create(nama="Lama", tahun_mulai=0, tahun_selesai=0, visi="V")
    with pytest.raises(ValidationError) as err:
        pk_create(tahun=0, pengguna=admin_user)
    assert PESAN_TAHUN in err.value.message_dict["tahun"][0]


@pytest.mark.parametrize(
    "url",
    [
        "/api/kinerja/target/",
        "/api/kinerja/realisasi/",
    ],
)
def test_target_and_realisasi_tahun_outside_range_is_400(client, admin_user, unit_demo, url):
    ind = IndikatorFactory(sasaran=SasaranFactory(unit=unit_demo["perencanaan"]))
    client.force_login(admin_user)
    body = {"indikator": ind.pk, "tahun": 9999999999, "periode": "tw1", "target": "5"}
    r = _post(client, url, body)
    assert r.status_code == 400, r.content
    assert PESAN_TAHUN in _pesan(r, "tahun")
    assert TargetTahunan.objects.count() == Realisasi.objects.count() == 0


def test_dipa_tahun_outside_range_is_400(client, admin_user):
    client.force_login(admin_user)
    body = {"jenis": "dipa", "tahun": 0, "nomor": "SP-1", "tanggal": "2026-01-02", "uraian": "U"}
    r = _post(client, "/api/anggaran/dokumen/", body)
    assert r.status_code == 400, r.content
    assert PESAN_TAHUN in _pesan(r, "tahun")
    assert DokumenAnggaran.objects.count() == 0


@pytest.mark.parametrize(
    "url",
    [
        "/kinerja/capaian/0/",
        "/kinerja/capaian/9999999999/",
        "/kinerja/realisasi/1999/",
        "/kinerja/pk/2101/",
        "/kinerja/analisis/99999999999999999999/",
        "/anggaran/laporan/0/",
        "/kinerja/lkj/9999999999/",
    ],
)
def test_url_year_outside_range_is_404(client, admin_user, url):
    client.force_login(admin_user)
    assert client.get(url).status_code == 404


def test_year_query_param_outside_range_is_ignored(client, admin_user):
    client.force_login(admin_user)
    for url in ("/api/kinerja/capaian/", "/api/kinerja/pk/", "/api/anggaran/dokumen/"):
        for tahun in ("0", BESAR):
            assert client.get(f"{url}?tahun={tahun}").status_code == 200, url


# --------------------------------------------------------------------------- JSON bodies


def _realisasi(unit_demo, staf) -> Realisasi:
    from kinerja.services import realisasi_save, realisasi_submit

    ind = IndikatorFactory(sasaran=SasaranFactory(unit=unit_demo["perencanaan"]))
    TargetTahunanFactory(indikator=ind, tahun=2023, target=Decimal("80"))
    r = realisasi_save(
        indikator=ind, tahun=2023, periode="tw1", pengguna=staf, versi=None, nilai=Decimal("20")
    )
    return realisasi_submit(realisasi=r, pengguna=staf)


@pytest.mark.parametrize("isi", ["true", "1.5", "[null,null]", "null", '"teks"', "[]"])
@pytest.mark.parametrize("aksi", ["verifikasi", "kembalikan"])
def test_realisasi_action_with_non_object_body_is_400(client, unit_demo, staf, kasubag, isi, aksi):
    r = _realisasi(unit_demo, staf)
    client.force_login(kasubag)
    resp = _post(client, f"/api/kinerja/realisasi/{r.pk}/{aksi}/", isi)
    assert resp.status_code == 400, resp.content
    assert resp.json() == {"detail": PESAN_BUKAN_OBJEK}
    r.refresh_from_db()
    assert r.status == Realisasi.Status.DIAJUKAN


@pytest.mark.parametrize("isi", ["true", "1.5", "[null,null]", "null"])
@pytest.mark.parametrize("metode", ["put", "patch"])
def test_dipa_update_with_non_object_body_is_400(client, admin_user, isi, metode):
    dokumen = DokumenAnggaranFactory()
    client.force_login(admin_user)
    resp = _post(client, f"/api/anggaran/dokumen/{dokumen.pk}/", isi, metode)
    assert resp.status_code == 400, resp.content
    assert resp.json() == {"detail": PESAN_BUKAN_OBJEK}


# --------------------------------------------------------------------------- id filters


@pytest.mark.parametrize(
    "url",
    [
        "/api/organisasi/pegawai/?unit=",
        "/api/adhoc/pendaftar/?rekrutmen=",
        "/api/kinerja/realisasi/?indikator=",
        "/api/kinerja/bukti/?realisasi=",
        "/api/anggaran/revisi/?dokumen=",
        "/api/anggaran/pos/?dokumen=",
        "/api/anggaran/realisasi/?dokumen=",
        "/api/anggaran/realisasi/?akun=",
    ],
)
def test_id_filter_overflowing_bigint_gives_empty_list(client, admin_user, komisioner, url):
    for user in (admin_user, komisioner):
        client.force_login(user)
        r = client.get(url + BESAR)
        assert r.status_code == 200, (url, r.content)
        assert r.json()["results"] == []


# --------------------------------------------------------------------------- numbers


def test_realisasi_api_nilai_of_40_digits_is_400(client, unit_demo, staf):
    ind = IndikatorFactory(
        sasaran=SasaranFactory(unit=unit_demo["perencanaan"]), satuan="dokumen", presisi=0
    )
    TargetTahunanFactory(indikator=ind, tahun=2023, target=Decimal("80"))
    client.force_login(staf)
    body = {"indikator": ind.pk, "tahun": 2023, "periode": "tahunan", "nilai": "9" * 40}
    r = _post(client, "/api/kinerja/realisasi/", body)
    assert r.status_code == 400, r.content
    assert "nilai" in r.json()
    assert Realisasi.objects.count() == 0


@pytest.mark.parametrize("nilai", ["9" * 40, "1" + "0" * 14, "1e40", "1E+400"])
def test_realisasi_form_and_htmx_nilai_too_large(client, unit_demo, staf, nilai):
    ind = IndikatorFactory(
        sasaran=SasaranFactory(unit=unit_demo["perencanaan"]), satuan="dokumen", presisi=0
    )
    TargetTahunanFactory(indikator=ind, tahun=2023, target=Decimal("80"))
    client.force_login(staf)
    url = f"/kinerja/realisasi/2023/{ind.pk}/tahunan/"
    r = client.post(url, {"nilai": nilai})
    assert r.status_code == 400
    pesan = "Realisasi (dokumen): terlalu besar: paling banyak 14 digit sebelum koma."
    teks = r.content.decode()
    assert pesan in teks or "bukan angka" in teks
    v = client.post(url + "validasi/", {"nilai": nilai, "_field": "nilai"}, HTTP_HX_REQUEST="true")
    assert v.status_code == 200
    assert "terlalu besar" in v.content.decode() or "bukan angka" in v.content.decode()
    assert Realisasi.objects.count() == 0


@pytest.mark.parametrize(
    ("indikator", "pesan"),
    [
        (1.5, "Harus berupa id (bilangan bulat), bukan 1.5."),
        ("1.5", "Harus berupa id (bilangan bulat), bukan '1.5'."),
        (True, "Harus berupa id (bilangan bulat), bukan True."),
        (BESAR, f"Data dengan id {BESAR} tidak ditemukan."),
        (int(BESAR), f"Data dengan id {BESAR} tidak ditemukan."),
        (-1, "Data dengan id -1 tidak ditemukan."),
    ],
)
@pytest.mark.parametrize("url", ["/api/kinerja/realisasi/", "/api/kinerja/target/"])
def test_indikator_not_a_whole_id_is_400(client, unit_demo, admin_user, indikator, pesan, url):
    """``indikator=1.5`` used to be read as indikator 1 (Django turns 1.5 into 1)."""
    ind = IndikatorFactory(sasaran=SasaranFactory(unit=unit_demo["perencanaan"]))
    assert ind.pk == 1 or Realisasi.objects.count() == 0
    client.force_login(admin_user)
    body = {"indikator": indikator, "tahun": 2023, "periode": "tw1", "nilai": "1", "target": "1"}
    r = _post(client, url, body)
    assert r.status_code == 400, r.content
    assert r.json() == {"indikator": [pesan]}
    if isinstance(indikator, str):  # a form body too
        r = client.post(url, body)
        assert r.status_code == 400, r.content
        assert r.json() == {"indikator": [pesan]}
    assert Realisasi.objects.count() == TargetTahunan.objects.count() == 0


# --------------------------------------------------------------------------- limits


def test_bukti_keterangan_and_tautan_over_limit_is_400(client, unit_demo, staf):
    from kinerja.services import realisasi_save

    ind = IndikatorFactory(sasaran=SasaranFactory(unit=unit_demo["perencanaan"]))
    TargetTahunanFactory(indikator=ind, tahun=2023, target=Decimal("80"))
    r = realisasi_save(
        indikator=ind, tahun=2023, periode="tw1", pengguna=staf, versi=None, nilai=Decimal("20")
    )
    client.force_login(staf)
    panjang = "https://contoh.go.id/" + "a" * 699
    for data, field, pesan in [
        (
            {"tautan": "https://contoh.go.id/", "keterangan": "k" * 300},
            "keterangan",
            "255 karakter",
        ),
        ({"tautan": panjang, "keterangan": ""}, "tautan", "500 karakter"),
    ]:
        resp = _post(client, "/api/kinerja/bukti/", {"realisasi": r.pk, **data})
        assert resp.status_code == 400, resp.content
        assert pesan in _pesan(resp, field)
    assert BuktiDukung.objects.count() == 0


def test_bukti_service_checks_database_limits(unit_demo, staf):
    from django.core.exceptions import ValidationError

    from kinerja.services import bukti_tautan_add, realisasi_save

    ind = IndikatorFactory(sasaran=SasaranFactory(unit=unit_demo["perencanaan"]))
    TargetTahunanFactory(indikator=ind, tahun=2023, target=Decimal("80"))
    r = realisasi_save(
        indikator=ind, tahun=2023, periode="tw1", pengguna=staf, versi=None, nilai=Decimal("20")
    )
    with pytest.raises(ValidationError) as err:
        bukti_tautan_add(
            realisasi=r, pengguna=staf, tautan="https://contoh.go.id/", keterangan="k" * 300
        )
    assert err.value.message_dict == {
        "keterangan": ["terlalu panjang: paling banyak 255 karakter (tertulis 300)."]
    }
    assert BuktiDukung.objects.count() == 0


# --------------------------------------------------------------------------- the sweep

ISI_BURUK = ["true", "1.5", "[null,null]", "null", '"teks"', "[]", "{}"]
PARAM_ID = ("unit", "rekrutmen", "dokumen", "realisasi", "indikator", "akun", "revisi", "tahun")


def _rute_api():
    """``(url, methods)`` of every route of the API router, with ``{pk}`` for detail routes."""
    import re

    import kpu_site.urls  # noqa: F401  (the apps register their routes on import)
    from kpu_site.api import router

    for pola in router.urls:
        aksi = getattr(pola.callback, "actions", None)
        regex = str(pola.pattern)
        if not aksi or "<format>" in regex:
            continue
        url = "/api/" + regex.lstrip("^").rstrip("$")
        metode = sorted(set(aksi) & {"get", "post", "put", "patch"})  # DRF adds "head" itself
        yield re.sub(r"\(\?P<pk>[^)]*\)", "{pk}", url), pola.callback.cls, metode


def test_every_api_route_answers_bad_input_without_server_error(admin_user):
    """Every route of ``/api/``: bodies that are not objects, an empty object, ids beyond the
    database's bigint in the URL and in every id filter; none may answer a 5xx."""
    from rest_framework.test import APIClient

    from tests.conftest import demo_inti_muat

    demo_inti_muat()
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(admin_user)
    galat, jumlah = [], 0
    for pola, cls, metode in _rute_api():
        pks = [None]
        if "{pk}" in pola:
            ada = cls.queryset.order_by("pk").values_list("pk", flat=True).first()
            pks = [ada or 1, BESAR]
        for pk in pks:
            url = pola.format(pk=pk)
            for m in metode:
                permintaan = (
                    [(url + f"?{n}={BESAR}", None) for n in ("", *PARAM_ID)]
                    if m == "get"
                    else [(url, isi) for isi in ISI_BURUK]
                )
                for alamat, isi in permintaan:
                    kw = {} if isi is None else {"data": isi, "content_type": "application/json"}
                    r = getattr(client, m)(alamat, **kw)
                    jumlah += 1
                    if r.status_code >= 500:
                        galat.append(f"{m.upper()} {alamat} {isi or ''} -> {r.status_code}")
    assert jumlah > 500
    assert galat == []


def test_pk_tempat_over_limit_is_400(client, admin_user, unit_demo):
    """101 characters for a ``varchar(100)``: PostgreSQL refused it with a 500."""
    ind = IndikatorFactory(sasaran=SasaranFactory(unit=unit_demo["perencanaan"]))
    TargetTahunanFactory(indikator=ind, tahun=2023, target=Decimal("90"))
    client.force_login(admin_user)
    r = _post(client, "/api/kinerja/pk/", {"tahun": 2023, "tempat": "x" * 101})
    assert r.status_code == 400, r.content
    assert "100" in _pesan(r, "tempat")
    assert PerjanjianKinerja.objects.count() == 0


def test_pk_service_checks_tempat_limit(admin_user, unit_demo):
    from django.core.exceptions import ValidationError

    from kinerja.services import pk_create

    ind = IndikatorFactory(sasaran=SasaranFactory(unit=unit_demo["perencanaan"]))
    TargetTahunanFactory(indikator=ind, tahun=2023, target=Decimal("90"))
    with pytest.raises(ValidationError) as err:
        pk_create(tahun=2023, pengguna=admin_user, tempat="x" * 101)
    assert err.value.message_dict == {
        "tempat": ["terlalu panjang: paling banyak 100 karakter (tertulis 101)."]
    }
    assert PerjanjianKinerja.objects.count() == 0


def test_year_switcher_ignores_years_stored_outside_range(client, admin_user):
    """A Renstra of year 0 stored before years were bounded made the switcher list 2,027
    years on every page."""
    from kpu_site.tahun import tahun_pilihan

    Renstra.objects.create(nama="Lama", tahun_mulai=0, tahun_selesai=0, visi="V")
    RenstraFactory(tahun_mulai=2025, tahun_selesai=2029)
    assert tahun_pilihan() == [2026, 2025]
    client.force_login(admin_user)
    assert client.get("/").status_code == 200
