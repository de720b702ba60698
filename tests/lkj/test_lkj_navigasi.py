"""What a person sees around the LKj (issue 16): "Susun laporan" on the list for the working
year without a report, one status on a version page, no stale "sedang disusun" message."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from kinerja.lkj import tasks
from kinerja.lkj.models import LaporanKinerja
from kinerja.models import PerjanjianKinerja
from tests.kinerja import factories as kf

pytestmark = pytest.mark.django_db

TOMBOL_SUSUN = re.compile(
    r'<form method="post" action="/kinerja/lkj/2023/susun/">.*?'
    r'<button class="btn btn-primary" type="submit">Susun laporan</button>',
    re.S,
)


@pytest.fixture
def data_2023():
    """2023 with a Renstra indikator and a signed PK: the working year of a new session."""
    indikator = kf.IndikatorFactory(kode="IKSS 1")
    kf.TargetTahunanFactory(indikator=indikator, tahun=2023, target=Decimal("100"))
    pk = kf.PerjanjianKinerjaFactory(status=PerjanjianKinerja.Status.DITANDATANGANI)
    kf.PKBarisFactory(perjanjian=pk, indikator=indikator, target=Decimal("100"))


def _laporan(status="selesai", tahun=2023, **extra):
    laporan = LaporanKinerja(tahun=tahun, versi=1, status=status, draf=False, **extra)
    if status in ("selesai", "final"):
        laporan.berkas.save("uji.pdf", ContentFile(b"%PDF-1.4 uji"), save=False)
        laporan.sha256 = "a" * 64
    laporan.save()
    return laporan


def test_lkj_list_offers_susun_laporan_for_the_working_year_without_report(
    data_2023, masuk, sekretaris
):
    html = masuk(sekretaris).get(reverse("kinerja:lkj_list")).content.decode()
    assert "Belum ada Laporan Kinerja tahun 2023." in html
    assert TOMBOL_SUSUN.search(html)


def test_lkj_list_susun_laporan_hidden_from_roles_that_cannot_compose(
    data_2023, masuk, komisioner, auditor
):
    for user in (komisioner, auditor):
        html = masuk(user).get(reverse("kinerja:lkj_list")).content.decode()
        assert "Susun laporan" not in html and "/kinerja/lkj/2023/susun/" not in html


def test_lkj_list_no_susun_laporan_once_the_year_has_a_report(data_2023, masuk, staf):
    _laporan()
    html = masuk(staf).get(reverse("kinerja:lkj_list")).content.decode()
    assert "Susun laporan" not in html and "Belum ada Laporan Kinerja tahun 2023." not in html


def test_lkj_list_no_susun_laporan_for_a_year_without_kinerja_data(db, masuk, sekretaris):
    client = masuk(sekretaris)
    session = client.session
    session["tahun_aktif"] = 2023
    session.save()
    html = client.get(reverse("kinerja:lkj_list")).content.decode()
    assert "Susun laporan" not in html and "/kinerja/lkj/2023/susun/" not in html


@pytest.mark.parametrize(("status", "label"), [("selesai", "Selesai"), ("gagal", "Gagal")])
def test_lkj_version_page_shows_the_status_once(masuk, sekretaris, status, label):
    laporan = _laporan(status=status, tahap=label, progres=100, pesan_galat="Galat uji.")
    html = masuk(sekretaris).get(reverse("kinerja:lkj_detail", args=[laporan.pk])).content.decode()
    panel = re.search(r'id="progres-laporan"(.*?)<div class="progress"', html, re.S).group(1)
    teks = " ".join(re.sub(r"<[^>]+>", " ", panel.split(">", 1)[1]).split())
    assert teks == f"{label} 100%"


def test_lkj_request_still_running_shows_its_state_in_the_panel_not_a_flash(
    data_2023, masuk, sekretaris, monkeypatch
):
    monkeypatch.setattr(tasks.laporan_render, "delay", lambda pk: None)  # queued, not yet run
    client = masuk(sekretaris)
    response = client.post(reverse("kinerja:lkj_minta", args=[2023]), follow=True)
    html = response.content.decode()
    laporan = LaporanKinerja.objects.get(tahun=2023)
    assert laporan.draf  # the pre-flight of this small year has findings
    assert response.redirect_chain == [(reverse("kinerja:lkj_detail", args=[laporan.pk]), 302)]
    assert 'class="alert' not in html.split('id="progres-laporan"')[0]  # no flash message
    assert "LKj 2023 versi 1 sedang disusun sebagai DRAF. Halaman ini diperbarui sendiri." in html
    # Once the worker has finished, the same page (reloaded by htmx) says nothing of it.
    LaporanKinerja.objects.filter(pk=laporan.pk).update(status="selesai", tahap="Selesai")
    html = client.get(reverse("kinerja:lkj_detail", args=[laporan.pk])).content.decode()
    assert "sedang disusun" not in html


@pytest.mark.django_db(transaction=True)
def test_lkj_request_rendered_in_process_says_selesai_disusun(
    data_2023, masuk, sekretaris, monkeypatch
):
    """Without a broker the render runs when the request's block commits (a real commit here,
    not the test's wrapping transaction): the message says it is finished."""

    def selesai(pk):  # the render, done in-process before the redirect
        LaporanKinerja.objects.filter(pk=pk).update(status="selesai", progres=100, tahap="Selesai")

    monkeypatch.setattr(tasks.laporan_render, "delay", selesai)
    response = masuk(sekretaris).post(reverse("kinerja:lkj_minta", args=[2023]), follow=True)
    html = response.content.decode()
    assert "LKj 2023 versi 1 selesai disusun sebagai DRAF." in html
    assert "sedang disusun" not in html
