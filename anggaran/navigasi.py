from kpu_site.navigasi import Menu

JUDUL = "Anggaran"

MENU = [
    Menu("DIPA dan hibah", "anggaran:dokumen_list", perm="anggaran.view_dokumenanggaran"),
    Menu(
        "Target dan realisasi output RO", "anggaran:output_terbaru", perm="anggaran.view_volumero"
    ),
    Menu(
        "Laporan keuangan (LKj Bab III B)",
        "anggaran:laporan_terbaru",
        perm="anggaran.view_dokumenanggaran",
    ),
    Menu(
        "IKPA (kinerja pelaksanaan anggaran)",
        "anggaran:ikpa_terbaru",
        perm="anggaran.view_dokumenanggaran",
    ),
]

# Where the year switcher goes from a page of one year's DIPA or hibah (``kpu_site.tahun``).
HALAMAN_TAHUN = {"anggaran:*": "anggaran:dokumen_list"}

# A year with a DIPA or hibah has data (``kpu_site.tahun``): ``(model, year field)``.
TAHUN_BERDATA = (("anggaran.DokumenAnggaran", "tahun"),)
