"""A change reason longer than the history column (100 characters) is cut there, so the save
does not fail on PostgreSQL (SQLite would have stored it whole); the audit entry keeps it."""

from __future__ import annotations

import pytest

from kpu_site.models import JejakAudit
from sekretariat.models import UnitOrganisasi

pytestmark = pytest.mark.django_db


def test_long_change_reason_is_cut_in_history_and_whole_in_the_audit_trail():
    alasan = "Tindak lanjut tanggapan: Tidak berpengaruh – " + "klarifikasi panjang " * 6
    assert len(alasan) > 100
    unit = UnitOrganisasi(kode="uji", nama="Unit Uji", jenis="sub_bagian", urutan=9)
    unit._change_reason = alasan
    unit.save()
    riwayat = unit.history.get()
    assert len(riwayat.history_change_reason) == 100
    assert riwayat.history_change_reason == alasan[:99] + "…"
    assert JejakAudit.objects.get(objek=str(unit)).keterangan == alasan
