"""The bulk writer of the imports: PostgreSQL ``COPY`` from a stream of rows (other databases:
batched ``executemany``), so 200,000 applicants or 1,000,000 party members take seconds."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterable, Sequence

from django.db import connection

# --------------------------------------------------------------------------- bulk writer


NULL_COPY = r"\N"


def _teks_copy(value) -> str:
    if value is None:
        return NULL_COPY
    if value is True:
        return "t"
    if value is False:
        return "f"
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = (
            text.replace("\\", "\\\\")
            .replace("\t", "\\t")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
    return text


def _indeks_lepas(cursor, table: str) -> list[str]:
    """Drop ``table``'s primary key (unless another table refers to it) and its other indexes;
    return the statements that rebuild them as they were. PostgreSQL only, under the exclusive
    lock of a ``TRUNCATE`` in the same transaction."""
    qn = connection.ops.quote_name
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid), conindid FROM pg_constraint "
        "WHERE conrelid = %s::regclass AND contype = 'p' AND NOT EXISTS ("
        "SELECT 1 FROM pg_constraint r WHERE r.confrelid = %s::regclass)",
        [table, table],
    )
    kunci = cursor.fetchall()
    cursor.execute(
        "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index "
        "WHERE indrelid = %s::regclass AND indexrelid NOT IN ("
        "SELECT conindid FROM pg_constraint WHERE conrelid = %s::regclass)",
        [table, table],
    )
    indeks = cursor.fetchall()
    bangun = []
    for nama, definisi, _ in kunci:
        cursor.execute(f"ALTER TABLE {qn(table)} DROP CONSTRAINT {qn(nama)}")
        bangun.append(f"ALTER TABLE {qn(table)} ADD CONSTRAINT {qn(nama)} {definisi}")
    for nama, definisi in indeks:
        cursor.execute(f"DROP INDEX {nama}")
        bangun.append(definisi)
    return bangun


class _Aliran:
    """A read-only text file over an iterator of ``COPY`` lines (for ``copy_expert``).

    An exception raised by the iterator (an ``ImporGagal`` of the reader) ends the data and is
    kept in ``gagal``: psycopg2 would turn it into a ``QueryCanceled`` that names no row, so
    the writer raises it itself once ``COPY`` returns (inside the caller's transaction)."""

    def __init__(self, rows: Iterable):
        self._it = iter(rows)
        self._sisa = ""
        self.jumlah = 0
        self.gagal: Exception | None = None

    def iterator(self):
        for row in self._it:
            self.jumlah += 1
            yield row

    def read(self, size: int = -1) -> str:
        parts = [self._sisa]
        n = len(self._sisa)
        try:
            for line in self._it:
                self.jumlah += 1
                parts.append(line)
                n += len(line)
                if 0 < size <= n:
                    break
        except Exception as exc:
            self.gagal = exc
            self._it = iter(())
        data = "".join(parts)
        if 0 < size < len(data):
            self._sisa = data[size:]
            return data[:size]
        self._sisa = ""
        return data

    def readline(self, size: int = -1) -> str:  # pragma: no cover - psycopg2 uses read()
        return self.read(size)


class PenulisMassal:
    """Collects rows for one table and writes them in bulk: ``COPY`` on PostgreSQL (rows kept
    as a compact text buffer), batched ``executemany`` elsewhere."""

    BATCH = 5000

    def __init__(self, model, kolom: Sequence[str]):
        self.table = model._meta.db_table
        self.kolom = list(kolom)
        self.postgres = connection.vendor == "postgresql"
        self.jumlah = 0
        self._buffer = io.StringIO() if self.postgres else None
        self._rows: list[tuple] = []

    def tambah_teks(self, line: str) -> None:
        """A ready ``COPY`` text line (PostgreSQL only; values already escaped)."""
        self.jumlah += 1
        self._buffer.write(line)

    def tambah(self, row: Sequence) -> None:
        self.jumlah += 1
        if self.postgres:
            self._buffer.write("\t".join(_teks_copy(v) for v in row))
            self._buffer.write("\n")
        else:
            self._rows.append(tuple(row))

    def tulis_aliran(self, rows: Iterable, *, analyze: bool = True) -> int:
        """Write rows while they are produced: on PostgreSQL the ``COPY`` consumes text lines
        as the caller's generator yields them, so the server inserts on one core while Python
        parses the next rows on the other. The caller raises inside its transaction if the
        input turns out bad, which rolls the rows back."""
        qn = connection.ops.quote_name
        cols = ", ".join(qn(k) for k in self.kolom)
        aliran = _Aliran(rows)
        with connection.cursor() as cursor:
            if self.postgres:
                cursor.cursor.copy_expert(
                    f"COPY {qn(self.table)} ({cols}) FROM STDIN", aliran, size=1 << 16
                )
                if aliran.gagal is not None:
                    raise aliran.gagal
                # Fresh planner statistics: the set-based screening right after an import must
                # not be planned for the table as it was before thousands of rows arrived.
                if analyze:
                    cursor.execute(f"ANALYZE {qn(self.table)}")
            else:
                marks = ", ".join(["%s"] * len(self.kolom))
                sql = f"INSERT INTO {qn(self.table)} ({cols}) VALUES ({marks})"  # noqa: S608
                rows_iter = aliran.iterator()
                while batch := list(itertools.islice(rows_iter, self.BATCH)):
                    cursor.executemany(sql, batch)
        self.jumlah += aliran.jumlah
        return self.jumlah

    def ganti_semua(self, rows: Iterable) -> int:
        """Replace the table's whole content with ``rows`` (inside the caller's transaction).

        PostgreSQL: ``TRUNCATE`` (its exclusive lock is held until the commit, so nobody sees
        the table without its indexes), the primary key and indexes dropped, ``COPY`` into the
        bare table, then the indexes rebuilt from their own definitions (one sorted build each,
        several times faster than updating them row by row) and ``ANALYZE``. The rows carry
        their ids (``id`` first in ``kolom``, numbered from 1); the id sequence is moved past
        them (never lowered). Other databases: delete, then ``tulis_aliran``."""
        if not self.postgres:
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(self.table)}")  # noqa: S608
            return self.tulis_aliran(rows)
        qn = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {qn(self.table)}")
            bangun = _indeks_lepas(cursor, self.table)
            self.tulis_aliran(rows, analyze=False)
            for sql in bangun:
                cursor.execute(sql)
            if self.jumlah and self.kolom[0] == "id":
                # never lowered: setval is not undone by a rollback, which restores the old rows
                cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [self.table])
                urutan = cursor.fetchone()[0]
                cursor.execute(
                    f"SELECT setval(%s, GREATEST(%s, (SELECT last_value FROM {urutan})))",  # noqa: S608
                    [urutan, self.jumlah],
                )
            cursor.execute(f"ANALYZE {qn(self.table)}")
        return self.jumlah

    def tulis(self) -> int:
        qn = connection.ops.quote_name
        cols = ", ".join(qn(k) for k in self.kolom)
        with connection.cursor() as cursor:
            if self.postgres:
                self._buffer.seek(0)
                cursor.cursor.copy_expert(
                    f"COPY {qn(self.table)} ({cols}) FROM STDIN", self._buffer
                )
                cursor.execute(f"ANALYZE {qn(self.table)}")
                self._buffer = io.StringIO()
            else:
                marks = ", ".join(["%s"] * len(self.kolom))
                sql = f"INSERT INTO {qn(self.table)} ({cols}) VALUES ({marks})"  # noqa: S608
                for start in range(0, len(self._rows), self.BATCH):
                    cursor.executemany(sql, self._rows[start : start + self.BATCH])
                self._rows = []
        return self.jumlah
