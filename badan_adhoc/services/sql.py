"""Set-based writes the ORM cannot say: an UPDATE whose new values come from a SELECT (a
window function, here), portable between PostgreSQL and SQLite.

``perbarui_dari`` writes only the rows whose value changes (a rerun writes nothing), as
``UPDATE … FROM (SELECT …)`` on PostgreSQL and SQLite ≥ 3.33, else through a temporary table
and correlated subqueries (SQLite 3.25–3.32 has window functions but no ``UPDATE … FROM``).
Like ``QuerySet.update()`` these statements send no signals: no pre_save limit check (the
values are computed, not typed in) and no django-simple-history rows; the caller records one
audit entry (``jejak_catat``) for the batch.

The SQL is assembled from table and column names of the models and from the callers' constant
fragments (hence the ``noqa: S608``); every value is a query parameter.
"""

from __future__ import annotations

from django.db import connection


def update_from_didukung(conn) -> bool:
    """Does the database understand ``UPDATE t SET … FROM (subquery) …``?"""
    if conn.vendor == "postgresql":
        return True
    return conn.vendor == "sqlite" and conn.Database.sqlite_version_info >= (3, 33, 0)


def _berubah(kolom: dict[str, str], lama: str, baru: str) -> str:
    """SQL true when any column differs between ``lama`` and ``baru`` (NULL-safe: PostgreSQL's
    ``IS DISTINCT FROM`` is SQLite's ``IS NOT``)."""
    beda = "IS DISTINCT FROM" if connection.vendor == "postgresql" else "IS NOT"
    return "(" + " OR ".join(f"{lama}.{k} {beda} {baru}.{k}" for k in kolom) + ")"


def perbarui_dari(
    *, tabel: str, kolom: dict[str, str], sumber: str, params, saring: str, saring_params
) -> int:
    """Set ``kolom`` of the rows of ``tabel`` that match ``saring`` (a condition on ``l``, the
    table) from ``sumber``, a SELECT of ``id`` and those columns (by name); rows missing from
    ``sumber`` are left alone. ``kolom`` maps a column to its SQL type (for the temporary table
    of the correlated form). Returns the number of rows changed."""
    qn = connection.ops.quote_name
    t = qn(tabel)
    params = [*params, *saring_params]
    with connection.cursor() as cur:
        if update_from_didukung(connection):
            setel = ", ".join(f"{k} = b.{k}" for k in kolom)
            cur.execute(
                f"UPDATE {t} AS l SET {setel} FROM ({sumber}) AS b "  # noqa: S608
                f"WHERE l.id = b.id AND {saring} AND {_berubah(kolom, 'l', 'b')}",
                params,
            )
            return cur.rowcount
        sementara = qn(f"_{tabel}_baru")
        definisi = ", ".join(f"{k} {jenis}" for k, jenis in kolom.items())
        daftar = ", ".join(kolom)
        pilih = ", ".join(f"b.{k}" for k in kolom)
        # dropped at the end; on an error the caller's transaction rolls its creation back
        cur.execute(f"CREATE TEMPORARY TABLE {sementara} (id bigint PRIMARY KEY, {definisi})")
        cur.execute(
            f"INSERT INTO {sementara} (id, {daftar}) SELECT b.id, {pilih} "  # noqa: S608
            f"FROM ({sumber}) AS b JOIN {t} AS l ON l.id = b.id "
            f"WHERE {saring} AND {_berubah(kolom, 'l', 'b')}",
            params,
        )
        dari_sementara = f"FROM {sementara} AS s WHERE s.id = {t}.id"
        setel = ", ".join(f"{k} = (SELECT s.{k} {dari_sementara})" for k in kolom)
        cur.execute(f"UPDATE {t} SET {setel} WHERE id IN (SELECT id FROM {sementara})")  # noqa: S608
        berubah = cur.rowcount
        cur.execute(f"DROP TABLE {sementara}")
        return berubah
