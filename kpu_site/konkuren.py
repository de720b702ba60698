"""Simultaneous saves: when the database is still busy with another user's save.

Writes queue (SQLite: immediate transactions with a busy timeout, see settings; PostgreSQL:
``select_for_update`` on the row being changed) and the optimistic ``versi`` check tells the
second user who saved first. Only when the wait runs out (SQLite "database is locked", a
PostgreSQL lock timeout, deadlock or serialisation failure) does the database refuse; the user
is then asked to save again instead of seeing a 500:

- forms (``kpu_site.formulir``): an error at the top of the form, what was typed is kept;
- POST actions that redirect: an error message;
- the API (``kpu_site.api.exception_handler``): 503 with ``Retry-After``;
- any other page (``BasisDataSibukMiddleware``): a 503 page with the same message.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from django.db import OperationalError, connection, transaction
from django.http import HttpResponse
from django.template.loader import render_to_string

PESAN_SIBUK = "Data sedang disimpan pengguna lain, coba simpan lagi."
DETIK_COBA_LAGI = 5

# PostgreSQL: deadlock_detected, serialization_failure, lock_not_available (lock_timeout).
_KODE_PG_SIBUK = frozenset({"40P01", "40001", "55P03"})


def basis_data_sibuk(error: BaseException) -> bool:
    """Whether ``error`` is the database refusing because another write holds the lock."""
    if not isinstance(error, OperationalError):
        return False
    if getattr(error.__cause__, "pgcode", None) in _KODE_PG_SIBUK:
        return True
    return "database is locked" in str(error) or "database table is locked" in str(error)


@contextmanager
def transaksi_tulis() -> Iterator[None]:
    """``transaction.atomic()`` for a view's service calls. On SQLite the wait for the write
    lock happens when the transaction begins, before the block; when that wait runs out the
    block still runs (a context manager cannot skip it) but its first query raises the same
    busy error, so nothing in it is written outside a transaction and the caller puts the
    message on its form."""
    with ExitStack() as tumpukan:
        try:
            tumpukan.enter_context(transaction.atomic())
        except OperationalError as e:
            if not basis_data_sibuk(e):
                raise
            sibuk = e

            def tolak(execute, sql, params, many, context):
                raise sibuk

            tumpukan.enter_context(connection.execute_wrapper(tolak))
        yield


def respons_sibuk(request) -> HttpResponse:
    """The 503 page: the message and a way back to what the user was doing."""
    konteks = {"pesan": PESAN_SIBUK, "kembali": request.get_full_path()}
    response = HttpResponse(render_to_string("503.html", konteks), status=503)
    response["Retry-After"] = str(DETIK_COBA_LAGI)
    return response


class BasisDataSibukMiddleware:
    """A busy database in a view that has no form to show the message on: 503, not 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if basis_data_sibuk(exception):
            return respons_sibuk(request)
        return None
