"""Demo publication: what the Sekretaris of Kota Serang has put on the public page (/publik/).

Published through ``kinerja.services.publikasi`` by the demo Sekretaris, from the app's own
data: the Renstra 2020–2024, the IKU decree with its Manual IKU, the RKT 2023, the PK 2023 of
the Sekretaris and the four sub-bagian PKs 2023, and the final LKj 2023 (``demo_reviu``; its
stored bytes, so the public download is the file the Auditor downloads). Without a final LKj
(``muat_demo --lkj-draf``) the other eight are published.

Invented (the seed says nothing about when documents went on the website): every publication
date below, chosen plausibly (the Renstra and IKU after their decree in 2020, the 2023 plans
and agreements in January 2023, the LKj two days after its finalisation, all before the
31 March 2024 the LKE asks about).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from .lkj.models import LaporanKinerja
from .model_iku import KeputusanIku
from .model_pk_unit import PerjanjianKinerjaUnit
from .model_publikasi import Publikasi
from .model_rkt import RencanaKinerjaTahunan
from .models import PerjanjianKinerja, Renstra
from .services.publikasi import publikasi_terbitkan

WIB = ZoneInfo("Asia/Jakarta")
TAHUN = 2023


def _pada(tanggal: dt.date, jam: int = 10) -> dt.datetime:
    return dt.datetime.combine(tanggal, dt.time(jam), tzinfo=WIB)


def _sumber() -> list[tuple[object, dt.datetime]]:
    """(source, invented publication date) of every document the demo publishes."""
    hasil = []
    renstra = Renstra.objects.filter(tahun_mulai=2020).first()
    if renstra is not None:
        hasil.append((renstra, _pada(dt.date(2020, 8, 3))))
        for kep in KeputusanIku.objects.filter(renstra=renstra):
            hasil.append((kep, _pada(dt.date(2020, 8, 3), 11)))
    for rkt in RencanaKinerjaTahunan.objects.filter(
        tahun=TAHUN, status=RencanaKinerjaTahunan.Status.DITETAPKAN
    ):
        hasil.append((rkt, _pada(dt.date(2023, 1, 9))))
    for pk in PerjanjianKinerja.objects.filter(
        tahun=TAHUN, status=PerjanjianKinerja.Status.DITANDATANGANI
    ):
        hasil.append((pk, _pada(dt.date(2023, 1, 16))))
    for pk in PerjanjianKinerjaUnit.objects.filter(
        tahun=TAHUN, status=PerjanjianKinerjaUnit.Status.DITANDATANGANI
    ).order_by("unit__kode"):
        hasil.append((pk, _pada(dt.date(2023, 1, 16), 11)))
    for lkj in LaporanKinerja.objects.filter(tahun=TAHUN, status=LaporanKinerja.Status.FINAL):
        hasil.append((lkj, _pada(dt.date(2024, 2, 28))))
    return hasil


def muat(*, stdout) -> None:
    """Publish what is not published yet (idempotent: a published source is skipped)."""
    sekretaris = get_user_model().objects.filter(username="sekretaris").first()
    if sekretaris is None:
        return
    n = 0
    for sumber, pada in _sumber():
        ct = ContentType.objects.get_for_model(type(sumber))
        if Publikasi.objects.filter(content_type=ct, object_id=sumber.pk).exists():
            continue
        publikasi_terbitkan(sumber=sumber, pengguna=sekretaris, pada=pada)
        n += 1
    stdout.write(f"  kinerja: {n} dokumen dipublikasikan di halaman publik")
