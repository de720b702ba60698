"""Locust scenarios of the load benchmark (``bench/beban.py`` runs them, one locust process
each, naming the user classes): staff (Komisioner, StafTeknis, StafKeuangan, StafSdm,
Sekretaris: 50 users mixing the dashboard, lists with filters, detail pages and API calls, and
one LKj request) and the public (PengunjungPublik: anonymous visitors on the announcement list
and downloads).

IDs come from the environment (set by ``bench/beban.py``): BEBAN_REKRUTMEN, BEBAN_DOKUMEN,
BEBAN_PENDAFTAR_MIN, BEBAN_PENDAFTAR_MAX, BEBAN_PEGAWAI, BEBAN_PENGUMUMAN (published
announcements, ``<id>:<rekrutmen id>:<ekstensi>,…``).
"""

from __future__ import annotations

import os
import random
import re
import time

import gevent
from locust import FastHttpUser, HttpUser, between, task

SANDI = "demo-kpu-2023"
NAMA_DASAR = "dasar: permintaan tanpa halaman (302)"
REKRUTMEN = os.environ.get("BEBAN_REKRUTMEN", "1")
DOKUMEN = os.environ.get("BEBAN_DOKUMEN", "1")
P_MIN = int(os.environ.get("BEBAN_PENDAFTAR_MIN", "1"))
P_MAX = int(os.environ.get("BEBAN_PENDAFTAR_MAX", "1"))
PEGAWAI = os.environ.get("BEBAN_PEGAWAI", "1")
PENGUMUMAN = [
    tuple(x.split(":")) for x in os.environ.get("BEBAN_PENGUMUMAN", "").split(",") if x
]  # (id, rekrutmen id, ekstensi)
# Every user logs in first; pages are requested only once all have (the logins' PBKDF2 would
# otherwise queue in front of the first page requests and measure the login, not the pages).
MULAI_HALAMAN = time.monotonic() + float(os.environ.get("BEBAN_PEMANASAN", "20"))
ALASAN = [
    "nik_tidak_valid",
    "nik_ganda",
    "usia_kurang",
    "pendidikan_kurang",
    "domisili_di_luar_wilayah",
    "anggota_parpol",
]


class Pengguna(HttpUser):
    abstract = True
    username = ""
    # A person reads a page for a few seconds before the next click.
    wait_time = between(2.0, 6.0)

    def on_start(self):
        self.client.get("/masuk/", name="masuk (form)")
        token = self.client.cookies.get("csrftoken", "")
        self.client.post(
            "/masuk/",
            {"username": self.username, "password": SANDI, "csrfmiddlewaretoken": token},
            headers={"Referer": f"{self.host}/masuk/"},
            name="masuk (kirim)",
        )
        # ...and then not all in the same second.
        gevent.sleep(max(0.0, MULAI_HALAMAN - time.monotonic()) + random.uniform(0, 4))

    @task(1)
    def dasar(self):
        """The baseline of the run: a logged-in request through the whole stack (gunicorn,
        middleware, session, user) that renders nothing (``/masuk/`` answers 302 to a logged-in
        user). ``bench/beban.py`` reports each page's mean time as a multiple of it."""
        with self.client.get(
            "/masuk/", name=NAMA_DASAR, allow_redirects=False, catch_response=True
        ) as r:
            if r.status_code != 302:
                r.failure(f"harus 302, bukan {r.status_code}")


class Komisioner(Pengguna):
    weight = 2
    username = "komisioner"

    @task(4)
    def dasbor(self):
        self.client.get("/?tahun=2023", name="dasbor pimpinan")

    @task(2)
    def capaian(self):
        self.client.get(
            f"/kinerja/capaian/{random.choice([2022, 2023, 2024])}/", name="kinerja: capaian tahun"
        )

    @task(2)
    def pohon_anggaran(self):
        self.client.get(f"/anggaran/{DOKUMEN}/", name="anggaran: pohon DIPA")

    @task(1)
    def organisasi(self):
        self.client.get("/organisasi/", name="organisasi")


class StafTeknis(Pengguna):
    weight = 3
    username = "staf.teknis"

    @task(3)
    def dasbor_rekrutmen(self):
        self.client.get(f"/adhoc/rekrutmen/{REKRUTMEN}/", name="adhoc: dasbor rekrutmen")

    @task(4)
    def daftar_pendaftar(self):
        params = random.choice(
            [
                {},
                {"status": "tms"},
                {"status": "ms"},
                {"alasan": random.choice(ALASAN)},
                {"q": random.choice(["Siti", "Budi 1", "3673011"])},
            ]
        )
        self.client.get(
            f"/adhoc/rekrutmen/{REKRUTMEN}/pendaftar/",
            params=params,
            name="adhoc: daftar pendaftar (saring)",
        )

    @task(3)
    def detail_pendaftar(self):
        self.client.get(
            f"/adhoc/pendaftar/{random.randint(P_MIN, P_MAX)}/", name="adhoc: detail pendaftar"
        )

    @task(2)
    def api_pendaftar(self):
        self.client.get(
            "/api/adhoc/pendaftar/",
            params={"rekrutmen": REKRUTMEN, "status": random.choice(["ms", "tms"])},
            name="api: pendaftar",
        )


