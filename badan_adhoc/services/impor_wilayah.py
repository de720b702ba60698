"""Imports of the wilayah (kecamatan, desa/kelurahan) and the TPS list."""

from __future__ import annotations

from django.db import transaction

from kpu_site.audit import jejak_catat
from kpu_site.formatting import angka
from kpu_site.impor import (
    Kesalahan,
    batas_baris_periksa,
    parse_angka_id,
)

from ..models import TPS, Wilayah
from .impor import (
    KOLOM_TPS,
    KOLOM_WILAYAH,
    HasilImpor,
    _ambil,
    _buka,
    _gagal_bila_ada,
)

# --------------------------------------------------------------------------- wilayah / TPS


@transaction.atomic
def wilayah_import(*, berkas, nama_berkas: str, pengguna=None, pemetaan=None) -> HasilImpor:
    """Kecamatan and desa/kelurahan from ``kode,nama,jenis,kode_induk``; existing codes are
    updated. A kecamatan's ``kode_induk`` (the regency/city) is kept as given."""
    tabel, posisi = _buka(berkas, nama_berkas, KOLOM_WILAYAH, pemetaan=pemetaan)
    kesalahan: list[Kesalahan] = []
    rows: dict[str, tuple[int, str, str, str]] = {}
    jenis_sah = set(Wilayah.Jenis.values)
    n = 0
    for nomor, values in tabel.baris_list():
        n += 1
        kode, nama, jenis, induk = _ambil(values, posisi)
        jenis = jenis.lower()
        if not kode:
            kesalahan.append(Kesalahan(nomor, "kode", "kosong."))
        elif kode in rows:
            kesalahan.append(
                Kesalahan(nomor, "kode", f"{kode} sudah ada di baris {rows[kode][0]}.")
            )
        if not nama:
            kesalahan.append(Kesalahan(nomor, "nama", "kosong."))
        if jenis not in jenis_sah:
            kesalahan.append(
                Kesalahan(nomor, "jenis", f"'{jenis}' bukan kecamatan, kelurahan, atau desa.")
            )
        if not induk:
            kesalahan.append(Kesalahan(nomor, "kode_induk", "kosong."))
        batas = batas_baris_periksa(
            Wilayah, nomor, {"kode": kode, "nama": nama, "kode_induk": induk}
        )
        kesalahan.extend(batas)
        if kode and kode not in rows and not batas:
            rows[kode] = (nomor, nama, jenis, induk)
    ada = {w.kode: w for w in Wilayah.objects.all()}
    kecamatan_kode = {k for k, r in rows.items() if r[2] == "kecamatan"} | {
        k for k, w in ada.items() if w.jenis == "kecamatan" and k not in rows
    }
    for nomor, _nama, jenis, induk in rows.values():
        if jenis in ("kelurahan", "desa") and induk and induk not in kecamatan_kode:
            kesalahan.append(
                Kesalahan(
                    nomor, "kode_induk", f"kecamatan {induk} tidak ada di berkas maupun data."
                )
            )
    _gagal_bila_ada(kesalahan, n, tabel)

    baru = diperbarui = 0
    for tingkat in (("kecamatan",), ("kelurahan", "desa")):
        ids = {w.kode: w.pk for w in Wilayah.objects.filter(jenis="kecamatan")}
        buat, ubah = [], []
        for kode, (_nomor, nama, jenis, induk) in rows.items():
            if jenis not in tingkat:
                continue
            induk_id = None if jenis == "kecamatan" else ids[induk]
            if kode in ada:
                w = ada[kode]
                if (w.nama, w.jenis, w.kode_induk, w.induk_id) != (nama, jenis, induk, induk_id):
                    w.nama, w.jenis, w.kode_induk, w.induk_id = nama, jenis, induk, induk_id
                    ubah.append(w)
            else:
                buat.append(
                    Wilayah(kode=kode, nama=nama, jenis=jenis, kode_induk=induk, induk_id=induk_id)
                )
        Wilayah.objects.bulk_create(buat, batch_size=2000)
        Wilayah.objects.bulk_update(ubah, ["nama", "jenis", "kode_induk", "induk"], batch_size=2000)
        baru += len(buat)
        diperbarui += len(ubah)
    jejak_catat(
        pengguna=pengguna,
        aksi="impor",
        ringkasan=f"Impor wilayah {nama_berkas}: {angka(baru)} baru, {angka(diperbarui)} diperbarui",
    )
    return HasilImpor(baru=baru, diperbarui=diperbarui)


