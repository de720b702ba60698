"""The Renstra tree is written through ``kinerja.services.renstra``: the rules hold for the API,
and a Kasubag/Staf of the planning sub-bagian cannot hand a sasaran to (or take one from)
another sub-bagian, and so cannot write that sub-bagian's realisasi."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja import services
from kinerja.models import Indikator, Misi, Realisasi, Renstra, Sasaran
from kpu_site.models import JejakAudit

from .factories import (
    IndikatorFactory,
    MisiFactory,
    RenstraFactory,
    SasaranFactory,
    TargetTahunanFactory,
)

pytestmark = pytest.mark.django_db

JSON = "application/json"


def test_staf_perencanaan_cannot_move_a_sasaran_to_another_unit(client, unit_demo, staf):
    sasaran = SasaranFactory(unit=unit_demo["perencanaan"])
    client.force_login(staf)
    r = client.patch(
        f"/api/kinerja/sasaran/{sasaran.pk}/", {"unit": unit_demo["keuangan"].pk}, content_type=JSON
    )
    assert r.status_code == 403
    assert "tidak dapat diserahkan kepada" in r.json()["detail"]
    sasaran.refresh_from_db()
    assert sasaran.unit == unit_demo["perencanaan"]


def test_staf_perencanaan_cannot_take_another_units_sasaran_and_write_its_realisasi(
    client, unit_demo, staf
):
    ind = IndikatorFactory(sasaran=SasaranFactory(unit=unit_demo["keuangan"]))
    TargetTahunanFactory(indikator=ind, tahun=2023, target=Decimal("80"))
    client.force_login(staf)
    r = client.patch(
        f"/api/kinerja/sasaran/{ind.sasaran.pk}/",
        {"unit": unit_demo["perencanaan"].pk},
        content_type=JSON,
    )
    assert r.status_code == 403
    assert "tidak dapat dipindahkan" in r.json()["detail"]
    assert Sasaran.objects.get(pk=ind.sasaran.pk).unit == unit_demo["keuangan"]
    body = {"indikator": ind.pk, "tahun": 2023, "periode": "tw1", "nilai": "20"}
    assert client.post("/api/kinerja/realisasi/", body, content_type=JSON).status_code == 403
    assert not Realisasi.objects.filter(indikator=ind).exists()


def test_sekretaris_moves_a_sasaran_and_staf_edits_own_sasaran(client, unit_demo, staf, sekretaris):
    sasaran = SasaranFactory(unit=unit_demo["perencanaan"])
    client.force_login(staf)
    r = client.patch(
        f"/api/kinerja/sasaran/{sasaran.pk}/", {"uraian": "Uraian baru"}, content_type=JSON
    )
    assert r.status_code == 200 and r.json()["uraian"] == "Uraian baru"
    client.force_login(sekretaris)
    r = client.patch(
        f"/api/kinerja/sasaran/{sasaran.pk}/", {"unit": unit_demo["keuangan"].pk}, content_type=JSON
    )
    assert r.status_code == 200 and r.json()["unit"] == unit_demo["keuangan"].pk
    assert Sasaran.objects.get(pk=sasaran.pk).unit == unit_demo["keuangan"]


def test_staf_creates_sasaran_only_for_own_unit(client, unit_demo, staf):
    tujuan = SasaranFactory(unit=unit_demo["perencanaan"]).tujuan
    body = {"tujuan": tujuan.pk, "nomor": 41, "uraian": "Sasaran baru"}
    client.force_login(staf)
    r = client.post(
        "/api/kinerja/sasaran/", {**body, "unit": unit_demo["keuangan"].pk}, content_type=JSON
    )
    assert r.status_code == 403 and not Sasaran.objects.filter(nomor=41).exists()
    r = client.post(
        "/api/kinerja/sasaran/", {**body, "unit": unit_demo["perencanaan"].pk}, content_type=JSON
    )
    assert r.status_code == 201
    assert Sasaran.objects.get(nomor=41).unit == unit_demo["perencanaan"]


def test_indikator_cannot_be_moved_to_another_units_sasaran(unit_demo, staf, sekretaris):
    ind = IndikatorFactory(sasaran=SasaranFactory(unit=unit_demo["perencanaan"]))
    lain = SasaranFactory(unit=unit_demo["keuangan"], tujuan=ind.sasaran.tujuan)
    with pytest.raises(PermissionDenied, match="tidak dapat diserahkan kepada"):
        services.indikator_update(indikator=ind, pengguna=staf, sasaran=lain)
    assert Indikator.objects.get(pk=ind.pk).sasaran_id == ind.sasaran_id
    services.indikator_update(indikator=ind, pengguna=sekretaris, sasaran=lain)
    assert Indikator.objects.get(pk=ind.pk).sasaran_id == lain.pk


def test_renstra_rules_name_the_field(staf):
    renstra = RenstraFactory()
    with pytest.raises(ValidationError) as e:
        services.renstra_create(
            pengguna=staf, nama="Baru", tahun_mulai=2024, tahun_selesai=2028, visi="Visi"
        )
    assert e.value.message_dict == {
        "tahun_mulai": ["Periode 2024–2028 bertumpang tindih dengan Renstra 2020–2024."]
    }
    with pytest.raises(ValidationError) as e:
        services.renstra_create(
            pengguna=staf, nama="Baru", tahun_mulai=2030, tahun_selesai=2029, visi="Visi"
        )
    assert "tahun_selesai" in e.value.message_dict
    MisiFactory(renstra=renstra, urutan=3)
    with pytest.raises(ValidationError) as e:
        services.misi_create(pengguna=staf, renstra=renstra, urutan=3, uraian="Misi kembar")
    assert e.value.message_dict == {"urutan": ["Misi nomor 3 sudah ada di Renstra 2020–2024."]}
    ind = IndikatorFactory(sasaran=SasaranFactory(tujuan__renstra=renstra))
    TargetTahunanFactory(indikator=ind, tahun=2024, target=Decimal("80"))
    with pytest.raises(ValidationError) as e:
        services.renstra_update(renstra=renstra, pengguna=staf, tahun_selesai=2023)
    assert "target tahun 2024" in e.value.message_dict["tahun_selesai"][0]
    assert Renstra.objects.get(pk=renstra.pk).tahun_selesai == 2024


def test_renstra_writes_refused_outside_planning(client, unit_demo, staf_lain):
    misi = MisiFactory(uraian="Misi lama")
    client.force_login(staf_lain)
    r = client.patch(f"/api/kinerja/misi/{misi.pk}/", {"uraian": "Diubah"}, content_type=JSON)
    assert r.status_code == 403
    assert Misi.objects.get(pk=misi.pk).uraian == "Misi lama"


def test_renstra_write_is_in_the_audit_trail_with_its_author(client, unit_demo, staf):
    misi = MisiFactory(uraian="Misi lama")
    client.force_login(staf)
    r = client.put(
        f"/api/kinerja/misi/{misi.pk}/",
        {"renstra": misi.renstra_id, "urutan": misi.urutan, "uraian": "Misi baru"},
        content_type=JSON,
    )
    assert r.status_code == 200
    jejak = JejakAudit.objects.get(
        content_type=ContentType.objects.get_for_model(Misi), object_id=str(misi.pk), aksi="ubah"
    )
    assert jejak.pengguna == staf
    assert jejak.perubahan == {"uraian": ["Misi lama", "Misi baru"]}
    assert jejak.keterangan == "Misi diubah"


def test_api_rule_errors_are_400_on_the_field(client, unit_demo, staf):
    ind = IndikatorFactory(sasaran=SasaranFactory(unit=unit_demo["perencanaan"]))
    MisiFactory(renstra=ind.sasaran.tujuan.renstra, urutan=2)
    client.force_login(staf)
    body = {"renstra": ind.sasaran.tujuan.renstra_id, "urutan": 2, "uraian": "Kembar"}
    r = client.post("/api/kinerja/misi/", body, content_type=JSON)
    assert r.status_code == 400
    assert r.json() == {"urutan": ["Misi nomor 2 sudah ada di Renstra 2020–2024."]}
    r = client.post("/api/kinerja/target/", {"indikator": ind.pk, "tahun": 2023}, content_type=JSON)
    assert r.status_code == 400 and r.json() == {"target": ["Target wajib diisi."]}
    r = client.patch(f"/api/kinerja/indikator/{ind.pk}/", {"presisi": 5}, content_type=JSON)
    assert r.status_code == 400 and r.json() == {"presisi": ["Jumlah desimal paling banyak 4."]}
