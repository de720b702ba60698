"""IKU decree and Manual IKU (issue 17, item 1): who writes, the rules and bad input, the year
lock, the audit trail, completeness and the LKj pre-flight finding."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja import selectors_iku
from kinerja.lkj.preflight import lkj_preflight
from kinerja.model_iku import IkuIndikator, KeputusanIku, ManualIndikator
from kinerja.models import Indikator, KunciTahun
from kinerja.services import iku
from kpu_site.models import JejakAudit
from tests.conftest import demo_inti_muat

from .factories import IndikatorFactory, RenstraFactory, SasaranFactory, TujuanFactory

pytestmark = pytest.mark.django_db

LENGKAP = {
    "definisi": "Definisi uji.",
    "tujuan": "Tujuan uji.",
    "formula": "Jumlah yang selesai dibagi jumlah seluruhnya dikali 100%.",
    "sumber_data": "Laporan uji.",
    "frekuensi": "triwulanan",
    "jenis": "output",
}


@pytest.fixture
def dunia(unit_demo):
    renstra = RenstraFactory()
    tujuan = TujuanFactory(renstra=renstra)
    a = IndikatorFactory(sasaran=SasaranFactory(tujuan=tujuan, unit=unit_demo["perencanaan"]))
    b = IndikatorFactory(
        sasaran=SasaranFactory(tujuan=tujuan, unit=unit_demo["keuangan"]),
        arah=Indikator.Arah.TURUN,
    )
    lain = RenstraFactory(tahun_mulai=2025, tahun_selesai=2029)
    c = IndikatorFactory(sasaran=SasaranFactory(tujuan=TujuanFactory(renstra=lain)))
    return {"renstra": renstra, "a": a, "b": b, "c": c, "units": unit_demo}


def _set(pengguna, d, **ubah):
    data = {
        "pengguna": pengguna,
        "renstra": d["renstra"],
        "nomor": "12/PL.01-Kpt/3673/2020",
        "tanggal": dt.date(2020, 6, 2),
        "tentang": "Penetapan Indikator Kinerja Utama",
        "indikator": [d["a"], d["b"]],
    }
    data.update(ubah)
    return iku.keputusan_iku_set(**data)


def _manual(pengguna, d, indikator="a", **ubah):
    data = {**LENGKAP, "unit_penanggung_jawab": d["units"]["perencanaan"], **ubah}
    return iku.manual_simpan(pengguna=pengguna, indikator=d[indikator], **data)


# --------------------------------------------------------------------------- the decree


def test_sekretaris_sets_the_decree_and_its_indikator(sekretaris, dunia):
    keputusan = _set(sekretaris, dunia)
    assert set(keputusan.baris.values_list("indikator", flat=True)) == {
        dunia["a"].pk,
        dunia["b"].pk,
    }
    # changed: one indikator out; the row goes, the decree stays one
    _set(sekretaris, dunia, indikator=[dunia["a"]], nomor="13/2020", alasan="Keputusan pengganti")
    assert KeputusanIku.objects.count() == 1
    assert list(IkuIndikator.objects.values_list("indikator", flat=True)) == [dunia["a"].pk]
    assert selectors_iku.iku_indikator_list(renstra=dunia["renstra"]) == [dunia["a"]]


def test_staf_perencanaan_writes_staf_of_another_unit_does_not(staf, staf_lain, komisioner, dunia):
    _set(staf, dunia)
    for pengguna in (staf_lain, komisioner):
        with pytest.raises(PermissionDenied, match="Sub Bagian Perencanaan"):
            _set(pengguna, dunia, nomor="lain")
    assert KeputusanIku.objects.get().nomor == "12/PL.01-Kpt/3673/2020"


@pytest.mark.parametrize(
    ("ubah", "field", "pesan"),
    [
        ({"nomor": "  "}, "nomor", "Nomor keputusan wajib diisi."),
        ({"tentang": ""}, "tentang", "Isian 'tentang' keputusan wajib diisi."),
        ({"tanggal": None}, "tanggal", "Tanggal keputusan wajib diisi."),
        ({"tanggal": dt.date(2025, 1, 2)}, "tanggal", "sesudah periode Renstra 2020–2024"),
        ({"tanggal": dt.date(1999, 1, 2)}, "tanggal", "2000"),
        ({"indikator": []}, "indikator", "Pilih paling sedikit satu indikator sebagai IKU."),
        ({"nomor": "x" * 151}, "nomor", "paling banyak 150 karakter"),
    ],
)
def test_bad_decree_input_is_refused_naming_the_field(sekretaris, dunia, ubah, field, pesan):
    with pytest.raises(ValidationError) as e:
        _set(sekretaris, dunia, **ubah)
    assert field in e.value.message_dict
    assert pesan in " ".join(e.value.message_dict[field])
    assert KeputusanIku.objects.count() == 0
    assert IkuIndikator.objects.count() == 0


def test_indikator_of_another_renstra_or_twice_is_refused(sekretaris, dunia):
    with pytest.raises(ValidationError) as e:
        _set(sekretaris, dunia, indikator=[dunia["a"], dunia["c"]])
    assert e.value.message_dict["indikator"] == [
        f"Indikator {dunia['c'].kode} bukan indikator Renstra 2020–2024."
    ]
    with pytest.raises(ValidationError) as e:
        _set(sekretaris, dunia, indikator=[dunia["a"], dunia["a"]])
    assert e.value.message_dict["indikator"] == [f"Indikator {dunia['a'].kode} tercantum dua kali."]
    assert KeputusanIku.objects.count() == 0


def test_decree_dated_in_a_locked_year_is_frozen(sekretaris, dunia):
    _set(sekretaris, dunia)
    KunciTahun.objects.create(tahun=2020)
    with pytest.raises(ValidationError) as e:
        _set(sekretaris, dunia, tanggal=dt.date(2021, 1, 4), indikator=[dunia["a"]])
    assert e.value.message_dict["tanggal"] == [
        "Tahun 2020 sudah dikunci; keputusan IKU bertanggal tahun itu tidak dapat diubah."
    ]
    keputusan = KeputusanIku.objects.get()
    assert keputusan.tanggal == dt.date(2020, 6, 2)
    assert keputusan.baris.count() == 2


def test_decree_and_its_changes_are_in_the_audit_trail(sekretaris, dunia):
    keputusan = _set(sekretaris, dunia)
    _set(sekretaris, dunia, indikator=[dunia["a"]], alasan="IKU ditinjau ulang")
    ct = ContentType.objects.get_for_model(KeputusanIku)
    jejak = JejakAudit.objects.filter(content_type=ct, object_id=str(keputusan.pk))
    assert jejak.filter(pengguna=sekretaris).exists()
    ringkas = jejak.order_by("waktu", "pk").last()
    assert ringkas.perubahan["IKU dikeluarkan"] == dunia["b"].kode
    ct_baris = ContentType.objects.get_for_model(IkuIndikator)
    assert JejakAudit.objects.filter(content_type=ct_baris, aksi="hapus", pengguna=sekretaris)


# --------------------------------------------------------------------------- the manual


def test_manual_complete_and_incomplete(kasubag, dunia):
    assert not selectors_iku.manual_lengkap(dunia["a"])
    assert selectors_iku.manual_kurang(None)[0] == "definisi"
    _manual(kasubag, dunia, definisi="", jenis="")
    assert selectors_iku.manual_kurang(dunia["a"].manual) == ["definisi", "jenis indikator"]
    assert not selectors_iku.manual_lengkap(dunia["a"])
    _manual(kasubag, dunia)
    assert selectors_iku.manual_lengkap(dunia["a"])
    assert ManualIndikator.objects.count() == 1


def test_manual_shows_the_indikators_own_capaian_rule(kasubag, dunia):
    _set(kasubag, dunia)
    baris = {b["indikator"].pk: b for b in selectors_iku.iku_baris_list(renstra=dunia["renstra"])}
    assert baris[dunia["a"].pk]["aturan"].startswith("Semakin tinggi semakin baik")
    assert baris[dunia["b"].pk]["aturan"].startswith("Semakin rendah semakin baik")


@pytest.mark.parametrize(
    ("ubah", "field"),
    [
        ({"frekuensi": "harian"}, "frekuensi"),
        ({"jenis": "dampak"}, "jenis"),
        ({"definisi": "x" * 2001}, "definisi"),
        ({"target": "100"}, "target"),
    ],
)
def test_bad_manual_input_is_refused_naming_the_field(kasubag, dunia, ubah, field):
    with pytest.raises(ValidationError) as e:
        _manual(kasubag, dunia, **ubah)
    assert field in e.value.message_dict
    assert ManualIndikator.objects.count() == 0


def test_manual_written_only_by_planners(staf_lain, auditor, dunia):
    for pengguna in (staf_lain, auditor):
        with pytest.raises(PermissionDenied):
            _manual(pengguna, dunia)
    assert ManualIndikator.objects.count() == 0


def test_manual_frozen_once_every_year_of_the_period_is_locked(sekretaris, dunia):
    _manual(sekretaris, dunia, definisi="Awal.")
    for tahun in range(2020, 2024):
        KunciTahun.objects.create(tahun=tahun)
    _manual(sekretaris, dunia, definisi="Masih boleh: 2024 terbuka.")
    KunciTahun.objects.create(tahun=2024)
    with pytest.raises(ValidationError) as e:
        _manual(sekretaris, dunia, definisi="Terlambat.")
    assert e.value.messages == [
        f"Seluruh tahun Renstra 2020–2024 sudah dikunci; manual indikator {dunia['a'].kode} "
        "tidak dapat diubah."
    ]
    assert ManualIndikator.objects.get().definisi == "Masih boleh: 2024 terbuka."


def test_manual_change_is_in_the_audit_trail(sekretaris, dunia):
    manual = _manual(sekretaris, dunia)
    _manual(sekretaris, dunia, sumber_data="Sumber baru.")
    ct = ContentType.objects.get_for_model(ManualIndikator)
    ubah = JejakAudit.objects.get(content_type=ct, object_id=str(manual.pk), aksi="ubah")
    assert ubah.pengguna == sekretaris
    assert ubah.perubahan["sumber_data"] == ["Laporan uji.", "Sumber baru."]


# --------------------------------------------------------------------------- pre-flight


def test_preflight_names_each_iku_indikator_without_a_complete_manual(sekretaris, dunia):
    assert not [t for t in lkj_preflight(tahun=2023) if t.jenis == "manual_iku"]  # no decree
    _set(sekretaris, dunia)
    _manual(sekretaris, dunia, indikator="a")
    _manual(sekretaris, dunia, indikator="b", formula="")
    temuan = [t for t in lkj_preflight(tahun=2023) if t.jenis == "manual_iku"]
    assert [t.pesan for t in temuan] == [
        f"Manual IKU indikator {dunia['b'].kode} belum lengkap: formula belum diisi."
    ]
    assert temuan[0].subjek == dunia["b"].kode
    assert temuan[0].wajib
    assert temuan[0].tautan == f"/kinerja/iku/manual/{dunia['b'].pk}/ubah/"
    _manual(sekretaris, dunia, indikator="b")
    assert not [t for t in lkj_preflight(tahun=2023) if t.jenis == "manual_iku"]


# --------------------------------------------------------------------------- pages and API


def test_pages_show_iku_and_forms_write_through_the_service(client, kasubag, dunia):
    client.force_login(kasubag)
    renstra = dunia["renstra"]
    r = client.get(f"/kinerja/renstra/{renstra.pk}/")
    assert f"/kinerja/iku/{renstra.pk}/" in r.content.decode()
    r = client.post(
        f"/kinerja/iku/{renstra.pk}/keputusan/",
        {
            "nomor": "1/2020",
            "tanggal": "2026-01-02",
            "tentang": "IKU",
            "indikator": [dunia["a"].pk],
        },
    )
    assert r.status_code == 400
    assert "sesudah periode Renstra 2020–2024 berakhir" in r.content.decode()
    assert KeputusanIku.objects.count() == 0
    r = client.post(
        f"/kinerja/iku/{renstra.pk}/keputusan/",
        {
            "nomor": "1/2020",
            "tanggal": "2020-03-02",
            "tentang": "IKU",
            "indikator": [dunia["a"].pk],
        },
    )
    assert r.status_code == 302
    r = client.post(
        f"/kinerja/iku/manual/{dunia['a'].pk}/ubah/",
        {**LENGKAP, "definisi": "", "unit_penanggung_jawab": dunia["units"]["perencanaan"].pk},
    )
    assert r.status_code == 302
    halaman = client.get(f"/kinerja/iku/{renstra.pk}/", follow=True).content.decode()
    assert "Belum lengkap" in halaman and "definisi" in halaman
    assert (
        "Semakin tinggi semakin baik"
        in client.get(f"/kinerja/iku/manual/{dunia['a'].pk}/ubah/").content.decode()
    )


def test_staf_of_another_unit_cannot_open_the_manual_form(client, staf_lain, dunia):
    client.force_login(staf_lain)
    assert client.get(f"/kinerja/iku/manual/{dunia['a'].pk}/ubah/").status_code == 403
    r = client.post(f"/kinerja/iku/manual/{dunia['a'].pk}/ubah/", LENGKAP)
    assert r.status_code == 403
    assert ManualIndikator.objects.count() == 0


def test_api_decree_and_manual(client, staf, komisioner, dunia):
    client.force_login(komisioner)
    r = client.post(
        "/api/kinerja/manual-indikator/",
        {"indikator": dunia["a"].pk, **LENGKAP},
        content_type="application/json",
    )
    assert r.status_code == 403
    client.force_login(staf)
    body = {
        "renstra": dunia["renstra"].pk,
        "nomor": "1/2020",
        "tanggal": "2020-03-02",
        "tentang": "IKU",
        "indikator": [dunia["a"].pk, dunia["c"].pk],
    }
    r = client.post("/api/kinerja/iku/", body, content_type="application/json")
    assert r.status_code == 400
    assert r.json()["indikator"] == [
        f"Indikator {dunia['c'].kode} bukan indikator Renstra 2020–2024."
    ]
    body["indikator"] = [dunia["a"].pk]
    r = client.post("/api/kinerja/iku/", body, content_type="application/json")
    assert r.status_code == 201 and r.json()["indikator"] == [dunia["a"].pk]
    url = f"/api/kinerja/iku/{r.json()['id']}/"
    r = client.patch(
        url, {"indikator": [dunia["a"].pk, dunia["b"].pk]}, content_type="application/json"
    )
    assert r.status_code == 400 and "alasan perubahan" in r.json()["alasan_perubahan"][0]
    r = client.patch(
        url,
        {"indikator": [dunia["a"].pk, dunia["b"].pk], "alasan_perubahan": "IKU ditambah"},
        content_type="application/json",
    )
    assert r.status_code == 200 and r.json()["indikator"] == sorted([dunia["a"].pk, dunia["b"].pk])
    r = client.post(
        "/api/kinerja/manual-indikator/",
        {"indikator": dunia["b"].pk, **LENGKAP, "frekuensi": "harian"},
        content_type="application/json",
    )
    assert r.status_code == 400 and "frekuensi" in r.json()
    r = client.post(
        "/api/kinerja/manual-indikator/",
        {"indikator": dunia["b"].pk, **LENGKAP},
        content_type="application/json",
    )
    assert r.status_code == 201
    assert r.json()["kurang"] == ["unit penanggung jawab"]
    assert r.json()["aturan_capaian"].startswith("Semakin rendah semakin baik")
    assert r.json()["satuan"] == "persen"


# --------------------------------------------------------------------------- demo and the PDF


def test_demo_manual_iku_prints_every_manual_inside_its_pages(client, sekretaris):

    from tests.lkj.halaman_pdf import teks_di_luar

    demo_inti_muat()
    renstra = KeputusanIku.objects.get().renstra
    assert IkuIndikator.objects.count() == 13
    assert len(selectors_iku.iku_indikator_list(renstra=renstra)) == 13
    assert selectors_iku.manual_tidak_lengkap_list(renstra=renstra) == []
    assert not [t for t in lkj_preflight(tahun=2023) if t.jenis == "manual_iku"]
    client.force_login(sekretaris)
    halaman = client.get(f"/kinerja/iku/{renstra.pk}/manual/")
    assert halaman.status_code == 200
    assert halaman.content.decode().count("Aturan capaian") == 13
    r = client.get(f"/kinerja/iku/{renstra.pk}/manual.pdf")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert teks_di_luar(r.content, kiri_mm=28, kanan_mm=22) == []
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(r.content)) as pdf:
        teks = "\n".join(p.extract_text() or "" for p in pdf.pages)
        assert len(pdf.pages) >= 14  # the cover list, then one manual per page at least
    for nomor in range(1, 14):
        assert f"Manual IKSS {nomor}" in teks


# --------------------------------------------------------------------------- a change needs a reason


def test_changing_an_issued_decree_needs_its_reason_kept_in_history_and_audit(sekretaris, dunia):
    keputusan = _set(sekretaris, dunia)
    with pytest.raises(ValidationError) as e:
        _set(sekretaris, dunia, indikator=[dunia["a"]])
    assert "alasan perubahan" in e.value.message_dict["alasan_perubahan"][0]
    assert keputusan.baris.count() == 2  # nothing written
    _set(sekretaris, dunia)  # saved unchanged: no reason needed
    _set(sekretaris, dunia, indikator=[dunia["a"]], alasan="IKU ditinjau ulang 2022")
    assert keputusan.baris.count() == 1
    assert keputusan.history.first().history_change_reason == (
        "Keputusan IKU diubah: IKU ditinjau ulang 2022"
    )
    ct = ContentType.objects.get_for_model(KeputusanIku)
    jejak = JejakAudit.objects.filter(content_type=ct, object_id=str(keputusan.pk))
    assert (
        "Alasan perubahan: IKU ditinjau ulang 2022"
        in jejak.order_by("waktu", "pk").last().keterangan
    )


def test_decree_form_asks_the_reason_of_a_change_and_keeps_what_was_typed(client, kasubag, dunia):
    from django.urls import reverse

    _set(kasubag, dunia)
    client.force_login(kasubag)
    url = reverse("kinerja:iku_keputusan_ubah", kwargs={"renstra_pk": dunia["renstra"].pk})
    isian = {
        "nomor": "99/PL.01-Kpt/3673/2022",
        "tanggal": "2022-02-01",
        "tentang": "Perubahan IKU",
        "indikator": [dunia["a"].pk],
    }
    r = client.post(url, isian)
    assert r.status_code == 400
    body = r.content.decode()
    assert "hanya dapat diubah dengan alasan perubahan" in body and "99/PL.01-Kpt/3673/2022" in body
    assert KeputusanIku.objects.get().nomor == "12/PL.01-Kpt/3673/2020"
    r = client.post(url, isian | {"alasan_perubahan": "Keputusan pengganti"})
    assert r.status_code == 302
    assert KeputusanIku.objects.get().nomor == "99/PL.01-Kpt/3673/2022"
