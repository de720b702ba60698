"""What badan_adhoc shows on the Dasbor pimpinan (``kpu_site.dasbor``): the recruitments of the
year; on the home page of the sub-bagian Teknis' Staf/Kasubag, the applicants still to screen,
the party-membership clarifications waiting for a decision and the public comments not followed
up yet (the last also under "Menunggu tindakan Anda" of the Sekretaris and Admin)."""

from __future__ import annotations

from django.urls import reverse

from kpu_site.dasbor import BUTIR_MAKS, Butir, Panel, Tugas
from kpu_site.formatting import angka

from . import selectors
from .akses import boleh_kelola


def dasbor_rekrutmen(*, tahun: int) -> list[dict]:
    """The funnel per body (seats, applicants, MS, TMS; ``selectors``), the public comments
    (``selectors.tanggapan_hitung_banyak``) and the kecamatan where applicants are fewer than seats."""
    hasil = []
    daftar = list(selectors.rekrutmen_tahun_list(tahun=tahun))
    tanggapan = selectors.tanggapan_hitung_banyak(daftar)
    for r in daftar:
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
                "tanggapan": tanggapan[r.pk],
                "tanggapan_tahap": selectors.tanggapan_tahap_list(tanggapan[r.pk]),
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


def rekrutmen_tugas_unit(*, user, tahun: int, hari_ini) -> list[Tugas]:
    """For the staff of the recruitment (``akses.boleh_kelola``): per recruitment running in
    ``tahun``, the applicants not screened yet (``selectors.pendaftar_belum_diperiksa_jumlah``),
    and the clarifications waiting for a decision (``selectors.klarifikasi_menunggu_list``)."""
    if not boleh_kelola(user):
        return []
    belum = [
        (r, selectors.pendaftar_belum_diperiksa_jumlah(r))
        for r in selectors.rekrutmen_tahun_list(tahun=tahun)
    ]
    belum = [(r, n) for r, n in belum if n]
    klarifikasi = selectors.klarifikasi_menunggu_list(tahun=tahun)
    daftar = reverse("badan_adhoc:rekrutmen_list")
    return [
        Tugas(
            kunci="pendaftar_belum_diperiksa",
            judul="Pendaftar belum diseleksi administrasi",
            jumlah=sum(n for _r, n in belum),
            url=daftar,
            tindakan="Buka daftar rekrutmen",
            butir=tuple(
                Butir(
                    label=r.nama,
                    url=reverse("badan_adhoc:rekrutmen_detail", args=[r.pk]),
                    keterangan=f"{angka(n)} pendaftar",
                )
                for r, n in belum[:BUTIR_MAKS]
            ),
            total_butir=len(belum),
        ),
        Tugas(
            kunci="klarifikasi_menunggu",
            judul="Klarifikasi keanggotaan partai menunggu keputusan",
            jumlah=len(klarifikasi),
            url=daftar,
            tindakan="Buka daftar rekrutmen",
            butir=tuple(
                Butir(
                    label=k.pendaftar.nama,
                    url=reverse("badan_adhoc:pendaftar_detail", args=[k.pendaftar_id]),
                    keterangan=k.pendaftar.rekrutmen.nama,
                )
                for k in klarifikasi[:BUTIR_MAKS]
            ),
        ),
    ]


def _url_tanggapan_belum(r) -> str:
    """The applicant list of ``r`` filtered to the applicants with a comment not followed up."""
    return reverse("badan_adhoc:pendaftar_list", args=[r.pk]) + "?tanggapan=belum"


JUDUL_TANGGAPAN_BELUM = "Tanggapan masyarakat belum ditindaklanjuti"


def tanggapan_tugas_unit(*, user, tahun: int, hari_ini) -> list[Tugas]:
    """For the staff of the recruitment: the public comments with no follow-up recorded, per
    recruitment running in ``tahun`` (``selectors.tanggapan_belum_per_rekrutmen``, one query),
    each linking to its applicant list filtered to them."""
    if not boleh_kelola(user):
        return []
    belum = selectors.tanggapan_belum_per_rekrutmen(tahun=tahun)
    satu = len(belum) == 1
    return [
        Tugas(
            kunci="tanggapan_belum",
            judul=JUDUL_TANGGAPAN_BELUM,
            jumlah=sum(n for _r, n in belum),
            url=_url_tanggapan_belum(belum[0][0])
            if satu
            else reverse("badan_adhoc:rekrutmen_list"),
            tindakan="Buka pendaftar yang ditanggapi" if satu else "Buka daftar rekrutmen",
            butir=tuple(
                Butir(label=r.nama, url=_url_tanggapan_belum(r), keterangan=f"{angka(n)} tanggapan")
                for r, n in belum[:BUTIR_MAKS]
            ),
            total_butir=len(belum),
        )
    ]


def tanggapan_tugas(user) -> list[dict]:
    """ "Menunggu tindakan Anda" of the Sekretaris and Admin (and of no other role of the
    Dasbor pimpinan): the public comments with no follow-up recorded, one entry per
    recruitment (every year: a comment waiting is open work whatever the working year)."""
    if not boleh_kelola(user):
        return []
    return [
        {
            "judul": JUDUL_TANGGAPAN_BELUM,
            "jumlah": n,
            "url": _url_tanggapan_belum(r),
            "keterangan": r.nama,
        }
        for r, n in selectors.tanggapan_belum_per_rekrutmen()
    ]


PANEL = [
    Panel("rekrutmen", dasbor_rekrutmen, template="badan_adhoc/dasbor/_rekrutmen.html", urutan=30)
]
TUGAS = [tanggapan_tugas]
TUGAS_UNIT = [rekrutmen_tugas_unit, tanggapan_tugas_unit]
