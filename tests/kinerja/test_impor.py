"""The PK target import and the quarterly realisasi import (``kinerja/impor.py``): page, API and
command, through a saved profile too; atomic, re-import changes nothing, the services' rules
(value, frozen PK, locked year, who enters which indikator), the export round trip."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from kinerja import services
from kinerja.models import Indikator, PerjanjianKinerja, PKBaris, Realisasi
from kpu_site.excel import xlsx_bytes
from kpu_site.impor_jenis import jenis_get, templat_baris
from kpu_site.models import JejakAudit
from kpu_site.services import profil_impor_simpan
from tests.conftest import demo_inti_muat

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    demo_inti_muat()


def _contoh(kode: str) -> bytes:
    kolom, baris = templat_baris(jenis_get(kode), contoh=True)
    return xlsx_bytes(judul="Contoh", kolom=kolom, baris=baris)


def _ind(kode: str) -> Indikator:
    return Indikator.objects.get(kode=kode)


def _pk2024(sekretaris) -> PerjanjianKinerja:
    return services.pk_create(tahun=2024, pengguna=sekretaris)


def _target(pk, kode: str) -> Decimal:
    return PKBaris.objects.get(perjanjian=pk, indikator__kode=kode).target


def _halaman(client, url, data: bytes, nama="impor.xlsx", **extra):
    """Upload (preview) then confirm; the preview's response and the final one."""
    pratinjau = client.post(url, {"berkas": SimpleUploadedFile(nama, data), **extra})
    token = pratinjau.context["token"] if pratinjau.context else ""
    if not token:
        return pratinjau, None
    return pratinjau, client.post(url, {"token": token})


def _audit() -> int:
    return JejakAudit.objects.filter(aksi="impor").count()


# --------------------------------------------------------------------------- targets


def test_target_impor_contoh_terisi_lewat_halaman_lalu_ulang_tidak_mengubah(
    demo, client, staf, sekretaris
):
    pk = _pk2024(sekretaris)
    client.force_login(staf)
    url = reverse("kinerja:pk_target_impor", kwargs={"tahun": 2024})
    assert client.get(url).status_code == 200
    pratinjau, akhir = _halaman(client, url, _contoh("target_kinerja"))
    assert pratinjau.context["hasil"].ok, pratinjau.context["hasil"].kesalahan
    assert akhir.status_code == 302
    assert _target(pk, "IKSS 1") == Decimal("99.5")
    assert _target(pk, "IKSS 3") == Decimal("97.25")
    assert _audit() == 1
    ulang, token = _halaman(client, url, _contoh("target_kinerja"))
    assert token is None and len(ulang.context["hasil"].dilewati) == 2
    assert not ulang.context["hasil"].baris and _audit() == 1


def test_target_impor_atomik_setiap_kesalahan_bernama(demo, sekretaris):
    from kinerja.impor import target_impor
    from kpu_site.impor import ImporGagal

    pk = _pk2024(sekretaris)
    lama = {b.pk: b.target for b in pk.baris.all()}
    berkas = (
        b"kode_indikator;target\n"
        b"IKSS 1;99,50\n"
        b"IKSS 99;90\n"
        b"IKSS 2;abc\n"
        b"IKSS 3;97,123\n"
        b"IKSS 1;98\n"
        b"IKSS 4;-5\n"
    )
    with pytest.raises(ImporGagal) as exc:
        target_impor(pengguna=sekretaris, tahun=2024, berkas=berkas, nama_berkas="t.csv")
    teks = [str(k) for k in exc.value.kesalahan]
    assert any(t.startswith("Baris 3, kolom kode_indikator: indikator 'IKSS 99'") for t in teks)
    assert any(t.startswith("Baris 4, kolom target: 'abc' bukan angka") for t in teks)
    assert any(t.startswith("Baris 5, kolom target:") and "3 angka desimal" in t for t in teks)
    assert any(t.startswith("Baris 6, kolom kode_indikator:") and "baris 2" in t for t in teks)
    assert any(t.startswith("Baris 7, kolom target:") and "negatif" in t for t in teks)
    assert {b.pk: b.target for b in pk.baris.all()} == lama
    assert _audit() == 0


