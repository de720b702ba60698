"""What badan_adhoc shows on the Dasbor pimpinan (``kpu_site.dasbor``): the recruitments of the
year."""

from __future__ import annotations

from django.urls import reverse

from kpu_site.dasbor import Panel

from . import selectors


def dasbor_rekrutmen(*, tahun: int) -> list[dict]:
    """The funnel per body (seats, applicants, MS, TMS; ``selectors``) and the kecamatan where
    applicants are fewer than seats."""
    hasil = []
    for r in selectors.rekrutmen_tahun_list(tahun=tahun):
        ringkas = selectors.seleksi_ringkasan_tersimpan(r)["data"]
        per_kecamatan = selectors.rekap_per_kecamatan(
            r, selectors.rekap_per_wilayah_tersimpan(r)["data"]
        )
        hasil.append(
            {
                "nama": r.nama,
                "badan": r.get_jenis_badan_display(),
                "kursi": sum(k.kursi for k in per_kecamatan),
                "pendaftar": ringkas["jumlah"],
                "ms": ringkas["ms"],
                "tms": ringkas["tms"],
                "kekurangan": [
                    {
                        "kecamatan": k.wilayah.nama,
                        "kursi": k.kursi,
                        "pendaftar": k.pendaftar,
                        "kurang": k.kekurangan,
                    }
                    for k in per_kecamatan
                    if k.kekurangan
                ],
                "url": reverse("badan_adhoc:rekrutmen_detail", args=[r.pk]),
            }
        )
    return hasil


PANEL = [
    Panel("rekrutmen", dasbor_rekrutmen, template="badan_adhoc/dasbor/_rekrutmen.html", urutan=30)
]
