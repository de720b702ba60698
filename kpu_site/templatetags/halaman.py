"""``{% pager_isi as p %}``: what ``templates/includes/_pagination.html`` draws for the list's
``halaman`` (``kpu_site.halaman.Halaman``; a bare Django ``page_obj`` is read as one), with
every link keeping the current query string."""

from django import template

from kpu_site.halaman import PARAM, Halaman, halaman_dari_page

register = template.Library()


def _url(query, ubah: dict) -> str:
    query = query.copy()
    for key, value in ubah.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return "?" + query.urlencode() if query else "?"


@register.simple_tag(takes_context=True)
def pager_isi(context) -> dict | None:
    halaman = context.get("halaman")
    if not isinstance(halaman, Halaman):
        page = context.get("page_obj")
        if page is None:
            return None
        halaman = halaman_dari_page(page)
    query = context["request"].GET
    buang = dict.fromkeys(halaman.buang, "")

    def ke(nomor: int) -> str:  # page 1 without ?page=, as the list's own address
        return _url(query, {**buang, PARAM: nomor if nomor > 1 else ""})

    return {
        "halaman": halaman,
        "nomor": [
            {"nomor": n, "url": ke(n), "aktif": n == halaman.nomor} if n else None
            for n in halaman.nomor_tampil()
        ]
        if halaman.perlu
        else [],
        "sebelumnya": _url(
            query,
            {**buang, PARAM: halaman.nomor - 1 if halaman.nomor > 2 else ""} | halaman.sebelumnya,
        )
        if halaman.ada_sebelumnya
        else "",
        "berikutnya": _url(query, {**buang, PARAM: halaman.nomor + 1} | halaman.berikutnya)
        if halaman.ada_berikutnya
        else "",
        # the jump form keeps the filters as hidden fields
        "tetap": [(k, v) for k, vs in query.lists() if k != PARAM and k not in buang for v in vs],
    }
