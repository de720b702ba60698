"""The LKE structure edit pages (issue 18, item 1): a criterion's text and proposal rule, a
component's name; Sekretaris/Admin only, draft worksheets only; a rejected form keeps the
input and names the field; every change in the audit trail."""

from __future__ import annotations

import pytest

from kinerja.model_lke import KomponenLke, KriteriaLke, LembarKerjaEvaluasi
from kinerja.services import lke as svc
from kpu_site.models import JejakAudit

pytestmark = pytest.mark.django_db


@pytest.fixture
def lke(sekretaris):
    return svc.lke_buat(pengguna=sekretaris, tahun=2023)


def _kriteria(lke, kode="1.c", nomor=2):
    return KriteriaLke.objects.get(sub__komponen__lke=lke, sub__kode=kode, nomor=nomor)


def test_criterion_form_changes_text_and_rule(client, sekretaris, lke):
    k = _kriteria(lke)
    client.force_login(sekretaris)
    url = f"/kinerja/lke/kriteria/{k.pk}/ubah/"
    r = client.get(url)
    assert r.status_code == 200 and k.uraian in r.content.decode()
    assert "Ubah kriteria" in client.get("/kinerja/lke/2023/").content.decode()
    r = client.post(url, {"uraian": "Aktivitas mendukung kinerja", "aturan": "rencana_aksi_ada"})
    assert r.status_code == 302
    k.refresh_from_db()
    assert (k.uraian, k.aturan) == ("Aktivitas mendukung kinerja", "rencana_aksi_ada")
    jejak = JejakAudit.objects.filter(keterangan="LKE 2023: kriteria 1.c.2 diubah.").get()
    assert jejak.pengguna == sekretaris


def test_criterion_form_rejected_keeps_input_and_names_the_field(client, sekretaris, lke):
    k = _kriteria(lke)
    client.force_login(sekretaris)
    url = f"/kinerja/lke/kriteria/{k.pk}/ubah/"
    r = client.post(url, {"uraian": "Teks baru yang diketik", "aturan": "tidak_ada"})
    assert r.status_code == 400
    assert r.context["form"].errors["aturan"] == ["Aturan usulan 'tidak_ada' tidak dikenal."]
    assert "Teks baru yang diketik" in r.content.decode()
    r = client.post(url, {"uraian": "  ", "aturan": "dipa_ada"})
    assert r.status_code == 400 and r.context["form"].errors["uraian"]
    assert '<option value="dipa_ada" selected>' in r.content.decode()
    k.refresh_from_db()
    assert k.aturan == "" and k.uraian.startswith("Aktivitas yang dilaksanakan")


def test_component_form_changes_the_name_only(client, sekretaris, lke):
    komponen = KomponenLke.objects.get(lke=lke, kode="2")
    client.force_login(sekretaris)
    url = f"/kinerja/lke/komponen/{komponen.pk}/ubah/"
    assert client.get(url).status_code == 200
    r = client.post(url, {"nama": ""})
    assert r.status_code == 400 and r.context["form"].errors["nama"]
    assert client.post(url, {"nama": "Pengukuran Kinerja (diubah)"}).status_code == 302
    komponen.refresh_from_db()
    assert (komponen.nama, komponen.bobot) == ("Pengukuran Kinerja (diubah)", 30)


def test_structure_pages_refused_to_others_and_on_a_final_worksheet(
    client, sekretaris, kasubag, lke
):
    k = _kriteria(lke)
    komponen = KomponenLke.objects.get(lke=lke, kode="1")
    client.force_login(kasubag)
    assert client.get(f"/kinerja/lke/kriteria/{k.pk}/ubah/").status_code == 403
    assert (
        client.post(f"/kinerja/lke/komponen/{komponen.pk}/ubah/", {"nama": "X"}).status_code == 403
    )
    assert "Ubah kriteria" not in client.get("/kinerja/lke/2023/").content.decode()
    LembarKerjaEvaluasi.objects.filter(pk=lke.pk).update(status="final")
    client.force_login(sekretaris)
    r = client.post(f"/kinerja/lke/komponen/{komponen.pk}/ubah/", {"nama": "Nama yang diketik"})
    assert r.status_code == 400
    html = r.content.decode()
    assert "Penilaian mandiri LKE 2023 sudah final; lembar kerja tidak dapat diubah lagi." in html
    assert "Nama yang diketik" in html
    komponen.refresh_from_db()
    assert komponen.nama == "Perencanaan Kinerja"
