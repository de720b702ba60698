"""Simultaneous saves of one DIPA (issue 14, item 3): through the page both saves go through
one after the other (no version check on the DIPA data: the later one stands), never a 500;
a save that cannot get the lock in time is asked to be sent again, with what was typed kept."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from anggaran.models import DokumenAnggaran
from kpu_site.konkuren import PESAN_SIBUK
from kpu_site.peran import Peran
from tests.konkuren import basis_data_berkas, kunci_ditahan, serentak

from .factories import DokumenAnggaranFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _isian(uraian: str) -> dict:
    return {"nomor": "SP DIPA-076.01.2.670710/2023", "tanggal": "2022-11-30", "uraian": uraian}


def test_dipa_simultaneous_page_saves_both_go_through(pengguna_buat, tmp_path):
    penulis = [
        pengguna_buat("eka.kasubag", Peran.KASUBAG, "keuangan"),
        pengguna_buat("fajar.staf", Peran.STAF, "keuangan"),
        pengguna_buat("gita.staf", Peran.STAF, "keuangan"),
    ]
    with basis_data_berkas(tmp_path):
        dokumen = DokumenAnggaranFactory()
        url = reverse("anggaran:dokumen_update", args=[dokumen.pk])
        klien = []
        for user in penulis:
            c = Client(raise_request_exception=False)
            c.force_login(user)
            klien.append(c)
        assert klien[0].get(url).status_code == 200  # allowed to edit the DIPA
        dikirim = [f"DIPA diubah oleh penulis {i}" for i in range(len(klien))]
        hasil = serentak(len(klien), lambda i: klien[i].post(url, _isian(dikirim[i])))
        status = [h if isinstance(h, Exception) else h.status_code for h in hasil]
        assert status == [302] * len(klien)
        dokumen.refresh_from_db()
        assert dokumen.uraian in dikirim
        riwayat = list(dokumen.history.order_by("history_id"))
        assert len(riwayat) == 1 + len(klien)
        assert riwayat[-1].uraian == dokumen.uraian
        assert {h.uraian for h in riwayat[1:]} == set(dikirim)


def test_dipa_page_save_while_lock_held_asks_to_save_again(sekretaris, tmp_path):
    with basis_data_berkas(tmp_path):
        dokumen = DokumenAnggaranFactory()
        uraian_awal = dokumen.uraian
        c = Client(raise_request_exception=False)
        c.force_login(sekretaris)
        url = reverse("anggaran:dokumen_update", args=[dokumen.pk])
        assert c.get(url).status_code == 200
        with kunci_ditahan(dokumen):
            response = c.post(url, _isian("Uraian yang saya ketik"))
        body = response.content.decode()
        assert response.status_code == 200
        assert PESAN_SIBUK in body and "Uraian yang saya ketik" in body
        assert DokumenAnggaran.objects.get(pk=dokumen.pk).uraian == uraian_awal
        assert dokumen.history.count() == 1

        assert c.post(url, _isian("Uraian yang saya ketik")).status_code == 302
        dokumen.refresh_from_db()
        assert (dokumen.uraian, dokumen.tanggal) == ("Uraian yang saya ketik", date(2022, 11, 30))
