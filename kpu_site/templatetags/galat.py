"""``{% galat_field "kembalikan" realisasi.pk as g %}``: what a POST-only action refused about a
field of the form on this page (``kpu_site.formulir.kesalahan_ke_field``), shown once:
``g.pesan.<field>`` the message (mark the input ``is-invalid``, the text in an
``invalid-feedback`` under it, ``autofocus``), ``g.data.<field>`` what was typed."""

from django import template

from kpu_site.formulir import galat_field_ambil

register = template.Library()


@register.simple_tag(takes_context=True)
def galat_field(context, *bagian):
    request = context.get("request")
    if request is None:
        return {}
    return galat_field_ambil(request, "-".join(str(b) for b in bagian))
