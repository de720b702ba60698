"""Template filters of badan_adhoc: ``{{ p.nik|nik_untuk:user }}`` shows an applicant's NIK as
this user may see it (``akses.nik_untuk``: in full for the recruitment's staff, masked for
everyone else), the same rule as the Excel export and the API. ``{{ p|domisili }}``: the applicant's domicile
in words (``selectors.domisili_teks``), never its code."""

from django import template

from ..akses import nik_untuk as _nik_untuk
from ..selectors.pendaftar import domisili_teks as _domisili_teks

register = template.Library()


@register.filter
def nik_untuk(nik, user):
    return _nik_untuk(user, nik)


@register.filter
def domisili(pendaftar):
    return _domisili_teks(pendaftar)
