from .navigasi import menu_for
from .peran import peran_of
from .tahun import tahun_aktif, tahun_pilihan, tahun_terkunci


def navigasi(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    aktif = tahun_aktif(request)
    pilihan = tahun_pilihan()
    if aktif not in pilihan:  # a year page outside the usual range still shows its own year
        pilihan = sorted({*pilihan, aktif}, reverse=True)
    return {
        "navigasi": menu_for(user),
        "peran_pengguna": peran_of(user),
        "tahun_aktif": aktif,
        "tahun_pilihan": pilihan,
        "tahun_aktif_terkunci": tahun_terkunci(aktif),
    }
