"""``{% status_badge obj %}``: a record's status as a badge, label and colour from the model's
choices (``kpu_site.status``). Loaded as a builtin."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

from kpu_site.status import pilihan_field

register = template.Library()


@register.simple_tag
def status_badge(obj, field="status", *, teks="", singkat=False, kelas="", kosong="belum diisi"):
    """``obj``'s ``field`` as ``<span class="badge text-bg-<warna>">label</span>``.

    ``singkat``: the short label (lists); ``teks``: a text that says more than the label (the
    model computes it, e.g. ``LaporanKinerja.status_teks``); ``kelas``: extra CSS classes;
    ``kosong``: what a missing record (``None``) shows."""
    if obj is None:
        return format_html(
            '<span class="badge text-bg-light border{}">{}</span>',
            f" {kelas}" if kelas else "",
            kosong,
        )
    pilihan = pilihan_field(type(obj), field)(getattr(obj, field))
    label = teks or (pilihan.singkat if singkat else pilihan.label)
    return format_html(
        '<span class="badge text-bg-{}{}">{}</span>',
        pilihan.warna,
        f" {kelas}" if kelas else "",
        label,
    )


@register.simple_tag
def status_warna(obj, field="status"):
    """The colour name alone (``success``, ``danger``…), for a class other than a badge
    (``bg-{% status_warna l %}`` on a progress bar)."""
    return pilihan_field(type(obj), field)(getattr(obj, field)).warna


@register.simple_tag
def status_teks(obj, field="status", *, singkat=False):
    """The label alone (a printed document: no badge), from the same choices."""
    pilihan = pilihan_field(type(obj), field)(getattr(obj, field))
    return pilihan.singkat if singkat else pilihan.label
