"""The HTML forms of the Rencana Aksi and its quarterly monitoring: each form's success
changes the data and writes the audit trail; each bad input comes back at its field with what
was typed and writes nothing; a Kasubag of another unit is refused; Komisioner and Auditor see
no buttons (``rencana_aksi_aksi_boleh``, ``monitoring_aksi_boleh`` decide them)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.models import (
    AksiRencana,
    MonitoringRencanaAksi,
    PerjanjianKinerja,
    Realisasi,
    RencanaAksi,
)
from kinerja.services import rencana_aksi as ra
from kpu_site.models import JejakAudit

from .factories import IndikatorFactory, PerjanjianKinerjaFactory, PKBarisFactory, SasaranFactory

D = Decimal


@pytest.fixture
def pk(unit_demo):
    """A signed PK 2023 with one line of Perencanaan (IK P) and one of Keuangan (IK K)."""
    perjanjian = PerjanjianKinerjaFactory(status=PerjanjianKinerja.Status.DITANDATANGANI)
    for kode, unit in (("IK P", "perencanaan"), ("IK K", "keuangan")):
        ind = IndikatorFactory(kode=kode, sasaran=SasaranFactory(unit=unit_demo[unit]))
        PKBarisFactory(perjanjian=perjanjian, indikator=ind, target=D("90"))
    return perjanjian


def _baris(pk, kode):
    return pk.baris.get(indikator__kode=kode)


def _jejak(obj, aksi) -> int:
    """Audit entries of the service (its summary names the object) for ``obj``."""
    return (
        JejakAudit.objects.filter(
            aksi=aksi, object_id=str(obj.pk), content_type__model=obj._meta.model_name
        )
        .exclude(keterangan="")
        .count()
    )


def galat_di_field(html: str, field: str) -> str:
    """The error shown under ``field`` (its input marked invalid), '' when none."""
    m = re.search(rf'<(?:input|textarea|select)[^>]*id="id_{field}"[^>]*>', html)
    assert m, f"field {field} not on the page"
    if "is-invalid" not in m.group(0):
        return ""
    sisa = html[m.end() :].split('<div class="mb-3">', 1)[0]
    return " ".join(re.findall(r'<div class="invalid-feedback d-block">(.*?)</div>', sisa))


def _verifikasi_semua(pk, periode="tw1"):
    for b in pk.baris.all():
        Realisasi.objects.create(
            indikator=b.indikator, tahun=2023, periode=periode, nilai=D("40"), status="diverifikasi"
        )


# --------------------------------------------------------------------------- Rencana Aksi


def test_rencana_aksi_form_saves_targets_and_unit(pk, client, kasubag):
    client.force_login(kasubag)
    baris = _baris(pk, "IK P")
    url = reverse("kinerja:rencana_aksi_baris", args=[baris.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"unit": "", "target_tw1": "20", "target_tw4": "90,5"})
    assert response.status_code == 302
    rencana = RencanaAksi.objects.get(baris=baris)
    assert (rencana.unit.kode, rencana.target_tw1, rencana.target_tw2, rencana.target_tw4) == (
        "perencanaan",
        D("20"),
        None,
        D("90.5"),
    )
    assert _jejak(rencana, "buat") == 1
    # the form opens again with the stored figures as typed
    assert 'value="90,5"' in client.get(url).content.decode()


def test_rencana_aksi_form_bad_target_at_field_nothing_written(pk, client, kasubag):
    client.force_login(kasubag)
    url = reverse("kinerja:rencana_aksi_baris", args=[_baris(pk, "IK P").pk])
    jejak = JejakAudit.objects.count()
    response = client.post(url, {"target_tw1": "20", "target_tw2": "dua puluh"})
    assert response.status_code == 400
    html = response.content.decode()
    assert galat_di_field(html, "target_tw2") == "Target TW II &#x27;dua puluh&#x27; bukan angka."
    assert galat_di_field(html, "target_tw1") == ""
    assert 'value="dua puluh"' in html and 'value="20"' in html
    assert RencanaAksi.objects.count() == 0
    assert JejakAudit.objects.count() == jejak


def test_rencana_aksi_form_refuses_kasubag_of_another_unit(pk, client, kasubag_keuangan):
    client.force_login(kasubag_keuangan)
    url = reverse("kinerja:rencana_aksi_baris", args=[_baris(pk, "IK P").pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"target_tw1": "20"}).status_code == 403
    assert RencanaAksi.objects.count() == 0
    # their own line is open to them
    url_k = reverse("kinerja:rencana_aksi_baris", args=[_baris(pk, "IK K").pk])
    assert client.get(url_k).status_code == 200
    # the Rencana Aksi page offers them their own line only
    halaman = client.get(reverse("kinerja:rencana_aksi", args=[2023])).content.decode()
    assert url_k in halaman and url not in halaman


def test_rencana_aksi_form_offers_a_kasubag_only_their_unit(
    pk, client, kasubag_keuangan, unit_demo
):
    """A Kasubag cannot hand a line to another sub-bagian (the service refuses it): the form
    offers only their own, and another one posted comes back at the field, nothing written."""
    client.force_login(kasubag_keuangan)
    url = reverse("kinerja:rencana_aksi_baris", args=[_baris(pk, "IK K").pk])
    html = client.get(url).content.decode()
    pilihan = re.search(r'<select[^>]*id="id_unit"[^>]*>(.*?)</select>', html, re.S).group(1)
    assert re.findall(r'<option value="(\d+)"', pilihan) == [str(unit_demo["keuangan"].pk)]
    response = client.post(url, {"unit": unit_demo["perencanaan"].pk, "target_tw1": "20"})
    assert response.status_code == 400
    assert "Masukkan pilihan yang valid" in galat_di_field(response.content.decode(), "unit")
    assert RencanaAksi.objects.count() == 0


def test_aksi_tambah_and_hapus(pk, client, kasubag):
    client.force_login(kasubag)
    baris = _baris(pk, "IK P")
    rencana = ra.rencana_aksi_simpan(baris=baris, pengguna=kasubag)
    url = reverse("kinerja:rencana_aksi_aksi_tambah", args=[rencana.pk])
    response = client.post(url, {"triwulan": "tw2", "uraian": "Rapat evaluasi"})
    assert response.status_code == 302
    aksi = AksiRencana.objects.get(rencana=rencana)
    assert (aksi.triwulan, aksi.uraian) == ("tw2", "Rapat evaluasi")
    assert _jejak(aksi, "buat") == 1
    halaman = client.get(reverse("kinerja:rencana_aksi_baris", args=[baris.pk])).content.decode()
    assert "TW II: Rapat evaluasi" in halaman
    assert reverse("kinerja:rencana_aksi_aksi_hapus", args=[aksi.pk]) in halaman
    response = client.post(reverse("kinerja:rencana_aksi_aksi_hapus", args=[aksi.pk]))
    assert response.status_code == 302
    assert not AksiRencana.objects.exists()
    assert _jejak(aksi, "hapus") == 1


def test_aksi_tambah_bad_input_at_field(pk, client, kasubag):
    client.force_login(kasubag)
    rencana = ra.rencana_aksi_simpan(baris=_baris(pk, "IK P"), pengguna=kasubag)
    url = reverse("kinerja:rencana_aksi_aksi_tambah", args=[rencana.pk])
    response = client.post(url, {"triwulan": "tw3", "uraian": "   "})
    assert response.status_code == 400
    html = response.content.decode()
    assert galat_di_field(html, "uraian") == "Uraian aksi wajib diisi."
    assert re.search(r'<option value="tw3" selected>', html)
    response = client.post(url, {"triwulan": "tw5", "uraian": "Rapat"})
    assert response.status_code == 400
    assert "tw5" in galat_di_field(response.content.decode(), "triwulan")
    assert not AksiRencana.objects.exists()


def test_aksi_forms_refuse_kasubag_of_another_unit(pk, client, kasubag, kasubag_keuangan):
    rencana = ra.rencana_aksi_simpan(baris=_baris(pk, "IK P"), pengguna=kasubag)
    aksi = ra.aksi_tambah(rencana=rencana, pengguna=kasubag, triwulan="tw1", uraian="Rapat")
    client.force_login(kasubag_keuangan)
    url = reverse("kinerja:rencana_aksi_aksi_tambah", args=[rencana.pk])
    assert client.post(url, {"triwulan": "tw2", "uraian": "X"}).status_code == 403
    assert (
        client.post(reverse("kinerja:rencana_aksi_aksi_hapus", args=[aksi.pk])).status_code == 403
    )
    assert list(AksiRencana.objects.values_list("uraian", flat=True)) == ["Rapat"]


# --------------------------------------------------------------------------- monitoring


def test_monitoring_buat_from_the_page(pk, client, sekretaris):
    client.force_login(sekretaris)
    url = reverse("kinerja:monitoring_ra_buat", args=[2023, "tw1"])
    halaman = client.get(reverse("kinerja:monitoring_ra", args=[2023, "tw1"])).content.decode()
    assert url in halaman
    response = client.post(url, follow=True)
    monitoring = MonitoringRencanaAksi.objects.get()
    assert (monitoring.tahun, monitoring.triwulan, monitoring.baris.count()) == (2023, "tw1", 2)
    assert _jejak(monitoring, "buat") == 1
    assert "Monitoring rencana aksi TW I 2023 dibuat sebagai draft." in response.content.decode()
    # a second one is refused with the service's message, nothing written
    response = client.post(url, follow=True)
    assert "Monitoring TW I 2023 sudah ada; ubah draftnya" in response.content.decode()
    assert MonitoringRencanaAksi.objects.count() == 1
    assert client.post(reverse("kinerja:monitoring_ra_buat", args=[2023, "tw5"])).status_code == 404


def test_monitoring_baris_form(pk, client, sekretaris, kasubag, kasubag_keuangan):
    monitoring = ra.monitoring_buat(tahun=2023, triwulan="tw1", pengguna=sekretaris)
    mb = monitoring.baris.get(indikator__kode="IK P")
    url = reverse("kinerja:monitoring_ra_baris_ubah", args=[mb.pk])
    client.force_login(kasubag_keuangan)
    assert client.get(url).status_code == 403
    assert client.post(url, {"kendala": "X"}).status_code == 403
    # the Kasubag of Keuangan is offered their own line only
    halaman = client.get(reverse("kinerja:monitoring_ra", args=[2023, "tw1"])).content.decode()
    own = monitoring.baris.get(indikator__kode="IK K")
    assert reverse("kinerja:monitoring_ra_baris_ubah", args=[own.pk]) in halaman
    assert url not in halaman
    client.force_login(kasubag)  # Perencanaan keeps every line
    response = client.post(url, {"aksi_terlaksana": "Rapat", "kendala": "a\x00b"})
    assert response.status_code == 400
    html = response.content.decode()
    assert galat_di_field(html, "kendala") == "Karakter null tidak diizinkan."
    assert "Rapat</textarea>" in html
    mb.refresh_from_db()
    assert (mb.aksi_terlaksana, mb.kendala) == ("", "")
    response = client.post(
        url, {"aksi_terlaksana": "Rapat", "kendala": "Data terlambat", "tindak_lanjut": "Surat"}
    )
    assert response.status_code == 302
    mb.refresh_from_db()
    assert (mb.aksi_terlaksana, mb.kendala, mb.tindak_lanjut) == (
        "Rapat",
        "Data terlambat",
        "Surat",
    )
    assert _jejak(mb, "ubah") == 1


def test_monitoring_tandatangani_sekretaris_only(pk, client, sekretaris, kasubag):
    monitoring = ra.monitoring_buat(tahun=2023, triwulan="tw1", pengguna=sekretaris)
    url = reverse("kinerja:monitoring_ra_tandatangani", args=[monitoring.pk])
    halaman = reverse("kinerja:monitoring_ra", args=[2023, "tw1"])
    client.force_login(kasubag)
    assert url not in client.get(halaman).content.decode()
    assert client.post(url).status_code == 403
    client.force_login(sekretaris)
    assert url in client.get(halaman).content.decode()
    # not verified yet: refused with the service's message, nothing changed
    response = client.post(url, follow=True)
    assert "belum lengkap: realisasi TW I IK P, IK K belum diisi" in response.content.decode()
    monitoring.refresh_from_db()
    assert monitoring.status == "draft"
    _verifikasi_semua(pk)
    assert client.post(url).status_code == 302
    monitoring.refresh_from_db()
    assert monitoring.status == "ditandatangani"
    assert _jejak(monitoring, "alur") == 1


def test_monitoring_perubahan_form(pk, client, sekretaris, kasubag):
    _verifikasi_semua(pk)
    monitoring = ra.monitoring_buat(tahun=2023, triwulan="tw1", pengguna=sekretaris)
    ra.monitoring_tandatangani(monitoring=monitoring, pengguna=sekretaris)
    url = reverse("kinerja:monitoring_ra_perubahan", args=[monitoring.pk])
    client.force_login(kasubag)
    halaman = client.get(reverse("kinerja:monitoring_ra", args=[2023, "tw1"])).content.decode()
    assert url in halaman
    response = client.post(url, {"alasan_perubahan": "  "})
    assert response.status_code == 400
    assert (
        galat_di_field(response.content.decode(), "alasan_perubahan")
        == "Alasan perubahan monitoring wajib diisi."
    )
    assert MonitoringRencanaAksi.objects.count() == 1
    assert client.post(url, {"alasan_perubahan": "Koreksi data"}).status_code == 302
    baru = MonitoringRencanaAksi.objects.get(revisi=1)
    assert (baru.status, baru.alasan_perubahan, baru.baris.count()) == ("draft", "Koreksi data", 2)
    assert _jejak(baru, "buat") == 1
    # now a draft revision exists: no second "Buat perubahan", its lines are offered instead
    halaman = client.get(reverse("kinerja:monitoring_ra", args=[2023, "tw1"])).content.decode()
    assert url not in halaman
    mb = baru.baris.get(indikator__kode="IK P")
    assert reverse("kinerja:monitoring_ra_baris_ubah", args=[mb.pk]) in halaman


# --------------------------------------------------------------------------- buttons


def test_komisioner_and_auditor_see_no_buttons(pk, client, sekretaris, komisioner, auditor):
    rencana = ra.rencana_aksi_simpan(baris=_baris(pk, "IK P"), pengguna=sekretaris)
    draft = ra.monitoring_buat(tahun=2023, triwulan="tw2", pengguna=sekretaris)
    for user in (komisioner, auditor):
        assert (
            ra.rencana_aksi_aksi_boleh(perjanjian=pk, unit=rencana.unit, pengguna=user)
            == frozenset()
        )
        for _tw, m in (("tw1", None), ("tw2", draft)):
            assert (
                ra.monitoring_aksi_boleh(
                    tahun=2023, monitoring=m, pengguna=user, ada_perjanjian=True
                )
                == frozenset()
            )
        client.force_login(user)
        html = client.get(reverse("kinerja:rencana_aksi", args=[2023])).content.decode()
        assert "rencana-aksi/baris/" not in html and "<form" not in html.split("<article")[1]
        for tw in ("tw1", "tw2"):
            html = client.get(reverse("kinerja:monitoring_ra", args=[2023, tw])).content.decode()
            page = html.split("<article", 1)[1]
            assert "<form" not in page and "/perubahan/" not in page, (user, tw)
        url = reverse("kinerja:rencana_aksi_baris", args=[_baris(pk, "IK P").pk])
        assert client.get(url).status_code == 403


def test_buttons_follow_aksi_boleh(pk, sekretaris, kasubag, staf_keuangan):
    """Sekretaris: every line, create/sign; Kasubag Perencanaan (perencana): every line, no
    signing; a Staf of Keuangan: nothing."""
    assert ra.rencana_aksi_aksi_boleh(perjanjian=pk, unit=None, pengguna=sekretaris) == {"ubah"}
    assert ra.monitoring_aksi_boleh(
        tahun=2023, monitoring=None, pengguna=kasubag, ada_perjanjian=True
    ) == {"buat"}
    draft = ra.monitoring_buat(tahun=2023, triwulan="tw1", pengguna=sekretaris)
    assert ra.monitoring_aksi_boleh(
        tahun=2023, monitoring=draft, pengguna=sekretaris, ada_perjanjian=True
    ) == {"ubah", "tandatangani"}
    assert ra.monitoring_aksi_boleh(
        tahun=2023, monitoring=draft, pengguna=kasubag, ada_perjanjian=True
    ) == {"ubah"}
    k = _baris(pk, "IK K").indikator.sasaran.unit
    assert ra.rencana_aksi_aksi_boleh(perjanjian=pk, unit=k, pengguna=staf_keuangan) == frozenset()
    mb = draft.baris.get(indikator__kode="IK K")
    assert not ra.monitoring_baris_boleh(baris=mb, pengguna=staf_keuangan)


# --------------------------------------------------------------------------- menu


def test_menu_reaches_the_iku_and_rencana_aksi_pages(pk, client, komisioner, auditor, kasubag):
    from kpu_site.navigasi import menu_for

    renstra = _baris(pk, "IK P").indikator.sasaran.tujuan.renstra
    for user in (komisioner, auditor, kasubag):
        item = {i["label"]: i["url"] for b in menu_for(user) for i in b["items"]}
        assert item["IKU dan Manual IKU"] == reverse("kinerja:iku_index")
        assert item["Rencana Aksi"] == reverse("kinerja:rencana_aksi_index")
        client.force_login(user)
        beranda = client.get("/").content.decode()
        assert f'href="{reverse("kinerja:rencana_aksi_index")}"' in beranda
        response = client.get(reverse("kinerja:iku_index"), follow=True)
        assert response.redirect_chain[-1][0] == reverse("kinerja:iku_detail", args=[renstra.pk])
        assert response.status_code == 200
        response = client.get(reverse("kinerja:rencana_aksi_index"), follow=True)
        assert response.redirect_chain[-1][0] == reverse("kinerja:rencana_aksi", args=[2023])
        assert response.status_code == 200
