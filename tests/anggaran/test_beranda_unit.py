"""The home page of the finance sub-bagian's Staf/Kasubag: the months of the working year
already over whose RPD plans a disbursement with no realisasi recorded (tests are frozen to
2 November 2026: January–October are over)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from anggaran import selectors, services
from anggaran.models import Revisi

from .factories import DokumenAnggaranFactory, pohon_kecil

pytestmark = pytest.mark.django_db


@pytest.fixture
def dipa_2026(sekretaris):
    """DIPA 2026: RPD Rp 100.000 every month but May (0); payments in January, February,
    March, June and August."""
    dokumen = DokumenAnggaranFactory(tahun=2026, nomor="SP DIPA-076.01.2.670714/2026")
    pohon = pohon_kecil(dokumen, sekretaris)
    rpd = {b: Decimal("100000") for b in range(1, 13)}
    rpd[5] = Decimal("0")
    services.rpd_set(pengguna=sekretaris, revisi=Revisi.objects.get(dokumen=dokumen), nilai=rpd)
    for n, bulan in enumerate([1, 2, 3, 6, 8]):
        services.realisasi_create(
            pengguna=sekretaris,
            akun=pohon["akun"][0],
            tanggal=date(2026, bulan, 10),
            nomor_sp2d=f"SP2D-{n}",
            nilai=Decimal("50000"),
        )
    return dokumen


def _tugas(html: str) -> dict[str, int]:
    return {
        kunci: int(jumlah.replace(".", ""))
        for kunci, jumlah in re.findall(
            r'data-tugas="([a-z_]+)".*?data-jumlah>([\d.]+)<', html, flags=re.S
        )
    }


@pytest.mark.parametrize(
    ("tahun", "bulan"), [(2026, 10), (2025, 12), (2027, 0)], ids=["kini", "lalu", "depan"]
)
def test_bulan_berlalu_counts_the_months_over(tahun, bulan):
    assert selectors.bulan_berlalu(tahun=tahun, hari_ini=date(2026, 11, 2)) == bulan


def test_rpd_tanpa_realisasi_lists_the_planned_months_without_payments(dipa_2026):
    bulan = selectors.rpd_tanpa_realisasi(dokumen=dipa_2026, sampai_bulan=10)
    assert [(r.bulan, r.nilai) for r in bulan] == [
        (4, Decimal("100000")),
        (7, Decimal("100000")),
        (9, Decimal("100000")),
        (10, Decimal("100000")),
    ]
    assert selectors.rpd_tanpa_realisasi(dokumen=dipa_2026, sampai_bulan=0) == []


def test_finance_staf_home_lists_the_months_to_enter(dipa_2026, masuk, staf_keuangan):
    html = masuk(staf_keuangan).get(reverse("beranda"), {"tahun": 2026}).content.decode()
    assert _tugas(html)["anggaran_rpd_tanpa_realisasi"] == 4
    assert "Bulan 2026 dengan rencana penarikan tanpa realisasi tercatat" in html
    for bulan in ("April 2026", "Juli 2026", "September 2026", "Oktober 2026"):
        assert bulan in html
    assert "Mei 2026" not in html  # no disbursement planned
    assert "rencana Rp 100.000" in html
    tambah = reverse("anggaran:realisasi_create", args=[dipa_2026.pk])
    assert f'href="{tambah}"' in html
    assert masuk(staf_keuangan).get(tambah).status_code == 200


def test_another_units_staf_does_not_see_the_finance_months(dipa_2026, masuk, staf):
    html = masuk(staf).get(reverse("beranda"), {"tahun": 2026}).content.decode()
    assert "anggaran_rpd_tanpa_realisasi" not in html
    assert "rencana penarikan" not in html


def test_a_locked_dipa_asks_for_nothing(dipa_2026, masuk, kasubag_keuangan, sekretaris):
    services.dokumen_lock(dokumen=dipa_2026, pengguna=sekretaris)
    html = masuk(kasubag_keuangan).get(reverse("beranda"), {"tahun": 2026}).content.decode()
    assert "anggaran_rpd_tanpa_realisasi" not in html
