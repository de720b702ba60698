"""The audit trail: one ``JejakAudit`` row per historical record written by simple-history.

Every domain model declares ``history = HistoricalRecords()``; simple-history stores the full
row version, and this module adds a row to the single, searchable ``JejakAudit`` table with who,
when and the fields that changed. Batch operations call ``jejak_catat`` directly.

A service whose save IS a workflow step (a comment answered, a finding accepted) marks it with
``jejak_tandai`` before saving: the history row's audit entry then carries that action (``alur``)
and summary, so the event is one entry, not a history entry plus a ``jejak_catat`` one. A
marked save is an entry even when its history row has nothing to compare with (a row imported in
bulk has no earlier history row): the service then gives the changes itself (``jejak_nilai``
before, ``jejak_beda`` after), which are also right for a row changed in bulk since its last
history row. Saves of other rows that belong to the same event are made inside
``jejak_gabung``: their history rows are kept, without an audit entry of their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

_AKSI = {"+": "buat", "~": "ubah", "-": "hapus"}
_GABUNG: ContextVar[bool] = ContextVar("jejak_gabung", default=False)


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal | date | datetime):
        return str(value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _perubahan(history_instance) -> dict:
    if history_instance.history_type != "~":
        return {}
    previous = history_instance.prev_record
    if previous is None:
        return {}
    delta = history_instance.diff_against(previous)
    return {c.field: [_plain(c.old), _plain(c.new)] for c in delta.changes}


def _alasan_muat(sender, instance, history_instance, **kwargs):
    """A change reason longer than the history column (100 characters) is cut there with "…"
    (PostgreSQL refuses the row otherwise); the audit entry keeps it whole."""
    alasan = history_instance.history_change_reason or ""
    batas = type(history_instance)._meta.get_field("history_change_reason").max_length
    if batas and len(alasan) > batas:
        instance.__dict__["_alasan_penuh"] = alasan
        history_instance.history_change_reason = alasan[: batas - 1] + "…"


def _on_historical_record(sender, instance, history_instance, history_user=None, **kwargs):
    from .models import JejakAudit

    tanda = instance.__dict__.pop("_jejak_tanda", None)
    alasan = instance.__dict__.pop("_alasan_penuh", "") or history_instance.history_change_reason
    perubahan = _perubahan(history_instance)
    if tanda is None:
        if _GABUNG.get() or (history_instance.history_type == "~" and not perubahan):
            return  # part of an event recorded once, or a save that changed nothing
        aksi, ringkasan = _AKSI[history_instance.history_type], ""
    else:
        aksi, ringkasan, perubahan_tanda = tanda
        if perubahan_tanda is not None:  # the service's: read from the row under a lock
            perubahan = perubahan_tanda
    JejakAudit.objects.create(
        waktu=history_instance.history_date,
        pengguna=history_user if getattr(history_user, "pk", None) else None,
        aksi=aksi,
        content_type=ContentType.objects.get_for_model(type(instance)),
        object_id=str(instance.pk),
        objek=str(instance)[:300],
        perubahan=perubahan,
        keterangan=ringkasan or alasan or "",
    )


def jejak_tandai(
    obj, *, aksi: str, ringkasan: str, pengguna=None, perubahan: dict | None = None
) -> None:
    """Mark the next save of ``obj`` (a model with history) as ONE workflow event: its audit
    entry gets ``aksi`` (e.g. ``alur``) and ``ringkasan`` in place of buat/ubah and the change
    reason, and is written even when the history row has no earlier row to diff against (a row
    imported in bulk). ``perubahan`` (``{field: [lama, baru]}``, ``jejak_beda`` of the row as
    the service read it) replaces the history diff, which compares with the last history row
    and so misses a row imported or screened in bulk since (no history rows for those);
    ``None``: the history diff. ``pengguna``: the actor (also the history row's user), for a
    save outside a web request (the API, a command)."""
    obj._jejak_tanda = (aksi, ringkasan, perubahan)
    if pengguna is not None:
        obj._history_user = pengguna


def _dicatat(model) -> list:
    """The fields of ``model`` its history keeps (and diffs: editable ones)."""
    from simple_history.utils import get_history_model_for_model

    return [f for f in get_history_model_for_model(model).tracked_fields if f.editable]


def jejak_nilai(obj) -> dict:
    """The values of ``obj``'s history-kept fields now, to compare after a change
    (``jejak_beda``); fields kept out of the history (personal data) are not read."""
    return {f.name: _plain(getattr(obj, f.attname)) for f in _dicatat(type(obj))}


def jejak_beda(sebelum: dict, obj) -> dict:
    """``{field: [lama, baru]}`` of the fields of ``obj`` changed since ``jejak_nilai``."""
    sesudah = jejak_nilai(obj)
    return {k: [v, sesudah[k]] for k, v in sebelum.items() if sesudah.get(k) != v}


@contextmanager
def jejak_gabung() -> Iterator[None]:
    """Saves inside keep their history rows but write no audit entry of their own (a save
    marked with ``jejak_tandai`` still does): the caller records the event once."""
    token = _GABUNG.set(True)
    try:
        yield
    finally:
        _GABUNG.reset(token)


def connect() -> None:
    from simple_history.signals import (
        post_create_historical_record,
        pre_create_historical_record,
    )

    pre_create_historical_record.connect(_alasan_muat, dispatch_uid="jejak_alasan_muat")
    post_create_historical_record.connect(_on_historical_record, dispatch_uid="jejak_audit")


def jejak_catat(*, pengguna, aksi: str, objek=None, ringkasan: str = "", perubahan=None):
    """Record a batch event (an import, a workflow step, a download) in the audit trail.

    ``perubahan``: ``{field: [lama, baru]}`` for changed fields, or ``{label: value}`` for a
    summary of the event (counts); the audit page shows either (``JejakAudit.perubahan_baris``).
    """
    from .models import JejakAudit

    return JejakAudit.objects.create(
        waktu=timezone.now(),
        pengguna=pengguna if getattr(pengguna, "pk", None) else None,
        aksi=aksi,
        content_type=ContentType.objects.get_for_model(type(objek)) if objek is not None else None,
        object_id=str(objek.pk) if objek is not None else "",
        objek=str(objek)[:300] if objek is not None else ringkasan[:300],
        perubahan=perubahan or {},
        keterangan=ringkasan,
    )
