"""A NIK's message says what is wrong with it (issue 16, "Words a person understands"): the
screening row names the problem ("NIK harus 16 digit (tertulis 15)"), a NIK with letters is
refused where a person types it (the form, the API), and the import keeps storing it as given
(its validity is a screening result)."""

from __future__ import annotations

import re

from django.urls import reverse

from badan_adhoc import selectors
from badan_adhoc.models import Pendaftar, Wilayah
from badan_adhoc.services import pendaftar_import, pendaftar_screen

KOLOM = (
    "nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan,kode_domisili,alamat,no_hp,"
    "email,kode_wilayah_tujuan\n"
)
HURUF = "36730112A5900001"


def _nik(nama: str) -> tuple[str, str]:
    p = selectors.pendaftar_detail_qs().get(nama=nama)
    baris = {b.kode: b for b in selectors.pemeriksaan_administrasi(p, rinci=True)}
    return baris["nik_tidak_valid"].hasil, baris["nik_tidak_valid"].keterangan


def test_screening_says_a_short_nik_has_too_few_digits(diseleksi):
    # Budi Santoso's NIK in the file has 11 digits
    assert _nik("Budi Santoso") == ("gagal", "NIK harus 16 digit (tertulis 11)")


def test_screening_says_which_digits_differ_from_the_birth_date(diseleksi):
    assert _nik("Dewi Lestari") == (
        "gagal",
        "digit 7–12 seharusnya 550892 (dari tanggal lahir dan jenis kelamin), tertulis 150892",
    )
    assert _nik("Ahmad Fauzi") == ("memenuhi", "")


def test_import_keeps_a_nik_with_letters_and_the_screening_names_it(rekrutmen_kpps):
    baris = f"{HURUF},Huruf Nik,L,Serang,1990-05-12,SMA,36.73.01.1001,x,1,,36.73.01.1001\n"
    pendaftar_import(rekrutmen=rekrutmen_kpps, berkas=(KOLOM + baris).encode(), nama_berkas="h")
    assert Pendaftar.objects.get(nama="Huruf Nik").nik == HURUF
    pendaftar_screen(rekrutmen=rekrutmen_kpps)
    assert _nik("Huruf Nik") == ("gagal", "NIK hanya boleh berisi angka")


def _data(**ubah) -> dict:
    data = {
        "nik": "3673011205900099",
        "nama": "Tambahan",
        "jenis_kelamin": "L",
        "tempat_lahir": "Serang",
        "tanggal_lahir": "1990-05-12",
        "pendidikan": "SMA",
        "kode_domisili": "36.73.01.1001",
        "alamat": "Jl. Veteran",
        "no_hp": "0812",
        "email": "",
        "wilayah_tujuan": Wilayah.objects.get(kode="36.73.01.1001").pk,
    }
    return data | ubah


def test_form_refuses_a_nik_with_letters_at_the_field(masuk, rekrutmen_kpps, staf_teknis):
    client = masuk(staf_teknis)
    url = reverse("badan_adhoc:pendaftar_create", args=[rekrutmen_kpps.pk])
    r = client.post(url, _data(nik=HURUF))
    assert r.status_code == 200
    assert r.context["form"].errors["nik"] == ["NIK hanya boleh berisi angka."]
    assert Pendaftar.objects.count() == 0
    # a 15-digit NIK is accepted: its validity is the screening's result
    r = client.post(url, _data(nik="367301120590009"))
    assert r.status_code == 302
    assert Pendaftar.objects.count() == 1


def test_api_refuses_a_nik_with_letters(masuk, rekrutmen_kpps, staf_teknis):
    client = masuk(staf_teknis)
    body = _data(nik=HURUF, rekrutmen=rekrutmen_kpps.pk)
    r = client.post("/api/adhoc/pendaftar/", body, content_type="application/json")
    assert r.status_code == 400, r.content
    assert r.json() == {"nik": ["NIK hanya boleh berisi angka."]}
    assert Pendaftar.objects.count() == 0


# --------------------------------------------------------------------------- domicile


