from kpu_site.navigasi import Menu

from .akses import boleh_kelola

JUDUL = "Badan Ad Hoc"


class MenuKelola(Menu):
    """An entry for the staff of the recruitment only (``akses.boleh_kelola``: Sub Bagian
    Teknis, Sekretaris, Admin), the users the page itself lets in (``KelolaMixin``)."""

    def visible_to(self, user) -> bool:
        return super().visible_to(user) and boleh_kelola(user)


MENU = [
    Menu("Rekrutmen PPK/PPS/KPPS", "badan_adhoc:rekrutmen_list", perm="badan_adhoc.view_rekrutmen"),
    Menu("Wilayah dan TPS", "badan_adhoc:wilayah_list", perm="badan_adhoc.view_wilayah"),
    MenuKelola(
        "Pola nomor dokumen", "badan_adhoc:pola_nomor_list", perm="badan_adhoc.change_rekrutmen"
    ),
]

# Where the year switcher goes from a page of one recruitment (``kpu_site.tahun``).
HALAMAN_TAHUN = {"badan_adhoc:*": "badan_adhoc:rekrutmen_list"}