def test_target_impor_pk_ditandatangani_dibekukan_dan_tahun_terkunci(demo, sekretaris):
    from kinerja.impor import target_impor_periksa

    berkas = b"kode_indikator;target\nIKSS 1;90\nIKSS 2;100\n"
    hasil = target_impor_periksa(tahun=2023, berkas=berkas, nama_berkas="t.csv")
    assert [str(k) for k in hasil.kesalahan] == [
        "Baris 2, kolom target: PK 2023 sudah ditandatangani dan dibekukan; buat PK perubahan "
        "untuk mengubah targetnya."
    ]
    assert hasil.dilewati == [3]
    services.tahun_lock(tahun=2023, pengguna=sekretaris)
    hasil = target_impor_periksa(tahun=2023, berkas=berkas, nama_berkas="t.csv")
    assert "sudah dikunci" in str(hasil.kesalahan[0])
    hasil = target_impor_periksa(tahun=2025, berkas=berkas, nama_berkas="t.csv")
    assert "Belum ada Perjanjian Kinerja 2025" in str(hasil.kesalahan[0])


def test_target_impor_akses(demo, client, komisioner, auditor, staf_lain, kasubag):
    url = reverse("kinerja:pk_target_impor", kwargs={"tahun": 2023})
    assert "/masuk/" in client.get(url)["Location"]
    for user in (komisioner, auditor, staf_lain):
        client.force_login(user)
        assert client.get(url).status_code == 403
        berkas = SimpleUploadedFile("t.csv", b"kode_indikator;target\nIKSS 1;90\n")
        assert client.post(url, {"berkas": berkas}).status_code == 403
        api = client.post(
            reverse("kinerja-impor-target"),
            {"berkas": SimpleUploadedFile("t.csv", b"x"), "tahun": 2023},
        )
        assert api.status_code == 403
    client.force_login(kasubag)
    assert client.get(url).status_code == 200


def test_target_ekspor_round_trip(demo, client, sekretaris, staf):
    """Export of the signed PK 2023 imports unchanged (all skipped); a draft perubahan's export
    with one cell edited imports that change only."""
    from kinerja.impor import target_impor

    client.force_login(staf)
    ekspor = client.get(reverse("kinerja:pk_detail", kwargs={"tahun": 2023}) + "?format=xlsx")
    data = b"".join(ekspor.streaming_content) if ekspor.streaming else ekspor.content
    hasil = target_impor(pengguna=staf, tahun=2023, berkas=data, nama_berkas="pk.xlsx")
    assert hasil.baris == [] and len(hasil.dilewati) == 13
    draft = services.pk_perubahan_create(
        perjanjian=PerjanjianKinerja.objects.get(tahun=2023, revisi=0),
        pengguna=sekretaris,
        alasan="Uji impor",
    )
    ekspor = client.get(
        reverse("kinerja:pk_detail", kwargs={"tahun": 2023}) + f"?revisi={draft.revisi}&format=xlsx"
    )
    data = b"".join(ekspor.streaming_content) if ekspor.streaming else ekspor.content
    wb = load_workbook(io.BytesIO(data))
    ws = wb.active
    assert [c.value for c in ws[2]][:4] == [
        "Kode indikator",
        "Uraian indikator",
        "Satuan",
        "Target",
    ]
    baris = next(r for r in ws.iter_rows(min_row=3) if r[0].value == "IKSS 3")
    baris[3].value = "96,75"
    keluar = io.BytesIO()
    wb.save(keluar)
    hasil = target_impor(pengguna=staf, tahun=2023, berkas=keluar.getvalue(), nama_berkas="e.xlsx")
    assert [b.indikator.kode for b in hasil.baris] == ["IKSS 3"]
    assert _target(draft, "IKSS 3") == Decimal("96.75")
    assert _target(PerjanjianKinerja.objects.get(tahun=2023, revisi=0), "IKSS 3") == Decimal("98")


