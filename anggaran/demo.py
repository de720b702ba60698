"""Demo budget: DIPA 2023 of KPU Kota Serang (seed 002, Bab III B, table 3.1) and the hibah
for the Pilkada 2024.

Figures kept exactly (``shared/domain/NOTES.md``): DIPA Rp 20.415.736.000 = CQ 18.256.293.000
+ WA 2.159.443.000; realisasi Rp 20.326.861.888 = CQ 18.168.826.339 + WA 2.158.035.549;
serapan 99,56%; hibah Rp 11.199.970.000.

Where the typed table 3.1 does not add up, the computation stands:

- CQ lines sum to 18.256.393.000, 100.000 above the program total; line b (Pendaftaran dan
  Verifikasi Peserta Pemilu) is taken as 18.885.000, which also gives the "100%" printed for
  it (18.884.995 / 18.885.000);
- the WA block is shifted one row in the source (the program's figures sit on line a). The
  realisasi of the three WA lines (2.091.349.077 + 59.206.472 + 7.480.000) equals the WA total
  exactly; their pagu is set so that they sum to 2.159.443.000 with no line above its pagu;
- the sisa printed in the text (Rp 77.381.112) is not pagu − realisasi; the tree computes
  Rp 88.874.112.

Below each table 3.1 line (a kegiatan) the tree has a KRO, an RO, a komponen, a subkomponen,
2–4 akun lines and their detail lines (volume × harga). Realisasi is spread over the months as
SP2D transactions with a fixed random seed, so every run gives the same data.
"""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from django.db import transaction

from . import demo_ikpa, services
from .models import DokumenAnggaran, Pos, Realisasi, RencanaPenarikan

NOMOR_DIPA = "SP DIPA-076.01.2.670714/2023"
NOMOR_NPHD = "001/PP.01-NPHD/3673/2023"

AKUN = {
    "521111": "Belanja Keperluan Perkantoran",
    "521115": "Honor Operasional Satuan Kerja",
    "521211": "Belanja Bahan",
    "521213": "Honor Output Kegiatan",
    "522111": "Belanja Langganan Listrik",
    "522151": "Belanja Jasa Profesi",
    "523111": "Belanja Pemeliharaan Gedung dan Bangunan",
    "524111": "Belanja Perjalanan Dinas Biasa",
    "524114": "Belanja Perjalanan Dinas Paket Meeting Dalam Kota",
    "532111": "Belanja Modal Peralatan dan Mesin",
}
# akun -> (satuan, harga satuan) of its main detail line; None = a monthly amount (12 BLN/OB).
SATUAN = {
    "521111": ("BLN", None),
    "521115": ("OB", None),
    "521211": ("PKT", 1_250_000),
    "521213": ("OB", 1_300_000),
    "522111": ("BLN", None),
    "522151": ("OK", 1_500_000),
    "523111": ("M2", 250_000),
    "524111": ("OK", 600_000),
    "524114": ("OH", 450_000),
    "532111": ("UNIT", 15_000_000),
}

