"""The year-lock form of Pengaturan Capaian is rendered bare in one row (no <label>): each
field still has a name for a screen reader (axe rules label and select-name)."""

from __future__ import annotations

from kinerja.forms import KunciTahunForm


def test_year_lock_fields_are_named():
    form = KunciTahunForm()
    assert 'aria-label="Tahun"' in str(form["tahun"])
    assert 'aria-label="Aksi"' in str(form["aksi"])
    assert 'aria-label="Keterangan"' in str(form["keterangan"])
