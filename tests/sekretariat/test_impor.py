"""The staff import (``sekretariat/impor.py``): page, API, command, profiles, round trip."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from kpu_site.excel import xlsx_bytes
from kpu_site.impor import ImporGagal
from kpu_site.impor_jenis import jenis_get, templat_baris
from kpu_site.models import JejakAudit
from kpu_site.services import profil_impor_simpan
from sekretariat.impor import pegawai_impor, pegawai_impor_periksa
from sekretariat.models import Pegawai, RiwayatPendidikan

KOLOM = ["No", "Nama", "NIP", "Status", "Jenis PPNPN", "Jabatan", "Pangkat/golongan", "Unit"]
KOLOM += ["Jenis kelamin", "Tanggal lahir", "TMT", "Pendidikan", "Aktif"]
UNIT_SDM = "Sub Bagian Hukum dan Sumber Daya Manusia"
NIP_BARU = "199505102020121001"


def _csv(*baris, kolom=KOLOM) -> bytes:
    teks = [";".join(kolom)] + [";".join(b) for b in baris]
    return ("\n".join(teks) + "\n").encode()


def _pns_baru(**ubah) -> list[str]:
    data = {
        "No": "1",
        "Nama": "Budi Santoso, S.H.",
        "NIP": NIP_BARU,
        "Status": "PNS",
        "Jenis PPNPN": "",
        "Jabatan": "",
        "Pangkat/golongan": "Penata Muda (III/a)",
        "Unit": UNIT_SDM,
        "Jenis kelamin": "Laki-laki",
        "Tanggal lahir": "1995-05-10",
        "TMT": "2020-12-01",
        "Pendidikan": "Strata 1",
        "Aktif": "Ya",
    } | ubah
    return [data[k] for k in KOLOM]


def _ppnpn_baru(**ubah) -> list[str]:
    return _pns_baru(
        **{
            "Nama": "Nina Kartika",
            "NIP": "",
            "Status": "PPNPN",
            "Jenis PPNPN": "Pramubakti",
            "Jabatan": "Pramubakti",
            "Pangkat/golongan": "",
            "Unit": "keuangan",
            "Jenis kelamin": "Perempuan",
            "Tanggal lahir": "08/08/1998",
            "TMT": "2 Januari 2024",
            "Pendidikan": "SLTA/SMA/SMK",
        }
        | ubah
    )


def _ekspor(client) -> bytes:
    # every pegawai, those who left too (their "Aktif" is "Tidak")
    response = client.get(reverse("sekretariat:pegawai_export") + "?aktif=semua")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def _potret():
    return list(
        Pegawai.objects.order_by("pk").values_list(
            "nama", "nip", "status", "jenis_ppnpn", "jenis_kelamin", "tanggal_lahir", "tmt",
            "tmt_masuk", "tmt_keluar", "golongan", "pendidikan", "unit_id",
        )
    )  # fmt: skip


def _simpeg_profil(pengguna):
    return profil_impor_simpan(
        pengguna=pengguna,
        jenis="pegawai",
        nama="SIMPEG – pegawai",
        kolom={
            "nama": ["NAMA LENGKAP"],
            "nip": ["NIP BARU"],
            "unit": ["UNIT KERJA"],
            "jenis_kelamin": ["JENIS KELAMIN"],
            "tanggal_lahir": ["TGL LAHIR"],
            "tmt": ["TMT CPNS"],
            "pendidikan": ["TINGKAT PENDIDIKAN"],
            "pangkat_golongan": ["GOL RUANG"],
        },
        aturan={"jenis_kelamin": "jenis_kelamin", "tanggal_lahir": "tanggal", "tmt": "tanggal"},
    )


SIMPEG_KOLOM = ["GOL RUANG", "TGL LAHIR", "NAMA LENGKAP", "NIP BARU", "TINGKAT PENDIDIKAN"]
SIMPEG_KOLOM += ["JENIS KELAMIN", "TMT CPNS", "UNIT KERJA"]
SIMPEG_BARIS = [
    "Penata Muda (III/a)",
    "10 Mei 1995",
    "Budi Santoso, S.H.",
    "19950510 202012 1 001",
    "S1",
    "Laki-laki",
    "1 Desember 2020",
    "hukum_sdm",
]


def _simpeg_xlsx() -> bytes:
    return xlsx_bytes(judul="DAFTAR PNS SIMPEG", kolom=SIMPEG_KOLOM, baris=[SIMPEG_BARIS])


def _pastikan_budi():
    p = Pegawai.objects.get(nip=NIP_BARU)
    assert (p.nama, p.tanggal_lahir, p.tmt, p.jenis_kelamin) == (
        "Budi Santoso, S.H.",
        date(1995, 5, 10),
        date(2020, 12, 1),
        "L",
    )
    assert (p.pendidikan, p.golongan, p.unit.kode, p.status) == (
        "s1",
        "Penata Muda (III/a)",
        "hukum_sdm",
        "pns",
    )


# --- the rules -------------------------------------------------------------------------------


def test_pegawai_impor_creates_pns_and_ppnpn_with_their_education(demo_organisasi, staf_sdm):
    hasil = pegawai_impor(
        pengguna=staf_sdm, berkas=_csv(_pns_baru(), _ppnpn_baru()), nama_berkas="p.csv"
    )
    assert (hasil.jumlah_baru, hasil.jumlah_ubah) == (2, 0)
    _pastikan_budi()
    nina = Pegawai.objects.get(nama="Nina Kartika")
    assert (nina.status, nina.jenis_ppnpn, nina.tmt, nina.unit.kode) == (
        "ppnpn",
        "pramubakti",
        date(2024, 1, 2),
        "keuangan",
    )
    assert RiwayatPendidikan.objects.get(pegawai=nina).jenjang == "slta"
    jejak = JejakAudit.objects.get(aksi="impor")
    assert jejak.pengguna == staf_sdm
    assert jejak.perubahan["Baru"] == 2


def test_pegawai_impor_is_atomic_and_names_every_bad_row_and_column(demo_organisasi, staf_sdm):
    sebelum = _potret()
    berkas = _csv(
        _pns_baru(),
        _ppnpn_baru(**{"Unit": "Bagian Entah"}),
        _pns_baru(
            **{"Nama": "Salah NIP", "NIP": "199505102020122001", "Tanggal lahir": "1995-05-11"}
        ),
        _ppnpn_baru(**{"Nama": "Tanpa Pendidikan", "Pendidikan": "Pesantren"}),
    )
    with pytest.raises(ImporGagal) as info:
        pegawai_impor(pengguna=staf_sdm, berkas=berkas, nama_berkas="p.csv")
    teks = [str(k) for k in info.value.kesalahan]
    assert any(t.startswith("Baris 3, kolom unit: unit 'Bagian Entah'") for t in teks), teks
    assert any(t.startswith("Baris 4, kolom nip: Tanggal lahir di NIP") for t in teks), teks
    assert any(t.startswith("Baris 4, kolom nip: Digit ke-15 NIP (2)") for t in teks), teks
    assert any(t.startswith("Baris 5, kolom pendidikan: Pendidikan 'Pesantren'") for t in teks)
    assert _potret() == sebelum
    assert not JejakAudit.objects.filter(aksi="impor").exists()


def test_pegawai_impor_preview_writes_nothing(demo_organisasi):
    sebelum = _potret()
    hasil = pegawai_impor_periksa(berkas=_csv(_pns_baru(), _ppnpn_baru()), nama_berkas="p.csv")
    assert hasil.ok and hasil.jumlah_baru == 2
    assert _potret() == sebelum
    assert not RiwayatPendidikan.objects.filter(pegawai__nama="Nina Kartika").exists()


def test_pegawai_impor_twice_changes_nothing_the_second_time(demo_organisasi, staf_sdm):
    berkas = _csv(_pns_baru(), _ppnpn_baru())
    pegawai_impor(pengguna=staf_sdm, berkas=berkas, nama_berkas="p.csv")
    sebelum = _potret()
    riwayat = Pegawai.history.count()
    hasil = pegawai_impor(pengguna=staf_sdm, berkas=berkas, nama_berkas="p.csv")
    assert (hasil.jumlah_baru, hasil.jumlah_ubah, len(hasil.dilewati)) == (0, 0, 2)
    assert _potret() == sebelum
    assert Pegawai.history.count() == riwayat


def test_pegawai_impor_matches_ppnpn_by_name_and_birth_date(demo_organisasi, staf_sdm):
    sarinah = Pegawai.objects.get(nama="Sarinah")
    baris = _ppnpn_baru(
        **{
            "Nama": "  SARINAH ",
            "Jenis PPNPN": "",
            "Tanggal lahir": "22/02/1983",
            "TMT": "2011-01-03",
            "Unit": "keuangan",
            "Pangkat/golongan": "Pramubakti Senior",
        }
    )
    hasil = pegawai_impor(pengguna=staf_sdm, berkas=_csv(baris), nama_berkas="p.csv")
    assert (hasil.jumlah_baru, hasil.jumlah_ubah) == (0, 1)
    sarinah.refresh_from_db()
    assert sarinah.golongan == "Pramubakti Senior"
    assert sarinah.jenis_ppnpn == "pramubakti"  # read from the Jabatan column


def test_pegawai_impor_refuses_a_jabatan_it_cannot_record(demo_organisasi, staf_sdm):
    baris = _pns_baru(**{"Jabatan": "Bendahara Pengeluaran"})
    with pytest.raises(ImporGagal) as info:
        pegawai_impor(pengguna=staf_sdm, berkas=_csv(baris), nama_berkas="p.csv")
    assert str(info.value.kesalahan[0]).startswith(
        "Baris 2, kolom jabatan: jabatan tidak diubah lewat impor (belum ada jabatan"
    )


def test_pegawai_impor_refuses_the_same_person_twice_and_a_wrong_aktif(demo_organisasi, staf_sdm):
    berkas = _csv(
        _pns_baru(),
        _pns_baru(**{"NIP": "19950510 202012 1 001"}),
        _ppnpn_baru(**{"Nama": "Sarinah", "Tanggal lahir": "1983-02-22", "TMT": "2011-01-03",
                       "Aktif": "Tidak"}),
    )  # fmt: skip
    with pytest.raises(ImporGagal) as info:
        pegawai_impor(pengguna=staf_sdm, berkas=berkas, nama_berkas="p.csv")
    teks = [str(k) for k in info.value.kesalahan]
    assert teks[0] == "Baris 3, kolom nip: pegawai yang sama sudah ada di baris 2."
    assert teks[1].startswith("Baris 4, kolom aktif: dihitung dari TMT masuk dan TMT keluar (Ya)")


def test_pegawai_impor_stores_a_formula_as_text(demo_organisasi, staf_sdm):
    rumus = '=HYPERLINK("http://contoh.invalid","klik")'
    berkas = xlsx_bytes(judul="Pegawai", kolom=KOLOM, baris=[_ppnpn_baru(**{"Nama": rumus})])
    pegawai_impor(pengguna=staf_sdm, berkas=berkas, nama_berkas="p.xlsx")
    assert Pegawai.objects.filter(nama=rumus).exists()


def test_pegawai_impor_refused_to_another_sub_bagian(demo_organisasi, staf):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        pegawai_impor(pengguna=staf, berkas=_csv(_pns_baru()), nama_berkas="p.csv")


def test_pegawai_impor_row_limit_comes_from_baca_tabel(demo_organisasi, staf_sdm, settings):
    settings.IMPOR_BATAS_BARIS = 2
    with pytest.raises(ImporGagal) as info:
        pegawai_impor(
            pengguna=staf_sdm, berkas=_csv(_pns_baru(), _ppnpn_baru()), nama_berkas="p.csv"
        )
    assert "IMPOR_BATAS_BARIS" in str(info.value.kesalahan[0])


def test_pegawai_impor_example_template_imports_into_the_demo(demo_organisasi, staf_sdm):
    kolom, baris = templat_baris(jenis_get("pegawai"), contoh=True)
    berkas = xlsx_bytes(judul="Contoh", kolom=kolom, baris=baris)
    hasil = pegawai_impor(pengguna=staf_sdm, berkas=berkas, nama_berkas="contoh.xlsx")
    assert hasil.jumlah_baru == 2
    _pastikan_budi()


# --- round trip ------------------------------------------------------------------------------


def test_pegawai_export_imports_back_unchanged_then_with_an_edit(
    masuk, demo_organisasi, kasubag_sdm
):
    data = _ekspor(masuk(kasubag_sdm))
    sebelum = _potret()
    hasil = pegawai_impor(pengguna=kasubag_sdm, berkas=data, nama_berkas="ekspor.xlsx")
    assert hasil.ok and not hasil.baris
    assert len(hasil.dilewati) == Pegawai.objects.count()
    assert _potret() == sebelum

    wb = load_workbook(io.BytesIO(data))
    ws = wb.active
    judul = [c.value for c in ws[2]]
    assert judul == KOLOM
    for row in ws.iter_rows(min_row=3):
        if row[1].value == "Sarinah":
            row[6].value = "Pramubakti Utama"
    keluar = io.BytesIO()
    wb.save(keluar)
    hasil = pegawai_impor(pengguna=kasubag_sdm, berkas=keluar.getvalue(), nama_berkas="e.xlsx")
    assert (hasil.jumlah_ubah, len(hasil.dilewati)) == (1, Pegawai.objects.count() - 1)
    assert Pegawai.objects.get(nama="Sarinah").golongan == "Pramubakti Utama"


# --- page, API, command (each also through a SIMPEG profile) --------------------------------


def test_pegawai_impor_page_previews_then_confirms(masuk, demo_organisasi, staf_sdm):
    client = masuk(staf_sdm)
    url = reverse("sekretariat:pegawai_impor")
    assert url in client.get(reverse("sekretariat:pegawai_list")).content.decode()
    halaman = client.get(url)
    assert 'id="templat-impor"' in halaman.content.decode()
    berkas = SimpleUploadedFile("p.csv", _csv(_pns_baru(), _ppnpn_baru()))
    response = client.post(url, {"berkas": berkas})
    assert response.status_code == 200
    token = response.context["token"]
    assert token and not Pegawai.objects.filter(nip=NIP_BARU).exists()
    assert "2 pegawai baru" in response.content.decode()
    response = client.post(url, {"token": token})
    assert response.status_code == 302
    _pastikan_budi()


def test_pegawai_impor_page_lists_errors_and_writes_nothing(masuk, demo_organisasi, staf_sdm):
    berkas = SimpleUploadedFile("p.csv", _csv(_pns_baru(**{"Tanggal lahir": "31/02/1995"})))
    response = masuk(staf_sdm).post(reverse("sekretariat:pegawai_impor"), {"berkas": berkas})
    html = response.content.decode()
    assert response.context["token"] == ""
    assert "Baris 2, kolom tanggal_lahir" in html
    assert not Pegawai.objects.filter(nip=NIP_BARU).exists()


def test_pegawai_impor_page_refused_outside_hukum_sdm(
    masuk, demo_organisasi, staf, komisioner, client
):
    url = reverse("sekretariat:pegawai_impor")
    assert client.get(url).status_code == 302  # anonymous → login
    assert masuk(staf).get(url).status_code == 403
    assert masuk(komisioner).get(url).status_code == 403


def test_pegawai_impor_page_through_simpeg_profile(masuk, demo_organisasi, staf_sdm):
    _simpeg_profil(staf_sdm)
    client = masuk(staf_sdm)
    url = reverse("sekretariat:pegawai_impor")
    berkas = SimpleUploadedFile("simpeg.xlsx", _simpeg_xlsx())
    response = client.post(url, {"berkas": berkas, "profil": "SIMPEG – pegawai"})
    assert response.context["hasil"].ok, response.context["hasil"].kesalahan
    client.post(url, {"token": response.context["token"]})
    _pastikan_budi()


def test_pegawai_impor_api_preview_then_import(masuk, demo_organisasi, staf_sdm):
    client = masuk(staf_sdm)
    url = reverse("sekretariat-pegawai-impor")
    berkas = SimpleUploadedFile("p.csv", _csv(_pns_baru(), _ppnpn_baru()))
    response = client.post(url, {"berkas": berkas, "pratinjau": "1"})
    assert response.status_code == 200, response.content
    assert response.json()["disimpan"] is False
    assert response.json()["jumlah_baru"] == 2
    assert not Pegawai.objects.filter(nip=NIP_BARU).exists()
    berkas = SimpleUploadedFile("p.csv", _csv(_pns_baru(), _ppnpn_baru()))
    response = client.post(url, {"berkas": berkas})
    assert response.status_code == 200
    assert response.json()["disimpan"] is True
    _pastikan_budi()


def test_pegawai_impor_api_bad_row_is_a_400_listing_it(masuk, demo_organisasi, staf_sdm):
    berkas = SimpleUploadedFile("p.csv", _csv(_pns_baru(**{"Unit": "Entah"})))
    response = masuk(staf_sdm).post(reverse("sekretariat-pegawai-impor"), {"berkas": berkas})
    assert response.status_code == 400
    kesalahan = response.json()["kesalahan"]
    assert kesalahan[0]["baris"] == 2 and kesalahan[0]["kolom"] == "unit"


def test_pegawai_impor_api_through_simpeg_profile(masuk, demo_organisasi, staf_sdm):
    _simpeg_profil(staf_sdm)
    berkas = SimpleUploadedFile("simpeg.xlsx", _simpeg_xlsx())
    response = masuk(staf_sdm).post(
        reverse("sekretariat-pegawai-impor"), {"berkas": berkas, "profil": "SIMPEG – pegawai"}
    )
    assert response.status_code == 200, response.content
    _pastikan_budi()


def test_pegawai_impor_api_unknown_profile_is_a_400(masuk, demo_organisasi, staf_sdm):
    berkas = SimpleUploadedFile("simpeg.xlsx", _simpeg_xlsx())
    response = masuk(staf_sdm).post(
        reverse("sekretariat-pegawai-impor"), {"berkas": berkas, "profil": "Tidak Ada"}
    )
    assert response.status_code == 400
    assert "profil impor 'Tidak Ada' tidak ada" in response.json()["kesalahan"][0]["pesan"]


def test_pegawai_impor_api_refused_outside_hukum_sdm(masuk, demo_organisasi, staf):
    berkas = SimpleUploadedFile("p.csv", _csv(_pns_baru()))
    response = masuk(staf).post(reverse("sekretariat-pegawai-impor"), {"berkas": berkas})
    assert response.status_code == 403
    assert not Pegawai.objects.filter(nip=NIP_BARU).exists()


def test_impor_pegawai_command_with_profile_and_preview(demo_organisasi, staf_sdm, tmp_path):
    _simpeg_profil(staf_sdm)
    path = tmp_path / "simpeg.xlsx"
    path.write_bytes(_simpeg_xlsx())
    out = io.StringIO()
    call_command(
        "impor_pegawai", str(path), "--profil", "SIMPEG – pegawai", "--pratinjau", stdout=out
    )
    assert "1 baru" in out.getvalue()
    assert not Pegawai.objects.filter(nip=NIP_BARU).exists()
    call_command("impor_pegawai", str(path), "--profil", "SIMPEG – pegawai", stdout=io.StringIO())
    _pastikan_budi()
    assert JejakAudit.objects.filter(aksi="impor").count() == 1


def test_impor_pegawai_command_bad_file_writes_nothing(demo_organisasi, tmp_path):
    path = tmp_path / "p.csv"
    path.write_bytes(_csv(_pns_baru(**{"Jenis kelamin": "X"})))
    err = io.StringIO()
    with pytest.raises(CommandError, match="tidak ada data yang ditulis"):
        call_command("impor_pegawai", str(path), stderr=err)
    assert "Baris 2, kolom jenis_kelamin" in err.getvalue()
    assert not Pegawai.objects.filter(nip=NIP_BARU).exists()


def test_pegawai_impor_mapping_page_suggests_simpeg_columns():
    from kpu_site.impor_jenis import kolom_sarankan

    saran = kolom_sarankan(jenis_get("pegawai"), SIMPEG_KOLOM)
    assert saran == {
        "nama": "NAMA LENGKAP",
        "nip": "NIP BARU",
        "pangkat_golongan": "GOL RUANG",
        "unit": "UNIT KERJA",
        "jenis_kelamin": "JENIS KELAMIN",
        "tanggal_lahir": "TGL LAHIR",
        "tmt": "TMT CPNS",
        "pendidikan": "TINGKAT PENDIDIKAN",
    }
