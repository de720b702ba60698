"""Dasbor pimpinan: the year at a glance for Komisioner and Sekretaris.

Each figure is one function that calls the app's own selector (nothing is recomputed here)
and is cached for a few minutes with the time it was computed, shown on the page as "data
per …". ``segar=True`` recomputes.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.safestring import mark_safe

from .tersimpan import tersimpan


def dasbor_capaian(*, tahun: int, segar: bool = False) -> dict:
    """Capaian per sasaran (``kinerja.selectors.capaian_tahun_list``) with a chart and the
    indikator below target."""

    def hitung():
        from kinerja import selectors as kin
        from kinerja.grafik import grafik_capaian

        baris = kin.capaian_tahun_list(tahun=tahun)
        return {
            "ringkasan": kin.capaian_ringkasan(baris=baris),
            "rata_rata": kin.capaian_rata_rata(baris=baris),
            "jumlah": len(baris),
            "di_bawah_target": [
                {
                    "kode": b.indikator.kode,
                    "sasaran": b.indikator.sasaran.uraian,
                    "capaian": b.hasil.nilai_dibatasi,
                    "status": b.hasil.status_label,
                    "kelas": b.hasil.kelas_css,
                    "url": reverse("kinerja:capaian", args=[tahun]),
                }
                for b in baris
                if b.hasil.status != "tercapai"
            ],
            "grafik": grafik_capaian(
                baris=baris, tahun=tahun, pengaturan=kin.pengaturan_capaian_get(), lebar=560
            ),
        }

    return tersimpan(f"dasbor:capaian:{tahun}", hitung, segar=segar)


def dasbor_anggaran(*, tahun: int, segar: bool = False) -> dict:
    """Absorption per program and per source of funds (``anggaran.selectors.laporan_keuangan``:
    table 3.1 and the hibah, each computed once) and the DIPA's cumulative realisasi against the
    RPD (``anggaran.selectors.realisasi_bulanan``)."""

    def hitung():
        from anggaran import selectors as ang
        from anggaran.grafik import grafik_serapan_kumulatif

        laporan = ang.laporan_keuangan(tahun=tahun)
        tabel = laporan["tabel_3_1"]
        if tabel is None:
            return None
        bulanan = ang.realisasi_bulanan(dokumen=tabel["dokumen"])
        program = [b for b in tabel["baris"] if b["tingkat"] == "program"]
        return {
            "dokumen_id": tabel["dokumen"].pk,
            "total": tabel["total"],
            "program": program,
            "sumber_dana": laporan["sumber_dana"],
            "deviasi_rata_rata": bulanan.rata_rata_deviasi,
            "grafik": grafik_serapan_kumulatif(bulanan, lebar=560, tinggi=260),
        }

    return tersimpan(f"dasbor:anggaran:{tahun}", hitung, segar=segar)


def dasbor_rekrutmen(*, tahun: int, segar: bool = False) -> dict:
    """The funnel per body (seats, applicants, MS, TMS; ``badan_adhoc.selectors``) and the
    kecamatan where applicants are fewer than seats."""

    def hitung():
        from badan_adhoc import selectors as adhoc

        hasil = []
        for r in adhoc.rekrutmen_tahun_list(tahun=tahun):
            ringkas = adhoc.seleksi_ringkasan_tersimpan(r)["data"]
            per_kecamatan = adhoc.rekap_per_kecamatan(
                r, adhoc.rekap_per_wilayah_tersimpan(r)["data"]
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

    return tersimpan(f"dasbor:rekrutmen:{tahun}", hitung, segar=segar)


def dasbor_lkj(*, tahun: int) -> dict:
    """The year's LKj: the latest version and whether one is final (not cached: cheap)."""
    from kinerja.lkj.models import LaporanKinerja

    versi = LaporanKinerja.objects.filter(tahun=tahun).order_by("-versi")
    return {
        "terakhir": versi.first(),
        "final": versi.filter(status="final").first(),
        "url": reverse("kinerja:lkj_tahun", args=[tahun]),
    }


def dasbor_tugas(*, user) -> list[dict]:
    """What waits for this user's action (not cached: personal and cheap)."""
    from kinerja import selectors as kin

    judul = {
        "verifikasi": "Realisasi kinerja menunggu verifikasi Anda",
        "persetujuan": "Realisasi kinerja menunggu persetujuan Anda",
    }
    return [
        {"judul": judul.get(kunci, kunci), "jumlah": len(daftar), "url": reverse("kinerja:antrean")}
        for kunci, daftar in kin.realisasi_antrean(user=user).items()
        if daftar
    ]


def grafik_aman(markup: str):
    """Chart markup built by ``kpu_site.svg`` (labels escaped there) for the template."""
    return mark_safe(markup)  # noqa: S308 - generated and escaped by kpu_site.svg
