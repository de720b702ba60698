"""Shared pieces of the HTML forms: Bootstrap classes on every widget, the date input, and a
service's ``ValidationError`` put on the form's fields (forms check the shape of the input,
services the rules)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def kelas_bootstrap(form: forms.BaseForm) -> None:
    """Give every visible widget its Bootstrap class (``form-control``, ``form-select``,
    ``form-check-input``), keeping classes set by the form; textareas get 4 rows unless set."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.HiddenInput):
            continue
        if isinstance(widget, forms.CheckboxInput):
            css = "form-check-input"
        elif isinstance(widget, forms.Select | forms.SelectMultiple):
            css = "form-select"
        else:
            css = "form-control"
        kelas = widget.attrs.get("class", "").split()
        if css not in kelas:
            widget.attrs["class"] = " ".join([*kelas, css])
        if isinstance(widget, forms.Textarea):
            widget.attrs.setdefault("rows", 4)


def kesalahan_layanan(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's ``ValidationError`` on the form: each message on its field, messages
    for ``__all__`` or a field the form does not show at the top of the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