def test_target_impor_lewat_profil_halaman_api_perintah(demo, client, staf, sekretaris, tmp_path):
    pk = _pk2024(sekretaris)
    profil_impor_simpan(
        pengguna=staf,
        jenis="target_kinerja",
        nama="e-SAKIP – target PK",
        kolom={"kode_indikator": ["KODE IKU"], "target": ["TARGET TAHUN INI"]},
    )
    data = xlsx_bytes(
        judul="Target PK dari e-SAKIP",
        kolom=["NO", "TARGET TAHUN INI", "URAIAN", "KODE IKU"],
        baris=[["1", "91,25", "Uji", "IKSS 1"], ["2", "92,5", "Uji", "IKSS 2"]],
    )
    client.force_login(staf)
    url = reverse("kinerja:pk_target_impor", kwargs={"tahun": 2024})
    _p, akhir = _halaman(client, url, data, profil="e-SAKIP – target PK")
    assert akhir.status_code == 302
    assert _target(pk, "IKSS 1") == Decimal("91.25")
    # the API, with another value in the same layout
    data2 = xlsx_bytes(judul="x", kolom=["TARGET TAHUN INI", "KODE IKU"], baris=[["93", "IKSS 1"]])
    r = client.post(
        reverse("kinerja-impor-target"),
        {
            "berkas": SimpleUploadedFile("a.xlsx", data2),
            "tahun": 2024,
            "pratinjau": "true",
            "profil": "e-SAKIP – target PK",
        },
    )
    assert r.status_code == 200 and r.json()["jumlah_baris"] == 1 and not r.json()["disimpan"]
    assert _target(pk, "IKSS 1") == Decimal("91.25")
    r = client.post(
        reverse("kinerja-impor-target"),
        {
            "berkas": SimpleUploadedFile("a.xlsx", data2),
            "tahun": 2024,
            "profil": "e-SAKIP – target PK",
        },
    )
    assert r.status_code == 200 and r.json()["disimpan"]
    assert _target(pk, "IKSS 1") == Decimal("93")
    r = client.post(
        reverse("kinerja-impor-target"),
        {"berkas": SimpleUploadedFile("a.xlsx", data2), "tahun": 2024, "profil": "Tidak ada"},
    )
    assert r.status_code == 400 and "profil impor 'Tidak ada' tidak ada" in str(r.json())
    # the command
    path = tmp_path / "target.xlsx"
    path.write_bytes(
        xlsx_bytes(judul="x", kolom=["KODE IKU", "TARGET TAHUN INI"], baris=[["IKSS 2", "94,5"]])
    )
    call_command(
        "impor_target_kinerja",
        str(path),
        "--tahun",
        "2024",
        "--profil",
        "e-SAKIP – target PK",
        "--pratinjau",
        stdout=io.StringIO(),
    )
    assert _target(pk, "IKSS 2") == Decimal("92.5")
    call_command(
        "impor_target_kinerja",
        str(path),
        "--tahun",
        "2024",
        "--profil",
        "e-SAKIP – target PK",
        stdout=io.StringIO(),
    )
    assert _target(pk, "IKSS 2") == Decimal("94.5")
    with pytest.raises(CommandError):
        call_command(
            "impor_target_kinerja",
            str(path),
            "--tahun",
            "2024",
            "--profil",
            "Salah",
            stderr=io.StringIO(),
        )


# --------------------------------------------------------------------------- realisasi


def _nilai(kode: str, periode: str, tahun: int = 2024):
    r = Realisasi.objects.filter(indikator__kode=kode, tahun=tahun, periode=periode).first()
    return r.nilai if r else None