# program code, name, kegiatan lines: (kode, uraian, pagu, realisasi, KRO, RO, akun weights,
# sasaran nomor)
PROGRAM = [
    (
        "076.01.CQ",
        "Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi",
        [
            (
                "6701",
                "Perencanaan Program dan Anggaran, serta Penyusunan Peraturan Pelaksanaan "
                "Penyelenggaraan Pemilu",
                1_279_853_000,
                1_277_447_604,
                "QGE",
                "001",
                {"521211": 3, "524114": 5, "521213": 2},
                [1],
            ),
            (
                "6702",
                "Pendaftaran dan Verifikasi Peserta Pemilu",
                18_885_000,
                18_884_995,
                "QGE",
                "002",
                {"521211": 1, "524114": 1},
                [9],
            ),
            (
                "6703",
                "Pembentukan Badan Ad Hoc",
                13_740_458_000,
                13_735_022_330,
                "QGE",
                "003",
                {"521213": 14, "521211": 2, "524114": 3},
                [8],
            ),
            (
                "6704",
                "Masa Kampanye Pemilu",
                50_958_000,
                11_593_100,
                "QGE",
                "004",
                {"521211": 1, "524114": 2},
                [10],
            ),
            (
                "6705",
                "Pengelolaan, Pengadaan, Laporan dan Dokumentasi Logistik",
                2_587_379_000,
                2_555_593_975,
                "QGE",
                "005",
                {"521211": 4, "532111": 1, "521213": 2},
                [5],
            ),
            (
                "6706",
                "Pemungutan dan Penghitungan Suara",
                31_913_000,
                31_267_500,
                "QGE",
                "006",
                {"521211": 1, "524114": 2},
                [13, 11],
            ),
            (
                "6707",
                "Pemutakhiran Data Pemilih dan Penyusunan Daftar Pemilih",
                79_097_000,
                79_095_521,
                "QGE",
                "007",
                {"521211": 1, "521213": 2},
                [3],
            ),
            (
                "6708",
                "Penetapan Peserta Pemilu",
                8_200_000,
                7_779_000,
                "QGE",
                "008",
                {"521211": 1, "524114": 1},
                [9],
            ),
            (
                "6709",
                "Penetapan Jumlah Kursi dan Penetapan Daerah Pemilihan",
                149_725_000,
                148_787_614,
                "QGE",
                "009",
                {"521211": 1, "524114": 3},
                [6],
            ),
            (
                "6710",
                "Pencalonan Presiden dan Wakil Presiden serta Pencalonan Anggota DPR, DPD, "
                "DPRD Provinsi dan DPRD Kabupaten/Kota",
                309_825_000,
                303_354_700,
                "QGE",
                "010",
                {"521211": 2, "524114": 3, "522151": 1},
                [6],
            ),
        ],
    ),
    (
        "076.01.WA",
        "Dukungan Manajemen",
        [
            (
                "6721",
                "Pengelolaan Keuangan dan Barang Milik Negara",
                2_091_600_000,
                2_091_349_077,
                "EBA",
                "994",
                {"521115": 6, "521111": 2, "522111": 1, "523111": 1},
                [2],
            ),
            (
                "6722",
                "Operasional Perkantoran dan Dukungan Sarana Prasarana",
                60_243_000,
                59_206_472,
                "EBA",
                "962",
                {"521211": 2, "524111": 1},
                [4],
            ),
            (
                "6723",
                "Data dan Informasi",
                7_600_000,
                7_480_000,
                "EBD",
                "953",
                {"521211": 1, "524114": 1},
                [7],
            ),
        ],
    ),
]

HIBAH = [
    (
        "01",
        "Perencanaan dan Pembentukan Badan Ad Hoc Pemilihan",
        4_850_000_000,
        0,
        {"521213": 4, "521211": 1},
    ),
    (
        "02",
        "Pengadaan dan Distribusi Logistik Pemilihan",
        2_980_000_000,
        0,
        {"521211": 3, "532111": 1},
    ),
    ("03", "Sosialisasi dan Pendidikan Pemilih", 1_270_000_000, 0, {"521211": 1, "524114": 2}),
    ("04", "Kampanye dan Debat Publik Pasangan Calon", 900_000_000, 0, {"521211": 1, "522151": 1}),
    (
        "05",
        "Dukungan Operasional Pemilihan",
        1_199_970_000,
        145_650_000,
        {"521111": 1, "521115": 2},
    ),
]

# Share of each month in the year's spending (the 2023 pattern: badan ad hoc from January,
# logistics and the candidacy stages in the second half).
POLA_BULAN = [4, 6, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10]
SEED = 2023


