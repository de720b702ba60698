"""Regency-scale data for the load benchmark: the demo, plus 200,000 KPPS applicants (imported
and screened by the application's own services) and five years of kinerja and anggaran (the demo
year cloned to 2019–2024 with each budget transaction split into many SP2D lines, sums kept to
the Rupiah)."""

from __future__ import annotations

import csv
import io
import random
import tempfile
from copy import copy
from datetime import date
from decimal import ROUND_DOWN, Decimal

PENDIDIKAN = ["SMA", "SMA", "SMA", "D3", "S1", "S1", "S2", "SMP"]
NAMA = [
    "Ahmad",
    "Siti",
    "Budi",
    "Dewi",
    "Rizki",
    "Nur",
    "Agus",
    "Fitri",
    "Dedi",
    "Rina",
    "Hendra",
    "Wati",
]


def _pendaftar_csv(rekrutmen, jumlah: int, seed: int = 7) -> str:
    from badan_adhoc.models import Wilayah

    rng = random.Random(seed)
    kelurahan = list(
        Wilayah.objects.exclude(jenis=Wilayah.Jenis.KECAMATAN).values_list("kode", flat=True)
    )
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["nik", "nama", "jenis_kelamin", "tempat_lahir", "tanggal_lahir", "pendidikan",
                "kode_domisili", "alamat", "no_hp", "email", "kode_wilayah_tujuan"])  # fmt: skip
    for i in range(jumlah):
        lahir = date(rng.randint(1965, 2006), rng.randint(1, 12), rng.randint(1, 28))
        jk = rng.choice("LP")
        hari = lahir.day + (40 if jk == "P" else 0)
        nik = f"367301{hari:02d}{lahir.month:02d}{lahir.year % 100:02d}{i % 10000:04d}"
        tujuan = rng.choice(kelurahan)
        domisili = tujuan if rng.random() > 0.03 else rng.choice(kelurahan)
        w.writerow([nik, f"{rng.choice(NAMA)} {rng.choice(NAMA)} {i}", jk, "Serang", lahir.isoformat(),
                    rng.choice(PENDIDIKAN), domisili, f"Kp. Contoh RT {i % 20:02d}", f"08{rng.randint(10**9, 10**10 - 1)}",
                    "", tujuan])  # fmt: skip
    return buf.getvalue()


def pendaftar_add(*, jumlah: int, stdout) -> None:
    from badan_adhoc.models import Rekrutmen
    from badan_adhoc.services.impor import pendaftar_import
    from badan_adhoc.services.seleksi import pendaftar_screen

    rekrutmen = Rekrutmen.objects.filter(jenis_badan="kpps").order_by("pk").first()
    data = _pendaftar_csv(rekrutmen, jumlah).encode()
    with tempfile.NamedTemporaryFile(suffix=".csv") as fh:
        fh.write(data)
        fh.flush()
        pendaftar_import(rekrutmen=rekrutmen, berkas=fh.name, nama_berkas="beban.csv")
    pendaftar_screen(rekrutmen=rekrutmen)
    stdout.write(f"  {jumlah} pendaftar KPPS diimpor dan diseleksi ({rekrutmen})\n")


def _klon_dipa(dokumen, tahun: int, pecah: int) -> None:
    from anggaran.models import Pagu, Pos, Realisasi, RencanaPenarikan, Revisi

    geser = tahun - dokumen.tahun
    baru = copy(dokumen)
    baru.pk = None
    baru.tahun = tahun
    baru.nomor = dokumen.nomor.replace(str(dokumen.tahun), str(tahun))
    baru.tanggal = dokumen.tanggal.replace(year=dokumen.tanggal.year + geser)
    baru.terkunci = False
    baru.dikunci_pada = None
    baru.dikunci_oleh = None
    baru.save()
    revisi = {}
    for r in Revisi.objects.filter(dokumen=dokumen).order_by("nomor"):
        lama = r.pk
        r.pk = None
        r.dokumen = baru
        r.tanggal = r.tanggal.replace(year=r.tanggal.year + geser)
        r.save()
        revisi[lama] = r
    pos = {}
    for p in sorted(Pos.objects.filter(dokumen=dokumen), key=lambda p: p.kode_lengkap.count(".")):
        lama = p.pk
        p.pk = None
        p.dokumen = baru
        p.induk = pos.get(p.induk_id) if p.induk_id else None
        p.save()
        pos[lama] = p
    Pagu.objects.bulk_create(
        [
            Pagu(**{**_kolom(x), "revisi_id": revisi[x.revisi_id].pk, "pos_id": pos[x.pos_id].pk})
            for x in Pagu.objects.filter(revisi__dokumen=dokumen)
        ]
    )
    RencanaPenarikan.objects.bulk_create(
        [
            RencanaPenarikan(**{**_kolom(x), "revisi_id": revisi[x.revisi_id].pk})
            for x in RencanaPenarikan.objects.filter(revisi__dokumen=dokumen)
        ]
    )
    baris = [
        r
        for x in Realisasi.objects.filter(dokumen=dokumen)
        for r in _pecah(
            x,
            pecah,
            dokumen_id=baru.pk,
            akun_id=pos[x.akun_id].pk,
            impor_id=None,
            tanggal=x.tanggal.replace(year=x.tanggal.year + geser),
        )
    ]
    Realisasi.objects.bulk_create(baris, batch_size=2000)


