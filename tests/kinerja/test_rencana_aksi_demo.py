"""The demo's Rencana Aksi 2023 and its four signed quarterly monitoring reports."""

from __future__ import annotations

import pytest

from kinerja.models import MonitoringRencanaAksi, RencanaAksi
from kinerja.selectors import capaian_tahun_list
from kinerja.selectors_rencana_aksi import monitoring_baris_hitung, monitoring_berlaku
from tests.conftest import demo_inti_muat


@pytest.mark.django_db
def test_demo_tw4_monitoring_agrees_with_the_year_realisasi_to_the_hundredth():
    demo_inti_muat()
    demo_inti_muat()  # idempotent
    assert RencanaAksi.objects.filter(baris__perjanjian__tahun=2023).count() == 13
    assert MonitoringRencanaAksi.objects.filter(tahun=2023, status="ditandatangani").count() == 4
    tahunan = {b.indikator.kode: b for b in capaian_tahun_list(tahun=2023)}
    monitoring = monitoring_berlaku(tahun=2023, triwulan="tw4")
    baris = monitoring_baris_hitung(tahun=2023, triwulan="tw4", monitoring=monitoring)
    assert len(baris) == 13
    for b in baris:
        t = tahunan[b.indikator.kode]
        assert b.lengkap, b.indikator.kode
        assert round(b.realisasi, 2) == round(t.realisasi, 2), b.indikator.kode
        assert round(b.target, 2) == round(t.target.nilai, 2), b.indikator.kode
        assert b.hasil.dibulatkan() == t.hasil.dibulatkan(), b.indikator.kode
