"""Column mapping (issue 21, item 2): the header found under title rows, a ``Pemetaan`` read
while streaming (renamed columns, value rules, joined and split codes, the sheet), profiles
saved, checked, audited and refused to the wrong users, and a realisasi import through a
profile on a SAKTI-like file by the page, the API and the command."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from anggaran.impor import realisasi_impor, realisasi_impor_periksa
from anggaran.models import Realisasi
from kpu_site.impor import ImporGagal, Pemetaan, baca_tabel
from kpu_site.impor_jenis import jenis_get, jenis_semua, kolom_sarankan, pemetaan_periksa
from kpu_site.models import JejakAudit, ProfilImpor
from kpu_site.selectors import pemetaan_profil
from kpu_site.services import profil_impor_hapus, profil_impor_simpan
from tests.anggaran.factories import DokumenAnggaranFactory, pohon_kecil

pytestmark = pytest.mark.django_db

AKUN1 = "076.01.CQ.6709.QGE.001.051.A.521211"
AKUN2 = "076.01.CQ.6709.QGE.001.051.A.521213"
WAJIB = ("tanggal", "nomor_sp2d", "kode_akun", "uraian", "nilai")

# A SAKTI-like realisasi export: title rows, its own names and order, English-style amounts,
# dates with the month's name, the akun code split over two columns.
SAKTI = (
    "LAPORAN REALISASI BELANJA (SP2D)\n"
    "Satker: 670714 KPU Kota Serang\n"
    "\n"
    "No SP2D;Tgl SP2D;Nilai SP2D (Rp);Kode Output;Akun;Keterangan;Tidak dipakai\n"
    f"230001;17 Oktober 2023;1,500.50;{AKUN1[:-7]};521211;Honor narasumber;x\n"
    f"230002;3 Nop 2023;250,000;{AKUN1[:-7]};521211;Belanja bahan;x\n"
    f"230002;03/11/2023;1,000.25;{AKUN2[:-7]};521213;Belanja bahan;x\n"
).encode()
KOLOM_SAKTI = {
    "tanggal": ["Tgl SP2D"],
    "nomor_sp2d": ["No SP2D"],
    "kode_akun": ["Kode Output", "Akun"],
    "uraian": ["Keterangan"],
    "nilai": ["Nilai SP2D (Rp)"],
}
ATURAN_SAKTI = {"tanggal": "tanggal", "nilai": "angka_en"}


@pytest.fixture
def dipa(sekretaris):
    dokumen = DokumenAnggaranFactory()
    pohon_kecil(dokumen, sekretaris)
    return dokumen


@pytest.fixture
def profil_sakti(staf_keuangan):
    return profil_impor_simpan(
        pengguna=staf_keuangan,
        jenis="realisasi",
        nama="SAKTI – realisasi SP2D",
        kolom=KOLOM_SAKTI,
        aturan=ATURAN_SAKTI,
    )


# --------------------------------------------------------------------------- reading


def test_header_under_title_rows_is_found_without_a_profile():
    data = (
        b"Daftar realisasi\nDicetak 2023-12-31\n" + b"tanggal,nomor_sp2d,kode_akun,uraian,nilai\n"
    )
    data += b"2023-01-02,1,A,u,5\n"
    tabel = baca_tabel(data, nama_berkas="a.csv", kolom_wajib=WAJIB)
    assert list(tabel.baris) == [
        (
            4,
            {
                "tanggal": "2023-01-02",
                "nomor_sp2d": "1",
                "kode_akun": "A",
                "uraian": "u",
                "nilai": "5",
            },
        )
    ]


def test_missing_column_is_still_named_when_no_row_has_them_all():
    with pytest.raises(ImporGagal) as exc:
        baca_tabel(b"tanggal,nilai\n2023-01-02,5\n", nama_berkas="a.csv", kolom_wajib=WAJIB)
    assert [str(k) for k in exc.value.kesalahan] == [
        "Baris 1, kolom nomor_sp2d: kolom wajib tidak ada di baris judul.",
        "Baris 1, kolom kode_akun: kolom wajib tidak ada di baris judul.",
        "Baris 1, kolom uraian: kolom wajib tidak ada di baris judul.",
    ]


def test_mapping_renames_applies_rules_and_joins_codes_while_streaming():
    pemetaan = Pemetaan(
        kolom={k: tuple(v) for k, v in KOLOM_SAKTI.items()}, aturan=ATURAN_SAKTI, nama="SAKTI"
    )
    tabel = baca_tabel(SAKTI, nama_berkas="sakti.csv", kolom_wajib=WAJIB, pemetaan=pemetaan)
    baris = [(n, {k: v[k] for k in WAJIB}) for n, v in tabel.baris]
    assert baris == [
        (5, {"tanggal": "2023-10-17", "nomor_sp2d": "230001", "kode_akun": AKUN1,
             "uraian": "Honor narasumber", "nilai": "1500,50"}),
        (6, {"tanggal": "2023-11-03", "nomor_sp2d": "230002", "kode_akun": AKUN1,
             "uraian": "Belanja bahan", "nilai": "250000"}),
        (7, {"tanggal": "2023-11-03", "nomor_sp2d": "230002", "kode_akun": AKUN2,
             "uraian": "Belanja bahan", "nilai": "1000,25"}),
    ]  # fmt: skip
    assert tabel.asal["kode_akun"] == "Kode Output + Akun"


def test_mapping_splits_one_code_column_and_reads_the_chosen_sheet_and_header_row():
    wb = Workbook()
    wb.active.title = "Ringkasan"
    wb.active.append(["bukan ini"])
    ws = wb.create_sheet("Rincian")
    ws.append(["Judul lembar"])
    ws.append(["KODE LENGKAP", "NIK", "JK"])
    ws.append(["076.01.CQ", "3673011205900001", "Laki-laki"])
    ws.append(["076.01.WA", "3673014703850002", "Perempuan"])
    buf = io.BytesIO()
    wb.save(buf)
    pemetaan = Pemetaan(
        kolom={"program": ("KODE LENGKAP",), "kro": ("KODE LENGKAP",), "jk": ("JK",)},
        aturan={"program": "kode_1", "kro": "kode_3", "jk": "jenis_kelamin"},
        lembar="Rincian",
        baris_judul=2,
    )
    tabel = baca_tabel(
        buf.getvalue(), nama_berkas="a.xlsx", kolom_wajib=("program", "kro"), pemetaan=pemetaan
    )
    assert [(n, v["program"], v["kro"], v["jk"]) for n, v in tabel.baris] == [
        (3, "076", "CQ", "L"),
        (4, "076", "WA", "P"),
    ]
    with pytest.raises(ImporGagal) as exc:
        baca_tabel(
            buf.getvalue(),
            nama_berkas="a.xlsx",
            kolom_wajib=(),
            pemetaan=Pemetaan(kolom={"nik": ("NIK",)}, lembar="Tidak ada"),
        )
    assert str(exc.value.kesalahan[0]) == (
        "Berkas: lembar 'Tidak ada' tidak ada di berkas (lembar yang ada: Ringkasan, Rincian)."
    )


def test_a_mapped_column_missing_from_the_file_is_named_with_its_row():
    pemetaan = Pemetaan(kolom={"tanggal": ("Tgl SP2D",), "nilai": ("Nilai Bersih",)}, nama="X")
    with pytest.raises(ImporGagal) as exc:
        baca_tabel(SAKTI, nama_berkas="a.csv", kolom_wajib=(), pemetaan=pemetaan)
    assert "tidak ada baris di 30 baris pertama yang memuat semua kolom profil 'X'" in str(
        exc.value.kesalahan[0]
    )
    pemetaan = Pemetaan(kolom={"nilai": ("Nilai Bersih",)}, baris_judul=4, nama="X")
    with pytest.raises(ImporGagal) as exc:
        baca_tabel(SAKTI, nama_berkas="a.csv", kolom_wajib=(), pemetaan=pemetaan)
    assert [str(k) for k in exc.value.kesalahan] == [
        "Baris 4, kolom Nilai Bersih: kolom ini (profil 'X', untuk nilai) tidak ada di baris judul."
    ]


# --------------------------------------------------------------------------- profiles


def test_profile_checks_name_every_problem():
    jenis = jenis_get("realisasi")
    galat = pemetaan_periksa(
        jenis,
        {"tanggal": ["Tgl"], "nomor_sp2d": ["Tgl"], "bukan": ["X"]},
        {"tanggal": "tidak_ada"},
    )
    assert galat["bukan"] == "impor Realisasi SP2D tidak membaca kolom 'bukan'."
    assert galat["kode_akun"] == "Kode akun (lengkap) wajib dipetakan ke satu kolom berkas."
    assert galat["tanggal"] == "aturan nilai 'tidak_ada' tidak dikenal."
    assert galat["nomor_sp2d"].startswith(
        "kolom berkas 'tgl' dipetakan ke beberapa isian (Tanggal SP2D, Nomor SP2D)"
    )
    # one column for several fields is fine when each takes a part of a code
    assert "tanggal" not in pemetaan_periksa(
        jenis, {"tanggal": ["Kode"], "uraian": ["Kode"]}, {"tanggal": "kode_1", "uraian": "kode_2"}
    )


def test_suggestions_by_name_label_and_synonym():
    jenis = jenis_get("realisasi")
    saran = kolom_sarankan(jenis, ["NO SP2D", "Tgl SP2D", "Nilai SP2D", "Uraian", "COA", "Lain"])
    assert saran == {
        "tanggal": "Tgl SP2D",
        "nomor_sp2d": "NO SP2D",
        "kode_akun": "COA",
        "uraian": "Uraian",
        "nilai": "Nilai SP2D",
    }


def test_profile_saved_audited_unique_and_refused_to_other_units(
    staf_keuangan, staf, komisioner, profil_sakti
):
    assert JejakAudit.objects.filter(objek="SAKTI – realisasi SP2D", aksi="buat").count() == 1
    with pytest.raises(ValidationError) as exc:
        profil_impor_simpan(
            pengguna=staf_keuangan, jenis="realisasi", nama="SAKTI – realisasi SP2D",
            kolom=KOLOM_SAKTI,
        )  # fmt: skip
    assert exc.value.message_dict["nama"] == [
        "Profil 'SAKTI – realisasi SP2D' untuk impor ini sudah ada; pakai nama lain."
    ]
    for orang in (staf, komisioner):  # Perencanaan's staff, a commissioner
        with pytest.raises(PermissionDenied):
            profil_impor_simpan(pengguna=orang, jenis="realisasi", nama="B", kolom=KOLOM_SAKTI)
        with pytest.raises(PermissionDenied):
            profil_impor_hapus(pengguna=orang, profil=profil_sakti)
    profil_impor_hapus(pengguna=staf_keuangan, profil=profil_sakti)
    assert not ProfilImpor.objects.exists()
    assert JejakAudit.objects.filter(objek="SAKTI – realisasi SP2D", aksi="hapus").count() == 1


def test_unknown_profile_names_the_ones_there_are(profil_sakti):
    with pytest.raises(ImporGagal) as exc:
        pemetaan_profil(jenis="realisasi", nama="SAKTI lama")
    assert str(exc.value.kesalahan[0]) == (
        "Berkas: profil impor 'SAKTI lama' tidak ada (profil impor ini: 'SAKTI – realisasi SP2D')."
    )
    assert pemetaan_profil(jenis="realisasi", nama="") is None


# --------------------------------------------------------------------------- realisasi


def test_realisasi_through_a_profile_pins_the_totals_and_reimport_changes_nothing(
    dipa, staf_keuangan, profil_sakti
):
    pemetaan = pemetaan_profil(jenis="realisasi", nama=profil_sakti.nama)
    hasil = realisasi_impor(
        pengguna=staf_keuangan, dokumen=dipa, berkas=SAKTI, nama_berkas="sakti.csv",
        pemetaan=pemetaan,
    )  # fmt: skip
    assert hasil.total_nilai == Decimal("252500.75")
    assert Realisasi.objects.get(nomor_sp2d="230001").nilai == Decimal("1500.50")
    ulang = realisasi_impor(
        pengguna=staf_keuangan, dokumen=dipa, berkas=SAKTI, nama_berkas="sakti.csv",
        pemetaan=pemetaan,
    )  # fmt: skip
    assert (len(ulang.baris), len(ulang.dilewati)) == (0, 3)
    assert Realisasi.objects.count() == 3


def test_realisasi_errors_under_a_profile_name_the_files_columns(dipa, profil_sakti):
    salah = SAKTI.replace(b"3 Nop 2023", b"31 Nop 2023").replace(b"1,000.25", b"seribu")
    hasil = realisasi_impor_periksa(
        dokumen=dipa,
        berkas=salah,
        nama_berkas="sakti.csv",
        pemetaan=pemetaan_profil(jenis="realisasi", nama=profil_sakti.nama),
    )
    assert [str(k) for k in hasil.kesalahan] == [
        "Baris 6, kolom Tgl SP2D (tanggal): '31 Nop 2023' bukan tanggal yang sah "
        "(gunakan TTTT-BB-HH, mis. 2023-10-17).",
        "Baris 7, kolom Nilai SP2D (Rp) (nilai): 'seribu' bukan angka "
        "(contoh yang benar: 1.500.000 atau 1.500.000,50).",
    ]
    assert not Realisasi.objects.exists()


def test_realisasi_page_api_and_command_take_the_profile(
    client, dipa, staf_keuangan, profil_sakti, tmp_path
):
    client.force_login(staf_keuangan)
    url = reverse("anggaran:realisasi_impor", args=[dipa.pk])
    halaman = client.get(url)
    teks = halaman.content.decode()
    assert '<option value="SAKTI – realisasi SP2D">' in teks
    assert reverse("templat_impor", args=["realisasi", "contoh"]) in teks
    berkas = io.BytesIO(SAKTI)
    berkas.name = "sakti.csv"
    pratinjau = client.post(url, {"berkas": berkas, "profil": profil_sakti.nama})
    assert pratinjau.context["hasil"].total_nilai == Decimal("252500.75")
    token = pratinjau.context["token"]
    client.post(url, {"token": token})
    assert sum(r.nilai for r in Realisasi.objects.all()) == Decimal("252500.75")

    Realisasi.objects.all().delete()
    berkas = io.BytesIO(SAKTI)
    berkas.name = "sakti.csv"
    r = client.post(
        f"/api/anggaran/dokumen/{dipa.pk}/impor/",
        {"berkas": berkas, "profil": profil_sakti.nama},
    )
    assert r.status_code == 200, r.content
    assert r.json()["total_nilai"] == "252500.75"
    berkas = io.BytesIO(SAKTI)
    berkas.name = "sakti.csv"
    r = client.post(f"/api/anggaran/dokumen/{dipa.pk}/impor/", {"berkas": berkas, "profil": "Lama"})
    assert r.status_code == 400
    assert r.json()["kesalahan"][0]["pesan"].startswith("Berkas: profil impor 'Lama' tidak ada")

    Realisasi.objects.all().delete()
    path = tmp_path / "sakti.csv"
    path.write_bytes(SAKTI)
    call_command("impor_realisasi", str(dipa.tahun), str(path), profil=profil_sakti.nama)
    assert sum(r.nilai for r in Realisasi.objects.all()) == Decimal("252500.75")
    with pytest.raises(CommandError):
        call_command("impor_realisasi", str(dipa.tahun), str(path), profil="Lama")


# --------------------------------------------------------------------------- pages


def test_profile_page_suggests_previews_and_saves(client, staf_keuangan):
    client.force_login(staf_keuangan)
    url = reverse("profil_impor_baru", args=["realisasi"])
    assert client.get(url).status_code == 200
    berkas = io.BytesIO(SAKTI)
    berkas.name = "sakti.csv"
    r = client.post(url, {"contoh": berkas, "aksi": "periksa"})
    teks = r.content.decode()
    assert r.context["nomor_judul"] == 4
    form = r.context["form"]
    # suggested by name; the code split over two columns is the user's to join
    assert form["kolom_tanggal"].value() == "Tgl SP2D"
    assert form["kolom_nomor_sp2d"].value() == "No SP2D"
    assert form["aturan_tanggal"].value() == "tanggal"
    assert form["kolom_nilai"].value() == "Nilai SP2D (Rp)"  # starts with a synonym's words
    assert form["kolom_kode_akun"].value() == "Akun"  # a synonym; joining is the user's
    assert "Baris judul berkas contoh: baris 4." in teks
    token = r.context["token"]
    data = {
        "token_contoh": token,
        "nama": "SAKTI – realisasi SP2D",
        "kolom_tanggal": "Tgl SP2D",
        "aturan_tanggal": "tanggal",
        "kolom_nomor_sp2d": "No SP2D",
        "kolom_kode_akun": "Kode Output + Akun",
        "kolom_uraian": "Keterangan",
        "kolom_nilai": "Nilai SP2D (Rp)",
        "aturan_nilai": "angka_id",
        "aksi": "periksa",
    }
    r = client.post(url, dict(data, kolom_kode_akun=""))
    # a required field left unmapped: named on its box, no preview until it is mapped
    assert r.context["form"].errors["kolom_kode_akun"] == [
        "Kode akun (lengkap) wajib dipetakan ke satu kolom berkas."
    ]
    assert "pratinjau" not in r.context
    r = client.post(url, data)
    # the Indonesian rule on English-style amounts: "1,500.50" is no number, named by row
    assert [str(k) for k in r.context["pratinjau_kesalahan"]] == [
        "Baris 5, kolom Nilai SP2D (Rp) (nilai): '1,500.50' bukan angka "
        "(contoh yang benar: 1.500.000 atau 1.500.000,50).",
        "Baris 7, kolom Nilai SP2D (Rp) (nilai): '1,000.25' bukan angka "
        "(contoh yang benar: 1.500.000 atau 1.500.000,50).",
    ]
    data["aturan_nilai"] = "angka_en"
    r = client.post(url, data)
    assert r.context["pratinjau_kesalahan"] == []
    assert r.context["pratinjau"][0] == (
        5,
        ["2023-10-17", "230001", AKUN1, "Honor narasumber", "1500,50"],
    )
    data["aksi"] = "simpan"
    r = client.post(url, data)
    assert r.status_code == 302
    profil = ProfilImpor.objects.get()
    assert (profil.kolom, profil.aturan) == (KOLOM_SAKTI, ATURAN_SAKTI)
    # a rejected save keeps what was typed and names the field
    data["nama"] = ""
    r = client.post(url, data)
    assert r.status_code == 200
    assert r.context["form"].errors["nama"] == ["Nama profil wajib diisi."]
    assert r.context["form"]["kolom_kode_akun"].value() == "Kode Output + Akun"


def test_profile_pages_and_templates_refused_to_other_units(
    client, staf, komisioner, staf_keuangan, profil_sakti
):
    urls = [
        reverse("profil_impor_baru", args=["realisasi"]),
        reverse("profil_impor_ubah", args=[profil_sakti.pk]),
        reverse("templat_impor", args=["realisasi", "kosong"]),
    ]
    for orang in (staf, komisioner):
        client.force_login(orang)
        for url in urls:
            assert client.get(url).status_code == 403, (orang, url)
        assert client.post(reverse("profil_impor_hapus", args=[profil_sakti.pk])).status_code == 403
    client.logout()
    for url in urls:
        assert client.get(url).status_code == 302
    client.force_login(staf_keuangan)
    daftar = client.get(reverse("profil_impor_list")).content.decode()
    assert "SAKTI – realisasi SP2D" in daftar
    assert "Pendaftar badan ad hoc" not in daftar  # Teknis' imports are not Keuangan's


def test_every_import_offers_an_empty_template_and_a_filled_example(client, admin_user):
    client.force_login(admin_user)
    for kode, jenis in jenis_semua().items():
        for isi in ("kosong", "contoh"):
            r = client.get(reverse("templat_impor", args=[kode, isi]))
            assert r.status_code == 200, (kode, isi)
            ws = load_workbook(io.BytesIO(b"".join(r.streaming_content))).active
            rows = [list(v) for v in ws.iter_rows(values_only=True)]
            assert rows[1] == [k.nama for k in jenis.kolom], kode
            if isi == "kosong":
                assert len(rows) == 2
            else:
                assert len(rows) >= 3 and all(
                    rows[2][i] for i, k in enumerate(jenis.kolom) if k.wajib
                ), kode


# --------------------------------------------------------------------------- API


def test_profiles_through_the_api(client, staf_keuangan, staf, profil_sakti):
    client.force_login(staf)  # Perencanaan: not Keuangan's realisasi
    assert client.get("/api/profil-impor/").json()["results"] == []
    body = {"jenis": "realisasi", "nama": "Lain", "kolom": KOLOM_SAKTI}
    assert (
        client.post("/api/profil-impor/", body, content_type="application/json").status_code == 403
    )
    client.force_login(staf_keuangan)
    daftar = client.get("/api/profil-impor/").json()["results"]
    assert [(p["nama"], p["kolom"]["kode_akun"]) for p in daftar] == [
        ("SAKTI – realisasi SP2D", ["Kode Output", "Akun"])
    ]
    r = client.post(
        "/api/profil-impor/",
        {"jenis": "realisasi", "nama": "SAKTI 2", "kolom": {"tanggal": ["Tgl"]}},
        content_type="application/json",
    )
    assert r.status_code == 400
    assert r.json()["kolom_kode_akun"] == [
        "Kode akun (lengkap) wajib dipetakan ke satu kolom berkas."
    ]
    r = client.post(
        "/api/profil-impor/",
        dict(body, nama="SAKTI 2", aturan={"nilai": "angka_en"}),
        content_type="application/json",
    )
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    r = client.patch(
        f"/api/profil-impor/{pk}/", {"baris_judul": 4}, content_type="application/json"
    )
    assert r.status_code == 200 and r.json()["baris_judul"] == 4
    assert ProfilImpor.objects.get(pk=pk).aturan == {"nilai": "angka_en"}
    assert client.delete(f"/api/profil-impor/{pk}/").status_code == 204
    assert JejakAudit.objects.filter(objek="SAKTI 2").count() == 3  # created, changed, deleted
