"""Demo: Kota Serang's wilayah and TPS for Pemilu 2024, PPK/PPS/KPPS recruitments with
generated applicants (some in every TMS reason) and a party-member list. Idempotent.

Wilayah: ``fixtures/wilayah_kota_serang.csv`` has the real 6 kecamatan (Kemendagri 36.73.xx)
and 67 kelurahan. The kelurahan names are written from memory of the official list; where we
were unsure we kept the name we believe is right, and *Cibendung* (Taktakan) is a plausible
name added to reach the 67 kelurahan NOTES.md gives. The kelurahan codes (``36.73.0x.10yy``)
follow the Kemendagri pattern but are numbered alphabetically, not copied from the decree.
TPS counts and DPT per TPS are generated (about 1,900 TPS, ~250 voters each); applicants are
generated with a fixed seed, so the figures are the same on every machine.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone

from . import demo_dokumen, demo_tanggapan
from .acuan import acuan_pastikan
from .demo_berkas import muat_berkas
from .models import (
    TPS,
    AnggotaBadan,
    AnggotaParpol,
    DokumenPendaftar,
    KlarifikasiParpol,
    Pendaftar,
    Rekrutmen,
    Wilayah,
)
from .services import (
    anggota_parpol_import,
    nilai_import,
    paw_create,
    pendaftar_import,
    pendaftar_screen,
    penetapan_create,
    peringkat_compute,
    rekrutmen_create,
    tps_import,
    wawancara_select,
    wilayah_import,
)
from .services.penetapan import cadangan_berikut

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "wilayah_kota_serang.csv"
PEMILIHAN = "Pemilu 2024"

# kode, jenis, nama, tanggal acuan, masa kerja, jumlah pendaftar, tahapan
REKRUTMEN = [
    (
        "ppk-pemilu-2024",
        "ppk",
        "PPK Pemilu 2024",
        date(2022, 12, 18),
        (date(2023, 1, 4), date(2024, 4, 4)),
        120,
        [
            ("pendaftaran", date(2022, 11, 20), date(2022, 11, 29)),
            ("administrasi", date(2022, 11, 30), date(2022, 12, 6)),
            ("tanggapan", date(2022, 12, 7), date(2022, 12, 13)),
            ("tes_tertulis", date(2022, 12, 10), date(2022, 12, 13)),
            ("wawancara", date(2022, 12, 18), date(2022, 12, 20)),
            ("penetapan", date(2022, 12, 28), date(2023, 1, 4)),
        ],
    ),
    (
        "pps-pemilu-2024",
        "pps",
        "PPS Pemilu 2024",
        date(2023, 1, 2),
        (date(2023, 1, 17), date(2024, 4, 4)),
        620,
        [
            ("pendaftaran", date(2022, 12, 18), date(2022, 12, 27)),
            ("administrasi", date(2022, 12, 28), date(2023, 1, 2)),
            ("tanggapan", date(2022, 12, 28), date(2023, 1, 5)),
            ("tes_tertulis", date(2023, 1, 3), date(2023, 1, 5)),
            ("wawancara", date(2023, 1, 9), date(2023, 1, 11)),
            ("penetapan", date(2023, 1, 16), date(2023, 1, 24)),
        ],
    ),
    (
        "kpps-pemilu-2024",
        "kpps",
        "KPPS Pemilu 2024",
        date(2023, 12, 11),
        (date(2024, 1, 25), date(2024, 2, 25)),
        0,  # KPPS: computed from the seats (about 15,000)
        [
            ("pendaftaran", date(2023, 12, 11), date(2023, 12, 20)),
            ("administrasi", date(2023, 12, 21), date(2024, 1, 2)),
            ("tanggapan", date(2024, 1, 3), date(2024, 1, 9)),
            ("penetapan", date(2024, 1, 23), date(2024, 1, 25)),
        ],
    ),
]

NAMA_DEPAN_L = [
    "Ahmad", "Budi", "Dedi", "Eko", "Fajar", "Hendra", "Iwan", "Joko", "Lukman", "Rizki",
    "Rudi", "Slamet", "Taufik", "Wahyu", "Yusuf", "Agus", "Dimas", "Ilham", "Nurdin", "Asep",
]  # fmt: skip
NAMA_DEPAN_P = [
    "Siti", "Dewi", "Eka", "Fitri", "Hana", "Indah", "Lina", "Maya", "Nur", "Rina",
    "Sari", "Tuti", "Wulan", "Yanti", "Ayu", "Dian", "Euis", "Neneng", "Ratna", "Iis",
]  # fmt: skip
NAMA_BELAKANG = [
    "Hidayat", "Saputra", "Lestari", "Rahmawati", "Pratama", "Kurniawan", "Susanti",
    "Permana", "Maulana", "Hasanah", "Fauzi", "Sulaeman", "Nurjanah", "Setiawan", "Jaelani",
]  # fmt: skip
PARTAI = ["Partai A", "Partai B", "Partai C", "Partai D", "Partai E"]
KEPALA = (
    "nik,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,pendidikan,kode_domisili,alamat,"
    "no_hp,email,kode_wilayah_tujuan"
)
PDF_DEMO = b"%PDF-1.4\n% surat keterangan demo\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _nik(kode_kec: str, lahir: date, jk: str, urut: int) -> str:
    hari = lahir.day + (40 if jk == "P" else 0)
    return f"3673{kode_kec}{hari:02d}{lahir.month:02d}{lahir.year % 100:02d}{urut % 10000:04d}"


def _wilayah(stdout) -> None:
    if Wilayah.objects.exists():
        return
    hasil = wilayah_import(berkas=FIXTURE.read_bytes(), nama_berkas=FIXTURE.name)
    rng = random.Random(7301)
    baris = ["kode_kelurahan,nomor,jumlah_dpt"]
    for kel in Wilayah.objects.exclude(jenis="kecamatan").order_by("kode"):
        for nomor in range(1, rng.randint(18, 40) + 1):
            baris.append(f"{kel.kode},{nomor},{rng.randint(200, 300)}")
    tps_import(berkas="\n".join(baris).encode(), nama_berkas="tps_kota_serang.csv")
    stdout.write(f"  badan_adhoc: {hasil.baru} wilayah, {TPS.objects.count()} TPS")


def orang_acak(rng: random.Random) -> tuple[str, str]:
    """An invented applicant's sex and name (about 45% women)."""
    jk = "P" if rng.random() < 0.45 else "L"
    depan = rng.choice(NAMA_DEPAN_P if jk == "P" else NAMA_DEPAN_L)
    return jk, f"{depan} {rng.choice(NAMA_BELAKANG)}"


