"""The audit trail: one ``JejakAudit`` row per historical record written by simple-history.

Every domain model declares ``history = HistoricalRecords()``; simple-history stores the full
row version, and this module adds a row to the single, searchable ``JejakAudit`` table with who,
when and the fields that changed. Batch operations call ``jejak_catat`` directly.

A service whose save IS a workflow step (a comment answered, a finding accepted) marks it with
``jejak_tandai`` before saving: the history row's audit entry then carries that action (``alur``)
and summary, so the event is one entry, not a history entry plus a ``jejak_catat`` one.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

_AKSI = {"+": "buat", "~": "ubah", "-": "hapus"}


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

    perubahan = _perubahan(history_instance)
    if history_instance.history_type == "~" and not perubahan:
        return  # a save that changed nothing is not an event
    aksi, ringkasan = instance.__dict__.pop("_jejak_tanda", (None, ""))
    alasan = instance.__dict__.pop("_alasan_penuh", "") or history_instance.history_change_reason
    JejakAudit.objects.create(
        waktu=history_instance.history_date,
        pengguna=history_user if getattr(history_user, "pk", None) else None,
        aksi=aksi or _AKSI[history_instance.history_type],
        content_type=ContentType.objects.get_for_model(type(instance)),
        object_id=str(instance.pk),
        objek=str(instance)[:300],
        perubahan=perubahan,
        keterangan=ringkasan or alasan or "",
    )


def jejak_tandai(obj, *, aksi: str, ringkasan: str) -> None:
    """Mark the next save of ``obj`` (a model with history): its audit entry gets ``aksi``
    (e.g. ``alur``) and ``ringkasan`` in place of buat/ubah and the change reason."""
    obj._jejak_tanda = (aksi, ringkasan)


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
