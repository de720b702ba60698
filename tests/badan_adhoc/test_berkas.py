"""The applicant's file: the checklist per recruitment, its import columns, the screening reason
``dokumen_tidak_lengkap`` and its counts, the page, the API."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from badan_adhoc.model_berkas import BERKAS_BAKU, ItemBerkas, StatusBerkas
from badan_adhoc.models import Pendaftar
from badan_adhoc.selectors import seleksi_ringkasan
from badan_adhoc.selectors.berkas import berkas_ringkasan
from badan_adhoc.services import pendaftar_import, pendaftar_screen
from badan_adhoc.services.berkas import berkas_status_set
from kpu_site.impor import ImporGagal

KEPALA = (
    "nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan,kode_domisili,alamat,"
    "no_hp,email,kode_wilayah_tujuan"
)
KODE = [k for k, _ in BERKAS_BAKU["kpps"]]


def _baris(no: int, nama: str, status: list[str], *, pendidikan="S1", alasan="") -> str:
    """A valid KPPS applicant of Cimuncang (born 12 May 1990, man) with checklist cells."""
    nik = f"367301120590{no:04d}"
    data = (
        f"{nik},{nama},L,Serang,1990-05-12,{pendidikan},36.73.01.1001,Jl. Uji {no},"
        f"08120000{no:04d},,36.73.01.1001"
    )
    return data + "," + ",".join(status) + f",{alasan}"


def _berkas_uji() -> bytes:
    """The crafted file (counts worked out by hand in the test below)."""
    ada = ["ada"] * 7
    baris = [
        KEPALA + "," + ",".join(KODE) + ",ijazah_alasan",
        _baris(1, "Lengkap Satu", ada),
        _baris(2, "Tanpa KTP", ["ada", "tidak ada", *["ada"] * 5]),
        _baris(3, "Ijazah Palsu", ["ada", "ada", "Tidak Sah", *["ada"] * 4], alasan="tanpa cap"),
        _baris(4, "Foto Belum", [*["ada"] * 6, ""]),
        _baris(5, "Belum Diperiksa", [""] * 7),
        _baris(6, "Dua Alasan", [*["ada"] * 4, "TIDAK  ADA", "ada", "ada"], pendidikan="SMP"),
        _baris(7, "Lengkap Besar", ["ADA "] * 7),
    ]
    return ("\n".join(baris) + "\n").encode()


def test_new_recruitment_gets_its_body_default_checklist(rekrutmen_kpps, rekrutmen_ppk):
    for r in (rekrutmen_kpps, rekrutmen_ppk):
        assert list(
            ItemBerkas.objects.filter(rekrutmen=r).order_by("urutan").values_list("kode", "wajib")
        ) == [(k, True) for k, _ in BERKAS_BAKU[r.jenis_badan]]
    assert "ktp" in KODE and "pas_foto" in KODE and len(KODE) == 7


def test_checklist_counts_are_exact_on_a_crafted_import(rekrutmen_kpps):
    pendaftar_import(rekrutmen=rekrutmen_kpps, berkas=_berkas_uji(), nama_berkas="b.csv")
    assert StatusBerkas.objects.count() == 6 + 6 + 6 + 6 + 6 + 6 + 5
    assert StatusBerkas.objects.get(pendaftar__nama="Ijazah Palsu", item__kode="ijazah").alasan == (
        "tanpa cap"
    )

    r = berkas_ringkasan(rekrutmen_kpps)
    per_item = {
        i["kode"]: (i["ada"], i["tidak_ada"], i["tidak_sah"], i["belum"]) for i in r["item"]
    }
    assert per_item == {
        "surat_pendaftaran": (6, 0, 0, 1),
        "ktp": (5, 1, 0, 1),
        "ijazah": (5, 0, 1, 1),
        "surat_pernyataan": (6, 0, 0, 1),
        "surat_sehat": (5, 1, 0, 1),
        "daftar_riwayat_hidup": (6, 0, 0, 1),
        "pas_foto": (5, 0, 0, 2),
    }
    assert (r["pendaftar"], r["lengkap"], r["tidak_lengkap"], r["belum_lengkap"]) == (7, 2, 3, 2)

    hasil = pendaftar_screen(rekrutmen=rekrutmen_kpps)
    assert (hasil["jumlah"], hasil["ms"], hasil["tms"]) == (7, 4, 3)
    assert hasil["alasan"]["dokumen_tidak_lengkap"] == 3
    assert hasil["alasan"]["pendidikan_kurang"] == 1
    assert set(
        Pendaftar.objects.filter(tms_dokumen_tidak_lengkap=True).values_list("nama", flat=True)
    ) == {"Tanpa KTP", "Ijazah Palsu", "Dua Alasan"}


def test_import_without_checklist_columns_records_nothing(rekrutmen_kpps):
    teks = KEPALA + "\n" + _baris(1, "Polos", []).rsplit(",", 2)[0] + "\n"
    pendaftar_import(rekrutmen=rekrutmen_kpps, berkas=teks.encode(), nama_berkas="p.csv")
    assert Pendaftar.objects.count() == 1
    assert not StatusBerkas.objects.exists()
    assert pendaftar_screen(rekrutmen=rekrutmen_kpps)["alasan"]["dokumen_tidak_lengkap"] == 0


def test_import_refuses_bad_checklist_values_naming_row_and_column(rekrutmen_kpps):
    teks = "\n".join(
        [
            KEPALA + ",ktp,ijazah,ijazah_alasan",
            _baris(1, "A", ["ada", "lengkap"]),
            _baris(2, "B", ["ya", "tidak sah"]),
            _baris(3, "C", ["ada", "ada"]),
        ]
    )
    with pytest.raises(ImporGagal) as exc:
        pendaftar_import(rekrutmen=rekrutmen_kpps, berkas=teks.encode(), nama_berkas="p.csv")
    assert [str(k) for k in exc.value.kesalahan] == [
        "Baris 2, kolom ijazah: 'lengkap' bukan salah satu dari: ada, tidak ada, tidak sah.",
        "Baris 3, kolom ktp: 'ya' bukan salah satu dari: ada, tidak ada, tidak sah.",
        "Baris 3, kolom ijazah: status tidak sah harus disertai alasan. (kolom ijazah_alasan)",
    ]
    assert not Pendaftar.objects.exists()
    assert not StatusBerkas.objects.exists()


def test_import_checklist_with_replace_and_added_rows(rekrutmen_kpps):
    """A second import (adding) links its statuses to its own new applicants only."""
    pendaftar_import(rekrutmen=rekrutmen_kpps, berkas=_berkas_uji(), nama_berkas="b.csv")
    teks = KEPALA + ",ktp\n" + _baris(8, "Tambahan", ["tidak ada"]).rsplit(",", 1)[0] + "\n"
    pendaftar_import(rekrutmen=rekrutmen_kpps, berkas=teks.encode(), nama_berkas="t.csv")
    s = StatusBerkas.objects.get(pendaftar__nama="Tambahan")
    assert (s.item.kode, s.status) == ("ktp", "tidak_ada")
    pendaftar_import(
        rekrutmen=rekrutmen_kpps, berkas=_berkas_uji(), nama_berkas="b.csv", ganti=True
    )
    assert berkas_ringkasan(rekrutmen_kpps)["tidak_lengkap"] == 3
    assert StatusBerkas.objects.count() == 41  # the replaced applicants' statuses went too


def test_tidak_sah_without_reason_is_refused_and_nothing_written(rekrutmen_kpps, staf_teknis):
    pendaftar_import(rekrutmen=rekrutmen_kpps, berkas=_berkas_uji(), nama_berkas="b.csv")
    p = Pendaftar.objects.get(nama="Belum Diperiksa")
    with pytest.raises(ValidationError) as exc:
        berkas_status_set(
            pendaftar=p,
            status={"ktp": ("ada", ""), "ijazah": ("tidak sah", "  ")},
            pengguna=staf_teknis,
        )
    assert exc.value.message_dict == {
        "alasan_ijazah": ["Fotokopi ijazah terakhir: status tidak sah harus disertai alasan."]
    }
    assert not StatusBerkas.objects.filter(pendaftar=p).exists()
    with pytest.raises(ValidationError) as exc:
        berkas_status_set(pendaftar=p, status={"ktp": ("hilang", "")}, pengguna=staf_teknis)
    assert exc.value.message_dict == {
        "status_ktp": [
            "Fotokopi KTP-el: 'hilang' bukan salah satu dari: ada, tidak ada, tidak sah."
        ]
    }


def test_recording_a_status_applies_the_reason_to_a_screened_applicant(rekrutmen_kpps, staf_teknis):
    pendaftar_import(rekrutmen=rekrutmen_kpps, berkas=_berkas_uji(), nama_berkas="b.csv")
    pendaftar_screen(rekrutmen=rekrutmen_kpps)
    p = Pendaftar.objects.get(nama="Lengkap Satu")
    assert p.status_administrasi == "ms"
    berkas_status_set(
        pendaftar=p, status={"ijazah": ("tidak_sah", "nama berbeda")}, pengguna=staf_teknis
    )
    p.refresh_from_db()
    assert (p.status_administrasi, p.tms_dokumen_tidak_lengkap) == ("tms", True)
    s = StatusBerkas.objects.get(pendaftar=p, item__kode="ijazah")
    assert (s.dicatat_oleh, s.alasan) == (staf_teknis, "nama berbeda")
    berkas_status_set(pendaftar=p, status={"ijazah": ("ada", "")}, pengguna=staf_teknis)
    p.refresh_from_db()
    assert (p.status_administrasi, p.tms_dokumen_tidak_lengkap) == ("ms", False)
    assert seleksi_ringkasan(rekrutmen_kpps)["alasan"]["dokumen_tidak_lengkap"] == 3


def test_applicant_page_shows_and_saves_the_checklist(client, rekrutmen_kpps, staf_teknis):
    pendaftar_import(rekrutmen=rekrutmen_kpps, berkas=_berkas_uji(), nama_berkas="b.csv")
    p = Pendaftar.objects.get(nama="Belum Diperiksa")
    client.force_login(staf_teknis)
    halaman = client.get(reverse("badan_adhoc:pendaftar_detail", args=[p.pk]))
    assert halaman.status_code == 200
    assert "Berkas pendaftaran" in halaman.text and 'name="status_ktp"' in halaman.text
    url = reverse("badan_adhoc:pendaftar_berkas", args=[p.pk])
    r = client.post(url, {"status_ktp": "tidak_sah", "alasan_ktp": ""}, follow=True)
    assert "Fotokopi KTP-el: status tidak sah harus disertai alasan." in r.text
    assert not StatusBerkas.objects.filter(pendaftar=p).exists()
    r = client.post(url, {"status_ktp": "tidak_sah", "alasan_ktp": "buram", "status_ijazah": "ada"})
    assert r.status_code == 302
    assert dict(StatusBerkas.objects.filter(pendaftar=p).values_list("item__kode", "status")) == {
        "ktp": "tidak_sah",
        "ijazah": "ada",
    }
    detail = client.get(reverse("badan_adhoc:rekrutmen_detail", args=[rekrutmen_kpps.pk]))
    assert "Berkas pendaftaran" in detail.text


def test_checklist_is_written_by_recruitment_staff_only(client, rekrutmen_kpps, staf, komisioner):
    pendaftar_import(rekrutmen=rekrutmen_kpps, berkas=_berkas_uji(), nama_berkas="b.csv")
    p = Pendaftar.objects.get(nama="Belum Diperiksa")
    url = reverse("badan_adhoc:pendaftar_berkas", args=[p.pk])
    for user in (staf, komisioner):  # Staf of Perencanaan, a commissioner
        client.force_login(user)
        assert client.post(url, {"status_ktp": "ada"}).status_code == 403
        r = client.get(reverse("badan_adhoc:pendaftar_detail", args=[p.pk]))
        assert r.status_code == 200 and 'name="status_ktp"' not in r.text
    client.logout()
    assert client.post(url, {"status_ktp": "ada"}).status_code == 302  # to the login page
    assert not StatusBerkas.objects.filter(pendaftar=p).exists()


def test_api_reads_and_writes_the_checklist(client, rekrutmen_kpps, staf_teknis, komisioner):
    pendaftar_import(rekrutmen=rekrutmen_kpps, berkas=_berkas_uji(), nama_berkas="b.csv")
    p = Pendaftar.objects.get(nama="Tanpa KTP")
    client.force_login(komisioner)
    r = client.get(f"/api/adhoc/berkas-pendaftar/{p.pk}/")
    assert r.status_code == 200
    assert {b["kode"]: b["status"] for b in r.json()}["ktp"] == "tidak_ada"
    r = client.get(f"/api/adhoc/berkas-rekrutmen/{rekrutmen_kpps.pk}/")
    assert (r.status_code, r.json()["tidak_lengkap"]) == (200, 3)
    url = f"/api/adhoc/berkas-pendaftar/{p.pk}/simpan/"
    data = {"status": {"ktp": {"status": "ada"}}}
    assert client.post(url, data, "application/json").status_code == 403
    client.force_login(staf_teknis)
    bad = {"status": {"ktp": {"status": "tidak sah"}}}
    r = client.post(url, bad, "application/json")
    assert r.status_code == 400
    assert "Fotokopi KTP-el: status tidak sah harus disertai alasan." in str(r.json())
    r = client.post(url, data, "application/json")
    assert r.status_code == 200, r.content
    assert {b["kode"]: b["status"] for b in r.json()}["ktp"] == "ada"


def test_demo_statuses_agree_with_the_screening_already_run(diseleksi):
    """The demo's invented statuses make no MS applicant TMS, and a new screening keeps every
    result (demo_berkas)."""
    import io

    from badan_adhoc.demo_berkas import muat_berkas

    sebelum = seleksi_ringkasan(diseleksi)
    tms_ids = set(
        Pendaftar.objects.filter(rekrutmen=diseleksi, status_administrasi="tms").values_list(
            "pk", flat=True
        )
    )
    muat_berkas(stdout=io.StringIO())
    assert StatusBerkas.objects.count() == sebelum["jumlah"] * 7
    kurang = set(StatusBerkas.objects.exclude(status="ada").values_list("pendaftar_id", flat=True))
    assert kurang == {pk for pk in tms_ids if pk % 4 in (0, 1)} and kurang
    assert not StatusBerkas.objects.filter(status="tidak_sah", alasan="").exists()
    sesudah = seleksi_ringkasan(diseleksi)
    assert (sesudah["ms"], sesudah["tms"]) == (sebelum["ms"], sebelum["tms"])
    assert sesudah["alasan"]["dokumen_tidak_lengkap"] == len(kurang)
    ulang = pendaftar_screen(rekrutmen=diseleksi)
    assert (ulang["ms"], ulang["tms"]) == (sebelum["ms"], sebelum["tms"])
    assert ulang["alasan"]["dokumen_tidak_lengkap"] == len(kurang)
    muat_berkas(stdout=io.StringIO())  # again: nothing added
    assert StatusBerkas.objects.count() == sebelum["jumlah"] * 7


def test_applicant_page_queries_do_not_grow_with_the_checklist(client, rekrutmen_kpps, staf_teknis):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    pendaftar_import(rekrutmen=rekrutmen_kpps, berkas=_berkas_uji(), nama_berkas="b.csv")
    client.force_login(staf_teknis)
    client.get(reverse("badan_adhoc:rekrutmen_list"))  # the session and permissions cached
    jumlah = []
    for nama in ("Belum Diperiksa", "Lengkap Satu"):  # no status; seven statuses
        p = Pendaftar.objects.get(nama=nama)
        with CaptureQueriesContext(connection) as ctx:
            assert (
                client.get(reverse("badan_adhoc:pendaftar_detail", args=[p.pk])).status_code == 200
            )
        jumlah.append(len(ctx.captured_queries))
    assert jumlah[0] == jumlah[1]


def test_checklist_api_answers_a_non_numeric_id_with_404(client, admin_user):
    """Found by the API fuzz run: ``/api/adhoc/berkas-pendaftar/true/`` was a 500."""
    client.force_login(admin_user)
    for url in (
        "/api/adhoc/berkas-pendaftar/true/",
        "/api/adhoc/berkas-rekrutmen/null/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post("/api/adhoc/berkas-pendaftar/false/simpan/").status_code == 404


def test_recruitment_page_queries_do_not_grow_with_applicants_and_statuses(
    client, rekrutmen_kpps, staf_teknis
):
    """The checklist card of the recruitment page: the same queries for one applicant with
    statuses as for seven (``segar=1``: counted afresh, not from the cache)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    baris = _berkas_uji().decode().splitlines()
    client.force_login(staf_teknis)
    client.get(reverse("badan_adhoc:rekrutmen_list"))  # the session and permissions cached
    url = reverse("badan_adhoc:rekrutmen_detail", args=[rekrutmen_kpps.pk]) + "?segar=1"
    jumlah = []
    for isi in (baris[:2], baris):  # one applicant; seven
        pendaftar_import(
            rekrutmen=rekrutmen_kpps,
            berkas=("\n".join(isi) + "\n").encode(),
            nama_berkas="b.csv",
            ganti=True,
        )
        pendaftar_screen(rekrutmen=rekrutmen_kpps)
        with CaptureQueriesContext(connection) as ctx:
            respons = client.get(url)
        assert respons.status_code == 200
        assert respons.context["berkas"]["pendaftar"] == len(isi) - 1
        jumlah.append(len(ctx.captured_queries))
    assert jumlah[0] == jumlah[1]