def test_domicile_outside_the_wilayah_is_named_not_coded(masuk, diseleksi, staf_teknis):
    """Kurniawati lives in 36.04.01.2001 (Pandeglang), outside the imported wilayah: the page
    says "di luar <the satker's kabupaten/kota>" instead of the code."""
    from sekretariat.models import Satker

    Satker.objects.create(
        nama="KPU Kota Serang",
        tingkat="kota",
        nama_wilayah="Kota Serang",
        kode_satker="123456",
        kode_wilayah="36.73",
    )
    p = Pendaftar.objects.get(nama="Kurniawati")
    html = masuk(staf_teknis).get(reverse("badan_adhoc:pendaftar_detail", args=[p.pk]))
    teks = html.content.decode()
    assert "36.04.01.2001" not in teks
    assert "<th>Domisili</th><td>di luar Kota Serang" in teks
    baris = {b.kode: b for b in selectors.pemeriksaan_administrasi(p, rinci=True)}
    assert baris["domisili_di_luar_wilayah"].keterangan == (
        "domisili di luar Kota Serang, tujuan Kelurahan Cimuncang"
    )
    dalam = Pendaftar.objects.get(nama="Ahmad Fauzi")
    html = masuk(staf_teknis).get(reverse("badan_adhoc:pendaftar_detail", args=[dalam.pk]))
    assert "<th>Domisili</th><td>Kelurahan Cimuncang, Kec. Serang" in html.content.decode()


def test_screening_reasons_show_their_label_not_their_code(masuk, diseleksi, staf_teknis):
    p = Pendaftar.objects.get(nama="Budi Santoso")
    teks = masuk(staf_teknis).get(reverse("badan_adhoc:pendaftar_detail", args=[p.pk]))
    html = teks.content.decode()
    assert "nik_tidak_valid" not in html
    assert '<td class="small text-nowrap">NIK tidak valid</td>' in html
    assert "NIK harus 16 digit (tertulis 11)" in html


# --------------------------------------------------------------------------- koreksi note


def test_koreksi_with_a_short_reason_marks_the_reason_field(masuk, diseleksi, staf_teknis):
    """Issue 16: a return/override whose note is refused shows it on the note field (is-invalid,
    the message under it, focused), with what was typed; nothing is written."""
    p = Pendaftar.objects.get(nama="Budi Santoso")
    client = masuk(staf_teknis)
    r = client.post(
        reverse("badan_adhoc:pendaftar_override", args=[p.pk]),
        {"status": "ms", "alasan": "Salah"},
        follow=True,
    )
    assert r.status_code == 200
    html = r.content.decode()
    kolom = re.search(r"<textarea[^>]*name=\"alasan\"[^>]*>([^<]*)</textarea>", html)
    assert kolom is not None
    assert "is-invalid" in kolom.group(0) and "autofocus" in kolom.group(0)
    assert kolom.group(1).strip() == "Salah"
    pesan = "Tuliskan alasan koreksi (minimal 10 karakter)."
    assert f'<div class="invalid-feedback d-block">{pesan}</div>' in html
    assert pesan not in [str(m) for m in r.context["messages"]]
    p.refresh_from_db()
    assert p.koreksi_status == ""
    # shown once
    html = client.get(reverse("badan_adhoc:pendaftar_detail", args=[p.pk])).content.decode()
    assert "is-invalid" not in html


def test_audit_page_names_fields_and_choices_of_the_record(masuk, diseleksi, staf_teknis, auditor):
    """Issue 16: a change recorded on an applicant shows its field's name and the choice's
    label ("koreksi hasil: Tidak memenuhi syarat"), not ``koreksi_status: tms``."""
    from badan_adhoc.services import pendaftar_override

    p = Pendaftar.objects.get(nama="Ahmad Fauzi")
    pendaftar_override(
        pendaftar=p, status="tms", alasan="Ijazah tidak dapat dibaca", pengguna=staf_teknis
    )
    html = masuk(auditor).get(reverse("audit_list")).content.decode()
    assert "koreksi_status" not in html
    # the change as old -> new (one entry, also for an imported applicant: issue 19)
    baris = '<span class="fw-semibold">koreksi hasil</span>: – → <strong>Tidak memenuhi syarat'
    assert baris in html