def test_realisasi_impor_contoh_lewat_api_lalu_ulang_tidak_mengubah(demo, client, staf):
    client.force_login(staf)
    url = reverse("kinerja-impor-realisasi")
    berkas = _contoh("realisasi_kinerja")
    r = client.post(
        url, {"berkas": SimpleUploadedFile("c.xlsx", berkas), "tahun": 2024, "pratinjau": "1"}
    )
    assert r.status_code == 200, r.json()
    assert r.json()["jumlah_baris"] == 2 and r.json()["kesalahan"] == []
    assert _nilai("IKSS 1", "tw1") is None
    r = client.post(url, {"berkas": SimpleUploadedFile("c.xlsx", berkas), "tahun": 2024})
    assert r.status_code == 200 and r.json()["disimpan"]
    assert _nilai("IKSS 1", "tw1") == Decimal("25.5")
    assert _nilai("IKSS 3", "tw2") == Decimal("48.75")
    tw1 = Realisasi.objects.get(indikator__kode="IKSS 1", tahun=2024, periode="tw1")
    assert tw1.analisis == "Sesuai rencana aksi triwulan I." and tw1.diubah_oleh == staf
    assert _audit() == 1
    r = client.post(url, {"berkas": SimpleUploadedFile("c.xlsx", berkas), "tahun": 2024})
    assert r.json()["jumlah_baris"] == 0 and r.json()["jumlah_dilewati"] == 2
    assert Realisasi.objects.get(pk=tw1.pk).versi == tw1.versi


def test_realisasi_impor_aturan_layanan_per_baris(demo, client, staf_lain, staf):
    """Another sub-bagian's indikator, a value the unit refuses, a submitted realisasi, a bad
    triwulan: each named, nothing written (atomic)."""
    from kinerja.impor import realisasi_impor
    from kpu_site.impor import ImporGagal

    r = services.realisasi_save(
        indikator=_ind("IKSS 2"),
        tahun=2024,
        periode="tw1",
        pengguna=staf_lain,
        versi=None,
        nilai="10",
    )
    services.realisasi_submit(realisasi=r, pengguna=staf_lain)
    berkas = (
        b"kode_indikator;triwulan;realisasi\n"
        b"IKSS 2;2;30\n"
        b"IKSS 1;1;20\n"
        b"IKSS 2;1;11\n"
        b"IKSS 4;5;1\n"
        b"IKSS 4;TW III;1200\n"
    )
    with pytest.raises(ImporGagal) as exc:
        realisasi_impor(pengguna=staf_lain, tahun=2024, berkas=berkas, nama_berkas="r.csv")
    teks = [str(k) for k in exc.value.kesalahan]
    assert "Baris 3, kolom kode_indikator: Realisasi indikator IKSS 1 diisi oleh" in teks[0]
    assert teks[1].startswith("Baris 4, kolom realisasi: realisasi IKSS 2 TW I berstatus")
    assert teks[2].startswith("Baris 5, kolom triwulan: '5' bukan triwulan")
    assert teks[3].startswith("Baris 6, kolom realisasi:") and "tidak masuk akal" in teks[3]
    assert len(teks) == 4
    assert _nilai("IKSS 2", "tw2") is None and _nilai("IKSS 2", "tw1") == Decimal("10")
    client.force_login(staf_lain)
    halaman = reverse("kinerja:realisasi_impor", kwargs={"tahun": 2024})
    p, akhir = _halaman(client, halaman, berkas, nama="r.csv")
    assert akhir is None and "Baris 3, kolom kode_indikator" in p.content.decode()


def test_realisasi_impor_akses_dan_tahun_terkunci(demo, client, komisioner, auditor, sekretaris):
    from kinerja.impor import realisasi_impor_periksa

    url = reverse("kinerja:realisasi_impor", kwargs={"tahun": 2024})
    assert "/masuk/" in client.get(url)["Location"]
    for user in (komisioner, auditor):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.post(reverse("kinerja-impor-realisasi"), {"tahun": 2024}).status_code == 403
    services.tahun_lock(tahun=2024, pengguna=sekretaris)
    hasil = realisasi_impor_periksa(
        pengguna=sekretaris,
        tahun=2024,
        berkas=b"kode_indikator;triwulan;realisasi\nIKSS 1;1;5\n",
        nama_berkas="r.csv",
    )
    assert "Tahun 2024 sudah dikunci" in str(hasil.kesalahan[0])


