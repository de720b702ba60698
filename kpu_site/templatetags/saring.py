"""``{% tombol_saring "id-form" %}``: the one "Saringan" button that opens a list's filter form on
narrow screens (``templates/includes/_tombol_saring.html``).

The form carries ``id="id-form"`` and the classes ``saring collapse``: below 768 px it is closed
until the button opens it; from 768 px ``app.css`` keeps it open and the button is hidden. The
button says how many filters are in use, so a closed form never hides a filter silently."""

from __future__ import annotations

from django import template

register = template.Library()

# Query parameters that page through a list rather than filter it.
PARAM_HALAMAN = frozenset({"page", "halaman", "setelah", "sebelum", "urut"})


def saringan_aktif(query) -> int:
    """How many filters of the query string hold a value (paging parameters do not count)."""
    return sum(
        1
        for kunci in query
        if kunci not in PARAM_HALAMAN and any(v.strip() for v in query.getlist(kunci))
    )


@register.inclusion_tag("includes/_tombol_saring.html", takes_context=True)
def tombol_saring(context, id_form: str):
    request = context.get("request")
    return {"id_form": id_form, "aktif": saringan_aktif(request.GET) if request else 0}