def baris_pendaftar(
    rng: random.Random,
    nik: str,
    nama: str,
    jk: str,
    lahir: date,
    pendidikan: str,
    domisili: str,
    tujuan: str,
) -> str:
    """One row of the applicant file (columns ``KEPALA``), with an invented address and phone
    number drawn from ``rng``; ``tujuan``: the code of the wilayah applied for."""
    return (
        f"{nik},{nama},{jk},Serang,{lahir.isoformat()},{pendidikan},{domisili},"
        f"Kp. {rng.choice(NAMA_BELAKANG)} RT 0{rng.randint(1, 9)}/0{rng.randint(1, 9)},"
        f"08{rng.randint(1000000000, 9999999999)},,{tujuan}"
    )


def _pendaftar_csv(rekrutmen: Rekrutmen, jumlah: int, rng: random.Random, parpol: list) -> str:
    """Applicants spread over the wilayah, a few percent in each TMS reason."""
    if rekrutmen.jenis_badan == "ppk":
        tujuan = list(Wilayah.objects.filter(jenis="kecamatan").order_by("kode"))
        kelurahan_dari = {
            k.pk: list(k.anak.order_by("kode").values_list("kode", flat=True)) for k in tujuan
        }
    else:
        tujuan = list(
            Wilayah.objects.exclude(jenis="kecamatan").select_related("induk").order_by("kode")
        )
        if rekrutmen.jenis_badan == "kpps":
            # about 1.1 applicants per seat (7 per TPS), but every 9th kelurahan short of
            # applicants, to show the gaps on the dashboard
            from .selectors import kursi_per_wilayah

            kursi = kursi_per_wilayah(rekrutmen)
            urutan = []
            for n, w in enumerate(tujuan):
                faktor = 0.75 if n % 9 == 4 else 1.12
                urutan += [w] * round(kursi.get(w.pk, 0) * faktor)
            rng.shuffle(urutan)
            tujuan, jumlah = urutan, len(urutan)
    acuan = rekrutmen.tanggal_acuan
    semua_kel = list(Wilayah.objects.exclude(jenis="kecamatan").values_list("kode", flat=True))
    baris = [KEPALA]
    nik_sebelumnya = None
    urut0 = {"ppk": 1000, "pps": 3000, "kpps": 5000}[rekrutmen.jenis_badan]
    for i in range(jumlah):
        w = tujuan[i % len(tujuan)]
        if w.is_kecamatan:
            kode_kec = w.kode.split(".")[2]
            domisili = rng.choice(kelurahan_dari[w.pk])
        else:
            kode_kec = w.kode.split(".")[2]
            domisili = w.kode
        jk, nama = orang_acak(rng)
        lahir = acuan - timedelta(days=rng.randint(19 * 365, 50 * 365))
        pendidikan = rng.choice(["SMA", "SMA", "SMA", "D3", "S1", "S1", "S2"])
        r = rng.random()
        if r < 0.02:
            lahir = acuan - timedelta(days=rng.randint(15 * 365 + 30, 16 * 365 + 300))
        elif r < 0.04:
            pendidikan = rng.choice(["SD", "SMP"])
        elif r < 0.07:
            domisili = rng.choice(semua_kel) if rng.random() < 0.7 else "36.04.01.2001"
        elif r < 0.10 and rekrutmen.jenis_badan == "kpps":
            lahir = acuan - timedelta(days=rng.randint(56 * 365 + 20, 64 * 365))
        nik = _nik(kode_kec, lahir, jk, urut0 + i)
        r = rng.random()
        if r < 0.02:
            nik = nik[:-1]  # 15 digits
        elif r < 0.03:
            nik = _nik(kode_kec, lahir, "L" if jk == "P" else "P", urut0 + i)  # sex digit wrong
        elif r < 0.045 and nik_sebelumnya:
            nik = nik_sebelumnya  # registered twice
        elif r < 0.07 or i % 40 == 7:
            parpol.append((nik, nama))
        nik_sebelumnya = nik
        baris.append(baris_pendaftar(rng, nik, nama, jk, lahir, pendidikan, domisili, w.kode))
    return "\n".join(baris) + "\n"


