"""The RO output API: volume targets, monthly output realisasi with its workflow and import,
and the RO × month table, under the same rules as the pages."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from anggaran.models import RealisasiOutput, VolumeRo

from .dunia import KODE_RO, bulan_isi, ro_tambah, target_set

pytestmark = pytest.mark.django_db


def _post(client, url, data):
    return client.post(url, data, content_type="application/json")


def test_volume_ro_post_sets_the_target_and_refuses_with_field_messages(
    dipa, ro, staf_keuangan, staf, masuk, unit_demo
):
    client = masuk(staf_keuangan)
    body = {"ro": ro.pk, "volume": "6", "satuan": "Laporan", "unit": unit_demo["perencanaan"].pk}
    r = _post(client, "/api/anggaran/volume-ro/", body | {"rencana": ["1"] * 11})
    assert r.status_code == 400
    assert r.json() == {
        "rencana": ["Proyeksi harus berisi 12 angka (Januari–Desember) atau dikosongkan."]
    }
    r = _post(client, "/api/anggaran/volume-ro/", body)
    assert r.status_code == 201, r.content
    data = r.json()
    assert (data["kode_ro"], data["volume"], data["satuan"], data["rencana"]) == (
        KODE_RO,
        "6.00",
        "Laporan",
        [],
    )
    r = _post(client, "/api/anggaran/volume-ro/", body | {"volume": "8"})
    assert r.status_code == 200 and r.json()["volume"] == "8.00"
    assert client.get(f"/api/anggaran/volume-ro/?dokumen={dipa.pk}").json()["count"] == 1
    # another sub-bagian may read, not write
    client = masuk(staf)
    assert client.get("/api/anggaran/volume-ro/").status_code == 200
    assert _post(client, "/api/anggaran/volume-ro/", body).status_code == 403
    assert VolumeRo.objects.get().volume == Decimal("8")


def test_realisasi_output_api_workflow(
    dipa, ro, sekretaris, staf, kasubag, kasubag_keuangan, masuk, unit_demo
):
    target_set(ro, sekretaris, unit=unit_demo["perencanaan"])
    client = masuk(staf)
    url = "/api/anggaran/realisasi-output/"
    body = {"ro": ro.pk, "bulan": 1, "volume": "9", "tanggal_lapor": "2023-02-03"}
    r = _post(client, url, body)
    assert r.status_code == 400
    assert r.json() == {
        "volume": [
            "Realisasi kumulatif menjadi 9 Laporan, melebihi batas wajar 7,2 Laporan (120% dari "
            "target 6 Laporan)."
        ]
    }
    r = _post(client, url, body | {"volume": "1"})
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    assert r.json()["status"] == "draft"
    r = client.patch(f"{url}{pk}/", {"volume": "2"}, content_type="application/json")
    assert r.status_code == 200 and r.json()["volume"] == "2.00"
    assert _post(client, f"{url}{pk}/ajukan/", {}).json()["status"] == "diajukan"
    # the Kasubag of the unit does not verify: the Kasubag Keuangan does
    r = _post(masuk(kasubag), f"{url}{pk}/verifikasi/", {})
    assert r.status_code == 403
    assert r.json() == {
        "detail": "Realisasi output RO diverifikasi oleh Kasubag Keuangan atau Sekretaris."
    }
    client = masuk(kasubag_keuangan)
    r = _post(client, f"{url}{pk}/kembalikan/", {"catatan": ""})
    assert r.status_code == 400 and r.json() == {"catatan": ["Tulis catatan alasan pengembalian."]}
    r = _post(client, f"{url}{pk}/verifikasi/", {"catatan": "Sesuai"})
    assert r.status_code == 200 and r.json()["status"] == "diverifikasi"
    r = client.get(f"{url}?dokumen={dipa.pk}&status=diverifikasi")
    assert [x["bulan"] for x in r.json()["results"]] == [1]


def test_realisasi_output_api_accepts_the_evidence_file(ro, sekretaris, staf_keuangan, masuk):
    target_set(ro, sekretaris)
    bukti = SimpleUploadedFile("bukti.pdf", b"%PDF-1.4 bukti", "application/pdf")
    r = masuk(staf_keuangan).post(
        "/api/anggaran/realisasi-output/",
        {"ro": ro.pk, "bulan": 2, "volume": "1", "tanggal_lapor": "2023-03-01", "bukti": bukti},
    )
    assert r.status_code == 201, r.content
    assert r.json()["ada_berkas_bukti"] is True
    assert RealisasiOutput.objects.get().bukti.name.endswith(".pdf")


def test_realisasi_output_api_refuses_another_unit_and_read_only_roles(
    ro, sekretaris, staf_teknis, komisioner, masuk, unit_demo
):
    target_set(ro, sekretaris, unit=unit_demo["perencanaan"])
    body = {"ro": ro.pk, "bulan": 1, "volume": "1", "tanggal_lapor": "2023-02-03"}
    for user in (staf_teknis, komisioner):
        assert _post(masuk(user), "/api/anggaran/realisasi-output/", body).status_code == 403
    assert not RealisasiOutput.objects.exists()


def test_import_api_previews_and_imports(dipa, ro, sekretaris, staf_keuangan, masuk):
    target_set(ro, sekretaris)
    client = masuk(staf_keuangan)
    isi = f"kode_ro;bulan;volume;tanggal_lapor\n{KODE_RO};1;1;2023-02-03\n".encode()
    r = client.post(
        "/api/anggaran/realisasi-output/impor/",
        {"dokumen": dipa.pk, "berkas": SimpleUploadedFile("o.csv", isi), "pratinjau": "true"},
    )
    assert r.json() == {"disimpan": False, "jumlah_baris": 1, "jumlah_dilewati": 0, "kesalahan": []}
    r = client.post(
        "/api/anggaran/realisasi-output/impor/",
        {"dokumen": dipa.pk, "berkas": SimpleUploadedFile("o.csv", isi), "ajukan": "true"},
    )
    assert r.json()["disimpan"] is True
    assert RealisasiOutput.objects.get().status == "diajukan"
    salah = f"kode_ro;bulan;volume;tanggal_lapor\n{KODE_RO};2;x;2023-03-03\n".encode()
    r = client.post(
        "/api/anggaran/realisasi-output/impor/",
        {"dokumen": dipa.pk, "berkas": SimpleUploadedFile("o.csv", salah)},
    )
    assert r.status_code == 400
    assert r.json()["kesalahan"][0]["pesan"].startswith("Baris 2, kolom volume: 'x' bukan angka")


def test_output_ro_api_gives_the_table_in_constant_queries(
    dipa, ro, sekretaris, staf_keuangan, komisioner, masuk, django_assert_max_num_queries
):
    target_set(ro, sekretaris)
    for bulan, volume in [(1, "1"), (2, "2"), (3, "1")]:
        bulan_isi(ro, staf_keuangan, bulan, volume)
    client = masuk(komisioner)
    url = f"/api/anggaran/output-ro/?dokumen={dipa.pk}&sampai_bulan=3"
    client.get(url)
    with django_assert_max_num_queries(15) as satu:
        data = client.get(url).json()
    (baris,) = data["ro"]
    assert (baris["kode"], baris["target"], baris["kumulatif"], baris["capaian"]) == (
        KODE_RO,
        "6.00",
        "4.00",
        "66.67",
    )
    assert [b["volume"] for b in baris["bulan"][:4]] == ["1.00", "2.00", "1.00", None]
    assert baris["bulan"][2]["status"] == "diajukan" and baris["bulan"][3]["status"] is None
    ro_tambah(dipa, sekretaris, 10)
    with django_assert_max_num_queries(len(satu.captured_queries)):
        assert len(client.get(url).json()["ro"]) == 11
