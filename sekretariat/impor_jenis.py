"""The staff import, for column-mapping profiles and templates (``kpu_site.impor_jenis``).
Column names are the headers of the staff export (``PegawaiExportView``), read by
``sekretariat/impor.py``; synonyms are SIMPEG's; the examples (a new PNS and a new PPNPN) fit
the demo's Kota Serang."""

from __future__ import annotations

from kpu_site.impor_jenis import JenisImpor, KolomImpor

JENIS = (
    JenisImpor(
        kode="pegawai",
        judul="Pegawai PNS dan PPNPN (SIMPEG)",
        unit="hukum_sdm",
        keterangan=(
            "PNS dicocokkan menurut NIP, PPNPN tanpa NIP menurut nama dan tanggal lahir; "
            "yang tidak cocok menjadi pegawai baru. Jabatan PNS dan kolom Aktif hanya "
            "diperiksa (riwayat jabatan dengan SK dan TMT keluar diisi di formulir)."
        ),
        kolom=(
            KolomImpor("no", "No", sinonim=("nomor", "no_urut")),
            KolomImpor(
                "nama",
                "Nama (dengan gelar)",
                True,
                sinonim=("nama_lengkap", "nama_pegawai", "nama_gelar"),
                contoh=("Budi Santoso, S.H.", "Nina Kartika"),
            ),
            KolomImpor(
                "nip",
                "NIP (PNS)",
                sinonim=("nip_baru", "nip_18"),
                contoh=("199505102020121001", ""),
            ),
            KolomImpor(
                "status",
                "Status (PNS/PPNPN)",
                sinonim=("status_kepegawaian", "status_pegawai", "kedudukan"),
                contoh=("PNS", "PPNPN"),
            ),
            KolomImpor(
                "jenis_ppnpn",
                "Jenis PPNPN",
                sinonim=("jenis_tenaga",),
                contoh=("", "Pramubakti"),
            ),
            KolomImpor(
                "jabatan",
                "Jabatan (hanya diperiksa)",
                sinonim=("nama_jabatan", "jabatan_terakhir"),
                contoh=("", "Pramubakti"),
            ),
            KolomImpor(
                "pangkat_golongan",
                "Pangkat/golongan",
                sinonim=("golongan", "pangkat", "gol_ruang", "golongan_ruang"),
                contoh=("Penata Muda (III/a)", ""),
            ),
            KolomImpor(
                "unit",
                "Unit (nama atau kode)",
                True,
                sinonim=("unit_kerja", "unor", "nama_unor", "satuan_kerja"),
                contoh=("Sub Bagian Hukum dan Sumber Daya Manusia", "keuangan"),
            ),
            KolomImpor(
                "jenis_kelamin",
                "Jenis kelamin (L/P)",
                True,
                "jenis_kelamin",
                ("jk", "kelamin", "gender"),
                ("Laki-laki", "P"),
            ),
            KolomImpor(
                "tanggal_lahir",
                "Tanggal lahir",
                True,
                "tanggal",
                ("tgl_lahir",),
                ("1995-05-10", "08/08/1998"),
            ),
            KolomImpor(
                "tmt",
                "TMT (PNS: TMT CPNS; PPNPN: mulai kontrak)",
                aturan="tanggal",
                sinonim=("tmt_cpns", "tmt_kontrak"),
                contoh=("2020-12-01", "2 Januari 2024"),
            ),
            KolomImpor(
                "pendidikan",
                "Pendidikan terakhir (SD…S3)",
                True,
                sinonim=("pendidikan_terakhir", "tingkat_pendidikan", "jenjang_pendidikan"),
                contoh=("S1", "SMA"),
            ),
            KolomImpor(
                "aktif",
                "Aktif (Ya/Tidak, hanya diperiksa)",
                sinonim=("status_aktif",),
                contoh=("Ya", "Ya"),
            ),
        ),
    ),
)
