"""Sample arguments of the column-mapping profile pages and template downloads (``kpu_site``
URLs, sampled with an import of Keuangan: the matrix's Kasubag/Staf are of Perencanaan)."""


def _profil():
    from kpu_site.models import ProfilImpor

    return {"pk": ProfilImpor.objects.filter(jenis="realisasi").order_by("pk").first().pk}


CONTOH = {
    "profil_impor_baru": lambda: {"jenis": "realisasi"},
    "profil_impor_ubah": _profil,
    "profil_impor_hapus": _profil,
    "templat_impor": lambda: {"jenis": "realisasi", "isi": "contoh"},
}
