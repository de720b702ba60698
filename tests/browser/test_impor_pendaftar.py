"""In a real browser: a Kasubag Teknis imports an applicant file with an error, sees the row
and column named and nothing written, fixes the file and imports it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

KOLOM = "nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan,kode_domisili,alamat,no_hp,email,kode_wilayah_tujuan"


def _berkas(tmp_path, nama, tanggal_kedua):
    from badan_adhoc.models import Wilayah

    kelurahan = Wilayah.objects.exclude(jenis=Wilayah.Jenis.KECAMATAN).order_by("kode").first()
    baris = [
        KOLOM,
        f"3673015505990001,Siti Aminah,P,Serang,1999-05-15,SMA,{kelurahan.kode},Jl. Mawar 1,081200000001,,{kelurahan.kode}",
        f"3673011204000002,André O'Neil,L,Serang,{tanggal_kedua},S1,{kelurahan.kode},Jl. Melati 2,081200000002,,{kelurahan.kode}",
    ]
    path = tmp_path / nama
    path.write_bytes("\r\n".join(baris).encode("cp1252"))  # saved by Excel on Windows
    return path


def test_import_with_an_error_names_the_row_then_the_fixed_file_imports(
    demo_live, masuk_peramban, tmp_path
):
    from badan_adhoc.models import Pendaftar, Rekrutmen

    rekrutmen = Rekrutmen.objects.filter(jenis_badan="pps").order_by("pk").first()
    sebelum = Pendaftar.objects.filter(rekrutmen=rekrutmen).count()
    kasubag = masuk_peramban("kasubag.teknis")
    kasubag.buka(f"/adhoc/rekrutmen/{rekrutmen.pk}/pendaftar/impor/")
    kasubag.page.set_input_files(
        "input[name=berkas]", str(_berkas(tmp_path, "pendaftar-salah.csv", "2000-02-30"))
    )
    kasubag.foto("berkas-salah")
    kasubag.page.get_by_role("button", name="Impor").click()
    kasubag.page.locator(".alert-danger").get_by_text("Tidak ada data yang ditulis").wait_for()
    galat = kasubag.page.locator(".alert-danger").inner_text()
    assert "Baris 3" in galat and "tanggal_lahir" in galat, galat
    kasubag.foto("galat-baris-3")
    assert Pendaftar.objects.filter(rekrutmen=rekrutmen).count() == sebelum

    kasubag.page.set_input_files(
        "input[name=berkas]", str(_berkas(tmp_path, "pendaftar-benar.csv", "2000-04-12"))
    )
    kasubag.page.get_by_role("button", name="Impor").click()
    kasubag.page.get_by_text("Impor selesai: 2 baris").first.wait_for()
    kasubag.foto("impor-berhasil")
    assert Pendaftar.objects.filter(rekrutmen=rekrutmen).count() == sebelum + 2
    assert Pendaftar.objects.filter(rekrutmen=rekrutmen, nama="André O'Neil").exists()
