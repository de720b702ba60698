from kinerja.impor import target_impor, target_impor_periksa

from ._impor import ImporKinerjaCommand


class Command(ImporKinerjaCommand):
    help = (
        "Impor target Perjanjian Kinerja (kode_indikator, target, batas_atas) ke draft PK "
        "tahun --tahun. Semua baris atau tidak sama sekali; baris yang sama dilewati."
    )
    jenis = "target_kinerja"

    def periksa(self, *, pengguna, **kwargs):
        return target_impor_periksa(**kwargs)

    def simpan(self, **kwargs):
        return target_impor(**kwargs)