def muat(*, stdout) -> None:
    acuan_pastikan()
    _wilayah(stdout)
    rng = random.Random(2024)
    parpol: list[tuple[str, str]] = []
    baru = []
    for kode, jenis, nama, acuan, (mulai, selesai), jumlah, tahapan in REKRUTMEN:
        rekrutmen = Rekrutmen.objects.filter(kode=kode).first()
        if rekrutmen is None:
            rekrutmen = rekrutmen_create(
                kode=kode,
                jenis_badan=jenis,
                nama=nama,
                pemilihan=PEMILIHAN,
                tanggal_acuan=acuan,
                masa_kerja_mulai=mulai,
                masa_kerja_selesai=selesai,
                tahapan=tahapan,
            )
        if not rekrutmen.pendaftar.exists():
            isi = _pendaftar_csv(rekrutmen, jumlah, rng, parpol)
            pendaftar_import(rekrutmen=rekrutmen, berkas=isi.encode(), nama_berkas=f"{kode}.csv")
            baru.append(rekrutmen)
    if parpol and not AnggotaParpol.objects.exists():
        baris = ["nik,nama,partai"]
        baris += [f"{nik},{nama},{rng.choice(PARTAI)}" for nik, nama in parpol]
        baris += [f"3673{i:012d},Anggota {i},{PARTAI[i % 5]}" for i in range(1, 500)]
        anggota_parpol_import(berkas="\n".join(baris).encode(), nama_berkas="sipol_demo.csv")
    for rekrutmen in baru:
        _klarifikasi_demo(rekrutmen)
        pendaftar_screen(rekrutmen=rekrutmen)
        _seleksi_lanjut_demo(rekrutmen, rng)
    from .demo_pantarlih import muat as muat_pantarlih

    muat_pantarlih(stdout=stdout)  # Pantarlih Pemilu 2024, one kecamatan (demo_pantarlih.py)
    if baru:
        stdout.write(
            "  badan_adhoc: " + ", ".join(f"{r.kode} {r.pendaftar.count()} pendaftar" for r in baru)
        )
    demo_tanggapan.muat(stdout=stdout)
    muat_berkas(stdout=stdout)  # the applicant's file (badan_adhoc/demo_berkas.py)
    # After every screening (the Pantarlih's too: screening one recruitment changes the
    # applicant data of those it overlaps, NIK registered twice), the comments and the
    # checklist (they write applicants too, ``pendaftar_versi``), else the issue is outdated.
    demo_dokumen.muat(stdout=stdout)  # numbered documents (badan_adhoc/demo_dokumen.py)


