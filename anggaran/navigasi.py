from kpu_site.navigasi import Menu

JUDUL = "Anggaran"

MENU = [
    Menu("DIPA dan hibah", "anggaran:dokumen_list", perm="anggaran.view_dokumenanggaran"),
    Menu(
        "Laporan keuangan (LKj Bab III B)",
        "anggaran:laporan_terbaru",
        perm="anggaran.view_dokumenanggaran",
    ),
]