def _bagi(total: int, bobot: list[int]) -> list[int]:
    """Split an integer into integer parts proportional to ``bobot``; the parts sum exactly."""
    jumlah = sum(bobot)
    parts = [total * b // jumlah for b in bobot]
    parts[-1] += total - sum(parts)
    return parts


def _bagi_terbatas(total: int, batas: list[int]) -> list[int]:
    """Split ``total`` (≤ sum of ``batas``) in proportion to ``batas``, never above a bound."""
    jumlah = sum(batas)
    parts = [total * b // jumlah for b in batas]
    sisa = total - sum(parts)
    for i in range(len(parts)):
        ruang = batas[i] - parts[i]
        ambil = min(ruang, sisa)
        parts[i] += ambil
        sisa -= ambil
    return parts


def _detail(akun_kode: str, jumlah: int) -> list[tuple[str, str, Decimal, Decimal]]:
    """Detail lines (uraian, satuan, volume, harga) whose volume × harga sum to ``jumlah``:
    about 70% on the main line at a typical unit price, the rest as one package."""
    satuan, harga = SATUAN[akun_kode]
    uraian = AKUN[akun_kode]
    pokok = jumlah * 7 // 10
    if harga is None:
        volume, harga = 12, pokok // 12 // 1000 * 1000
    else:
        volume = pokok // harga
    utama = volume * harga
    if volume and harga and jumlah - utama > 0:
        return [
            (f"{uraian} (kebutuhan pokok)", satuan, Decimal(volume), Decimal(harga)),
            (f"{uraian} (kebutuhan penunjang)", "PKT", Decimal(1), Decimal(jumlah - utama)),
        ]
    return [(uraian, "PKT", Decimal(1), Decimal(jumlah))]


def _transaksi(rng: random.Random, total: int, awal: int = 1) -> list[tuple[date, int]]:
    """Spread ``total`` over 3–8 payments in months ≥ ``awal``; amounts sum exactly."""
    if total <= 0:
        return []
    n = 1 if total < 2_000_000 else min(8, 3 + total // 500_000_000)
    months = list(range(awal, 13))
    weights = POLA_BULAN[awal - 1 :]
    bulan = sorted(rng.choices(months, weights=weights, k=int(n)))
    amounts = _bagi(total, [rng.randint(5, 15) for _ in range(int(n))])
    return [
        (date(2023, b, min(28, rng.randint(3, 27))), a) for b, a in zip(bulan, amounts, strict=True)
    ]


def _pos(dokumen, induk, tingkat, kode, uraian, **kw) -> Pos:
    return services.pos_create(
        pengguna=None, dokumen=dokumen, induk=induk, tingkat=tingkat, kode=kode, uraian=uraian, **kw
    )


def _bangun_kegiatan(dokumen, program, baris, rng, *, lengkap: bool):
    """Create a kegiatan line and its subtree; return [(akun, realisasi plan), ...]."""
    kode, uraian, pagu, realisasi, kro, ro, bobot, _sasaran = (*baris, None, None, None)[:8]
    kegiatan = _pos(dokumen, program, Pos.Tingkat.KEGIATAN, kode, uraian)
    induk = kegiatan
    if lengkap:
        induk = _pos(dokumen, induk, Pos.Tingkat.KRO, kro, f"Layanan {uraian}"[:200])
        induk = _pos(dokumen, induk, Pos.Tingkat.RO, ro, uraian)
        induk = _pos(dokumen, induk, Pos.Tingkat.KOMPONEN, "051", "Persiapan dan pelaksanaan")
        induk = _pos(dokumen, induk, Pos.Tingkat.SUBKOMPONEN, "A", uraian[:200])
    akun_kode = list(bobot)
    pagu_akun = _bagi(pagu, [bobot[k] for k in akun_kode])
    if pagu >= 1_000_000:  # keep thousands on every akun but the last
        pagu_akun = [p // 1000 * 1000 for p in pagu_akun[:-1]]
        pagu_akun.append(pagu - sum(pagu_akun))
    real_akun = _bagi_terbatas(realisasi, pagu_akun)
    hasil = []
    for k, p, r in zip(akun_kode, pagu_akun, real_akun, strict=True):
        akun = _pos(dokumen, induk, Pos.Tingkat.AKUN, k, AKUN[k])
        for i, (ur, sat, vol, harga) in enumerate(_detail(k, p), start=1):
            _pos(dokumen, akun, Pos.Tingkat.DETAIL, str(i), ur, satuan=sat, volume=vol, harga=harga)
        hasil.append((akun, _transaksi(rng, r)))
    return kegiatan, hasil


def _realisasi(akun_rencana, prefix: str) -> None:
    semua = sorted(
        ((tgl, akun, nilai) for akun, rencana in akun_rencana for tgl, nilai in rencana),
        key=lambda x: (x[0], x[1].kode_lengkap),
    )
    for nomor, (tgl, akun, nilai) in enumerate(semua, start=1):
        services.realisasi_create(
            pengguna=None,
            akun=akun,
            tanggal=tgl,
            nomor_sp2d=f"{prefix}{nomor:05d}",
            nomor_spm=f"{nomor:05d}/SPM/670714/2023",
            nilai=Decimal(nilai),
            uraian=f"Pembayaran {akun.uraian.lower()}",
        )


def _link_sasaran(dokumen, kegiatan_sasaran: dict[str, list[int]]) -> None:
    try:
        from kinerja.models import Sasaran
    except ImportError:  # pragma: no cover - kinerja is always installed
        return
    by_nomor = {s.nomor: s for s in Sasaran.objects.order_by("nomor")}
    for kode_lengkap, nomor_list in kegiatan_sasaran.items():
        pos = Pos.objects.filter(dokumen=dokumen, kode_lengkap=kode_lengkap).first()
        targets = [by_nomor[n] for n in nomor_list if n in by_nomor]
        if pos is not None and targets and not pos.sasaran.exists():
            pos.sasaran.add(*targets)


@transaction.atomic
def _dipa(stdout) -> None:
    rng = random.Random(SEED)
    dipa = services.dokumen_create(
        pengguna=None,
        jenis=DokumenAnggaran.Jenis.DIPA,
        tahun=2023,
        nomor=NOMOR_DIPA,
        tanggal=date(2022, 12, 5),
        uraian="DIPA Satker KPU Kota Serang (670714) Tahun Anggaran 2023",
        alasan_awal="DIPA awal diserahkan",
    )
    rencana = []
    for kode_prog, nama_prog, kegiatan_list in PROGRAM:
        program = _pos(dipa, None, Pos.Tingkat.PROGRAM, kode_prog, nama_prog)
        for baris in kegiatan_list:
            _kegiatan, akun_rencana = _bangun_kegiatan(dipa, program, baris, rng, lengkap=True)
            rencana.extend(akun_rencana)

    # Revisi ke-1 (POK): the pagu awal had Rp 50.000.000 more on belanja bahan and less on paket
    # meeting in line 6703; the revision moved it back. Totals are the same in both versions.
    akun_bahan = Pos.objects.get(dokumen=dipa, kode_lengkap="076.01.CQ.6703.QGE.003.051.A.521211")
    akun_rapat = Pos.objects.get(dokumen=dipa, kode_lengkap="076.01.CQ.6703.QGE.003.051.A.524114")
    pagu_awal = {}
    for akun, delta in ((akun_bahan, 50_000_000), (akun_rapat, -50_000_000)):
        detail = akun.anak.order_by("kode").last()
        p = detail.pagu.get()
        pagu_awal[detail.pk] = (detail, p.volume, p.harga)
        p.harga = p.harga + delta
        p.save()

    bulan_real = [0] * 12
    for _akun, r in rencana:
        for tgl, nilai in r:
            bulan_real[tgl.month - 1] += nilai
    total_pagu = 20_415_736_000
    # the DIPA awal's halaman III was planned close to how the year went (a satker plans its
    # stages), less close than the July update
    faktor_awal = [108, 92, 95, 106, 97, 104, 96, 103, 98, 105, 99, 100]
    rpd_awal = [b * f // 100 for b, f in zip(bulan_real, faktor_awal, strict=True)]
    rpd_awal[-1] += total_pagu - sum(rpd_awal)
    faktor = [103, 97, 104, 98, 102, 96, 103, 99, 101, 97, 102, 100]
    rpd_akhir = [b * f // 100 for b, f in zip(bulan_real, faktor, strict=True)]
    rpd_akhir[-1] += total_pagu - sum(rpd_akhir)
    services.rpd_set(
        pengguna=None,
        revisi=dipa.revisi.get(nomor=0),
        nilai={i + 1: Decimal(v) for i, v in enumerate(rpd_awal)},
    )
    services.revisi_create(
        pengguna=None,
        dokumen=dipa,
        tanggal=date(2023, 7, 20),
        alasan="Revisi POK: pergeseran anggaran antar-akun dalam kegiatan Pembentukan Badan Ad "
        "Hoc dan pemutakhiran halaman III (RPD)",
        perubahan=[
            services.PerubahanPagu(pos=d, volume=v, harga=h) for d, v, h in pagu_awal.values()
        ],
        rpd={i + 1: Decimal(v) for i, v in enumerate(rpd_akhir)},
    )
    # Two revisions of a fixed pagu approved by the Kanwil DJPb in one quarter (INVENTED, for
    # the IKPA revisi DIPA indicator): the RPD of October–December updated twice.
    for tanggal, pindah in (
        (date(2023, 9, 8), (12, 10, 200_000_000)),
        (date(2023, 9, 26), (10, 11, 100_000_000)),
    ):
        dari, ke, nilai = pindah
        terakhir = dict(
            RencanaPenarikan.objects.filter(revisi=dipa.revisi.order_by("-nomor")[0]).values_list(
                "bulan", "nilai"
            )
        )
        services.revisi_create(
            pengguna=None,
            dokumen=dipa,
            tanggal=tanggal,
            alasan="Revisi DIPA pagu tetap disahkan Kanwil DJPb: pemutakhiran rencana penarikan "
            "dana triwulan IV (data contoh rekaan)",
            perubahan=[],
            rpd={dari: terakhir[dari] - nilai, ke: terakhir[ke] + nilai},
        )
    _realisasi(rencana, "23067071400")
    stdout.write(f"  anggaran: {dipa} dengan {Realisasi.objects.filter(dokumen=dipa).count()} SP2D")


@transaction.atomic
def _hibah(stdout) -> None:
    rng = random.Random(SEED + 1)
    hibah = services.dokumen_create(
        pengguna=None,
        jenis=DokumenAnggaran.Jenis.HIBAH,
        tahun=2023,
        nomor=NOMOR_NPHD,
        tanggal=date(2023, 11, 10),
        uraian="Hibah Pemilihan Walikota dan Wakil Walikota Serang Tahun 2024",
        pemberi="Pemerintah Kota Serang",
        alasan_awal="NPHD ditandatangani",
    )
    program = _pos(
        hibah,
        None,
        Pos.Tingkat.PROGRAM,
        "PILKADA.2024",
        "Pemilihan Walikota dan Wakil Walikota Serang Tahun 2024",
    )
    rencana = []
    for kode, uraian, pagu, realisasi, bobot in HIBAH:
        _k, akun_rencana = _bangun_kegiatan(
            hibah, program, (kode, uraian, pagu, realisasi, "", "", bobot), rng, lengkap=False
        )
        rencana.extend(
            (akun, [(date(2023, 12, max(1, tgl.day)), nilai) for tgl, nilai in r])
            for akun, r in akun_rencana
        )
    _realisasi(rencana, "HBH2023")
    stdout.write(f"  anggaran: hibah {hibah}")


def muat(*, stdout) -> None:
    """Load the demo budget once; running it again changes nothing."""
    if not DokumenAnggaran.objects.filter(nomor=NOMOR_DIPA).exists():
        _dipa(stdout)
    if not DokumenAnggaran.objects.filter(nomor=NOMOR_NPHD).exists():
        _hibah(stdout)
    dipa = DokumenAnggaran.objects.get(nomor=NOMOR_DIPA)
    demo_ikpa.muat(dipa=dipa, stdout=stdout)
    _link_sasaran(
        dipa,
        {
            f"{kode_prog}.{baris[0]}": baris[7]
            for kode_prog, _n, kegiatan_list in PROGRAM
            for baris in kegiatan_list
        },
    )


def muat_akhir(*, stdout, lkj_final: bool = True) -> None:
    """After the demo accounts exist: the Kasubag Keuangan's verification of the IKPA data."""
    dipa = DokumenAnggaran.objects.filter(nomor=NOMOR_DIPA).first()
    if dipa is not None:
        demo_ikpa.verifikasi_muat(dipa)
    profil_sakti_muat()


PROFIL_SAKTI = "SAKTI – realisasi SP2D"


def profil_sakti_muat() -> None:
    """A column-mapping profile of the realisasi import for a SAKTI "Daftar SP2D" export
    (its own column names, dates as ``17 Oktober 2023``, the akun code in one column), saved
    by the Kasubag Keuangan; once."""
    from django.contrib.auth import get_user_model

    from kpu_site.models import ProfilImpor
    from kpu_site.services import profil_impor_simpan

    if ProfilImpor.objects.filter(jenis="realisasi", nama=PROFIL_SAKTI).exists():
        return
    profil_impor_simpan(
        pengguna=get_user_model().objects.filter(username="kasubag.keuangan").first(),
        jenis="realisasi",
        nama=PROFIL_SAKTI,
        kolom={
            "tanggal": ["Tanggal SP2D"],
            "nomor_sp2d": ["Nomor SP2D"],
            "kode_akun": ["Kode Akun Lengkap"],
            "uraian": ["Uraian SP2D"],
            "nilai": ["Nilai Bersih"],
            "nomor_spm": ["Nomor SPM"],
        },
        aturan={"tanggal": "tanggal", "nilai": "angka_id"},
    )
