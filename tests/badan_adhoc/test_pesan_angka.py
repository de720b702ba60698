"""Counts in messages are in the Indonesian format and codes are labels (issue 16, "Words a
person understands"): the screening's message and audit summary say "14.803 pendaftar, 12.253
MS" (the PAW and score-import summaries: tests/badan_adhoc/test_penetapan.py)."""

from __future__ import annotations

from django.contrib.messages import get_messages
from django.urls import reverse

from kpu_site.models import JejakAudit

RINGKASAN = {"jumlah": 14803, "ms": 12253, "tms": 2550, "alasan": {}, "peringatan": {}}


def test_screening_message_and_audit_use_indonesian_thousands(
    masuk, rekrutmen_kpps, staf_teknis, monkeypatch
):
    monkeypatch.setattr("badan_adhoc.services.seleksi.seleksi_ringkasan", lambda r: RINGKASAN)
    client = masuk(staf_teknis)
    r = client.post(reverse("badan_adhoc:rekrutmen_seleksi", args=[rekrutmen_kpps.pk]))
    assert r.status_code == 302
    assert [str(m) for m in get_messages(r.wsgi_request)] == [
        "Seleksi administrasi selesai: 14.803 pendaftar, 12.253 MS, 2.550 TMS."
    ]
    jejak = JejakAudit.objects.filter(aksi="alur").latest("pk")
    assert jejak.keterangan == "Seleksi administrasi: 14.803 pendaftar, 12.253 MS, 2.550 TMS"
    html = client.get(reverse("audit_list")).content.decode()
    assert "14803" not in html
