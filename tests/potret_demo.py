"""A snapshot (potret) of what the core demo loader writes, kept per test process.

About fifty tests load the core demo (``tests.conftest.demo_inti_muat``), each inside its own
transaction that is rolled back at its end; loading it through the services takes several
seconds each time. The first load in a process runs the real loader and records, for every
table it changed, the rows it left, and copies the media folder. A later load that starts from
exactly the same database (every row of every table equal, checked each time) writes those rows
back with plain INSERTs instead, inside the test's transaction, and copies the files back. A
test that starts from anything else (its own personas or records created first) runs the real
loader. The loader itself is still run by the first such test of each process and by the demo's
own tests (``test_muat_demo_is_idempotent``, the ``*_demo`` tests load it twice).
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection

# Table and column names come from the database's own catalogue, quoted by Django.
# ruff: noqa: S608


@dataclass
class Potret:
    berubah: dict[str, tuple[list[str], list[tuple]]]
    media: Path | None
    #: the clock when the real load ended: a test restored from the snapshot continues from
    #: there (its rows carry that load's times, and services compare times with "now")
    selesai: float


_POTRET: dict[tuple, Potret] = {}


def _nilai(v):
    return bytes(v) if isinstance(v, memoryview) else v


def keadaan() -> dict[str, tuple[list[str], list[tuple]]]:
    """Every row of every table (but the migration history), as ``{table: (columns, rows)}``."""
    qn = connection.ops.quote_name
    hasil = {}
    with connection.cursor() as c:
        for tabel in sorted(connection.introspection.table_names(c)):
            if tabel == "django_migrations":
                continue
            c.execute(f"SELECT * FROM {qn(tabel)}")
            kolom = [d[0] for d in c.description]
            baris = sorted((tuple(_nilai(v) for v in b) for b in c.fetchall()), key=repr)
            hasil[tabel] = (kolom, baris)
    return hasil


def sidik(isi: dict) -> str:
    return hashlib.sha256(repr(sorted(isi.items())).encode()).hexdigest()


def _untuk_insert(v):
    if connection.vendor == "postgresql" and isinstance(v, dict | list):
        from psycopg2.extras import Json

        return Json(v)
    return v


def pulihkan(potret: Potret) -> None:
    """Write the recorded rows back (inside the current transaction) and copy the files."""
    qn = connection.ops.quote_name
    with connection.cursor() as c:
        for tabel, (kolom, baris) in potret.berubah.items():
            c.execute(f"DELETE FROM {qn(tabel)}")
            if baris:
                daftar = ", ".join(qn(k) for k in kolom)
                tanda = ", ".join(["%s"] * len(kolom))
                c.executemany(
                    f"INSERT INTO {qn(tabel)} ({daftar}) VALUES ({tanda})",
                    [tuple(_untuk_insert(v) for v in b) for b in baris],
                )
            if connection.vendor == "postgresql" and "id" in kolom:
                c.execute("SELECT pg_get_serial_sequence(%s, 'id')", [qn(tabel)])
                urutan = c.fetchone()[0]
                if urutan:
                    c.execute(f"SELECT MAX(id) FROM {qn(tabel)}")
                    terbesar = c.fetchone()[0]
                    c.execute("SELECT setval(%s, %s, %s)", [urutan, terbesar or 1, bool(terbesar)])
    if potret.media is not None:
        shutil.copytree(potret.media, settings.MEDIA_ROOT, dirs_exist_ok=True)


def muat(kunci: tuple, pemuat, *, geser_jam=None) -> None:
    """Load the demo through ``pemuat()``, or from the process's snapshot for ``kunci`` when the
    database is exactly as it was when the snapshot was taken. ``geser_jam(detik)`` moves the
    test's clock forward (the frozen day of ``tests.conftest``) to the end of that load."""
    sebelum = keadaan()
    kunci_penuh = (connection.vendor, *kunci, sidik(sebelum))
    potret = _POTRET.get(kunci_penuh)
    if potret is not None:
        pulihkan(potret)
        kurang = potret.selesai - time.time()
        if kurang > 0 and geser_jam is not None:
            geser_jam(kurang + 1)
        return
    pemuat()
    sesudah = keadaan()
    berubah = {t: isi for t, isi in sesudah.items() if sebelum.get(t) != isi}
    media = None
    if Path(settings.MEDIA_ROOT).is_dir():
        media = Path(tempfile.mkdtemp(prefix="potret-demo-")) / "media"
        shutil.copytree(settings.MEDIA_ROOT, media)
    _POTRET[kunci_penuh] = Potret(berubah=berubah, media=media, selesai=time.time())
