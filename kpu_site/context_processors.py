from .navigasi import menu_for
from .peran import peran_of
from .tahun import tahun_aktif, tahun_pilihan


def navigasi(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "navigasi": menu_for(user),
        "peran_pengguna": peran_of(user),
        "tahun_aktif": tahun_aktif(request),
        "tahun_pilihan": tahun_pilihan(),
    }