def test_realisasi_ekspor_round_trip_dan_rumus_tetap_teks(demo, client, staf):
    from kinerja.impor import realisasi_impor

    services.realisasi_save(
        indikator=_ind("IKSS 1"),
        tahun=2024,
        periode="tw1",
        pengguna=staf,
        versi=None,
        nilai="12.5",
        analisis='=HYPERLINK("http://evil.example","x")',
    )
    client.force_login(staf)
    ekspor = client.get(reverse("kinerja:realisasi_list", kwargs={"tahun": 2024}) + "?format=xlsx")
    data = b"".join(ekspor.streaming_content) if ekspor.streaming else ekspor.content
    sebelum = list(Realisasi.objects.filter(tahun=2024).values_list("pk", "versi", "nilai"))
    hasil = realisasi_impor(pengguna=staf, tahun=2024, berkas=data, nama_berkas="r.xlsx")
    assert hasil.baris == [] and len(hasil.dilewati) == 13 * 4
    assert list(Realisasi.objects.filter(tahun=2024).values_list("pk", "versi", "nilai")) == sebelum
    wb = load_workbook(io.BytesIO(data))
    ws = wb.active
    kepala = [c.value for c in ws[2]]
    assert kepala[:6] == [
        "Kode indikator",
        "Uraian indikator",
        "Sub bagian",
        "Tahun",
        "Triwulan",
        "Realisasi",
    ]
    baris = next(
        r for r in ws.iter_rows(min_row=3) if r[0].value == "IKSS 3" and r[4].value == "TW II"
    )
    baris[5].value = "33,25"
    keluar = io.BytesIO()
    wb.save(keluar)
    hasil = realisasi_impor(
        pengguna=staf, tahun=2024, berkas=keluar.getvalue(), nama_berkas="r.xlsx"
    )
    assert len(hasil.baris) == 1
    assert _nilai("IKSS 3", "tw2") == Decimal("33.25")
    tw1 = Realisasi.objects.get(indikator__kode="IKSS 1", tahun=2024, periode="tw1")
    assert tw1.analisis == '=HYPERLINK("http://evil.example","x")'
    # a formula typed into an imported cell is stored as its text
    berkas = xlsx_bytes(
        judul="x",
        kolom=["kode_indikator", "triwulan", "realisasi", "analisis"],
        baris=[["IKSS 1", "2", "13", "=1+1"]],
    )
    realisasi_impor(pengguna=staf, tahun=2024, berkas=berkas, nama_berkas="f.xlsx")
    assert (
        Realisasi.objects.get(indikator__kode="IKSS 1", tahun=2024, periode="tw2").analisis
        == "=1+1"
    )


