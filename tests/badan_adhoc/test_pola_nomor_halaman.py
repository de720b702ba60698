"""Issue 19 item 2: the number pattern and signatory per document type are set on a staff page
(not only in Django admin): the list shows each type with its pattern, signatory and next
number; the form refuses a pattern without {urut} or with an unknown field on the field,
writes nothing, and a saved pattern is audited and used by the next issue."""

from __future__ import annotations

import pytest
from django.urls import reverse

from badan_adhoc.dokumen.model_nomor import PolaNomorDokumen
from kpu_site.models import JejakAudit

pytestmark = pytest.mark.django_db


def test_daftar_pola_nomor(masuk, staf_teknis, lebak):
    body = masuk(staf_teknis).get(reverse("badan_adhoc:pola_nomor_list")).content.decode()
    assert "Pengumuman pendaftaran" in body and "Berita acara seleksi administrasi" in body
    assert "{urut}/PP.04.1-Pu/{kode_wilayah}/{tahun}" in body
    assert "1/PP.04.1-Pu/3602/2026" in body  # the next number, from the satker's region code
    assert reverse("badan_adhoc:pola_nomor_ubah", args=["pengumuman_pendaftaran"]) in body


@pytest.mark.parametrize(
    "pola, pesan",
    [
        ("PP.04.1-Pu/{tahun}", "Pola nomor harus memuat {urut} (nomor urut)"),
        ("{urut}/{kota}/{tahun}", "Pola nomor memuat isian yang tidak dikenal: {kota}"),
    ],
)
def test_pola_salah_ditolak_pada_fieldnya(masuk, staf_teknis, lebak, pola, pesan):
    url = reverse("badan_adhoc:pola_nomor_ubah", args=["hasil_akhir"])
    response = masuk(staf_teknis).post(url, {"pola": pola, "penandatangan": "ketua"})
    assert response.status_code == 200
    assert pesan in " ".join(response.context["form"].errors["pola"])
    assert PolaNomorDokumen.objects.count() == 0
    assert not JejakAudit.objects.filter(keterangan__startswith="Pola nomor").exists()


def test_pola_disimpan_dan_tercatat(masuk, staf_teknis, lebak):
    url = reverse("badan_adhoc:pola_nomor_ubah", args=["hasil_akhir"])
    klien = masuk(staf_teknis)
    assert "{urut}/PP.04.1-Pu/{kode_wilayah}/{tahun}" in klien.get(url).content.decode()
    response = klien.post(
        url,
        {
            "pola": "{urut}/PP.04-Pu/{kode_satker}/{bulan_romawi}/{tahun}",
            "penandatangan": "sekretaris",
        },
    )
    assert response.status_code == 302
    pola = PolaNomorDokumen.objects.get(jenis_nomor="hasil_akhir")
    assert (pola.pola, pola.penandatangan) == (
        "{urut}/PP.04-Pu/{kode_satker}/{bulan_romawi}/{tahun}",
        "sekretaris",
    )
    assert JejakAudit.objects.filter(
        keterangan="Pola nomor Pengumuman hasil akhir: {urut}/PP.04-Pu/{kode_satker}/"
        "{bulan_romawi}/{tahun} (ditandatangani Sekretaris KPU)."
    ).exists()
    body = klien.get(reverse("badan_adhoc:pola_nomor_list")).content.decode()
    assert "1/PP.04-Pu/670999/XI/2026" in body


def test_jenis_tidak_dikenal_404_dan_peran_lain_403(masuk, staf_teknis, komisioner, lebak):
    assert (
        masuk(staf_teknis).get(reverse("badan_adhoc:pola_nomor_ubah", args=["sk_x"])).status_code
        == 404
    )
    url = reverse("badan_adhoc:pola_nomor_ubah", args=["hasil_akhir"])
    assert (
        masuk(komisioner).post(url, {"pola": "{urut}", "penandatangan": "ketua"}).status_code == 403
    )
    assert PolaNomorDokumen.objects.count() == 0


def test_api_baca_dan_ubah_pola(client, staf_teknis, komisioner, lebak):
    client.force_login(komisioner)
    data = client.get("/api/adhoc/pola-nomor/").json()
    baris = {b["jenis"]: b for b in data}
    assert baris["pengumuman_pendaftaran"]["pola"] == "{urut}/PP.04.1-Pu/{kode_wilayah}/{tahun}"
    assert baris["pengumuman_pendaftaran"]["contoh"] == "1/PP.04.1-Pu/3602/2026"
    url = "/api/adhoc/pola-nomor/hasil_akhir/"
    body = {"pola": "{urut}/X/{tahun}", "penandatangan": "ketua"}
    assert client.put(url, body, content_type="application/json").status_code == 403
    client.force_login(staf_teknis)
    salah = client.put(url, body | {"pola": "X/{tahun}"}, content_type="application/json")
    assert salah.status_code == 400
    assert "Pola nomor harus memuat {urut}" in salah.json()["pola"][0]
    assert PolaNomorDokumen.objects.count() == 0
    ok = client.put(url, body, content_type="application/json")
    assert ok.status_code == 200 and ok.json()["contoh"] == "1/X/2026"
    assert client.get("/api/adhoc/pola-nomor/sk_x/").status_code == 404
