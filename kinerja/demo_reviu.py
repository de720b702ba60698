"""Demo review (reviu APIP) of the LKj 2023 of KPU Kota Serang, and its final version.

Run in the demo's second phase (``kinerja.demo.muat_akhir``), after the budget data and the
demo accounts exist:

1. Version 1 of the LKj 2023, a DRAF: the pre-flight finding on IKSS 10 (capaian 100% with
   22,75% of its budget absorbed) is not yet explained.
2. The Auditor's three comments on Bab I, Bab III and the Lampiran, the answers of the Sub
   Bagian Perencanaan, the Auditor closing them and the "Pernyataan Telah Direviu". Every
   version composed afterwards prints the statement before the Lampiran.
3. Unless ``final`` is off (``muat_demo --lkj-draf``): the Sekretaris marks the IKSS 10 finding
   explained (Bab III's narrative explains the campaign schedule), version 2 is composed,
   clean, with the statement, and finalised; the year 2023 is locked. ``demo_publikasi`` then
   publishes it on the public page.

Both versions are rendered in this process (never through a broker a worker test may be
watching); with ``final`` off, version 1 is rendered once the demo is committed (the tests'
core demo never commits, so it never pays for the render).

Invented, marked as such: the comments and answers (each ends "(contoh)"), the statement's
number, date (20 Februari 2024) and place, the reviewer (name, NIP, jabatan), and the
finalisation date of version 2 (26 Februari 2024, before the 31 March deadline). The
statement's text is the standard one of the reviu, with the satker's name from its record.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction

from .lkj import services, services_reviu
from .lkj.model_reviu import KomentarReviu, PernyataanReviu
from .lkj.models import LaporanKinerja
from .lkj.preflight import lkj_preflight, temuan_menghalangi
from .lkj.selectors import lkj_data_ada

TAHUN = 2023
#: Invented: when the Sekretaris finalised version 2.
DIFINALKAN_PADA = dt.datetime(2024, 2, 26, 14, tzinfo=ZoneInfo("Asia/Jakarta"))
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


def muat(*, stdout=None, final: bool = True) -> None:
    """Create (once) the draft LKj 2023 version 1, its three review comments, answered and
    closed, and the statement; with ``final``, the final version 2."""
    if not lkj_data_ada(tahun=TAHUN):
        return
    if LaporanKinerja.objects.filter(tahun=TAHUN, status=LaporanKinerja.Status.FINAL).exists():
        return
    users = get_user_model().objects
    auditor = users.get(username="auditor")
    staf = users.get(username="staf.perencanaan")
    laporan = LaporanKinerja.objects.filter(tahun=TAHUN).order_by("versi").first()
    if laporan is None:
        laporan = services.laporan_request(tahun=TAHUN, pengguna=staf, antrekan=False)
        if final:
            services.laporan_render(laporan_id=laporan.pk)
        else:
            pk = laporan.pk
            transaction.on_commit(lambda: services.laporan_render(laporan_id=pk))
    if not PernyataanReviu.objects.filter(tahun=TAHUN).exists():
        _reviu(laporan=laporan, auditor=auditor, staf=staf)
        if stdout is not None:
            stdout.write("  kinerja: reviu LKj 2023 (3 komentar ditutup, pernyataan telah direviu)")
    if final:
        versi = _finalkan(sekretaris=users.get(username="sekretaris"))
        if stdout is not None:
            stdout.write(f"  kinerja: {versi} difinalkan, tahun {TAHUN} dikunci")


def _reviu(*, laporan, auditor, staf) -> None:
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


def _finalkan(*, sekretaris) -> LaporanKinerja:
    """The Sekretaris explains the pre-flight findings that may be explained (IKSS 10), has
    version 2 composed and rendered, and finalises it on ``DIFINALKAN_PADA``."""
    for temuan in temuan_menghalangi(lkj_preflight(tahun=TAHUN)):
        if temuan.kunci:
            services.temuan_jelaskan(tahun=TAHUN, kunci=temuan.kunci, pengguna=sekretaris)
    laporan = services.laporan_request(tahun=TAHUN, pengguna=sekretaris, antrekan=False)
    laporan = services.laporan_render(laporan_id=laporan.pk)
    return services.laporan_finalise(laporan=laporan, pengguna=sekretaris, pada=DIFINALKAN_PADA)
