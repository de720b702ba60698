from kinerja.impor import realisasi_impor, realisasi_impor_periksa

from ._impor import ImporKinerjaCommand


class Command(ImporKinerjaCommand):
    help = (
        "Impor realisasi kinerja triwulanan (kode_indikator, triwulan, realisasi, analisis) "
        "tahun --tahun. Semua baris atau tidak sama sekali; baris yang sama dilewati."
    )
    jenis = "realisasi_kinerja"

    def periksa(self, **kwargs):
        return realisasi_impor_periksa(**kwargs)

    def simpan(self, **kwargs):
        return realisasi_impor(**kwargs)
