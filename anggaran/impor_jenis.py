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

JENIS = (
    JenisImpor(
        kode="realisasi",
        judul="Realisasi SP2D",
        unit="keuangan",
        url_impor="anggaran:realisasi_impor",
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
        url_impor="anggaran:mutasi_up_impor",
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
        url_impor="anggaran:dispensasi_impor",
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
        url_impor="anggaran:kontrak_impor",
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
        url_impor="anggaran:tagihan_impor",
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
        url_impor="anggaran:output_impor",
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
