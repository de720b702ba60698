"""Demo review (reviu APIP) of the LKj 2023 of KPU Kota Serang, on a draft version.

The demo creates version 1 of the LKj 2023 (a DRAF: the pre-flight finding on IKSS 10 is not
yet explained; rendered in-process when the demo's transaction commits, after the budget data
is loaded), then the Auditor's three comments on Bab I, Bab III and the Lampiran, the answers
of the Sub Bagian Perencanaan, the Auditor closing them and the "Pernyataan Telah Direviu". Every version
composed afterwards (and so the final one) prints the statement before the Lampiran.

Invented, marked as such: the comments and answers (each ends "(contoh)"), the statement's
number, date (20 Februari 2024) and place, and the reviewer (name, NIP, jabatan). The
statement's text is the standard one of the reviu, with the satker's name from its record.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from kpu_site.demo import akun_demo_create

from .lkj import services, services_reviu
from .lkj.model_reviu import KomentarReviu, PernyataanReviu
from .lkj.models import LaporanKinerja
from .lkj.selectors import lkj_data_ada

TAHUN = 2023
KOMENTAR = [
    (
        "bab-1",
        "Tabel 1.1 sebaiknya menyebut tanggal keadaan pegawai (contoh).",
        "Keadaan pegawai per 31 Desember 2023 sudah dicantumkan pada judul tabel (contoh).",
    ),
    (
        "bab-3",
        "Analisis capaian IKSS 10 belum menjelaskan serapan anggaran yang rendah (contoh).",
        "Analisis IKSS 10 dilengkapi dengan penjelasan jadwal tahapan kampanye (contoh).",
    ),
    (
        "lampiran",
        "Lampiran Perjanjian Kinerja agar memuat tanggal penandatanganan (contoh).",
        "Tanggal penandatanganan PK 2 Januari 2023 sudah tercantum (contoh).",
    ),
]


def muat(*, stdout=None) -> None:
    """Create (once) the draft LKj 2023 version 1, its three review comments, answered and
    closed, and the statement."""
    if PernyataanReviu.objects.filter(tahun=TAHUN).exists() or not lkj_data_ada(tahun=TAHUN):
        return
    if LaporanKinerja.objects.filter(tahun=TAHUN, status=LaporanKinerja.Status.FINAL).exists():
        return
    akun_demo_create()  # the accounts are made after the demos; the review needs them now
    users = get_user_model().objects
    auditor = users.get(username="auditor")
    staf = users.get(username="staf.perencanaan")
    laporan = LaporanKinerja.objects.filter(tahun=TAHUN).order_by("versi").first()
    if laporan is None:
        laporan = services.laporan_request(tahun=TAHUN, pengguna=staf, antrekan=False)
        # Rendered in this process once the whole demo is committed (the budget data is loaded
        # after this app's demo), never through a broker a worker test may be watching.
        pk = laporan.pk
        transaction.on_commit(lambda: services.laporan_render(laporan_id=pk))
    for bab, teks, jawaban in KOMENTAR:
        komentar = KomentarReviu.objects.filter(laporan=laporan, bab=bab).first()
        if komentar is None:
            komentar = services_reviu.komentar_create(
                laporan=laporan, bab=bab, teks=teks, pengguna=auditor
            )
        if komentar.status == KomentarReviu.Status.TERBUKA:
            services_reviu.komentar_answer(komentar=komentar, jawaban=jawaban, pengguna=staf)
        if komentar.status != KomentarReviu.Status.DITUTUP:
            services_reviu.komentar_close(komentar=komentar, pengguna=auditor)
    services_reviu.pernyataan_record(
        laporan=laporan,
        nomor="01/PW.01/REVIU-LKJ/2024 (contoh)",
        tanggal=dt.date(2024, 2, 20),
        tempat="Serang",
        nama_pereviu="Rina Kartikasari (contoh)",
        nip_pereviu="198203142006042001",
        jabatan_pereviu="Auditor Ahli Madya, Inspektorat Utama KPU (contoh)",
        pengguna=auditor,
    )
    if stdout is not None:
        stdout.write("  kinerja: reviu LKj 2023 (3 komentar ditutup, pernyataan telah direviu)")
