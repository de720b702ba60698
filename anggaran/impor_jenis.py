"""The budget imports, for column-mapping profiles and templates (``kpu_site.impor_jenis``).

The column names are the ones each import reads (``impor.KOLOM_WAJIB``, ``impor_up``,
``impor_belanja``, ``impor_output``, ``impor_dipa``); the synonyms are the names SAKTI's
exports give them; the examples fit the demo DIPA 2023 of KPU Kota Serang."""

from __future__ import annotations

from kpu_site.impor_jenis import JenisImpor, KolomImpor

AKUN_CONTOH = (
    "076.01.CQ.6701.QGE.001.051.A.521211",
    "076.01.CQ.6701.QGE.001.051.A.524114",
)

PROGRAM_CONTOH = "076.01.CQ"
RO_CONTOH = "076.01.CQ.6701.QGE.001"
# A small valid DIPA (``impor_dipa``): the first row is a detail line with its full code (so
# every required column is filled there), then its parents down from the program with their
# subtotals, then a second detail. Pagu Rp 1.500.000.
DIPA_KODE = (
    f"{AKUN_CONTOH[0]}.1",
    PROGRAM_CONTOH,
    f"{PROGRAM_CONTOH}.6701",
    f"{PROGRAM_CONTOH}.6701.QGE",
    RO_CONTOH,
    f"{RO_CONTOH}.051",
    f"{RO_CONTOH}.051.A",
    AKUN_CONTOH[0],
    f"{AKUN_CONTOH[0]}.2",
)
DIPA_URAIAN = (
    "- ATK rapat pleno",
    "Penyelenggaraan Pemilu dalam Proses Konsolidasi Demokrasi",
    "Perencanaan Program dan Anggaran",
    "Layanan Perencanaan",
    "Dokumen Perencanaan",
    "Persiapan dan Pelaksanaan",
    "Rapat koordinasi",
    "Belanja Bahan",
    "- Konsumsi rapat pleno",
)
DIPA_TINGKAT = (
    ("program", "Kode program (076.01.CQ)", ("kode_program",)),
    ("kegiatan", "Kode kegiatan", ("kode_kegiatan",)),
    ("kro", "Kode KRO", ("output", "kode_kro")),
    ("ro", "Kode RO", ("sub_output", "kode_ro")),
    ("komponen", "Kode komponen", ("kode_komponen",)),
    ("subkomponen", "Kode subkomponen", ("sub_komponen", "subkomp")),
    ("akun", "Kode akun", ("mak",)),
    ("detail", "Nomor detail", ("detil",)),
)

# the RPD (halaman III) on the example's akun row: Rp 500.000 in March, June and September
DIPA_BULAN = (
    ("jan", "januari"),
    ("feb", "februari"),
    ("mar", "maret"),
    ("apr", "april"),
    ("mei", "mei"),
    ("jun", "juni"),
    ("jul", "juli"),
    ("ags", "agustus"),
    ("sep", "september"),
    ("okt", "oktober"),
    ("nov", "november"),
    ("des", "desember"),
)
DIPA_RPD_CONTOH = {"mar", "jun", "sep"}

