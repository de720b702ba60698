"""The Rencana Aksi pages read a fixed number of queries, whatever the number of PK lines,
actions and monitoring lines (no query per row)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.models import MonitoringBaris, MonitoringRencanaAksi, PerjanjianKinerja, Realisasi
from kinerja.services import rencana_aksi as ra

from .factories import IndikatorFactory, PerjanjianKinerjaFactory, PKBarisFactory, SasaranFactory

D = Decimal


def _pk(unit_demo, sekretaris, n: int):
    """A signed PK 2023 with ``n`` lines over two units, each with a Rencana Aksi of two
    actions and a verified TW I realisasi, and a draft TW I monitoring."""
    perjanjian = PerjanjianKinerjaFactory(status=PerjanjianKinerja.Status.DITANDATANGANI)
    for i in range(n):
        unit = unit_demo["perencanaan" if i % 2 else "keuangan"]
        ind = IndikatorFactory(kode=f"IK {i}", sasaran=SasaranFactory(unit=unit))
        baris = PKBarisFactory(perjanjian=perjanjian, indikator=ind, target=D("90"))
        rencana = ra.rencana_aksi_simpan(baris=baris, pengguna=sekretaris, target_tw1="20")
        for tw in ("tw1", "tw2"):
            ra.aksi_tambah(rencana=rencana, pengguna=sekretaris, triwulan=tw, uraian=f"Aksi {tw}")
        Realisasi.objects.create(
            indikator=ind, tahun=2023, periode="tw1", nilai=D("40"), status="diverifikasi"
        )
    ra.monitoring_buat(tahun=2023, triwulan="tw1", pengguna=sekretaris)
    return perjanjian


def _kueri(client, url) -> int:
    client.get(url)  # warm the per-process caches (settings, permissions) first
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        reverse("kinerja:rencana_aksi", args=[2023]),
        reverse("kinerja:monitoring_ra", args=[2023, "tw1"]),
    ],
)
@pytest.mark.parametrize("pengguna", ["sekretaris", "kasubag"])
def test_rencana_aksi_pages_queries_do_not_grow_with_lines(
    url, pengguna, unit_demo, client, sekretaris, kasubag, request
):
    _pk(unit_demo, sekretaris, 1)
    client.force_login(request.getfixturevalue(pengguna))
    satu = _kueri(client, url)
    perjanjian = PerjanjianKinerja.objects.get()
    # more lines, actions and monitoring lines on the same PK and report
    monitoring = MonitoringRencanaAksi.objects.get()
    for i in range(1, 8):
        unit = unit_demo["perencanaan" if i % 2 else "keuangan"]
        ind = IndikatorFactory(kode=f"IK X{i}", sasaran=SasaranFactory(unit=unit))
        baris = PKBarisFactory(perjanjian=perjanjian, indikator=ind, target=D("90"))
        rencana = ra.rencana_aksi_simpan(baris=baris, pengguna=sekretaris, target_tw1="20")
        ra.aksi_tambah(rencana=rencana, pengguna=sekretaris, triwulan="tw1", uraian="Aksi")
        Realisasi.objects.create(
            indikator=ind, tahun=2023, periode="tw1", nilai=D("40"), status="diverifikasi"
        )
        MonitoringBaris.objects.create(monitoring=monitoring, indikator=ind)
    assert _kueri(client, url) == satu


def test_rencana_aksi_line_form_queries_do_not_grow_with_actions(unit_demo, client, sekretaris):
    perjanjian = _pk(unit_demo, sekretaris, 1)
    baris = perjanjian.baris.get()
    url = reverse("kinerja:rencana_aksi_baris", args=[baris.pk])
    client.force_login(sekretaris)
    satu = _kueri(client, url)
    for _ in range(8):
        ra.aksi_tambah(rencana=baris.rencana_aksi, pengguna=sekretaris, triwulan="tw3", uraian="A")
    assert _kueri(client, url) == satu
