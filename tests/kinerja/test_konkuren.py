"""Simultaneous saves of one realisasi row (issue 14, item 3): through the form and the API,
each save either succeeds or gets the "sudah diubah oleh … pada …" message — never a 500,
on SQLite (file database, as served) and on PostgreSQL. A save that cannot get the lock in
time is asked to be sent again (form error, message, API 503 with Retry-After)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from kinerja.models import Realisasi
from kinerja.selectors import pengaturan_capaian_get
from kpu_site.formatting import tanggal
from kpu_site.konkuren import PESAN_SIBUK
from kpu_site.models import JejakAudit
from kpu_site.peran import Peran
from tests.konkuren import basis_data_berkas, kunci_ditahan, serentak

from .factories import IndikatorFactory, RealisasiFactory, SasaranFactory, TargetTahunanFactory

pytestmark = pytest.mark.django_db(transaction=True)

PUTARAN = 3  # rounds of simultaneous saves, each starting from the version the row has then


@pytest.fixture
def penginput(pengguna_buat):
    """Four users allowed to fill in the realisasi of Sub Bagian Perencanaan."""
    return [
        pengguna_buat("ani.staf", Peran.STAF, "perencanaan"),
        pengguna_buat("budi.staf", Peran.STAF, "perencanaan"),
        pengguna_buat("citra.staf", Peran.STAF, "perencanaan"),
        pengguna_buat("dedi.kasubag", Peran.KASUBAG, "perencanaan"),
    ]


@pytest.fixture
def indikator(unit_demo):
    ind = IndikatorFactory(sasaran=SasaranFactory(unit=unit_demo["perencanaan"]))
    TargetTahunanFactory(indikator=ind, tahun=2024, target=Decimal("90"))
    return ind


def _simpan_form(client: Client, indikator, nilai: str, versi: int):
    url = reverse(
        "kinerja:realisasi_isi",
        kwargs={"tahun": 2024, "indikator_pk": indikator.pk, "periode": "tahunan"},
    )
    response = client.post(url, {"nilai": nilai, "versi": str(versi)})
    return response, response.status_code == 302, 400


def _simpan_api(client: Client, indikator, nilai: str, versi: int):
    body = {
        "indikator": indikator.pk,
        "tahun": 2024,
        "periode": "tahunan",
        "nilai": nilai,
        "versi": versi,
    }
    response = client.post("/api/kinerja/realisasi/", body, content_type="application/json")
    return response, response.status_code == 201, 400


@pytest.mark.parametrize("simpan", [_simpan_form, _simpan_api], ids=["form", "api"])
def test_realisasi_simultaneous_saves_succeed_once_or_name_who_saved(
    simpan, indikator, penginput, tmp_path
):
    with basis_data_berkas(tmp_path):
        klien = []
        for user in penginput:
            c = Client(raise_request_exception=False)
            c.force_login(user)
            klien.append(c)
        simpan(klien[0], indikator, "50", 0)
        realisasi = Realisasi.objects.get(indikator=indikator, tahun=2024, periode="tahunan")
        disimpan = {realisasi.nilai}
        for putaran in range(PUTARAN):
            versi = realisasi.versi
            dikirim = [Decimal(f"6{putaran}.{i}") for i in range(len(klien))]
            hasil = serentak(
                len(klien),
                lambda i, d=dikirim, v=versi: simpan(klien[i], indikator, str(d[i]), v),
            )
            realisasi.refresh_from_db()
            pemenang = str(realisasi.diubah_oleh)
            pesan = (
                f"sudah diubah oleh {pemenang} pada {tanggal(realisasi.diubah_pada, True)} "
                "setelah Anda membukanya"
            )
            status = [h if isinstance(h, Exception) else h[0].status_code for h in hasil]
            assert not any(isinstance(h, Exception) for h in hasil), status
            assert 500 not in status, status
            berhasil = [i for i, h in enumerate(hasil) if h[1]]
            assert len(berhasil) == 1, status  # the saves ran one after the other
            for response, ok, kode_konflik in hasil:
                if not ok:
                    assert response.status_code == kode_konflik, status
                    assert pesan in response.content.decode(), response.content.decode()[:2000]
            assert realisasi.nilai == dikirim[berhasil[0]]
            assert realisasi.diubah_oleh == penginput[berhasil[0]]
            assert realisasi.versi == versi + 1
            disimpan.add(realisasi.nilai)

        # The audit trail holds one version per accepted save, in order, nothing else.
        riwayat = list(realisasi.history.order_by("history_id"))
        assert len(riwayat) == 1 + PUTARAN
        assert [h.versi for h in riwayat] == list(range(1, PUTARAN + 2))
        assert {h.nilai for h in riwayat} == disimpan
        assert riwayat[-1].nilai == realisasi.nilai
        jejak = JejakAudit.objects.filter(
            content_type__model="realisasi", object_id=str(realisasi.pk)
        )
        assert jejak.count() == 1 + PUTARAN


def test_realisasi_save_while_lock_held_asks_to_save_again(indikator, staf, tmp_path):
    with basis_data_berkas(tmp_path):
        realisasi = RealisasiFactory(indikator=indikator, tahun=2024, nilai=Decimal("50"))
        pengaturan_capaian_get()  # the settings row exists (a page would create it on read)
        c = Client(raise_request_exception=False)
        c.force_login(staf)
        url = reverse(
            "kinerja:realisasi_isi",
            kwargs={"tahun": 2024, "indikator_pk": indikator.pk, "periode": "tahunan"},
        )
        aksi = reverse("kinerja:realisasi_aksi", kwargs={"pk": realisasi.pk})
        body = {"indikator": indikator.pk, "tahun": 2024, "periode": "tahunan", "versi": 1}
        assert c.get(url).status_code == 200  # the user opened the form (working year: 2024)
        with kunci_ditahan(realisasi):
            halaman = c.post(url, {"nilai": "77,5", "versi": "1", "analisis": "tulisan saya"})
            api = c.post(
                "/api/kinerja/realisasi/", {**body, "nilai": "78"}, content_type="application/json"
            )
            ajukan = c.post(aksi, {"aksi": "ajukan"}, follow=True)
        assert halaman.status_code == 400
        isi = halaman.content.decode()
        assert PESAN_SIBUK in isi and "77,5" in isi and "tulisan saya" in isi
        assert api.status_code == 503 and api["Retry-After"] == "5"
        assert api.json() == {"detail": PESAN_SIBUK}
        assert ajukan.status_code == 200 and PESAN_SIBUK in ajukan.content.decode()
        realisasi.refresh_from_db()
        assert (realisasi.nilai, realisasi.versi, realisasi.status) == (Decimal("50"), 1, "draft")
        assert realisasi.history.count() == 1

        # Saved again once the other save is done: it goes through.
        assert c.post(url, {"nilai": "77,5", "versi": "1"}).status_code == 302
        realisasi.refresh_from_db()
        assert (realisasi.nilai, realisasi.versi) == (Decimal("77.5"), 2)
