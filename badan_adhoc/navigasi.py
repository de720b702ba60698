from kpu_site.navigasi import Menu

JUDUL = "Badan Ad Hoc"

MENU = [
    Menu("Rekrutmen PPK/PPS/KPPS", "badan_adhoc:rekrutmen_list", perm="badan_adhoc.view_rekrutmen"),
    Menu("Wilayah dan TPS", "badan_adhoc:wilayah_list", perm="badan_adhoc.view_wilayah"),
]

# Where the year switcher goes from a page of one recruitment (``kpu_site.tahun``).
HALAMAN_TAHUN = {"badan_adhoc:*": "badan_adhoc:rekrutmen_list"}
