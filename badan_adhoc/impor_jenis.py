"""The ad hoc body imports, for column-mapping profiles and templates
(``kpu_site.impor_jenis``): applicants (SIAKBA), party members (SIPOL), wilayah, TPS and test
scores. Column names are the ones ``services/impor.py``, ``services/impor_wilayah.py`` and
``services/penetapan.py`` read; the examples fit the demo's Kota Serang."""

from __future__ import annotations

from kpu_site.impor_jenis import JenisImpor, KolomImpor

JENIS = (
    JenisImpor(
        kode="pendaftar",
        judul="Pendaftar badan ad hoc (SIAKBA)",
        unit="teknis",
        keterangan="Kolom daftar periksa berkas (ktp, ijazah, …) ikut dibaca menurut kodenya.",
        kolom=(
            KolomImpor(
                "nik",
                "NIK",
                True,
                sinonim=("no_nik", "nomor_induk_kependudukan"),
                contoh=("3673016002950001", "3673012711000002"),
            ),
            KolomImpor(
                "nama",
                "Nama",
                True,
                sinonim=("nama_lengkap", "nama_pendaftar"),
                contoh=("Siti Aminah", "Ahmad Fauzi"),
            ),
            KolomImpor(
                "jenis_kelamin",
                "Jenis kelamin (L/P)",
                True,
                "jenis_kelamin",
                ("jk", "kelamin", "l_p"),
                ("P", "L"),
            ),
            KolomImpor("tempat_lahir", "Tempat lahir", True, contoh=("Serang", "Serang")),
            KolomImpor(
                "tanggal_lahir",
                "Tanggal lahir",
                True,
                "tanggal",
                ("tgl_lahir",),
                ("1995-02-20", "27/11/2000"),
            ),
            KolomImpor(
                "pendidikan",
                "Pendidikan (SD…S3)",
                True,
                sinonim=("pendidikan_terakhir",),
                contoh=("S1", "SMA"),
            ),
            KolomImpor(
                "kode_domisili",
                "Kode desa/kelurahan domisili",
                True,
                sinonim=("kode_kelurahan", "kode_desa"),
                contoh=("36.73.01.1001", "36.73.01.1002"),
            ),
            KolomImpor("alamat", "Alamat", True, contoh=("Jl. Ahmad Yani No. 1", "Kp. Cipare")),
            KolomImpor(
                "no_hp",
                "Nomor HP",
                True,
                sinonim=("hp", "telepon", "no_telp"),
                contoh=("081234567890", "081298765432"),
            ),
            KolomImpor(
                "email",
                "Email",
                True,
                sinonim=("surel", "e_mail"),
                contoh=("siti@example.com", "ahmad@example.com"),
            ),
            KolomImpor(
                "kode_wilayah_tujuan",
                "Kode wilayah tujuan",
                True,
                sinonim=("wilayah_tujuan", "kode_tujuan"),
                contoh=("36.73.01.1001", "36.73.01.1002"),
            ),
        ),
    ),
    JenisImpor(
        kode="anggota_parpol",
        judul="Anggota partai politik (SIPOL)",
        unit="teknis",
        kolom=(
            KolomImpor("nik", "NIK", True, sinonim=("no_nik",), contoh=("3673014101800003",)),
            KolomImpor("nama", "Nama", True, sinonim=("nama_anggota",), contoh=("Budi Santoso",)),
            KolomImpor(
                "partai",
                "Partai",
                True,
                sinonim=("nama_partai", "parpol"),
                contoh=("Partai Contoh",),
            ),
        ),
    ),
    JenisImpor(
        kode="wilayah",
        judul="Wilayah (kecamatan, desa/kelurahan)",
        unit="teknis",
        kolom=(
            KolomImpor(
                "kode",
                "Kode wilayah",
                True,
                sinonim=("kode_wilayah", "kode_kemendagri"),
                contoh=("36.73.01", "36.73.01.1001"),
            ),
            KolomImpor(
                "nama", "Nama", True, sinonim=("nama_wilayah",), contoh=("Serang", "Cimuncang")
            ),
            KolomImpor(
                "jenis", "Jenis (kecamatan/kelurahan/desa)", True, contoh=("kecamatan", "kelurahan")
            ),
            KolomImpor("kode_induk", "Kode induk", True, contoh=("36.73", "36.73.01")),
        ),
    ),
    JenisImpor(
        kode="tps",
        judul="TPS",
        unit="teknis",
        kolom=(
            KolomImpor(
                "kode_kelurahan",
                "Kode desa/kelurahan",
                True,
                sinonim=("kode_desa", "kode_wilayah"),
                contoh=("36.73.01.1001",),
            ),
            KolomImpor("nomor", "Nomor TPS", True, sinonim=("no_tps", "tps"), contoh=("1",)),
            KolomImpor("jumlah_dpt", "Jumlah DPT", True, "angka_id", ("dpt",), ("250",)),
        ),
    ),
    JenisImpor(
        kode="nilai",
        judul="Nilai tes tertulis (CAT) dan wawancara",
        unit="teknis",
        keterangan="Salah satu kolom nilai boleh tidak ada.",
        kolom=(
            KolomImpor("nik", "NIK", True, sinonim=("no_nik",), contoh=("3673016002950001",)),
            KolomImpor(
                "nilai_cat",
                "Nilai CAT (0–100)",
                aturan="angka_id",
                sinonim=("nilai_tes", "skor_cat"),
                contoh=("78,5",),
            ),
            KolomImpor(
                "nilai_wawancara",
                "Nilai wawancara (0–100)",
                aturan="angka_id",
                sinonim=("skor_wawancara",),
                contoh=("80",),
            ),
        ),
    ),
)