def _bilangan_bulat(text: str) -> int:
    nilai = parse_angka_id(text)
    if nilai != nilai.to_integral_value() or nilai < 0:
        raise ValueError(f"'{text}' harus bilangan bulat tidak negatif.")
    return int(nilai)


@transaction.atomic
def tps_import(*, berkas, nama_berkas: str, pengguna=None, pemetaan=None) -> HasilImpor:
    """TPS from ``kode_kelurahan,nomor,jumlah_dpt``; an existing TPS gets its DPT updated."""
    tabel, posisi = _buka(berkas, nama_berkas, KOLOM_TPS, pemetaan=pemetaan)
    kelurahan = dict(Wilayah.objects.exclude(jenis="kecamatan").values_list("kode", "pk"))
    kesalahan: list[Kesalahan] = []
    rows: dict[tuple[int, int], tuple[int, int]] = {}
    n = 0
    for nomor_baris, values in tabel.baris_list():
        n += 1
        kode, nomor_txt, dpt_txt = _ambil(values, posisi)
        kel_id = kelurahan.get(kode)
        if kel_id is None:
            kesalahan.append(
                Kesalahan(nomor_baris, "kode_kelurahan", f"desa/kelurahan {kode!r} tidak dikenal.")
            )
        try:
            nomor = _bilangan_bulat(nomor_txt)
            if nomor == 0:
                raise ValueError("nomor TPS dimulai dari 1.")
        except ValueError as exc:
            kesalahan.append(Kesalahan(nomor_baris, "nomor", str(exc)))
            nomor = None
        try:
            dpt = _bilangan_bulat(dpt_txt)
        except ValueError as exc:
            kesalahan.append(Kesalahan(nomor_baris, "jumlah_dpt", str(exc)))
            dpt = None
        if nomor is not None and dpt is not None:
            batas = batas_baris_periksa(TPS, nomor_baris, {"nomor": nomor, "jumlah_dpt": dpt})
            kesalahan.extend(batas)
            if batas:
                continue
        if kel_id is not None and nomor is not None and dpt is not None:
            if (kel_id, nomor) in rows:
                kesalahan.append(
                    Kesalahan(
                        nomor_baris,
                        "nomor",
                        f"TPS {nomor} di {kode} sudah ada di baris {rows[(kel_id, nomor)][0]}.",
                    )
                )
            else:
                rows[(kel_id, nomor)] = (nomor_baris, dpt)
    _gagal_bila_ada(kesalahan, n, tabel)
    ada = {(t.kelurahan_id, t.nomor): t for t in TPS.objects.all()}
    buat, ubah = [], []
    for (kel_id, nomor), (_b, dpt) in rows.items():
        tps = ada.get((kel_id, nomor))
        if tps is None:
            buat.append(TPS(kelurahan_id=kel_id, nomor=nomor, jumlah_dpt=dpt))
        elif tps.jumlah_dpt != dpt:
            tps.jumlah_dpt = dpt
            ubah.append(tps)
    TPS.objects.bulk_create(buat, batch_size=5000)
    TPS.objects.bulk_update(ubah, ["jumlah_dpt"], batch_size=5000)
    jejak_catat(
        pengguna=pengguna,
        aksi="impor",
        ringkasan=f"Impor TPS {nama_berkas}: {angka(len(buat))} baru, {angka(len(ubah))} diperbarui",
    )
    return HasilImpor(baru=len(buat), diperbarui=len(ubah))