def _klarifikasi_demo(rekrutmen: Rekrutmen) -> None:
    """One applicant listed in SIPOL whose clarification letter was accepted, and one waiting."""
    nik_parpol = AnggotaParpol.objects.values("nik")
    calon = list(
        Pendaftar.objects.filter(rekrutmen=rekrutmen, nik__in=nik_parpol).order_by("pk")[:2]
    )
    pertama = Pendaftar.objects.filter(rekrutmen=rekrutmen).order_by("pk").first()
    if pertama is not None and not pertama.dokumen.exists():
        for jenis in (DokumenPendaftar.Jenis.KTP, DokumenPendaftar.Jenis.IJAZAH):
            d = DokumenPendaftar(
                pendaftar=pertama, jenis=jenis, nama_asli=f"{jenis}.pdf", jenis_berkas="pdf"
            )
            d.berkas.save(f"demo-{jenis}-{pertama.pk}.pdf", ContentFile(PDF_DEMO), save=False)
            d.save()
    for i, p in enumerate(calon):
        k = KlarifikasiParpol(
            pendaftar=p,
            nama_asli="surat-keterangan-partai.pdf",
            jenis_berkas="pdf",
            keterangan="Surat keterangan bukan anggota dari pengurus partai",
        )
        k.berkas.save(f"demo-klarifikasi-{p.pk}.pdf", ContentFile(PDF_DEMO), save=False)
        if i == 0:
            k.status = KlarifikasiParpol.Status.DITERIMA
            k.diputuskan_pada = timezone.now()
            k.catatan_keputusan = "Surat asli diperiksa; tercatat keluar dari partai sejak 2016."
        k.save()


# SK numbers of the demo appointments (invented, in the KPU Kota Serang format)
SK = {
    "ppk-pemilu-2024": ("1/PP.04-Kpt/3673/2023", date(2023, 1, 2)),
    "pps-pemilu-2024": ("12/PP.04-Kpt/3673/2023", date(2023, 1, 16)),
    "kpps-pemilu-2024": ("PPS-KPPS/3673/I/2024", date(2024, 1, 23)),
}


def _seleksi_lanjut_demo(rekrutmen: Rekrutmen, rng: random.Random) -> None:
    """Scores, interview call, ranking, appointment, a ketua per wilayah, and one PAW."""
    if rekrutmen.jenis_badan != "kpps":
        ms = list(
            Pendaftar.objects.filter(rekrutmen=rekrutmen, status_administrasi="ms")
            .order_by("pk")
            .values_list("nik", flat=True)
        )
        isi = "nik,nilai_cat\n" + "".join(
            f"{nik},{rng.randint(450, 950) / 10}\n" for nik in dict.fromkeys(ms)
        )
        nilai_import(rekrutmen=rekrutmen, berkas=isi.encode(), nama_berkas="cat.csv", pengguna=None)
        wawancara_select(rekrutmen=rekrutmen, pengguna=None)
        dipanggil = Pendaftar.objects.filter(rekrutmen=rekrutmen, dipanggil_wawancara=True)
        isi = "nik,nilai_wawancara\n" + "".join(
            f"{p.nik},{rng.randint(550, 950) / 10}\n" for p in dipanggil.order_by("pk")
        )
        nilai_import(rekrutmen=rekrutmen, berkas=isi.encode(), nama_berkas="wwc.csv", pengguna=None)
    peringkat_compute(rekrutmen=rekrutmen, pengguna=None)
    nomor, tanggal = SK[rekrutmen.kode]
    penetapan_create(rekrutmen=rekrutmen, nomor_sk=nomor, tanggal_sk=tanggal, pengguna=None)
    if rekrutmen.jenis_badan != "kpps":
        pertama = {}
        for a in AnggotaBadan.objects.filter(rekrutmen=rekrutmen).order_by("wilayah_id", "pk"):
            pertama.setdefault(a.wilayah_id, a)
        AnggotaBadan.objects.filter(pk__in=[a.pk for a in pertama.values()]).update(jabatan="ketua")
        anggota = (
            AnggotaBadan.objects.filter(rekrutmen=rekrutmen, jabatan="anggota")
            .order_by("pk")
            .first()
        )
        if anggota is not None and cadangan_berikut(anggota) is not None:
            paw_create(
                anggota=anggota,
                alasan=AnggotaBadan.AlasanBerhenti.MENGUNDURKAN_DIRI,
                tanggal_berhenti=anggota.mulai + timedelta(days=150),
                keterangan="Mengundurkan diri karena diterima bekerja di luar kota",
                nomor_sk=f"PAW-{nomor}",
                tanggal_sk=anggota.mulai + timedelta(days=152),
                pengguna=None,
            )
        _akun_honor_demo(rekrutmen)


def _akun_honor_demo(rekrutmen: Rekrutmen) -> None:
    """Link to the 2023 DIPA line 521213 (Honor Output Kegiatan) of kegiatan 6703
    Pembentukan Badan Ad Hoc, when the anggaran demo has loaded it."""
    from anggaran.models import Pos

    akun = (
        Pos.objects.filter(tingkat="akun", kode="521213", kode_lengkap__contains="6703")
        .order_by("-dokumen_id", "pk")
        .first()
    )
    if akun is not None:
        Rekrutmen.objects.filter(pk=rekrutmen.pk).update(akun_honor=akun)
