from kpu_site.navigasi import Menu
from kpu_site.peran import PERAN_PIMPINAN

JUDUL = "Kinerja"

MENU = [
    Menu("Capaian Kinerja", "kinerja:beranda", perm="kinerja.view_realisasi"),
    Menu("Isi Realisasi", "kinerja:realisasi_index", perm="kinerja.change_realisasi"),
    Menu("Antrean Verifikasi", "kinerja:antrean", perm="kinerja.verifikasi_realisasi"),
    Menu("Renstra", "kinerja:renstra_list", perm="kinerja.view_renstra"),
    Menu("IKU dan Manual IKU", "kinerja:iku_index", perm="kinerja.view_renstra"),
    Menu("Pohon Kinerja", "kinerja:pohon_index", perm="kinerja.view_sasaranunit"),
    Menu("Rencana Kinerja Tahunan", "kinerja:rkt_index", perm="kinerja.view_rencanakinerjatahunan"),
    Menu("Perjanjian Kinerja", "kinerja:pk_list", perm="kinerja.view_perjanjiankinerja"),
    Menu("PK Semua Tingkat", "kinerja:pk_unit_index", perm="kinerja.view_perjanjiankinerjaunit"),
    Menu("Rencana Aksi", "kinerja:rencana_aksi_index", perm="kinerja.view_rencanaaksi"),
    Menu("Analisis LKj", "kinerja:analisis_index", perm="kinerja.view_realisasi"),
    Menu("Laporan Kinerja (LKj)", "kinerja:lkj_list", perm="kinerja.view_laporankinerja"),
    Menu("Evaluasi SAKIP (LKE)", "kinerja:lke_list", perm="kinerja.view_lembarkerjaevaluasi"),
    Menu(
        "Hasil evaluasi & tindak lanjut",
        "kinerja:lhe_list",
        perm="kinerja.view_laporanhasilevaluasi",
    ),
    Menu("Publikasi", "kinerja:publikasi_list", perm="kinerja.view_publikasi"),
    Menu(
        "Pengaturan Capaian",
        "kinerja:pengaturan",
        perm="kinerja.change_pengaturancapaian",
        peran=PERAN_PIMPINAN,
    ),
]

# Where the year switcher goes from a page of one year's record (``kpu_site.tahun``).
HALAMAN_TAHUN = {
    "kinerja:realisasi_*": "kinerja:realisasi_index",
    "kinerja:bukti_*": "kinerja:realisasi_index",
    "kinerja:pk_*": "kinerja:pk_list",
    "kinerja:lkj_*": "kinerja:lkj_list",
}

# The year switcher (``kpu_site.tahun``): ``(model, year field)`` of the rows that give a year
# data, of the plans whose first year opens the range offered, and of the year locks.
TAHUN_BERDATA = (("kinerja.PerjanjianKinerja", "tahun"), ("kinerja.LaporanKinerja", "tahun"))
TAHUN_AWAL = (("kinerja.Renstra", "tahun_mulai"),)
TAHUN_KUNCI = (("kinerja.KunciTahun", "tahun"),)
