"""The budget tree page renders its lines once per content: a second request formats no
line again, and any change to what a line shows (a realisasi, a revision, a line's text
edited even outside the services, as the admin does) is shown at once."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import reverse

from anggaran import services
from anggaran.models import Pos
from kpu_site.templatetags import format_id

from .factories import DokumenAnggaranFactory, pohon_kecil

pytestmark = pytest.mark.django_db


@pytest.fixture
def dipa(sekretaris):
    dokumen = DokumenAnggaranFactory()
    dokumen.pohon = pohon_kecil(
        dokumen, sekretaris, pagu_akun=(Decimal("100000000"), Decimal("500000"))
    )
    return dokumen


def _tabel(response) -> str:
    html = response.content.decode()
    return re.search(r'<table[^>]*id="pohon".*?</table>', html, re.S).group(0)


def _tanpa_cache(client, url, **params) -> str:
    """The table rendered from nothing (what the page showed before it was cached)."""
    cache.clear()
    return _tabel(client.get(url, params))


@pytest.fixture
def hitung_rupiah(monkeypatch):
    """How many amounts the page formats (the ``rupiah`` filter's calls)."""
    panggil = []
    asli = format_id.rupiah

    def rupiah(value, desimal=None):
        panggil.append(value)
        return asli(value, desimal)

    monkeypatch.setitem(format_id.register.filters, "rupiah", rupiah)
    # templates compiled before the patch hold the old function: recompile
    from django.template import engines

    for loader in engines["django"].engine.template_loaders:
        loader.reset()
    return panggil


def test_tree_lines_are_formatted_once_then_served_until_they_change(
    dipa, staf_keuangan, komisioner, masuk, hitung_rupiah
):
    client = masuk(staf_keuangan)
    url = reverse("anggaran:dokumen_detail", args=[dipa.pk])
    pertama = client.get(url)
    n_baris = pertama.content.count(b'class="tree-row"')
    assert n_baris == 10
    assert len(hitung_rupiah) >= 3 * n_baris  # pagu, realisasi, sisa (and harga) per line
    hitung_rupiah.clear()
    kedua = client.get(url)
    # the totals only (cards and footer): no line formatted again
    assert len(hitung_rupiah) < n_baris
    assert _tabel(kedua) == _tabel(pertama)
    # another user (no write rights) sees the same lines
    assert _tabel(masuk(komisioner).get(url)) == _tabel(pertama)
    assert _tabel(pertama) == _tanpa_cache(client, url)


def test_tree_page_shows_every_change_at_once(dipa, staf_keuangan, sekretaris, masuk):
    client = masuk(staf_keuangan)
    url = reverse("anggaran:dokumen_detail", args=[dipa.pk])
    awal = _tabel(client.get(url))
    assert "Rp 1.234.567" not in awal

    akun = dipa.pohon["akun"][0]
    services.realisasi_create(
        pengguna=staf_keuangan,
        akun=akun,
        tanggal=date(2023, 3, 5),
        nomor_sp2d="00001/SP2D/2023",
        nilai=Decimal("1234567"),
    )
    setelah_realisasi = _tabel(client.get(url))
    assert setelah_realisasi.count("Rp 1.234.567") >= 2  # the akun and every line above it
    assert setelah_realisasi == _tanpa_cache(client, url)

    # a line's text edited outside the services (the admin)
    client.get(url)
    Pos.objects.filter(pk=akun.pk).update(uraian="Belanja honor diubah di admin")
    diubah = _tabel(client.get(url))
    assert "Belanja honor diubah di admin" in diubah
    assert diubah == _tanpa_cache(client, url)

    # a new revision's pagu; the earlier revision still shows its own figures
    client.get(url)
    detail = Pos.objects.get(induk=akun, tingkat=Pos.Tingkat.DETAIL)
    services.revisi_create(
        pengguna=sekretaris,
        dokumen=dipa,
        tanggal=date(2023, 6, 1),
        alasan="Revisi uji",
        perubahan=[
            services.PerubahanPagu(pos=detail, volume=Decimal("2"), harga=Decimal("60000000"))
        ],
        rpd={},
    )
    revisi = _tabel(client.get(url))
    assert "Rp 120.000.000" in revisi and revisi == _tanpa_cache(client, url)
    client.get(url)
    assert _tabel(client.get(url, {"revisi": 0})) == _tanpa_cache(client, url, revisi=0)

    # the depth chosen is part of what is cached
    client.get(url)
    assert _tabel(client.get(url, {"kedalaman": 1})).count('class="tree-row"') == 2