class StafKeuangan(Pengguna):
    weight = 2
    username = "staf.keuangan"

    @task(3)
    def pohon(self):
        self.client.get(f"/anggaran/{DOKUMEN}/", name="anggaran: pohon DIPA")

    @task(2)
    def transaksi(self):
        self.client.get(
            f"/anggaran/{DOKUMEN}/realisasi/",
            params={"bulan": random.randint(1, 12)},
            name="anggaran: transaksi (saring bulan)",
        )

    @task(2)
    def api_realisasi(self):
        self.client.get(
            "/api/anggaran/realisasi/", params={"dokumen": DOKUMEN}, name="api: realisasi anggaran"
        )

    @task(1)
    def serapan(self):
        self.client.get(f"/anggaran/{DOKUMEN}/serapan/", name="anggaran: serapan bulanan")


class StafSdm(Pengguna):
    weight = 1
    username = "staf.sdm"

    @task(2)
    def pegawai(self):
        self.client.get(
            "/organisasi/pegawai/",
            params=random.choice([{}, {"status": "pns"}, {"q": "a"}]),
            name="organisasi: daftar pegawai",
        )

    @task(1)
    def pegawai_detail(self):
        self.client.get(f"/organisasi/pegawai/{PEGAWAI}/", name="organisasi: detail pegawai")

    @task(2)
    def api_capaian(self):
        self.client.get(
            "/api/kinerja/capaian/",
            params={"tahun": random.choice([2020, 2021, 2022, 2023])},
            name="api: capaian",
        )

    @task(1)
    def realisasi_kinerja(self):
        self.client.get("/kinerja/realisasi/2023/", name="kinerja: daftar realisasi")


class Sekretaris(Pengguna):
    """Requests the LKj 2023 once, then watches its progress like the page does."""

    fixed_count = 1
    username = "sekretaris"
    diminta = False
    url_versi = ""

    @task
    def lkj(self):
        if not self.diminta:
            self.diminta = True
            self.client.get("/kinerja/lkj/2023/", name="lkj: halaman tahun")
            token = self.client.cookies.get("csrftoken", "")
            r = self.client.post(
                "/kinerja/lkj/2023/susun/",
                {"csrfmiddlewaretoken": token},
                headers={"Referer": f"{self.host}/kinerja/lkj/2023/"},
                name="lkj: minta penyusunan",
            )
            m = re.search(r"/kinerja/lkj/versi/\d+/", r.url or "")
            self.url_versi = m.group(0) if m else ""
            return
        if self.url_versi:
            self.client.get(
                self.url_versi, headers={"HX-Request": "true"}, name="lkj: progres (htmx)"
            )
        self.client.get("/?tahun=2023", name="dasbor pimpinan")


class PengunjungPublik(FastHttpUser):
    """An anonymous visitor on announcement day: opens the public list (all recruitments or
    one), downloads a published announcement, and later reloads it: the browser then sends
    ``If-None-Match`` with the ETag it got and expects 304 (the file is stored, never
    rendered again). A FastHttpUser: 500 of them must not take the load generator's CPU from
    the server on the same machine."""

    # A person reads the list or the PDF for a few seconds before the next click.
    wait_time = between(3.0, 8.0)

    def on_start(self):
        self.etag: dict[str, str] = {}

    @task(1)
    def dasar(self):
        """The public baseline: a request through the whole stack that renders nothing
        (``/`` sends an anonymous visitor to the login page)."""
        with self.client.get(
            "/", name="publik dasar: tanpa halaman (302)", allow_redirects=False,
            catch_response=True,
        ) as r:  # fmt: skip
            if r.status_code != 302:
                r.failure(f"harus 302, bukan {r.status_code}")

    @task(4)
    def daftar(self):
        if PENGUMUMAN and random.random() < 0.5:
            _id, rid, _ext = random.choice(PENGUMUMAN)
            params, nama = {"rekrutmen": rid}, "publik: daftar pengumuman (satu rekrutmen)"
        else:
            params, nama = {}, "publik: daftar pengumuman"
        with self.client.get(
            "/publik/pengumuman/", params=params, name=nama, catch_response=True
        ) as r:
            if r.status_code != 200 or "/publik/pengumuman/" not in (r.text or ""):
                r.failure(f"status {r.status_code}")

    @task(3)
    def unduh(self):
        if not PENGUMUMAN:
            return
        pk, _rid, ext = random.choice(PENGUMUMAN)
        jenis = "PDF" if ext == "pdf" else "Excel"
        etag = self.etag.get(pk)
        if etag:
            with self.client.get(
                f"/publik/pengumuman/{pk}/unduh/", headers={"If-None-Match": etag},
                name=f"publik: unduh {jenis} lagi (If-None-Match → 304)", catch_response=True,
            ) as r:  # fmt: skip
                if r.status_code != 304:
                    r.failure(f"harus 304, bukan {r.status_code}")
            return
        with self.client.get(
            f"/publik/pengumuman/{pk}/unduh/", name=f"publik: unduh {jenis} (200)",
            catch_response=True,
        ) as r:  # fmt: skip
            isi = r.content or b""
            if r.status_code != 200 or not r.headers.get("ETag"):
                r.failure(f"status {r.status_code}, ETag {r.headers.get('ETag')!r}")
            elif ext == "pdf" and not isi.startswith(b"%PDF"):
                r.failure("bukan PDF")
            else:
                self.etag[pk] = r.headers["ETag"]