def _pecah(x, pecah: int, **ganti):
    """``pecah`` SP2D lines whose amounts add up exactly to the transaction ``x``."""
    from anggaran.models import Realisasi

    bagian = (x.nilai / pecah).quantize(Decimal("1"), rounding=ROUND_DOWN)
    sisa = x.nilai - bagian * (pecah - 1)
    for k in range(pecah):
        yield Realisasi(
            **{
                **_kolom(x),
                **ganti,
                "nomor_sp2d": f"{x.nomor_sp2d}-{k:03d}",
                "nilai": sisa if k == 0 else bagian,
            }
        )


def _kolom(obj) -> dict:
    """Plain column values of a row, without its primary key and foreign-key objects."""
    data = {}
    for f in obj._meta.concrete_fields:
        if f.primary_key:
            continue
        if f.is_relation:
            data[f.attname] = getattr(obj, f.attname)
        else:
            data[f.name] = getattr(obj, f.name)
    return data


def _klon_kinerja(tahun_sumber: int, tahun: int) -> None:
    from kinerja.models import PerjanjianKinerja, PKBaris, Realisasi

    if PerjanjianKinerja.objects.filter(tahun=tahun).exists():
        return
    for pk in PerjanjianKinerja.objects.filter(tahun=tahun_sumber):
        baris = list(PKBaris.objects.filter(perjanjian=pk))
        pk.pk = None
        pk.tahun = tahun
        if pk.tanggal:
            pk.tanggal = pk.tanggal.replace(year=tahun)
        pk.save()
        PKBaris.objects.bulk_create(
            [PKBaris(**{**_kolom(b), "perjanjian_id": pk.pk}) for b in baris]
        )
    Realisasi.objects.bulk_create(
        [
            Realisasi(**{**_kolom(r), "tahun": tahun})
            for r in Realisasi.objects.filter(tahun=tahun_sumber)
        ]
    )


def lima_tahun(*, stdout, pecah: int = 40) -> None:
    from anggaran.models import DokumenAnggaran

    dipa = DokumenAnggaran.objects.get(tahun=2023, jenis="dipa")
    for tahun in (2019, 2020, 2021, 2022, 2024):
        if not DokumenAnggaran.objects.filter(tahun=tahun, jenis="dipa").exists():
            _klon_dipa(dipa, tahun, pecah)
        if tahun >= 2020:
            _klon_kinerja(2023, tahun)
    from anggaran.models import Realisasi

    _pecah_tahun_demo(dipa, pecah)
    stdout.write(
        f"  DIPA 2019–2024, {Realisasi.objects.count()} transaksi realisasi; kinerja 2020–2024\n"
    )


def _pecah_tahun_demo(dipa, pecah: int) -> None:
    """Split the demo year's transactions too, so every year has the same volume."""
    from anggaran.models import Realisasi

    if Realisasi.objects.filter(dokumen=dipa, nomor_sp2d__endswith="-000").exists():
        return
    asli = list(Realisasi.objects.filter(dokumen=dipa))
    baris = [r for x in asli for r in _pecah(x, pecah)]
    Realisasi.objects.filter(pk__in=[x.pk for x in asli]).delete()
    Realisasi.objects.bulk_create(baris, batch_size=2000)


def pengumuman_terbit(*, stdout) -> int:
    """Published announcements for the public scenario, rendered and published through the
    application's own services (in-process, no broker): the PPK announcement (PDF and Excel,
    every wilayah) and the PPS announcement of each kecamatan (PDF). The KPPS recruitment's
    200,000 names are not rendered here (one kecamatan would be some 30,000 names; that is the
    announcement bench's job). Returns the number published."""
    from badan_adhoc.dokumen.services import dokumen_publish, dokumen_render, dokumen_request
    from badan_adhoc.models import Rekrutmen
    from badan_adhoc.selectors import kecamatan_list

    permintaan = []
    for r in Rekrutmen.objects.exclude(jenis_badan="kpps").order_by("pk"):
        if r.jenis_badan == "ppk":
            permintaan += [(r, "pengumuman_pdf", {}), (r, "pengumuman_xlsx", {})]
        else:
            permintaan += [
                (r, "pengumuman_pdf", {"kecamatan": k.pk})
                for k in kecamatan_list()
                if r.pendaftar.filter(wilayah_tujuan__induk=k).exists()
            ]
    n = 0
    for rekrutmen, jenis, parameter in permintaan:
        parameter = {"tahap": "administrasi", **parameter}
        dokumen, _baru = dokumen_request(
            rekrutmen=rekrutmen, jenis=jenis, parameter=parameter, pengguna=None, antrekan=False
        )
        dokumen = dokumen_render(dokumen_id=dokumen.pk) or dokumen
        if dokumen.dapat_diunduh and not dokumen.terbit:
            dokumen_publish(dokumen=dokumen, pengguna=None)
            n += 1
    stdout.write(f"  {n} pengumuman diterbitkan (PPK, PPS per kecamatan)\n")
    return n


def pengumuman_jejak() -> dict:
    """What proves the public scenario renders nothing: the number of documents, the renders
    they took (``percobaan``, raised by every claim), the latest finish time, and a digest of
    the published files' SHA-256."""
    import hashlib

    from django.db.models import Count, Max, Sum

    from badan_adhoc.dokumen.models import DokumenRekrutmen

    agg = DokumenRekrutmen.objects.aggregate(
        n=Count("pk"), render=Sum("percobaan"), selesai=Max("selesai_pada")
    )
    sha = DokumenRekrutmen.objects.filter(diterbitkan_pada__isnull=False).order_by("pk")
    return {
        "dokumen": agg["n"],
        "render": agg["render"] or 0,
        "selesai_terakhir": agg["selesai"].isoformat() if agg["selesai"] else "-",
        "sha256": hashlib.sha256(
            "".join(sha.values_list("sha256", flat=True)).encode()
        ).hexdigest()[:16],
    }
