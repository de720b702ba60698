"""Shared pieces of the HTML forms: Bootstrap classes on every widget, the date input, and a
service's ``ValidationError`` put on the form's fields (forms check the shape of the input,
services the rules).

A view that writes through a service uses ``LayananFormMixin`` (class-based form views) or
``kesalahan_ke_form`` (views that build the form themselves); a POST-only action that
redirects uses ``kesalahan_ke_pesan``, or ``kesalahan_ke_field`` when the refusal is about a field
the page shows (a return's note): that field is then marked invalid on the page it goes back
to (``{% galat_field %}``, ``kpu_site.templatetags.galat``). None of them writes anything when the service refuses,
nor when the database is still busy with another user's save (``kpu_site.konkuren``): that
too is a message ("coba simpan lagi"), not a 500.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import OperationalError
from django.http import HttpResponseRedirect
from django.http.response import HttpResponseBase

from .konkuren import PESAN_SIBUK, basis_data_sibuk, transaksi_tulis

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


def pesan_form_salah(request, form: forms.BaseForm) -> None:
    """A POST-only form that redirects: its errors as messages, each naming its field."""
    for field, errors in form.errors.items():
        for e in errors:
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {e}" if label else e)


@contextmanager
def kesalahan_ke_form(form: forms.BaseForm) -> Iterator[None]:
    """Run the block (the service call) in a transaction; a ``ValidationError`` from it rolls
    the block back and lands on ``form`` (so ``form.is_valid()`` is then False)::

        if form.is_valid():
            with kesalahan_ke_form(form):
                obj = services.x_update(...)
        if form.is_valid():  # the service accepted it
            ...
    """
    try:
        with transaksi_tulis():
            yield
    except ValidationError as e:
        kesalahan_layanan(form, e)
    except OperationalError as e:
        if not basis_data_sibuk(e):
            raise
        form.add_error(None, PESAN_SIBUK)


@contextmanager
def kesalahan_ke_pesan(request) -> Iterator[None]:
    """For a POST-only action that redirects: run the block in a transaction; a
    ``ValidationError`` rolls it back and becomes one error message per text. A success
    message written at the end of the block is therefore only shown when the service ran."""
    try:
        with transaksi_tulis():
            yield
    except ValidationError as e:
        for pesan in e.messages:
            messages.error(request, pesan)
    except OperationalError as e:
        if not basis_data_sibuk(e):
            raise
        messages.error(request, PESAN_SIBUK)


KUNCI_GALAT_FIELD = "galat_field"


@contextmanager
def kesalahan_ke_field(request, *, formulir: str, data: dict) -> Iterator[None]:
    """``kesalahan_ke_pesan`` for a POST-only action whose form sits on the page it redirects
    to (the "Kembalikan" note): a ``ValidationError`` on a field of ``data`` is kept in the
    session for that page, which shows the field invalid with the message under it, focused,
    with what was typed (``data``); any other message is a banner as usual. ``formulir``
    names the form on that page (``"kembalikan-12"``)."""
    try:
        with transaksi_tulis():
            yield
    except ValidationError as e:
        pesan_field = {}
        if hasattr(e, "error_dict"):
            for field, errors in e.message_dict.items():
                if field in data:
                    pesan_field[field] = " ".join(errors)
                else:
                    for pesan in errors:
                        messages.error(request, pesan)
        else:
            for pesan in e.messages:
                messages.error(request, pesan)
        if pesan_field:
            request.session[KUNCI_GALAT_FIELD] = {
                "formulir": formulir,
                "pesan": pesan_field,
                "data": {k: str(v) for k, v in data.items()},
            }
    except OperationalError as e:
        if not basis_data_sibuk(e):
            raise
        messages.error(request, PESAN_SIBUK)


def galat_field_ambil(request, formulir: str) -> dict:
    """What ``kesalahan_ke_field`` kept for ``formulir`` (``{"pesan": {field: text}, "data":
    {field: typed}}``), taken out of the session so it shows once; ``{}`` when nothing."""
    sesi = getattr(request, "session", None)
    galat = sesi.get(KUNCI_GALAT_FIELD) if sesi is not None else None
    if not galat or galat.get("formulir") != formulir:
        return {}
    del sesi[KUNCI_GALAT_FIELD]
    return galat


def galat_form_simpan(
    request, *, formulir: str, form: forms.BaseForm, fields: tuple[str, ...] | None = None
) -> None:
    """A POST-only action's form refused by its own checks: keep the errors of ``fields`` (the
    inputs the page shows; default all) and what was typed for the page it goes back to
    (``form_dengan_galat``, ``{% galat_field %}``), as ``kesalahan_ke_field`` does for a
    service's refusal; other errors become messages naming their field."""
    fields = tuple(form.fields) if fields is None else fields
    pesan = {}
    for field, errors in form.errors.items():
        if field in fields:
            pesan[field] = " ".join(errors)
        else:
            label = form.fields[field].label if field in form.fields else ""
            for e in errors:
                messages.error(request, f"{label}: {e}" if label else e)
    if pesan:
        request.session[KUNCI_GALAT_FIELD] = {
            "formulir": formulir,
            "pesan": pesan,
            "data": {k: str(form.data.get(k, "")) for k in fields},
        }


def form_dengan_galat(request, formulir: str, form_class, **kwargs):
    """The form ``formulir`` bound to what was typed, with the errors its action kept
    (``kesalahan_ke_field``, ``galat_form_simpan``) on their fields and the first of them
    focused; ``None`` when nothing was kept (then the page builds its empty form)."""
    galat = galat_field_ambil(request, formulir)
    if not galat:
        return None
    form = form_class(data=galat["data"], **kwargs)
    form.is_valid()
    for field, pesan in galat["pesan"].items():
        if pesan not in form.errors.get(field, []):
            form.add_error(field, pesan)
    pertama = next(iter(galat["pesan"]), None)
    if pertama in form.fields:
        form.fields[pertama].widget.attrs["autofocus"] = True
    return form


class LayananFormMixin:
    """``form_valid`` of a FormView/CreateView/UpdateView whose write is a service call.

    The view defines ``layanan(form)``: it calls the service(s) and returns either a response
    (usually a redirect, after ``messages.success``) or the saved object (then
    ``self.object`` is set and the mixin redirects to ``get_success_url()``). When a service
    raises ``ValidationError`` everything ``layanan`` wrote is rolled back, each message goes
    onto its field (others at the top of the form) and the page is shown again with what the
    user typed."""

    def layanan(self, form):
        raise NotImplementedError(f"{type(self).__name__} must define layanan(form)")

    def form_valid(self, form):
        try:
            with transaksi_tulis():
                hasil = self.layanan(form)
        except ValidationError as e:
            kesalahan_layanan(form, e)
            return self.form_invalid(form)
        except OperationalError as e:
            if not basis_data_sibuk(e):
                raise
            form.add_error(None, PESAN_SIBUK)
            return self.form_invalid(form)
        if isinstance(hasil, HttpResponseBase):
            return hasil
        self.object = hasil
        return HttpResponseRedirect(self.get_success_url())


def label_aria(form: forms.BaseForm) -> None:
    """For a form whose fields are rendered bare, without ``<label>`` (a list's filter row):
    every visible widget gets its field's label as ``aria-label``, unless it has one, so a
    screen reader names each filter."""
    for field in form.fields.values():
        if not isinstance(field.widget, forms.HiddenInput) and field.label:
            field.widget.attrs.setdefault("aria-label", str(field.label))
