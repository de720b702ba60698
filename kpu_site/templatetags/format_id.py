"""Template filters (loaded as builtins): ``rupiah``, ``persen``, ``angka``, ``tanggal_id``,
``durasi_id``, ``kode_label``, ``lebar_persen``."""

from django import template

from kpu_site import formatting
from kpu_site.kode import kode_label as _kode_label
from kpu_site.peran import peran_of

register = template.Library()


@register.filter
def rupiah(value, desimal=None):
    """Exact by default (``Rp 200.000,50``, ``Rp 200.000``); ``|rupiah:0`` forces places."""
    return formatting.rupiah(value, None if desimal is None else int(desimal))


@register.filter
def persen(value, desimal=2):
    return formatting.persen(value, int(desimal))


@register.filter
def angka(value, desimal=0):
    return formatting.angka(value, int(desimal))


@register.filter
def tanggal_id(value):
    return formatting.tanggal(value)


@register.filter
def waktu_id(value):
    return formatting.tanggal(value, dengan_jam=True)


@register.filter
def durasi_id(value):
    return formatting.durasi(value)


@register.filter
def kode_label(value):
    """A stored code as its label (``nik_tidak_valid`` -> ``NIK tidak valid``; ``kpu_site.kode``)."""
    return _kode_label(value)


@register.filter
def dengan_galat(field):
    """A bound field's widget, marked ``is-invalid`` (and ``aria-invalid``) when it has errors,
    so Bootstrap shows the field itself invalid next to its ``invalid-feedback``."""
    if not field.errors:
        return str(field)
    kelas = field.field.widget.attrs.get("class", "")
    return field.as_widget(attrs={"class": f"{kelas} is-invalid".strip(), "aria-invalid": "true"})


@register.filter
def lebar_persen(value) -> int:
    """A percentage as a whole number from 0 to 100, for a bar's ``lebar-N`` class (a page
    carries no style attribute: the Content-Security-Policy refuses inline styles)."""
    try:
        return max(0, min(100, round(float(value))))
    except (TypeError, ValueError):
        return 0


@register.filter
def peran(user):
    return peran_of(user) or ""


@register.simple_tag(takes_context=True)
def url_ganti(context, **kwargs):
    """The current URL with some query parameters replaced (for filters and pagination)."""
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return "?" + query.urlencode() if query else "?"
