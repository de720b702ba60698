"""Write ``tests/data/dipa_sakti_2024.xlsx``: a SAKTI-like POK of a KPU regency secretariat.

Run ``python tests/data/buat_dipa_sakti.py`` from the project root to write it again. Fixed
numbers, so the tests pin its totals by hand: each kegiatan has 4 akun of 20 detail lines;
detail i (1..20) of an akun has volume i and harga satuan = the akun's harga × the kegiatan's
factor k. An akun therefore sums to 210 × harga × k; the four harga sum to 2.050.000, so a
kegiatan is 430.500.000 × k:

- 076.01.CQ, kegiatan 6701..6705 with k = 1..5: 430.500.000 × 15 = 6.457.500.000;
- 076.01.WA, kegiatan 6721, 6722 with k = 1, 2: 430.500.000 × 3 = 1.291.500.000;
- DIPA: 7.749.000.000 over 560 detail lines.

Title rows above the header, a subtotal (JUMLAH BIAYA) on every parent line, detail lines
without a code (numbered under the akun above them, as SAKTI prints them), and a grand total.

A second sheet "RPD" (halaman III) plans each akun over the months by the weights ``BOBOT``
(twelfths: none in January and February, one a month March to October, two in November and
December), so the DIPA's RPD is 645.750.000 a month March–October and 1.291.500.000 in
November and December (7.749.000.000 in all).
"""

from __future__ import annotations

from pathlib import Path

JUDUL = [
    "KODE",
    "PROGRAM/ KEGIATAN/ KRO/ RO/ KOMPONEN/ SUBKOMP/ AKUN/ DETIL",
    "VOLUME",
    "SATUAN",
    "HARGA SATUAN",
    "JUMLAH BIAYA",
    "SUMBER DANA",
]
# akun -> (uraian, satuan, harga satuan before the kegiatan's factor)
AKUN = {
    "521211": ("Belanja Bahan", "PKT", 50_000),
    "521213": ("Honor Output Kegiatan", "OB", 300_000),
    "524114": ("Belanja Perjalanan Dinas Paket Meeting Dalam Kota", "OH", 450_000),
    "522151": ("Belanja Jasa Profesi", "OK", 1_250_000),
}
DETAIL_PER_AKUN = 20
BULAN = ("JAN", "FEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGS", "SEP", "OKT", "NOV", "DES")
BOBOT = (0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2)  # twelfths of each akun's pagu
# program, uraian, [(kegiatan, uraian, KRO, RO, factor)]
PROGRAM = [
    (
        "076.01.CQ",
        "Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi",
        [
            ("6701", "Perencanaan Program dan Anggaran", "QGE", "001", 1),
            ("6702", "Pemutakhiran Data Pemilih", "QGE", "002", 2),
            ("6703", "Pencalonan Peserta Pemilu", "QGE", "003", 3),
            ("6704", "Sosialisasi dan Partisipasi Masyarakat", "QGE", "004", 4),
            ("6705", "Logistik Pemilu", "QGE", "005", 5),
        ],
    ),
    (
        "076.01.WA",
        "Dukungan Manajemen",
        [
            ("6721", "Pengelolaan Keuangan dan Barang Milik Negara", "EBA", "956", 1),
            ("6722", "Dukungan Manajemen dan Administrasi Umum", "EBA", "962", 2),
        ],
    ),
]