JENIS = (
    JenisImpor(
        kode="dipa",
        judul="DIPA / revisi (POK SAKTI)",
        unit="keuangan",
        keterangan=(
            "Satu baris per pos anggaran: kode lengkap (atau satu kolom per tingkat), uraian, "
            "volume, satuan, harga satuan, jumlah; baris detail tanpa kode dinomori di bawah "
            "akun di atasnya."
        ),
        kolom=(
            KolomImpor(
                "kode",
                "Kode lengkap (076.01.CQ.6701…)",
                sinonim=("kode_lengkap", "kd", "kode_anggaran", "kode_akun_lengkap"),
                contoh=DIPA_KODE,
            ),
            KolomImpor(
                "uraian",
                "Uraian",
                True,
                sinonim=(
                    "program_kegiatan_kro_ro_komponen_subkomp_akun_detil",
                    "keterangan",
                    "nama",
                ),
                contoh=DIPA_URAIAN,
            ),
            KolomImpor("volume", "Volume", True, "angka_id", ("vol",), ("10", *[""] * 7, "20")),
            KolomImpor("satuan", "Satuan", sinonim=("sat",), contoh=("PKT", *[""] * 7, "OK")),
            KolomImpor(
                "harga_satuan",
                "Harga satuan (Rp)",
                True,
                "angka_id",
                ("harga",),
                ("50.000", *[""] * 7, "50.000"),
            ),
            KolomImpor(
                "jumlah",
                "Jumlah (Rp)",
                True,
                "angka_id",
                ("jumlah_biaya", "jumlah_rp", "total", "pagu"),
                ("500.000", *["1.500.000"] * 7, "1.000.000"),
            ),
            *(
                KolomImpor(
                    nama,
                    f"RPD {panjang.capitalize()}",
                    aturan="angka_id",
                    sinonim=(panjang, f"rpd_{nama}", f"rpd_{panjang}"),
                    contoh=(*[""] * 7, "500.000" if nama in DIPA_RPD_CONTOH else "0", ""),
                )
                for nama, panjang in DIPA_BULAN
            ),
            *(KolomImpor(nama, label, sinonim=sinonim) for nama, label, sinonim in DIPA_TINGKAT),
        ),
    ),
    JenisImpor(
        kode="realisasi",
        judul="Realisasi SP2D",
        unit="keuangan",
        kolom=(
            KolomImpor(
                "tanggal",
                "Tanggal SP2D",
                True,
                "tanggal",
                ("tgl_sp2d", "tanggal_sp2d", "tgl"),
                ("2023-12-27", "28/12/2023"),
            ),
            KolomImpor(
                "nomor_sp2d",
                "Nomor SP2D",
                True,
                sinonim=("no_sp2d", "nomor_sp2d", "sp2d"),
                contoh=("2306707149990001", "2306707149990002"),
            ),
            KolomImpor(
                "kode_akun",
                "Kode akun (lengkap)",
                True,
                sinonim=("kode_lengkap", "akun", "coa"),
                contoh=AKUN_CONTOH,
            ),
            KolomImpor(
                "uraian",
                "Uraian",
                True,
                sinonim=("keterangan", "uraian_sp2d"),
                contoh=("Pembelian ATK rapat pleno", "Paket meeting rapat koordinasi"),
            ),
            KolomImpor(
                "nilai",
                "Nilai (Rp)",
                True,
                "angka_id",
                ("jumlah", "nilai_sp2d", "nominal", "jumlah_bersih"),
                ("150.000", "275.000"),
            ),
            KolomImpor("nomor_spm", "Nomor SPM", sinonim=("no_spm",), contoh=("00991A", "")),
        ),
    ),
    JenisImpor(
        kode="mutasi_up",
        judul="Register UP/TUP",
        unit="keuangan",
        kolom=(
            KolomImpor(
                "jenis",
                "Jenis (UP, GUP, TUP, PTUP, SETOR_TUP, SETOR_UP)",
                True,
                contoh=("GUP", "TUP"),
            ),
            KolomImpor(
                "nomor", "Nomor", True, sinonim=("no_spm", "nomor_spm"), contoh=("GUP-99", "TUP-99")
            ),
            KolomImpor(
                "tanggal", "Tanggal", True, "tanggal", ("tgl",), ("2023-12-04", "2023-12-05")
            ),
            KolomImpor(
                "nilai", "Nilai (Rp)", True, "angka_id", ("jumlah",), ("5.000.000", "20.000.000")
            ),
            KolomImpor(
                "batas_waktu", "Batas waktu (TUP)", aturan="tanggal", contoh=("", "2024-01-04")
            ),
            KolomImpor("nomor_tup", "Nomor TUP (untuk PTUP/setoran)"),
            KolomImpor(
                "keterangan", "Keterangan", contoh=("Penggantian UP", "Kegiatan akhir tahun")
            ),
        ),
    ),
    JenisImpor(
        kode="dispensasi",
        judul="Dispensasi SPM",
        unit="keuangan",
        kolom=(
            KolomImpor(
                "nomor",
                "Nomor surat",
                True,
                sinonim=("nomor_surat",),
                contoh=("S-99/KPPN.0206/2023",),
            ),
            KolomImpor("tanggal", "Tanggal", True, "tanggal", contoh=("2023-12-20",)),
            KolomImpor("jumlah_spm", "Jumlah SPM", True, contoh=("2",)),
            KolomImpor("alasan", "Alasan", True, contoh=("SPM melewati batas akhir tahun",)),
        ),
    ),
    JenisImpor(
        kode="kontrak",
        judul="Kontrak",
        unit="keuangan",
        kolom=(
            KolomImpor(
                "nomor",
                "Nomor kontrak",
                True,
                sinonim=("no_kontrak", "nomor_kontrak"),
                contoh=("99/KONTRAK/PPK-670714/XII/2023",),
            ),
            KolomImpor(
                "kode_akun",
                "Kode akun (lengkap)",
                True,
                sinonim=("akun",),
                contoh=(AKUN_CONTOH[0],),
            ),
            KolomImpor(
                "tanggal", "Tanggal kontrak", True, "tanggal", ("tgl_kontrak",), ("2023-12-01",)
            ),
            KolomImpor(
                "tanggal_selesai", "Tanggal selesai", True, "tanggal", contoh=("2023-12-15",)
            ),
            KolomImpor(
                "penyedia",
                "Penyedia",
                True,
                sinonim=("nama_penyedia", "rekanan"),
                contoh=("CV Contoh Makmur",),
            ),
            KolomImpor("uraian", "Uraian", True, contoh=("Pengadaan ATK akhir tahun",)),
            KolomImpor("nilai", "Nilai (Rp)", True, "angka_id", ("nilai_kontrak",), ("1.000.000",)),
        ),
    ),
    JenisImpor(
        kode="tagihan",
        judul="Tagihan kontrak",
        unit="keuangan",
        kolom=(
            KolomImpor(
                "nomor_kontrak",
                "Nomor kontrak",
                True,
                sinonim=("no_kontrak",),
                contoh=("99/KONTRAK/PPK-670714/XII/2023",),
            ),
            KolomImpor("nomor", "Nomor tagihan", True, sinonim=("no_tagihan",), contoh=("TAG-99",)),
            KolomImpor("tanggal_bast", "Tanggal BAST", True, "tanggal", contoh=("2023-12-01",)),
            KolomImpor("tanggal_spm", "Tanggal SPM", aturan="tanggal", contoh=("2023-12-05",)),
            KolomImpor("tanggal_sp2d", "Tanggal SP2D", aturan="tanggal", contoh=("",)),
            KolomImpor("nilai", "Nilai (Rp)", True, "angka_id", contoh=("1.000.000",)),
        ),
    ),
    JenisImpor(
        kode="realisasi_output",
        judul="Realisasi output RO",
        unit="keuangan",
        kolom=(
            KolomImpor(
                "kode_ro",
                "Kode RO (lengkap)",
                True,
                sinonim=("ro", "kode_output"),
                contoh=("076.01.CQ.6701.QGE.001",),
            ),
            KolomImpor("bulan", "Bulan (1–12 atau nama)", True, contoh=("12",)),
            KolomImpor("volume", "Volume", True, "angka_id", contoh=("1",)),
            KolomImpor("tanggal_lapor", "Tanggal lapor", True, "tanggal", contoh=("2023-12-29",)),
        ),
    ),
)
