"""``{% angka_tautan nilai "app:nama" arg… kunci=nilai… %}``: a figure of the LKj that, in the
web preview (context ``tautan`` true), links to the page it comes from.

Positional arguments after the URL name are the URL's arguments; keyword arguments become the
query string (``status="pns" tanggal=k.tanggal_struktur`` → ``?status=pns&tanggal=2023-12-31``).
Without ``tautan`` (the PDF) the figure is printed as ``{{ nilai }}`` would print it, and no URL
is resolved. A figure with no URL name (``None`` or ``""``) or a ``None`` URL argument, and a
missing figure (``–``), are printed plain too.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html

register = template.Library()

KOSONG = ("", "–", None)  # no figure, nothing to trace


def _nilai_query(value) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def angka_bertaut(nilai, nama_url: str, *args, **query) -> str:
    """``nilai`` as a link to the page ``nama_url`` (URL arguments ``args``, query ``query``)."""
    url = reverse(nama_url, args=args)
    query = {k: _nilai_query(v) for k, v in query.items() if v not in (None, "")}
    if query:
        url += "?" + urlencode(query)
    return format_html('<a class="angka-tautan" href="{}">{}</a>', url, nilai)


@register.simple_tag(takes_context=True)
def angka_tautan(context, nilai, nama_url=None, *args, **query):
    if not context.get("tautan") or not nama_url or nilai in KOSONG or None in args:
        return conditional_escape(nilai)
    return angka_bertaut(nilai, nama_url, *args, **query)