def baris_dipa(ubah=None) -> list[list]:
    """The sheet's rows (title rows, header, lines, grand total). ``ubah(kode_akun, i, volume,
    harga)`` may return a new ``(volume, harga)`` or ``None`` to leave detail i out (used by the
    tests to make a revision)."""
    rows: list[list] = [
        ["RINCIAN KERTAS KERJA SATKER T.A 2024"],
        ["KEMENTERIAN / LEMBAGA : (076) KOMISI PEMILIHAN UMUM"],
        ["SATUAN KERJA : (670714) KPU KOTA SERANG"],
        [],
        JUDUL,
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
    ]
    total = 0
    for kode_prog, uraian_prog, kegiatan in PROGRAM:
        blok: list[list] = []
        jumlah_prog = 0
        for kode_keg, uraian_keg, kro, ro, k in kegiatan:
            kode_ro = f"{kode_prog}.{kode_keg}.{kro}.{ro}"
            sub: list[list] = []
            jumlah_keg = 0
            for akun, (uraian_akun, satuan, harga) in AKUN.items():
                kode_akun = f"{kode_ro}.051.A.{akun}"
                detail = []
                for i in range(1, DETAIL_PER_AKUN + 1):
                    vol, hrg = i, harga * k
                    if ubah is not None:
                        baru = ubah(kode_akun, i, vol, hrg)
                        if baru is None:
                            continue
                        vol, hrg = baru
                    detail.append(
                        ["", f"- {uraian_akun} ke-{i}", vol, satuan, hrg, vol * hrg, "RM"]
                    )
                jumlah_akun = sum(d[5] for d in detail)
                sub.append([kode_akun, uraian_akun, None, None, None, jumlah_akun, "RM"])
                sub.extend(detail)
                jumlah_keg += jumlah_akun
            blok.append([f"{kode_prog}.{kode_keg}", uraian_keg, None, None, None, jumlah_keg, ""])
            blok.append([f"{kode_prog}.{kode_keg}.{kro}", f"Layanan {uraian_keg}", 1, "Layanan"])
            blok[-1] += [None, jumlah_keg, ""]
            blok.append([kode_ro, uraian_keg, 1, "Layanan", None, jumlah_keg, ""])
            blok.append(
                [f"{kode_ro}.051", "Persiapan dan Pelaksanaan", None, None, None, jumlah_keg]
            )
            blok.append(
                [f"{kode_ro}.051.A", f"Kegiatan {uraian_keg}", None, None, None, jumlah_keg]
            )
            blok.extend(sub)
            jumlah_prog += jumlah_keg
        rows.append([kode_prog, uraian_prog, None, None, None, jumlah_prog, ""])
        rows.extend(blok)
        total += jumlah_prog
    rows.append(["", "JUMLAH SELURUHNYA", None, None, None, total, ""])
    return rows


def baris_rpd() -> list[list]:
    """The RPD sheet: a title, the header (KODE, URAIAN, JAN .. DES), one row per akun."""
    rows: list[list] = [["RENCANA PENARIKAN DANA (HALAMAN III) T.A 2024"], []]
    rows.append(["KODE", "URAIAN", *BULAN])
    for kode_prog, _uraian, kegiatan in PROGRAM:
        for kode_keg, _u, kro, ro, k in kegiatan:
            for akun, (uraian_akun, _satuan, harga) in AKUN.items():
                pagu = harga * k * DETAIL_PER_AKUN * (DETAIL_PER_AKUN + 1) // 2
                kode = f"{kode_prog}.{kode_keg}.{kro}.{ro}.051.A.{akun}"
                rows.append([kode, uraian_akun, *(pagu * b // 12 for b in BOBOT)])
    return rows


def xlsx_tulis(rows: list[list], tujuan, rpd: list[list] | None = None) -> None:
    """Write ``rows`` as an xlsx (sheet "POK") to a path or a file object; ``rpd``: a second
    sheet "RPD"."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "POK"
    for row in rows:
        ws.append(row)
    if rpd is not None:
        ws = wb.create_sheet("RPD")
        for row in rpd:
            ws.append(row)
    wb.save(tujuan)


if __name__ == "__main__":
    tujuan = Path(__file__).with_name("dipa_sakti_2024.xlsx")
    xlsx_tulis(baris_dipa(), tujuan, rpd=baris_rpd())
    print(f"{tujuan}: {sum(1 for r in baris_dipa() if r and r[0] == '' and r[2])} baris detail")
