"""Simultaneous requests in tests: a file-backed SQLite database and threads that start at once.

pytest-django's SQLite test database lives in memory with a shared cache: there, two
connections that collide fail at once with "database table is locked" instead of waiting, and
the database itself never sees what a server does. ``basis_data_berkas`` copies the test
database to a file for one test (each thread then opens its own connection to it, as
runserver or gunicorn threads do); on PostgreSQL the test database is already a server, so it
does nothing. Use it in a ``django_db(transaction=True)`` test: the threads only see committed
rows.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connection, connections


@contextmanager
def basis_data_berkas(folder: Path) -> Iterator[None]:
    """While the block runs, the default database is a copy of the test database in
    ``folder`` (SQLite only; a per-test folder, so xdist workers never share it)."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    connection.ensure_connection()
    di_memori = connection.connection
    salinan = sqlite3.connect(folder / "konkuren.sqlite3")
    di_memori.backup(salinan)
    salinan.close()
    nama = connection.settings_dict["NAME"]
    # Keep the in-memory connection open (closing the last one drops that database) but out of
    # Django's hands; every connection opened from now on, in any thread, goes to the file.
    connection.connection = None
    connection.settings_dict["NAME"] = str(folder / "konkuren.sqlite3")
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = nama
        connection.connection = di_memori


def serentak(jumlah: int, kerja: Callable[[int], object]) -> list:
    """Run ``kerja(0)`` … ``kerja(jumlah - 1)`` in as many threads, released together by a
    barrier; return their results in order (an exception is returned, not raised)."""
    pintu = threading.Barrier(jumlah)
    hasil: list = [None] * jumlah

    def jalan(i: int) -> None:
        try:
            pintu.wait(timeout=30)
            hasil[i] = kerja(i)
        except Exception as e:  # reported to the test as a result
            hasil[i] = e
        finally:
            connections.close_all()

    threads = [threading.Thread(target=jalan, args=(i,)) for i in range(jumlah)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return hasil


@contextmanager
def kunci_ditahan(obj, *, milidetik: int = 200) -> Iterator[None]:
    """While the block runs another connection holds the write lock a save of ``obj`` needs
    (SQLite: the database's, PostgreSQL: the row's) and this thread's connection gives up
    waiting after ``milidetik`` — what a save meets when another one takes longer than the
    wait allows."""
    lain = connections.create_connection("default")
    sqlite = connection.vendor == "sqlite"
    if sqlite:
        lain.cursor().execute("BEGIN IMMEDIATE")
        connection.cursor().execute(f"PRAGMA busy_timeout = {int(milidetik)}")
    else:
        lain.set_autocommit(False)
        tabel = lain.ops.quote_name(obj._meta.db_table)
        lain.cursor().execute(f"SELECT 1 FROM {tabel} WHERE id = %s FOR UPDATE", [obj.pk])  # noqa: S608
        connection.cursor().execute(f"SET lock_timeout = '{int(milidetik)}ms'")
    try:
        yield
    finally:
        if sqlite:
            lain.cursor().execute("ROLLBACK")
            connection.cursor().execute(
                f"PRAGMA busy_timeout = {int(connection.settings_dict['OPTIONS']['timeout'] * 1000)}"
            )
        else:
            lain.rollback()
            connection.cursor().execute("RESET lock_timeout")
        lain.close()
