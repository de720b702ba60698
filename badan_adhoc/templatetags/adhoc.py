"""Template filters of badan_adhoc: ``{{ p.nik|nik_untuk:user }}`` shows an applicant's NIK as
this user may see it (``akses.nik_untuk``: in full for the recruitment's staff, masked for
everyone else), the same rule as the Excel export and the API."""

from django import template

from ..akses import nik_untuk as _nik_untuk

register = template.Library()


@register.filter
def nik_untuk(nik, user):
    return _nik_untuk(user, nik)
