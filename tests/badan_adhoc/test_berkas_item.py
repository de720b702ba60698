"""The checklist of a recruitment is data editable after its creation (issue 19 item 4): the
services ``item_berkas_simpan`` / ``item_berkas_hapus`` and their rules, the page
``/adhoc/rekrutmen/<id>/berkas-item/`` and the API ``/api/adhoc/berkas-item/``."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from badan_adhoc.model_berkas import ItemBerkas, StatusBerkas
from badan_adhoc.models import Pendaftar
from badan_adhoc.services import pendaftar_import, pendaftar_screen
from badan_adhoc.services.berkas import berkas_status_set, item_berkas_hapus, item_berkas_simpan
from kpu_site.models import JejakAudit
from tests.badan_adhoc.test_berkas import KEPALA, _baris, _berkas_uji


def _simpan(rekrutmen, pengguna, **isian):
    """``item_berkas_simpan`` with a required item at position 9 unless told otherwise."""
    return item_berkas_simpan(
        rekrutmen=rekrutmen, pengguna=pengguna, **({"wajib": True, "urutan": 9} | isian)
    )


def _pesan(exc) -> dict:
    return {k: v for k, v in exc.value.message_dict.items()}


def _item(rekrutmen, kode) -> ItemBerkas:
    return ItemBerkas.objects.get(rekrutmen=rekrutmen, kode=kode)


# --------------------------------------------------------------------------- services


def test_a_new_item_is_added_and_its_column_is_read_by_the_import(rekrutmen_kpps, staf_teknis):
    jejak = JejakAudit.objects.count()
    item = _simpan(
        rekrutmen_kpps,
        staf_teknis,
        kode="skck",
        nama="Surat keterangan catatan kepolisian",
        urutan=8,
    )
    assert JejakAudit.objects.count() == jejak + 1
    entri = JejakAudit.objects.latest("pk")
    assert (entri.aksi, entri.pengguna, entri.object_id) == ("buat", staf_teknis, str(item.pk))
    assert "tambah Surat keterangan catatan kepolisian" in entri.keterangan

    teks = KEPALA + ",skck\n" + _baris(1, "Tanpa SKCK", ["tidak ada"]).rsplit(",", 1)[0] + "\n"
    pendaftar_import(rekrutmen=rekrutmen_kpps, berkas=teks.encode(), nama_berkas="p.csv")
    s = StatusBerkas.objects.get(pendaftar__nama="Tanpa SKCK")
    assert (s.item.kode, s.status) == ("skck", "tidak_ada")
    assert pendaftar_screen(rekrutmen=rekrutmen_kpps)["alasan"]["dokumen_tidak_lengkap"] == 1


def test_a_duplicate_code_is_refused_on_the_code_field(rekrutmen_kpps, staf_teknis):
    jumlah = ItemBerkas.objects.count()
    with pytest.raises(ValidationError) as exc:
        _simpan(rekrutmen_kpps, staf_teknis, kode="KTP ", nama="Lagi")
    assert _pesan(exc) == {"kode": ["Kode 'ktp' sudah dipakai dokumen lain pada rekrutmen ini."]}
    ijazah = _item(rekrutmen_kpps, "ijazah")
    with pytest.raises(ValidationError) as exc:
        _simpan(rekrutmen_kpps, staf_teknis, item=ijazah, kode="ktp", nama="Ijazah", urutan=3)
    assert _pesan(exc) == {"kode": ["Kode 'ktp' sudah dipakai dokumen lain pada rekrutmen ini."]}
    assert ItemBerkas.objects.count() == jumlah
    assert _item(rekrutmen_kpps, "ijazah").nama == "Fotokopi ijazah terakhir"


@pytest.mark.parametrize(
    ("kode", "pesan"),
    [
        ("", "Kode wajib diisi."),
        (
            "surat sehat",
            "Kode 'surat sehat' hanya boleh berisi huruf kecil, angka, garis bawah, dan tanda "
            "hubung.",
        ),
        (
            "nama",
            "Kode 'nama' tidak dapat dipakai: sama dengan kolom data pendaftar atau kolom alasan "
            "pada berkas impor.",
        ),
        (
            "ktp_alasan",
            "Kode 'ktp_alasan' tidak dapat dipakai: sama dengan kolom data pendaftar atau kolom "
            "alasan pada berkas impor.",
        ),
    ],
)
def test_a_code_that_is_no_import_column_is_refused(rekrutmen_kpps, staf_teknis, kode, pesan):
    with pytest.raises(ValidationError) as exc:
        _simpan(rekrutmen_kpps, staf_teknis, kode=kode, nama="Dokumen")
    assert _pesan(exc) == {"kode": [pesan]}
    assert ItemBerkas.objects.filter(rekrutmen=rekrutmen_kpps).count() == 7


def test_an_empty_or_too_long_name_is_refused_on_its_field(rekrutmen_kpps, staf_teknis):
    with pytest.raises(ValidationError) as exc:
        _simpan(rekrutmen_kpps, staf_teknis, kode="skck", nama="  ")
    assert _pesan(exc) == {"nama": ["Nama dokumen wajib diisi."]}
    with pytest.raises(ValidationError) as exc:
        _simpan(rekrutmen_kpps, staf_teknis, kode="skck", nama="x" * 151)
    assert list(_pesan(exc)) == ["nama"]
    assert not ItemBerkas.objects.filter(kode="skck").exists()


def test_the_code_of_an_item_with_statuses_cannot_change(rekrutmen_kpps, staf_teknis):
    ktp = _item(rekrutmen_kpps, "ktp")
    item_berkas_simpan(  # no statuses yet: the code may change
        rekrutmen=rekrutmen_kpps,
        item=ktp,
        kode="ktp_el",
        nama="KTP-el",
        wajib=True,
        urutan=2,
        pengguna=staf_teknis,
    )
    _simpan(rekrutmen_kpps, staf_teknis, item=ktp, kode="ktp", nama="Fotokopi KTP-el", urutan=2)
    pendaftar_import(rekrutmen=rekrutmen_kpps, berkas=_berkas_uji(), nama_berkas="b.csv")
    jejak = JejakAudit.objects.count()
    with pytest.raises(ValidationError) as exc:
        _simpan(rekrutmen_kpps, staf_teknis, item=ktp, kode="ktp_el", nama="KTP-el", urutan=2)
    assert _pesan(exc) == {
        "kode": [
            "Kode 'ktp' tidak dapat diubah: sudah ada 6 status berkas pendaftar untuk dokumen "
            "ini, dan kode adalah nama kolomnya pada berkas impor."
        ]
    }
    assert _item(rekrutmen_kpps, "ktp").nama == "Fotokopi KTP-el"
    assert JejakAudit.objects.count() == jejak
    # its name and order may still change
    _simpan(rekrutmen_kpps, staf_teknis, item=ktp, kode="ktp", nama="KTP elektronik", urutan=1)
    assert JejakAudit.objects.count() == jejak + 1
    assert JejakAudit.objects.latest("pk").perubahan["nama"] == [
        "Fotokopi KTP-el",
        "KTP elektronik",
    ]


def test_an_item_with_statuses_cannot_be_deleted(rekrutmen_kpps, staf_teknis):
    pendaftar_import(rekrutmen=rekrutmen_kpps, berkas=_berkas_uji(), nama_berkas="b.csv")
    with pytest.raises(ValidationError) as exc:
        item_berkas_hapus(item=_item(rekrutmen_kpps, "pas_foto"), pengguna=staf_teknis)
    assert _pesan(exc) == {
        "kode": [
            "Dokumen 'Pas foto' tidak dapat dihapus: sudah ada 5 status berkas pendaftar untuk "
            "dokumen ini."
        ]
    }
    assert ItemBerkas.objects.filter(rekrutmen=rekrutmen_kpps).count() == 7
    baru = _simpan(rekrutmen_kpps, staf_teknis, kode="skck", nama="SKCK", wajib=False, urutan=8)
    jejak = JejakAudit.objects.count()
    item_berkas_hapus(item=baru, pengguna=staf_teknis)
    assert not ItemBerkas.objects.filter(kode="skck").exists()
    assert JejakAudit.objects.count() == jejak + 1
    entri = JejakAudit.objects.latest("pk")
    assert (entri.aksi, entri.keterangan) == ("hapus", "Daftar berkas pendaftaran: hapus SKCK")


def test_changing_wajib_rescreens_the_applicants_with_a_status(rekrutmen_kpps, staf_teknis):
    """The crafted file: Tanpa KTP (ktp tidak ada), Ijazah Palsu, Dua Alasan (surat_sehat
    tidak ada, and SMP) are TMS with dokumen_tidak_lengkap."""
    pendaftar_import(rekrutmen=rekrutmen_kpps, berkas=_berkas_uji(), nama_berkas="b.csv")
    pendaftar_screen(rekrutmen=rekrutmen_kpps)
    ktp = _item(rekrutmen_kpps, "ktp")
    jejak = JejakAudit.objects.count()
    _simpan(
        rekrutmen_kpps,
        staf_teknis,
        item=ktp,
        kode="ktp",
        nama="Fotokopi KTP-el",
        wajib=False,
        urutan=2,
    )
    p = Pendaftar.objects.get(nama="Tanpa KTP")
    assert (p.status_administrasi, p.tms_dokumen_tidak_lengkap) == ("ms", False)
    assert set(
        Pendaftar.objects.filter(tms_dokumen_tidak_lengkap=True).values_list("nama", flat=True)
    ) == {"Ijazah Palsu", "Dua Alasan"}
    assert JejakAudit.objects.count() == jejak + 1  # the item's change only
    entri = JejakAudit.objects.latest("pk")
    assert entri.perubahan == {"wajib": [True, False]}
    assert entri.keterangan == (
        "Daftar berkas pendaftaran: ubah Fotokopi KTP-el (tidak wajib; kelengkapan 6 "
        "pendaftar diperiksa ulang)"
    )
    assert p.history.latest().history_change_reason == "Kelengkapan berkas pendaftaran"
    # the same result a new screening gives
    assert pendaftar_screen(rekrutmen=rekrutmen_kpps)["alasan"]["dokumen_tidak_lengkap"] == 2

    jejak = JejakAudit.objects.count()
    _simpan(rekrutmen_kpps, staf_teknis, item=ktp, kode="ktp", nama="Fotokopi KTP-el", urutan=2)
    p.refresh_from_db()
    assert (p.status_administrasi, p.tms_dokumen_tidak_lengkap) == ("tms", True)
    assert JejakAudit.objects.count() == jejak + 1


def test_an_unchanged_save_writes_nothing(rekrutmen_kpps, staf_teknis):
    jejak = JejakAudit.objects.count()
    ktp = _item(rekrutmen_kpps, "ktp")
    _simpan(rekrutmen_kpps, staf_teknis, item=ktp, kode=ktp.kode, nama=ktp.nama, urutan=ktp.urutan)
    assert JejakAudit.objects.count() == jejak


def test_only_recruitment_staff_edit_the_checklist(rekrutmen_kpps, staf, komisioner):
    for user in (staf, komisioner):
        with pytest.raises(PermissionDenied):
            _simpan(rekrutmen_kpps, user, kode="skck", nama="SKCK", urutan=8)
        with pytest.raises(PermissionDenied):
            item_berkas_hapus(item=_item(rekrutmen_kpps, "ktp"), pengguna=user)
    assert ItemBerkas.objects.filter(rekrutmen=rekrutmen_kpps).count() == 7


def test_recording_a_status_still_makes_one_entry(rekrutmen_kpps, staf_teknis):
    """``_kelengkapan_terapkan`` is shared: the status path keeps its one marked entry."""
    pendaftar_import(rekrutmen=rekrutmen_kpps, berkas=_berkas_uji(), nama_berkas="b.csv")
    pendaftar_screen(rekrutmen=rekrutmen_kpps)
    p = Pendaftar.objects.get(nama="Lengkap Satu")
    jejak = JejakAudit.objects.count()
    berkas_status_set(pendaftar=p, status={"ktp": ("tidak ada", "")}, pengguna=staf_teknis)
    assert JejakAudit.objects.count() == jejak + 1
    assert JejakAudit.objects.latest("pk").perubahan["status_administrasi"] == ["ms", "tms"]


# --------------------------------------------------------------------------- the page


def _url(rekrutmen) -> str:
    return reverse("badan_adhoc:item_berkas", args=[rekrutmen.pk])


def test_the_recruitment_page_links_to_the_checklist(client, rekrutmen_kpps, komisioner):
    client.force_login(komisioner)
    r = client.get(reverse("badan_adhoc:rekrutmen_detail", args=[rekrutmen_kpps.pk]))
    assert f'href="{_url(rekrutmen_kpps)}"' in r.text


def test_staff_add_edit_and_delete_on_the_page(client, rekrutmen_kpps, staf_teknis):
    client.force_login(staf_teknis)
    url = _url(rekrutmen_kpps)
    r = client.get(url)
    assert r.status_code == 200
    assert "Fotokopi KTP-el" in r.text and 'name="baru-kode"' in r.text
    data = {"item": "", "baru-kode": "skck", "baru-nama": "SKCK", "baru-wajib": "on"}
    r = client.post(url, data | {"baru-urutan": "8"})
    assert r.status_code == 302
    skck = _item(rekrutmen_kpps, "skck")
    assert (skck.nama, skck.wajib, skck.urutan) == ("SKCK", True, 8)

    # a duplicate: the page again, what was typed kept, the message under the code field
    r = client.post(
        url, {"item": "", "baru-kode": "ktp", "baru-nama": "KTP lagi", "baru-urutan": "9"}
    )
    assert r.status_code == 200
    assert 'value="KTP lagi"' in r.text
    assert "Kode &#x27;ktp&#x27; sudah dipakai dokumen lain pada rekrutmen ini." in r.text
    assert r.context["form_baru"].errors == {
        "kode": ["Kode 'ktp' sudah dipakai dokumen lain pada rekrutmen ini."]
    }

    awalan = f"item-{skck.pk}-"
    ubah = {"item": skck.pk, awalan + "kode": "skck", awalan + "nama": "SKCK Polres"}
    assert client.post(url, ubah | {awalan + "urutan": "8"}).status_code == 302
    skck.refresh_from_db()
    assert (skck.nama, skck.wajib) == ("SKCK Polres", False)

    # an edit refused on its own form (opened), the others untouched
    ijazah = _item(rekrutmen_kpps, "ijazah")
    a = f"item-{ijazah.pk}-"
    r = client.post(
        url, {"item": ijazah.pk, a + "kode": "ktp", a + "nama": "Ijazah X", a + "urutan": "3"}
    )
    assert r.status_code == 200 and r.context["item_salah"] == ijazah.pk
    assert f'id="item-{ijazah.pk}" open' in r.text and 'value="Ijazah X"' in r.text
    assert _item(rekrutmen_kpps, "ijazah").nama == "Fotokopi ijazah terakhir"

    assert client.post(url, {"hapus": skck.pk}).status_code == 302
    assert not ItemBerkas.objects.filter(kode="skck").exists()


def test_a_refused_delete_on_the_page_says_how_many(client, rekrutmen_kpps, staf_teknis):
    pendaftar_import(rekrutmen=rekrutmen_kpps, berkas=_berkas_uji(), nama_berkas="b.csv")
    client.force_login(staf_teknis)
    ktp = _item(rekrutmen_kpps, "ktp")
    r = client.post(_url(rekrutmen_kpps), {"hapus": ktp.pk}, follow=True)
    assert (
        "Dokumen &#x27;Fotokopi KTP-el&#x27; tidak dapat dihapus: sudah ada 6 status berkas "
        "pendaftar untuk dokumen ini." in r.text
    )
    assert ItemBerkas.objects.filter(pk=ktp.pk).exists()


def test_an_item_of_another_recruitment_is_a_404(
    client, rekrutmen_kpps, rekrutmen_ppk, staf_teknis
):
    client.force_login(staf_teknis)
    lain = _item(rekrutmen_ppk, "ktp")
    assert client.post(_url(rekrutmen_kpps), {"hapus": lain.pk}).status_code == 404
    assert client.post(_url(rekrutmen_kpps), {"hapus": "x"}).status_code == 404
    assert ItemBerkas.objects.filter(pk=lain.pk).exists()


def test_page_access(client, rekrutmen_kpps, staf, komisioner, kasubag_teknis):
    url = _url(rekrutmen_kpps)
    data = {"item": "", "baru-kode": "skck", "baru-nama": "SKCK", "baru-urutan": "8"}
    r = client.get(url)
    assert r.status_code == 302 and r["Location"].startswith("/masuk/")
    assert client.post(url, data).status_code == 302
    for user in (staf, komisioner):  # another sub-bagian's staff, a commissioner: read only
        client.force_login(user)
        r = client.get(url)
        assert r.status_code == 200 and "Fotokopi KTP-el" in r.text
        assert 'name="baru-kode"' not in r.text and 'name="hapus"' not in r.text
        assert client.post(url, data).status_code == 403
    assert not ItemBerkas.objects.filter(kode="skck").exists()
    client.force_login(kasubag_teknis)
    assert client.post(url, data).status_code == 302
    assert ItemBerkas.objects.filter(kode="skck").exists()


# --------------------------------------------------------------------------- the API

API = "/api/adhoc/berkas-item/"


def test_api_lists_adds_changes_and_deletes_items(client, rekrutmen_kpps, staf_teknis):
    pendaftar_import(rekrutmen=rekrutmen_kpps, berkas=_berkas_uji(), nama_berkas="b.csv")
    client.force_login(staf_teknis)
    r = client.get(API, {"rekrutmen": rekrutmen_kpps.pk})
    assert r.status_code == 200
    assert {i["kode"]: i["jumlah_status"] for i in r.json()}["ktp"] == 6
    baru = {"rekrutmen": rekrutmen_kpps.pk, "kode": "skck", "nama": "SKCK", "urutan": 8}
    r = client.post(API, baru, "application/json")
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    assert r.json() | {"id": 0} == baru | {"id": 0, "wajib": True, "jumlah_status": 0}

    r = client.post(API, baru, "application/json")
    assert r.status_code == 400
    assert r.json()["kode"] == ["Kode 'skck' sudah dipakai dokumen lain pada rekrutmen ini."]

    ubah = {"kode": "skck", "nama": "SKCK Polres", "wajib": False, "urutan": 8}
    r = client.put(f"{API}{pk}/", ubah, "application/json")
    assert (r.status_code, r.json()["nama"], r.json()["wajib"]) == (200, "SKCK Polres", False)

    ktp = _item(rekrutmen_kpps, "ktp")
    r = client.put(
        f"{API}{ktp.pk}/",
        {"kode": "ktp_el", "nama": "KTP", "wajib": True, "urutan": 2},
        "application/json",
    )
    assert r.status_code == 400
    assert r.json()["kode"] == [
        "Kode 'ktp' tidak dapat diubah: sudah ada 6 status berkas pendaftar untuk dokumen ini, "
        "dan kode adalah nama kolomnya pada berkas impor."
    ]
    r = client.delete(f"{API}{ktp.pk}/")
    assert r.status_code == 400
    assert "sudah ada 6 status berkas pendaftar" in r.json()["kode"][0]
    assert client.delete(f"{API}{pk}/").status_code == 204
    assert not ItemBerkas.objects.filter(pk=pk).exists()
    assert client.get(f"{API}{pk}/").status_code == 404
    assert client.get(API, {"rekrutmen": "x"}).status_code == 404


def test_api_access(client, rekrutmen_kpps, staf, komisioner):
    ktp = _item(rekrutmen_kpps, "ktp")
    baru = {"rekrutmen": rekrutmen_kpps.pk, "kode": "skck", "nama": "SKCK", "urutan": 8}
    assert client.get(API, {"rekrutmen": rekrutmen_kpps.pk}).status_code == 403
    assert client.post(API, baru, "application/json").status_code == 403
    for user in (staf, komisioner):
        client.force_login(user)
        assert client.get(API, {"rekrutmen": rekrutmen_kpps.pk}).status_code == 200
        assert client.get(f"{API}{ktp.pk}/").json()["kode"] == "ktp"
        assert client.post(API, baru, "application/json").status_code == 403
        assert client.delete(f"{API}{ktp.pk}/").status_code == 403
    assert ItemBerkas.objects.filter(rekrutmen=rekrutmen_kpps).count() == 7
