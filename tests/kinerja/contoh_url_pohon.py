"""Sample URL arguments of the performance-tree pages (the demo's tree of 2023; its first
sub-bagian sasaran belongs to Perencanaan, the matrix personas' unit)."""

from kinerja.model_pohon import IndikatorUnit, SasaranUnit


def _simpul():
    return SasaranUnit.objects.get(kode="SSB 1.1").pk


CONTOH = {
    "kinerja:pohon_tahun": lambda: {"tahun": 2023},
    "kinerja:pohon_pdf": lambda: {"tahun": 2023},
    "kinerja:pohon_simpul_tambah": lambda: {"tahun": 2023},
    "kinerja:pohon_simpul_ubah": lambda: {"pk": _simpul()},
    "kinerja:pohon_indikator_tambah": lambda: {"pk": _simpul()},
    "kinerja:pohon_indikator_ubah": lambda: {
        "pk": IndikatorUnit.objects.filter(sasaran_unit__kode="SSB 1.1").order_by("pk").first().pk
    },
    "kinerja:pohon_simpul_hapus": lambda: {"pk": _simpul()},
    "kinerja:pohon_indikator_hapus": lambda: {
        "pk": IndikatorUnit.objects.filter(sasaran_unit__kode="SSB 1.1").order_by("pk").first().pk
    },
    "kinerja:pohon_target_ubah": lambda: {"pk": _simpul(), "tahun": 2023},
}
