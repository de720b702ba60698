from .navigasi import menu_for
from .peran import peran_of


def navigasi(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    return {"navigasi": menu_for(user), "peran_pengguna": peran_of(user)}