def test_realisasi_impor_lewat_profil_halaman_api_perintah(demo, client, staf, tmp_path):
    profil_impor_simpan(
        pengguna=staf,
        jenis="realisasi_kinerja",
        nama="e-SAKIP – capaian TW",
        kolom={
            "kode_indikator": ["KODE"],
            "triwulan": ["TW"],
            "realisasi": ["CAPAIAN"],
            "analisis": ["KETERANGAN"],
        },
        aturan={"realisasi": "angka_id"},
    )

    def berkas(nilai):
        return xlsx_bytes(
            judul="Capaian triwulan e-SAKIP",
            kolom=["KETERANGAN", "CAPAIAN", "TW", "KODE"],
            baris=[["Catatan", nilai, "TW I", "IKSS 7"]],
        )

    client.force_login(staf)
    url = reverse("kinerja:realisasi_impor", kwargs={"tahun": 2024})
    # the profile's number rule reads "20,500" as 20,5 (not twenty thousand five hundred)
    _p, akhir = _halaman(client, url, berkas("20,500"), profil="e-SAKIP – capaian TW")
    assert akhir.status_code == 302 and _nilai("IKSS 7", "tw1") == Decimal("20.5")
    r = client.post(
        reverse("kinerja-impor-realisasi"),
        {
            "berkas": SimpleUploadedFile("a.xlsx", berkas("21")),
            "tahun": 2024,
            "profil": "e-SAKIP – capaian TW",
        },
    )
    assert r.status_code == 200 and _nilai("IKSS 7", "tw1") == Decimal("21")
    path = tmp_path / "r.xlsx"
    path.write_bytes(berkas("22,75"))
    call_command(
        "impor_realisasi_kinerja",
        str(path),
        "--tahun",
        "2024",
        "--profil",
        "e-SAKIP – capaian TW",
        "--pengguna",
        staf.username,
        stdout=io.StringIO(),
    )
    assert _nilai("IKSS 7", "tw1") == Decimal("22.75")


def test_templat_dan_profil_realisasi_untuk_setiap_sub_bagian(client, staf_lain, komisioner):
    """The realisasi import is every sub-bagian's: a Staf Keuangan gets its template and may
    keep its profiles; the target import stays Perencanaan's; a Komisioner gets neither."""
    from django.core.exceptions import PermissionDenied

    client.force_login(staf_lain)
    templat = reverse("templat_impor", args=["realisasi_kinerja", "contoh"])
    assert client.get(templat).status_code == 200
    assert (
        client.get(reverse("templat_impor", args=["target_kinerja", "kosong"])).status_code == 403
    )
    profil_impor_simpan(
        pengguna=staf_lain,
        jenis="realisasi_kinerja",
        nama="Keuangan – TW",
        kolom={"kode_indikator": ["KODE"], "triwulan": ["TW"], "realisasi": ["NILAI"]},
    )
    with pytest.raises(PermissionDenied):
        profil_impor_simpan(
            pengguna=staf_lain,
            jenis="target_kinerja",
            nama="x",
            kolom={"kode_indikator": ["KODE"], "target": ["T"]},
        )
    client.force_login(komisioner)
    assert client.get(templat).status_code == 403


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        (b"kode_indikator;triwulan;realisasi\nIKSS 1;1;1e20\n", "Baris 2, kolom realisasi: '1e20'"),
        (
            b"kode_indikator;triwulan;realisasi\nIKSS 1;1;" + b"1" + b"0" * 20 + b"\n",
            "Baris 2, kolom realisasi: Realisasi: terlalu besar",
        ),
        (b"kode_indikator;triwulan;realisasi\nIKSS 1;;5\n", "Baris 2, kolom triwulan: wajib"),
        (b"kode_indikator;triwulan;realisasi\n;1;5\n", "Baris 2, kolom kode_indikator: wajib"),
        (b"kode_indikator;triwulan\nIKSS 1;1\n", "kolom realisasi"),
        (b"kode_indikator;triwulan;realisasi\n", "berkas tidak berisi baris data."),
        (
            b"kode_indikator;triwulan;realisasi;tahun\nIKSS 1;1;5;2023\n",
            "Baris 2, kolom tahun: '2023' bukan tahun yang diimpor (2024).",
        ),
    ],
)
def test_realisasi_impor_berkas_buruk_tidak_menulis(demo, sekretaris, isi, pesan):
    from kinerja.impor import realisasi_impor
    from kpu_site.impor import ImporGagal

    with pytest.raises(ImporGagal) as exc:
        realisasi_impor(pengguna=sekretaris, tahun=2024, berkas=isi, nama_berkas="r.csv")
    assert any(pesan in str(k) for k in exc.value.kesalahan), exc.value.kesalahan
    assert not Realisasi.objects.filter(tahun=2024).exists() and _audit() == 0
